#include "model/graph/reparentcheck.h"

#include "model/graph/revisiongraph.h"

namespace retort {

QStringList ReparentCheck::protectedProfiles() const
{
    QStringList names;
    for (const Blocker& b : blockers)
        if (b.isProtected)
            names << b.profile;
    return names;
}

QString ReparentCheck::blockersText() const
{
    QStringList parts;
    for (const Blocker& b : blockers) {
        parts << (b.unknown ? tr("%1 (not read: Retort cannot tell what it applied)").arg(b.profile)
                            : tr("%1 applied %2").arg(b.profile, b.revisions.join(QLatin1String(", "))));
    }
    return parts.join(QLatin1String("; "));
}

ReparentCheck ReparentCheck::check(const RevisionGraph& graph,
                                   const QList<DatabaseView>& databases, const QString& revision,
                                   const QString& newParent)
{
    ReparentCheck result;
    result.revision = revision;
    result.newParent = newParent;
    const Revision* moved = graph.revision(revision);
    if (!moved || !graph.contains(newParent)) {
        result.refusal = tr("%1 is not a revision of this project.")
                             .arg(moved ? newParent : revision);
        return result;
    }
    if (moved->downRevisions.size() > 1) {
        result.refusal = tr("%1 is a merge revision (it has %2 parents): re-parenting it would "
                            "drop a parent. Merge instead.")
                             .arg(revision)
                             .arg(moved->downRevisions.size());
        return result;
    }
    result.oldParent = moved->downRevisions.value(0);
    if (revision == newParent) {
        result.refusal = tr("A revision cannot be its own parent.");
        return result;
    }
    if (result.oldParent == newParent) {
        result.refusal = tr("%1 already follows %2.").arg(revision, newParent);
        return result;
    }
    const QSet<QString> descendants = graph.descendants(revision);
    if (descendants.contains(newParent)) {
        result.refusal = tr("%1 comes after %2: putting %2 after it would make a loop.")
                             .arg(newParent, revision);
        return result;
    }
    QSet<QString> movedSet = descendants;
    movedSet.insert(revision);
    result.moved = QStringList(movedSet.cbegin(), movedSet.cend());
    result.moved.sort();

    for (const DatabaseView& db : databases) {
        Blocker blocker{db.profile, db.isProtected, {}, !db.isKnown()};
        if (!blocker.unknown) {
            for (const QString& id : std::as_const(result.moved))
                if (db.state.isApplied(id))
                    blocker.revisions << id;
        }
        if (blocker.unknown || !blocker.revisions.isEmpty())
            result.blockers << blocker;
    }
    return result;
}

} // namespace retort
