#pragma once

#include "model/project/projectsnapshot.h"

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTreeView;

namespace retort {

class DatabaseState;
class GitAuthors;
class RevisionGraph;
class RevisionTableModel;

// The revisions of a graph as a sortable, filterable table. Sorting by no column shows
// history order (newest first). The current revision survives a graph swap (a reload)
// as long as its id still exists.
//
// The current revision is the application's selection (the Run target), so only the person
// changes it: filtering, sorting or a state change never does. A current revision the filter
// hides stays current; the table then shows no row selected and the count says so.
class RevisionListView : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionListView(QWidget* parent = nullptr);
    ~RevisionListView() override;

    void setGraph(std::shared_ptr<const RevisionGraph> graph);
    void setProjectRoot(const QString& folder);
    // A project loaded: its graph, paths relative to its folder.
    void setProject(const ProjectSnapshot& project);

    // Where the selected profile's database stands, for the State column.
    void setDatabaseState(const QString& profile, const DatabaseState& state);
    void clearDatabaseState();

    // Who added each revision's file (git): the Author and Added columns show when any
    // revision has a commit, and the filter matches authors' names and emails.
    void setGitAuthors(const GitAuthors& authors);

    // The current revision's id, empty when none; it may be hidden by the filter.
    QString currentRevision() const { return m_currentId; }
    // Makes `id` current and scrolls to its row. False when it is absent (nothing changes)
    // or filtered out (it is current all the same, with no row selected).
    bool setCurrentRevision(const QString& id);
    // The current revision exists but the filter hides its row.
    bool isCurrentRevisionHidden() const;

    QString filterText() const;
    void setFilterText(const QString& text);
    // Puts the keyboard focus into the filter field, its text selected.
    void focusFilter();

    // Rows that pass the filter.
    int visibleCount() const;

    RevisionTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QTreeView* view() const { return m_view; }

signals:
    // Enter or double-click on a row.
    void revisionActivated(const QString& id);
    // The current row changed to another revision (empty = none).
    void currentRevisionChanged(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCurrentChanged(const QModelIndex& current);
    // Selects the current revision's row, or no row when it is hidden; true when shown.
    bool showCurrentRow();
    // Runs `change` (which may add, remove or move rows) without it changing the current
    // revision, then shows the current row again.
    template <typename Change>
    void keepingCurrent(Change change);
    void updateCountLabel();
    void updateGitColumns();
    void copyCurrentId();
    QString idAt(const QModelIndex& proxyIndex) const;

    RevisionTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_countLabel = nullptr;
    QTreeView* m_view = nullptr;
    QString m_currentId;
    bool m_swapping = false;
    bool m_columnsSized = false;
    bool m_gitColumnsSized = false;
};

} // namespace retort
