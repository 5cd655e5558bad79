#include "model/migration/schemahistory.h"

#include "model/migration/opsupport.h"

#include <QMap>

namespace retort {

namespace {

using Kind = MigrationOp::Kind;
using opsupport::columnOf;
using opsupport::qualified;
using opsupport::tableOf;

constexpr qsizetype kSqlShown = 80;

QString shortened(QString text)
{
    text = text.simplified();
    if (text.size() > kSqlShown)
        text = text.left(kSqlShown - 1) + QChar(0x2026);
    return text;
}

SchemaColumn columnFrom(const ColumnSpec& spec, const QString& revision)
{
    SchemaColumn c;
    c.name = spec.name;
    c.type = spec.type;
    c.nullable = spec.effectiveNullable();
    c.primaryKey = spec.primaryKey;
    c.serverDefault = spec.serverDefault;
    c.definedIn = revision;
    return c;
}

qsizetype columnIndex(const SchemaTable& table, const QString& name)
{
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        if (table.columns.at(i).name == name)
            return i;
    }
    return -1;
}

// The upgrade() ops of a plan's steps applied in order to the tables they define.
class Replay
{
public:
    QMap<QString, SchemaTable> tables; // by "schema.name" / "name"
    QList<SchemaUnknown> unknown;

    void runStep(const QString& revision, const MigrationOps* ops)
    {
        m_revision = revision;
        if (!ops) {
            note(0, SchemaHistory::tr("its file was not read"));
            return;
        }
        if (!ops->error.isEmpty()) {
            note(0, SchemaHistory::tr("its file could not be read: %1").arg(ops->error));
            return;
        }
        if (!ops->upgrade.present) {
            note(0, SchemaHistory::tr("it has no upgrade() function"));
            return;
        }
        for (const MigrationOp& op : ops->upgrade.ops)
            apply(op);
        if (ops->upgrade.raisesLine > 0)
            note(ops->upgrade.raisesLine,
                 SchemaHistory::tr("upgrade() raises %1: alembic stops there")
                     .arg(ops->upgrade.raises.isEmpty() ? SchemaHistory::tr("an exception")
                                                        : ops->upgrade.raises));
    }

private:
    QString m_revision;

    void note(int line, const QString& why) { unknown.append({m_revision, line, why}); }

    void missingTable(const MigrationOp& op, const QString& key)
    {
        note(op.line, SchemaHistory::tr("%1 on table `%2`, which no migration read before it "
                                        "creates")
                          .arg(op.opName(), key));
    }

    void missingColumn(const MigrationOp& op, const QString& key, const QString& column)
    {
        note(op.line, SchemaHistory::tr("%1 on column `%2.%3`, which no migration read before "
                                        "it creates")
                          .arg(op.opName(), key, column));
    }

    void apply(const MigrationOp& op)
    {
        if (op.kind == Kind::Execute) {
            note(op.line, SchemaHistory::tr("raw SQL, not interpreted: %1")
                              .arg(shortened(op.sql.isEmpty() ? op.source : op.sql)));
            return;
        }
        if (op.kind == Kind::NotRead) {
            note(op.line, op.why.isEmpty() ? SchemaHistory::tr("code Retort does not read")
                                           : op.why);
            return;
        }
        if (!opsupport::touchesTable(op.kind))
            return;
        const QString key = tableOf(op);
        if (key.isEmpty()) {
            if (op.kind != Kind::DropIndex && op.kind != Kind::DropConstraint)
                note(op.line, SchemaHistory::tr("%1 without a table name Retort can read")
                                  .arg(op.opName()));
            return;
        }
        if (op.kind == Kind::CreateTable) {
            if (tables.contains(key))
                note(op.line, SchemaHistory::tr("create_table of `%1`, which already exists "
                                                "here")
                                  .arg(key));
            SchemaTable t;
            t.name = op.batchTable.isEmpty() ? op.table : op.batchTable;
            t.schema = op.schema;
            t.createdIn = m_revision;
            for (const ColumnSpec& spec : op.columns)
                t.columns.append(columnFrom(spec, m_revision));
            tables.insert(key, t);
            return;
        }
        const auto it = tables.find(key);
        if (it == tables.end()) {
            missingTable(op, key);
            return;
        }
        SchemaTable& table = it.value();
        switch (op.kind) {
        case Kind::DropTable:
            tables.erase(it);
            return;
        case Kind::RenameTable: {
            if (op.newName.isEmpty()) {
                note(op.line, SchemaHistory::tr("rename_table of `%1` to a name Retort cannot "
                                                "read")
                                  .arg(key));
                return;
            }
            SchemaTable moved = table;
            tables.erase(it);
            moved.name = op.newName;
            tables.insert(qualified(op, op.newName), moved);
            return;
        }
        case Kind::AddColumn: {
            if (op.columns.isEmpty()) {
                note(op.line, SchemaHistory::tr("add_column to `%1` with a column Retort cannot "
                                                "read")
                                  .arg(key));
                return;
            }
            const SchemaColumn column = columnFrom(op.columns.first(), m_revision);
            const qsizetype i = columnIndex(table, column.name);
            if (i >= 0) {
                note(op.line, SchemaHistory::tr("add_column of `%1.%2`, which already exists "
                                                "here")
                                  .arg(key, column.name));
                table.columns[i] = column;
            } else {
                table.columns.append(column);
            }
            return;
        }
        case Kind::DropColumn:
        case Kind::AlterColumn: {
            const QString name = columnOf(op);
            const qsizetype i = columnIndex(table, name);
            if (i < 0) {
                missingColumn(op, key, name);
                return;
            }
            if (op.kind == Kind::DropColumn) {
                table.columns.removeAt(i);
                return;
            }
            SchemaColumn& c = table.columns[i];
            if (op.newType)
                c.type = *op.newType;
            if (op.newNullable)
                c.nullable = *op.newNullable;
            if (op.newServerDefault)
                c.serverDefault = *op.newServerDefault == QLatin1StringView("None")
                                      ? QString()
                                      : *op.newServerDefault;
            if (!op.newName.isEmpty())
                c.name = op.newName;
            return;
        }
        case Kind::CreatePrimaryKey:
            for (const QString& name : op.columnNames) {
                const qsizetype i = columnIndex(table, name);
                if (i < 0) {
                    missingColumn(op, key, name);
                    continue;
                }
                // a primary key makes its columns NOT NULL
                table.columns[i].primaryKey = true;
                table.columns[i].nullable = false;
            }
            return;
        default:
            return; // indexes, constraints, comments: not part of the schema shown
        }
    }
};

TableTimeline& timelineFor(QMap<QString, TableTimeline>& timelines, const QString& key)
{
    auto it = timelines.find(key);
    if (it == timelines.end()) {
        TableTimeline t;
        t.name = key;
        it = timelines.insert(key, t);
    }
    return it.value();
}

} // namespace

Schema SchemaHistory::schemaAt(const MigrationOpsIndex& index, const MigrationPlan& upgradeFromBase)
{
    Replay replay;
    for (const MigrationStep& step : upgradeFromBase.steps)
        replay.runStep(step.revision, index.ops(step.revision));
    Schema schema;
    schema.at = upgradeFromBase.endHeads;
    schema.at.sort();
    schema.tables = replay.tables.values(); // QMap: sorted by name
    schema.unknown = replay.unknown;
    return schema;
}

QList<TableTimeline> SchemaHistory::tables(const MigrationOpsIndex& index,
                                           const MigrationPlan& upgradeToHeads)
{
    QMap<QString, TableTimeline> timelines;
    for (const MigrationStep& step : upgradeToHeads.steps) {
        const MigrationOps* ops = index.ops(step.revision);
        if (!ops || !ops->upgrade.present)
            continue;
        for (const MigrationOp& op : ops->upgrade.ops) {
            if (!opsupport::touchesTable(op.kind))
                continue;
            const QString key = tableOf(op);
            if (key.isEmpty())
                continue;
            TableEvent event;
            event.revision = step.revision;
            event.op = op.opName();
            event.column = columnOf(op);
            event.newName = op.kind == Kind::RenameTable ? qualified(op, op.newName) : op.newName;
            event.line = op.line;
            TableTimeline& t = timelineFor(timelines, key);
            t.events.append(event);
            if (op.kind == Kind::CreateTable) {
                if (t.createdIn.isEmpty())
                    t.createdIn = step.revision;
                t.droppedIn.clear();
                t.renamedTo.clear();
            } else if (op.kind == Kind::DropTable) {
                t.droppedIn = step.revision;
            } else if (op.kind == Kind::RenameTable && !event.newName.isEmpty()) {
                t.renamedTo = event.newName;
                TableTimeline& renamed = timelineFor(timelines, event.newName);
                renamed.events.append(event);
                renamed.renamedFrom = key;
                renamed.droppedIn.clear();
                renamed.renamedTo.clear();
            }
        }
    }
    return timelines.values();
}

QString SchemaHistory::describeColumn(const SchemaColumn& column)
{
    ColumnSpec spec;
    spec.name = column.name;
    spec.type = column.type;
    spec.nullable = column.nullable;
    spec.primaryKey = column.primaryKey;
    spec.serverDefault = column.serverDefault;
    return MigrationOpText::describeColumn(spec);
}

QList<SchemaChange> SchemaHistory::compare(const Schema& a, const Schema& b)
{
    auto keyed = [](const Schema& s) {
        QMap<QString, const SchemaTable*> map;
        for (const SchemaTable& t : s.tables)
            map.insert(t.schema.isEmpty() ? t.name : t.schema + u'.' + t.name, &t);
        return map;
    };
    const QMap<QString, const SchemaTable*> before = keyed(a);
    const QMap<QString, const SchemaTable*> after = keyed(b);
    QStringList names = before.keys() + after.keys();
    names.sort();
    names.removeDuplicates();

    QList<SchemaChange> changes;
    for (const QString& name : std::as_const(names)) {
        const SchemaTable* x = before.value(name);
        const SchemaTable* y = after.value(name);
        if (!x) {
            changes.append({SchemaChange::Kind::TableAdded, name, {}, {}, {}});
            continue;
        }
        if (!y) {
            changes.append({SchemaChange::Kind::TableRemoved, name, {}, {}, {}});
            continue;
        }
        for (const SchemaColumn& c : x->columns) {
            const qsizetype j = columnIndex(*y, c.name);
            if (j < 0) {
                changes.append({SchemaChange::Kind::ColumnRemoved, name, c.name,
                                describeColumn(c), {}});
                continue;
            }
            const SchemaColumn& d = y->columns.at(j);
            if (c.type != d.type || c.nullable != d.nullable || c.primaryKey != d.primaryKey
                || c.serverDefault != d.serverDefault)
                changes.append({SchemaChange::Kind::ColumnChanged, name, c.name,
                                describeColumn(c), describeColumn(d)});
        }
        for (const SchemaColumn& d : y->columns) {
            if (columnIndex(*x, d.name) < 0)
                changes.append({SchemaChange::Kind::ColumnAdded, name, d.name, {},
                                describeColumn(d)});
        }
    }
    return changes;
}

} // namespace retort
