#pragma once

#include "model/migration/migrationops.h"
#include "model/migration/opsexpr.h"

#include <QHash>
#include <QSet>

namespace retort::opsread {

// An open `with op.batch_alter_table("t") as b:` block: calls of `b.*` are batch operations.
struct BatchAlias
{
    QString alias;
    QString table;
    QString schema;
};

// Reads the simple statements of one upgrade() or downgrade() body into operations. Keeps the
// names the body binds to `op.get_bind()` and to table objects (for bulk_insert).
class StatementReader
{
    Q_DECLARE_TR_FUNCTIONS(MigrationOpsReader)
public:
    enum class Outcome
    {
        Nothing, // pass, ..., a docstring: nothing runs
        Ops,     // operations (or a NotRead) appended
        Raise,   // `raise X`: `raised` says what
    };

    // One simple statement [s.b, s.e) of the line `t`, in the open batch blocks `batches`.
    Outcome statement(const LineTokens& t, Span s, const QList<BatchAlias>& batches,
                      QList<MigrationOp>* ops, QString* raised);
    // The header of a `with` statement up to its colon: the batch blocks it opens, or false
    // and `why` when it is anything else (then the whole statement is not read).
    bool batchHeader(const LineTokens& t, Span s, QList<BatchAlias>* opened, QString* why) const;

    // A NotRead operation for the statement `s` of `t` on `line`.
    static MigrationOp notRead(const LineTokens& t, Span s, int line, const QString& why);

private:
    void expression(const LineTokens& t, Span s, const QList<BatchAlias>& batches,
                    QList<MigrationOp>* ops);
    void assignment(const LineTokens& t, Span s, int equals, const QList<BatchAlias>& batches,
                    QList<MigrationOp>* ops);
    // A call of an operation, `op.<name>(...)` (batch == nullptr) or `b.<name>(...)`.
    // Returns the operation read: a NotRead when it cannot be read.
    MigrationOp opCall(const LineTokens& t, Span s, const QString& name, const QList<Arg>& args,
                       const BatchAlias* batch) const;
    MigrationOp execute(const LineTokens& t, Span s, const QString& callName,
                        const QList<Arg>& args) const;
    // A table object (`sa.table("t", ...)`, `sa.Table(...)`): its name and schema; false
    // with `why` when it is not one Retort can read.
    bool tableObject(const LineTokens& t, Span s, const QString& callName, QString* table,
                     QString* schema, QString* why) const;

    QSet<QString> m_connections;               // names bound to op.get_bind()
    QHash<QString, QPair<QString, QString>> m_tables; // name -> (table, schema)
};

// Reads alembic's op.* calls: one function per operation (opscalls.cpp).
class OpCallReader
{
    Q_DECLARE_TR_FUNCTIONS(MigrationOpsReader)
public:
    OpCallReader(const LineTokens& t, QString callName, MigrationOp* op)
        : m_t(t), m_call(std::move(callName)), m_op(op)
    {
    }

    // Fills the operation from the bound arguments; false (with `why()`) when an argument
    // Retort needs is not a literal.
    bool read(const QString& name, const BoundArgs& args, bool batch);
    QString why() const { return m_why; }

    // A column: `sa.Column("id", sa.Integer(), ...)`; false with `why()` when not readable.
    bool column(Span s, ColumnSpec* column);
    // The positional parameters of alembic's operation (1.8's order, which takes more of them
    // positionally than today's), batch form or not; nullptr for an unknown name.
    static const QList<const char*>* parameters(const QString& name, bool batch);

    // The string argument `param` (None allowed when `allowNone`: `out` is then unchanged).
    bool string(const BoundArgs& args, const char* param, QString* out, bool required = true,
                bool allowNone = false);

private:
    bool strings(const BoundArgs& args, const char* param, QStringList* out);
    bool flag(const BoundArgs& args, const char* param, std::optional<bool>* out);
    bool nonLiteral(const QString& what, Span s);
    bool fail(const QString& why);
    bool createTable(const BoundArgs& args);
    bool alterColumn(const BoundArgs& args);

    const LineTokens& m_t;
    QString m_call;
    MigrationOp* m_op;
    QString m_why;
};

} // namespace retort::opsread
