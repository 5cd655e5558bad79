// Help → Getting Started on the bundled demo, Help → User Guide, View → Show Legend, and the
// first picture of a project centred on where its database stands: the real main window.
#include "app/databasesession.h"
#include "app/graphcontroller.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/graphlegend.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"
#include "widgets/help/gettingstarted.h"
#include "widgets/help/helpbubble.h"
#include "widgets/help/userguideviewer.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace retort;

namespace {

// The demo's database after `scripts/run`: the main line up to this revision.
const QString kHalfway = QStringLiteral("699f5fd8e665");

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(QLatin1String("__pycache__")) || file.endsWith(QLatin1String(".db")))
            continue;
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target))
            return false;
    }
    return true;
}

QAction* menuAction(QMenuBar* bar, const QString& menu, const QString& text)
{
    for (QAction* top : bar->actions()) {
        if (top->text() != menu || !top->menu())
            continue;
        for (QAction* action : top->menu()->actions())
            if (action->text() == text)
                return action;
    }
    return nullptr;
}

} // namespace

class TestGettingStarted : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;

    QString demoIni() const { return m_dir.filePath(QStringLiteral("demo/alembic.ini")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A copy of the bundled demo, brought halfway up by the real alembic (as scripts/run
        // does), so that the tests leave the source tree alone.
        const QString demo = m_dir.filePath(QStringLiteral("demo"));
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), demo));
        QProcess alembic;
        alembic.setProcessChannelMode(QProcess::MergedChannels);
        alembic.start(QStringLiteral(RETORT_TEST_PYTHON),
                      {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                       demoIni(), QStringLiteral("upgrade"), kHalfway});
        QVERIFY(alembic.waitForFinished(120000));
        QVERIFY2(alembic.exitCode() == 0, alembic.readAll().constData());
        qputenv("RETORT_DEMO_DIR", demo.toUtf8());
    }

    void init()
    {
        m_settings = std::make_unique<Settings>(m_dir.filePath(
            QStringLiteral("%1.ini").arg(QLatin1String(QTest::currentTestFunction()))));
    }

    void cleanup() { m_settings.reset(); }

    void demoIsFound()
    {
        QCOMPARE(QFileInfo(MainWindow::demoConfigPath()).canonicalFilePath(),
                 QFileInfo(demoIni()).canonicalFilePath());
    }

    void legendFromTheViewMenuIsRemembered()
    {
        {
            MainWindow window(*m_settings);
            window.show();
            QAction* show = menuAction(window.menuBar(), QStringLiteral("&View"),
                                       QStringLiteral("Show &Legend"));
            QVERIFY(show);
            QVERIFY(show->isCheckable());
            // No project: the welcome page stands where the graph is shown.
            QVERIFY(!window.graphView()->isLegendShown());
            show->trigger();
            QVERIFY(window.graphView()->isLegendShown());
            QVERIFY(m_settings->graphLegendShown());
        }
        MainWindow again(*m_settings);
        again.show();
        QVERIFY(again.graphView()->isLegendShown());
        again.openProject(demoIni());
        QTRY_VERIFY(again.graphView()->legend()->isVisible());
    }

    void demoOpensOnWhereItsDatabaseStands()
    {
        MainWindow window(*m_settings);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openProject(demoIni());
        GraphView* view = window.graphView();
        QTRY_VERIFY_WITH_TIMEOUT(view->graphScene()->nodeItem(kHalfway) != nullptr, 30000);
        const QString profile = window.databases()->selectedProfile();
        QTRY_VERIFY_WITH_TIMEOUT(window.databases()->hasState(profile) &&
                                     window.databases()->state(profile).isCurrent(kHalfway),
                                 30000);
        RevisionNodeItem* here = view->graphScene()->nodeItem(kHalfway);
        const QRect viewport = view->viewport()->rect();
        const QRect central = viewport.adjusted(viewport.width() / 4, viewport.height() / 4,
                                                -viewport.width() / 4, -viewport.height() / 4);
        QTRY_VERIFY(central.contains(view->mapFromScene(here->pos())));
        QVERIFY2(view->zoom() >= 1.0, qPrintable(QString::number(view->zoom())));
        QCOMPARE(view->currentRevision(), kHalfway);
    }

    void gettingStartedWalksTheDemo()
    {
        MainWindow window(*m_settings);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* start = menuAction(window.menuBar(), QStringLiteral("&Help"),
                                    QStringLiteral("&Getting Started"));
        QVERIFY(start);
        QVERIFY(menuAction(window.menuBar(), QStringLiteral("&Help"), QStringLiteral("&User Guide")));
        // No project open: the demo opens, then the walk starts.
        start->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.gettingStarted() && window.gettingStarted()->isRunning(),
                                 30000);
        GettingStarted* tour = window.gettingStarted();
        HelpBubble* bubble = tour->bubble();
        QCOMPARE(QFileInfo(window.session()->loadedConfigPath()).canonicalFilePath(),
                 QFileInfo(demoIni()).canonicalFilePath());
        QCOMPARE(tour->stepCount(), 5);

        const char* targets[] = {"graphView", "graphView", "stepUpButton", "scriptTabs",
                                 "graphLegendButton"};
        for (int step = 0; step < 5; ++step) {
            QCOMPARE(tour->currentStep(), step);
            QWidget* target = tour->currentTarget();
            QVERIFY2(target, targets[step]);
            QCOMPARE(target->objectName(), QLatin1String(targets[step]));
            QVERIFY2(target->isVisible(), targets[step]);
            QCOMPARE(target->window(), &window);
            QVERIFY(bubble->isVisible());
            QVERIFY(bubble->highlight()->isVisible());
            // The frame surrounds the target; the bubble does not cover it whole.
            const QRect targetRect(target->mapTo(&window, QPoint(0, 0)), target->size());
            QVERIFY(bubble->highlight()->geometry().intersects(targetRect));
            QVERIFY(window.rect().contains(bubble->geometry()));
            QVERIFY(!bubble->title().isEmpty());
            if (step == 1) {
                QVERIFY(window.graphView()->isLegendShown()); // the walk shows the legend
                QVERIFY(window.graphView()->graphScene()->graph()->isMergePoint(
                    window.graphView()->currentRevision()));
            }
            if (step < 4)
                QTest::mouseClick(bubble->nextButton(), Qt::LeftButton);
        }
        QTest::mouseClick(bubble->backButton(), Qt::LeftButton);
        QCOMPARE(tour->currentStep(), 3);
        // Esc closes it, wherever the focus is.
        window.graphView()->setFocus();
        QTest::keyClick(window.graphView(), Qt::Key_Escape);
        QVERIFY(!tour->isRunning());
        QVERIFY(!bubble->isVisible());
        QVERIFY(!bubble->highlight()->isVisible());
    }

    void gettingStartedOffersTheDemoWhenAnotherProjectIsOpen()
    {
        // The demo's copy stands in for "another project": a second copy elsewhere.
        QTemporaryDir other;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), other.path()));
        MainWindow window(*m_settings);
        window.resize(900, 600);
        window.show();
        window.openProject(QDir(other.path()).filePath(QStringLiteral("alembic.ini")));
        QTRY_VERIFY_WITH_TIMEOUT(window.graphController()->shownGraph() != nullptr, 30000);
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->objectName() == QLatin1String("gettingStartedQuestion");
            for (QAbstractButton* button : box->buttons())
                if (button->text() == QLatin1String("&Walk This Project"))
                    button->click();
        });
        window.startGettingStarted();
        QVERIFY(asked);
        QVERIFY(window.gettingStarted() && window.gettingStarted()->isRunning());
        // Still the other project.
        QCOMPARE(QFileInfo(window.session()->loadedConfigPath()).canonicalPath(),
                 QFileInfo(other.path()).canonicalFilePath());
        window.gettingStarted()->close();
    }

    void userGuideOpens()
    {
        MainWindow window(*m_settings);
        window.show();
        QAction* guide = menuAction(window.menuBar(), QStringLiteral("&Help"),
                                    QStringLiteral("&User Guide"));
        QVERIFY(guide);
        guide->trigger();
        QVERIFY(window.userGuide());
        QVERIFY(window.userGuide()->isVisible());
        QCOMPARE(QFileInfo(window.userGuide()->shownPath()).canonicalFilePath(),
                 QFileInfo(QStringLiteral(RETORT_SOURCE_DIR "/docs/user-guide.md")).canonicalFilePath());
        QVERIFY(window.userGuide()->browser()->toPlainText().contains(QLatin1String("Retort")));
        // A guide that is not there: said so, in the window.
        QVERIFY(!window.userGuide()->showGuide(m_dir.filePath(QStringLiteral("nothing.md"))));
        QVERIFY(window.userGuide()->browser()->toPlainText().contains(
            QLatin1String("could not be read")));
    }
};

QTEST_MAIN(TestGettingStarted)
#include "tst_gettingstarted.moc"
