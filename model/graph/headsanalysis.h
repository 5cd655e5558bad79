#pragma once

#include "model/graph/reparentcheck.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

class RevisionGraph;

// One head that its branch labels do not explain, and what only it has.
struct HeadInfo
{
    struct Use
    {
        QString profile;
        QStringList revisions; // its own revisions that database applied, newest first
    };

    QString id;
    QStringList branchLabels; // the head's effective labels ("" branch when none)
    QStringList own;          // revisions no other head has, newest first
    // The oldest of `own` when they form one line of history growing from one place (a
    // revision of the shared part, or nothing: a base); empty when they start in several
    // places or at a merge revision. The revision whose down_revision a re-parent edits.
    QString firstOwn;
    QString forkPoint;        // firstOwn's parent ("" when firstOwn is a base or unset)
    QList<Use> appliedBy;     // databases that applied some of `own`
    QStringList unknownIn;    // databases whose state is unknown (cannot be ruled out)

    bool isAppliedAnywhere() const { return !appliedBy.isEmpty(); }
    // Applied nowhere, as far as every database is known.
    bool isAppliedNowhere() const { return appliedBy.isEmpty() && unknownIn.isEmpty(); }
};

// The safe fix for unexplained heads, and why.
struct HeadsFix
{
    enum class Kind
    {
        None,
        Reparent, // give `revision` the down_revision `newParent` (one file edited)
        Merge     // `alembic merge` of `heads`
    };
    Kind kind = Kind::None;
    QString revision;
    QString oldParent; // "" for a base
    QString newParent;
    QStringList heads;
    QString reason; // user-visible: why this fix
};

// More heads than the branch labels explain: two heads are on the same branch when neither
// has a label or they share one (a labelled branch that forked inside itself); a head with a
// label of its own is a branch someone asked for. For the unexplained heads: the revisions
// only each has and which databases applied them; and the fix to recommend: re-parent the
// side that no database applied onto the other head (one file's down_revision; nothing any
// database ran changes), merge when every side is applied somewhere (or cannot be known to
// be applied nowhere, or cannot be moved as one line). Plain value; analyze() is pure.
class HeadsAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(HeadsAnalysis)

public:
    static HeadsAnalysis analyze(const RevisionGraph& graph, const QList<DatabaseView>& databases);

    bool hasUnexplainedHeads() const { return !m_heads.isEmpty(); }
    // The heads in groups of two or more on one branch, in the graph's order.
    const QList<HeadInfo>& heads() const { return m_heads; }
    const HeadInfo* head(const QString& id) const;
    const HeadsFix& recommendation() const { return m_fix; }
    // One plain sentence for the banner (empty when the heads are explained).
    QString summary() const;
    // The branch a head ends, in words, with where its own part starts ("the unlabelled
    // branch, forked at 1a2b", "branch billing, from its own base 9f8e").
    static QString branchText(const HeadInfo& head);

private:
    void recommend(const QList<QStringList>& groups, int knownDatabases, int databases);

    QList<HeadInfo> m_heads;
    HeadsFix m_fix;
};

} // namespace retort
