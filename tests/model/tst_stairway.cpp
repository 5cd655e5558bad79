// The stairway's model, without running anything: the walk planned from the hand-made graphs
// (every revision once, in alembic's upgrade order, merges after their parents; each
// downgrade removes exactly its revision), the markers the sequence bootstrap prints, the
// progress read from them, and the process a sequence request becomes.

#include "plannertestgraphs.h"
#include "support/testrevisions.h"

#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/run/alembicprogram.h"
#include "model/run/runcommand.h"
#include "model/run/scratchdatabase.h"
#include "model/run/sequencemarker.h"
#include "model/run/stairwayplan.h"
#include "model/run/stairwayprogress.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retort;

namespace {

using Direction = MigrationStep::Direction;
using Phase = StairwayCommand::Phase;

Result<StairwayPlan> planFor(const std::shared_ptr<const RevisionGraph>& graph)
{
    auto planner = std::make_shared<const MigrationPlanner>(graph);
    return StairwayPlanner(graph, planner).plan();
}

QString marker(int index, const char* state, const QString& error = {})
{
    QJsonObject o{{QStringLiteral("index"), index}, {QStringLiteral("state"), QLatin1String(state)}};
    if (!error.isNull())
        o.insert(QStringLiteral("error"), error);
    return QLatin1String(SequenceMarker::kPrefix) +
           QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class TestStairway : public QObject
{
    Q_OBJECT

private:
    // What every stairway must hold, whatever the graph: the walk's order, three commands per
    // revision, and each command planned to do exactly its part from the rows the walk has
    // there (checked again with the planner, independently of how the plan was made).
    void checkPlan(const std::shared_ptr<const RevisionGraph>& graph, const StairwayPlan& plan)
    {
        const MigrationPlanner planner(graph);
        const Result<MigrationPlan> walk = planner.upgrade({}, QStringLiteral("heads"));
        QVERIFY(walk.ok());
        QCOMPARE(plan.revisions, walk->revisions());
        QCOMPARE(plan.revisions.size(), graph->size());
        QCOMPARE(plan.commands.size(), plan.revisions.size() * 3);
        QCOMPARE(plan.endRows, walk->endHeads);
        QCOMPARE(plan.sequence().size(), plan.commands.size());
        for (qsizetype i = 0; i < plan.revisions.size(); ++i) {
            const QString r = plan.revisions.at(i);
            const QStringList before = walk->rowsBefore(i);
            const QStringList after = walk->rowsAfter(i);
            // a merge after all its parents
            for (const QString& parent : graph->revision(r)->downRevisions)
                QVERIFY2(plan.revisions.indexOf(parent) < i, qPrintable(r + u' ' + parent));

            const StairwayCommand& up = plan.commands.at(3 * i);
            const StairwayCommand& down = plan.commands.at(3 * i + 1);
            const StairwayCommand& again = plan.commands.at(3 * i + 2);
            QCOMPARE(up.phase, Phase::Upgrade);
            QCOMPARE(down.phase, Phase::Downgrade);
            QCOMPARE(again.phase, Phase::UpgradeAgain);
            for (const StairwayCommand* c : {&up, &down, &again})
                QCOMPARE(c->revisionIndex, int(i));
            QCOMPARE(up.arguments(), (QStringList{QStringLiteral("upgrade"), r}));
            QCOMPARE(again.arguments(), up.arguments());
            QCOMPARE(down.arguments().first(), QStringLiteral("downgrade"));
            QCOMPARE(plan.sequence().at(3 * i + 1), down.arguments());

            const Result<MigrationPlan> u = planner.upgrade(before, r);
            QVERIFY(u.ok());
            QCOMPARE(u->revisions(), QStringList{r});
            QCOMPARE(u->endHeads, after);
            const Result<MigrationPlan> d = planner.downgrade(after, down.command.target);
            QVERIFY2(d.ok(), qPrintable(d.error()));
            QCOMPARE(d->revisions(), QStringList{r});
            QCOMPARE(d->endHeads, before);
        }
    }

private slots:
    void linearWalk()
    {
        const auto graph = testgraphs::makeGraph(QStringLiteral("lin"));
        const Result<StairwayPlan> plan = planFor(graph);
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        QCOMPARE(plan->revisions, (QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002"),
                                               QStringLiteral("cccc0003"), QStringLiteral("dddd0004")}));
        checkPlan(graph, *plan);
        QCOMPARE(plan->commandCount(), 12);
    }

    void branchyWalk()
    {
        // branches, a three-parent merge, depends_on, a second base with its own label
        const auto graph = testgraphs::makeGraph(QStringLiteral("g"));
        const Result<StairwayPlan> plan = planFor(graph);
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        checkPlan(graph, *plan);
    }

    void branchesThatShareAParent()
    {
        // Two branches off one revision: downgrading the second to its parent would also take
        // the first back; the stairway must find the downgrade that removes one alone.
        const auto graph = RevisionGraph::build({test::rev("a"), test::rev("b", "a"),
                                                 test::rev("c", "a"), test::rev("d", "b c")});
        const Result<StairwayPlan> plan = planFor(graph);
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        checkPlan(graph, *plan);
        QCOMPARE(plan->revisions.last(), QStringLiteral("d"));
    }

    void unplannableProjectIsAProblemNotAGuess()
    {
        // a parent that is not there: alembic cannot plan `upgrade heads` at all
        const auto graph = RevisionGraph::build({test::rev("a"), test::rev("b", "zz")});
        const Result<StairwayPlan> plan = planFor(graph);
        QVERIFY(!plan.ok());
        QVERIFY2(!plan.error().isEmpty(), "a failure says why");
    }

    void markers()
    {
        const auto begin = SequenceMarker::parse(marker(0, "begin"));
        QVERIFY(begin);
        QCOMPARE(begin->index, 0);
        QCOMPARE(begin->state, SequenceMarker::State::Begin);
        const auto done = SequenceMarker::parse(marker(7, "done"));
        QVERIFY(done);
        QCOMPARE(done->index, 7);
        QCOMPARE(done->state, SequenceMarker::State::Done);
        // an error of several lines stays one line on the wire
        const QString error = QStringLiteral("OperationalError: no such table: x\n[SQL: DROP TABLE x]");
        const QString line = marker(3, "failed", error);
        QVERIFY(!line.contains(u'\n'));
        const auto failed = SequenceMarker::parse(line);
        QVERIFY(failed);
        QCOMPARE(failed->state, SequenceMarker::State::Failed);
        QCOMPARE(failed->error, error);

        QVERIFY(!SequenceMarker::parse(QStringLiteral("INFO  [alembic.runtime.migration] Running upgrade  -> a")));
        QVERIFY(!SequenceMarker::parse(QStringLiteral("@@retort-sequence not json")));
        QVERIFY(!SequenceMarker::parse(QStringLiteral("@@retort-sequence {\"index\": -1, \"state\": \"done\"}")));
        QVERIFY(!SequenceMarker::parse(QStringLiteral("@@retort-sequence {\"index\": 1, \"state\": \"maybe\"}")));
        QVERIFY(!SequenceMarker::parse(QStringLiteral("@@retort-sequence {\"state\": \"done\"}")));
        QVERIFY(SequenceMarker::isMarker(marker(1, "done")));
    }

    void progressToTheEnd()
    {
        const auto graph = testgraphs::makeGraph(QStringLiteral("lin"));
        StairwayProgress progress(*planFor(graph));
        QCOMPARE(progress.revisionCount(), 4);
        QCOMPARE(progress.feed(QStringLiteral("INFO  something alembic said")),
                 StairwayProgress::Change::None);
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(progress.feed(marker(i, "begin")), StairwayProgress::Change::CommandStarted);
            QCOMPARE(progress.runningCommand(), i);
            QCOMPARE(progress.currentRevision(), progress.plan().revisions.at(i / 3));
            QCOMPARE(progress.feed(marker(i, "done")), i % 3 == 2
                                                           ? StairwayProgress::Change::RevisionChecked
                                                           : StairwayProgress::Change::CommandFinished);
            QCOMPARE(progress.finishedCommands(), i + 1);
            QCOMPARE(progress.checked(), (i + 1) / 3);
        }
        progress.finish(true, {});
        QVERIFY(progress.isComplete());
        QVERIFY(!progress.failure());
        QVERIFY(progress.summary().contains(QLatin1String("every revision (4)")));
    }

    void progressStopsAtTheFirstFailure()
    {
        const auto graph = testgraphs::makeGraph(QStringLiteral("lin"));
        StairwayProgress progress(*planFor(graph));
        for (int i = 0; i < 4; ++i) {
            progress.feed(marker(i, "begin"));
            progress.feed(marker(i, "done"));
        }
        progress.feed(marker(4, "begin")); // bbbb0002's downgrade
        QCOMPARE(progress.feed(marker(4, "failed", QStringLiteral("NotImplementedError: no way back"))),
                 StairwayProgress::Change::Failed);
        progress.finish(false, QStringLiteral("alembic exited with code 1."));
        QVERIFY(!progress.isComplete());
        QVERIFY(progress.failure());
        QCOMPARE(progress.failure()->revision, QStringLiteral("bbbb0002"));
        QCOMPARE(progress.failure()->direction, Direction::Downgrade);
        QCOMPARE(progress.failure()->target, progress.plan().commands.at(4).command.target);
        QCOMPARE(progress.failure()->error, QStringLiteral("NotImplementedError: no way back")); // not the exit code
        QCOMPARE(progress.checked(), 1);
        QCOMPARE(progress.currentRevision(), QStringLiteral("bbbb0002"));
        QVERIFY(progress.summary().contains(QLatin1String("bbbb0002")));
        QVERIFY(progress.summary().contains(QLatin1String("no way back")));
        // nothing after the failure counts
        QCOMPARE(progress.feed(marker(5, "begin")), StairwayProgress::Change::None);
    }

    void progressOfARunThatDiedWithoutAMarker()
    {
        // Stopped (or crashed) in the middle of the second upgrade: that command failed.
        const auto graph = testgraphs::makeGraph(QStringLiteral("lin"));
        StairwayProgress progress(*planFor(graph));
        for (int i = 0; i < 3; ++i) {
            progress.feed(marker(i, "begin"));
            progress.feed(marker(i, "done"));
        }
        progress.feed(marker(3, "begin"));
        progress.finish(false, QStringLiteral("Stopped: alembic ended when asked."));
        QVERIFY(progress.failure());
        QCOMPARE(progress.failure()->revision, QStringLiteral("bbbb0002"));
        QCOMPARE(progress.failure()->direction, Direction::Upgrade);
        QCOMPARE(progress.failure()->error, QStringLiteral("Stopped: alembic ended when asked."));

        // A process that printed nothing at all (no alembic in that Python): the first command.
        StairwayProgress nothing(*planFor(graph));
        nothing.finish(false, QStringLiteral("No module named alembic"));
        QVERIFY(nothing.failure());
        QCOMPARE(nothing.failure()->revision, QStringLiteral("aaaa0001"));
        QCOMPARE(nothing.checked(), 0);

        // Exit 0 before the end is not a pass either.
        StairwayProgress early(*planFor(graph));
        early.feed(marker(0, "begin"));
        early.feed(marker(0, "done"));
        early.finish(true, {});
        QVERIFY(!early.isComplete());
        QVERIFY(early.failure());
        QCOMPARE(early.failure()->revision, QStringLiteral("aaaa0001"));
    }

    void sequenceRequestBecomesOneProcess()
    {
        const auto graph = testgraphs::makeGraph(QStringLiteral("lin"));
        const StairwayPlan plan = *planFor(graph);
        RunRequest request;
        request.configPath = QStringLiteral("/p/alembic.ini");
        request.xArguments = {QStringLiteral("tenant=a")};
        request.sequence = plan.sequence();
        request.urlOverride = QStringLiteral("postgresql://u:pw@/scratch");
        const Result<AlembicProgram> alembic = AlembicProgram::find(
            QStringLiteral("/nonexistent"), QStringLiteral(RETORT_TEST_PYTHON));
        QVERIFY2(alembic.ok(), qPrintable(alembic.error()));
        const Result<RunCommand> command = RunCommand::build(request, *alembic);
        QVERIFY2(command.ok(), qPrintable(command.error()));
        QCOMPARE(command->program, alembic->interpreter());
        const qsizetype code = command->arguments.indexOf(QStringLiteral("-c"));
        QVERIFY(code >= 0);
        QCOMPARE(command->arguments.at(code + 1), RunCommand::sequenceBootstrapCode());
        // the global options, then the commands as one JSON argument
        QCOMPARE(command->arguments.mid(code + 2, 4),
                 (QStringList{QStringLiteral("-c"), QStringLiteral("/p/alembic.ini"),
                              QStringLiteral("-x"), QStringLiteral("tenant=a")}));
        const QJsonArray commands = QJsonDocument::fromJson(command->arguments.last().toUtf8()).array();
        QCOMPARE(commands.size(), 12);
        QCOMPARE(commands.at(1).toArray().at(0).toString(), QStringLiteral("downgrade"));
        // the password is on no command line, and nowhere people read
        QVERIFY(!command->arguments.join(u' ').contains(QLatin1String("pw")));
        QVERIFY(!command->display.contains(QLatin1String("pw")));
        QVERIFY(command->display.contains(QLatin1String("12 alembic command")));
        QCOMPARE(command->environment.value(QLatin1String(RunCommand::kUrlVariable)),
                 request.urlOverride);
    }

    void scratchDatabase()
    {
        const Result<ScratchDatabase> temp = ScratchDatabase::temporarySqlite();
        QVERIFY(temp.ok());
        QVERIFY(temp->isTemporary());
        QVERIFY(temp->url().startsWith(QLatin1String("sqlite:////")));
        QVERIFY(!QFileInfo::exists(temp->file())); // alembic makes it

        QVERIFY(ScratchDatabase::refusal(DatabaseState::fromRows({}), QStringLiteral("db")).isEmpty());
        QVERIFY(ScratchDatabase::refusal(DatabaseState::missingFile(QStringLiteral("/x.db")),
                                         QStringLiteral("db"))
                    .isEmpty());
        const QString notAtBase =
            ScratchDatabase::refusal(DatabaseState::fromRows({QStringLiteral("c3")}), QStringLiteral("staging"));
        QVERIFY(notAtBase.contains(QLatin1String("staging")));
        QVERIFY(notAtBase.contains(QLatin1String("not at base")));
        QVERIFY(notAtBase.contains(QLatin1String("c3")));
        QVERIFY(!ScratchDatabase::refusal(DatabaseState::failure(QStringLiteral("refused")),
                                          QStringLiteral("db"))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStairway)
#include "tst_stairway.moc"
