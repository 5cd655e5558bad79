// GraphView's legend (the panel and its corner button) and the initial view of a project.
#include "widgets/graph/graphview.h"

#include "model/graph/revisiongraph.h"
#include "widgets/graph/graphlegend.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QAction>
#include <QToolButton>

#include <algorithm>

namespace retort {

namespace {

constexpr int kCornerMargin = 6;

} // namespace

void GraphView::createLegend()
{
    m_legendAction = new QAction(tr("Show &Legend"), this);
    m_legendAction->setCheckable(true);
    m_legendAction->setShortcut(QKeySequence(Qt::Key_L));
    m_legendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_legendAction->setStatusTip(tr("Show what the graph's shapes, colours and marks mean"));
    connect(m_legendAction, &QAction::toggled, this, &GraphView::setLegendShown);
    addAction(m_legendAction);

    m_legend = new GraphLegend(m_scene, this);
    m_legend->hide();

    // A small button in the top right corner (the overview takes the bottom right one).
    m_legendButton = new QToolButton(this);
    m_legendButton->setObjectName(QStringLiteral("graphLegendButton"));
    m_legendButton->setText(tr("Legend"));
    m_legendButton->setCheckable(true);
    m_legendButton->setAutoRaise(false);
    m_legendButton->setFocusPolicy(Qt::NoFocus);
    m_legendButton->setToolTip(tr("What the shapes, colours and marks mean (L)"));
    m_legendButton->setAccessibleName(tr("Show legend"));
    connect(m_legendButton, &QToolButton::toggled, this, &GraphView::setLegendShown);

    connect(m_scene, &GraphScene::captionChanged, this, &GraphView::refreshLegend);
    connect(m_scene, &GraphScene::currentRevisionChanged, this, &GraphView::refreshLegend);
    connect(this, &GraphView::searchChanged, this, &GraphView::refreshLegend);
    placeLegend();
}

void GraphView::setLegendShown(bool shown)
{
    if (shown == m_legendShown)
        return;
    m_legendShown = shown;
    {
        const QSignalBlocker blockAction(m_legendAction);
        const QSignalBlocker blockButton(m_legendButton);
        m_legendAction->setChecked(shown);
        m_legendButton->setChecked(shown);
    }
    m_legend->setVisible(shown);
    if (shown) {
        m_legend->refresh();
        m_legend->raise();
    }
    placeLegend();
    emit legendShownChanged(shown);
}

void GraphView::refreshLegend()
{
    if (!m_legend || !m_legendShown)
        return;
    m_legend->refresh();
    placeLegend();
}

void GraphView::placeLegend()
{
    if (!m_legendButton)
        return;
    // The button sits at the right end of the caption's strip, where it covers no node;
    // without a caption, in the viewport's top right corner.
    const QRect area = viewport()->geometry();
    const QSize buttonSize = m_legendButton->sizeHint();
    const int strip = viewportMargins().top();
    const int buttonTop = strip >= buttonSize.height()
                              ? area.top() - strip + (strip - buttonSize.height()) / 2
                              : area.top() + kCornerMargin;
    const QPoint buttonAt(area.right() - kCornerMargin - buttonSize.width() + 1, buttonTop);
    m_legendButton->setGeometry(QRect(buttonAt, buttonSize));
    m_legendButton->raise();
    if (!m_legendShown)
        return;
    // Below the button, right-aligned; in a small view it leaves part of the graph free
    // and scrolls.
    const int top = std::max(buttonAt.y() + buttonSize.height(), area.top()) + kCornerMargin;
    const QSize room(std::max(120, area.width() * 3 / 4),
                     std::max(40, area.bottom() - top - kCornerMargin));
    const QSize size = m_legend->sizeFor(room);
    // A scroll bar only when it is short of room (one that fits exactly gets none).
    m_legend->setVerticalScrollBarPolicy(
        size.height() >= m_legend->contentsSize().height() + 2 * m_legend->frameWidth()
            ? Qt::ScrollBarAlwaysOff
            : Qt::ScrollBarAsNeeded);
    m_legend->setGeometry(
        QRect(QPoint(area.right() - kCornerMargin - size.width() + 1, top), size));
    m_legend->raise();
}

QString GraphView::initialRevision() const
{
    const QString profile = m_scene->selectedProfile();
    if (!profile.isEmpty()) {
        for (const auto& [name, state] : m_scene->databaseStates()) {
            if (name != profile || !state.isReadable())
                continue;
            for (const QString& row : state.sortedCurrentRevisions()) {
                if (m_scene->nodeItem(row))
                    return row;
            }
        }
    }
    const auto graph = m_scene->graph();
    if (!graph)
        return {};
    for (const QString& id : graph->topologicalOrderNewestFirst()) {
        if (graph->isHead(id) && m_scene->nodeItem(id))
            return id;
    }
    return {};
}

void GraphView::requestInitialView()
{
    m_initialViewPending = true;
}

} // namespace retort
