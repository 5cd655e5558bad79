#include "widgets/graph/pictureexporter.h"

namespace retort {

PictureExporter::PictureExporter(QString format, GraphPicture picture, qreal scale, QString title)
    : m_format(std::move(format)), m_picture(std::move(picture)), m_scale(scale),
      m_title(std::move(title))
{
}

Result<QByteArray> PictureExporter::render() const
{
    if (m_format == QLatin1StringView("png"))
        return m_picture.toPng(m_scale);
    return m_picture.toSvg(m_title);
}

} // namespace retort
