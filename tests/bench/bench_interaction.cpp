// Times what a person does in the graph view, on the GUI thread, with a large project open:
// selecting a node, hovering over nodes, scrolling, zooming and typing a search. Not a test
// (nothing passes or fails on time); scripts/bench-interaction runs it on generated projects
// and prints the figures beside the frame budget (16 ms; 30 ms for search-as-you-type).
//
//   bench_interaction CONFIG [--samples N] [--width W --height H] [--only NAME]
//
// --only runs some of the interactions (comma-separated: select, hover, scroll, zoom,
// scroll-far, search), in that order: for profiling one of them.
//
// The real GraphView and GraphSearchBar are shown (any QPA platform; scripts use offscreen),
// with the layout Retort draws for the project. Each sample is one event sent as Qt sends it
// (a mouse press and release on a node, a mouse move, a wheel notch, Ctrl+wheel, a key typed
// into the search field) plus the repaint it causes, timed from before the event to after
// the viewport has painted. Prints one line per interaction:
//   "<name> samples=<n> median_ms=<t> p95_ms=<t> max_ms=<t>"
#include "model/layout/graphvizlayouter.h"
#include "model/project/projectloader.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphsearchbar.h"
#include "widgets/graph/graphview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QTest>
#include <QTextStream>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <functional>

using namespace retort;

namespace {

struct Figures
{
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Figures figures(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.isEmpty())
        return {};
    const auto at = [&ms](double q) { return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))); };
    return {at(0.5), at(0.95), ms.last()};
}

// One sample: `action` (sending the event) plus the paint it asks for.
double timed(QWidget* viewport, const std::function<void()>& action)
{
    QElapsedTimer timer;
    timer.start();
    action();
    QCoreApplication::sendPostedEvents(); // queued scene updates
    viewport->repaint();                  // the frame, painted now
    return timer.nsecsElapsed() / 1e6;
}

void sendWheel(QWidget* viewport, const QPoint& at, int dy, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, dy), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &wheel);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    args.removeFirst();
    QString config;
    int samples = 60;
    QString only;
    QSize size(1280, 800);
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--samples") && i + 1 < args.size())
            samples = std::max(5, args.at(++i).toInt());
        else if (a == QLatin1String("--only") && i + 1 < args.size())
            only = args.at(++i);
        else if (a == QLatin1String("--width") && i + 1 < args.size())
            size.setWidth(args.at(++i).toInt());
        else if (a == QLatin1String("--height") && i + 1 < args.size())
            size.setHeight(args.at(++i).toInt());
        else if (config.isEmpty())
            config = a;
        else {
            err << "unexpected argument: " << a << '\n';
            return 2;
        }
    }
    if (config.isEmpty()) {
        err << "usage: bench_interaction CONFIG [--samples N] [--width W --height H] "
               "[--only NAME]\n";
        return 2;
    }
    const Result<LoadedProject> project = ProjectLoader::load(config);
    if (!project) {
        err << project.error() << '\n';
        return 3;
    }
    const GraphLayout layout = GraphvizLayouter::layoutNow(*project->graph, LayoutOptions());
    if (!layout.isValid()) {
        err << layout.error << '\n';
        return 3;
    }

    QWidget window;
    auto* view = new GraphView;
    auto* search = new GraphSearchBar(view);
    auto* box = new QVBoxLayout(&window);
    box->addWidget(search);
    box->addWidget(view, 1);
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        err << "the window was never shown\n";
        return 3;
    }
    view->setGraph(project->graph, layout);
    QCoreApplication::processEvents();
    view->showInitialView();
    QCoreApplication::processEvents();
    QWidget* viewport = view->viewport();

    // The revisions to act on: spread over the whole graph, the same on every run.
    QRandomGenerator random(2024);
    QStringList ids;
    for (int i = 0; i < samples; ++i)
        ids << layout.nodes.at(random.bounded(int(layout.nodes.size()))).id;

    auto report = [&out](const char* name, const QList<double>& ms) {
        const Figures f = figures(ms);
        out << name << " samples=" << ms.size() << " median_ms=" << QString::number(f.median, 'f', 2)
            << " p95_ms=" << QString::number(f.p95, 'f', 2)
            << " max_ms=" << QString::number(f.max, 'f', 2) << '\n';
        out.flush();
    };
    // A revision's box on screen: brought into view at the viewport's centre (not timed).
    auto onScreen = [view](const QString& id) {
        view->centerOnRevision(id);
        QCoreApplication::processEvents();
        return view->viewport()->rect().center();
    };

    auto wanted = [&only](const char* name) {
        return only.isEmpty() || only.split(u',').contains(QLatin1String(name));
    };

    QList<double> select;
    for (const QString& id : wanted("select") ? ids : QStringList()) {
        const QPoint at = onScreen(id);
        select << timed(viewport, [&] {
            QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, at);
        });
    }
    if (wanted("select"))
        report("select", select);

    QList<double> hover;
    for (int i = 0; wanted("hover") && i < samples; ++i) {
        const QPoint at(random.bounded(viewport->width()), random.bounded(viewport->height()));
        hover << timed(viewport, [&] { QTest::mouseMove(viewport, at); });
    }
    if (wanted("hover"))
        report("hover", hover);

    QList<double> scroll;
    for (int i = 0; wanted("scroll") && i < samples; ++i)
        scroll << timed(viewport, [&] {
            sendWheel(viewport, viewport->rect().center(), i % 10 < 5 ? -120 : 120, Qt::NoModifier);
        });
    if (wanted("scroll"))
        report("scroll", scroll);

    QList<double> zoom;
    for (int i = 0; wanted("zoom") && i < samples; ++i)
        zoom << timed(viewport, [&] {
            sendWheel(viewport, viewport->rect().center(), i % 6 < 3 ? -120 : 120,
                      Qt::ControlModifier);
        });
    if (wanted("zoom"))
        report("zoom", zoom);

    // Zoomed far out (a quarter: boxes without text, many of them on screen), scrolling.
    view->setZoom(0.25);
    QCoreApplication::processEvents();
    QList<double> farScroll;
    for (int i = 0; wanted("scroll-far") && i < samples; ++i)
        farScroll << timed(viewport, [&] {
            sendWheel(viewport, viewport->rect().center(), i % 10 < 5 ? -120 : 120, Qt::NoModifier);
        });
    if (wanted("scroll-far"))
        report("scroll-far", farScroll);
    view->setZoom(1.0);
    QCoreApplication::processEvents();

    // Search as you type: the prefix of a revision id, one key at a time, then cleared.
    QList<double> typing;
    QLineEdit* field = search->lineEdit();
    for (int i = 0; wanted("search") && typing.size() < samples && i < ids.size(); ++i) {
        field->clear();
        QCoreApplication::processEvents();
        for (const QChar c : ids.at(i).left(4))
            typing << timed(viewport, [&] { QTest::keyClick(field, c.toLatin1()); });
    }
    if (wanted("search"))
        report("search", typing);
    return 0;
}
