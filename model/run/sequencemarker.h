#pragma once

#include <QString>

#include <optional>

namespace retort {

// The lines Retort's sequence bootstrap (RunCommand, RunRequest::sequence) prints on stdout
// around each alembic command it runs in one process:
//   @@retort-sequence {"index": 3, "state": "begin"}
//   @@retort-sequence {"index": 3, "state": "done"}
//   @@retort-sequence {"index": 3, "state": "failed", "error": "NotImplementedError: ..."}
// JSON keeps an error of several lines (a SQL error with its statement) on one line. After
// "failed" the bootstrap runs nothing more.
struct SequenceMarker
{
    static constexpr const char* kPrefix = "@@retort-sequence ";

    enum class State
    {
        Begin,
        Done,
        Failed
    };

    int index = -1; // 0-based, into RunRequest::sequence
    State state = State::Begin;
    QString error; // Failed: alembic's error as the exception says it

    // std::nullopt for any other line (alembic's own output, a marker that does not parse).
    static std::optional<SequenceMarker> parse(const QString& line);
    static bool isMarker(const QString& line);
};

} // namespace retort
