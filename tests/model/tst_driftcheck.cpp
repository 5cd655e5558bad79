// DriftCheck against what the real `alembic check` prints (captured here, through the
// AlembicRunner the window uses, never pasted) on real SQLite: tests/fixtures/drift_project,
// whose models.py matches its migrations and whose models_drifted.py does not.
//
// Registered once per alembic (retort_add_alembic_variants): Debian 12's 1.8.1 has no
// `check`, so there the test proves the refusal (InstalledAlembic's version and DriftCheck's
// words) and that alembic 1.8.1 itself rejects the command; trixie's and sid's compare.

#include "support/alembicundertest.h"
#include "support/testfiles.h"
#include "model/run/alembicprogram.h"
#include "model/run/alembicrunner.h"
#include "model/run/driftcheck.h"
#include "model/run/installedalembic.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);
const QString kFixture = QStringLiteral(RETORT_FIXTURES_DIR "/drift_project");

// What one run printed and how it ended.
struct Captured
{
    QStringList stdoutLines;
    int exitCode = -1;
    RunEvent::Status status = RunEvent::Status::FailedToStart;
    QString reason;
    bool finished = false;
};

// textwrap.wrap(message, width, initial_indent="  ", subsequent_indent="  "): what alembic's
// messaging.msg() does when stdin is a terminal.
QStringList wrapLikeATerminal(const QString& message, int width)
{
    QStringList lines;
    QString line = QStringLiteral("  ");
    for (const QString& word : message.split(u' ', Qt::SkipEmptyParts)) {
        if (line.size() > 2 && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line = QStringLiteral("  ");
        }
        line += (line.size() > 2 ? QStringLiteral(" ") : QString()) + word;
    }
    lines.append(line);
    return lines;
}

} // namespace

class TestDriftCheck : public QObject
{
    Q_OBJECT

private:
    test::AlembicUnderTest m_alembic;
    AlembicVersion m_version;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir;
    std::unique_ptr<AlembicRunner> m_runner;

    bool hasCheck() const { return !DriftCheck::refusal(m_version).has_value(); }

    Captured run(const QStringList& command)
    {
        RunRequest request;
        request.command = command;
        request.configPath = m_dir + QStringLiteral("/alembic.ini");
        request.workingDirectory = m_dir;
        request.interpreter = kPython;
        request.databaseKey = QStringLiteral("drift");
        Captured out;
        const quint64 id = m_runner->start(request);
        auto connection = connect(m_runner.get(), &AlembicRunner::event, this,
                                  [&out, id](const RunEvent& e) {
                                      if (e.runId != id)
                                          return;
                                      if (e.kind == RunEvent::Kind::Output &&
                                          e.stream == RunEvent::Stream::Stdout)
                                          out.stdoutLines.append(e.text);
                                      if (e.kind == RunEvent::Kind::Finished) {
                                          out.finished = true;
                                          out.exitCode = e.exitCode;
                                          out.status = e.status;
                                          out.reason = e.reason;
                                      }
                                  });
        const bool finished = QTest::qWaitFor([&out] { return out.finished; }, 120000);
        disconnect(connection);
        if (!finished)
            qWarning("alembic %s did not finish", qPrintable(command.join(u' ')));
        return out;
    }

    DriftResult check()
    {
        const Captured c = run(DriftCheck::arguments());
        if (!c.finished)
            return {};
        return DriftCheck::interpret(c.exitCode, c.stdoutLines, c.reason);
    }

    bool upgradeHead()
    {
        const Captured c = run({QStringLiteral("upgrade"), QStringLiteral("head")});
        return c.finished && c.status == RunEvent::Status::Succeeded;
    }

    bool useDriftedModel()
    {
        const QString models = m_dir + QStringLiteral("/models.py");
        return QFile::remove(models) &&
               QFile::copy(m_dir + QStringLiteral("/models_drifted.py"), models);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(test::AlembicUnderTest::check(kPython, &m_alembic));
        const auto version = AlembicVersion::parse(m_alembic.version);
        QVERIFY2(version, qPrintable(m_alembic.version));
        m_version = *version;
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_dir = m_tmp->path() + QStringLiteral("/project");
        QVERIFY(testsupport::copyTree(kFixture, m_dir));
        m_runner = std::make_unique<AlembicRunner>();
    }

    void cleanup()
    {
        m_runner.reset();
        m_tmp.reset();
    }

    // The version Retort reads without running Python is the one alembic runs with, and it
    // alone decides whether the check is refused.
    void refusalFollowsTheInstalledVersion()
    {
        const Result<AlembicProgram> program = AlembicProgram::find(m_dir, kPython);
        QVERIFY2(program, qPrintable(program.error()));
        const Result<InstalledAlembic> installed = InstalledAlembic::find(*program);
        QVERIFY2(installed, qPrintable(installed.error()));
        QVERIFY2(installed->version == m_version, qPrintable(installed->version.toString()));
        const std::optional<QString> refusal = DriftCheck::refusal(installed->version);
        QCOMPARE(refusal.has_value(), (m_version < AlembicVersion{1, 9, 0}));
        if (refusal) {
            QVERIFY2(refusal->contains(QStringLiteral("1.9.0")), qPrintable(*refusal));
            QVERIFY2(refusal->contains(m_version.toString()), qPrintable(*refusal));
        }
    }

    // An alembic without `check` rejects it itself: a clear result too, should the version
    // have been misread.
    void oldAlembicRejectsTheCommand()
    {
        if (hasCheck()) {
            const DriftResult result = DriftCheck::interpret(
                2, {}, QStringLiteral("alembic: error: argument {branches,current}: invalid "
                                      "choice: 'check' (choose from 'branches', 'current')"));
            QCOMPARE(result.status, DriftResult::Status::Unsupported);
            return;
        }
        const DriftResult result = check();
        QCOMPARE(result.status, DriftResult::Status::Unsupported);
        QVERIFY2(result.message.contains(QStringLiteral("1.9.0")), qPrintable(result.message));
    }

    void notAtHeadFails()
    {
        const DriftResult result = check();
        if (!hasCheck()) {
            QCOMPARE(result.status, DriftResult::Status::Unsupported);
            return;
        }
        QCOMPARE(result.status, DriftResult::Status::Failed);
        QCOMPARE(result.message, QStringLiteral("Target database is not up to date."));
        QVERIFY(result.differences.isEmpty());
    }

    void inSync()
    {
        QVERIFY(upgradeHead());
        const Captured c = run(DriftCheck::arguments());
        QVERIFY(c.finished);
        const DriftResult result = DriftCheck::interpret(c.exitCode, c.stdoutLines, c.reason);
        if (!hasCheck()) {
            QCOMPARE(result.status, DriftResult::Status::Unsupported);
            return;
        }
        QCOMPARE(c.exitCode, 0);
        QVERIFY2(c.stdoutLines.contains(QStringLiteral("No new upgrade operations detected.")),
                 qPrintable(c.stdoutLines.join(u'\n')));
        QCOMPARE(result.status, DriftResult::Status::InSync);
        QVERIFY(result.differences.isEmpty());
    }

    void drift()
    {
        QVERIFY(upgradeHead());
        QVERIFY(useDriftedModel());
        const Captured c = run(DriftCheck::arguments());
        QVERIFY(c.finished);
        const DriftResult result = DriftCheck::interpret(c.exitCode, c.stdoutLines, c.reason);
        if (!hasCheck()) {
            QCOMPARE(result.status, DriftResult::Status::Unsupported);
            return;
        }
        QVERIFY(c.exitCode != 0);
        QCOMPARE(result.status, DriftResult::Status::Differences);
        QStringList kinds, summaries;
        for (const DriftDifference& d : result.differences) {
            kinds << d.kind;
            summaries << d.summary;
            QVERIFY2(d.detail.startsWith(QStringLiteral("('%1', ").arg(d.kind)),
                     qPrintable(d.detail));
        }
        QCOMPARE(kinds, (QStringList{u"add_table"_s, u"add_column"_s, u"modify_nullable"_s, u"add_index"_s}));
        QCOMPARE(summaries, (QStringList{u"Add table orders"_s, u"Add column users.email"_s,
                                         u"Make users.name NOT NULL"_s, u"Add index ix_users_email"_s}));
        QVERIFY(result.differences.first().detail.contains(QStringLiteral("ForeignKey('users.id')")));

        // The same message as a terminal shows it (wrapped, indented) reads the same.
        QString failedLine;
        for (const QString& line : c.stdoutLines)
            if (line.startsWith(QStringLiteral("FAILED: New upgrade operations detected:")))
                failedLine = line;
        QVERIFY2(!failedLine.isEmpty(), qPrintable(c.stdoutLines.join(u'\n')));
        const QStringList wrapped = wrapLikeATerminal(failedLine, 60);
        QVERIFY(wrapped.size() > 5);
        const DriftResult fromTerminal = DriftCheck::interpret(c.exitCode, wrapped, c.reason);
        QVERIFY(fromTerminal.differences == result.differences);

        // Kept in the settings as JSON and read back unchanged.
        DriftResult kept = result;
        kept.checkedAt = QDateTime::currentDateTimeUtc();
        kept.alembicVersion = m_version.toString();
        const QByteArray json = QJsonDocument(kept.toJson()).toJson();
        QVERIFY(DriftResult::fromJson(QJsonDocument::fromJson(json).object()) == kept);
    }

    // The repr reader splits on top-level commas only: commas, brackets and escaped quotes
    // inside names and nested calls stay in their item.
    void nestedAndQuoted()
    {
        const auto diffs = DriftCheck::parseDiffs(
            QStringLiteral("[('add_constraint', UniqueConstraint(Column('a', Integer(), "
                           "table=<t>), name='uq_a,(b)')), ('remove_column', 'sales', "
                           "'it\\'s', Column('x[1]', Integer(), table=<it's>))]"));
        QVERIFY(diffs);
        QCOMPARE(diffs->size(), 2);
        QCOMPARE(diffs->at(0).summary, QStringLiteral("Add UniqueConstraint uq_a,(b)"));
        QCOMPARE(diffs->at(1).summary, QStringLiteral("Remove column sales.it's.x[1]"));
        QVERIFY(!DriftCheck::parseDiffs(QStringLiteral("[('add_table', Table('t'")));
        QVERIFY(!DriftCheck::parseDiffs(QStringLiteral("no list")));
    }

    // Without alembic's "FAILED:" line on stdout, the runner's last error line says why,
    // without the logging prefix.
    void failureWithoutFailedLine()
    {
        const DriftResult result = DriftCheck::interpret(
            1, {}, u"ERROR [alembic.util.messaging] Can't locate revision identified by 'zz'"_s);
        QCOMPARE(result.status, DriftResult::Status::Failed);
        QCOMPARE(result.message, u"Can't locate revision identified by 'zz'"_s);
    }

    void unreadableSavedResultIsNotChecked()
    {
        QCOMPARE(DriftResult::fromJson(QJsonObject{{u"status"_s, u"someday"_s}}).status,
                 DriftResult::Status::NotChecked);
    }
};

QTEST_GUILESS_MAIN(TestDriftCheck)
#include "tst_driftcheck.moc"
