#pragma once

#include "model/db/databasestate.h"
#include "model/project/gitauthors.h"

#include <QAbstractTableModel>
#include <QFlags>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

class RevisionGraph;

// One row per revision of a RevisionGraph, in history order (newest first, as
// `alembic history` prints). Columns carry a SortRole for QSortFilterProxyModel and the
// first column a SearchRole with the row's searchable text for the filter. The State
// column says where each revision stands in one database (the selected profile's),
// from a DatabaseState derived against the same graph.
class RevisionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        MessageColumn,
        StateColumn,
        CreateDateColumn,
        AuthorColumn,    // git: who committed the file first (hidden without git)
        AddedColumn,     // git: the date of that commit
        ParentsColumn,
        DependsOnColumn,
        MarkersColumn,
        BranchLabelsColumn,
        FileColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        RevisionIdRole = Qt::UserRole + 1, // QString, every column
        SortRole,                          // the value to sort by, every column
        SearchRole,                        // QString, lower case, every column: the whole row
        PathRole,                          // QString, absolute file path, every column
        MarkersRole,                       // int (Markers), every column
        HistoryRankRole,                   // int, position in history order (0 = newest)
        StateRole,                         // int (RevisionState), every column
    };
    Q_ENUM(Role)

    // Where a revision stands in the shown database.
    enum RevisionState
    {
        UnknownState, // no database state shown, or it could not be read
        CurrentState, // in the version table
        AppliedState, // below a current revision (or one it depends on)
        PendingState, // not applied: an upgrade to the heads would run it
    };
    Q_ENUM(RevisionState)

    enum Marker
    {
        NoMarker = 0x0,
        HeadMarker = 0x1,
        BaseMarker = 0x2,
        BranchPointMarker = 0x4,
        MergePointMarker = 0x8,
    };
    Q_DECLARE_FLAGS(Markers, Marker)
    Q_FLAG(Markers)

    explicit RevisionTableModel(QObject* parent = nullptr);
    ~RevisionTableModel() override;

    // Swaps in a new graph (null = empty). Resets the model.
    void setGraph(std::shared_ptr<const RevisionGraph> graph);
    std::shared_ptr<const RevisionGraph> graph() const { return m_graph; }

    // File paths are shown relative to this folder (the project's folder).
    void setProjectRoot(const QString& folder);
    QString projectRoot() const { return m_projectRoot; }

    // Shows where the database of `profile` stands (`state` derived against graph()).
    // Only the State column (and the search text) change: no reset.
    void setDatabaseState(const QString& profile, const DatabaseState& state);
    void clearDatabaseState();
    QString databaseProfile() const { return m_profile; }
    RevisionState revisionState(const QString& revisionId) const;
    static QString stateText(RevisionState state);

    // Which commit added each revision's file (git). Author and date columns and the search
    // text follow; no reset. Kept across setGraph() (matched by path).
    void setGitAuthors(const GitAuthors& authors);
    const GitAuthors& gitAuthors() const { return m_git; }
    // Whether any row has a commit (the view shows the git columns only then).
    bool hasGitInfo() const { return m_gitRows > 0; }

    QString revisionId(int row) const;
    int rowOf(const QString& revisionId) const; // -1 when absent
    Markers markers(const QString& revisionId) const;

    // Short user-visible words for markers ("head", "base", "branch", "merge").
    static QString markerText(Markers markers);
    static QString markerToolTip(Markers markers);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // What the view shows for one revision, computed once per graph.
    struct Row
    {
        int revisionIndex = -1; // into RevisionGraph::revisions()
        Markers markers;
        QStringList parents; // known parents, then missing ones
        QStringList missingParents;
        QStringList labels; // effective branch labels
        QString relativePath;
        qint64 createdMsecs = 0; // 0 when the date cannot be read
        QString searchText;
        int diagnosticCount = 0;
        bool hasErrors = false; // among those diagnostics
        GitCommit commit;         // the commit that added the file (invalid: none known)
        qint64 committedMsecs = 0;
        QString gitSearchText;    // lower case: author and email
    };

    void rebuildRows();
    void applyGit(); // fills each row's commit from m_git
    QVariant gitData(const Row& row, int column, int role) const;
    QString relativePath(const QString& path) const;
    QVariant displayData(const Row& row, int column) const;
    QVariant toolTipData(const Row& row, int column) const;
    QVariant sortData(const Row& row, int column) const;
    RevisionState stateOf(const Row& row) const;
    QString stateToolTip(const Row& row) const;
    void emitStateChanged();

    std::shared_ptr<const RevisionGraph> m_graph;
    QString m_projectRoot;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfId;
    QString m_profile; // empty: no state shown
    DatabaseState m_state;
    GitAuthors m_git;
    int m_gitRows = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RevisionTableModel::Markers)

} // namespace retort
