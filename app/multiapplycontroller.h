#pragma once

#include "model/common/result.h"
#include "model/run/runevent.h"
#include "model/run/runkind.h"
#include "model/run/runrules.h"
#include "widgets/plan/applyseveralconfirmdialog.h"
#include "widgets/plan/applyseveraldialog.h"

#include <QList>
#include <QObject>
#include <QMessageBox>
#include <QPointer>
#include <QSet>
#include <QStringList>

class QAction;
class QTimer;
class QWidget;

namespace retort {

class DatabaseSession;
class GraphView;
class LogPane;
class RunController;

// "Apply to Several Databases": one target applied to several databases one after another
// (e.g. dev, then staging). Each database is planned with the RunController's own planning
// (upgrade or downgrade, whichever reaches the target; one already there runs nothing), all
// plans are confirmed together once (each protected database still asks for its name), and
// the confirmed plans run through the RunController, never two at once. The first failure,
// stop or start failure ends the sequence: the databases after it are not run. At the end
// every database is read again and a summary says, per database, done / failed at REV
// (alembic's error) / stopped / not run, and where it now stands as read.
class MultiApplyController : public QObject
{
    Q_OBJECT

public:
    // What happened to one database of the sequence.
    struct Outcome
    {
        enum class Status
        {
            Waiting,      // confirmed, its turn not come yet
            AlreadyThere, // nothing to run
            Running,
            Done,
            Failed,  // alembic failed (failedAt: the step it was running) or did not start
            Stopped, // stopped by the person
            NotRun   // after a failure or a stop
        };
        QString profile;
        RunFacts facts; // what was confirmed
        Status status = Status::Waiting;
        QString failedAt;     // the revision whose step failed ("" when none had started)
        QString error;        // alembic's error, or why it did not start
        QStringList rowsRead; // the version table as read again at the end (sorted)
        QString readError;    // why it could not be read again ("" when it was)
    };

    MultiApplyController(RunController* runs, DatabaseSession* databases, GraphView* graph,
                         LogPane* log, QWidget* window, QObject* parent = nullptr);

    QAction* applyAction() const { return m_apply; }

    // Plans `target` for each profile in order and shows the one confirmation (or says why
    // it cannot: a database that cannot be planned is named with alembic's reason).
    void planSeveral(const QString& target, const QStringList& profiles);

    // The dialogs while they are open (tests drive them), else null.
    ApplySeveralDialog* chooser() const { return m_chooser; }
    ApplySeveralConfirmDialog* confirmation() const { return m_confirmation; }
    QMessageBox* summaryBox() const { return m_summary; }

    bool isRunning() const { return m_running; }
    QList<Outcome> outcomes() const { return m_outcomes; }
    // The summary's text, one line per database (empty before the first sequence ends).
    QString summaryText() const { return m_summaryText; }
    // Why the last request could not be planned ("" when it could).
    QString lastProblem() const { return m_lastProblem; }

signals:
    // The sequence ended and every database in it was read again.
    void finished();

private:
    void choose();
    // The plan that brings `profile` to `target`: upgrade, else downgrade, else nothing.
    Result<RunFacts> planTowards(const QString& profile, const QString& target) const;
    void start();
    void runNext();
    void onRunEnded(quint64 runId, const QString& profile, RunEvent::Status status,
                    const QString& failedAt, const QString& reason);
    void skipTheRest();
    void readAgain();
    void onStateChanged(const QString& name);
    void showSummary();
    QString outcomeLine(const Outcome& outcome) const;
    void showProblem(const QString& text);
    void updateAction();

    RunController* m_runs = nullptr;
    DatabaseSession* m_databases = nullptr;
    GraphView* m_graph = nullptr;
    LogPane* m_log = nullptr;
    QWidget* m_window = nullptr;
    QAction* m_apply = nullptr;

    QPointer<ApplySeveralDialog> m_chooser;
    QPointer<ApplySeveralConfirmDialog> m_confirmation;
    QPointer<QMessageBox> m_summary;

    QString m_target;
    QList<Outcome> m_outcomes;
    qsizetype m_current = -1; // the outcome whose run goes on
    quint64 m_runId = 0;
    bool m_running = false;
    QSet<QString> m_reading; // read again at the end, not back yet
    QTimer* m_readTimeout = nullptr;
    QString m_summaryText;
    QString m_lastProblem;
};

} // namespace retort
