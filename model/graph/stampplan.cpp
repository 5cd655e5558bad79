// MigrationPlanner::stamp: alembic's `stamp` (1.8.1) mirrored step by step.
//
//   command.stamp -> MigrationContext.run_migrations (purge: the table is emptied, heads = ())
//   -> ScriptDirectory._stamp_revs(destinations, heads) -> one StampStep per destination
//   -> HeadMaintainer.update_to_step for each.
#include "model/graph/migrationplanner.h"
#include "model/graph/targetresolver.h"

#include <QSet>

#include <algorithm>

namespace retort {

namespace {

using Error = TargetResolver::Error;

// alembic's StampStep: the rows it moves from, the revision it moves to (empty = base), and
// its two flags.
struct StampStep
{
    QStringList from;
    QStringList to;
    bool isUpgrade = false;
    bool branchMove = false;
};

// HeadMaintainer over a set of version rows. Fails (with alembic's failure) where alembic
// would raise.
class HeadMaintainer
{
public:
    explicit HeadMaintainer(QSet<QString> heads) : m_heads(std::move(heads)) {}

    Result<void> update(const StampStep& step)
    {
        const QSet<QString> from(step.from.begin(), step.from.end());
        const QSet<QString> to(step.to.begin(), step.to.end());
        // should_delete_branch
        if (!step.isUpgrade && step.branchMove)
            return step.from.size() == 1 ? remove(step.from.first())
                                         : internal(QStringLiteral("delete_version_num"));
        // should_create_branch
        if (step.isUpgrade && (step.branchMove || !(from - m_heads).isEmpty())
            && !(to - m_heads).isEmpty()) {
            if (step.to.size() != 1)
                return internal(QStringLiteral("insert_version_num"));
            return insert(step.to.first());
        }
        // should_merge_branches: delete all but the last, update the last
        if (step.from.size() > 1) {
            for (qsizetype i = 0; i + 1 < step.from.size(); ++i)
                if (Result<void> removed = remove(step.from.at(i)); !removed)
                    return removed;
            return updateRow(step.from.last(), step.to.value(0));
        }
        // (a StampStep moves to one revision: should_unmerge_branches never holds)
        if (step.from.size() != 1 || step.to.size() != 1)
            return internal(QStringLiteral("update_version_num"));
        return updateRow(step.from.first(), step.to.first());
    }

    const QSet<QString>& heads() const { return m_heads; }

private:
    static Result<void> internal(const QString& what)
    {
        return Failure{MigrationPlanner::tr("alembic fails with an internal error (%1)").arg(what)};
    }
    Result<void> insert(const QString& row)
    {
        if (m_heads.contains(row))
            return internal(QStringLiteral("_insert_version"));
        m_heads.insert(row);
        return {};
    }
    Result<void> remove(const QString& row)
    {
        if (!m_heads.remove(row))
            return internal(QStringLiteral("_delete_version: KeyError '%1'").arg(row));
        return {};
    }
    Result<void> updateRow(const QString& from, const QString& to)
    {
        if (m_heads.contains(to))
            return internal(QStringLiteral("_update_version"));
        if (!m_heads.remove(from))
            return internal(QStringLiteral("_update_version: KeyError '%1'").arg(from));
        m_heads.insert(to);
        return {};
    }

    QSet<QString> m_heads;
};

QStringList sorted(QStringList rows)
{
    rows.sort();
    return rows;
}

} // namespace

Result<StampPlan> MigrationPlanner::stamp(const QStringList& currentRows,
                                          const QStringList& destinationsIn, bool purge) const
{
    const TargetResolver& r = *m_resolver;
    StampPlan plan;
    plan.destinations = destinationsIn;
    plan.purge = purge;
    plan.rowsBefore = currentRows;

    // run_migrations: with --purge the table is emptied and alembic starts from no heads.
    const QStringList heads = purge ? QStringList() : currentRows;
    // _stamp_revs: `if not revision: revision = "base"`
    QStringList destinations;
    for (const QString& d : destinationsIn)
        if (!d.isEmpty())
            destinations << d;
    if (destinations.isEmpty())
        destinations << QStringLiteral("base");

    auto fail = [](const Error& e) {
        QString text = e.kind == Error::Kind::MultipleHeads
                           ? tr("Multiple heads are present; please specify a single target "
                                "revision")
                           : TargetResolver::commandMessage(e, QString(), true);
        return Result<StampPlan>::failure(text);
    };

    const TargetResolver::Outcome<QList<int>> headRevs = r.getRevisions(heads);
    if (!headRevs)
        return fail(headRevs.error());

    // filtered_heads: the heads that share a lineage (dependencies included) with any
    // destination, in the order of the rows, each once.
    QList<int> filtered;
    for (const QString& dest : std::as_const(destinations)) {
        const TargetResolver::Outcome<QList<int>> kept =
            r.filterForLineage(headRevs.value(), dest, true);
        if (!kept)
            return fail(kept.error());
        for (int h : kept.value())
            if (!filtered.contains(h))
                filtered << h;
    }

    TargetResolver::Outcome<QList<int>> destRevs = r.getRevisions(destinations);
    if (!destRevs)
        return fail(destRevs.error());
    QList<int> dests = std::move(destRevs).value();
    if (dests.isEmpty())
        dests << TargetResolver::kNone; // `or [None]`: base

    QList<StampStep> steps;
    for (int dest : std::as_const(dests)) {
        if (dest < 0) {
            // base: a "delete branch" step for every applicable head
            for (int h : std::as_const(filtered))
                steps.append({{r.idOf(h)}, {}, false, true});
            continue;
        }
        if (filtered.contains(dest))
            continue; // already in the version table
        const QList<int> descendants = r.descendantNodes({dest}, true);
        // (dest is a revision here: the walk cannot fail)
        const QList<int> ancestors = r.ancestorNodes({dest}, true, false).value();
        auto intersects = [&](const QList<int>& set) {
            return std::any_of(filtered.cbegin(), filtered.cend(),
                               [&](int h) { return set.contains(h); });
        };
        QStringList todo;
        for (int h : std::as_const(filtered))
            todo << r.idOf(h);
        if (intersects(descendants)) {
            // heads above the target: a downgrade, one merge-like step
            if (intersects(ancestors))
                return Result<StampPlan>::failure(
                    tr("alembic fails with an internal error (%1)")
                        .arg(QStringLiteral("assert not ancestors.intersection(filtered_heads)")));
            steps.append({todo, {r.idOf(dest)}, false, false});
        } else if (intersects(ancestors)) {
            // heads below the target: an upgrade, one merge-like step
            steps.append({todo, {r.idOf(dest)}, true, false});
        } else {
            // a branch not represented: a new branch
            steps.append({{}, {r.idOf(dest)}, true, true});
        }
    }

    HeadMaintainer maintainer(QSet<QString>(heads.begin(), heads.end()));
    for (const StampStep& step : std::as_const(steps))
        if (const Result<void> updated = maintainer.update(step); !updated)
            return Failure{updated.error()};

    plan.rowsAfter = sorted(maintainer.heads().values());
    const QSet<QString> before(currentRows.begin(), currentRows.end());
    const QSet<QString>& after = maintainer.heads();
    plan.removedRows = sorted((before - after).values());
    plan.addedRows = sorted((after - before).values());
    return plan;
}

} // namespace retort
