#pragma once

#include "model/common/alembicrules.h"
#include "model/common/result.h"
#include "model/graph/migrationplan.h"
#include "model/graph/revisiongraph.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace retort {

class TargetResolver;

// The exact steps `alembic upgrade TARGET` / `alembic downgrade TARGET` runs (alembic 1.8 to
// 1.19; AlembicRules says what differs between them) from a database whose version table holds `currentRows` (in the order the table returned
// them; empty = at base): the revisions alembic collects (_collect_upgrade_revisions /
// _collect_downgrade_revisions), ordered by its _topological_sort (ties broken by the load
// order), and the version-table change each step makes (HeadMaintainer). Where alembic
// refuses, the failure carries alembic's message.
class MigrationPlanner
{
    Q_DECLARE_TR_FUNCTIONS(MigrationPlanner)

public:
    // The planner shares the graph: it lives as long as the planner does. `rules` are those
    // of the alembic the project runs (the graph's load order must come from the same rules).
    explicit MigrationPlanner(std::shared_ptr<const RevisionGraph> graph,
                              AlembicRules rules = AlembicRules::newest());

    // Which alembic the plans are for.
    const AlembicRules& rules() const { return m_rules; }
    // Builds now what the first plan would otherwise build (the graph's ancestor closure),
    // so that a worker thread can pay for it.
    void prepare() const;

    Result<MigrationPlan> plan(const QStringList& currentRows, MigrationStep::Direction direction,
                               const QString& target) const;
    Result<MigrationPlan> upgrade(const QStringList& currentRows, const QString& target) const
    {
        return plan(currentRows, MigrationStep::Direction::Upgrade, target);
    }
    Result<MigrationPlan> downgrade(const QStringList& currentRows, const QString& target) const
    {
        return plan(currentRows, MigrationStep::Direction::Downgrade, target);
    }

    // What `alembic stamp [--purge] DESTINATION...` leaves in the version table, computed as
    // alembic does it: ScriptDirectory._stamp_revs turns the rows into StampSteps (per
    // destination: delete the branch, move the rows it shares a lineage with up or down to it
    // as one merge-like step, or insert it as a new branch) and HeadMaintainer.update_to_step
    // applies them. With `purge` the table is emptied first. Where alembic fails, the failure
    // carries its message.
    Result<StampPlan> stamp(const QStringList& currentRows, const QStringList& destinations,
                            bool purge = false) const;

private:
    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const TargetResolver> m_resolver; // built once per graph
    AlembicRules m_rules;
};

} // namespace retort
