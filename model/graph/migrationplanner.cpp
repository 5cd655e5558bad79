#include "model/graph/migrationplanner.h"

#include "model/graph/targetresolver.h"
#include "model/graph/versionrows.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace retort {

namespace {

using Error = TargetResolver::Error;
template <typename T> using Outcome = TargetResolver::Outcome<T>;

using Bits = TargetResolver::Bits;

// A set of revisions as flags by graph index, with its size.
struct RevSet
{
    std::vector<char> has;
    qsizetype size = 0;

    explicit RevSet(int n) : has(size_t(n), 0) {}
    bool contains(int rev) const { return has[size_t(rev)] != 0; }
    void insert(int rev)
    {
        if (!has[size_t(rev)]) {
            has[size_t(rev)] = 1;
            ++size;
        }
    }
    bool remove(int rev)
    {
        if (!has[size_t(rev)])
            return false;
        has[size_t(rev)] = 0;
        --size;
        return true;
    }
};

// alembic's RevisionMap._topological_sort, step for step. `todo` is consumed.
//
// alembic keeps ancestors_by_idx[i] == the ancestors of current_heads[i] (the head included):
// it recomputes the set whenever the head changes, except when the head moves to its only
// parent, where it discards the old head, which in an acyclic graph leaves exactly the
// parent's ancestors. With the graph's closure at hand the sets are therefore not kept:
// "candidate in ancestors_by_idx[i]" is asked of the closure, and first of all as "is the
// candidate an ancestor of any other current head". Without it the sets are kept as bits.
Outcome<QList<int>> topologicalSort(const TargetResolver& r, RevSet& todo, const QList<int>& heads)
{
    // how many times each revision is in currentHeads (more than once only when a revision
    // repeats a down revision), and the revisions that are, as bits
    std::vector<int> headCount(size_t(r.count()), 0);
    Bits inHeads = r.emptyBits();
    auto addHead = [&](int h) {
        if (headCount[size_t(h)]++ == 0)
            TargetResolver::setBit(inHeads, h);
    };
    auto removeHead = [&](int h) {
        if (--headCount[size_t(h)] == 0)
            TargetResolver::clearBit(inHeads, h);
    };
    QList<int> currentHeads;
    for (int h : heads) {
        if (h >= 0 && todo.contains(h) && headCount[size_t(h)] == 0) {
            currentHeads << h;
            addHead(h);
        }
    }
    std::sort(currentHeads.begin(), currentHeads.end(),
              [&](int a, int b) { return r.insertionPos(a) < r.insertionPos(b); });

    // (the shortcuts below take every head to be there once)
    const bool useClosure = r.hasAncestorClosure() && !r.hasRepeatedDownRevisions();
    // ancestors_by_idx, without the closure: one bit vector per current head
    QList<Bits> ancestorsByIdx;
    if (!useClosure) {
        for (int h : std::as_const(currentHeads)) {
            ancestorsByIdx.append(Bits());
            r.ancestorBits(h, ancestorsByIdx.last());
        }
    }
    auto inAncestorsOf = [&](qsizetype idx, int rev) {
        return useClosure ? r.isAncestorOrSelf(rev, currentHeads.at(idx))
                          : TargetResolver::testBit(ancestorsByIdx.at(idx), rev);
    };

    QList<int> output;
    output.reserve(todo.size);
    qsizetype candidateIdx = 0;
    qsizetype guard = 0;
    const qsizetype guardLimit = qsizetype(r.count() + 1) * (r.count() + 1) * 4 + 1000;
    QList<int> headsToAdd;
    int movedTo = -1; // the head the last step moved down to, see below
    while (!currentHeads.isEmpty()) {
        if (++guard > guardLimit)
            return Failure{plannerInternalError(QStringLiteral("topological sort does not terminate"))};
        const int candidate = currentHeads.at(candidateIdx);
        bool blocked = false;
        bool mayBeBlocked = true;
        // After a plain move down to a parent whose only child is the revision just emitted,
        // the parent is no other head's ancestor (else the child would have been one too,
        // and would have had to wait): no need to look.
        const bool movedDown = candidate == movedTo;
        movedTo = -1;
        if (useClosure && movedDown) {
            mayBeBlocked = false;
        } else if (useClosure && currentHeads.size() > 8) {
            TargetResolver::clearBit(inHeads, candidate);
            mayBeBlocked = r.isAncestorOrSelfOfAny(candidate, inHeads);
            TargetResolver::setBit(inHeads, candidate);
        }
        if (mayBeBlocked) {
            for (qsizetype check = 0; check < currentHeads.size(); ++check) {
                if (check != candidateIdx && inAncestorsOf(check, candidate)) {
                    candidateIdx = check;
                    blocked = true;
                    break;
                }
            }
        }
        if (blocked)
            continue;
        if (todo.remove(candidate))
            output << candidate;

        headsToAdd.clear();
        for (int d : r.normalizedDown(candidate))
            if (todo.contains(d) && headCount[size_t(d)] == 0)
                headsToAdd << d;
        if (headsToAdd.isEmpty()) {
            removeHead(candidate);
            currentHeads.removeAt(candidateIdx);
            if (!useClosure)
                ancestorsByIdx.removeAt(candidateIdx);
            candidateIdx = std::max<qsizetype>(candidateIdx - 1, 0);
        } else if (!r.hasNormalizedDependencies(candidate) &&
                   r.versionedDown(candidate).size() == 1) {
            removeHead(candidate);
            currentHeads[candidateIdx] = headsToAdd.first();
            addHead(headsToAdd.first());
            if (r.normalizedChildCount(headsToAdd.first()) == 1)
                movedTo = headsToAdd.first();
            if (!useClosure)
                TargetResolver::clearBit(ancestorsByIdx[candidateIdx], candidate);
        } else {
            removeHead(candidate);
            currentHeads[candidateIdx] = headsToAdd.first();
            for (qsizetype k = 1; k < headsToAdd.size(); ++k)
                currentHeads << headsToAdd.at(k);
            for (int h : std::as_const(headsToAdd))
                addHead(h);
            if (!useClosure) {
                r.ancestorBits(headsToAdd.first(), ancestorsByIdx[candidateIdx]);
                for (qsizetype k = 1; k < headsToAdd.size(); ++k) {
                    ancestorsByIdx.append(Bits());
                    r.ancestorBits(headsToAdd.at(k), ancestorsByIdx.last());
                }
            }
        }
    }
    if (todo.size != 0)
        return Failure{plannerInternalError(QStringLiteral("AssertionError: assert not todo"))};
    return output;
}

RevSet toSet(const TargetResolver& r, const QList<int>& list)
{
    RevSet set(r.count());
    for (int rev : list)
        set.insert(rev);
    return set;
}

// _collect_upgrade_revisions with implicit_base=True (what _upgrade_revs asks for).
Outcome<QList<int>> upgradeRevisions(const TargetResolver& r, const QStringList& current,
                                     const QString& target)
{
    Outcome<QList<int>> targets = r.parseUpgradeTarget(current, target);
    if (!targets)
        return targets;
    for (int t : targets.value()) {
        if (t < 0)
            return Failure{plannerInternalError(QStringLiteral("AssertionError: is_revision"))};
    }
    Outcome<QList<int>> targetAncestors = r.ancestorNodes(targets.value(), true, true);
    if (!targetAncestors)
        return targetAncestors;
    RevSet needs = toSet(r, targetAncestors.value());
    for (int t : targets.value())
        needs.insert(t);
    Outcome<QList<int>> currentRevs = r.getRevisions(current);
    if (!currentRevs)
        return currentRevs;
    Outcome<QList<int>> currentAncestors = r.ancestorNodes(currentRevs.value(), true, true);
    if (!currentAncestors)
        return currentAncestors;
    for (int c : currentAncestors.value())
        needs.remove(c);
    for (int c : currentRevs.value())
        if (c >= 0)
            needs.remove(c);
    Outcome<QList<int>> order = topologicalSort(r, needs, targets.value());
    if (order)
        std::reverse(order->begin(), order->end());
    return order;
}

// _collect_downgrade_revisions (inclusive=False, implicit_base=False).
Outcome<QList<int>> downgradeRevisions(const TargetResolver& r, const QStringList& current,
                                       const QString& target)
{
    const Outcome<TargetResolver::DowngradeRevision> parsed =
        r.parseDowngradeTarget(current, target);
    if (!parsed)
        return Failure{parsed.error()};
    const QString& branchLabel = parsed->branchLabel;
    int targetRev = parsed->revision;
    if (targetRev == TargetResolver::kBaseMarker)
        targetRev = TargetResolver::kNone;

    QList<int> roots;
    if (targetRev == TargetResolver::kNone) {
        for (int rev : r.insertionOrder())
            if (r.graph().revisions().at(rev).downRevisions.isEmpty())
                roots << rev;
    } else {
        roots = r.descendantNodes({targetRev}, false);
        // direct children only (nextrev)
        QList<int> direct;
        for (int rev : std::as_const(roots))
            if (rev != targetRev && r.versionedDown(rev).contains(targetRev))
                direct << rev;
        roots = direct;
    }
    if (!branchLabel.isEmpty() && roots.size() > 1) {
        const Outcome<int> branchRev = r.resolveBranch(branchLabel);
        if (!branchRev)
            return Failure{branchRev.error()};
        // (no ancestors when the branch is no revision: then no root is kept)
        const Outcome<QList<int>> branchAncestors = r.ancestorNodes({*branchRev}, false, false);
        const RevSet ancestors =
            branchAncestors ? toSet(r, branchAncestors.value()) : RevSet(r.count());
        QList<int> kept;
        for (int rev : std::as_const(roots))
            if (ancestors.contains(rev))
                kept << rev;
        roots = kept;
        if (roots.isEmpty()) {
            Error err;
            err.kind = Error::Kind::Revision;
            err.message = MigrationPlanner::tr("Not a valid downgrade target from current heads");
            return Failure{err};
        }
    }
    Outcome<QList<int>> heads = r.getRevisions(current);
    if (!heads)
        return heads;
    const QList<int> descendants = r.descendantNodes(roots, true);
    Outcome<QList<int>> headAncestors = r.ancestorNodes(heads.value(), true, false);
    const RevSet active = headAncestors ? toSet(r, headAncestors.value()) : RevSet(r.count());
    RevSet downgrade(r.count());
    for (int d : descendants)
        if (active.contains(d))
            downgrade.insert(d);
    if (targetRev != TargetResolver::kNone && downgrade.size == 0 && !heads->contains(targetRev)) {
        Error err;
        err.kind = Error::Kind::RangeNotAncestor;
        err.message = QStringLiteral("Revision Nothing to drop is not an ancestor of revision %1")
                          .arg(current.join(QStringLiteral(", ")));
        return Failure{err};
    }
    // (a head that is no revision: alembic fails there, with nothing to sort)
    if (!headAncestors)
        return headAncestors;
    return topologicalSort(r, downgrade, heads.value());
}

} // namespace

MigrationPlanner::MigrationPlanner(std::shared_ptr<const RevisionGraph> graph, AlembicRules rules)
    : m_graph(std::move(graph)), m_resolver(std::make_shared<const TargetResolver>(*m_graph)),
      m_rules(rules)
{
}

void MigrationPlanner::prepare() const
{
    m_resolver->prepare();
}

Result<MigrationPlan> MigrationPlanner::plan(const QStringList& currentRows,
                                             MigrationStep::Direction direction,
                                             const QString& target) const
{
    const TargetResolver& resolver = *m_resolver;
    const bool upgrade = direction == MigrationStep::Direction::Upgrade;
    // command.upgrade / downgrade: "from:to" ranges exist only in --sql mode
    if (target.contains(QLatin1Char(':')))
        return Result<MigrationPlan>::failure(tr("Range revision not allowed"));
    const Outcome<QList<int>> order = upgrade ? upgradeRevisions(resolver, currentRows, target)
                                              : downgradeRevisions(resolver, currentRows, target);
    if (!order)
        return Failure{TargetResolver::commandMessage(order.error(), target, upgrade)};

    MigrationPlan plan;
    plan.direction = direction;
    plan.target = target;
    plan.startHeads = currentRows;
    for (int rev : order.value())
        if (resolver.normalizedDependencyCount(rev) > 1)
            plan.orderVariesWith.append(resolver.idOf(rev));
    VersionRows rows(resolver, currentRows, m_rules);
    plan.steps.reserve(order->size());
    for (int rev : order.value()) {
        MigrationStep step;
        step.direction = direction;
        step.revision = resolver.idOf(rev);
        if (const Outcome<void> applied = rows.apply(step, rev, upgrade); !applied)
            return Failure{TargetResolver::commandMessage(applied.error(), target, upgrade)};
        plan.steps.append(std::move(step));
    }
    plan.endHeads = rows.sorted();
    return plan;
}

} // namespace retort