#pragma once

#include "model/common/alembicrules.h"
#include "model/graph/migrationplan.h"
#include "model/graph/targetresolver.h"

#include <QStringList>

#include <memory>

namespace retort {

// alembic failing with an internal error (an assertion, a KeyError) while planning, in the
// planner's words: what MigrationPlanner and VersionRows report where alembic would crash.
TargetResolver::Error plannerInternalError(const QString& what);

// The version rows (alembic's `heads` set of strings) as a plan walks through its steps:
// alembic's HeadMaintainer.update_to_step, with the revisions the rows name kept up to date
// so that each step is decided without walking the graph again.
class VersionRows
{
public:
    // `rules` says how the alembic in question maintains the rows (they changed in 1.13.1).
    VersionRows(const TargetResolver& resolver, const QStringList& startRows,
                const AlembicRules& rules);
    ~VersionRows();
    VersionRows(const VersionRows&) = delete;
    VersionRows& operator=(const VersionRows&) = delete;

    // What the step for revision `rev` does to the rows: the rows it removes and adds go
    // into `step`. Fails where alembic fails.
    TargetResolver::Outcome<void> apply(MigrationStep& step, int rev, bool upgrade);

    // The rows now, sorted.
    QStringList sorted() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace retort
