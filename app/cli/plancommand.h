#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// `retort-cli plan {upgrade|downgrade} TARGET [--current REV]... | [--at-base] | [--url [URL]]
// [--json]`: the steps `alembic upgrade|downgrade TARGET` would run, in order. TARGET is written
// as alembic takes it (`heads`, `base`, `ae10`, `label@head`, `+2`, `-1`, `ae10-1`, ...; a
// leading '-' is a target, not an option).
// The state planned from is, as for alembic itself, the project's own database (the ini's
// sqlalchemy.url with its version_table / version_table_schema, or `--url URL`), unless
// `--current` (repeatable, order kept) gives hypothetical version-table rows or `--at-base`
// an empty table. Which state was used is said on `err` and, in JSON, as "from".
// `retort-cli plan stamp TARGET... [--purge]`: the version rows `alembic stamp` leaves.
// Text: one step a line, `upgrade  <rev>  <message>` (stamp: one row a line). JSON:
// {"from":{"source":"database"|"current"|"at-base","url":...,"rows":[...]},
//  "steps":[{"direction":"upgrade"|"downgrade","revision":ID}, ...],"rows_after":[...]};
// stamp: {"from":...,"purge":bool,"rows_before":[...],"rows_after":[...],"removed":[...],
//  "added":[...]}.
// `args` are the arguments after `plan`.
// Exit codes: 0 planned, 1 alembic would refuse (its reason on `err`; also when alembic
// cannot load the project's files), 2 usage, 3 config / project error or an unreadable database.
int runPlanCommand(const QString& configPath, const QString& section, const QStringList& args,
                   QTextStream& out, QTextStream& err);

} // namespace retort::cli
