#include "model/layout/graphexport.h"

#include "model/layout/graphvizlayouter.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>

namespace retort {

namespace {

QByteArray number(qreal value)
{
    // Short, locale-independent, no exponent.
    QByteArray s = QByteArray::number(value, 'f', 2);
    while (s.contains('.') && (s.endsWith('0') || s.endsWith('.')))
        s.chop(1);
    if (s == "-0")
        s = "0";
    return s;
}

// A DOT double-quoted string: backslash, quote and newlines escaped.
QByteArray dotQuoted(const QString& text)
{
    QByteArray out = "\"";
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    out += '"';
    return out;
}

QString shortId(const QString& id)
{
    return id.left(GraphExport::kShortIdLength);
}

// The layout has y down with the bounding box's top at boundingBox.top(); Graphviz wants y
// up: flip against the bounding box.
struct Flip
{
    qreal top;
    qreal bottom;
    QByteArray operator()(QPointF p) const
    {
        return number(p.x()) + ',' + number(bottom + top - p.y());
    }
};

QString nodeClasses(const RevisionGraph& graph, const QString& id)
{
    QString classes = QStringLiteral("node");
    if (graph.isHead(id))
        classes += QStringLiteral(" head");
    if (graph.isBase(id))
        classes += QStringLiteral(" base");
    if (graph.isBranchPoint(id))
        classes += QStringLiteral(" branchpoint");
    if (graph.isMergePoint(id))
        classes += QStringLiteral(" mergepoint");
    return classes;
}

QString svgNumber(qreal value)
{
    return QString::fromLatin1(number(value));
}

QString svgPoint(QPointF p)
{
    return svgNumber(p.x()) + u' ' + svgNumber(p.y());
}

// Keeps text inside a box of `maxChars` average characters.
QString elided(const QString& text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(std::max<qsizetype>(0, maxChars - 1)) + QChar(0x2026);
}

} // namespace

QByteArray GraphExport::toDot(const RevisionGraph& graph, const GraphLayout& layout)
{
    const QRectF bb = layout.boundingBox;
    const Flip flip{bb.top(), bb.bottom()};
    QByteArray out = "digraph revisions {\n";
    out += "  graph [bb=\"" + number(bb.left()) + ',' + number(bb.top()) + ',' +
           number(bb.right()) + ',' + number(bb.bottom()) + "\", splines=true, pad=0.1];\n";
    out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\", fixedsize=true, "
           "fontname=\"Helvetica\", fontsize=9];\n";
    out += "  edge [arrowsize=0.6];\n";
    for (const NodeLayout& node : layout.nodes) {
        const Revision* revision = graph.revision(node.id);
        const QString message = revision ? revision->message : QString();
        out += "  " + dotQuoted(node.id) +
               " [label=" + dotQuoted(shortId(node.id) + u'\n' + message) + ", pos=\"" +
               flip(node.center) + "\", width=" + number(node.size.width() / 72.0) +
               ", height=" + number(node.size.height() / 72.0);
        if (graph.isHead(node.id))
            out += ", penwidth=2";
        out += "];\n";
    }
    for (const EdgeLayout& edge : layout.edges) {
        // The points run from `to` (newer, dot's tail) to `from` (older, dot's head).
        QByteArrayList attributes;
        if (!edge.points.isEmpty() && (edge.points.size() - 1) % 3 == 0) {
            QByteArray pos;
            if (edge.hasArrow)
                pos += "e," + flip(edge.arrowTip);
            for (const QPointF& p : edge.points)
                pos += (pos.isEmpty() ? "" : " ") + flip(p);
            attributes << "pos=\"" + pos + '"';
        }
        if (edge.dependency)
            attributes << "style=dashed"
                       << "constraint=false";
        out += "  " + dotQuoted(edge.to) + " -> " + dotQuoted(edge.from);
        if (!attributes.isEmpty())
            out += " [" + attributes.join(", ") + ']';
        out += ";\n";
    }
    out += "}\n";
    return out;
}

QByteArray GraphExport::toSvg(const RevisionGraph& graph, const GraphLayout& layout)
{
    const QRectF view = layout.boundingBox.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("svg"));
    xml.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    xml.writeAttribute(QStringLiteral("width"), svgNumber(view.width()) + QStringLiteral("pt"));
    xml.writeAttribute(QStringLiteral("height"), svgNumber(view.height()) + QStringLiteral("pt"));
    xml.writeAttribute(QStringLiteral("viewBox"),
                       svgNumber(view.left()) + u' ' + svgNumber(view.top()) + u' ' +
                           svgNumber(view.width()) + u' ' + svgNumber(view.height()));
    // Presentation attributes rather than a style sheet: SVG Tiny renderers (Qt Svg) and
    // image converters honour them; the class names stay for people who style the file.
    xml.writeAttribute(QStringLiteral("font-family"),
                       QStringLiteral("Helvetica, Arial, sans-serif"));
    xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("9"));
    xml.writeTextElement(QStringLiteral("title"),
                         QCoreApplication::translate("GraphExport", "Alembic revision graph"));
    xml.writeEmptyElement(QStringLiteral("rect"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("background"));
    xml.writeAttribute(QStringLiteral("x"), svgNumber(view.x()));
    xml.writeAttribute(QStringLiteral("y"), svgNumber(view.y()));
    xml.writeAttribute(QStringLiteral("width"), svgNumber(view.width()));
    xml.writeAttribute(QStringLiteral("height"), svgNumber(view.height()));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("white"));

    // Edges first so the boxes cover their ends.
    for (const EdgeLayout& edge : layout.edges) {
        if (edge.points.isEmpty())
            continue;
        xml.writeStartElement(QStringLiteral("g"));
        xml.writeAttribute(QStringLiteral("class"), edge.dependency
                                                        ? QStringLiteral("edge dependency")
                                                        : QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("data-from"), edge.from);
        xml.writeAttribute(QStringLiteral("data-to"), edge.to);
        xml.writeTextElement(QStringLiteral("title"), edge.to + QStringLiteral(" -> ") + edge.from);
        QString d = QStringLiteral("M ") + svgPoint(edge.points.first());
        const bool cubic = (edge.points.size() - 1) % 3 == 0;
        for (qsizetype i = 1; i < edge.points.size(); ++i) {
            if (cubic && (i - 1) % 3 == 0)
                d += QStringLiteral(" C");
            else if (!cubic)
                d += QStringLiteral(" L");
            d += u' ' + svgPoint(edge.points.at(i));
        }
        const QString colour =
            edge.dependency ? QStringLiteral("#aa0066") : QStringLiteral("#666666");
        xml.writeStartElement(QStringLiteral("path"));
        xml.writeAttribute(QStringLiteral("d"), d);
        xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
        xml.writeAttribute(QStringLiteral("stroke"), colour);
        if (edge.dependency)
            xml.writeAttribute(QStringLiteral("stroke-dasharray"), QStringLiteral("5,3"));
        xml.writeEndElement();
        // Arrowhead: from the spline's end to the tip (or along the last segment).
        const QPointF base = edge.points.last();
        QPointF tip = edge.hasArrow ? edge.arrowTip : base;
        QPointF dir = tip - base;
        qreal length = std::hypot(dir.x(), dir.y());
        if (length < 0.5 && edge.points.size() > 1) {
            dir = base - edge.points.at(edge.points.size() - 2);
            length = std::hypot(dir.x(), dir.y());
            if (length > 0) {
                dir /= length;
                tip = base;
                length = 6;
                dir *= length;
            }
        }
        if (length > 0) {
            const QPointF unit = dir / std::hypot(dir.x(), dir.y());
            const QPointF back = tip - unit * std::max<qreal>(length, 6);
            const QPointF normal(-unit.y() * 3, unit.x() * 3);
            xml.writeEmptyElement(QStringLiteral("polygon"));
            xml.writeAttribute(QStringLiteral("fill"), colour);
            xml.writeAttribute(
                QStringLiteral("points"),
                svgNumber(tip.x()) + u',' + svgNumber(tip.y()) + u' ' +
                    svgNumber((back + normal).x()) + u',' + svgNumber((back + normal).y()) + u' ' +
                    svgNumber((back - normal).x()) + u',' + svgNumber((back - normal).y()));
        }
        xml.writeEndElement(); // g
    }

    const LayoutOptions options;
    for (const NodeLayout& node : layout.nodes) {
        const Revision* revision = graph.revision(node.id);
        const QRectF box(node.center - QPointF(node.size.width() / 2, node.size.height() / 2),
                         node.size);
        xml.writeStartElement(QStringLiteral("g"));
        xml.writeAttribute(QStringLiteral("class"), nodeClasses(graph, node.id));
        xml.writeAttribute(QStringLiteral("id"), node.id);
        xml.writeTextElement(QStringLiteral("title"),
                             node.id + (revision && !revision->message.isEmpty()
                                            ? QStringLiteral(": ") + revision->message
                                            : QString()));
        xml.writeEmptyElement(QStringLiteral("rect"));
        xml.writeAttribute(QStringLiteral("class"), QStringLiteral("box"));
        xml.writeAttribute(QStringLiteral("x"), svgNumber(box.x()));
        xml.writeAttribute(QStringLiteral("y"), svgNumber(box.y()));
        xml.writeAttribute(QStringLiteral("width"), svgNumber(box.width()));
        xml.writeAttribute(QStringLiteral("height"), svgNumber(box.height()));
        xml.writeAttribute(QStringLiteral("rx"), QStringLiteral("4"));
        xml.writeAttribute(QStringLiteral("ry"), QStringLiteral("4"));
        const bool head = graph.isHead(node.id);
        xml.writeAttribute(QStringLiteral("fill"),
                           graph.isMergePoint(node.id) ? QStringLiteral("#fbf3e6")
                           : graph.isBase(node.id)     ? QStringLiteral("#eef3fb")
                                                       : QStringLiteral("#f5f5f5"));
        xml.writeAttribute(QStringLiteral("stroke"),
                           head ? QStringLiteral("#1a7f37") : QStringLiteral("#555555"));
        xml.writeAttribute(QStringLiteral("stroke-width"),
                           head ? QStringLiteral("2") : QStringLiteral("1"));

        const qreal textX = box.x() + options.horizontalPadding;
        const qsizetype maxChars =
            qsizetype((box.width() - 2 * options.horizontalPadding) / options.charWidth * 1.2);
        xml.writeStartElement(QStringLiteral("text"));
        xml.writeAttribute(QStringLiteral("class"), QStringLiteral("id"));
        xml.writeAttribute(QStringLiteral("font-family"), QStringLiteral("monospace"));
        xml.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("bold"));
        xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#222222"));
        xml.writeAttribute(QStringLiteral("x"), svgNumber(textX));
        xml.writeAttribute(QStringLiteral("y"), svgNumber(box.y() + box.height() / 2 - 2));
        xml.writeCharacters(shortId(node.id));
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("text"));
        xml.writeAttribute(QStringLiteral("class"), QStringLiteral("message"));
        xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#222222"));
        xml.writeAttribute(QStringLiteral("x"), svgNumber(textX));
        xml.writeAttribute(QStringLiteral("y"), svgNumber(box.y() + box.height() / 2 + 9));
        xml.writeCharacters(elided(revision ? revision->message : QString(), maxChars));
        xml.writeEndElement();

        // Declared branch labels as badges above the box's right corner.
        qreal badgeRight = box.right();
        for (const QString& label : revision ? revision->branchLabels : QStringList()) {
            const qreal width = 6 + label.size() * 4.2;
            const QRectF badge(badgeRight - width, box.y() - 6, width, 10);
            badgeRight = badge.left() - 2;
            xml.writeStartElement(QStringLiteral("g"));
            xml.writeAttribute(QStringLiteral("class"), QStringLiteral("label"));
            xml.writeEmptyElement(QStringLiteral("rect"));
            xml.writeAttribute(QStringLiteral("x"), svgNumber(badge.x()));
            xml.writeAttribute(QStringLiteral("y"), svgNumber(badge.y()));
            xml.writeAttribute(QStringLiteral("width"), svgNumber(badge.width()));
            xml.writeAttribute(QStringLiteral("height"), svgNumber(badge.height()));
            xml.writeAttribute(QStringLiteral("rx"), QStringLiteral("3"));
            xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#dbe7ff"));
            xml.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#7a98d8"));
            xml.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("0.75"));
            xml.writeStartElement(QStringLiteral("text"));
            xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("7"));
            xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#1c3d80"));
            xml.writeAttribute(QStringLiteral("x"), svgNumber(badge.x() + 3));
            xml.writeAttribute(QStringLiteral("y"), svgNumber(badge.bottom() - 2.5));
            xml.writeCharacters(label);
            xml.writeEndElement(); // text
            xml.writeEndElement(); // g.label
        }
        xml.writeEndElement(); // g.node
    }
    xml.writeEndElement(); // svg
    xml.writeEndDocument();
    return bytes;
}

Result<QByteArray> GraphExport::toPng(const RevisionGraph& graph, const GraphLayout& layout)
{
    if (!layout.isValid())
        return Result<QByteArray>::failure(layout.error);
    return GraphvizLayouter::renderPositionedDot(toDot(graph, layout), "png");
}

} // namespace retort
