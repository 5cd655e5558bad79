#pragma once

#include "common/result.h"
#include "graph/revisiongraph.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

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
class TargetResolver
{
public:
    static constexpr int kNone = -1;
    static constexpr int kBaseMarker = -2;

    // A RevisionError and its subclasses, as raised inside alembic's RevisionMap.
    struct Error
    {
        enum class Kind
        {
            NoError,
            Revision,
            Resolution,
            MultipleHeads,
            RangeNotAncestor,
            Assertion
        };
        Kind kind = Kind::NoError;
        QString message;      // the exception's own text
        QString argument;     // ResolutionError / MultipleHeads argument
        QStringList heads;    // MultipleHeads
        QString lower, upper; // RangeNotAncestorError

        explicit operator bool() const { return kind != Kind::NoError; }
    };

    // What a downgrade target names: the branch label written before '@' (if any) and the
    // revision (empty = base).
    struct DowngradeTarget
    {
        QString branchLabel;
        QString revision;
    };

    explicit TargetResolver(const RevisionGraph& graph);

    const RevisionGraph& graph() const { return m_graph; }

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

    // ---- RevisionMap primitives (alembic's names), for MigrationPlanner ----
    int count() const { return int(m_ids.size()); }
    // Builds the ancestor closure now instead of on first use.
    void prepare() const { closure(); }
    QString idOf(int rev) const { return rev >= 0 ? m_ids.at(rev) : QString(); }
    int insertionPos(int rev) const { return m_pos.at(rev); }
    const QList<int>& versionedDown(int rev) const { return m_versionedDown.at(rev); }
    const QList<int>& normalizedDown(int rev) const { return m_normalizedDown.at(rev); }
    bool hasNormalizedDependencies(int rev) const { return !m_normalizedDeps.at(rev).isEmpty(); }
    // How many revisions have `rev` among their _normalized_down_revisions.
    int normalizedChildCount(int rev) const { return m_normalizedChildCount.at(rev); }
    const QList<int>& insertionOrder() const { return m_order; }

    // Bit vectors over graph indices (count() bits), for the planner's inner loops.
    using Bits = std::vector<quint64>;
    static bool testBit(const Bits& bits, int i) { return (bits[size_t(i) >> 6] >> (i & 63)) & 1; }
    static void setBit(Bits& bits, int i) { bits[size_t(i) >> 6] |= quint64(1) << (i & 63); }
    static void clearBit(Bits& bits, int i) { bits[size_t(i) >> 6] &= ~(quint64(1) << (i & 63)); }
    Bits emptyBits() const { return Bits((size_t(count()) + 63) / 64, 0); }
    // `rev` and its ancestors by _normalized_down_revisions (_get_ancestor_nodes([rev])),
    // into `out` (resized to count() bits).
    void ancestorBits(int rev, Bits& out) const;
    // Whether `ancestor` is `rev` or one of its ancestors by _normalized_down_revisions.
    bool isAncestorOrSelf(int ancestor, int rev) const;
    // Whether `rev` is in `revs` or an ancestor (as above) of one of them.
    bool isAncestorOrSelfOfAny(int rev, const Bits& revs) const;
    // Whether the two queries above answer from a precomputed closure (the graph is acyclic
    // and not too large); otherwise they walk the graph.
    bool hasAncestorClosure() const { return closure().available; }
    // Whether some revision names the same down revision twice.
    bool hasRepeatedDownRevisions() const { return m_repeatedDowns; }
    // Whether get_revisions(id) names just this revision: the id is made of ASCII letters,
    // digits and '_' only and is not "base", "head" or "heads".
    bool isPlainId(int rev) const { return m_plainIds.at(rev); }

    // Alembic's RevisionMap functions; a failure is the RevisionError alembic raises.
    template <typename T>
    using Outcome = Result<T, Error>;
    Outcome<QList<int>> getRevisions(const QString& id) const;
    Outcome<QList<int>> getRevisions(const QStringList& ids) const;
    Outcome<int> getRevision(const QString& id) const;
    Outcome<QList<int>> ancestorNodes(const QList<int>& targets, bool includeDependencies,
                                      bool check) const;
    QList<int> descendantNodes(const QList<int>& targets, bool includeDependencies) const;
    Outcome<int> resolveBranch(const QString& label) const;
    // filter_for_lineage(): the targets that are `checkAgainst` (an id, a label, `heads`,
    // `label@head`...), one of its ancestors or one of its descendants.
    Outcome<QList<int>> filterForLineage(const QList<int>& targets, const QString& checkAgainst,
                                         bool includeDependencies = false) const;
    Outcome<int> walk(int start, int steps, const QString& branchLabel, bool noOverwalk) const;
    Outcome<QList<int>> parseUpgradeTarget(const QStringList& current,
                                           const QString& target) const;
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
    Outcome<int> revisionForIdent(const QString& id, bool isBase,
                                  const QString& checkBranch) const;
    int lookupKey(const QString& key) const; // exact id or branch label, else kNone-ish -3
    bool sharesLineage(int target, const QList<int>& testAgainst,
                       bool includeDependencies = false) const;
    Outcome<QList<int>> allCurrent(const QStringList& ids) const;
    Outcome<QList<int>> related(const QList<int>& targets, bool up, bool includeDependencies,
                                bool check) const;

    const RevisionGraph& m_graph;
    QStringList m_ids;                  // graph index -> id
    QList<int> m_order;                 // revisions in alembic's insertion order
    QList<int> m_pos;                   // graph index -> insertion position
    QList<QList<int>> m_versionedDown;  // down_revision as written
    QList<QList<int>> m_normalizedDeps; // _normalized_resolved_dependencies
    QList<QList<int>> m_normalizedDown; // _normalized_down_revisions
    QList<QList<int>> m_nextrev;        // by down_revision
    QList<QList<int>> m_allNextrev;     // by down_revision or depends_on
    QList<QSet<QString>> m_labels;      // effective branch labels
    QHash<QString, int> m_labelOwner;
    QStringList m_labelKeys; // labels in the order alembic's map holds them
    QList<int> m_heads, m_realHeads, m_bases;

    // The transitive closure of _normalized_down_revisions (one row of bits per revision),
    // built on first use when the graph is acyclic and small enough; shared by copies.
    struct Closure
    {
        std::once_flag once;
        std::atomic<bool> built{false}; // set after `once`: the planner asks very often
        bool available = false;
        size_t words = 0;
        std::vector<quint64> rows;        // ancestors, the revision included
        std::vector<quint64> descendants; // the transpose
    };
    const Closure& closure() const;
    std::shared_ptr<Closure> m_closure;
    QList<bool> m_plainIds;
    // m_versionedDown, m_normalizedDown, m_nextrev, m_allNextrev laid out flat for walks:
    // the entries of revision i are data[offsets[i]] .. data[offsets[i + 1] - 1]
    struct FlatLists
    {
        std::vector<int> offsets;
        std::vector<int> data;
    };
    FlatLists m_flat[4];
    QList<int> m_normalizedChildCount;
    bool m_repeatedDowns = false;
};

} // namespace retort
