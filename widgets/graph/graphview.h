#pragma once

#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphsearch.h"

#include <QGraphicsView>
#include <QPointF>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QToolButton;

namespace retort {

class GraphLegend;
class GraphOverview;

// The revision graph on screen. The wheel scrolls (Shift+wheel sideways); Ctrl+wheel, a
// pinch, Ctrl++ / Ctrl+- zoom in small steps around the cursor (or the centre), Ctrl+0
// resets. F fits the heads and the revisions just below them at a readable size,
// Shift+F fits everything. Pan by dragging or with the arrow keys, or in the overview (a
// map of the whole graph in the corner, shown while the graph does not fit the window).
// With a revision selected, Up goes to a child (newer), Down to a parent (older), Left /
// Right to its siblings; Enter activates it. The search highlights every match and steps
// through them. Keeps its viewport when a new layout of the same graph arrives. Dragging a
// node onto another asks to re-parent it (reparentRequested).
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    // Keeps a strip of `height` pixels above the picture for a bar drawn over the view (the
    // graph caption), so that it never covers a node.
    void reserveTopStrip(int height)
    {
        if (viewportMargins().top() != height) {
            setViewportMargins(0, height, 0, 0);
            placeLegend(); // the legend button sits in the strip
        }
    }

    // Shows `scene`, or a GraphScene of its own when none is given.
    explicit GraphView(GraphScene* scene = nullptr, QWidget* parent = nullptr);

    GraphScene* graphScene() const { return m_scene; }

    qreal zoom() const;
    void setZoom(qreal zoom);
    // Small enough to show the whole graph, however big it is.
    qreal minimumZoom() const;
    static qreal maximumZoom() { return 8.0; }
    // What one wheel notch or one Ctrl++ multiplies the zoom by.
    static qreal zoomStep();
    // The smallest zoom Fit uses: node text stays readable.
    static qreal readableZoom();
    // Zooms by `factor` keeping the scene point under `viewportPos` where it is.
    void zoomAt(qreal factor, const QPointF& viewportPos);

    // Selects `id` and scrolls it into view. False when there is no such node.
    bool selectRevision(const QString& id);
    QString currentRevision() const;
    void centerOnRevision(const QString& id);

    // What the view draws, for the controllers (they do not reach into the scene): the graph
    // in its layout, where the databases stand, and a migration run's marks.
    void setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout);
    // A new graph with where the databases stand on it (states derived against `graph`).
    void setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout,
                  const GraphScene::ProfileStates& states, const QString& selectedProfile);
    void clearGraph();
    // Calls `callback` once, right after the viewport next paints (the picture is on screen).
    void callAfterNextPaint(std::function<void()> callback) { m_afterPaint = std::move(callback); }
    // Whether a node is drawn for `id`.
    bool hasRevision(const QString& id) const;
    // Selects `id` without scrolling (the graph was just drawn anew). False when no such node.
    bool setCurrentRevision(const QString& id);
    // `states` derived against the graph shown (see GraphScene::setDatabaseStates).
    void setDatabaseStates(const GraphScene::ProfileStates& states, const QString& selectedProfile);
    // The revisions a run plans, the one running now; or the one that failed and why.
    void setRunMarks(const QStringList& planned, const QString& running = {},
                     const QString& failed = {}, const QString& failure = {});
    void clearRunMarks();
    // Two databases compared (GraphScene::setCompareMarks); empty lists clear.
    void setCompareMarks(const QStringList& onlyA, const QStringList& onlyB,
                         const QString& nameA = {}, const QString& nameB = {});
    // Lint warnings by revision: a warning glyph on each node, its tooltip lists them. Kept
    // across new layouts; an empty hash clears them.
    void setRevisionWarnings(const QHash<QString, QStringList>& warningsByRevision);

    // The search: every revision matching `text` (a full id, an id prefix, a branch label,
    // or message text, case-insensitive) is highlighted; findNext() / findPrevious() select
    // them in turn, best first. Kept (and matched again) when a new graph arrives.
    void setSearchText(const QString& text);
    QString searchText() const { return m_search.text(); }
    QStringList searchMatches() const { return m_search.matches(); }
    // The match selected last (0-based), or -1 before the first findNext().
    int searchIndex() const { return m_search.index(); }
    bool findNext();
    bool findPrevious();
    // Searches for `text` (unless it is the current search) and selects the next match.
    // False when nothing matches.
    bool findAndSelect(const QString& text);

    // The map of the whole graph in the view's corner.
    GraphOverview* overview() const { return m_overview; }
    bool isOverviewEnabled() const { return m_overviewEnabled; }
    // Whether the overview is shown while the graph does not fit the window.
    void setOverviewEnabled(bool enabled);

    // The view's commands, with their shortcuts (active while the view has the focus), for
    // menus: zoom in / out, reset zoom, fit, fit all, show overview (checkable).
    QAction* zoomInAction() const { return m_zoomInAction; }
    QAction* zoomOutAction() const { return m_zoomOutAction; }
    QAction* resetZoomAction() const { return m_resetZoomAction; }
    QAction* fitAction() const { return m_fitAction; }
    QAction* fitAllAction() const { return m_fitAllAction; }
    QAction* overviewAction() const { return m_overviewAction; }
    // Show Legend (checkable, L): what the shapes and colours mean, in the view's corner.
    QAction* legendAction() const { return m_legendAction; }

    // The legend panel and the small button in the view's bottom-left corner that toggles it.
    GraphLegend* legend() const { return m_legend; }
    QToolButton* legendButton() const { return m_legendButton; }
    bool isLegendShown() const { return m_legendShown; }
    void setLegendShown(bool shown);

    // The revision the first picture of a project centres on: the selected database's
    // current revision when its state is known and drawn, else the newest head (the first
    // head in RevisionGraph::topologicalOrderNewestFirst()). Empty without a graph.
    QString initialRevision() const;
    // The next graph drawn gets the initial view (a project was opened), not the viewport
    // kept from the picture before.
    void requestInitialView();
    // The zoom the initial view uses instead of fitting (a project's zoom as it was last
    // left), centred where the initial view centres; 0 fits as usual.
    void setInitialZoom(qreal zoom) { m_initialZoom = zoom; }
    qreal initialZoom() const { return m_initialZoom; }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // The heads and a few ranks below them at a readable size; the whole graph when that
    // is readable.
    void fit();
    // The whole graph, however small it gets.
    void fitAll();
    // What a new project opens with: the whole graph when it fits readably, otherwise
    // initialRevision() in the middle at zoom 1.0.
    void showInitialView();

signals:
    void currentRevisionChanged(const QString& id);
    void revisionActivated(const QString& id);
    void contextMenuRequested(const QString& id, const QPoint& screenPos);
    // A node was dragged onto another (NodeDragger): re-parent `revision` onto `newParent`.
    // The view only asks; whether it may happen is decided elsewhere.
    void reparentRequested(const QString& revision, const QString& newParent);
    void zoomChanged(qreal zoom);
    // The search text, its matches or the selected match changed.
    void searchChanged();
    // The scene drew a new graph (`sameRevisions`: a new layout of the same revisions).
    void graphChanged(bool sameRevisions);
    // The legend was shown or hidden (from the action, the button or setLegendShown()).
    void legendShownChanged(bool shown);

protected:
    bool viewportEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    enum class Move
    {
        Newer,
        Older,
        Previous,
        Next
    };

    void createActions();
    void createLegend();
    void placeLegend();
    void refreshLegend();
    bool moveSelection(Move move);
    QString neighbour(const QString& id, Move move) const;
    qreal fitZoom(const QRectF& rect) const;
    void applyZoom(qreal zoom);
    bool stepSearch(int step);
    void refreshSearch();
    void updateOverview();
    void rememberViewport();
    void restoreViewport(bool sameRevisions);

    GraphScene* m_scene = nullptr;
    std::function<void()> m_afterPaint;
    GraphOverview* m_overview = nullptr;
    bool m_overviewEnabled = true;
    GraphSearch m_search;

    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_resetZoomAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_fitAllAction = nullptr;
    QAction* m_overviewAction = nullptr;
    QAction* m_legendAction = nullptr;
    GraphLegend* m_legend = nullptr;
    QToolButton* m_legendButton = nullptr;
    bool m_legendShown = false;
    bool m_initialViewPending = false;

    // Viewport kept across a new layout: a node and where it was, or the centre.
    QString m_anchorId;
    QPointF m_anchorOffset; // anchor node's position minus the viewport centre, scene units
    QPointF m_oldCenter;
    bool m_hadGraph = false;
    bool m_fitPending = false;
    qreal m_initialZoom = 0; // see setInitialZoom()
};

} // namespace retort
