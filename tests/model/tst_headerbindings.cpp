// Each legal way of binding `revision`, `down_revision`, `branch_labels` or `depends_on`:
// read exactly where Retort can, and otherwise an error on the file that does not claim
// alembic stops there (alembic loads these files). tst_headerforms checks the same forms
// against the real Python.
#include "model/script/namespacewrites.h"
#include "model/script/pythontokenizer.h"
#include "model/script/revisionparser.h"

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

ParseResult parseText(const QByteArray& text)
{
    return RevisionParser::parse(text, QStringLiteral("/p/versions/x_slug.py"));
}

QString messages(const Diagnostics& diags)
{
    QStringList out;
    for (const Diagnostic& d : diags)
        out << QStringLiteral("%1:%2 %3")
                   .arg(Diagnostic::severityName(d.severity))
                   .arg(d.line)
                   .arg(d.message);
    return out.join(u'\n');
}

} // namespace

class TestHeaderBindings : public QObject
{
    Q_OBJECT

private slots:
    void readExactly_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("down");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("depends");
        const QByteArray h("revision = 'r1'\ndown_revision = None\n");

        QTest::newRow("(revision) on its own")
            << QByteArray("(revision) = \"x\"\ndown_revision = None\n") << QStringLiteral("x")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("((down_revision)) after the header")
            << h + "((down_revision)) = 'p'\n" << QStringLiteral("r1") << L({"p"})
            << QStringList() << QStringList();
        QTest::newRow("parenthesised annotated")
            << QByteArray("(revision): str = 'x'\ndown_revision = None\n") << QStringLiteral("x")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("parenthesised in a chain")
            << QByteArray("x = (revision) = 'y'\n(down_revision) = None\n") << QStringLiteral("y")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("[down_revision] = [...]")
            << h + "[down_revision] = ['a']\n" << QStringLiteral("r1") << L({"a"})
            << QStringList() << QStringList();
        QTest::newRow("tuple unpacking")
            << QByteArray("revision, down_revision = 'a', 'b'\n") << QStringLiteral("a")
            << L({"b"}) << QStringList() << QStringList();
        QTest::newRow("nested unpacking")
            << QByteArray("revision, (down_revision, [depends_on]) = 'r', ('d', ['e'])\n")
            << QStringLiteral("r") << L({"d"}) << QStringList() << L({"e"});
        QTest::newRow("starred at the end")
            << QByteArray("revision, *branch_labels = 'r', 'l1', 'l2'\ndown_revision = None\n")
            << QStringLiteral("r") << QStringList() << L({"l1", "l2"}) << QStringList();
        QTest::newRow("starred in the middle")
            << QByteArray("revision, *branch_labels, down_revision = ('r', 'a', 'b', 'p')\n")
            << QStringLiteral("r") << L({"p"}) << L({"a", "b"}) << QStringList();
        QTest::newRow("starred takes nothing")
            << QByteArray("down_revision = None\nrevision, *depends_on = ['r']\n")
            << QStringLiteral("r") << QStringList() << QStringList() << QStringList();
        QTest::newRow("a string unpacks into characters")
            << QByteArray("revision, down_revision = 'rd'\n") << QStringLiteral("r") << L({"d"})
            << QStringList() << QStringList();
        QTest::newRow("one-target tuple")
            << QByteArray("revision, = 'abc',\ndown_revision = None\n") << QStringLiteral("abc")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("unpacking a constant")
            << QByteArray("PAIR = ('a', 'b')\nrevision, down_revision = PAIR\n")
            << QStringLiteral("a") << L({"b"}) << QStringList() << QStringList();
        QTest::newRow("unpacking after other statements")
            << h + "import os\nx, revision = 1, 'late'\n" << QStringLiteral("late")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("a subscript target binds nothing")
            << h + "d = {}\nd[revision] = 1\nd['down_revision'] = 2\n" << QStringLiteral("r1")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("an attribute target binds nothing")
            << h + "class N:\n    pass\nN.revision = 'q'\n" << QStringLiteral("r1")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("keyword arguments bind nothing")
            << h + "x = dict(revision='k', down_revision='k')\n" << QStringLiteral("r1")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("comprehension targets stay in the comprehension")
            << h + "_ = [revision for revision in 'c']\n" << QStringLiteral("r1")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("a later assignment overrides a for target")
            << QByteArray("for revision in ['a']:\n    pass\nrevision = 'b'\ndown_revision = None\n")
            << QStringLiteral("b") << QStringList() << QStringList() << QStringList();
        QTest::newRow("a later assignment overrides :=")
            << QByteArray("(revision := 'w')\nrevision = 'z'\ndown_revision = None\n")
            << QStringLiteral("z") << QStringList() << QStringList() << QStringList();
        QTest::newRow(":= inside a function") << h + "def f():\n    (revision := 'q')\n"
                                              << QStringLiteral("r1") << QStringList()
                                              << QStringList() << QStringList();
        QTest::newRow("NFKC: fullwidth d")
            << h + "\xEF\xBD\x84own_revision = 'n'\n" << QStringLiteral("r1") << L({"n"})
            << QStringList() << QStringList();
        QTest::newRow("NFKC: roman numeral one")
            << QByteArray("down_revision = None\nrev\xE2\x85\xB0sion = 'rn'\n")
            << QStringLiteral("rn") << QStringList() << QStringList() << QStringList();
        QTest::newRow("NFKC: a constant")
            << QByteArray("\xEF\xBD\x98 = 'a'\nrevision = x\ndown_revision = None\n")
            << QStringLiteral("a") << QStringList() << QStringList() << QStringList();
        QTest::newRow("NFKC leaves strings alone")
            << QByteArray("revision = '\xEF\xBD\x86'\ndown_revision = None\n")
            << QString(QChar(0xFF46)) << QStringList() << QStringList() << QStringList();
        QTest::newRow("\\N{} in a string no header uses")
            << h + "X = '\\N{BULLET}'\n" << QStringLiteral("r1") << QStringList()
            << QStringList() << QStringList();
        QTest::newRow("\\N{} in a raw string")
            << QByteArray("revision = r'a\\N{x}'\ndown_revision = None\n")
            << QStringLiteral("a\\N{x}") << QStringList() << QStringList() << QStringList();
        QTest::newRow("an escaped backslash before N{")
            << QByteArray("revision = 'a\\\\N{x}'\ndown_revision = None\n")
            << QStringLiteral("a\\N{x}") << QStringList() << QStringList() << QStringList();
        QTest::newRow("op.execute and session.exec are no exec()")
            << h + "def upgrade():\n    op.execute('x')\n    session.exec(q)\n"
            << QStringLiteral("r1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("locals() in a function")
            << h + "def upgrade():\n    print('{x}'.format(**locals()))\n" << QStringLiteral("r1")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("the words in strings and comments")
            << h + "# globals() exec() vars()\nX = 'sys.modules globals()'\n"
            << QStringLiteral("r1") << QStringList() << QStringList() << QStringList();
        QTest::newRow("__getattr__ of a class") << h + "class A:\n    def __getattr__(self, n):\n"
                                                       "        return 1\n"
                                                << QStringLiteral("r1") << QStringList()
                                                << QStringList() << QStringList();
        QTest::newRow("variables named match and case")
            << h + "match: int = 1\ncase = dict(a=1)\nmatch = case\n" << QStringLiteral("r1")
            << QStringList() << QStringList() << QStringList();
        QTest::newRow("backslash continuation, CR-only line ends")
            << QByteArray("revision = \\\r    'a1'\rdown_revision = None\r") << QStringLiteral("a1")
            << QStringList() << QStringList() << QStringList();
    }

    void readExactly()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, id);
        QFETCH(QStringList, down);
        QFETCH(QStringList, labels);
        QFETCH(QStringList, depends);
        const ParseResult r = parseText(source);
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(messages(r.diagnostics)));
        QVERIFY(r.revision);
        QCOMPARE(r.revision->id, id);
        QCOMPARE(r.revision->downRevisions, down);
        QCOMPARE(r.revision->branchLabels, labels);
        QCOMPARE(r.revision->dependsOn, depends);
    }

    // Forms Retort does not read: an error on the file, on the right line, naming what it is,
    // and not one that says alembic stops (it loads these files).
    void reported_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");
        const QByteArray h("revision = 'r1'\ndown_revision = None\n");

        QTest::newRow(":= statement") << h + "(down_revision := 'x')\n" << 3 << QStringLiteral(":=");
        QTest::newRow(":= in a comprehension")
            << h + "_ = [revision := 'c' for _x in 'a']\n" << 3 << QStringLiteral(":=");
        QTest::newRow(":= in a default") << h + "def f(x=(down_revision := 'd')):\n    pass\n" << 3
                                         << QStringLiteral(":=");
        QTest::newRow(":= in an if") << h + "if (depends_on := 'd'):\n    pass\n" << 3
                                     << QStringLiteral(":=");
        QTest::newRow("for target") << h + "for revision in ['a']:\n    pass\n" << 3
                                    << QStringLiteral("`for`");
        QTest::newRow("one-line for") << h + "for depends_on in ['d']: pass\n" << 3
                                      << QStringLiteral("`for`");
        QTest::newRow("with as") << h + "with f() as (x, down_revision):\n    pass\n" << 3
                                 << QStringLiteral("`with ... as`");
        QTest::newRow("except as") << h + "try:\n    pass\nexcept E as revision:\n    pass\n" << 5
                                   << QStringLiteral("`except ... as`");
        QTest::newRow("import as") << h + "from os import sep as revision\n" << 3
                                   << QStringLiteral("imported");
        QTest::newRow("def") << h + "def revision():\n    pass\n" << 3
                             << QStringLiteral("function");
        QTest::newRow("async def") << h + "async def depends_on():\n    pass\n" << 3
                                   << QStringLiteral("function");
        QTest::newRow("class") << h + "class down_revision:\n    pass\n" << 3
                               << QStringLiteral("class");
        QTest::newRow("del") << h + "branch_labels = 'b'\ndel branch_labels\n" << 4
                             << QStringLiteral("`del`");
        QTest::newRow("augmented") << h + "revision += 'x'\n" << 3 << QStringLiteral("changed by");
        QTest::newRow("if block") << h + "if X:\n    down_revision = 'a'\n" << 4
                                  << QStringLiteral("if/try/for/with");
        QTest::newRow("case capture") << h + "match x:\n    case [revision, *_]:\n        pass\n"
                                      << 4 << QStringLiteral("`case`");
        QTest::newRow("case as") << h + "match x:\n    case str() as depends_on:\n        pass\n"
                                 << 4 << QStringLiteral("`case`");
        QTest::newRow("one-line case capture")
            << h + "match 'm':\n    case depends_on: pass\n" << 4 << QStringLiteral("`case`");
        QTest::newRow("header only set by globals()")
            << QByteArray("revision = 'r'\nglobals()['down_revision'] = None\n") << 0
            << QStringLiteral("code on line 2 may set it");
        QTest::newRow("revision only set by exec")
            << QByteArray("exec('revision = 1')\ndown_revision = None\n") << 0
            << QStringLiteral("code on line 1 may set it");
        QTest::newRow("None, then set by a function's global")
            << QByteArray("revision = None\ndown_revision = None\ndef _g():\n    global revision\n"
                          "    revision = 'cv'\n_g()\n")
            << 4 << QStringLiteral("`global revision`");
        QTest::newRow("a name globals() defines")
            << QByteArray("globals()['P'] = 'p'\nrevision = 'r'\ndown_revision = P\n") << 1
            << QStringLiteral("`globals()`");
        QTest::newRow("unpacking mismatch")
            << QByteArray("revision, down_revision = 'a', 'b', 'c'\n") << 1
            << QStringLiteral("unpacked");
        QTest::newRow("NFKC for target") << h + "for \xEF\xBD\x92" "evision in 'b':\n    pass\n"
                                         << 3 << QStringLiteral("`for`");
        QTest::newRow("\\N{} in a header")
            << QByteArray("revision = 'a\\N{LATIN SMALL LETTER E WITH ACUTE}'\ndown_revision = None\n")
            << 1 << QStringLiteral("\\N{...}");
        QTest::newRow("\\N{} through a constant")
            << QByteArray("X = '\\N{DIGIT ONE}'\nrevision = 'r'\ndown_revision = X\n") << 3
            << QStringLiteral("\\N{...}");
        QTest::newRow("globals()[...]") << h + "globals()['revision'] = 'g'\n" << 3
                                        << QStringLiteral("`globals()`");
        QTest::newRow("globals().update") << h + "globals().update(down_revision='u')\n" << 3
                                          << QStringLiteral("`globals()`");
        QTest::newRow("globals() in a function")
            << h + "def f():\n    globals()['revision'] = 'g'\n" << 4
            << QStringLiteral("`globals()`");
        QTest::newRow("vars()") << h + "vars()['revision'] = 'v'\n" << 3
                                << QStringLiteral("`vars()`");
        QTest::newRow("locals() at module level") << h + "locals()['depends_on'] = 'l'\n" << 3
                                                  << QStringLiteral("`locals()`");
        QTest::newRow("exec") << h + "exec(\"revision = 'e'\")\n" << 3 << QStringLiteral("`exec()`");
        QTest::newRow("eval") << h + "eval(\"(revision := 'e')\")\n" << 3
                              << QStringLiteral("`eval()`");
        QTest::newRow("sys.modules") << h + "import sys\nsys.modules[__name__].revision = 's'\n"
                                     << 4 << QStringLiteral("`sys.modules`");
        QTest::newRow("setattr on sys.modules")
            << h + "import sys\nsetattr(sys.modules[__name__], 'revision', 's')\n" << 4
            << QStringLiteral("`sys.modules`");
        QTest::newRow("f_globals") << h + "import sys\nsys._getframe().f_globals['x'] = 1\n" << 4
                                   << QStringLiteral("f_globals");
        QTest::newRow("builtins.globals()")
            << h + "import builtins\nbuiltins.globals()['revision'] = 'b'\n" << 3
            << QStringLiteral("`builtins`");
        QTest::newRow("__import__") << h + "__import__('builtins').exec('revision = 1')\n" << 3
                                    << QStringLiteral("`__import__`");
        QTest::newRow("type alias") << h + "type depends_on = str\n" << 3
                                    << QStringLiteral("type alias");
        QTest::newRow("global in a function")
            << h + "def f():\n    global revision\n    revision = 'g'\nf()\n" << 4
            << QStringLiteral("`global revision`");
        QTest::newRow("global in a class") << h + "class C:\n    global depends_on\n" << 4
                                           << QStringLiteral("`global depends_on`");
        QTest::newRow("module __getattr__") << h + "def __getattr__(name):\n    return 'x'\n" << 3
                                            << QStringLiteral("`__getattr__`");
        QTest::newRow("module __getattr__ assigned") << h + "__getattr__ = lambda n: 'x'\n" << 3
                                                     << QStringLiteral("`__getattr__`");
    }

    void reported()
    {
        QFETCH(QByteArray, source);
        QFETCH(int, line);
        QFETCH(QString, says);
        const ParseResult r = parseText(source);
        QVERIFY2(hasErrors(r.diagnostics), qPrintable(messages(r.diagnostics)));
        QVERIFY2(alembicStoppers(r.diagnostics).isEmpty(), qPrintable(messages(r.diagnostics)));
        bool found = false;
        for (const Diagnostic& d : r.diagnostics)
            found |= d.isError() && d.line == line && d.message.contains(says);
        QVERIFY2(found, qPrintable(messages(r.diagnostics)));
    }

    void normalizeIdentifiers()
    {
        const QString source = QStringLiteral("\uff44own_revision = '\uff44'  # \uff44\n");
        const QString normal = PythonTokenizer::normalizeIdentifiers(source);
        QCOMPARE(normal, QStringLiteral("down_revision = '\uff44'  # \uff44\n"));
        const QString ascii = QStringLiteral("revision = 'a'\n");
        QCOMPARE(PythonTokenizer::normalizeIdentifiers(ascii), ascii);
        // a name that normalizes to a keyword is a plain name in Python: kept as written
        const QString keyword = QStringLiteral("\uff4e\uff4f\uff54 = 1\n");
        QCOMPARE(PythonTokenizer::normalizeIdentifiers(keyword), keyword);
    }

    void namedEscapeIsFlagged()
    {
        const PyTokens t = PythonTokenizer::tokenize(
            QStringLiteral("a = '\\N{BULLET}'\nb = 'a\\\\N{x}'\nc = b'\\N{x}'\n"));
        QVERIFY(t.error.isEmpty());
        QList<bool> named;
        for (const PyToken& token : t.tokens)
            if (token.kind == PyToken::Kind::String)
                named << token.namedEscape;
        QCOMPARE(named, (QList<bool>{true, false, false}));
    }

    void namespaceWritesNeedTheWords()
    {
        // no word, no scan; and the words only count as code
        QVERIFY(python::findNamespaceWrites(QStringLiteral("revision = 'a'\n")).isEmpty());
        QVERIFY(python::findNamespaceWrites(QStringLiteral("x = 'globals()'  # exec()\n"))
                    .isEmpty());
        QVERIFY(python::findNamespaceWrites(QStringLiteral("def f():\n    global other\n"))
                    .isEmpty());
        const QList<python::NamespaceWrite> found = python::findNamespaceWrites(
            QStringLiteral("def f(): vars()\nclass A: locals()\nvars()\n"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().line, 3);
    }
};

QTEST_GUILESS_MAIN(TestHeaderBindings)
#include "tst_headerbindings.moc"
