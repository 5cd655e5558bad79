#pragma once

#include "model/migration/schemahistory.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace retort {

class RevisionGraph;

// Every table the migrations mention, as a tree: the table, then its events in alembic's
// upgrade order (created in, column added / altered / renamed / dropped in, dropped in), each
// with its revision (short id and message). The filter keeps the tables and the columns named
// like its text ("email" finds `customers.email` and the revision that added it): a table
// whose name matches keeps all its events, otherwise only the matching events stay.
// Activating an event (Enter, double-click) emits revisionActivated(); Open Script at Line
// (Ctrl+Return, context menu) emits openScriptRequested() with the event's line.
class TableTimelineView : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        EventColumn,
        RevisionColumn,
        MessageColumn,
        ColumnCount
    };

    explicit TableTimelineView(QWidget* parent = nullptr);
    ~TableTimelineView() override;

    // The tables, the graph their revisions are looked up in (messages, scripts) and the
    // operations they were read from (the columns a create_table made, for the filter).
    void setTables(const QList<TableTimeline>& tables, std::shared_ptr<const RevisionGraph> graph,
                   std::shared_ptr<const MigrationOpsIndex> index = {});
    // Shows `text` instead of the tree ("Reading operations…", why there are no tables).
    void setPlaceholder(const QString& text);
    QString placeholderText() const;

    QString filterText() const;
    void setFilterText(const QString& text);
    void focusFilter();

    QTreeWidget* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    // The tables the filter shows, and for one of them its shown events' texts.
    QStringList visibleTables() const;
    QTreeWidgetItem* tableItem(const QString& name) const;
    QList<QTreeWidgetItem*> visibleEvents(const QString& table) const;
    // The revision and line an item stands for (a table: where it was created).
    static QString revisionOf(const QTreeWidgetItem* item);
    static int lineOf(const QTreeWidgetItem* item);

    // "column `email` added" for one event, as the tree shows it.
    static QString eventText(const TableEvent& event);

signals:
    void revisionActivated(const QString& id);
    void openScriptRequested(const QString& absolutePath, int line);

protected:
    // In the filter: Escape clears it, Down moves to the tree.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void applyFilter();
    void activate(QTreeWidgetItem* item);
    void openLine(QTreeWidgetItem* item);
    void showContextMenu(const QPoint& pos);
    QString shortId(const QString& id) const;
    QString messageOf(const QString& id) const;
    QStringList createdColumns(const TableEvent& event) const;

    QList<TableTimeline> m_tables;
    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const MigrationOpsIndex> m_index;
    QLineEdit* m_filter = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_count = nullptr;
    QTreeWidget* m_view = nullptr;
    QAction* m_openLineAction = nullptr;
};

} // namespace retort
