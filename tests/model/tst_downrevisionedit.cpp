// The one text edit a re-parent makes: only the down_revision value changes, its quoting
// kept; what cannot be rewritten safely is refused with a reason. The edited text is read
// back with the real parser.
#include "model/script/downrevisionedit.h"
#include "model/script/revisionparser.h"

#include <QTest>

using namespace retort;

namespace {

QString header(const QString& downLine)
{
    return QStringLiteral("\"\"\"add things\n\ndown_revision = 'docstring'\nRevision ID: b1\n\"\"\"\n"
                          "from alembic import op\n\n# down_revision = 'comment'\n"
                          "revision = \"b1\"\n%1\nbranch_labels = None\n\n\n"
                          "def upgrade():\n    x = {'down_revision': 1}\n")
        .arg(downLine);
}

QStringList parsedParents(const QString& text)
{
    const ParseResult r = RevisionParser::parse(text.toUtf8(), QStringLiteral("/p/b1.py"));
    return r.revision ? r.revision->downRevisions : QStringList{QStringLiteral("<none>")};
}

} // namespace

class TestDownRevisionEdit : public QObject
{
    Q_OBJECT

private slots:
    void editsOnlyTheValue_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("old");
        QTest::addColumn<QString>("expected");
        QTest::newRow("single quotes") << "down_revision = 'a1'" << "a1" << "down_revision = 'n9'";
        QTest::newRow("double quotes") << "down_revision = \"a1\"" << "a1"
                                       << "down_revision = \"n9\"";
        QTest::newRow("annotated, as alembic 1.13 writes it")
            << "down_revision: Union[str, None] = 'a1'" << "a1"
            << "down_revision: Union[str, None] = 'n9'";
        QTest::newRow("comment after") << "down_revision = 'a1'  # the parent" << "a1"
                                       << "down_revision = 'n9'  # the parent";
        QTest::newRow("prefixed") << "down_revision = u'a1'" << "a1" << "down_revision = u'n9'";
        QTest::newRow("a base: quoted like revision") << "down_revision = None" << ""
                                                      << "down_revision = \"n9\"";
        QTest::newRow("spaces kept") << "down_revision    =    'a1'" << "a1"
                                     << "down_revision    =    'n9'";
    }
    void editsOnlyTheValue()
    {
        QFETCH(QString, line);
        QFETCH(QString, old);
        QFETCH(QString, expected);
        const QString text = header(line);
        const Result<DownRevisionEdit> edit =
            DownRevisionEdit::make(text, old, QStringLiteral("n9"));
        QVERIFY2(edit.ok(), qPrintable(edit.error()));
        QCOMPARE(edit->oldParent, old);
        QCOMPARE(edit->line, 10);
        const QString after = edit->apply(text);
        QCOMPARE(after, header(expected)); // the docstring, the comment, the body untouched
        QCOMPARE(parsedParents(after), QStringList{QStringLiteral("n9")});
    }

    void keepsWindowsLineEndings()
    {
        QString text = header(QStringLiteral("down_revision = 'a1'"));
        text.replace(u'\n', QLatin1String("\r\n"));
        const auto edit = DownRevisionEdit::make(text, QStringLiteral("a1"), QStringLiteral("n9"));
        QVERIFY2(edit.ok(), qPrintable(edit.error()));
        QString expected = header(QStringLiteral("down_revision = 'n9'"));
        expected.replace(u'\n', QLatin1String("\r\n"));
        QCOMPARE(edit->apply(text), expected);
    }

    void lastModuleLevelAssignmentWins()
    {
        const QString text = header(QStringLiteral("down_revision = 'zz'\ndown_revision = 'a1'"));
        const auto edit = DownRevisionEdit::make(text, QStringLiteral("a1"), QStringLiteral("n9"));
        QVERIFY2(edit.ok(), qPrintable(edit.error()));
        QCOMPARE(edit->line, 11);
        QCOMPARE(parsedParents(edit->apply(text)), QStringList{QStringLiteral("n9")});
    }

    void refusesWhatItCannotRewrite_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("old");
        QTest::addColumn<QString>("reason");
        QTest::newRow("merge tuple") << "down_revision = ('a1', 'c3')" << "a1" << "merge";
        QTest::newRow("a name") << "PARENT = 'a1'\ndown_revision = PARENT" << "a1"
                                << "one quoted id";
        QTest::newRow("concatenation") << "down_revision = 'a' '1'" << "a1" << "one quoted id";
        QTest::newRow("f-string") << "down_revision = f'a1'" << "a1" << "f-string";
        QTest::newRow("conditional") << "if True:\n    down_revision = 'a1'" << "a1" << "block";
        QTest::newRow("chained") << "x = down_revision = 'a1'" << "a1" << "chained";
        QTest::newRow("stale: the file says another parent") << "down_revision = 'zz'" << "a1"
                                                             << "changed since";
        QTest::newRow("absent") << "" << "a1" << "no module-level";
    }
    void refusesWhatItCannotRewrite()
    {
        QFETCH(QString, line);
        QFETCH(QString, old);
        QFETCH(QString, reason);
        const auto edit = DownRevisionEdit::make(header(line), old, QStringLiteral("n9"));
        QVERIFY(!edit.ok());
        QVERIFY2(edit.error().contains(reason), qPrintable(edit.error()));
    }

    void refusesIdsThatNeedEscaping()
    {
        const auto edit = DownRevisionEdit::make(header(QStringLiteral("down_revision = 'a1'")),
                                                 QStringLiteral("a1"), QStringLiteral("x'y"));
        QVERIFY(!edit.ok());
    }

    void diffShowsTheOneLine()
    {
        const QString text = header(QStringLiteral("down_revision = 'a1'"));
        const auto edit = DownRevisionEdit::make(text, QStringLiteral("a1"), QStringLiteral("n9"));
        QVERIFY(edit.ok());
        const QString diff = edit->diff(text, QStringLiteral("b1_add.py"), 1);
        QCOMPARE(diff, QStringLiteral("--- a/b1_add.py\n+++ b/b1_add.py\n@@ -9,3 +9,3 @@\n"
                                      " revision = \"b1\"\n-down_revision = 'a1'\n"
                                      "+down_revision = 'n9'\n branch_labels = None\n"));
    }
};

QTEST_GUILESS_MAIN(TestDownRevisionEdit)
#include "tst_downrevisionedit.moc"
