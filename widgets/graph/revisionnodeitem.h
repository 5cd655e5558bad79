#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

struct GraphStyle;
class NodeExplainer;

// One revision of the graph as a box: the short id and the elided message, glyphs for
// head / base / branch point / merge point, branch label badges, a diagnostics marker,
// and where the databases stand (highlight state and profile markers). Also used for ghost
// nodes: version-table rows that name a revision with no script.
// Cheap to paint: every string is elided once when the data or the size changes (at the next
// paint, so that boxes never shown never shape their text).
class RevisionNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(retort::RevisionNodeItem)

public:
    enum
    {
        Type = UserType + 1
    };

    // Where the selected database stands with respect to this revision.
    enum class State
    {
        Unknown, // no database selected, or it could not be read
        Applied,
        Pending,
        Current, // one of the selected database's current revisions
        Ghost,   // a version-table row with no script
    };

    // What a migration run is doing with this revision: part of the plan being shown or
    // confirmed, the step running now, or the step that failed (with alembic's error).
    enum class RunMark
    {
        None,
        Planned,
        Running,
        Failed,
    };

    // Two databases compared: whether only the first (A) or only the second (B) has this
    // revision applied.
    enum class CompareSide
    {
        None,
        OnlyA,
        OnlyB,
    };

    enum Marker
    {
        NoMarker = 0,
        HeadMarker = 0x1,
        BaseMarker = 0x2,
        BranchPointMarker = 0x4,
        MergePointMarker = 0x8,
    };
    Q_DECLARE_FLAGS(Markers, Marker)

    explicit RevisionNodeItem(const QString& id, const GraphStyle* style,
                              QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }

    QString id() const { return m_id; }
    QString shortId() const { return m_shortId; }
    QString message() const { return m_message; }
    Markers markers() const { return m_markers; }
    bool isHead() const { return m_markers.testFlag(HeadMarker); }
    bool isBase() const { return m_markers.testFlag(BaseMarker); }
    bool isBranchPoint() const { return m_markers.testFlag(BranchPointMarker); }
    bool isMergePoint() const { return m_markers.testFlag(MergePointMarker); }
    // Effective branch labels (inherited ones too), as the graph reports them.
    QStringList labels() const { return m_labels; }
    // The labels drawn as badges: only those declared on this revision (inherited ones are
    // in the tooltip and in Details).
    QStringList shownLabels() const { return m_shownLabels; }
    // What the revision is, in plain words (NodeExplainer's lines), shown in the tooltip:
    // asked of `explainer` when the tooltip is (one explainer serves the whole graph).
    QStringList explanation() const;
    void setExplainer(std::shared_ptr<const NodeExplainer> explainer);
    // The tooltip, made when asked: kept up to date on every item it would cost a string per
    // revision each time the states change (10,000 revisions: megabytes). It hides
    // QGraphicsItem::toolTip, which stays empty; GraphScene::helpEvent shows this one.
    QString toolTip() const;
    // Warnings about the revision's script (lint): a warning glyph on the box; the tooltip
    // lists them. Empty: no glyph.
    QStringList warnings() const { return m_warnings; }
    bool hasWarnings() const { return !m_warnings.isEmpty(); }
    void setWarnings(const QStringList& warnings);
    // Where the warning glyph is drawn (item coordinates); null without warnings.
    QRectF warningRect() const { return m_warningRect; }
    bool hasErrors() const { return m_hasErrors; }
    bool isGhost() const { return m_ghost; }
    State state() const { return m_state; }
    // True when this is one of the selected database's current revisions (ghosts too).
    bool isCurrent() const { return m_current; }
    // The profiles whose database currently stands here, in the order given (drawn by the
    // scene as DatabaseMarkerItems next to the node).
    QStringList profileMarkers() const { return m_profileMarkers; }
    QString selectedProfileMarker() const { return m_selectedProfile; }
    RunMark runMark() const { return m_runMark; }
    // True when the revision matches the graph's search (drawn with a halo of its own).
    bool isSearchMatch() const { return m_searchMatch; }
    QString runMessage() const { return m_runMessage; }
    // The node's box, centred on pos() (badges and markers lie outside it).
    QRectF nodeRect() const { return m_rect; }
    // What the node draws whatever its state: the box, the branch label badges above it and
    // the error mark (database markers must leave it free). Item coordinates.
    QRectF occupiedRect() const { return m_occupied; }

    // How the box is drawn: its fill and border follow the selected database's state; the
    // selected database's current revision gets a database glyph ("you are here"); a
    // selected node gets a halo around the box, unlike anything a state draws.
    struct Appearance
    {
        QColor fill;
        QColor text;
        QColor border;
        qreal borderWidth = 1.0;
        Qt::PenStyle borderStyle = Qt::SolidLine;
        bool databaseGlyph = false;
        bool halo = false;
        QColor haloColor;
    };
    Appearance appearance(bool selected) const;
    Appearance appearance() const { return appearance(isSelected()); }

    void setContent(const QString& message, Markers markers, const QStringList& labels,
                    const QStringList& shownLabels, bool hasErrors);
    void setGhost(bool ghost);
    void setNodeSize(const QSizeF& size);
    void setState(State state, bool current);
    void setProfileMarkers(const QStringList& profiles, const QString& selectedProfile);
    void setStyle(const GraphStyle* style);
    void setRunMark(RunMark mark, const QString& message = {});
    void setSearchMatch(bool match);
    // `name` is the database the side stands for, for the tooltip.
    void setCompareSide(CompareSide side, const QString& name = {});
    CompareSide compareSide() const { return m_compareSide; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Badge
    {
        QRectF rect;
        QString text;
        bool selected = false;
    };

    void relayout();

    const GraphStyle* m_style = nullptr;
    QString m_id;
    QString m_shortId;
    QString m_message;
    Markers m_markers = NoMarker;
    QStringList m_labels;
    QStringList m_shownLabels;
    bool m_hasErrors = false;
    bool m_ghost = false;
    State m_state = State::Unknown;
    bool m_current = false;
    QStringList m_profileMarkers;
    QString m_selectedProfile;
    QString m_stateProfile; // whose state setState() shows
    std::shared_ptr<const NodeExplainer> m_explainer;
    QStringList m_warnings;
    RunMark m_runMark = RunMark::None;
    QString m_runMessage;
    bool m_searchMatch = false;
    CompareSide m_compareSide = CompareSide::None;
    QString m_compareName;

    // Geometry and strings computed by relayout(), in item coordinates.
    QRectF m_rect;
    QRectF m_bounds;
    QRectF m_occupied;
    QString m_elidedMessage; // made at the first paint after m_textStale is set
    QString m_elidedId;
    bool m_textStale = true;
    QRectF m_idRect;
    QRectF m_messageRect;
    QList<Badge> m_labelBadges;
    QList<Badge> m_glyphs;
    QRectF m_errorRect;
    QRectF m_warningRect;
    QRectF m_databaseGlyphRect;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RevisionNodeItem::Markers)

} // namespace retort
