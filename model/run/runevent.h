#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace retort {

// Something that happened during one run, delivered in order on the GUI thread.
struct RunEvent
{
    enum class Kind
    {
        Started,   // the process started; `text` is the command line shown to people
        Output,    // one line of output; `stream`, `level`, `text`
        Progress,  // alembic began a step: `stepIndex` of `stepCount`, `revision`, `direction`
        Finished   // the run is over; `status`, `exitCode`, `text` says why in words
    };
    enum class Stream
    {
        Stdout,
        Stderr,
        Runner // lines Retort itself adds (what was started, what stopping means)
    };
    enum class Level
    {
        Info,
        Warning,
        Error
    };
    enum class Status
    {
        Succeeded,
        Failed,        // alembic exited non-zero (e.g. a migration raised)
        Stopped,       // the person stopped it
        FailedToStart  // no alembic, a broken interpreter, a second run on the same database
    };

    Kind kind = Kind::Output;
    quint64 runId = 0;
    QDateTime timestamp;

    // Output
    Stream stream = Stream::Stdout;
    Level level = Level::Info;
    QString text; // ANSI escape codes removed

    // Progress (stepIndex counts from 1; stepCount is 0 when no plan was given; -1 index when
    // the revision is not in the plan)
    int stepIndex = 0;
    int stepCount = 0;
    QString revision;
    QStringList fromRevisions; // as alembic printed them ("a -> b": from a, to b)
    QStringList toRevisions;
    bool upgrade = true;

    // Finished
    Status status = Status::Succeeded;
    int exitCode = 0;
    // alembic's own last word when a run did not succeed: its last error line (a traceback's
    // exception, "FAILED: ..."), else its last line on stderr; empty on success.
    QString reason;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::RunEvent)
