// Issue 17 in the real window: Settings → Configure Retort… applied live, reverted by Cancel
// and kept across a restart; the default interpreter in run requests; About and Report a
// Problem; the graph's zoom per project; View → Reset Layout.
#include "dialogmnemonics.h"
#include "scriptproject.h"

#include "app/apptheme.h"
#include "app/databasesession.h"
#include "app/graphcontroller.h"
#include "app/mainwindow.h"
#include "app/problemreport.h"
#include "app/projectrunrequest.h"
#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"
#include "model/config/connectionprofile.h"
#include "model/layout/graphvizlayouter.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"
#include "widgets/help/problemreportdialog.h"
#include "widgets/plan/sqlpreviewdialog.h"
#include "widgets/settings/settingsdialog.h"

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciglobal.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QDockWidget>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>

using namespace retort;
using retort::test::ScriptProject;

namespace {

// Waits for the graph of the project just opened to be on screen.
bool openAndWait(MainWindow& window, const QString& ini)
{
    QSignalSpy laidOut(window.graphController(), &GraphController::layoutFinished);
    window.openProject(ini);
    return laidOut.wait(20000) || !laidOut.isEmpty();
}

QPointF nodePos(MainWindow& window, const QString& id)
{
    RevisionNodeItem* item = window.graphView()->graphScene()->nodeItem(id);
    return item ? item->pos() : QPointF(-1e9, -1e9);
}

void choose(QComboBox* box, int data)
{
    box->setCurrentIndex(box->findData(data));
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString settingsFile(const char* name) const { return m_home.filePath(QString::fromLatin1(name)); }

private slots:
    void settingsApplyLiveAndCancelReverts()
    {
        ScriptProject project;
        QVERIFY(project.create());
        const QString file = settingsFile("live.ini");
        Settings settings(file);
        MainWindow window(settings);
        window.resize(1000, 700);
        window.show();
        QVERIFY(openAndWait(window, project.ini()));
        ScriptPage* page = window.scriptsController()->openRevision(QStringLiteral("bbbb00000002"));
        QVERIFY(page);
        ScriptEditor* editor = page->editor();
        const QColor originalWindow = QApplication::palette().color(QPalette::Window);

        // the Settings menu sits before Help and opens the dialog
        const QList<QAction*> menus = window.menuBar()->actions();
        QVERIFY(menus.size() >= 2);
        QCOMPARE(menus.last()->menu()->title(), QStringLiteral("&Help"));
        QCOMPARE(menus.at(menus.size() - 2)->menu()->title(), QStringLiteral("Se&ttings"));
        QSet<QString> menuKeys; // Alt+letter opens one menu each
        for (QAction* menu : menus) {
            const QString key = retort::testsupport::mnemonicKey(menu->text());
            QVERIFY2(!key.isEmpty() && !menuKeys.contains(key), qPrintable(menu->text()));
            menuKeys.insert(key);
        }
        window.settingsAction()->trigger();
        SettingsDialog* dialog = window.settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        // editor font and tab width, on the open script and its lexer
        auto* size = dialog->findChild<QSpinBox*>(QStringLiteral("editorFontSizeBox"));
        auto* tabs = dialog->findChild<QSpinBox*>(QStringLiteral("tabWidthBox"));
        QVERIFY(size && tabs);
        size->setValue(19);
        tabs->setValue(7);
        QCOMPARE(editor->codeFont().pointSize(), 19);
        QCOMPARE(editor->lexer()->font(QsciLexerPython::Keyword).pointSize(), 19);
        QCOMPARE(editor->lexer()->font(QsciLexerPython::Default).pointSize(), 19);
        QCOMPARE(editor->tabWidth(), 7);
        QCOMPARE(editor->indentationWidth(), 7);

        // graph direction: the head c above the base a, then below it
        const QString a = QStringLiteral("aaaa00000001"), c = QStringLiteral("cccc00000003");
        QVERIFY(nodePos(window, c).y() < nodePos(window, a).y());
        auto* direction = dialog->findChild<QComboBox*>(QStringLiteral("graphDirectionBox"));
        QVERIFY(direction);
        {
            QSignalSpy laidOut(window.graphController(), &GraphController::layoutFinished);
            choose(direction, 0);
            QVERIFY(laidOut.wait(20000));
        }
        QVERIFY(nodePos(window, c).y() > nodePos(window, a).y());

        // density: spacious puts the ranks further apart
        const qreal normalGap = std::abs(nodePos(window, c).y() - nodePos(window, a).y());
        auto* density = dialog->findChild<QComboBox*>(QStringLiteral("graphDensityBox"));
        QVERIFY(density);
        {
            QSignalSpy laidOut(window.graphController(), &GraphController::layoutFinished);
            choose(density, int(Preferences::GraphDensity::Spacious));
            QVERIFY(laidOut.wait(20000));
        }
        QVERIFY(std::abs(nodePos(window, c).y() - nodePos(window, a).y()) > normalGap + 20);

        // theme: Dark changes the application's window colour, System gives it back
        auto* theme = dialog->findChild<QComboBox*>(QStringLiteral("themeBox"));
        QVERIFY(theme);
        choose(theme, int(Preferences::Theme::Dark));
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 AppTheme::darkPalette().color(QPalette::Window));
        QVERIFY(QApplication::palette().color(QPalette::Window) != originalWindow);
        QTRY_VERIFY(editor->isDarkPalette()); // the editor follows the palette
        choose(theme, int(Preferences::Theme::System));
        QCOMPARE(QApplication::palette().color(QPalette::Window), originalWindow);
        choose(theme, int(Preferences::Theme::Dark));

        // Cancel: everything back as before the dialog opened, nothing stored
        {
            QSignalSpy laidOut(window.graphController(), &GraphController::layoutFinished);
            dialog->reject();
            QVERIFY(laidOut.wait(20000));
        }
        QCOMPARE(QApplication::palette().color(QPalette::Window), originalWindow);
        QVERIFY(editor->codeFont().pointSize() != 19);
        QCOMPARE(editor->tabWidth(), 4);
        QVERIFY(nodePos(window, c).y() < nodePos(window, a).y());
        QCOMPARE(std::abs(nodePos(window, c).y() - nodePos(window, a).y()), normalGap);
        QCOMPARE(window.preferences(), Preferences());
        settings.sync();
        QCOMPARE(Settings(file).preferences(), Preferences());
        QTRY_VERIFY(!window.settingsDialog());

        // OK keeps them: a new Settings on the same file reads them back
        window.showSettings();
        dialog = window.settingsDialog();
        QVERIFY(dialog);
        dialog->findChild<QSpinBox*>(QStringLiteral("tabWidthBox"))->setValue(2);
        choose(dialog->findChild<QComboBox*>(QStringLiteral("graphDirectionBox")), 0);
        choose(dialog->findChild<QComboBox*>(QStringLiteral("graphDensityBox")),
               int(Preferences::GraphDensity::Compact));
        choose(dialog->findChild<QComboBox*>(QStringLiteral("themeBox")),
               int(Preferences::Theme::Light));
        dialog->findChild<QLineEdit*>(QStringLiteral("defaultInterpreterEdit"))
            ->setText(QStringLiteral("/usr/bin/python3"));
        dialog->findChild<QLineEdit*>(QStringLiteral("defaultInterpreterEdit"))->editingFinished();
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("interpreterStatus"));
        // the real python answers off the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("says: alembic 1.")), 20000);
        dialog->accept();
        QCOMPARE(editor->tabWidth(), 2);
        const Preferences stored = Settings(file).preferences();
        QCOMPARE(stored.tabWidth, 2);
        QCOMPARE(stored.newestOnTop, false);
        QCOMPARE(stored.graphDensity, Preferences::GraphDensity::Compact);
        QCOMPARE(stored.theme, Preferences::Theme::Light);
        QCOMPARE(stored.defaultInterpreter, QStringLiteral("/usr/bin/python3"));

        // Restore Defaults then OK: the defaults again, System's palette back
        window.showSettings();
        dialog = window.settingsDialog();
        QVERIFY(dialog);
        const auto buttons = dialog->findChildren<QPushButton*>();
        for (QPushButton* button : buttons)
            if (button->text().contains(QStringLiteral("Defaults")))
                button->click();
        dialog->accept();
        QCOMPARE(Settings(file).preferences(), Preferences());
        QCOMPARE(QApplication::palette().color(QPalette::Window), originalWindow);
        QCOMPARE(editor->tabWidth(), 4);
    }

    void sqlPreviewFollowsTheTheme()
    {
        SqlPreviewDialog dialog(QStringLiteral("alembic upgrade head --sql"), QString());
        dialog.show();
        auto* lexer = qobject_cast<QsciLexerSQL*>(dialog.editor()->lexer());
        QVERIFY(lexer);
        const QColor lightKeyword = lexer->color(QsciLexerSQL::Keyword);
        AppTheme::instance()->apply(Preferences::Theme::Dark);
        QTRY_VERIFY(lexer->paper(QsciLexerSQL::Keyword).lightnessF() < 0.5);
        const QColor darkKeyword = lexer->color(QsciLexerSQL::Keyword);
        QVERIFY(darkKeyword.lightnessF() > 0.5); // light text on the dark paper
        AppTheme::instance()->apply(Preferences::Theme::System);
        QTRY_VERIFY(lexer->paper(QsciLexerSQL::Keyword).lightnessF() > 0.5);
        // not left light-on-light
        QCOMPARE(lexer->color(QsciLexerSQL::Keyword), lightKeyword);
    }

    void preferencesReadBackSafely()
    {
        // what another version (or a hand edit) left: unknown words and sizes out of range
        // read as the defaults, the rest as written
        const QString file = settingsFile("handmade.ini");
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[preferences]\ntheme=purple\ntabWidth=99\neditorFontSize=500\n"
                  "graphDensity=spacious\ngraphNewestOnTop=false\n"
                  "defaultPythonInterpreter=/usr/bin/python3\n");
        ini.close();
        const Preferences read = Settings(file).preferences();
        const Preferences defaults;
        QCOMPARE(read.theme, defaults.theme);
        QCOMPARE(read.tabWidth, defaults.tabWidth);
        QCOMPARE(read.editorFontSize, defaults.editorFontSize);
        QCOMPARE(read.graphDensity, Preferences::GraphDensity::Spacious);
        QCOMPARE(read.newestOnTop, false);
        QCOMPARE(read.defaultInterpreter, QStringLiteral("/usr/bin/python3"));
    }

    void notAnExecutableIsRefused()
    {
        Settings settings(settingsFile("refuse.ini"));
        MainWindow window(settings);
        window.showSettings();
        SettingsDialog* dialog = window.settingsDialog();
        QVERIFY(dialog);
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("defaultInterpreterEdit"));
        edit->setText(settingsFile("refuse.ini")); // a file, not a program
        edit->editingFinished();
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("interpreterStatus"));
        QVERIFY(!status->text().isEmpty());
        dialog->accept(); // OK waits while the path cannot be run
        QVERIFY(dialog->isVisible());
        QVERIFY(Settings(settingsFile("refuse.ini")).preferences().defaultInterpreter.isEmpty());
        dialog->reject();
    }

    void keyboardAccess()
    {
        const QString file = settingsFile("keys.ini");
        Settings settings(file);
        MainWindow window(settings);
        window.show();
        window.showSettings();
        SettingsDialog* dialog = window.settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QStringList problems = retort::testsupport::mnemonicProblems(dialog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Return in a field is OK: kept, closed
        auto* tabs = dialog->findChild<QSpinBox*>(QStringLiteral("tabWidthBox"));
        tabs->setFocus();
        tabs->setValue(3);
        QTest::keyClick(tabs, Qt::Key_Return);
        QTRY_VERIFY(!window.settingsDialog());
        QCOMPARE(Settings(file).preferences().tabWidth, 3);
        // Escape is Cancel
        window.showSettings();
        dialog = window.settingsDialog();
        QVERIFY(dialog);
        dialog->findChild<QSpinBox*>(QStringLiteral("tabWidthBox"))->setValue(9);
        QCOMPARE(window.scriptTabs()->tabWidth(), 9);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.settingsDialog());
        QCOMPARE(window.scriptTabs()->tabWidth(), 3);
        QCOMPARE(Settings(file).preferences().tabWidth, 3);
    }

    void defaultInterpreterInRunRequests()
    {
        ScriptProject project;
        QVERIFY(project.create());
        Settings settings(settingsFile("interpreter.ini"));
        Preferences preferences;
        preferences.defaultInterpreter = QStringLiteral("/usr/bin/python3");
        settings.setPreferences(preferences);
        ProjectSession session;
        QSignalSpy loaded(&session, &ProjectSession::loaded);
        session.open(project.ini());
        QVERIFY(loaded.wait(20000));
        // the project has none of its own: the default one
        QCOMPARE(projectRunRequest(session, settings, {QStringLiteral("current")}).interpreter,
                 QStringLiteral("/usr/bin/python3"));
        // its own wins
        const RecentProject key{session.loadedConfigPath(), session.loadedSection()};
        settings.setPythonInterpreter(key, QStringLiteral("/opt/py/bin/python"));
        QCOMPARE(projectRunRequest(session, settings, {QStringLiteral("current")}).interpreter,
                 QStringLiteral("/opt/py/bin/python"));
        // neither: empty, the runner finds alembic itself
        settings.setPythonInterpreter(key, {});
        settings.setPreferences(Preferences());
        QVERIFY(projectRunRequest(session, settings, {QStringLiteral("current")})
                    .interpreter.isEmpty());
    }

    void aboutNamesTheVersions()
    {
        ScriptProject project;
        QVERIFY(project.create());
        Settings settings(settingsFile("about.ini"));
        MainWindow window(settings);
        window.show();
        QVERIFY(openAndWait(window, project.ini()));
        // the window asked Graphviz for its version off the GUI thread
        QTRY_VERIFY(GraphvizLayouter::graphvizVersionKnown());
        window.showAbout();
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("aboutDialog"));
        QVERIFY(box);
        const QString text = box->text();
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral(QT_VERSION_STR)));
        QVERIFY(text.contains(QStringLiteral(QSCINTILLA_VERSION_STR)));
        const QString graphviz = GraphvizLayouter::graphvizVersion();
        QVERIFY(graphviz.startsWith(u'2') || graphviz.startsWith(u'1')); // a real version
        QVERIFY(text.contains(graphviz));
        QVERIFY(!text.contains(graphviz + QStringLiteral(" (built with)"))); // the library's own
        // the alembic the project is read for (Debian's, found on PATH)
        QCOMPARE(window.session()->project().alembic.source, ProjectAlembic::Source::Found);
        QVERIFY(text.contains(window.session()->project().alembic.rules.version().toString()));
        QVERIFY(text.contains(QStringLiteral("https://github.com/retort/retort")));
        box->close();

        // without a project, it says so
        Settings other(settingsFile("about2.ini"));
        MainWindow empty(other);
        empty.showAbout();
        box = empty.findChild<QMessageBox*>(QStringLiteral("aboutDialog"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("no project open")));
    }

    void problemReportLeaksNothing()
    {
        ScriptProject project;
        QVERIFY(project.create());
        Settings settings(settingsFile("report.ini"));
        MainWindow window(settings);
        window.show();
        QVERIFY(openAndWait(window, project.ini()));
        ConnectionProfile pg(QStringLiteral("staging"),
                             QStringLiteral("postgresql+psycopg2://secretuser:s3cretpw@"
                                            "dbhost.invalid:5433/proddb"));
        QVERIFY(window.databases()->saveProfile(pg));
        ConnectionProfile lite(QStringLiteral("local"),
                               QStringLiteral("sqlite:///") + project.dir.filePath(QStringLiteral("x.db")));
        QVERIFY(window.databases()->saveProfile(lite));

        window.reportProblemAction()->trigger();
        ProblemReportDialog* dialog = window.problemReportDialog();
        QVERIFY(dialog);
        // the Python version arrives from the real python3
        QTRY_VERIFY_WITH_TIMEOUT(dialog->reportText().contains(QStringLiteral("Python: 3.")), 20000);
        const QString report = dialog->reportText();
        for (const QString& expected :
             {QString::fromLatin1(qVersion()), QStringLiteral(QSCINTILLA_VERSION_STR),
              GraphvizLayouter::graphvizVersion(),
              QStringLiteral("Alembic: ") + window.session()->project().alembic.rules.version().toString(),
              QStringLiteral("postgresql, sqlite"),
              QStringLiteral("Profiles: %1").arg(window.databases()->profiles().size()),
              QStringLiteral("4 revisions, 2 heads")})
            QVERIFY2(report.contains(expected), qPrintable(expected + u'\n' + report));
        for (const QString& secret :
             {project.dir.path(), QDir::homePath(), QStringLiteral("secretuser"),
              QStringLiteral("s3cretpw"), QStringLiteral("dbhost"), QStringLiteral("proddb"),
              QStringLiteral("5433"), QStringLiteral("staging"), QStringLiteral("create users"),
              QStringLiteral("://")})
            QVERIFY2(!report.contains(secret), qPrintable(secret + u'\n' + report));

        // Copy to Clipboard at once, and the status bar says so
        dialog->copyToClipboard();
        QCOMPARE(QApplication::clipboard()->text(), report);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("clipboard")));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("issuesLink"))
                    ->text()
                    .contains(QStringLiteral("https://github.com/retort/retort/issues")));
    }

    void problemReportTextGuardsTheHome()
    {
        ProblemFacts facts;
        facts.versions.retort = QStringLiteral("1.0");
        facts.os = QStringLiteral("Debian on /home/alice");
        facts.databaseKinds = {QStringLiteral("postgresql"), QStringLiteral("evil://x@y"),
                               QStringLiteral("postgresql")};
        const QString text = problemReportText(facts, QStringLiteral("/home/alice"));
        QVERIFY(!text.contains(QStringLiteral("/home/alice")));
        QVERIFY(!text.contains(QStringLiteral("alice")));
        QVERIFY(text.contains(QStringLiteral("Databases: other, postgresql")));
    }

    void zoomKeptPerProject()
    {
        ScriptProject first, second;
        QVERIFY(first.create() && second.create());
        Settings settings(settingsFile("zoom.ini"));
        {
            MainWindow window(settings);
            window.resize(900, 600);
            window.show();
            QVERIFY(openAndWait(window, first.ini()));
            window.graphView()->setZoom(1.7);
            QCOMPARE(window.graphView()->zoom(), 1.7);
            window.close();
        }
        MainWindow window(settings);
        window.resize(900, 600);
        window.show();
        QVERIFY(openAndWait(window, second.ini()));
        // another project opens as usual (Fit never goes beyond 1.5)
        QVERIFY(window.graphView()->zoom() < 1.6);
        QVERIFY(openAndWait(window, first.ini()));
        QTRY_COMPARE(window.graphView()->zoom(), 1.7);
        // and the second one is still not at the first one's zoom
        QVERIFY(openAndWait(window, second.ini()));
        QTRY_VERIFY(window.graphView()->zoom() < 1.6);
    }

    void resetLayoutRestoresTheDocks()
    {
        ScriptProject project;
        QVERIFY(project.create());
        Settings settings(settingsFile("reset.ini"));
        MainWindow window(settings);
        window.resize(1000, 700);
        window.show();
        QVERIFY(openAndWait(window, project.ini()));
        const QList<QDockWidget*> docks = window.findChildren<QDockWidget*>();
        QVERIFY(docks.size() >= 5);
        QHash<QString, bool> firstStart;
        for (QDockWidget* dock : docks)
            firstStart.insert(dock->objectName(), dock->isVisible());
        QVERIFY(firstStart.value(QStringLiteral("databasesDock")));
        QVERIFY(!firstStart.value(QStringLiteral("compareDock")));

        window.findChild<QDockWidget*>(QStringLiteral("databasesDock"))->hide();
        window.findChild<QDockWidget*>(QStringLiteral("detailsDock"))->hide();
        window.compareDock()->show();
        window.graphView()->setZoom(2.5);
        QVERIFY(settings.graphZoom(Settings::projectKey({project.ini(), {}})) > 2);

        QSignalSpy reset(&window, &MainWindow::layoutReset);
        window.resetLayoutAction()->trigger();
        QCOMPARE(reset.size(), 1);
        for (QDockWidget* dock : docks)
            QTRY_COMPARE(dock->isVisible(), firstStart.value(dock->objectName()));
        QVERIFY(window.graphView()->zoom() < 1.6);
        QCOMPARE(settings.graphZoom(Settings::projectKey({project.ini(), {}})), 0.0);
        // the View menu offers it
        bool inViewMenu = false;
        for (QAction* menu : window.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(window.resetLayoutAction()))
                inViewMenu = menu->menu()->title() == QStringLiteral("&View");
        QVERIFY(inViewMenu);
    }

    void resetLayoutWhileTheWelcomePageShows()
    {
        ScriptProject project;
        QVERIFY(project.create());
        Settings settings(settingsFile("resetwelcome.ini"));
        {
            // a layout left without the Databases dock
            MainWindow window(settings);
            window.show();
            QVERIFY(openAndWait(window, project.ini()));
            window.findChild<QDockWidget*>(QStringLiteral("databasesDock"))->hide();
            window.close();
        }
        MainWindow window(settings);
        window.show();
        QVERIFY(window.isWelcomeShown());
        auto* databases = window.findChild<QDockWidget*>(QStringLiteral("databasesDock"));
        window.resetLayout();
        // the welcome page keeps the docks hidden meanwhile
        QVERIFY(window.isWelcomeShown());
        QVERIFY(!databases->isVisible());
        QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("detailsDock"))->isVisible());
        // the first project brings the reset layout, not the one left before
        QVERIFY(openAndWait(window, project.ini()));
        QTRY_VERIFY(databases->isVisible());
        QVERIFY(!window.compareDock()->isVisible());
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
