#include "projectsession.h"

#include "config/alembicconfig.h"
#include "graph/migrationplanner.h"
#include "graph/revisiongraph.h"
#include "project/projectloader.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

namespace retort {

namespace {
Q_LOGGING_CATEGORY(lcSession, "retort.app.session", QtWarningMsg)
}

// Only plain values cross the thread boundary.
struct ProjectSession::Outcome
{
    std::shared_ptr<const AlembicConfig> config;
    std::shared_ptr<const RevisionGraph> graph;
    std::shared_ptr<const MigrationPlanner> planner;
    QString error;
};

ProjectSession::ProjectSession(QObject* parent) : QObject(parent)
{
    m_loadPool.setObjectName(QStringLiteral("retort.projectLoad"));
    m_loadPool.setMaxThreadCount(1);
}

ProjectSession::~ProjectSession()
{
    m_load.cancel(); // loads that have not started never will
}

QString ProjectSession::projectRoot() const
{
    if (m_config)
        return m_config->here();
    if (m_loadedConfigPath.isEmpty())
        return {};
    return QFileInfo(m_loadedConfigPath).absolutePath();
}

void ProjectSession::open(const QString& configPath, const QString& section)
{
    m_configPath = configPath.isEmpty() ? QString() : QFileInfo(configPath).absoluteFilePath();
    m_section = section.isEmpty() ? QStringLiteral("alembic") : section;
    reload();
}

void ProjectSession::reload()
{
    if (m_configPath.isEmpty())
        return;

    m_loading = true;
    qCInfo(lcSession) << "loading" << m_configPath << "section" << m_section << "generation"
                      << m_load.generation() + 1;
    emit loadingStarted();

    // The job holds only copies of its inputs; its result reaches this session only if no
    // newer load started meanwhile and the session still exists.
    m_load.start(
        this,
        [configPath = m_configPath, section = m_section](const JobToken&) {
            return load(configPath, section);
        },
        [this](const Outcome& outcome) { finish(outcome); });
}

ProjectSession::Outcome ProjectSession::load(const QString& configPath, const QString& section)
{
    Outcome outcome;
    Result<LoadedProject> project = ProjectLoader::load(configPath, section);
    if (!project) {
        outcome.error = project.error();
        return outcome;
    }
    qCDebug(lcSession) << "read" << project->fileCount << "files of" << configPath << "in"
                       << project->elapsedMs << "ms";
    outcome.graph = project->graph;
    // The planner's tables (the ancestor closure among them) are built here, off the GUI
    // thread, rather than on the first click of a run action.
    // The planner refers to the graph: its deleter holds the graph so the two live together.
    const std::shared_ptr<const RevisionGraph> graph = outcome.graph;
    auto* planner = new MigrationPlanner(*graph);
    planner->prepare();
    outcome.planner = std::shared_ptr<const MigrationPlanner>(
        planner, [graph](const MigrationPlanner* p) { delete p; });
    outcome.config = std::make_shared<const AlembicConfig>(std::move(project).value().config);
    return outcome;
}

void ProjectSession::finish(const Outcome& outcome)
{
    m_loading = false;

    if (!outcome.graph) {
        m_lastError =
            outcome.error.isEmpty() ? tr("The project could not be loaded.") : outcome.error;
        qCWarning(lcSession) << "failed to load" << m_configPath << ":" << m_lastError;
        emit failed(m_lastError);
        return;
    }

    m_lastError.clear();
    m_config = outcome.config;
    m_graph = outcome.graph;
    m_planner = outcome.planner;
    m_loadedConfigPath = m_configPath;
    m_loadedSection = m_section;
    qCInfo(lcSession) << "loaded" << m_loadedConfigPath << m_graph->size() << "revisions,"
                      << m_graph->diagnostics().size() << "diagnostics";
    emit loaded(m_graph);
}

} // namespace retort
