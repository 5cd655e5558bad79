#pragma once

#include "model/common/result.h"
#include "model/layout/graphlayout.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace retort {

class RevisionGraph;

// One way of writing the revision graph in one file format. The window and retort-cli pick
// an exporter for the format and go through the same two calls: render() for the bytes,
// exportTo() to write them atomically. Both may run off the GUI thread (the exporter holds
// plain values only).
class GraphExporter
{
public:
    virtual ~GraphExporter() = default;

    // "dot", "svg" or "png".
    virtual QString format() const = 0;
    virtual Result<QByteArray> render() const = 0;
    // render() and write the file; "" on success, otherwise why not.
    Result<void> exportTo(const QString& path) const;

    // The format a file name asks for by its suffix ("gv" is DOT); "" when none.
    static QString formatOf(const QString& fileName);
};

// The graph as laid out by Graphviz (GraphExport): DOT, a hand-drawn SVG, or a PNG rendered
// by Graphviz. What retort-cli writes: it has no window, so it cannot draw the scene (the
// CLI does not link the widgets); DOT is the same for the window and the CLI.
class LayoutExporter : public GraphExporter
{
public:
    LayoutExporter(QString format, std::shared_ptr<const RevisionGraph> graph, GraphLayout layout);

    QString format() const override { return m_format; }
    Result<QByteArray> render() const override;

private:
    QString m_format;
    std::shared_ptr<const RevisionGraph> m_graph;
    GraphLayout m_layout;
};

} // namespace retort
