// MigrationOpsReader: every operation form of alembic's op.* and batch_op.* read from literals,
// and every statement it does not read reported with its line.
#include "model/migration/migrationops.h"

#include <QDir>
#include <QTest>

using namespace retort;
using Kind = MigrationOp::Kind;

namespace {

// A module whose upgrade() body is `body` (each line indented by four spaces), starting on
// line 5: "import ..." lines 1-2, blank 3, def on 4.
MigrationOps readUpgrade(const QString& body)
{
    QString text = QStringLiteral("from alembic import op\nimport sqlalchemy as sa\n\n"
                                  "def upgrade():\n");
    for (const QString& line : body.split(u'\n'))
        text += (line.isEmpty() ? QString() : QStringLiteral("    ") + line) + u'\n';
    return MigrationOpsReader::read(text);
}

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
        qWarning("expected one op, got %d", int(ops.size()));
        for (const MigrationOp& op : ops)
            qWarning("  %s line %d: %s", qPrintable(op.opName()), op.line, qPrintable(op.why));
        return {};
    }
    return ops.first();
}

} // namespace

class TestMigrationOps : public QObject
{
    Q_OBJECT

private slots:
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

    void demoProject()
    {
        const QDir versions(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/migrations/versions"));
        const QStringList files = versions.entryList({QStringLiteral("*.py")}, QDir::Files);
        QCOMPARE(files.size(), 40);
        int notRead = 0;
        int total = 0;
        for (const QString& file : files) {
            const MigrationOps ops = MigrationOpsReader::readFile(versions.filePath(file));
            QVERIFY2(ops.error.isEmpty(), qPrintable(file + QStringLiteral(": ") + ops.error));
            QVERIFY2(ops.upgrade.present && ops.downgrade.present, qPrintable(file));
            for (const MigrationFunction* f : {&ops.upgrade, &ops.downgrade}) {
                for (const MigrationOp& op : f->ops) {
                    ++total;
                    if (op.kind == Kind::NotRead) {
                        ++notRead;
                        qWarning("%s:%d %s", qPrintable(file), op.line, qPrintable(op.why));
                    }
                }
            }
        }
        QCOMPARE(notRead, 0);
        QVERIFY(total > 80);
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
