#include "model/db/databasestate.h"

#include <QCoreApplication>

#include "model/graph/revisiongraph.h"

namespace retort {

DatabaseState DatabaseState::fromRows(QStringList rows)
{
    DatabaseState s;
    s.m_currentRevisions = std::move(rows);
    return s;
}

DatabaseState DatabaseState::atBase()
{
    DatabaseState s;
    s.m_tableMissing = true;
    return s;
}

DatabaseState DatabaseState::missingFile(QString path)
{
    DatabaseState s = atBase();
    s.m_missingFile = path.isEmpty() ? QStringLiteral("?") : std::move(path);
    return s;
}

DatabaseState DatabaseState::failure(QString error)
{
    DatabaseState s;
    s.m_error = error.isEmpty() ? QStringLiteral("?") : std::move(error);
    return s;
}

DatabaseState DatabaseState::notRead()
{
    DatabaseState s = failure(QCoreApplication::translate("DatabaseState", "Not read yet."));
    s.m_notRead = true;
    return s;
}

QStringList DatabaseState::sortedCurrentRevisions() const
{
    QStringList out = m_currentRevisions;
    out.sort();
    return out;
}

DatabaseState DatabaseState::derive(const RevisionGraph& graph, QStringList rows)
{
    return derive(graph, fromRows(std::move(rows)));
}

DatabaseState DatabaseState::derive(const RevisionGraph& graph, DatabaseState state)
{
    state.m_derived = true;
    state.m_ghosts.clear();
    state.m_applied.clear();
    state.m_pending.clear();

    // alembic walks _normalized_down_revisions (down revisions plus the depends_on entries
    // that no down-revision ancestor already depends on). Dropping a dependency that an
    // ancestor already has does not change what is reachable, so the closure over all
    // down revisions and all resolved depends_on is the same set.
    for (const QString& row : std::as_const(state.m_currentRevisions)) {
        if (!graph.contains(row)) {
            if (!state.m_ghosts.contains(row))
                state.m_ghosts.append(row);
            continue;
        }
        if (state.m_applied.contains(row))
            continue; // already reached from another row: its ancestors are in too
        state.m_applied.insert(row);
        state.m_applied.unite(graph.ancestors(row, /*includeDependencies=*/true));
    }
    for (const Revision& r : graph.revisions()) {
        if (!state.m_applied.contains(r.id))
            state.m_pending.insert(r.id);
    }
    return state;
}

} // namespace retort
