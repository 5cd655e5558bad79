#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// Where and how Qt SQL connects for a SQLAlchemy URL: the values to put on a QSqlDatabase.
struct QtSqlTarget
{
    QString driver;       // QSQLITE, QPSQL or QMYSQL
    QString hostName;     // for QPSQL also a unix socket folder
    int port = -1;        // -1: the driver's default
    QString databaseName; // for QSQLITE an absolute path or ":memory:"
    QString userName;
    QString password;
    QString connectOptions; // QSqlDatabase::setConnectOptions() text
    // Query parameters of the URL that Qt's driver has no equivalent for; the caller
    // should tell the person they were not applied (names only, values may be secret).
    QStringList ignoredOptions;
};

// A SQLAlchemy database URL, parsed exactly as SQLAlchemy 1.4's make_url() does
// (sqlalchemy/engine/url.py `_parse_url`):
//     dialect[+driver]://[user[:password]@][host | [ipv6]][:port][/database][?query]
// Only the user name and password are percent-decoded (1.4 leaves host and database as
// written); query keys and values are decoded like urllib's parse_qsl ('+' is a space,
// parameters with an empty value are dropped, a repeated key gives several values).
//
// Passwords never appear in error messages or in toDisplayString().
class SqlAlchemyUrl
{
    Q_DECLARE_TR_FUNCTIONS(SqlAlchemyUrl)

public:
    static Result<SqlAlchemyUrl> parse(const QString& url);

    QString drivername() const { return m_drivername; } // "postgresql+psycopg2"
    QString dialect() const;                            // "postgresql"
    QString driver() const;                             // "psycopg2", empty when not given

    // Absent parts are null QStrings (isNull()), present but empty parts are empty ones,
    // mirroring SQLAlchemy's None vs "".
    QString username() const { return m_username; }
    QString password() const { return m_password; }
    bool hasPassword() const { return !m_password.isNull(); }
    QString host() const { return m_host; } // without the brackets of an IPv6 address
    std::optional<int> port() const { return m_port; }
    QString database() const { return m_database; }

    // Query parameters: key -> values in the order given (one value unless repeated).
    QMap<QString, QStringList> query() const;
    // The decoded (key, value) pairs in URL order.
    QList<QPair<QString, QString>> queryItems() const { return m_queryItems; }
    bool hasQueryKey(const QString& key) const;
    // The last value given for `key`, `fallback` when absent.
    QString queryValue(const QString& key, const QString& fallback = {}) const;

    // The URL as SQLAlchemy's render_as_string(hide_password=True) writes it: the password
    // is "***". Query values of password-like keys (password, passwd, pwd, ...) are masked too.
    QString toDisplayString() const;

    // Best effort for text that may not parse: the display string if it parses, otherwise
    // the text with everything between "://" and the last '@' masked.
    static QString redacted(const QString& url);

    // The URL's text with the password of its user part taken out ("user:pw@host" becomes
    // "user@host"), and that password decoded (null when there is none). Text that does not
    // parse comes back unchanged, with no password. Everything else keeps its spelling.
    struct PasswordSplit
    {
        QString url;
        QString password;
    };
    static PasswordSplit splitPassword(const QString& url);
    // The URL with `password` as its user's password (encoded so that parse() gives it back
    // exactly), replacing one already there; a URL without a user part gets an empty user
    // name. Unchanged when `password` is null or the text does not parse.
    static QString withPassword(const QString& url, const QString& password);
    // The names of query parameters that hold secrets (password=, token=, ...): those
    // toDisplayString() masks.
    QStringList secretQueryKeys() const;

    // The Qt SQL connection for this URL, including a check that Qt's driver plugin is
    // installed. `baseDir` resolves relative SQLite paths (alembic resolves them against
    // its working directory; Retort runs alembic in the ini's folder); empty = current dir.
    Result<QtSqlTarget> toQtSql(const QString& baseDir = {}) const;
    // The same mapping without the plugin check.
    Result<QtSqlTarget> mapToQtSql(const QString& baseDir = {}) const;

    static bool driverAvailable(const QString& qtDriver);
    // The Debian package that ships a Qt SQL driver plugin ("libqt6sql6-psql" for QPSQL).
    static QString driverPackage(const QString& qtDriver);
    // "Qt's QPSQL driver plugin is not installed (Debian package libqt6sql6-psql)...".
    static QString missingDriverMessage(const QString& qtDriver);

    // Seconds Retort waits for a server unless the URL says otherwise.
    static constexpr int kDefaultConnectTimeoutSeconds = 5;

private:
    Result<QtSqlTarget> mapSqlite(const QString& baseDir) const;
    Result<QtSqlTarget> mapPostgres() const;
    Result<QtSqlTarget> mapMysql() const;

    QString m_drivername;
    QString m_username;
    QString m_password;
    QString m_host;
    std::optional<int> m_port;
    QString m_database;
    QList<QPair<QString, QString>> m_queryItems;
};

} // namespace retort
