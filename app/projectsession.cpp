#include "app/projectsession.h"

#include "model/script/scancache.h"

#include "model/config/alembicconfig.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/project/projectloader.h"
#include "model/script/filewatcher.h"

#include <QDir>
#include <QFile>
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
    QByteArray configBytes; // as loaded: the watcher reports only changes from these
    QString error;
};

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent), m_watcher(new FileWatcher(this))
{
    m_loadPool.setObjectName(QStringLiteral("retort.projectLoad"));
    m_loadPool.setMaxThreadCount(1);
    // The config file's bytes changed: load it again, as scripts are.
    connect(m_watcher, &FileWatcher::fileChanged, this, [this](const QString& path) {
        if (path == m_watchedConfig && checkProjectPresent())
            reload();
    });
    // It is gone, or the folders around it changed (the project folder renamed away or back).
    connect(m_watcher, &FileWatcher::fileRemoved, this, [this] { checkProjectPresent(); });
    connect(m_watcher, &FileWatcher::directoriesChanged, this, [this] { checkProjectPresent(); });
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
    // The loaded project vanished: no load can succeed, and its failure would hide why.
    if (m_project.isLoaded() && m_requested == m_project.id &&
        !QFileInfo::exists(m_requested.configPath())) {
        setMissing(missingText());
        return;
    }

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
    // A reload after a save reads only the files that changed.
    if (!m_scanCache || !(m_scanCacheFor == m_requested)) {
        m_scanCache = std::make_shared<ScanCache>();
        m_scanCacheFor = m_requested;
    }
    options.scanCache = m_scanCache;
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
    if (QFile config(configPath); config.open(QIODevice::ReadOnly))
        outcome.configBytes = config.readAll();
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
        // vanished while it loaded: say that, not the reader's error
        if (m_project.isLoaded() && m_requested == m_project.id &&
            !QFileInfo::exists(m_requested.configPath())) {
            setMissing(missingText());
            return;
        }
        emit failed(m_lastError);
        return;
    }

    m_lastError.clear();
    m_project = outcome.project;
    watch(outcome.configBytes);
    setMissing({});
    qCInfo(lcSession) << "loaded" << m_project.id.configPath() << m_project.graph->size()
                      << "revisions," << m_project.graph->diagnostics().size() << "diagnostics";
    emit loaded(m_project);
}

void ProjectSession::watch(const QByteArray& configBytes)
{
    const QString config = m_project.id.configPath();
    if (!m_watchedConfig.isEmpty() && m_watchedConfig != config)
        m_watcher->unwatchFile(m_watchedConfig);
    m_watchedConfig = QDir::cleanPath(config);
    // The file and its folder (FileWatcher watches a file's folder too) tell when the project
    // folder is renamed away; only the folder that holds it tells when it comes back.
    m_watcher->watchFile(m_watchedConfig, configBytes);
    QDir parent = QFileInfo(m_watchedConfig).absoluteDir();
    m_watcher->setDirectories(parent.cdUp() ? QStringList{parent.absolutePath()} : QStringList{});
}

bool ProjectSession::checkProjectPresent()
{
    if (!m_project.isLoaded())
        return true;
    if (!QFileInfo::exists(m_project.id.configPath())) {
        setMissing(missingText());
        return false;
    }
    if (isProjectMissing() && !m_loading)
        reload(); // back: read it again; runs come back when it has loaded
    return true;
}

QString ProjectSession::missingText() const
{
    const QString config = m_project.id.configPath();
    const QString folder = QFileInfo(config).absolutePath();
    if (!QFileInfo(folder).isDir())
        return tr("The project folder %1 was moved or deleted; runs are disabled until you "
                  "reopen it. Open scripts keep their text.")
            .arg(QDir::toNativeSeparators(folder));
    return tr("The configuration file %1 was moved or deleted; runs are disabled until it is "
              "back or you reopen the project. Open scripts keep their text.")
        .arg(QDir::toNativeSeparators(config));
}

void ProjectSession::setMissing(const QString& message)
{
    if (message == m_missingMessage)
        return;
    m_missingMessage = message;
    if (!message.isEmpty())
        qCWarning(lcSession) << "project vanished:" << m_project.id.configPath();
    emit projectMissingChanged(!message.isEmpty(), message);
}

} // namespace retort
