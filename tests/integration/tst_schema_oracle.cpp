// The schema Retort replays from the migrations (SchemaHistory::schemaAt, read statically)
// against the truth: the real alembic upgrades an empty SQLite file and an empty PostgreSQL
// database (a throw-away server, tests/support/testservers.h) to chosen revisions — the
// heads, the merge and branch points, revisions along each branch — and SQLAlchemy's
// inspector reflects the tables and columns (name, nullable) it made. They must be equal,
// except for the tables a SchemaUnknown names (raw SQL Retort lists rather than guesses);
// and the version table must hold the revisions Schema::at names. At the heads, what
// `retort-cli schema --at heads --json` prints is held to the same comparison.
// Projects: the bundled demo and generated ones (tests/fixtures/gen_schema_project.py:
// branches, merges, batch and plain create/add/drop/rename/alter ops, raw SQL).

#include "model/graph/migrationplanner.h"
#include "model/migration/schemahistory.h"
#include "model/project/projectloader.h"
#include "support/testfiles.h"
#include "support/testservers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace retort;
using namespace retort::test;
using retort::testsupport::copyTree;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);

// Prints {"tables": {name: [{"name", "nullable"}...]}, "versions": [...]} for a URL.
const char* const kReflect = R"(import json, sys
import sqlalchemy as sa
engine = sa.create_engine(sys.argv[1])
inspector = sa.inspect(engine)
names = inspector.get_table_names()
tables = {}
for t in names:
    if t == "alembic_version":
        continue
    tables[t] = [{"name": c["name"], "nullable": bool(c["nullable"])}
                 for c in inspector.get_columns(t)]
versions = []
if "alembic_version" in names:
    with engine.connect() as c:
        versions = sorted(r[0] for r in c.execute(sa.text("SELECT version_num FROM alembic_version")))
print(json.dumps({"tables": tables, "versions": versions}))
)";

QString columnsText(const QList<QPair<QString, bool>>& columns)
{
    QStringList parts;
    for (const auto& c : columns)
        parts << c.first + (c.second ? QStringLiteral("?") : QString());
    return parts.join(u' ');
}

} // namespace

class TestSchemaOracle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServers> m_servers;
    QString m_reflect;
    int m_compared = 0;
    int m_unknownTables = 0;

    Run alembic(const QString& dir, const QStringList& args) const
    {
        return run(kPython, QStringList{QStringLiteral("-m"), QStringLiteral("alembic"),
                                        QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini")}
                                + args,
                   dir, 120000);
    }

    // A copy of `from` whose ini points at `url`.
    QString copyFor(const QString& from, const QString& to, const QString& url) const
    {
        if (!copyTree(from, to))
            return {};
        QFile ini(to + QStringLiteral("/alembic.ini"));
        if (!ini.open(QIODevice::ReadOnly))
            return {};
        QString text = QString::fromUtf8(ini.readAll());
        ini.close();
        text.replace(QRegularExpression(QStringLiteral("^sqlalchemy\\.url\\s*=.*$"),
                                        QRegularExpression::MultilineOption),
                     QStringLiteral("sqlalchemy.url = ") + url);
        if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        ini.write(text.toUtf8());
        return to;
    }

    // Which revisions to upgrade to: the heads, merge and branch points, and revisions along
    // the upgrade order (a few on each branch), then "heads".
    static QStringList targetsOf(const RevisionGraph& graph, const MigrationPlan& toHeads)
    {
        QStringList targets = graph.heads() + graph.mergePoints() + graph.branchPoints();
        const QStringList order = toHeads.revisions();
        for (qsizetype i = 1; i < order.size(); i += 6)
            targets << order.at(i);
        targets.removeDuplicates();
        targets << QStringLiteral("heads");
        return targets;
    }

    void compareOne(const QString& where, const Schema& schema, const QJsonObject& reflected)
    {
        const QJsonObject dbTables = reflected.value(QStringLiteral("tables")).toObject();
        QStringList versions;
        for (const QJsonValue& v : reflected.value(QStringLiteral("versions")).toArray())
            versions << v.toString();
        QCOMPARE(versions, schema.at);

        auto namedByUnknown = [&](const QString& table) {
            const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(table)));
            for (const SchemaUnknown& u : schema.unknown)
                if (word.match(u.why).hasMatch())
                    return true;
            return false;
        };
        QStringList names = dbTables.keys();
        for (const SchemaTable& t : schema.tables)
            names << t.name;
        names.sort();
        names.removeDuplicates();
        for (const QString& name : std::as_const(names)) {
            QList<QPair<QString, bool>> db;
            for (const QJsonValue& c : dbTables.value(name).toArray())
                db.append({c.toObject().value(QStringLiteral("name")).toString(),
                           c.toObject().value(QStringLiteral("nullable")).toBool()});
            QList<QPair<QString, bool>> replayed;
            const SchemaTable* t = schema.table(name);
            if (t) {
                for (const SchemaColumn& c : t->columns)
                    replayed.append({c.name, c.nullable});
            }
            const bool same = dbTables.contains(name) == bool(t) && db == replayed;
            if (!same && namedByUnknown(name)) {
                ++m_unknownTables;
                continue; // Retort said it could not know this one
            }
            QVERIFY2(same, qPrintable(QStringLiteral("%1: table %2\n  database: %3\n  Retort:   %4")
                                          .arg(where, name,
                                               dbTables.contains(name) ? columnsText(db)
                                                                       : QStringLiteral("(none)"),
                                               t ? columnsText(replayed) : QStringLiteral("(none)"))));
            ++m_compared;
        }
    }

    // What `retort-cli schema --at TARGET --json` prints, as a Schema.
    Schema cliSchema(const QString& dir, const QString& target)
    {
        const Run r = run(QStringLiteral(RETORT_CLI_PATH),
                          {QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"),
                           QStringLiteral("schema"), QStringLiteral("--at"), target,
                           QStringLiteral("--json")});
        Schema schema;
        [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.describe())); }();
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const QJsonValue& v : root.value(QStringLiteral("at")).toArray())
            schema.at << v.toString();
        for (const QJsonValue& t : root.value(QStringLiteral("tables")).toArray()) {
            SchemaTable table;
            table.name = t.toObject().value(QStringLiteral("name")).toString();
            for (const QJsonValue& c : t.toObject().value(QStringLiteral("columns")).toArray()) {
                SchemaColumn column;
                column.name = c.toObject().value(QStringLiteral("name")).toString();
                column.nullable = c.toObject().value(QStringLiteral("nullable")).toBool();
                table.columns << column;
            }
            schema.tables << table;
        }
        for (const QJsonValue& u : root.value(QStringLiteral("unknown")).toArray())
            schema.unknown << SchemaUnknown{u.toObject().value(QStringLiteral("revision")).toString(),
                                            u.toObject().value(QStringLiteral("line")).toInt(),
                                            u.toObject().value(QStringLiteral("why")).toString()};
        return schema;
    }

    QJsonObject reflect(const QString& url, const QString& where)
    {
        const Run r = run(kPython, {m_reflect, url});
        [&] { QVERIFY2(r.exitCode == 0, qPrintable(where + u'\n' + r.describe())); }();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private slots:
    void initTestCase()
    {
        m_servers = std::make_unique<TestServers>(QStringLiteral("/tmp/retort-schema-XXXXXX"));
        QVERIFY(m_servers->valid());
        m_reflect = m_servers->root() + QStringLiteral("/reflect.py");
        QFile f(m_reflect);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kReflect);
        f.close();
        const QString pgError = m_servers->startPostgres();
        QVERIFY2(pgError.isEmpty(), qPrintable(pgError));
    }

    void cleanupTestCase()
    {
        qInfo("compared %d tables with the database, %d left out as unknown", m_compared,
              m_unknownTables);
        if (m_servers)
            m_servers->stop();
        m_servers.reset();
    }

    void oracle_data()
    {
        QTest::addColumn<QString>("project"); // "demo" or a generator seed
        QTest::addColumn<QString>("dialect");
        for (const char* dialect : {"sqlite", "postgresql"}) {
            QTest::addRow("demo %s", dialect) << QStringLiteral("demo") << QString::fromLatin1(dialect);
            QTest::addRow("generated 1 %s", dialect) << QStringLiteral("1") << QString::fromLatin1(dialect);
            QTest::addRow("generated 7 %s", dialect) << QStringLiteral("7") << QString::fromLatin1(dialect);
        }
    }

    void oracle()
    {
        QFETCH(QString, project);
        QFETCH(QString, dialect);
        const QString source = m_servers->root() + QStringLiteral("/src-") + project;
        if (!QFileInfo::exists(source)) {
            if (project == QLatin1String("demo")) {
                QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), source));
            } else {
                const Run gen = run(kPython, {QStringLiteral(RETORT_FIXTURES_DIR "/gen_schema_project.py"),
                                              source, QStringLiteral("--seed"), project,
                                              QStringLiteral("--revisions"), QStringLiteral("24"),
                                              QStringLiteral("--raw-sql")});
                QVERIFY2(gen.exitCode == 0, qPrintable(gen.describe()));
            }
        }
        const bool pg = dialect == QLatin1String("postgresql");
        const QString db = QStringLiteral("oracle_") + (project == QLatin1String("demo") ? project
                                                                                         : QStringLiteral("g") + project);
        const QString dir = m_servers->root() + u'/' + dialect + u'-' + project;
        const QString sqliteFile = dir + QStringLiteral("/oracle.db");
        const QString url = pg ? m_servers->pgUrl(db) : QStringLiteral("sqlite:///") + sqliteFile;
        QVERIFY(!copyFor(source, dir, url).isEmpty());
        if (pg) {
            const Run created = m_servers->psql(QStringLiteral("postgres"),
                                                QStringLiteral("CREATE DATABASE %1").arg(db));
            QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        }

        const Result<LoadedProject> loaded = ProjectLoader::load(dir + QStringLiteral("/alembic.ini"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        const MigrationPlanner planner(loaded->graph, loaded->alembic.rules);
        const MigrationOpsIndex index = MigrationOpsIndex::read(*loaded->graph);
        QCOMPARE(index.size(), loaded->graph->size());
        const Result<MigrationPlan> toHeads = planner.upgrade({}, QStringLiteral("heads"));
        QVERIFY2(toHeads.ok(), qPrintable(toHeads.error()));
        const QStringList targets = targetsOf(*loaded->graph, *toHeads);
        QVERIFY(targets.size() >= 4);
        bool sawUnknown = false;
        for (const QString& target : targets) {
            if (pg) {
                const Run reset = m_servers->psql(db, QStringLiteral("DROP SCHEMA public CASCADE; "
                                                                     "CREATE SCHEMA public;"));
                QVERIFY2(reset.exitCode == 0, qPrintable(reset.describe()));
            } else {
                QFile::remove(sqliteFile);
            }
            const QString where = QStringLiteral("%1 on %2, upgrade %3").arg(project, dialect, target);
            const Run up = alembic(dir, {QStringLiteral("upgrade"), target});
            QVERIFY2(up.exitCode == 0, qPrintable(where + u'\n' + up.describe()));
            const QJsonObject reflected = reflect(url, where);
            if (QTest::currentTestFailed())
                return;
            const Result<MigrationPlan> plan = planner.upgrade({}, target);
            QVERIFY2(plan.ok(), qPrintable(plan.error()));
            const Schema schema = SchemaHistory::schemaAt(index, *plan);
            sawUnknown = sawUnknown || !schema.unknown.isEmpty();
            compareOne(where, schema, reflected);
            if (QTest::currentTestFailed())
                return;
            if (target == QLatin1String("heads")) {
                // and `retort-cli schema --at heads --json`, the same way
                compareOne(where + QStringLiteral(" (retort-cli)"), cliSchema(dir, target), reflected);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // the demo has no raw SQL; the generated projects have one op.execute each
        QCOMPARE(sawUnknown, project != QLatin1String("demo"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaOracle)
#include "tst_schema_oracle.moc"
