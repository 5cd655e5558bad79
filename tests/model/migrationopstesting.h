#pragma once

// Helpers of the MigrationOpsReader tests: a module around a body, and one line per
// operation that names every field a reading set.
#include "model/migration/migrationops.h"

#include <QString>
#include <QStringList>

namespace retort::testing {

// A module whose upgrade() body is `body` (each line indented by four spaces). The body
// starts on line 5: two import lines, a blank line, the def on line 4.
inline MigrationOps readUpgrade(const QString& body)
{
    QString text = QStringLiteral("from alembic import op\nimport sqlalchemy as sa\n\n"
                                  "def upgrade():\n");
    for (const QString& line : body.split(u'\n'))
        text += (line.isEmpty() ? QString() : QStringLiteral("    ") + line) + u'\n';
    return MigrationOpsReader::read(text);
}

inline QString dumpColumn(const ColumnSpec& c)
{
    QStringList p{c.name};
    if (!c.type.isEmpty())
        p << c.type;
    if (c.nullable)
        p << (*c.nullable ? QStringLiteral("null") : QStringLiteral("notnull"));
    if (c.primaryKey)
        p << QStringLiteral("pk");
    if (!c.serverDefault.isEmpty())
        p << QStringLiteral("default=") + c.serverDefault;
    if (!c.foreignKey.isEmpty())
        p << QStringLiteral("fk=") + c.foreignKey;
    return p.join(u' ');
}

// "add_column table=books column=language ..." with only the fields that are set.
inline QString dump(const MigrationOp& op)
{
    QStringList p{op.opName()};
    auto add = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            p << QString::fromLatin1(key) + u'=' + value;
    };
    auto flag = [&](const char* key, std::optional<bool> value) {
        if (value)
            p << QString::fromLatin1(key) + u'=' + (*value ? QStringLiteral("True") : QStringLiteral("False"));
    };
    add("table", op.table);
    add("schema", op.schema);
    add("column", op.column);
    add("new", op.newName);
    add("name", op.name);
    add("cols", op.columnNames.join(u'|'));
    add("ref", op.referentTable);
    add("refcols", op.referentColumns.join(u'|'));
    add("type_", op.constraintType);
    if (op.newType)
        p << QStringLiteral("newType=") + *op.newType;
    flag("newNullable", op.newNullable);
    if (op.newServerDefault)
        p << QStringLiteral("newDefault=") + *op.newServerDefault;
    if (op.comment)
        p << QStringLiteral("comment=") + (op.comment->isNull() ? QStringLiteral("<None>") : *op.comment);
    add("existingType", op.existingType);
    flag("existingNullable", op.existingNullable);
    if (op.unique)
        p << QStringLiteral("unique");
    if (op.rows >= 0)
        p << QStringLiteral("rows=%1").arg(op.rows);
    add("sql", op.sql);
    if (op.sqlIsLiteral)
        p << QStringLiteral("literal");
    add("batch", op.batchTable);
    for (const ColumnSpec& c : op.columns)
        p << u'[' + dumpColumn(c) + u']';
    add("why", op.why);
    return p.join(u' ');
}

// One line per operation of the upgrade body, "L<line> <dump>".
inline QString dumpAll(const QList<MigrationOp>& ops)
{
    QStringList lines;
    for (const MigrationOp& op : ops)
        lines << QStringLiteral("L%1 ").arg(op.line) + dump(op);
    return lines.join(u'\n');
}

} // namespace retort::testing
