#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// `retort-cli compare --url A (--url B | --revision REV) [--json]`: two databases side by
// side. Reads both version tables (the project's version_table / version_table_schema), then
// prints the revisions only A has applied, those only B has, and the alembic commands that
// bring A to exactly B's rows, each checked with the planner (EnvironmentPlanner). With
// `--revision REV` the second side is a database standing at REV (a revision alembic
// resolves: an id, a prefix, a label@head...).
// JSON: {"a":{"url":...,"rows":[...]},"b":{...},"in_sync":bool,"only_a":[...],"only_b":[...],
//  "steps":[{"direction":"upgrade"|"downgrade","revision":TARGET,"command":"alembic ...",
//            "runs":[ids in order],"rows_after":[...]}]}
// where each step is one `alembic upgrade|downgrade TARGET` to run in order.
// Exit codes: 0 compared (in sync or not), 1 no command sequence reaches B (the reason on
// `err`) or REV is unknown, 2 usage, 3 project or database error.
int runCompareCommand(const QString& configPath, const QString& section, const QStringList& args,
                      QTextStream& out, QTextStream& err);

} // namespace retort::cli
