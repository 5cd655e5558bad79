// Differential test: retort-cli against the real alembic on generated projects: Debian 12's
// 1.8.1, and (as tst_differential_alembic@trixie / @sid) 1.13.2 and 1.18.4.
//
// For every generated project shape, the real `alembic heads`, `alembic branches` and
// `alembic history` are the oracle; `retort-cli graph --json`, `retort-cli heads` and
// `retort-cli history` must agree with them:
//   - the same set of heads, bases, branch points and merge points;
//   - `history` prints exactly the same set of lines (branch labels inside a line are
//     compared as a set: alembic prints a Python set, in no fixed order); retort's order
//     must list every revision before its down revisions (alembic's own order depends on
//     the directory listing, so it is not compared);
//   - graph --json has no error diagnostics, and its edges match alembic's lines.
//
// Projects come from tests/fixtures/genproject.py (deterministic, seeded).

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "support/alembicundertest.h"
#include "support/testfiles.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int kProcessTimeoutMs = 120'000;

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.remove(u"PYTHONPATH"_s);
    env.remove(u"PYTHONHOME"_s);
    return env;
}

// A child process started now and collected later, so independent commands run side by side.
class Run
{
public:
    Run(const QString& program, const QStringList& args, const QString& workingDir)
        : m_description(program + u' ' + args.join(u' '))
    {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.setWorkingDirectory(workingDir);
        m_process.setProcessEnvironment(childEnvironment());
        m_process.start();
    }

    // Waits; on failure returns false and fills *error.
    bool finish(QString* out, QString* error)
    {
        if (!m_process.waitForStarted(kProcessTimeoutMs)) {
            *error = u"could not start: %1 (%2)"_s.arg(m_description, m_process.errorString());
            return false;
        }
        if (!m_process.waitForFinished(kProcessTimeoutMs)) {
            m_process.kill();
            m_process.waitForFinished();
            *error = u"timed out: %1"_s.arg(m_description);
            return false;
        }
        const QString stdErr = QString::fromUtf8(m_process.readAllStandardError());
        *out = QString::fromUtf8(m_process.readAllStandardOutput());
        if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
            *error = u"failed (exit %1): %2\n%3"_s.arg(m_process.exitCode())
                         .arg(m_description, stdErr.right(3000));
            return false;
        }
        return true;
    }

private:
    QString m_description;
    QProcess m_process;
};

QStringList nonEmptyLines(const QString& text)
{
    QStringList lines;
    for (QString line : text.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

QString firstWord(const QString& line)
{
    return line.trimmed().section(u' ', 0, 0, QString::SectionSkipEmpty);
}

QSet<QString> toSet(const QStringList& list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

QSet<QString> jsonStringSet(const QJsonValue& value)
{
    QSet<QString> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        out.insert(v.toString());
    return out;
}

QString describe(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return u"{"_s + list.join(u", "_s) + u"}"_s;
}

// One `alembic history` line:
// "<down, ...|<base>>[ (<depends_on, ...>)] -> <rev>[ (<labels>)][ (head)|(effective head)]
//  [ (branchpoint)][ (mergepoint)], <doc>"
struct HistoryLine
{
    QStringList down;      // versioned down revisions, as written
    QStringList depends;   // depends_on, as written
    QString revision;
    QStringList groups;    // the parenthesised groups after the id, in order
    QString doc;
    bool valid = false;

    bool has(const QString& marker) const { return groups.contains(marker); }

    // The line with every label group's names sorted: alembic prints a Python set there.
    QString normalized() const
    {
        static const QSet<QString> markers = {u"head"_s, u"effective head"_s,
                                              u"branchpoint"_s, u"mergepoint"_s};
        QString line = down.isEmpty() ? u"<base>"_s : down.join(u", "_s);
        if (!depends.isEmpty())
            line += u" ("_s + depends.join(u", "_s) + u')';
        line += u" -> "_s + revision;
        for (const QString& group : groups) {
            if (markers.contains(group)) {
                line += u" ("_s + group + u')';
            } else {
                QStringList labels = group.split(u", "_s);
                labels.sort();
                line += u" ("_s + labels.join(u", "_s) + u')';
            }
        }
        return line + u", "_s + doc;
    }
};

HistoryLine parseHistoryLine(const QString& text)
{
    static const QRegularExpression re(
        uR"(^(.*?) -> ([^\s,()]+)((?: \([^()]*\))*), (.*)$)"_s,
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression group(uR"( \(([^()]*)\))"_s);
    static const QRegularExpression downRe(uR"(^(.*?)(?: \(([^()]*)\))?$)"_s);
    HistoryLine h;
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return h;
    const QRegularExpressionMatch d = downRe.match(m.captured(1));
    const QString downText = d.captured(1);
    if (downText != u"<base>"_s)
        h.down = downText.split(u", "_s);
    if (d.capturedLength(2) > 0)
        h.depends = d.captured(2).split(u", "_s);
    h.revision = m.captured(2);
    auto it = group.globalMatch(m.captured(3));
    while (it.hasNext())
        h.groups.append(it.next().captured(1));
    h.doc = m.captured(4);
    h.valid = true;
    return h;
}

struct Oracle
{
    QSet<QString> heads, bases, branchPoints, mergePoints;
    QList<HistoryLine> history;
};

} // namespace

class TestDifferentialAlembic : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void compare_data();
    void compare();

private:
    bool generate(const QString& dir, const QStringList& args, QString* error);

    QString m_python;
    QString m_cli;
    QString m_generator;
};

void TestDifferentialAlembic::initTestCase()
{
    m_python = QStringLiteral(RETORT_TEST_PYTHON);
    m_cli = QStringLiteral(RETORT_CLI_PATH);
    m_generator = QDir(QStringLiteral(RETORT_FIXTURES_DIR)).filePath(u"genproject.py"_s);
    QVERIFY2(QFileInfo::exists(m_generator), qPrintable(m_generator));
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(u"retort-cli not built: "_s + m_cli));

    // Debian 12's 1.8.1, or (as @trixie / @sid) the newer alembic first on PYTHONPATH,
    // which retort-cli finds by itself the same way
    retort::test::AlembicUnderTest alembic;
    QVERIFY(retort::test::AlembicUnderTest::check(m_python, &alembic));
}

bool TestDifferentialAlembic::generate(const QString& dir, const QStringList& args, QString* error)
{
    QString out;
    Run gen(m_python, QStringList{m_generator, dir} + args, dir);
    return gen.finish(&out, error);
}

void TestDifferentialAlembic::compare_data()
{
    QTest::addColumn<QStringList>("generatorArgs");
    QTest::addColumn<int>("minThreeWayMerges");
    QTest::addColumn<bool>("expectLabels");
    QTest::addColumn<bool>("expectDepends");

    // The seeds are chosen so that each shape has what its name promises; the checks at the
    // end of compare() make sure it still does if the generator changes.
    QTest::newRow("branchy-320-3way-labels-depends")
        << QStringList{u"--revisions"_s, u"320"_s, u"--seed"_s, u"7"_s,
                       u"--branch-prob"_s, u"0.15"_s, u"--merge-prob"_s, u"0.12"_s,
                       u"--labels"_s, u"8"_s, u"--depends"_s, u"14"_s}
        << 3 << true << true;
    QTest::newRow("long-depends-250")
        << QStringList{u"--revisions"_s, u"250"_s, u"--seed"_s, u"2"_s,
                       u"--long-depends"_s, u"6"_s, u"--labels"_s, u"2"_s, u"--depends"_s, u"3"_s}
        << 0 << true << true;
    QTest::newRow("mostly-linear-200")
        << QStringList{u"--revisions"_s, u"200"_s, u"--seed"_s, u"3"_s, u"--linear"_s,
                       u"--labels"_s, u"1"_s}
        << 0 << true << false;
    QTest::newRow("digit-ids-120")
        << QStringList{u"--revisions"_s, u"120"_s, u"--seed"_s, u"4"_s, u"--id-style"_s, u"digits"_s,
                       u"--labels"_s, u"3"_s, u"--depends"_s, u"5"_s}
        << 1 << true << true;
    QTest::newRow("word-ids-typed-120")
        << QStringList{u"--revisions"_s, u"120"_s, u"--seed"_s, u"5"_s, u"--id-style"_s, u"words"_s,
                       u"--styles"_s, u"typed"_s, u"--labels"_s, u"3"_s, u"--depends"_s, u"5"_s}
        << 1 << true << true;
    QTest::newRow("old-template-hex-80")
        << QStringList{u"--revisions"_s, u"80"_s, u"--seed"_s, u"2"_s, u"--styles"_s, u"old"_s,
                       u"--id-style"_s, u"hex"_s, u"--labels"_s, u"2"_s, u"--depends"_s, u"4"_s}
        << 1 << true << true;
    // the bundled demo (a branch, a merge, typed and old templates, dated file names)
    QTest::newRow("demo") << QStringList{u"demo"_s} << 0 << true << true;
    QTest::newRow("single-revision")
        << QStringList{u"--revisions"_s, u"1"_s, u"--seed"_s, u"1"_s}
        << 0 << false << false;
}

void TestDifferentialAlembic::compare()
{
    QFETCH(QStringList, generatorArgs);
    QFETCH(int, minThreeWayMerges);
    QFETCH(bool, expectLabels);
    QFETCH(bool, expectDepends);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.path();
    const QString ini = QDir(dir).filePath(u"alembic.ini"_s);
    QString error;
    if (generatorArgs == QStringList{u"demo"_s})
        QVERIFY(retort::testsupport::copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), dir));
    else
        QVERIFY2(generate(dir, generatorArgs, &error), qPrintable(error));

    // Everything at once: three alembic commands and three retort-cli commands.
    const QStringList alembic = {u"-m"_s, u"alembic"_s, u"-c"_s, ini};
    Run aHeads(m_python, alembic + QStringList{u"heads"_s}, dir);
    Run aBranches(m_python, alembic + QStringList{u"branches"_s}, dir);
    Run aHistory(m_python, alembic + QStringList{u"history"_s}, dir);
    Run rGraph(m_cli, {u"-c"_s, ini, u"graph"_s, u"--json"_s}, dir);
    Run rHeads(m_cli, {u"-c"_s, ini, u"heads"_s}, dir);
    Run rHistory(m_cli, {u"-c"_s, ini, u"history"_s}, dir);

    QString aHeadsOut, aBranchesOut, aHistoryOut, rGraphOut, rHeadsOut, rHistoryOut;
    QVERIFY2(aHeads.finish(&aHeadsOut, &error), qPrintable(error));
    QVERIFY2(aBranches.finish(&aBranchesOut, &error), qPrintable(error));
    QVERIFY2(aHistory.finish(&aHistoryOut, &error), qPrintable(error));
    QVERIFY2(rGraph.finish(&rGraphOut, &error), qPrintable(error));
    QVERIFY2(rHeads.finish(&rHeadsOut, &error), qPrintable(error));
    QVERIFY2(rHistory.finish(&rHistoryOut, &error), qPrintable(error));

    // ---- the oracle ----------------------------------------------------------------------
    Oracle a;
    for (const QString& line : nonEmptyLines(aHeadsOut))
        a.heads.insert(firstWord(line));
    for (const QString& line : nonEmptyLines(aBranchesOut)) {
        if (!line.front().isSpace())
            a.branchPoints.insert(firstWord(line));
    }
    for (const QString& line : nonEmptyLines(aHistoryOut)) {
        const HistoryLine h = parseHistoryLine(line);
        QVERIFY2(h.valid, qPrintable(u"unparsed alembic history line: "_s + line));
        a.history.append(h);
        if (line.startsWith(u"<base> "_s))
            a.bases.insert(h.revision);
        if (h.has(u"mergepoint"_s))
            a.mergePoints.insert(h.revision);
    }
    QVERIFY(!a.heads.isEmpty());
    QVERIFY(!a.bases.isEmpty());

    // ---- retort-cli graph --json ---------------------------------------------------------
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(rGraphOut.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject graph = doc.object();

    QStringList errors;
    const QJsonArray diagnostics = graph.value(u"diagnostics"_s).toArray();
    for (const QJsonValue& v : diagnostics) {
        const QJsonObject d = v.toObject();
        if (d.value(u"severity"_s).toString() == u"error"_s) {
            errors.append(u"%1:%2: %3"_s.arg(d.value(u"path"_s).toString())
                              .arg(d.value(u"line"_s).toInt())
                              .arg(d.value(u"message"_s).toString()));
        }
    }
    QVERIFY2(errors.isEmpty(), qPrintable(u"error diagnostics:\n"_s + errors.join(u'\n')));

    const auto compareSets = [](const QSet<QString>& retort, const QSet<QString>& alembic,
                                const char* what) {
        if (retort == alembic)
            return true;
        qWarning("%s differ\n  retort only:  %s\n  alembic only: %s", what,
                 qPrintable(describe(retort - alembic)), qPrintable(describe(alembic - retort)));
        return false;
    };
    QVERIFY(compareSets(jsonStringSet(graph.value(u"heads"_s)), a.heads, "heads (graph --json)"));
    QVERIFY(compareSets(jsonStringSet(graph.value(u"bases"_s)), a.bases, "bases"));
    QVERIFY(compareSets(jsonStringSet(graph.value(u"branch_points"_s)), a.branchPoints,
                        "branch points"));
    QVERIFY(compareSets(jsonStringSet(graph.value(u"merge_points"_s)), a.mergePoints,
                        "merge points"));

    // Edges per revision: down revisions and depends_on as alembic sees them.
    const QJsonArray revisions = graph.value(u"revisions"_s).toArray();
    QCOMPARE(revisions.size(), a.history.size());
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue& v : revisions)
        byId.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
    QCOMPARE(byId.size(), a.history.size());
    for (const HistoryLine& h : std::as_const(a.history)) {
        QVERIFY2(byId.contains(h.revision), qPrintable(u"missing in graph --json: "_s + h.revision));
        const QJsonObject r = byId.value(h.revision);
        QVERIFY(compareSets(jsonStringSet(r.value(u"down_revisions"_s)), toSet(h.down),
                            qPrintable(u"down_revisions of "_s + h.revision)));
        QVERIFY(compareSets(jsonStringSet(r.value(u"depends_on"_s)), toSet(h.depends),
                            qPrintable(u"depends_on of "_s + h.revision)));
    }

    // ---- retort-cli heads ----------------------------------------------------------------
    QStringList cliHeads;
    for (const QString& line : nonEmptyLines(rHeadsOut))
        cliHeads.append(line.trimmed());
    QStringList sortedHeads = cliHeads;
    sortedHeads.sort();
    QCOMPARE(cliHeads, sortedHeads);
    QCOMPARE(cliHeads.size(), toSet(cliHeads).size());
    QVERIFY(compareSets(toSet(cliHeads), a.heads, "heads (retort-cli heads)"));

    // ---- retort-cli history: the same set of lines, newest first -------------------------
    QSet<QString> alembicLines;
    for (const HistoryLine& h : std::as_const(a.history))
        alembicLines.insert(h.normalized());
    QCOMPARE(alembicLines.size(), a.history.size());

    QSet<QString> retortLines;
    QHash<QString, qsizetype> position;
    QList<HistoryLine> retortHistory;
    const QStringList rLines = nonEmptyLines(rHistoryOut);
    for (const QString& line : rLines) {
        const HistoryLine h = parseHistoryLine(line);
        QVERIFY2(h.valid, qPrintable(u"unparsed retort-cli history line: "_s + line));
        QVERIFY2(!position.contains(h.revision), qPrintable(u"listed twice: "_s + h.revision));
        position.insert(h.revision, retortHistory.size());
        retortHistory.append(h);
        retortLines.insert(h.normalized());
    }
    if (retortLines != alembicLines) {
        QStringList onlyRetort(retortLines.cbegin(), retortLines.cend());
        onlyRetort.removeIf([&](const QString& l) { return alembicLines.contains(l); });
        QStringList onlyAlembic(alembicLines.cbegin(), alembicLines.cend());
        onlyAlembic.removeIf([&](const QString& l) { return retortLines.contains(l); });
        onlyRetort.sort();
        onlyAlembic.sort();
        qWarning("history lines differ (%lld only in retort-cli, %lld only in alembic)",
                 qlonglong(onlyRetort.size()), qlonglong(onlyAlembic.size()));
        for (qsizetype i = 0; i < qMin<qsizetype>(onlyRetort.size(), 10); ++i)
            qWarning("  retort-cli: %s", qPrintable(onlyRetort.at(i)));
        for (qsizetype i = 0; i < qMin<qsizetype>(onlyAlembic.size(), 10); ++i)
            qWarning("  alembic:    %s", qPrintable(onlyAlembic.at(i)));
        QFAIL("retort-cli history does not print the same lines as alembic history");
    }
    // ---- and in alembic's order, line for line (walk_revisions from heads to base) -------
    for (qsizetype i = 0; i < a.history.size(); ++i)
        QVERIFY2(retortHistory.at(i).normalized() == a.history.at(i).normalized(),
                 qPrintable(u"history line %1 differs:\n  alembic:    %2\n  retort-cli: %3"_s
                                .arg(i + 1)
                                .arg(a.history.at(i).normalized(),
                                     retortHistory.at(i).normalized())));

    for (const HistoryLine& h : std::as_const(retortHistory)) {
        for (const QString& down : h.down) {
            QVERIFY2(position.contains(down), qPrintable(u"unknown down revision "_s + down));
            QVERIFY2(position.value(down) > position.value(h.revision),
                     qPrintable(u"%1 is listed before its child %2"_s.arg(down, h.revision)));
        }
    }

    // ---- the shape still has what the row promises ----------------------------------------
    int threeWay = 0;
    bool labels = false, depends = false;
    for (const HistoryLine& h : std::as_const(a.history)) {
        threeWay += h.down.size() >= 3 ? 1 : 0;
        depends = depends || !h.depends.isEmpty();
        for (const QString& g : h.groups) {
            if (g != u"head"_s && g != u"effective head"_s && g != u"branchpoint"_s
                && g != u"mergepoint"_s)
                labels = true;
        }
    }
    QVERIFY2(threeWay >= minThreeWayMerges, qPrintable(u"3-way merges: %1"_s.arg(threeWay)));
    QCOMPARE(labels, expectLabels);
    QCOMPARE(depends, expectDepends);
}

QTEST_GUILESS_MAIN(TestDifferentialAlembic)
#include "tst_differential_alembic.moc"
