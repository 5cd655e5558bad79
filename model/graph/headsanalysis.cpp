#include "model/graph/headsanalysis.h"

#include "model/graph/revisiongraph.h"

#include <QHash>
#include <QSet>

#include <numeric>

namespace retort {

namespace {

bool sameBranch(const QStringList& a, const QStringList& b)
{
    if (a.isEmpty() && b.isEmpty())
        return true;
    for (const QString& label : a)
        if (b.contains(label))
            return true;
    return false;
}

// Heads that share a branch, in groups of two or more (union-find over the pairs).
QList<QStringList> unexplainedGroups(const RevisionGraph& graph)
{
    const QStringList heads = graph.heads();
    QList<int> parent(heads.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&parent](int i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    QList<QStringList> labels;
    for (const QString& head : heads)
        labels << graph.branchLabels(head);
    for (int i = 0; i < heads.size(); ++i)
        for (int j = i + 1; j < heads.size(); ++j)
            if (sameBranch(labels[i], labels[j]))
                parent[find(j)] = find(i);
    QList<QStringList> groups;
    QHash<int, int> groupOf; // root -> index in groups
    for (int i = 0; i < heads.size(); ++i) {
        const int root = find(i);
        if (!groupOf.contains(root)) {
            groupOf.insert(root, int(groups.size()));
            groups.append(QStringList());
        }
        groups[groupOf.value(root)] << heads[i];
    }
    groups.removeIf([](const QStringList& g) { return g.size() < 2; });
    return groups;
}

QString joined(const QStringList& ids)
{
    return ids.join(QLatin1String(", "));
}

} // namespace

const HeadInfo* HeadsAnalysis::head(const QString& id) const
{
    for (const HeadInfo& h : m_heads)
        if (h.id == id)
            return &h;
    return nullptr;
}

QString HeadsAnalysis::branchText(const HeadInfo& head)
{
    const QString branch = head.branchLabels.isEmpty()
                               ? tr("the unlabelled branch")
                               : tr("branch %1").arg(joined(head.branchLabels));
    if (head.firstOwn.isEmpty())
        return branch;
    return head.forkPoint.isEmpty() ? tr("%1, from its own base %2").arg(branch, head.firstOwn)
                                    : tr("%1, forked at %2").arg(branch, head.forkPoint);
}

HeadsAnalysis HeadsAnalysis::analyze(const RevisionGraph& graph,
                                     const QList<DatabaseView>& databases)
{
    HeadsAnalysis result;
    const QList<QStringList> groups = unexplainedGroups(graph);
    if (groups.isEmpty())
        return result;

    // How many heads reach each revision: those reached by one head are that head's own.
    QHash<QString, int> reach;
    QHash<QString, QSet<QString>> lines;
    for (const QString& h : graph.heads()) {
        QSet<QString> line = graph.ancestors(h);
        line.insert(h);
        for (const QString& id : std::as_const(line))
            ++reach[id];
        lines.insert(h, line);
    }
    const QStringList newestFirst = graph.topologicalOrderNewestFirst();
    int known = 0;
    for (const DatabaseView& db : databases)
        known += db.isKnown() ? 1 : 0;

    for (const QString& id : graph.heads()) {
        bool inGroup = false;
        for (const QStringList& g : groups)
            inGroup = inGroup || g.contains(id);
        if (!inGroup)
            continue;
        HeadInfo info;
        info.id = id;
        info.branchLabels = graph.branchLabels(id);
        const QSet<QString>& line = lines[id];
        QSet<QString> own;
        for (const QString& r : newestFirst) {
            if (line.contains(r) && reach.value(r) == 1) {
                info.own << r;
                own.insert(r);
            }
        }
        QStringList roots;
        for (const QString& r : std::as_const(info.own)) {
            bool hasOwnParent = false;
            for (const QString& p : graph.parents(r))
                hasOwnParent = hasOwnParent || own.contains(p);
            if (!hasOwnParent)
                roots << r;
        }
        if (roots.size() == 1) {
            const Revision* root = graph.revision(roots.first());
            if (root->downRevisions.size() <= 1 && graph.missingParents(root->id).isEmpty()) {
                info.firstOwn = root->id;
                info.forkPoint = root->downRevisions.value(0);
            }
        }
        for (const DatabaseView& db : databases) {
            if (!db.isKnown()) {
                info.unknownIn << db.profile;
                continue;
            }
            HeadInfo::Use use{db.profile, {}};
            for (const QString& r : std::as_const(info.own))
                if (db.state.isApplied(r))
                    use.revisions << r;
            if (!use.revisions.isEmpty())
                info.appliedBy << use;
        }
        result.m_heads << info;
    }
    result.recommend(groups, known, int(databases.size()));
    return result;
}

void HeadsAnalysis::recommend(const QList<QStringList>& groups, int knownDatabases,
                              int databases)
{
    const QStringList& group = groups.first();
    QList<const HeadInfo*> sides;
    for (const QString& id : group)
        sides << head(id);

    // The side to move: applied nowhere and one line of history. Of several, the one with
    // the fewest revisions of its own (the smaller rewrite; ties: the first in id order).
    const HeadInfo* mover = nullptr;
    for (const HeadInfo* side : std::as_const(sides)) {
        if (side->isAppliedNowhere() && !side->firstOwn.isEmpty() &&
            (!mover || side->own.size() < mover->own.size()))
            mover = side;
    }

    if (mover) {
        // Onto a head that a database stands on, when there is one: that side must stay.
        const HeadInfo* target = nullptr;
        for (const HeadInfo* side : std::as_const(sides))
            if (side != mover && (!target || (side->isAppliedAnywhere() && !target->isAppliedAnywhere())))
                target = side;
        m_fix.kind = HeadsFix::Kind::Reparent;
        m_fix.revision = mover->firstOwn;
        m_fix.oldParent = mover->forkPoint;
        m_fix.newParent = target->id;
        const QString nowhere =
            databases == 0 ? tr("No database is configured, so none has applied them")
                           : knownDatabases == 1
                                 ? tr("The one configured database has not applied them")
                                 : tr("None of the %1 configured databases has applied them")
                                       .arg(knownDatabases);
        m_fix.reason =
            tr("Only %1 has %2. %3: moving %4 onto %5 (one down_revision in one file) rewrites "
               "history nobody has run and leaves one head, without a merge revision.")
                .arg(mover->id, joined(mover->own), nowhere, mover->firstOwn, target->id);
        return;
    }

    m_fix.kind = HeadsFix::Kind::Merge;
    m_fix.heads = group;
    QStringList applied, unknown, tangled, unsure;
    for (const HeadInfo* side : std::as_const(sides)) {
        for (const HeadInfo::Use& use : side->appliedBy)
            applied << tr("%1 applied %2").arg(use.profile, joined(use.revisions));
        for (const QString& p : side->unknownIn)
            if (!unknown.contains(p))
                unknown << p;
        if (side->isAppliedNowhere() && side->firstOwn.isEmpty())
            tangled << side->id;
        else if (!side->isAppliedAnywhere())
            unsure << side->id;
    }
    if (!tangled.isEmpty()) {
        m_fix.reason = tr("The revisions only %1 has do not grow from one place, so no single "
                          "edit can move them; a merge revision joins the heads and changes "
                          "no existing file.")
                           .arg(joined(tangled));
    } else if (!unsure.isEmpty()) {
        m_fix.reason = tr("Retort could not read %1, so it cannot tell that %2 is applied "
                          "nowhere; a merge is safe whatever those databases hold.")
                           .arg(joined(unknown), joined(unsure));
        if (!applied.isEmpty())
            m_fix.reason += u' ' + tr("(%1.)").arg(applied.join(QLatin1String("; ")));
    } else {
        m_fix.reason = tr("Every side has been applied by a database (%1): rewriting either "
                          "would change history a database has already run. A merge revision "
                          "joins the heads and changes no existing file.")
                           .arg(applied.join(QLatin1String("; ")));
    }
}

QString HeadsAnalysis::summary() const
{
    if (m_heads.isEmpty())
        return {};
    return tr("This project has %n heads that its branch labels do not explain: “alembic "
              "upgrade head” refuses to choose between them.",
              nullptr, int(m_heads.size()));
}

} // namespace retort
