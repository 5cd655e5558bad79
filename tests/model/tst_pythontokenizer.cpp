#include "model/script/pythontokenizer.h"

#include <QTest>

using namespace retort;

class TestPythonTokenizer : public QObject
{
    Q_OBJECT

private:
    static QStringList kinds(const PyTokens& t)
    {
        QStringList out;
        for (const PyToken& tok : t.tokens) {
            switch (tok.kind) {
            case PyToken::Kind::Name: out << QStringLiteral("N:") + tok.text.toString(); break;
            case PyToken::Kind::Number: out << QStringLiteral("#:") + tok.text.toString(); break;
            case PyToken::Kind::String: out << QStringLiteral("S:") + tok.value; break;
            case PyToken::Kind::Op: out << QStringLiteral("O:") + tok.text.toString(); break;
            case PyToken::Kind::Newline: out << QStringLiteral("NL"); break;
            case PyToken::Kind::EndOfFile: out << QStringLiteral("EOF"); break;
            }
        }
        return out;
    }

private slots:
    void simpleAssignment()
    {
        const PyTokens t = PythonTokenizer::tokenize(QStringLiteral("revision = 'abc'  # id\n"));
        QVERIFY(t.error.isEmpty());
        QCOMPARE(kinds(t), (QStringList{QStringLiteral("N:revision"), QStringLiteral("O:="),
                                        QStringLiteral("S:abc"), QStringLiteral("NL"),
                                        QStringLiteral("EOF")}));
        QCOMPARE(t.tokens.at(2).line, 1);
        QCOMPARE(t.tokens.at(2).column, 11);
    }

    void stringPrefixes_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("bytes");
        QTest::addColumn<bool>("formatted");
        QTest::newRow("single") << QStringLiteral("'a\\tb'") << QStringLiteral("a\tb") << false << false;
        QTest::newRow("double") << QStringLiteral("\"a\\\"b\"") << QStringLiteral("a\"b") << false << false;
        QTest::newRow("u") << QStringLiteral("u'abc'") << QStringLiteral("abc") << false << false;
        QTest::newRow("U") << QStringLiteral("U\"abc\"") << QStringLiteral("abc") << false << false;
        QTest::newRow("raw") << QStringLiteral("r'a\\nb'") << QStringLiteral("a\\nb") << false << false;
        QTest::newRow("Rb") << QStringLiteral("Rb'x'") << QStringLiteral("x") << true << false;
        QTest::newRow("bytes") << QStringLiteral("b'x'") << QStringLiteral("x") << true << false;
        QTest::newRow("f") << QStringLiteral("f'{x}'") << QStringLiteral("{x}") << false << true;
        QTest::newRow("hex escape") << QStringLiteral("'\\x41\\u00e9'") << QStringLiteral("A\u00e9") << false << false;
        QTest::newRow("octal") << QStringLiteral("'\\101'") << QStringLiteral("A") << false << false;
        QTest::newRow("triple") << QStringLiteral("'''a\n'b'\n'''") << QStringLiteral("a\n'b'\n") << false << false;
        QTest::newRow("triple double") << QStringLiteral("\"\"\"x\"\"\"") << QStringLiteral("x") << false << false;
        QTest::newRow("escaped newline") << QStringLiteral("'a\\\nb'") << QStringLiteral("ab") << false << false;
        QTest::newRow("unknown escape kept") << QStringLiteral("'\\d'") << QStringLiteral("\\d") << false << false;
        QTest::newRow("empty") << QStringLiteral("''") << QString() << false << false;
    }

    void stringPrefixes()
    {
        QFETCH(QString, source);
        QFETCH(QString, value);
        QFETCH(bool, bytes);
        QFETCH(bool, formatted);
        const PyTokens t = PythonTokenizer::tokenize(source);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(t.tokens.first().kind, PyToken::Kind::String);
        QCOMPARE(t.tokens.first().value, value);
        QCOMPARE(t.tokens.first().bytes, bytes);
        QCOMPARE(t.tokens.first().formatted, formatted);
    }

    void bracketsJoinLines()
    {
        const PyTokens t = PythonTokenizer::tokenize(
            QStringLiteral("down_revision = (\n    'a',  # first\n\n    'b',\n)\nx = 1\n"));
        QVERIFY(t.error.isEmpty());
        int newlines = 0;
        for (const PyToken& tok : t.tokens)
            newlines += tok.kind == PyToken::Kind::Newline;
        QCOMPARE(newlines, 2);
        QCOMPARE(t.tokens.at(3).line, 2);
        QCOMPARE(t.tokens.at(5).line, 4);
    }

    void backslashContinuation()
    {
        const PyTokens t = PythonTokenizer::tokenize(QStringLiteral("a = \\\n  'x'\nb = 2\n"));
        QVERIFY(t.error.isEmpty());
        QCOMPARE(kinds(t).mid(0, 4), (QStringList{QStringLiteral("N:a"), QStringLiteral("O:="),
                                                  QStringLiteral("S:x"), QStringLiteral("NL")}));
        QCOMPARE(t.tokens.at(2).line, 2);
    }

    // Python joins a backslash line whatever ends it: \n, \r\n or a lone \r (issue 14:
    // Retort called a CR-only file a syntax error that Python 3.11 imports fine)
    void backslashContinuationEveryLineEnding_data()
    {
        QTest::addColumn<QString>("eol");
        QTest::newRow("LF") << QStringLiteral("\n");
        QTest::newRow("CRLF") << QStringLiteral("\r\n");
        QTest::newRow("CR") << QStringLiteral("\r");
    }

    void backslashContinuationEveryLineEnding()
    {
        QFETCH(QString, eol);
        const PyTokens t = PythonTokenizer::tokenize(QStringLiteral("a = \\") + eol +
                                                     QStringLiteral("  None") + eol +
                                                     QStringLiteral("b = 2") + eol);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(kinds(t).mid(0, 8),
                 (QStringList{QStringLiteral("N:a"), QStringLiteral("O:="), QStringLiteral("N:None"),
                              QStringLiteral("NL"), QStringLiteral("N:b"), QStringLiteral("O:="),
                              QStringLiteral("#:2"), QStringLiteral("NL")}));
        QCOMPARE(t.tokens.at(4).line, 3);
    }

    void operatorsAndAnnotations()
    {
        const PyTokens t = PythonTokenizer::tokenize(
            QStringLiteral("x: str | tuple[str, ...] | None = None\ny **= 2\nz -> w\n"));
        QVERIFY(t.error.isEmpty());
        const QStringList k = kinds(t);
        QVERIFY(k.contains(QStringLiteral("O:|")));
        QVERIFY(k.contains(QStringLiteral("O:...")));
        QVERIFY(k.contains(QStringLiteral("O:**=")));
        QVERIFY(k.contains(QStringLiteral("O:->")));
    }

    void crlfLineEndings()
    {
        const PyTokens t = PythonTokenizer::tokenize(QStringLiteral("a = 'x'\r\nb = \"\"\"l1\r\nl2\"\"\"\r\n"));
        QVERIFY(t.error.isEmpty());
        QCOMPARE(t.tokens.at(6).value, QStringLiteral("l1\nl2"));
        QCOMPARE(t.tokens.at(4).line, 2);
    }

    void columnsGiveIndentation()
    {
        const PyTokens t = PythonTokenizer::tokenize(QStringLiteral("class A:\n    revision = 'x'\n"));
        QVERIFY(t.error.isEmpty());
        QCOMPARE(t.tokens.at(4).text.toString(), QStringLiteral("revision"));
        QCOMPARE(t.tokens.at(4).column, 4);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::newRow("unterminated") << QStringLiteral("a = 1\nb = 'abc\n") << 2;
        QTest::newRow("unterminated triple") << QStringLiteral("\"\"\"doc\n\nmore\n") << 1;
        QTest::newRow("never closed") << QStringLiteral("x = (\n'a',\n") << 1;
        QTest::newRow("unmatched") << QStringLiteral("x = 1)\n") << 1;
        QTest::newRow("mismatch") << QStringLiteral("x = (1]\n") << 1;
        QTest::newRow("bad char") << QStringLiteral("x = 1\ny = $\n") << 2;
        QTest::newRow("bad continuation") << QStringLiteral("x = \\ 1\n") << 1;
        QTest::newRow("truncated escape") << QStringLiteral("x = '\\x4'\n") << 1;
    }

    void errors()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        const PyTokens t = PythonTokenizer::tokenize(source);
        QVERIFY(!t.error.isEmpty());
        QCOMPARE(t.errorLine, line);
        QCOMPARE(t.tokens.last().kind, PyToken::Kind::EndOfFile);
    }

    void hostileInputNeverCrashes()
    {
        // Random bytes decoded as Latin-1: the tokenizer must terminate with a result.
        QByteArray noise(200000, '\0');
        quint32 state = 12345;
        for (char& c : noise) {
            state = state * 1103515245u + 12345u;
            c = char((state >> 16) & 0xff);
        }
        const PyTokens t = PythonTokenizer::tokenize(QString::fromLatin1(noise));
        QCOMPARE(t.tokens.last().kind, PyToken::Kind::EndOfFile);

        const PyTokens deep = PythonTokenizer::tokenize(QString(100000, u'('));
        QVERIFY(!deep.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPythonTokenizer)
#include "tst_pythontokenizer.moc"
