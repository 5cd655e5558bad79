#include "widgets/databases/databasesview.h"

#include <QAction>
#include <QHeaderView>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace retort {

DatabasesView::DatabasesView(QWidget* parent) : QWidget(parent), m_model(new DatabaseListModel(this))
{
    auto* toolbar = new QToolBar(this);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add = toolbar->addAction(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Add…"));
    m_add->setToolTip(tr("Add a connection profile"));
    m_edit = toolbar->addAction(tr("Edit…"));
    m_edit->setToolTip(tr("Edit the selected profile"));
    m_remove = toolbar->addAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected profile"));
    toolbar->addSeparator();
    m_refresh = toolbar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"));
    m_refresh->setToolTip(tr("Read every database's version table again"));

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(DatabaseListModel::NameColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(DatabaseListModel::StateColumn,
                                           QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_edit);
    m_view->addAction(m_remove);
    m_view->addAction(m_refresh);
    m_compare = new QAction(tr("&Compare With…"), this);
    m_compare->setObjectName(QStringLiteral("compareWithAction"));
    m_compare->setToolTip(tr("Compare this database with another one or with a revision"));
    m_view->addAction(m_compare);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(m_view);

    connect(m_add, &QAction::triggered, this, &DatabasesView::addRequested);
    connect(m_edit, &QAction::triggered, this, [this] {
        if (!currentProfile().isEmpty())
            emit editRequested(currentProfile());
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (!currentProfile().isEmpty())
            emit removeRequested(currentProfile());
    });
    connect(m_refresh, &QAction::triggered, this, [this] { emit refreshRequested(QString()); });
    connect(m_compare, &QAction::triggered, this, [this] {
        if (!currentProfile().isEmpty())
            emit compareRequested(currentProfile());
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        emit editRequested(index.siblingAtColumn(0).data(Qt::UserRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        emit currentProfileChanged(currentProfile());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &DatabasesView::updateActions);
    updateActions();
}

QString DatabasesView::currentProfile() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(Qt::UserRole).toString() : QString();
}

void DatabasesView::setCurrentProfile(const QString& name)
{
    const int row = m_model->indexOfName(name);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void DatabasesView::updateActions()
{
    const int row = m_model->indexOfName(currentProfile());
    const bool selected = row >= 0;
    m_edit->setEnabled(selected);
    // The ini's own profile cannot be removed: it is the project's configuration.
    m_remove->setEnabled(selected && !m_model->rows().at(row).isDefault);
    m_refresh->setEnabled(m_model->rowCount() > 0);
    m_compare->setEnabled(selected);
}

} // namespace retort
