// The pieces that turn alembic's output into RunEvents: line splitting, ANSI stripping,
// levels, and the "Running upgrade/downgrade" lines in every shape alembic 1.8 prints
// (runtime/migration.py: MigrationStep.__str__ / short_log).

#include "model/run/linesplitter.h"
#include "model/run/outputclassifier.h"
#include "model/run/progressparser.h"

#include <QTest>

using namespace retort;

class TestRunOutput : public QObject
{
    Q_OBJECT

private slots:
    void splitter()
    {
        LineSplitter s;
        QCOMPARE(s.feed("par"), QStringList());
        QVERIFY(s.hasPartialLine());
        QCOMPARE(s.feed("tial\nsecond\r\nthi"),
                 (QStringList{QStringLiteral("partial"), QStringLiteral("second")}));
        QCOMPARE(s.feed("rd\n\n"), (QStringList{QStringLiteral("third"), QString()}));
        QVERIFY(!s.hasPartialLine());
        // A UTF-8 character cut between two reads.
        const QByteArray check = QStringLiteral("\u2713").toUtf8();
        QCOMPARE(s.feed("ok " + check.left(1)), QStringList());
        QCOMPARE(s.feed(check.mid(1) + "\n"), QStringList{QStringLiteral("ok \u2713")});
        QCOMPARE(s.feed("tail"), QStringList());
        QCOMPARE(s.finish(), QStringList{QStringLiteral("tail")});
        QCOMPARE(s.finish(), QStringList());
    }

    void ansi_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("plain") << QStringLiteral("plain");
        QTest::newRow("colour") << QStringLiteral("\x1b[1;31mred\x1b[0m!")
                                << QStringLiteral("red!");
        QTest::newRow("title") << QStringLiteral("\x1b]0;t\x07x") << QStringLiteral("x");
        QTest::newRow("title st") << QStringLiteral("\x1b]0;t\x1b\\x") << QStringLiteral("x");
        QTest::newRow("charset") << QStringLiteral("a\x1b(Bb") << QStringLiteral("ab");
        QTest::newRow("cursor") << QStringLiteral("\x1b[2Kline") << QStringLiteral("line");
        QTest::newRow("lone esc") << QStringLiteral("end\x1b") << QStringLiteral("end");
    }

    void ansi()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(OutputClassifier::stripAnsi(in), out);
    }

    void levels()
    {
        using L = RunEvent::Level;
        OutputClassifier c;
        QCOMPARE(
            c.classify(QStringLiteral("INFO  [alembic.runtime.migration] Running upgrade  -> a")),
            L::Info);
        QCOMPARE(c.classify(QStringLiteral("WARNI [alembic.env] careful")), L::Warning);
        QCOMPARE(c.classify(QStringLiteral("WARNING:root:careful")), L::Warning);
        QCOMPARE(c.classify(QStringLiteral("ERROR [alembic.util.messaging] bad")), L::Error);
        QCOMPARE(c.classify(QStringLiteral("  FAILED: Can't locate revision identified by 'x'")),
                 L::Info);
        QCOMPARE(c.classify(QStringLiteral("FAILED: Can't locate revision identified by 'x'")),
                 L::Error);
        QCOMPARE(c.classify(QStringLiteral("INFORMATION only")), L::Info);
        QCOMPARE(c.classify(QStringLiteral("/x/env.py:3: SAWarning: something")), L::Warning);
        QCOMPARE(c.classify(QStringLiteral("/usr/bin/python3: No module named alembic")), L::Error);
        QCOMPARE(c.classify(QStringLiteral("Traceback (most recent call last):")), L::Error);
        QCOMPARE(c.classify(QStringLiteral("  File \"x.py\", line 1, in <module>")), L::Error);
        QCOMPARE(c.classify(QStringLiteral("    raise RuntimeError('x')")), L::Error);
        QCOMPARE(c.classify(QStringLiteral("RuntimeError: x")), L::Error);
        QCOMPARE(c.classify(QStringLiteral("after the traceback")), L::Info);
        QCOMPARE(c.classify(QStringLiteral(
                     "During handling of the above exception, another exception occurred:")),
                 L::Error);
    }

    void progress_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("upgrade");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QStringList>("from");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QString>("message");
        const QString p = QStringLiteral("INFO  [alembic.runtime.migration] ");
        QTest::newRow("from base")
            << p + QStringLiteral("Running upgrade  -> a1, create a1") << true
            << QStringLiteral("a1") << QStringList() << QStringList{QStringLiteral("a1")}
            << QStringLiteral("create a1");
        QTest::newRow("no docstring")
            << p + QStringLiteral("Running upgrade a1 -> b2") << true << QStringLiteral("b2")
            << QStringList{QStringLiteral("a1")} << QStringList{QStringLiteral("b2")} << QString();
        QTest::newRow("merge up") << p + QStringLiteral(
                                             "Running upgrade c3a, c3b -> d4, merge, again")
                                  << true << QStringLiteral("d4")
                                  << QStringList{QStringLiteral("c3a"), QStringLiteral("c3b")}
                                  << QStringList{QStringLiteral("d4")}
                                  << QStringLiteral("merge, again");
        QTest::newRow("merge down")
            << p + QStringLiteral("Running downgrade d4 -> c3a, c3b, merge them") << false
            << QStringLiteral("d4") << QStringList{QStringLiteral("d4")}
            << QStringList{QStringLiteral("c3a"), QStringLiteral("c3b")}
            << QStringLiteral("merge them");
        QTest::newRow("to base") << p + QStringLiteral("Running downgrade a1 -> , create a1")
                                 << false << QStringLiteral("a1")
                                 << QStringList{QStringLiteral("a1")} << QStringList()
                                 << QStringLiteral("create a1");
        QTest::newRow("down no docstring")
            << QStringLiteral("Running downgrade b2 -> a1") << false << QStringLiteral("b2")
            << QStringList{QStringLiteral("b2")} << QStringList{QStringLiteral("a1")} << QString();
        QTest::newRow("down one-word docstring")
            << QStringLiteral("Running downgrade b2 -> a1, init") << false << QStringLiteral("b2")
            << QStringList{QStringLiteral("b2")} << QStringList{QStringLiteral("a1")}
            << QStringLiteral("init");
    }

    void progress()
    {
        QFETCH(QString, line);
        QFETCH(bool, upgrade);
        QFETCH(QString, revision);
        QFETCH(QStringList, from);
        QFETCH(QStringList, to);
        QFETCH(QString, message);
        const std::optional<ProgressParser::Step> s = ProgressParser::parse(line);
        QVERIFY(s.has_value());
        QCOMPARE(s->upgrade, upgrade);
        QCOMPARE(s->revision, revision);
        QCOMPARE(s->fromRevisions, from);
        QCOMPARE(s->toRevisions, to);
        QCOMPARE(s->message, message);
    }

    void notProgress()
    {
        // --sql prints the step as SQL comments; stamping is no step of a plan.
        QVERIFY(!ProgressParser::parse(QStringLiteral("-- Running upgrade a1 -> b2")).has_value());
        QVERIFY(!ProgressParser::parse(QStringLiteral("INFO  [x] Running stamp_revision  -> a1"))
                     .has_value());
        QVERIFY(
            !ProgressParser::parse(QStringLiteral("Running upgrade without an arrow")).has_value());
        QVERIFY(!ProgressParser::parse(QStringLiteral("INFO  [x] Context impl SQLiteImpl."))
                     .has_value());
    }
};

QTEST_GUILESS_MAIN(TestRunOutput)
#include "tst_runoutput.moc"
