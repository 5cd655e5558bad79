#pragma once

#include "model/common/result.h"
#include "model/config/sqlalchemyurl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace retort {

class AlembicConfig;

// One way to reach a database for a project: a URL (or the ini's own sqlalchemy.url), where
// the version table lives, and what alembic is given when it runs against it. A plain value;
// the application persists lists of them per project through toJson()/listFromJson().
//
// Secrets are kept apart: the password of the URL's user and the values of environment
// variables whose names look secret (isSecretVariable). toJson() writes their slot names
// only ("password", "env/NAME"); the application keeps the values in the system keychain,
// or in memory for the session where there is none, and puts them back with setSecret().
// url() never holds a password; effectiveUrl() and environment() carry the secrets known.
// Show URLs with displayUrl(), never effectiveUrl(), in logs and diagnostics.
class ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    static constexpr const char* kDefaultVersionTable = "alembic_version";

    ConnectionProfile() = default;
    explicit ConnectionProfile(const QString& name, const QString& url = {});

    // The profile the ini describes by itself: name "default", the ini's sqlalchemy.url
    // (through an empty url()), and version_table / version_table_schema main options when
    // the ini has them.
    static ConnectionProfile fromConfig(const AlembicConfig& config);

    QString name() const { return m_name; }
    void setName(const QString& name) { m_name = name; }

    // Empty: use the ini's sqlalchemy.url. Never holds a password: setUrl() moves one
    // given in the URL into the "password" secret.
    QString url() const { return m_url; }
    void setUrl(const QString& url);
    bool usesConfigUrl() const { return m_url.trimmed().isEmpty(); }

    // ---- secrets
    static constexpr const char* kPasswordSlot = "password";
    // "PGPASSWORD", "API_TOKEN", "client_secret": names containing PASSWORD, PASSWD, SECRET
    // or TOKEN, in any case.
    static bool isSecretVariable(const QString& name);
    // The secret slots of this profile: "password" when its URL has one, "env/NAME" for
    // each secret environment variable. Sorted.
    QStringList secretSlots() const { return m_secrets.keys(); }
    bool hasSecrets() const { return !m_secrets.isEmpty(); }
    // A slot's value; null while not known (listed by the saved profile, not yet fetched).
    QString secret(const QString& slot) const { return m_secrets.value(slot); }
    void setSecret(const QString& slot, const QString& value);
    // Slots whose value is not known.
    QStringList unknownSecrets() const;
    // The password of the URL's user; null when there is none or it is not known. Setting an
    // empty or null one removes the slot.
    QString password() const { return secret(QString::fromLatin1(kPasswordSlot)); }
    void setPassword(const QString& password);
    bool hasPassword() const { return m_secrets.contains(QString::fromLatin1(kPasswordSlot)); }
    // A slot's name for a secret environment variable, and back (empty when not one).
    static QString environmentSlot(const QString& name);
    static QString environmentName(const QString& slot);
    // For the person: "the password", "the value of PGPASSWORD".
    static QString describeSlot(const QString& slot);

    // url() with the password put in when set, otherwise the ini's sqlalchemy.url.
    QString effectiveUrl(const AlembicConfig& config) const;
    // effectiveUrl() parsed; fails when there is no URL at all or it does not parse.
    Result<SqlAlchemyUrl> parsedUrl(const AlembicConfig& config) const;
    // effectiveUrl() with the password hidden (SqlAlchemyUrl::redacted).
    QString displayUrl(const AlembicConfig& config) const;
    // The stored url() with its password hidden; empty when the ini's URL is used.
    QString displayUrl() const;

    QString versionTable() const { return m_versionTable; }
    void setVersionTable(const QString& table) { m_versionTable = table; }
    QString versionTableSchema() const { return m_versionTableSchema; } // empty: default schema
    void setVersionTableSchema(const QString& schema) { m_versionTableSchema = schema; }

    // Environment variables set for alembic's process (e.g. DATABASE_URL read by env.py),
    // secret ones included with the values known.
    QMap<QString, QString> environment() const;
    // Secret variables become secrets (their slots replace the previous secret variables').
    void setEnvironment(const QMap<QString, QString>& environment);

    // Values for alembic's `-x` options, in order ("key=value" by convention).
    QStringList xArguments() const { return m_xArguments; }
    void setXArguments(const QStringList& arguments) { m_xArguments = arguments; }

    // Production-like: the application asks for stronger confirmation before changing it.
    bool isProtected() const { return m_protected; }
    void setProtected(bool isProtected) { m_protected = isProtected; }

    // A throwaway database the person offers for destructive checks (the stairway upgrades and
    // downgrades every revision on it). Saved as "scratch". A protected profile cannot be
    // scratch (fromJson refuses both), and neither can one that uses the ini's own URL: that
    // is the project's own database (canBeScratch says why not).
    bool isScratch() const { return m_scratch; }
    void setScratch(bool isScratch) { m_scratch = isScratch; }
    // Empty when this profile may be marked scratch, otherwise why not.
    QString scratchRefusal() const;

    // The ini's own profile (made by fromConfig); it follows the ini instead of being edited.
    bool isDefault() const { return m_default; }
    void setDefault(bool isDefault) { m_default = isDefault; }

    // Without secret values: their slot names go under "secrets". Profiles written by
    // earlier versions kept passwords in "url" and "environment": fromJson() moves them to
    // secrets with their values known, so the caller can save them elsewhere and write the
    // profile again.
    QJsonObject toJson() const;
    static Result<ConnectionProfile> fromJson(const QJsonObject& object);

    static QJsonArray toJson(const QList<ConnectionProfile>& profiles);
    // Fails on the first invalid entry, or when two profiles share a name.
    static Result<QList<ConnectionProfile>> listFromJson(const QJsonArray& array);

    friend bool operator==(const ConnectionProfile& a, const ConnectionProfile& b) = default;

private:
    QString m_name;
    QString m_url;
    QString m_versionTable = QString::fromLatin1(kDefaultVersionTable);
    QString m_versionTableSchema;
    QMap<QString, QString> m_environment; // the variables that are not secret
    QMap<QString, QString> m_secrets;     // slot -> value (null: not known)
    QStringList m_xArguments;
    bool m_protected = false;
    bool m_scratch = false;
    bool m_default = false;
};

} // namespace retort
