#include "graph/migrationplanner.h"

#include "graph/targetresolver.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <utility>

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
QList<int> topologicalSort(const TargetResolver& r, RevSet& todo, const QList<int>& heads, Error& e)
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
        if (++guard > guardLimit) {
            e = internalError(QStringLiteral("topological sort does not terminate"));
            return {};
        }
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
    if (todo.size != 0) {
        e = internalError(QStringLiteral("AssertionError: assert not todo"));
        return {};
    }
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
    RevSet needs = toSet(r, r.ancestorNodes(targets, true, true, e));
    if (e)
        return {};
    for (int t : targets)
        needs.insert(t);
    const QList<int> currentRevs = r.getRevisions(current, e);
    if (e)
        return {};
    const QList<int> currentAncestors = r.ancestorNodes(currentRevs, true, true, e);
    if (e)
        return {};
    for (int c : currentAncestors)
        needs.remove(c);
    for (int c : currentRevs)
        if (c >= 0)
            needs.remove(c);
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
        const RevSet ancestors = toSet(r, r.ancestorNodes({branchRev}, false, false, e));
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
    const QList<int> descendants = r.descendantNodes(roots, true);
    const RevSet active = toSet(r, r.ancestorNodes(heads, true, false, e));
    RevSet downgrade(r.count());
    for (int d : descendants)
        if (active.contains(d))
            downgrade.insert(d);
    if (targetRev != TargetResolver::kNone && downgrade.size == 0 && !heads.contains(targetRev)) {
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

// The version rows' get_revisions() results, resolved once per plan (rows repeat across steps).
struct RowResolutions
{
    // A full id made only of word characters (no '@', sign or space) and not a symbolic name
    // resolves to itself; get_revisions() is needed for anything else.
    static int plainId(const TargetResolver& r, const QString& row)
    {
        for (const QChar c : row)
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
                return -1;
        if (row == QLatin1String("base") || row == QLatin1String("heads") ||
            row == QLatin1String("head"))
            return -1;
        return r.graph().indexOf(row);
    }

    struct Entry
    {
        bool ok = false;
        QList<int> revs;
    };
    QHash<QString, Entry> cache;

    const Entry& resolve(const TargetResolver& r, const QString& row)
    {
        auto it = cache.find(row);
        if (it == cache.end()) {
            Entry entry;
            const int index = plainId(r, row);
            if (index >= 0) {
                entry.ok = true;
                entry.revs = {index};
            } else {
                Error err;
                entry.revs = r.getRevisions(row, err);
                entry.ok = !err;
            }
            it = cache.insert(row, entry);
        }
        return *it;
    }
};

// The revisions the version rows name (each row's get_revisions()), kept in step with the
// rows: how many rows name each revision, and how many rows do not resolve to revisions.
struct RowRevisions
{
    const TargetResolver& r;
    RowResolutions& resolutions;
    std::vector<int> count;
    Bits bits; // count > 0
    int unresolved = 0;
    // Set by a downgrade step that moved a row to this revision having found that no other
    // row names it or a descendant of it.
    int clearOfDescendants = -1;

    RowRevisions(const TargetResolver& resolver, RowResolutions& rows)
        : r(resolver), resolutions(rows), count(size_t(resolver.count()), 0),
          bits(resolver.emptyBits())
    {
    }

    // `known` may give the revision whose id `row` is
    void add(const QString& row, int sign, int known = -1)
    {
        const int index =
            known >= 0 && r.isPlainId(known) ? known : RowResolutions::plainId(r, row);
        if (index >= 0) {
            count[size_t(index)] += sign;
            if (count[size_t(index)] > 0)
                TargetResolver::setBit(bits, index);
            else
                TargetResolver::clearBit(bits, index);
            return;
        }
        const RowResolutions::Entry& entry = resolutions.resolve(r, row);
        bool ok = entry.ok;
        for (int x : entry.revs)
            if (x < 0)
                ok = false;
        if (!ok) {
            unresolved += sign;
            return;
        }
        for (int x : entry.revs) {
            count[size_t(x)] += sign;
            if (count[size_t(x)] > 0)
                TargetResolver::setBit(bits, x);
            else
                TargetResolver::clearBit(bits, x);
        }
    }
};

// The version rows (alembic's `heads` set of strings). Rows that are exactly a revision's
// plain id, nearly all of them, are flags by graph index, so the usual step (an UPDATE from
// the down revision to the revision) hashes no string; other rows (partial ids, labels) are
// kept as strings.
class RowSet
{
public:
    explicit RowSet(const TargetResolver& r) : m_r(r), m_position(size_t(r.count()), -1) {}

    // `known`: the revision whose id `row` is, when the caller knows it
    bool contains(const QString& row, int known = -1) const
    {
        const int i = indexOf(row, known);
        return i >= 0 ? m_position[size_t(i)] >= 0 : m_other.contains(row);
    }
    bool insert(const QString& row, int known = -1)
    {
        const int i = indexOf(row, known);
        if (i < 0) {
            const qsizetype before = m_other.size();
            m_other.insert(row);
            return m_other.size() != before;
        }
        if (m_position[size_t(i)] >= 0)
            return false;
        m_position[size_t(i)] = int(m_indices.size());
        m_indices.push_back(i);
        return true;
    }
    bool remove(const QString& row, int known = -1)
    {
        const int i = indexOf(row, known);
        if (i < 0)
            return m_other.remove(row);
        const int at = m_position[size_t(i)];
        if (at < 0)
            return false;
        // swap with the last, so that removing stays constant time
        const int last = m_indices.back();
        m_indices[size_t(at)] = last;
        m_position[size_t(last)] = at;
        m_indices.pop_back();
        m_position[size_t(i)] = -1;
        return true;
    }
    qsizetype size() const { return qsizetype(m_indices.size()) + m_other.size(); }
    bool isEmpty() const { return size() == 0; }
    QSet<QString> toSet() const
    {
        QSet<QString> all = m_other;
        for (int i : m_indices)
            all.insert(m_r.idOf(i));
        return all;
    }

private:
    int indexOf(const QString& row, int known) const
    {
        return known >= 0 && m_r.isPlainId(known) ? known : RowResolutions::plainId(m_r, row);
    }

    const TargetResolver& m_r;
    std::vector<int> m_position; // by graph index: where in m_indices, or -1
    std::vector<int> m_indices;  // the rows that are plain ids, as graph indices
    QSet<QString> m_other;
};

// HeadMaintainer.update_to_step: what one step does to the version rows.
// `state` holds the revisions of `heads`; the rows the step removes and adds go into `step`.
bool applyStep(const TargetResolver& r, RowResolutions& rows, RowRevisions& state,
               RowSet& heads, MigrationStep& step, int rev, bool upgrade, Error& e)
{
    // what the step does to the version table, in the order alembic does it
    auto added = [&](const QString& v) { step.addedRows.append(v); };
    auto removed = [&](const QString& v) { step.removedRows.append(v); };
    const QString id = r.idOf(rev);
    const QList<int>& downRevs = r.normalizedDown(rev);
    // what the previous step learnt holds only for the rows it left
    const int clearOfDescendants = std::exchange(state.clearOfDescendants, -1);
    QStringList downs; // filled below, after the single-parent shortcut
    QSet<QString> downSet;

    // `set` (a subset of downSet) minus the ancestors of the revisions the other rows name,
    // those that are not down revisions (_get_ancestor_nodes(get_revisions(others)); a row
    // that does not resolve there leaves nothing to take away). The down revisions' rows
    // leave the counts for a moment, so that what `state` holds is exactly the other rows.
    auto minusAncestorsOfOthers = [&](QSet<QString> set) {
        QList<int> present;
        for (int d : downRevs)
            if (!present.contains(d) && heads.contains(r.idOf(d), d))
                present << d;
        for (int d : std::as_const(present))
            state.add(r.idOf(d), -1, d);
        if (state.unresolved == 0) {
            for (int d : downRevs) {
                const QString dId = r.idOf(d);
                if (set.contains(dId) && r.isAncestorOrSelfOfAny(d, state.bits))
                    set.remove(dId);
            }
        }
        for (int d : std::as_const(present))
            state.add(r.idOf(d), +1, d);
        return set;
    };
    auto fail = [&](const QString& what) {
        e = internalError(what);
        return false;
    };
    auto insertRow = [&](const QString& v, int vRev = -1) {
        if (!heads.insert(v, vRev))
            return fail(QStringLiteral("AssertionError: version %1 already present").arg(v));
        added(v);
        state.add(v, +1, vRev);
        return true;
    };
    auto deleteRow = [&](const QString& v, int vRev = -1) {
        if (!heads.remove(v, vRev))
            return fail(QStringLiteral("KeyError: %1").arg(v));
        removed(v);
        state.add(v, -1, vRev);
        return true;
    };
    auto updateRow = [&](const QString& from, const QString& to, int fromRev = -1, int toRev = -1) {
        if (heads.contains(to, toRev))
            return fail(QStringLiteral("AssertionError: version %1 already present").arg(to));
        if (!heads.remove(from, fromRev))
            return fail(QStringLiteral("KeyError: %1").arg(from));
        removed(from);
        state.add(from, -1, fromRev);
        heads.insert(to, toRev);
        added(to);
        state.add(to, +1, toRev);
        return true;
    };
    auto updateVersionNum = [&]() {
        QString down;
        if (downs.size() != 1) {
            QSet<QString> present;
            for (int k = 0; k < downs.size(); ++k)
                if (heads.contains(downs.at(k), downRevs.at(k)))
                    present.insert(downs.at(k));
            if (present.size() != 1)
                return fail(QStringLiteral(
                    "AssertionError: Can't do an UPDATE because downrevision is ambiguous"));
            down = *present.begin();
        } else {
            down = downs.first();
        }
        return upgrade ? updateRow(down, id) : updateRow(id, down);
    };
    // called with `id` among the rows: downSet minus the ancestors of the other rows
    auto unmergeTo = [&]() {
        if (heads.isEmpty() || (heads.size() == 1 && heads.contains(id, rev)))
            return downSet;
        state.add(id, -1);
        QSet<QString> set = downSet;
        if (state.unresolved == 0) {
            for (int d : downRevs) {
                const QString dId = r.idOf(d);
                if (set.contains(dId) && r.isAncestorOrSelfOfAny(d, state.bits))
                    set.remove(dId);
            }
        }
        state.add(id, +1);
        return set;
    };

    if (downRevs.size() == 1) {
        // the same decisions as below for one down revision, without building sets
        const int down = downRevs.first();
        const QString downId = r.idOf(down);
        if (upgrade)
            return heads.contains(downId, down) ? updateRow(downId, id, down, rev)
                                                : insertRow(id, rev);
        bool othersClear = false; // no other row names `down` or a descendant of it
        if (heads.contains(id, rev)) {
            // unmergeTo().isEmpty(): the down revision is an ancestor of another row
            bool unmergeToEmpty = false;
            if (heads.size() > 1) {
                state.add(id, -1, rev);
                if (state.unresolved == 0) {
                    if (clearOfDescendants == rev && r.normalizedChildCount(down) == 1) {
                        // the other rows are those of the previous step, which descend from
                        // neither `rev` nor so (`rev` being its only child) from `down`, save
                        // a row naming `down` itself
                        unmergeToEmpty = state.count[size_t(down)] > 0;
                    } else {
                        unmergeToEmpty = r.isAncestorOrSelfOfAny(down, state.bits);
                    }
                    othersClear = !unmergeToEmpty;
                }
                state.add(id, +1, rev);
            }
            if (unmergeToEmpty)
                return deleteRow(id, rev);
        }
        if (!updateRow(id, downId, rev, down))
            return false;
        if (othersClear)
            state.clearOfDescendants = down;
        return true;
    }
    for (int d : downRevs)
        downs << r.idOf(d);
    downSet = QSet<QString>(downs.begin(), downs.end());

    if (upgrade) {
        int downsPresent = 0; // distinct down revisions that are rows (downs may repeat one)
        for (const QString& d : std::as_const(downSet))
            downsPresent += heads.contains(d) ? 1 : 0;
        if (downs.isEmpty() || downsPresent == 0)
            return insertRow(id, rev);
        if (downs.size() > 1 && downsPresent > 1) {
            QSet<QString> from = downSet;
            if (heads.size() > downsPresent) // other rows than the down revisions'
                from = minusAncestorsOfOthers(from);
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
    if (heads.contains(id, rev)) {
        if (downs.isEmpty())
            return deleteRow(id, rev);
        const QSet<QString> to = unmergeTo(); // asked once: it weighs every other row
        if (to.isEmpty())
            return deleteRow(id, rev);
        if (downs.size() <= 1)
            return updateVersionNum();
        QStringList toList(to.begin(), to.end());
        for (int k = 0; k + 1 < toList.size(); ++k)
            if (!insertRow(toList.at(k)))
                return false;
        return updateRow(id, toList.last());
    }
    return updateVersionNum();
}

} // namespace

MigrationPlanner::MigrationPlanner(std::shared_ptr<const RevisionGraph> graph)
    : m_graph(std::move(graph)), m_resolver(std::make_shared<const TargetResolver>(*m_graph))
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
    Error e;
    const QList<int> order = upgrade ? upgradeRevisions(resolver, currentRows, target, e)
                                     : downgradeRevisions(resolver, currentRows, target, e);
    if (e)
        return Result<MigrationPlan>::failure(TargetResolver::commandMessage(e, target, upgrade));

    MigrationPlan plan;
    plan.direction = direction;
    plan.target = target;
    plan.startHeads = currentRows;
    const QSet<QString> startRows(currentRows.begin(), currentRows.end());
    RowSet heads(resolver);
    for (const QString& row : startRows)
        heads.insert(row);
    RowResolutions rows;
    RowRevisions state(resolver, rows);
    for (const QString& row : startRows)
        state.add(row, +1);
    plan.steps.reserve(order.size());
    for (int rev : order) {
        MigrationStep step;
        step.direction = direction;
        step.revision = resolver.idOf(rev);
        if (!applyStep(resolver, rows, state, heads, step, rev, upgrade, e))
            return Result<MigrationPlan>::failure(
                TargetResolver::commandMessage(e, target, upgrade));
        plan.steps.append(std::move(step));
    }
    plan.endHeads = sortedRows(heads.toSet());
    return plan;
}

} // namespace retort
