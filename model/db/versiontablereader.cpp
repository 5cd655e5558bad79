#include "model/db/versiontablereader.h"

#include "model/common/result.h"
#include "model/config/sqlalchemyurl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace retort {

namespace {

Q_LOGGING_CATEGORY(lcDb, "retort.model.db", QtWarningMsg)

std::atomic<quint64> s_connectionCounter{0};

// Texts are marked with QT_TRANSLATE_NOOP("VersionTableReader", ...) so that lupdate finds them.
QString trReader(const char* text)
{
    return QCoreApplication::translate("VersionTableReader", text);
}

// Reading needs no more than a read-only connection; bound the waits the URL leaves open.
QtSqlTarget forReading(QtSqlTarget t)
{
    QStringList options = t.connectOptions.split(u';', Qt::SkipEmptyParts);
    auto has = [&options](QLatin1StringView key) {
        for (const QString& o : std::as_const(options)) {
            if (o.section(u'=', 0, 0).trimmed() == key)
                return true;
        }
        return false;
    };
    const QString seconds = QString::number(SqlAlchemyUrl::kDefaultConnectTimeoutSeconds);
    if (t.driver == QLatin1String("QSQLITE")) {
        if (!has(QLatin1StringView("QSQLITE_OPEN_READONLY")))
            options << QStringLiteral("QSQLITE_OPEN_READONLY");
        if (!has(QLatin1StringView("QSQLITE_BUSY_TIMEOUT")))
            options << QStringLiteral("QSQLITE_BUSY_TIMEOUT=") +
                           QString::number(SqlAlchemyUrl::kDefaultConnectTimeoutSeconds * 1000);
    } else if (t.driver == QLatin1String("QMYSQL")) {
        if (!has(QLatin1StringView("MYSQL_OPT_CONNECT_TIMEOUT")))
            options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=") + seconds;
        if (!has(QLatin1StringView("MYSQL_OPT_READ_TIMEOUT")))
            options << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=") + seconds;
        if (!has(QLatin1StringView("MYSQL_OPT_WRITE_TIMEOUT")))
            options << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=") + seconds;
    }
    t.connectOptions = options.join(u';');
    return t;
}

QString quoteIdentifier(const QString& driver, const QString& name)
{
    if (driver == QLatin1String("QMYSQL")) {
        QString n = name;
        return u'`' + n.replace(u'`', QLatin1String("``")) + u'`';
    }
    QString n = name;
    return u'"' + n.replace(u'"', QLatin1String("\"\"")) + u'"';
}

// Server messages do not quote passwords; this is a second line of defence. Very short
// passwords are left alone: replacing every "a" would only garble the message.
QString scrub(QString message, const QString& password)
{
    if (password.size() >= 3)
        message.replace(password, QLatin1String("***"));
    return message.trimmed();
}

QString errorText(const QSqlError& e)
{
    QString text = e.databaseText().trimmed();
    QString driver = e.driverText().trimmed();
    if (text.isEmpty())
        return driver;
    if (!driver.isEmpty() && !text.contains(driver))
        text = driver + QLatin1String(": ") + text;
    return text;
}

// On an open connection: does the version table exist? Returns an error text on failure.
Result<bool> tableExists(QSqlDatabase& db, const QtSqlTarget& t, const QString& table,
                         const QString& schema)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (t.driver == QLatin1String("QSQLITE")) {
        q.prepare(
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(table);
    } else if (t.driver == QLatin1String("QPSQL")) {
        QString qualified = quoteIdentifier(t.driver, table);
        if (!schema.isEmpty())
            qualified = quoteIdentifier(t.driver, schema) + u'.' + qualified;
        q.prepare(QStringLiteral(
            "SELECT CASE WHEN to_regclass(CAST(? AS text)) IS NULL THEN 0 ELSE 1 END"));
        q.addBindValue(qualified);
    } else {
        if (schema.isEmpty()) {
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                                     "WHERE table_schema = DATABASE() AND table_name = ?"));
            q.addBindValue(table);
        } else {
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                                     "WHERE table_schema = ? AND table_name = ?"));
            q.addBindValue(schema);
            q.addBindValue(table);
        }
    }
    if (!q.exec() || !q.next())
        return Result<bool>::failure(errorText(q.lastError()));
    return q.value(0).toInt() > 0;
}

DatabaseState readOpen(QSqlDatabase& db, const QtSqlTarget& t, const QString& display,
                       const QString& table, const QString& schemaIn)
{
    const QString schema = t.driver == QLatin1String("QSQLITE") ? QString() : schemaIn;
    QString qualified = quoteIdentifier(t.driver, table);
    if (!schema.isEmpty())
        qualified = quoteIdentifier(t.driver, schema) + u'.' + qualified;

    const Result<bool> exists = tableExists(db, t, table, schema);
    if (!exists)
        return DatabaseState::failure(
            trReader(QT_TRANSLATE_NOOP("VersionTableReader", "Cannot look for the version table %1 in %2: %3"))
                .arg(qualified, display, scrub(exists.error(), t.password)));
    if (!exists.value())
        return DatabaseState::atBase();

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT version_num FROM %1").arg(qualified)))
        return DatabaseState::failure(
            trReader(QT_TRANSLATE_NOOP("VersionTableReader", "Cannot read the version table %1 in %2: %3"))
                .arg(qualified, display, scrub(errorText(q.lastError()), t.password)));
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString().trimmed();
    return DatabaseState::fromRows(rows);
}

} // namespace

DatabaseState VersionTableReader::readNow(const QString& url, const QString& baseDir,
                                          const QString& versionTable, const QString& schema)
{
    const Result<SqlAlchemyUrl> parsed = SqlAlchemyUrl::parse(url.trimmed());
    if (!parsed)
        return DatabaseState::failure(parsed.error());
    const Result<QtSqlTarget> target = parsed->toQtSql(baseDir);
    if (!target)
        return DatabaseState::failure(target.error());
    return readNow(target.value(), parsed->toDisplayString(), versionTable, schema);
}

DatabaseState VersionTableReader::readNow(const QtSqlTarget& target, const QString& display,
                                          const QString& versionTable, const QString& schema)
{
    const QtSqlTarget t = forReading(target);
    const QString table = versionTable.isEmpty() ? QStringLiteral("alembic_version") : versionTable;

    if (!QSqlDatabase::isDriverAvailable(t.driver))
        return DatabaseState::failure(SqlAlchemyUrl::missingDriverMessage(t.driver));

    // A missing SQLite file is a database at base: alembic creates the file on its first
    // connection (`alembic current` prints nothing). Retort only reads, so it does not create
    // it. A missing folder is an error for alembic too ("unable to open database file").
    if (t.driver == QLatin1String("QSQLITE") && t.databaseName != QLatin1String(":memory:") &&
        !t.connectOptions.contains(QLatin1String("QSQLITE_OPEN_URI")) &&
        !QFileInfo::exists(t.databaseName)) {
        if (!QFileInfo(t.databaseName).absoluteDir().exists())
            return DatabaseState::failure(
                trReader(QT_TRANSLATE_NOOP("VersionTableReader", "The folder of the SQLite database file %1 does not exist"))
                    .arg(t.databaseName));
        return DatabaseState::missingFile(QFileInfo(t.databaseName).absoluteFilePath());
    }

    const QString name =
        QStringLiteral("retort-versiontable-%1").arg(s_connectionCounter.fetch_add(1) + 1);
    DatabaseState state;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(t.driver, name);
        db.setHostName(t.hostName);
        if (t.port > 0)
            db.setPort(t.port);
        db.setDatabaseName(t.databaseName);
        db.setUserName(t.userName);
        db.setPassword(t.password);
        db.setConnectOptions(t.connectOptions);
        qCDebug(lcDb) << "opening" << display << "as" << name;
        if (!db.open()) {
            state = DatabaseState::failure(
                trReader(QT_TRANSLATE_NOOP("VersionTableReader", "Cannot connect to %1: %2"))
                    .arg(display, scrub(errorText(db.lastError()), t.password)));
        } else {
            state = readOpen(db, t, display, table, schema);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);

    // A process stopped in the middle of a write (alembic killed by Stop, a crash) leaves a
    // "hot" rollback journal beside the file. Only a connection that may write can roll it
    // back; a read-only one fails with an unhelpful message (Qt's "Parameter count mismatch").
    // Say what happened instead: Retort only reads, so it leaves the recovery to the next
    // program that writes, as SQLite intends.
    if (!state.isReadable() && t.driver == QLatin1String("QSQLITE")) {
        const QFileInfo journal(t.databaseName + QStringLiteral("-journal"));
        if (journal.exists() && journal.size() > 0)
            state = DatabaseState::failure(
                trReader(QT_TRANSLATE_NOOP("VersionTableReader", "The SQLite database %1 has an unfinished write: a process stopped "
                         "while writing to it and left %2. SQLite undoes that write the next "
                         "time a program opens the file for writing (any alembic command does, "
                         "e.g. alembic current). Retort only reads, so it cannot read the file "
                         "until then."))
                    .arg(display, journal.fileName()));
    }
    return state;
}

VersionTableReader::VersionTableReader(QObject* parent)
    : QObject(parent),
      m_thread(std::make_unique<WorkerThread>(
          QStringLiteral("retort-db"),
          std::chrono::seconds(SqlAlchemyUrl::kDefaultConnectTimeoutSeconds + 1)))
{
    qRegisterMetaType<retort::DatabaseState>();
}

VersionTableReader::~VersionTableReader()
{
    m_thread->shutdown();
}

quint64 VersionTableReader::read(const QString& url, const QString& baseDir,
                                 const QString& versionTable, const QString& schema)
{
    return enqueue([url, baseDir, versionTable, schema] {
        return readNow(url, baseDir, versionTable, schema);
    });
}

quint64 VersionTableReader::read(const QtSqlTarget& target, const QString& displayUrl,
                                 const QString& versionTable, const QString& schema)
{
    return enqueue([target, displayUrl, versionTable, schema] {
        return readNow(target, displayUrl, versionTable, schema);
    });
}

quint64 VersionTableReader::enqueue(std::function<DatabaseState()> job)
{
    const quint64 id = ++m_nextId;
    m_thread->post(this, std::move(job), [this, id](const DatabaseState& state) {
        emit finished(id, state);
    });
    return id;
}

} // namespace retort
