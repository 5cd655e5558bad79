#pragma once

#include "model/graph/headsanalysis.h"
#include "model/script/downrevisionedit.h"
#include "widgets/heads/reparentdialog.h"

#include <QObject>

class QAction;
class QInputDialog;
#include <QPointer>

namespace retort {

class DatabaseSession;
class GraphView;
class HeadsBanner;
class HeadsPanel;
class ProjectSession;
class ScriptsController;

// Heads, resolved with the databases in view (issue 16): after each load and each database
// read, analyses the heads (HeadsAnalysis) and shows the banner while some are unexplained;
// fills the Heads panel; and carries out the fixes. A re-parent (from the panel or a node
// dragged onto another) is checked against every database (ReparentCheck), previewed as a
// diff (ReparentDialog), then made in the script's editor tab as one undo step and saved
// with the editor's save: Ctrl+Z in that tab and Save take it back. The reload that follows
// the save (the file watcher) analyses the heads again. A merge opens Merge Heads with the
// heads ticked.
class HeadsController : public QObject
{
    Q_OBJECT

public:
    HeadsController(ProjectSession* session, DatabaseSession* databases,
                    ScriptsController* scripts, GraphView* graphView, HeadsBanner* banner,
                    HeadsPanel* panel, QObject* parent = nullptr);

    const HeadsAnalysis& analysis() const { return m_analysis; }
    // Every configured database with where it stands, for the checks.
    QList<DatabaseView> databaseViews() const;

    // Previews moving `revision` onto `newParent` (the dialog opens window-modal and is
    // returned; null without a project). Confirmed, the edit is made and saved.
    ReparentDialog* requestReparent(const QString& revision, const QString& newParent,
                                    const QString& reason = {});
    ReparentDialog* reparentDialog() const { return m_dialog; }

    // The graph's "Re-parent Onto…" (the keyboard's way to what a drag does): asks which
    // revision the selected one should follow (a window-modal list, returned; null when
    // nothing is selected), then previews as above.
    QAction* reparentAction() const { return m_reparentAction; }
    QInputDialog* askNewParent(const QString& revision);

signals:
    // The banner's Show Heads: the window shows the panel.
    void showPanelRequested();
    void message(const QString& text);
    void errorOccurred(const QString& text);

public slots:
    void update();

private:
    bool apply(const QString& path, const QString& previewed, const DownRevisionEdit& edit);

    ProjectSession* m_session = nullptr;
    DatabaseSession* m_databases = nullptr;
    ScriptsController* m_scripts = nullptr;
    GraphView* m_graphView = nullptr;
    HeadsBanner* m_banner = nullptr;
    HeadsPanel* m_panel = nullptr;
    HeadsAnalysis m_analysis;
    QPointer<ReparentDialog> m_dialog;
    QAction* m_reparentAction = nullptr;
};

} // namespace retort
