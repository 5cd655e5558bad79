#pragma once
// Which alembic a differential test runs against. ctest registers the differential tests
// once per alembic (tests/CMakeLists.txt, retort_add_alembic_variants): plain for Debian 12's
// 1.8.1, NAME@trixie / NAME@sid with RETORT_TEST_ALEMBIC=SUITE:SITE and SITE first on
// PYTHONPATH. Call check() from initTestCase: it fails (never skips) when the suite's folder
// is missing, and returns the version the interpreter really imports.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTest>

namespace retort::test {

struct AlembicUnderTest
{
    QString suite = QStringLiteral("bookworm"); // Debian suite the alembic comes from
    QString site;                               // its dist-packages, or "" for the system's
    QString version;                            // what `import alembic` reports

    // Reads RETORT_TEST_ALEMBIC and asks `python` which alembic it imports. Returns false
    // (with a QTest failure recorded) when that does not hold together.
    static bool check(const QString& python, AlembicUnderTest* out)
    {
        const QString spec = qEnvironmentVariable("RETORT_TEST_ALEMBIC");
        if (!spec.isEmpty()) {
            out->suite = spec.section(u':', 0, 0);
            out->site = spec.section(u':', 1);
            if (!QFileInfo(out->site + QStringLiteral("/alembic/__init__.py")).exists()) {
                QTest::qFail(qPrintable(QStringLiteral(
                                 "alembic from Debian %1 is not at %2: run scripts/setup "
                                 "(it calls scripts/fetch-alembic)")
                                            .arg(out->suite, out->site)),
                             __FILE__, __LINE__);
                return false;
            }
            if (!qEnvironmentVariable("PYTHONPATH").split(u':').contains(out->site)) {
                QTest::qFail("RETORT_TEST_ALEMBIC is set but its folder is not on PYTHONPATH",
                             __FILE__, __LINE__);
                return false;
            }
        }
        QProcess p;
        p.start(python, {QStringLiteral("-c"),
                         QStringLiteral("import alembic, os; print(alembic.__version__); "
                                        "print(os.path.dirname(os.path.dirname(alembic.__file__)))")});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            QTest::qFail(qPrintable(QStringLiteral("%1 cannot import alembic: %2")
                                        .arg(python, QString::fromUtf8(p.readAllStandardError()))),
                         __FILE__, __LINE__);
            return false;
        }
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(u'\n');
        out->version = lines.value(0).trimmed();
        const QString importedFrom = QDir::cleanPath(lines.value(1).trimmed());
        if (!out->site.isEmpty() && importedFrom != QDir::cleanPath(out->site)) {
            QTest::qFail(qPrintable(QStringLiteral("alembic is imported from %1, not from %2")
                                        .arg(importedFrom, out->site)),
                         __FILE__, __LINE__);
            return false;
        }
        qInfo("alembic under test: %s from Debian %s", qPrintable(out->version),
              qPrintable(out->suite));
        return true;
    }
};

} // namespace retort::test
