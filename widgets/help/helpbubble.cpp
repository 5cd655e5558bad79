// HelpBubble: a step of a guided walk drawn next to the widget it explains.
#include "widgets/help/helpbubble.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>

namespace retort {

namespace {

constexpr int kGap = 10;
constexpr int kBubbleWidth = 340;
constexpr int kFrameWidth = 3;

// A coloured frame around the target; clicks pass through to it.
class HighlightFrame : public QWidget
{
public:
    explicit HighlightFrame(QWidget* parent) : QWidget(parent)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setObjectName(QStringLiteral("helpHighlight"));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        QPen pen(palette().color(QPalette::Highlight), kFrameWidth);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4);
    }
};

} // namespace

HelpBubble::HelpBubble(QWidget* window) : QFrame(window), m_window(window)
{
    setObjectName(QStringLiteral("helpBubble"));
    setFrameShape(QFrame::Box);
    setLineWidth(1);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Getting Started"));

    m_highlight = new HighlightFrame(window);
    m_highlight->hide();

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("helpBubbleTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setForegroundRole(QPalette::ToolTipText);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("helpBubbleText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setForegroundRole(QPalette::ToolTipText);
    m_counter = new QLabel;
    m_counter->setForegroundRole(QPalette::ToolTipText);
    m_back = new QPushButton(tr("&Back"));
    m_next = new QPushButton(tr("&Next"));
    m_close = new QPushButton(tr("&Close"));
    m_next->setDefault(true);
    connect(m_back, &QPushButton::clicked, this, &HelpBubble::backClicked);
    connect(m_next, &QPushButton::clicked, this, &HelpBubble::nextClicked);
    connect(m_close, &QPushButton::clicked, this, &HelpBubble::closeClicked);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_counter, 1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    hide();
    window->installEventFilter(this);
    // Esc closes the walk wherever the focus is in the window.
    m_escape = new QShortcut(QKeySequence(Qt::Key_Escape), window);
    m_escape->setContext(Qt::WindowShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, this, &HelpBubble::closeClicked);
}

HelpBubble::~HelpBubble()
{
    delete m_highlight;
    delete m_escape;
}

void HelpBubble::hideEvent(QHideEvent* event)
{
    QFrame::hideEvent(event);
    if (m_highlight)
        m_highlight->hide();
    if (m_escape)
        m_escape->setEnabled(false);
}

QString HelpBubble::title() const
{
    return m_title->text();
}

QString HelpBubble::text() const
{
    return m_text->text();
}

void HelpBubble::showStep(QWidget* target, const QString& title, const QString& text, int step,
                          int count)
{
    if (m_target)
        m_target->removeEventFilter(this);
    m_target = target;
    if (m_target)
        m_target->installEventFilter(this);
    m_title->setText(title);
    m_text->setText(text);
    m_counter->setText(tr("Step %1 of %2").arg(step).arg(count));
    m_back->setEnabled(step > 1);
    m_next->setText(step < count ? tr("&Next") : tr("&Finish"));
    show();
    raise();
    m_escape->setEnabled(true);
    reposition();
    m_next->setFocus();
}

void HelpBubble::reposition()
{
    if (!m_window || isHidden())
        return;
    const int width = std::min(kBubbleWidth, std::max(200, m_window->width() - 2 * kGap));
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    const QSize size(width, height);
    const QRect area = m_window->rect();
    QRect box(QPoint(), size);
    if (!m_target || !m_target->isVisible()) {
        m_highlight->hide();
        box.moveCenter(area.center());
        setGeometry(box);
        return;
    }
    const QRect target(m_target->mapTo(m_window, QPoint(0, 0)), m_target->size());
    m_highlight->setGeometry(target.adjusted(-kFrameWidth, -kFrameWidth, kFrameWidth, kFrameWidth)
                                 .intersected(area));
    m_highlight->show();
    m_highlight->raise();
    // Beside the target where there is room (right, left, below, above), else inside it.
    const QList<QPoint> candidates = {
        QPoint(target.right() + kGap, target.top()),
        QPoint(target.left() - kGap - width, target.top()),
        QPoint(target.left(), target.bottom() + kGap),
        QPoint(target.left(), target.top() - kGap - height),
    };
    bool placed = false;
    for (const QPoint& at : candidates) {
        QRect r(at, size);
        if (r.left() < area.left() || r.right() > area.right())
            continue;
        r.moveTop(std::clamp(r.top(), area.top(), std::max(area.top(), area.bottom() - height)));
        if (r.top() < area.top() || r.bottom() > area.bottom())
            continue;
        box = r;
        placed = true;
        break;
    }
    if (!placed) {
        box.moveCenter(target.center());
        box.moveLeft(std::clamp(box.left(), area.left(), std::max(0, area.right() - width)));
        box.moveTop(std::clamp(box.top(), area.top(), std::max(0, area.bottom() - height)));
    }
    setGeometry(box);
    raise();
}

bool HelpBubble::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Resize:
    case QEvent::Move:
    case QEvent::Show:
    case QEvent::Hide:
        if (watched == m_window || watched == m_target)
            reposition();
        break;
    default:
        break;
    }
    return QFrame::eventFilter(watched, event);
}

void HelpBubble::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        emit closeClicked();
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace retort
