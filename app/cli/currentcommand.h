#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// `retort-cli current [--url URL] [--version-table T] [--version-table-schema S]`:
// prints the revision ids in the database's version table, sorted, one a line (nothing at
// base). The URL defaults to the config's sqlalchemy.url (a relative SQLite path resolves
// against the config file's folder); the table and schema default to the config's
// `version_table` / `version_table_schema` main options, else alembic_version / none.
// Exit codes: 0 read, 2 usage, 3 config or connection error (message on `err`).
int runCurrentCommand(const QString& configPath, const QString& section, const QStringList& args,
                      QTextStream& out, QTextStream& err);

} // namespace retort::cli
