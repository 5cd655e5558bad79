#include "app/scriptscontroller.h"

#include "app/projectrunrequest.h"
#include "model/config/alembicconfig.h"
#include "widgets/dialogs/mergeheadsdialog.h"
#include "widgets/dialogs/newrevisiondialog.h"
#include "widgets/editor/scriptbanner.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "app/projectsession.h"
#include "model/script/filewatcher.h"
#include "model/script/revisioncommand.h"
#include "app/settings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace retort {

namespace {

QString cleanPath(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QsciScintilla::EolMode eolMode(const ScriptFile& file)
{
    switch (file.lineEnding()) {
    case ScriptFile::LineEnding::CrLf:
        return QsciScintilla::EolWindows;
    case ScriptFile::LineEnding::Cr:
        return QsciScintilla::EolMac;
    case ScriptFile::LineEnding::Lf:
        break;
    }
    return QsciScintilla::EolUnix;
}

} // namespace

ScriptsController::ScriptsController(ProjectSession* session, GraphView* graphView,
                                     ScriptTabs* tabs, Settings& settings, AlembicRunner* runner,
                                     QObject* parent)
    : QObject(parent), m_session(session), m_settings(settings), m_graphView(graphView),
      m_tabs(tabs), m_watcher(new FileWatcher(this)), m_command(new RevisionCommand(runner, this)),
      m_reloadTimer(new QTimer(this))
{
    // Only gathers what arrives together (Save All, a new script and its tab): the watcher
    // already waits for bursts of outside changes to end, and a save should show at once.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(30);
    connect(m_reloadTimer, &QTimer::timeout, m_session, &ProjectSession::reload);

    m_openAction = new QAction(tr("&Open Script"), this);
    m_openAction->setStatusTip(tr("Open the selected revision's script"));
    m_openAction->setEnabled(false); // until a revision with a script is selected
    connect(m_openAction, &QAction::triggered, this,
            [this] { openRevision(m_graphView->currentRevision()); });
    connect(m_graphView, &GraphView::currentRevisionChanged, this,
            &ScriptsController::updateOpenAction);

    // Save and Close act on the script tabs only, so they never steal keys elsewhere.
    m_saveAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save Script"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_saveAction->setEnabled(false);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(m_tabs->currentPage()); });
    m_closeAction = new QAction(tr("&Close Script"), this);
    m_closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_closeAction->setEnabled(false);
    connect(m_closeAction, &QAction::triggered, this, [this] { closePage(m_tabs->currentPage()); });
    m_tabs->addAction(m_saveAction);
    m_tabs->addAction(m_closeAction);

    m_newRevisionAction = new QAction(tr("&New Revision…"), this);
    m_newRevisionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newRevisionAction->setStatusTip(tr("Create a revision script with alembic revision"));
    m_newRevisionAction->setEnabled(false);
    connect(m_newRevisionAction, &QAction::triggered, this,
            &ScriptsController::showNewRevisionDialog);
    m_mergeAction = new QAction(tr("&Merge Heads…"), this);
    m_mergeAction->setStatusTip(tr("Join heads with alembic merge"));
    m_mergeAction->setEnabled(false);
    connect(m_mergeAction, &QAction::triggered, this, [this] { showMergeDialog(); });

    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closePage(m_tabs->page(index)); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_saveAction->setEnabled(m_tabs->count() > 0);
        m_closeAction->setEnabled(m_tabs->count() > 0);
        syncGraphToPage();
    });
    m_tabs->hide();

    connect(m_graphView, &GraphView::revisionActivated, this,
            [this](const QString& id) { openRevision(id); });
    connect(m_graphView, &GraphView::graphChanged, this, &ScriptsController::selectPending);

    connect(m_watcher, &FileWatcher::fileChanged, this, &ScriptsController::onFileChanged);
    connect(m_watcher, &FileWatcher::fileRemoved, this, &ScriptsController::onFileRemoved);
    connect(m_watcher, &FileWatcher::directoriesChanged, this,
            &ScriptsController::scheduleProjectReload);

    connect(m_session, &ProjectSession::projectMissingChanged, this,
            &ScriptsController::onProjectMissing);

    connect(m_command, &RevisionCommand::finished, this,
            [this](const QString& path, const QString& error, const QString& output) {
                Q_UNUSED(output)
                updateCommandActions();
                if (!error.isEmpty()) {
                    emit errorOccurred(tr("alembic failed: %1").arg(error));
                } else {
                    emit message(tr("Created %1").arg(QDir::toNativeSeparators(path)));
                    m_selectAfterLoad = path;
                    openScript(path);
                    scheduleProjectReload();
                }
                emit revisionCommandFinished(path, error);
            });
}

ScriptsController::~ScriptsController() = default;

void ScriptsController::setReloadDelay(int milliseconds)
{
    m_reloadTimer->setInterval(milliseconds);
}

QWidget* ScriptsController::dialogParent() const
{
    return m_tabs->window();
}

ScriptPage* ScriptsController::openRevision(const QString& id)
{
    const auto graph = m_session->graph();
    const Revision* revision = graph && !id.isEmpty() ? graph->revision(id) : nullptr;
    if (!revision || revision->path.isEmpty())
        return nullptr;
    return openScript(revision->path);
}

ScriptPage* ScriptsController::openScript(const QString& rawPath, int line)
{
    const QString path = cleanPath(rawPath);
    if (ScriptPage* existing = m_tabs->pageForPath(path)) {
        m_tabs->setCurrentWidget(existing);
        if (line > 0)
            existing->editor()->goToLine(line);
        existing->editor()->setFocus();
        return existing;
    }
    // One small file, read on the GUI thread when asked for: quick, and the person waits
    // for exactly this.
    const Result<ScriptFile> file = ScriptFile::read(path);
    if (!file) {
        emit errorOccurred(
            tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.error()));
        return nullptr;
    }
    auto* page = new ScriptPage(path);
    ScriptEditor* editor = page->editor();
    editor->setEolMode(eolMode(*file));
    editor->setText(file->text());
    editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    editor->setModified(false);
    m_files.insert(page, *file);
    m_watcher->watchFile(path, file->encode(file->text()).value());

    connect(page->banner(), &ScriptBanner::reloadRequested, this,
            [this, page] { reloadFromDisk(page); });
    connect(page->banner(), &ScriptBanner::keepRequested, page->banner(), &ScriptBanner::dismiss);

    const int index = m_tabs->addPage(page);
    m_tabs->show();
    m_tabs->setCurrentIndex(index);
    updateDiagnostics(page);
    if (line > 0)
        editor->goToLine(line);
    editor->setFocus();
    emit pageCountChanged(m_tabs->count());
    return page;
}

bool ScriptsController::save(ScriptPage* page)
{
    if (!page)
        return false;
    const ScriptFile format = m_files.value(page);
    // The folder went away (the project renamed or deleted): say so plainly; nothing is
    // written anywhere else, and the text stays in the editor.
    const QString folder = QFileInfo(page->path()).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        emit errorOccurred(tr("Could not save %1: the folder %2 no longer exists (moved or "
                              "deleted). The text is kept here.")
                               .arg(QDir::toNativeSeparators(page->path()),
                                    QDir::toNativeSeparators(folder)));
        return false;
    }
    // QSaveFile writes beside the file and renames over it: a full disk or a read-only folder
    // fails here and leaves the file as it was.
    const Result<QByteArray> bytes = format.save(page->path(), page->editor()->text());
    if (!bytes) {
        emit errorOccurred(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(page->path()), bytes.error()));
        return false;
    }
    m_watcher->noteOwnSave(page->path(), *bytes);
    page->editor()->setModified(false);
    page->setFileMissing(false);
    page->banner()->dismiss();
    m_tabs->updateTitle(page);
    emit message(tr("Saved %1").arg(QDir::toNativeSeparators(page->path())));
    scheduleProjectReload();
    return true;
}

ScriptsController::SaveChoice ScriptsController::ask(const QStringList& names) const
{
    if (m_prompt)
        return m_prompt(names);
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    names.size() == 1
                        ? tr("Save the changes to %1?").arg(names.first())
                        : tr("Save the changes to these scripts?\n\n%1").arg(names.join(u'\n')),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, dialogParent());
    box.setObjectName(QStringLiteral("saveChangesBox"));
    box.setInformativeText(tr("Your changes are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return SaveChoice::Save;
    case QMessageBox::Discard:
        return SaveChoice::Discard;
    default:
        return SaveChoice::Cancel;
    }
}

bool ScriptsController::closePage(ScriptPage* page)
{
    if (!page)
        return false;
    if (page->isModified()) {
        m_tabs->setCurrentWidget(page);
        switch (ask({QFileInfo(page->path()).fileName()})) {
        case SaveChoice::Cancel:
            return false;
        case SaveChoice::Save:
            if (!save(page))
                return false;
            break;
        case SaveChoice::Discard:
            break;
        }
    }
    m_watcher->unwatchFile(page->path());
    m_files.remove(page);
    m_tabs->closePage(page);
    if (m_tabs->count() == 0)
        m_tabs->hide();
    emit pageCountChanged(m_tabs->count());
    return true;
}

bool ScriptsController::confirmClose()
{
    QList<ScriptPage*> modified;
    QStringList names;
    for (ScriptPage* page : m_tabs->pages()) {
        if (page->isModified()) {
            modified << page;
            names << QFileInfo(page->path()).fileName();
        }
    }
    if (modified.isEmpty())
        return true;
    switch (ask(names)) {
    case SaveChoice::Cancel:
        return false;
    case SaveChoice::Discard:
        return true;
    case SaveChoice::Save:
        break;
    }
    for (ScriptPage* page : std::as_const(modified))
        if (!save(page))
            return false;
    return true;
}

void ScriptsController::onFileChanged(const QString& path)
{
    scheduleProjectReload();
    ScriptPage* page = m_tabs->pageForPath(path);
    if (!page)
        return;
    if (!page->editor()->isModified()) {
        reloadFromDisk(page); // nothing of the person's to lose
        return;
    }
    page->banner()->showChangedOnDisk();
}

void ScriptsController::onProjectMissing(bool missing)
{
    updateCommandActions();
    if (!missing) {
        recheckPages();
        return;
    }
    for (ScriptPage* page : m_tabs->pages()) {
        if (QFileInfo::exists(page->path()))
            continue;
        page->setFileMissing(true);
        page->banner()->showProjectMissing();
        m_tabs->updateTitle(page);
    }
}

// After the project came back: a page marked gone with its folder follows its file again.
void ScriptsController::recheckPages()
{
    for (ScriptPage* page : m_tabs->pages()) {
        if (page->banner()->state() != ScriptBanner::State::ProjectMissing)
            continue;
        const QString path = page->path();
        if (!QFileInfo::exists(path)) {
            page->banner()->showDeleted();
            m_tabs->updateTitle(page);
            continue;
        }
        const ScriptFile known = m_files.value(page);
        m_watcher->unwatchFile(path); // the inode it watched may be another now
        const Result<QByteArray> knownBytes = known.encode(known.text());
        m_watcher->watchFile(path, knownBytes ? *knownBytes : QByteArray());
        const Result<ScriptFile> disk = ScriptFile::read(path);
        if (!page->editor()->isModified()) {
            reloadFromDisk(page); // nothing of the person's to lose
        } else {
            page->setFileMissing(false);
            m_tabs->updateTitle(page);
            if (disk && disk->text() != known.text())
                page->banner()->showChangedOnDisk();
            else
                page->banner()->dismiss();
        }
    }
}

void ScriptsController::updateCommandActions()
{
    const auto graph = m_session->graph();
    const bool can = graph && !m_command->isRunning() && !m_session->isProjectMissing();
    m_newRevisionAction->setEnabled(can);
    m_mergeAction->setEnabled(can && graph->heads().size() > 1);
}

void ScriptsController::onFileRemoved(const QString& path)
{
    scheduleProjectReload();
    ScriptPage* page = m_tabs->pageForPath(path);
    if (!page)
        return;
    page->setFileMissing(true);
    page->banner()->showDeleted();
}

// Replaces the editor's text with the file's as one undoable step: even a reload asked
// for by mistake can be taken back with Ctrl+Z.
void ScriptsController::reloadFromDisk(ScriptPage* page)
{
    const Result<ScriptFile> file = ScriptFile::read(page->path());
    if (!file) {
        emit errorOccurred(tr("Could not reload %1: %2")
                               .arg(QDir::toNativeSeparators(page->path()), file.error()));
        return;
    }
    ScriptEditor* editor = page->editor();
    int line = 0, index = 0;
    editor->getCursorPosition(&line, &index);
    const int firstVisible = editor->firstVisibleLine();
    if (editor->text() != file->text()) {
        editor->beginUndoAction();
        editor->selectAll();
        editor->replaceSelectedText(file->text());
        editor->endUndoAction();
    }
    editor->setEolMode(eolMode(*file));
    editor->setModified(false);
    editor->setCursorPosition(qMin(line, editor->lines() - 1), index);
    editor->setFirstVisibleLine(firstVisible);
    m_files.insert(page, *file);
    m_watcher->noteOwnSave(page->path(), file->encode(file->text()).value());
    page->setFileMissing(false);
    page->banner()->dismiss();
    m_tabs->updateTitle(page);
    updateDiagnostics(page);
}

void ScriptsController::scheduleProjectReload()
{
    if (!m_session->configPath().isEmpty())
        m_reloadTimer->start();
}

QString ScriptsController::revisionOf(const QString& path) const
{
    const auto graph = m_session->graph();
    if (!graph)
        return {};
    const QString clean = cleanPath(path);
    for (const Revision& revision : graph->revisions())
        if (revision.path == clean)
            return revision.id;
    return {};
}

void ScriptsController::syncGraphToPage()
{
    ScriptPage* page = m_tabs->currentPage();
    if (!page)
        return;
    const QString id = revisionOf(page->path());
    if (!id.isEmpty() && m_graphView->currentRevision() != id)
        m_graphView->selectRevision(id);
}

void ScriptsController::updateDiagnostics(ScriptPage* page)
{
    const auto graph = m_session->graph();
    page->editor()->setDiagnostics(graph ? graph->diagnosticsFor(cleanPath(page->path()))
                                         : Diagnostics());
}

void ScriptsController::updateOpenAction()
{
    const auto graph = m_session->graph();
    const Revision* revision = graph ? graph->revision(m_graphView->currentRevision()) : nullptr;
    m_openAction->setEnabled(revision && !revision->path.isEmpty());
}

void ScriptsController::setProject(const ProjectSnapshot& project)
{
    const std::shared_ptr<const RevisionGraph>& graph = project.graph;
    updateOpenAction();
    updateCommandActions();
    // The folders to watch come from what the load found; nothing is scanned here.
    QStringList folders;
    QStringList files;
    if (project.config)
        folders = project.config->versionLocations();
    if (graph) {
        for (const Revision& revision : graph->revisions()) {
            if (!revision.path.isEmpty()) {
                folders << QFileInfo(revision.path).absolutePath();
                files << revision.path;
            }
        }
    }
    folders.removeDuplicates();
    m_watcher->setDirectories(folders, files);

    for (ScriptPage* page : m_tabs->pages())
        updateDiagnostics(page);
    recheckPages();
    selectPending();
}

// A new script's node exists only once the reloaded graph is laid out and drawn: try on
// load and again whenever the picture changes.
void ScriptsController::selectPending()
{
    if (m_selectAfterLoad.isEmpty())
        return;
    const QString id = revisionOf(m_selectAfterLoad);
    if (!id.isEmpty() && m_graphView->selectRevision(id)) {
        m_graphView->centerOnRevision(id);
        m_selectAfterLoad.clear();
    }
}

bool ScriptsController::isRunningCommand() const
{
    return m_command->isRunning();
}

bool ScriptsController::runRevisionCommand(const QStringList& arguments)
{
    if (m_session->loadedConfigPath().isEmpty() || m_command->isRunning() ||
        !m_session->checkProjectPresent())
        return false;
    if (!m_command->start(projectRunRequest(*m_session, m_settings, arguments)))
        return false;
    m_newRevisionAction->setEnabled(false);
    m_mergeAction->setEnabled(false);
    emit message(tr("Running alembic %1…").arg(arguments.value(0)));
    return true;
}

void ScriptsController::showNewRevisionDialog()
{
    const auto graph = m_session->graph();
    if (!graph)
        return;
    auto* dialog = new NewRevisionDialog(graph, dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (graph->isHead(m_graphView->currentRevision()))
        dialog->setHead(m_graphView->currentRevision());
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { runRevisionCommand(dialog->arguments()); });
    dialog->open();
}

void ScriptsController::showMergeDialog(const QStringList& heads)
{
    const auto graph = m_session->graph();
    if (!graph)
        return;
    auto* dialog = new MergeHeadsDialog(graph, dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!heads.isEmpty())
        dialog->setSelectedHeads(heads);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { runRevisionCommand(dialog->arguments()); });
    dialog->open();
}

} // namespace retort
