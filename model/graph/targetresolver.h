#pragma once

#include "model/common/result.h"
#include "model/graph/revisionmap.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// Alembic's (1.8.1) target grammar over one RevisionGraph: `heads`, `head`, `base`, full ids,
// unique partial ids (4+ characters), `label@head`, `label@heads`, `label@base`,
// `label@<rev>`, `+N`, `-N`, `<rev>+N`, `<rev>-N`, `label@+N`, `label@-N`, several heads.
// It mirrors alembic's RevisionMap (script/revision.py) function by function, including its
// refusals, whose texts are alembic's own (as `alembic upgrade` / `downgrade` print them).
//
// Revisions are handled as indices into graph.revisions(); `kNone` is alembic's None
// ("base" as a value), `kBaseMarker` the "base" string _walk returns when walking below a base.
// The graph must outlive the resolver.
class TargetResolver : public RevisionMap
{
    Q_DECLARE_TR_FUNCTIONS(TargetResolver)

public:
    static constexpr int kNone = -1;
    static constexpr int kBaseMarker = -2;

    // What a downgrade target names: the branch label written before '@' (if any) and the
    // revision (empty = base).
    struct DowngradeTarget
    {
        QString branchLabel;
        QString revision;
    };

    explicit TargetResolver(const RevisionGraph& graph) : RevisionMap(graph) {}

    // The user-level entry points; errors carry the text `alembic` prints for the command.
    // Revisions an upgrade to `target` aims at (alembic's _parse_upgrade_target).
    Result<QStringList> resolveUpgradeTarget(const QString& target,
                                             const QStringList& currentRows) const;
    // The revision a downgrade to `target` goes down to (_parse_downgrade_target).
    Result<DowngradeTarget> resolveDowngradeTarget(const QString& target,
                                                   const QStringList& currentRows) const;
    // get_revisions(): `heads`, `head`, `base`, ids, prefixes, label@... (no relative forms).
    Result<QStringList> resolveRevisions(const QString& identifier) const;

    // alembic's CommandError text for a RevisionError raised while planning towards
    // `destination` (ScriptDirectory._catch_revision_errors with its upgrade/downgrade texts).
    static QString commandMessage(const Error& error, const QString& destination, bool upgrade);

    // Alembic's RevisionMap functions on targets; a failure is the RevisionError alembic
    // raises. (The walks and the primitives are RevisionMap's.)
    Outcome<QList<int>> getRevisions(const QString& id) const;
    Outcome<QList<int>> getRevisions(const QStringList& ids) const;
    Outcome<int> getRevision(const QString& id) const;
    Outcome<int> resolveBranch(const QString& label) const;
    // filter_for_lineage(): the targets that are `checkAgainst` (an id, a label, `heads`,
    // `label@head`...), one of its ancestors or one of its descendants.
    Outcome<QList<int>> filterForLineage(const QList<int>& targets, const QString& checkAgainst,
                                         bool includeDependencies = false) const;
    Outcome<int> walk(int start, int steps, const QString& branchLabel, bool noOverwalk) const;
    Outcome<QList<int>> parseUpgradeTarget(const QStringList& current, const QString& target) const;
    // What _parse_downgrade_target gives: the revision (kNone = base, kBaseMarker) and the
    // branch label written before '@'.
    struct DowngradeRevision
    {
        int revision = kNone;
        QString branchLabel;
    };
    Outcome<DowngradeRevision> parseDowngradeTarget(const QStringList& current,
                                                    const QString& target) const;

private:
    struct Resolved
    {
        QStringList ids;
        QString branchLabel;
        bool hasBranchLabel = false; // an '@' was written (the label may still be empty)
    };
    Outcome<Resolved> resolveRevisionNumber(const QString& id, bool isNone) const;
    Outcome<int> getCurrentHead(const QString& branchLabel) const;
    Outcome<int> revisionForIdent(const QString& id, bool isBase, const QString& checkBranch) const;
    Outcome<QList<int>> allCurrent(const QStringList& ids) const;
};

} // namespace retort
