#include "model/config/sqlalchemyurl.h"

#include "model/config/libpqquote.h"
#include "model/config/pythoncompat.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QUrl>

#include <algorithm>
#include <limits>

// SqlAlchemyUrl's mapping to a Qt SQL connection (parsing and display are in sqlalchemyurl.cpp).

namespace retort {

namespace {

// Sets `key` in options kept in the order they were first given (a later value replaces an
// earlier one in place, as both drivers' option strings read them).
void setOrderedOption(QList<QPair<QString, QString>>& options, const QString& key,
                      const QString& value)
{
    for (auto& option : options) {
        if (option.first == key) {
            option.second = value;
            return;
        }
    }
    options.append({key, value});
}

QString invalidValueError(const QString& key)
{
    return SqlAlchemyUrl::tr("The URL's query parameter “%1” has a value Retort cannot use.")
        .arg(key);
}

QString semicolonError(const QString& key, const QString& qtDriver)
{
    return SqlAlchemyUrl::tr(
               "The URL's query parameter “%1” contains ';', which Qt's %2 driver cannot pass on.")
        .arg(key, qtDriver);
}

Result<int> checkedPort(qint64 port)
{
    if (port < 1 || port > 65535)
        return Result<int>::failure(
            SqlAlchemyUrl::tr("The port %1 is out of range (1 to 65535).").arg(port));
    return int(port);
}

} // namespace

// ---- Qt SQL ---------------------------------------------------------------------------

bool SqlAlchemyUrl::driverAvailable(const QString& qtDriver)
{
    return QSqlDatabase::isDriverAvailable(qtDriver);
}

QString SqlAlchemyUrl::driverPackage(const QString& qtDriver)
{
    if (qtDriver == u"QPSQL")
        return QStringLiteral("libqt6sql6-psql");
    if (qtDriver == u"QMYSQL" || qtDriver == u"QMARIADB")
        return QStringLiteral("libqt6sql6-mysql");
    if (qtDriver == u"QSQLITE")
        return QStringLiteral("libqt6sql6-sqlite");
    return {};
}

QString SqlAlchemyUrl::missingDriverMessage(const QString& qtDriver)
{
    const QString package = driverPackage(qtDriver);
    if (package.isEmpty())
        return tr("Qt's %1 SQL driver plugin is not installed.").arg(qtDriver);
    return tr("Qt's %1 SQL driver plugin is not installed; on Debian or Ubuntu install the "
              "package %2.")
        .arg(qtDriver, package);
}

Result<QtSqlTarget> SqlAlchemyUrl::toQtSql(const QString& baseDir) const
{
    auto target = mapToQtSql(baseDir);
    if (target && !driverAvailable(target->driver))
        return Result<QtSqlTarget>::failure(missingDriverMessage(target->driver));
    return target;
}

Result<QtSqlTarget> SqlAlchemyUrl::mapToQtSql(const QString& baseDir) const
{
    const QString name = dialect();
    const QString drv = driver();
    auto unknownDriver = [&]() {
        return Result<QtSqlTarget>::failure(
            tr("“%1” is not a driver SQLAlchemy knows for the %2 dialect.").arg(drv, name));
    };
    if (name == u"sqlite") {
        if (drv == u"pysqlcipher")
            return Result<QtSqlTarget>::failure(
                tr("Encrypted SQLite databases (sqlite+pysqlcipher) cannot be opened with Qt's "
                   "SQLite driver."));
        if (!drv.isEmpty() && drv != u"pysqlite" && drv != u"aiosqlite")
            return unknownDriver();
        return mapSqlite(baseDir);
    }
    if (name == u"postgresql") {
        static const QSet<QString> known = {QString(),
                                            QStringLiteral("psycopg2"),
                                            QStringLiteral("psycopg2cffi"),
                                            QStringLiteral("psycopg"),
                                            QStringLiteral("pg8000"),
                                            QStringLiteral("asyncpg")};
        if (!known.contains(drv))
            return unknownDriver();
        return mapPostgres();
    }
    if (name == u"mysql" || name == u"mariadb") {
        static const QSet<QString> known = {QString(),
                                            QStringLiteral("pymysql"),
                                            QStringLiteral("mysqldb"),
                                            QStringLiteral("mysqlconnector"),
                                            QStringLiteral("asyncmy"),
                                            QStringLiteral("aiomysql"),
                                            QStringLiteral("cymysql"),
                                            QStringLiteral("mariadbconnector")};
        if (!known.contains(drv))
            return unknownDriver();
        return mapMysql();
    }
    if (name == u"postgres")
        return Result<QtSqlTarget>::failure(
            tr("“postgres” is not a dialect name in SQLAlchemy 1.4 or later; write "
               "“postgresql://” instead."));
    return Result<QtSqlTarget>::failure(
        tr("Retort cannot read “%1” databases: Qt has no SQL driver Retort supports for this "
           "dialect (supported: sqlite, postgresql, mysql, mariadb).")
            .arg(name));
}

Result<QtSqlTarget> SqlAlchemyUrl::mapSqlite(const QString& baseDir) const
{
    // sqlalchemy/dialects/sqlite/pysqlite.py create_connect_args()
    if (!m_username.isEmpty() || !m_password.isEmpty() || !m_host.isEmpty() ||
        (m_port && *m_port != 0))
        return Result<QtSqlTarget>::failure(
            tr("Invalid SQLite URL: it takes no user, password, host or port. Valid forms are "
               "sqlite:///:memory: (or sqlite://), sqlite:///relative/path/to/file.db and "
               "sqlite:////absolute/path/to/file.db."));

    QtSqlTarget t;
    t.driver = QStringLiteral("QSQLITE");
    QStringList options;

    bool uri = false;
    if (hasQueryKey(QStringLiteral("uri"))) {
        const auto b = PythonCompat::asBool(queryValue(QStringLiteral("uri")));
        if (!b)
            return Result<QtSqlTarget>::failure(invalidValueError(QStringLiteral("uri")));
        uri = *b;
    }
    if (hasQueryKey(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = queryValue(QStringLiteral("timeout")).trimmed().toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 1e6)
            return Result<QtSqlTarget>::failure(invalidValueError(QStringLiteral("timeout")));
        options.append(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qint64(seconds * 1000)));
    }

    static const QSet<QString> pysqliteArgs = {QStringLiteral("uri"),
                                               QStringLiteral("timeout"),
                                               QStringLiteral("isolation_level"),
                                               QStringLiteral("detect_types"),
                                               QStringLiteral("check_same_thread"),
                                               QStringLiteral("cached_statements")};

    if (uri) {
        if (m_database.isNull())
            return Result<QtSqlTarget>::failure(
                tr("A SQLite URL with uri=true needs a file: URI as its database."));
        QString filename = m_database;
        const QMap<QString, QStringList> q = query();
        QStringList keys;
        for (auto it = q.cbegin(); it != q.cend(); ++it) {
            if (!pysqliteArgs.contains(it.key()))
                keys.append(it.key());
        }
        std::sort(keys.begin(), keys.end(), PythonCompat::lessByCodePoint);
        QStringList parts;
        for (const QString& key : keys)
            parts.append(key + QLatin1Char('=') + q.value(key).constLast());
        if (!parts.isEmpty())
            filename += QLatin1Char('?') + parts.join(QLatin1Char('&'));
        t.databaseName = filename;
        options.append(QStringLiteral("QSQLITE_OPEN_URI"));
    } else {
        // Other query parameters are not used by SQLAlchemy without uri=true either.
        QString filename = m_database.isEmpty() ? QStringLiteral(":memory:") : m_database;
        if (filename != u":memory:") {
            const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
            filename = QDir::cleanPath(base.absoluteFilePath(filename));
        }
        t.databaseName = filename;
    }
    t.connectOptions = options.join(QLatin1Char(';'));
    return t;
}

Result<QtSqlTarget> SqlAlchemyUrl::mapPostgres() const
{
    const QString drv = driver();
    QtSqlTarget t;
    t.driver = QStringLiteral("QPSQL");
    t.hostName = m_host;
    t.userName = m_username;
    t.password = m_password;
    t.databaseName = m_database;
    if (m_port) {
        auto p = checkedPort(*m_port);
        if (!p)
            return Result<QtSqlTarget>::failure(p.error());
        t.port = *p;
    }

    const bool libpq =
        drv.isEmpty() || drv == u"psycopg2" || drv == u"psycopg2cffi" || drv == u"psycopg";
    // libpq connection keywords (PostgreSQL 15) that can go into Qt's conninfo as given.
    static const QSet<QString> libpqKeywords = {QStringLiteral("hostaddr"),
                                                QStringLiteral("passfile"),
                                                QStringLiteral("channel_binding"),
                                                QStringLiteral("connect_timeout"),
                                                QStringLiteral("client_encoding"),
                                                QStringLiteral("options"),
                                                QStringLiteral("application_name"),
                                                QStringLiteral("fallback_application_name"),
                                                QStringLiteral("keepalives"),
                                                QStringLiteral("keepalives_idle"),
                                                QStringLiteral("keepalives_interval"),
                                                QStringLiteral("keepalives_count"),
                                                QStringLiteral("tcp_user_timeout"),
                                                QStringLiteral("gssencmode"),
                                                QStringLiteral("sslmode"),
                                                QStringLiteral("requiressl"),
                                                QStringLiteral("sslcompression"),
                                                QStringLiteral("sslcert"),
                                                QStringLiteral("sslkey"),
                                                QStringLiteral("sslpassword"),
                                                QStringLiteral("sslrootcert"),
                                                QStringLiteral("sslcrl"),
                                                QStringLiteral("sslcrldir"),
                                                QStringLiteral("sslsni"),
                                                QStringLiteral("requirepeer"),
                                                QStringLiteral("ssl_min_protocol_version"),
                                                QStringLiteral("ssl_max_protocol_version"),
                                                QStringLiteral("krbsrvname"),
                                                QStringLiteral("gsslib"),
                                                QStringLiteral("service"),
                                                QStringLiteral("target_session_attrs")};
    static const QSet<QString> sslModes = {
        QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
        QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

    QList<QPair<QString, QString>> options; // libpq keyword -> value
    auto setOption = [&options](const QString& key, const QString& value) {
        setOrderedOption(options, key, value);
    };

    const QMap<QString, QStringList> q = query();
    for (auto it = q.cbegin(); it != q.cend(); ++it) {
        const QString& key = it.key();
        const QString value = it.value().constLast();
        if (it.value().size() > 1 && (key == u"host" || key == u"port"))
            return Result<QtSqlTarget>::failure(
                tr("Several hosts in one URL (multi-host connections) are not supported."));
        if (key == u"host") {
            // The dialects hand query parameters to the DBAPI after the URL's own parts, so
            // they win; a folder is a unix socket directory, which QPSQL takes as host name.
            t.hostName = value;
        } else if (key == u"port") {
            const Result<qint64, PythonCompat::IntError> port = PythonCompat::parseInt(value);
            if (!port)
                return Result<QtSqlTarget>::failure(
                    tr("The port in the database URL is not a number."));
            auto p = checkedPort(*port);
            if (!p)
                return Result<QtSqlTarget>::failure(p.error());
            t.port = *p;
        } else if (key == u"user") {
            t.userName = value;
        } else if (key == u"password") {
            t.password = value;
        } else if (key == u"dbname" || (key == u"database" && !libpq)) {
            t.databaseName = value;
        } else if (drv == u"pg8000" && key == u"unix_sock") {
            // pg8000 takes the socket file itself: /run/postgresql/.s.PGSQL.5432
            const QFileInfo socket(value);
            t.hostName = socket.path();
            static const QRegularExpression socketName(QStringLiteral("^\\.s\\.PGSQL\\.(\\d+)$"));
            const auto sm = socketName.match(socket.fileName());
            if (sm.hasMatch()) {
                auto p = checkedPort(sm.captured(1).toLongLong());
                if (!p)
                    return Result<QtSqlTarget>::failure(p.error());
                t.port = *p;
            }
        } else if (!libpq && key == u"timeout") {
            const auto seconds = PythonCompat::parseSeconds(value, true);
            if (!seconds)
                return Result<QtSqlTarget>::failure(invalidValueError(key));
            setOption(QStringLiteral("connect_timeout"), QString::number(*seconds));
        } else if (drv == u"asyncpg" && key == u"ssl") {
            QString mode = value.toLower();
            if (const auto b = PythonCompat::asBool(value))
                mode = *b ? QStringLiteral("require") : QStringLiteral("disable");
            if (!sslModes.contains(mode))
                return Result<QtSqlTarget>::failure(invalidValueError(key));
            setOption(QStringLiteral("sslmode"), mode);
        } else if (drv == u"asyncpg" && key == u"prepared_statement_cache_size") {
            // consumed by SQLAlchemy's asyncpg dialect; nothing to do for Qt
        } else if (libpqKeywords.contains(key) &&
                   (libpq || key == u"application_name" || key == u"sslmode" ||
                    key == u"target_session_attrs")) {
            if (key == u"connect_timeout" && !PythonCompat::parseSeconds(value, false))
                return Result<QtSqlTarget>::failure(invalidValueError(key));
            setOption(key, value);
        } else {
            t.ignoredOptions.append(key);
        }
    }

    bool hasTimeout = false;
    QStringList parts;
    for (const auto& [key, value] : options) {
        if (value.contains(QLatin1Char(';')))
            return Result<QtSqlTarget>::failure(semicolonError(key, t.driver));
        hasTimeout = hasTimeout || key == u"connect_timeout";
        parts.append(key + QLatin1Char('=') + libpqQuote(value));
    }
    if (!hasTimeout)
        parts.prepend(QStringLiteral("connect_timeout=%1").arg(kDefaultConnectTimeoutSeconds));
    t.connectOptions = parts.join(QLatin1Char(';'));
    return t;
}

Result<QtSqlTarget> SqlAlchemyUrl::mapMysql() const
{
    QtSqlTarget t;
    t.driver = QStringLiteral("QMYSQL");
    t.hostName = m_host;
    t.userName = m_username;
    t.password = m_password;
    t.databaseName = m_database;
    if (m_port) {
        auto p = checkedPort(*m_port);
        if (!p)
            return Result<QtSqlTarget>::failure(p.error());
        t.port = *p;
    }

    // Query parameter -> the option of Qt 6.4's QMYSQL driver (qsql_mysql.cpp).
    static const QMap<QString, QString> pathOptions = {
        {QStringLiteral("unix_socket"), QStringLiteral("UNIX_SOCKET")},
        {QStringLiteral("ssl_ca"), QStringLiteral("SSL_CA")},
        {QStringLiteral("ssl_cert"), QStringLiteral("SSL_CERT")},
        {QStringLiteral("ssl_key"), QStringLiteral("SSL_KEY")},
        {QStringLiteral("ssl_capath"), QStringLiteral("SSL_CAPATH")},
        {QStringLiteral("ssl_cipher"), QStringLiteral("SSL_CIPHER")}};
    static const QMap<QString, QString> timeoutOptions = {
        {QStringLiteral("connect_timeout"), QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT")},
        {QStringLiteral("connection_timeout"), QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT")},
        {QStringLiteral("read_timeout"), QStringLiteral("MYSQL_OPT_READ_TIMEOUT")},
        {QStringLiteral("write_timeout"), QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT")}};

    QList<QPair<QString, QString>> options; // Qt option -> value (empty = flag)
    auto setOption = [&options](const QString& key, const QString& value) {
        setOrderedOption(options, key, value);
    };

    const QMap<QString, QStringList> q = query();
    for (auto it = q.cbegin(); it != q.cend(); ++it) {
        const QString& key = it.key();
        const QString value = it.value().constLast();
        if (pathOptions.contains(key)) {
            if (value.contains(QLatin1Char(';')))
                return Result<QtSqlTarget>::failure(semicolonError(key, t.driver));
            setOption(pathOptions.value(key), value.trimmed());
        } else if (timeoutOptions.contains(key)) {
            const auto seconds = PythonCompat::parseSeconds(value, false);
            if (!seconds)
                return Result<QtSqlTarget>::failure(invalidValueError(key));
            setOption(timeoutOptions.value(key), QString::number(*seconds));
        } else if (key == u"compress") {
            const auto b = PythonCompat::asBool(value);
            if (!b)
                return Result<QtSqlTarget>::failure(invalidValueError(key));
            if (*b)
                setOption(QStringLiteral("CLIENT_COMPRESS"), QString());
        } else if (key == u"charset") {
            // Qt's QMYSQL always talks utf8mb4 and has no option to change it; a UTF-8
            // charset is what it does anyway.
            const QString cs = value.toLower();
            if (cs != u"utf8mb4" && cs != u"utf8" && cs != u"utf8mb3")
                t.ignoredOptions.append(key);
        } else {
            t.ignoredOptions.append(key);
        }
    }

    QStringList parts;
    bool hasTimeout = false;
    for (const auto& [key, value] : options) {
        hasTimeout = hasTimeout || key == u"MYSQL_OPT_CONNECT_TIMEOUT";
        parts.append(value.isNull() ? key : key + QLatin1Char('=') + value);
    }
    if (!hasTimeout)
        parts.prepend(
            QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(kDefaultConnectTimeoutSeconds));
    t.connectOptions = parts.join(QLatin1Char(';'));
    return t;
}

} // namespace retort
