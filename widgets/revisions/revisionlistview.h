#pragma once

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTreeView;

namespace retort {

class RevisionGraph;
class RevisionTableModel;

// The revisions of a graph as a sortable, filterable table. Sorting by no column shows
// history order (newest first). The current revision survives a graph swap (a reload)
// as long as its id still exists.
class RevisionListView : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionListView(QWidget* parent = nullptr);
    ~RevisionListView() override;

    void setGraph(std::shared_ptr<const RevisionGraph> graph);
    void setProjectRoot(const QString& folder);

    // The id of the current row, empty when none.
    QString currentRevision() const { return m_currentId; }
    // Makes `id` current and scrolls to it; false when it is absent or filtered out.
    bool setCurrentRevision(const QString& id);

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
    void updateCountLabel();
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
};

} // namespace retort
