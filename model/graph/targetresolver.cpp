#include "graph/targetresolver.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace retort {

namespace {

constexpr int kMissing = -3;

QString tr(const char* text)
{
    return QCoreApplication::translate("TargetResolver", text);
}

TargetResolver::Error revisionError(const QString& message)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::Revision;
    e.message = message;
    return e;
}

TargetResolver::Error resolutionError(const QString& message, const QString& argument)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::Resolution;
    e.message = message;
    e.argument = argument;
    return e;
}

TargetResolver::Error assertionError(const QString& what)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::Assertion;
    e.message = tr("alembic fails with an internal error (AssertionError: %1)").arg(what);
    return e;
}

TargetResolver::Error multipleHeads(const QStringList& heads, const QString& argument)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::MultipleHeads;
    e.heads = heads;
    e.argument = argument;
    e.message = tr("Multiple heads are present for given argument '%1'; %2")
                    .arg(argument, heads.join(QStringLiteral(", ")));
    return e;
}

QString didNotProduce(const QString& relative, int count)
{
    return tr("Relative revision %1 didn't produce %2 migrations").arg(relative).arg(count);
}

void appendUnique(QList<int>& list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

// alembic's _relative_destination, used with re.match (anchored at the start only).
const QRegularExpression& relativeDestination()
{
    static const QRegularExpression re(QStringLiteral("\\A(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

struct Relative
{
    bool matched = false;
    QString branchLabel; // empty = None
    QString symbol;      // empty = None
    QString relative;    // e.g. "+2", "-1"
    int value = 0;
};

Relative parseRelative(const QString& target)
{
    Relative r;
    const QRegularExpressionMatch m = relativeDestination().match(target);
    if (!m.hasMatch())
        return r;
    r.matched = true;
    r.branchLabel = m.captured(1);
    r.symbol = m.captured(2);
    r.relative = m.captured(3);
    r.value = r.relative.toInt();
    return r;
}

} // namespace

TargetResolver::TargetResolver(const RevisionGraph& graph)
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
    for (int i : std::as_const(m_order)) {
        if (m_nextrev.at(i).isEmpty())
            m_heads << i;
        if (m_allNextrev.at(i).isEmpty())
            m_realHeads << i;
        if (revs.at(i).downRevisions.isEmpty())
            m_bases << i;
    }
}

int TargetResolver::lookupKey(const QString& key) const
{
    const int idx = m_graph.indexOf(key);
    if (idx >= 0)
        return idx;
    return m_labelOwner.value(key, kMissing);
}

TargetResolver::Outcome<QList<int>> TargetResolver::related(const QList<int>& targets, bool up,
                                                            bool includeDependencies,
                                                            bool check) const
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
                    tr("Requested revision %1 overlaps with other requested revisions %2")
                        .arg(m_ids.at(target), overlaps.join(QStringLiteral(", "))))};
            }
        }
    }
    return out;
}

const TargetResolver::Closure& TargetResolver::closure() const
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
        c.descendants.assign(c.words * size_t(n), 0);
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const int v = *it;
            quint64* row = c.descendants.data() + c.words * size_t(v);
            row[size_t(v) >> 6] |= quint64(1) << (v & 63);
            for (int child : up[size_t(v)]) {
                const quint64* below = c.descendants.data() + c.words * size_t(child);
                for (size_t w = 0; w < c.words; ++w)
                    row[w] |= below[w];
            }
        }
        c.available = true;
    });
    c.built.store(true, std::memory_order_release);
    return c;
}

bool TargetResolver::isAncestorOrSelf(int ancestor, int rev) const
{
    const Closure& c = closure();
    if (c.available)
        return (c.rows[c.words * size_t(rev) + (size_t(ancestor) >> 6)] >> (ancestor & 63)) & 1;
    Bits bits;
    ancestorBits(rev, bits);
    return testBit(bits, ancestor);
}

bool TargetResolver::isAncestorOrSelfOfAny(int rev, const Bits& revs) const
{
    const Closure& c = closure();
    if (c.available) {
        const quint64* row = c.descendants.data() + c.words * size_t(rev);
        for (size_t w = 0; w < c.words; ++w)
            if (row[w] & revs[w])
                return true;
        return false;
    }
    const int n = count();
    for (int x = 0; x < n; ++x)
        if (testBit(revs, x) && isAncestorOrSelf(rev, x))
            return true;
    return false;
}

void TargetResolver::ancestorBits(int rev, Bits& out) const
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

TargetResolver::Outcome<QList<int>>
TargetResolver::ancestorNodes(const QList<int>& targets, bool includeDependencies, bool check) const
{
    return related(targets, true, includeDependencies, check);
}

QList<int> TargetResolver::descendantNodes(const QList<int>& targets,
                                           bool includeDependencies) const
{
    // (fails only on a target that is no revision: then no descendants)
    Outcome<QList<int>> nodes = related(targets, false, includeDependencies, false);
    return nodes ? std::move(nodes).value() : QList<int>();
}

bool TargetResolver::sharesLineage(int target, const QList<int>& testAgainst,
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

TargetResolver::Outcome<TargetResolver::Resolved>
TargetResolver::resolveRevisionNumber(const QString& idIn, bool isNone) const
{
    Resolved r;
    QString id = idIn;
    if (!isNone && id.contains(QLatin1Char('@'))) {
        const int at = id.indexOf(QLatin1Char('@'));
        r.branchLabel = id.left(at);
        r.hasBranchLabel = true;
        id = id.mid(at + 1);
    }
    if (isNone || id == QLatin1String("base"))
        return r;
    if (id == QLatin1String("heads")) {
        if (r.branchLabel.isEmpty()) {
            for (int h : m_realHeads)
                r.ids << m_ids.at(h);
        } else {
            const Outcome<QList<int>> heads = filterForLineage(m_heads, r.branchLabel);
            if (!heads)
                return Failure{heads.error()};
            for (int h : heads.value())
                r.ids << m_ids.at(h);
        }
    } else if (id == QLatin1String("head")) {
        const Outcome<int> head = getCurrentHead(r.branchLabel);
        if (!head)
            return Failure{head.error()};
        if (*head >= 0)
            r.ids << m_ids.at(*head);
    } else {
        r.ids << id;
    }
    return r;
}

TargetResolver::Outcome<int> TargetResolver::getCurrentHead(const QString& branchLabel) const
{
    QList<int> current = m_heads;
    if (!branchLabel.isEmpty()) {
        Outcome<QList<int>> filtered = filterForLineage(current, branchLabel);
        if (!filtered)
            return Failure{filtered.error()};
        current = std::move(filtered).value();
    }
    if (current.size() > 1) {
        QStringList ids;
        for (int c : current)
            ids << m_ids.at(c);
        return Failure{multipleHeads(ids, branchLabel.isEmpty()
                                              ? QStringLiteral("head")
                                              : branchLabel + QStringLiteral("@head"))};
    }
    return current.isEmpty() ? kNone : current.first();
}

TargetResolver::Outcome<QList<int>>
TargetResolver::filterForLineage(const QList<int>& targets, const QString& checkAgainst,
                                 bool includeDependencies) const
{
    const Outcome<Resolved> resolved = resolveRevisionNumber(checkAgainst, false);
    if (!resolved)
        return Failure{resolved.error()};
    const Resolved& r = resolved.value();
    QStringList shares;
    if (!r.branchLabel.isEmpty())
        shares << r.branchLabel;
    shares << r.ids;
    if (targets.isEmpty() || shares.isEmpty())
        return targets;
    QList<int> against;
    for (const QString& s : std::as_const(shares)) {
        const Outcome<int> rev = revisionForIdent(s, false, QString());
        if (!rev)
            return Failure{rev.error()};
        if (*rev >= 0)
            against << *rev;
    }
    QList<int> out;
    for (int t : targets)
        if (sharesLineage(t, against, includeDependencies))
            out << t;
    return out;
}

TargetResolver::Outcome<int> TargetResolver::resolveBranch(const QString& label) const
{
    const int key = lookupKey(label);
    if (key >= 0)
        return key;
    Outcome<int> rev = revisionForIdent(label, false, QString());
    if (!rev && rev.error().kind == Error::Kind::Resolution)
        return Failure{resolutionError(tr("No such branch: '%1'").arg(label), label)};
    return rev;
}

TargetResolver::Outcome<int> TargetResolver::revisionForIdent(const QString& id, bool isBase,
                                                              const QString& checkBranch) const
{
    int branchRev = kMissing;
    if (!checkBranch.isEmpty()) {
        const Outcome<int> branch = resolveBranch(checkBranch);
        if (!branch)
            return branch;
        branchRev = *branch;
    }
    int revision = kNone;
    if (!isBase) {
        revision = lookupKey(id);
        if (revision == kMissing) {
            if (id.isEmpty())
                return Failure{assertionError(QStringLiteral("resolved_id"))};
            QStringList revs;
            for (int i : m_order)
                if (m_ids.at(i).size() > 3 && m_ids.at(i).startsWith(id))
                    revs << m_ids.at(i);
            for (const QString& label : m_labelKeys)
                if (label.size() > 3 && label.startsWith(id))
                    revs << label;
            if (branchRev >= 0 && !revs.isEmpty()) {
                QList<int> asRevs;
                for (const QString& s : std::as_const(revs))
                    asRevs << lookupKey(s);
                const Outcome<QList<int>> kept = filterForLineage(asRevs, checkBranch);
                if (!kept)
                    return Failure{kept.error()};
                QStringList filtered;
                for (int k = 0; k < asRevs.size(); ++k)
                    if (kept->contains(asRevs.at(k)))
                        filtered << revs.at(k);
                revs = filtered;
            }
            if (revs.isEmpty()) {
                return Failure{resolutionError(
                    tr("No such revision or branch '%1'%2")
                        .arg(id, id.size() < 4
                                     ? tr("; please ensure at least four characters are present "
                                          "for partial revision identifier matches")
                                     : QString()),
                    id)};
            }
            if (revs.size() > 1) {
                QStringList quoted;
                for (const QString& r : revs.mid(0, 3))
                    quoted << QLatin1Char('\'') + r + QLatin1Char('\'');
                return Failure{resolutionError(tr("Multiple revisions start with '%1': %2...")
                                                   .arg(id, quoted.join(QStringLiteral(", "))),
                                               id)};
            }
            revision = lookupKey(revs.first());
        }
    }
    if (!checkBranch.isEmpty() && revision >= 0) {
        if (!sharesLineage(revision, {branchRev})) {
            return Failure{resolutionError(tr("Revision %1 is not a member of branch '%2'")
                                               .arg(m_ids.at(revision), checkBranch),
                                           id)};
        }
    }
    return revision;
}

TargetResolver::Outcome<QList<int>> TargetResolver::getRevisions(const QString& id) const
{
    const Outcome<Resolved> resolved = resolveRevisionNumber(id, false);
    if (!resolved)
        return Failure{resolved.error()};
    const Resolved& r = resolved.value();
    QList<int> out;
    if (r.ids.size() == 1) {
        // what Python's int() accepts; "label@-2" that the relative syntax did not take
        static const QRegularExpression pyInt(QStringLiteral("\\A\\s*[+-]?\\d+(?:_\\d+)*\\s*\\z"),
                                              QRegularExpression::UseUnicodePropertiesOption);
        if (pyInt.match(r.ids.first()).hasMatch()) {
            QString digits = r.ids.first().trimmed();
            digits.remove(QLatin1Char('_'));
            bool isNumber = false;
            const qlonglong steps = digits.toLongLong(&isNumber);
            if (isNumber && steps < 0) {
                // branch@-n: walk down from the heads (of that branch)
                const Outcome<QList<int>> heads = getRevisions(QStringLiteral("heads"));
                if (!heads)
                    return heads;
                for (int head : heads.value()) {
                    if (r.hasBranchLabel && !m_labels.at(head).contains(r.branchLabel))
                        continue;
                    const Outcome<int> rev = walk(head, int(steps), QString(), true);
                    if (!rev)
                        return Failure{rev.error()};
                    out << *rev;
                }
                return out;
            }
        }
    }
    for (const QString& rid : r.ids) {
        const Outcome<int> rev = revisionForIdent(rid, false, r.branchLabel);
        if (!rev)
            return Failure{rev.error()};
        out << *rev;
    }
    return out;
}

TargetResolver::Outcome<QList<int>> TargetResolver::getRevisions(const QStringList& ids) const
{
    QList<int> out;
    for (const QString& id : ids) {
        const Outcome<QList<int>> revs = getRevisions(id);
        if (!revs)
            return revs;
        out << revs.value();
    }
    return out;
}

TargetResolver::Outcome<int> TargetResolver::getRevision(const QString& id) const
{
    const Outcome<Resolved> resolved = resolveRevisionNumber(id, false);
    if (!resolved)
        return Failure{resolved.error()};
    const Resolved& r = resolved.value();
    if (r.ids.size() > 1)
        return Failure{multipleHeads(r.ids, id)};
    return revisionForIdent(r.ids.value(0), r.ids.isEmpty(), r.branchLabel);
}

TargetResolver::Outcome<int> TargetResolver::walk(int start, int steps, const QString& branchLabel,
                                                  bool noOverwalk) const
{
    int initial = start;
    for (int i = 0; i < std::abs(steps); ++i) {
        QList<int> children;
        if (steps > 0) {
            if (initial == kBaseMarker)
                return Failure{assertionError(QStringLiteral("initial != \"base\""))};
            const QList<int> up = initial == kNone ? m_bases : m_nextrev.at(initial);
            if (!branchLabel.isEmpty()) {
                Outcome<QList<int>> filtered = filterForLineage(up, branchLabel);
                if (!filtered)
                    return Failure{filtered.error()};
                children = std::move(filtered).value();
            } else {
                children = up;
            }
        } else if (initial != kBaseMarker) {
            children = initial == kNone ? m_heads : m_versionedDown.at(initial);
            if (children.isEmpty())
                children = {kBaseMarker};
        }
        if (children.isEmpty())
            return noOverwalk ? kNone : initial;
        if (children.size() > 1)
            return Failure{revisionError(tr("Ambiguous walk"))};
        initial = children.first();
    }
    return initial;
}

TargetResolver::Outcome<QList<int>> TargetResolver::allCurrent(const QStringList& ids) const
{
    const Outcome<QList<int>> top = getRevisions(ids);
    if (!top)
        return top;
    const Outcome<QList<int>> ancestors = ancestorNodes(top.value(), true, false);
    if (!ancestors)
        return ancestors;
    const QSet<int> set(ancestors->begin(), ancestors->end());
    QList<int> out;
    for (int rev : set) {
        bool hasDescendant = false;
        for (int d : descendantNodes({rev}, false))
            if (d != rev && set.contains(d))
                hasDescendant = true;
        if (!hasDescendant)
            out << rev;
    }
    std::sort(out.begin(), out.end(), [&](int a, int b) { return m_pos.at(a) < m_pos.at(b); });
    return out;
}

TargetResolver::Outcome<QList<int>> TargetResolver::parseUpgradeTarget(const QStringList& current,
                                                                       const QString& target) const
{
    const Relative rel = parseRelative(target);
    if (!rel.matched)
        return getRevisions(target);

    if (rel.value > 0) {
        if (rel.symbol.isEmpty()) {
            QList<int> startRevs;
            if (rel.branchLabel.isEmpty()) {
                if (current.size() > 1)
                    return Failure{
                        revisionError(tr("Ambiguous upgrade from multiple current revisions"))};
                if (current.isEmpty()) {
                    startRevs = {kNone};
                } else {
                    const Outcome<int> start = getRevision(current.first());
                    if (!start)
                        return Failure{start.error()};
                    startRevs = {*start};
                }
            } else {
                const Outcome<QList<int>> currentRevs = getRevisions(current);
                if (!currentRevs)
                    return currentRevs;
                Outcome<QList<int>> inLineage =
                    filterForLineage(currentRevs.value(), rel.branchLabel);
                if (!inLineage)
                    return inLineage;
                startRevs = std::move(inLineage).value();
                if (startRevs.isEmpty()) {
                    const Outcome<QList<int>> ancestors =
                        ancestorNodes(currentRevs.value(), true, false);
                    if (!ancestors)
                        return ancestors;
                    const Outcome<QList<int>> active =
                        filterForLineage(ancestors.value(), rel.branchLabel);
                    if (!active)
                        return active;
                    QSet<int> downs;
                    for (int a : active.value())
                        for (int d : m_normalizedDown.at(a))
                            downs.insert(d);
                    for (int a : active.value())
                        if (!downs.contains(a))
                            appendUnique(startRevs, a);
                    if (startRevs.isEmpty())
                        startRevs = {kNone};
                }
            }
            if (startRevs.size() > 1)
                return Failure{
                    revisionError(tr("Ambiguous upgrade from multiple current revisions"))};
            const Outcome<int> rev = walk(startRevs.first(), rel.value, rel.branchLabel, true);
            if (!rev)
                return Failure{rev.error()};
            if (*rev == kNone)
                return Failure{revisionError(didNotProduce(rel.relative, std::abs(rel.value)))};
            return QList<int>{*rev};
        }
        const Outcome<int> start = getRevision(rel.symbol);
        if (!start)
            return Failure{start.error()};
        const Outcome<int> rev = walk(*start, rel.value, rel.branchLabel, true);
        if (!rev)
            return Failure{rev.error()};
        return QList<int>{*rev};
    }
    if (rel.symbol.isEmpty())
        return Failure{
            revisionError(didNotProduce(QString::number(rel.value), std::abs(rel.value)))};
    const Outcome<int> start = getRevision(
        rel.branchLabel.isEmpty() ? rel.symbol : rel.branchLabel + QLatin1Char('@') + rel.symbol);
    if (!start)
        return Failure{start.error()};
    const Outcome<int> rev = walk(*start, rel.value, QString(), true);
    if (!rev)
        return Failure{rev.error()};
    return QList<int>{*rev};
}

TargetResolver::Outcome<TargetResolver::DowngradeRevision>
TargetResolver::parseDowngradeTarget(const QStringList& current, const QString& target) const
{
    const Relative rel = parseRelative(target);
    if (rel.matched) {
        QString branchLabel = rel.branchLabel;
        if (rel.value >= 0) {
            if (rel.symbol.isEmpty())
                return Failure{revisionError(didNotProduce(rel.relative, std::abs(rel.value)))};
            const Outcome<int> start = getRevision(rel.symbol);
            if (!start)
                return Failure{start.error()};
            const Outcome<int> rev = walk(*start, rel.value, rel.branchLabel, true);
            if (!rev)
                return Failure{rev.error()};
            if (*rev == kNone)
                return Failure{revisionError(tr("Walked too far"))};
            return DowngradeRevision{*rev, branchLabel};
        }
        const bool relativeRevision = rel.symbol.isEmpty();
        QString symbol = rel.symbol;
        if (relativeRevision) {
            if (!branchLabel.isEmpty()) {
                QList<int> currentRevs;
                for (const QString& c : current) {
                    const Outcome<int> rev = revisionForIdent(c, false, QString());
                    if (!rev)
                        return Failure{rev.error()};
                    currentRevs << *rev;
                }
                Outcome<QList<int>> symbols = filterForLineage(currentRevs, branchLabel);
                if (!symbols)
                    return Failure{symbols.error()};
                if (symbols->isEmpty()) {
                    const Outcome<QList<int>> all = allCurrent(current);
                    if (!all)
                        return Failure{all.error()};
                    symbols = filterForLineage(all.value(), branchLabel);
                    if (!symbols)
                        return Failure{symbols.error()};
                }
                if (symbols->size() != 1)
                    return Failure{assertionError(QStringLiteral("len(symbol_list) == 1"))};
                symbol = m_ids.at(symbols->first());
            } else {
                if (current.isEmpty())
                    return Failure{
                        revisionError(didNotProduce(rel.relative, std::abs(rel.value)))};
                symbol = current.first();
                branchLabel = symbol;
            }
        }
        const Outcome<int> start = getRevision(
            branchLabel.isEmpty() ? symbol : branchLabel + QLatin1Char('@') + symbol);
        if (!start)
            return Failure{start.error()};
        const Outcome<int> rev = walk(*start, rel.value, QString(), true);
        if (!rev)
            return Failure{rev.error()};
        if (*rev == kNone) {
            return Failure{revisionError(relativeRevision
                                             ? didNotProduce(rel.relative, std::abs(rel.value))
                                             : tr("Walked too far"))};
        }
        return DowngradeRevision{*rev, branchLabel};
    }
    const int at = target.lastIndexOf(QLatin1Char('@'));
    const Outcome<int> rev = getRevision(at < 0 ? target : target.mid(at + 1));
    if (!rev)
        return Failure{rev.error()};
    return DowngradeRevision{*rev, at < 0 ? QString() : target.left(at)};
}

QString TargetResolver::commandMessage(const Error& error, const QString& destination, bool upgrade)
{
    switch (error.kind) {
    case Error::Kind::RangeNotAncestor:
        return upgrade ? tr("Destination %1 is not a valid upgrade target from current head(s)")
                             .arg(destination)
                       : tr("Destination %1 is not a valid downgrade target from current head(s)")
                             .arg(destination);
    case Error::Kind::MultipleHeads: {
        const QString arg = destination.isEmpty() ? error.argument : destination;
        return tr("Multiple head revisions are present for given argument '%1'; please specify "
                  "a specific target revision, '<branchname>@%1' to narrow to a specific head, "
                  "or 'heads' for all heads")
            .arg(arg);
    }
    case Error::Kind::Resolution:
        return tr("Can't locate revision identified by '%1'").arg(error.argument);
    case Error::Kind::Revision:
    case Error::Kind::Assertion:
    case Error::Kind::NoError:
        break;
    }
    return error.message;
}

Result<QStringList> TargetResolver::resolveUpgradeTarget(const QString& target,
                                                         const QStringList& currentRows) const
{
    const Outcome<QList<int>> revs = parseUpgradeTarget(currentRows, target);
    if (!revs)
        return Failure{commandMessage(revs.error(), target, true)};
    QStringList ids;
    for (int r : revs.value()) {
        if (r < 0)
            return Failure{
                commandMessage(assertionError(QStringLiteral("is_revision")), target, true)};
        ids << m_ids.at(r);
    }
    return ids;
}

Result<TargetResolver::DowngradeTarget>
TargetResolver::resolveDowngradeTarget(const QString& target, const QStringList& currentRows) const
{
    const Outcome<DowngradeRevision> rev = parseDowngradeTarget(currentRows, target);
    if (!rev)
        return Failure{commandMessage(rev.error(), target, false)};
    DowngradeTarget t;
    t.branchLabel = rev->branchLabel;
    if (rev->revision >= 0)
        t.revision = m_ids.at(rev->revision);
    return t;
}

Result<QStringList> TargetResolver::resolveRevisions(const QString& identifier) const
{
    const Outcome<QList<int>> revs = getRevisions(identifier);
    if (!revs)
        return Failure{commandMessage(revs.error(), identifier, true)};
    QStringList ids;
    for (int r : revs.value())
        if (r >= 0)
            ids << m_ids.at(r);
    return ids;
}

} // namespace retort
