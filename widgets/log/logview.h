#pragma once

#include "model/run/runevent.h"

#include <QList>
#include <QPlainTextEdit>
#include <QTextCharFormat>

class QTimer;

namespace retort {

// The live log of alembic runs: one line per output line, with its time, coloured by stream
// and level (stderr INFO lines are alembic's normal logging, not errors). Lines are added in
// batches a few times a second, so a chatty migration costs little. The view follows the end
// while its scroll bar is at the bottom; scrolling up pauses that, scrolling back down
// resumes it. Read-only; Copy copies the selection (or everything), Clear empties it.
class LogView : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr int kMaxLines = 200000;

    explicit LogView(QWidget* parent = nullptr);

    void appendLine(const QDateTime& time, RunEvent::Stream stream, RunEvent::Level level,
                    const QString& text);
    // A line of Retort's own between runs (a header, a result), drawn apart from output.
    void appendNote(const QString& text, RunEvent::Level level = RunEvent::Level::Info);
    // Writes the lines waiting for the next batch now (tests, and before Save or Copy).
    void flush();

    bool isFollowing() const { return m_following; }
    // Everything as plain text, one line per output line.
    QString logText();
    int lineCount();

public slots:
    void copyAll();
    void clearLog();

signals:
    void followingChanged(bool following);

protected:
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    struct Pending
    {
        QString time;
        QString text;
        int format = 0;
    };
    void updateFormats();
    void onScrolled();

    QList<Pending> m_pending;
    QTimer* m_flushTimer = nullptr;
    QList<QTextCharFormat> m_formats; // by kind, see logview.cpp
    QTextCharFormat m_timeFormat;
    bool m_following = true;
    bool m_flushing = false;
};

} // namespace retort
