#pragma once

#include "model/project/projectid.h"
#include "model/run/driftcheck.h"
#include "model/run/runevent.h"
#include "widgets/environments/environmentlistmodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace retort {

class AlembicRunner;
class DatabaseSession;
class EnvironmentsView;
class ProjectSession;
class Settings;
struct ProjectSnapshot;

// Feeds the Environments view and runs its Check Drift.
//
// The rows come from DatabaseSession (where each database stands, when it was read) and the
// project's graph (pending revisions, heads not applied). Check Drift is an explicit action on
// one profile: it first learns which alembic the project's Python has (from its files, else by
// asking it, off the GUI thread); one older than 1.9 has no `alembic check`, which is said
// without running anything. Otherwise `alembic check` runs through the window's AlembicRunner
// with the profile's URL, environment and -x (profileRunRequest, as every run), and its output
// is read by DriftCheck. The last result of each profile is kept with its time in the
// project's settings, so the view shows it after a restart.
class EnvironmentsController : public QObject
{
    Q_OBJECT

public:
    EnvironmentsController(ProjectSession* project, DatabaseSession* databases,
                           AlembicRunner* runner, Settings& settings, EnvironmentsView* view,
                           QWidget* window, QObject* parent = nullptr);
    ~EnvironmentsController() override;

    // A project loaded: another project's kept drift results are read from the settings.
    void setProject(const ProjectSnapshot& project);

    // The rows the view shows, one per profile in the profiles' order.
    QList<EnvironmentRow> rows() const;
    DriftResult driftResult(const QString& profile) const { return m_results.value(profile); }
    bool isChecking(const QString& profile) const;
    // Why the last Check Drift could not start ("" when it could).
    QString lastProblem() const { return m_lastProblem; }

    void refresh(const QString& profile = {}); // every profile when empty
    void checkDrift(const QString& profile);

signals:
    void driftCheckStarted(const QString& profile);
    void driftCheckFinished(const QString& profile);
    void statusMessage(const QString& text);
    // For the Log: what a check runs and its result (notes), and what alembic printed.
    void logNote(const QString& text, retort::RunEvent::Level level);
    void logOutput(const retort::RunEvent& event);

private:
    struct Check
    {
        QString profile;
        QString alembicVersion;
        QStringList stdoutLines;
    };

    void updateRows();
    void startCheck(const QString& profile, quint64 generation);
    void onRunEvent(const RunEvent& event);
    void finishCheck(const QString& profile, DriftResult result);
    void load();
    void persist();
    void forgetRemovedProfiles();
    void showProblem(const QString& text);

    ProjectSession* m_project = nullptr;
    DatabaseSession* m_databases = nullptr;
    AlembicRunner* m_runner = nullptr;
    Settings& m_settings;
    EnvironmentsView* m_view = nullptr;
    QWidget* m_window = nullptr;

    ProjectId m_projectId;
    quint64 m_generation = 0; // one per project: a check started for another is dropped
    QHash<QString, DriftResult> m_results;
    QHash<quint64, Check> m_runs; // run id -> the check it is
    QStringList m_preparing;      // profiles whose alembic is being asked for its version
    QString m_lastProblem;
};

} // namespace retort
