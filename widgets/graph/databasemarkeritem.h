#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QRectF>
#include <QString>

namespace retort {

struct GraphStyle;

// Where one database stands: a label with the profile's name next to the revision its
// version table names. The scene places markers so that they never cover a node, a branch
// label or another marker (see GraphScene::placeMarkers); a line joins a marker to its node.
// The selected profile's marker is drawn in the selection colours.
class DatabaseMarkerItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(retort::DatabaseMarkerItem)

public:
    enum
    {
        Type = UserType + 3
    };

    DatabaseMarkerItem(const QString& profile, const QString& revision, const GraphStyle* style,
                       QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }

    QString profile() const { return m_profile; }
    QString revision() const { return m_revision; }
    bool isSelectedProfile() const { return m_selected; }
    void setSelectedProfile(bool selected);
    void setStyle(const GraphStyle* style);
    // The label's box in item coordinates (its top-left corner is at pos()).
    QRectF labelRect() const { return m_rect; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void relayout();

    const GraphStyle* m_style = nullptr;
    QString m_profile;
    QString m_revision;
    QString m_text;
    bool m_selected = false;
    QRectF m_rect;
};

} // namespace retort
