// Times GraphvizLayouter::layoutNow on a real project: median of REPEATS runs.
// Not a test (nothing passes or fails on time); scripts/bench-layout runs it on generated
// projects and prints the table with the targets.
//
//   bench_layout CONFIG [--repeats N] [--mode auto|detailed|fast|lanes] [--write-dot FILE]
//                       [--svg FILE]
//
// Prints one line: "revisions=<n> edges=<m> simplified=<0|1> mode=<detailed|fast|lanes>
// median_ms=<t> runs=<t1,t2,..>"
// (plus "error=<text>" when Graphviz failed). --write-dot also writes a plain DOT of the
// graph (what `dot -Tplain` gets in the comparison) and exits without timing; --svg draws
// the last layout (boxes, edges, depends_on dashed) for eyeballing its quality.
#include "model/layout/graphvizlayouter.h"
#include "model/project/projectloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace retort;

namespace {

void writeSvg(const GraphLayout& layout, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QTextStream svg(&file);
    const QRectF box = layout.boundingBox.adjusted(-10, -10, 10, 10);
    svg << "<svg xmlns='http://www.w3.org/2000/svg' viewBox='" << box.x() << ' ' << box.y() << ' '
        << box.width() << ' ' << box.height() << "' width='" << box.width() << "' height='"
        << box.height() << "'>\n<rect x='" << box.x() << "' y='" << box.y() << "' width='"
        << box.width() << "' height='" << box.height() << "' fill='white'/>\n";
    for (const EdgeLayout& e : layout.edges) {
        svg << "<path fill='none' stroke='" << (e.dependency ? "#c33" : "#333") << "'"
            << (e.dependency ? " stroke-dasharray='4 3'" : "") << " d='M";
        for (qsizetype i = 0; i < e.points.size(); ++i)
            svg << (i == 1 ? " C" : " ") << e.points[i].x() << ',' << e.points[i].y();
        svg << "'/>\n";
    }
    for (const NodeLayout& n : layout.nodes) {
        svg << "<rect x='" << n.center.x() - n.size.width() / 2 << "' y='"
            << n.center.y() - n.size.height() / 2 << "' width='" << n.size.width() << "' height='"
            << n.size.height() << "' fill='#eef' stroke='#336'/>\n"
            << "<text x='" << n.center.x() << "' y='" << n.center.y() + 4
            << "' font-size='10' text-anchor='middle'>" << n.id.left(12).toHtmlEscaped()
            << "</text>\n";
    }
    svg << "</svg>\n";
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    args.removeFirst();
    QString config;
    QString dotPath;
    QString svgPath;
    int repeats = 3;
    LayoutOptions options;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--repeats") && i + 1 < args.size()) {
            repeats = std::max(1, args.at(++i).toInt());
        } else if (a == QLatin1String("--write-dot") && i + 1 < args.size()) {
            dotPath = args.at(++i);
        } else if (a == QLatin1String("--svg") && i + 1 < args.size()) {
            svgPath = args.at(++i);
        } else if (a == QLatin1String("--mode") && i + 1 < args.size()) {
            const QString m = args.at(++i);
            options.mode = m == QLatin1String("fast")       ? LayoutOptions::Mode::Fast
                           : m == QLatin1String("detailed") ? LayoutOptions::Mode::Detailed
                           : m == QLatin1String("lanes")    ? LayoutOptions::Mode::Lanes
                                                            : LayoutOptions::Mode::Auto;
        } else if (config.isEmpty()) {
            config = a;
        } else {
            err << "unexpected argument: " << a << '\n';
            return 2;
        }
    }
    if (config.isEmpty()) {
        err << "usage: bench_layout CONFIG [--repeats N] [--mode auto|detailed|fast|lanes] "
               "[--write-dot FILE]\n";
        return 2;
    }
    const Result<LoadedProject> project = ProjectLoader::load(config);
    if (!project) {
        err << project.error() << '\n';
        return 3;
    }
    const RevisionGraph& graph = *project->graph;

    if (!dotPath.isEmpty()) {
        QFile file(dotPath);
        if (!file.open(QIODevice::WriteOnly)) {
            err << "cannot write " << dotPath << '\n';
            return 3;
        }
        file.write(GraphvizLayouter::toDot(graph, options));
        return 0;
    }

    QList<double> times;
    GraphLayout layout;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        layout = GraphvizLayouter::layoutNow(graph, options);
        times.append(timer.nsecsElapsed() / 1e6);
    }
    if (!svgPath.isEmpty())
        writeSvg(layout, svgPath);
    QStringList runs;
    for (double t : times)
        runs << QString::number(t, 'f', 0);
    std::sort(times.begin(), times.end());
    out << QStringLiteral("revisions=%1 edges=%2 simplified=%3 mode=%6 median_ms=%4 runs=%5")
               .arg(graph.size())
               .arg(layout.edges.size())
               .arg(layout.simplified ? 1 : 0)
               .arg(times.at(times.size() / 2), 0, 'f', 0)
               .arg(runs.join(u','))
               .arg(layout.lanes        ? QStringLiteral("lanes")
                    : layout.simplified ? QStringLiteral("fast")
                                        : QStringLiteral("detailed"));
    if (!layout.isValid())
        out << " error=" << QString(layout.error).replace(u'\n', u' ');
    out << '\n';
    return layout.isValid() ? 0 : 1;
}
