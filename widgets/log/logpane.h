#pragma once

#include "model/run/runevent.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace retort {

class LogView;

// The log dock's contents: what is running and how far it is (a label, a progress bar with
// the current step, Stop), tools for the log (Follow, Copy, Save, Clear), and the LogView.
class LogPane : public QWidget
{
    Q_OBJECT

public:
    explicit LogPane(QWidget* parent = nullptr);

    LogView* logView() const { return m_log; }

    // The log, for the controllers (they do not reach into the view): a line of alembic's
    // output, a note of Retort's own, everything as plain text.
    void appendLine(const QDateTime& time, RunEvent::Stream stream, RunEvent::Level level,
                    const QString& text);
    void appendNote(const QString& text, RunEvent::Level level = RunEvent::Level::Info);
    QString logText() const;

    // A run started or ended; `status` says what runs or how it ended.
    void setRunning(bool running, const QString& status);
    // Step `step` of `count` is running (count 0: the number of steps is not known).
    void setProgress(int step, int count, const QString& status);
    void setStopEnabled(bool enabled);

    QString statusText() const;
    int progressValue() const;
    int progressMaximum() const;
    bool isStopEnabled() const;

signals:
    void stopRequested();
    void saveRequested();

private:
    LogView* m_log = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_stop = nullptr;
    QToolButton* m_follow = nullptr;
};

} // namespace retort
