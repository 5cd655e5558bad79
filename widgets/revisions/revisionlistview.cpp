#include "widgets/revisions/revisionlistview.h"

#include "model/db/databasestate.h"
#include "model/graph/revisiongraph.h"
#include "widgets/revisions/revisiontablemodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace retort {

namespace {

// File paths keep their start and their end (the revision's slug) when cut short.
class MiddleElideDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

} // namespace

RevisionListView::RevisionListView(QWidget* parent)
    : QWidget(parent), m_model(new RevisionTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_countLabel(new QLabel(this)), m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RevisionTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(RevisionTableModel::SearchRole);
    m_proxy->setFilterKeyColumn(RevisionTableModel::IdColumn); // SearchRole spans the row
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("revisionFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by id, message, label, file, author or date"));
    m_filter->setAccessibleName(tr("Filter revisions"));
    m_filter->installEventFilter(this);

    m_countLabel->setObjectName(QStringLiteral("revisionCount"));
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);

    m_view->setObjectName(QStringLiteral("revisionTable"));
    m_view->setAccessibleName(tr("Revisions"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSortIndicatorClearable(true); // third click: back to history order
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(true);
    m_view->setItemDelegateForColumn(RevisionTableModel::FileColumn,
                                     new MiddleElideDelegate(m_view));
    updateGitColumns(); // hidden until git says who added the files

    auto* copyAction = new QAction(tr("&Copy Revision Id"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &RevisionListView::copyCurrentId);
    m_view->addAction(copyAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(4, 4, 4, 4);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_countLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        keepingCurrent([&] { m_proxy->setFilterFixedString(text.trimmed()); });
        updateCountLabel();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString id = idAt(index);
        if (!id.isEmpty())
            emit revisionActivated(id);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RevisionListView::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RevisionListView::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RevisionListView::updateCountLabel);
    updateCountLabel();
}

RevisionListView::~RevisionListView() = default;

template <typename Change>
void RevisionListView::keepingCurrent(Change change)
{
    const bool wasSwapping = m_swapping;
    m_swapping = true;
    change();
    m_swapping = wasSwapping;
    showCurrentRow();
}

bool RevisionListView::showCurrentRow()
{
    const int row = m_currentId.isEmpty() ? -1 : m_model->rowOf(m_currentId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    const bool wasSwapping = m_swapping;
    m_swapping = true; // the id does not change, whatever the selection model says
    if (index.isValid()) {
        if (m_view->currentIndex().row() != index.row() ||
            !m_view->selectionModel()->isRowSelected(index.row(), QModelIndex()))
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        // No row stands for the current revision: none looks selected.
        m_view->selectionModel()->clear();
    }
    m_swapping = wasSwapping;
    updateCountLabel();
    return index.isValid();
}

void RevisionListView::setDatabaseState(const QString& profile, const DatabaseState& state)
{
    keepingCurrent([&] { m_model->setDatabaseState(profile, state); });
    updateCountLabel();
}

void RevisionListView::clearDatabaseState()
{
    keepingCurrent([&] { m_model->clearDatabaseState(); });
    updateCountLabel();
}

void RevisionListView::setGitAuthors(const GitAuthors& authors)
{
    keepingCurrent([&] { m_model->setGitAuthors(authors); });
    updateGitColumns();
    updateCountLabel();
}

void RevisionListView::updateGitColumns()
{
    const bool shown = m_model->hasGitInfo();
    m_view->setColumnHidden(RevisionTableModel::AuthorColumn, !shown);
    m_view->setColumnHidden(RevisionTableModel::AddedColumn, !shown);
    if (shown && !m_gitColumnsSized) {
        m_gitColumnsSized = true;
        const int charWidth = fontMetrics().averageCharWidth();
        m_view->resizeColumnToContents(RevisionTableModel::AuthorColumn);
        m_view->setColumnWidth(RevisionTableModel::AuthorColumn,
                               std::clamp(m_view->columnWidth(RevisionTableModel::AuthorColumn),
                                          charWidth * 8, charWidth * 24));
        m_view->resizeColumnToContents(RevisionTableModel::AddedColumn);
    }
}

void RevisionListView::setGraph(std::shared_ptr<const RevisionGraph> graph)
{
    const QString previous = m_currentId;
    m_swapping = true;
    m_model->setGraph(std::move(graph));
    m_swapping = false;
    updateGitColumns();

    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_columnsSized = true;
        // Fit the short columns; give messages room but keep paths and long merges in check.
        const int charWidth = fontMetrics().averageCharWidth();
        const auto fit = [this](int column, int minimum, int maximum) {
            m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(column,
                                   std::clamp(m_view->columnWidth(column), minimum, maximum));
        };
        fit(RevisionTableModel::IdColumn, 0, charWidth * 40);
        fit(RevisionTableModel::MessageColumn, charWidth * 30, charWidth * 60);
        m_view->setColumnWidth(RevisionTableModel::StateColumn,
                               std::max(m_view->header()->sectionSizeHint(
                                            RevisionTableModel::StateColumn),
                                        charWidth * 10));
        fit(RevisionTableModel::CreateDateColumn, 0, charWidth * 30);
        fit(RevisionTableModel::ParentsColumn, 0, charWidth * 28);
        fit(RevisionTableModel::DependsOnColumn, 0, charWidth * 28);
        fit(RevisionTableModel::MarkersColumn, 0, charWidth * 24);
        fit(RevisionTableModel::BranchLabelsColumn, 0, charWidth * 24);
    }

    // The selection survives a reload as long as its revision does (filtered out or not).
    if (!previous.isEmpty() && m_model->rowOf(previous) < 0) {
        m_currentId.clear();
        emit currentRevisionChanged(QString());
    }
    if (showCurrentRow())
        m_view->scrollTo(m_view->currentIndex());
}

void RevisionListView::setProjectRoot(const QString& folder)
{
    keepingCurrent([&] { m_model->setProjectRoot(folder); });
}

bool RevisionListView::setCurrentRevision(const QString& id)
{
    if (m_model->rowOf(id) < 0)
        return false;
    const bool changed = id != m_currentId;
    m_currentId = id;
    const bool shown = showCurrentRow();
    if (shown)
        m_view->scrollTo(m_view->currentIndex());
    if (changed)
        emit currentRevisionChanged(id);
    return shown;
}

bool RevisionListView::isCurrentRevisionHidden() const
{
    const int row = m_currentId.isEmpty() ? -1 : m_model->rowOf(m_currentId);
    return row >= 0 && !m_proxy->mapFromSource(m_model->index(row, 0)).isValid();
}

QString RevisionListView::filterText() const
{
    return m_filter->text();
}

void RevisionListView::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void RevisionListView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

int RevisionListView::visibleCount() const
{
    return m_proxy->rowCount();
}

bool RevisionListView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return ||
            key->key() == Qt::Key_Enter) {
            if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
                m_view->setCurrentIndex(m_proxy->index(0, 0));
            m_view->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RevisionListView::onCurrentChanged(const QModelIndex& current)
{
    if (m_swapping)
        return; // a reset: setGraph() restores the current row by id afterwards
    const QString id = idAt(current);
    if (id == m_currentId)
        return;
    m_currentId = id;
    emit currentRevisionChanged(id);
}

void RevisionListView::updateCountLabel()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (shown != total)
        text = tr("%1 of %n shown", nullptr, total).arg(shown);
    else
        text = total == 1 ? tr("%n revision", nullptr, total) : tr("%n revisions", nullptr, total);
    QString tip;
    if (isCurrentRevisionHidden()) {
        text = tr("%1 · selected %2 filtered out", "count · selection note")
                   .arg(text, m_currentId.left(12));
        tip = tr("The selected revision %1 is hidden by the filter. It stays selected: the "
                 "graph, the details and Run act on it. Clear the filter to see its row.")
                  .arg(m_currentId);
    }
    m_countLabel->setText(text);
    m_countLabel->setToolTip(tip);
}

void RevisionListView::copyCurrentId()
{
    if (!m_currentId.isEmpty())
        QGuiApplication::clipboard()->setText(m_currentId);
}

QString RevisionListView::idAt(const QModelIndex& proxyIndex) const
{
    return proxyIndex.isValid() ? proxyIndex.data(RevisionTableModel::RevisionIdRole).toString()
                                : QString();
}

void RevisionListView::setProject(const ProjectSnapshot& project)
{
    setProjectRoot(project.root());
    setGraph(project.graph);
}

} // namespace retort
