#include "model/migration/migrationops.h"

#include <QHash>

#include <algorithm>

namespace retort {

namespace {

// `schema.table`, or the table alone.
QString qualified(const MigrationOp& op)
{
    return op.schema.isEmpty() ? op.table : op.schema + u'.' + op.table;
}

QString shortened(const QString& text, int limit = 80)
{
    QString out = text.simplified();
    if (out.size() > limit)
        out = out.left(limit - 3) + QStringLiteral("...");
    return out;
}

// Splits "a, b=c, d(e, f)" at top-level commas; false when the brackets do not nest inside
// `text` (as in the "8).with_variant(x" of "String(8).with_variant(x)").
bool splitArguments(QStringView text, QStringList* out)
{
    QStringList& items = *out;
    int depth = 0;
    qsizetype start = 0;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"')
            quote = c;
        else if (c == u'(' || c == u'[' || c == u'{')
            ++depth;
        else if ((c == u')' || c == u']' || c == u'}') && --depth < 0)
            return false;
        else if (c == u',' && depth == 0) {
            items.append(text.mid(start, i - start).trimmed().toString());
            start = i + 1;
        }
    }
    const QString last = text.mid(start).trimmed().toString();
    if (!last.isEmpty())
        items.append(last);
    return depth == 0 && quote.isNull();
}

// `name=value` (not `a == b`).
bool isKeyword(const QString& argument)
{
    const qsizetype eq = argument.indexOf(u'=');
    if (eq <= 0 || (eq + 1 < argument.size() && argument.at(eq + 1) == u'='))
        return false;
    const QString name = argument.left(eq).trimmed();
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_';
    });
}

} // namespace

QString MigrationOpText::sqlType(const QString& typeAsWritten)
{
    QString written = typeAsWritten.trimmed();
    if (written.isEmpty())
        return written;
    // callee(args) or callee, where callee is a dotted name
    qsizetype open = written.indexOf(u'(');
    QStringView callee = QStringView(written).left(open < 0 ? written.size() : open).trimmed();
    QStringList args;
    if (open >= 0) {
        if (!written.endsWith(u')'))
            return written;
        if (!splitArguments(QStringView(written).mid(open + 1, written.size() - open - 2), &args))
            return written;
    }
    for (QChar c : callee) {
        if (!c.isLetterOrNumber() && c != u'_' && c != u'.')
            return written;
    }
    const QStringView name = callee.mid(callee.lastIndexOf(u'.') + 1);
    if (name.isEmpty())
        return written;
    // Positional argument i, or keyword `key`.
    auto arg = [&](int i, QLatin1StringView key) -> QString {
        for (const QString& a : std::as_const(args)) {
            if (a.startsWith(key) && a.mid(key.size()).trimmed().startsWith(u'='))
                return a.mid(a.indexOf(u'=') + 1).trimmed();
        }
        int positional = 0;
        for (const QString& a : std::as_const(args)) {
            if (isKeyword(a))
                continue;
            if (positional++ == i)
                return a;
        }
        return {};
    };
    auto withLength = [&](const QString& sql, const QString& length) {
        return length.isEmpty() || length == u"None" ? sql : sql + u'(' + length + u')';
    };
    static const QHash<QString, QString> plain = {
        {QStringLiteral("Integer"), QStringLiteral("INTEGER")},
        {QStringLiteral("INTEGER"), QStringLiteral("INTEGER")},
        {QStringLiteral("INT"), QStringLiteral("INTEGER")},
        {QStringLiteral("BigInteger"), QStringLiteral("BIGINT")},
        {QStringLiteral("BIGINT"), QStringLiteral("BIGINT")},
        {QStringLiteral("SmallInteger"), QStringLiteral("SMALLINT")},
        {QStringLiteral("SMALLINT"), QStringLiteral("SMALLINT")},
        {QStringLiteral("Text"), QStringLiteral("TEXT")},
        {QStringLiteral("TEXT"), QStringLiteral("TEXT")},
        {QStringLiteral("UnicodeText"), QStringLiteral("TEXT")},
        {QStringLiteral("Boolean"), QStringLiteral("BOOLEAN")},
        {QStringLiteral("BOOLEAN"), QStringLiteral("BOOLEAN")},
        {QStringLiteral("Date"), QStringLiteral("DATE")},
        {QStringLiteral("DATE"), QStringLiteral("DATE")},
        {QStringLiteral("Time"), QStringLiteral("TIME")},
        {QStringLiteral("TIME"), QStringLiteral("TIME")},
        {QStringLiteral("Interval"), QStringLiteral("INTERVAL")},
        {QStringLiteral("Enum"), QStringLiteral("ENUM")},
        {QStringLiteral("ENUM"), QStringLiteral("ENUM")},
        {QStringLiteral("JSON"), QStringLiteral("JSON")},
        {QStringLiteral("JSONB"), QStringLiteral("JSONB")},
        {QStringLiteral("LargeBinary"), QStringLiteral("BLOB")},
        {QStringLiteral("BLOB"), QStringLiteral("BLOB")},
        {QStringLiteral("Uuid"), QStringLiteral("UUID")},
        {QStringLiteral("UUID"), QStringLiteral("UUID")},
        {QStringLiteral("Double"), QStringLiteral("DOUBLE")},
        {QStringLiteral("REAL"), QStringLiteral("REAL")},
        {QStringLiteral("INET"), QStringLiteral("INET")},
        {QStringLiteral("BYTEA"), QStringLiteral("BYTEA")},
    };
    const QString key = name.toString();
    if (const auto it = plain.constFind(key); it != plain.constEnd())
        return it.value();
    if (key == u"String" || key == u"Unicode" || key == u"VARCHAR" || key == u"NVARCHAR")
        return withLength(QStringLiteral("VARCHAR"), arg(0, QLatin1StringView("length")));
    if (key == u"CHAR" || key == u"NCHAR")
        return withLength(QStringLiteral("CHAR"), arg(0, QLatin1StringView("length")));
    if (key == u"Float" || key == u"FLOAT")
        return withLength(QStringLiteral("FLOAT"), arg(0, QLatin1StringView("precision")));
    if (key == u"Numeric" || key == u"NUMERIC" || key == u"DECIMAL") {
        const QString precision = arg(0, QLatin1StringView("precision"));
        const QString scale = arg(1, QLatin1StringView("scale"));
        QString sql = key == u"DECIMAL" ? QStringLiteral("DECIMAL") : QStringLiteral("NUMERIC");
        if (!precision.isEmpty() && precision != u"None")
            sql += scale.isEmpty() || scale == u"None"
                       ? u'(' + precision + u')'
                       : u'(' + precision + QStringLiteral(", ") + scale + u')';
        return sql;
    }
    if (key == u"DateTime" || key == u"DATETIME" || key == u"TIMESTAMP") {
        if (arg(0, QLatin1StringView("timezone")) == u"True")
            return QStringLiteral("TIMESTAMP WITH TIME ZONE");
        return key == u"TIMESTAMP" ? QStringLiteral("TIMESTAMP") : QStringLiteral("DATETIME");
    }
    if (key == u"ARRAY" && !args.isEmpty()) {
        const QString item = sqlType(args.first());
        return item == args.first() ? written : item + QStringLiteral("[]");
    }
    return written;
}

QString MigrationOpText::describeColumn(const ColumnSpec& column)
{
    QStringList parts;
    if (!column.type.isEmpty())
        parts.append(sqlType(column.type));
    parts.append(column.effectiveNullable() ? tr("nullable") : tr("not null"));
    if (column.primaryKey)
        parts.append(tr("primary key"));
    if (!column.serverDefault.isEmpty())
        parts.append(tr("default %1").arg(column.serverDefault));
    if (!column.foreignKey.isEmpty())
        parts.append(tr("references %1").arg(column.foreignKey));
    return parts.join(QStringLiteral(", "));
}

QString MigrationOpText::describe(const MigrationOp& op)
{
    using Kind = MigrationOp::Kind;
    const QString table = qualified(op);
    const QString name = op.name.isEmpty() ? tr("(unnamed)") : op.name;
    const QString columns = op.columnNames.join(QStringLiteral(", "));
    switch (op.kind) {
    case Kind::CreateTable: {
        QStringList cols;
        for (const ColumnSpec& c : op.columns) {
            QString text = c.name;
            if (!c.type.isEmpty())
                text += u' ' + sqlType(c.type);
            if (c.primaryKey)
                text += u' ' + tr("primary key");
            else if (!c.effectiveNullable())
                text += u' ' + tr("not null");
            cols.append(text);
        }
        if (cols.isEmpty())
            return tr("Creates table `%1`").arg(table);
        return tr("Creates table `%1` (%2)").arg(table, cols.join(QStringLiteral(", ")));
    }
    case Kind::DropTable:
        return tr("Drops table `%1`").arg(table);
    case Kind::RenameTable:
        return tr("Renames table `%1` to `%2`").arg(table, op.newName);
    case Kind::AddColumn:
        return tr("Adds column `%1.%2` %3")
            .arg(table, op.column,
                 op.columns.isEmpty() ? QString() : describeColumn(op.columns.first()))
            .trimmed(); // no column read: no trailing space
    case Kind::DropColumn:
        return tr("Drops column `%1.%2`").arg(table, op.column);
    case Kind::AlterColumn: {
        QStringList changes;
        if (!op.newName.isEmpty())
            changes.append(tr("renamed to `%1`").arg(op.newName));
        if (op.newType) {
            changes.append(op.existingType.isEmpty()
                               ? tr("type -> %1").arg(sqlType(*op.newType))
                               : tr("type %1 -> %2").arg(sqlType(op.existingType),
                                                         sqlType(*op.newType)));
        }
        if (op.newNullable)
            changes.append(*op.newNullable ? tr("nullable") : tr("not null"));
        if (op.newServerDefault) {
            changes.append(*op.newServerDefault == u"None"
                               ? tr("no server default")
                               : tr("server default %1").arg(*op.newServerDefault));
        }
        if (op.comment)
            changes.append(op.comment->isNull() ? tr("no comment")
                                                : tr("comment \"%1\"").arg(*op.comment));
        if (changes.isEmpty())
            changes.append(tr("no change Retort can see"));
        return tr("Changes column `%1.%2`: %3")
            .arg(table, op.column, changes.join(QStringLiteral(", ")));
    }
    case Kind::CreateIndex:
        return (op.unique ? tr("Creates unique index `%1` on `%2` (%3)")
                          : tr("Creates index `%1` on `%2` (%3)"))
            .arg(name, table, columns);
    case Kind::DropIndex:
        return op.table.isEmpty() ? tr("Drops index `%1`").arg(name)
                                  : tr("Drops index `%1` on `%2`").arg(name, table);
    case Kind::CreateForeignKey:
        return tr("Adds foreign key `%1` on `%2` (%3) to `%4` (%5)")
            .arg(name, table, columns, op.referentTable,
                 op.referentColumns.join(QStringLiteral(", ")));
    case Kind::CreateUniqueConstraint:
        return tr("Adds unique constraint `%1` on `%2` (%3)").arg(name, table, columns);
    case Kind::CreateCheckConstraint:
        return tr("Adds check constraint `%1` on `%2`: %3").arg(name, table, shortened(op.sql));
    case Kind::CreatePrimaryKey:
        return tr("Adds primary key `%1` on `%2` (%3)").arg(name, table, columns);
    case Kind::DropConstraint: {
        const QString type = op.constraintType;
        if (type == u"foreignkey")
            return tr("Drops foreign key `%1` on `%2`").arg(name, table);
        if (type == u"unique")
            return tr("Drops unique constraint `%1` on `%2`").arg(name, table);
        if (type == u"check")
            return tr("Drops check constraint `%1` on `%2`").arg(name, table);
        if (type == u"primary")
            return tr("Drops primary key `%1` on `%2`").arg(name, table);
        return tr("Drops constraint `%1` on `%2`").arg(name, table);
    }
    case Kind::CreateTableComment:
        return tr("Sets the comment of table `%1`: \"%2\"")
            .arg(table, shortened(op.comment.value_or(QString())));
    case Kind::DropTableComment:
        return tr("Removes the comment of table `%1`").arg(table);
    case Kind::BulkInsert:
        if (op.rows >= 0)
            return tr("Inserts %n row(s) into `%1`", nullptr, op.rows).arg(table);
        return tr("Inserts rows into `%1`").arg(table);
    case Kind::Execute:
        if (!op.sqlIsLiteral) // a name, an f-string, a statement built in Python
            return tr("Runs SQL Retort does not read: `%1`").arg(shortened(op.sql));
        return tr("Runs raw SQL: %1").arg(shortened(op.sql));
    case Kind::NotRead:
        break;
    }
    return tr("Not read: %1 (line %2)").arg(op.why).arg(op.line);
}

} // namespace retort
