#include "model/db/databasestate.h"
#include "model/graph/revisiongraph.h"
#include "widgets/revisions/revisionlistview.h"
#include "widgets/revisions/revisiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace retort;

namespace {

Revision makeRevision(const QString& id, const QStringList& down, const QString& message,
                      const QString& date, const QStringList& labels = {})
{
    Revision revision;
    revision.id = id;
    revision.downRevisions = down;
    revision.message = message;
    revision.longDoc = message;
    revision.createDate = date;
    revision.branchLabels = labels;
    revision.versionLocation = QStringLiteral("/project/migrations/versions");
    revision.path = QStringLiteral("/project/migrations/versions/%1_x.py").arg(id);
    revision.revisionLine = 10;
    return revision;
}

//   r1 ─ r2 ─ r3 ┬ r4 ──┬ r6        r7 (separate base and head, label "audit")
//                └ r5 ──┘
//                 (label "shop")
std::shared_ptr<const RevisionGraph> sampleGraph()
{
    return RevisionGraph::build({
        makeRevision(QStringLiteral("r1"), {}, QStringLiteral("create users"),
                     QStringLiteral("2024-01-01 10:00:00.000000")),
        makeRevision(QStringLiteral("r2"), {QStringLiteral("r1")}, QStringLiteral("add email"),
                     QStringLiteral("2024-01-02 10:00:00.000000")),
        makeRevision(QStringLiteral("r3"), {QStringLiteral("r2")}, QStringLiteral("Add Orders"),
                     QStringLiteral("2024-01-03 10:00:00.123456")),
        makeRevision(QStringLiteral("r4"), {QStringLiteral("r3")}, QStringLiteral("index email"),
                     QStringLiteral("2024-01-05 10:00:00.000000")),
        makeRevision(QStringLiteral("r5"), {QStringLiteral("r3")}, QStringLiteral("add products"),
                     QStringLiteral("2024-01-04 10:00:00.000000"), {QStringLiteral("shop")}),
        makeRevision(QStringLiteral("r6"), {QStringLiteral("r4"), QStringLiteral("r5")},
                     QStringLiteral("merge heads"), QStringLiteral("2024-01-06 10:00:00")),
        makeRevision(QStringLiteral("r7"), {}, QStringLiteral("audit log"),
                     QStringLiteral("2023-12-31 08:30:00.000000+02:00"), {QStringLiteral("audit")}),
    });
}

QStringList idsInProxyOrder(const QSortFilterProxyModel& proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(RevisionTableModel::RevisionIdRole).toString();
    return ids;
}

} // namespace

class TestRevisionTableModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyModel()
    {
        RevisionTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(RevisionTableModel::ColumnCount));
        QVERIFY(
            !model.headerData(RevisionTableModel::IdColumn, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(model.revisionId(0), QString());
        QCOMPARE(model.rowOf(QStringLiteral("r1")), -1);
        model.setGraph(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void rowsInHistoryOrder()
    {
        RevisionTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto graph = sampleGraph();
        model.setGraph(graph);
        QCOMPARE(model.rowCount(), 7);
        // Every revision comes before its parents (newest first).
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.revisionId(row);
            QCOMPARE(model.rowOf(id), row);
            for (const QString& parent : graph->parents(id))
                QVERIFY2(model.rowOf(parent) > row, qPrintable(id + QLatin1String(" / ") + parent));
        }
    }

    void markers()
    {
        RevisionTableModel model;
        model.setGraph(sampleGraph());
        using M = RevisionTableModel;
        QCOMPARE(model.markers(QStringLiteral("r1")), M::Markers(M::BaseMarker));
        QCOMPARE(model.markers(QStringLiteral("r2")), M::Markers(M::NoMarker));
        QCOMPARE(model.markers(QStringLiteral("r3")), M::Markers(M::BranchPointMarker));
        QCOMPARE(model.markers(QStringLiteral("r6")), M::HeadMarker | M::MergePointMarker);
        QCOMPARE(model.markers(QStringLiteral("r7")), M::HeadMarker | M::BaseMarker);

        const QModelIndex r6 = model.index(model.rowOf(QStringLiteral("r6")), M::MarkersColumn);
        QCOMPARE(r6.data().toString(), QStringLiteral("head, merge"));
        QVERIFY(r6.data(Qt::ToolTipRole).toString().contains(QLatin1String("Merge point")));
        QCOMPARE(r6.data(M::MarkersRole).toInt(), int(M::HeadMarker | M::MergePointMarker));
        const QModelIndex r2 = model.index(model.rowOf(QStringLiteral("r2")), M::MarkersColumn);
        QCOMPARE(r2.data().toString(), QString());
    }

    void displayColumns()
    {
        RevisionTableModel model;
        model.setProjectRoot(QStringLiteral("/project"));
        model.setGraph(sampleGraph());
        using M = RevisionTableModel;
        const int r6 = model.rowOf(QStringLiteral("r6"));
        const int r3 = model.rowOf(QStringLiteral("r3"));
        const int r5 = model.rowOf(QStringLiteral("r5"));
        QCOMPARE(model.index(r6, M::IdColumn).data().toString(), QStringLiteral("r6"));
        QCOMPARE(model.index(r6, M::MessageColumn).data().toString(),
                 QStringLiteral("merge heads"));
        QCOMPARE(model.index(r6, M::ParentsColumn).data().toString(), QStringLiteral("r4, r5"));
        QCOMPARE(model.index(r3, M::CreateDateColumn).data().toString(),
                 QStringLiteral("2024-01-03 10:00"));
        QCOMPARE(model.index(r3, M::CreateDateColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2024-01-03 10:00:00.123456"));
        QVERIFY(model.index(r5, M::BranchLabelsColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("shop")));
        QVERIFY(model.index(r5, M::BranchLabelsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Declared here: shop")));
        QCOMPARE(model.index(r5, M::FileColumn).data().toString(),
                 QStringLiteral("migrations/versions/r5_x.py"));
        QCOMPARE(model.index(r5, M::FileColumn).data(M::PathRole).toString(),
                 QStringLiteral("/project/migrations/versions/r5_x.py"));
        QCOMPARE(model.index(r5, M::MessageColumn).data(M::RevisionIdRole).toString(),
                 QStringLiteral("r5"));

        // Outside the project folder the absolute path is shown.
        model.setProjectRoot(QStringLiteral("/elsewhere"));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("r5")), M::FileColumn).data().toString(),
                 QStringLiteral("/project/migrations/versions/r5_x.py"));
    }

    void sortRoles()
    {
        RevisionTableModel model;
        model.setGraph(sampleGraph());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(RevisionTableModel::SortRole);
        proxy.setSortCaseSensitivity(Qt::CaseInsensitive);

        proxy.sort(RevisionTableModel::CreateDateColumn, Qt::AscendingOrder);
        // 2023-12-31 08:30+02:00 is the oldest; dates compare as dates, not text.
        QCOMPARE(idsInProxyOrder(proxy),
                 (QStringList{QStringLiteral("r7"), QStringLiteral("r1"), QStringLiteral("r2"),
                              QStringLiteral("r3"), QStringLiteral("r5"), QStringLiteral("r4"),
                              QStringLiteral("r6")}));
        proxy.sort(RevisionTableModel::CreateDateColumn, Qt::DescendingOrder);
        QCOMPARE(idsInProxyOrder(proxy).first(), QStringLiteral("r6"));

        proxy.sort(RevisionTableModel::IdColumn, Qt::AscendingOrder);
        QCOMPARE(idsInProxyOrder(proxy).first(), QStringLiteral("r1"));
        QCOMPARE(idsInProxyOrder(proxy).last(), QStringLiteral("r7"));

        proxy.sort(RevisionTableModel::MessageColumn, Qt::AscendingOrder);
        // Case-insensitive: "add email", "add products", "Add Orders"... sorted ignoring case.
        QCOMPARE(idsInProxyOrder(proxy).mid(0, 3),
                 (QStringList{QStringLiteral("r2"), QStringLiteral("r3"), QStringLiteral("r5")}));

        // Sorting by no column returns to history order.
        proxy.sort(-1);
        QStringList history;
        for (int row = 0; row < model.rowCount(); ++row)
            history << model.revisionId(row);
        QCOMPARE(idsInProxyOrder(proxy), history);
    }

    void filterText()
    {
        RevisionTableModel model;
        model.setProjectRoot(QStringLiteral("/project"));
        model.setGraph(sampleGraph());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(RevisionTableModel::SearchRole);
        proxy.setFilterKeyColumn(RevisionTableModel::IdColumn);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);

        proxy.setFilterFixedString(QStringLiteral("ORDERS"));
        QCOMPARE(idsInProxyOrder(proxy), QStringList{QStringLiteral("r3")});
        proxy.setFilterFixedString(QStringLiteral("audit"));
        QCOMPARE(idsInProxyOrder(proxy), QStringList{QStringLiteral("r7")});
        proxy.setFilterFixedString(QStringLiteral("r5_x.py"));
        QCOMPARE(idsInProxyOrder(proxy), QStringList{QStringLiteral("r5")});
        proxy.setFilterFixedString(QStringLiteral("merge"));
        QVERIFY(idsInProxyOrder(proxy).contains(QStringLiteral("r6")));
        proxy.setFilterFixedString(QStringLiteral("no such thing"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterFixedString(QString());
        QCOMPARE(proxy.rowCount(), 7);
    }

    void swapGraph()
    {
        RevisionTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(sampleGraph());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setGraph(RevisionGraph::build({makeRevision(
            QStringLiteral("x1"), {}, QStringLiteral("only"), QStringLiteral("nonsense date"))}));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("r1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("x1")), 0);
        // An unreadable date is shown as written.
        QCOMPARE(model.index(0, RevisionTableModel::CreateDateColumn).data().toString(),
                 QStringLiteral("nonsense date"));
        QCOMPARE(model.markers(QStringLiteral("x1")),
                 RevisionTableModel::HeadMarker | RevisionTableModel::BaseMarker);
    }

    // The selected profile's derived state per revision, and depends_on, as columns.
    void stateAndDependsOnColumns()
    {
        QList<Revision> revisions = sampleGraph()->revisions();
        for (Revision& r : revisions)
            if (r.id == QLatin1String("r4"))
                r.dependsOn = {QStringLiteral("r7")};
        const auto graph = RevisionGraph::build(revisions);
        RevisionTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(graph);
        using M = RevisionTableModel;
        const auto cell = [&](const char* id, int column, int role = Qt::DisplayRole) {
            return model.index(model.rowOf(QString::fromLatin1(id)), column).data(role);
        };
        QCOMPARE(model.headerData(M::StateColumn, Qt::Horizontal).toString(),
                 QStringLiteral("State"));
        QCOMPARE(model.headerData(M::DependsOnColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Depends On"));
        QCOMPARE(cell("r4", M::DependsOnColumn).toString(), QStringLiteral("r7"));
        QCOMPARE(cell("r3", M::DependsOnColumn).toString(), QString());
        // No database: nothing to say.
        QCOMPARE(cell("r4", M::StateColumn).toString(), QString());
        QCOMPARE(model.revisionState(QStringLiteral("r4")), M::UnknownState);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setDatabaseState(QStringLiteral("dev"),
                               DatabaseState::derive(*graph, QStringList{QStringLiteral("r4")}));
        QCOMPARE(reset.count(), 0); // the selection model keeps its rows
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell("r4", M::StateColumn).toString(), QStringLiteral("Current"));
        QCOMPARE(cell("r3", M::StateColumn).toString(), QStringLiteral("Applied"));
        QCOMPARE(cell("r1", M::StateColumn).toString(), QStringLiteral("Applied"));
        QCOMPARE(cell("r7", M::StateColumn).toString(), QStringLiteral("Applied")); // depends_on
        QCOMPARE(cell("r5", M::StateColumn).toString(), QStringLiteral("Pending"));
        QCOMPARE(cell("r6", M::StateColumn).toString(), QStringLiteral("Pending"));
        QCOMPARE(cell("r6", M::IdColumn, M::StateRole).toInt(), int(M::PendingState));
        QVERIFY(cell("r5", M::StateColumn, Qt::ToolTipRole).toString().contains(u"dev"));
        QVERIFY(model.headerData(M::StateColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"dev"));

        // The filter finds revisions by their state; sorting by state groups them.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(M::SearchRole);
        proxy.setFilterKeyColumn(M::IdColumn);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(QStringLiteral("pending"));
        QStringList pending = idsInProxyOrder(proxy);
        pending.sort();
        QCOMPARE(pending, (QStringList{QStringLiteral("r5"), QStringLiteral("r6")}));
        proxy.setFilterFixedString(QString());
        proxy.setSortRole(M::SortRole);
        proxy.sort(M::StateColumn, Qt::AscendingOrder);
        QCOMPARE(idsInProxyOrder(proxy).first(), QStringLiteral("r4"));

        // An unreadable database: no guess.
        model.setDatabaseState(QStringLiteral("dev"),
                               DatabaseState::failure(QStringLiteral("no route to host")));
        QCOMPARE(cell("r4", M::StateColumn).toString(), QStringLiteral("Unknown"));
        QCOMPARE(model.revisionState(QStringLiteral("r4")), M::UnknownState);
        QVERIFY(cell("r4", M::StateColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(u"no route to host"));
        model.clearDatabaseState();
        QCOMPARE(model.revisionState(QStringLiteral("r3")), M::UnknownState);
    }

    // Filtering the list never changes its current revision (the Run target): a hidden
    // current revision stays current, with no row selected, and comes back when shown.
    void filterKeepsTheCurrentRevision()
    {
        RevisionListView list;
        QAbstractItemModelTester tester(list.proxyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.resize(800, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        const auto graph = sampleGraph();
        list.setGraph(graph);
        QSignalSpy changed(&list, &RevisionListView::currentRevisionChanged);
        QVERIFY(list.setCurrentRevision(QStringLiteral("r3")));
        QCOMPARE(changed.count(), 1);
        changed.clear();

        // "email" matches r2 and r4, not r3.
        list.setFilterText(QStringLiteral("email"));
        QCOMPARE(list.visibleCount(), 2);
        QCOMPARE(list.currentRevision(), QStringLiteral("r3"));
        QCOMPARE(changed.count(), 0);
        QVERIFY(list.isCurrentRevisionHidden());
        QVERIFY(!list.view()->currentIndex().isValid());
        QVERIFY(!list.view()->selectionModel()->hasSelection());
        QVERIFY(list.findChild<QLabel*>(QStringLiteral("revisionCount"))
                    ->text()
                    .contains(QStringLiteral("r3")));

        // Typing more, a database state arriving, a reload: still r3.
        QTest::keyClicks(list.findChild<QLineEdit*>(QStringLiteral("revisionFilter")),
                         QStringLiteral(" "));
        list.setDatabaseState(QStringLiteral("dev"),
                              DatabaseState::derive(*graph, QStringList{QStringLiteral("r2")}));
        list.setGraph(graph);
        QCOMPARE(list.currentRevision(), QStringLiteral("r3"));
        QCOMPARE(changed.count(), 0);

        // Selected from elsewhere (the graph) while hidden: current, no row.
        QVERIFY(!list.setCurrentRevision(QStringLiteral("r5")));
        QCOMPARE(list.currentRevision(), QStringLiteral("r5"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!list.view()->selectionModel()->hasSelection());

        // Shown again: its row is selected again.
        list.setFilterText(QString());
        QVERIFY(!list.isCurrentRevisionHidden());
        QCOMPARE(list.view()->currentIndex().data(RevisionTableModel::RevisionIdRole).toString(),
                 QStringLiteral("r5"));
        QVERIFY(list.view()->selectionModel()->isRowSelected(list.view()->currentIndex().row(),
                                                             QModelIndex()));
        QCOMPARE(changed.count(), 1);

        // A filter that keeps the current row keeps it selected.
        list.setFilterText(QStringLiteral("products"));
        QCOMPARE(list.view()->currentIndex().data(RevisionTableModel::RevisionIdRole).toString(),
                 QStringLiteral("r5"));
        // The person picking a row does change it.
        list.setFilterText(QStringLiteral("add"));
        const QModelIndex first = list.proxyModel()->index(0, 0);
        list.view()->setCurrentIndex(first);
        QCOMPARE(list.currentRevision(),
                 first.data(RevisionTableModel::RevisionIdRole).toString());
    }

    void missingParentAndDiagnostics()
    {
        Revision orphan = makeRevision(QStringLiteral("o1"), {QStringLiteral("gone")},
                                       QStringLiteral("orphan"), QString());
        Diagnostics diagnostics{Diagnostic::warning(orphan.path, 3, QStringLiteral("something"))};
        RevisionTableModel model;
        model.setGraph(RevisionGraph::build({orphan}, diagnostics));
        const int row = model.rowOf(QStringLiteral("o1"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, RevisionTableModel::ParentsColumn).data().toString(),
                 QStringLiteral("gone"));
        QVERIFY(model.index(row, RevisionTableModel::ParentsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("no script")));
        QVERIFY(!model.index(row, RevisionTableModel::IdColumn).data(Qt::DecorationRole).isNull());
    }
};

QTEST_MAIN(TestRevisionTableModel)
#include "tst_revisiontablemodel.moc"
