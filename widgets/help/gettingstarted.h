#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

namespace retort {

class HelpBubble;

// A short guided walk through a window: a HelpBubble per step, next to the real widget the
// step talks about (found when the step is shown), with Back / Next / Close; Esc closes.
// Not modal: the window stays usable while it runs. The steps come from whoever knows the
// window (MainWindow); this only walks them.
class GettingStarted : public QObject
{
    Q_OBJECT

public:
    struct Step
    {
        QString title;
        QString text; // rich text
        // The widget the step points at (looked up when the step is shown: the widget may
        // appear or change meanwhile). Null: the bubble sits in the middle of the window.
        std::function<QWidget*()> target;
        // Makes the window ready for the step (select a revision, show a pane); optional.
        std::function<void()> prepare;
    };

    explicit GettingStarted(QWidget* window, QObject* parent = nullptr);
    ~GettingStarted() override;

    void setSteps(const QList<Step>& steps) { m_steps = steps; }
    int stepCount() const { return int(m_steps.size()); }
    // The step shown (0-based), -1 while the walk is not running.
    int currentStep() const { return m_current; }
    bool isRunning() const { return m_current >= 0; }
    HelpBubble* bubble() const;
    // The widget the current step points at.
    QWidget* currentTarget() const;

public slots:
    void start();
    void next();
    void back();
    void close();

signals:
    void stepShown(int step);
    void finished();

private:
    void show(int step);

    QPointer<QWidget> m_window;
    QPointer<HelpBubble> m_bubble;
    QList<Step> m_steps;
    int m_current = -1;
};

} // namespace retort
