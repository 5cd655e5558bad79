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
// URLs are kept as the person typed them, passwords included (it is their own
// configuration); show them with displayUrl(), never url(), in logs and diagnostics.
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

    // Empty: use the ini's sqlalchemy.url.
    QString url() const { return m_url; }
    void setUrl(const QString& url) { m_url = url; }
    bool usesConfigUrl() const { return m_url.trimmed().isEmpty(); }

    // url() when set, otherwise the ini's sqlalchemy.url.
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

    // Environment variables set for alembic's process (e.g. DATABASE_URL read by env.py).
    QMap<QString, QString> environment() const { return m_environment; }
    void setEnvironment(const QMap<QString, QString>& environment) { m_environment = environment; }

    // Values for alembic's `-x` options, in order ("key=value" by convention).
    QStringList xArguments() const { return m_xArguments; }
    void setXArguments(const QStringList& arguments) { m_xArguments = arguments; }

    // Production-like: the application asks for stronger confirmation before changing it.
    bool isProtected() const { return m_protected; }
    void setProtected(bool isProtected) { m_protected = isProtected; }

    // The ini's own profile (made by fromConfig); it follows the ini instead of being edited.
    bool isDefault() const { return m_default; }
    void setDefault(bool isDefault) { m_default = isDefault; }

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
    QMap<QString, QString> m_environment;
    QStringList m_xArguments;
    bool m_protected = false;
    bool m_default = false;
};

} // namespace retort
