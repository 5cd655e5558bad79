#include "widgets/graph/graphcaption.h"

#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"

#include <QEvent>

namespace retort {

namespace {

constexpr int kMargin = 4;

} // namespace

GraphCaption::GraphCaption(GraphView* view, GraphScene* scene)
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
    if (m_caption.isEmpty()) {
        m_view->reserveTopStrip(0);
        return;
    }
    const int frame = m_view->frameWidth();
    const int maxWidth = std::max(40, m_view->width() - 2 * frame - 2 * kMargin);
    const int chrome = 2 * (margin() + frameWidth()) + 2;
    setText(fontMetrics().elidedText(m_caption, Qt::ElideRight, maxWidth - chrome));
    QSize size = sizeHint();
    size.setWidth(std::min(size.width(), maxWidth));
    m_view->reserveTopStrip(size.height() + 2 * kMargin);
    setGeometry(QRect(QPoint(frame + kMargin, frame + kMargin), size));
    raise();
}

bool GraphCaption::eventFilter(QObject* watched, QEvent* event)
{
    // The view is compared as the QObject it was installed on, not through m_view: while the
    // view is being destroyed it is no longer a GraphView, and QPointer<GraphView>::data()
    // would downcast it (undefined behaviour, caught by UBSan in tst_graphscene).
    const bool layoutEvent = event->type() == QEvent::Resize || event->type() == QEvent::Show ||
                             event->type() == QEvent::LayoutRequest;
    if (layoutEvent && watched == parent())
        reposition();
    return QLabel::eventFilter(watched, event);
}

} // namespace retort
