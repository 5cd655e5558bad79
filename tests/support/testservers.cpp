#include "support/testservers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

namespace retort::test {

namespace {

const QString kPgBin = QStringLiteral("/usr/lib/postgresql/15/bin");

} // namespace

Run run(const QString& program, const QStringList& args, const QString& cwd, int timeoutMs,
        const QProcessEnvironment& env)
{
    Run r;
    QProcess p;
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    r.started = p.waitForStarted(10000);
    if (!r.started) {
        r.err = p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log at %1)").arg(path);
    return QString::fromUtf8(f.readAll()).right(6000);
}

QString TestServers::startPostgres()
{
    QDir(root()).mkpath(QStringLiteral("pgdata"));
    QDir(root()).mkpath(QStringLiteral("pgrun"));
    const QString pwFile = pgSocketDir() + QStringLiteral("/pw");
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(pwFile);
        f.write(kPassword.toUtf8() + '\n');
    }
    // The postgres user must reach and own its folders.
    QFile::setPermissions(root(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                      QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                      QFile::ExeOther);
    Run chown =
        run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:postgres"),
                                      root() + QStringLiteral("/pgdata"), pgSocketDir()});
    if (chown.exitCode != 0)
        return QStringLiteral("chown failed: ") + chown.describe();

    Run init =
        run(QStringLiteral("runuser"),
            {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
             kPgBin + QStringLiteral("/initdb"), QStringLiteral("-D"),
             root() + QStringLiteral("/pgdata"), QStringLiteral("-A"),
             QStringLiteral("scram-sha-256"), QStringLiteral("-U"), QStringLiteral("postgres"),
             QStringLiteral("--pwfile=") + pwFile, QStringLiteral("-N"), QStringLiteral("-E"),
             QStringLiteral("UTF8"), QStringLiteral("--locale=C")});
    if (init.exitCode != 0)
        return QStringLiteral("initdb failed: ") + init.describe();

    m_pgPort = 20000 + int(QRandomGenerator::global()->bounded(40000));
    Run start =
        run(QStringLiteral("runuser"),
            {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
             kPgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
             root() + QStringLiteral("/pgdata"), QStringLiteral("-w"), QStringLiteral("-t"),
             QStringLiteral("30"), QStringLiteral("-l"), pgLog(), QStringLiteral("-o"),
             QStringLiteral("-p %1 -k %2 -c listen_addresses=''").arg(m_pgPort).arg(pgSocketDir()),
             QStringLiteral("start")});
    m_pgStarted = true; // stop() is harmless if it did not start
    if (start.exitCode != 0)
        return QStringLiteral("pg_ctl start failed: ") + start.describe() +
               QStringLiteral("\n--- server log\n") + readText(pgLog());
    return {};
}

Run TestServers::psql(const QString& db, const QString& sql) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), kPassword);
    return run(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-h"), pgSocketDir(), QStringLiteral("-p"),
                QString::number(m_pgPort), QStringLiteral("-U"), QStringLiteral("postgres"),
                QStringLiteral("-d"), db, QStringLiteral("-c"), sql},
               {}, 30000, env);
}

QString TestServers::startMariaDb()
{
    QDir(root()).mkpath(QStringLiteral("my"));
    const QString data = root() + QStringLiteral("/my/data");
    Run install = run(QStringLiteral("mariadb-install-db"),
                      {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                       QStringLiteral("--user=root"),
                       QStringLiteral("--auth-root-authentication-method=socket"),
                       QStringLiteral("--skip-test-db")},
                      {}, 120000);
    if (install.exitCode != 0)
        return QStringLiteral("mariadb-install-db failed: ") + install.describe();

    m_maria = std::make_unique<QProcess>();
    m_maria->setProcessChannelMode(QProcess::MergedChannels);
    m_maria->setStandardOutputFile(root() + QStringLiteral("/my/stdout.log"));
    m_maria->start(QStringLiteral("mariadbd"),
                   {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                    QStringLiteral("--socket=") + mySocket(), QStringLiteral("--skip-networking"),
                    QStringLiteral("--user=root"),
                    QStringLiteral("--pid-file=") + root() + QStringLiteral("/my/mysqld.pid"),
                    QStringLiteral("--log-error=") + myLog(),
                    QStringLiteral("--innodb-buffer-pool-size=16M")});
    if (!m_maria->waitForStarted(10000))
        return QStringLiteral("mariadbd did not start: ") + m_maria->errorString();

    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        if (m_maria->state() == QProcess::NotRunning)
            return QStringLiteral("mariadbd exited with %1\n--- error log\n%2\n--- stdout\n%3")
                .arg(m_maria->exitCode())
                .arg(readText(myLog()), readText(root() + QStringLiteral("/my/stdout.log")));
        if (QFileInfo(mySocket()).exists()) {
            const Run ping = mariadb(QStringLiteral("SELECT 1"));
            if (ping.exitCode == 0)
                return {};
        }
        QThread::msleep(100);
    }
    return QStringLiteral("mariadbd did not answer within 30 s\n--- error log\n") +
           readText(myLog());
}

Run TestServers::mariadb(const QString& sql) const
{
    return run(QStringLiteral("mariadb"),
               {QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + mySocket(),
                QStringLiteral("-u"), QStringLiteral("root"), QStringLiteral("-e"), sql},
               {}, 30000);
}

QString TestServers::startSilentSockets()
{
    QDir(root()).mkpath(QStringLiteral("silent"));
    const QString script =
        QStringLiteral("import socket, sys, time\n"
                       "socks = []\n"
                       "for path in sys.argv[1:]:\n"
                       "    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
                       "    s.bind(path)\n"
                       "    s.listen(64)\n"
                       "    socks.append(s)\n"
                       "print('ready', flush=True)\n"
                       "time.sleep(600)\n");
    m_silent = std::make_unique<QProcess>();
    m_silent->start(QStringLiteral(RETORT_TEST_PYTHON),
                    {QStringLiteral("-c"), script,
                     silentDir() + QStringLiteral("/.s.PGSQL.%1").arg(m_pgPort),
                     silentDir() + QStringLiteral("/mysqld.sock")});
    if (!m_silent->waitForReadyRead(10000))
        return QStringLiteral("silent socket helper did not start: ") +
               QString::fromUtf8(m_silent->readAllStandardError());
    return {};
}

void TestServers::stop()
{
    if (m_silent) {
        m_silent->kill();
        m_silent->waitForFinished(5000);
        m_silent.reset();
    }
    if (m_pgStarted) {
        run(QStringLiteral("runuser"),
            {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
             kPgBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
             root() + QStringLiteral("/pgdata"), QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            {}, 30000);
        m_pgStarted = false;
    }
    if (m_maria && m_maria->state() != QProcess::NotRunning) {
        m_maria->terminate();
        if (!m_maria->waitForFinished(15000)) {
            m_maria->kill();
            m_maria->waitForFinished(5000);
        }
    }
    m_maria.reset();
}

} // namespace retort::test
