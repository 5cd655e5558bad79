#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// One revision script run by `alembic upgrade` / `alembic downgrade`, with what the version
// table holds before and after it (as alembic's HeadMaintainer keeps it; sorted rows).
struct MigrationStep
{
    enum class Direction
    {
        Upgrade,
        Downgrade
    };

    Direction direction = Direction::Upgrade;
    QString revision;          // the revision applied (upgrade) or unapplied (downgrade)
    QStringList fromRevisions; // version rows before the step, sorted
    QStringList toRevisions;   // version rows after the step, sorted

    friend bool operator==(const MigrationStep&, const MigrationStep&) = default;
};

// The ordered steps alembic would run for one command from one database state.
struct MigrationPlan
{
    MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
    QString target;             // as given, e.g. "heads", "ae10@head", "-1"
    QList<MigrationStep> steps; // execution order
    QStringList startHeads;     // version rows before, in the order given
    QStringList endHeads;       // version rows after, sorted

    bool isEmpty() const { return steps.isEmpty(); }
    QStringList revisions() const
    {
        QStringList ids;
        for (const MigrationStep& s : steps)
            ids << s.revision;
        return ids;
    }
};

} // namespace retort
