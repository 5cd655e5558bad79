// LayoutCache (issue 18): a layout is read back only for exactly the graph and options it was
// computed from; what does not change a picture (a script's body) keeps the key; a damaged
// file is a miss; the folder keeps the newest layouts; and the asynchronous layouter draws a
// large graph opened again from the cache, identical to the layout Graphviz made.
#include "model/graph/revisiongraph.h"
#include "model/layout/graphvizlayouter.h"
#include "model/layout/layoutcache.h"
#include "support/testrevisions.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using retort::test::rev;

namespace {

QList<Revision> forked()
{
    return {rev("a"), rev("b", "a", "", ""), rev("c1", "b"), rev("c2", "b"), rev("m", "c1 c2"),
            rev("d", "m", "", "a")};
}

std::shared_ptr<const RevisionGraph> graphOf(QList<Revision> revisions)
{
    return RevisionGraph::build(std::move(revisions));
}

// A chain with side branches, big enough that Graphviz takes a while.
std::shared_ptr<const RevisionGraph> bigGraph(int count)
{
    QList<Revision> revisions;
    for (int i = 0; i < count; ++i) {
        Revision r;
        r.id = QStringLiteral("r%1").arg(i, 5, 10, QLatin1Char('0'));
        r.message = QStringLiteral("revision %1").arg(i);
        r.path = QStringLiteral("/p/versions/%1.py").arg(r.id);
        if (i > 0)
            r.downRevisions << revisions.at(i % 7 == 3 && i > 10 ? i - 9 : i - 1).id;
        revisions << r;
    }
    return RevisionGraph::build(revisions);
}

void compareLayouts(const GraphLayout& a, const GraphLayout& b)
{
    QCOMPARE(a.boundingBox, b.boundingBox);
    QCOMPARE(a.simplified, b.simplified);
    QCOMPARE(a.lanes, b.lanes);
    QCOMPARE(a.nodes.size(), b.nodes.size());
    for (qsizetype i = 0; i < a.nodes.size(); ++i) {
        QCOMPARE(a.nodes[i].id, b.nodes[i].id);
        QCOMPARE(a.nodes[i].center, b.nodes[i].center);
        QCOMPARE(a.nodes[i].size, b.nodes[i].size);
        QCOMPARE(b.nodeIndex.value(a.nodes[i].id, -1), int(i));
    }
    QCOMPARE(a.edges.size(), b.edges.size());
    for (qsizetype i = 0; i < a.edges.size(); ++i) {
        QCOMPARE(a.edges[i].from, b.edges[i].from);
        QCOMPARE(a.edges[i].to, b.edges[i].to);
        QCOMPARE(a.edges[i].dependency, b.edges[i].dependency);
        QCOMPARE(a.edges[i].points, b.edges[i].points);
        QCOMPARE(a.edges[i].hasArrow, b.edges[i].hasArrow);
        QCOMPARE(a.edges[i].arrowTip, b.edges[i].arrowTip);
    }
}

} // namespace

class TestLayoutCache : public QObject
{
    Q_OBJECT

private slots:
    void theKeyFollowsWhatThePictureDependsOn()
    {
        const LayoutOptions options;
        const QByteArray base = LayoutCache::key(*graphOf(forked()), options);
        QCOMPARE(LayoutCache::key(*graphOf(forked()), options), base);

        QList<Revision> body = forked();
        body[2].path = QStringLiteral("/elsewhere/c1.py"); // where it is, not what it draws
        body[2].longDoc = QStringLiteral("A longer docstring");
        QCOMPARE(LayoutCache::key(*graphOf(body), options), base);

        QList<Revision> reparented = forked();
        reparented[3].downRevisions = {QStringLiteral("a")};
        QVERIFY(LayoutCache::key(*graphOf(reparented), options) != base);

        QList<Revision> longer = forked();
        longer[1].message = QStringLiteral("a much longer message that widens the box a lot");
        QVERIFY(LayoutCache::key(*graphOf(longer), options) != base);

        QList<Revision> dependency = forked();
        dependency[5].dependsOn.clear();
        QVERIFY(LayoutCache::key(*graphOf(dependency), options) != base);

        LayoutOptions upsideDown;
        upsideDown.newestOnTop = false;
        QVERIFY(LayoutCache::key(*graphOf(forked()), upsideDown) != base);
        LayoutOptions spacious;
        spacious.rankSeparation *= 2;
        QVERIFY(LayoutCache::key(*graphOf(forked()), spacious) != base);
    }

    void aLayoutIsReadBackAsItWasWritten_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("graphviz") << int(LayoutOptions::Mode::Auto);
        QTest::newRow("lanes") << int(LayoutOptions::Mode::Lanes);
    }

    void aLayoutIsReadBackAsItWasWritten()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const auto graph = graphOf(forked());
        LayoutOptions options;
        options.mode = LayoutOptions::Mode(mode);
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graph, options);
        QVERIFY(layout.isValid());
        QCOMPARE(layout.lanes, options.mode == LayoutOptions::Mode::Lanes);
        const LayoutCache cache(dir.filePath(QStringLiteral("layouts")));
        const QByteArray key = LayoutCache::key(*graph, options);
        QVERIFY(!cache.read(key));
        QVERIFY(cache.write(key, layout));
        const std::optional<GraphLayout> back = cache.read(key);
        QVERIFY(back);
        compareLayouts(layout, *back);
    }

    void aDamagedOrForeignFileIsAMiss()
    {
        QTemporaryDir dir;
        const auto graph = graphOf(forked());
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graph);
        const LayoutCache cache(dir.path());
        const QByteArray key = LayoutCache::key(*graph, {});
        QVERIFY(cache.write(key, layout));

        QFile file(cache.fileFor(key));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes.left(bytes.size() / 2)); // cut short
        file.close();
        QVERIFY(!cache.read(key));

        // A whole file stored under another graph's name is not taken for it.
        QVERIFY(cache.write(key, layout));
        const QByteArray other = LayoutCache::key(*graphOf({rev("x")}), {});
        QVERIFY(QFile::copy(cache.fileFor(key), cache.fileFor(other)));
        QVERIFY(!cache.read(other));
    }

    void theFolderKeepsTheNewestLayouts()
    {
        QTemporaryDir dir;
        const LayoutCache cache(dir.path(), 3);
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graphOf(forked()));
        QList<QByteArray> keys;
        for (int i = 0; i < 5; ++i) {
            keys << LayoutCache::key(*graphOf({rev(QByteArray("only").append(char('a' + i)).constData())}), {});
            QVERIFY(cache.write(keys.last(), layout));
            // Distinct modification times in the past, whatever the file system's resolution.
            QFile file(cache.fileFor(keys.last()));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(i - 10),
                                     QFileDevice::FileModificationTime));
        }
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.layout")}).size(), 3);
        QVERIFY(!QFileInfo::exists(cache.fileFor(keys.at(0))));
        QVERIFY(QFileInfo::exists(cache.fileFor(keys.at(4))));
    }

    // The window's path: the first request runs Graphviz and keeps the result, the same graph
    // asked again is read back (identical), and a reload with previousX never reads it.
    void theLayouterDrawsAGraphOpenedAgainFromTheCache()
    {
        QTemporaryDir dir;
        const auto graph = bigGraph(600);
        LayoutOptions options;
        options.cacheFolder = dir.filePath(QStringLiteral("layouts"));
        options.cacheFromMs = 0; // keep it however fast this machine is
        GraphvizLayouter layouter;
        QSignalSpy ready(&layouter, &GraphvizLayouter::layoutReady);

        layouter.requestLayout(graph, options);
        QVERIFY(ready.wait(120000));
        const GraphLayout first = ready.takeFirst().at(0).value<GraphLayout>();
        QVERIFY(first.isValid());
        const QString file = LayoutCache(options.cacheFolder).fileFor(LayoutCache::key(*graph, options));
        QVERIFY2(QFileInfo::exists(file), qPrintable(QStringLiteral("laid out in %1 ms, not kept")
                                                          .arg(first.elapsedMs)));

        // Mark the stored layout: a read-back is then visible in the result.
        const LayoutCache cache(options.cacheFolder);
        GraphLayout marked = *cache.read(LayoutCache::key(*graph, options));
        marked.boundingBox.adjust(0, 0, 1, 0);
        QVERIFY(cache.write(LayoutCache::key(*graph, options), marked));

        layouter.requestLayout(graph, options);
        QVERIFY(ready.wait(120000));
        const GraphLayout second = ready.takeFirst().at(0).value<GraphLayout>();
        compareLayouts(second, marked);

        options.previousX = GraphvizLayouter::xPositions(first);
        layouter.requestLayout(graph, options);
        QVERIFY(ready.wait(120000));
        const GraphLayout reload = ready.takeFirst().at(0).value<GraphLayout>();
        QCOMPARE(reload.boundingBox, first.boundingBox); // Graphviz's, not the marked one
    }
};

QTEST_GUILESS_MAIN(TestLayoutCache)
#include "tst_layoutcache.moc"
