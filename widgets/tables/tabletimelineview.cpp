#include "widgets/tables/tabletimelineview.h"

#include "model/graph/revisiongraph.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr int kRevisionRole = Qt::UserRole + 1;
constexpr int kLineRole = Qt::UserRole + 2;
constexpr int kNamesRole = Qt::UserRole + 3;   // what the filter matches an event by
constexpr int kCreatedRole = Qt::UserRole + 4; // the columns the op names (made, indexed...)
constexpr int kTextRole = Qt::UserRole + 5;    // the event's text while not filtered
constexpr int kOpRole = Qt::UserRole + 6;      // TableEvent::op
constexpr qsizetype kShortIdLength = 12;

QString quoted(const QString& name)
{
    return QStringLiteral("`%1`").arg(name);
}

} // namespace

TableTimelineView::TableTimelineView(QWidget* parent) : QWidget(parent)
{
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("tablesFilter"));
    m_filter->setPlaceholderText(tr("Filter tables and columns…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter tables and columns"));
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &TableTimelineView::applyFilter);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("tablesCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_placeholder = new QLabel;
    m_placeholder->setObjectName(QStringLiteral("tablesPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);

    m_view = new QTreeWidget;
    m_view->setObjectName(QStringLiteral("tablesTree"));
    m_view->setAccessibleName(tr("Tables"));
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({tr("Table / event"), tr("Revision"), tr("Message")});
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activate(item); });
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &TableTimelineView::showContextMenu);

    m_openLineAction = new QAction(tr("Open Script at &Line"), this);
    m_openLineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_openLineAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_openLineAction);
    connect(m_openLineAction, &QAction::triggered, this,
            [this] { openLine(m_view->currentItem()); });

    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 4, 4, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_filter);
    setPlaceholder(tr("No project open"));
}

TableTimelineView::~TableTimelineView() = default;

void TableTimelineView::setTables(const QList<TableTimeline>& tables,
                                  std::shared_ptr<const RevisionGraph> graph,
                                  std::shared_ptr<const MigrationOpsIndex> index)
{
    m_tables = tables;
    m_graph = std::move(graph);
    m_index = std::move(index);
    rebuild();
    if (m_tables.isEmpty()) {
        setPlaceholder(tr("The migrations' upgrade() functions create or alter no table that "
                          "Retort could read."));
    } else {
        m_placeholder->hide();
        m_view->show();
    }
}

void TableTimelineView::setPlaceholder(const QString& text)
{
    m_placeholder->setText(text);
    m_placeholder->show();
    m_view->hide();
    m_count->clear();
}

QString TableTimelineView::placeholderText() const
{
    return m_placeholder->isHidden() ? QString() : m_placeholder->text();
}

QString TableTimelineView::filterText() const
{
    return m_filter->text();
}

void TableTimelineView::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void TableTimelineView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool TableTimelineView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        if (key == Qt::Key_Down && m_view->isVisible()) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->currentItem() && m_view->topLevelItemCount() > 0)
                m_view->setCurrentItem(m_view->topLevelItem(0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString TableTimelineView::eventText(const TableEvent& event)
{
    const QString& op = event.op;
    const QString column = quoted(event.column);
    if (op == QLatin1String("create_table"))
        return tr("created");
    if (op == QLatin1String("drop_table"))
        return tr("dropped");
    if (op == QLatin1String("rename_table"))
        return tr("renamed to %1").arg(quoted(event.newName));
    if (op == QLatin1String("add_column"))
        return tr("column %1 added").arg(column);
    if (op == QLatin1String("drop_column"))
        return tr("column %1 dropped").arg(column);
    if (op == QLatin1String("alter_column"))
        return event.newName.isEmpty() || event.newName == event.column
                   ? tr("column %1 altered").arg(column)
                   : tr("column %1 renamed to %2").arg(column, quoted(event.newName));
    if (op == QLatin1String("create_index"))
        return tr("index created");
    if (op == QLatin1String("drop_index"))
        return tr("index dropped");
    if (op == QLatin1String("create_foreign_key"))
        return tr("foreign key created");
    if (op == QLatin1String("create_unique_constraint"))
        return tr("unique constraint created");
    if (op == QLatin1String("create_check_constraint"))
        return tr("check constraint created");
    if (op == QLatin1String("create_primary_key"))
        return tr("primary key created");
    if (op == QLatin1String("drop_constraint"))
        return tr("constraint dropped");
    if (op == QLatin1String("create_table_comment"))
        return tr("comment set");
    if (op == QLatin1String("drop_table_comment"))
        return tr("comment dropped");
    if (op == QLatin1String("bulk_insert"))
        return tr("rows inserted");
    if (op == QLatin1String("execute"))
        return tr("raw SQL");
    if (op == QLatin1String("not_read"))
        return tr("not read");
    return event.column.isEmpty() ? op : tr("%1 on column %2").arg(op, column);
}

QString TableTimelineView::shortId(const QString& id) const
{
    return id.size() > kShortIdLength ? id.left(kShortIdLength) : id;
}

QString TableTimelineView::messageOf(const QString& id) const
{
    const Revision* revision = m_graph ? m_graph->revision(id) : nullptr;
    return revision ? revision->message : QString();
}

QStringList TableTimelineView::createdColumns(const TableEvent& event) const
{
    QStringList names;
    const MigrationOps* ops = m_index ? m_index->ops(event.revision) : nullptr;
    if (!ops || event.line <= 0)
        return names;
    for (const MigrationOp& op : ops->upgrade.ops) {
        if (op.line != event.line || op.opName() != event.op)
            continue;
        for (const ColumnSpec& column : op.columns)
            names << column.name;
        names << op.columnNames;
    }
    names.removeAll(event.column);
    names.removeDuplicates();
    return names;
}

void TableTimelineView::rebuild()
{
    m_view->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(m_tables.size());
    for (const TableTimeline& table : std::as_const(m_tables)) {
        auto* item = new QTreeWidgetItem;
        item->setText(EventColumn, table.name);
        QFont bold = item->font(EventColumn);
        bold.setBold(true);
        item->setFont(EventColumn, bold);
        item->setText(RevisionColumn, shortId(table.createdIn));
        QStringList summary;
        summary << (table.createdIn.isEmpty()
                        ? tr("not created by a migration Retort read")
                        : tr("created in %1").arg(table.createdIn));
        if (!table.droppedIn.isEmpty()) {
            summary << tr("dropped in %1").arg(table.droppedIn);
            item->setText(MessageColumn, tr("dropped in %1").arg(shortId(table.droppedIn)));
        }
        item->setToolTip(EventColumn, summary.join(QLatin1String(", ")));
        item->setData(EventColumn, kRevisionRole, table.createdIn);
        for (const TableEvent& event : table.events) {
            if (event.op == QLatin1String("create_table"))
                item->setData(EventColumn, kLineRole, event.line);
            auto* child = new QTreeWidgetItem(item);
            child->setText(EventColumn, eventText(event));
            child->setText(RevisionColumn, shortId(event.revision));
            child->setToolTip(RevisionColumn, event.revision);
            child->setText(MessageColumn, messageOf(event.revision));
            child->setToolTip(EventColumn, event.line > 0
                                               ? tr("%1, line %2").arg(event.revision).arg(event.line)
                                               : event.revision);
            child->setData(EventColumn, kRevisionRole, event.revision);
            child->setData(EventColumn, kLineRole, event.line);
            child->setData(EventColumn, kNamesRole, QStringList{event.column, event.newName});
            child->setData(EventColumn, kCreatedRole, createdColumns(event));
            child->setData(EventColumn, kTextRole, child->text(EventColumn));
            child->setData(EventColumn, kOpRole, event.op);
        }
        items << item;
    }
    m_view->addTopLevelItems(items);
    m_view->resizeColumnToContents(RevisionColumn);
    applyFilter();
    m_view->resizeColumnToContents(EventColumn);
}

void TableTimelineView::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    int shown = 0;
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        QTreeWidgetItem* table = m_view->topLevelItem(i);
        const bool tableMatches =
            text.isEmpty() || table->text(EventColumn).contains(text, Qt::CaseInsensitive);
        bool anyEvent = false;
        for (int j = 0; j < table->childCount(); ++j) {
            QTreeWidgetItem* event = table->child(j);
            bool matches = tableMatches;
            if (!matches) {
                const QStringList names = event->data(EventColumn, kNamesRole).toStringList();
                for (const QString& name : names)
                    matches = matches || (!name.isEmpty() && name.contains(text, Qt::CaseInsensitive));
            }
            // A column made with its table: the table's creation is where it was added (and
            // an index or constraint on it is about it too).
            QStringList created;
            if (!text.isEmpty()) {
                for (const QString& name : event->data(EventColumn, kCreatedRole).toStringList()) {
                    if (name.contains(text, Qt::CaseInsensitive))
                        created << quoted(name);
                }
            }
            const QString base = event->data(EventColumn, kTextRole).toString();
            const bool creation =
                event->data(EventColumn, kOpRole).toString() == QLatin1String("create_table");
            const QString names = created.join(QLatin1String(", "));
            event->setText(EventColumn,
                           created.isEmpty() ? base
                           : creation        ? (created.size() == 1
                                                    ? tr("%1, with column %2").arg(base, names)
                                                    : tr("%1, with columns %2").arg(base, names))
                                             : tr("%1 on %2", "event on columns").arg(base, names));
            matches = matches || !created.isEmpty();
            event->setHidden(!matches);
            anyEvent = anyEvent || matches;
        }
        const bool visible = tableMatches || anyEvent;
        table->setHidden(!visible);
        // While filtering, the matches are in sight.
        if (visible && !text.isEmpty())
            table->setExpanded(true);
        shown += visible ? 1 : 0;
    }
    if (!text.isEmpty())
        m_view->resizeColumnToContents(EventColumn); // the matches are read whole
    const int total = m_view->topLevelItemCount();
    m_count->setText(shown == total ? (total == 1 ? tr("%n table", nullptr, total)
                                                  : tr("%n tables", nullptr, total))
                                    : tr("%1 of %2").arg(shown).arg(total));
}

QStringList TableTimelineView::visibleTables() const
{
    QStringList names;
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        if (!m_view->topLevelItem(i)->isHidden())
            names << m_view->topLevelItem(i)->text(EventColumn);
    }
    return names;
}

QTreeWidgetItem* TableTimelineView::tableItem(const QString& name) const
{
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        if (m_view->topLevelItem(i)->text(EventColumn) == name)
            return m_view->topLevelItem(i);
    }
    return nullptr;
}

QList<QTreeWidgetItem*> TableTimelineView::visibleEvents(const QString& table) const
{
    QList<QTreeWidgetItem*> events;
    QTreeWidgetItem* item = tableItem(table);
    if (!item || item->isHidden())
        return events;
    for (int j = 0; j < item->childCount(); ++j) {
        if (!item->child(j)->isHidden())
            events << item->child(j);
    }
    return events;
}

QString TableTimelineView::revisionOf(const QTreeWidgetItem* item)
{
    return item ? item->data(EventColumn, kRevisionRole).toString() : QString();
}

int TableTimelineView::lineOf(const QTreeWidgetItem* item)
{
    return item ? item->data(EventColumn, kLineRole).toInt() : 0;
}

void TableTimelineView::activate(QTreeWidgetItem* item)
{
    const QString id = revisionOf(item);
    if (!id.isEmpty())
        emit revisionActivated(id);
}

void TableTimelineView::openLine(QTreeWidgetItem* item)
{
    const QString id = revisionOf(item);
    const Revision* revision = m_graph && !id.isEmpty() ? m_graph->revision(id) : nullptr;
    if (revision && !revision->path.isEmpty())
        emit openScriptRequested(revision->path, lineOf(item));
}

void TableTimelineView::showContextMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = m_view->itemAt(pos);
    if (!item || revisionOf(item).isEmpty())
        return;
    m_view->setCurrentItem(item);
    QMenu menu(this);
    QAction* select = menu.addAction(tr("&Select Revision"));
    menu.addAction(m_openLineAction);
    if (menu.exec(m_view->viewport()->mapToGlobal(pos)) == select)
        activate(item);
}

} // namespace retort
