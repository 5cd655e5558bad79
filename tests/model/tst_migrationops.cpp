// MigrationOpsReader: every operation form of alembic's op.* and batch_op.* read from literals,
// and every statement it does not read reported with its line.
#include "model/migration/migrationops.h"
#include "model/migrationopstesting.h"

#include <QDir>
#include <QMap>
#include <QTest>

using namespace retort;
using Kind = MigrationOp::Kind;

namespace {

using testing::dump;
using testing::dumpAll;
using testing::readUpgrade;

QList<MigrationOp> upgradeOps(const QString& body)
{
    const MigrationOps ops = readUpgrade(body);
    if (!ops.error.isEmpty())
        qWarning("tokenizer error: %s", qPrintable(ops.error));
    return ops.upgrade.ops;
}

MigrationOp single(const QString& body)
{
    const QList<MigrationOp> ops = upgradeOps(body);
    if (ops.size() != 1) {
        qWarning("expected one op, got %d:\n%s", int(ops.size()), qPrintable(dumpAll(ops)));
        return {};
    }
    return ops.first();
}

} // namespace

class TestMigrationOps : public QObject
{
    Q_OBJECT

private slots:
    // Each operation in its positional and keyword forms, and alembic 1.8's extra positional
    // parameters: the line the reading gives, field by field.
    void forms_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* body, const char* expected) {
            QTest::newRow(name) << QString::fromUtf8(body) << QString::fromUtf8(expected);
        };
        // create_table
        row("create_table", R"x(op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True)))x",
            "create_table table=t [id sa.Integer() pk]");
        row("create_table keyword name",
            R"x(op.create_table(table_name="t"))x", "create_table table=t");
        row("create_table schema comment",
            R"x(op.create_table("t", sa.Column("a", sa.Text), schema="s", comment="hello"))x",
            "create_table table=t schema=s comment=hello [a sa.Text]");
        row("create_table bare Column",
            R"x(op.create_table("t", Column("a", Integer, nullable=False)))x",
            "create_table table=t [a Integer notnull]");
        row("create_table column keywords",
            R"x(op.create_table("t", sa.Column(name="a", type_=sa.String(8), server_default="x")))x",
            R"x(create_table table=t [a sa.String(8) default="x"])x");
        row("create_table foreign key as type",
            R"x(op.create_table("t", sa.Column("a_id", sa.ForeignKey("a.id"), nullable=True)))x",
            "create_table table=t [a_id null fk=a.id]");
        row("create_table constraints",
            "op.create_table(\"t\",\n"
            "    sa.Column(\"id\", sa.Integer(), nullable=False),\n"
            "    sa.Column(\"a_id\", sa.Integer(), nullable=True),\n"
            "    sa.Column(\"code\", sa.String(length=8)),\n"
            "    sa.ForeignKeyConstraint([\"a_id\"], [\"a.id\"], ),\n"
            "    sa.PrimaryKeyConstraint(\"id\", name=op.f(\"pk_t\")),\n"
            "    sa.UniqueConstraint(\"code\"),\n"
            "    sa.CheckConstraint(\"id > 0\"),\n"
            ")",
            "create_table table=t [id sa.Integer() notnull pk] [a_id sa.Integer() null fk=a.id] "
            "[code sa.String(length=8)]");
        row("create_table multi-line type",
            "op.create_table(\"t\", sa.Column(\"kind\", sa.Enum(\"a\",  # first\n"
            "        \"b\", name=\"kind\"), nullable=False))",
            R"x(create_table table=t [kind sa.Enum("a", "b", name="kind") notnull])x");
        // drop_table
        row("drop_table", R"x(op.drop_table("t"))x", "drop_table table=t");
        row("drop_table keywords", R"x(op.drop_table(table_name="t", schema="s"))x",
            "drop_table table=t schema=s");
        row("drop_table positional schema", R"x(op.drop_table("t", "s"))x",
            "drop_table table=t schema=s");
        row("drop_table op.f", R"x(op.drop_table(op.f("t")))x", "drop_table table=t");
        row("drop_table concatenated", R"x(op.drop_table("bo" 'oks'))x", "drop_table table=books");
        // rename_table
        row("rename_table", R"x(op.rename_table("a", "b"))x", "rename_table table=a new=b");
        row("rename_table keywords",
            R"x(op.rename_table(old_table_name="a", new_table_name="b", schema="s"))x",
            "rename_table table=a schema=s new=b");
        // add_column / drop_column
        row("add_column", R"x(op.add_column("t", sa.Column("c", sa.Boolean(), server_default=sa.false())))x",
            "add_column table=t column=c [c sa.Boolean() default=sa.false()]");
        row("add_column keywords",
            R"x(op.add_column(table_name="t", column=sa.Column("c", sa.Integer), schema="s"))x",
            "add_column table=t schema=s column=c [c sa.Integer]");
        row("drop_column", R"x(op.drop_column("t", "c"))x", "drop_column table=t column=c");
        row("drop_column keywords", R"x(op.drop_column(table_name="t", column_name="c", schema="s"))x",
            "drop_column table=t schema=s column=c");
        row("drop_column positional schema", R"x(op.drop_column("t", "c", "s"))x",
            "drop_column table=t schema=s column=c");
        // alter_column
        row("alter_column rename", R"x(op.alter_column("t", "c", new_column_name="d"))x",
            "alter_column table=t column=c new=d");
        row("alter_column type and nullable",
            R"x(op.alter_column("t", "c", type_=sa.Text(), existing_type=sa.String(length=8), nullable=False))x",
            "alter_column table=t column=c newType=sa.Text() newNullable=False existingType=sa.String(length=8)");
        row("alter_column defaults",
            R"x(op.alter_column("t", "c", server_default=None, existing_nullable=True, comment="x"))x",
            "alter_column table=t column=c newDefault=None comment=x existingNullable=True");
        row("alter_column server default text",
            R"x(op.alter_column("t", "c", server_default=sa.text("'0'"), comment=None))x",
            R"x(alter_column table=t column=c newDefault=sa.text("'0'") comment=<None>)x");
        row("alter_column nothing", R"x(op.alter_column("t", "c", server_default=False, nullable=None))x",
            "alter_column table=t column=c");
        row("alter_column keywords",
            R"x(op.alter_column(table_name="t", column_name="c", schema="s", nullable=True))x",
            "alter_column table=t schema=s column=c newNullable=True");
        row("alter_column positional nullable", R"x(op.alter_column("t", "c", False))x",
            "alter_column table=t column=c newNullable=False");
        // indexes
        row("create_index", R"x(op.create_index("ix", "t", ["a", "b"]))x",
            "create_index table=t name=ix cols=a|b");
        row("create_index unique op.f",
            R"x(op.create_index(op.f("ix_t_a"), "t", ["a"], unique=True))x",
            "create_index table=t name=ix_t_a cols=a unique");
        row("create_index keywords",
            R"x(op.create_index(index_name="ix", table_name="t", columns=("a",), schema="s", unique=False))x",
            "create_index table=t schema=s name=ix cols=a");
        row("create_index positional schema unique",
            R"x(op.create_index("ix", "t", ["a"], "s", True))x",
            "create_index table=t schema=s name=ix cols=a unique");
        row("create_index expression",
            R"x(op.create_index("ix", "t", [sa.text("lower(email)"), sa.desc("a")]))x",
            R"x(create_index table=t name=ix cols=lower(email)|sa.desc("a"))x");
        row("drop_index", R"x(op.drop_index("ix", table_name="t"))x", "drop_index table=t name=ix");
        row("drop_index alone", R"x(op.drop_index("ix"))x", "drop_index name=ix");
        row("drop_index positional", R"x(op.drop_index("ix", "t", "s"))x",
            "drop_index table=t schema=s name=ix");
        row("drop_index keywords", R"x(op.drop_index(index_name=op.f("ix"), table_name="t"))x",
            "drop_index table=t name=ix");
        // constraints
        row("create_foreign_key",
            R"x(op.create_foreign_key("fk", "a", "b", ["b_id"], ["id"], ondelete="CASCADE"))x",
            "create_foreign_key table=a name=fk cols=b_id ref=b refcols=id");
        row("create_foreign_key keywords",
            R"x(op.create_foreign_key(constraint_name=None, source_table="a", referent_table="b", local_cols=["x", "y"], remote_cols=["x", "y"], source_schema="s"))x",
            "create_foreign_key table=a schema=s cols=x|y ref=b refcols=x|y");
        row("create_unique_constraint", R"x(op.create_unique_constraint("uq", "t", ["a"]))x",
            "create_unique_constraint table=t name=uq cols=a");
        row("create_unique_constraint keywords",
            R"x(op.create_unique_constraint(constraint_name="uq", table_name="t", columns=["a", "b"], schema="s"))x",
            "create_unique_constraint table=t schema=s name=uq cols=a|b");
        row("create_check_constraint", R"x(op.create_check_constraint("ck", "t", "a > 0"))x",
            "create_check_constraint table=t name=ck sql=a > 0 literal");
        row("create_check_constraint text",
            R"x(op.create_check_constraint("ck", "t", sa.text("a > 0"), schema="s"))x",
            "create_check_constraint table=t schema=s name=ck sql=a > 0 literal");
        row("create_check_constraint expression",
            R"x(op.create_check_constraint(constraint_name="ck", table_name="t", condition=sa.column("a") > 5))x",
            R"x(create_check_constraint table=t name=ck sql=sa.column("a") > 5)x");
        row("create_primary_key", R"x(op.create_primary_key("pk", "t", ["id"]))x",
            "create_primary_key table=t name=pk cols=id");
        row("create_primary_key keywords",
            R"x(op.create_primary_key(constraint_name="pk", table_name="t", columns=["a", "b"], schema="s"))x",
            "create_primary_key table=t schema=s name=pk cols=a|b");
        row("drop_constraint", R"x(op.drop_constraint("fk", "t", type_="foreignkey"))x",
            "drop_constraint table=t name=fk type_=foreignkey");
        row("drop_constraint positional", R"x(op.drop_constraint("uq", "t", "unique", "s"))x",
            "drop_constraint table=t schema=s name=uq type_=unique");
        row("drop_constraint no type",
            R"x(op.drop_constraint(constraint_name="c", table_name="t"))x",
            "drop_constraint table=t name=c");
        // comments
        row("create_table_comment", R"x(op.create_table_comment("t", "Books we sell"))x",
            "create_table_comment table=t comment=Books we sell");
        row("create_table_comment keywords",
            R"x(op.create_table_comment(table_name="t", comment="c", existing_comment="b", schema="s"))x",
            "create_table_comment table=t schema=s comment=c");
        row("drop_table_comment", R"x(op.drop_table_comment("t", existing_comment="c"))x",
            "drop_table_comment table=t");
        // bulk_insert
        row("bulk_insert inline table",
            R"x(op.bulk_insert(sa.table("t", sa.column("id", sa.Integer)), [{"id": 1}, {"id": 2}]))x",
            "bulk_insert table=t rows=2");
        row("bulk_insert Table schema",
            R"x(op.bulk_insert(table=sa.Table("t", sa.MetaData(), schema="s"), rows=[{"id": 1}], multiinsert=False))x",
            "bulk_insert table=t schema=s rows=1");
        row("bulk_insert computed rows", R"x(op.bulk_insert(table("t"), ROWS))x", "bulk_insert table=t");
        row("bulk_insert comprehension",
            R"x(op.bulk_insert(table("t"), [{"id": i} for i in range(3)]))x", "bulk_insert table=t");
        // execute
        row("execute", R"x(op.execute("UPDATE t SET a = 1"))x",
            "execute sql=UPDATE t SET a = 1 literal");
        row("execute keyword", R"x(op.execute(sqltext="DELETE FROM t"))x",
            "execute sql=DELETE FROM t literal");
        row("execute sa.text", R"x(op.execute(sa.text("DELETE FROM t")))x",
            "execute sql=DELETE FROM t literal");
        row("execute text", R"x(op.execute(text("DELETE FROM t")))x", "execute sql=DELETE FROM t literal");
        row("execute triple quoted",
            "op.execute(\"\"\"\n        UPDATE t\n        SET a = 1\n    \"\"\")",
            "execute sql=\n            UPDATE t\n            SET a = 1\n         literal");
        row("execute expression", R"x(op.execute(t.update().values(a=1)))x",
            "execute sql=t.update().values(a=1)");
        row("execute f-string", R"x(op.execute(f"DELETE FROM {name}"))x",
            R"x(execute sql=f"DELETE FROM {name}")x");
        row("get_bind execute", R"x(op.get_bind().execute(sa.text("SELECT 1")))x",
            "execute sql=SELECT 1 literal");
        row("get_bind exec_driver_sql", R"x(op.get_bind().exec_driver_sql("SELECT 1"))x",
            "execute sql=SELECT 1 literal");
    }

    void forms()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        const MigrationOps ops = readUpgrade(body);
        QCOMPARE(ops.error, QString());
        QCOMPARE(dumpAll(ops.upgrade.ops), QStringLiteral("L5 ") + expected);
        QVERIFY(!ops.upgrade.empty);
    }
    void createTable()
    {
        const MigrationOp op = single(QStringLiteral(
            "op.create_table(\n"
            "    \"books\",\n"
            "    sa.Column(\"id\", sa.Integer(), primary_key=True),\n"
            "    sa.Column(\"title\", sa.String(length=200), nullable=False),\n"
            "    sa.Column(\"author_id\", sa.Integer(), sa.ForeignKey(\"authors.id\"), nullable=True),\n"
            "    sa.Column(\"created\", sa.DateTime(), server_default=sa.func.now()),\n"
            "    sa.UniqueConstraint(\"title\"),\n"
            "    schema=\"shop\",\n"
            ")"));
        QCOMPARE(op.kind, Kind::CreateTable);
        QCOMPARE(op.line, 5);
        QCOMPARE(op.table, u"books");
        QCOMPARE(op.schema, u"shop");
        QCOMPARE(op.columns.size(), 4);
        QCOMPARE(op.columns[0].name, u"id");
        QCOMPARE(op.columns[0].type, u"sa.Integer()");
        QVERIFY(op.columns[0].primaryKey);
        QVERIFY(!op.columns[0].nullable.has_value());
        QVERIFY(!op.columns[0].effectiveNullable());
        QCOMPARE(op.columns[1].type, u"sa.String(length=200)");
        QCOMPARE(op.columns[1].nullable, std::optional<bool>(false));
        QCOMPARE(op.columns[2].foreignKey, u"authors.id");
        QCOMPARE(op.columns[2].nullable, std::optional<bool>(true));
        QCOMPARE(op.columns[3].serverDefault, u"sa.func.now()");
        QVERIFY(op.columns[3].effectiveNullable());
        QCOMPARE(op.opName(), u"create_table");
        // The statement on one line, shortened.
        QCOMPARE(op.source,
                 u"op.create_table(\"books\", sa.Column(\"id\", sa.Integer(), primary_key=True), "
                 u"sa.Column(\"title\", sa.String(length=200), n...");
        QCOMPARE(MigrationOpText::describe(op),
                 u"Creates table `shop.books` (id INTEGER primary key, title VARCHAR(200) not "
                 u"null, author_id INTEGER, created DATETIME)");
    }

    void addAndDropColumn()
    {
        const QList<MigrationOp> ops = upgradeOps(QStringLiteral(
            "op.add_column(\"books\", sa.Column(\"language\", sa.String(length=8), nullable=True))\n"
            "op.drop_column(\"books\", \"isbn\")\n"
            "op.drop_table(\"legacy\")\n"));
        QCOMPARE(ops.size(), 3);
        QCOMPARE(ops[0].kind, Kind::AddColumn);
        QCOMPARE(ops[0].table, u"books");
        QCOMPARE(ops[0].column, u"language");
        QCOMPARE(ops[0].columns.size(), 1);
        QCOMPARE(MigrationOpText::describe(ops[0]),
                 u"Adds column `books.language` VARCHAR(8), nullable");
        QCOMPARE(ops[1].kind, Kind::DropColumn);
        QCOMPARE(ops[1].line, 6);
        QCOMPARE(ops[1].column, u"isbn");
        QCOMPARE(MigrationOpText::describe(ops[1]), u"Drops column `books.isbn`");
        QCOMPARE(ops[2].kind, Kind::DropTable);
        QCOMPARE(ops[2].table, u"legacy");
    }


    // The same operations inside `with op.batch_alter_table(...) as b:`: the table is the
    // batch's, and `batchTable` says so.
    void batchForms_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* call, const char* expected) {
            QTest::newRow(name) << QString::fromUtf8(call) << QString::fromUtf8(expected);
        };
        row("add_column", R"x(b.add_column(sa.Column("c", sa.Integer(), nullable=True)))x",
            "add_column table=t column=c batch=t [c sa.Integer() null]");
        row("add_column keyword", R"x(b.add_column(column=sa.Column("c", sa.Integer()), insert_after="a"))x",
            "add_column table=t column=c batch=t [c sa.Integer()]");
        row("drop_column", R"x(b.drop_column("c"))x", "drop_column table=t column=c batch=t");
        row("drop_column keyword", R"x(b.drop_column(column_name="c"))x",
            "drop_column table=t column=c batch=t");
        row("alter_column", R"x(b.alter_column("c", new_column_name="d", existing_type=sa.String(length=40)))x",
            "alter_column table=t column=c new=d existingType=sa.String(length=40) batch=t");
        row("alter_column type", R"x(b.alter_column(column_name="c", type_=sa.BigInteger(), nullable=False))x",
            "alter_column table=t column=c newType=sa.BigInteger() newNullable=False batch=t");
        row("create_index", R"x(b.create_index("ix", ["a"], unique=True))x",
            "create_index table=t name=ix cols=a unique batch=t");
        row("create_index keywords", R"x(b.create_index(index_name="ix", columns=["a", "b"]))x",
            "create_index table=t name=ix cols=a|b batch=t");
        row("drop_index", R"x(b.drop_index("ix"))x", "drop_index table=t name=ix batch=t");
        row("create_foreign_key", R"x(b.create_foreign_key("fk", "coupons", ["coupon_id"], ["id"]))x",
            "create_foreign_key table=t name=fk cols=coupon_id ref=coupons refcols=id batch=t");
        row("create_foreign_key keywords",
            R"x(b.create_foreign_key(constraint_name="fk", referent_table="r", local_cols=["a"], remote_cols=["b"], referent_schema="x"))x",
            "create_foreign_key table=t name=fk cols=a ref=r refcols=b batch=t");
        row("create_unique_constraint", R"x(b.create_unique_constraint("uq", ["email"]))x",
            "create_unique_constraint table=t name=uq cols=email batch=t");
        row("create_check_constraint", R"x(b.create_check_constraint("ck", "rating BETWEEN 1 AND 5"))x",
            "create_check_constraint table=t name=ck sql=rating BETWEEN 1 AND 5 literal batch=t");
        row("create_primary_key", R"x(b.create_primary_key("pk", ["id"]))x",
            "create_primary_key table=t name=pk cols=id batch=t");
        row("drop_constraint", R"x(b.drop_constraint("fk", type_="foreignkey"))x",
            "drop_constraint table=t name=fk type_=foreignkey batch=t");
        row("drop_constraint positional", R"x(b.drop_constraint("ck", "check"))x",
            "drop_constraint table=t name=ck type_=check batch=t");
        row("create_table_comment", R"x(b.create_table_comment("c"))x",
            "create_table_comment table=t comment=c batch=t");
        row("drop_table_comment", R"x(b.drop_table_comment())x", "drop_table_comment table=t batch=t");
        row("execute", R"x(b.execute("UPDATE t SET a = 1"))x",
            "execute table=t sql=UPDATE t SET a = 1 literal batch=t");
    }

    void batchForms()
    {
        QFETCH(QString, call);
        QFETCH(QString, expected);
        const MigrationOps ops =
            readUpgrade(QStringLiteral("with op.batch_alter_table(\"t\") as b:\n    ") + call);
        QCOMPARE(ops.error, QString());
        QCOMPARE(dumpAll(ops.upgrade.ops), QStringLiteral("L6 ") + expected);
    }

    void batchBlocks()
    {
        // schema=, several blocks, a block on one line, a block without `as`, nested blocks,
        // and the op.* calls between them.
        const MigrationOps ops = readUpgrade(QStringLiteral(
            "with op.batch_alter_table(\"a\", schema=\"s\") as batch_op:\n"  // 5
            "    batch_op.drop_column(\"x\")\n"                              // 6
            "    op.drop_table(\"other\")\n"                                 // 7
            "    with op.batch_alter_table(\"b\", \"s2\") as inner:\n"       // 8
            "        inner.drop_column(\"y\")\n"                             // 9
            "        batch_op.drop_column(\"z\")\n"                          // 10
            "    batch_op.drop_column(\"w\")\n"                              // 11
            "with op.batch_alter_table(table_name=\"c\", recreate=\"always\") as b: b.drop_column(\"v\")\n" // 12
            "with op.batch_alter_table(\"d\"):\n"                            // 13
            "    op.drop_column(\"d\", \"u\")\n"                             // 14
            "with op.batch_alter_table(\"e\") as e1, op.batch_alter_table(\"f\") as f1:\n" // 15
            "    e1.drop_column(\"p\")\n"                                    // 16
            "    f1.drop_column(\"q\")\n"));                                 // 17
        QCOMPARE(ops.error, QString());
        QCOMPARE(dumpAll(ops.upgrade.ops),
                 QStringLiteral("L6 drop_column table=a schema=s column=x batch=a\n"
                                "L7 drop_table table=other\n"
                                "L9 drop_column table=b schema=s2 column=y batch=b\n"
                                "L10 drop_column table=a schema=s column=z batch=a\n"
                                "L11 drop_column table=a schema=s column=w batch=a\n"
                                "L12 drop_column table=c column=v batch=c\n"
                                "L14 drop_column table=d column=u\n"
                                "L16 drop_column table=e column=p batch=e\n"
                                "L17 drop_column table=f column=q batch=f"));
    }

    void bindings()
    {
        // conn = op.get_bind(); t = sa.table(...); t = op.create_table(...): later calls
        // read through them.
        const MigrationOps ops = readUpgrade(QStringLiteral(
            "conn = op.get_bind()\n"                                              // 5
            "conn.execute(sa.text(\"UPDATE books SET price = 0\"))\n"             // 6
            "books = sa.table(\"books\", sa.column(\"id\", sa.Integer), schema=\"shop\")\n" // 7
            "op.bulk_insert(books, [{\"id\": 1}, {\"id\": 2}, {\"id\": 3},])\n"   // 8
            "tags = op.create_table(\"tags\", sa.Column(\"id\", sa.Integer, primary_key=True))\n" // 9
            "op.bulk_insert(tags, [{\"id\": 1}])\n"                               // 10
            "bind: sa.engine.Connection = op.get_bind()\n"                        // 11
            "bind.exec_driver_sql(\"VACUUM\")\n"                                  // 12
            "conn = something_else()\n"                                           // 13
            "conn.execute(\"SELECT 1\")\n"));                                     // 14
        QCOMPARE(ops.error, QString());
        QCOMPARE(dumpAll(ops.upgrade.ops),
                 QStringLiteral(
                     "L6 execute sql=UPDATE books SET price = 0 literal\n"
                     "L8 bulk_insert table=books schema=shop rows=3\n"
                     "L9 create_table table=tags [id sa.Integer pk]\n"
                     "L10 bulk_insert table=tags rows=1\n"
                     "L12 execute sql=VACUUM literal\n"
                     "L13 not_read why=an assignment to `conn`\n"
                     "L14 not_read why=a call of `conn.execute`"));
    }


    void sqlType_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("sql");
        auto row = [](const char* written, const char* sql) {
            QTest::newRow(written) << QString::fromUtf8(written) << QString::fromUtf8(sql);
        };
        row("sa.String(length=8)", "VARCHAR(8)");
        row("sa.String(8)", "VARCHAR(8)");
        row("sa.String()", "VARCHAR");
        row("String", "VARCHAR");
        row("sa.types.String(length=300, collation=\"C\")", "VARCHAR(300)");
        row("sa.Unicode(40)", "VARCHAR(40)");
        row("sa.VARCHAR(12)", "VARCHAR(12)");
        row("sa.Integer()", "INTEGER");
        row("sa.Integer", "INTEGER");
        row("Integer()", "INTEGER");
        row("sa.types.Integer()", "INTEGER");
        row("sa.BigInteger()", "BIGINT");
        row("sa.SmallInteger()", "SMALLINT");
        row("sa.Text()", "TEXT");
        row("sa.UnicodeText()", "TEXT");
        row("sa.Boolean()", "BOOLEAN");
        row("sa.Date()", "DATE");
        row("sa.DateTime()", "DATETIME");
        row("sa.DateTime(timezone=True)", "TIMESTAMP WITH TIME ZONE");
        row("sa.TIMESTAMP()", "TIMESTAMP");
        row("sa.Numeric(10, 2)", "NUMERIC(10, 2)");
        row("sa.Numeric(precision=12, scale=4)", "NUMERIC(12, 4)");
        row("sa.Numeric()", "NUMERIC");
        row("sa.Float()", "FLOAT");
        row("sa.Enum(\"a\", \"b\", name=\"kind\")", "ENUM");
        row("sa.JSON()", "JSON");
        row("postgresql.JSONB()", "JSONB");
        row("postgresql.JSONB", "JSONB");
        row("sa.dialects.postgresql.JSONB(astext_type=sa.Text())", "JSONB");
        row("postgresql.ARRAY(sa.Integer())", "INTEGER[]");
        row("sa.LargeBinary()", "BLOB");
        row("sa.CHAR(2)", "CHAR(2)");
        row("sa.Uuid()", "UUID");
        row("MyType()", "MyType()");
        row("sa.String(8).with_variant(sa.Text(), \"sqlite\")",
            "sa.String(8).with_variant(sa.Text(), \"sqlite\")");
        row("custom.Thing(1)", "custom.Thing(1)");
        row("", "");
    }

    void sqlType()
    {
        QFETCH(QString, written);
        QFETCH(QString, sql);
        QCOMPARE(MigrationOpText::sqlType(written), sql);
    }

    void describe_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("text");
        auto row = [](const char* name, const char* body, const char* text) {
            QTest::newRow(name) << QString::fromUtf8(body) << QString::fromUtf8(text);
        };
        row("create_table",
            R"x(op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("title", sa.String(length=200), nullable=False)))x",
            "Creates table `books` (id INTEGER primary key, title VARCHAR(200) not null)");
        row("add_column",
            R"x(op.add_column("books", sa.Column("language", sa.String(length=8), nullable=True)))x",
            "Adds column `books.language` VARCHAR(8), nullable");
        row("add_column details",
            R"x(op.add_column("books", sa.Column("n", sa.Integer(), sa.ForeignKey("a.id"), nullable=False, server_default="0")))x",
            "Adds column `books.n` INTEGER, not null, default \"0\", references a.id");
        row("drop_column", R"x(op.drop_column("books", "isbn"))x", "Drops column `books.isbn`");
        row("drop_table", R"x(op.drop_table("books", schema="shop"))x", "Drops table `shop.books`");
        row("rename_table", R"x(op.rename_table("a", "b"))x", "Renames table `a` to `b`");
        row("alter_column type",
            R"x(op.alter_column("t", "c", type_=sa.Text(), existing_type=sa.String(8), nullable=False))x",
            "Changes column `t.c`: type VARCHAR(8) -> TEXT, not null");
        row("alter_column rename",
            R"x(op.alter_column("t", "c", new_column_name="d", server_default=None))x",
            "Changes column `t.c`: renamed to `d`, no server default");
        row("alter_column nothing", R"x(op.alter_column("t", "c"))x",
            "Changes column `t.c`: no change Retort can see");
        row("create_index", R"x(op.create_index("ix", "t", ["a", "b"], unique=True))x",
            "Creates unique index `ix` on `t` (a, b)");
        row("drop_index", R"x(op.drop_index("ix", table_name="t"))x", "Drops index `ix` on `t`");
        row("create_foreign_key",
            R"x(op.create_foreign_key("fk", "a", "b", ["b_id"], ["id"]))x",
            "Adds foreign key `fk` on `a` (b_id) to `b` (id)");
        row("create_foreign_key unnamed",
            R"x(op.create_foreign_key(None, "a", "b", ["b_id"], ["id"]))x",
            "Adds foreign key `(unnamed)` on `a` (b_id) to `b` (id)");
        row("create_unique_constraint", R"x(op.create_unique_constraint("uq", "t", ["a"]))x",
            "Adds unique constraint `uq` on `t` (a)");
        row("create_check_constraint", R"x(op.create_check_constraint("ck", "t", "a > 0"))x",
            "Adds check constraint `ck` on `t`: a > 0");
        row("create_primary_key", R"x(op.create_primary_key("pk", "t", ["id"]))x",
            "Adds primary key `pk` on `t` (id)");
        row("drop_constraint", R"x(op.drop_constraint("fk", "t", type_="foreignkey"))x",
            "Drops foreign key `fk` on `t`");
        row("drop_constraint untyped", R"x(op.drop_constraint("c", "t"))x",
            "Drops constraint `c` on `t`");
        row("create_table_comment", R"x(op.create_table_comment("t", "Books"))x",
            "Sets the comment of table `t`: \"Books\"");
        row("drop_table_comment", R"x(op.drop_table_comment("t"))x",
            "Removes the comment of table `t`");
        row("bulk_insert", R"x(op.bulk_insert(sa.table("t"), [{}, {}]))x",
            "Inserts 2 row(s) into `t`");
        row("bulk_insert unknown rows", R"x(op.bulk_insert(sa.table("t"), rows))x",
            "Inserts rows into `t`");
        row("execute",
            R"x(op.execute("UPDATE books SET price_cents = price_cents * 100 WHERE currency = 'EUR' AND price_cents < 1000"))x",
            "Runs raw SQL: UPDATE books SET price_cents = price_cents * 100 WHERE currency = 'EUR' "
            "AND p...");
        row("execute not literal", R"x(op.execute(accounts.update().values(active=False)))x",
            "Runs SQL Retort does not read: `accounts.update().values(active=False)`");
        row("not read", "for t in x:\n    pass", "Not read: a for loop (line 5)");
    }

    void describe()
    {
        QFETCH(QString, body);
        QFETCH(QString, text);
        const MigrationOps ops = readUpgrade(body);
        QCOMPARE(ops.upgrade.ops.size(), 1);
        QCOMPARE(MigrationOpText::describe(ops.upgrade.ops.first()), text);
    }

    void describeColumn()
    {
        ColumnSpec column;
        column.type = QStringLiteral("sa.Integer()");
        column.primaryKey = true;
        QCOMPARE(MigrationOpText::describeColumn(column), u"INTEGER, not null, primary key");
        column.primaryKey = false;
        QCOMPARE(MigrationOpText::describeColumn(column), u"INTEGER, nullable");
        column.nullable = false;
        QCOMPARE(MigrationOpText::describeColumn(column), u"INTEGER, not null");
        // Every kind has alembic's name; NotRead's is not_read.
        QCOMPARE(MigrationOp::opName(Kind::CreateUniqueConstraint), u"create_unique_constraint");
        QCOMPARE(MigrationOp::opName(Kind::DropTableComment), u"drop_table_comment");
        QCOMPARE(MigrationOp::opName(Kind::NotRead), u"not_read");
    }


    // What `alembic revision --autogenerate` writes, read whole.
    void autogenerated()
    {
        const MigrationOps ops = MigrationOpsReader::read(QStringLiteral(
            "def upgrade() -> None:\n"                                                      // 1
            "    # ### commands auto generated by Alembic - please adjust! ###\n"           // 2
            "    op.create_table('user',\n"                                                 // 3
            "    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),\n"
            "    sa.Column('name', sa.String(length=50), nullable=False),\n"
            "    sa.Column('created', sa.DateTime(timezone=True), "
            "server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=True),\n"
            "    sa.Column('org_id', sa.Integer(), nullable=True),\n"
            "    sa.ForeignKeyConstraint(['org_id'], ['org.id'], ),\n"
            "    sa.PrimaryKeyConstraint('id'),\n"
            "    sa.UniqueConstraint('name')\n"
            "    )\n"                                                                       // 11
            "    op.create_index(op.f('ix_user_name'), 'user', ['name'], unique=False)\n"   // 12
            "    with op.batch_alter_table('address', schema=None) as batch_op:\n"          // 13
            "        batch_op.add_column(sa.Column('zip', sa.String(length=10), nullable=True))\n"
            "        batch_op.create_index(batch_op.f('ix_address_zip'), ['zip'], unique=False)\n"
            "        batch_op.create_foreign_key(None, 'user', ['user_id'], ['id'])\n"      // 16
            "\n"
            "    op.alter_column('user', 'name',\n"                                         // 18
            "               existing_type=sa.VARCHAR(length=50),\n"
            "               nullable=True)\n"
            "    op.drop_constraint(None, 'address', type_='foreignkey')\n"                 // 21
            "    # ### end Alembic commands ###\n"));
        QCOMPARE(ops.error, QString());
        QCOMPARE(dumpAll(ops.upgrade.ops),
                 QStringLiteral(
                     "L3 create_table table=user [id sa.Integer() notnull pk] "
                     "[name sa.String(length=50) notnull] "
                     "[created sa.DateTime(timezone=True) null default=sa.text('(CURRENT_TIMESTAMP)')] "
                     "[org_id sa.Integer() null fk=org.id]\n"
                     "L12 create_index table=user name=ix_user_name cols=name\n"
                     "L14 add_column table=address column=zip batch=address [zip sa.String(length=10) null]\n"
                     "L15 create_index table=address name=ix_address_zip cols=zip batch=address\n"
                     "L16 create_foreign_key table=address cols=user_id ref=user refcols=id batch=address\n"
                     "L18 alter_column table=user column=name newNullable=True existingType=sa.VARCHAR(length=50)\n"
                     "L21 drop_constraint table=address type_=foreignkey"));
        QCOMPARE(ops.upgrade.endLine, 21);
        QCOMPARE(MigrationOpText::describe(ops.upgrade.ops.first()),
                 u"Creates table `user` (id INTEGER primary key, name VARCHAR(50) not null, "
                 u"created TIMESTAMP WITH TIME ZONE, org_id INTEGER)");
    }

    void demoProject()
    {
        const QDir versions(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/migrations/versions"));
        const QStringList files = versions.entryList({QStringLiteral("*.py")}, QDir::Files);
        QCOMPARE(files.size(), 40);
        int notRead = 0;
        QMap<QString, int> kinds;
        for (const QString& file : files) {
            const MigrationOps ops = MigrationOpsReader::readFile(versions.filePath(file));
            QVERIFY2(ops.error.isEmpty(), qPrintable(file + QStringLiteral(": ") + ops.error));
            QVERIFY2(ops.upgrade.present && ops.downgrade.present, qPrintable(file));
            for (const MigrationFunction* f : {&ops.upgrade, &ops.downgrade}) {
                QVERIFY(!f->raisesLine);
                for (const MigrationOp& op : f->ops) {
                    ++kinds[op.opName()];
                    if (op.kind == Kind::NotRead) {
                        ++notRead;
                        qWarning("%s:%d %s", qPrintable(file), op.line, qPrintable(op.why));
                    }
                }
            }
        }
        // The demo writes every operation as literals: nothing is left unread. The counts are
        // those of `grep -E '(op|batch_op)\.<name>\('` over the folder.
        QCOMPARE(notRead, 0);
        const QMap<QString, int> expected = {
            {QStringLiteral("add_column"), 18},         {QStringLiteral("alter_column"), 2},
            {QStringLiteral("create_check_constraint"), 2}, {QStringLiteral("create_foreign_key"), 2},
            {QStringLiteral("create_index"), 8},        {QStringLiteral("create_table"), 22},
            {QStringLiteral("create_unique_constraint"), 2}, {QStringLiteral("drop_column"), 18},
            {QStringLiteral("drop_constraint"), 6},     {QStringLiteral("drop_index"), 8},
            {QStringLiteral("drop_table"), 22}};
        QCOMPARE(kinds, expected);
    }

    void demoFiles()
    {
        const QString dir = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/migrations/versions/");
        // The rename of customers.phone, in a batch block.
        MigrationOps ops = MigrationOpsReader::readFile(
            dir + QStringLiteral("2023_08_22_0907-0e46b5fa5b0c_rename_customers_phone_to_phone_number.py"));
        QCOMPARE(ops.upgrade.ops.size(), 1);
        MigrationOp op = ops.upgrade.ops.first();
        QCOMPARE(op.kind, Kind::AlterColumn);
        QCOMPARE(op.table, u"customers");
        QCOMPARE(op.batchTable, u"customers");
        QCOMPARE(op.column, u"phone");
        QCOMPARE(op.newName, u"phone_number");
        QCOMPARE(op.existingType, u"sa.String(length=40)");
        QVERIFY(!op.newType);
        QCOMPARE(ops.downgrade.ops.first().newName, u"phone");

        // The drop of books.legacy_sku, and its re-creation in the downgrade.
        ops = MigrationOpsReader::readFile(dir + QStringLiteral("2024_03_12_1012-6dbbef65ed78_drop_legacy_sku_from_books.py"));
        QCOMPARE(ops.upgrade.ops.size(), 1);
        op = ops.upgrade.ops.first();
        QCOMPARE(op.kind, Kind::DropColumn);
        QCOMPARE(op.table, u"books");
        QCOMPARE(op.column, u"legacy_sku");
        QCOMPARE(ops.downgrade.ops.first().kind, Kind::AddColumn);
        QCOMPARE(ops.downgrade.ops.first().columns.first().type, u"sa.String(length=32)");
        QVERIFY(!ops.upgrade.empty);

        // A merge point: both bodies are `pass`.
        ops = MigrationOpsReader::readFile(dir + QStringLiteral("7658f94855d0_merge_reviews_into_main_line.py"));
        QVERIFY(ops.upgrade.present);
        QVERIFY(ops.upgrade.empty);
        QVERIFY(ops.downgrade.empty);
        QVERIFY(ops.upgrade.ops.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrationOps)
#include "tst_migrationops.moc"
