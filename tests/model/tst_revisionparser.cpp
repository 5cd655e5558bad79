#include "model/script/revisionparser.h"

#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

QStringList L(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* s : items)
        out << QString::fromUtf8(s);
    return out;
}

ParseResult parseText(const char* text, const char* file = "/p/versions/x_slug.py")
{
    return RevisionParser::parse(QByteArray(text), QString::fromUtf8(file));
}

QString messages(const Diagnostics& diags)
{
    QStringList out;
    for (const Diagnostic& d : diags)
        out << QStringLiteral("%1:%2 %3").arg(Diagnostic::severityName(d.severity)).arg(d.line).arg(d.message);
    return out.join(u'\n');
}

} // namespace

class TestRevisionParser : public QObject
{
    Q_OBJECT

private slots:
    // Every header form of ALEMBIC-FORMS.md: the four identifiers come out right and
    // nothing is reported.
    void forms_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("down");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("depends");

        QTest::newRow("old template") << QByteArray(
            "\"\"\"add users\n\nRevision ID: abc123\nRevises: \nCreate Date: 2020-01-01 10:00:00\n\n\"\"\"\n"
            "from alembic import op\nimport sqlalchemy as sa\n\n"
            "# revision identifiers, used by Alembic.\n"
            "revision = 'abc123'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n"
            "def upgrade():\n    pass\n")
            << QStringLiteral("abc123") << QStringList() << QStringList() << QStringList();
        QTest::newRow("typed union") << QByteArray(
            "from typing import Sequence, Union\n"
            "revision: str = \"b2\"\n"
            "down_revision: Union[str, None] = \"a1\"\n"
            "branch_labels: Union[str, Sequence[str], None] = None\n"
            "depends_on: Union[str, Sequence[str], None] = None\n")
            << QStringLiteral("b2") << L({"a1"}) << QStringList() << QStringList();
        QTest::newRow("pep604") << QByteArray(
            "revision: str = 'c3'\ndown_revision: str | tuple[str, ...] | None = ('a1', 'b2')\n"
            "branch_labels: None = None\ndepends_on: str | None = None\n")
            << QStringLiteral("c3") << L({"a1", "b2"}) << QStringList() << QStringList();
        QTest::newRow("annotation contradicts value") << QByteArray(
            "revision: str = 'm'\ndown_revision: Union[str, None] = (\"a\", \"b\")\n")
            << QStringLiteral("m") << L({"a", "b"}) << QStringList() << QStringList();
        QTest::newRow("u prefixes and comments") << QByteArray(
            "revision = u'ab12'  # the id\ndown_revision = u\"0a1\" # parent\n"
            "branch_labels = None  # none\n")
            << QStringLiteral("ab12") << L({"0a1"}) << QStringList() << QStringList();
        QTest::newRow("three parents black") << QByteArray(
            "revision = \"m3\"\ndown_revision = (\n    \"a\",\n    \"b\",\n    \"c\",\n)\n")
            << QStringLiteral("m3") << L({"a", "b", "c"}) << QStringList() << QStringList();
        QTest::newRow("list parents") << QByteArray("revision = 'm'\ndown_revision = [\"a\", 'b']\n")
            << QStringLiteral("m") << L({"a", "b"}) << QStringList() << QStringList();
        QTest::newRow("labels string") << QByteArray(
            "revision = 'x'\ndown_revision = None\nbranch_labels = 'feature'\ndepends_on = 'other'\n")
            << QStringLiteral("x") << QStringList() << L({"feature"}) << L({"other"});
        QTest::newRow("labels tuple and list") << QByteArray(
            "revision = 'x'\ndown_revision = None\nbranch_labels = ('a', 'b',)\ndepends_on = ['d1', 'd2']\n")
            << QStringLiteral("x") << QStringList() << L({"a", "b"}) << L({"d1", "d2"});
        QTest::newRow("one-tuple") << QByteArray(
            "revision = 'x'\ndown_revision = ('p',)\nbranch_labels = ('lab',)\n")
            << QStringLiteral("x") << L({"p"}) << L({"lab"}) << QStringList();
        QTest::newRow("empty tuple and empty string") << QByteArray(
            "revision = 'x'\ndown_revision = ''\nbranch_labels = ()\ndepends_on = \"\"\n")
            << QStringLiteral("x") << QStringList() << QStringList() << QStringList();
        QTest::newRow("missing label lines (pre-0.7)") << QByteArray(
            "revision = '1975ea83b712'\ndown_revision = None\n")
            << QStringLiteral("1975ea83b712") << QStringList() << QStringList() << QStringList();
        QTest::newRow("last assignment wins") << QByteArray(
            "revision = 'old'\ndown_revision = 'p0'\nrevision = 'new'\ndown_revision = 'p1'\n")
            << QStringLiteral("new") << L({"p1"}) << QStringList() << QStringList();
        QTest::newRow("before imports") << QByteArray(
            "revision = '059'\ndown_revision = '058'\nfrom alembic import op\nimport sqlalchemy as sa\n")
            << QStringLiteral("059") << L({"058"}) << QStringList() << QStringList();
        QTest::newRow("after class bodies") << QByteArray(
            "import sqlalchemy as sa\n\nclass Helper:\n    revision = 'not-me'\n    def f(self):\n"
            "        down_revision = 'nope'\n\n\n"
            "def helper():\n    revision = 'nor-me'\n\n"
            "revision = 'kilo'\ndown_revision = 'juliet'\n")
            << QStringLiteral("kilo") << L({"juliet"}) << QStringList() << QStringList();
        QTest::newRow("module constant") << QByteArray(
            "PARENT = 'p1'\nrevision = 'x'\ndown_revision = PARENT\n")
            << QStringLiteral("x") << L({"p1"}) << QStringList() << QStringList();
        QTest::newRow("implicit concatenation") << QByteArray(
            "revision = ('abc'\n            'def')\ndown_revision = None\n")
            << QStringLiteral("abcdef") << QStringList() << QStringList() << QStringList();
        QTest::newRow("capitalised and words") << QByteArray(
            "revision = 'Start_X'\ndown_revision = 'django_0024a'\n")
            << QStringLiteral("Start_X") << L({"django_0024a"}) << QStringList() << QStringList();
        QTest::newRow("bare tuple") << QByteArray("revision = 'm'\ndown_revision = 'a', 'b'\n")
            << QStringLiteral("m") << L({"a", "b"}) << QStringList() << QStringList();
        QTest::newRow("semicolons") << QByteArray("revision = 'a1'; down_revision = None\n")
            << QStringLiteral("a1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("backslash") << QByteArray("revision = \\\n    'a1'\ndown_revision = \\\n None\n")
            << QStringLiteral("a1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("crlf") << QByteArray("revision = 'a1'\r\ndown_revision = (\r\n 'p',\r\n)\r\n")
            << QStringLiteral("a1") << L({"p"}) << QStringList() << QStringList();
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBFrevision = 'a1'\ndown_revision = None\n")
            << QStringLiteral("a1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("latin-1 cookie") << QByteArray(
            "# -*- coding: latin-1 -*-\n\"\"\"caf\xE9\"\"\"\nrevision = 'a1'\ndown_revision = None\n")
            << QStringLiteral("a1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("chained assignment") << QByteArray("revision = 'r1'\ndown_revision = depends_on = None\n")
            << QStringLiteral("r1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("unpacking") << QByteArray("revision, down_revision = 'r1', 'r0'\n")
            << QStringLiteral("r1") << L({"r0"}) << QStringList() << QStringList();
        QTest::newRow("docstring not first") << QByteArray(
            "import os\n\"\"\"Revision ID: zzz\nRevises: yyy\"\"\"\nrevision = 'r2'\ndown_revision = 'r1'\n")
            << QStringLiteral("r2") << L({"r1"}) << QStringList() << QStringList();
        QTest::newRow("import then assignment on one line") << QByteArray(
            "import os; revision = 'semi'\ndown_revision = None\n")
            << QStringLiteral("semi") << QStringList() << QStringList() << QStringList();
        QTest::newRow("multi-line import before header") << QByteArray(
            "from typing import (\n    Sequence,\n    Union,\n)\nrevision = 'r9'\ndown_revision = 'r8'\n")
            << QStringLiteral("r9") << L({"r8"}) << QStringList() << QStringList();
        QTest::newRow("decorated helper") << QByteArray(
            "import functools\n@functools.cache\ndef helper():\n    revision = 'no'\n    return 1\n"
            "revision = 'yes'\ndown_revision = None\n")
            << QStringLiteral("yes") << QStringList() << QStringList() << QStringList();
        QTest::newRow("unpacking that starts with another name") << QByteArray(
            "x, revision = 1, 'late'\ndown_revision = None\n")
            << QStringLiteral("late") << QStringList() << QStringList() << QStringList();
        QTest::newRow("constants bound in order") << QByteArray(
            "A = 'first'\nB = A\nA = 'second'\nrevision = 'r'\ndown_revision = B\ndepends_on = A\n")
            << QStringLiteral("r") << L({"first"}) << QStringList() << L({"second"});
        QTest::newRow("padding between header lines") << QByteArray(
            "revision = 'r'\n_C0 = sa.Column('c0', sa.Integer())\n_C1 = [1, 2, 3]\n"
            "print('hello'); LABEL = 'lab'\ndown_revision = None\nbranch_labels = (LABEL,)\n")
            << QStringLiteral("r") << QStringList() << L({"lab"}) << QStringList();
        QTest::newRow("main guard not a block of ours") << QByteArray(
            "revision = 'r2'\ndown_revision = 'r1'\nif __name__ == '__main__':\n    print(1)\n")
            << QStringLiteral("r2") << L({"r1"}) << QStringList() << QStringList();
    }

    void forms()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, id);
        QFETCH(QStringList, down);
        QFETCH(QStringList, labels);
        QFETCH(QStringList, depends);
        const ParseResult r = RevisionParser::parse(source, QStringLiteral("/p/versions/f.py"));
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(messages(r.diagnostics)));
        QVERIFY(r.revision.has_value());
        QCOMPARE(r.revision->id, id);
        QCOMPARE(r.revision->downRevisions, down);
        QCOMPARE(r.revision->branchLabels, labels);
        QCOMPARE(r.revision->dependsOn, depends);
        QCOMPARE(r.revision->path, QStringLiteral("/p/versions/f.py"));
    }

    // Bytes that are not UTF-8: Python 3.11 (Debian 12's, which runs alembic) imports a file
    // that has them only in comments, and refuses them anywhere else, a '#' inside a string
    // included. Each expectation was checked by importing the file with /usr/bin/python3.
    void invalidUtf8OnlyInComments_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("errorLine"); // 0: loads
        QTest::newRow("after code") << QByteArray("x = 1  # caf\xe9\n") << 0;
        QTest::newRow("two comments") << QByteArray("# first\xff\nx = 1 # \xc3\n") << 0;
        QTest::newRow("in a string") << QByteArray("x = \"caf\xe9\"\n") << 1;
        QTest::newRow("hash in a string") << QByteArray("x = \"a # b \xe9\"\n") << 1;
        QTest::newRow("docstring") << QByteArray("\"\"\"doc \xe9\n\"\"\"\nx = 1\n") << 1;
        QTest::newRow("hash in a triple string")
            << QByteArray("x = '''a\n# not a comment \xe9\n'''\n") << 2;
    }

    void invalidUtf8OnlyInComments()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, errorLine);
        const ParseResult r = RevisionParser::parse(
            head + "revision = 'aaaa'\ndown_revision = None\n", QStringLiteral("/p/versions/u.py"));
        if (errorLine == 0) {
            QVERIFY(r.diagnostics.isEmpty());
            QVERIFY(r.revision);
            QCOMPARE(r.revision->id, QStringLiteral("aaaa"));
        } else {
            QCOMPARE(r.diagnostics.size(), 1);
            QCOMPARE(r.diagnostics.first().line, errorLine);
            QVERIFY(r.diagnostics.first().stopsAlembic);
            QVERIFY(r.diagnostics.first().message.contains(QStringLiteral("UTF-8")));
        }
    }

    void lineNumbers()
    {
        const ParseResult r = parseText("\"\"\"doc\"\"\"\n\nimport x\n\nrevision = 'a'\n"
                                        "down_revision = (\n  'b',\n  'c')\nbranch_labels = None\n"
                                        "depends_on = 'q'\n");
        QVERIFY(r.revision);
        QCOMPARE(r.revision->revisionLine, 5);
        QCOMPARE(r.revision->downRevisionLine, 6);
        QCOMPARE(r.revision->branchLabelsLine, 9);
        QCOMPARE(r.revision->dependsOnLine, 10);
    }

    // The docstring gives message and date only; it never changes the graph.
    void docstrings_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("date");
        const QByteArray tail("revision = 'real'\ndown_revision = 'parent'\n");
        QTest::newRow("standard") << QByteArray("\"\"\"add users table\n\nRevision ID: real\nRevises: parent\n"
                                                "Create Date: 2021-06-02 12:01:02.123456\n\n\"\"\"\n") + tail
                                  << QStringLiteral("add users table") << QStringLiteral("2021-06-02 12:01:02.123456");
        QTest::newRow("leading newline") << QByteArray("\"\"\"\nadd index\n\nCreate Date: 2021-06-02\n\"\"\"\n") + tail
                                         << QStringLiteral("add index") << QStringLiteral("2021-06-02");
        QTest::newRow("multi-line message") << QByteArray("'''first line\nsecond line\n\nRevision ID: stale\nCreate Date: 2020-01-01 00:00:00+00:00\n'''\n") + tail
                                            << QStringLiteral("first line\nsecond line") << QStringLiteral("2020-01-01 00:00:00+00:00");
        QTest::newRow("placeholder date") << QByteArray("\"\"\"m\n\nCreate Date: 2019-03-04 XX:XX\n\"\"\"\n") + tail
                                          << QStringLiteral("m") << QStringLiteral("2019-03-04 XX:XX");
        QTest::newRow("no docstring") << tail << QString() << QString();
        QTest::newRow("not first statement") << QByteArray("import os\n\"\"\"msg\n\nCreate Date: 2020\"\"\"\n") + tail
                                             << QString() << QString();
        QTest::newRow("comment before docstring") << QByteArray("# header\n# more\n\"\"\"msg\"\"\"\n") + tail
                                                  << QStringLiteral("msg") << QString();
        QTest::newRow("stale ids in docstring") << QByteArray("\"\"\"m\n\nRevision ID: wrong\nRevises: other\n\"\"\"\n") + tail
                                                << QStringLiteral("m") << QString();
    }

    void docstrings()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, message);
        QFETCH(QString, date);
        const ParseResult r = RevisionParser::parse(source, QStringLiteral("/p/f.py"));
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(messages(r.diagnostics)));
        QVERIFY(r.revision);
        QCOMPARE(r.revision->id, QStringLiteral("real"));
        QCOMPARE(r.revision->downRevisions, QStringList{QStringLiteral("parent")});
        QCOMPARE(r.revision->message, message);
        QCOMPARE(r.revision->createDate, date);
    }

    // Values that need Python: a diagnostic naming the identifier, never a guess.
    void unknowable_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<bool>("hasRevision");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("imported constant") << QByteArray(
            "from myapp import cli\nrevision = 'a'\ndown_revision = None\nbranch_labels = (cli.EXPAND_BRANCH,)\n")
            << true << 4 << QStringLiteral("branch_labels");
        QTest::newRow("imported name") << QByteArray(
            "from myapp.cli import EXPAND\nrevision = 'a'\ndown_revision = None\nbranch_labels = EXPAND\n")
            << true << 4 << QStringLiteral("EXPAND");
        QTest::newRow("try import block") << QByteArray(
            "try:\n    from x import LABEL\nexcept ImportError:\n    LABEL = 'fallback'\n"
            "revision = 'a'\ndown_revision = None\nbranch_labels = (LABEL,)\n")
            << true << 7 << QStringLiteral("LABEL");
        QTest::newRow("conditional revision") << QByteArray(
            "import os\nif os.environ.get('X'):\n    revision = 'a'\nelse:\n    revision = 'b'\ndown_revision = None\n")
            << false << 5 << QStringLiteral("revision");
        QTest::newRow("function call") << QByteArray("revision = make_id()\ndown_revision = None\n")
            << false << 1 << QStringLiteral("revision");
        QTest::newRow("f-string") << QByteArray("X = 'a'\nrevision = f'{X}1'\ndown_revision = None\n")
            << false << 2 << QStringLiteral("f-string");
        QTest::newRow("augmented") << QByteArray("revision = 'a'\ndown_revision = ('p',)\ndown_revision += ('q',)\n")
            << true << 3 << QStringLiteral("down_revision");
        QTest::newRow("undefined name") << QByteArray("revision = 'a'\ndown_revision = PARENT\n")
            << true << 2 << QStringLiteral("PARENT");
        QTest::newRow("computed constant") << QByteArray(
            "import cli\nPARENT = cli.parent_of('x')\nrevision = 'a'\ndown_revision = PARENT\n")
            << true << 4 << QStringLiteral("cli.parent_of('x')");
        QTest::newRow("import rebinds after assignment") << QByteArray(
            "revision = 'a'\ndown_revision = 'p'\nfrom shared import down_revision\n")
            << true << 3 << QStringLiteral("shared");
        QTest::newRow("revision imported") << QByteArray(
            "from common.ids import revision\ndown_revision = None\n")
            << false << 1 << QStringLiteral("common.ids");
        QTest::newRow("name imported after constant") << QByteArray(
            "PARENT = 'p1'\nfrom elsewhere import PARENT\nrevision = 'a'\ndown_revision = PARENT\n")
            << true << 4 << QStringLiteral("elsewhere");
        QTest::newRow("constant set in an if block") << QByteArray(
            "import sys\nif sys.version_info > (3,):\n    PARENT = 'p'\nrevision = 'a'\ndown_revision = PARENT\n")
            << true << 5 << QStringLiteral("if/try");
        QTest::newRow("set literal") << QByteArray("revision = 'a'\ndown_revision = {'p', 'q'}\n")
            << true << 2 << QStringLiteral("set");
    }

    void unknowable()
    {
        QFETCH(QByteArray, source);
        QFETCH(bool, hasRevision);
        QFETCH(int, line);
        QFETCH(QString, mentions);
        const ParseResult r = RevisionParser::parse(source, QStringLiteral("/p/f.py"));
        QCOMPARE(r.revision.has_value(), hasRevision);
        QVERIFY(!r.diagnostics.isEmpty());
        const Diagnostic& d = r.diagnostics.first();
        QVERIFY(d.isError());
        QCOMPARE(d.line, line);
        QCOMPARE(d.path, QStringLiteral("/p/f.py"));
        QVERIFY2(d.message.contains(mentions), qPrintable(d.message));
        QVERIFY2(d.message.contains(QStringLiteral("Python")), qPrintable(d.message));
    }

    // Which diagnostics stop alembic from loading the project (it imports every file): a
    // NameError or SyntaxError on import, a missing down_revision; and which it loads past
    // (an imported constant only Python knows).
    void whatStopsAlembic_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<bool>("stops");
        QTest::newRow("undefined name") << QByteArray("revision = 'a1'\ndown_revision = parent_rev\n")
                                        << true;
        QTest::newRow("undefined name in a tuple")
            << QByteArray("revision = 'a1'\ndown_revision = ('b', missing)\n") << true;
        QTest::newRow("defined later") << QByteArray("revision = 'a1'\ndown_revision = P\nP = 'b'\n")
                                       << true;
        QTest::newRow("through another name")
            << QByteArray("revision = 'a1'\nX = nowhere\ndown_revision = X\n") << true;
        QTest::newRow("syntax error") << QByteArray("revision = 'a1'\ndown_revision = (\n") << true;
        QTest::newRow("no down_revision") << QByteArray("revision = 'a1'\n") << true;
        QTest::newRow("imported constant")
            << QByteArray("from app.ids import PARENT\nrevision = 'a1'\ndown_revision = PARENT\n")
            << false;
        QTest::newRow("star import")
            << QByteArray("from app.ids import *\nrevision = 'a1'\ndown_revision = PARENT\n")
            << false;
        QTest::newRow("a function") << QByteArray("def P():\n    pass\nrevision = 'a1'\ndown_revision = P\n")
                                    << false;
        QTest::newRow("guarded by try")
            << QByteArray("revision = 'a1'\ntry:\n    down_revision = X\nexcept NameError:\n"
                          "    down_revision = None\n")
            << false;
    }
    void whatStopsAlembic()
    {
        QFETCH(QByteArray, source);
        QFETCH(bool, stops);
        const ParseResult r = RevisionParser::parse(source, QStringLiteral("/p/versions/a1.py"));
        QVERIFY2(hasErrors(r.diagnostics), qPrintable(messages(r.diagnostics)));
        QCOMPARE(!alembicStoppers(r.diagnostics).isEmpty(), stops);
        QCOMPARE(unresolvedErrors(r.diagnostics).isEmpty(), stops);
    }

    void legacyFileNameFallback()
    {
        const ParseResult r = RevisionParser::parse(QByteArray("down_revision = None\n"),
                                                    QStringLiteral("/p/versions/1a2b3c.py"));
        QVERIFY(r.diagnostics.isEmpty());
        QVERIFY(r.revision);
        QCOMPARE(r.revision->id, QStringLiteral("1a2b3c"));

        // A non-hex name is no legacy id: alembic refuses, and so does Retort.
        const ParseResult bad = RevisionParser::parse(QByteArray("down_revision = None\n"),
                                                      QStringLiteral("/p/versions/1a2b_slug.py"));
        QVERIFY(!bad.revision);
        QCOMPARE(bad.diagnostics.size(), 1);
        QVERIFY(bad.diagnostics.first().message.contains(QStringLiteral("revision")));
    }

    void fileNameDisagreesWithVariable()
    {
        const ParseResult r = RevisionParser::parse(QByteArray("revision = 'bbbb'\ndown_revision = None\n"),
                                                    QStringLiteral("/p/versions/aaaa_slug.py"));
        QVERIFY(r.revision);
        QCOMPARE(r.revision->id, QStringLiteral("bbbb"));
    }

    void badValues_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<bool>("hasRevision");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing down_revision") << QByteArray("revision = 'a'\n") << true << QStringLiteral("down_revision");
        QTest::newRow("numeric revision") << QByteArray("revision = 12\ndown_revision = None\n") << false << QStringLiteral("number");
        QTest::newRow("None revision") << QByteArray("revision = None\ndown_revision = None\n") << false << QStringLiteral("None");
        QTest::newRow("illegal chars") << QByteArray("revision = 'a-b'\ndown_revision = None\n") << false << QStringLiteral("a-b");
        QTest::newRow("self parent") << QByteArray("revision = 'a'\ndown_revision = 'a'\n") << true << QStringLiteral("itself");
        QTest::newRow("bytes") << QByteArray("revision = 'a'\ndown_revision = b'p'\n") << true << QStringLiteral("bytes");
        QTest::newRow("syntax error after header") << QByteArray("revision = 'a'\ndown_revision = None\ndef upgrade(:\n  x = 'unterminated\n") << true << QStringLiteral("syntax");
        QTest::newRow("syntax error before header") << QByteArray("x = (\nrevision = 'a'\n") << false << QStringLiteral("syntax");
        // (not UTF-8 in a string; in a comment Python reads it: invalidUtf8OnlyInComments)
        QTest::newRow("non-utf8") << QByteArray("revision = 'a'\ndown_revision = None\nx = 'caf\xE9'\n") << false << QStringLiteral("UTF-8");
        QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10) << false << QStringLiteral("NUL");
        QTest::newRow("empty file") << QByteArray() << false << QStringLiteral("revision");
        QTest::newRow("unknown encoding") << QByteArray("# coding: klingon-9\nrevision = 'a'\n") << false << QStringLiteral("klingon");
    }

    void badValues()
    {
        QFETCH(QByteArray, source);
        QFETCH(bool, hasRevision);
        QFETCH(QString, mentions);
        const ParseResult r = RevisionParser::parse(source, QStringLiteral("/p/not_hex_name.py"));
        QCOMPARE(r.revision.has_value(), hasRevision);
        QVERIFY(!r.diagnostics.isEmpty());
        QVERIFY(hasErrors(r.diagnostics));
        QVERIFY2(messages(r.diagnostics).contains(mentions), qPrintable(messages(r.diagnostics)));
    }

    void nonUtf8ReportsLine()
    {
        const ParseResult r = parseText("revision = 'a'\ndown_revision = None\nx = 'caf\xE9'\n");
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().line, 3);
    }

    void largeFileIsQuick()
    {
        // 10 MB of plausible Python after the header: read, not choked on.
        QByteArray source("revision = 'big'\ndown_revision = None\n");
        const QByteArray filler("op.execute(\"INSERT INTO t VALUES (1, 'x')\")  # data\n");
        while (source.size() < 10 * 1024 * 1024)
            source += filler;
        const ParseResult r = RevisionParser::parse(source, QStringLiteral("/p/big.py"));
        QVERIFY(r.revision);
        QCOMPARE(r.revision->id, QStringLiteral("big"));
        QVERIFY(r.diagnostics.isEmpty());
    }

    void parseFileReadsDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("abc_x.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("revision = 'abc'\ndown_revision = None\n");
        f.close();
        const ParseResult r = RevisionParser::parseFile(path);
        QVERIFY(r.revision);
        QCOMPARE(r.revision->id, QStringLiteral("abc"));

        const ParseResult missing = RevisionParser::parseFile(dir.filePath(QStringLiteral("nope.py")));
        QVERIFY(!missing.revision);
        QCOMPARE(missing.diagnostics.size(), 1);
        QVERIFY(missing.diagnostics.first().message.contains(QStringLiteral("Cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestRevisionParser)
#include "tst_revisionparser.moc"
