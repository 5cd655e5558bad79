#include "app/environmentscontroller.h"

#include "app/databasesession.h"
#include "app/projectrunrequest.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "model/common/latestjob.h"
#include "model/config/alembicconfig.h"
#include "model/graph/revisiongraph.h"
#include "model/project/projectsnapshot.h"
#include "model/run/alembicprogram.h"
#include "model/run/alembicrunner.h"
#include "model/run/installedalembic.h"
#include "widgets/environments/environmentsview.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcessEnvironment>

#include <algorithm>

namespace retort {

namespace {

constexpr int kAskTimeoutMs = 30000;

// Which alembic the request's Python imports: read from its files, else asked (blocks: run
// off the GUI thread). The environment is the one the run gets (a profile may set PYTHONPATH).
Result<InstalledAlembic> installedAlembic(const RunRequest& request)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    const Result<AlembicProgram> program =
        AlembicProgram::find(request.workingDirectory, request.interpreter);
    if (!program)
        return Failure{program.error()};
    Result<InstalledAlembic> found = InstalledAlembic::find(*program, environment);
    if (found)
        return found;
    return InstalledAlembic::ask(*program, environment, request.workingDirectory, kAskTimeoutMs);
}

} // namespace

EnvironmentsController::EnvironmentsController(ProjectSession* project,
                                               DatabaseSession* databases, AlembicRunner* runner,
                                               Settings& settings, EnvironmentsView* view,
                                               QWidget* window, QObject* parent)
    : QObject(parent), m_project(project), m_databases(databases), m_runner(runner),
      m_settings(settings), m_view(view), m_window(window)
{
    connect(m_runner, &AlembicRunner::event, this, &EnvironmentsController::onRunEvent);
    connect(m_databases, &DatabaseSession::stateChanged, this, &EnvironmentsController::updateRows);
    connect(m_databases, &DatabaseSession::profilesChanged, this, [this] {
        forgetRemovedProfiles();
        updateRows();
    });
    connect(m_view, &EnvironmentsView::refreshRequested, this, &EnvironmentsController::refresh);
    connect(m_view, &EnvironmentsView::checkDriftRequested, this,
            &EnvironmentsController::checkDrift);
    updateRows();
}

EnvironmentsController::~EnvironmentsController() = default;

void EnvironmentsController::setProject(const ProjectSnapshot& project)
{
    if (project.id == m_projectId) {
        updateRows(); // a reload: the same profiles, a new graph
        return;
    }
    m_projectId = project.id;
    ++m_generation;
    m_runs.clear(); // their results belong to the previous project
    m_preparing.clear();
    load();
    updateRows();
}

bool EnvironmentsController::isChecking(const QString& profile) const
{
    if (m_preparing.contains(profile))
        return true;
    return std::any_of(m_runs.cbegin(), m_runs.cend(),
                       [&profile](const Check& check) { return check.profile == profile; });
}

QList<EnvironmentRow> EnvironmentsController::rows() const
{
    const std::shared_ptr<const RevisionGraph> graph = m_databases->graph();
    QList<EnvironmentRow> rows;
    for (const ConnectionProfile& profile : m_databases->profiles()) {
        const QString name = profile.name();
        EnvironmentRow row;
        row.database = m_databases->row(name);
        const DatabaseState state = m_databases->state(name);
        if (graph && state.isReadable() && state.isDerived()) {
            row.pending = int(state.pending().size());
            for (const QString& head : graph->heads())
                if (!state.isApplied(head))
                    row.missingHeads.append(head);
        }
        row.readAt = m_databases->readAt(name);
        row.drift = m_results.value(name);
        row.checking = isChecking(name);
        rows.append(row);
    }
    return rows;
}

void EnvironmentsController::updateRows()
{
    m_view->setRows(rows());
}

void EnvironmentsController::refresh(const QString& profile)
{
    m_databases->refresh(profile);
}

void EnvironmentsController::showProblem(const QString& text)
{
    m_lastProblem = text;
    emit statusMessage(text);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Check Drift"), text, QMessageBox::Ok,
                                m_window);
    box->setObjectName(QStringLiteral("environmentsProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void EnvironmentsController::checkDrift(const QString& profileName)
{
    m_lastProblem.clear();
    if (profileName.isEmpty() || isChecking(profileName))
        return;
    const ConnectionProfile* profile = m_databases->profile(profileName);
    const std::shared_ptr<const AlembicConfig> config = m_databases->config();
    if (!profile || !config) {
        showProblem(tr("No project or no database profile “%1”.").arg(profileName));
        return;
    }
    if (!m_project->checkProjectPresent()) {
        showProblem(m_project->missingMessage());
        return;
    }
    if (!profile->unknownSecrets().isEmpty()) {
        QStringList what;
        for (const QString& slot : profile->unknownSecrets())
            what.append(ConnectionProfile::describeSlot(slot));
        showProblem(tr("Retort does not know %1 of “%2”; Refresh it to type it in.")
                        .arg(what.join(QStringLiteral(", ")), profileName));
        return;
    }
    // SQLite creates a missing file on connecting: a check must not leave an empty database
    // behind where Retort only ever reads.
    if (const DatabaseState state = m_databases->state(profileName); state.isFileMissing()) {
        showProblem(tr("The database of “%1” is a SQLite file that does not exist yet (%2): "
                       "alembic check would create it, empty, and find it behind the head. "
                       "Upgrade it first.")
                        .arg(profileName, QDir::toNativeSeparators(state.missingFile())));
        return;
    }
    if (m_runner->isBusy(profileName)) {
        showProblem(tr("Something runs on “%1” now; check its drift when it is done.")
                        .arg(profileName));
        return;
    }
    const RunRequest request =
        profileRunRequest(*m_project, m_settings, *config, *profile, DriftCheck::arguments());
    m_preparing.append(profileName);
    emit driftCheckStarted(profileName);
    emit statusMessage(tr("Checking the drift of “%1”…").arg(profileName));
    updateRows();
    runInBackground(
        this, [request] { return installedAlembic(request); },
        [this, request, profileName, generation = m_generation](
            const Result<InstalledAlembic>& installed) {
            if (generation != m_generation)
                return; // another project opened meanwhile
            m_preparing.removeAll(profileName);
            QString version;
            if (installed) {
                version = installed->version.toString();
                if (const std::optional<QString> refusal = DriftCheck::refusal(installed->version)) {
                    DriftResult result;
                    result.status = DriftResult::Status::Unsupported;
                    result.message = *refusal;
                    result.alembicVersion = version;
                    finishCheck(profileName, result);
                    return;
                }
            } // not found: alembic itself says what is wrong when it runs (or cannot)
            const quint64 id = m_runner->start(request);
            m_runs.insert(id, Check{profileName, version, {}});
            emit logNote(tr("▶ alembic check   (drift of “%1”)").arg(profileName),
                         RunEvent::Level::Info);
            updateRows();
        });
}

void EnvironmentsController::onRunEvent(const RunEvent& event)
{
    const auto it = m_runs.find(event.runId);
    if (it == m_runs.end())
        return; // another command's run
    if (event.kind == RunEvent::Kind::Output && event.stream == RunEvent::Stream::Stdout)
        it->stdoutLines.append(event.text);
    if (event.kind == RunEvent::Kind::Output || event.kind == RunEvent::Kind::Started)
        emit logOutput(event);
    if (event.kind != RunEvent::Kind::Finished)
        return;
    const Check check = *it;
    m_runs.erase(it);
    DriftResult result;
    switch (event.status) {
    case RunEvent::Status::Succeeded:
    case RunEvent::Status::Failed:
        result = DriftCheck::interpret(event.exitCode, check.stdoutLines, event.reason);
        break;
    case RunEvent::Status::Stopped:
        result.status = DriftResult::Status::Failed;
        result.message = tr("The check was stopped.");
        break;
    case RunEvent::Status::FailedToStart:
        result.status = DriftResult::Status::Failed;
        result.message = event.reason.isEmpty() ? event.text : event.reason;
        break;
    }
    result.alembicVersion = check.alembicVersion;
    finishCheck(check.profile, result);
}

void EnvironmentsController::finishCheck(const QString& profile, DriftResult result)
{
    result.checkedAt = QDateTime::currentDateTimeUtc();
    m_results.insert(profile, result);
    persist();
    updateRows();
    QString said = tr("Drift of “%1”: %2")
                       .arg(profile, EnvironmentListModel::driftText(
                                         EnvironmentRow{{}, -1, {}, {}, result, false}));
    if (!result.message.isEmpty())
        said = tr("%1 — %2").arg(said, result.message);
    emit statusMessage(said);
    emit logNote(said, result.status == DriftResult::Status::InSync ? RunEvent::Level::Info
                                                                    : RunEvent::Level::Warning);
    emit driftCheckFinished(profile);
}

void EnvironmentsController::load()
{
    m_results.clear();
    if (m_projectId.isEmpty())
        return;
    const QByteArray json = m_settings.driftResults(
        RecentProject{m_projectId.configPath(), m_projectId.section()});
    const QJsonObject saved = QJsonDocument::fromJson(json).object();
    for (auto it = saved.constBegin(); it != saved.constEnd(); ++it) {
        const DriftResult result = DriftResult::fromJson(it.value().toObject());
        if (result.isChecked())
            m_results.insert(it.key(), result);
    }
}

void EnvironmentsController::persist()
{
    if (m_projectId.isEmpty())
        return;
    QJsonObject saved;
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it)
        if (!m_databases->isTemporary(it.key())) // a session's profile leaves no trace
            saved.insert(it.key(), it->toJson());
    m_settings.setDriftResults(RecentProject{m_projectId.configPath(), m_projectId.section()},
                               saved.isEmpty() ? QByteArray()
                                               : QJsonDocument(saved).toJson(QJsonDocument::Compact));
}

void EnvironmentsController::forgetRemovedProfiles()
{
    // Only when the profiles are this project's: DatabaseSession may have loaded the next
    // project's before setProject() reached this controller.
    const std::shared_ptr<const AlembicConfig> config = m_databases->config();
    if (!config || ProjectId(config->configPath(), config->section()) != m_projectId)
        return;
    bool removed = false;
    for (auto it = m_results.begin(); it != m_results.end();) {
        if (m_databases->profile(it.key())) {
            ++it;
        } else {
            it = m_results.erase(it);
            removed = true;
        }
    }
    if (removed)
        persist();
}

} // namespace retort
