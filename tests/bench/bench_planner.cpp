// Times MigrationPlanner on a real project: each plan computed many times, median printed.
// Not a test (nothing passes or fails on time); scripts/bench-plan runs it beside alembic.
//
//   bench_planner CONFIG [REPEATS] [ONLY]
//
// Prints one line per plan: "<name> <steps> steps <median ms> ms".
#include "model/graph/migrationplanner.h"
#include "model/project/projectloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace retort;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        err << "usage: bench_planner CONFIG [REPEATS] [ONLY]\n";
        return 2;
    }
    const int repeats = args.size() > 2 ? args.at(2).toInt() : 20;
    const QString only = args.value(3); // run only the cases whose name contains this (profiling)
    const Result<LoadedProject> project = ProjectLoader::load(args.at(1));
    if (!project) {
        err << project.error() << '\n';
        return 3;
    }
    const RevisionGraph& graph = *project->graph;
    const MigrationPlanner planner(project->graph);

    // A revision about halfway up the history, on the first head's line.
    const QStringList order = graph.topologicalOrderNewestFirst();
    const QString middle = order.value(order.size() / 2);
    const QStringList heads = graph.heads();

    struct Case
    {
        const char* name;
        QStringList state;
        MigrationStep::Direction direction;
        QString target;
    };
    const QList<Case> cases = {
        {"upgrade heads from base", {}, MigrationStep::Direction::Upgrade, QStringLiteral("heads")},
        {"upgrade heads from the middle", {middle}, MigrationStep::Direction::Upgrade,
         QStringLiteral("heads")},
        {"upgrade +1 from the middle", {middle}, MigrationStep::Direction::Upgrade,
         QStringLiteral("+1")},
        {"downgrade base from heads", heads, MigrationStep::Direction::Downgrade,
         QStringLiteral("base")},
        {"downgrade -1 from the middle", {middle}, MigrationStep::Direction::Downgrade,
         QStringLiteral("-1")},
    };
    double worst = 0;
    for (const Case& c : cases) {
        if (!QString::fromLatin1(c.name).contains(only))
            continue;
        QList<double> times;
        qsizetype steps = -1;
        QString error;
        for (int i = 0; i < repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Result<MigrationPlan> plan = planner.plan(c.state, c.direction, c.target);
            times.append(timer.nsecsElapsed() / 1e6);
            steps = plan ? plan->steps.size() : -1;
            error = plan ? QString() : plan.error();
        }
        std::sort(times.begin(), times.end());
        const double median = times.at(times.size() / 2);
        worst = std::max(worst, median);
        out << QStringLiteral("%1\t%2 steps\t%3 ms%4\n")
                   .arg(QString::fromLatin1(c.name))
                   .arg(steps)
                   .arg(median, 0, 'f', 2)
                   .arg(error.isEmpty() ? QString() : QStringLiteral("\t(refused: %1)").arg(error));
    }
    out << QStringLiteral("worst median\t%1 ms\n").arg(worst, 0, 'f', 2);
    return 0;
}
