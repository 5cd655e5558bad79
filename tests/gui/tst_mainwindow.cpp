#include "widgets/databases/databasesview.h"
#include "app/databasesession.h"
#include "widgets/details/revisiondetailsview.h"
#include "widgets/diagnostics/diagnosticsview.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"
#include "app/graphcontroller.h"
#include "app/mainwindow.h"
#include "widgets/plan/plandialog.h"
#include "model/db/databasestate.h"
#include "model/graph/revisiongraph.h"
#include "app/projectsession.h"
#include "widgets/revisions/revisionlistview.h"
#include "widgets/revisions/revisiontablemodel.h"
#include "app/runcontroller.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace retort;

namespace {

bool writeFile(const QString& path, const QString& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

QString revisionScript(const QString& id, const QString& down, const QString& message,
                       const QString& date)
{
    const QString downValue =
        down.isEmpty() ? QStringLiteral("None") : QStringLiteral("'%1'").arg(down);
    return QStringLiteral(R"("""%3

Revision ID: %1
Revises: %2
Create Date: %4

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '%1'
down_revision = %5
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
)")
        .arg(id, down, message, date, downValue);
}

// A tiny alembic project: alembic.ini with script_location under %(here)s and a chain
// of `count` revisions.
struct Project
{
    QTemporaryDir dir;

    QString ini() const { return dir.filePath(QStringLiteral("alembic.ini")); }
    QString versions() const { return dir.filePath(QStringLiteral("migrations/versions")); }

    bool create()
    {
        return dir.isValid() &&
               writeFile(ini(), QStringLiteral("[alembic]\n"
                                               "script_location = %(here)s/migrations\n"
                                               "sqlalchemy.url = sqlite:///app.db\n")) &&
               writeFile(dir.filePath(QStringLiteral("migrations/env.py")), QString()) &&
               addRevision(QStringLiteral("aaaa00000001"), QString(),
                           QStringLiteral("create users"), QStringLiteral("2024-01-01")) &&
               addRevision(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"),
                           QStringLiteral("add email to users"), QStringLiteral("2024-01-02")) &&
               addRevision(QStringLiteral("cccc00000003"), QStringLiteral("bbbb00000002"),
                           QStringLiteral("create orders"), QStringLiteral("2024-01-03"));
    }

    bool addRevision(const QString& id, const QString& down, const QString& message,
                     const QString& day)
    {
        return writeFile(
            QDir(versions()).filePath(id + QStringLiteral("_rev.py")),
            revisionScript(id, down, message, day + QStringLiteral(" 12:00:00.000000")));
    }
};

QStringList shownIds(RevisionListView* list)
{
    QStringList ids;
    QAbstractItemModel* model = list->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(RevisionTableModel::RevisionIdRole).toString();
    return ids;
}

QAction* actionWithShortcut(QWidget* window, const QKeySequence& shortcut)
{
    for (QAction* action : window->findChildren<QAction*>())
        if (action->shortcut() == shortcut)
            return action;
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_settingsDir.isValid()); }

    void init()
    {
        m_settings = std::make_unique<Settings>(m_settingsDir.filePath(
            QStringLiteral("%1.ini").arg(QLatin1String(QTest::currentTestFunction()))));
    }

    void cleanup() { m_settings.reset(); }

    void startsEmpty()
    {
        MainWindow window(*m_settings);
        window.show();
        QCOMPARE(window.windowTitle(), QStringLiteral("Retort"));
        QCOMPARE(window.revisionList()->model()->rowCount(), 0);
        QVERIFY(window.errorMessage().isEmpty());
        // The menus the brief promises, with their shortcuts.
        QVERIFY(actionWithShortcut(&window, QKeySequence(Qt::CTRL | Qt::Key_O)));
        QVERIFY(actionWithShortcut(&window, QKeySequence(Qt::Key_F5)));
        QVERIFY(actionWithShortcut(&window, QKeySequence(Qt::CTRL | Qt::Key_Q)));
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("recentMenu")));
    }

    void loadsProject()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.show();
        QSignalSpy started(window.session(), &ProjectSession::loadingStarted);
        window.openProject(project.ini());
        QCOMPARE(started.count(), 1);
        QVERIFY(window.session()->isLoading());
        auto* busy = window.findChild<QWidget*>(QStringLiteral("busyIndicator"));
        QVERIFY(busy && busy->isVisible());

        RevisionListView* list = window.revisionList();
        QTRY_COMPARE(list->model()->rowCount(), 3);
        QVERIFY(!window.session()->isLoading());
        QVERIFY(!busy->isVisible());
        // History order: newest first.
        QCOMPARE(shownIds(list),
                 (QStringList{QStringLiteral("cccc00000003"), QStringLiteral("bbbb00000002"),
                              QStringLiteral("aaaa00000001")}));
        QCOMPARE(window.windowTitle(),
                 QStringLiteral("Retort — %1").arg(QDir(project.dir.path()).dirName()));
        const auto* counts = window.findChild<QLabel*>(QStringLiteral("projectCounts"));
        QVERIFY(counts);
        // ... and which alembic the project is read and planned for (found, not run)
        const QString alembic = window.session()->project().alembic.describe();
        QVERIFY2(alembic.startsWith(QStringLiteral("alembic ")), qPrintable(alembic));
        QCOMPARE(counts->text(), QStringLiteral("3 revisions · 1 head · 0 diagnostics · ") + alembic);
        const auto* path = window.findChild<QLabel*>(QStringLiteral("projectPath"));
        QCOMPARE(path->text(), QDir::toNativeSeparators(project.ini()));
        QCOMPARE(window.diagnosticsView()->count(), 0);

        // Files relative to the project folder.
        const QModelIndex file = list->view()->model()->index(0, RevisionTableModel::FileColumn);
        QCOMPARE(file.data().toString(), QDir::toNativeSeparators(QStringLiteral(
                                             "migrations/versions/cccc00000003_rev.py")));

        // Remembered as the last and most recent project.
        QCOMPARE(m_settings->lastProject().path, QDir::cleanPath(project.ini()));
        QCOMPARE(m_settings->recentProjects().size(), 1);
        QCOMPARE(window.findChild<QMenu*>(QStringLiteral("recentMenu"))->actions().size(),
                 3); // the project, a separator, "Clear Menu"
    }

    void sortsAndFilters()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.show();
        window.openProject(project.ini());
        RevisionListView* list = window.revisionList();
        QTRY_COMPARE(list->model()->rowCount(), 3);

        list->view()->sortByColumn(RevisionTableModel::MessageColumn, Qt::AscendingOrder);
        QCOMPARE(shownIds(list),
                 (QStringList{QStringLiteral("bbbb00000002"), QStringLiteral("cccc00000003"),
                              QStringLiteral("aaaa00000001")}));
        list->view()->sortByColumn(RevisionTableModel::CreateDateColumn, Qt::AscendingOrder);
        QCOMPARE(shownIds(list).first(), QStringLiteral("aaaa00000001"));
        list->view()->sortByColumn(RevisionTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(shownIds(list).first(), QStringLiteral("cccc00000003"));

        // Typing into the filter field narrows the list.
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("revisionFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("USERS"));
        QCOMPARE(shownIds(list),
                 (QStringList{QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001")}));
        QCOMPARE(list->visibleCount(), 2);
        list->setFilterText(QStringLiteral("orders"));
        QCOMPARE(shownIds(list), QStringList{QStringLiteral("cccc00000003")});
        // Escape clears the filter.
        QTest::keyClick(filter, Qt::Key_Escape);
        QCOMPARE(list->filterText(), QString());
        QCOMPARE(list->visibleCount(), 3);
    }

    void showsDiagnosticsForBrokenFile()
    {
        Project project;
        QVERIFY(project.create());
        // A down_revision only Python could compute, and a file that is not Python at all.
        QVERIFY(writeFile(QDir(project.versions()).filePath(QStringLiteral("dddd_broken.py")),
                          QStringLiteral("\"\"\"broken\"\"\"\n"
                                         "revision = 'dddd00000004'\n"
                                         "down_revision = compute_parent()\n")));
        QVERIFY(writeFile(QDir(project.versions()).filePath(QStringLiteral("eeee_garbage.py")),
                          QStringLiteral("revision = (\n")));
        MainWindow window(*m_settings);
        window.show();
        QSignalSpy activated(window.diagnosticsView(), &DiagnosticsView::diagnosticActivated);
        window.openProject(project.ini());
        QTRY_VERIFY(!window.session()->isLoading());
        QVERIFY(window.errorMessage().isEmpty());

        DiagnosticsView* diagnostics = window.diagnosticsView();
        QVERIFY(diagnostics->count() >= 2);
        QStringList files;
        for (int i = 0; i < diagnostics->view()->topLevelItemCount(); ++i)
            files << diagnostics->view()->topLevelItem(i)->text(DiagnosticsView::FileColumn);
        QVERIFY2(files.contains(QDir::toNativeSeparators(
                     QStringLiteral("migrations/versions/dddd_broken.py"))),
                 qPrintable(files.join(QLatin1Char(';'))));
        QVERIFY(files.contains(
            QDir::toNativeSeparators(QStringLiteral("migrations/versions/eeee_garbage.py"))));
        const auto* counts = window.findChild<QLabel*>(QStringLiteral("projectCounts"));
        QVERIFY2(
            counts->text().contains(QStringLiteral("%1 diagnostics").arg(diagnostics->count())),
            qPrintable(counts->text()));
        // The good revisions are still listed.
        QVERIFY(window.revisionList()->model()->rowOf(QStringLiteral("cccc00000003")) >= 0);

        QTreeWidget* tree = diagnostics->view();
        emit tree->itemActivated(tree->topLevelItem(0), 0);
        QCOMPARE(activated.count(), 1);
    }

    void reloadPicksUpNewFileAndKeepsSelection()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.show();
        window.openProject(project.ini());
        RevisionListView* list = window.revisionList();
        QTRY_COMPARE(list->model()->rowCount(), 3);

        QSignalSpy currentChanged(list, &RevisionListView::currentRevisionChanged);
        QVERIFY(list->setCurrentRevision(QStringLiteral("bbbb00000002")));
        QCOMPARE(list->currentRevision(), QStringLiteral("bbbb00000002"));
        QCOMPARE(currentChanged.count(), 1);

        QVERIFY(project.addRevision(QStringLiteral("dddd00000004"), QStringLiteral("cccc00000003"),
                                    QStringLiteral("add index"), QStringLiteral("2024-01-04")));
        QAction* reload = actionWithShortcut(&window, QKeySequence(Qt::Key_F5));
        QVERIFY(reload && reload->isEnabled());
        reload->trigger();
        QTRY_COMPARE(list->model()->rowCount(), 4);
        QCOMPARE(shownIds(list).first(), QStringLiteral("dddd00000004"));
        // Same revision still current, and no spurious change was signalled.
        QCOMPARE(list->currentRevision(), QStringLiteral("bbbb00000002"));
        QCOMPARE(list->view()->currentIndex().data(RevisionTableModel::RevisionIdRole).toString(),
                 QStringLiteral("bbbb00000002"));
        QCOMPARE(currentChanged.count(), 1);

        // The current revision's file disappears: the selection goes, and says so.
        QVERIFY(QFile::remove(
            QDir(project.versions()).filePath(QStringLiteral("bbbb00000002_rev.py"))));
        window.session()->reload();
        QTRY_COMPARE(list->model()->rowCount(), 3);
        QCOMPARE(list->currentRevision(), QString());
        QCOMPARE(currentChanged.count(), 2);
    }

    // The picture draws the database states derived against the graph it shows. A reload
    // re-derives the states at once (DatabaseSession), but the new graph is drawn only when
    // its layout arrives: until then the picture keeps the states of the graph it draws, and
    // the new graph comes with the new states.
    void graphStatesWaitForTheirGraph()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.show();
        window.openProject(project.ini());
        const QString a = QStringLiteral("aaaa00000001");
        const QString b = QStringLiteral("bbbb00000002");
        const QString c = QStringLiteral("cccc00000003");
        DatabaseSession* databases = window.databases();
        GraphScene* scene = window.graphView()->graphScene();
        QTRY_VERIFY(scene->nodeItem(c) != nullptr);
        const QString profile = databases->selectedProfile();
        QVERIFY(!profile.isEmpty());
        QTRY_VERIFY(databases->hasState(profile) && !databases->isReading(profile));
        // The database stands at b, as a run would leave it.
        databases->showRunProgress(profile, {b});
        using State = RevisionNodeItem::State;
        QCOMPARE(scene->nodeItem(a)->state(), State::Applied);
        QCOMPARE(scene->nodeItem(c)->state(), State::Pending);
        QVERIFY(window.revisionList()->setCurrentRevision(c));
        QCOMPARE(window.detailsView()->fieldText(RevisionDetailsView::kDatabaseField),
                 QStringLiteral("pending in %1").arg(profile));

        // Every node as the database's rows make it on the graph the picture draws.
        auto mismatches = [&] {
            QStringList wrong;
            const DatabaseState expected = DatabaseState::derive(
                *scene->graph(), databases->state(profile).currentRevisions());
            for (RevisionNodeItem* item : scene->nodeItems()) {
                const State want = expected.isCurrent(item->id())   ? State::Current
                                   : expected.isApplied(item->id()) ? State::Applied
                                                                    : State::Pending;
                if (item->state() != want)
                    wrong << item->id();
            }
            return wrong;
        };

        // c becomes a base of its own and b merges a and c: on the new graph c is applied.
        QVERIFY(project.addRevision(c, QString(), QStringLiteral("create orders"),
                                    QStringLiteral("2024-01-03")));
        QVERIFY(writeFile(QDir(project.versions()).filePath(b + QStringLiteral("_rev.py")),
                          revisionScript(b, a, QStringLiteral("add email to users"),
                                         QStringLiteral("2024-01-02 12:00:00.000000"))
                              .replace(QStringLiteral("down_revision = '%1'").arg(a),
                                       QStringLiteral("down_revision = ('%1', '%2')").arg(a, c))));
        int beforeLayout = 0;
        QStringList wrongBeforeLayout;
        QString detailsBeforeLayout;
        State cBeforeLayout = State::Unknown;
        // After the window's own slots: the session has the new graph, the picture not yet.
        const QMetaObject::Connection watch =
            connect(window.session(), &ProjectSession::loaded, this, [&] {
                if (scene->graph() == databases->graph())
                    return;
                ++beforeLayout;
                wrongBeforeLayout += mismatches();
                cBeforeLayout = scene->nodeItem(c)->state();
                detailsBeforeLayout =
                    window.detailsView()->fieldText(RevisionDetailsView::kDatabaseField);
            });
        window.session()->reload();
        QTRY_VERIFY(beforeLayout > 0);
        QVERIFY2(wrongBeforeLayout.isEmpty(), qPrintable(wrongBeforeLayout.join(u' ')));
        QCOMPARE(cBeforeLayout, State::Pending); // the old graph, still drawn
        // The details show the new graph at once, with the states the session derived for it.
        QCOMPARE(detailsBeforeLayout, QStringLiteral("applied in %1").arg(profile));

        QTRY_VERIFY(scene->graph() == databases->graph());
        disconnect(watch);
        QVERIFY2(mismatches().isEmpty(), qPrintable(mismatches().join(u' ')));
        QCOMPARE(scene->nodeItem(c)->state(), State::Applied);
        QCOMPARE(scene->nodeItem(b)->state(), State::Current);
        QCOMPARE(window.detailsView()->fieldText(RevisionDetailsView::kDatabaseField),
                 QStringLiteral("applied in %1").arg(profile));
    }

    void failureKeepsPreviousProject()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.show();
        window.openProject(project.ini());
        RevisionListView* list = window.revisionList();
        QTRY_COMPARE(list->model()->rowCount(), 3);
        const QString title = window.windowTitle();

        QSignalSpy failed(window.session(), &ProjectSession::failed);
        const QString missing = project.dir.filePath(QStringLiteral("nowhere/alembic.ini"));
        window.openProject(missing);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(window.errorMessage().contains(QDir::toNativeSeparators(missing)));
        auto* panel = window.findChild<QWidget*>(QStringLiteral("errorPanel"));
        QVERIFY(panel && panel->isVisible());
        // The previous project stays on screen.
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(window.windowTitle(), title);
        QCOMPARE(window.session()->loadedConfigPath(), QFileInfo(project.ini()).absoluteFilePath());
        QCOMPARE(m_settings->recentProjects().size(), 1);

        // Loading a good project again clears the error.
        window.openProject(project.ini());
        QTRY_VERIFY(window.errorMessage().isEmpty());
        QVERIFY(!panel->isVisible());
    }

    void newerLoadWins()
    {
        Project first;
        QVERIFY(first.create());
        Project second;
        QVERIFY(second.create());
        QVERIFY(second.addRevision(QStringLiteral("dddd00000004"), QStringLiteral("cccc00000003"),
                                   QStringLiteral("add index"), QStringLiteral("2024-01-04")));
        MainWindow window(*m_settings);
        QSignalSpy loaded(window.session(), &ProjectSession::loaded);
        window.openProject(first.ini());
        window.openProject(second.ini()); // before the first has finished
        QTRY_COMPARE(loaded.count(), 1);
        QTest::qWait(100); // a stale result would arrive about now
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(window.revisionList()->model()->rowCount(), 4);
        QCOMPARE(window.session()->loadedConfigPath(), QFileInfo(second.ini()).absoluteFilePath());
        // One value per load: which project, its config, graph and planner together.
        const auto snapshot = loaded.first().first().value<ProjectSnapshot>();
        QCOMPARE(snapshot.id, ProjectId(QFileInfo(second.ini()).absoluteFilePath()));
        QCOMPARE(snapshot.id.section(), QStringLiteral("alembic"));
        QVERIFY(snapshot.config && snapshot.planner);
        QCOMPARE(snapshot.graph, window.session()->graph());
        QCOMPARE(snapshot.graph->size(), 4);
    }

    void opensRecentProject()
    {
        Project project;
        QVERIFY(project.create());
        m_settings->addRecentProject({project.ini(), {}});
        MainWindow window(*m_settings);
        window.show();
        auto* recent = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(recent && recent->isEnabled());
        QVERIFY(
            recent->actions().first()->text().contains(QDir::toNativeSeparators(project.ini())));
        recent->actions().first()->trigger();
        QTRY_COMPARE(window.revisionList()->model()->rowCount(), 3);
    }

    // Filtering the Revisions list once moved its selection to another row, and that row
    // became the Run target. The selection stays; Run acts on the revision the person picked.
    void filterNeverMovesTheRunTarget()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.resize(1200, 800);
        window.show();
        window.openProject(project.ini());
        RevisionListView* list = window.revisionList();
        RunController* runs = window.runController();
        QTRY_VERIFY(window.graphController()->shownGraph() && !window.databases()->profiles().isEmpty());
        const QString profile = window.databases()->profiles().first().name();
        QTRY_VERIFY(window.databases()->state(profile).isReadable());

        // The person picks b in the list: the graph (and so Run) follows.
        const QModelIndex b = list->proxyModel()->mapFromSource(
            list->model()->index(list->model()->rowOf(QStringLiteral("bbbb00000002")), 0));
        list->view()->setCurrentIndex(b);
        QCOMPARE(window.graphView()->currentRevision(), QStringLiteral("bbbb00000002"));
        QTRY_VERIFY(runs->upgradeSelectedAction()->isEnabled());
        // The State column shows the selected profile's database (at base: all pending).
        QTRY_COMPARE(list->model()
                         ->index(list->model()->rowOf(QStringLiteral("bbbb00000002")),
                                 RevisionTableModel::StateColumn)
                         .data()
                         .toString(),
                     QStringLiteral("Pending"));

        // A filter that hides b: no other row becomes the selection.
        QTest::keyClicks(window.findChild<QLineEdit*>(QStringLiteral("revisionFilter")),
                         QStringLiteral("orders"));
        QCOMPARE(shownIds(list), QStringList{QStringLiteral("cccc00000003")});
        QCOMPARE(list->currentRevision(), QStringLiteral("bbbb00000002"));
        QCOMPARE(window.graphView()->currentRevision(), QStringLiteral("bbbb00000002"));
        QVERIFY(!list->view()->selectionModel()->hasSelection());
        QCOMPARE(window.detailsView()->requestedRevision(), QStringLiteral("bbbb00000002"));

        // Upgrade to Selected plans for b, the revision picked, not for the row left in view.
        runs->upgradeSelectedAction()->trigger();
        QTRY_VERIFY(runs->planDialog());
        QCOMPARE(runs->planDialog()->summary().command,
                 QStringLiteral("alembic upgrade bbbb00000002"));
        runs->planDialog()->reject();
    }

    // With no project, Add… (Databases) and Open Script had nothing to act on and did
    // nothing: they are disabled until there is something.
    void actionsNeedAProject()
    {
        MainWindow window(*m_settings);
        window.show();
        QAction* add = window.databasesView()->addProfileAction();
        QAction* openScript = window.scriptsController()->openScriptAction();
        QVERIFY(!add->isEnabled());
        QVERIFY(!openScript->isEnabled());

        Project project;
        QVERIFY(project.create());
        window.openProject(project.ini());
        QTRY_VERIFY(window.graphController()->shownGraph());
        QTRY_VERIFY(add->isEnabled());
        // Open Script needs a revision to open.
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("aaaa00000001")));
        QVERIFY(openScript->isEnabled());
    }

    void keyboardReachesTheFilter()
    {
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QAction* filterAction = actionWithShortcut(&window, QKeySequence(Qt::CTRL | Qt::Key_F));
        QVERIFY(filterAction);
        filterAction->trigger();
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("revisionFilter"));
        QTRY_VERIFY(filter->hasFocus());
    }

    // At 500×350 the docks and the centre do not overlap; grown back to 1280×800 the side
    // docks have their width again (it is not all given to the centre).
    void smallWindowDocksDoNotOverlap()
    {
        Project project;
        QVERIFY(project.create());
        MainWindow window(*m_settings);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openProject(project.ini());
        QTRY_COMPARE(window.revisionList()->model()->rowCount(), 3);
        auto* databases = window.findChild<QDockWidget*>(QStringLiteral("databasesDock"));
        auto* details = window.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
        QVERIFY(databases && details);
        QTRY_VERIFY(databases->width() >= 300);
        const int sideWidth = databases->width();

        window.resize(500, 350);
        QTRY_COMPARE(window.size(), QSize(500, 350));
        QTest::qWait(50);
        // (a dock behind another's tab is kept far outside the window)
        QList<QWidget*> parts{window.centralWidget()};
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            if (dock->isVisible() && !dock->isFloating() &&
                dock->geometry().intersects(window.rect()))
                parts << dock;
        QVERIFY(parts.size() >= 3);
        QString where;
        for (QWidget* part : parts)
            where += QStringLiteral("%1 %2,%3 %4×%5; ")
                         .arg(part->objectName())
                         .arg(part->x())
                         .arg(part->y())
                         .arg(part->width())
                         .arg(part->height());
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QVERIFY2(window.rect().contains(parts.at(i)->geometry()), qPrintable(where));
            for (qsizetype j = i + 1; j < parts.size(); ++j)
                QVERIFY2(!parts.at(i)->geometry().intersects(parts.at(j)->geometry()),
                         qPrintable(where));
        }

        // and the centre keeps most of the small window
        QVERIFY2(window.centralWidget()->width() >= 250, qPrintable(where));

        window.resize(1280, 800);
        QTRY_COMPARE(window.size(), QSize(1280, 800));
        QTRY_VERIFY2(databases->width() >= sideWidth - 4,
                     qPrintable(QStringLiteral("%1 px, was %2").arg(databases->width()).arg(sideWidth)));
        QVERIFY(details->width() >= sideWidth - 4);
    }

    void viewMenuActsOnTheGraph()
    {
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QMenu* viewMenu = nullptr;
        for (QAction* action : window.menuBar()->actions())
            if (action->text() == QStringLiteral("&View"))
                viewMenu = action->menu();
        QVERIFY(viewMenu);
        QHash<QString, QAction*> byText;
        for (QAction* action : viewMenu->actions())
            byText.insert(action->text(), action);
        const QList<QPair<QString, QKeySequence>> expected{
            {QStringLiteral("Zoom &In"), QKeySequence(QKeySequence::ZoomIn)},
            {QStringLiteral("Zoom &Out"), QKeySequence(QKeySequence::ZoomOut)},
            {QStringLiteral("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0)},
            {QStringLiteral("Fi&t"), QKeySequence(Qt::Key_F)},
            {QStringLiteral("Fit &All"), QKeySequence(Qt::SHIFT | Qt::Key_F)},
            {QStringLiteral("Show Over&view"), QKeySequence(Qt::Key_O)},
        };
        for (const auto& [text, keys] : expected) {
            QAction* action = byText.value(text);
            QVERIFY2(action, qPrintable(text));
            QCOMPARE(action->shortcut(), keys);
            // Local to the graph: the same keys typed elsewhere (a script, a field) are text.
            QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        }
        QVERIFY(byText.value(QStringLiteral("Show Over&view"))->isCheckable());
        QVERIFY(byText.value(QStringLiteral("Zoom &In"))
                    ->shortcuts()
                    .contains(QKeySequence(Qt::CTRL | Qt::Key_Equal)));

        // They act on the graph, and bring it to the front.
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("centralTabs"));
        tabs->setCurrentWidget(window.revisionList());
        GraphView* graph = window.graphView();
        const qreal zoom = graph->zoom();
        byText.value(QStringLiteral("Zoom &In"))->trigger();
        QCOMPARE(graph->zoom(), zoom * GraphView::zoomStep());
        QCOMPARE(tabs->currentWidget(), graph->parentWidget());

        // Typed into the graph's search field, F and Ctrl+0 are not the graph's.
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("graphSearch"));
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_F);
        QCOMPARE(search->text(), QStringLiteral("f"));
        QTest::keyClick(search, Qt::Key_O);
        QCOMPARE(search->text(), QStringLiteral("fo"));
        QVERIFY(graph->isOverviewEnabled());
        QCOMPARE(graph->zoom(), zoom * GraphView::zoomStep());
        // With the graph focused they are.
        graph->setFocus();
        QTRY_VERIFY(graph->hasFocus());
        QTest::keyClick(graph, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(graph->zoom(), 1.0);
    }

    void restoresGeometry()
    {
        {
            MainWindow window(*m_settings);
            window.resize(900, 600);
            window.show();
            window.close();
        }
        QVERIFY(!m_settings->windowGeometry().isEmpty());
        QVERIFY(!m_settings->windowState().isEmpty());
        MainWindow window(*m_settings);
        QCOMPARE(window.size(), QSize(900, 600));
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Settings> m_settings;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
