#include "graph/graphcaption.h"

#include "graph/graphscene.h"

#include <QEvent>
#include <QGraphicsView>

namespace retort {

namespace {

constexpr int kMargin = 6;

} // namespace

GraphCaption::GraphCaption(QGraphicsView* view, GraphScene* scene)
    : QLabel(view), m_view(view)
{
    setObjectName(QStringLiteral("graphCaption"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setTextFormat(Qt::PlainText);
    setAutoFillBackground(true);
    setMargin(4);
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAccessibleName(tr("Database shown on the graph"));
    view->installEventFilter(this);
    connect(scene, &GraphScene::captionChanged, this, &GraphCaption::setCaption);
    setCaption(scene->caption());
}

void GraphCaption::setCaption(const QString& caption)
{
    m_caption = caption;
    setToolTip(caption);
    setVisible(!caption.isEmpty());
    reposition();
}

void GraphCaption::reposition()
{
    if (!m_view)
        return;
    const QRect area = m_view->viewport()->geometry();
    const int maxWidth = std::max(40, area.width() - 2 * kMargin);
    const int chrome = 2 * (margin() + frameWidth()) + 2;
    setText(fontMetrics().elidedText(m_caption, Qt::ElideRight, maxWidth - chrome));
    QSize size = sizeHint();
    size.setWidth(std::min(size.width(), maxWidth));
    setGeometry(QRect(area.topLeft() + QPoint(kMargin, kMargin), size));
    raise();
}

bool GraphCaption::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::Show ||
                              event->type() == QEvent::LayoutRequest))
        reposition();
    return QLabel::eventFilter(watched, event);
}

} // namespace retort
