// The databases pane in the real main window: the ini's database read through Qt SQL off
// the GUI thread, profiles added through the dialog, persisted per project, and a dead
// server shown as a clear error. The database is brought to its state by the real alembic.
#include "support/testfiles.h"
#include "widgets/databases/databasesview.h"
#include "widgets/databases/profiledialog.h"
#include "app/databasescontroller.h"
#include "app/databasesession.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"
#include "app/mainwindow.h"
#include "app/settings.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

using retort::testsupport::runProcess;

class TestDatabasesPane : public QObject
{
    Q_OBJECT

private slots:
    // A profile not read yet is no readable database at base: nothing is planned from it
    // (a Stamp planned from it showed the rows of an empty table, tst_runactions under load).
    void stateBeforeTheFirstReadIsNotReadable()
    {
        Settings settings(m_dir.filePath(QStringLiteral("unread.ini")));
        DatabaseSession session(settings);
        const DatabaseState state = session.state(QStringLiteral("default"));
        QVERIFY(!state.isReadable());
        QVERIFY(state.isNotRead());
        QVERIFY(!state.isAtBase());
        QVERIFY(!state.error().isEmpty());
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("project"));
        QString out;
        QVERIFY2(runProcess(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral(RETORT_FIXTURES_DIR "/genproject.py"), m_project,
                      QStringLiteral("--revisions"), QStringLiteral("12"), QStringLiteral("--seed"),
                      QStringLiteral("5"), QStringLiteral("--styles"), QStringLiteral("old"),
                      QStringLiteral("--id-style"), QStringLiteral("hex")},
                     m_dir.path(), &out),
                 qPrintable(out));
        m_ini = m_project + QStringLiteral("/alembic.ini");
        QVERIFY2(runProcess(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), m_ini,
                      QStringLiteral("upgrade"), QStringLiteral("heads")},
                     m_project, &out),
                 qPrintable(out));
        QVERIFY2(runProcess(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), m_ini,
                      QStringLiteral("current")},
                     m_project, &out),
                 qPrintable(out));
        for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts)) {
            const QString id = line.section(u' ', 0, 0);
            if (!id.isEmpty() && !line.startsWith(QLatin1StringView("INFO")))
                m_current.append(id);
        }
        m_current.sort();
        QVERIFY(!m_current.isEmpty());
    }

    void iniDatabaseIsRead()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        window.openProject(m_ini);
        DatabaseListModel* model = window.databasesView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rows().first().status, DatabaseRow::Status::Current, 20000);
        QCOMPARE(model->rows().first().current, m_current);
        QVERIFY(model->rows().first().isDefault);
        QVERIFY(model->rows().first().ghosts.isEmpty());

        // The graph, laid out by Graphviz on its own thread, marks where the database stands.
        GraphScene* scene = window.graphView()->graphScene();
        QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(m_current.first()) != nullptr, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(m_current.first())->isCurrent(), 20000);
        QCOMPARE(scene->nodeItems().size(), 12);
    }

    void addProfileThroughDialogAndPersist()
    {
        const QString settingsFile = m_dir.filePath(QStringLiteral("settings2.ini"));
        {
            Settings settings(settingsFile);
            MainWindow window(settings);
            window.openProject(m_ini);
            DatabaseListModel* model = window.databasesView()->model();
            QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);

            window.databasesController()->addProfile();
            ProfileDialog* dialog = window.databasesController()->activeDialog();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("copy"));
            dialog->findChild<QLineEdit*>(QStringLiteral("url"))
                ->setText(QStringLiteral("sqlite:///") + m_project + QStringLiteral("/test.db"));
            dialog->findChild<QCheckBox*>(QStringLiteral("protected"))->setChecked(true);
            // Test reads the database with what is typed.
            dialog->findChild<QPushButton*>(QStringLiteral("test"))->click();
            QLabel* result = dialog->findChild<QLabel*>(QStringLiteral("testResult"));
            QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Connected")), 20000);
            dialog->accept();
            QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(model->rows().at(1).status, DatabaseRow::Status::Current, 20000);
            QCOMPARE(model->rows().at(1).current, m_current);
            QVERIFY(model->rows().at(1).isProtected);
        }
        // A new window on the same settings finds the profile again.
        Settings settings(settingsFile);
        MainWindow window(settings);
        window.openProject(m_ini);
        DatabaseListModel* model = window.databasesView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 20000);
        QCOMPARE(model->rows().at(1).name, QStringLiteral("copy"));
        QVERIFY(model->rows().at(1).isProtected);

        // The session owns the selection: the first profile until another is chosen in the
        // list, and the derived state of the one chosen.
        DatabaseSession* databases = window.databases();
        QCOMPARE(databases->selectedProfile(), model->rows().at(0).name);
        QSignalSpy chosen(databases, &DatabaseSession::selectionChanged);
        window.databasesView()->setCurrentProfile(QStringLiteral("copy"));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("copy"));
        QCOMPARE(databases->selectedProfile(), QStringLiteral("copy"));
        QTRY_VERIFY_WITH_TIMEOUT(databases->hasSelectedState()
                                     && databases->selectedState().isReadable(), 20000);
        QVERIFY(databases->selectedState().isDerived());
        QCOMPARE(databases->selectedState().sortedCurrentRevisions(), m_current);
        databases->setSelectedProfile(QStringLiteral("gone"));
        QCOMPARE(databases->selectedProfile(), model->rows().at(0).name);
    }

    // A SQLite file that does not exist yet: Test Connection and the pane say so (alembic
    // would create it), instead of "Connected: at base".
    void missingSqliteFileIsSaid()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings6.ini")));
        MainWindow window(settings);
        window.openProject(m_ini);
        DatabaseListModel* model = window.databasesView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        const QString file = m_dir.filePath(QStringLiteral("not-yet.db"));

        window.databasesController()->addProfile();
        ProfileDialog* dialog = window.databasesController()->activeDialog();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("fresh"));
        dialog->findChild<QLineEdit*>(QStringLiteral("url"))
            ->setText(QStringLiteral("sqlite:///") + file);
        dialog->findChild<QPushButton*>(QStringLiteral("test"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testResultText().contains(QStringLiteral("Reading")),
                                 20000);
        const QString text = dialog->testResultText();
        QVERIFY2(text.contains(QStringLiteral("does not exist yet")) &&
                     text.contains(QStringLiteral("alembic would create it")) &&
                     text.contains(QStringLiteral("not-yet.db")) &&
                     !text.contains(QStringLiteral("Connected")),
                 qPrintable(text));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rows().at(1).status, DatabaseRow::Status::AtBase, 20000);
        const QModelIndex state = model->index(1, DatabaseListModel::StateColumn);
        QVERIFY2(state.data().toString().contains(QStringLiteral("file missing")) &&
                     !state.data().toString().contains(QStringLiteral("at base")),
                 qPrintable(state.data().toString()));
        QVERIFY(state.data(Qt::ToolTipRole).toString().contains(QStringLiteral("alembic would create it")));
        QVERIFY(!QFileInfo::exists(file)); // reading never creates it
    }

    void invalidProfileIsRefused()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings3.ini")));
        MainWindow window(settings);
        window.openProject(m_ini);
        QTRY_COMPARE_WITH_TIMEOUT(window.databasesView()->model()->rowCount(), 1, 20000);
        window.databasesController()->addProfile();
        ProfileDialog* dialog = window.databasesController()->activeDialog();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("bad"));
        dialog->findChild<QLineEdit*>(QStringLiteral("url"))->setText(QStringLiteral("oracle://x@y/z"));
        QVERIFY(!dialog->validationError().isEmpty());
        dialog->accept(); // refused: stays open with the reason
        QVERIFY(dialog->isVisible());
        dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("default"));
        dialog->findChild<QLineEdit*>(QStringLiteral("url"))->setText(QStringLiteral("sqlite://"));
        QVERIFY(dialog->validationError().contains(QStringLiteral("default")));
        dialog->reject();
    }

    // The picture test: the main window with the demo project, rendered offscreen.
    void rendersDemoProjectToPng()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings5.ini")));
        MainWindow window(settings);
        window.resize(1280, 800);
        window.show();
        window.openProject(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
        GraphScene* scene = window.graphView()->graphScene();
        QTRY_COMPARE_WITH_TIMEOUT(scene->nodeItems().size(), 40, 30000);
        const QString png = m_dir.filePath(QStringLiteral("window.png"));
        const QImage image = window.grab().toImage();
        QVERIFY(image.save(png));
        QVERIFY(QFileInfo(png).size() > 10000);
        // Not blank: the graph area holds more than one colour.
        QSet<QRgb> colours;
        const QRect graphArea = window.graphView()->geometry();
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        Q_UNUSED(graphArea);

        // And the graph on screen exports as SVG: what the window draws, every revision's id.
        const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
        QString error = QStringLiteral("not finished");
        window.exportGraph(svg, [&error](const QString& e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("not finished"), 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const RevisionNodeItem* node : scene->nodeItems())
            QVERIFY2(text.contains(QStringLiteral(">%1<").arg(node->shortId())), qPrintable(node->id()));
    }

    void deadServerIsAClearError()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings4.ini")));
        MainWindow window(settings);
        window.openProject(m_ini);
        DatabaseListModel* model = window.databasesView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        ConnectionProfile dead(QStringLiteral("dead"),
                               QStringLiteral("postgresql://me:secret@/db?host=") + m_dir.filePath(QStringLiteral("nosuchdir")));
        QVERIFY(window.databases()->saveProfile(dead));
        QTRY_COMPARE_WITH_TIMEOUT(model->rows().at(1).status, DatabaseRow::Status::Error, 20000);
        QVERIFY(!model->rows().at(1).error.isEmpty());
        QVERIFY(!model->rows().at(1).error.contains(QStringLiteral("secret")));
        QVERIFY(!model->rows().at(1).displayUrl.contains(QStringLiteral("secret")));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_ini;
    QStringList m_current;
};

QTEST_MAIN(TestDatabasesPane)
#include "tst_databasespane.moc"
