#include "model/run/stairwayprogress.h"

namespace retort {

StairwayProgress::StairwayProgress(StairwayPlan plan) : m_plan(std::move(plan)) {}

const StairwayCommand* StairwayProgress::command(int index) const
{
    return index >= 0 && index < m_plan.commands.size() ? &m_plan.commands.at(index) : nullptr;
}

QString StairwayProgress::currentRevision() const
{
    const int index = m_failure ? m_failure->commandIndex : m_running;
    const StairwayCommand* c = command(index);
    return c ? m_plan.revisions.value(c->revisionIndex) : QString();
}

QString StairwayProgress::directionName(MigrationStep::Direction direction)
{
    return direction == MigrationStep::Direction::Upgrade ? QStringLiteral("upgrade")
                                                          : QStringLiteral("downgrade");
}

void StairwayProgress::fail(int index, const QString& error)
{
    if (m_failure)
        return;
    FailedStep f;
    f.commandIndex = index;
    f.error = error;
    if (const StairwayCommand* c = command(index)) {
        f.revision = m_plan.revisions.value(c->revisionIndex);
        f.direction = c->direction();
        f.target = c->command.target;
    }
    m_failure = f;
    m_running = -1;
}

StairwayProgress::Change StairwayProgress::feed(const QString& line)
{
    const std::optional<SequenceMarker> marker = SequenceMarker::parse(line);
    if (!marker || m_failure)
        return Change::None;
    switch (marker->state) {
    case SequenceMarker::State::Begin:
        m_running = marker->index;
        return Change::CommandStarted;
    case SequenceMarker::State::Done:
        // commands finish in order; a marker out of order is not ours to count
        if (marker->index != m_finished)
            return Change::None;
        ++m_finished;
        m_running = -1;
        return m_finished % 3 == 0 ? Change::RevisionChecked : Change::CommandFinished;
    case SequenceMarker::State::Failed:
        fail(marker->index, marker->error);
        return Change::Failed;
    }
    return Change::None;
}

void StairwayProgress::finish(bool succeeded, const QString& reason)
{
    if (m_failure)
        return;
    if (succeeded && m_finished == int(m_plan.commands.size()))
        return;
    const int index = m_running >= 0 ? m_running : m_finished;
    QString why = reason;
    if (why.isEmpty())
        why = succeeded ? tr("alembic ended after %1 of %2 commands without saying why.")
                              .arg(m_finished)
                              .arg(m_plan.commands.size())
                        : tr("alembic ended without saying why.");
    fail(index, why);
}

QString StairwayProgress::summary() const
{
    if (m_failure) {
        const QString id = m_failure->revision.isEmpty() ? tr("(before the first revision)")
                                                         : m_failure->revision;
        return m_failure->direction == MigrationStep::Direction::Upgrade
                   ? tr("Stairway failed at %1 (upgrade %2) after %3 of %4 revisions passed: %5")
                         .arg(id, m_failure->target)
                         .arg(checked())
                         .arg(revisionCount())
                         .arg(m_failure->error)
                   : tr("Stairway failed at %1 (downgrade %2) after %3 of %4 revisions passed: %5")
                         .arg(id, m_failure->target)
                         .arg(checked())
                         .arg(revisionCount())
                         .arg(m_failure->error);
    }
    if (isComplete())
        return tr("Stairway passed: every revision (%1) upgrades, downgrades and upgrades again.")
            .arg(revisionCount());
    return tr("Stairway: %1 of %2 revisions checked.").arg(checked()).arg(revisionCount());
}

} // namespace retort
