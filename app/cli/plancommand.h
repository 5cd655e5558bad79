#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// `retort-cli plan {upgrade|downgrade} TARGET [--current REV]... [--json]`: the steps
// `alembic upgrade|downgrade TARGET` would run, in order. TARGET is written as alembic takes
// it (`heads`, `base`, `ae10`, `label@head`, `+2`, `-1`, `ae10-1`, ...; a leading '-' is a
// target, not an option). `--current` (repeatable, order kept) gives the version-table rows;
// none = at base. `--url URL` reads the rows from that database instead, and a bare
// `--url` from the ini's sqlalchemy.url (with its version_table / version_table_schema).
// Text: one step a line, `upgrade  <rev>  <message>`. JSON:
// {"steps":[{"direction":"upgrade"|"downgrade","revision":ID}, ...]}.
// `args` are the arguments after `plan`.
// Exit codes: 0 planned, 1 alembic would refuse (its reason on `err`), 2 usage,
// 3 config / project error or an unreadable database.
int runPlanCommand(const QString& configPath, const QString& section, const QStringList& args,
                   QTextStream& out, QTextStream& err);

} // namespace retort::cli
