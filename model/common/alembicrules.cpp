#include "model/common/alembicrules.h"

namespace retort {

QList<AlembicVersion> AlembicRules::provenVersions()
{
    return {{1, 8, 1}, {1, 13, 2}, {1, 18, 4}};
}

AlembicVersion AlembicRules::oldestKnown()
{
    return {1, 8, 0};
}

AlembicVersion AlembicRules::newestKnown()
{
    // alembic's history was read up to 1.19 (the offline DROP of the version table at base
    // went in 1.19.0; Retort runs --sql through alembic itself, so nothing here depends on it)
    return {1, 19, 0};
}

AlembicRules AlembicRules::forVersion(AlembicVersion version)
{
    return AlembicRules(version);
}

AlembicRules AlembicRules::newest()
{
    return AlembicRules(provenVersions().constLast());
}

bool AlembicRules::isKnown() const
{
    const AlembicVersion newest = newestKnown();
    return m_version >= oldestKnown()
           && (m_version.major < newest.major
               || (m_version.major == newest.major && m_version.minor <= newest.minor));
}

AlembicVersion AlembicRules::rulesVersion() const
{
    if (m_version < oldestKnown())
        return oldestKnown();
    if (!isKnown())
        return newestKnown();
    return m_version;
}

bool AlembicRules::since(int major, int minor, int patch) const
{
    return rulesVersion() >= AlembicVersion{major, minor, patch};
}

bool AlembicRules::loadsFilesSortedByName() const
{
    return since(1, 10, 0);
}

bool AlembicRules::readsSubfolders() const
{
    return since(1, 10, 0);
}

bool AlembicRules::unmergeDropsImpliedRows() const
{
    return since(1, 13, 1);
}

bool AlembicRules::readsPyprojectToml() const
{
    return since(1, 16, 0);
}

bool AlembicRules::hasCheckCommand() const
{
    return since(1, 9, 0);
}

bool AlembicRules::refusesColonInIds() const
{
    return since(1, 17, 1);
}

QString AlembicRules::describe() const
{
    if (isKnown())
        return tr("alembic %1").arg(m_version.toString());
    const AlembicVersion used = rulesVersion();
    return tr("alembic %1 (planned with the rules of %2.%3, the nearest Retort knows)")
        .arg(m_version.toString())
        .arg(used.major)
        .arg(used.minor);
}

} // namespace retort
