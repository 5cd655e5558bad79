#pragma once

#include "model/db/databasestate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

class RevisionGraph;

// One configured database as the heads tools see it: its profile, whether the profile is
// protected, and where it stands (derived against the graph being looked at).
struct DatabaseView
{
    QString profile;
    bool isProtected = false;
    DatabaseState state;

    // Whether `state` says which revisions are applied (read, readable, derived).
    bool isKnown() const { return state.isReadable() && state.isDerived() && !state.isNotRead(); }
};

// Whether moving `revision` onto `newParent` (its down_revision becoming that one id) is
// safe. Structural problems refuse outright (the revision itself, one of its descendants, its
// parent already, a merge revision, unknown ids). A database that applied the revision or a
// descendant refuses too, unless the person overrides it: that database's version table
// names history that would change under it (alembic would then take the new parent as
// applied there without having run it). A database whose state is unknown cannot be cleared
// and is listed the same way. Plain value; check() is pure.
struct ReparentCheck
{
    Q_DECLARE_TR_FUNCTIONS(ReparentCheck)

public:
    struct Blocker
    {
        QString profile;
        bool isProtected = false;
        QStringList revisions; // the moved revisions it applied, sorted; empty when unknown
        bool unknown = false;  // its state could not be read
    };

    QString revision;
    QString oldParent; // "" for a base
    QString newParent;
    QString refusal;         // why it cannot be done at all (empty when it can)
    QList<Blocker> blockers; // databases that applied what moves, or might have
    QStringList moved;       // the revision and its descendants, sorted

    bool isPossible() const { return refusal.isEmpty(); }
    // Possible and nothing applied anywhere: no override needed.
    bool isSafe() const { return isPossible() && blockers.isEmpty(); }
    // The protected profiles among the blockers: each must be typed to override.
    QStringList protectedProfiles() const;
    // The blockers in words, one sentence (empty when none).
    QString blockersText() const;

    static ReparentCheck check(const RevisionGraph& graph, const QList<DatabaseView>& databases,
                               const QString& revision, const QString& newParent);
};

} // namespace retort
