#pragma once

#include <QGraphicsView>
#include <QPointF>
#include <QStringList>

namespace retort {

class GraphScene;

// The revision graph on screen: zoom with the wheel or Ctrl++ / Ctrl+- / Ctrl+0, pan by
// dragging or with the arrow keys, F fits the graph into the window. With a revision
// selected, Up goes to a child (newer), Down to a parent (older), Left / Right to its
// siblings; Enter activates it. Keeps its viewport when a new layout of the same graph
// arrives.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    // Shows `scene`, or a GraphScene of its own when none is given.
    explicit GraphView(GraphScene* scene = nullptr, QWidget* parent = nullptr);

    GraphScene* graphScene() const { return m_scene; }

    qreal zoom() const;
    void setZoom(qreal zoom);
    static qreal minimumZoom() { return 0.02; }
    static qreal maximumZoom() { return 8.0; }

    // Selects `id` and scrolls it into view. False when there is no such node.
    bool selectRevision(const QString& id);
    QString currentRevision() const;
    void centerOnRevision(const QString& id);

    // Selects the next revision matching `text` (a full id, an id prefix, a branch label, or
    // message text, case-insensitive); repeated calls with the same text cycle through the
    // matches. False when nothing matches.
    bool findAndSelect(const QString& text);

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToWindow();
    // What a new project opens with: everything when it fits readably, else readable text
    // around the newest revisions.
    void showInitialView();

signals:
    void currentRevisionChanged(const QString& id);
    void revisionActivated(const QString& id);
    void contextMenuRequested(const QString& id, const QPoint& screenPos);
    void zoomChanged(qreal zoom);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    enum class Move
    {
        Newer,
        Older,
        Previous,
        Next
    };

    bool moveSelection(Move move);
    QString neighbour(const QString& id, Move move) const;
    void zoomBy(qreal factor, ViewportAnchor anchor);
    void rememberViewport();
    void restoreViewport(bool sameRevisions);

    GraphScene* m_scene = nullptr;
    QString m_searchText;
    QStringList m_searchMatches;
    int m_searchIndex = -1;

    // Viewport kept across a new layout: a node and where it was, or the centre.
    QString m_anchorId;
    QPointF m_anchorOffset; // anchor node's position minus the viewport centre, scene units
    QPointF m_oldCenter;
    bool m_hadGraph = false;
    bool m_fitPending = false;
};

} // namespace retort
