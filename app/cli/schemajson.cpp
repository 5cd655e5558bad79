#include "app/cli/schemajson.h"

namespace retort::cli {

namespace {

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

void insertIf(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(QLatin1StringView(key), value);
}

QJsonObject columnSpecJson(const ColumnSpec& c)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), c.name);
    o.insert(QStringLiteral("type"), orNull(c.type));
    o.insert(QStringLiteral("sql_type"), c.type.isEmpty() ? QJsonValue()
                                                          : QJsonValue(MigrationOpText::sqlType(c.type)));
    o.insert(QStringLiteral("nullable"), c.effectiveNullable());
    o.insert(QStringLiteral("nullable_given"), c.nullable ? QJsonValue(*c.nullable) : QJsonValue());
    o.insert(QStringLiteral("primary_key"), c.primaryKey);
    o.insert(QStringLiteral("server_default"), orNull(c.serverDefault));
    o.insert(QStringLiteral("foreign_key"), orNull(c.foreignKey));
    return o;
}

} // namespace

QJsonObject opJson(const MigrationOp& op)
{
    QJsonObject o;
    o.insert(QStringLiteral("op"), op.opName());
    o.insert(QStringLiteral("table"), orNull(op.batchTable.isEmpty() ? op.table : op.batchTable));
    QString column = op.column;
    if (column.isEmpty() && op.kind == MigrationOp::Kind::AddColumn && !op.columns.isEmpty())
        column = op.columns.first().name;
    o.insert(QStringLiteral("column"), orNull(column));
    o.insert(QStringLiteral("line"), op.line);
    o.insert(QStringLiteral("description"), MigrationOpText::describe(op));
    insertIf(o, "schema", op.schema);
    insertIf(o, "new_name", op.newName);
    if (!op.columns.isEmpty()) {
        QJsonArray columns;
        for (const ColumnSpec& c : op.columns)
            columns.append(columnSpecJson(c));
        o.insert(QStringLiteral("columns"), columns);
    }
    insertIf(o, "name", op.name);
    if (!op.columnNames.isEmpty())
        o.insert(QStringLiteral("column_names"), QJsonArray::fromStringList(op.columnNames));
    insertIf(o, "referent_table", op.referentTable);
    if (!op.referentColumns.isEmpty())
        o.insert(QStringLiteral("referent_columns"), QJsonArray::fromStringList(op.referentColumns));
    insertIf(o, "constraint_type", op.constraintType);
    if (op.newType)
        o.insert(QStringLiteral("new_type"), *op.newType);
    if (op.newNullable)
        o.insert(QStringLiteral("new_nullable"), *op.newNullable);
    if (op.newServerDefault)
        o.insert(QStringLiteral("new_server_default"), *op.newServerDefault);
    if (op.comment)
        o.insert(QStringLiteral("comment"), *op.comment);
    insertIf(o, "existing_type", op.existingType);
    if (op.existingNullable)
        o.insert(QStringLiteral("existing_nullable"), *op.existingNullable);
    if (op.unique)
        o.insert(QStringLiteral("unique"), true);
    if (op.kind == MigrationOp::Kind::BulkInsert)
        o.insert(QStringLiteral("rows"), op.rows < 0 ? QJsonValue() : QJsonValue(op.rows));
    if (op.kind == MigrationOp::Kind::Execute) {
        o.insert(QStringLiteral("sql"), op.sql);
        o.insert(QStringLiteral("sql_is_literal"), op.sqlIsLiteral);
    }
    insertIf(o, "batch_table", op.batchTable);
    insertIf(o, "why", op.why);
    insertIf(o, "source", op.source);
    return o;
}

QJsonObject functionJson(const MigrationFunction& f)
{
    QJsonObject o;
    o.insert(QStringLiteral("present"), f.present);
    o.insert(QStringLiteral("line"), f.line);
    o.insert(QStringLiteral("end_line"), f.endLine);
    o.insert(QStringLiteral("empty"), f.empty);
    o.insert(QStringLiteral("raises"), f.raisesLine > 0 ? QJsonValue(f.raises) : QJsonValue());
    o.insert(QStringLiteral("raises_line"), f.raisesLine > 0 ? QJsonValue(f.raisesLine) : QJsonValue());
    return o;
}

QJsonObject timelineJson(const TableTimeline& t)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), t.name);
    o.insert(QStringLiteral("created_in"), orNull(t.createdIn));
    o.insert(QStringLiteral("dropped_in"), orNull(t.droppedIn));
    o.insert(QStringLiteral("renamed_from"), orNull(t.renamedFrom));
    o.insert(QStringLiteral("renamed_to"), orNull(t.renamedTo));
    QJsonArray events;
    for (const TableEvent& e : t.events) {
        QJsonObject eo;
        eo.insert(QStringLiteral("revision"), e.revision);
        eo.insert(QStringLiteral("op"), e.op);
        eo.insert(QStringLiteral("column"), orNull(e.column));
        eo.insert(QStringLiteral("new_name"), orNull(e.newName));
        eo.insert(QStringLiteral("line"), e.line);
        eo.insert(QStringLiteral("direction"), e.direction);
        events.append(eo);
    }
    o.insert(QStringLiteral("events"), events);
    return o;
}

QJsonObject schemaJson(const Schema& schema)
{
    QJsonObject root;
    root.insert(QStringLiteral("at"), QJsonArray::fromStringList(schema.at));
    QJsonArray tables;
    for (const SchemaTable& t : schema.tables) {
        QJsonObject to;
        to.insert(QStringLiteral("name"), t.name);
        to.insert(QStringLiteral("schema"), orNull(t.schema));
        to.insert(QStringLiteral("created_in"), orNull(t.createdIn));
        QJsonArray columns;
        for (const SchemaColumn& c : t.columns) {
            QJsonObject co;
            co.insert(QStringLiteral("name"), c.name);
            co.insert(QStringLiteral("type"), c.type);
            co.insert(QStringLiteral("sql_type"), c.type.isEmpty() ? QString()
                                                                   : MigrationOpText::sqlType(c.type));
            co.insert(QStringLiteral("nullable"), c.nullable);
            co.insert(QStringLiteral("primary_key"), c.primaryKey);
            co.insert(QStringLiteral("server_default"), orNull(c.serverDefault));
            co.insert(QStringLiteral("defined_in"), orNull(c.definedIn));
            columns.append(co);
        }
        to.insert(QStringLiteral("columns"), columns);
        tables.append(to);
    }
    root.insert(QStringLiteral("tables"), tables);
    QJsonArray unknown;
    for (const SchemaUnknown& u : schema.unknown) {
        QJsonObject uo;
        uo.insert(QStringLiteral("revision"), u.revision);
        uo.insert(QStringLiteral("line"), u.line);
        uo.insert(QStringLiteral("why"), u.why);
        unknown.append(uo);
    }
    root.insert(QStringLiteral("unknown"), unknown);
    return root;
}

} // namespace retort::cli
