// ScriptFile must write back exactly the bytes it read when nothing was edited, and keep
// the file's encoding, BOM, line endings and final-newline state when something was.
#include "model/script/scriptfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestScriptFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<int>("lineEnding");
        QTest::addColumn<bool>("finalNewline");

        const auto lf = int(ScriptFile::LineEnding::Lf);
        const auto crlf = int(ScriptFile::LineEnding::CrLf);
        QTest::newRow("lf") << QByteArray("revision = 'a'\ndown_revision = None\n")
                            << QByteArray("UTF-8") << false << lf << true;
        QTest::newRow("crlf") << QByteArray("revision = 'a'\r\ndown_revision = None\r\n")
                              << QByteArray("UTF-8") << false << crlf << true;
        QTest::newRow("no final newline") << QByteArray("revision = 'a'\ndown_revision = None")
                                          << QByteArray("UTF-8") << false << lf << false;
        QTest::newRow("crlf no final newline")
            << QByteArray("a = 1\r\nb = 2") << QByteArray("UTF-8") << false << crlf << false;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF\"\"\"caf\xC3\xA9\"\"\"\nrevision = 'a'\n")
                             << QByteArray("UTF-8") << true << lf << true;
        QTest::newRow("latin-1 cookie")
            << QByteArray("# -*- coding: latin-1 -*-\n\"\"\"caf\xE9\"\"\"\nrevision = 'a'\n")
            << QByteArray("ISO-8859-1") << false << lf << true;
        QTest::newRow("cookie on line 2")
            << QByteArray(
                   "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx = '\xFC'\n")
            << QByteArray("ISO-8859-1") << false << lf << true;
        QTest::newRow("utf-8 cookie") << QByteArray("# coding=utf-8\nx = '\xC3\xBC'\n")
                                      << QByteArray("UTF-8") << false << lf << true;
        QTest::newRow("empty") << QByteArray() << QByteArray("UTF-8") << false << lf << true;
    }

    void roundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, encoding);
        QFETCH(bool, bom);
        QFETCH(int, lineEnding);
        QFETCH(bool, finalNewline);

        const Result<ScriptFile> file = ScriptFile::fromBytes(bytes);
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QCOMPARE(file->encoding(), encoding);
        QCOMPARE(file->hasBom(), bom);
        QCOMPARE(int(file->lineEnding()), lineEnding);
        QCOMPARE(file->hasFinalNewline(), finalNewline);
        QVERIFY(!file->text().startsWith(QChar(0xFEFF)));

        const Result<QByteArray> encoded = file->encode(file->text());
        QVERIFY2(encoded.ok(), qPrintable(encoded.error()));
        QCOMPARE(*encoded, bytes);

        // Through QSaveFile on disk.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("rev.py"));
        const Result<QByteArray> saved = file->save(path, file->text());
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QCOMPARE(readAll(path), bytes);
        const Result<ScriptFile> reread = ScriptFile::read(path);
        QVERIFY(reread.ok());
        QCOMPARE(reread->text(), file->text());
    }

    void latin1DecodesCharacters()
    {
        const Result<ScriptFile> file =
            ScriptFile::fromBytes(QByteArray("# coding: latin-1\nx = 'caf\xE9'\n"));
        QVERIFY(file.ok());
        QVERIFY(file->text().contains(QStringLiteral("caf\u00e9")));
        // An edit with a latin-1 character is written as one latin-1 byte.
        const Result<QByteArray> bytes =
            file->encode(file->text() + QStringLiteral("y = '\u00fc'\n"));
        QVERIFY(bytes.ok());
        QVERIFY(bytes->endsWith(QByteArray("y = '\xFC'\n")));
        // A character latin-1 cannot hold is an error, not a '?'.
        QVERIFY(!file->encode(QStringLiteral("x = '\u20ac'\n")).ok());
    }

    void editsKeepTheFormat()
    {
        // CRLF file: new lines typed as LF are written as CRLF; no final newline stays so.
        const Result<ScriptFile> crlf = ScriptFile::fromBytes("a = 1\r\nb = 2");
        QVERIFY(crlf.ok());
        QCOMPARE(*crlf->encode(QStringLiteral("a = 1\r\nc = 3\nb = 2")),
                 QByteArray("a = 1\r\nc = 3\r\nb = 2"));
        // A file that ended with a newline keeps one even if the text lost it.
        const Result<ScriptFile> lf = ScriptFile::fromBytes("a = 1\n");
        QCOMPARE(*lf->encode(QStringLiteral("a = 2")), QByteArray("a = 2\n"));
        // BOM stays.
        const Result<ScriptFile> bom = ScriptFile::fromBytes("\xEF\xBB\xBF"
                                                             "a = 1\n");
        QCOMPARE(*bom->encode(QStringLiteral("b = 1\n")), QByteArray("\xEF\xBB\xBF"
                                                                     "b = 1\n"));
        // Mixed endings are left as they are.
        const Result<ScriptFile> mixed = ScriptFile::fromBytes("a\r\nb\nc\r\n");
        QVERIFY(mixed->hasMixedLineEndings());
        QCOMPARE(*mixed->encode(mixed->text()), QByteArray("a\r\nb\nc\r\n"));
    }

    void refusesWhatItCannotWriteBack()
    {
        QVERIFY(!ScriptFile::fromBytes("x = '\xFF\xFE'\n").ok());             // not UTF-8
        QVERIFY(!ScriptFile::fromBytes("# coding: shift_jis\nx = 1\n").ok()); // unsupported
        QVERIFY(!ScriptFile::read(QStringLiteral("/nonexistent/rev.py")).ok());
    }

    void saveReplacesAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rev.py"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old\r\n");
        }
        const Result<ScriptFile> file = ScriptFile::read(path);
        QVERIFY(file.ok());
        const Result<QByteArray> saved = file->save(path, QStringLiteral("new\nline\n"));
        QVERIFY(saved.ok());
        QCOMPARE(readAll(path), QByteArray("new\r\nline\r\n"));
        QCOMPARE(*saved, QByteArray("new\r\nline\r\n"));
        // No temporary file left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("rev.py")});
        // A folder that does not exist is a clear error.
        QVERIFY(
            !file->save(dir.filePath(QStringLiteral("missing/rev.py")), QStringLiteral("x")).ok());
    }
};

QTEST_GUILESS_MAIN(TestScriptFile)
#include "tst_scriptfile.moc"
