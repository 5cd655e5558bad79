#include "app/databasesession.h"

#include "model/config/alembicconfig.h"
#include "widgets/databases/databaselistmodel.h"
#include "model/db/versiontablereader.h"
#include "model/graph/revisiongraph.h"
#include "app/profilesecrets.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcDatabases, "retort.app.databases", QtWarningMsg)

namespace retort {

DatabaseSession::DatabaseSession(Settings& settings, QObject* parent)
    : QObject(parent), m_settings(settings), m_reader(new VersionTableReader(this))
{
    connect(m_reader, &VersionTableReader::finished, this, &DatabaseSession::onFinished);
    // Secrets an earlier version left in the settings file move out on the first start, once
    // it is known whether a keychain answers (the notes say where they went). Without any,
    // the keychain is not asked (nor a session bus started for it) until a profile needs it.
    if (!ProfileSecrets::anyToMigrate(m_settings))
        return;
    SecretStore& store = m_settings.secrets();
    auto migrate = [this] {
        for (const QString& note : ProfileSecrets::migrateAll(m_settings))
            emit notice(note);
    };
    if (store.availability() == SecretStore::Availability::Unknown) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(&store, &SecretStore::availabilityChanged, this, [once, migrate] {
            QObject::disconnect(*once);
            migrate();
        });
        store.probe();
    } else {
        QTimer::singleShot(0, this, migrate); // after the window listens to notice()
    }
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
    ++m_generation;
    m_fetching.clear();
    m_fetched.clear();
    m_temporary.clear();
    m_states.clear();
    m_readAt.clear();
    m_profiles.clear();
    if (!m_config) {
        emit profilesChanged();
        return;
    }
    ConnectionProfile ini = ConnectionProfile::fromConfig(*m_config);
    ini.setDefault(true);
    m_profiles.append(ini);
    for (const QString& note : ProfileSecrets::migrate(m_settings, Settings::projectKey(key)))
        emit notice(note);
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
    if (m_fetching.contains(name))
        return true;
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
    row.isTemporary = isTemporary(name);
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
    const bool temporary = !previousName.isEmpty() && isTemporary(previousName);
    if (temporary) {
        m_temporary.remove(previousName);
        m_temporary.insert(profile.name());
    } else {
        saveSecrets(profile, previousName.isEmpty() ? nullptr : this->profile(previousName));
    }
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
    if (!previousName.isEmpty() && previousName != profile.name()) {
        m_states.remove(previousName);
        m_readAt.remove(previousName);
    }
    persist();
    emit profilesChanged();
    refresh(profile.name());
    return true;
}

void DatabaseSession::removeProfile(const QString& name)
{
    if (const ConnectionProfile* gone = profile(name);
        gone && !gone->isDefault() && !isTemporary(name))
        for (const QString& slot : gone->secretSlots())
            m_settings.secrets().remove(secretKey(name, slot));
    const auto removed = std::remove_if(m_profiles.begin(), m_profiles.end(),
                                        [&](const ConnectionProfile& p) {
                                            return p.name() == name && !p.isDefault();
                                        });
    if (removed == m_profiles.end())
        return;
    m_profiles.erase(removed, m_profiles.end());
    m_temporary.remove(name);
    m_states.remove(name);
    m_readAt.remove(name);
    persist();
    emit profilesChanged();
}

bool DatabaseSession::addTemporaryProfile(const ConnectionProfile& profile)
{
    if (!m_config || this->profile(profile.name()))
        return false;
    ConnectionProfile temporary = profile;
    temporary.setDefault(false);
    m_profiles.append(temporary);
    m_temporary.insert(temporary.name());
    emit profilesChanged();
    refresh(temporary.name());
    return true;
}

void DatabaseSession::persist()
{
    QList<ConnectionProfile> own;
    for (const ConnectionProfile& p : std::as_const(m_profiles))
        if (!p.isDefault() && !isTemporary(p.name()))
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
        if (!p.unknownSecrets().isEmpty()) {
            if (!m_fetched.contains(p.name())) {
                fetchSecrets(p.name()); // reads the profile once they are back
                emit stateChanged(p.name());
                continue;
            }
            QStringList what;
            for (const QString& slot : p.unknownSecrets())
                what.append(ConnectionProfile::describeSlot(slot));
            m_states.insert(p.name(), DatabaseState::failure(
                                          tr("Retort does not know %1 of this profile; Refresh "
                                             "to type it in.")
                                              .arg(what.join(QStringLiteral(", ")))));
            emit stateChanged(p.name());
            emit passwordNeeded(p.name());
            continue;
        }
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

QString DatabaseSession::secretKey(const QString& profile, const QString& slot) const
{
    return ProfileSecrets::key(Settings::projectKey(m_key), profile, slot);
}

void DatabaseSession::fetchSecrets(const QString& name)
{
    const ConnectionProfile* p = profile(name);
    if (!p || m_fetching.contains(name))
        return;
    m_fetching.insert(name);
    const QStringList unknown = p->unknownSecrets();
    auto remaining = std::make_shared<qsizetype>(unknown.size());
    for (const QString& slot : unknown) {
        m_settings.secrets().read(
            secretKey(name, slot), this,
            [this, generation = m_generation, name, slot, remaining](const QString& value) {
                if (generation != m_generation)
                    return; // another project opened meanwhile
                for (ConnectionProfile& p : m_profiles)
                    if (p.name() == name && !value.isNull() && p.secret(slot).isNull())
                        p.setSecret(slot, value);
                if (--*remaining > 0)
                    return;
                m_fetching.remove(name);
                m_fetched.insert(name);
                refresh(name);
            });
    }
}

void DatabaseSession::saveSecrets(const ConnectionProfile& profile,
                                  const ConnectionProfile* previous)
{
    SecretStore& store = m_settings.secrets();
    if (previous) {
        for (const QString& slot : previous->secretSlots()) {
            const QString oldKey = secretKey(previous->name(), slot);
            const QString newKey = secretKey(profile.name(), slot);
            if (!profile.secretSlots().contains(slot)) {
                store.remove(oldKey);
            } else if (oldKey != newKey && profile.secret(slot).isNull()) {
                // renamed with a value never fetched: carry it over as the keychain has it
                store.read(oldKey, this, [&store, oldKey, newKey](const QString& value) {
                    if (!value.isNull())
                        store.write(newKey, value);
                    store.remove(oldKey);
                });
            } else if (oldKey != newKey) {
                store.remove(oldKey);
            }
        }
    }
    for (const QString& slot : profile.secretSlots()) {
        const QString value = profile.secret(slot);
        if (!value.isNull() && (!previous || previous->secret(slot) != value ||
                                previous->name() != profile.name()))
            store.write(secretKey(profile.name(), slot), value);
    }
}

void DatabaseSession::supplySecrets(const QString& name, const QMap<QString, QString>& secrets)
{
    for (ConnectionProfile& p : m_profiles) {
        if (p.name() != name)
            continue;
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
            p.setSecret(it.key(), it.value());
            if (!isTemporary(name)) // a session's profile keeps its secrets in memory only
                m_settings.secrets().write(secretKey(name, it.key()), it.value());
        }
    }
    refresh(name);
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
    m_readAt.insert(name, QDateTime::currentDateTimeUtc());
    emit stateChanged(name);
}

} // namespace retort
