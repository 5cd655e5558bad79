#pragma once

#include <QLabel>
#include <QPointer>

class QGraphicsView;

namespace retort {

class GraphScene;

// Says on the graph whose database state the picture shows ("Showing: staging — at
// 1ff12e825ce1"), in the view's top-left corner, so that choosing another profile never
// looks like a wiped database. A child of the view (not of its viewport: it must not scroll
// with the picture); it follows the scene's caption and hides when there is none.
class GraphCaption : public QLabel
{
    Q_OBJECT

public:
    GraphCaption(QGraphicsView* view, GraphScene* scene);

    // The whole caption (the label elides it to the view's width).
    QString caption() const { return m_caption; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setCaption(const QString& caption);
    void reposition();

    QPointer<QGraphicsView> m_view;
    QString m_caption;
};

} // namespace retort
