// The Compare dock in the real window (issue 16): two SQLite databases of the demo project,
// brought to different states by the real alembic, compared both ways and with a revision;
// the lists, the commands and the graph's marks are checked against the databases' own
// applied sets, and a database that cannot be read says why.
#include "support/testfiles.h"

#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "model/graph/environmentplan.h"
#include "model/graph/revisiongraph.h"
#include "widgets/compare/compareview.h"
#include "widgets/databases/databasesview.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace retort;
using retort::testsupport::copyTree;
using retort::testsupport::runProcess;

namespace {

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

QStringList itemIds(const QTreeWidget* tree)
{
    QStringList ids;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        ids << tree->topLevelItem(i)->text(0);
    return ids;
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void comparesTwoDatabasesBothWays();
    void comparesWithARevision();
    void unreadableDatabaseSaysWhy();

private:
    // Upgrades a new SQLite database of the demo to each target with the real alembic.
    QString databaseAt(const QString& name, const QStringList& targets);
    bool openWindow(MainWindow& window);

    QTemporaryDir m_dir;
    QString m_project;
    QString m_dev;
    QString m_prod;
};

void TestCompareView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), m_project));
    m_dev = databaseAt(QStringLiteral("dev"), {QStringLiteral("heads")});
    m_prod = databaseAt(QStringLiteral("prod"), {QStringLiteral("7658f94855d0")});
    QVERIFY(!m_dev.isEmpty() && !m_prod.isEmpty());
}

QString TestCompareView::databaseAt(const QString& name, const QStringList& targets)
{
    // alembic runs with a copy of the ini (beside it, so %(here)s holds) pointing at `db`
    const QString db = m_dir.filePath(name + QStringLiteral(".db"));
    QFile ini(m_project + QStringLiteral("/alembic.ini"));
    if (!ini.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(ini.readAll());
    if (!text.contains(QLatin1String("sqlite:///%(here)s/demo.db")))
        return {};
    text.replace(QStringLiteral("sqlite:///%(here)s/demo.db"), QStringLiteral("sqlite:///") + db);
    const QString copy = m_project + QStringLiteral("/") + name + QStringLiteral(".ini");
    QFile out(copy);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(text.toUtf8());
    out.close();
    for (const QString& target : targets) {
        QString log;
        if (!runProcess(QStringLiteral(RETORT_TEST_PYTHON),
                        {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), copy,
                         QStringLiteral("upgrade"), target},
                        m_project, &log)) {
            qWarning().noquote() << log;
            return {};
        }
    }
    return db;
}

bool TestCompareView::openWindow(MainWindow& window)
{
    window.show(); // the dock's visibility is what draws the marks or takes them away
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.openProject(m_project + QStringLiteral("/alembic.ini"));
    if (!QTest::qWaitFor([&] { return window.session()->project().isLoaded(); }, 30000))
        return false;
    for (const auto& [name, db] : {std::pair{QStringLiteral("dev"), m_dev},
                                   std::pair{QStringLiteral("prod"), m_prod}})
        if (!window.databases()->saveProfile(
                ConnectionProfile(name, QStringLiteral("sqlite:///") + db)))
            return false;
    return QTest::qWaitFor(
        [&] {
            return window.databases()->state(QStringLiteral("dev")).isReadable()
                   && window.databases()->state(QStringLiteral("prod")).isReadable()
                   && !window.graphView()->graphScene()->nodeItems().isEmpty();
        },
        30000);
}

// prod stands at the merge point; dev at both heads. From prod's side dev has the main line
// after the merge and the whole reporting branch; prod has nothing dev lacks.
void TestCompareView::comparesTwoDatabasesBothWays()
{
    Settings settings(m_dir.filePath(QStringLiteral("s1.ini")));
    MainWindow window(settings);
    QVERIFY(openWindow(window));
    const DatabaseState dev = window.databases()->state(QStringLiteral("dev"));
    const DatabaseState prod = window.databases()->state(QStringLiteral("prod"));
    QSet<QString> devOnly = dev.applied();
    devOnly.subtract(prod.applied());
    QVERIFY(devOnly.size() > 5);

    // Reached from the Databases pane: prod as A.
    window.databasesView()->setCurrentProfile(QStringLiteral("prod"));
    auto* compareWith = window.databasesView()->findChild<QAction*>(QStringLiteral("compareWithAction"));
    QVERIFY(compareWith);
    QVERIFY(compareWith->isEnabled());
    compareWith->trigger();
    CompareView* view = window.compareView();
    QVERIFY(!window.compareDock()->isHidden());
    QCOMPARE(view->databaseA(), QStringLiteral("prod"));
    view->compare(QStringLiteral("prod"), QStringLiteral("dev"));
    QVERIFY2(view->hasComparison(), qPrintable(view->problem()));
    QVERIFY(view->comparison().onlyA.isEmpty());
    QCOMPARE(sorted(view->comparison().onlyB), sorted(devOnly.values()));
    QCOMPARE(sorted(itemIds(view->onlyBTree())), sorted(devOnly.values()));
    QCOMPARE(view->onlyATree()->topLevelItemCount(), 0);
    QVERIFY2(view->summaryText().contains(QLatin1String("dev has")), qPrintable(view->summaryText()));
    // Both heads are missing: one upgrade per head, and nothing downgraded.
    QCOMPARE(view->commandsTree()->topLevelItemCount(), 2);
    QCOMPARE(sorted(view->commandsText().split(u'\n', Qt::SkipEmptyParts)),
             QStringList({QStringLiteral("alembic upgrade 3a7c6088155f"),
                          QStringLiteral("alembic upgrade da0aaa72870b")}));
    for (const QString& line : view->commandsText().split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(QLatin1String("alembic upgrade ")), qPrintable(line));

    // The graph marks what only dev has, and nothing else.
    GraphScene* scene = window.graphView()->graphScene();
    for (RevisionNodeItem* item : scene->nodeItems())
        QCOMPARE(item->compareSide(), devOnly.contains(item->id())
                                          ? RevisionNodeItem::CompareSide::OnlyB
                                          : RevisionNodeItem::CompareSide::None);
    QVERIFY(scene->nodeItem(*devOnly.cbegin())->toolTip().contains(QLatin1String("Only dev (B)")));

    // Activating a revision selects it on the graph.
    QTreeWidgetItem* first = view->onlyBTree()->topLevelItem(0);
    emit view->onlyBTree()->itemActivated(first, 0);
    QCOMPARE(window.graphView()->currentRevision(), first->text(0));

    // The other way round: the same revisions, now downgraded.
    view->swap();
    QCOMPARE(view->databaseA(), QStringLiteral("dev"));
    QCOMPARE(sorted(view->comparison().onlyA), sorted(devOnly.values()));
    QVERIFY(view->comparison().onlyB.isEmpty());
    for (const EnvironmentCommand& command : view->comparison().commands)
        QVERIFY(!command.isUpgrade());
    for (RevisionNodeItem* item : scene->nodeItems())
        QCOMPARE(item->compareSide() == RevisionNodeItem::CompareSide::OnlyA,
                 devOnly.contains(item->id()));

    // Unticked, or the dock closed: the graph is clean again.
    view->showOnGraphBox()->setChecked(false);
    for (RevisionNodeItem* item : scene->nodeItems())
        QCOMPARE(item->compareSide(), RevisionNodeItem::CompareSide::None);
    view->showOnGraphBox()->setChecked(true);
    QCOMPARE(scene->compareOnlyA().size(), devOnly.size());
    window.compareDock()->close();
    QTRY_VERIFY(scene->compareOnlyA().isEmpty());
}

// prod compared with `heads` typed as B: the same as dev, which stands at the heads.
void TestCompareView::comparesWithARevision()
{
    Settings settings(m_dir.filePath(QStringLiteral("s2.ini")));
    MainWindow window(settings);
    QVERIFY(openWindow(window));
    window.showCompare(QStringLiteral("prod"));
    CompareView* view = window.compareView();
    view->compare(QStringLiteral("prod"), QString(), QStringLiteral("heads"));
    QVERIFY(view->revisionEdit()->isVisibleTo(view));
    QVERIFY2(view->hasComparison(), qPrintable(view->problem()));
    QSet<QString> devOnly = window.databases()->state(QStringLiteral("dev")).applied();
    devOnly.subtract(window.databases()->state(QStringLiteral("prod")).applied());
    QCOMPARE(sorted(view->comparison().onlyB), sorted(devOnly.values()));
    QVERIFY(!view->swapButton()->isEnabled());

    view->compare(QStringLiteral("prod"), QString(), QStringLiteral("nosuchrev"));
    QVERIFY(!view->hasComparison());
    QVERIFY2(view->problem().contains(QLatin1String("nosuchrev")), qPrintable(view->problem()));
    QVERIFY(window.graphView()->graphScene()->compareOnlyB().isEmpty());

    // The same profile on both sides is not a comparison.
    view->compare(QStringLiteral("prod"), QStringLiteral("prod"));
    QVERIFY(!view->hasComparison());
}

void TestCompareView::unreadableDatabaseSaysWhy()
{
    Settings settings(m_dir.filePath(QStringLiteral("s3.ini")));
    MainWindow window(settings);
    QVERIFY(openWindow(window));
    QVERIFY(window.databases()->saveProfile(ConnectionProfile(
        QStringLiteral("gone"), QStringLiteral("postgresql://nobody@127.0.0.1:1/none"))));
    QTRY_VERIFY_WITH_TIMEOUT(window.databases()->hasState(QStringLiteral("gone"))
                                 && !window.databases()->isReading(QStringLiteral("gone")),
                             30000);
    window.showCompare(QStringLiteral("gone"));
    CompareView* view = window.compareView();
    view->compare(QStringLiteral("gone"), QStringLiteral("dev"));
    QVERIFY(!view->hasComparison());
    QVERIFY2(view->problem().contains(QLatin1String("gone")), qPrintable(view->problem()));
    QVERIFY(!view->commandsTree()->topLevelItemCount());
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
