#pragma once

#include <QLabel>
#include <QPointer>

namespace retort {

class GraphScene;
class GraphView;

// Says on the graph whose database state the picture shows ("Showing: staging — at
// 1ff12e825ce1"), so that choosing another profile never looks like a wiped database. It sits
// in a strip the view keeps free above the picture (it never covers a node and does not scroll
// with the picture); it follows the scene's caption, and the strip goes when there is none.
class GraphCaption : public QLabel
{
    Q_OBJECT

public:
    GraphCaption(GraphView* view, GraphScene* scene);

    // The whole caption (the label elides it to the view's width).
    QString caption() const { return m_caption; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setCaption(const QString& caption);
    void reposition();

    QPointer<GraphView> m_view;
    QString m_caption;
};

} // namespace retort
