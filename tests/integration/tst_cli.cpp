// retort-cli as a person or a script uses it: arguments, exit codes, stdout vs stderr,
// the JSON shape, and broken projects that must produce messages, not crashes.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "support/gitfixture.h"

namespace {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QString& cwd = QString())
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(RETORT_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void write(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QByteArray script(const char* id, const char* down, const char* message, const char* extra = "")
{
    return QByteArray("\"\"\"") + message + "\n\nRevision ID: " + id
           + "\nCreate Date: 2024-05-06 07:08:09.000001\n\n\"\"\"\nrevision = '" + id
           + "'\ndown_revision = " + down + "\n" + extra;
}

// A small project: a - b - {c, d} - m (merge of c, d), plus e with a label on c.
QString makeProject(const QTemporaryDir& dir)
{
    const QString root = dir.path();
    write(root + QStringLiteral("/alembic.ini"),
          "[alembic]\nscript_location = %(here)s/migrations\n"
          "sqlalchemy.url = sqlite:///%(here)s/x.db\n");
    const QString v = root + QStringLiteral("/migrations/versions/");
    write(v + QStringLiteral("a_first.py"), script("aaaa", "None", "first"));
    write(v + QStringLiteral("b_second.py"), script("bbbb", "'aaaa'", "second"));
    write(v + QStringLiteral("c_left.py"),
          script("cccc", "'bbbb'", "left", "branch_labels = ('left',)\n"));
    write(v + QStringLiteral("d_right.py"), script("dddd", "'bbbb'", "right", "depends_on = 'aaaa'\n"));
    write(v + QStringLiteral("m_merge.py"), script("mmmm", "('cccc', 'dddd')", "merge"));
    return root + QStringLiteral("/alembic.ini");
}


// A project whose migrations do something (issue 15): aaaa creates books, bbbb adds a column
// and runs raw SQL with an empty downgrade, cccc (label "shelf") renames the table.
QString makeOpsProject(const QTemporaryDir& dir)
{
    const QString root = dir.path();
    write(root + QStringLiteral("/alembic.ini"),
          "[alembic]\nscript_location = %(here)s/migrations\n"
          "sqlalchemy.url = sqlite:///%(here)s/x.db\n");
    const QString v = root + QStringLiteral("/migrations/versions/");
    const QByteArray imports = "from alembic import op\nimport sqlalchemy as sa\n\n";
    write(v + QStringLiteral("a_books.py"),
          script("aaaa", "None", "books", "")
              + imports
              + "def upgrade():\n"
                "    op.create_table(\n"
                "        \"books\",\n"
                "        sa.Column(\"id\", sa.Integer(), primary_key=True),\n"
                "        sa.Column(\"title\", sa.String(length=50), nullable=False),\n"
                "    )\n\n\n"
                "def downgrade():\n"
                "    op.drop_table(\"books\")\n");
    write(v + QStringLiteral("b_language.py"),
          script("bbbb", "'aaaa'", "language")
              + imports
              + "def upgrade():\n"
                "    op.add_column(\"books\", sa.Column(\"language\", sa.String(length=8)))\n"
                "    op.execute(\"UPDATE books SET language = 'en'\")\n\n\n"
                "def downgrade():\n"
                "    pass\n");
    write(v + QStringLiteral("c_volumes.py"),
          script("cccc", "'bbbb'", "volumes", "branch_labels = ('shelf',)\n")
              + imports
              + "def upgrade():\n"
                "    op.rename_table(\"books\", \"volumes\")\n\n\n"
                "def downgrade():\n"
                "    op.rename_table(\"volumes\", \"books\")\n");
    return root + QStringLiteral("/alembic.ini");
}

QJsonObject jsonOf(const Run& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void version()
    {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("retort-cli ")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), QStringLiteral("heads")};
        QTest::newRow("missing -c value") << QStringList{QStringLiteral("heads"), QStringLiteral("-c")};
        QTest::newRow("graph without --json") << QStringList{QStringLiteral("graph")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("heads"), QStringLiteral("extra")};
        QTest::newRow("compare with one side")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--url"), QStringLiteral("sqlite:///a.db")};
        QTest::newRow("compare with three sides")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--url"), QStringLiteral("sqlite:///a.db"),
                           QStringLiteral("--url"), QStringLiteral("sqlite:///b.db"),
                           QStringLiteral("--revision"), QStringLiteral("heads")};
        QTest::newRow("compare, --url without a value")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--url")};
        QTest::newRow("compare, unknown option")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--frob")};
    }

    // compare on databases that do not exist yet (SQLite: at base) and with a revision: the
    // JSON keys CI reads, the exit codes; a database that cannot be reached is exit 3.
    void compareShapesAndExitCodes()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const QString a = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("a.db"));
        const QString b = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("b.db"));
        Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("compare"), QStringLiteral("--url"), a,
                     QStringLiteral("--url"), b, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject json = jsonOf(r);
        QCOMPARE(json.value(QStringLiteral("in_sync")).toBool(), true);
        QVERIFY(json.value(QStringLiteral("only_a")).isArray());
        QVERIFY(json.value(QStringLiteral("only_b")).toArray().isEmpty());
        QVERIFY(json.value(QStringLiteral("steps")).toArray().isEmpty());

        r = cli({QStringLiteral("-c"), ini, QStringLiteral("compare"), QStringLiteral("--url"), a,
                 QStringLiteral("--revision"), QStringLiteral("mmmm"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        json = jsonOf(r);
        QCOMPARE(json.value(QStringLiteral("in_sync")).toBool(), false);
        QVERIFY(json.value(QStringLiteral("only_a")).toArray().isEmpty());
        QStringList onlyB;
        for (const QJsonValue& v : json.value(QStringLiteral("only_b")).toArray())
            onlyB << v.toString();
        onlyB.sort();
        QCOMPARE(onlyB, QStringList({QStringLiteral("aaaa"), QStringLiteral("bbbb"),
                                     QStringLiteral("cccc"), QStringLiteral("dddd"),
                                     QStringLiteral("mmmm")}));
        const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.first()[QStringLiteral("direction")].toString(), QStringLiteral("upgrade"));
        QCOMPARE(steps.first()[QStringLiteral("revision")].toString(), QStringLiteral("mmmm"));

        // text: the lists and the commands
        r = cli({QStringLiteral("-c"), ini, QStringLiteral("compare"), QStringLiteral("--url"), a,
                 QStringLiteral("--revision"), QStringLiteral("cccc")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("alembic upgrade cccc")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("only in A: none")), qPrintable(r.out));

        r = cli({QStringLiteral("-c"), ini, QStringLiteral("compare"), QStringLiteral("--url"), a,
                 QStringLiteral("--revision"), QStringLiteral("zzzz")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("zzzz")), qPrintable(r.err));

        r = cli({QStringLiteral("-c"), ini, QStringLiteral("compare"), QStringLiteral("--url"), a,
                 QStringLiteral("--url"), QStringLiteral("postgresql://nobody@127.0.0.1:1/none")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("retort-cli")));
    }

    void headsAndDefaultConfig()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const Run r = cli({QStringLiteral("heads")}, dir.path()); // ./alembic.ini by default
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("mmmm\n"));
        QVERIFY(r.err.isEmpty());
        const Run explicitConfig = cli({QStringLiteral("-c"), ini, QStringLiteral("heads")});
        QCOMPARE(explicitConfig.out, QStringLiteral("mmmm\n"));
    }

    // Who added each revision file, when the project is in a git work tree: the adding
    // commit (not a later edit), nothing for a file never committed, no "git" at all outside
    // a work tree.
    void graphJsonGit()
    {
        using namespace retort::testsupport;
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        const Run r = cli({QStringLiteral("-c"), p.configPath, QStringLiteral("graph"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QHash<QString, QJsonObject> byId;
        for (const auto& v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("revisions")).toArray())
            byId.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        QCOMPARE(byId.size(), 4);
        const QJsonObject a = byId.value(QStringLiteral("aaaa")).value(QStringLiteral("git")).toObject();
        QCOMPARE(a.value(QStringLiteral("author")).toString(), kAnn.name);
        QCOMPARE(a.value(QStringLiteral("email")).toString(), kAnn.email);
        QCOMPARE(a.value(QStringLiteral("date")).toString(), QStringLiteral("2024-01-10T09:00:00+01:00"));
        QCOMPARE(a.value(QStringLiteral("commit")).toString(), p.first);
        QVERIFY(p.first.startsWith(a.value(QStringLiteral("short_commit")).toString()));
        QCOMPARE(a.value(QStringLiteral("subject")).toString(), QStringLiteral("Start the schema"));
        const QJsonObject c = byId.value(QStringLiteral("cccc")).value(QStringLiteral("git")).toObject();
        QCOMPARE(c.value(QStringLiteral("author")).toString(), kBob.name);
        QCOMPARE(c.value(QStringLiteral("commit")).toString(), p.second);
        QVERIFY(!byId.value(QStringLiteral("dddd")).contains(QStringLiteral("git")));

        QTemporaryDir plain;
        const QString ini = makeProject(plain);
        const Run outside = cli({QStringLiteral("-c"), ini, QStringLiteral("graph"), QStringLiteral("--json")});
        QCOMPARE(outside.exitCode, 0);
        QVERIFY(outside.err.isEmpty());
        const QJsonArray revisions = QJsonDocument::fromJson(outside.out.toUtf8()).object().value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 5);
        for (const auto& v : revisions)
            QVERIFY(!v.toObject().contains(QStringLiteral("git")));
    }

    void graphJson()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("graph"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray revisions = root.value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 5);
        QStringList ids;
        for (const auto& v : revisions)
            ids << v.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(ids, (QStringList{QStringLiteral("aaaa"), QStringLiteral("bbbb"), QStringLiteral("cccc"),
                                   QStringLiteral("dddd"), QStringLiteral("mmmm")}));
        const QJsonObject merge = revisions.at(4).toObject();
        QCOMPARE(merge.value(QStringLiteral("down_revisions")).toArray(),
                 QJsonArray({QStringLiteral("cccc"), QStringLiteral("dddd")}));
        QCOMPARE(merge.value(QStringLiteral("message")).toString(), QStringLiteral("merge"));
        QCOMPARE(merge.value(QStringLiteral("create_date")).toString(),
                 QStringLiteral("2024-05-06 07:08:09.000001"));
        QCOMPARE(merge.value(QStringLiteral("path")).toString(),
                 QStringLiteral("migrations/versions/m_merge.py"));
        const QJsonObject c = revisions.at(2).toObject();
        QCOMPARE(c.value(QStringLiteral("branch_labels")).toArray(), QJsonArray({QStringLiteral("left")}));
        const QJsonObject d = revisions.at(3).toObject();
        QCOMPARE(d.value(QStringLiteral("depends_on")).toArray(), QJsonArray({QStringLiteral("aaaa")}));
        for (const char* key : {"id", "down_revisions", "depends_on", "branch_labels", "message",
                                "create_date", "path"})
            QVERIFY2(merge.contains(QLatin1StringView(key)), key);

        QCOMPARE(root.value(QStringLiteral("heads")).toArray(), QJsonArray({QStringLiteral("mmmm")}));
        QCOMPARE(root.value(QStringLiteral("bases")).toArray(), QJsonArray({QStringLiteral("aaaa")}));
        QCOMPARE(root.value(QStringLiteral("branch_points")).toArray(), QJsonArray({QStringLiteral("bbbb")}));
        QCOMPARE(root.value(QStringLiteral("merge_points")).toArray(), QJsonArray({QStringLiteral("mmmm")}));
        QCOMPARE(root.value(QStringLiteral("diagnostics")).toArray().size(), 0);
    }

    void historyLikeAlembic()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("history")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.first(), QStringLiteral("cccc, dddd -> mmmm (left) (head) (mergepoint), merge"));
        QVERIFY(lines.contains(QStringLiteral("bbbb (aaaa) -> dddd, right")));
        QVERIFY(lines.contains(QStringLiteral("aaaa -> bbbb (branchpoint), second")));
        QCOMPARE(lines.last(), QStringLiteral("<base> -> aaaa, first"));
    }

    void lint()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const Run clean = cli({QStringLiteral("-c"), ini, QStringLiteral("lint")});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(clean.out.contains(QStringLiteral("no problems")));

        write(dir.filePath(QStringLiteral("migrations/versions/z_broken.py")),
              "revision = 'zzzz'\ndown_revision = 'gone'\n");
        const Run broken = cli({QStringLiteral("-c"), ini, QStringLiteral("lint")});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.contains(QStringLiteral("migrations/versions/z_broken.py:2: error:")),
                 qPrintable(broken.out));
        QVERIFY(broken.out.contains(QStringLiteral("gone")));

        const Run json = cli({QStringLiteral("-c"), ini, QStringLiteral("lint"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray diags = root.value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(diags.size(), 1);
        const QJsonObject d = diags.first().toObject();
        QCOMPARE(d.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(d.value(QStringLiteral("path")).toString(), QStringLiteral("migrations/versions/z_broken.py"));
        QCOMPARE(d.value(QStringLiteral("line")).toInt(), 2);
        QVERIFY(!d.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(d.value(QStringLiteral("stops_alembic")).toBool(), true); // a dangling parent

        // alembic cannot load a project with a dangling down_revision: `alembic heads` fails,
        // and so does `retort-cli heads`, with the reason (lint stays the tool that lists all).
        const Run heads = cli({QStringLiteral("-c"), ini, QStringLiteral("heads")});
        QCOMPARE(heads.exitCode, 1);
        QCOMPARE(heads.out, QString());
        QVERIFY2(heads.err.contains(QStringLiteral("alembic cannot load this project")), qPrintable(heads.err));
        QVERIFY2(heads.err.contains(QStringLiteral("migrations/versions/z_broken.py:2: error:")),
                 qPrintable(heads.err));
    }

    // A NameError in one header and a syntax error in another: alembic refuses every command,
    // so heads, history and plan refuse too, naming both files; a value only Python knows (an
    // imported constant) does not stop alembic: the answer comes with a warning.
    void refusesWhereAlembicCannotLoad()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const QString v = dir.filePath(QStringLiteral("migrations/versions/"));
        write(v + QStringLiteral("n_name.py"), script("nnnn", "parent_revision", "name error"));
        write(v + QStringLiteral("s_syntax.py"), script("ssss", "'mmmm'", "syntax", "def upgrade(:\n"));
        const QStringList commands[] = {
            {QStringLiteral("heads")},
            {QStringLiteral("history")},
            {QStringLiteral("plan"), QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--at-base")},
            {QStringLiteral("plan"), QStringLiteral("stamp"), QStringLiteral("heads"), QStringLiteral("--at-base")}};
        for (const QStringList& command : commands) {
            const Run r = cli(QStringList{QStringLiteral("-c"), ini} + command);
            QVERIFY2(r.exitCode == 1, qPrintable(command.join(u' ') + QStringLiteral(": ") + r.err));
            QCOMPARE(r.out, QString());
            QVERIFY2(r.err.contains(QStringLiteral("n_name.py:")) && r.err.contains(QStringLiteral("NameError")),
                     qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("s_syntax.py:")), qPrintable(r.err));
        }
        const Run lint = cli({QStringLiteral("-c"), ini, QStringLiteral("lint")});
        QCOMPARE(lint.exitCode, 1);
        QVERIFY(lint.out.contains(QStringLiteral("n_name.py")) && lint.out.contains(QStringLiteral("s_syntax.py")));

        QFile::remove(v + QStringLiteral("n_name.py"));
        QFile::remove(v + QStringLiteral("s_syntax.py"));
        write(v + QStringLiteral("k_constant.py"),
              "from app.revisions import PARENT\nrevision = 'kkkk'\ndown_revision = PARENT\n");
        const Run heads = cli({QStringLiteral("-c"), ini, QStringLiteral("heads")});
        QCOMPARE(heads.exitCode, 0);
        QCOMPARE(heads.out, QStringLiteral("kkkk\nmmmm\n"));
        QVERIFY2(heads.err.contains(QStringLiteral("k_constant.py:3:")) && heads.err.contains(QStringLiteral("warning")),
                 qPrintable(heads.err));
    }

    // `plan stamp`: the rows alembic's stamp leaves (several rows, --purge), in JSON.
    void planStamp()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        auto rowsAfter = [&](const QStringList& args) {
            const Run r = cli(QStringList{QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                          QStringLiteral("stamp")} + args + QStringList{QStringLiteral("--json")});
            if (r.exitCode != 0)
                return QStringList{QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)};
            QStringList rows;
            for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows_after")).toArray())
                rows << v.toString();
            return rows;
        };
        // both branches applied, stamp their branch point: one row left
        QCOMPARE(rowsAfter({QStringLiteral("bbbb"), QStringLiteral("--current"), QStringLiteral("cccc"),
                            QStringLiteral("--current"), QStringLiteral("dddd")}),
                 QStringList{QStringLiteral("bbbb")});
        // both rows share the merge's lineage: one merge-like step up to it
        QCOMPARE(rowsAfter({QStringLiteral("left@head"), QStringLiteral("--current"), QStringLiteral("cccc"),
                            QStringLiteral("--current"), QStringLiteral("dddd")}),
                 QStringList{QStringLiteral("mmmm")});
        // a destination already in the table changes nothing
        QCOMPARE(rowsAfter({QStringLiteral("cccc"), QStringLiteral("--current"), QStringLiteral("dddd"),
                            QStringLiteral("--current"), QStringLiteral("cccc")}),
                 (QStringList{QStringLiteral("cccc"), QStringLiteral("dddd")}));
        QCOMPARE(rowsAfter({QStringLiteral("cccc"), QStringLiteral("--purge")}), QStringList{QStringLiteral("cccc")});
        QCOMPARE(rowsAfter({QStringLiteral("base"), QStringLiteral("--current"), QStringLiteral("cccc")}), QStringList());
        const Run ghost = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("stamp"),
                               QStringLiteral("cccc"), QStringLiteral("--current"), QStringLiteral("f00d")});
        QCOMPARE(ghost.exitCode, 1);
        QVERIFY2(ghost.err.contains(QStringLiteral("Can't locate revision identified by 'f00d'")), qPrintable(ghost.err));
        const Run badPurge = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                                  QStringLiteral("heads"), QStringLiteral("--purge")});
        QCOMPARE(badPurge.exitCode, 2);
    }

    // Which alembic a plan is for: found beside the project (here PATH's, Debian's), or given
    // with --alembic-version; --json says which, and how it was learnt.
    void alembicVersionOption()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        auto planJson = [&](const QStringList& extra) {
            const Run r = cli(QStringList{QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                          QStringLiteral("upgrade"), QStringLiteral("heads"),
                                          QStringLiteral("--at-base"), QStringLiteral("--json")} +
                              extra);
            [&] { QCOMPARE(r.exitCode, 0); }();
            return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("alembic")).toObject();
        };
        QProcess python;
        python.start(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral("-c"), QStringLiteral("import alembic; print(alembic.__version__)")});
        QVERIFY(python.waitForFinished(60000));
        const QString installed = QString::fromUtf8(python.readAllStandardOutput()).trimmed();

        const QJsonObject found = planJson({});
        QCOMPARE(found.value(QStringLiteral("source")).toString(), QStringLiteral("found"));
        QCOMPARE(found.value(QStringLiteral("version")).toString(), installed);

        const QJsonObject given = planJson({QStringLiteral("--alembic-version"), QStringLiteral("1.13.2")});
        QCOMPARE(given.value(QStringLiteral("source")).toString(), QStringLiteral("given"));
        QCOMPARE(given.value(QStringLiteral("version")).toString(), QStringLiteral("1.13.2"));
        QCOMPARE(given.value(QStringLiteral("rules")).toString(), QStringLiteral("1.13.2"));
        QVERIFY(given.value(QStringLiteral("known")).toBool());

        const QJsonObject future = planJson({QStringLiteral("--alembic-version=2.5.0")});
        QCOMPARE(future.value(QStringLiteral("version")).toString(), QStringLiteral("2.5.0"));
        QVERIFY(!future.value(QStringLiteral("known")).toBool());
        QVERIFY(future.value(QStringLiteral("rules")).toString() != QStringLiteral("2.5.0"));

        // the other reading commands take it too; a bad value is a usage error
        QCOMPARE(cli({QStringLiteral("-c"), ini, QStringLiteral("heads"),
                      QStringLiteral("--alembic-version"), QStringLiteral("1.8.1")})
                     .exitCode,
                 0);
        const Run bad = cli({QStringLiteral("-c"), ini, QStringLiteral("heads"),
                             QStringLiteral("--alembic-version"), QStringLiteral("latest")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--alembic-version")), qPrintable(bad.err));
    }

    // d depends on three bases: alembic keeps that in a set, so its order of the three
    // follows the hash seed; plan says so (stderr, and in --json), and not elsewhere.
    void planSaysWhenAlembicsOrderMayVary()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        write(root + QStringLiteral("/alembic.ini"),
              "[alembic]\nscript_location = %(here)s/migrations\n");
        const QString v = root + QStringLiteral("/migrations/versions/");
        write(v + QStringLiteral("a.py"), script("aaaa", "None", "a"));
        write(v + QStringLiteral("b.py"), script("bbbb", "None", "b"));
        write(v + QStringLiteral("c.py"), script("cccc", "None", "c"));
        write(v + QStringLiteral("d.py"),
              script("dddd", "None", "d", "depends_on = ('aaaa', 'bbbb', 'cccc')\n"));
        const QString ini = root + QStringLiteral("/alembic.ini");
        const Run json = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                              QStringLiteral("dddd"), QStringLiteral("--at-base"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(o.value(QStringLiteral("order_may_vary")).toBool());
        QCOMPARE(o.value(QStringLiteral("order_varies_with")).toArray(), QJsonArray{QStringLiteral("dddd")});
        const Run text = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                              QStringLiteral("dddd"), QStringLiteral("--at-base")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.err.contains(QStringLiteral("may differ")), qPrintable(text.err));
        const Run one = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                             QStringLiteral("aaaa"), QStringLiteral("--at-base"), QStringLiteral("--json")});
        QVERIFY(!QJsonDocument::fromJson(one.out.toUtf8()).object().value(QStringLiteral("order_may_vary")).toBool());
    }

    // A SQLite file that is not there reads as at base, and says so; nothing is created.
    void currentOnAMissingSqliteFile()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const QString db = dir.filePath(QStringLiteral("gone.db"));
        const Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("current"), QStringLiteral("--url"),
                           QStringLiteral("sqlite:///") + db});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")) && r.err.contains(db), qPrintable(r.err));
        QVERIFY(!QFile::exists(db));
    }

    // Broken projects: a message on stderr and a non-zero exit, never a crash.
    void brokenProjects_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("iniName");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing ini") << QByteArray() << QStringLiteral("alembic.ini") << 3 << QStringLiteral("alembic.ini");
        QTest::newRow("no script_location") << QByteArray("[alembic]\nsqlalchemy.url = sqlite://\n")
                                            << QStringLiteral("alembic.ini") << 3 << QStringLiteral("script_location");
        QTest::newRow("no section") << QByteArray("[other]\nscript_location = x\n")
                                    << QStringLiteral("alembic.ini") << 3 << QStringLiteral("alembic");
        QTest::newRow("binary ini") << QByteArray("\x00\x01\x02\xff\xfe", 5) << QStringLiteral("alembic.ini") << 3 << QString();
        QTest::newRow("missing version folder") << QByteArray("[alembic]\nscript_location = %(here)s/nowhere\n")
                                                << QStringLiteral("alembic.ini") << 1 << QStringLiteral("nowhere");
    }

    void brokenProjects()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, iniName);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        if (!ini.isEmpty())
            write(dir.filePath(iniName), ini);
        const Run r = cli({QStringLiteral("-c"), dir.filePath(iniName), QStringLiteral("lint")});
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, exitCode);
        const QString said = exitCode == 1 ? r.out : r.err;
        QVERIFY2(!said.trimmed().isEmpty(), "a message is expected");
        QVERIFY2(said.contains(mentions), qPrintable(said));
    }

    // plan --url reads the state from the database the way `current` does: the same plan as
    // giving those rows with --current. The database is brought up by the real alembic.
    void planFromDatabase()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        QProcess gen;
        gen.start(QStringLiteral(RETORT_TEST_PYTHON),
                  {QStringLiteral(RETORT_FIXTURES_DIR "/genproject.py"), project,
                   QStringLiteral("--revisions"), QStringLiteral("20"), QStringLiteral("--seed"),
                   QStringLiteral("11"), QStringLiteral("--linear")});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        const QString ini = project + QStringLiteral("/alembic.ini");
        const Run heads = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                               QStringLiteral("+5"), QStringLiteral("--json")});
        QCOMPARE(heads.exitCode, 0);
        const QJsonArray firstFive = QJsonDocument::fromJson(heads.out.toUtf8())
                                         .object().value(QStringLiteral("steps")).toArray();
        QCOMPARE(firstFive.size(), 5);
        const QString fifth = firstFive.last().toObject().value(QStringLiteral("revision")).toString();

        QProcess alembic;
        alembic.setWorkingDirectory(project);
        alembic.start(QStringLiteral(RETORT_TEST_PYTHON),
                      {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), ini,
                       QStringLiteral("upgrade"), fifth});
        QVERIFY(alembic.waitForFinished(120000));
        QCOMPARE(alembic.exitCode(), 0);

        const Run fromIni = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                 QStringLiteral("upgrade"), QStringLiteral("heads"),
                                 QStringLiteral("--url"), QStringLiteral("--json")});
        const Run fromRows = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                  QStringLiteral("upgrade"), QStringLiteral("heads"),
                                  QStringLiteral("--current"), fifth, QStringLiteral("--json")});
        const Run fromUrl = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                 QStringLiteral("upgrade"), QStringLiteral("heads"),
                                 QStringLiteral("--url"),
                                 QStringLiteral("sqlite:///") + project + QStringLiteral("/test.db"),
                                 QStringLiteral("--json")});
        // no state given: as `alembic upgrade` would, the project's own database
        const Run byDefault = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                   QStringLiteral("upgrade"), QStringLiteral("heads"),
                                   QStringLiteral("--json")});
        const Run atBase = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"),
                                QStringLiteral("upgrade"), QStringLiteral("heads"),
                                QStringLiteral("--at-base"), QStringLiteral("--json")});
        QCOMPARE(fromIni.exitCode, 0);
        QCOMPARE(fromRows.exitCode, 0);
        QCOMPARE(fromUrl.exitCode, 0);
        QCOMPARE(byDefault.exitCode, 0);
        QCOMPARE(atBase.exitCode, 0);
        auto json = [](const Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); };
        auto steps = [&](const Run& r) { return json(r).value(QStringLiteral("steps")).toArray(); };
        QCOMPARE(steps(fromIni), steps(fromRows));
        QCOMPARE(steps(fromUrl), steps(fromRows));
        QCOMPARE(steps(byDefault), steps(fromRows));
        QCOMPARE(steps(fromIni).size(), 15);
        QCOMPARE(steps(atBase).size(), 20);
        // which state it planned from: on stderr and as "from"
        const QJsonObject from = json(byDefault).value(QStringLiteral("from")).toObject();
        QCOMPARE(from.value(QStringLiteral("source")).toString(), QStringLiteral("database"));
        QCOMPARE(from.value(QStringLiteral("rows")).toArray(), QJsonArray({fifth}));
        QVERIFY2(byDefault.err.contains(QStringLiteral("planned from the database")) && byDefault.err.contains(fifth),
                 qPrintable(byDefault.err));
        QCOMPARE(json(fromRows).value(QStringLiteral("from")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("current"));
        QCOMPARE(json(atBase).value(QStringLiteral("from")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("at-base"));
        QVERIFY(atBase.err.contains(QStringLiteral("--at-base")));

        const Run both = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                              QStringLiteral("heads"), QStringLiteral("--url"),
                              QStringLiteral("--current"), fifth});
        QCOMPARE(both.exitCode, 2);
        const Run dead = cli({QStringLiteral("-c"), ini, QStringLiteral("plan"), QStringLiteral("upgrade"),
                              QStringLiteral("heads"), QStringLiteral("--url"),
                              QStringLiteral("postgresql://u:pw@/db?host=") + dir.filePath(QStringLiteral("none"))});
        QCOMPARE(dead.exitCode, 3);
        QVERIFY(!dead.err.contains(QStringLiteral("pw@")));
    }

    // `ops REV --json`: the contract's keys, for an id and a branch label
    void opsJson()
    {
        QTemporaryDir dir;
        const QString ini = makeOpsProject(dir);
        const Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("ops"), QStringLiteral("bbbb"),
                           QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = jsonOf(r);
        QCOMPARE(root.value(QStringLiteral("revision")).toString(), QStringLiteral("bbbb"));
        const QJsonArray up = root.value(QStringLiteral("upgrade")).toArray();
        QCOMPARE(up.size(), 2);
        const QJsonObject add = up.at(0).toObject();
        QCOMPARE(add.value(QStringLiteral("op")).toString(), QStringLiteral("add_column"));
        QCOMPARE(add.value(QStringLiteral("table")).toString(), QStringLiteral("books"));
        QCOMPARE(add.value(QStringLiteral("column")).toString(), QStringLiteral("language"));
        QCOMPARE(add.value(QStringLiteral("line")).toInt(), 13);
        QVERIFY(!add.value(QStringLiteral("description")).toString().isEmpty());
        const QJsonObject sql = up.at(1).toObject();
        QCOMPARE(sql.value(QStringLiteral("op")).toString(), QStringLiteral("execute"));
        QVERIFY(sql.value(QStringLiteral("table")).isNull());
        QCOMPARE(sql.value(QStringLiteral("line")).toInt(), 14);
        QVERIFY(root.value(QStringLiteral("downgrade")).isArray());
        QVERIFY(root.value(QStringLiteral("downgrade")).toArray().isEmpty());
        QCOMPARE(root.value(QStringLiteral("downgrade_function")).toObject()
                     .value(QStringLiteral("empty")).toBool(), true);

        const Run label = cli({QStringLiteral("-c"), ini, QStringLiteral("ops"), QStringLiteral("shelf"),
                               QStringLiteral("--json")});
        QCOMPARE(label.exitCode, 0);
        const QJsonObject rename = jsonOf(label).value(QStringLiteral("upgrade")).toArray().at(0).toObject();
        QCOMPARE(jsonOf(label).value(QStringLiteral("revision")).toString(), QStringLiteral("cccc"));
        QCOMPARE(rename.value(QStringLiteral("op")).toString(), QStringLiteral("rename_table"));
        QCOMPARE(rename.value(QStringLiteral("new_name")).toString(), QStringLiteral("volumes"));

        const Run text = cli({QStringLiteral("-c"), ini, QStringLiteral("ops"), QStringLiteral("cccc")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("volumes")), qPrintable(text.out));

        const Run unknown = cli({QStringLiteral("-c"), ini, QStringLiteral("ops"), QStringLiteral("zzzz")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.out.isEmpty());
        QVERIFY(unknown.err.contains(QStringLiteral("zzzz")));
        QCOMPARE(cli({QStringLiteral("-c"), ini, QStringLiteral("ops")}).exitCode, 2);
    }

    // `tables --json`: a renamed table ends one timeline and starts another
    void tablesJson()
    {
        QTemporaryDir dir;
        const QString ini = makeOpsProject(dir);
        const Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("tables"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray tables = jsonOf(r).value(QStringLiteral("tables")).toArray();
        QCOMPARE(tables.size(), 2);
        const QJsonObject books = tables.at(0).toObject();
        QCOMPARE(books.value(QStringLiteral("name")).toString(), QStringLiteral("books"));
        QCOMPARE(books.value(QStringLiteral("created_in")).toString(), QStringLiteral("aaaa"));
        QVERIFY(books.value(QStringLiteral("dropped_in")).isNull());
        const QJsonArray events = books.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("op")).toString(), QStringLiteral("create_table"));
        QVERIFY(events.at(0).toObject().value(QStringLiteral("column")).isNull());
        const QJsonObject added = events.at(1).toObject();
        QCOMPARE(added.value(QStringLiteral("revision")).toString(), QStringLiteral("bbbb"));
        QCOMPARE(added.value(QStringLiteral("op")).toString(), QStringLiteral("add_column"));
        QCOMPARE(added.value(QStringLiteral("column")).toString(), QStringLiteral("language"));
        QCOMPARE(added.value(QStringLiteral("line")).toInt(), 13);
        QCOMPARE(events.at(2).toObject().value(QStringLiteral("op")).toString(), QStringLiteral("rename_table"));
        const QJsonObject volumes = tables.at(1).toObject();
        QCOMPARE(volumes.value(QStringLiteral("name")).toString(), QStringLiteral("volumes"));
        QVERIFY(volumes.value(QStringLiteral("created_in")).isNull());
        QCOMPARE(volumes.value(QStringLiteral("renamed_from")).toString(), QStringLiteral("books"));

        const Run text = cli({QStringLiteral("-c"), ini, QStringLiteral("tables")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("bbbb:13  add_column language")), qPrintable(text.out));
    }

    // `schema [--at TARGET] --json`: tables, columns and what could not be known
    void schemaJson()
    {
        QTemporaryDir dir;
        const QString ini = makeOpsProject(dir);
        const Run heads = cli({QStringLiteral("-c"), ini, QStringLiteral("schema"), QStringLiteral("--json")});
        QCOMPARE(heads.exitCode, 0);
        const QJsonObject root = jsonOf(heads);
        QCOMPARE(root.value(QStringLiteral("at")).toArray(), QJsonArray{QStringLiteral("cccc")});
        const QJsonArray tables = root.value(QStringLiteral("tables")).toArray();
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("volumes"));
        const QJsonArray columns = tables.at(0).toObject().value(QStringLiteral("columns")).toArray();
        QStringList names;
        for (const QJsonValue& c : columns)
            names << c.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("language")}));
        QCOMPARE(columns.at(0).toObject().value(QStringLiteral("nullable")).toBool(), false);
        QCOMPARE(columns.at(1).toObject().value(QStringLiteral("nullable")).toBool(), false);
        QCOMPARE(columns.at(2).toObject().value(QStringLiteral("nullable")).toBool(), true);
        QVERIFY(!columns.at(0).toObject().value(QStringLiteral("type")).toString().isEmpty());
        const QJsonArray unknown = root.value(QStringLiteral("unknown")).toArray();
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown.at(0).toObject().value(QStringLiteral("revision")).toString(), QStringLiteral("bbbb"));
        QCOMPARE(unknown.at(0).toObject().value(QStringLiteral("line")).toInt(), 14);
        QVERIFY(!unknown.at(0).toObject().value(QStringLiteral("why")).toString().isEmpty());

        const Run atA = cli({QStringLiteral("-c"), ini, QStringLiteral("schema"), QStringLiteral("--at"),
                             QStringLiteral("aaaa"), QStringLiteral("--json")});
        QCOMPARE(atA.exitCode, 0);
        const QJsonObject a = jsonOf(atA);
        QCOMPARE(a.value(QStringLiteral("at")).toArray(), QJsonArray{QStringLiteral("aaaa")});
        QCOMPARE(a.value(QStringLiteral("tables")).toArray().at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("books"));
        QVERIFY(a.value(QStringLiteral("unknown")).toArray().isEmpty());

        const Run text = cli({QStringLiteral("-c"), ini, QStringLiteral("schema"), QStringLiteral("--at"),
                              QStringLiteral("shelf@head")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("volumes")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("bbbb:14")), qPrintable(text.out));

        const Run bad = cli({QStringLiteral("-c"), ini, QStringLiteral("schema"), QStringLiteral("--at"),
                             QStringLiteral("nosuch")});
        QCOMPARE(bad.exitCode, 1); // as `plan` with a target alembic refuses
        QVERIFY(bad.out.isEmpty());
        QVERIFY2(bad.err.contains(QStringLiteral("nosuch")), qPrintable(bad.err));
        QCOMPARE(cli({QStringLiteral("-c"), ini, QStringLiteral("schema"), QStringLiteral("extra")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("-c"), ini, QStringLiteral("schema"), QStringLiteral("--at")}).exitCode, 2);
    }

    // lint adds the downgrade-safety warnings; they never change its exit status
    void lintWarnsAboutDowngrades()
    {
        QTemporaryDir dir;
        const QString ini = makeOpsProject(dir);
        const Run text = cli({QStringLiteral("-c"), ini, QStringLiteral("lint")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("migrations/versions/b_language.py:17: warning: "
                                                  "downgrade() is empty")),
                 qPrintable(text.out));
        QVERIFY(!text.out.contains(QStringLiteral("c_volumes.py"))); // its rename is reversed
        const Run json = cli({QStringLiteral("-c"), ini, QStringLiteral("lint"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject root = jsonOf(json);
        QCOMPARE(root.value(QStringLiteral("errors")).toBool(), false);
        const QJsonArray diags = root.value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(diags.at(0).toObject().value(QStringLiteral("revision")).toString(), QStringLiteral("bbbb"));
    }

    void emptyProjectHasNoHeads()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("alembic.ini")), "[alembic]\nscript_location = %(here)s/m\n");
        QDir().mkpath(dir.filePath(QStringLiteral("m/versions")));
        const Run r = cli({QStringLiteral("-c"), dir.filePath(QStringLiteral("alembic.ini")), QStringLiteral("heads")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
    }

    void exportFormats()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir);
        const QStringList ids = {QStringLiteral("aaaa"), QStringLiteral("bbbb"),
                                 QStringLiteral("cccc"), QStringLiteral("dddd"),
                                 QStringLiteral("mmmm")};
        auto exportTo = [&](const char* format) {
            const QString file = dir.filePath(QStringLiteral("graph.") + QLatin1StringView(format));
            const Run r = cli({QStringLiteral("-c"), ini, QStringLiteral("export"),
                               QStringLiteral("--format"), QString::fromLatin1(format),
                               QStringLiteral("-o"), file});
            QFile f(file);
            if (r.exitCode != 0 || !f.open(QIODevice::ReadOnly))
                qWarning() << format << r.exitCode << r.err;
            return f.readAll();
        };

        const QByteArray dot = exportTo("dot");
        QVERIFY(dot.startsWith("digraph "));
        QVERIFY(dot.trimmed().endsWith('}'));
        for (const QString& id : ids)
            QVERIFY2(dot.contains("\"" + id.toUtf8() + "\" [label="), qPrintable(id));
        QVERIFY(dot.contains("pos=\""));

        const QByteArray svg = exportTo("svg");
        QXmlStreamReader xml(svg);
        QStringList nodeIds;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1StringView("g")
                && xml.attributes().value(QLatin1StringView("class")).toString().split(u' ').first()
                    == QLatin1StringView("node"))
                nodeIds << xml.attributes().value(QLatin1StringView("id")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        nodeIds.sort();
        QCOMPARE(nodeIds, ids);

        const QByteArray png = exportTo("png");
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));

        // Usage errors and unwritable targets.
        QCOMPARE(cli({QStringLiteral("-c"), ini, QStringLiteral("export"), QStringLiteral("--format"),
                      QStringLiteral("gif"), QStringLiteral("-o"), dir.filePath(QStringLiteral("x"))})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("-c"), ini, QStringLiteral("export"), QStringLiteral("--format"),
                      QStringLiteral("svg")})
                     .exitCode,
                 2);
        const Run unwritable = cli({QStringLiteral("-c"), ini, QStringLiteral("export"),
                                    QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"),
                                    dir.filePath(QStringLiteral("no/such/dir/g.svg"))});
        QCOMPARE(unwritable.exitCode, 3);
        QVERIFY(!unwritable.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
