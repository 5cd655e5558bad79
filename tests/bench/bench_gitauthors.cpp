// Times GitAuthors::read (one git rev-parse and one git log) on a project in a git work
// tree: the median of several reads. Not a test; scripts/bench-git builds the repository.
//
//   bench_gitauthors CONFIG [REPEATS]
//
// Prints "files <n>", "found <n>" and "median <ms> ms".
#include "model/graph/revisiongraph.h"
#include "model/project/gitauthors.h"
#include "model/project/projectloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
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
        err << "usage: bench_gitauthors CONFIG [REPEATS]\n";
        return 2;
    }
    const int repeats = std::max(1, args.size() > 2 ? args.at(2).toInt() : 5);
    const Result<LoadedProject> project = ProjectLoader::load(args.at(1));
    if (!project) {
        err << project.error() << '\n';
        return 3;
    }
    const QString root = QFileInfo(args.at(1)).absolutePath();
    QList<qint64> times;
    qsizetype found = 0;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        const GitAuthors git = GitAuthors::read(*project->graph, root);
        times << timer.elapsed();
        found = git.size();
    }
    std::sort(times.begin(), times.end());
    out << "files\t" << project->graph->size() << '\n';
    out << "found\t" << found << '\n';
    out << "median\t" << times.at(times.size() / 2) << " ms\n";
    return found == project->graph->size() ? 0 : 1;
}
