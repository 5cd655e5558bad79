// Script → New Revision and Merge Heads through the real alembic: the dialogs' arguments,
// the generated file opened in a tab, and the new revisions in the graph.
#include "support/alembicundertest.h"
#include "widgets/dialogs/mergeheadsdialog.h"
#include "widgets/dialogs/newrevisiondialog.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "app/graphcontroller.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "model/script/revisioncommand.h"
#include "scriptproject.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace retort::test;

class TestRevisionCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // The tests need Debian's alembic; failing loudly beats skipping quietly.
        QVERIFY2(QFileInfo::exists(QStringLiteral(RETORT_TEST_PYTHON)), RETORT_TEST_PYTHON);
        // Debian 12's alembic, or (@trixie / @sid) the newer one first on PYTHONPATH
        retort::test::AlembicUnderTest alembic;
        QVERIFY(retort::test::AlembicUnderTest::check(QStringLiteral(RETORT_TEST_PYTHON), &alembic));
    }

    void parsesGeneratedPath()
    {
        QCOMPARE(RevisionCommand::generatedPath(QStringLiteral(
                     "  Generating /tmp/p/migrations/versions/ab12_add_x.py ...  done\n")),
                 QStringLiteral("/tmp/p/migrations/versions/ab12_add_x.py"));
        QCOMPARE(RevisionCommand::generatedPath(QStringLiteral("FAILED: Multiple heads\n")),
                 QString());
    }

    // The command line for alembic revision is built in the model.
    void revisionArgumentsFromOptions()
    {
        NewRevisionOptions options;
        options.message = QStringLiteral("add index");
        options.head = QStringLiteral("dddd00000004");
        QCOMPARE(RevisionCommand::revisionArguments(options),
                 (QStringList{QStringLiteral("revision"), QStringLiteral("-m"),
                              QStringLiteral("add index"), QStringLiteral("--head"),
                              QStringLiteral("dddd00000004")}));
        options.branchLabel = QStringLiteral("audit");
        options.dependsOn = {QStringLiteral("cccc"), QStringLiteral("shop@head")};
        options.autogenerate = true;
        QCOMPARE(RevisionCommand::revisionArguments(options),
                 (QStringList{QStringLiteral("revision"), QStringLiteral("-m"),
                              QStringLiteral("add index"), QStringLiteral("--head"),
                              QStringLiteral("dddd00000004"), QStringLiteral("--branch-label"),
                              QStringLiteral("audit"), QStringLiteral("--depends-on"),
                              QStringLiteral("cccc"), QStringLiteral("--depends-on"),
                              QStringLiteral("shop@head"), QStringLiteral("--autogenerate")}));
        // Autogenerate is never implied.
        QVERIFY(!NewRevisionOptions().autogenerate);
        QVERIFY(!RevisionCommand::revisionArguments(NewRevisionOptions())
                     .contains(QStringLiteral("--autogenerate")));
    }

    void dialogsBuildArguments()
    {
        ScriptProject project;
        QVERIFY(project.create());
        QList<Revision> revisions;
        for (const auto& [id, down] : {std::pair{"aaaa00000001", ""},
                                       {"cccc00000003", "aaaa00000001"},
                                       {"dddd00000004", "aaaa00000001"}}) {
            Revision r;
            r.id = QString::fromLatin1(id);
            if (*down)
                r.downRevisions = {QString::fromLatin1(down)};
            revisions << r;
        }
        const auto graph = RevisionGraph::build(revisions);

        NewRevisionDialog dialog(graph);
        QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no message yet
        dialog.setMessage(QStringLiteral("add index"));
        QVERIFY(ok->isEnabled());
        dialog.setHead(QStringLiteral("dddd00000004"));
        dialog.setBranchLabel(QStringLiteral("audit"));
        dialog.setDependsOn(QStringLiteral("cccc00000003, aaaa"));
        QCOMPARE(dialog.arguments(),
                 (QStringList{QStringLiteral("revision"), QStringLiteral("-m"),
                              QStringLiteral("add index"), QStringLiteral("--head"),
                              QStringLiteral("dddd00000004"), QStringLiteral("--branch-label"),
                              QStringLiteral("audit"), QStringLiteral("--depends-on"),
                              QStringLiteral("cccc00000003"), QStringLiteral("--depends-on"),
                              QStringLiteral("aaaa")}));
        // Autogenerate only when ticked, and its label says what it does.
        QVERIFY(!dialog.autogenerate());
        QVERIFY(!dialog.arguments().contains(QStringLiteral("--autogenerate")));
        const QString label = dialog.autogenerateBox()->text();
        QVERIFY2(label.contains(QStringLiteral("env.py")) && label.contains(QStringLiteral("database")),
                 qPrintable(label));
        QTest::mouseClick(dialog.autogenerateBox(), Qt::LeftButton, {},
                          dialog.autogenerateBox()->rect().center());
        QVERIFY(dialog.autogenerate());
        QCOMPARE(dialog.arguments().last(), QStringLiteral("--autogenerate"));
        dialog.setAutogenerate(false);
        // A new base needs a label.
        dialog.setHead(QStringLiteral("base"));
        dialog.setBranchLabel({});
        QVERIFY(!ok->isEnabled());

        MergeHeadsDialog merge(graph);
        QPushButton* mergeOk = merge.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(merge.selectedHeads(),
                 (QStringList{QStringLiteral("cccc00000003"), QStringLiteral("dddd00000004")}));
        QVERIFY(mergeOk->isEnabled());
        merge.headList()->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(!mergeOk->isEnabled()); // one head is no merge
    }

    void createsRevisionAndMergeWithAlembic()
    {
        ScriptProject project;
        QVERIFY(project.create());
        Settings settings(m_settingsDir.filePath(QStringLiteral("commands.ini")));
        // The project's interpreter, as Run ▸ Python Interpreter… sets it.
        settings.setPythonInterpreter(
            RecentProject{QFileInfo(project.ini()).absoluteFilePath(), QStringLiteral("alembic")},
            QStringLiteral(RETORT_TEST_PYTHON));
        MainWindow window(settings);
        window.resize(1400, 900);
        window.show();
        ScriptsController* scripts = window.scriptsController();
        scripts->setReloadDelay(50);
        window.openProject(project.ini());
        QTRY_VERIFY(window.graphController()->shownGraph());
        QVERIFY(scripts->newRevisionAction()->isEnabled());
        QVERIFY(scripts->mergeHeadsAction()->isEnabled());

        // New revision on head d, through the dialog the menu opens.
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("dddd00000004")));
        scripts->newRevisionAction()->trigger();
        NewRevisionDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<NewRevisionDialog*>()));
        QCOMPARE(dialog->head(), QStringLiteral("dddd00000004")); // the selected head
        dialog->setMessage(QStringLiteral("add audit index"));
        QSignalSpy finished(scripts, &ScriptsController::revisionCommandFinished);
        dialog->accept();
        QVERIFY(finished.wait(60000));
        const QString created = finished.at(0).at(0).toString();
        QVERIFY2(finished.at(0).at(1).toString().isEmpty(),
                 qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(QFileInfo::exists(created));
        QVERIFY(created.startsWith(QDir::cleanPath(project.versions())));
        // Opened in a tab…
        QCOMPARE(window.scriptTabs()->currentPage()->path(), created);
        QVERIFY(window.scriptTabs()->currentPage()->editor()->text().contains(
            QStringLiteral("add audit index")));
        // …and in the graph, on top of d, selected.
        QString newId;
        QTRY_VERIFY([&] {
            const auto graph = window.graphController()->shownGraph();
            for (const Revision& r : graph->revisions())
                if (r.path == created)
                    newId = r.id;
            return !newId.isEmpty();
        }());
        const auto graph = window.session()->graph();
        QCOMPARE(graph->parents(newId), QStringList{QStringLiteral("dddd00000004")});
        QCOMPARE(graph->heads().size(), 2);
        QVERIFY(window.graphView()->graphScene()->nodeItem(newId));
        QTRY_COMPARE(window.graphView()->currentRevision(), newId);

        // Merge the two heads.
        QTRY_VERIFY(scripts->mergeHeadsAction()->isEnabled());
        scripts->mergeHeadsAction()->trigger();
        MergeHeadsDialog* merge = nullptr;
        QTRY_VERIFY((merge = window.findChild<MergeHeadsDialog*>()));
        QCOMPARE(merge->selectedHeads().size(), 2);
        merge->setMessage(QStringLiteral("join audit and orders"));
        finished.clear();
        merge->accept();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(1).toString().isEmpty(),
                 qPrintable(finished.at(0).at(1).toString()));
        const QString mergeFile = finished.at(0).at(0).toString();
        QTRY_VERIFY(window.session()->graph()->heads().size() == 1 &&
                    window.graphController()->shownGraph() == window.session()->graph());
        const auto merged = window.session()->graph();
        const QString mergeId = merged->heads().first();
        QCOMPARE(merged->revision(mergeId)->path, mergeFile);
        QVERIFY(merged->isMergePoint(mergeId));
        QStringList parents = merged->parents(mergeId);
        parents.sort();
        QStringList expected{QStringLiteral("cccc00000003"), newId};
        expected.sort();
        QCOMPARE(parents, expected);
        QCOMPARE(merged->revision(mergeId)->message, QStringLiteral("join audit and orders"));
        QCOMPARE(window.scriptTabs()->count(), 2);
        QVERIFY(!scripts->mergeHeadsAction()->isEnabled()); // one head left

        // alembic's refusal reaches the person in words.
        finished.clear();
        QVERIFY(scripts->runRevisionCommand({QStringLiteral("revision"), QStringLiteral("-m"),
                                             QStringLiteral("x"), QStringLiteral("--head"),
                                             QStringLiteral("nosuchrev")}));
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).toString().isEmpty());
        QVERIFY(!finished.at(0).at(1).toString().isEmpty());
        scripts->setSavePrompt(
            [](const QStringList&) { return ScriptsController::SaveChoice::Discard; });
    }

    // New Revision with Autogenerate ticked: the real alembic runs the project's env.py,
    // compares the database with the models and writes the difference; the file opens.
    void newRevisionAutogenerates()
    {
        ScriptProject project;
        QVERIFY(project.create());
        // No revisions yet (an empty database is then up to date), and models with a table.
        for (const QString& id : {QStringLiteral("aaaa00000001"), QStringLiteral("bbbb00000002"),
                                  QStringLiteral("cccc00000003"), QStringLiteral("dddd00000004")})
            QVERIFY(QFile::remove(project.script(id)));
        const QString envPath = project.dir.filePath(QStringLiteral("migrations/env.py"));
        QByteArray env = readBytes(envPath);
        QVERIFY(env.contains("target_metadata = None"));
        env.replace("target_metadata = None",
                    "from sqlalchemy import Column, Integer, MetaData, Table\n"
                    "target_metadata = MetaData()\n"
                    "Table('widgets', target_metadata, Column('id', Integer, primary_key=True))");
        // The test's alembic.ini has no logging sections for fileConfig().
        env.replace("fileConfig(config.config_file_name, disable_existing_loggers=False)", "pass");
        QVERIFY(writeBytes(envPath, env));

        Settings settings(m_settingsDir.filePath(QStringLiteral("autogenerate.ini")));
        settings.setPythonInterpreter(
            RecentProject{QFileInfo(project.ini()).absoluteFilePath(), QStringLiteral("alembic")},
            QStringLiteral(RETORT_TEST_PYTHON));
        MainWindow window(settings);
        window.resize(1200, 800);
        window.show();
        ScriptsController* scripts = window.scriptsController();
        scripts->setReloadDelay(50);
        window.openProject(project.ini());
        QTRY_VERIFY(window.session()->graph() && scripts->newRevisionAction()->isEnabled());

        scripts->newRevisionAction()->trigger();
        NewRevisionDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<NewRevisionDialog*>()));
        dialog->setMessage(QStringLiteral("create widgets"));
        dialog->setAutogenerate(true);
        QVERIFY(dialog->arguments().contains(QStringLiteral("--autogenerate")));
        QSignalSpy finished(scripts, &ScriptsController::revisionCommandFinished);
        dialog->accept();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(1).toString().isEmpty(),
                 qPrintable(finished.at(0).at(1).toString()));
        const QString created = finished.at(0).at(0).toString();
        QCOMPARE(window.scriptTabs()->currentPage()->path(), created);
        const QString text = window.scriptTabs()->currentPage()->editor()->text();
        QVERIFY2(text.contains(QStringLiteral("op.create_table('widgets'")), qPrintable(text));
        scripts->setSavePrompt(
            [](const QStringList&) { return ScriptsController::SaveChoice::Discard; });
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestRevisionCommands)
#include "tst_revisioncommands.moc"
