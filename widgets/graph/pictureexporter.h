#pragma once

#include "widgets/graph/graphpicture.h"
#include "model/layout/graphexporter.h"

namespace retort {

// What the window draws (a GraphPicture, recorded from the scene on the GUI thread) as SVG
// or PNG, behind the same interface as the layout's DOT: the window picks this one for
// pictures and LayoutExporter for DOT. render() may run on any thread.
class PictureExporter : public GraphExporter
{
public:
    // `format` "svg" or "png"; a PNG is `scale` times the picture's size; `title` names the SVG.
    PictureExporter(QString format, GraphPicture picture, qreal scale, QString title);

    QString format() const override { return m_format; }
    Result<QByteArray> render() const override;

private:
    QString m_format;
    GraphPicture m_picture;
    qreal m_scale = 1.0;
    QString m_title;
};

} // namespace retort
