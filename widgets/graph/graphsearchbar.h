#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace retort {

class GraphView;

// The graph's search field: as it is typed, every matching revision is highlighted and
// counted ("12 matches", "No match"); Return or F3 selects the next match ("3 of 12"),
// Shift+Return or Shift+F3 the previous one; Escape clears the field and the highlights.
class GraphSearchBar : public QWidget
{
    Q_OBJECT

public:
    // Searches `view`; F3 / Shift+F3 work in the view too.
    explicit GraphSearchBar(GraphView* view, QWidget* parent = nullptr);

    QLineEdit* lineEdit() const { return m_edit; }
    // "3 of 12", "12 matches", "No match", or nothing while the field is empty.
    QString statusText() const;
    QAction* findNextAction() const { return m_nextAction; }
    QAction* findPreviousAction() const { return m_previousAction; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateStatus();

    GraphView* m_view = nullptr;
    QLineEdit* m_edit = nullptr;
    QLabel* m_status = nullptr;
    QToolButton* m_previousButton = nullptr;
    QToolButton* m_nextButton = nullptr;
    QAction* m_nextAction = nullptr;
    QAction* m_previousAction = nullptr;
};

} // namespace retort
