#pragma once

#include "model/common/result.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QPicture>
#include <QRectF>
#include <QSize>
#include <QString>

namespace retort {

class GraphScene;

// What the graph window draws, recorded once on the GUI thread (GraphScene::render into a
// QPicture: nodes with their branch label badges, head / base / branch / merge glyphs,
// applied / pending / current styling, database markers and the "Showing: …" caption),
// then turned into SVG or PNG on any thread: the recording is a plain value.
// Without the database overlay the picture has no states, markers, ghosts or caption.
// The selection and the search matches are never part of it.
class GraphPicture
{
    Q_DECLARE_TR_FUNCTIONS(retort::GraphPicture)

public:
    GraphPicture() = default;

    // GUI thread. Leaves the scene as it was.
    static GraphPicture record(GraphScene& scene, bool includeDatabases);
    // The size record() gives, without recording.
    static QSizeF sizeFor(const GraphScene& scene, bool includeDatabases);

    bool isEmpty() const { return m_size.isEmpty(); }
    // The picture's size at scale 1 (scene units = pixels at 100 %).
    QSizeF size() const { return m_size; }
    // The pixel size of toImage(scale).
    QSize pixelSize(qreal scale) const;

    // Off the GUI thread too (one thread at a time): SVG (texts as <text> elements), or an
    // image `scale` times the size.
    QByteArray toSvg(const QString& title) const;
    Result<QImage> toImage(qreal scale) const;
    Result<QByteArray> toPng(qreal scale) const;

private:
    QPicture m_picture;
    QSizeF m_size;
    QColor m_background;
};

} // namespace retort
