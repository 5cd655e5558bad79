#include "model/config/alembicconfig.h"

#include "model/common/logging.h"
#include "model/config/inifile.h"
#include "model/config/tomlfile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <optional>

namespace retort {

namespace {

const QString kScriptLocation = QStringLiteral("script_location");
const QString kVersionLocations = QStringLiteral("version_locations");
const QString kRecursive = QStringLiteral("recursive_version_locations");
const QString kPrependSysPath = QStringLiteral("prepend_sys_path");
const QString kPathSeparator = QStringLiteral("path_separator");
const QString kVersionPathSeparator = QStringLiteral("version_path_separator");

// What the configuration files say, before the source options are worked out. Alembic
// (>= 1.16, Config.get_alembic_option) looks in the ini's main section first and in
// pyproject.toml's [tool.alembic] second; separators are only ever read from the ini.
struct Sources
{
    QString here;
    QString section;

    bool hasIni = false;
    QString iniPath;             // empty for fromIniText
    QHash<QString, QString> ini; // interpolated main section, DEFAULT included, lower-case keys

    bool hasToml = false;
    QString tomlPath;
    QVariantMap toml; // [tool.alembic]

    // alembic >= 1.16: path_separator and pyproject.toml (AlembicRules::readsPyprojectToml)
    bool newConfig = true;
};

struct Resolved
{
    QHash<QString, QString> options;
    QString scriptLocation;
    QStringList versionLocations;
    bool recursive = false;
};

QString iniName(const Sources& src)
{
    return src.iniPath.isEmpty() ? AlembicConfig::tr("the ini text") : src.iniPath;
}

// Python's `value % {"here": here}` as alembic applies it to pyproject.toml strings:
// `%(here)s` and `%%`; anything else is an error rather than a guess.
Result<QString> tomlInterpolate(const QString& value, const QString& key, const Sources& src)
{
    QString out;
    qsizetype i = 0;
    while (i < value.size()) {
        const qsizetype p = value.indexOf(u'%', i);
        if (p < 0) {
            out += QStringView(value).mid(i);
            break;
        }
        out += QStringView(value).mid(i, p - i);
        const QChar next = p + 1 < value.size() ? value[p + 1] : QChar();
        if (next == u'%') {
            out += u'%';
            i = p + 2;
            continue;
        }
        if (next == u'(') {
            const qsizetype close = value.indexOf(u')', p + 2);
            if (close > 0 && close + 1 < value.size() && value[close + 1] == u's') {
                const QString name = value.mid(p + 2, close - p - 2);
                if (name == u"here") {
                    out += src.here;
                    i = close + 2;
                    continue;
                }
                return Result<QString>::failure(
                    AlembicConfig::tr(
                        "%1: '%2' in [tool.alembic] refers to '%(%3)s'; only %(here)s is known "
                        "(write %% for a literal percent sign)")
                        .arg(src.tomlPath, key, name));
            }
        }
        return Result<QString>::failure(
            AlembicConfig::tr("%1: '%2' in [tool.alembic] has a '%' that is not %(here)s or %% "
                              "(write %% for a literal percent sign)")
                .arg(src.tomlPath, key));
    }
    return out;
}

// A TOML value as a main-option string, when it has a sensible one.
std::optional<QString> tomlOptionText(const QString& key, const QVariant& value, const Sources& src)
{
    const auto text = [&](const QString& s) {
        Result<QString> r = tomlInterpolate(s, key, src);
        if (r)
            return r.value();
        // Source options fail the load later; other keys are kept as written, since alembic
        // only interpolates them when something asks for them.
        if (key != kScriptLocation && key != kVersionLocations && key != kPrependSysPath)
            qCWarning(lcConfig).noquote() << r.error();
        return s;
    };
    switch (value.typeId()) {
    case QMetaType::QString:
        return text(value.toString());
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::LongLong:
    case QMetaType::Double:
        return value.toString();
    case QMetaType::QVariantList: {
        QStringList parts;
        for (const QVariant& item : value.toList()) {
            if (item.typeId() != QMetaType::QString)
                return std::nullopt;
            parts.append(text(item.toString()));
        }
        return parts.join(u'\n');
    }
    default:
        return std::nullopt;
    }
}

// path_separator (alembic >= 1.16) or version_path_separator, whichever comes first in
// `names` and is present in the ini's main section. std::nullopt = legacy splitting.
Result<std::optional<QString>> separator(const Sources& src, const QStringList& names)
{
    using R = Result<std::optional<QString>>;
    for (const QString& name : names) {
        const auto it = src.ini.constFind(name);
        if (it == src.ini.cend())
            continue;
        const QString& v = *it;
        if (v == u"space")
            return R(QStringLiteral(" "));
        if (v == u"newline")
            return R(QStringLiteral("\n"));
        if (v == u"os")
            return R(QString(QDir::listSeparator()));
        if (v == u":" || v == u";")
            return R(v);
        return R::failure(
            AlembicConfig::tr("%1: '%2' is not a valid value for %3 in section [%4]; expected "
                              "'space', 'newline', 'os', ':' or ';'")
                .arg(iniName(src), v, name, src.section));
    }
    return R(std::nullopt);
}

// Splits a list-valued option the way alembic does: on the separator character (entries
// stripped), or, without one, on the legacy regular expression. Empty entries are dropped.
QStringList splitList(const QString& value, const std::optional<QString>& sep, bool legacyColon)
{
    QStringList parts;
    if (sep) {
        for (const QString& part : value.split(*sep))
            parts.append(part.trimmed());
    } else {
        static const QRegularExpression spaceComma(QStringLiteral(", *|(?: +)"));
        static const QRegularExpression spaceCommaColon(QStringLiteral(", *|(?: +)|:"));
        parts = value.split(legacyColon ? spaceCommaColon : spaceComma);
    }
    parts.removeAll(QString());
    return parts;
}

bool isWindowsDrivePath(const QString& path)
{
    return path.size() >= 3 && path[0].isLetter() && path[0].unicode() < 0x80 && path[1] == u':' &&
           (path[2] == u'\\' || path[2] == u'/');
}

bool isAbsolutePath(const QString& path)
{
    // Not QDir::isAbsolutePath(): it takes ":name" for a Qt resource path.
    return path.startsWith(u'/') || path.startsWith(QStringLiteral("\\\\")) ||
           isWindowsDrivePath(path);
}

// `value` from script_location or version_locations as an absolute folder. Relative paths
// are resolved against `here` (the config file's folder), NOT the current directory as
// alembic does: Retort opens projects from anywhere, and alembic is run from that folder.
// "package:dir" (a non-absolute value with a colon, as alembic's
// coerce_resource_to_filename() sees it) is looked up as a package folder in the
// prepend_sys_path entries, then in `here` and its parents.
Result<QString> resolvePath(const QString& value, const QString& key, const QStringList& sysPath,
                            const Sources& src)
{
    if (isWindowsDrivePath(value))
        return QDir::cleanPath(QString(value).replace(u'\\', u'/'));
    if (isAbsolutePath(value))
        return QDir::cleanPath(value);
    if (!value.contains(u':'))
        return QDir::cleanPath(src.here + u'/' + value);

    const QStringList tokens = value.split(u':');
    const QString& package = tokens.first();
    static const QRegularExpression identifier(
        QStringLiteral("^[^\\W\\d]\\w*(?:\\.[^\\W\\d]\\w*)*$"),
        QRegularExpression::UseUnicodePropertiesOption);
    if (!identifier.match(package).hasMatch()) {
        return Result<QString>::failure(
            AlembicConfig::tr("Cannot resolve %1 '%2': '%3' is not a Python package name")
                .arg(key, value, package));
    }
    const QString packageDir = QString(package).replace(u'.', u'/');
    const QString rest = tokens.mid(1).join(u'/');

    QStringList roots;
    for (const QString& entry : sysPath)
        roots.append(isAbsolutePath(entry) ? QDir::cleanPath(entry)
                                           : QDir::cleanPath(src.here + u'/' + entry));
    QDir dir(src.here);
    for (;;) {
        roots.append(dir.absolutePath());
        if (!dir.cdUp())
            break;
    }
    for (const QString& root : std::as_const(roots)) {
        const QString candidate = root + u'/' + packageDir;
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(rest.isEmpty() ? candidate : candidate + u'/' + rest);
    }
    return Result<QString>::failure(
        AlembicConfig::tr(
            "Cannot resolve %1 '%2': no folder for the Python package '%3' was found in "
            "prepend_sys_path, in %4 or in its parent folders")
            .arg(key, value, package, src.here));
}

// A [tool.alembic] list-or-string value as strings, %(here)s applied.
Result<QStringList> tomlStrings(const QString& key, const QVariant& value, const Sources& src,
                                const std::optional<QString>& sep, bool legacyColon)
{
    using R = Result<QStringList>;
    if (value.typeId() == QMetaType::QString) {
        Result<QString> s = tomlInterpolate(value.toString(), key, src);
        if (!s)
            return R::failure(s.error());
        return R(splitList(s.value(), sep, legacyColon));
    }
    if (value.typeId() != QMetaType::QVariantList) {
        return R::failure(AlembicConfig::tr("%1: '%2' in [tool.alembic] must be a list of strings")
                              .arg(src.tomlPath, key));
    }
    QStringList out;
    for (const QVariant& item : value.toList()) {
        if (item.typeId() != QMetaType::QString) {
            return R::failure(
                AlembicConfig::tr("%1: '%2' in [tool.alembic] must be a list of strings")
                    .arg(src.tomlPath, key));
        }
        Result<QString> s = tomlInterpolate(item.toString(), key, src);
        if (!s)
            return R::failure(s.error());
        if (!s.value().trimmed().isEmpty())
            out.append(s.value());
    }
    return R(out);
}

Result<Resolved> resolve(const Sources& src)
{
    using R = Result<Resolved>;
    Resolved r;

    // Main options: the ini's main section wins over [tool.alembic] (get_alembic_option).
    if (src.hasToml) {
        for (auto it = src.toml.cbegin(); it != src.toml.cend(); ++it) {
            if (const std::optional<QString> text = tomlOptionText(it.key(), it.value(), src))
                r.options.insert(it.key(), *text);
        }
    }
    if (src.hasIni) {
        for (auto it = src.ini.cbegin(); it != src.ini.cend(); ++it)
            r.options.insert(it.key(), it.value());
    }

    // prepend_sys_path: only needed to find "package:dir" locations.
    QStringList sysPath;
    if (src.hasIni && !src.ini.value(kPrependSysPath).isEmpty()) {
        const auto sep = separator(src, src.newConfig ? QStringList{kPathSeparator} : QStringList());
        if (!sep)
            return R::failure(sep.error());
        sysPath = splitList(src.ini.value(kPrependSysPath), sep.value(), /*legacyColon=*/true);
    } else if (src.hasToml && src.toml.contains(kPrependSysPath)) {
        const auto list =
            tomlStrings(kPrependSysPath, src.toml.value(kPrependSysPath), src, std::nullopt, true);
        if (!list)
            return R::failure(list.error());
        sysPath = list.value();
    }

    // script_location
    QString location;
    bool found = false;
    if (src.hasIni && src.ini.contains(kScriptLocation)) {
        location = src.ini.value(kScriptLocation);
        found = true;
    } else if (src.hasToml && src.toml.contains(kScriptLocation)) {
        const QVariant v = src.toml.value(kScriptLocation);
        if (v.typeId() != QMetaType::QString) {
            return R::failure(
                AlembicConfig::tr("%1: script_location in [tool.alembic] must be a string")
                    .arg(src.tomlPath));
        }
        Result<QString> s = tomlInterpolate(v.toString(), kScriptLocation, src);
        if (!s)
            return R::failure(s.error());
        location = s.value();
        found = true;
    }
    if (!found) {
        if (src.hasToml && src.hasIni) {
            return R::failure(
                AlembicConfig::tr("%1 has no script_location in section [%2], and %3 has none in "
                                  "[tool.alembic]")
                    .arg(iniName(src), src.section, src.tomlPath));
        }
        if (src.hasToml) {
            return R::failure(
                AlembicConfig::tr("%1 has no script_location in [tool.alembic]").arg(src.tomlPath));
        }
        return R::failure(AlembicConfig::tr("%1 has no script_location in section [%2]")
                              .arg(iniName(src), src.section));
    }
    if (location.trimmed().isEmpty())
        return R::failure(AlembicConfig::tr("script_location is empty in %1")
                              .arg(src.hasIni && src.ini.contains(kScriptLocation) ? iniName(src)
                                                                                   : src.tomlPath));
    Result<QString> scriptLocation = resolvePath(location, kScriptLocation, sysPath, src);
    if (!scriptLocation)
        return R::failure(scriptLocation.error());
    r.scriptLocation = scriptLocation.value();

    // version_locations
    QStringList entries;
    const QStringList separatorNames = src.newConfig
                                           ? QStringList{kPathSeparator, kVersionPathSeparator}
                                           : QStringList{kVersionPathSeparator};
    if (src.hasIni && !src.ini.value(kVersionLocations).isEmpty()) {
        const auto sep = separator(src, separatorNames);
        if (!sep)
            return R::failure(sep.error());
        entries = splitList(src.ini.value(kVersionLocations), sep.value(), false);
    } else if (src.hasToml && src.toml.contains(kVersionLocations)) {
        std::optional<QString> sep;
        const QVariant v = src.toml.value(kVersionLocations);
        if (v.typeId() == QMetaType::QString) {
            const auto s = separator(src, separatorNames);
            if (!s)
                return R::failure(s.error());
            sep = s.value();
        }
        const auto list = tomlStrings(kVersionLocations, v, src, sep, false);
        if (!list)
            return R::failure(list.error());
        entries = list.value();
    }
    for (const QString& entry : std::as_const(entries)) {
        Result<QString> path = resolvePath(entry, kVersionLocations, sysPath, src);
        if (!path)
            return R::failure(path.error());
        r.versionLocations.append(path.value());
    }
    if (r.versionLocations.isEmpty())
        r.versionLocations.append(r.scriptLocation + QStringLiteral("/versions"));

    // recursive_version_locations: alembic compares the ini value with "true" exactly
    // (get_alembic_boolean_option); TOML must hold a real boolean.
    if (src.hasIni && src.ini.contains(kRecursive)) {
        r.recursive = src.ini.value(kRecursive) == u"true";
    } else if (src.hasToml && src.toml.contains(kRecursive)) {
        const QVariant v = src.toml.value(kRecursive);
        if (v.typeId() != QMetaType::Bool) {
            return R::failure(
                AlembicConfig::tr(
                    "%1: recursive_version_locations in [tool.alembic] must be true or false")
                    .arg(src.tomlPath));
        }
        r.recursive = v.toBool();
    }
    return r;
}

// The ini's main section, interpolated, into `src`. A missing section is left to the caller.
Result<bool> readIniSection(const IniFile& ini, Sources& src)
{
    if (!ini.hasSection(src.section))
        return false;
    const Result<QList<IniFile::Item>> items = ini.items(src.section);
    if (!items)
        return Result<bool>::failure(AlembicConfig::tr("%1: %2").arg(iniName(src), items.error()));
    for (const IniFile::Item& item : items.value())
        src.ini.insert(item.first, item.second);
    src.hasIni = true;
    return true;
}

} // namespace

Result<AlembicConfig> AlembicConfig::load(const QString& path, const QString& section,
                                          const AlembicRules& rules)
{
    using R = Result<AlembicConfig>;
    if (path.isEmpty())
        return R::failure(tr("No configuration file given"));
    const QFileInfo info(path);
    const QString absolutePath = QDir::cleanPath(info.absoluteFilePath());
    if (!info.exists())
        return R::failure(tr("Cannot open %1: the file does not exist").arg(absolutePath));
    if (info.isDir())
        return R::failure(tr("Cannot open %1: it is a folder").arg(absolutePath));

    Sources src;
    src.here = QDir::cleanPath(info.absolutePath());
    src.section = section;
    src.newConfig = rules.readsPyprojectToml();
    const QList<IniFile::Item> defaults{{QStringLiteral("here"), src.here}};

    const bool isToml = info.fileName().compare(u"pyproject.toml", Qt::CaseInsensitive) == 0 ||
                        info.suffix().compare(u"toml", Qt::CaseInsensitive) == 0;
    if (isToml && !src.newConfig) {
        return R::failure(tr("%1: %2 does not read pyproject.toml; [tool.alembic] needs alembic "
                             "1.16 or newer")
                              .arg(absolutePath, rules.describe()));
    }
    if (isToml) {
        const Result<TomlFile> toml = TomlFile::load(absolutePath);
        if (!toml)
            return R::failure(toml.error());
        const QStringList tablePath{QStringLiteral("tool"), QStringLiteral("alembic")};
        const std::optional<QVariantMap> table = toml->table(tablePath);
        if (!table) {
            return R::failure(toml->contains(tablePath)
                                  ? tr("%1: tool.alembic is not a table").arg(absolutePath)
                                  : tr("%1 has no [tool.alembic] section").arg(absolutePath));
        }
        src.hasToml = true;
        src.tomlPath = absolutePath;
        src.toml = *table;

        // An alembic.ini beside it supplies the runtime options (alembic >= 1.16 reads both);
        // without the main section alembic carries on with the TOML alone, and so do we.
        const QString iniPath = src.here + QStringLiteral("/alembic.ini");
        if (QFileInfo(iniPath).isFile()) {
            const Result<IniFile> ini = IniFile::load(iniPath, defaults);
            if (!ini)
                return R::failure(ini.error());
            src.iniPath = iniPath;
            const Result<bool> read = readIniSection(ini.value(), src);
            if (!read)
                return R::failure(read.error());
        }
    } else {
        const Result<IniFile> ini = IniFile::load(absolutePath, defaults);
        if (!ini)
            return R::failure(ini.error());
        src.iniPath = absolutePath;
        const Result<bool> read = readIniSection(ini.value(), src);
        if (!read)
            return R::failure(read.error());
        if (!read.value()) {
            return R::failure(tr("No config section '%1' in %2").arg(section, absolutePath));
        }

        // A pyproject.toml beside it is consulted for what the ini leaves out, as
        // alembic >= 1.16 does when run from this folder. One we cannot read is ignored.
        const QString tomlPath = src.here + QStringLiteral("/pyproject.toml");
        if (src.newConfig && QFileInfo(tomlPath).isFile()) {
            const Result<TomlFile> toml = TomlFile::load(tomlPath);
            if (!toml) {
                qCWarning(lcConfig).noquote() << "ignoring" << toml.error();
            } else if (const auto table =
                           toml->table({QStringLiteral("tool"), QStringLiteral("alembic")})) {
                src.hasToml = true;
                src.tomlPath = tomlPath;
                src.toml = *table;
            }
        }
    }

    const Result<Resolved> resolved = resolve(src);
    if (!resolved)
        return R::failure(resolved.error());

    AlembicConfig config;
    config.m_configPath = absolutePath;
    config.m_section = section;
    config.m_here = src.here;
    config.m_options = resolved->options;
    config.m_scriptLocation = resolved->scriptLocation;
    config.m_versionLocations = resolved->versionLocations;
    config.m_recursive = resolved->recursive;
    return config;
}

Result<AlembicConfig> AlembicConfig::fromIniText(const QString& text, const QString& here,
                                                 const QString& section)
{
    using R = Result<AlembicConfig>;
    Sources src;
    src.here = here;
    src.section = section;
    const Result<IniFile> ini = IniFile::parse(text, QString(), {{QStringLiteral("here"), here}});
    if (!ini)
        return R::failure(ini.error());
    const Result<bool> read = readIniSection(ini.value(), src);
    if (!read)
        return R::failure(read.error());
    if (!read.value())
        return R::failure(tr("No config section '%1' in %2").arg(section, iniName(src)));

    const Result<Resolved> resolved = resolve(src);
    if (!resolved)
        return R::failure(resolved.error());

    AlembicConfig config;
    config.m_section = section;
    config.m_here = here;
    config.m_options = resolved->options;
    config.m_scriptLocation = resolved->scriptLocation;
    config.m_versionLocations = resolved->versionLocations;
    config.m_recursive = resolved->recursive;
    return config;
}

QString AlembicConfig::mainOption(const QString& key, const QString& fallback) const
{
    auto it = m_options.constFind(key);
    if (it == m_options.cend())
        it = m_options.constFind(key.toLower()); // ini keys are lower case
    return it == m_options.cend() ? fallback : *it;
}

bool AlembicConfig::hasMainOption(const QString& key) const
{
    return m_options.contains(key) || m_options.contains(key.toLower());
}

} // namespace retort
