#pragma once

#include "model/common/diagnostic.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort {
class RevisionGraph;
}

namespace retort::cli {

// `retort-cli ops REV [--json]`: the operations of one revision's upgrade() and downgrade(),
// read without running them. REV is an id, a unique prefix or a branch label (as alembic
// resolves it). JSON: {"revision": ID, "path": ..., "upgrade": [op...], "downgrade": [op...],
// "upgrade_function": {...}, "downgrade_function": {...}, "error": ...} (app/cli/schemajson.h).
// `retort-cli tables [--json]`: every table the upgrade() ops mention, with its timeline along
// `alembic upgrade heads`. JSON: {"tables": [{"name", "created_in", "dropped_in", "events"}]}.
// `retort-cli schema [--at TARGET] [--json]`: the tables and columns the migrations define
// after `alembic upgrade TARGET` from an empty database (TARGET as alembic takes it; default
// heads), with every place Retort could not know. JSON: {"at", "tables", "unknown"}.
// Exit codes as `plan`: 0 answered, 1 alembic would refuse (an unknown revision or target;
// a project alembic cannot load), 2 usage, 3 config / project error.
int runOpsCommand(const QString& configPath, const QString& section, const QStringList& args,
                  QTextStream& out, QTextStream& err);
int runTablesCommand(const QString& configPath, const QString& section, const QStringList& args,
                     QTextStream& out, QTextStream& err);
int runSchemaCommand(const QString& configPath, const QString& section, const QStringList& args,
                     QTextStream& out, QTextStream& err);

// The downgrade-safety warnings `lint` adds (MigrationRisks::lint over every revision's ops).
Diagnostics migrationLint(const RevisionGraph& graph);

} // namespace retort::cli
