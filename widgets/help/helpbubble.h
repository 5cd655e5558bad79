#pragma once

#include <QFrame>
#include <QPointer>
#include <QShortcut>

class QLabel;
class QPushButton;

namespace retort {

// One step of a guided walk: a small panel next to the widget it talks about, with a frame
// drawn around that widget, inside the widget's window (not modal: the window stays usable).
// Back / Next / Close; the owner (GettingStarted) decides what they do.
class HelpBubble : public QFrame
{
    Q_OBJECT

public:
    explicit HelpBubble(QWidget* window);
    ~HelpBubble() override;

    // Shows `title` and `text` (rich text) next to `target` and frames it; `step` of
    // `count` (1-based). A null or hidden target: the bubble sits in the window's middle.
    void showStep(QWidget* target, const QString& title, const QString& text, int step, int count);
    QWidget* target() const { return m_target; }
    // The frame drawn around the target (for tests and screenshots).
    QWidget* highlight() const { return m_highlight; }
    QPushButton* backButton() const { return m_back; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* closeButton() const { return m_close; }
    QString title() const;
    QString text() const;

    // Follows the target when the window is resized or the target moves.
    void reposition();

signals:
    void backClicked();
    void nextClicked();
    void closeClicked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QPointer<QWidget> m_window;
    QPointer<QWidget> m_target;
    QPointer<QWidget> m_highlight;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_counter = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_close = nullptr;
    QPointer<QShortcut> m_escape;
};

} // namespace retort
