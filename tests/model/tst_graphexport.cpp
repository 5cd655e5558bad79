#include "model/layout/graphexport.h"
#include "model/layout/graphexporter.h"
#include "model/layout/graphvizlayouter.h"

#include "support/testrevisions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace retort;
using retort::test::ids;
using retort::test::rev;

namespace {

//          b1 - b2
//  a - bp           m - top
//          c1 -----/
//  `top` depends on `c1`; `b1` carries the branch label "feature"; `c1`'s message needs
//  escaping.
std::shared_ptr<const RevisionGraph> smallGraph()
{
    Revision c1 = rev("c1", "bp");
    c1.message = QStringLiteral("add <users> & \"orders\" \\ 'x'");
    return RevisionGraph::build({rev("a"), rev("bp", "a"), rev("b1", "bp", "feature"),
                                 rev("b2", "b1"), c1, rev("m", "b2 c1"),
                                 rev("top", "m", "", "c1")});
}

} // namespace

class tst_GraphExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_graph = smallGraph();
        m_layout = GraphvizLayouter::layoutNow(*m_graph);
        QVERIFY2(m_layout.isValid(), qPrintable(m_layout.error));
        QCOMPARE(m_layout.nodes.size(), m_graph->size());
    }

    void dot()
    {
        const QByteArray dot = GraphExport::toDot(*m_graph, m_layout);
        QVERIFY(dot.startsWith("digraph "));
        QVERIFY(dot.trimmed().endsWith('}'));
        for (const Revision& r : m_graph->revisions()) {
            const QByteArray quoted = '"' + r.id.toUtf8() + '"';
            const qsizetype at = dot.indexOf("  " + quoted + " [label=");
            QVERIFY2(at >= 0, r.id.toUtf8().constData());
            const QByteArray line = dot.mid(at, dot.indexOf('\n', at) - at);
            QVERIFY2(line.contains("pos=\""), line.constData());
        }
        // Node positions flipped against the bounding box (y up).
        const NodeLayout* top = m_layout.node(QStringLiteral("top"));
        const NodeLayout* base = m_layout.node(QStringLiteral("a"));
        QVERIFY(top && base);
        QVERIFY(top->center.y() < base->center.y()); // newest on top, y down
        auto posY = [&](const char* id) {
            const qsizetype at = dot.indexOf("  \"" + QByteArray(id) + "\" [label=");
            const qsizetype pos = dot.indexOf("pos=\"", at) + 5;
            const QByteArray value = dot.mid(pos, dot.indexOf('"', pos) - pos);
            return value.split(',').at(1).toDouble();
        };
        QVERIFY(posY("top") > posY("a")); // y up in DOT
        QCOMPARE(posY("top") + top->center.y(),
                 m_layout.boundingBox.top() + m_layout.boundingBox.bottom());
        // Edges newer -> older, depends_on dashed; labels escaped for DOT.
        QVERIFY(dot.contains("\"bp\" -> \"a\" [pos=\"e,"));
        QVERIFY(dot.contains("\"top\" -> \"c1\" [pos=\""));
        const qsizetype dep = dot.indexOf("\"top\" -> \"c1\"");
        QVERIFY(dot.mid(dep, dot.indexOf('\n', dep) - dep).contains("style=dashed"));
        QVERIFY(dot.contains("label=\"c1\\nadd <users> & \\\"orders\\\" \\\\ 'x'\""));
    }

    void svg()
    {
        const QByteArray svg = GraphExport::toSvg(*m_graph, m_layout);
        QXmlStreamReader xml(svg);
        QHash<QString, QString> nodeClass; // id -> class
        int edges = 0;
        int dashedEdges = 0;
        int arrowheads = 0;
        QStringList texts;
        QString viewBox;
        QString currentEdgeClass;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QXmlStreamAttributes a = xml.attributes();
            if (xml.name() == QLatin1StringView("svg")) {
                QCOMPARE(xml.namespaceUri(), QLatin1StringView("http://www.w3.org/2000/svg"));
                viewBox = a.value(QLatin1StringView("viewBox")).toString();
            } else if (xml.name() == QLatin1StringView("g")) {
                const QStringList classes =
                    a.value(QLatin1StringView("class")).toString().split(u' ');
                if (classes.first() == QLatin1StringView("node")) {
                    const QString id = a.value(QLatin1StringView("id")).toString();
                    QVERIFY2(!nodeClass.contains(id), qPrintable(id));
                    nodeClass.insert(id, classes.join(u' '));
                } else if (classes.first() == QLatin1StringView("edge")) {
                    ++edges;
                    currentEdgeClass = classes.join(u' ');
                }
            } else if (xml.name() == QLatin1StringView("path")) {
                QVERIFY(a.value(QLatin1StringView("d")).startsWith(QLatin1StringView("M ")));
                QVERIFY(a.value(QLatin1StringView("d")).contains(QLatin1StringView(" C ")));
                if (a.hasAttribute(QLatin1StringView("stroke-dasharray"))) {
                    ++dashedEdges;
                    QVERIFY(currentEdgeClass.contains(QLatin1StringView("dependency")));
                }
            } else if (xml.name() == QLatin1StringView("polygon")) {
                ++arrowheads;
            } else if (xml.name() == QLatin1StringView("text")) {
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(viewBox.split(u' ').size(), 4);
        QCOMPARE(nodeClass.size(), m_graph->size());
        for (const Revision& r : m_graph->revisions())
            QVERIFY2(nodeClass.contains(r.id), qPrintable(r.id));
        QCOMPARE(nodeClass.value(QStringLiteral("top")), QStringLiteral("node head"));
        QCOMPARE(nodeClass.value(QStringLiteral("a")), QStringLiteral("node base"));
        QCOMPARE(nodeClass.value(QStringLiteral("bp")), QStringLiteral("node branchpoint"));
        QCOMPARE(nodeClass.value(QStringLiteral("m")), QStringLiteral("node mergepoint"));
        QCOMPARE(nodeClass.value(QStringLiteral("b2")), QStringLiteral("node"));
        // bp->a, b1->bp, b2->b1, c1->bp, m->b2, m->c1, top->m, top..c1 (depends_on)
        QCOMPARE(edges, 8);
        QCOMPARE(arrowheads, 8);
        QCOMPARE(dashedEdges, 1);
        QVERIFY(texts.contains(QStringLiteral("add <users> & \"orders\" \\ 'x'")));
        QVERIFY(texts.contains(QStringLiteral("feature")));
        // Escaped in the bytes, not raw.
        QVERIFY(!svg.contains("<users>"));
        QVERIFY(svg.contains("&lt;users&gt; &amp;"));
    }

    void svgEscapesIds()
    {
        auto graph = RevisionGraph::build({rev("a\"<&b"), rev("c", "a\"<&b")});
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graph);
        QVERIFY(layout.isValid());
        QXmlStreamReader xml(GraphExport::toSvg(*graph, layout));
        QStringList nodeIds;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.attributes()
                    .value(QLatin1StringView("class"))
                    .startsWith(QLatin1StringView("node")))
                nodeIds << xml.attributes().value(QLatin1StringView("id")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        nodeIds.sort();
        QCOMPARE(nodeIds, QStringList({QStringLiteral("a\"<&b"), QStringLiteral("c")}));
    }

    void png()
    {
        const Result<QByteArray> png = GraphExport::toPng(*m_graph, m_layout);
        QVERIFY2(png.ok(), qPrintable(png.error()));
        QVERIFY(png->startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY2(png->size() > 1000, QByteArray::number(png->size()).constData());
    }

    void pngOfBrokenDotFails()
    {
        const Result<QByteArray> png =
            GraphvizLayouter::renderPositionedDot("digraph { a -> ", "png");
        QVERIFY(!png.ok());
        QVERIFY(!png.error().isEmpty());
    }

    void oneExporterPerFormat()
    {
        // The window and retort-cli pick an exporter by format and write through it.
        QCOMPARE(GraphExporter::formatOf(QStringLiteral("/x/graph.DOT")), QStringLiteral("dot"));
        QCOMPARE(GraphExporter::formatOf(QStringLiteral("graph.gv")), QStringLiteral("dot"));
        QCOMPARE(GraphExporter::formatOf(QStringLiteral("graph.png")), QStringLiteral("png"));
        QCOMPARE(GraphExporter::formatOf(QStringLiteral("graph.svg")), QStringLiteral("svg"));
        QCOMPARE(GraphExporter::formatOf(QStringLiteral("graph.txt")), QString());

        const LayoutExporter dot(QStringLiteral("dot"), m_graph, m_layout);
        QCOMPARE(dot.format(), QStringLiteral("dot"));
        QCOMPARE(*dot.render(), GraphExport::toDot(*m_graph, m_layout));
        const LayoutExporter svg(QStringLiteral("svg"), m_graph, m_layout);
        QCOMPARE(*svg.render(), GraphExport::toSvg(*m_graph, m_layout));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("graph.dot"));
        QVERIFY(dot.exportTo(path).ok());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), GraphExport::toDot(*m_graph, m_layout));
        // An unwritable place says why, and leaves nothing behind.
        const Result<void> refused = dot.exportTo(dir.filePath(QStringLiteral("no/such/folder/graph.dot")));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("no/such/folder/graph.dot")));
    }

private:
    std::shared_ptr<const RevisionGraph> m_graph;
    GraphLayout m_layout;
};

QTEST_GUILESS_MAIN(tst_GraphExport)
#include "tst_graphexport.moc"
