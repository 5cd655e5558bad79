#include "app/databasesession.h"

#include "model/config/alembicconfig.h"
#include "widgets/databases/databaselistmodel.h"
#include "model/db/versiontablereader.h"
#include "model/graph/revisiongraph.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDatabases, "retort.app.databases", QtWarningMsg)

namespace retort {

DatabaseSession::DatabaseSession(Settings& settings, QObject* parent)
    : QObject(parent), m_settings(settings), m_reader(new VersionTableReader(this))
{
    connect(m_reader, &VersionTableReader::finished, this, &DatabaseSession::onFinished);
}

DatabaseSession::~DatabaseSession() = default;

void DatabaseSession::setProject(const ProjectSnapshot& project)
{
    const bool newProject = m_projectId.isEmpty() || project.id != m_projectId;
    setGraph(project.graph);
    if (!newProject)
        return;
    m_projectId = project.id;
    loadProfiles(project.config, RecentProject{project.id.configPath(), project.id.section()});
}

void DatabaseSession::loadProfiles(std::shared_ptr<const AlembicConfig> config,
                                   const RecentProject& key)
{
    m_config = std::move(config);
    m_key = key;
    m_pending.clear(); // results for the previous project are dropped when they arrive
    m_tests.clear();
    m_states.clear();
    m_profiles.clear();
    if (!m_config) {
        emit profilesChanged();
        return;
    }
    ConnectionProfile ini = ConnectionProfile::fromConfig(*m_config);
    ini.setDefault(true);
    m_profiles.append(ini);
    const QByteArray saved = m_settings.connectionProfiles(key);
    if (!saved.isEmpty()) {
        const auto list = ConnectionProfile::listFromJson(QJsonDocument::fromJson(saved).array());
        if (list) {
            for (const ConnectionProfile& p : list.value())
                if (!p.isDefault() && p.name() != ini.name())
                    m_profiles.append(p);
        } else {
            qCWarning(lcDatabases) << "ignoring saved profiles:" << list.error();
        }
    }
    emit profilesChanged();
    refresh();
}

void DatabaseSession::setGraph(std::shared_ptr<const RevisionGraph> graph)
{
    m_graph = std::move(graph);
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        if (m_graph && it->isReadable())
            *it = DatabaseState::derive(*m_graph, *it);
        emit stateChanged(it.key());
    }
}

const ConnectionProfile* DatabaseSession::profile(const QString& name) const
{
    for (const ConnectionProfile& p : m_profiles)
        if (p.name() == name)
            return &p;
    return nullptr;
}

QString DatabaseSession::selectedProfile() const
{
    if (!m_selected.isEmpty() && profile(m_selected))
        return m_selected;
    return m_profiles.isEmpty() ? QString() : m_profiles.first().name();
}

void DatabaseSession::setSelectedProfile(const QString& name)
{
    m_selected = name;
    emit selectionChanged(selectedProfile());
}

bool DatabaseSession::isReading(const QString& name) const
{
    for (const QString& pending : m_pending)
        if (pending == name)
            return true;
    return false;
}

DatabaseRow DatabaseSession::row(const QString& name) const
{
    DatabaseRow row;
    const ConnectionProfile* p = profile(name);
    if (!p)
        return row;
    row.name = p->name();
    row.displayUrl = m_config ? p->displayUrl(*m_config) : p->displayUrl();
    row.isProtected = p->isProtected();
    row.isDefault = p->isDefault();
    const auto found = m_states.constFind(name);
    if (isReading(name)) {
        row.status = DatabaseRow::Status::Reading;
    } else if (found == m_states.constEnd()) {
        row.status = DatabaseRow::Status::Unknown;
    } else if (!found->isReadable()) {
        row.status = DatabaseRow::Status::Error;
        row.error = found->error();
    } else if (found->isAtBase()) {
        row.status = DatabaseRow::Status::AtBase;
        row.missingFile = found->missingFile();
    } else {
        row.status = DatabaseRow::Status::Current;
        row.current = found->sortedCurrentRevisions();
        row.ghosts = found->ghosts();
    }
    return row;
}

QList<DatabaseRow> DatabaseSession::rows() const
{
    QList<DatabaseRow> out;
    for (const ConnectionProfile& p : m_profiles)
        out.append(row(p.name()));
    return out;
}

bool DatabaseSession::saveProfile(const ConnectionProfile& profile, const QString& previousName)
{
    for (const ConnectionProfile& p : std::as_const(m_profiles))
        if (p.name() == profile.name() && p.name() != previousName)
            return false;
    bool replaced = false;
    for (ConnectionProfile& p : m_profiles) {
        if (!previousName.isEmpty() && p.name() == previousName) {
            const bool wasDefault = p.isDefault();
            p = profile;
            p.setDefault(wasDefault);
            replaced = true;
            break;
        }
    }
    if (!replaced)
        m_profiles.append(profile);
    if (!previousName.isEmpty() && previousName != profile.name())
        m_states.remove(previousName);
    persist();
    emit profilesChanged();
    refresh(profile.name());
    return true;
}

void DatabaseSession::removeProfile(const QString& name)
{
    const auto removed = std::remove_if(m_profiles.begin(), m_profiles.end(),
                                        [&](const ConnectionProfile& p) {
                                            return p.name() == name && !p.isDefault();
                                        });
    if (removed == m_profiles.end())
        return;
    m_profiles.erase(removed, m_profiles.end());
    m_states.remove(name);
    persist();
    emit profilesChanged();
}

void DatabaseSession::persist()
{
    QList<ConnectionProfile> own;
    for (const ConnectionProfile& p : std::as_const(m_profiles))
        if (!p.isDefault())
            own.append(p);
    m_settings.setConnectionProfiles(
        m_key, QJsonDocument(ConnectionProfile::toJson(own)).toJson(QJsonDocument::Compact));
}

void DatabaseSession::refresh(const QString& name)
{
    if (!m_config)
        return;
    for (const ConnectionProfile& p : std::as_const(m_profiles)) {
        if (!name.isEmpty() && p.name() != name)
            continue;
        const quint64 id = m_reader->read(p.effectiveUrl(*m_config), m_config->here(),
                                          p.versionTable(), p.versionTableSchema());
        m_pending.insert(id, p.name());
        emit stateChanged(p.name());
    }
}

void DatabaseSession::showRunProgress(const QString& name, const QStringList& rows)
{
    if (!profile(name))
        return;
    const DatabaseState state = DatabaseState::fromRows(rows);
    m_states.insert(name, m_graph ? DatabaseState::derive(*m_graph, state) : state);
    emit stateChanged(name);
}

quint64 DatabaseSession::test(const ConnectionProfile& profile)
{
    const QString url = m_config ? profile.effectiveUrl(*m_config) : profile.url();
    const quint64 id = m_reader->read(url, m_config ? m_config->here() : QString(),
                                      profile.versionTable(), profile.versionTableSchema());
    m_tests.insert(id);
    return id;
}

void DatabaseSession::onFinished(quint64 id, const DatabaseState& state)
{
    if (m_tests.remove(id)) {
        emit testFinished(id, m_graph && state.isReadable() ? DatabaseState::derive(*m_graph, state)
                                                            : state);
        return;
    }
    const auto pending = m_pending.constFind(id);
    if (pending == m_pending.constEnd())
        return; // an older project's or a superseded request
    const QString name = *pending;
    m_pending.erase(pending);
    if (isReading(name))
        return; // a newer read of the same profile is still on its way
    m_states.insert(name, m_graph && state.isReadable() ? DatabaseState::derive(*m_graph, state)
                                                        : state);
    emit stateChanged(name);
}

} // namespace retort
