#include "widgets/graph/graphsearchbar.h"

#include "widgets/graph/graphview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace retort {

GraphSearchBar::GraphSearchBar(GraphView* view, QWidget* parent)
    : QWidget(parent), m_view(view), m_edit(new QLineEdit(this)), m_status(new QLabel(this)),
      m_previousButton(new QToolButton(this)), m_nextButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("graphSearchBar"));
    m_edit->setObjectName(QStringLiteral("graphSearch"));
    m_edit->setPlaceholderText(tr("Find in the graph: id, prefix, branch label or message "
                                  "(Return for the next match)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("graphSearchStatus"));
    m_status->setTextFormat(Qt::PlainText);

    // Shortcuts while the field or the graph has the focus.
    m_nextAction = new QAction(tr("Find &Next"), this);
    m_nextAction->setShortcut(QKeySequence(Qt::Key_F3));
    m_nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_nextAction->setIcon(QIcon::fromTheme(QStringLiteral("go-down")));
    m_previousAction = new QAction(tr("Find &Previous"), this);
    m_previousAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_previousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_previousAction->setIcon(QIcon::fromTheme(QStringLiteral("go-up")));
    addAction(m_nextAction);
    addAction(m_previousAction);
    m_view->addAction(m_nextAction);
    m_view->addAction(m_previousAction);
    m_nextAction->setToolTip(tr("Next match (Return, F3)"));
    m_previousAction->setToolTip(tr("Previous match (Shift+Return, Shift+F3)"));
    m_nextButton->setDefaultAction(m_nextAction);
    m_previousButton->setDefaultAction(m_previousAction);
    m_nextButton->setAutoRaise(true);
    m_previousButton->setAutoRaise(true);
    if (m_nextAction->icon().isNull())
        m_nextButton->setArrowType(Qt::DownArrow);
    if (m_previousAction->icon().isNull())
        m_previousButton->setArrowType(Qt::UpArrow);
    connect(m_nextAction, &QAction::triggered, m_view, &GraphView::findNext);
    connect(m_previousAction, &QAction::triggered, m_view, &GraphView::findPrevious);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_previousButton);
    layout->addWidget(m_nextButton);

    connect(m_edit, &QLineEdit::textChanged, m_view, &GraphView::setSearchText);
    connect(m_view, &GraphView::searchChanged, this, &GraphSearchBar::updateStatus);
    updateStatus();
}

QString GraphSearchBar::statusText() const
{
    return m_status->text();
}

void GraphSearchBar::updateStatus()
{
    const bool searching = !m_view->searchText().isEmpty();
    const int count = int(m_view->searchMatches().size());
    const int index = m_view->searchIndex();
    QString text;
    if (!searching)
        text.clear();
    else if (count == 0)
        text = tr("No match");
    else if (index >= 0)
        text = tr("%1 of %2", "search: match number of match count").arg(index + 1).arg(count);
    else
        text = count == 1 ? tr("1 match") : tr("%1 matches").arg(count);
    m_status->setText(text);
    m_status->setVisible(searching);

    // "No match" stands out: the error colour on the label, like a browser's find bar.
    QPalette pal = palette();
    if (searching && count == 0) {
        const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
        pal.setColor(QPalette::WindowText,
                     dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28));
        QFont bold = font();
        bold.setBold(true);
        m_status->setFont(bold);
    } else {
        m_status->setFont(font());
    }
    m_status->setPalette(pal);
    m_nextAction->setEnabled(count > 0);
    m_previousAction->setEnabled(count > 0);
}

bool GraphSearchBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_F3:
            if (mods == Qt::NoModifier || mods == Qt::ShiftModifier) {
                m_view->setSearchText(m_edit->text()); // in case it was set elsewhere
                if (mods == Qt::ShiftModifier)
                    m_view->findPrevious();
                else
                    m_view->findNext();
                return true;
            }
            break;
        case Qt::Key_Escape:
            if (mods == Qt::NoModifier && !m_edit->text().isEmpty()) {
                m_edit->clear();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace retort
