#include "model/config/connectionprofile.h"

#include "model/config/alembicconfig.h"
#include "model/config/sqlalchemyurl.h"

#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <optional>

namespace retort {

namespace {

const QString kName = QStringLiteral("name");
const QString kUrl = QStringLiteral("url");
const QString kVersionTable = QStringLiteral("versionTable");
const QString kVersionTableSchema = QStringLiteral("versionTableSchema");
const QString kEnvironment = QStringLiteral("environment");
const QString kXArguments = QStringLiteral("xArguments");
const QString kProtected = QStringLiteral("protected");
const QString kDefault = QStringLiteral("default");
const QString kScratch = QStringLiteral("scratch");
const QString kSecrets = QStringLiteral("secrets");
const QString kEnvironmentSlotPrefix = QStringLiteral("env/");

QString typeError(const QString& field, const char* expected)
{
    return ConnectionProfile::tr("The connection profile field “%1” must be %2.")
        .arg(field, ConnectionProfile::tr(expected));
}

} // namespace

ConnectionProfile::ConnectionProfile(const QString& name, const QString& url) : m_name(name)
{
    setUrl(url);
}

void ConnectionProfile::setUrl(const QString& url)
{
    const SqlAlchemyUrl::PasswordSplit split = SqlAlchemyUrl::splitPassword(url);
    m_url = split.url;
    if (!split.password.isNull())
        setPassword(split.password);
}

bool ConnectionProfile::isSecretVariable(const QString& name)
{
    static const QStringList kMarks = {QStringLiteral("PASSWORD"), QStringLiteral("PASSWD"),
                                       QStringLiteral("SECRET"), QStringLiteral("TOKEN")};
    return std::any_of(kMarks.cbegin(), kMarks.cend(), [&name](const QString& mark) {
        return name.contains(mark, Qt::CaseInsensitive);
    });
}

void ConnectionProfile::setSecret(const QString& slot, const QString& value)
{
    m_secrets.insert(slot, value);
}

QStringList ConnectionProfile::unknownSecrets() const
{
    QStringList unknown;
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
        if (it.value().isNull())
            unknown.append(it.key());
    return unknown;
}

void ConnectionProfile::setPassword(const QString& password)
{
    if (password.isEmpty())
        m_secrets.remove(QString::fromLatin1(kPasswordSlot));
    else
        m_secrets.insert(QString::fromLatin1(kPasswordSlot), password);
}

QString ConnectionProfile::environmentSlot(const QString& name)
{
    return kEnvironmentSlotPrefix + name;
}

QString ConnectionProfile::environmentName(const QString& slot)
{
    return slot.startsWith(kEnvironmentSlotPrefix) ? slot.mid(kEnvironmentSlotPrefix.size())
                                                   : QString();
}

QString ConnectionProfile::describeSlot(const QString& slot)
{
    const QString name = environmentName(slot);
    return name.isEmpty() ? tr("the password") : tr("the value of %1").arg(name);
}

QMap<QString, QString> ConnectionProfile::environment() const
{
    QMap<QString, QString> all = m_environment;
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        const QString name = environmentName(it.key());
        if (!name.isEmpty() && !it.value().isNull())
            all.insert(name, it.value());
    }
    return all;
}

void ConnectionProfile::setEnvironment(const QMap<QString, QString>& environment)
{
    for (const QString& slot : m_secrets.keys())
        if (!environmentName(slot).isEmpty())
            m_secrets.remove(slot);
    m_environment.clear();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        if (isSecretVariable(it.key()))
            m_secrets.insert(environmentSlot(it.key()), it.value());
        else
            m_environment.insert(it.key(), it.value());
    }
}

ConnectionProfile ConnectionProfile::fromConfig(const AlembicConfig& config)
{
    ConnectionProfile profile(tr("default"));
    profile.m_default = true;
    const QString table = config.mainOption(QStringLiteral("version_table")).trimmed();
    if (!table.isEmpty())
        profile.m_versionTable = table;
    profile.m_versionTableSchema =
        config.mainOption(QStringLiteral("version_table_schema")).trimmed();
    return profile;
}

QString ConnectionProfile::effectiveUrl(const AlembicConfig& config) const
{
    return usesConfigUrl() ? config.sqlalchemyUrl()
                           : SqlAlchemyUrl::withPassword(m_url.trimmed(), password());
}

QString ConnectionProfile::displayUrl(const AlembicConfig& config) const
{
    return usesConfigUrl() ? SqlAlchemyUrl::redacted(config.sqlalchemyUrl()) : displayUrl();
}

Result<SqlAlchemyUrl> ConnectionProfile::parsedUrl(const AlembicConfig& config) const
{
    const QString url = effectiveUrl(config);
    if (url.isEmpty())
        return Result<SqlAlchemyUrl>::failure(
            usesConfigUrl()
                ? tr("The connection profile “%1” has no URL and the configuration sets no "
                     "sqlalchemy.url.")
                      .arg(m_name)
                : tr("The connection profile “%1” has no URL.").arg(m_name));
    return SqlAlchemyUrl::parse(url);
}

QString ConnectionProfile::displayUrl() const
{
    if (usesConfigUrl())
        return {};
    // "***" where a password is, known or not: never the password itself
    return SqlAlchemyUrl::redacted(SqlAlchemyUrl::withPassword(
        m_url.trimmed(), hasPassword() ? QStringLiteral("***") : QString()));
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonObject o;
    o.insert(kName, m_name);
    o.insert(kUrl, m_url);
    o.insert(kVersionTable, m_versionTable);
    o.insert(kVersionTableSchema, m_versionTableSchema);
    QJsonObject env;
    for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
        env.insert(it.key(), it.value());
    o.insert(kEnvironment, env);
    o.insert(kSecrets, QJsonArray::fromStringList(secretSlots()));
    o.insert(kXArguments, QJsonArray::fromStringList(m_xArguments));
    o.insert(kProtected, m_protected);
    o.insert(kScratch, m_scratch);
    o.insert(kDefault, m_default);
    return o;
}

Result<ConnectionProfile> ConnectionProfile::fromJson(const QJsonObject& o)
{
    using R = Result<ConnectionProfile>;
    ConnectionProfile p;

    const QJsonValue name = o.value(kName);
    if (name.isUndefined() || name.isNull())
        return R::failure(tr("A connection profile has no name."));
    if (!name.isString())
        return R::failure(typeError(kName, QT_TRANSLATE_NOOP("ConnectionProfile", "a string")));
    p.m_name = name.toString().trimmed();
    if (p.m_name.isEmpty())
        return R::failure(tr("A connection profile has an empty name."));

    auto optionalString = [&o](const QString& key, QString* out) -> bool {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    };
    QString url;
    if (!optionalString(kUrl, &url))
        return R::failure(typeError(kUrl, QT_TRANSLATE_NOOP("ConnectionProfile", "a string")));
    p.setUrl(url); // an earlier version's password moves to the secrets, value known
    if (!optionalString(kVersionTable, &p.m_versionTable))
        return R::failure(
            typeError(kVersionTable, QT_TRANSLATE_NOOP("ConnectionProfile", "a string")));
    p.m_versionTable = p.m_versionTable.trimmed();
    if (p.m_versionTable.isEmpty())
        return R::failure(
            tr("The connection profile “%1” has an empty version table name.").arg(p.m_name));
    if (!optionalString(kVersionTableSchema, &p.m_versionTableSchema))
        return R::failure(
            typeError(kVersionTableSchema, QT_TRANSLATE_NOOP("ConnectionProfile", "a string")));
    p.m_versionTableSchema = p.m_versionTableSchema.trimmed();

    const QJsonValue env = o.value(kEnvironment);
    if (!env.isUndefined() && !env.isNull()) {
        if (!env.isObject())
            return R::failure(typeError(
                kEnvironment, QT_TRANSLATE_NOOP("ConnectionProfile", "an object of strings")));
        const QJsonObject envObject = env.toObject();
        for (auto it = envObject.constBegin(); it != envObject.constEnd(); ++it) {
            if (!it.value().isString())
                return R::failure(typeError(
                    kEnvironment, QT_TRANSLATE_NOOP("ConnectionProfile", "an object of strings")));
            const QString key = it.key();
            if (key.isEmpty() || key.contains(QLatin1Char('=')) || key.contains(QChar(0)))
                return R::failure(tr("“%1” is not a valid environment variable name.").arg(key));
            if (isSecretVariable(key))
                p.m_secrets.insert(environmentSlot(key), it.value().toString());
            else
                p.m_environment.insert(key, it.value().toString());
        }
    }

    const QJsonValue secrets = o.value(kSecrets);
    if (!secrets.isUndefined() && !secrets.isNull()) {
        if (!secrets.isArray())
            return R::failure(typeError(
                kSecrets, QT_TRANSLATE_NOOP("ConnectionProfile", "an array of strings")));
        const QJsonArray array = secrets.toArray();
        for (const QJsonValue v : array) {
            const QString slot = v.toString();
            if (!v.isString() ||
                (slot != QLatin1String(kPasswordSlot) && environmentName(slot).isEmpty()))
                return R::failure(typeError(
                    kSecrets, QT_TRANSLATE_NOOP("ConnectionProfile", "a list of secret names")));
            if (!p.m_secrets.contains(slot))
                p.m_secrets.insert(slot, QString()); // kept elsewhere: not known yet
        }
    }

    const QJsonValue xArgs = o.value(kXArguments);
    if (!xArgs.isUndefined() && !xArgs.isNull()) {
        if (!xArgs.isArray())
            return R::failure(typeError(
                kXArguments, QT_TRANSLATE_NOOP("ConnectionProfile", "an array of strings")));
        const QJsonArray array = xArgs.toArray();
        for (const QJsonValue v : array) {
            if (!v.isString())
                return R::failure(typeError(
                    kXArguments, QT_TRANSLATE_NOOP("ConnectionProfile", "an array of strings")));
            p.m_xArguments.append(v.toString());
        }
    }

    // the flag `key` sets, `absent` when it is missing; none when it is no boolean
    auto optionalBool = [&o](const QString& key, bool absent) -> std::optional<bool> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return absent;
        if (!v.isBool())
            return std::nullopt;
        return v.toBool();
    };
    const std::optional<bool> isProtected = optionalBool(kProtected, p.m_protected);
    if (!isProtected)
        return R::failure(
            typeError(kProtected, QT_TRANSLATE_NOOP("ConnectionProfile", "true or false")));
    p.m_protected = *isProtected;
    const std::optional<bool> isDefault = optionalBool(kDefault, p.m_default);
    if (!isDefault)
        return R::failure(
            typeError(kDefault, QT_TRANSLATE_NOOP("ConnectionProfile", "true or false")));
    p.m_default = *isDefault;
    const std::optional<bool> isScratch = optionalBool(kScratch, p.m_scratch);
    if (!isScratch)
        return R::failure(
            typeError(kScratch, QT_TRANSLATE_NOOP("ConnectionProfile", "true or false")));
    p.m_scratch = *isScratch;
    if (p.m_scratch) {
        if (const QString why = p.scratchRefusal(); !why.isEmpty())
            return R::failure(tr("The connection profile “%1” is marked scratch: %2").arg(p.m_name, why));
    }
    return p;
}

QString ConnectionProfile::scratchRefusal() const
{
    if (m_protected)
        return tr("a protected profile cannot be a scratch database.");
    if (m_default || usesConfigUrl())
        return tr("a scratch profile needs a URL of its own; the ini's sqlalchemy.url is the "
                  "project's own database.");
    return {};
}

QJsonArray ConnectionProfile::toJson(const QList<ConnectionProfile>& profiles)
{
    QJsonArray array;
    for (const ConnectionProfile& profile : profiles)
        array.append(profile.toJson());
    return array;
}

Result<QList<ConnectionProfile>> ConnectionProfile::listFromJson(const QJsonArray& array)
{
    using R = Result<QList<ConnectionProfile>>;
    QList<ConnectionProfile> profiles;
    QSet<QString> names;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array.at(i);
        if (!v.isObject())
            return R::failure(tr("Connection profile %1 is not a JSON object.").arg(i + 1));
        auto profile = fromJson(v.toObject());
        if (!profile)
            return R::failure(tr("Connection profile %1: %2").arg(i + 1).arg(profile.error()));
        if (names.contains(profile->name()))
            return R::failure(tr("Two connection profiles are named “%1”.").arg(profile->name()));
        names.insert(profile->name());
        profiles.append(std::move(profile).value());
    }
    return profiles;
}

} // namespace retort
