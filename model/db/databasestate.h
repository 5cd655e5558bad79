#pragma once

#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace retort {

class RevisionGraph;

// Where one database stands: the rows of its version table, or why they could not be read.
// A plain value. The derived sets (ghosts, applied, pending) are filled by derive() against
// one RevisionGraph and are only meaningful with that graph.
class DatabaseState
{
public:
    DatabaseState() = default;

    // A readable database whose version table holds `rows` (in the order read).
    static DatabaseState fromRows(QStringList rows);
    // A readable database without a version table: at base.
    static DatabaseState atBase();
    // A SQLite database whose file does not exist yet: at base, and alembic would create
    // `path` on its first run. Retort only reads, so it never creates the file itself.
    static DatabaseState missingFile(QString path);
    // The version table could not be read; `error` is user-visible and holds no password.
    static DatabaseState failure(QString error);
    // Not read yet (a profile whose first read is on its way): not readable, so nothing is
    // planned from it. A default-constructed state, by contrast, is a readable one at base.
    static DatabaseState notRead();
    bool isNotRead() const { return m_notRead; }

    // Fills ghosts / applied / pending of `state` against `graph`, as alembic counts them:
    // applied = the current revisions and all their ancestors, following down revisions and
    // depends_on (alembic's _get_ancestor_nodes(include_dependencies=True)); pending = every
    // other revision of the graph; ghosts = rows naming a revision with no script.
    static DatabaseState derive(const RevisionGraph& graph, DatabaseState state);
    static DatabaseState derive(const RevisionGraph& graph, QStringList rows);

    bool isReadable() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // True when the version table does not exist (alembic: at base, nothing applied).
    bool isTableMissing() const { return m_tableMissing; }
    // True when the database is a SQLite file that does not exist yet (at base as well).
    bool isFileMissing() const { return !m_missingFile.isEmpty(); }
    // That file's path (empty unless isFileMissing()).
    QString missingFile() const { return m_missingFile; }
    // True when readable and no revision is applied (no table or an empty one).
    bool isAtBase() const { return isReadable() && m_currentRevisions.isEmpty(); }

    QStringList currentRevisions() const { return m_currentRevisions; } // order read
    QStringList sortedCurrentRevisions() const;

    // Derived (empty until derive()).
    bool isDerived() const { return m_derived; }
    QStringList ghosts() const { return m_ghosts; } // order read
    QSet<QString> applied() const { return m_applied; }
    QSet<QString> pending() const { return m_pending; }
    bool isApplied(const QString& id) const { return m_applied.contains(id); }
    bool isPending(const QString& id) const { return m_pending.contains(id); }
    bool isGhost(const QString& id) const { return m_ghosts.contains(id); }
    bool isCurrent(const QString& id) const { return m_currentRevisions.contains(id); }

    friend bool operator==(const DatabaseState&, const DatabaseState&) = default;

private:
    QStringList m_currentRevisions;
    QString m_error;
    bool m_notRead = false;
    QString m_missingFile;
    bool m_tableMissing = false;

    bool m_derived = false;
    QStringList m_ghosts;
    QSet<QString> m_applied;
    QSet<QString> m_pending;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::DatabaseState)
