#include "widgets/databases/databasesview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace retort;

namespace {

DatabaseRow row(const char* name, DatabaseRow::Status status, QStringList current = {},
                bool isDefault = false)
{
    DatabaseRow r;
    r.name = QString::fromUtf8(name);
    r.displayUrl = QStringLiteral("postgresql://u:***@host/%1").arg(r.name);
    r.status = status;
    r.current = current;
    r.isDefault = isDefault;
    return r;
}

} // namespace

class TestDatabasesView : public QObject
{
    Q_OBJECT

private slots:
    void stateTexts()
    {
        QCOMPARE(DatabaseListModel::stateText(row("a", DatabaseRow::Status::AtBase)),
                 QStringLiteral("at base (no version table rows)"));
        DatabaseRow two = row("b", DatabaseRow::Status::Current,
                              {QStringLiteral("aaa"), QStringLiteral("zzz")});
        two.ghosts = {QStringLiteral("zzz")};
        QCOMPARE(DatabaseListModel::stateText(two), QStringLiteral("aaa, zzz (no script)"));
        DatabaseRow broken = row("c", DatabaseRow::Status::Error);
        broken.error = QStringLiteral("could not connect");
        QCOMPARE(DatabaseListModel::stateText(broken), QStringLiteral("error: could not connect"));
    }

    void rowsAndUpdates()
    {
        DatabasesView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.model()->setRows({row("default", DatabaseRow::Status::Unknown, {}, true),
                               row("staging", DatabaseRow::Status::Reading)});
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.model()->index(0, DatabaseListModel::NameColumn).data().toString(),
                 QStringLiteral("default (alembic.ini)"));
        QSignalSpy changed(view.model(), &QAbstractItemModel::dataChanged);
        view.model()->updateRow(row("staging", DatabaseRow::Status::Current, {QStringLiteral("abc")}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.model()->index(1, DatabaseListModel::StateColumn).data().toString(),
                 QStringLiteral("abc"));
        view.model()->updateRow(row("nobody", DatabaseRow::Status::AtBase));
        QCOMPARE(changed.count(), 1); // unknown names change nothing
    }

    void actionsFollowSelection()
    {
        DatabasesView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.model()->setRows({row("default", DatabaseRow::Status::AtBase, {}, true),
                               row("prod", DatabaseRow::Status::AtBase)});
        QVERIFY(!view.editAction()->isEnabled());
        QVERIFY(!view.removeAction()->isEnabled());
        QVERIFY(view.refreshAction()->isEnabled());

        view.setCurrentProfile(QStringLiteral("default"));
        QCOMPARE(view.currentProfile(), QStringLiteral("default"));
        QVERIFY(view.editAction()->isEnabled());
        QVERIFY(!view.removeAction()->isEnabled()); // the ini's own profile stays

        QSignalSpy removed(&view, &DatabasesView::removeRequested);
        QSignalSpy refreshed(&view, &DatabasesView::refreshRequested);
        view.setCurrentProfile(QStringLiteral("prod"));
        QVERIFY(view.removeAction()->isEnabled());
        view.removeAction()->trigger();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), QStringLiteral("prod"));
        view.refreshAction()->trigger();
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(refreshed.first().first().toString().isEmpty());
    }
};

QTEST_MAIN(TestDatabasesView)
#include "tst_databasesview.moc"
