#include "graph/migrationplanner.h"

#include "graph/targetresolver.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace retort {

namespace {

using Error = TargetResolver::Error;

QString tr(const char* text)
{
    return QCoreApplication::translate("MigrationPlanner", text);
}

Error internalError(const QString& what)
{
    Error e;
    e.kind = Error::Kind::Assertion;
    e.message = tr("alembic fails with an internal error (%1)").arg(what);
    return e;
}

// alembic's RevisionMap._topological_sort, step for step.
QList<int> topologicalSort(const TargetResolver& r, const QSet<int>& revisions,
                           const QList<int>& heads, Error& e)
{
    QSet<int> todo = revisions;
    QList<int> currentHeads;
    for (int h : heads)
        if (h >= 0 && todo.contains(h) && !currentHeads.contains(h))
            currentHeads << h;
    std::sort(currentHeads.begin(), currentHeads.end(),
              [&](int a, int b) { return r.insertionPos(a) < r.insertionPos(b); });

    auto ancestorsOf = [&](int rev) {
        Error ignored;
        const QList<int> list = r.ancestorNodes({rev}, true, false, ignored);
        return QSet<int>(list.begin(), list.end());
    };
    QList<QSet<int>> ancestorsByIdx;
    for (int h : std::as_const(currentHeads))
        ancestorsByIdx << ancestorsOf(h);

    QList<int> output;
    qsizetype candidateIdx = 0;
    qsizetype guard = 0;
    const qsizetype guardLimit = qsizetype(r.count() + 1) * (r.count() + 1) * 4 + 1000;
    while (!currentHeads.isEmpty()) {
        if (++guard > guardLimit) {
            e = internalError(QStringLiteral("topological sort does not terminate"));
            return {};
        }
        const int candidate = currentHeads.at(candidateIdx);
        bool blocked = false;
        for (qsizetype check = 0; check < ancestorsByIdx.size(); ++check) {
            if (check != candidateIdx && ancestorsByIdx.at(check).contains(candidate)) {
                candidateIdx = check;
                blocked = true;
                break;
            }
        }
        if (blocked)
            continue;
        if (todo.remove(candidate))
            output << candidate;

        QList<int> headsToAdd;
        for (int d : r.normalizedDown(candidate))
            if (todo.contains(d) && !currentHeads.contains(d))
                headsToAdd << d;
        if (headsToAdd.isEmpty()) {
            currentHeads.removeAt(candidateIdx);
            ancestorsByIdx.removeAt(candidateIdx);
            candidateIdx = std::max<qsizetype>(candidateIdx - 1, 0);
        } else if (!r.hasNormalizedDependencies(candidate) &&
                   r.versionedDown(candidate).size() == 1) {
            currentHeads[candidateIdx] = headsToAdd.first();
            ancestorsByIdx[candidateIdx].remove(candidate);
        } else {
            currentHeads[candidateIdx] = headsToAdd.first();
            for (qsizetype k = 1; k < headsToAdd.size(); ++k)
                currentHeads << headsToAdd.at(k);
            ancestorsByIdx[candidateIdx] = ancestorsOf(headsToAdd.first());
            for (qsizetype k = 1; k < headsToAdd.size(); ++k)
                ancestorsByIdx << ancestorsOf(headsToAdd.at(k));
        }
    }
    if (!todo.isEmpty()) {
        e = internalError(QStringLiteral("AssertionError: assert not todo"));
        return {};
    }
    return output;
}

QSet<int> toSet(const QList<int>& list)
{
    return QSet<int>(list.begin(), list.end());
}

// _collect_upgrade_revisions with implicit_base=True (what _upgrade_revs asks for).
QList<int> upgradeRevisions(const TargetResolver& r, const QStringList& current,
                            const QString& target, Error& e)
{
    const QList<int> targets = r.parseUpgradeTarget(current, target, e);
    if (e)
        return {};
    for (int t : targets) {
        if (t < 0) {
            e = internalError(QStringLiteral("AssertionError: is_revision"));
            return {};
        }
    }
    QSet<int> required = toSet(r.ancestorNodes(targets, true, true, e));
    if (e)
        return {};
    required.unite(toSet(targets));
    const QList<int> currentRevs = r.getRevisions(current, e);
    if (e)
        return {};
    QSet<int> currentSet = toSet(r.ancestorNodes(currentRevs, true, true, e));
    if (e)
        return {};
    currentSet.unite(toSet(currentRevs));
    const QSet<int> needs = required - currentSet;
    QList<int> order = topologicalSort(r, needs, targets, e);
    std::reverse(order.begin(), order.end());
    return order;
}

// _collect_downgrade_revisions (inclusive=False, implicit_base=False).
QList<int> downgradeRevisions(const TargetResolver& r, const QStringList& current,
                              const QString& target, Error& e)
{
    QString branchLabel;
    int targetRev = r.parseDowngradeTarget(current, target, branchLabel, e);
    if (e)
        return {};
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
        const int branchRev = r.resolveBranch(branchLabel, e);
        if (e)
            return {};
        const QSet<int> ancestors = toSet(r.ancestorNodes({branchRev}, false, false, e));
        QList<int> kept;
        for (int rev : std::as_const(roots))
            if (ancestors.contains(rev))
                kept << rev;
        roots = kept;
        if (roots.isEmpty()) {
            Error err;
            err.kind = Error::Kind::Revision;
            err.message = tr("Not a valid downgrade target from current heads");
            e = err;
            return {};
        }
    }
    const QList<int> heads = r.getRevisions(current, e);
    if (e)
        return {};
    QSet<int> downgrade = toSet(r.descendantNodes(roots, true));
    const QSet<int> active = toSet(r.ancestorNodes(heads, true, false, e));
    downgrade.intersect(active);
    if (targetRev != TargetResolver::kNone && downgrade.isEmpty() && !heads.contains(targetRev)) {
        Error err;
        err.kind = Error::Kind::RangeNotAncestor;
        err.message = QStringLiteral("Revision Nothing to drop is not an ancestor of revision %1")
                          .arg(current.join(QStringLiteral(", ")));
        e = err;
        return {};
    }
    return topologicalSort(r, downgrade, heads, e);
}

QStringList sortedRows(const QSet<QString>& rows)
{
    QStringList list(rows.begin(), rows.end());
    list.sort();
    return list;
}

// HeadMaintainer.update_to_step: what one step does to the version rows.
bool applyStep(const TargetResolver& r, QSet<QString>& heads, int rev, bool upgrade, Error& e)
{
    const QString id = r.idOf(rev);
    QStringList downs;
    for (int d : r.normalizedDown(rev))
        downs << r.idOf(d);
    const QSet<QString> downSet(downs.begin(), downs.end());

    auto ancestorsOfOthers = [&](const QSet<QString>& others) {
        Error ignored;
        const QList<int> revs = r.getRevisions(QStringList(others.begin(), others.end()), ignored);
        QSet<QString> ids;
        for (int a : r.ancestorNodes(revs, true, false, ignored))
            ids.insert(r.idOf(a));
        return ids;
    };
    auto fail = [&](const QString& what) {
        e = internalError(what);
        return false;
    };
    auto insertRow = [&](const QString& v) {
        if (heads.contains(v))
            return fail(QStringLiteral("AssertionError: version %1 already present").arg(v));
        heads.insert(v);
        return true;
    };
    auto deleteRow = [&](const QString& v) {
        if (!heads.remove(v))
            return fail(QStringLiteral("KeyError: %1").arg(v));
        return true;
    };
    auto updateRow = [&](const QString& from, const QString& to) {
        if (heads.contains(to))
            return fail(QStringLiteral("AssertionError: version %1 already present").arg(to));
        if (!heads.remove(from))
            return fail(QStringLiteral("KeyError: %1").arg(from));
        heads.insert(to);
        return true;
    };
    auto updateVersionNum = [&]() {
        QString down;
        if (downs.size() != 1) {
            const QSet<QString> present = heads & downSet;
            if (present.size() != 1)
                return fail(QStringLiteral(
                    "AssertionError: Can't do an UPDATE because downrevision is ambiguous"));
            down = *present.begin();
        } else {
            down = downs.first();
        }
        return upgrade ? updateRow(down, id) : updateRow(id, down);
    };
    auto unmergeTo = [&]() {
        QSet<QString> others = heads;
        others.remove(id);
        if (others.isEmpty())
            return downSet;
        return downSet - ancestorsOfOthers(others);
    };

    if (upgrade) {
        if (downs.isEmpty() || !heads.intersects(downSet))
            return insertRow(id);
        if (downs.size() > 1 && (heads & downSet).size() > 1) {
            QSet<QString> others = heads - downSet;
            QSet<QString> from = downSet;
            if (!others.isEmpty())
                from -= ancestorsOfOthers(others);
            QStringList fromList(from.begin(), from.end());
            if (fromList.isEmpty())
                return fail(QStringLiteral("IndexError"));
            for (int k = 0; k + 1 < fromList.size(); ++k)
                if (!deleteRow(fromList.at(k)))
                    return false;
            return updateRow(fromList.last(), id);
        }
        return updateVersionNum();
    }
    if (heads.contains(id) && (downs.isEmpty() || unmergeTo().isEmpty()))
        return deleteRow(id);
    if (heads.contains(id) && downs.size() > 1) {
        const QSet<QString> to = unmergeTo();
        QStringList toList(to.begin(), to.end());
        for (int k = 0; k + 1 < toList.size(); ++k)
            if (!insertRow(toList.at(k)))
                return false;
        return updateRow(id, toList.last());
    }
    return updateVersionNum();
}

} // namespace

MigrationPlanner::MigrationPlanner(const RevisionGraph& graph) : m_graph(graph) {}

Result<MigrationPlan> MigrationPlanner::plan(const QStringList& currentRows,
                                             MigrationStep::Direction direction,
                                             const QString& target) const
{
    const TargetResolver resolver(m_graph);
    const bool upgrade = direction == MigrationStep::Direction::Upgrade;
    // command.upgrade / downgrade: "from:to" ranges exist only in --sql mode
    if (target.contains(QLatin1Char(':')))
        return Result<MigrationPlan>::failure(tr("Range revision not allowed"));
    Error e;
    const QList<int> order = upgrade ? upgradeRevisions(resolver, currentRows, target, e)
                                     : downgradeRevisions(resolver, currentRows, target, e);
    if (e)
        return Result<MigrationPlan>::failure(TargetResolver::commandMessage(e, target, upgrade));

    MigrationPlan plan;
    plan.direction = direction;
    plan.target = target;
    plan.startHeads = currentRows;
    QSet<QString> heads(currentRows.begin(), currentRows.end());
    for (int rev : order) {
        MigrationStep step;
        step.direction = direction;
        step.revision = resolver.idOf(rev);
        step.fromRevisions = sortedRows(heads);
        if (!applyStep(resolver, heads, rev, upgrade, e))
            return Result<MigrationPlan>::failure(
                TargetResolver::commandMessage(e, target, upgrade));
        step.toRevisions = sortedRows(heads);
        plan.steps << step;
    }
    plan.endHeads = sortedRows(heads);
    return plan;
}

} // namespace retort
