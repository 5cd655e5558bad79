// MigrationOpsReader: what it does not read (each reported once, with its line and a why that
// names the thing), the shape of the functions (present, empty, raises, lines), files that do
// not tokenize, and hostile input.
#include "model/migration/migrationops.h"
#include "model/migrationopstesting.h"

#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using testing::dumpAll;
using testing::readUpgrade;
using Kind = MigrationOp::Kind;

class TestMigrationOpsNotRead : public QObject
{
    Q_OBJECT

private slots:
    // One statement Retort does not read: one NotRead with the statement's first line and a
    // why naming what it is; the lines inside it are not read (and not reported apart).
    void notRead_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* body, const char* expected) {
            QTest::newRow(name) << QString::fromUtf8(body) << QString::fromUtf8(expected);
        };
        row("for loop",
            "for name in (\"a\", \"b\"):\n    op.drop_table(name)\n    op.drop_table(\"x\")\n"
            "else:\n    op.drop_table(\"y\")\nop.drop_table(\"z\")",
            "L5 not_read why=a for loop\nL10 drop_table table=z");
        row("while loop", "while True:\n    break", "L5 not_read why=a while loop");
        row("if elif else",
            "if context.is_offline_mode():\n    op.drop_table(\"a\")\nelif x:\n    pass\n"
            "else:\n    op.drop_table(\"b\")\nop.drop_table(\"c\")",
            "L5 not_read why=an if statement\nL11 drop_table table=c");
        row("if on one line", "if x: op.drop_table(\"a\")\nelse: op.drop_table(\"b\")",
            "L5 not_read why=an if statement");
        row("two ifs", "if a:\n    pass\nif b:\n    pass",
            "L5 not_read why=an if statement\nL7 not_read why=an if statement");
        row("try",
            "try:\n    op.drop_table(\"a\")\nexcept Exception:\n    pass\nfinally:\n    pass",
            "L5 not_read why=a try statement");
        row("with other than batch", "with open(\"x\") as f:\n    op.execute(f.read())",
            "L5 not_read why=a with statement");
        row("with batch and something else",
            "with op.batch_alter_table(\"t\") as b, open(\"x\") as f:\n    b.drop_column(\"c\")",
            "L5 not_read why=a with statement");
        row("match", "match x:\n    case 1:\n        pass", "L5 not_read why=a match statement");
        row("helper call", "create_audit_triggers(\"books\")",
            "L5 not_read why=a call of `create_audit_triggers`");
        row("dotted helper", "helpers.add_timestamps(op, \"books\")",
            "L5 not_read why=a call of `helpers.add_timestamps`");
        row("unknown op", "op.create_exclude_constraint(\"ex\", \"t\", (\"period\", \"&&\"))",
            "L5 not_read why=`op.create_exclude_constraint` is an operation Retort does not read");
        row("unknown batch op", "with op.batch_alter_table(\"t\") as b:\n    b.reorder(1)",
            "L6 not_read batch=t why=`b.reorder` is an operation Retort does not read");
        row("batch_alter_table outside with", "op.batch_alter_table(\"t\")",
            "L5 not_read why=`op.batch_alter_table` outside a with statement");
        row("assignment", "x = 1", "L5 not_read why=an assignment to `x`");
        row("tuple assignment", "a, b = 1, 2", "L5 not_read why=an assignment to `a, b`");
        row("augmented assignment", "count += 1", "L5 not_read why=an assignment to `count`");
        row("assignment of a call", "rows = conn.execute(\"SELECT 1\").fetchall()",
            "L5 not_read why=an assignment to `rows`");
        row("return", "op.drop_table(\"a\")\nreturn\nop.drop_table(\"b\")",
            "L5 drop_table table=a\nL6 not_read why=a return statement\nL7 drop_table table=b");
        row("nested def", "def helper(t):\n    op.drop_table(t)\nhelper(\"a\")",
            "L5 not_read why=a nested function definition `helper`\n"
            "L7 not_read why=a call of `helper`");
        row("decorated nested def", "@functools.cache\n@other\ndef helper():\n    pass",
            "L5 not_read why=a nested function definition `helper`");
        row("nested class", "class Model(Base):\n    id = 1",
            "L5 not_read why=a class definition `Model`");
        row("import", "from sqlalchemy.dialects import postgresql",
            "L5 not_read why=an import");
        row("del", "del x", "L5 not_read why=a `del` statement");
        row("expression", "x + 1", "L5 not_read why=an expression: `x + 1`");
        row("raise in a batch block",
            "with op.batch_alter_table(\"t\") as b:\n    raise ValueError",
            "L6 not_read why=a raise statement");
        // Names defined elsewhere: the call is not read, and the why names the name.
        row("table is a name", "op.drop_table(TABLE)",
            "L5 not_read why=`op.drop_table` takes table_name from `TABLE`, which is defined "
            "elsewhere");
        row("table keyword is a name", "op.add_column(table_name=tbl, column=sa.Column(\"c\", sa.Integer))",
            "L5 not_read why=`op.add_column` takes table_name from `tbl`, which is defined "
            "elsewhere");
        row("column is a name", "op.add_column(\"t\", COLUMN)",
            "L5 not_read why=`op.add_column` takes column from `COLUMN`, which is defined "
            "elsewhere");
        row("column name is a name", "op.add_column(\"t\", sa.Column(NAME, sa.Integer))",
            "L5 not_read why=`op.add_column` takes the name of a column from `NAME`, which is "
            "defined elsewhere");
        row("create_table column is a name", "op.create_table(\"t\", id_column(), *more)",
            "L5 not_read why=`op.create_table` is called with arguments unpacked from `more`");
        row("create_table takes a helper",
            "op.create_table(\"t\", id_column())",
            "L5 not_read why=`op.create_table` takes `id_column()`, which Retort does not read "
            "as a column");
        row("create_table column name", "op.create_table(\"t\", columns)",
            "L5 not_read why=`op.create_table` takes a column from `columns`, which is defined "
            "elsewhere");
        row("f-string table", "op.drop_table(f\"{PREFIX}_books\")",
            "L5 not_read why=`op.drop_table` takes table_name from `f\"{PREFIX}_books\"`, which "
            "Retort does not evaluate");
        row("computed table", "op.drop_table(PREFIX + \"books\")",
            "L5 not_read why=`op.drop_table` takes table_name from `PREFIX + \"books\"`, which "
            "Retort does not evaluate");
        row("index columns are a name", "op.create_index(\"ix\", \"t\", COLUMNS)",
            "L5 not_read why=`op.create_index` takes columns from `COLUMNS`, which is defined "
            "elsewhere");
        row("index column is a name", "op.create_index(\"ix\", \"t\", [\"a\", COL])",
            "L5 not_read why=`op.create_index` takes columns from `COL`, which is defined "
            "elsewhere");
        row("nullable is a name", "op.alter_column(\"t\", \"c\", nullable=NULLABLE)",
            "L5 not_read why=`op.alter_column` takes nullable from `NULLABLE`, which is defined "
            "elsewhere");
        row("new name is a name", "op.alter_column(\"t\", \"c\", new_column_name=NEW)",
            "L5 not_read why=`op.alter_column` takes new_column_name from `NEW`, which is "
            "defined elsewhere");
        row("batch table is a name",
            "with op.batch_alter_table(TABLE) as b:\n    b.drop_column(\"c\")\nop.drop_table(\"x\")",
            "L5 not_read why=`op.batch_alter_table` takes table_name from `TABLE`, which is "
            "defined elsewhere\nL7 drop_table table=x");
        row("bulk_insert table is a name", "op.bulk_insert(accounts_table, [{\"id\": 1}])",
            "L5 not_read why=`op.bulk_insert` takes table from `accounts_table`, which is "
            "defined elsewhere");
        row("bulk_insert table name is a name",
            "t = sa.table(NAME)\nop.bulk_insert(t, [])",
            "L5 not_read why=`sa.table` takes name from `NAME`, which is defined elsewhere\n"
            "L6 not_read why=`op.bulk_insert` takes table from `t`, which is defined elsewhere");
        row("wrong literal", "op.drop_table(42)",
            "L5 not_read why=`op.drop_table` takes table_name from `42`, which is not what "
            "alembic takes there");
        row("bytes", "op.drop_column(\"t\", b\"c\")",
            "L5 not_read why=`op.drop_column` takes column_name from `b\"c\"`, which is not what "
            "alembic takes there");
        row("not a column", "op.add_column(\"t\", \"c\")",
            "L5 not_read why=`op.add_column` takes column from `\"c\"`, which is not what "
            "alembic takes there");
        row("execute of a name", "op.execute(SQL)", "L5 execute sql=SQL");
        row("missing argument", "op.drop_column(\"t\")",
            "L5 not_read why=`op.drop_column` is called without column_name");
        row("too many arguments", "op.drop_table(\"t\", \"s\", \"extra\")",
            "L5 not_read why=`op.drop_table` is called with more arguments than alembic takes");
        row("unpacked keywords", "op.create_index(\"ix\", \"t\", [\"a\"], **options)",
            "L5 not_read why=`op.create_index` is called with arguments unpacked from `options`");
        row("schema is a name", "op.drop_table(\"t\", schema=SCHEMA)",
            "L5 not_read why=`op.drop_table` takes schema from `SCHEMA`, which is defined "
            "elsewhere");
        // Nothing runs: nothing reported.
        row("docstring and comments",
            "\"\"\"Upgrade.\n\nMore.\n\"\"\"\n# a comment\n...\npass\nop.drop_table(\"t\")  # done",
            "L12 drop_table table=t");
        row("semicolons", "op.drop_table(\"a\"); op.drop_table(\"b\"); pass",
            "L5 drop_table table=a\nL5 drop_table table=b");
    }

    void notRead()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        const MigrationOps ops = readUpgrade(body);
        QCOMPARE(ops.error, QString());
        QCOMPARE(dumpAll(ops.upgrade.ops), expected);
    }

    void notReadText()
    {
        const MigrationOps ops = readUpgrade(QStringLiteral("for t in TABLES:\n    pass"));
        QCOMPARE(ops.upgrade.ops.size(), 1);
        const MigrationOp& op = ops.upgrade.ops.first();
        QCOMPARE(op.opName(), u"not_read");
        QCOMPARE(op.source, u"for t in TABLES:");
        QCOMPARE(MigrationOpText::describe(op), u"Not read: a for loop (line 5)");
        QVERIFY(!ops.upgrade.empty);
    }

    // empty: only pass, ... and docstrings; raises: a top-level raise.
    void functionShape_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("empty");
        QTest::addColumn<int>("raisesLine");
        QTest::addColumn<QString>("raises");
        auto row = [](const char* name, const char* body, bool empty, int line, const char* raises) {
            QTest::newRow(name) << QString::fromUtf8(body) << empty << line << QString::fromUtf8(raises);
        };
        row("pass", "pass", true, 0, "");
        row("ellipsis", "...", true, 0, "");
        row("docstring", "\"\"\"Nothing to undo.\"\"\"", true, 0, "");
        row("docstring pass comment", "\"\"\"Nothing.\"\"\"\n# really\npass", true, 0, "");
        row("an operation", "op.drop_table(\"t\")", false, 0, "");
        row("not read", "helper()", false, 0, "");
        row("raise call", "# irreversible\nraise NotImplementedError(\"cannot undo\")", false, 6,
            "NotImplementedError");
        row("raise name", "raise NotImplementedError", false, 5, "NotImplementedError");
        row("raise dotted from", "op.drop_table(\"t\")\nraise alembic.util.CommandError(\"x\") from None",
            false, 6, "alembic.util.CommandError");
        row("bare raise", "raise", false, 5, "raise");
        row("raise in an if", "if x:\n    raise NotImplementedError", false, 0, "");
        row("first raise", "raise A\nraise B", false, 5, "A");
    }

    void functionShape()
    {
        QFETCH(QString, body);
        QFETCH(bool, empty);
        QFETCH(int, raisesLine);
        QFETCH(QString, raises);
        const MigrationOps ops = readUpgrade(body);
        QCOMPARE(ops.error, QString());
        QVERIFY(ops.upgrade.present);
        QCOMPARE(ops.upgrade.empty, empty);
        QCOMPARE(ops.upgrade.raisesLine, raisesLine);
        QCOMPARE(ops.upgrade.raises, raises);
        QVERIFY(!ops.downgrade.present);
    }

    void functions()
    {
        const MigrationOps ops = MigrationOpsReader::read(QStringLiteral(
            "\"\"\"doc\"\"\"\n"                                  // 1
            "from alembic import op\n"                           // 2
            "if False:\n"                                        // 3
            "    def downgrade():\n"                             // 4
            "        op.drop_table(\"wrong\")\n"                 // 5
            "class Migration:\n"                                 // 6
            "    def upgrade(self):\n"                           // 7
            "        op.drop_table(\"wrong\")\n"                 // 8
            "@decorated\n"                                       // 9
            "def upgrade(\n"                                     // 10
            "    engine_name: str = \"\",\n"                     // 11
            ") -> None:\n"                                       // 12
            "    op.drop_table(\"a\")\n"                         // 13
            "\n"                                                 // 14
            "    # trailing comment\n"                           // 15
            "    op.create_index(\"ix\", \"b\",\n"               // 16
            "                    [\"c\"])\n"                     // 17
            "\n"                                                 // 18
            "\n"                                                 // 19
            "def helper():\n"                                    // 20
            "    op.drop_table(\"wrong\")\n"                     // 21
            "def downgrade(): pass\n"));                         // 22
        QCOMPARE(ops.error, QString());
        QVERIFY(ops.upgrade.present);
        QCOMPARE(ops.upgrade.line, 10);
        QCOMPARE(ops.upgrade.endLine, 17);
        QCOMPARE(dumpAll(ops.upgrade.ops),
                 u"L13 drop_table table=a\nL16 create_index table=b name=ix cols=c");
        QVERIFY(ops.downgrade.present);
        QCOMPARE(ops.downgrade.line, 22);
        QCOMPARE(ops.downgrade.endLine, 22);
        QVERIFY(ops.downgrade.empty);
        QVERIFY(ops.downgrade.ops.isEmpty());
    }

    void redefinedAndAsync()
    {
        // Python keeps the last definition.
        const MigrationOps ops = MigrationOpsReader::read(QStringLiteral(
            "def upgrade():\n    op.drop_table(\"first\")\n"
            "async def upgrade():\n    op.drop_table(\"second\")\n"
            "def downgrade():\n    '''Irreversible.'''\n    raise NotImplementedError()\n"));
        QCOMPARE(dumpAll(ops.upgrade.ops), u"L4 drop_table table=second");
        QCOMPARE(ops.upgrade.line, 3);
        QCOMPARE(ops.downgrade.raisesLine, 7);
        QCOMPARE(ops.downgrade.endLine, 7);
        QVERIFY(!ops.downgrade.empty);
    }

    void noFunctions()
    {
        const MigrationOps ops = MigrationOpsReader::read(QStringLiteral("revision = 'a'\n"));
        QCOMPARE(ops.error, QString());
        QVERIFY(!ops.upgrade.present);
        QVERIFY(!ops.downgrade.present);
        QVERIFY(!MigrationOpsReader::read(QString()).upgrade.present);
    }

    // A file that does not tokenize: the error, and nothing read (not even the functions
    // before the error).
    void tokenizerErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unterminated string")
            << QStringLiteral("def upgrade():\n    op.drop_table(\"t)\n")
            << QStringLiteral("unterminated string literal (line 2)");
        QTest::newRow("error after the functions")
            << QStringLiteral("def upgrade():\n    op.drop_table(\"t\")\n\nx = '''\n")
            << QStringLiteral("unterminated triple-quoted string literal (line 4)");
        QTest::newRow("unclosed bracket")
            << QStringLiteral("def downgrade():\n    op.drop_table(\"t\"\n")
            << QStringLiteral("'(' was never closed (line 2)");
        QTest::newRow("mismatched bracket")
            << QStringLiteral("def upgrade():\n    op.drop_table(\"t\"]\n")
            << QStringLiteral("closing bracket ']' does not match '(' on line 2 (line 2)");
    }

    void tokenizerErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const MigrationOps ops = MigrationOpsReader::read(text);
        QCOMPARE(ops.error, error);
        QVERIFY(!ops.upgrade.present);
        QVERIFY(ops.upgrade.ops.isEmpty());
        QVERIFY(!ops.downgrade.present);
    }

    void readFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Latin-1 with a coding cookie.
        const QString path = dir.filePath(QStringLiteral("a_latin1.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# -*- coding: latin-1 -*-\ndef upgrade():\n    op.create_table_comment('t', '");
        file.write("caf\xe9");
        file.write("')\n");
        file.close();
        MigrationOps ops = MigrationOpsReader::readFile(path);
        QCOMPARE(ops.error, QString());
        QCOMPARE(ops.upgrade.ops.first().comment, std::optional<QString>(QStringLiteral("caf\u00e9")));

        const QString utf8 = dir.filePath(QStringLiteral("b_utf8.py"));
        QFile second(utf8);
        QVERIFY(second.open(QIODevice::WriteOnly));
        // An identifier in another Unicode form: `ｏp` is `op` to Python (NFKC).
        second.write("def upgrade():\n    \xef\xbd\x8fp.drop_table('t')\n");
        second.close();
        ops = MigrationOpsReader::readFile(utf8);
        QCOMPARE(dumpAll(ops.upgrade.ops), u"L2 drop_table table=t");

        ops = MigrationOpsReader::readFile(dir.filePath(QStringLiteral("missing.py")));
        QVERIFY(ops.error.startsWith(u"Cannot read the file"));
        QVERIFY(!ops.upgrade.present);

        const QString bad = dir.filePath(QStringLiteral("c_bad.py"));
        QFile third(bad);
        QVERIFY(third.open(QIODevice::WriteOnly));
        third.write("def upgrade():\n    op.drop_table('\xff')\n");
        third.close();
        ops = MigrationOpsReader::readFile(bad);
        QVERIFY(!ops.error.isEmpty());
        QVERIFY(!ops.upgrade.present);
    }

    // Input built to be slow: it must be read in one linear pass (the ctest timeout is the
    // bound: quadratic work on 20,000 lines or columns would not finish in it). Figures for
    // larger inputs come from tests/bench/bench_migrationops.
    void hostileInput()
    {
        // 200 nested brackets around an argument (the tokenizer's limit), then 201.
        const QString deep = QStringLiteral("(").repeated(199) + QStringLiteral("\"t\"") +
                             QStringLiteral(")").repeated(199);
        MigrationOps ops = readUpgrade(QStringLiteral("op.drop_table(") + deep + u')');
        QCOMPARE(dumpAll(ops.upgrade.ops), u"L5 drop_table table=t");
        ops = readUpgrade(QStringLiteral("op.drop_table((") + deep + QStringLiteral("))"));
        QVERIFY(!ops.error.isEmpty());
        // 200 nested lists as index columns: not strings, read as written.
        ops = readUpgrade(QStringLiteral("op.create_index('ix', 't', [") +
                          QStringLiteral("[").repeated(198) + QStringLiteral("]").repeated(198) +
                          QStringLiteral("])"));
        QCOMPARE(ops.upgrade.ops.size(), 1);

        // A 20,000-line body.
        QString body;
        for (int i = 0; i < 20000; ++i)
            body += QStringLiteral("op.add_column('t', sa.Column('c%1', sa.Integer()))\n").arg(i);
        ops = readUpgrade(body);
        QCOMPARE(ops.upgrade.ops.size(), 20000);
        QCOMPARE(ops.upgrade.ops.last().line, 20004);
        QCOMPARE(ops.upgrade.ops.last().column, u"c19999");

        // One call with 20,000 columns on one logical line.
        QString columns = QStringLiteral("op.create_table('t',\n");
        for (int i = 0; i < 20000; ++i)
            columns += QStringLiteral("    sa.Column('c%1', sa.String(8)),\n").arg(i);
        columns += u')';
        ops = readUpgrade(columns);
        QCOMPARE(ops.upgrade.ops.size(), 1);
        QCOMPARE(ops.upgrade.ops.first().columns.size(), 20000);

        // 100 nested blocks, 20,000 lines inside them: one NotRead, the rest skimmed.
        QString nested;
        for (int i = 0; i < 100; ++i)
            nested += QStringLiteral(" ").repeated(i) + QStringLiteral("if x:\n");
        for (int i = 0; i < 20000; ++i)
            nested += QStringLiteral(" ").repeated(100) + QStringLiteral("op.drop_table('t')\n");
        nested += QStringLiteral("op.drop_table('after')");
        ops = readUpgrade(nested);
        QCOMPARE(dumpAll(ops.upgrade.ops),
                 u"L5 not_read why=an if statement\nL20105 drop_table table=after");

        // 2,000 nested batch blocks, 2,000 lines in the innermost naming each alias.
        QString batches;
        for (int i = 0; i < 2000; ++i)
            batches += QStringLiteral(" ").repeated(i) +
                       QStringLiteral("with op.batch_alter_table('t%1') as b%1:\n").arg(i);
        for (int i = 0; i < 2000; ++i)
            batches += QStringLiteral(" ").repeated(2000) + QStringLiteral("b%1.drop_column('c')\n").arg(i);
        ops = readUpgrade(batches);
        QCOMPARE(ops.upgrade.ops.size(), 2000);
        QCOMPARE(ops.upgrade.ops.first().table, u"t0");
        QCOMPARE(ops.upgrade.ops.last().table, u"t1999");

        // A huge string, unterminated strings at the end.
        ops = readUpgrade(QStringLiteral("op.execute('") + QStringLiteral("x").repeated(1 << 22) +
                          QStringLiteral("')"));
        QCOMPARE(ops.upgrade.ops.first().sql.size(), 1 << 22);
        ops = readUpgrade(QStringLiteral("op.drop_table('t')\nop.execute(\"\"\"") +
                          QStringLiteral("UPDATE t;\n").repeated(20000));
        QVERIFY(ops.error.startsWith(u"unterminated triple-quoted string literal"));
        ops = readUpgrade(QStringLiteral("op.drop_table('t\\\n").repeated(10000));
        QVERIFY(!ops.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrationOpsNotRead)
#include "tst_migrationopsnotread.moc"
