#pragma once
// Throw-away PostgreSQL 15 and MariaDB servers for tests: unix sockets only, in a private
// temporary folder, stopped by the destructor whatever happened (see ../shared TOOLCHAIN.md
// for why PostgreSQL runs as the postgres user). A server that cannot start is reported with
// its log, so a test can fail with the reason instead of skipping.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace retort::test {

// The password of the "postgres" (PostgreSQL) and "retort" (MariaDB) users.
inline const QString kPassword = QStringLiteral("s3cret-pw-9x");

// What a finished helper process did.
struct Run
{
    int exitCode = -1;
    bool started = false;
    bool timedOut = false;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1%2\n--- stdout\n%3\n--- stderr\n%4")
            .arg(exitCode)
            .arg(timedOut ? QStringLiteral(" (timed out)") : QString(), out, err);
    }
};

// Runs a program to its end (tests only: this waits).
Run run(const QString& program, const QStringList& args, const QString& cwd = {},
        int timeoutMs = 60000,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

// The last few kilobytes of a log file, for failure messages.
QString readText(const QString& path);

class TestServers
{
public:
    explicit TestServers(const QString& prefix = QStringLiteral("/tmp/retort-vt-XXXXXX"))
        : m_root(prefix)
    {
    }
    ~TestServers() { stop(); }

    bool valid() const { return m_root.isValid(); }
    QString root() const { return m_root.path(); }

    QString pgSocketDir() const { return root() + QStringLiteral("/pgrun"); }
    int pgPort() const { return m_pgPort; }
    QString pgLog() const { return pgSocketDir() + QStringLiteral("/postgresql.log"); }
    QString mySocket() const { return root() + QStringLiteral("/my/mysqld.sock"); }
    QString myLog() const { return root() + QStringLiteral("/my/error.log"); }

    QString pgUrl(const QString& db, const QString& password = kPassword) const
    {
        return QStringLiteral("postgresql+psycopg2://postgres:%1@/%2?host=%3&port=%4")
            .arg(password, db, pgSocketDir())
            .arg(m_pgPort);
    }
    QString myUrl(const QString& db, const QString& password = kPassword) const
    {
        return QStringLiteral("mysql+pymysql://retort:%1@localhost/%2?unix_socket=%3")
            .arg(password, db, mySocket());
    }

    // Each start returns an empty string on success, else what went wrong with the log.
    QString startPostgres();

    Run psql(const QString& db, const QString& sql) const;

    QString startMariaDb();

    Run mariadb(const QString& sql) const;

    // Unix sockets that accept connections and never answer (a hung server).
    QString silentDir() const { return root() + QStringLiteral("/silent"); }
    QString startSilentSockets();

    void stop();

private:
    QTemporaryDir m_root;
    int m_pgPort = 0;
    bool m_pgStarted = false;
    std::unique_ptr<QProcess> m_maria;
    std::unique_ptr<QProcess> m_silent;
};

} // namespace retort::test
