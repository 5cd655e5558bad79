#pragma once

#include "common/latestjob.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace retort {

class AlembicConfig;
class MigrationPlanner;
class RevisionGraph;

// The open project. Loads the configuration, scans the version folders and builds the
// revision graph on a worker thread; the GUI thread only starts loads and receives results.
// Loads are a LatestJob: a result that arrives after a newer load was started is dropped,
// so the last request always wins.
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
    void open(const QString& configPath, const QString& section = QStringLiteral("alembic"));
    // Loads the requested project again (after files changed or a failure). No-op when
    // nothing was ever opened.
    void reload();

    // What was asked for last (reload() loads this); may differ from the loaded project
    // when the last request failed.
    QString configPath() const { return m_configPath; }
    QString section() const { return m_section; }

    // The last project that loaded: its config file, its folder, its graph (may be null).
    QString loadedConfigPath() const { return m_loadedConfigPath; }
    QString loadedSection() const { return m_loadedSection; }
    QString projectRoot() const;
    std::shared_ptr<const AlembicConfig> config() const { return m_config; }
    std::shared_ptr<const RevisionGraph> graph() const { return m_graph; }
    // Plans against graph(), built with it on the load thread (null when graph() is).
    std::shared_ptr<const MigrationPlanner> planner() const { return m_planner; }

    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_lastError; }

signals:
    void loadingStarted();
    void loaded(std::shared_ptr<const RevisionGraph> graph);
    void failed(const QString& message);

private:
    struct Outcome;
    static Outcome load(const QString& configPath, const QString& section);
    void finish(const Outcome& outcome);

    QString m_configPath;
    QString m_section;
    QString m_loadedConfigPath;
    QString m_loadedSection;
    QString m_lastError;
    std::shared_ptr<const AlembicConfig> m_config;
    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const MigrationPlanner> m_planner;
    QThreadPool m_loadPool;
    LatestJob m_load{&m_loadPool}; // declared after the pool: cancelled before it is joined
    bool m_loading = false;
};

} // namespace retort
