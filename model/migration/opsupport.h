#pragma once

#include "model/migration/migrationops.h"

#include <QString>

namespace retort::opsupport {

// The table an op works on: a batch op's batch table, else the op's own; "schema.name" when a
// schema is given, so that tables of two schemas never mix.
inline QString tableOf(const MigrationOp& op)
{
    const QString name = op.batchTable.isEmpty() ? op.table : op.batchTable;
    if (name.isEmpty() || op.schema.isEmpty())
        return name;
    return op.schema + u'.' + name;
}

// The same for a name an op introduces (rename_table's new name).
inline QString qualified(const MigrationOp& op, const QString& name)
{
    return op.schema.isEmpty() || name.isEmpty() ? name : op.schema + u'.' + name;
}

// The column an op concerns: alter/drop_column's column, add_column's one column.
inline QString columnOf(const MigrationOp& op)
{
    if (!op.column.isEmpty())
        return op.column;
    if (op.kind == MigrationOp::Kind::AddColumn && !op.columns.isEmpty())
        return op.columns.first().name;
    return {};
}

// Ops that change no table and name none Retort must know (raw SQL and unread code aside).
inline bool touchesTable(MigrationOp::Kind kind)
{
    switch (kind) {
    case MigrationOp::Kind::Execute:
    case MigrationOp::Kind::NotRead:
    case MigrationOp::Kind::BulkInsert:
        return false;
    default:
        return true;
    }
}

} // namespace retort::opsupport
