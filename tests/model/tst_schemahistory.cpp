// SchemaHistory (the schema replayed along alembic's upgrade order, table timelines,
// compare), MigrationRisks (what a plan's steps destroy, downgrade lint) and TypeNarrowing,
// on hand-made ops; the real reader's files are in tst_schemahistory's readsFiles test and
// the truth (alembic on real databases) in tests/integration/tst_schema_oracle.
#include "model/graph/migrationplanner.h"
#include "model/migration/schemahistory.h"
#include "model/migration/typenarrowing.h"
#include "model/project/projectloader.h"
#include "support/testrevisions.h"

#include <QFile>
#include <QSemaphore>
#include <QThreadPool>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace retort;
using retort::test::rev;
using Kind = MigrationOp::Kind;

Q_DECLARE_METATYPE(retort::MigrationOps)

namespace {

ColumnSpec col(const char* name, const char* type, std::optional<bool> nullable = {},
               bool primaryKey = false)
{
    ColumnSpec c;
    c.name = QString::fromUtf8(name);
    c.type = QString::fromUtf8(type);
    c.nullable = nullable;
    c.primaryKey = primaryKey;
    return c;
}

MigrationOp op(Kind kind, int line, const char* table, const char* column = "")
{
    MigrationOp o;
    o.kind = kind;
    o.line = line;
    o.table = QString::fromUtf8(table);
    o.column = QString::fromUtf8(column);
    return o;
}

MigrationOp createTable(int line, const char* table, QList<ColumnSpec> columns)
{
    MigrationOp o = op(Kind::CreateTable, line, table);
    o.columns = std::move(columns);
    return o;
}

MigrationOp addColumn(int line, const char* table, ColumnSpec column)
{
    MigrationOp o = op(Kind::AddColumn, line, table, "");
    o.column = column.name;
    o.columns = {column};
    return o;
}

MigrationOp renameTable(int line, const char* from, const char* to)
{
    MigrationOp o = op(Kind::RenameTable, line, from);
    o.newName = QString::fromUtf8(to);
    return o;
}

MigrationOp renameColumn(int line, const char* table, const char* from, const char* to)
{
    MigrationOp o = op(Kind::AlterColumn, line, table, from);
    o.newName = QString::fromUtf8(to);
    return o;
}

MigrationOp retype(int line, const char* table, const char* column, const char* from,
                   const char* to)
{
    MigrationOp o = op(Kind::AlterColumn, line, table, column);
    o.existingType = QString::fromUtf8(from);
    o.newType = QString::fromUtf8(to);
    return o;
}

MigrationOp batch(MigrationOp o, const char* table)
{
    o.batchTable = QString::fromUtf8(table);
    o.table.clear();
    return o;
}

MigrationOp execute(int line, const char* sql)
{
    MigrationOp o = op(Kind::Execute, line, "");
    o.sql = QString::fromUtf8(sql);
    o.sqlIsLiteral = true;
    return o;
}

MigrationOp notRead(int line, const char* why)
{
    MigrationOp o = op(Kind::NotRead, line, "");
    o.why = QString::fromUtf8(why);
    return o;
}

MigrationFunction fn(QList<MigrationOp> ops, int line = 10)
{
    MigrationFunction f;
    f.present = true;
    f.line = line;
    f.empty = ops.isEmpty();
    f.ops = std::move(ops);
    return f;
}

MigrationFunction raising(QList<MigrationOp> ops, int line = 20)
{
    MigrationFunction f = fn(std::move(ops), line);
    f.empty = false;
    f.raisesLine = line + 1;
    f.raises = QStringLiteral("NotImplementedError");
    return f;
}

MigrationOps ops(MigrationFunction up, MigrationFunction down = fn({}, 20))
{
    MigrationOps o;
    o.upgrade = std::move(up);
    o.downgrade = std::move(down);
    return o;
}

// A graph and the ops of its revisions.
struct Project
{
    std::shared_ptr<const RevisionGraph> graph;
    MigrationOpsIndex index;

    explicit Project(QList<Revision> revisions)
    {
        for (int i = 0; i < revisions.size(); ++i)
            revisions[i].loadOrder = i;
        graph = RevisionGraph::build(revisions);
    }
    MigrationPlan upgrade(const QString& target) const
    {
        const Result<MigrationPlan> plan = MigrationPlanner(graph).upgrade({}, target);
        if (!plan)
            qFatal("no plan to %s: %s", qPrintable(target), qPrintable(plan.error()));
        return *plan;
    }
    MigrationPlan downgrade(const QStringList& from, const QString& target) const
    {
        const Result<MigrationPlan> plan = MigrationPlanner(graph).downgrade(from, target);
        if (!plan)
            qFatal("no plan to %s: %s", qPrintable(target), qPrintable(plan.error()));
        return *plan;
    }
    Schema schemaAt(const QString& target) const
    {
        return SchemaHistory::schemaAt(index, upgrade(target));
    }
};

QStringList names(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* s : list)
        out << QString::fromUtf8(s);
    return out;
}

QStringList columnNames(const SchemaTable* t)
{
    QStringList names;
    if (t) {
        for (const SchemaColumn& c : t->columns)
            names << c.name;
    }
    return names;
}

QStringList tableNames(const Schema& s)
{
    QStringList names;
    for (const SchemaTable& t : s.tables)
        names << t.name;
    return names;
}

QStringList messages(const QList<StepRisk>& risks)
{
    QStringList out;
    for (const StepRisk& r : risks)
        out << r.message;
    return out;
}

} // namespace

class TestSchemaHistory : public QObject
{
    Q_OBJECT

private slots:
    void replaysColumnsAlongALine()
    {
        Project p({rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(12, "books", {col("id", "sa.Integer()", {}, true),
                                                         col("title", "sa.String(length=50)", false),
                                                         col("isbn", "sa.String(length=13)")})})));
        p.index.insert(QStringLiteral("b"),
                       ops(fn({addColumn(14, "books", col("language", "sa.String(length=8)"))})));
        MigrationOp alter = retype(15, "books", "language", "sa.String(length=8)",
                                   "sa.String(length=16)");
        alter.newNullable = false;
        alter.newServerDefault = QStringLiteral("'en'");
        p.index.insert(QStringLiteral("c"),
                       ops(fn({renameColumn(14, "books", "title", "name"), alter})));
        p.index.insert(QStringLiteral("d"), ops(fn({op(Kind::DropColumn, 13, "books", "isbn")})));

        const Schema atA = p.schemaAt(QStringLiteral("a"));
        QCOMPARE(atA.at, QStringList{QStringLiteral("a")});
        QCOMPARE(columnNames(atA.table(QStringLiteral("books"))),
                 (names({"id", "title", "isbn"})));
        const SchemaTable* books = atA.table(QStringLiteral("books"));
        QVERIFY(books);
        QCOMPARE(books->createdIn, QStringLiteral("a"));
        QCOMPARE(books->columns.at(0).nullable, false); // primary key
        QCOMPARE(books->columns.at(0).primaryKey, true);
        QCOMPARE(books->columns.at(1).nullable, false);
        QCOMPARE(books->columns.at(2).nullable, true);

        const Schema atC = p.schemaAt(QStringLiteral("c"));
        QCOMPARE(columnNames(atC.table(QStringLiteral("books"))),
                 (names({"id", "name", "isbn", "language"})));
        const SchemaColumn language = atC.table(QStringLiteral("books"))->columns.at(3);
        QCOMPARE(language.type, QStringLiteral("sa.String(length=16)"));
        QCOMPARE(language.nullable, false);
        QCOMPARE(language.serverDefault, QStringLiteral("'en'"));
        QCOMPARE(language.definedIn, QStringLiteral("b"));

        const Schema heads = p.schemaAt(QStringLiteral("heads"));
        QCOMPARE(columnNames(heads.table(QStringLiteral("books"))),
                 (names({"id", "name", "language"})));
        QVERIFY(heads.unknown.isEmpty());
        QCOMPARE(heads.at, QStringList{QStringLiteral("d")});
    }

    // Two branches and a merge: the schema at one branch has none of the other's changes;
    // at the heads it has both; `at` is the plan's end rows, sorted.
    void followsTheUpgradeOrderAcrossBranches()
    {
        Project p({rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b c"), rev("x", "a")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(5, "t", {col("id", "sa.Integer()", {}, true)})})));
        p.index.insert(QStringLiteral("b"), ops(fn({addColumn(5, "t", col("fromb", "sa.Text()"))})));
        p.index.insert(QStringLiteral("c"),
                       ops(fn({createTable(5, "u", {col("id", "sa.Integer()", {}, true)})})));
        p.index.insert(QStringLiteral("m"), ops(fn({}), fn({})));
        p.index.insert(QStringLiteral("x"), ops(fn({addColumn(5, "t", col("fromx", "sa.Text()"))})));

        const Schema atB = p.schemaAt(QStringLiteral("b"));
        QCOMPARE(tableNames(atB), QStringList{QStringLiteral("t")});
        QCOMPARE(columnNames(atB.table(QStringLiteral("t"))), (names({"id", "fromb"})));
        const Schema atC = p.schemaAt(QStringLiteral("c"));
        QCOMPARE(tableNames(atC), (names({"t", "u"})));
        QCOMPARE(columnNames(atC.table(QStringLiteral("t"))), QStringList{QStringLiteral("id")});

        const Schema heads = p.schemaAt(QStringLiteral("heads"));
        QCOMPARE(heads.at, (names({"m", "x"})));
        QCOMPARE(tableNames(heads), (names({"t", "u"})));
        // the columns come in the order alembic runs the steps (MigrationPlanner, checked
        // against alembic by tst_differential_plans), whatever it is
        const QStringList order = p.upgrade(QStringLiteral("heads")).revisions();
        const QStringList added = order.indexOf(QStringLiteral("b")) < order.indexOf(QStringLiteral("x"))
                                      ? names({"id", "fromb", "fromx"})
                                      : names({"id", "fromx", "fromb"});
        QCOMPARE(columnNames(heads.table(QStringLiteral("t"))), added);
        QVERIFY(heads.unknown.isEmpty());
    }

    void renamedTablesHaveTwoLinkedTimelines()
    {
        Project p({rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(5, "t", {col("id", "sa.Integer()", {}, true)}),
                               createTable(9, "gone", {col("id", "sa.Integer()", {}, true)})})));
        p.index.insert(QStringLiteral("b"), ops(fn({renameTable(7, "t", "u")})));
        p.index.insert(QStringLiteral("c"), ops(fn({addColumn(8, "u", col("n", "sa.Integer()"))})));
        p.index.insert(QStringLiteral("d"), ops(fn({op(Kind::DropTable, 6, "gone")})));

        const Schema heads = p.schemaAt(QStringLiteral("heads"));
        QCOMPARE(tableNames(heads), QStringList{QStringLiteral("u")});
        QCOMPARE(columnNames(heads.table(QStringLiteral("u"))), (names({"id", "n"})));
        QCOMPARE(heads.table(QStringLiteral("u"))->createdIn, QStringLiteral("a"));
        QVERIFY(!heads.table(QStringLiteral("t")));

        const QList<TableTimeline> timelines =
            SchemaHistory::tables(p.index, p.upgrade(QStringLiteral("heads")));
        QCOMPARE(timelines.size(), 3);
        const TableTimeline& gone = timelines.at(0);
        const TableTimeline& t = timelines.at(1);
        const TableTimeline& u = timelines.at(2);
        QCOMPARE(gone.name, QStringLiteral("gone"));
        QCOMPARE(gone.createdIn, QStringLiteral("a"));
        QCOMPARE(gone.droppedIn, QStringLiteral("d"));
        QCOMPARE(t.name, QStringLiteral("t"));
        QCOMPARE(t.createdIn, QStringLiteral("a"));
        QVERIFY(t.droppedIn.isEmpty()); // renamed, not dropped
        QCOMPARE(t.renamedTo, QStringLiteral("u"));
        QCOMPARE(t.events.size(), 2);
        QCOMPARE(t.events.at(1).op, QStringLiteral("rename_table"));
        QCOMPARE(t.events.at(1).newName, QStringLiteral("u"));
        QCOMPARE(u.name, QStringLiteral("u"));
        QVERIFY(u.createdIn.isEmpty());
        QCOMPARE(u.renamedFrom, QStringLiteral("t"));
        QCOMPARE(u.events.size(), 2);
        QCOMPARE(u.events.at(0).revision, QStringLiteral("b"));
        QCOMPARE(u.events.at(1).op, QStringLiteral("add_column"));
        QCOMPARE(u.events.at(1).column, QStringLiteral("n"));
        QCOMPARE(u.events.at(1).line, 8);
        QCOMPARE(u.events.at(1).revision, QStringLiteral("c"));
    }

    void batchOpsApplyToTheirBatchTable()
    {
        Project p({rev("a"), rev("b", "a")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(5, "orders", {col("id", "sa.Integer()", {}, true),
                                                         col("note", "sa.Text()")})})));
        MigrationOp nn = batch(op(Kind::AlterColumn, 9, "", "note"), "orders");
        nn.newNullable = false;
        p.index.insert(QStringLiteral("b"),
                       ops(fn({batch(addColumn(8, "", col("status", "sa.String(length=20)", false)),
                                     "orders"),
                               nn, batch(op(Kind::CreateCheckConstraint, 10, ""), "orders")})));
        const Schema s = p.schemaAt(QStringLiteral("heads"));
        QVERIFY2(s.unknown.isEmpty(), qPrintable(s.unknown.value(0).why));
        const SchemaTable* orders = s.table(QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(columnNames(orders), (names({"id", "note", "status"})));
        QCOMPARE(orders->columns.at(1).nullable, false);
        QCOMPARE(orders->columns.at(2).nullable, false);

        const QList<TableTimeline> timelines =
            SchemaHistory::tables(p.index, p.upgrade(QStringLiteral("heads")));
        QCOMPARE(timelines.size(), 1);
        QCOMPARE(timelines.at(0).events.size(), 4);
    }

    void unknownsAreListedNeverGuessed()
    {
        Project p({rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d"),
                   rev("f", "e")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(5, "t", {col("id", "sa.Integer()", {}, true)}),
                               execute(9, "CREATE TABLE made_by_sql (id INTEGER)")})));
        p.index.insert(QStringLiteral("b"),
                       ops(fn({addColumn(6, "made_by_sql", col("x", "sa.Integer()"))})));
        p.index.insert(QStringLiteral("c"), ops(fn({notRead(7, "a for loop")})));
        MigrationOps broken;
        broken.error = QStringLiteral("unterminated string");
        p.index.insert(QStringLiteral("d"), broken);
        // e: not in the index at all
        p.index.insert(QStringLiteral("f"),
                       ops(fn({op(Kind::DropColumn, 4, "t", "nosuch"),
                               addColumn(5, "t", col("y", "sa.Integer()"))})));

        const Schema s = p.schemaAt(QStringLiteral("heads"));
        QCOMPARE(tableNames(s), QStringList{QStringLiteral("t")}); // no made_by_sql guessed
        QCOMPARE(columnNames(s.table(QStringLiteral("t"))), (names({"id", "y"})));
        QCOMPARE(s.unknown.size(), 6);
        QCOMPARE(s.unknown.at(0).revision, QStringLiteral("a"));
        QCOMPARE(s.unknown.at(0).line, 9);
        QVERIFY(s.unknown.at(0).why.contains(QStringLiteral("CREATE TABLE made_by_sql")));
        QCOMPARE(s.unknown.at(1).revision, QStringLiteral("b"));
        QVERIFY(s.unknown.at(1).why.contains(QStringLiteral("`made_by_sql`")));
        QCOMPARE(s.unknown.at(2).revision, QStringLiteral("c"));
        QCOMPARE(s.unknown.at(2).why, QStringLiteral("a for loop"));
        QCOMPARE(s.unknown.at(3).revision, QStringLiteral("d"));
        QVERIFY(s.unknown.at(3).why.contains(QStringLiteral("unterminated string")));
        QCOMPARE(s.unknown.at(4).revision, QStringLiteral("e"));
        QCOMPARE(s.unknown.at(5).revision, QStringLiteral("f"));
        QCOMPARE(s.unknown.at(5).line, 4);
        QVERIFY(s.unknown.at(5).why.contains(QStringLiteral("`t.nosuch`")));

        // negative: up to a, only a's raw SQL is unknown
        QCOMPARE(p.schemaAt(QStringLiteral("a")).unknown.size(), 1);
    }

    void compareListsWhatChanged()
    {
        Project p({rev("a"), rev("b", "a")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(5, "t", {col("id", "sa.Integer()", {}, true),
                                                    col("old", "sa.Text()"),
                                                    col("n", "sa.String(length=8)")}),
                               createTable(6, "gone", {col("id", "sa.Integer()", {}, true)})})));
        p.index.insert(QStringLiteral("b"),
                       ops(fn({op(Kind::DropTable, 5, "gone"),
                               createTable(6, "fresh", {col("id", "sa.Integer()", {}, true)}),
                               op(Kind::DropColumn, 7, "t", "old"),
                               addColumn(8, "t", col("new", "sa.Text()")),
                               retype(9, "t", "n", "sa.String(length=8)", "sa.String(length=20)")})));
        const Schema a = p.schemaAt(QStringLiteral("a"));
        const Schema b = p.schemaAt(QStringLiteral("b"));
        const QList<SchemaChange> changes = SchemaHistory::compare(a, b);
        QCOMPARE(changes.size(), 5);
        QCOMPARE(changes.at(0).kind, SchemaChange::Kind::TableAdded);
        QCOMPARE(changes.at(0).table, QStringLiteral("fresh"));
        QCOMPARE(changes.at(1).kind, SchemaChange::Kind::TableRemoved);
        QCOMPARE(changes.at(1).table, QStringLiteral("gone"));
        QCOMPARE(changes.at(2).kind, SchemaChange::Kind::ColumnRemoved);
        QCOMPARE(changes.at(2).column, QStringLiteral("old"));
        QCOMPARE(changes.at(3).kind, SchemaChange::Kind::ColumnChanged);
        QCOMPARE(changes.at(3).column, QStringLiteral("n"));
        QVERIFY(changes.at(3).before != changes.at(3).after);
        QVERIFY(changes.at(3).after.contains(QStringLiteral("20")));
        QCOMPARE(changes.at(4).kind, SchemaChange::Kind::ColumnAdded);
        QCOMPARE(changes.at(4).column, QStringLiteral("new"));
        // negative: a schema compared with itself has no changes
        QVERIFY(SchemaHistory::compare(b, b).isEmpty());
    }

    void narrowing_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("verdict");
        const int widens = int(TypeNarrowing::Verdict::Widens);
        const int narrows = int(TypeNarrowing::Verdict::Narrows);
        const int may = int(TypeNarrowing::Verdict::MayNarrow);
        auto row = [](const char* name, const char* from, const char* to, int v) {
            QTest::newRow(name) << QString::fromUtf8(from) << QString::fromUtf8(to) << v;
        };
        row("shorter string", "sa.String(length=255)", "sa.String(length=50)", narrows);
        row("longer string", "sa.String(50)", "sa.String(length=255)", widens);
        row("same string", "sa.String(length=8)", "sa.String(length=8)", widens);
        row("varchar to string same length", "postgresql.VARCHAR(length=40)", "sa.String(40)", widens);
        row("text to string", "sa.Text()", "sa.String(length=20)", narrows);
        row("string to text", "sa.String(length=20)", "sa.Text()", widens);
        row("string to unbounded string", "sa.String(length=20)", "sa.String()", widens);
        row("bigint to int", "sa.BigInteger()", "sa.Integer()", narrows);
        row("int to smallint", "sa.Integer()", "sa.SmallInteger()", narrows);
        row("int to bigint", "sa.Integer()", "sa.BigInteger()", widens);
        row("numeric precision lowered", "sa.Numeric(10, 2)", "sa.Numeric(8, 2)", narrows);
        row("numeric scale lowered", "sa.Numeric(precision=10, scale=2)",
            "sa.Numeric(precision=10, scale=1)", narrows);
        row("numeric widened", "sa.Numeric(10, 2)", "sa.Numeric(12, 2)", widens);
        row("numeric to integer", "sa.Numeric(10, 2)", "sa.Integer()", narrows);
        row("int to boolean", "sa.Integer()", "sa.Boolean()", narrows);
        row("string to boolean", "sa.String(length=5)", "sa.Boolean()", narrows);
        row("boolean to integer", "sa.Boolean()", "sa.Integer()", widens);
        row("datetime to date", "sa.DateTime()", "sa.Date()", narrows);
        row("date to datetime", "sa.Date()", "sa.DateTime(timezone=True)", widens);
        row("int to numeric too small", "sa.Integer()", "sa.Numeric(5, 2)", narrows);
        row("no existing type", "", "sa.String(length=50)", may);
        row("unknown types", "mytypes.Money()", "mytypes.Cents()", may);
        row("no new type", "sa.Integer()", "", widens);
    }

    void narrowing()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, verdict);
        QCOMPARE(int(TypeNarrowing::judge(from, to)), verdict);
    }

    void risksOfADowngrade()
    {
        Project p({rev("a"), rev("b", "a"), rev("c", "b"), rev("m", "c"), rev("d", "m"),
                   rev("e", "d"), rev("f", "e")});
        p.index.insert(QStringLiteral("a"),
                       ops(fn({createTable(5, "books", {col("id", "sa.Integer()", {}, true)})}),
                           fn({op(Kind::DropTable, 9, "books")}, 8)));
        p.index.insert(QStringLiteral("b"),
                       ops(fn({addColumn(5, "books", col("isbn", "sa.String(length=13)"))}),
                           fn({batch(op(Kind::DropColumn, 9, "", "isbn"), "books")}, 8)));
        p.index.insert(QStringLiteral("c"),
                       ops(fn({addColumn(5, "books", col("x", "sa.Integer()"))}), fn({}, 8)));
        p.index.insert(QStringLiteral("m"), ops(fn({}), fn({}))); // nothing to undo
        p.index.insert(QStringLiteral("d"),
                       ops(fn({addColumn(5, "books", col("y", "sa.Integer()"))}), raising({}, 8)));
        p.index.insert(QStringLiteral("e"),
                       ops(fn({retype(5, "books", "y", "sa.Integer()", "sa.BigInteger()")}),
                           fn({retype(9, "books", "y", "sa.BigInteger()", "sa.Integer()"),
                               execute(10, "UPDATE books SET y = 0")},
                              8)));
        p.index.insert(QStringLiteral("f"),
                       ops(fn({addColumn(5, "books", col("z", "sa.Integer()"))}),
                           fn({notRead(9, "a helper call")}, 8)));

        const MigrationPlan down = p.downgrade({QStringLiteral("f")}, QStringLiteral("base"));
        QCOMPARE(down.revisions(), (names({"f", "e", "d", "m", "c", "b", "a"})));
        const QList<StepRisk> risks = MigrationRisks::forPlan(down, p.index);
        QCOMPARE(messages(risks),
                 (QStringList{
                     QStringLiteral("Step 1 runs code Retort did not read (line 9): a helper call"),
                     QStringLiteral("Step 2 narrows column `books.y` from BIGINT to INTEGER: "
                                    "values that do not fit are lost"),
                     QStringLiteral("Step 2 runs raw SQL Retort cannot check (line 10)"),
                     QStringLiteral("Step 3 cannot be downgraded: its downgrade() raises "
                                    "NotImplementedError"),
                     QStringLiteral("Step 5 cannot be downgraded: its downgrade() is empty"),
                     QStringLiteral("Step 6 drops column `books.isbn`: its data is lost"),
                     QStringLiteral("Step 7 drops table `books`: its data is lost")}));
        QCOMPARE(risks.at(0).kind, StepRisk::Kind::Unknown);
        QCOMPARE(risks.at(1).kind, StepRisk::Kind::DataLoss);
        QCOMPARE(risks.at(3).kind, StepRisk::Kind::Irreversible);
        QCOMPARE(risks.at(3).step, 2);
        QCOMPARE(risks.at(3).revision, QStringLiteral("d"));
        QCOMPARE(risks.at(3).line, 9);
        QCOMPARE(risks.at(5).line, 9);
        QVERIFY(MigrationRisks::passesIrreversible(risks));

        // negative: down to d only passes f and e, which can be undone
        const QList<StepRisk> toD =
            MigrationRisks::forPlan(p.downgrade({QStringLiteral("f")}, QStringLiteral("d")), p.index);
        QCOMPARE(toD.size(), 3);
        QVERIFY(!MigrationRisks::passesIrreversible(toD));

        // upgrades run upgrade(): widening e is no risk, and no step adds any
        const QList<StepRisk> up = MigrationRisks::forPlan(p.upgrade(QStringLiteral("heads")), p.index);
        QVERIFY2(up.isEmpty(), qPrintable(messages(up).join(u'\n')));
    }

    void risksOfAnUpgrade()
    {
        Project p({rev("a"), rev("b", "a")});
        p.index.insert(QStringLiteral("a"), ops(fn({createTable(5, "t", {col("c", "sa.Text()")})})));
        MigrationOp vague = op(Kind::AlterColumn, 7, "t", "c");
        vague.newType = QStringLiteral("sa.String(length=10)");
        p.index.insert(QStringLiteral("b"),
                       ops(fn({op(Kind::DropColumn, 6, "t", "c"), vague})));
        const QList<StepRisk> risks = MigrationRisks::forPlan(p.upgrade(QStringLiteral("heads")), p.index);
        QCOMPARE(risks.size(), 2);
        QCOMPARE(risks.at(0).message, QStringLiteral("Step 2 drops column `t.c`: its data is lost"));
        QCOMPARE(risks.at(1).kind, StepRisk::Kind::DataLoss);
        QVERIFY(risks.at(1).message.contains(QStringLiteral("may narrow")));
        QVERIFY(!MigrationRisks::passesIrreversible(risks));
    }

    void lint_data()
    {
        QTest::addColumn<MigrationOps>("script");
        QTest::addColumn<QStringList>("expected");
        const MigrationOp create = createTable(5, "t", {col("id", "sa.Integer()", {}, true)});
        const MigrationOp add = addColumn(6, "books", col("lang", "sa.String(length=8)"));
        QTest::newRow("empty downgrade")
            << ops(fn({add}), fn({}, 8))
            << QStringList{QStringLiteral("8 W downgrade() is empty: downgrading this revision "
                                          "undoes nothing its upgrade() did")};
        QTest::newRow("empty merge: nothing to undo") << ops(fn({}), fn({})) << QStringList{};
        QTest::newRow("downgrade raises")
            << ops(fn({add}), raising({}, 8))
            << QStringList{QStringLiteral("9 W downgrade() raises NotImplementedError: this "
                                          "revision cannot be downgraded")};
        QTest::newRow("created table not dropped")
            << ops(fn({create}), fn({op(Kind::CreateIndex, 9, "t")}, 8))
            << QStringList{QStringLiteral("5 W downgrade() does not drop table `t`, which "
                                          "upgrade() creates")};
        QTest::newRow("created table dropped")
            << ops(fn({create}), fn({op(Kind::DropTable, 9, "t")}, 8)) << QStringList{};
        QTest::newRow("added column not dropped")
            << ops(fn({add}), fn({op(Kind::DropColumn, 9, "books", "other")}, 8))
            << QStringList{QStringLiteral("6 W downgrade() does not drop column `books.lang`, "
                                          "which upgrade() adds"),
                           QStringLiteral("9 W downgrade() drops column `books.other`: its data "
                                          "is lost")};
        QTest::newRow("added column dropped in a batch")
            << ops(fn({add}), fn({batch(op(Kind::DropColumn, 9, "", "lang"), "books")}, 8))
            << QStringList{};
        QTest::newRow("rename not reversed")
            << ops(fn({renameColumn(5, "customers", "phone", "phone_number")}),
                   fn({op(Kind::CreateIndex, 9, "customers")}, 8))
            << QStringList{QStringLiteral("5 W downgrade() does not rename column "
                                          "`customers.phone_number` back to `phone`")};
        QTest::newRow("rename reversed")
            << ops(fn({renameColumn(5, "customers", "phone", "phone_number")}),
                   fn({batch(renameColumn(9, "", "phone_number", "phone"), "customers")}, 8))
            << QStringList{};
        QTest::newRow("table rename not reversed")
            << ops(fn({renameTable(5, "a", "b")}), fn({renameTable(9, "b", "c")}, 8))
            << QStringList{QStringLiteral("5 W downgrade() does not rename table `c` back to `a`")};
        QTest::newRow("table rename reversed")
            << ops(fn({renameTable(5, "a", "b")}), fn({renameTable(9, "b", "a")}, 8))
            << QStringList{};
        QTest::newRow("upgrade drops a column")
            << ops(fn({batch(op(Kind::DropColumn, 5, "", "legacy_sku"), "books")}),
                   fn({addColumn(9, "books", col("legacy_sku", "sa.String(length=32)"))}, 8))
            << QStringList{QStringLiteral("5 W upgrade() drops column `books.legacy_sku`: its "
                                          "data is lost")};
        QTest::newRow("upgrade drops a table not re-created")
            << ops(fn({op(Kind::DropTable, 5, "old")}), fn({op(Kind::CreateIndex, 9, "x")}, 8))
            << QStringList{QStringLiteral("5 W downgrade() does not re-create table `old`, which "
                                          "upgrade() drops"),
                           QStringLiteral("5 W upgrade() drops table `old`: its data is lost")};
        QTest::newRow("downgrade narrows")
            << ops(fn({retype(5, "t", "c", "sa.String(length=50)", "sa.String(length=255)")}),
                   fn({retype(9, "t", "c", "sa.String(length=255)", "sa.String(length=50)")}, 8))
            << QStringList{QStringLiteral("9 W downgrade() narrows column `t.c` from "
                                          "VARCHAR(255) to VARCHAR(50): values that do not fit "
                                          "are lost")};
        QTest::newRow("unread downgrade: not checked, not accused")
            << ops(fn({create}), fn({notRead(9, "a for loop")}, 8))
            << QStringList{QStringLiteral("8 I downgrade() runs raw SQL or code Retort does not "
                                          "read: whether it undoes upgrade() could not be "
                                          "checked")};
        QTest::newRow("raw SQL downgrade: not accused")
            << ops(fn({add}), fn({execute(9, "ALTER TABLE books DROP COLUMN lang")}, 8))
            << QStringList{QStringLiteral("8 I downgrade() runs raw SQL or code Retort does not "
                                          "read: whether it undoes upgrade() could not be "
                                          "checked")};
    }

    void lint()
    {
        QFETCH(MigrationOps, script);
        QFETCH(QStringList, expected);
        Project p({rev("a")});
        p.index.insert(QStringLiteral("a"), script);
        const Diagnostics ds = MigrationRisks::lint(*p.graph, p.index);
        QStringList got;
        for (const Diagnostic& d : ds) {
            QCOMPARE(d.path, QStringLiteral("/p/versions/a.py"));
            QCOMPARE(d.revision, QStringLiteral("a"));
            QVERIFY(!d.isError());
            got << QStringLiteral("%1 %2 %3")
                       .arg(d.line)
                       .arg(d.severity == Diagnostic::Severity::Info ? QStringLiteral("I") : QStringLiteral("W"))
                       .arg(d.message);
        }
        QCOMPARE(got, expected);
    }

    void lintSkipsWhatWasNotRead()
    {
        Project p({rev("a"), rev("b", "a")});
        MigrationOps broken;
        broken.error = QStringLiteral("bad token");
        p.index.insert(QStringLiteral("a"), broken);
        QVERIFY(MigrationRisks::lint(*p.graph, p.index).isEmpty());
    }

    // The bundled demo read by the real reader: every table and column the migrations make,
    // nothing unknown, and one lint warning (6dbbef65ed78 drops books.legacy_sku).
    void theDemo()
    {
        const Result<LoadedProject> project =
            ProjectLoader::load(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
        QVERIFY2(project.ok(), qPrintable(project.error()));
        const MigrationOpsIndex index = MigrationOpsIndex::read(*project->graph);
        QCOMPARE(index.size(), project->graph->size());
        const MigrationPlanner planner(project->graph, project->alembic.rules);
        const Schema heads = SchemaHistory::schemaAt(index, *planner.upgrade({}, QStringLiteral("heads")));
        QVERIFY(heads.unknown.isEmpty());
        QCOMPARE(heads.tables.size(), 22);
        QCOMPARE(heads.at, project->graph->heads());
        const SchemaTable* books = heads.table(QStringLiteral("books"));
        QVERIFY(books);
        QVERIFY(!columnNames(books).contains(QStringLiteral("legacy_sku")));
        QVERIFY(columnNames(books).contains(QStringLiteral("cover_url")));
        QVERIFY(columnNames(heads.table(QStringLiteral("customers"))).contains(QStringLiteral("phone_number")));
        // before the drop, legacy_sku is there
        const Schema before = SchemaHistory::schemaAt(index, *planner.upgrade({}, QStringLiteral("26ad88c279d9")));
        QVERIFY(columnNames(before.table(QStringLiteral("books"))).contains(QStringLiteral("legacy_sku")));
        QVERIFY(!before.table(QStringLiteral("tags")));

        const Diagnostics lint = MigrationRisks::lint(*project->graph, index);
        QCOMPARE(lint.size(), 1);
        QCOMPARE(lint.at(0).revision, QStringLiteral("6dbbef65ed78"));
        QCOMPARE(lint.at(0).message, QStringLiteral("upgrade() drops column `books.legacy_sku`: its data is lost"));
        QVERIFY(lint.at(0).line > 0);

        // downgrading the whole demo: every drop is a data loss, the merge is no risk
        const QList<StepRisk> risks = MigrationRisks::forPlan(
            *planner.downgrade(project->graph->heads(), QStringLiteral("base")), index);
        QVERIFY(!MigrationRisks::passesIrreversible(risks));
        for (const StepRisk& r : risks)
            QCOMPARE(r.kind, StepRisk::Kind::DataLoss);
        QVERIFY(messages(risks).size() > 30);
    }

    void readsEveryRevisionOnItsOwnPool()
    {
        QTemporaryDir dir;
        QList<Revision> revisions;
        for (int i = 0; i < 12; ++i) {
            Revision r = rev(qPrintable(QStringLiteral("r%1").arg(i)),
                             i == 0 ? "" : qPrintable(QStringLiteral("r%1").arg(i - 1)));
            r.path = dir.filePath(r.id + QStringLiteral(".py"));
            QFile f(r.path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("revision = '" + r.id.toUtf8() + "'\n\ndef upgrade():\n    pass\n\n"
                    "def downgrade():\n    pass\n");
            revisions << r;
        }
        const auto graph = RevisionGraph::build(revisions);
        const MigrationOpsIndex index = MigrationOpsIndex::read(*graph);
        QCOMPARE(index.size(), 12);
        QVERIFY(index.ops(QStringLiteral("r5")));
        QVERIFY(!index.ops(QStringLiteral("nosuch")));
        const MigrationOpsIndex none = MigrationOpsIndex::read(*graph, [] { return true; });
        QCOMPARE(none.size(), 0);

        // from the last free thread of a full global pool (a LatestJob's case): no deadlock
        QThreadPool* pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        QSemaphore blockersRunning;
        QSemaphore release;
        for (int i = 0; i < threads - 1; ++i)
            pool->start([&] {
                blockersRunning.release();
                release.acquire();
            });
        QVERIFY(blockersRunning.tryAcquire(threads - 1, 5000));
        std::atomic<int> found = -1;
        pool->start([&] { found = int(MigrationOpsIndex::read(*graph).size()); });
        QTRY_VERIFY_WITH_TIMEOUT(found.load() >= 0, 10000);
        release.release(threads - 1);
        pool->waitForDone();
        QCOMPARE(found.load(), 12);
    }
};

QTEST_GUILESS_MAIN(TestSchemaHistory)
#include "tst_schemahistory.moc"
