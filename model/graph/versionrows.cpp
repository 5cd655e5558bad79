#include "model/graph/versionrows.h"

#include "model/graph/migrationplanner.h" // the translation context "MigrationPlanner"

#include <QHash>
#include <QSet>

#include <utility>
#include <vector>

namespace retort {

TargetResolver::Error plannerInternalError(const QString& what)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::Assertion;
    e.message = MigrationPlanner::tr("alembic fails with an internal error (%1)").arg(what);
    return e;
}

namespace {

using Error = TargetResolver::Error;
template <typename T> using Outcome = TargetResolver::Outcome<T>;

using Bits = TargetResolver::Bits;

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
                Outcome<QList<int>> revs = r.getRevisions(row);
                entry.ok = revs.ok();
                if (revs)
                    entry.revs = std::move(revs).value();
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
Outcome<void> applyStep(const TargetResolver& r, RowRevisions& state, RowSet& heads,
                        MigrationStep& step, int rev, bool upgrade, bool unmergeDropsImplied)
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
    auto fail = [&](const QString& what) -> Outcome<void> { return Failure{plannerInternalError(what)}; };
    auto insertRow = [&](const QString& v, int vRev = -1) -> Outcome<void> {
        if (!heads.insert(v, vRev))
            return fail(QStringLiteral("AssertionError: version %1 already present").arg(v));
        added(v);
        state.add(v, +1, vRev);
        return {};
    };
    auto deleteRow = [&](const QString& v, int vRev = -1) -> Outcome<void> {
        if (!heads.remove(v, vRev))
            return fail(QStringLiteral("KeyError: %1").arg(v));
        removed(v);
        state.add(v, -1, vRev);
        return {};
    };
    auto updateRow = [&](const QString& from, const QString& to, int fromRev = -1,
                         int toRev = -1) -> Outcome<void> {
        if (heads.contains(to, toRev))
            return fail(QStringLiteral("AssertionError: version %1 already present").arg(to));
        if (!heads.remove(from, fromRev))
            return fail(QStringLiteral("KeyError: %1").arg(from));
        removed(from);
        state.add(from, -1, fromRev);
        heads.insert(to, toRev);
        added(to);
        state.add(to, +1, toRev);
        return {};
    };
    auto updateVersionNum = [&]() -> Outcome<void> {
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
        if (heads.isEmpty() || (heads.size() == 1 && heads.contains(id, rev))) {
            if (!unmergeDropsImplied)
                return downSet;
            // alembic >= 1.13.1 (#1373): no row for a down revision another one implies
            QSet<QString> set = downSet;
            for (int d : downRevs)
                for (int other : downRevs)
                    if (other != d && r.isAncestorOrSelf(d, other))
                        set.remove(r.idOf(d));
            return set;
        }
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
        Outcome<void> updated = updateRow(id, downId, rev, down);
        if (updated && othersClear)
            state.clearOfDescendants = down;
        return updated;
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
                if (Outcome<void> deleted = deleteRow(fromList.at(k)); !deleted)
                    return deleted;
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
            if (Outcome<void> inserted = insertRow(toList.at(k)); !inserted)
                return inserted;
        return updateRow(id, toList.last());
    }
    return updateVersionNum();
}

} // namespace

struct VersionRows::State
{
    State(const TargetResolver& resolver, bool unmergeDropsImplied)
        : r(resolver), unmergeDropsImplied(unmergeDropsImplied), heads(resolver),
          state(resolver, rows)
    {
    }

    const TargetResolver& r;
    const bool unmergeDropsImplied;
    RowSet heads;
    RowResolutions rows;
    RowRevisions state;
};

VersionRows::VersionRows(const TargetResolver& resolver, const QStringList& startRows,
                         const AlembicRules& rules)
    : m_state(std::make_unique<State>(resolver, rules.unmergeDropsImpliedRows()))
{
    const QSet<QString> rows(startRows.begin(), startRows.end());
    for (const QString& row : rows)
        m_state->heads.insert(row);
    for (const QString& row : rows)
        m_state->state.add(row, +1);
}

VersionRows::~VersionRows() = default;

TargetResolver::Outcome<void> VersionRows::apply(MigrationStep& step, int rev, bool upgrade)
{
    return applyStep(m_state->r, m_state->state, m_state->heads, step, rev, upgrade,
                     m_state->unmergeDropsImplied);
}

QStringList VersionRows::sorted() const
{
    return sortedRows(m_state->heads.toSet());
}

} // namespace retort
