#include "model/graph/revisiongraph.h"

#include "model/common/logging.h"

#include <QFileInfo>

#include <algorithm>
#include <numeric>

namespace retort {

std::shared_ptr<const RevisionGraph> RevisionGraph::build(QList<Revision> revisions,
                                                          Diagnostics diagnostics)
{
    // std::make_shared cannot reach the private constructor.
    std::shared_ptr<RevisionGraph> g(new RevisionGraph);
    g->m_diagnostics = std::move(diagnostics);
    auto& diags = g->m_diagnostics;

    // 1. Duplicate ids, as alembic's RevisionMap takes them: the file it loads later wins the
    //    id but keeps the place in the map of the first (an OrderedDict updated in place);
    //    the overwritten revision still counts among the heads (and the bases) because
    //    nothing removes it from them. Files loaded in an unknown order count by path.
    //    Indices are sorted, not the (heavy) revisions themselves.
    auto loadedBefore = [&](int a, int b) {
        const Revision& ra = revisions.at(a);
        const Revision& rb = revisions.at(b);
        if (ra.loadOrder != rb.loadOrder)
            return ra.loadOrder < rb.loadOrder;
        return ra.path < rb.path;
    };
    QList<int> byLoad(revisions.size());
    std::iota(byLoad.begin(), byLoad.end(), 0);
    std::stable_sort(byLoad.begin(), byLoad.end(), loadedBefore);
    QHash<QString, int> winnerOf;
    winnerOf.reserve(revisions.size());
    for (int i : std::as_const(byLoad)) {
        const Revision& rev = revisions.at(i);
        auto found = winnerOf.find(rev.id);
        if (found == winnerOf.end()) {
            winnerOf.insert(rev.id, i);
            continue;
        }
        Revision& earlier = revisions[*found];
        diags.append(Diagnostic::error(
            earlier.path, earlier.revisionLine,
            tr("Revision id %1 is also used by %2, which alembic loads later: alembic ignores "
               "this file's revision but still counts it among the heads.")
                .arg(rev.id, rev.path),
            rev.id));
        diags.append(Diagnostic::error(
            rev.path, rev.revisionLine,
            tr("Revision id %1 is already used by %2; alembic loads this file later, so this "
               "file's revision takes the id.")
                .arg(rev.id, earlier.path),
            rev.id));
        g->m_shadowed.append({earlier.id, earlier.loadOrder, earlier.downRevisions.isEmpty()});
        revisions[i].loadOrder = earlier.loadOrder; // the map keeps the first place
        *found = i;
    }
    QList<int> kept = winnerOf.values();

    // 2. Index by id, sorted.
    std::sort(kept.begin(), kept.end(),
              [&](int a, int b) { return revisions.at(a).id < revisions.at(b).id; });
    g->m_revisions.reserve(kept.size());
    for (int i : std::as_const(kept))
        g->m_revisions.append(std::move(revisions[i]));
    const int n = int(g->m_revisions.size());
    g->m_nodes.resize(n);
    g->m_index.reserve(n);
    g->m_sortedIds.reserve(n);
    for (int i = 0; i < n; ++i) {
        g->m_index.insert(g->m_revisions.at(i).id, i);
        g->m_sortedIds.append(g->m_revisions.at(i).id);
    }

    // 3. Declared branch labels; a label may not repeat nor shadow a revision id.
    for (int i = 0; i < n; ++i) {
        const Revision& rev = g->m_revisions.at(i);
        for (const QString& label : rev.branchLabels) {
            if (g->m_labelOwner.contains(label) || g->m_index.contains(label)) {
                const int other = g->m_labelOwner.value(label, g->m_index.value(label, -1));
                diags.append(Diagnostic::fatal(
                    rev.path, rev.branchLabelsLine,
                    tr("Branch name '%1' in revision %2 is already used by revision %3.")
                        .arg(label, rev.id, g->m_revisions.at(other).id),
                    rev.id));
                continue;
            }
            g->m_labelOwner.insert(label, i);
        }
    }

    // 4. Parent edges (down_revision) and dependency edges (depends_on).
    for (int i = 0; i < n; ++i) {
        const Revision& rev = g->m_revisions.at(i);
        Node& node = g->m_nodes[i];
        for (const QString& parent : rev.downRevisions) {
            const int p = g->m_index.value(parent, -1);
            if (p < 0) {
                node.missingParents.append(parent);
                diags.append(Diagnostic::fatal(
                    rev.path, rev.downRevisionLine,
                    tr("Revision %1 has down_revision %2, but no script defines %2.")
                        .arg(rev.id, parent),
                    rev.id));
                continue;
            }
            if (!node.parents.contains(p)) {
                node.parents.append(p);
                g->m_nodes[p].children.append(i);
            }
        }
        for (const QString& dep : rev.dependsOn) {
            int d = g->m_index.value(dep, -1);
            if (d < 0)
                d = g->m_labelOwner.value(dep, -1);
            if (d < 0) {
                diags.append(Diagnostic::fatal(
                    rev.path, rev.dependsOnLine,
                    tr("Revision %1 depends on %2, which is neither a revision nor a branch "
                       "label.")
                        .arg(rev.id, dep),
                    rev.id));
                continue;
            }
            if (d == i || node.dependencies.contains(d))
                continue;
            node.dependencies.append(d);
            g->m_nodes[d].dependents.append(i);
        }
    }
    auto byId = [g](int a, int b) { return a < b; }; // indices follow sorted ids
    for (Node& node : g->m_nodes) {
        std::sort(node.children.begin(), node.children.end(), byId);
        std::sort(node.dependents.begin(), node.dependents.end(), byId);
    }

    // 5. Heads, bases, branch points, merge points (alembic's meanings).
    for (int i = 0; i < n; ++i) {
        const Revision& rev = g->m_revisions.at(i);
        const Node& node = g->m_nodes.at(i);
        if (node.children.isEmpty() || g->isShadowed(rev.id))
            g->m_heads.append(rev.id);
        if (rev.downRevisions.isEmpty() || g->isShadowedBase(rev.id))
            g->m_bases.append(rev.id);
        if (node.children.size() > 1)
            g->m_branchPoints.append(rev.id);
        if (rev.downRevisions.size() > 1)
            g->m_mergePoints.append(rev.id);
    }

    // 6. Cycles, by down_revision and then including depends_on: a revision that cannot be
    //    ordered is on or behind a cycle.
    auto findCycle = [&](bool withDependencies) {
        QList<int> indegree(n, 0);
        for (int i = 0; i < n; ++i) {
            indegree[i] = int(g->m_nodes[i].parents.size())
                          + (withDependencies ? int(g->m_nodes[i].dependencies.size()) : 0);
        }
        QList<int> ready;
        for (int i = 0; i < n; ++i)
            if (indegree[i] == 0)
                ready.append(i);
        int done = 0;
        while (!ready.isEmpty()) {
            const int i = ready.takeLast();
            ++done;
            auto release = [&](const QList<int>& next) {
                for (int c : next)
                    if (--indegree[c] == 0)
                        ready.append(c);
            };
            release(g->m_nodes[i].children);
            if (withDependencies)
                release(g->m_nodes[i].dependents);
        }
        QStringList stuck;
        if (done < n)
            for (int i = 0; i < n; ++i)
                if (indegree[i] > 0)
                    stuck.append(g->m_revisions.at(i).id);
        return stuck;
    };
    const QStringList cycle = findCycle(false);
    QStringList depCycle;
    if (cycle.isEmpty())
        depCycle = findCycle(true);
    const QStringList& stuck = cycle.isEmpty() ? depCycle : cycle;
    for (const QString& id : stuck) {
        const Revision& rev = g->m_revisions.at(g->m_index.value(id));
        diags.append(Diagnostic::fatal(
            rev.path, cycle.isEmpty() ? rev.dependsOnLine : rev.downRevisionLine,
            cycle.isEmpty()
                ? tr("Revision %1 is on a cycle of depends_on and down_revision references.")
                      .arg(id)
                : tr("Revision %1 is on (or descends from) a cycle of down_revision "
                     "references.")
                      .arg(id),
            id));
    }

    // 7. Branch labels spread as alembic's _add_branches does: to every descendant (by
    //    down_revision), and down the ancestors until a branch point (counting depends_on
    //    references) or a merge point.
    g->m_labelNames = g->m_labelOwner.keys();
    g->m_labelNames.sort();
    for (int label = 0; label < g->m_labelNames.size(); ++label) {
        const int owner = g->m_labelOwner.value(g->m_labelNames.at(label));
        auto give = [&](int node) {
            QList<int>& labels = g->m_nodes[node].labels;
            if (labels.isEmpty() || labels.last() != label)
                labels.append(label);
        };
        give(owner);
        for (int node : g->walkIndices(owner, true, false))
            give(node);
        int parent = owner;
        QSet<int> visited;
        while (parent >= 0 && !visited.contains(parent)) {
            visited.insert(parent);
            const Node& node = g->m_nodes.at(parent);
            QSet<int> allNext(node.children.cbegin(), node.children.cend());
            for (int d : node.dependents)
                allNext.insert(d);
            if (allNext.size() > 1 || g->m_revisions.at(parent).downRevisions.size() > 1)
                break;
            give(parent);
            parent = node.parents.size() == 1 ? node.parents.first() : -1;
        }
    }

    qCDebug(lcGraph) << "built graph of" << n << "revisions," << g->m_heads.size() << "heads,"
                     << diags.size() << "diagnostics";
    sortDiagnostics(diags);
    return g;
}

const Revision* RevisionGraph::revision(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_revisions.at(i);
}

QStringList RevisionGraph::idsOf(const QList<int>& indices) const
{
    QStringList ids;
    ids.reserve(indices.size());
    for (int i : indices)
        ids.append(m_revisions.at(i).id);
    return ids;
}

QStringList RevisionGraph::parents(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? QStringList() : idsOf(m_nodes.at(i).parents);
}

QStringList RevisionGraph::missingParents(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? QStringList() : m_nodes.at(i).missingParents;
}

QStringList RevisionGraph::children(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? QStringList() : idsOf(m_nodes.at(i).children);
}

QStringList RevisionGraph::dependencies(const QString& id) const
{
    const int i = indexOf(id);
    if (i < 0)
        return {};
    QList<int> deps = m_nodes.at(i).dependencies;
    std::sort(deps.begin(), deps.end());
    return idsOf(deps);
}

QStringList RevisionGraph::dependents(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? QStringList() : idsOf(m_nodes.at(i).dependents);
}

QStringList RevisionGraph::branchLabels(const QString& id) const
{
    const int i = indexOf(id);
    if (i < 0)
        return {};
    QStringList labels;
    for (int label : m_nodes.at(i).labels) // ascending label index = sorted names
        labels.append(m_labelNames.at(label));
    return labels;
}

QString RevisionGraph::labelOwner(const QString& label) const
{
    const int i = m_labelOwner.value(label, -1);
    return i < 0 ? QString() : m_revisions.at(i).id;
}

QStringList RevisionGraph::allBranchLabels() const
{
    QStringList labels = m_labelOwner.keys();
    labels.sort();
    return labels;
}

bool RevisionGraph::isHead(const QString& id) const
{
    const int i = indexOf(id);
    return i >= 0 && m_nodes.at(i).children.isEmpty();
}

bool RevisionGraph::isBase(const QString& id) const
{
    const int i = indexOf(id);
    return i >= 0 && m_revisions.at(i).downRevisions.isEmpty();
}

bool RevisionGraph::isBranchPoint(const QString& id) const
{
    const int i = indexOf(id);
    return i >= 0 && m_nodes.at(i).children.size() > 1;
}

bool RevisionGraph::isMergePoint(const QString& id) const
{
    const int i = indexOf(id);
    return i >= 0 && m_revisions.at(i).downRevisions.size() > 1;
}

QList<int> RevisionGraph::walkIndices(int start, bool up, bool includeDependencies) const
{
    QList<int> found;
    QList<bool> visited(m_nodes.size(), false);
    QList<int> todo{start};
    visited[start] = true;
    while (!todo.isEmpty()) {
        const int i = todo.takeLast();
        const Node& node = m_nodes.at(i);
        auto visit = [&](const QList<int>& next) {
            for (int j : next) {
                if (!visited[j]) {
                    visited[j] = true;
                    found.append(j);
                    todo.append(j);
                }
            }
        };
        visit(up ? node.children : node.parents);
        if (includeDependencies)
            visit(up ? node.dependents : node.dependencies);
    }
    return found;
}

QSet<QString> RevisionGraph::walk(int start, bool up, bool includeDependencies) const
{
    QSet<QString> ids;
    const QList<int> found = walkIndices(start, up, includeDependencies);
    ids.reserve(found.size());
    for (int i : found)
        ids.insert(m_revisions.at(i).id);
    return ids;
}

QSet<QString> RevisionGraph::ancestors(const QString& id, bool includeDependencies) const
{
    const int i = indexOf(id);
    return i < 0 ? QSet<QString>() : walk(i, false, includeDependencies);
}

QSet<QString> RevisionGraph::descendants(const QString& id, bool includeDependencies) const
{
    const int i = indexOf(id);
    return i < 0 ? QSet<QString>() : walk(i, true, includeDependencies);
}

QStringList RevisionGraph::topologicalOrderNewestFirst() const
{
    // Kahn's algorithm from the heads down: a revision is emitted once all of its children
    // are. Among ready revisions the greatest id goes first, so the order is stable.
    const int n = size();
    QList<int> pendingChildren(n, 0);
    for (int i = 0; i < n; ++i)
        pendingChildren[i] = int(m_nodes.at(i).children.size());
    QList<int> ready;
    for (int i = 0; i < n; ++i)
        if (pendingChildren[i] == 0)
            ready.append(i);
    QStringList order;
    order.reserve(n);
    QList<bool> emitted(n, false);
    while (!ready.isEmpty()) {
        const int i = ready.takeFirst();
        emitted[i] = true;
        order.append(m_revisions.at(i).id);
        for (int p : m_nodes.at(i).parents) {
            if (--pendingChildren[p] == 0)
                ready.prepend(p); // depth first: follow a branch down before the next head
        }
    }
    for (int i = 0; i < n; ++i) // revisions on a cycle, last
        if (!emitted[i])
            order.append(m_revisions.at(i).id);
    return order;
}

IdResolution RevisionGraph::resolve(const QString& idOrPrefix) const
{
    IdResolution r;
    if (idOrPrefix.isEmpty()) {
        r.error = tr("An empty revision id was given.");
        return r;
    }
    if (contains(idOrPrefix)) {
        r.id = idOrPrefix;
        return r;
    }
    if (const int owner = m_labelOwner.value(idOrPrefix, -1); owner >= 0) {
        r.id = m_revisions.at(owner).id;
        return r;
    }
    // alembic's partial lookup: keys (ids and branch labels) longer than three characters
    // that start with the text.
    QStringList keys;
    const auto first = std::lower_bound(m_sortedIds.cbegin(), m_sortedIds.cend(), idOrPrefix);
    for (auto it = first; it != m_sortedIds.cend() && it->startsWith(idOrPrefix); ++it)
        if (it->size() > 3)
            keys.append(*it);
    for (auto it = m_labelOwner.cbegin(); it != m_labelOwner.cend(); ++it)
        if (it.key().size() > 3 && it.key().startsWith(idOrPrefix))
            keys.append(it.key());
    keys.sort();
    if (keys.isEmpty()) {
        r.error = tr("No such revision or branch '%1'").arg(idOrPrefix);
        if (idOrPrefix.size() < 4)
            r.error += tr("; please ensure at least four characters are present for partial "
                          "revision identifier matches");
        return r;
    }
    if (keys.size() > 1) {
        r.candidates = keys;
        QStringList quoted;
        for (const QString& k : keys)
            quoted.append(u'\'' + k + u'\'');
        r.error = tr("Multiple revisions start with '%1': %2")
                      .arg(idOrPrefix, quoted.join(QStringLiteral(", ")));
        return r;
    }
    r.id = contains(keys.first()) ? keys.first() : m_revisions.at(m_labelOwner.value(keys.first())).id;
    return r;
}

Diagnostics RevisionGraph::diagnosticsFor(const QString& path) const
{
    Diagnostics out;
    for (const Diagnostic& d : m_diagnostics)
        if (d.path == path)
            out.append(d);
    return out;
}

bool RevisionGraph::isShadowed(const QString& id) const
{
    return std::any_of(m_shadowed.cbegin(), m_shadowed.cend(),
                       [&](const Shadowed& s) { return s.id == id; });
}

bool RevisionGraph::isShadowedBase(const QString& id) const
{
    return std::any_of(m_shadowed.cbegin(), m_shadowed.cend(),
                       [&](const Shadowed& s) { return s.id == id && s.isBase; });
}

} // namespace retort
