#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// `retort-cli stairway [--url URL] [--alembic-version X.Y.Z] [--json]`: walks every revision
// in alembic's upgrade order on a scratch database — upgrade to it, downgrade by exactly it,
// upgrade again — and stops at the first failure. This RUNS alembic, and so the project's
// env.py and migrations (project code), by design.
// Without --url the database is a temporary SQLite file, removed afterwards: the project's
// own sqlalchemy.url is never touched. With --url, that database must be at base (its
// version table empty or missing); anything else is refused.
// Text: one line per revision as it is checked ("ok  REV  message"), the failure with
// alembic's output of the failing command, then a summary. JSON:
// {"ok": bool, "revisions": N, "checked": M, "commands": C, "database": "...",
//  "failed": {"revision", "direction", "target", "error"} | null, "alembic": {...}}.
// Exit codes: 0 every revision passed, 1 a command failed (or was stopped), 2 usage,
// 3 the project could not be loaded or planned, or the database was refused or unreadable.
int runStairwayCommand(const QString& configPath, const QString& section,
                       const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace retort::cli
