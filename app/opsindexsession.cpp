#include "app/opsindexsession.h"

#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

namespace retort {

// Only plain values cross the thread boundary.
struct OpsIndexSession::Outcome
{
    ProjectSnapshot project;
    std::shared_ptr<const MigrationOpsIndex> index;
    Diagnostics lint;
    QList<TableTimeline> tables;
    QString tablesError;
};

OpsIndexSession::OpsIndexSession(QObject* parent) : QObject(parent)
{
    m_pool.setObjectName(QStringLiteral("retort.opsIndex"));
    m_pool.setMaxThreadCount(1); // one project at a time; MigrationOpsIndex has its own pool
}

OpsIndexSession::~OpsIndexSession()
{
    m_job.cancel(); // a read under way gives up between files; the pool waits for it
}

void OpsIndexSession::setProject(const ProjectSnapshot& project)
{
    m_job.cancel();
    m_pending = project;
    m_hasPending = project.isLoaded();
    m_reading = m_hasPending;
    if (m_hasPending)
        emit readingStarted();
    if (!m_hold)
        start();
}

void OpsIndexSession::graphShown()
{
    start();
}

void OpsIndexSession::start()
{
    if (!m_hasPending)
        return;
    m_hasPending = false;
    m_job.start(
        this,
        [project = m_pending](const JobToken& token) { return build(project, token); },
        [this](const Outcome& outcome) {
            m_reading = false;
            m_project = outcome.project;
            m_index = outcome.index;
            m_lint = outcome.lint;
            m_tables = outcome.tables;
            m_tablesError = outcome.tablesError;
            emit indexChanged();
        });
    m_pending = {};
}

OpsIndexSession::Outcome OpsIndexSession::build(const ProjectSnapshot& project,
                                                const JobToken& token)
{
    Outcome outcome;
    outcome.project = project;
    const RevisionGraph& graph = *project.graph;
    auto index = std::make_shared<MigrationOpsIndex>(
        MigrationOpsIndex::read(graph, [&token] { return token.isCancelled(); }));
    if (token.isCancelled())
        return outcome; // dropped anyway
    outcome.lint = MigrationRisks::lint(graph, *index);
    if (project.planner) {
        const Result<MigrationPlan> plan = project.planner->upgrade({}, QStringLiteral("heads"));
        if (plan)
            outcome.tables = SchemaHistory::tables(*index, *plan);
        else
            outcome.tablesError = plan.error();
    }
    outcome.index = std::move(index);
    return outcome;
}

QHash<QString, QStringList> OpsIndexSession::warningsByRevision() const
{
    QHash<QString, QStringList> warnings;
    for (const Diagnostic& diagnostic : m_lint) {
        if (!diagnostic.revision.isEmpty() && diagnostic.severity == Diagnostic::Severity::Warning)
            warnings[diagnostic.revision].append(diagnostic.message);
    }
    return warnings;
}

} // namespace retort
