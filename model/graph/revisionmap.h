#pragma once

#include "model/common/result.h"
#include "model/graph/revisiongraph.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace retort {

// Alembic's (1.8.1) RevisionMap over one RevisionGraph, as the planner needs it: revisions
// as indices into graph.revisions() in alembic's insertion order, their down revisions as
// written and normalized (depends_on included), heads and bases, the ancestor closure, and
// the ancestor/descendant walks (_get_ancestor_nodes, _get_descendant_nodes). The target
// grammar on top is TargetResolver's. The graph must outlive the map.
class RevisionMap
{
public:
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

    template <typename T> using Outcome = Result<T, Error>;

    explicit RevisionMap(const RevisionGraph& graph);

    const RevisionGraph& graph() const { return m_graph; }

    int count() const { return int(m_ids.size()); }
    // Builds the ancestor closure now instead of on first use.
    void prepare() const { closure(); }
    QString idOf(int rev) const { return rev >= 0 ? m_ids.at(rev) : QString(); }
    int insertionPos(int rev) const { return m_pos.at(rev); }
    const QList<int>& versionedDown(int rev) const { return m_versionedDown.at(rev); }
    const QList<int>& normalizedDown(int rev) const { return m_normalizedDown.at(rev); }
    bool hasNormalizedDependencies(int rev) const { return !m_normalizedDeps.at(rev).isEmpty(); }
    int normalizedDependencyCount(int rev) const { return int(m_normalizedDeps.at(rev).size()); }
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

    Outcome<QList<int>> ancestorNodes(const QList<int>& targets, bool includeDependencies,
                                      bool check) const;
    QList<int> descendantNodes(const QList<int>& targets, bool includeDependencies) const;

protected:
    static constexpr int kMissing = -3; // lookupKey(): neither an id nor a branch label

    static Error revisionError(const QString& message);
    static Error assertionError(const QString& what);

    int lookupKey(const QString& key) const; // exact id or branch label, else kMissing
    bool sharesLineage(int target, const QList<int>& testAgainst,
                       bool includeDependencies = false) const;
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
        std::vector<quint64> rows; // ancestors, the revision included
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
