#include "model/config/sqlalchemyurl.h"

#include "model/config/pythoncompat.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace retort {

namespace {

bool isSecretKey(const QString& key)
{
    static const QSet<QString> secret = {
        QStringLiteral("password"), QStringLiteral("passwd"),      QStringLiteral("pwd"),
        QStringLiteral("pass"),     QStringLiteral("sslpassword"), QStringLiteral("secret"),
        QStringLiteral("token"),    QStringLiteral("access_token")};
    return secret.contains(key.toLower());
}

} // namespace

// ---- parsing --------------------------------------------------------------------------

namespace {

// sqlalchemy/engine/url.py _parse_url(), with Python's str \w spelled out and '.' (which does
// not match '\n' in Python) as [^\n]. Anchored at the start only, like re.match().
QRegularExpressionMatch matchUrl(const QString& url)
{
    static const QRegularExpression pattern(QStringLiteral(
        "\\A(?<name>[\\p{L}\\p{N}_+]+)://"
        "(?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?"
        "(?:(?:\\[(?<ipv6host>[^/?]+)\\]|(?<ipv4host>[^/:?]+))?(?::(?<port>[^/?]*))?)?"
        "(?:/(?<database>[^?]*))?"
        "(?:\\?(?<query>[^\\n]*))?"));
    return pattern.match(url);
}

} // namespace

Result<SqlAlchemyUrl> SqlAlchemyUrl::parse(const QString& url)
{
    const QRegularExpressionMatch m = matchUrl(url);
    if (!m.hasMatch()) {
        if (url.trimmed().isEmpty())
            return Result<SqlAlchemyUrl>::failure(tr("The database URL is empty."));
        return Result<SqlAlchemyUrl>::failure(
            tr("This is not a SQLAlchemy database URL; expected "
               "dialect[+driver]://[user[:password]@][host][:port][/database]."));
    }

    auto group = [&m](const QString& name) -> QString {
        if (m.capturedStart(name) < 0)
            return QString(); // did not participate: None
        QString s = m.captured(name);
        if (s.isNull())
            s = QLatin1String(""); // participated, empty: ""
        return s;
    };

    SqlAlchemyUrl u;
    u.m_drivername = m.captured(u"name");
    const QString username = group(QStringLiteral("username"));
    if (!username.isNull())
        u.m_username = PythonCompat::unquote(username);
    const QString password = group(QStringLiteral("password"));
    if (!password.isNull()) {
        u.m_password = PythonCompat::unquote(password);
        if (u.m_password.isNull())
            u.m_password = QLatin1String("");
    }
    if (!username.isNull() && u.m_username.isNull())
        u.m_username = QLatin1String("");
    const QString ipv4 = group(QStringLiteral("ipv4host"));
    const QString ipv6 = group(QStringLiteral("ipv6host"));
    u.m_host = !ipv4.isEmpty() ? ipv4 : ipv6;

    const QString port = group(QStringLiteral("port"));
    if (!port.isNull()) {
        // An empty port reaches int("") in URL.create: a ValueError, as for any non-number.
        const Result<qint64, PythonCompat::IntError> parsed = PythonCompat::parseInt(port);
        if (!parsed) {
            return Result<SqlAlchemyUrl>::failure(
                parsed.error() == PythonCompat::IntError::Invalid
                    ? tr("The port in the database URL is not a number.")
                    : tr("The port in the database URL is out of range."));
        }
        const qint64 value = *parsed;
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
            return Result<SqlAlchemyUrl>::failure(
                tr("The port in the database URL is out of range."));
        u.m_port = int(value);
    }
    u.m_database = group(QStringLiteral("database"));
    const QString query = group(QStringLiteral("query"));
    if (!query.isNull())
        u.m_queryItems = PythonCompat::parseQsl(query);
    return u;
}

QString SqlAlchemyUrl::dialect() const
{
    return m_drivername.section(QLatin1Char('+'), 0, 0);
}

QString SqlAlchemyUrl::driver() const
{
    if (!m_drivername.contains(QLatin1Char('+')))
        return {};
    return m_drivername.section(QLatin1Char('+'), 1, 1);
}

QMap<QString, QStringList> SqlAlchemyUrl::query() const
{
    QMap<QString, QStringList> map;
    for (const auto& [key, value] : m_queryItems)
        map[key].append(value);
    return map;
}

bool SqlAlchemyUrl::hasQueryKey(const QString& key) const
{
    return std::any_of(m_queryItems.cbegin(), m_queryItems.cend(),
                       [&key](const auto& item) { return item.first == key; });
}

QString SqlAlchemyUrl::queryValue(const QString& key, const QString& fallback) const
{
    // NOLINTNEXTLINE(modernize-loop-convert): reverse_view trips clang on libstdc++ 12
    for (auto it = m_queryItems.crbegin(); it != m_queryItems.crend(); ++it) {
        if (it->first == key)
            return it->second;
    }
    return fallback;
}

QString SqlAlchemyUrl::toDisplayString() const
{
    QString s = m_drivername + QStringLiteral("://");
    if (!m_username.isNull()) {
        s += PythonCompat::sqlaQuote(m_username);
        if (!m_password.isNull())
            s += QStringLiteral(":***");
        s += QLatin1Char('@');
    }
    if (!m_host.isNull()) {
        if (m_host.contains(QLatin1Char(':')))
            s += QLatin1Char('[') + m_host + QLatin1Char(']');
        else
            s += m_host;
    }
    if (m_port)
        s += QLatin1Char(':') + QString::number(*m_port);
    if (!m_database.isNull())
        s += QLatin1Char('/') + m_database;
    if (!m_queryItems.isEmpty()) {
        const QMap<QString, QStringList> q = query();
        QStringList keys = q.keys();
        std::sort(keys.begin(), keys.end(), PythonCompat::lessByCodePoint);
        QStringList parts;
        for (const QString& key : keys) {
            const bool secret = isSecretKey(key);
            for (const QString& value : q.value(key))
                parts.append(PythonCompat::quotePlus(key) + QLatin1Char('=') +
                             (secret ? QStringLiteral("***") : PythonCompat::quotePlus(value)));
        }
        s += QLatin1Char('?') + parts.join(QLatin1Char('&'));
    }
    return s;
}

QString SqlAlchemyUrl::redacted(const QString& url)
{
    const auto parsed = parse(url);
    if (parsed)
        return parsed->toDisplayString();
    const qsizetype scheme = url.indexOf(QStringLiteral("://"));
    if (scheme < 0)
        return QStringLiteral("***");
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'));
    if (at <= scheme)
        return url.left(scheme + 3) + QStringLiteral("***");
    return url.left(scheme + 3) + QStringLiteral("***") + url.mid(at);
}

SqlAlchemyUrl::PasswordSplit SqlAlchemyUrl::splitPassword(const QString& url)
{
    const auto parsed = parse(url);
    if (!parsed || !parsed->hasPassword())
        return {url, QString()};
    const QRegularExpressionMatch m = matchUrl(url);
    // the ':' before the password goes with it
    const qsizetype start = m.capturedStart(u"password") - 1;
    QString rest = url;
    rest.remove(start, m.capturedEnd(u"password") - start);
    return {rest, parsed->password()};
}

QString SqlAlchemyUrl::withPassword(const QString& url, const QString& password)
{
    if (password.isNull() || !parse(url))
        return url;
    const PasswordSplit split = splitPassword(url);
    QString encoded = password;
    encoded.replace(QLatin1Char('%'), QStringLiteral("%25")); // unquote() must give it back
    encoded = QLatin1Char(':') + PythonCompat::sqlaQuote(encoded);
    const QRegularExpressionMatch m = matchUrl(split.url);
    if (m.capturedStart(u"username") >= 0) {
        QString out = split.url;
        return out.insert(m.capturedEnd(u"username"), encoded);
    }
    QString out = split.url;
    return out.insert(m.capturedEnd(u"name") + 3, encoded + QLatin1Char('@'));
}

QStringList SqlAlchemyUrl::secretQueryKeys() const
{
    QStringList keys;
    for (const auto& [key, value] : m_queryItems)
        if (isSecretKey(key) && !keys.contains(key))
            keys.append(key);
    return keys;
}

} // namespace retort
