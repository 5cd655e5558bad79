// MigrationOpsReader against alembic itself: each call below runs through the real alembic's
// op functions (tests/fixtures/ops_oracle.py records the operation objects they build, with
// no database), and Retort's reading of the same call must name the same tables, columns,
// schemas and constraints; a call alembic refuses must not be read as an operation.
#include "model/migration/migrationops.h"
#include "model/migrationopstesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace retort;
using Kind = MigrationOp::Kind;

namespace {

const char* const kCalls[] = {
    R"x(op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.String(8), nullable=False), sa.Column("b", sa.Text)))x",
    R"x(op.create_table("t", Column("id", Integer, primary_key=True), schema="s"))x",
    R"x(op.create_table(table_name="t"))x",
    R"x(op.drop_table("t"))x",
    R"x(op.drop_table("t", "s"))x",
    R"x(op.drop_table(table_name="t", schema="s"))x",
    R"x(op.drop_table("t", "s", "extra"))x",
    R"x(op.rename_table("a", "b"))x",
    R"x(op.rename_table("a", "b", "s"))x",
    R"x(op.rename_table(old_table_name="a", new_table_name="b", schema="s"))x",
    R"x(op.add_column("t", sa.Column("c", sa.Integer())))x",
    R"x(op.add_column("t", sa.Column("c", sa.Integer()), "s"))x",
    R"x(op.add_column(table_name="t", column=sa.Column("c", sa.Integer()), schema="s"))x",
    R"x(op.drop_column("t", "c"))x",
    R"x(op.drop_column("t", "c", "s"))x",
    R"x(op.drop_column(table_name="t", column_name="c", schema="s"))x",
    R"x(op.drop_column("t"))x",
    R"x(op.alter_column("t", "c", new_column_name="d"))x",
    R"x(op.alter_column("t", "c", False))x",
    R"x(op.alter_column("t", "c", True, None, False, "d"))x",
    R"x(op.alter_column("t", "c", nullable=False, type_=sa.Text(), existing_type=sa.String(8), schema="s"))x",
    R"x(op.alter_column(table_name="t", column_name="c", nullable=None, new_column_name="e"))x",
    R"x(op.create_index("ix", "t", ["a", "b"]))x",
    R"x(op.create_index("ix", "t", ["a"], "s", True))x",
    R"x(op.create_index(op.f("ix"), "t", ["a"], unique=True, schema="s"))x",
    R"x(op.create_index(index_name="ix", table_name="t", columns=("a",)))x",
    R"x(op.drop_index("ix"))x",
    R"x(op.drop_index("ix", "t", "s"))x",
    R"x(op.drop_index("ix", table_name="t"))x",
    R"x(op.drop_index(index_name="ix", table_name="t", schema="s"))x",
    R"x(op.create_foreign_key("fk", "a", "b", ["b_id"], ["id"]))x",
    R"x(op.create_foreign_key(None, "a", "b", ["x", "y"], ["x", "y"], "CASCADE", "CASCADE", None, None, None, "s", "r"))x",
    R"x(op.create_foreign_key(constraint_name="fk", source_table="a", referent_table="b", local_cols=["b_id"], remote_cols=["id"], source_schema="s"))x",
    R"x(op.create_unique_constraint("uq", "t", ["a", "b"]))x",
    R"x(op.create_unique_constraint("uq", "t", ["a"], "s"))x",
    R"x(op.create_unique_constraint(constraint_name=None, table_name="t", columns=["a"]))x",
    R"x(op.create_check_constraint("ck", "t", "a > 0"))x",
    R"x(op.create_check_constraint("ck", "t", "a > 0", "s"))x",
    R"x(op.create_check_constraint(constraint_name="ck", table_name="t", condition=sa.text("a > 0")))x",
    R"x(op.create_primary_key("pk", "t", ["id"]))x",
    R"x(op.create_primary_key("pk", "t", ["a", "b"], "s"))x",
    R"x(op.create_primary_key(constraint_name="pk", table_name="t", columns=["id"], schema="s"))x",
    R"x(op.drop_constraint("fk", "t", "foreignkey"))x",
    R"x(op.drop_constraint("uq", "t", "unique", "s"))x",
    R"x(op.drop_constraint(constraint_name="ck", table_name="t", type_="check", schema="s"))x",
    R"x(op.drop_constraint("c", "t"))x",
    R"x(op.create_table_comment("t", "hello"))x",
    R"x(op.create_table_comment("t", "hello", None, "s"))x",
    R"x(op.create_table_comment(table_name="t", comment="hello", schema="s"))x",
    R"x(op.drop_table_comment("t"))x",
    R"x(op.drop_table_comment("t", "old", "s"))x",
    R"x(op.drop_table_comment(table_name="t", schema="s"))x",
    R"x(op.bulk_insert(sa.table("t", sa.column("id")), [{"id": 1}, {"id": 2}]))x",
    R"x(op.bulk_insert(table("t", sa.column("id"), schema="s"), [{"id": 1}], False))x",
    R"x(op.bulk_insert(table=sa.table("t"), rows=[{}, {}, {}], multiinsert=False))x",
    R"x(op.execute("UPDATE t SET a = 1"))x",
    R"x(op.execute(sqltext="DELETE FROM t"))x",
    R"x(op.execute(sa.text("DELETE FROM t")))x",
    R"x(op.execute(text("DELETE FROM t"), None))x",
    R"x(op.execute("a", None, "extra"))x",
    // batch forms: the table and schema are the batch's
    "with op.batch_alter_table(\"t\", schema=\"s\") as b:\n    b.add_column(sa.Column(\"c\", sa.Integer()))",
    "with op.batch_alter_table(\"t\", \"s\") as b:\n    b.add_column(column=sa.Column(\"c\", sa.Integer()), insert_after=\"a\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.drop_column(\"c\")",
    "with op.batch_alter_table(table_name=\"t\") as b:\n    b.drop_column(column_name=\"c\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.alter_column(\"c\", False, new_column_name=\"d\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.alter_column(column_name=\"c\", nullable=True, existing_type=sa.String(8))",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_index(\"ix\", [\"a\", \"b\"], unique=True)",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_index(index_name=\"ix\", columns=[\"a\"])",
    "with op.batch_alter_table(\"t\") as b:\n    b.drop_index(\"ix\")",
    "with op.batch_alter_table(\"t\", schema=\"s\") as b:\n    b.create_foreign_key(\"fk\", \"r\", [\"r_id\"], [\"id\"])",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_foreign_key(constraint_name=\"fk\", referent_table=\"r\", local_cols=[\"a\"], remote_cols=[\"b\"])",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_unique_constraint(\"uq\", [\"a\"])",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_check_constraint(\"ck\", \"a > 0\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_primary_key(\"pk\", [\"id\"])",
    "with op.batch_alter_table(\"t\") as b:\n    b.drop_constraint(\"ck\", \"check\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.drop_constraint(constraint_name=\"fk\", type_=\"foreignkey\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.create_table_comment(\"hello\")",
    "with op.batch_alter_table(\"t\") as b:\n    b.drop_table_comment()",
    "with op.batch_alter_table(\"t\") as b:\n    b.drop_column(\"c\", \"extra\")",
};

QString field(const QString& key, const QString& value)
{
    return value.isEmpty() ? QString() : u' ' + key + u'=' + value;
}

QString joined(const QStringList& list)
{
    return list.join(u'|');
}

QString jsonText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items << jsonText(item);
        return joined(items);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    if (v.isDouble())
        return QString::number(v.toInt());
    return {};
}

// The fields both sides know, in one line. From alembic's operation object:
QString fromAlembic(const QJsonObject& o)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("CreateTableOp"), QStringLiteral("create_table")},
        {QStringLiteral("DropTableOp"), QStringLiteral("drop_table")},
        {QStringLiteral("RenameTableOp"), QStringLiteral("rename_table")},
        {QStringLiteral("AddColumnOp"), QStringLiteral("add_column")},
        {QStringLiteral("DropColumnOp"), QStringLiteral("drop_column")},
        {QStringLiteral("AlterColumnOp"), QStringLiteral("alter_column")},
        {QStringLiteral("CreateIndexOp"), QStringLiteral("create_index")},
        {QStringLiteral("DropIndexOp"), QStringLiteral("drop_index")},
        {QStringLiteral("CreateForeignKeyOp"), QStringLiteral("create_foreign_key")},
        {QStringLiteral("CreateUniqueConstraintOp"), QStringLiteral("create_unique_constraint")},
        {QStringLiteral("CreateCheckConstraintOp"), QStringLiteral("create_check_constraint")},
        {QStringLiteral("CreatePrimaryKeyOp"), QStringLiteral("create_primary_key")},
        {QStringLiteral("DropConstraintOp"), QStringLiteral("drop_constraint")},
        {QStringLiteral("CreateTableCommentOp"), QStringLiteral("create_table_comment")},
        {QStringLiteral("DropTableCommentOp"), QStringLiteral("drop_table_comment")},
        {QStringLiteral("BulkInsertOp"), QStringLiteral("bulk_insert")},
        {QStringLiteral("ExecuteSQLOp"), QStringLiteral("execute")},
    };
    const QString op = names.value(o.value(u"op").toString(), o.value(u"op").toString());
    QString line = op;
    line += field(QStringLiteral("table"), jsonText(o.contains(u"source_table")
                                                        ? o.value(u"source_table")
                                                        : o.value(u"table_name")));
    line += field(QStringLiteral("schema"), jsonText(o.contains(u"source_schema")
                                                         ? o.value(u"source_schema")
                                                         : o.value(u"schema")));
    line += field(QStringLiteral("column"), jsonText(o.value(u"column_name")));
    line += field(QStringLiteral("new"), jsonText(o.contains(u"new_table_name")
                                                      ? o.value(u"new_table_name")
                                                      : o.value(u"modify_name")));
    line += field(QStringLiteral("name"), jsonText(o.contains(u"index_name")
                                                       ? o.value(u"index_name")
                                                       : o.value(u"constraint_name")));
    if (op == u"create_table") {
        QStringList columns;
        for (const QJsonValue& c : o.value(u"columns").toArray()) {
            const QJsonArray a = c.toArray();
            columns << a.at(0).toString() + (a.at(1).toBool() ? QString() : QStringLiteral(" notnull")) +
                           (a.at(2).toBool() ? QStringLiteral(" pk") : QString());
        }
        line += field(QStringLiteral("columns"), columns.join(QStringLiteral(", ")));
    } else {
        line += field(QStringLiteral("cols"), jsonText(o.contains(u"local_cols")
                                                           ? o.value(u"local_cols")
                                                           : o.value(u"columns")));
    }
    line += field(QStringLiteral("ref"), jsonText(o.value(u"referent_table")));
    line += field(QStringLiteral("refcols"), jsonText(o.value(u"remote_cols")));
    line += field(QStringLiteral("nullable"), jsonText(o.value(u"modify_nullable")));
    if (op == u"create_index")
        line += field(QStringLiteral("unique"), jsonText(o.value(u"unique")));
    if (op == u"drop_constraint")
        line += field(QStringLiteral("type"), jsonText(o.value(u"constraint_type")));
    if (op == u"create_table_comment")
        line += field(QStringLiteral("comment"), jsonText(o.value(u"comment")));
    line += field(QStringLiteral("rows"), jsonText(o.value(u"rows")));
    line += field(QStringLiteral("sql"), jsonText(o.value(u"sql")));
    return line;
}

// ... and from Retort's reading.
QString fromRetort(const MigrationOp& op)
{
    QString line = op.opName();
    line += field(QStringLiteral("table"), op.table);
    line += field(QStringLiteral("schema"), op.schema);
    line += field(QStringLiteral("column"), op.column);
    line += field(QStringLiteral("new"), op.newName);
    line += field(QStringLiteral("name"), op.name);
    if (op.kind == Kind::CreateTable) {
        QStringList columns;
        for (const ColumnSpec& c : op.columns)
            columns << c.name + (c.effectiveNullable() ? QString() : QStringLiteral(" notnull")) +
                           (c.primaryKey ? QStringLiteral(" pk") : QString());
        line += field(QStringLiteral("columns"), columns.join(QStringLiteral(", ")));
    } else {
        line += field(QStringLiteral("cols"), joined(op.columnNames));
    }
    line += field(QStringLiteral("ref"), op.referentTable);
    line += field(QStringLiteral("refcols"), joined(op.referentColumns));
    if (op.newNullable)
        line += field(QStringLiteral("nullable"), *op.newNullable ? QStringLiteral("True")
                                                                   : QStringLiteral("False"));
    if (op.kind == Kind::CreateIndex)
        line += field(QStringLiteral("unique"), op.unique ? QStringLiteral("True")
                                                          : QStringLiteral("False"));
    line += field(QStringLiteral("type"), op.constraintType);
    if (op.kind == Kind::CreateTableComment)
        line += field(QStringLiteral("comment"), op.comment.value_or(QString()));
    if (op.rows >= 0)
        line += field(QStringLiteral("rows"), QString::number(op.rows));
    line += field(QStringLiteral("sql"), op.sql);
    return line;
}

} // namespace

class TestMigrationOpsAlembic : public QObject
{
    Q_OBJECT

private slots:
    void sameAsAlembic()
    {
        QJsonArray bodies;
        for (const char* call : kCalls)
            bodies << QString::fromUtf8(call);
        QProcess python;
        python.start(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral(RETORT_FIXTURES_DIR "/ops_oracle.py")});
        QVERIFY(python.waitForStarted());
        python.write(QJsonDocument(bodies).toJson());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonArray results = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        QCOMPARE(results.size(), bodies.size());

        int refused = 0;
        QStringList failures;
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            const QString body = bodies.at(i).toString();
            const QJsonObject result = results.at(i).toObject();
            const MigrationOps read = testing::readUpgrade(body);
            QVERIFY2(read.error.isEmpty(), qPrintable(body));
            QCOMPARE(read.upgrade.ops.size(), 1);
            const MigrationOp& op = read.upgrade.ops.first();
            if (result.contains(u"error")) {
                // alembic refuses the call (a TypeError): Retort must not read it as one.
                ++refused;
                if (op.kind != Kind::NotRead)
                    failures << body + QStringLiteral("\n  Retort:  ") + fromRetort(op) +
                                    QStringLiteral("\n  alembic: ") +
                                    result.value(u"error").toString();
                continue;
            }
            const QJsonArray alembicOps = result.value(u"ops").toArray();
            QCOMPARE(alembicOps.size(), 1);
            const QString expected = fromAlembic(alembicOps.first().toObject());
            if (fromRetort(op) != expected)
                failures << body + QStringLiteral("\n  Retort:  ") + fromRetort(op) +
                                QStringLiteral("\n  alembic: ") + expected;
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        // drop_table with 3 arguments, drop_column with 1, execute with 3, batch drop_column with 2
        QCOMPARE(refused, 4);
    }
};

QTEST_GUILESS_MAIN(TestMigrationOpsAlembic)
#include "tst_migrationopsalembic.moc"
