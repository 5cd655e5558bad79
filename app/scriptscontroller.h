#pragma once

#include "model/project/projectsnapshot.h"
#include "model/script/scriptfile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QTimer;
class QWidget;

namespace retort {

class AlembicRunner;
class FileWatcher;
class GraphView;
class ProjectSession;
class RevisionCommand;
class RevisionGraph;
class ScriptPage;
class ScriptTabs;
class Settings;

// The script pane's behaviour: opens revision scripts in tabs (from the graph, the details
// pane, the diagnostics), saves them atomically in their own format, asks before unsaved
// text is lost, follows changes made behind Retort's back (silent reload of unmodified tabs,
// a banner for modified or deleted ones), reloads the project after saves and outside
// changes, keeps the active tab's revision selected in the graph, shows each file's
// diagnostics in its editor, and creates revisions and merges through alembic.
class ScriptsController : public QObject
{
    Q_OBJECT

public:
    enum class SaveChoice
    {
        Save,
        Discard,
        Cancel
    };
    // Asked before modified scripts would be closed; gets their file names.
    using SavePrompt = std::function<SaveChoice(const QStringList& fileNames)>;

    // `runner` runs alembic revision / merge; it is shared with the window's other commands.
    ScriptsController(ProjectSession* session, GraphView* graphView, ScriptTabs* tabs,
                      Settings& settings, AlembicRunner* runner, QObject* parent = nullptr);
    ~ScriptsController() override;

    // Opens (or brings forward) the script at `path`, at `line` when > 0. Null when the
    // file cannot be read as text it could be written back as (errorOccurred() says why).
    ScriptPage* openScript(const QString& path, int line = 0);
    ScriptPage* openRevision(const QString& id);
    ScriptTabs* tabs() const { return m_tabs; }

    bool save(ScriptPage* page);
    // Closes the tab, asking first when its text is not on disk. False when cancelled.
    bool closePage(ScriptPage* page);
    // Before the window closes: asks once about all modified scripts and saves them when
    // told to. False when the person cancels or a save fails.
    bool confirmClose();
    void setSavePrompt(SavePrompt prompt) { m_prompt = std::move(prompt); }

    // Runs `alembic <arguments>` (revision … or merge …) through AlembicRunner, with the
    // project's Python interpreter setting (Run ▸ Python Interpreter…), and opens the script
    // it generates.
    bool runRevisionCommand(const QStringList& arguments);
    // Script → Merge Heads: the dialog with `heads` ticked (every head when empty).
    void showMergeDialog(const QStringList& heads = {});
    bool isRunningCommand() const;

    FileWatcher* watcher() const { return m_watcher; }
    void setReloadDelay(int milliseconds);

    QAction* openScriptAction() const { return m_openAction; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* closeAction() const { return m_closeAction; }
    QAction* newRevisionAction() const { return m_newRevisionAction; }
    QAction* mergeHeadsAction() const { return m_mergeAction; }

signals:
    void pageCountChanged(int count);
    // A sentence for the status bar.
    void message(const QString& text);
    void errorOccurred(const QString& text);
    // `alembic revision` / `merge` finished: the new file, or why there is none.
    void revisionCommandFinished(const QString& path, const QString& error);

public:
    // A project loaded: the actions follow its graph; its folders and files are watched.
    void setProject(const ProjectSnapshot& project);

private:
    void updateOpenAction();
    void onFileChanged(const QString& path);
    void onFileRemoved(const QString& path);
    // The project folder vanished (`missing`) or the project loaded again: the pages whose
    // files went with it say so and keep their text; back, they follow the files again.
    void onProjectMissing(bool missing);
    void recheckPages();
    void updateCommandActions();
    void reloadFromDisk(ScriptPage* page);
    void syncGraphToPage();
    void selectPending();
    void updateDiagnostics(ScriptPage* page);
    void scheduleProjectReload();
    void showNewRevisionDialog();
    QString revisionOf(const QString& path) const;
    QWidget* dialogParent() const;
    SaveChoice ask(const QStringList& names) const;

    ProjectSession* m_session = nullptr;
    Settings& m_settings;
    GraphView* m_graphView = nullptr;
    ScriptTabs* m_tabs = nullptr;
    FileWatcher* m_watcher = nullptr;
    RevisionCommand* m_command = nullptr;
    QTimer* m_reloadTimer = nullptr;
    QHash<ScriptPage*, ScriptFile> m_files; // the format each page is saved in
    SavePrompt m_prompt;
    QString m_selectAfterLoad; // a new script's path: select its revision once loaded

    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_newRevisionAction = nullptr;
    QAction* m_mergeAction = nullptr;
};

} // namespace retort
