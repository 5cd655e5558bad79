#pragma once

#include "model/common/alembicversion.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace retort {

// What differs between the alembic releases Retort reads and plans for, as data: one
// planner and one scanner ask these questions instead of keeping a copy per version.
// Each rule names the release that changed it (found in alembic's git history); a version
// Retort does not know gets the rules of the nearest one it knows, and says so.
class AlembicRules
{
    Q_DECLARE_TR_FUNCTIONS(retort::AlembicRules)

public:
    // The releases the differential suites run against (Debian 12, 13 and unstable).
    static QList<AlembicVersion> provenVersions();
    // The oldest and newest release whose rules are modelled here.
    static AlembicVersion oldestKnown();
    static AlembicVersion newestKnown();

    static AlembicRules forVersion(AlembicVersion version);
    // When the project's alembic cannot be found: the newest rules.
    static AlembicRules newest();

    AlembicVersion version() const { return m_version; }
    // Within the releases whose rules are modelled (same major.minor as one of them or
    // between the oldest and the newest).
    bool isKnown() const;
    // The version whose rules apply: version() when known, else the nearest known one.
    AlembicVersion rulesVersion() const;

    // 1.10.0 (commit a55f79a1): revision files load sorted by file name, folder by folder
    // (os.walk, sub-folders sorted); before, each folder loaded in os.listdir() order. The
    // load order breaks ties between independent branches in every plan.
    bool loadsFilesSortedByName() const;
    // 1.10.0: `recursive_version_locations` reads revision files in sub-folders; before,
    // only the version folders themselves were read.
    bool readsSubfolders() const;
    // 1.13.1 (#1373, commit 1b0e4bcd): a downgrade through a merge whose parents overlap
    // through depends_on leaves only the rows no other row already implies.
    bool unmergeDropsImpliedRows() const;
    // 1.16.0: `[tool.alembic]` in pyproject.toml and the `path_separator` option.
    bool readsPyprojectToml() const;
    // 1.9.0: `alembic check`.
    bool hasCheckCommand() const;
    // 1.17.1 (commit 5716f335): a ':' in a revision id is refused.
    bool refusesColonInIds() const;

    // "alembic 1.13.2", or "alembic 1.20.0 (planned with the rules of 1.19, the newest
    // Retort knows)".
    QString describe() const;

private:
    explicit AlembicRules(AlembicVersion version) : m_version(version) {}
    bool since(int major, int minor, int patch) const;

    AlembicVersion m_version;
};

} // namespace retort
