#pragma once

#include "model/common/diagnostic.h"
#include "model/script/revision.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <memory>

namespace retort {

// The outcome of looking up a full id or a prefix.
struct IdResolution
{
    QString id;              // set when exactly one revision matches
    QString error;           // why not, user-visible
    QStringList candidates;  // the ids an ambiguous prefix matches, sorted

    bool ok() const { return !id.isEmpty(); }
};

// The revision DAG of one project, with alembic's meanings:
//  - parents/children follow `down_revision` only ("nextrev");
//  - heads have no children by `down_revision` (what `alembic heads` prints), bases have
//    no `down_revision`; branch points have 2+ children; merge points have 2+ parents;
//  - `depends_on` entries (ids or branch labels) are resolved to ids and kept apart;
//  - a branch label names its revision and is inherited by its descendants and by its
//    ancestors down to the nearest branch or merge point, as alembic's _add_branches does.
// Immutable once built: share as std::shared_ptr<const RevisionGraph>.
class RevisionGraph
{
    Q_DECLARE_TR_FUNCTIONS(RevisionGraph)

public:
    // Builds the graph; problems (duplicate ids, dangling parents, unknown depends_on,
    // duplicate labels, cycles) are added to `diagnostics()` and never stop the build.
    static std::shared_ptr<const RevisionGraph> build(QList<Revision> revisions,
                                                      Diagnostics diagnostics = {});

    int size() const { return int(m_revisions.size()); }
    bool isEmpty() const { return m_revisions.isEmpty(); }

    // All revisions, sorted by id. Indices into this list are stable for the graph's life.
    const QList<Revision>& revisions() const { return m_revisions; }
    const Revision* revision(const QString& id) const;
    int indexOf(const QString& id) const { return m_index.value(id, -1); }
    bool contains(const QString& id) const { return m_index.contains(id); }

    QStringList parents(const QString& id) const;        // known down revisions, as written
    QStringList missingParents(const QString& id) const; // down revisions with no script
    QStringList children(const QString& id) const;       // sorted
    QStringList dependencies(const QString& id) const;   // resolved depends_on ids, sorted
    QStringList dependents(const QString& id) const;     // revisions that depend on id, sorted
    QStringList branchLabels(const QString& id) const;   // effective (inherited) labels, sorted
    QString labelOwner(const QString& label) const;      // revision that declares the label

    QStringList heads() const { return m_heads; }               // sorted

    // A revision whose id a file loaded later took over (alembic keeps it among the heads,
    // and among the bases when it was one).
    struct Shadowed
    {
        QString id;
        int loadOrder = -1;
        bool isBase = false;
    };
    const QList<Shadowed>& shadowed() const { return m_shadowed; }
    bool isShadowed(const QString& id) const;
    bool isShadowedBase(const QString& id) const;
    QStringList bases() const { return m_bases; }               // sorted
    QStringList branchPoints() const { return m_branchPoints; } // sorted
    QStringList mergePoints() const { return m_mergePoints; }   // sorted
    QStringList allBranchLabels() const;                        // sorted

    bool isHead(const QString& id) const;
    bool isBase(const QString& id) const;
    bool isBranchPoint(const QString& id) const;
    bool isMergePoint(const QString& id) const;

    // Ancestors follow down revisions (and depends_on when asked); the id itself excluded.
    QSet<QString> ancestors(const QString& id, bool includeDependencies = false) const;
    QSet<QString> descendants(const QString& id, bool includeDependencies = false) const;

    // Newest first: every revision comes before all of its ancestors (history order).
    QStringList topologicalOrderNewestFirst() const;

    // A full id or a unique prefix of one. Ambiguity lists the candidates.
    IdResolution resolve(const QString& idOrPrefix) const;

    const Diagnostics& diagnostics() const { return m_diagnostics; }
    // The diagnostics about one file, in line order.
    Diagnostics diagnosticsFor(const QString& path) const;

private:
    RevisionGraph() = default;

    struct Node
    {
        QList<int> parents;      // by down_revision
        QList<int> children;
        QList<int> dependencies; // resolved depends_on
        QList<int> dependents;
        QStringList missingParents;
        QList<int> labels;       // effective, as indices into m_labelNames
    };

    QStringList idsOf(const QList<int>& indices) const;
    QList<int> walkIndices(int start, bool up, bool includeDependencies) const;
    QSet<QString> walk(int start, bool up, bool includeDependencies) const;

    QList<Revision> m_revisions;
    QList<Node> m_nodes;
    QHash<QString, int> m_index;
    QHash<QString, int> m_labelOwner;
    QStringList m_labelNames;
    QStringList m_sortedIds;
    QStringList m_heads, m_bases, m_branchPoints, m_mergePoints;
    QList<Shadowed> m_shadowed;
    Diagnostics m_diagnostics;
};

} // namespace retort
