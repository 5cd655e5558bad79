#include "app/multiapplycontroller.h"

#include "app/databasesession.h"
#include "app/runcontroller.h"
#include "model/config/connectionprofile.h"
#include "widgets/graph/graphview.h"
#include "widgets/log/logpane.h"
#include "widgets/plan/applyseveralconfirmdialog.h"
#include "widgets/plan/applyseveraldialog.h"

#include <QAction>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>

namespace retort {

namespace {

QString rowsText(const QStringList& rows)
{
    return rows.isEmpty() ? MultiApplyController::tr("base (empty)")
                          : rows.join(QStringLiteral(", "));
}

QString shortId(const QString& id)
{
    return id.left(12);
}

// How long the reads at the end may take before the summary is shown without them.
constexpr int kReadAgainTimeoutMs = 60000;

} // namespace

MultiApplyController::MultiApplyController(RunController* runs, DatabaseSession* databases,
                                           GraphView* graph, LogPane* log, QWidget* window,
                                           QObject* parent)
    : QObject(parent), m_runs(runs), m_databases(databases), m_graph(graph), m_log(log),
      m_window(window), m_readTimeout(new QTimer(this))
{
    m_apply = new QAction(tr("Apply to Se&veral Databases…"), this);
    m_apply->setObjectName(QStringLiteral("applySeveralAction"));
    const QString tip = tr("Upgrade or downgrade several databases to one target, one after "
                           "another, after one confirmation");
    m_apply->setStatusTip(tip);
    m_apply->setToolTip(tip);
    connect(m_apply, &QAction::triggered, this, &MultiApplyController::choose);

    connect(m_runs, &RunController::runEnded, this, &MultiApplyController::onRunEnded);
    connect(m_runs, &RunController::runStarted, this, &MultiApplyController::updateAction);
    connect(m_runs, &RunController::runFinished, this, &MultiApplyController::updateAction);
    connect(m_databases, &DatabaseSession::profilesChanged, this,
            &MultiApplyController::updateAction);
    connect(m_databases, &DatabaseSession::stateChanged, this,
            &MultiApplyController::onStateChanged);
    m_readTimeout->setSingleShot(true);
    m_readTimeout->setInterval(kReadAgainTimeoutMs);
    connect(m_readTimeout, &QTimer::timeout, this, [this] {
        if (!m_reading.isEmpty()) {
            m_reading.clear();
            showSummary();
        }
    });
    updateAction();
}

void MultiApplyController::updateAction()
{
    m_apply->setEnabled(!m_databases->profiles().isEmpty() && !m_running &&
                        !m_runs->isRunning());
}

void MultiApplyController::showProblem(const QString& text)
{
    m_lastProblem = text;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Apply to Several Databases"), text,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("applySeveralProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MultiApplyController::choose()
{
    if (m_running)
        return;
    // plans are for one alembic's rules: ask the interpreter first when its files say nothing
    if (!m_runs->alembicKnownOrAsk([this] { choose(); }))
        return;
    if (!m_runs->canPlan()) {
        showProblem(tr("No project is loaded, or its folder is gone."));
        return;
    }
    QList<ApplySeveralDialog::Database> databases;
    for (const ConnectionProfile& p : m_databases->profiles()) {
        const DatabaseState state = m_databases->state(p.name());
        QString where;
        if (!state.isReadable())
            where = state.isNotRead() ? tr("not read yet") : tr("cannot be read");
        else
            where = tr("at %1").arg(rowsText(state.sortedCurrentRevisions()));
        databases.append({p.name(), p.isProtected(), where});
    }
    if (m_chooser)
        m_chooser->reject();
    auto* dialog = new ApplySeveralDialog(databases, m_graph->currentRevision(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_chooser = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        planSeveral(dialog->target(), dialog->chosenProfiles());
    });
    dialog->open();
}

Result<RunFacts> MultiApplyController::planTowards(const QString& profile,
                                                   const QString& target) const
{
    // Upgrade when that reaches the target; a database beyond it goes down instead; one where
    // neither has a step is already there (alembic would run nothing either way).
    Result<RunFacts> up = m_runs->planFor(profile, RunKind::Upgrade, target);
    if (up && (!up->plan.isEmpty() || up->cannotLoad))
        return up;
    Result<RunFacts> down = m_runs->planFor(profile, RunKind::Downgrade, target);
    if (down && !down->plan.isEmpty())
        return down;
    if (up)
        return up;
    if (down)
        return down;
    return up; // alembic's reason for the direction tried first
}

void MultiApplyController::planSeveral(const QString& target, const QStringList& profiles)
{
    m_lastProblem.clear();
    if (m_running || target.isEmpty() || profiles.isEmpty())
        return;
    QList<Outcome> outcomes;
    QList<ApplySeveralConfirmDialog::Entry> entries;
    QStringList refused;
    for (const QString& profile : profiles) {
        const Result<RunFacts> facts = planTowards(profile, target);
        if (!facts) {
            refused << tr("“%1”: %2").arg(profile, facts.error());
            continue;
        }
        Outcome outcome;
        outcome.profile = profile;
        outcome.facts = *facts;
        ApplySeveralConfirmDialog::Entry entry;
        entry.profile = profile;
        entry.alreadyThere = facts->isNothingToRun();
        const QString action = facts->kind == RunKind::Downgrade ? tr("Downgrade to %1").arg(target)
                                                                 : tr("Upgrade to %1").arg(target);
        entry.summary = m_runs->summarize(*facts, action, profile);
        if (entry.alreadyThere)
            outcome.status = Outcome::Status::AlreadyThere;
        outcomes << outcome;
        entries << entry;
    }
    if (!refused.isEmpty()) {
        showProblem(tr("Nothing was run: these databases cannot be brought to %1.").arg(target) +
                    QStringLiteral("\n\n") + refused.join(QStringLiteral("\n")));
        return;
    }
    bool anything = false;
    for (const ApplySeveralConfirmDialog::Entry& entry : std::as_const(entries))
        anything = anything || !entry.alreadyThere;
    if (!anything) {
        m_lastProblem = tr("Nothing to run: every chosen database is already at %1.").arg(target);
        m_log->appendNote(m_lastProblem);
        showProblem(m_lastProblem);
        return;
    }

    if (m_confirmation)
        m_confirmation->reject();
    auto* dialog = new ApplySeveralConfirmDialog(target, entries, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = dialog;
    connect(dialog, &QDialog::accepted, this, [this, target, outcomes] {
        m_target = target;
        m_outcomes = outcomes;
        start();
    });
    dialog->open();
}

void MultiApplyController::start()
{
    m_running = true;
    m_current = -1;
    m_runId = 0;
    m_summaryText.clear();
    QStringList order;
    for (const Outcome& o : std::as_const(m_outcomes))
        order << o.profile;
    m_log->appendNote(tr("Applying %1 to %2, in this order.")
                          .arg(m_target, order.join(QStringLiteral(", "))));
    updateAction();
    runNext();
}

void MultiApplyController::runNext()
{
    for (qsizetype i = m_current + 1; i < m_outcomes.size(); ++i) {
        Outcome& outcome = m_outcomes[i];
        if (outcome.status != Outcome::Status::Waiting)
            continue; // already there
        m_current = i;
        // The confirmed plan was made from the rows read then: if the database moved since
        // (another run, another program), that plan is not what alembic would run now.
        const DatabaseState state = m_databases->state(outcome.profile);
        QStringList planned = outcome.facts.plan.startHeads;
        planned.sort();
        if (!state.isReadable() || state.sortedCurrentRevisions() != planned) {
            outcome.status = Outcome::Status::Failed;
            outcome.error = tr("it no longer stands where its plan was confirmed (%1); nothing "
                               "was run on it")
                                .arg(rowsText(planned));
            m_log->appendNote(tr("“%1” was not run: %2").arg(outcome.profile, outcome.error),
                              RunEvent::Level::Error);
            skipTheRest();
            return;
        }
        outcome.status = Outcome::Status::Running;
        m_runId = m_runs->startRun(outcome.facts.kind, outcome.profile, outcome.facts.arguments,
                                   outcome.facts.plan);
        if (m_runId == 0) {
            outcome.status = Outcome::Status::Failed;
            outcome.error = m_runs->lastProblem();
            skipTheRest();
        }
        return;
    }
    readAgain(); // every database had its turn
}

void MultiApplyController::onRunEnded(quint64 runId, const QString& profile,
                                      RunEvent::Status status, const QString& failedAt,
                                      const QString& reason)
{
    if (!m_running || runId != m_runId || m_current < 0 || m_current >= m_outcomes.size())
        return;
    Outcome& outcome = m_outcomes[m_current];
    Q_ASSERT(outcome.profile == profile);
    m_runId = 0;
    switch (status) {
    case RunEvent::Status::Succeeded:
        outcome.status = Outcome::Status::Done;
        runNext();
        return;
    case RunEvent::Status::Failed:
    case RunEvent::Status::FailedToStart:
        outcome.status = Outcome::Status::Failed;
        outcome.failedAt = failedAt;
        outcome.error = reason;
        break;
    case RunEvent::Status::Stopped:
        outcome.status = Outcome::Status::Stopped;
        break;
    }
    skipTheRest();
}

void MultiApplyController::skipTheRest()
{
    for (qsizetype i = m_current + 1; i < m_outcomes.size(); ++i)
        if (m_outcomes.at(i).status == Outcome::Status::Waiting)
            m_outcomes[i].status = Outcome::Status::NotRun;
    readAgain();
}

// Every database of the sequence is read again, run or not: the summary says where each
// really stands, not where its plan said it would.
void MultiApplyController::readAgain()
{
    m_current = -1;
    m_reading.clear();
    for (const Outcome& o : std::as_const(m_outcomes))
        m_reading.insert(o.profile);
    const QSet<QString> names = m_reading;
    for (const QString& name : names)
        m_databases->refresh(name);
    for (const QString& name : names)
        if (!m_databases->isReading(name))
            m_reading.remove(name); // nothing to wait for (a secret nobody knows: its error)
    if (m_reading.isEmpty()) {
        showSummary();
        return;
    }
    m_readTimeout->start();
}

void MultiApplyController::onStateChanged(const QString& name)
{
    updateAction();
    if (!m_running || !m_reading.contains(name) || m_databases->isReading(name))
        return;
    m_reading.remove(name);
    if (m_reading.isEmpty()) {
        m_readTimeout->stop();
        showSummary();
    }
}

QString MultiApplyController::outcomeLine(const Outcome& o) const
{
    QString what;
    switch (o.status) {
    case Outcome::Status::Waiting:
    case Outcome::Status::Running: // not reached: the summary comes after the last run
    case Outcome::Status::NotRun:
        what = tr("not run");
        break;
    case Outcome::Status::AlreadyThere:
        what = tr("already there, nothing run");
        break;
    case Outcome::Status::Done:
        what = o.facts.kind == RunKind::Downgrade ? tr("done (downgraded)") : tr("done (upgraded)");
        break;
    case Outcome::Status::Failed:
        what = o.failedAt.isEmpty() ? tr("failed: %1").arg(o.error)
                                    : tr("failed at %1: %2").arg(shortId(o.failedAt), o.error);
        break;
    case Outcome::Status::Stopped:
        what = tr("stopped");
        break;
    }
    const QString now = o.readError.isEmpty() ? tr("now at %1").arg(rowsText(o.rowsRead))
                                              : tr("cannot be read: %1").arg(o.readError);
    return tr("%1: %2; %3").arg(o.profile, what, now);
}

void MultiApplyController::showSummary()
{
    bool failed = false;
    QStringList lines;
    for (Outcome& o : m_outcomes) {
        const DatabaseState state = m_databases->state(o.profile);
        if (state.isReadable()) {
            o.rowsRead = state.sortedCurrentRevisions();
            o.readError.clear();
        } else {
            o.rowsRead.clear();
            o.readError = state.isNotRead() ? tr("not read again in time") : state.error();
        }
        failed = failed || o.status == Outcome::Status::Failed ||
                 o.status == Outcome::Status::Stopped;
        lines << outcomeLine(o);
    }
    m_summaryText = lines.join(u'\n');
    m_running = false;
    const QString title = failed ? tr("Applying %1 stopped early").arg(m_target)
                                 : tr("%1 applied to every database").arg(m_target);
    m_log->appendNote(title, failed ? RunEvent::Level::Error : RunEvent::Level::Info);
    for (const QString& line : std::as_const(lines))
        m_log->appendNote(QStringLiteral("  ") + line,
                          failed ? RunEvent::Level::Warning : RunEvent::Level::Info);
    if (m_summary)
        m_summary->close();
    auto* box = new QMessageBox(failed ? QMessageBox::Warning : QMessageBox::Information, title,
                                m_summaryText, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("applySeveralSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = box;
    box->open();
    updateAction();
    emit finished();
}

} // namespace retort
