#include "model/graph/revisionmap.h"

#include "model/graph/targetresolver.h" // RevisionMap's messages: context "TargetResolver"

#include <algorithm>
#include <bit>
#include <climits>

namespace retort {

namespace {

void appendUnique(QList<int>& list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

} // namespace

RevisionMap::Error RevisionMap::revisionError(const QString& message)
{
    Error e;
    e.kind = Error::Kind::Revision;
    e.message = message;
    return e;
}

RevisionMap::Error RevisionMap::assertionError(const QString& what)
{
    Error e;
    e.kind = Error::Kind::Assertion;
    e.message =
        TargetResolver::tr("alembic fails with an internal error (AssertionError: %1)").arg(what);
    return e;
}

RevisionMap::RevisionMap(const RevisionGraph& graph)
    : m_graph(graph), m_closure(std::make_shared<Closure>())
{
    const QList<Revision>& revs = graph.revisions();
    const int n = int(revs.size());
    for (const Revision& r : revs)
        m_ids << r.id;
    m_plainIds.resize(n);
    for (int i = 0; i < n; ++i) {
        const QString& id = m_ids.at(i);
        bool plain = id != QLatin1String("base") && id != QLatin1String("head") &&
                     id != QLatin1String("heads");
        for (const QChar c : id)
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
                plain = false;
        m_plainIds[i] = plain;
    }

    m_order.resize(n);
    for (int i = 0; i < n; ++i)
        m_order[i] = i;
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        const int la = revs.at(a).loadOrder < 0 ? INT_MAX : revs.at(a).loadOrder;
        const int lb = revs.at(b).loadOrder < 0 ? INT_MAX : revs.at(b).loadOrder;
        return la < lb;
    });
    m_pos.resize(n);
    for (int p = 0; p < n; ++p)
        m_pos[m_order.at(p)] = p;

    const QStringList labels = graph.allBranchLabels();
    for (const QString& label : labels) {
        const int owner = graph.indexOf(graph.labelOwner(label));
        if (owner >= 0)
            m_labelOwner.insert(label, owner);
    }
    // alembic adds label keys to its map after every id; order them by their owner's position
    m_labelKeys = m_labelOwner.keys();
    std::sort(m_labelKeys.begin(), m_labelKeys.end(), [&](const QString& a, const QString& b) {
        const int pa = m_pos.at(m_labelOwner.value(a)), pb = m_pos.at(m_labelOwner.value(b));
        return pa != pb ? pa < pb : a < b;
    });

    m_versionedDown.resize(n);
    m_normalizedDeps.resize(n);
    m_normalizedDown.resize(n);
    m_nextrev.resize(n);
    m_allNextrev.resize(n);
    m_labels.resize(n);
    QList<QList<int>> resolvedDeps(n);
    for (int i = 0; i < n; ++i) {
        const Revision& r = revs.at(i);
        for (const QString& d : r.downRevisions) {
            const int idx = graph.indexOf(d);
            if (idx >= 0)
                m_versionedDown[i].append(idx);
        }
        for (const QString& d : r.dependsOn) {
            int idx = graph.indexOf(d);
            if (idx < 0)
                idx = m_labelOwner.value(d, -1);
            if (idx >= 0)
                resolvedDeps[i].append(idx);
        }
        const QStringList effective = graph.branchLabels(r.id);
        m_labels[i] = QSet<QString>(effective.begin(), effective.end());
    }
    for (int i : std::as_const(m_order)) {
        QList<int> all = m_versionedDown.at(i);
        for (int d : resolvedDeps.at(i))
            appendUnique(all, d);
        for (int d : m_versionedDown.at(i))
            appendUnique(m_nextrev[d], i);
        for (int d : all)
            appendUnique(m_allNextrev[d], i);
    }
    // _normalize_depends_on: drop dependencies that an ancestor already depends on
    for (int i = 0; i < n; ++i) {
        if (resolvedDeps.at(i).isEmpty())
            continue;
        QSet<int> dropped;
        QSet<int> seen{i};
        QList<int> todo = m_versionedDown.at(i);
        while (!todo.isEmpty()) {
            const int a = todo.takeLast();
            if (seen.contains(a))
                continue;
            seen.insert(a);
            for (int d : resolvedDeps.at(a))
                dropped.insert(d);
            todo << m_versionedDown.at(a);
        }
        for (int d : resolvedDeps.at(i))
            if (!dropped.contains(d))
                appendUnique(m_normalizedDeps[i], d);
    }
    for (int i = 0; i < n; ++i) {
        m_normalizedDown[i] = m_versionedDown.at(i);
        for (int d : m_normalizedDeps.at(i))
            appendUnique(m_normalizedDown[i], d);
    }
    const QList<QList<int>>* lists[4] = {&m_versionedDown, &m_normalizedDown, &m_nextrev,
                                         &m_allNextrev};
    for (int k = 0; k < 4; ++k) {
        FlatLists& flat = m_flat[k];
        flat.offsets.reserve(size_t(n) + 1);
        flat.offsets.push_back(0);
        for (int i = 0; i < n; ++i) {
            const QList<int>& list = lists[k]->at(i);
            flat.data.insert(flat.data.end(), list.begin(), list.end());
            flat.offsets.push_back(int(flat.data.size()));
        }
    }
    m_normalizedChildCount.fill(0, n);
    for (int i = 0; i < n; ++i) {
        const QList<int>& down = m_normalizedDown.at(i);
        for (qsizetype k = 0; k < down.size(); ++k)
            if (!down.mid(0, k).contains(down.at(k)))
                ++m_normalizedChildCount[down.at(k)];
            else
                m_repeatedDowns = true;
    }
    // a revision whose id a later file took stays among alembic's heads (see
    // RevisionGraph::shadowed): its id counts once, at the place the id has in the map
    for (int i : std::as_const(m_order)) {
        const bool shadowed = !graph.shadowed().isEmpty() && graph.isShadowed(m_ids.at(i));
        if (m_nextrev.at(i).isEmpty() || shadowed)
            m_heads << i;
        if (m_allNextrev.at(i).isEmpty() || shadowed)
            m_realHeads << i;
        if (revs.at(i).downRevisions.isEmpty() ||
            (shadowed && graph.isShadowedBase(m_ids.at(i))))
            m_bases << i;
    }
}

int RevisionMap::lookupKey(const QString& key) const
{
    const int idx = m_graph.indexOf(key);
    if (idx >= 0)
        return idx;
    return m_labelOwner.value(key, kMissing);
}

RevisionMap::Outcome<QList<int>> RevisionMap::related(const QList<int>& targets, bool up,
                                                      bool includeDependencies, bool check) const
{
    const int n = count();
    QList<int> out;
    std::vector<char> seen(size_t(n), 0);
    std::vector<int> perTarget; // the index in `targets` of the last walk that reached a rev
    if (check)
        perTarget.assign(size_t(n), -1);
    std::vector<int> todo;
    // the lists walked: m_versionedDown, m_normalizedDown, m_nextrev or m_allNextrev
    const FlatLists& flat = m_flat[(up ? 0 : 2) + (includeDependencies ? 1 : 0)];
    for (qsizetype k = 0; k < targets.size(); ++k) {
        const int target = targets.at(k);
        if (target < 0)
            return Failure{assertionError(QStringLiteral("is_revision"))};
        todo.clear();
        todo.push_back(target);
        while (!todo.empty()) {
            const int rev = todo.back();
            todo.pop_back();
            if (check)
                perTarget[size_t(rev)] = int(k);
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = 1;
            todo.insert(todo.end(), flat.data.begin() + flat.offsets[size_t(rev)],
                        flat.data.begin() + flat.offsets[size_t(rev) + 1]);
            out << rev;
        }
        if (check) {
            QStringList overlaps;
            for (int t : targets)
                if (t != target && t >= 0 && perTarget[size_t(t)] == int(k))
                    overlaps << m_ids.at(t);
            if (!overlaps.isEmpty()) {
                overlaps.removeDuplicates();
                return Failure{revisionError(
                    TargetResolver::tr(
                        "Requested revision %1 overlaps with other requested revisions %2")
                        .arg(m_ids.at(target), overlaps.join(QStringLiteral(", "))))};
            }
        }
    }
    return out;
}

const RevisionMap::Closure& RevisionMap::closure() const
{
    Closure& c = *m_closure;
    if (c.built.load(std::memory_order_acquire))
        return c;
    std::call_once(c.once, [&] {
        const int n = count();
        // n * n bits; beyond this the planner walks the graph instead
        constexpr int kMaxClosureRevisions = 16384;
        if (n == 0 || n > kMaxClosureRevisions)
            return;
        // parents (normalized down revisions) before children; a cycle leaves some unordered
        std::vector<int> pending(size_t(n), 0);
        std::vector<std::vector<int>> up(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            pending[size_t(i)] = int(m_normalizedDown.at(i).size());
            for (int d : m_normalizedDown.at(i))
                up[size_t(d)].push_back(i);
        }
        std::vector<int> order;
        order.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            if (pending[size_t(i)] == 0)
                order.push_back(i);
        for (size_t k = 0; k < order.size(); ++k)
            for (int child : up[size_t(order[k])])
                if (--pending[size_t(child)] == 0)
                    order.push_back(child);
        if (int(order.size()) != n)
            return;
        c.words = (size_t(n) + 63) / 64;
        c.rows.assign(c.words * size_t(n), 0);
        for (int v : order) {
            quint64* row = c.rows.data() + c.words * size_t(v);
            row[size_t(v) >> 6] |= quint64(1) << (v & 63);
            for (int d : m_normalizedDown.at(v)) {
                const quint64* parent = c.rows.data() + c.words * size_t(d);
                for (size_t w = 0; w < c.words; ++w)
                    row[w] |= parent[w];
            }
        }
        c.available = true;
    });
    c.built.store(true, std::memory_order_release);
    return c;
}

bool RevisionMap::isAncestorOrSelf(int ancestor, int rev) const
{
    const Closure& c = closure();
    if (c.available)
        return (c.rows[c.words * size_t(rev) + (size_t(ancestor) >> 6)] >> (ancestor & 63)) & 1;
    Bits bits;
    ancestorBits(rev, bits);
    return testBit(bits, ancestor);
}

bool RevisionMap::isAncestorOrSelfOfAny(int rev, const Bits& revs) const
{
    const Closure& c = closure();
    if (c.available) {
        // Each revision of `revs` asks its own row: no transposed matrix (n * n bits more).
        const size_t column = size_t(rev) >> 6;
        const quint64 bit = quint64(1) << (rev & 63);
        for (size_t w = 0; w < c.words && w < revs.size(); ++w) {
            for (quint64 word = revs[w]; word; word &= word - 1) {
                const size_t x = w * 64 + size_t(std::countr_zero(word));
                if (x < size_t(count()) && (c.rows[c.words * x + column] & bit))
                    return true;
            }
        }
        return false;
    }
    const int n = count();
    for (int x = 0; x < n; ++x)
        if (testBit(revs, x) && isAncestorOrSelf(rev, x))
            return true;
    return false;
}

void RevisionMap::ancestorBits(int rev, Bits& out) const
{
    const Closure& c = closure();
    if (c.available) {
        const quint64* row = c.rows.data() + c.words * size_t(rev);
        out.assign(row, row + c.words);
        return;
    }
    out.assign((size_t(count()) + 63) / 64, 0);
    std::vector<int> todo{rev};
    while (!todo.empty()) {
        const int r = todo.back();
        todo.pop_back();
        if (testBit(out, r))
            continue;
        setBit(out, r);
        const QList<int>& next = m_normalizedDown.at(r);
        todo.insert(todo.end(), next.begin(), next.end());
    }
}

RevisionMap::Outcome<QList<int>>
RevisionMap::ancestorNodes(const QList<int>& targets, bool includeDependencies, bool check) const
{
    return related(targets, true, includeDependencies, check);
}

QList<int> RevisionMap::descendantNodes(const QList<int>& targets, bool includeDependencies) const
{
    // (fails only on a target that is no revision: then no descendants)
    Outcome<QList<int>> nodes = related(targets, false, includeDependencies, false);
    return nodes ? std::move(nodes).value() : QList<int>();
}

bool RevisionMap::sharesLineage(int target, const QList<int>& testAgainst,
                                bool includeDependencies) const
{
    if (testAgainst.isEmpty())
        return true;
    const QList<int> down = descendantNodes({target}, includeDependencies);
    const Outcome<QList<int>> ancestors = related({target}, true, includeDependencies, false);
    static const QList<int> none;
    const QList<int>& up = ancestors ? ancestors.value() : none;
    for (int t : testAgainst)
        if (down.contains(t) || up.contains(t))
            return true;
    return false;
}

} // namespace retort
