#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// Reads alembic 1.8's step lines (runtime/migration.py, MigrationContext.run_migrations logs
// "Running %s" % step; MigrationStep.__str__ is "name from -> to[, doc]" with from / to
// joined by ", " and empty for base):
//   "Running upgrade  -> a1, create users"        (from base)
//   "Running upgrade c3a, c3b -> d4, merge"       (a merge: several "from")
//   "Running downgrade d4 -> c3a, c3b, merge"     (undoing a merge: several "to")
//   "Running downgrade a1 -> , create users"      (to base)
// An upgrade step applies exactly its "to" revision and a downgrade step removes exactly its
// "from" revision, so `revision` is unambiguous. The other side is exact for upgrades; for a
// downgrade alembic prints the down revisions and the docstring with the same ", ", so the
// "to" list keeps the leading words that look like revision ids (a one-word docstring that
// looks like an id cannot be told apart from the line alone).
// The SQL that `--sql` prints ("-- Running upgrade ...") is not a step being run and is skipped.
class ProgressParser
{
public:
    struct Step
    {
        bool upgrade = true;
        QString revision;
        QStringList fromRevisions;
        QStringList toRevisions;
        QString message;
    };

    static std::optional<Step> parse(const QString& line);
};

} // namespace retort
