#pragma once

#include "model/db/databasestate.h"
#include "model/layout/graphlayout.h"
#include "widgets/graph/graphsearch.h"
#include "widgets/graph/graphstyle.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QPair>

class QGraphicsPathItem;

#include <memory>
#include <optional>

namespace retort {

class DatabaseMarkerItem;
class EdgeItem;
class RevisionGraph;
class RevisionNodeItem;

// The revision graph as a picture: one RevisionNodeItem per revision placed where the
// layout says, one EdgeItem per edge, and where the databases stand drawn on top.
// It only shows what it is given: the graph, a layout computed elsewhere, database states.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    using ProfileStates = QList<QPair<QString, DatabaseState>>;

    explicit GraphScene(QObject* parent = nullptr);
    ~GraphScene() override;

    // Shows `graph` placed by `layout`. Items are kept by id, so the selection survives
    // a new layout (or a reload) in which the selected revision still exists.
    // Keeps the database states: they must be derived against `graph` already (a new layout
    // of the same graph), or be replaced right after.
    void setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout);
    // The same, with where the databases stand on the new graph (`states` derived against
    // it), in one step: the picture never draws states derived against another graph.
    void setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout,
                  const ProfileStates& states, const QString& selectedProfile);
    void clearGraph();
    std::shared_ptr<const RevisionGraph> graph() const { return m_graph; }
    // The layout's bounding box (plus ghost nodes), in scene coordinates.
    QRectF graphRect() const { return m_graphRect; }
    // What is drawn: the graph with, or without, the database overlay (ghost nodes, markers).
    QRectF contentRect(bool withDatabaseOverlay) const;

    // Shows or hides where the databases stand: state colours, the current revision's glyph,
    // ghost nodes, markers. For exporting the bare graph; the window always shows them.
    void setDatabaseOverlayShown(bool shown);
    bool isDatabaseOverlayShown() const { return m_style.showStates; }

    // Where each database stands (profile name, state); the selected profile's position is
    // highlighted, every profile gets a marker on its current revision(s), and rows with no
    // script become ghost nodes. The states are taken as given: derived against graph() (the
    // DatabaseSession's overlay), applied and pending come from them.
    void setDatabaseStates(const ProfileStates& states, const QString& selectedProfile);
    // A migration run drawn on the graph: the revisions of the plan, the step running now,
    // and the step that failed with alembic's error. Kept across new layouts.
    void setRunMarks(const QStringList& planned, const QString& running, const QString& failed,
                     const QString& failure);
    void clearRunMarks();
    // Two databases compared: the revisions only A has applied and those only B has, with
    // the databases' names for the tooltips. Kept across new layouts; empty lists clear.
    void setCompareMarks(const QStringList& onlyA, const QStringList& onlyB,
                         const QString& nameA = {}, const QString& nameB = {});
    QStringList compareOnlyA() const { return m_compareOnlyA; }
    QStringList compareOnlyB() const { return m_compareOnlyB; }
    QStringList plannedRevisions() const { return m_runPlanned; }
    QString runningRevision() const { return m_runRunning; }
    QString failedRevision() const { return m_runFailed; }
    ProfileStates databaseStates() const { return m_states; }
    QString selectedProfile() const { return m_selectedProfile; }

    RevisionNodeItem* nodeItem(const QString& id) const;
    QList<RevisionNodeItem*> nodeItems() const;  // revisions, sorted by id
    QList<RevisionNodeItem*> ghostItems() const; // sorted by id
    QList<EdgeItem*> edgeItems() const { return m_edges; }
    // One marker per profile and current revision, placed clear of every node, branch label
    // and other marker; a leader line joins each to its node.
    QList<DatabaseMarkerItem*> markerItems() const { return m_markers; }
    QList<QGraphicsPathItem*> markerLeaders() const { return m_leaders; }
    // Whose state the picture shows, in words: "Showing: staging — at 1ff12e825ce1", "…— at
    // base (empty version table)", "…— cannot read: <reason>". Empty without profiles.
    QString caption() const { return m_caption; }
    // The colours and fonts the items draw with (for pictures of the scene drawn elsewhere).
    const GraphStyle& style() const { return m_style; }

    // The selected revision (a single selected node), or an empty string.
    QString currentRevision() const { return m_current; }
    // Selects the node of `id` alone (an empty or unknown id clears the selection).
    bool selectRevision(const QString& id);
    // Emits revisionActivated for the current revision, if any.
    void activateCurrentRevision();

    // Ids matching `text`, best first: the full id, ids starting with it, revisions whose
    // branch labels contain it, then those whose message contains it (case-insensitive).
    QStringList findRevisions(const QString& text) const;
    // The revisions the search matches, drawn highlighted (kept across new layouts).
    void setSearchMatches(const QStringList& ids);
    QStringList searchMatches() const { return m_searchMatches; }
    // Warnings about revisions' scripts (lint), by revision id: a warning glyph on each
    // node, its tooltip lists them. Kept across new layouts; an empty hash clears them.
    void setRevisionWarnings(const QHash<QString, QStringList>& warningsByRevision);
    QHash<QString, QStringList> revisionWarnings() const { return m_warnings; }

signals:
    void currentRevisionChanged(const QString& id);
    void revisionActivated(const QString& id);
    void contextMenuRequested(const QString& id, const QPoint& screenPos);
    // Around setGraph(): views use them to keep their viewport.
    void graphAboutToChange();
    void graphChanged(bool sameRevisions);
    void captionChanged(const QString& caption);

protected:
    bool event(QEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    // Shows the tooltip of the topmost item under the pointer; a revision's box makes its
    // own when asked (RevisionNodeItem::toolTip).
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    RevisionNodeItem* nodeAt(const QPointF& scenePos) const;
    void invalidateItem(QGraphicsItem* item);
    void discard(QGraphicsItem* item);
    void onSelectionChanged();
    void applyStates();
    void applyRunMarks();
    void applyCompareMarks();
    void applySearchMatches();
    void applyRevisionWarnings();
    void placeGhosts();
    void rebuildMarkers(const QHash<QString, QStringList>& markers);
    void placeMarkers();
    void updateCaption(const DatabaseState* selected);
    void updateGraphRect();
    void updateStyle();
    void updateEdgeEmphasis();

    std::shared_ptr<const RevisionGraph> m_graph;
    mutable std::optional<GraphSearchIndex> m_searchIndex; // of m_graph, made on first search
    GraphStyle m_style;
    QHash<QString, RevisionNodeItem*> m_nodes;
    QHash<QString, RevisionNodeItem*> m_ghosts;
    QList<EdgeItem*> m_edges;
    QList<DatabaseMarkerItem*> m_markers;
    QList<QGraphicsPathItem*> m_leaders;
    QString m_caption;
    QRectF m_layoutRect;
    QRectF m_graphRect;
    QSizeF m_typicalNodeSize;
    ProfileStates m_states;
    QString m_selectedProfile;
    QString m_current;
    QStringList m_runPlanned;
    QString m_runRunning;
    QString m_runFailed;
    QString m_runFailure;
    QStringList m_searchMatches;
    QStringList m_compareOnlyA;
    QStringList m_compareOnlyB;
    QString m_compareNameA;
    QString m_compareNameB;
    QHash<QString, QStringList> m_warnings;
    bool m_updatingStyle = false;
};

} // namespace retort
