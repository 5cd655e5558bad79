#include "app/headscontroller.h"

#include "app/databasesession.h"
#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "model/graph/revisiongraph.h"
#include "model/script/scriptfile.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphview.h"
#include "widgets/heads/headsbanner.h"
#include "widgets/heads/headspanel.h"
#include "widgets/heads/reparentdialog.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>

namespace retort {

HeadsController::HeadsController(ProjectSession* session, DatabaseSession* databases,
                                 ScriptsController* scripts, GraphView* graphView,
                                 HeadsBanner* banner, HeadsPanel* panel, QObject* parent)
    : QObject(parent), m_session(session), m_databases(databases), m_scripts(scripts),
      m_graphView(graphView), m_banner(banner), m_panel(panel)
{
    m_banner->hide();
    connect(m_session, &ProjectSession::loaded, this, &HeadsController::update);
    connect(m_databases, &DatabaseSession::stateChanged, this, &HeadsController::update);
    connect(m_databases, &DatabaseSession::profilesChanged, this, &HeadsController::update);
    connect(m_banner, &HeadsBanner::showRequested, this, &HeadsController::showPanelRequested);
    connect(m_panel, &HeadsPanel::reparentRequested, this,
            [this](const QString& revision, const QString& newParent, const QString& reason) {
                requestReparent(revision, newParent, reason);
            });
    connect(m_panel, &HeadsPanel::mergeRequested, m_scripts,
            [this](const QStringList& heads) { m_scripts->showMergeDialog(heads); });
    connect(m_graphView, &GraphView::reparentRequested, this,
            [this](const QString& revision, const QString& newParent) {
                requestReparent(revision, newParent);
            });

    m_reparentAction = new QAction(tr("Re-&parent Onto…"), this);
    m_reparentAction->setStatusTip(
        tr("Make the selected revision follow another one (edits its down_revision)"));
    m_reparentAction->setEnabled(false);
    connect(m_reparentAction, &QAction::triggered, this,
            [this] { askNewParent(m_graphView->currentRevision()); });
    connect(m_graphView, &GraphView::currentRevisionChanged, this, [this](const QString& id) {
        const auto graph = m_session->graph();
        m_reparentAction->setEnabled(graph && graph->contains(id));
    });
}

QInputDialog* HeadsController::askNewParent(const QString& revision)
{
    const auto graph = m_session->graph();
    if (!graph || !graph->contains(revision))
        return nullptr;
    // Every revision it could follow: not itself, not what comes after it, not its parent.
    const QSet<QString> after = graph->descendants(revision);
    const QStringList parents = graph->parents(revision);
    QStringList choices;
    for (const QString& id : graph->topologicalOrderNewestFirst())
        if (id != revision && !after.contains(id) && !parents.contains(id))
            choices << id;
    auto* dialog = new QInputDialog(m_graphView->window());
    dialog->setObjectName(QStringLiteral("reparentOntoDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Re-parent %1").arg(revision));
    dialog->setLabelText(tr("&Revision %1 should follow:").arg(revision));
    dialog->setComboBoxItems(choices);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, revision](const QString& parent) { requestReparent(revision, parent); });
    dialog->open();
    return dialog;
}

QList<DatabaseView> HeadsController::databaseViews() const
{
    QList<DatabaseView> views;
    // States are derived against the DatabaseSession's graph; against another (a load not
    // yet passed on) they say nothing, and count as unknown.
    const bool sameGraph = m_databases->graph() == m_session->graph();
    for (const ConnectionProfile& profile : m_databases->profiles()) {
        views << DatabaseView{profile.name(), profile.isProtected(),
                              sameGraph ? m_databases->state(profile.name())
                                        : DatabaseState::notRead()};
    }
    return views;
}

void HeadsController::update()
{
    const auto graph = m_session->graph();
    m_analysis = graph ? HeadsAnalysis::analyze(*graph, databaseViews()) : HeadsAnalysis();
    m_panel->setAnalysis(m_analysis);
    m_banner->setText(m_analysis.summary());
    m_banner->setVisible(m_analysis.hasUnexplainedHeads());
}

ReparentDialog* HeadsController::requestReparent(const QString& revision,
                                                 const QString& newParent, const QString& reason)
{
    const auto graph = m_session->graph();
    if (!graph)
        return nullptr;
    ReparentDialog::Preview preview;
    preview.check = ReparentCheck::check(*graph, databaseViews(), revision, newParent);
    preview.reason = reason;
    const Revision* moved = graph->revision(revision);
    QString text;
    std::optional<DownRevisionEdit> edit;
    if (moved) {
        preview.fileName = QFileInfo(moved->path).fileName();
        const ScriptPage* open = m_scripts->tabs()->pageForPath(moved->path);
        if (!preview.check.isPossible()) {
            // Nothing to preview: the dialog says why.
        } else if (moved->path.isEmpty()) {
            preview.editError = tr("%1 has no script file.").arg(revision);
        } else if (open && open->isModified()) {
            preview.editError = tr("%1 has unsaved changes in its tab: save or discard them "
                                   "first.")
                                    .arg(preview.fileName);
        } else if (const Result<ScriptFile> file = ScriptFile::read(moved->path); !file) {
            preview.editError = file.error();
        } else {
            text = file->text();
            const Result<DownRevisionEdit> made =
                DownRevisionEdit::make(text, preview.check.oldParent, newParent);
            if (!made)
                preview.editError = made.error();
            else {
                edit = *made;
                preview.diff = edit->diff(text, preview.fileName);
            }
        }
    }
    if (m_dialog)
        m_dialog->close();
    auto* dialog = new ReparentDialog(preview, m_graphView->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    if (edit) {
        const QString path = moved->path;
        const DownRevisionEdit change = *edit;
        connect(dialog, &QDialog::accepted, this,
                [this, path, text, change] { apply(path, text, change); });
    }
    dialog->open();
    return dialog;
}

// In the script's tab, as one undo step, then the editor's save (atomic, in the file's own
// encoding and line endings).
bool HeadsController::apply(const QString& path, const QString& previewed,
                            const DownRevisionEdit& edit)
{
    ScriptPage* page = m_scripts->openScript(path);
    if (!page)
        return false; // the controller said why
    ScriptEditor* editor = page->editor();
    if (page->isModified() || editor->text() != previewed) {
        emit errorOccurred(tr("%1 changed since the preview; nothing was changed.")
                               .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    // Scintilla counts bytes of its UTF-8 text.
    const qsizetype start = previewed.left(edit.start).toUtf8().size();
    const qsizetype end = start + previewed.mid(edit.start, edit.length).toUtf8().size();
    const QByteArray replacement = edit.replacement.toUtf8();
    editor->beginUndoAction();
    editor->SendScintilla(QsciScintillaBase::SCI_SETTARGETSTART, static_cast<unsigned long>(start));
    editor->SendScintilla(QsciScintillaBase::SCI_SETTARGETEND, static_cast<unsigned long>(end));
    editor->SendScintilla(QsciScintillaBase::SCI_REPLACETARGET,
                          static_cast<unsigned long>(replacement.size()), replacement.constData());
    editor->endUndoAction();
    editor->setCursorPosition(edit.line - 1, 0);
    if (editor->text() != edit.apply(previewed)) {
        editor->undo(); // never save something other than what was shown
        emit errorOccurred(tr("Could not change %1 as previewed; nothing was saved.")
                               .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!m_scripts->save(page))
        return false;
    emit message(tr("%1 now follows %2 (Ctrl+Z in its tab and Save take it back)")
                     .arg(QFileInfo(path).fileName(), edit.newParent));
    return true;
}

} // namespace retort
