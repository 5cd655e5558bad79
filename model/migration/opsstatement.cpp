// One statement of an upgrade() or downgrade() body: an operation, a binding the reader
// follows (`conn = op.get_bind()`, `t = sa.table(...)`), nothing, or "not read".
#include "model/migration/opsstatement.h"

namespace retort::opsread {

namespace {

using Shape = LineTokens::Shape;

constexpr int kSourceLimit = 120;

MigrationOp::Kind kindOf(const QString& name)
{
    using Kind = MigrationOp::Kind;
    for (int k = int(Kind::CreateTable); k < int(Kind::NotRead); ++k) {
        if (MigrationOp::opName(Kind(k)) == name)
            return Kind(k);
    }
    return Kind::NotRead;
}

// `op.get_bind()` exactly, at [b, b + 5).
bool isGetBind(const LineTokens& t, int b, int e)
{
    return e - b >= 5 && t.at(b).isName(QLatin1StringView("op")) && t.at(b + 1).op == u'.' &&
           t.at(b + 2).isName(QLatin1StringView("get_bind")) && t.at(b + 3).op == u'(' &&
           t.at(b + 4).op == u')';
}

} // namespace

MigrationOp StatementReader::notRead(const LineTokens& t, Span s, int line, const QString& why)
{
    MigrationOp op;
    op.kind = MigrationOp::Kind::NotRead;
    op.line = line;
    op.why = why;
    op.source = t.source(s, kSourceLimit);
    return op;
}

StatementReader::Outcome StatementReader::statement(const LineTokens& t, Span s,
                                                    const QList<BatchAlias>& batches,
                                                    QList<MigrationOp>* ops, QString* raised)
{
    if (s.empty())
        return Outcome::Nothing;
    const PyToken& first = t.at(s.b);
    const int line = first.line;
    switch (t.shape(s)) {
    case Shape::String:
    case Shape::Bytes:
    case Shape::Number:
    case Shape::Ellipsis:
    case Shape::None:
    case Shape::True:
    case Shape::False:
        return Outcome::Nothing; // a docstring, `...`: nothing runs
    default:
        break;
    }
    if (first.kind == PyToken::Kind::Name) {
        const QStringView word = first.text;
        if (word == u"pass" && s.size() == 1)
            return Outcome::Nothing;
        if (word == u"raise") {
            Span what{s.b + 1, s.e};
            for (int i = what.b; i < what.e; ++i) {
                if (t.at(i).isName(QLatin1StringView("from"))) {
                    what.e = i;
                    break;
                }
                if (t.match(i) > i)
                    i = t.match(i);
            }
            Span callee;
            QList<Arg> args;
            if (what.empty())
                *raised = QStringLiteral("raise");
            else if (t.call(what, &callee, &args))
                *raised = t.source(callee);
            else
                *raised = t.source(what, 60);
            return Outcome::Raise;
        }
        QString why;
        if (word == u"return")
            why = tr("a return statement");
        else if (word == u"import" || word == u"from")
            why = tr("an import");
        else if (word == u"del" || word == u"assert" || word == u"global" ||
                 word == u"nonlocal" || word == u"break" || word == u"continue")
            why = tr("a `%1` statement").arg(word);
        if (!why.isEmpty()) {
            ops->append(notRead(t, s, line, why));
            return Outcome::Ops;
        }
    }
    const int equals = t.findTopLevel(s, u'=');
    if (equals < s.e) {
        assignment(t, s, equals, batches, ops);
        return Outcome::Ops;
    }
    for (int i = s.b; i < s.e; ++i) {
        const PyToken& tok = t.at(i);
        if (t.match(i) > i) {
            i = t.match(i);
        } else if (tok.kind == PyToken::Kind::Op && tok.text.size() >= 2 &&
                   tok.text.endsWith(u'=') && tok.text != u"==" && tok.text != u"!=" &&
                   tok.text != u"<=" && tok.text != u">=" && tok.text != u":=") {
            ops->append(notRead(t, s, line,
                                tr("an assignment to `%1`").arg(t.source({s.b, i}, 60))));
            return Outcome::Ops;
        }
    }
    expression(t, s, batches, ops);
    return Outcome::Ops;
}

void StatementReader::expression(const LineTokens& t, Span s, const QList<BatchAlias>& batches,
                                 QList<MigrationOp>* ops)
{
    const int line = t.at(s.b).line;
    Span callee;
    QList<Arg> args;
    // op.get_bind().execute(...)
    if (isGetBind(t, s.b, s.e) && s.e - s.b > 7 && t.at(s.b + 5).op == u'.' &&
        t.call({s.b + 6, s.e}, &callee, &args) && callee.size() == 1) {
        const QString method = t.source(callee);
        if (method == u"execute" || method == u"exec_driver_sql") {
            ops->append(execute(t, s, QStringLiteral("op.get_bind().") + method, args));
            return;
        }
    }
    if (!t.call(s, &callee, &args)) {
        ops->append(notRead(t, s, line, tr("an expression: `%1`").arg(t.source(s, 60))));
        return;
    }
    const QString name = t.dottedName(callee);
    if (callee.size() == 3) {
        const QString object = t.at(callee.b).text.toString();
        const QString method = t.at(callee.b + 2).text.toString();
        if (object == u"op") {
            ops->append(opCall(t, s, method, args, nullptr));
            return;
        }
        for (qsizetype i = batches.size() - 1; i >= 0; --i) {
            if (!batches.at(i).alias.isEmpty() && batches.at(i).alias == object) {
                ops->append(opCall(t, s, method, args, &batches.at(i)));
                return;
            }
        }
        if (m_connections.contains(object) &&
            (method == u"execute" || method == u"exec_driver_sql")) {
            ops->append(execute(t, s, name, args));
            return;
        }
    }
    ops->append(notRead(t, s, line, tr("a call of `%1`").arg(name)));
}

MigrationOp StatementReader::execute(const LineTokens& t, Span s, const QString& callName,
                                     const QList<Arg>& args) const
{
    MigrationOp op;
    op.kind = MigrationOp::Kind::Execute;
    op.line = t.at(s.b).line;
    op.source = t.source(s, kSourceLimit);
    OpCallReader reader(t, callName, &op);
    const BoundArgs bound = bindArgs(t, args, {"sqltext", "parameters", "execution_options"});
    if (!reader.read(QStringLiteral("execute"), bound, true))
        return notRead(t, s, op.line, reader.why());
    return op;
}

MigrationOp StatementReader::opCall(const LineTokens& t, Span s, const QString& name,
                                    const QList<Arg>& args, const BatchAlias* batch) const
{
    const int line = t.at(s.b).line;
    const QString callName = (batch ? batch->alias : QStringLiteral("op")) + u'.' + name;
    MigrationOp op;
    op.kind = kindOf(name);
    op.line = line;
    op.source = t.source(s, kSourceLimit);
    if (batch) {
        op.table = batch->table;
        op.schema = batch->schema;
        op.batchTable = batch->table;
    }
    auto notReadHere = [&](const QString& why) {
        MigrationOp n = notRead(t, s, line, why);
        n.batchTable = op.batchTable;
        return n;
    };
    const QList<const char*>* params = OpCallReader::parameters(name, batch != nullptr);
    if (op.kind == MigrationOp::Kind::NotRead || !params) {
        if (name == u"batch_alter_table" && !batch)
            return notReadHere(tr("`%1` outside a with statement").arg(callName));
        return notReadHere(tr("`%1` is an operation Retort does not read").arg(callName));
    }
    const BoundArgs bound = bindArgs(t, args, *params, op.kind == MigrationOp::Kind::CreateTable);
    OpCallReader reader(t, callName, &op);
    if (op.kind == MigrationOp::Kind::BulkInsert) {
        QString why;
        const std::optional<Span> table = bound.get(QLatin1StringView("table"));
        if (bound.tooMany || !bound.unpacked.isEmpty())
            reader.read(name, bound, false); // says why
        if (!reader.why().isEmpty())
            return notReadHere(reader.why());
        if (!table)
            return notReadHere(tr("`%1` is called without %2").arg(callName, u"table"));
        if (t.shape(*table) == Shape::Name) {
            const QString tableName = t.source(*table);
            const auto bound = m_tables.constFind(tableName);
            if (bound == m_tables.constEnd())
                return notReadHere(tr("`%1` takes %2 from `%3`, which is defined elsewhere")
                                       .arg(callName, u"table", tableName));
            op.table = bound->first;
            op.schema = bound->second;
        } else if (!tableObject(t, *table, callName, &op.table, &op.schema, &why)) {
            return notReadHere(why);
        }
        QList<Span> rows;
        const std::optional<Span> rowsArg = bound.get(QLatin1StringView("rows"));
        if (rowsArg && t.shape(*rowsArg) == Shape::List && t.sequence(*rowsArg, &rows))
            op.rows = int(rows.size());
        return op;
    }
    if (!reader.read(name, bound, batch != nullptr))
        return notReadHere(reader.why());
    return op;
}

bool StatementReader::tableObject(const LineTokens& t, Span s, const QString& callName,
                                  QString* table, QString* schema, QString* why) const
{
    Span callee;
    QList<Arg> args;
    if (!t.call(s, &callee, &args) ||
        (t.lastName(callee) != u"table" && t.lastName(callee) != u"Table")) {
        *why = t.shape(s) == Shape::Name
                   ? tr("`%1` takes %2 from `%3`, which is defined elsewhere")
                         .arg(callName, u"table", t.source(s))
                   : tr("`%1` takes %2 from `%3`, which Retort does not evaluate")
                         .arg(callName, u"table", t.source(s, 60));
        return false;
    }
    QList<Arg> named;
    for (const Arg& a : std::as_const(args)) {
        if (a.stars == 0 && (a.keyword == u"name" || a.keyword == u"schema"))
            named.append(a);
    }
    if (!args.isEmpty() && args.first().keyword.isEmpty() && args.first().stars == 0)
        named.prepend(args.first());
    MigrationOp scratch;
    OpCallReader reader(t, t.dottedName(callee), &scratch);
    const BoundArgs bound = bindArgs(t, named, {"name"});
    if (!reader.string(bound, "name", table) ||
        !reader.string(bound, "schema", schema, false, true)) {
        *why = reader.why();
        return false;
    }
    return true;
}

void StatementReader::assignment(const LineTokens& t, Span s, int equals,
                                 const QList<BatchAlias>& batches, QList<MigrationOp>* ops)
{
    const int line = t.at(s.b).line;
    const Span value{equals + 1, s.e};
    // `name = ...` or `name: T = ...`
    QString target;
    if (t.at(s.b).kind == PyToken::Kind::Name && !PythonTokenizer::isKeyword(t.at(s.b).text) &&
        (equals == s.b + 1 || t.at(s.b + 1).op == u':'))
        target = t.at(s.b).text.toString();
    if (!target.isEmpty()) {
        m_connections.remove(target);
        m_tables.remove(target);
    }
    if (target.isEmpty() || t.findTopLevel(value, u'=') < value.e) {
        ops->append(notRead(t, s, line,
                            tr("an assignment to `%1`").arg(t.source({s.b, equals}, 60))));
        return;
    }
    if (isGetBind(t, value.b, value.e) && value.size() == 5) {
        m_connections.insert(target);
        return;
    }
    Span callee;
    QList<Arg> args;
    if (t.call(value, &callee, &args)) {
        if (callee.size() == 3 && t.at(callee.b).isName(QLatin1StringView("op"))) {
            const MigrationOp op =
                opCall(t, s, t.at(callee.b + 2).text.toString(), args, nullptr);
            ops->append(op);
            if (op.kind == MigrationOp::Kind::CreateTable)
                m_tables.insert(target, {op.table, op.schema});
            return;
        }
        const QStringView what = t.lastName(callee);
        if (what == u"table" || what == u"Table") {
            QString table, schema, why;
            if (tableObject(t, value, t.dottedName(callee), &table, &schema, &why)) {
                m_tables.insert(target, {table, schema});
                return;
            }
            ops->append(notRead(t, s, line, why));
            return;
        }
    }
    Q_UNUSED(batches);
    ops->append(notRead(t, s, line, tr("an assignment to `%1`").arg(target)));
}

bool StatementReader::batchHeader(const LineTokens& t, Span s, QList<BatchAlias>* opened,
                                  QString* why) const
{
    const QList<Span> items = t.split(s);
    for (const Span& item : items) {
        int as = item.e;
        for (int i = item.b; i < item.e; ++i) {
            if (t.at(i).isName(QLatin1StringView("as"))) {
                as = i;
                break;
            }
            if (t.match(i) > i)
                i = t.match(i);
        }
        Span callee;
        QList<Arg> args;
        if (!t.call({item.b, as}, &callee, &args) ||
            t.dottedName(callee) != u"op.batch_alter_table") {
            *why = tr("a with statement");
            return false;
        }
        BatchAlias batch;
        if (as < item.e) {
            if (as + 2 != item.e || t.at(as + 1).kind != PyToken::Kind::Name) {
                *why = tr("a with statement");
                return false;
            }
            batch.alias = t.at(as + 1).text.toString();
        }
        MigrationOp scratch;
        OpCallReader reader(t, QStringLiteral("op.batch_alter_table"), &scratch);
        const BoundArgs bound =
            bindArgs(t, args,
                     {"table_name", "schema", "recreate", "partial_reordering", "copy_from",
                      "table_args", "table_kwargs", "reflect_args", "reflect_kwargs",
                      "naming_convention"});
        if (bound.tooMany || !bound.unpacked.isEmpty()) {
            *why = tr("`%1` is called with arguments Retort cannot read")
                       .arg(QStringLiteral("op.batch_alter_table"));
            return false;
        }
        if (!reader.string(bound, "table_name", &batch.table) ||
            !reader.string(bound, "schema", &batch.schema, false, true)) {
            *why = reader.why();
            return false;
        }
        opened->append(batch);
    }
    return !opened->isEmpty();
}

} // namespace retort::opsread
