#pragma once

#include "model/common/latestjob.h"
#include "model/project/projectloader.h"
#include "model/project/projectsnapshot.h"

#include <functional>

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace retort {

class FileWatcher;
class ScanCache;

// The open project. Loads the configuration, scans the version folders and builds the
// revision graph on a worker thread; the GUI thread only starts loads and receives results.
// Loads are a LatestJob: a result that arrives after a newer load was started is dropped,
// so the last request always wins.
//
// Each successful load publishes one ProjectSnapshot (config, graph, planner and which
// project it is); views and controllers take it whole with their setProject().
//
// The loaded project is watched (FileWatcher): its config file changing loads it again; the
// config file or the project folder vanishing (renamed, moved, deleted) makes the project
// "missing" until it is back: projectMissingChanged() says so, runs must not start, and the
// last snapshot stays (the graph and open editors keep what they show).
//
// Loads run one at a time on the session's own one-thread pool (two loads side by side
// would only compete for the cores ScriptDirectory::scan parses with). A load that was
// superseded before it started is skipped; destroying the session waits for the one load
// that may be running.
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    // Starts loading `configPath` (alembic.ini, any ini, or pyproject.toml) with alembic's
    // `-n` section. Returns at once; loadingStarted() is emitted, then loaded() or failed().
    void open(const QString& configPath, const QString& section = ProjectId::defaultSection());
    // Loads the requested project again (after files changed or a failure). No-op when
    // nothing was ever opened.
    void reload();

    // What was asked for last (reload() loads this); may differ from the loaded project
    // when the last request failed.
    ProjectId requested() const { return m_requested; }
    QString configPath() const { return m_requested.configPath(); }
    QString section() const { return m_requested.section(); }

    // The last project that loaded (empty before the first).
    const ProjectSnapshot& project() const { return m_project; }
    // Its parts, for convenience.
    QString loadedConfigPath() const { return m_project.id.configPath(); }
    QString loadedSection() const { return m_project.id.section(); }
    QString projectRoot() const { return m_project.root(); }
    std::shared_ptr<const AlembicConfig> config() const { return m_project.config; }
    std::shared_ptr<const RevisionGraph> graph() const { return m_project.graph; }
    std::shared_ptr<const MigrationPlanner> planner() const { return m_project.planner; }

    bool isLoading() const { return m_loading; }

    // The project's configured Python (a setting), asked for on every load: it decides which
    // alembic the project is read and planned for.
    void setInterpreterLookup(std::function<QString(const ProjectId&)> lookup)
    {
        m_interpreterLookup = std::move(lookup);
    }
    // What an interpreter said its alembic is (InstalledAlembic::ask), for projects whose
    // alembic's version cannot be read from its files. Kept for the session; reloads.
    void rememberAskedAlembic(const QString& interpreter, AlembicVersion version);
    QString lastError() const { return m_lastError; }

    // Whether the loaded project's config file or folder vanished since it loaded (the sentence
    // that says so is missingMessage()). Cleared by the next successful load.
    bool isProjectMissing() const { return !m_missingMessage.isEmpty(); }
    QString missingMessage() const { return m_missingMessage; }
    // Looks now (a stat) whether the loaded project is still where it loaded from; a project
    // that is back is loaded again. Runs ask this before they start. True while nothing is
    // loaded.
    bool checkProjectPresent();
    // Watches the config file, the project folder and the folder that holds it.
    FileWatcher* watcher() const { return m_watcher; }

signals:
    void loadingStarted();
    // Once per successful load: the new snapshot (also project() from now on).
    void loaded(const retort::ProjectSnapshot& project);
    void failed(const QString& message);
    // The loaded project vanished (`missing`, with the sentence to show) or is back.
    void projectMissingChanged(bool missing, const QString& message);

private:
    struct Outcome;
    static Outcome load(const ProjectId& id, const LoadOptions& options);
    void finish(const Outcome& outcome);
    void watch(const QByteArray& configBytes);
    void setMissing(const QString& message);
    QString missingText() const;

    ProjectId m_requested;
    ProjectSnapshot m_project;
    QString m_lastError;
    QThreadPool m_loadPool;
    LatestJob m_load{&m_loadPool}; // declared after the pool: cancelled before it is joined
    bool m_loading = false;
    std::function<QString(const ProjectId&)> m_interpreterLookup;
    QHash<QString, AlembicVersion> m_askedVersions;
    FileWatcher* m_watcher = nullptr;
    std::shared_ptr<ScanCache> m_scanCache; // parse results of m_scanCacheFor's files
    ProjectId m_scanCacheFor;
    QString m_watchedConfig;
    QString m_missingMessage;
};

} // namespace retort
