#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// One column as a migration writes it (`sa.Column("id", sa.Integer(), nullable=False,
// primary_key=True)`, or the column of `op.add_column`).
struct ColumnSpec
{
    QString name;
    QString type;                  // as written, e.g. "sa.String(length=8)"; empty when absent
    std::optional<bool> nullable;  // the nullable= argument as written; nullopt = not given
    bool primaryKey = false;       // primary_key=True
    QString serverDefault;         // server_default= as written (source text); empty if none
    QString foreignKey;            // sa.ForeignKey("t.c") target as written, if any

    // What SQLAlchemy makes of it: nullable unless primary key, when not given.
    bool effectiveNullable() const { return nullable.value_or(!primaryKey); }

    friend bool operator==(const ColumnSpec&, const ColumnSpec&) = default;
};

// One operation read from an upgrade() or downgrade() body, without running it. Only what
// is written as literals is read; everything else is an Op::NotRead with its line and why.
struct MigrationOp
{
    enum class Kind
    {
        CreateTable,
        DropTable,
        RenameTable,
        AddColumn,
        DropColumn,
        AlterColumn,
        CreateIndex,
        DropIndex,
        CreateForeignKey,
        CreateUniqueConstraint,
        CreateCheckConstraint,
        CreatePrimaryKey,
        DropConstraint,
        CreateTableComment,
        DropTableComment,
        BulkInsert,
        Execute,  // raw SQL (op.execute / op.get_bind().execute ...): shown, never interpreted
        NotRead,  // a statement Retort does not read (loop, helper call, condition, a name
                  // defined elsewhere...): `why` says what, `line` where
    };

    Kind kind = Kind::NotRead;
    int line = 0;           // 1-based line of the statement in the script
    QString table;          // the table (rename_table: the old name); empty when not known
    QString schema;         // schema= when given
    QString column;         // add_column / drop_column / alter_column: the column
    QString newName;        // rename_table: the new table name; alter_column: new_column_name
    QList<ColumnSpec> columns;  // create_table: its columns; add_column: the one column
    QString name;           // index or constraint name (drop_constraint, create_index...)
    QStringList columnNames;    // columns of an index or constraint, in order
    QString referentTable;  // create_foreign_key: the referenced table
    QStringList referentColumns;
    QString constraintType; // drop_constraint type_= ("foreignkey", "unique", ...), if given
    // alter_column's changes: set only when the call changes them.
    std::optional<QString> newType;          // type_=
    std::optional<bool> newNullable;         // nullable=
    std::optional<QString> newServerDefault; // server_default= (source text; "None" drops it)
    std::optional<QString> comment;          // comment= / create_table_comment's comment
    QString existingType;   // existing_type= (alter_column), as written; helps "narrowing"
    std::optional<bool> existingNullable;
    bool unique = false;    // create_index(unique=True)
    int rows = -1;          // bulk_insert: number of rows written as a literal list; -1 unknown
    QString sql;            // execute: the SQL string's value, or the argument's source text;
                            // create_check_constraint: its condition, the same way
    bool sqlIsLiteral = false; // execute, create_check_constraint: `sql` is a literal's value
    QString batchTable;     // non-empty when inside `with op.batch_alter_table(t) as b:`
    QString why;            // NotRead: what was not read, in plain words (translated)
    QString source;         // the statement's source text, on one line, shortened

    // alembic's own name of the operation: "create_table", "add_column", ... "execute";
    // "not_read" for NotRead. The JSON contract of `retort-cli ops`.
    static QString opName(Kind kind);
    QString opName() const { return opName(kind); }

    friend bool operator==(const MigrationOp&, const MigrationOp&) = default;
};

// One function body (upgrade or downgrade) as read.
struct MigrationFunction
{
    bool present = false;   // the module defines it at module level
    int line = 0;           // line of its `def`
    int endLine = 0;        // last line of its body
    // The body holds nothing that runs: only `pass`, `...` and/or a docstring (comments
    // aside). An empty downgrade undoes nothing.
    bool empty = false;
    // The body raises unconditionally at its top level (`raise NotImplementedError(...)`,
    // `raise Exception`): the line of that raise, else 0.
    int raisesLine = 0;
    QString raises;         // what it raises, as written (e.g. "NotImplementedError")
    QList<MigrationOp> ops; // in source order
};

struct MigrationOps
{
    MigrationFunction upgrade;
    MigrationFunction downgrade;
    QString error; // the file could not be tokenized: the tokenizer's message (ops are empty)
};

// Reads the module-level `def upgrade()` and `def downgrade()` of a revision script with the
// header's tokenizer: op.* calls whose arguments are literals (strings, numbers, True/False/
// None, sa.Column(...) and sa.<Type>(...) calls written inline, lists and tuples of those), and
// the same inside `with op.batch_alter_table("t") as b:` blocks (b.add_column(...) ...).
// Anything else that runs in the body is a NotRead op with its line: never a guess.
class MigrationOpsReader
{
    Q_DECLARE_TR_FUNCTIONS(MigrationOpsReader)
public:
    static MigrationOps read(const QString& source);
    static MigrationOps readFile(const QString& path); // bounded read; error on failure
};

// Operations and types in plain words, for the Details pane and `retort-cli ops`.
class MigrationOpText
{
    Q_DECLARE_TR_FUNCTIONS(MigrationOpText)
public:
    // "Adds column `books.language` VARCHAR(8), nullable"; "Runs raw SQL: UPDATE ...";
    // "Not read: a for loop (line 12)".
    static QString describe(const MigrationOp& op);
    // A SQLAlchemy type as written, as SQL reads it: "sa.String(length=8)" -> "VARCHAR(8)",
    // "sa.Integer()" -> "INTEGER", "postgresql.JSONB" -> "JSONB"; unknown types as written.
    static QString sqlType(const QString& typeAsWritten);
    // "VARCHAR(8), nullable" / "INTEGER, not null, primary key".
    static QString describeColumn(const ColumnSpec& column);
};

} // namespace retort
