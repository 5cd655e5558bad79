#pragma once

#include "model/config/connectionprofile.h"
#include "model/db/databasestate.h"
#include "model/project/projectsnapshot.h"
#include "app/settings.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>

namespace retort {

class AlembicConfig;
class RevisionGraph;
class VersionTableReader;
struct DatabaseRow;

// The open project's connection profiles and where each database stands. The ini's own
// profile comes first; the others are saved per project through Settings, their secrets
// (passwords, secret environment values) through Settings::secrets(), keyed by
// ProfileSecrets::key(). A profile whose secrets are not known yet is read once they are
// fetched; one whose secrets nobody knows asks for them (passwordNeeded). Version tables are
// read by a VersionTableReader on its worker thread: the GUI thread only asks and is told. A
// result that belongs to an older project or an older request is dropped.
class DatabaseSession : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseSession(Settings& settings, QObject* parent = nullptr);
    ~DatabaseSession() override;

    // A project loaded. Another project: its profiles replace the previous project's and
    // all are read. The same one again (a reload): states are derived again against the
    // new graph, nothing is re-read.
    void setProject(const ProjectSnapshot& project);

    QList<ConnectionProfile> profiles() const { return m_profiles; }

    // The database the window works on: the profile chosen last, or the first profile while
    // none is chosen or the chosen one is gone; "" without profiles. The one owner of that
    // rule: the graph, the runs and the details all ask here.
    QString selectedProfile() const;
    void setSelectedProfile(const QString& name);
    // Where the selected database stands, derived against the project's graph once per read.
    DatabaseState selectedState() const { return state(selectedProfile()); }
    bool hasSelectedState() const { return hasState(selectedProfile()); }

    const ConnectionProfile* profile(const QString& name) const;
    // The last state read for a profile; an unread one is not readable and has no error.
    // A profile whose first read has not come back is DatabaseState::notRead(): nothing may
    // be planned from a state not read (a default state would say "at base").
    DatabaseState state(const QString& name) const
    {
        return m_states.value(name, DatabaseState::notRead());
    }
    bool isReading(const QString& name) const;
    // Whether the profile's version table has been read (successfully or not).
    bool hasState(const QString& name) const { return m_states.contains(name); }
    // When the profile's version table was last read (the moment the read came back,
    // successful or not); invalid before the first. A run's progress is not a read.
    QDateTime readAt(const QString& name) const { return m_readAt.value(name); }
    QList<DatabaseRow> rows() const;
    DatabaseRow row(const QString& name) const;

    // Adds or replaces (by `previousName`, empty to add) and saves. False when the name is
    // taken by another profile.
    bool saveProfile(const ConnectionProfile& profile, const QString& previousName = {});
    void removeProfile(const QString& name);
    // A profile for this session only (retort --url): listed, selected and run against like
    // the others, but never written to the settings file or the keychain (its password stays
    // in memory), and gone when another project opens. Editing it keeps it temporary. False
    // when the name is taken.
    bool addTemporaryProfile(const ConnectionProfile& profile);
    bool isTemporary(const QString& name) const { return m_temporary.contains(name); }

    // Reads the version table of one profile again (every profile when `name` is empty).
    void refresh(const QString& name = {});
    // While a migration runs: the rows the version table holds after the steps alembic has
    // finished, as the plan says. Shown until the next read, which every run ends with.
    void showRunProgress(const QString& name, const QStringList& rows);
    // Reads a profile that is not saved (the dialog's Test button); testFinished() follows.
    quint64 test(const ConnectionProfile& profile);
    // Secrets typed by the person for a profile (slot -> value): kept like saved ones, then
    // the profile is read.
    void supplySecrets(const QString& name, const QMap<QString, QString>& secrets);
    SecretStore& secrets() { return m_settings.secrets(); }

    std::shared_ptr<const AlembicConfig> config() const { return m_config; }
    // The graph every state is derived against: the last project's (null before the first).
    std::shared_ptr<const RevisionGraph> graph() const { return m_graph; }

signals:
    void profilesChanged();
    void stateChanged(const QString& name);
    // Another database was chosen (its name, after the fall-back to the first profile).
    void selectionChanged(const QString& name);
    void testFinished(quint64 id, const retort::DatabaseState& state);
    // A profile is to be read but some of its secrets are known nowhere: ask the person.
    void passwordNeeded(const QString& name);
    // Something the person should know that is not about one database (secrets moved out of
    // the settings file).
    void notice(const QString& text);

private:
    void setGraph(std::shared_ptr<const RevisionGraph> graph);
    void loadProfiles(std::shared_ptr<const AlembicConfig> config, const RecentProject& key);
    void persist();
    void onFinished(quint64 id, const DatabaseState& state);
    QString secretKey(const QString& profile, const QString& slot) const;
    void fetchSecrets(const QString& name);
    void saveSecrets(const ConnectionProfile& profile, const ConnectionProfile* previous);

    Settings& m_settings;
    VersionTableReader* m_reader = nullptr;
    std::shared_ptr<const AlembicConfig> m_config;
    std::shared_ptr<const RevisionGraph> m_graph;
    ProjectId m_projectId; // the project whose profiles these are (empty before the first)
    RecentProject m_key;
    QList<ConnectionProfile> m_profiles;
    QString m_selected; // as chosen; selectedProfile() applies the fall-back
    QHash<QString, DatabaseState> m_states;
    QHash<QString, QDateTime> m_readAt;
    QHash<quint64, QString> m_pending; // request id -> profile name
    QSet<quint64> m_tests;
    quint64 m_generation = 0;  // one per project: late keychain answers for another are dropped
    QSet<QString> m_fetching;  // profiles whose secrets are being read from the store
    QSet<QString> m_fetched;   // ... and those read already
    QSet<QString> m_temporary; // profiles of this session only: never saved
};

} // namespace retort
