#include "app/projectsession.h"

#include "model/config/alembicconfig.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/project/projectloader.h"

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
    ProjectSnapshot project;
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

void ProjectSession::open(const QString& configPath, const QString& section)
{
    m_requested = ProjectId(configPath.isEmpty() ? QString() : QFileInfo(configPath).absoluteFilePath(),
                            section);
    reload();
}

void ProjectSession::reload()
{
    if (m_requested.isEmpty())
        return;

    m_loading = true;
    qCInfo(lcSession) << "loading" << m_requested.configPath() << "section"
                      << m_requested.section() << "generation" << m_load.generation() + 1;
    emit loadingStarted();

    // The job holds only copies of its inputs; its result reaches this session only if no
    // newer load started meanwhile and the session still exists.
    LoadOptions options;
    options.section = m_requested.section();
    options.interpreter = m_interpreterLookup ? m_interpreterLookup(m_requested) : QString();
    options.askedVersions = m_askedVersions;
    m_load.start(
        this, [id = m_requested, options](const JobToken&) { return load(id, options); },
        [this](const Outcome& outcome) { finish(outcome); });
}

void ProjectSession::rememberAskedAlembic(const QString& interpreter, AlembicVersion version)
{
    m_askedVersions.insert(interpreter, version);
    reload();
}

ProjectSession::Outcome ProjectSession::load(const ProjectId& id, const LoadOptions& options)
{
    Outcome outcome;
    const QString configPath = id.configPath();
    Result<LoadedProject> project = ProjectLoader::load(configPath, options);
    if (!project) {
        outcome.error = project.error();
        return outcome;
    }
    qCDebug(lcSession) << "read" << project->fileCount << "files of" << configPath << "in"
                       << project->elapsedMs << "ms";
    outcome.project.id = id;
    outcome.project.graph = project->graph;
    // The planner's tables (the ancestor closure among them) are built here, off the GUI
    // thread, rather than on the first click of a run action. It shares the graph.
    auto planner = std::make_shared<MigrationPlanner>(project->graph, project->alembic.rules);
    outcome.project.alembic = project->alembic;
    planner->prepare();
    outcome.project.planner = std::move(planner);
    outcome.project.config =
        std::make_shared<const AlembicConfig>(std::move(project).value().config);
    return outcome;
}

void ProjectSession::finish(const Outcome& outcome)
{
    m_loading = false;

    if (!outcome.project.isLoaded()) {
        m_lastError =
            outcome.error.isEmpty() ? tr("The project could not be loaded.") : outcome.error;
        qCWarning(lcSession) << "failed to load" << m_requested.configPath() << ":" << m_lastError;
        emit failed(m_lastError);
        return;
    }

    m_lastError.clear();
    m_project = outcome.project;
    qCInfo(lcSession) << "loaded" << m_project.id.configPath() << m_project.graph->size()
                      << "revisions," << m_project.graph->diagnostics().size() << "diagnostics";
    emit loaded(m_project);
}

} // namespace retort
