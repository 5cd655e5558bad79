// Who added each revision (git) in the real window: the Revisions tab's Author and Added
// columns (sorting, the filter) and the Details pane's Committed row; nothing without git.
#include "app/gitsession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "widgets/details/revisiondetailsview.h"
#include "widgets/revisions/revisionlistview.h"
#include "widgets/revisions/revisiontablemodel.h"

#include "support/gitfixture.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace retort;
using namespace retort::testsupport;

namespace {

QStringList shownIds(RevisionListView* list)
{
    QStringList ids;
    QAbstractItemModel* model = list->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(RevisionTableModel::RevisionIdRole).toString();
    return ids;
}

QString cell(RevisionListView* list, const QString& id, int column)
{
    const int row = list->model()->rowOf(id);
    return list->model()->index(row, column).data().toString();
}

} // namespace

class TestGitRevisions : public QObject
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

    void revisionsTabAndDetailsShowWhoAddedEachFile()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        MainWindow window(*m_settings);
        window.show();
        window.openProject(p.configPath);
        RevisionListView* list = window.revisionList();
        QTreeView* view = list->view();
        QTRY_COMPARE(list->model()->rowCount(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->hasGitInfo(), 30000);
        QVERIFY(!view->isColumnHidden(RevisionTableModel::AuthorColumn));
        QVERIFY(!view->isColumnHidden(RevisionTableModel::AddedColumn));
        QCOMPARE(list->model()->headerData(RevisionTableModel::AuthorColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Author"));

        // the adding commit: aaaa was modified later by Bob, and is still Ann's
        QCOMPARE(cell(list, QStringLiteral("aaaa"), RevisionTableModel::AuthorColumn), kAnn.name);
        QCOMPARE(cell(list, QStringLiteral("aaaa"), RevisionTableModel::AddedColumn),
                 QStringLiteral("2024-01-10 09:00"));
        QCOMPARE(cell(list, QStringLiteral("cccc"), RevisionTableModel::AuthorColumn), kBob.name);
        QCOMPARE(cell(list, QStringLiteral("cccc"), RevisionTableModel::AddedColumn),
                 QStringLiteral("2024-02-20 15:30"));
        // not committed: blank, and the tooltip says why
        QCOMPARE(cell(list, QStringLiteral("dddd"), RevisionTableModel::AuthorColumn), QString());
        const QModelIndex uncommitted =
            list->model()->index(list->model()->rowOf(QStringLiteral("dddd")),
                                 RevisionTableModel::AuthorColumn);
        QVERIFY(uncommitted.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not committed")));

        // sorting: by author (no author first; equal names keep history order), by date
        view->sortByColumn(RevisionTableModel::AuthorColumn, Qt::AscendingOrder);
        QCOMPARE(shownIds(list), (QStringList{QStringLiteral("dddd"), QStringLiteral("bbbb"),
                                              QStringLiteral("aaaa"), QStringLiteral("cccc")}));
        view->sortByColumn(RevisionTableModel::AddedColumn, Qt::DescendingOrder);
        QCOMPARE(shownIds(list).first(), QStringLiteral("cccc"));
        QCOMPARE(shownIds(list).last(), QStringLiteral("dddd"));
        view->sortByColumn(-1, Qt::AscendingOrder); // back to history order

        // the filter box finds authors by name and by email
        list->setFilterText(QStringLiteral("bob"));
        QCOMPARE(shownIds(list), QStringList{QStringLiteral("cccc")});
        list->setFilterText(QStringLiteral("ann@example"));
        QCOMPARE(shownIds(list), (QStringList{QStringLiteral("bbbb"), QStringLiteral("aaaa")}));
        // and by the day the file was added: February's, not March's modification of aaaa
        list->setFilterText(QStringLiteral("2024-02"));
        QCOMPARE(shownIds(list), QStringList{QStringLiteral("cccc")});
        list->setFilterText(QStringLiteral("2024-03"));
        QCOMPARE(list->visibleCount(), 0);
        list->setFilterText(QString());
        QCOMPARE(list->visibleCount(), 4);

        // Details: the Committed row for a committed revision, none for the others
        RevisionDetailsView* details = window.detailsView();
        QVERIFY(list->setCurrentRevision(QStringLiteral("cccc")));
        QTRY_COMPARE(details->shownRevision(), QStringLiteral("cccc"));
        QVERIFY(details->isFieldVisible(RevisionDetailsView::kCommitField));
        const QString committed = details->fieldText(RevisionDetailsView::kCommitField);
        QVERIFY2(committed.startsWith(kBob.name + QStringLiteral(", 2024-02-20 15:30 · ")),
                 qPrintable(committed));
        QVERIFY2(committed.contains(p.second.left(7)), qPrintable(committed));
        QVERIFY2(committed.endsWith(QStringLiteral("Add the reports table")), qPrintable(committed));
        QVERIFY(details->field(RevisionDetailsView::kCommitField)->toolTip().contains(kBob.email));
        QVERIFY(list->setCurrentRevision(QStringLiteral("dddd")));
        QTRY_COMPARE(details->shownRevision(), QStringLiteral("dddd"));
        QVERIFY(!details->isFieldVisible(RevisionDetailsView::kCommitField));
        QVERIFY(window.errorMessage().isEmpty());
    }

    void noGitNoColumnsNoError()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("alembic.ini")),
                          "[alembic]\nscript_location = %(here)s/migrations\n"
                          "sqlalchemy.url = sqlite:///%(here)s/x.db\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/a.py")),
                          revisionScript("aaaa", "None", "first")));
        // a temporary folder in no work tree
        QVERIFY(!runGit(dir.path(), {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")}));
        MainWindow window(*m_settings);
        window.show();
        QSignalSpy read(window.gitSession(), &GitSession::authorsChanged);
        window.openProject(dir.filePath(QStringLiteral("alembic.ini")));
        QTRY_COMPARE(window.revisionList()->model()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(read.count() >= 1, 30000);
        QVERIFY(window.gitSession()->authors().isEmpty());
        QVERIFY(window.revisionList()->view()->isColumnHidden(RevisionTableModel::AuthorColumn));
        QVERIFY(window.revisionList()->view()->isColumnHidden(RevisionTableModel::AddedColumn));
        QVERIFY(window.revisionList()->setCurrentRevision(QStringLiteral("aaaa")));
        QTRY_COMPARE(window.detailsView()->shownRevision(), QStringLiteral("aaaa"));
        QVERIFY(!window.detailsView()->isFieldVisible(RevisionDetailsView::kCommitField));
        QVERIFY(window.errorMessage().isEmpty());
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Settings> m_settings;
};

QTEST_MAIN(TestGitRevisions)
#include "tst_gitrevisions.moc"
