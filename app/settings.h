#pragma once

#include "app/secretstore.h"
#include "widgets/settings/preferences.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace retort {

// A project as it appears in File → Open Recent: the config file and alembic's `-n` section.
struct RecentProject
{
    QString path;    // absolute path of the alembic.ini or pyproject.toml
    QString section; // empty or "alembic" for the default section

    friend bool operator==(const RecentProject&, const RecentProject&) = default;
};

// The one typed front to QSettings. Nothing else in Retort touches QSettings.
// Stored under organization "Retort", application "retort" (or in the given ini file), in a
// file only its owner can read. Secrets never go there: they go to secrets(), the system
// keychain (RETORT_KEYCHAIN=off keeps them in memory instead).
class Settings
{
public:
    static constexpr int kMaxRecentProjects = 10;

    Settings();
    // Keeps everything in one ini file (tests use this to leave the user's settings alone),
    // and secrets in memory unless told otherwise (tests leave the user's keychain alone).
    explicit Settings(const QString& iniFile,
                      SecretStore::Backend secrets = SecretStore::Backend::MemoryOnly);
    ~Settings();

    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // Most recent first, at most kMaxRecentProjects, no duplicates.
    QList<RecentProject> recentProjects() const;
    // Moves (or adds) the project to the front of the recent list.
    void addRecentProject(const RecentProject& project);
    void removeRecentProject(const RecentProject& project);
    void clearRecentProjects();

    RecentProject lastProject() const;
    void setLastProject(const RecentProject& project);

    // The project's connection profiles, as the JSON text ConnectionProfile writes
    // (empty when none were saved). Kept per project: path and section.
    QByteArray connectionProfiles(const RecentProject& project) const;
    void setConnectionProfiles(const RecentProject& project, const QByteArray& json);
    // The last Check Drift result of each of the project's profiles, as the JSON text the
    // Environments view writes (empty when none was kept). Kept per project like the profiles.
    QByteArray driftResults(const RecentProject& project) const;
    void setDriftResults(const RecentProject& project, const QByteArray& json);
    // The same by projectKey(), for every project that has saved profiles.
    QStringList projectsWithProfiles() const;
    QByteArray connectionProfiles(const QString& projectKey) const;
    void setConnectionProfiles(const QString& projectKey, const QByteArray& json);
    // The key settings and secrets are kept under for a project: a hash of its path and
    // section, so any path is a valid key.
    static QString projectKey(const RecentProject& project);

    SecretStore& secrets() { return *m_secrets; }

    // The Python interpreter that runs `-m alembic` for the project; empty: let the runner
    // find alembic (a .venv beside the config, then PATH).
    QString pythonInterpreter(const RecentProject& project) const;
    void setPythonInterpreter(const RecentProject& project, const QString& interpreter);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    // View → Show Legend: whether the graph's legend is shown (off by default).
    bool graphLegendShown() const;
    void setGraphLegendShown(bool shown);

    // Settings → Configure Retort… (all under the "preferences" group); values out of range
    // read back as their defaults.
    Preferences preferences() const;
    void setPreferences(const Preferences& preferences);
    // The interpreter a run of the project uses: its own (Run ▸ Python Interpreter…), else
    // the default one of the preferences; empty when neither is set.
    QString effectivePythonInterpreter(const RecentProject& project) const;
    // The graph's zoom as last left for the project (by projectKey()); 0 when none was kept.
    qreal graphZoom(const QString& projectKey) const;
    void setGraphZoom(const QString& projectKey, qreal zoom);
    // Every project's zoom forgotten (View → Reset Layout).
    void clearGraphZooms();

    void sync();

private:
    void writeRecentProjects(const QList<RecentProject>& projects);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace retort
