#include "widgets/graph/graphpicture.h"

#include "widgets/graph/graphscene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>

namespace retort {

namespace {

constexpr qreal kMargin = 16.0;
// Beyond this an image would not fit in memory comfortably (4 bytes a pixel).
constexpr qint64 kMaxPixels = 400'000'000;

} // namespace

GraphPicture GraphPicture::record(GraphScene& scene, bool includeDatabases)
{
    GraphPicture out;
    // The selection is the viewer's, not the graph's: left out, and put back afterwards.
    // (Its emphasised edges too.) So are the search matches.
    const QString selected = scene.currentRevision();
    const QStringList matches = scene.searchMatches();
    {
        const QSignalBlocker blocker(&scene);
        scene.selectRevision({});
        scene.setSearchMatches({});
    }
    const bool overlay = scene.isDatabaseOverlayShown();
    scene.setDatabaseOverlayShown(includeDatabases);

    const QRectF source = scene.contentRect(includeDatabases).adjusted(-kMargin, -kMargin, kMargin, kMargin);
    const QString caption = includeDatabases ? scene.caption() : QString();
    const QFont captionFont = scene.font();
    const qreal captionHeight =
        caption.isEmpty() ? 0 : QFontMetricsF(captionFont).height() + kMargin / 2;
    if (!source.isEmpty() && !scene.nodeItems().isEmpty()) {
        out.m_size = sizeFor(scene, includeDatabases);
        out.m_background = scene.palette().color(QPalette::Base);
        QPainter painter(&out.m_picture);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), out.m_size), out.m_background);
        if (!caption.isEmpty()) {
            painter.setFont(captionFont);
            painter.setPen(scene.palette().color(QPalette::Text));
            painter.drawText(QRectF(kMargin, kMargin / 2, out.m_size.width() - 2 * kMargin,
                                    captionHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, caption);
        }
        scene.render(&painter, QRectF(QPointF(0, captionHeight), source.size()), source,
                     Qt::IgnoreAspectRatio);
    }

    // A private copy of the recording: the worker that plays it shares it with no one.
    QPicture own;
    own.setData(out.m_picture.data(), out.m_picture.size());
    out.m_picture = own;

    scene.setDatabaseOverlayShown(overlay);
    {
        const QSignalBlocker blocker(&scene);
        if (!selected.isEmpty())
            scene.selectRevision(selected);
        scene.setSearchMatches(matches);
    }
    return out;
}

QSizeF GraphPicture::sizeFor(const GraphScene& scene, bool includeDatabases)
{
    if (scene.nodeItems().isEmpty())
        return {};
    const QRectF source =
        scene.contentRect(includeDatabases).adjusted(-kMargin, -kMargin, kMargin, kMargin);
    const QString caption = includeDatabases ? scene.caption() : QString();
    if (caption.isEmpty())
        return source.size();
    const QFontMetricsF fm(scene.font());
    return QSizeF(std::max(source.width(), fm.horizontalAdvance(caption) + 2 * kMargin),
                  source.height() + fm.height() + kMargin / 2);
}

QSize GraphPicture::pixelSize(qreal scale) const
{
    return QSize(int(std::ceil(m_size.width() * scale)), int(std::ceil(m_size.height() * scale)));
}

QByteArray GraphPicture::toSvg(const QString& title) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(m_size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), m_size));
    generator.setResolution(m_picture.logicalDpiX());
    generator.setTitle(title);
    QPainter painter(&generator);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.drawPicture(0, 0, m_picture);
    painter.end();
    return bytes;
}

Result<QImage> GraphPicture::toImage(qreal scale) const
{
    const QSize size = pixelSize(scale);
    if (size.isEmpty())
        return Result<QImage>::failure(tr("There is no graph to draw."));
    if (qint64(size.width()) * size.height() > kMaxPixels)
        return Result<QImage>::failure(
            tr("The image would be %1 × %2 pixels, too large: choose a smaller scale or SVG.")
                .arg(size.width())
                .arg(size.height()));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Result<QImage>::failure(tr("Not enough memory for a %1 × %2 pixel image.")
                                           .arg(size.width())
                                           .arg(size.height()));
    image.fill(m_background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    painter.drawPicture(0, 0, m_picture);
    painter.end();
    return image;
}

Result<QByteArray> GraphPicture::toPng(qreal scale) const
{
    Result<QImage> image = toImage(scale);
    if (!image)
        return Result<QByteArray>::failure(image.error());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image->save(&buffer, "PNG"))
        return Result<QByteArray>::failure(tr("Could not encode the PNG image."));
    return bytes;
}

} // namespace retort
