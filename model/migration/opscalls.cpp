// The arguments of each alembic operation, read from literals only.
#include "model/migration/opsstatement.h"

namespace retort::opsread {

namespace {

using Shape = LineTokens::Shape;
using Params = QList<const char*>;

const QHash<QString, Params>& plainParameters()
{
    // alembic 1.8's signatures: they take more arguments positionally than today's, which
    // made some of them keyword-only; a script written for either reads the same.
    static const QHash<QString, Params> params = {
        {QStringLiteral("create_table"), {"table_name"}},
        {QStringLiteral("drop_table"), {"table_name", "schema"}},
        {QStringLiteral("rename_table"), {"old_table_name", "new_table_name", "schema"}},
        {QStringLiteral("add_column"), {"table_name", "column", "schema"}},
        {QStringLiteral("drop_column"), {"table_name", "column_name", "schema"}},
        {QStringLiteral("alter_column"),
         {"table_name", "column_name", "nullable", "comment", "server_default",
          "new_column_name", "type_", "existing_type", "existing_server_default",
          "existing_nullable", "existing_comment", "schema"}},
        {QStringLiteral("create_index"),
         {"index_name", "table_name", "columns", "schema", "unique"}},
        {QStringLiteral("drop_index"), {"index_name", "table_name", "schema"}},
        {QStringLiteral("create_foreign_key"),
         {"constraint_name", "source_table", "referent_table", "local_cols", "remote_cols",
          "onupdate", "ondelete", "deferrable", "initially", "match", "source_schema",
          "referent_schema"}},
        {QStringLiteral("create_unique_constraint"),
         {"constraint_name", "table_name", "columns", "schema"}},
        {QStringLiteral("create_check_constraint"),
         {"constraint_name", "table_name", "condition", "schema"}},
        {QStringLiteral("create_primary_key"),
         {"constraint_name", "table_name", "columns", "schema"}},
        {QStringLiteral("drop_constraint"), {"constraint_name", "table_name", "type_", "schema"}},
        {QStringLiteral("create_table_comment"),
         {"table_name", "comment", "existing_comment", "schema"}},
        {QStringLiteral("drop_table_comment"), {"table_name", "existing_comment", "schema"}},
        {QStringLiteral("bulk_insert"), {"table", "rows", "multiinsert"}},
        {QStringLiteral("execute"), {"sqltext", "execution_options"}},
    };
    return params;
}

const QHash<QString, Params>& batchParameters()
{
    static const QHash<QString, Params> params = {
        {QStringLiteral("add_column"), {"column", "insert_before", "insert_after"}},
        {QStringLiteral("drop_column"), {"column_name"}},
        {QStringLiteral("alter_column"),
         {"column_name", "nullable", "comment", "server_default", "new_column_name", "type_",
          "existing_type", "existing_server_default", "existing_nullable", "existing_comment",
          "insert_before", "insert_after"}},
        {QStringLiteral("create_index"), {"index_name", "columns"}},
        {QStringLiteral("drop_index"), {"index_name"}},
        {QStringLiteral("create_foreign_key"),
         {"constraint_name", "referent_table", "local_cols", "remote_cols", "referent_schema",
          "onupdate", "ondelete", "deferrable", "initially", "match"}},
        {QStringLiteral("create_unique_constraint"), {"constraint_name", "columns"}},
        {QStringLiteral("create_check_constraint"), {"constraint_name", "condition"}},
        {QStringLiteral("create_primary_key"), {"constraint_name", "columns"}},
        {QStringLiteral("drop_constraint"), {"constraint_name", "type_"}},
        {QStringLiteral("create_table_comment"), {"comment", "existing_comment"}},
        {QStringLiteral("drop_table_comment"), {}},
        {QStringLiteral("execute"), {"sqltext", "execution_options"}},
    };
    return params;
}

QLatin1StringView name(const char* param)
{
    return QLatin1StringView(param);
}

} // namespace

const QList<const char*>* OpCallReader::parameters(const QString& opName, bool batch)
{
    const QHash<QString, Params>& table = batch ? batchParameters() : plainParameters();
    const auto it = table.constFind(opName);
    return it == table.constEnd() ? nullptr : &it.value();
}

bool OpCallReader::fail(const QString& why)
{
    if (m_why.isEmpty())
        m_why = why;
    return false;
}

bool OpCallReader::nonLiteral(const QString& what, Span s)
{
    const Shape shape = m_t.shape(s);
    if (shape == Shape::Name)
        return fail(tr("`%1` takes %2 from `%3`, which is defined elsewhere")
                        .arg(m_call, what, m_t.source(m_t.unwrap(s))));
    return fail(tr("`%1` takes %2 from `%3`, which Retort does not evaluate")
                    .arg(m_call, what, m_t.source(s, 60)));
}

bool OpCallReader::string(const BoundArgs& args, const char* param, QString* out,
                          bool required, bool allowNone)
{
    const std::optional<Span> s = args.get(name(param));
    if (!s) {
        if (required)
            return fail(tr("`%1` is called without %2").arg(m_call, name(param)));
        return true;
    }
    if (std::optional<QString> value = m_t.stringValue(*s)) {
        *out = std::move(*value);
        return true;
    }
    if (allowNone && m_t.shape(*s) == Shape::None)
        return true;
    return nonLiteral(name(param), *s);
}

bool OpCallReader::strings(const BoundArgs& args, const char* param, QStringList* out)
{
    const std::optional<Span> s = args.get(name(param));
    if (!s)
        return fail(tr("`%1` is called without %2").arg(m_call, name(param)));
    QList<Span> items;
    if (!m_t.sequence(m_t.unwrap(*s), &items))
        return nonLiteral(name(param), *s);
    for (const Span& item : items) {
        if (std::optional<QString> value = m_t.stringValue(item))
            out->append(*value);
        else if (m_t.shape(item) == Shape::Name)
            return nonLiteral(name(param), item);
        else
            out->append(m_t.source(item, 80)); // an expression of an index: as written
    }
    return true;
}

bool OpCallReader::flag(const BoundArgs& args, const char* param, std::optional<bool>* out)
{
    const std::optional<Span> s = args.get(name(param));
    if (!s)
        return true;
    if (m_t.shape(*s) == Shape::None) {
        out->reset();
        return true;
    }
    if (const std::optional<bool> value = m_t.boolValue(*s)) {
        *out = value;
        return true;
    }
    return nonLiteral(name(param), *s);
}

bool OpCallReader::column(Span s, ColumnSpec* column)
{
    Span callee;
    QList<Arg> args;
    if (!m_t.call(s, &callee, &args) || m_t.lastName(callee) != u"Column")
        return nonLiteral(QStringLiteral("column"), s);
    QList<Span> positional;
    BoundArgs kw;
    for (const Arg& a : std::as_const(args)) {
        if (a.stars > 0)
            return fail(tr("`%1` is called with arguments unpacked from `%2`")
                            .arg(m_call, m_t.source(a.value, 60)));
        if (a.keyword.isEmpty())
            positional.append(a.value);
        else
            kw.named.append({a.keyword.toString(), a.value});
    }
    qsizetype next = 0;
    if (kw.get(name("name"))) {
        if (!string(kw, "name", &column->name))
            return false;
    } else if (!positional.isEmpty() && m_t.stringValue(positional.first())) {
        column->name = *m_t.stringValue(positional.first());
        next = 1;
    } else if (!positional.isEmpty() && m_t.shape(positional.first()) == Shape::Name) {
        return nonLiteral(tr("the name of a column"), positional.first());
    } else {
        return fail(tr("`%1`: a column without a name Retort can read: `%2`")
                        .arg(m_call, m_t.source(s, 60)));
    }
    for (; next < positional.size(); ++next) {
        const Span p = positional.at(next);
        Span itemCallee;
        QList<Arg> itemArgs;
        if (m_t.call(p, &itemCallee, &itemArgs)) {
            const QStringView item = m_t.lastName(itemCallee);
            if (item == u"ForeignKey") {
                if (!itemArgs.isEmpty() && itemArgs.first().keyword.isEmpty())
                    column->foreignKey = m_t.stringValue(itemArgs.first().value).value_or(QString());
                continue;
            }
            if (item == u"Sequence" || item == u"Identity" || item == u"Computed" ||
                item == u"DefaultClause" || item == u"FetchedValue" || item.endsWith(u"Constraint"))
                continue;
        }
        if (column->type.isEmpty())
            column->type = m_t.source(p, 200);
    }
    if (const std::optional<Span> type = kw.get(name("type_")))
        column->type = m_t.source(*type, 200);
    std::optional<bool> primaryKey;
    if (!flag(kw, "nullable", &column->nullable) || !flag(kw, "primary_key", &primaryKey))
        return false;
    column->primaryKey = primaryKey.value_or(false);
    if (const std::optional<Span> def = kw.get(name("server_default")))
        column->serverDefault = m_t.source(*def, 200);
    return true;
}

bool OpCallReader::createTable(const BoundArgs& args)
{
    if (!string(args, "table_name", &m_op->table))
        return false;
    if (args.get(name("comment"))) {
        QString comment;
        if (!string(args, "comment", &comment, true, true))
            return false;
        m_op->comment = comment;
    }
    QStringList primaryKey;
    QList<QPair<QString, QString>> foreignKeys;
    for (const Span& item : args.extra) {
        Span callee;
        QList<Arg> itemArgs;
        if (!m_t.call(item, &callee, &itemArgs)) {
            if (m_t.shape(item) == Shape::Name)
                return fail(tr("`%1` takes a column from `%2`, which is defined elsewhere")
                                .arg(m_call, m_t.source(item)));
            return fail(tr("`%1` takes a column from `%2`, which Retort does not evaluate")
                            .arg(m_call, m_t.source(item, 60)));
        }
        const QStringView what = m_t.lastName(callee);
        if (what == u"Column") {
            ColumnSpec column;
            if (!this->column(item, &column))
                return false;
            m_op->columns.append(column);
        } else if (what == u"PrimaryKeyConstraint") {
            for (const Arg& a : std::as_const(itemArgs)) {
                if (!a.keyword.isEmpty())
                    continue;
                const std::optional<QString> col = a.stars ? std::nullopt : m_t.stringValue(a.value);
                if (!col)
                    return nonLiteral(tr("a primary key column"), a.value);
                primaryKey.append(*col);
            }
        } else if (what == u"ForeignKeyConstraint") {
            const BoundArgs fk = bindArgs(m_t, itemArgs, {"columns", "refcolumns"});
            QStringList local, remote;
            OpCallReader quiet(m_t, m_call, m_op);
            if (quiet.strings(fk, "columns", &local) && quiet.strings(fk, "refcolumns", &remote) &&
                local.size() == remote.size()) {
                for (qsizetype i = 0; i < local.size(); ++i)
                    foreignKeys.append({local.at(i), remote.at(i)});
            }
        } else if (!what.endsWith(u"Constraint") && what != u"Index") {
            return fail(tr("`%1` takes `%2`, which Retort does not read as a column")
                            .arg(m_call, m_t.source(item, 60)));
        }
    }
    for (ColumnSpec& column : m_op->columns) {
        if (primaryKey.contains(column.name))
            column.primaryKey = true;
        for (const auto& [local, remote] : std::as_const(foreignKeys)) {
            if (local == column.name && column.foreignKey.isEmpty())
                column.foreignKey = remote;
        }
    }
    return true;
}

bool OpCallReader::alterColumn(const BoundArgs& args)
{
    if (!string(args, "column_name", &m_op->column))
        return false;
    std::optional<bool> nullable;
    if (!flag(args, "nullable", &nullable) || !flag(args, "existing_nullable", &m_op->existingNullable))
        return false;
    m_op->newNullable = nullable;
    if (const std::optional<Span> type = args.get(name("type_"));
        type && m_t.shape(*type) != Shape::None)
        m_op->newType = m_t.source(*type, 200);
    if (const std::optional<Span> type = args.get(name("existing_type"));
        type && m_t.shape(*type) != Shape::None)
        m_op->existingType = m_t.source(*type, 200);
    // server_default=False (alembic's default) changes nothing; None drops the default.
    if (const std::optional<Span> def = args.get(name("server_default"));
        def && m_t.shape(*def) != Shape::False)
        m_op->newServerDefault = m_t.source(*def, 200);
    if (const std::optional<Span> comment = args.get(name("comment"));
        comment && m_t.shape(*comment) != Shape::False) {
        QString text;
        if (!string(args, "comment", &text, true, true))
            return false;
        m_op->comment = text;
    }
    return string(args, "new_column_name", &m_op->newName, false, true);
}

bool OpCallReader::read(const QString& opName, const BoundArgs& args, bool batch)
{
    if (args.tooMany)
        return fail(tr("`%1` is called with more arguments than alembic takes").arg(m_call));
    if (!args.unpacked.isEmpty())
        return fail(tr("`%1` is called with arguments unpacked from `%2`")
                        .arg(m_call, args.unpacked));
    if (!batch && !string(args, "schema", &m_op->schema, false, true))
        return false;
    using Kind = MigrationOp::Kind;
    MigrationOp& op = *m_op;
    const bool table = !batch; // the table is an argument (else the batch's)
    switch (op.kind) {
    case Kind::CreateTable:
        return createTable(args);
    case Kind::DropTable:
    case Kind::DropTableComment:
        return string(args, "table_name", &op.table);
    case Kind::RenameTable:
        return string(args, "old_table_name", &op.table) &&
               string(args, "new_table_name", &op.newName);
    case Kind::AddColumn: {
        ColumnSpec column;
        const std::optional<Span> s = args.get(name("column"));
        if ((table && !string(args, "table_name", &op.table)) ||
            (!s && !fail(tr("`%1` is called without %2").arg(m_call, name("column")))) ||
            !this->column(*s, &column))
            return false;
        op.column = column.name;
        op.columns = {column};
        return true;
    }
    case Kind::DropColumn:
        return (!table || string(args, "table_name", &op.table)) &&
               string(args, "column_name", &op.column);
    case Kind::AlterColumn:
        return (!table || string(args, "table_name", &op.table)) && alterColumn(args);
    case Kind::CreateIndex: {
        std::optional<bool> unique;
        if (!string(args, "index_name", &op.name, true, true) ||
            (table && !string(args, "table_name", &op.table)) ||
            !strings(args, "columns", &op.columnNames) || !flag(args, "unique", &unique))
            return false;
        op.unique = unique.value_or(false);
        return true;
    }
    case Kind::DropIndex:
        return string(args, "index_name", &op.name) &&
               (!table || string(args, "table_name", &op.table, false, true));
    case Kind::CreateForeignKey:
        return string(args, "constraint_name", &op.name, true, true) &&
               (!table || string(args, "source_table", &op.table)) &&
               string(args, "referent_table", &op.referentTable) &&
               strings(args, "local_cols", &op.columnNames) &&
               strings(args, "remote_cols", &op.referentColumns) &&
               (!table || string(args, "source_schema", &op.schema, false, true));
    case Kind::CreateUniqueConstraint:
    case Kind::CreatePrimaryKey:
        return string(args, "constraint_name", &op.name, true, true) &&
               (!table || string(args, "table_name", &op.table)) &&
               strings(args, "columns", &op.columnNames);
    case Kind::CreateCheckConstraint: {
        if (!string(args, "constraint_name", &op.name, true, true) ||
            (table && !string(args, "table_name", &op.table)))
            return false;
        const std::optional<Span> condition = args.get(name("condition"));
        if (!condition)
            return fail(tr("`%1` is called without %2").arg(m_call, name("condition")));
        const std::optional<QString> value = m_t.stringValue(*condition);
        op.sqlIsLiteral = value.has_value();
        op.sql = value ? *value : m_t.source(*condition, 200);
        return true;
    }
    case Kind::DropConstraint:
        return string(args, "constraint_name", &op.name) &&
               (!table || string(args, "table_name", &op.table)) &&
               string(args, "type_", &op.constraintType, false, true);
    case Kind::CreateTableComment: {
        QString comment;
        if ((table && !string(args, "table_name", &op.table)) ||
            !string(args, "comment", &comment, true, true))
            return false;
        op.comment = comment;
        return true;
    }
    case Kind::Execute: {
        const std::optional<Span> sql = args.get(name("sqltext"));
        if (!sql)
            return fail(tr("`%1` is called without %2").arg(m_call, name("sqltext")));
        const std::optional<QString> value = m_t.stringValue(*sql);
        op.sqlIsLiteral = value.has_value();
        op.sql = value ? *value : m_t.source(*sql, 200);
        return true;
    }
    case Kind::BulkInsert:
    case Kind::NotRead:
        break;
    }
    return fail(tr("`%1` is an operation Retort does not read").arg(m_call));
}

} // namespace retort::opsread
