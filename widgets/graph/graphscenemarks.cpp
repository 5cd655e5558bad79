// GraphScene's marks over the picture: a migration run's marks, the search's matches and
// the revisions' lint warnings, each kept across new layouts.
#include "widgets/graph/graphscene.h"

#include "widgets/graph/revisionnodeitem.h"

#include <QSet>

namespace retort {

void GraphScene::setRunMarks(const QStringList& planned, const QString& running,
                             const QString& failed, const QString& failure)
{
    m_runPlanned = planned;
    m_runRunning = running;
    m_runFailed = failed;
    m_runFailure = failure;
    applyRunMarks();
}

void GraphScene::clearRunMarks()
{
    setRunMarks({}, {}, {}, {});
}

void GraphScene::applyRunMarks()
{
    const QSet<QString> planned(m_runPlanned.cbegin(), m_runPlanned.cend());
    for (RevisionNodeItem* item : std::as_const(m_nodes)) {
        const QString& id = item->id();
        if (id == m_runFailed)
            item->setRunMark(RevisionNodeItem::RunMark::Failed, m_runFailure);
        else if (id == m_runRunning)
            item->setRunMark(RevisionNodeItem::RunMark::Running);
        else if (planned.contains(id))
            item->setRunMark(RevisionNodeItem::RunMark::Planned);
        else
            item->setRunMark(RevisionNodeItem::RunMark::None);
    }
}

void GraphScene::setCompareMarks(const QStringList& onlyA, const QStringList& onlyB,
                                 const QString& nameA, const QString& nameB)
{
    m_compareOnlyA = onlyA;
    m_compareOnlyB = onlyB;
    m_compareNameA = nameA;
    m_compareNameB = nameB;
    applyCompareMarks();
}

void GraphScene::applyCompareMarks()
{
    const QSet<QString> a(m_compareOnlyA.cbegin(), m_compareOnlyA.cend());
    const QSet<QString> b(m_compareOnlyB.cbegin(), m_compareOnlyB.cend());
    for (RevisionNodeItem* item : std::as_const(m_nodes)) {
        const QString& id = item->id();
        if (a.contains(id))
            item->setCompareSide(RevisionNodeItem::CompareSide::OnlyA, m_compareNameA);
        else if (b.contains(id))
            item->setCompareSide(RevisionNodeItem::CompareSide::OnlyB, m_compareNameB);
        else
            item->setCompareSide(RevisionNodeItem::CompareSide::None);
    }
}

void GraphScene::setSearchMatches(const QStringList& ids)
{
    m_searchMatches = ids;
    applySearchMatches();
}

void GraphScene::applySearchMatches()
{
    const QSet<QString> matches(m_searchMatches.cbegin(), m_searchMatches.cend());
    for (RevisionNodeItem* item : std::as_const(m_nodes))
        item->setSearchMatch(matches.contains(item->id()));
    for (RevisionNodeItem* item : std::as_const(m_ghosts))
        item->setSearchMatch(matches.contains(item->id()));
}

void GraphScene::setRevisionWarnings(const QHash<QString, QStringList>& warningsByRevision)
{
    m_warnings = warningsByRevision;
    applyRevisionWarnings();
    // The glyph changes what a node occupies: the database markers keep clear of it.
    placeMarkers();
    updateGraphRect();
}

void GraphScene::applyRevisionWarnings()
{
    for (RevisionNodeItem* item : std::as_const(m_nodes))
        item->setWarnings(m_warnings.value(item->id()));
}

} // namespace retort
