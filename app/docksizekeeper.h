#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSize>

class QDockWidget;
class QMainWindow;

namespace retort {

// Gives the main window's docks their size back after the window was small.
//
// QMainWindow takes room from the docks when the window shrinks, but when it grows again it
// gives all the new room to the central widget: after a small window the side docks stayed
// narrow. The keeper remembers the size of each dock as people left it (the restored or
// first-start size, or where they dragged a separator) and, when the window grows, resizes
// the docks that are smaller than that back towards it, never to more than a share of the
// window. Side docks keep their width, top and bottom docks their height.
class DockSizeKeeper : public QObject
{
    Q_OBJECT

public:
    explicit DockSizeKeeper(QMainWindow* window);

    // Follows `dock`; its size is taken as people's choice when the window is first shown.
    void follow(QDockWidget* dock);
    // The size kept for `dock` (0 until known).
    int keptSize(QDockWidget* dock) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isSideDock(QDockWidget* dock) const;
    int extent(QDockWidget* dock) const;
    bool isDocked(QDockWidget* dock) const;
    void rememberAll();
    void windowResized(QSize old);

    QMainWindow* m_window = nullptr;
    QList<QPointer<QDockWidget>> m_docks;
    QHash<QDockWidget*, int> m_kept;
    QSize m_windowSize;      // as last seen; a dock resized at another window size is squeezed
    bool m_adjusting = false; // our own resizeDocks() is being laid out
};

} // namespace retort
