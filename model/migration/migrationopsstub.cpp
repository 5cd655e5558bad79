// TEMPORARY: stands in for helper "ops"'s migrationops.cpp until branch `ops` is merged, so
// that the schema code links and its tests run with hand-made ops. Removed at that merge.
#include "model/migration/migrationops.h"

#include <QFile>

namespace retort {

QString MigrationOp::opName(Kind kind)
{
    switch (kind) {
    case Kind::CreateTable: return QStringLiteral("create_table");
    case Kind::DropTable: return QStringLiteral("drop_table");
    case Kind::RenameTable: return QStringLiteral("rename_table");
    case Kind::AddColumn: return QStringLiteral("add_column");
    case Kind::DropColumn: return QStringLiteral("drop_column");
    case Kind::AlterColumn: return QStringLiteral("alter_column");
    case Kind::CreateIndex: return QStringLiteral("create_index");
    case Kind::DropIndex: return QStringLiteral("drop_index");
    case Kind::CreateForeignKey: return QStringLiteral("create_foreign_key");
    case Kind::CreateUniqueConstraint: return QStringLiteral("create_unique_constraint");
    case Kind::CreateCheckConstraint: return QStringLiteral("create_check_constraint");
    case Kind::CreatePrimaryKey: return QStringLiteral("create_primary_key");
    case Kind::DropConstraint: return QStringLiteral("drop_constraint");
    case Kind::CreateTableComment: return QStringLiteral("create_table_comment");
    case Kind::DropTableComment: return QStringLiteral("drop_table_comment");
    case Kind::BulkInsert: return QStringLiteral("bulk_insert");
    case Kind::Execute: return QStringLiteral("execute");
    case Kind::NotRead: return QStringLiteral("not_read");
    }
    return {};
}

MigrationOps MigrationOpsReader::read(const QString&)
{
    MigrationOps ops;
    ops.error = QStringLiteral("the ops reader is not merged yet");
    return ops;
}

MigrationOps MigrationOpsReader::readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        MigrationOps ops;
        ops.error = f.errorString();
        return ops;
    }
    return read(QString::fromUtf8(f.readAll()));
}

QString MigrationOpText::describe(const MigrationOp& op)
{
    return op.opName() + u' ' + op.table;
}

QString MigrationOpText::sqlType(const QString& typeAsWritten)
{
    return typeAsWritten;
}

QString MigrationOpText::describeColumn(const ColumnSpec& column)
{
    return column.type + (column.effectiveNullable() ? QStringLiteral(", nullable")
                                                     : QStringLiteral(", not null"))
           + (column.primaryKey ? QStringLiteral(", primary key") : QString());
}

} // namespace retort
