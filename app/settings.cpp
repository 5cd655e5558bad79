#include "app/settings.h"

#include "model/project/projectid.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <utility>

namespace retort {

namespace {

constexpr QLatin1StringView kRecentGroup{"recentProjects"};
constexpr QLatin1StringView kPathKey{"path"};
constexpr QLatin1StringView kSectionKey{"section"};
constexpr QLatin1StringView kLastPathKey{"project/lastPath"};
constexpr QLatin1StringView kLastSectionKey{"project/lastSection"};
constexpr QLatin1StringView kGeometryKey{"window/geometry"};
constexpr QLatin1StringView kProfilesGroup{"connectionProfiles"};
constexpr QLatin1StringView kInterpreterGroup{"pythonInterpreter"};
constexpr QLatin1StringView kDriftGroup{"driftResults"};
constexpr QLatin1StringView kStateKey{"window/state"};
constexpr QLatin1StringView kLegendKey{"view/graphLegend"};
constexpr QLatin1StringView kZoomGroup{"graphZoom"};
// Settings → Configure Retort…
constexpr QLatin1StringView kThemeKey{"preferences/theme"};
constexpr QLatin1StringView kEditorFontKey{"preferences/editorFontFamily"};
constexpr QLatin1StringView kEditorSizeKey{"preferences/editorFontSize"};
constexpr QLatin1StringView kTabWidthKey{"preferences/tabWidth"};
constexpr QLatin1StringView kNewestOnTopKey{"preferences/graphNewestOnTop"};
constexpr QLatin1StringView kDensityKey{"preferences/graphDensity"};
constexpr QLatin1StringView kDefaultInterpreterKey{"preferences/defaultPythonInterpreter"};

// Stored as words, not enum numbers: the file stays readable and reordering is harmless.
constexpr std::pair<Preferences::Theme, QLatin1StringView> kThemeNames[] = {
    {Preferences::Theme::System, QLatin1StringView("system")},
    {Preferences::Theme::Light, QLatin1StringView("light")},
    {Preferences::Theme::Dark, QLatin1StringView("dark")}};
constexpr std::pair<Preferences::GraphDensity, QLatin1StringView> kDensityNames[] = {
    {Preferences::GraphDensity::Compact, QLatin1StringView("compact")},
    {Preferences::GraphDensity::Normal, QLatin1StringView("normal")},
    {Preferences::GraphDensity::Spacious, QLatin1StringView("spacious")}};

template<typename Enum, std::size_t N>
Enum fromName(const std::pair<Enum, QLatin1StringView> (&names)[N], const QString& name,
              Enum fallback)
{
    for (const auto& [value, text] : names) {
        if (name == text)
            return value;
    }
    return fallback;
}

template<typename Enum, std::size_t N>
QString toName(const std::pair<Enum, QLatin1StringView> (&names)[N], Enum value)
{
    for (const auto& [v, text] : names) {
        if (v == value)
            return text;
    }
    return {};
}

// The default section is stored as empty so both spellings match.
QString normalizedSection(const QString& section)
{
    return ProjectId::isDefaultSection(section) ? QString() : section;
}

RecentProject normalized(const RecentProject& project)
{
    return {QDir::cleanPath(project.path), normalizedSection(project.section)};
}

SecretStore::Backend defaultSecretsBackend()
{
    return qEnvironmentVariable("RETORT_KEYCHAIN").compare(u"off", Qt::CaseInsensitive) == 0
               ? SecretStore::Backend::MemoryOnly
               : SecretStore::Backend::Keychain;
}

// The settings file is the person's own (URLs, environment, paths): readable by them only.
// QSettings replaces the file through QSaveFile, which keeps an existing file's permissions,
// so the file is made (or narrowed to) 0600 before QSettings first writes it.
void keepPrivate(const QString& path)
{
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    if (!file.exists()) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!file.open(QIODevice::WriteOnly))
            return; // QSettings will say why it cannot write either
        file.close();
    }
    if ((file.permissions() & ~(owner | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0)
        file.setPermissions(owner);
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("Retort"), QStringLiteral("retort"))),
      m_secrets(std::make_unique<SecretStore>(defaultSecretsBackend()))
{
    keepPrivate(m_settings->fileName());
}

Settings::Settings(const QString& iniFile, SecretStore::Backend secrets)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)),
      m_secrets(std::make_unique<SecretStore>(secrets))
{
    keepPrivate(m_settings->fileName());
}

QString Settings::projectKey(const RecentProject& project)
{
    const RecentProject p = normalized(project);
    const QByteArray id = (p.path + u'\n' + p.section).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex());
}

Settings::~Settings() = default;

QList<RecentProject> Settings::recentProjects() const
{
    QList<RecentProject> projects;
    const int size = m_settings->beginReadArray(kRecentGroup);
    for (int i = 0; i < size && projects.size() < kMaxRecentProjects; ++i) {
        m_settings->setArrayIndex(i);
        const RecentProject project = normalized(
            {m_settings->value(kPathKey).toString(), m_settings->value(kSectionKey).toString()});
        if (!project.path.isEmpty() && project.path != QLatin1String(".") &&
            !projects.contains(project))
            projects.append(project);
    }
    m_settings->endArray();
    return projects;
}

void Settings::addRecentProject(const RecentProject& project)
{
    const RecentProject entry = normalized(project);
    if (entry.path.isEmpty())
        return;
    QList<RecentProject> projects = recentProjects();
    projects.removeAll(entry);
    projects.prepend(entry);
    writeRecentProjects(projects);
}

void Settings::removeRecentProject(const RecentProject& project)
{
    QList<RecentProject> projects = recentProjects();
    projects.removeAll(normalized(project));
    writeRecentProjects(projects);
}

void Settings::clearRecentProjects()
{
    writeRecentProjects({});
}

void Settings::writeRecentProjects(const QList<RecentProject>& projects)
{
    m_settings->remove(kRecentGroup);
    m_settings->beginWriteArray(kRecentGroup);
    const int count = std::min(int(projects.size()), kMaxRecentProjects);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(kPathKey, projects.at(i).path);
        m_settings->setValue(kSectionKey, projects.at(i).section);
    }
    m_settings->endArray();
}

RecentProject Settings::lastProject() const
{
    const QString path = m_settings->value(kLastPathKey).toString();
    if (path.isEmpty())
        return {};
    return normalized({path, m_settings->value(kLastSectionKey).toString()});
}

void Settings::setLastProject(const RecentProject& project)
{
    const RecentProject entry = normalized(project);
    m_settings->setValue(kLastPathKey, entry.path);
    m_settings->setValue(kLastSectionKey, entry.section);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(kGeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(kGeometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kStateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    m_settings->setValue(kStateKey, state);
}

bool Settings::graphLegendShown() const
{
    return m_settings->value(kLegendKey, false).toBool();
}

void Settings::setGraphLegendShown(bool shown)
{
    m_settings->setValue(kLegendKey, shown);
}

Preferences Settings::preferences() const
{
    const Preferences defaults;
    Preferences p;
    p.theme = fromName(kThemeNames, m_settings->value(kThemeKey).toString(), defaults.theme);
    p.editorFontFamily = m_settings->value(kEditorFontKey).toString();
    const int size = m_settings->value(kEditorSizeKey, 0).toInt();
    p.editorFontSize = size >= Preferences::kMinFontSize && size <= Preferences::kMaxFontSize
                           ? size
                           : defaults.editorFontSize;
    const int tab = m_settings->value(kTabWidthKey, defaults.tabWidth).toInt();
    p.tabWidth = tab >= Preferences::kMinTabWidth && tab <= Preferences::kMaxTabWidth
                     ? tab
                     : defaults.tabWidth;
    p.newestOnTop = m_settings->value(kNewestOnTopKey, defaults.newestOnTop).toBool();
    p.graphDensity = fromName(kDensityNames, m_settings->value(kDensityKey).toString(),
                              defaults.graphDensity);
    p.defaultInterpreter = m_settings->value(kDefaultInterpreterKey).toString();
    return p;
}

void Settings::setPreferences(const Preferences& p)
{
    m_settings->setValue(kThemeKey, toName(kThemeNames, p.theme));
    m_settings->setValue(kEditorFontKey, p.editorFontFamily);
    m_settings->setValue(kEditorSizeKey, p.editorFontSize);
    m_settings->setValue(kTabWidthKey, p.tabWidth);
    m_settings->setValue(kNewestOnTopKey, p.newestOnTop);
    m_settings->setValue(kDensityKey, toName(kDensityNames, p.graphDensity));
    m_settings->setValue(kDefaultInterpreterKey, p.defaultInterpreter);
}

QString Settings::effectivePythonInterpreter(const RecentProject& project) const
{
    const QString own = pythonInterpreter(project);
    return own.isEmpty() ? m_settings->value(kDefaultInterpreterKey).toString() : own;
}

qreal Settings::graphZoom(const QString& projectKey) const
{
    const qreal zoom = m_settings->value(kZoomGroup + u'/' + projectKey, 0.0).toDouble();
    return zoom > 0 ? zoom : 0.0;
}

void Settings::setGraphZoom(const QString& projectKey, qreal zoom)
{
    if (!projectKey.isEmpty() && zoom > 0)
        m_settings->setValue(kZoomGroup + u'/' + projectKey, zoom);
}

void Settings::clearGraphZooms()
{
    m_settings->remove(kZoomGroup);
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::pythonInterpreter(const RecentProject& project) const
{
    return m_settings->value(kInterpreterGroup + u'/' + projectKey(project)).toString();
}

void Settings::setPythonInterpreter(const RecentProject& project, const QString& interpreter)
{
    const QString key = kInterpreterGroup + u'/' + projectKey(project);
    if (interpreter.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, interpreter);
}

QByteArray Settings::connectionProfiles(const RecentProject& project) const
{
    return connectionProfiles(projectKey(project));
}

void Settings::setConnectionProfiles(const RecentProject& project, const QByteArray& json)
{
    setConnectionProfiles(projectKey(project), json);
}

QByteArray Settings::driftResults(const RecentProject& project) const
{
    return m_settings->value(kDriftGroup + u'/' + projectKey(project)).toByteArray();
}

void Settings::setDriftResults(const RecentProject& project, const QByteArray& json)
{
    const QString key = kDriftGroup + u'/' + projectKey(project);
    if (json.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, json);
}

QStringList Settings::projectsWithProfiles() const
{
    m_settings->beginGroup(kProfilesGroup);
    QStringList keys = m_settings->childKeys(); // not const: moved out
    m_settings->endGroup();
    return keys;
}

QByteArray Settings::connectionProfiles(const QString& projectKey) const
{
    return m_settings->value(kProfilesGroup + u'/' + projectKey).toByteArray();
}

void Settings::setConnectionProfiles(const QString& projectKey, const QByteArray& json)
{
    m_settings->setValue(kProfilesGroup + u'/' + projectKey, json);
}

} // namespace retort
