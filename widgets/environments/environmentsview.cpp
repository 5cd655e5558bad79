#include "widgets/environments/environmentsview.h"

#include <QAction>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace retort {

EnvironmentsView::EnvironmentsView(QWidget* parent)
    : QWidget(parent), m_model(new EnvironmentListModel(this))
{
    auto* toolbar = new QToolBar(this);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refreshAll = toolbar->addAction(style()->standardIcon(QStyle::SP_BrowserReload),
                                      tr("Refresh All"));
    m_refreshAll->setObjectName(QStringLiteral("environmentsRefreshAll"));
    m_refreshAll->setToolTip(tr("Read every database's version table again (Ctrl+Shift+R)"));
    m_refreshAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_checkDrift = toolbar->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView),
                                      tr("Check Drift"));
    m_checkDrift->setObjectName(QStringLiteral("environmentsCheckDrift"));
    m_checkDrift->setToolTip(
        tr("Compare the project's models with the selected database: runs “alembic check”, "
           "which runs env.py (Ctrl+Shift+K)"));
    m_checkDrift->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_refresh = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refresh->setToolTip(tr("Read this database's version table again"));
    m_compare = new QAction(tr("C&ompare…"), this);
    m_compare->setObjectName(QStringLiteral("environmentsCompare"));
    m_compare->setVisible(false);
    // The shortcuts act on this view's selection: only while the focus is in it.
    for (QAction* action : {m_refreshAll, m_checkDrift}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("environmentsTable"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(true);
    for (int column : {EnvironmentListModel::NameColumn, EnvironmentListModel::StateColumn,
                       EnvironmentListModel::PendingColumn, EnvironmentListModel::ReadColumn})
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    for (QAction* action : {m_refresh, m_checkDrift, separator, m_compare})
        m_view->addAction(action);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("environmentsDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setTabChangesFocus(true);
    m_details->setAccessibleName(tr("Drift of the selected profile"));

    // Side by side: the dock sits in the wide, low bottom area, and a row's differences
    // read best beside it.
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(split);
    setFocusProxy(m_view);

    connect(m_refreshAll, &QAction::triggered, this, [this] { emit refreshRequested(QString()); });
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (!currentProfile().isEmpty())
            emit refreshRequested(currentProfile());
    });
    connect(m_checkDrift, &QAction::triggered, this, [this] {
        if (!currentProfile().isEmpty())
            emit checkDriftRequested(currentProfile());
    });
    connect(m_compare, &QAction::triggered, this, [this] {
        if (!currentProfile().isEmpty())
            emit compareRequested(currentProfile());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        updateDetails();
        emit currentProfileChanged(currentProfile());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &EnvironmentsView::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    updateActions();
    updateDetails();
}

void EnvironmentsView::setRows(QList<EnvironmentRow> rows)
{
    const QString current = currentProfile();
    m_model->setRows(std::move(rows));
    if (!current.isEmpty() && currentProfile() != current)
        setCurrentProfile(current); // the list was replaced: keep the same profile selected
    if (currentProfile().isEmpty() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateActions();
    updateDetails();
}

QString EnvironmentsView::currentProfile() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(Qt::UserRole).toString() : QString();
}

void EnvironmentsView::setCurrentProfile(const QString& name)
{
    const int row = m_model->indexOfName(name);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void EnvironmentsView::setCompareAvailable(bool available)
{
    m_compareAvailable = available;
    m_compare->setVisible(available);
    updateActions();
}

void EnvironmentsView::updateActions()
{
    const int row = m_model->indexOfName(currentProfile());
    const bool selected = row >= 0;
    m_refreshAll->setEnabled(m_model->rowCount() > 0);
    m_refresh->setEnabled(selected);
    m_checkDrift->setEnabled(selected && !m_model->rows().at(row).checking);
    m_compare->setEnabled(selected && m_compareAvailable);
}

void EnvironmentsView::updateDetails()
{
    const int row = m_model->indexOfName(currentProfile());
    const QString text = row >= 0 ? EnvironmentListModel::driftDetails(m_model->rows().at(row))
                                  : tr("No profile selected.");
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

} // namespace retort
