#pragma once

#include "model/run/sequencemarker.h"
#include "model/run/stairwayplan.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace retort {

// Where a stairway run stands, read from its output (SequenceMarker lines) against its plan.
// The GUI and retort-cli feed it every line of the run and its end; it says how many
// commands finished, how many revisions passed all three, and the first failure.
class StairwayProgress
{
    Q_DECLARE_TR_FUNCTIONS(retort::StairwayProgress)

public:
    struct FailedStep
    {
        QString revision;
        MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
        QString target;    // as given to alembic
        QString error;     // alembic's error
        int commandIndex = -1;
    };

    // What a line changed.
    enum class Change
    {
        None,            // not a marker
        CommandStarted,
        CommandFinished, // and the revision is not through yet
        RevisionChecked, // its third command finished: checked() grew
        Failed
    };

    explicit StairwayProgress(StairwayPlan plan);

    const StairwayPlan& plan() const { return m_plan; }
    Change feed(const QString& line);
    // The run ended. Where it did not succeed and no marker said which command failed, the
    // command that was running (or the next one) fails with `reason` (a crash, a Stop, an
    // interpreter that could not import alembic).
    void finish(bool succeeded, const QString& reason);

    int finishedCommands() const { return m_finished; }
    int checked() const { return m_finished / 3; }
    int revisionCount() const { return int(m_plan.revisions.size()); }
    // The command running now (-1: none).
    int runningCommand() const { return m_running; }
    const StairwayCommand* command(int index) const;
    // The revision of the command running (or failed) now; empty when none.
    QString currentRevision() const;
    const std::optional<FailedStep>& failure() const { return m_failure; }
    bool isComplete() const { return !m_failure && m_finished == int(m_plan.commands.size()); }

    // "upgrade", "downgrade".
    static QString directionName(MigrationStep::Direction direction);
    // For people: "all 40 revisions upgrade, downgrade and upgrade again", or the failure.
    QString summary() const;

private:
    void fail(int index, const QString& error);

    StairwayPlan m_plan;
    int m_finished = 0;
    int m_running = -1;
    std::optional<FailedStep> m_failure;
};

} // namespace retort
