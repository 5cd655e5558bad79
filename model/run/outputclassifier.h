#pragma once

#include "model/run/runevent.h"

#include <QString>

namespace retort {

// Gives each output line of one stream its level, the way people read alembic's output:
// alembic logs through Python's logging to stderr ("INFO  [alembic.runtime.migration] ..."),
// so the stream says nothing about severity; the record's level name does. A Python
// traceback is an error from "Traceback (most recent call last):" to the exception line.
// One classifier per stream: a traceback is a state that spans lines.
class OutputClassifier
{
public:
    RunEvent::Level classify(const QString& line);

    // Removes ANSI escape sequences (CSI colour codes, OSC titles, two-byte escapes).
    static QString stripAnsi(const QString& text);

private:
    bool m_inTraceback = false;
};

} // namespace retort
