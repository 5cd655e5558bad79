#include "app/docksizekeeper.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QResizeEvent>
#include <QTimer>

namespace retort {

namespace {

// A dock given back its size takes at most this share of the window.
constexpr double kSideShare = 0.4;
constexpr double kBottomShare = 0.4;

} // namespace

DockSizeKeeper::DockSizeKeeper(QMainWindow* window) : QObject(window), m_window(window)
{
    m_window->installEventFilter(this);
}

void DockSizeKeeper::follow(QDockWidget* dock)
{
    m_docks.append(dock);
    dock->installEventFilter(this);
}

int DockSizeKeeper::keptSize(QDockWidget* dock) const
{
    return m_kept.value(dock);
}

bool DockSizeKeeper::isSideDock(QDockWidget* dock) const
{
    const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
    return area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea;
}

int DockSizeKeeper::extent(QDockWidget* dock) const
{
    return isSideDock(dock) ? dock->width() : dock->height();
}

bool DockSizeKeeper::isDocked(QDockWidget* dock) const
{
    return dock && dock->isVisible() && !dock->isFloating() &&
           m_window->dockWidgetArea(dock) != Qt::NoDockWidgetArea;
}

void DockSizeKeeper::rememberAll()
{
    for (const QPointer<QDockWidget>& dock : std::as_const(m_docks))
        if (isDocked(dock))
            m_kept.insert(dock, extent(dock));
}

bool DockSizeKeeper::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Resize && event->type() != QEvent::Show)
        return QObject::eventFilter(watched, event);
    if (watched == m_window) {
        if (event->type() != QEvent::Resize)
            return QObject::eventFilter(watched, event);
        // The window's layout has already placed the docks for the new size.
        const QSize old = m_windowSize;
        m_windowSize = m_window->size();
        if (!old.isValid())
            rememberAll(); // first shown: the restored or first-start sizes
        else
            windowResized(old);
    } else if (auto* dock = qobject_cast<QDockWidget*>(watched)) {
        // A dock shown, or resized while the window keeps its size: people moved a
        // separator (or showed, hid or moved a dock). Resizes of our own, or while the window
        // is being resized, are not anybody's choice.
        if (!m_adjusting && m_windowSize.isValid() && m_window->size() == m_windowSize &&
            isDocked(dock))
            m_kept.insert(dock, extent(dock));
    }
    return QObject::eventFilter(watched, event);
}

void DockSizeKeeper::windowResized(QSize old)
{
    const QSize now = m_window->size();
    QList<QDockWidget*> side, bottom;
    QList<int> sideSizes, bottomSizes;
    for (const QPointer<QDockWidget>& dock : std::as_const(m_docks)) {
        if (!isDocked(dock) || !m_kept.contains(dock))
            continue;
        const bool isSide = isSideDock(dock);
        const int was = isSide ? old.width() : old.height();
        const int is = isSide ? now.width() : now.height();
        const int cap = int(is * (isSide ? kSideShare : kBottomShare));
        int target = 0;
        if (is > was) // growing gives back room, up to the size people chose
            target = qMin(m_kept.value(dock), cap);
        else if (is < was) // shrinking takes from the docks too, not only from the centre
            target = qMin(extent(dock), cap);
        if (target <= 0 || target == extent(dock) || (is > was && extent(dock) >= target))
            continue;
        (isSide ? side : bottom).append(dock);
        (isSide ? sideSizes : bottomSizes).append(target);
    }
    if (side.isEmpty() && bottom.isEmpty())
        return;
    m_adjusting = true;
    if (!side.isEmpty())
        m_window->resizeDocks(side, sideSizes, Qt::Horizontal);
    if (!bottom.isEmpty())
        m_window->resizeDocks(bottom, bottomSizes, Qt::Vertical);
    // resizeDocks() lays out later (a posted layout request); this runs after it.
    QTimer::singleShot(0, this, [this] { m_adjusting = false; });
}

} // namespace retort
