#include "widgets/databases/databaselistmodel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPalette>
#include <QStyle>

namespace retort {

DatabaseListModel::DatabaseListModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatabaseListModel::setRows(QList<DatabaseRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void DatabaseListModel::updateRow(const DatabaseRow& row)
{
    const int i = indexOfName(row.name);
    if (i < 0)
        return;
    m_rows[i] = row;
    emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

int DatabaseListModel::indexOfName(const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).name == name)
            return i;
    return -1;
}

QString DatabaseListModel::stateText(const DatabaseRow& row)
{
    switch (row.status) {
    case DatabaseRow::Status::Unknown:
        return tr("not read yet");
    case DatabaseRow::Status::Reading:
        return tr("reading…");
    case DatabaseRow::Status::AtBase:
        if (!row.missingFile.isEmpty())
            return tr("file missing: %1 does not exist")
                .arg(QFileInfo(row.missingFile).fileName());
        return tr("at base (no version table rows)");
    case DatabaseRow::Status::Error:
        return tr("error: %1").arg(row.error);
    case DatabaseRow::Status::Current: {
        QStringList parts;
        for (const QString& id : row.current)
            parts.append(row.ghosts.contains(id) ? tr("%1 (no script)").arg(id) : id);
        return parts.join(QStringLiteral(", "));
    }
    }
    return {};
}

QString DatabaseListModel::stateToolTip(const DatabaseRow& row)
{
    if (row.status == DatabaseRow::Status::Error)
        return row.error;
    if (row.status == DatabaseRow::Status::AtBase && !row.missingFile.isEmpty())
        return tr("The file %1 does not exist (moved or deleted?); alembic would create it, "
                  "empty, on its first run.")
            .arg(QDir::toNativeSeparators(row.missingFile));
    return {};
}

int DatabaseListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DatabaseListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatabaseListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const DatabaseRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (row.isTemporary)
                return tr("%1 (this session)", "a profile from the command line, not saved")
                    .arg(row.name);
            return row.isDefault ? tr("%1 (alembic.ini)").arg(row.name) : row.name;
        case StateColumn:
            return stateText(row);
        case UrlColumn:
            return row.displayUrl;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !stateToolTip(row).isEmpty())
            return stateToolTip(row);
        if (index.column() == NameColumn && row.isProtected)
            return tr("Protected: runs against this database ask you to type its name.");
        if (index.column() == NameColumn && row.isTemporary)
            return tr("Given on the command line for this session: it is not saved, and its "
                      "password stays in memory.");
        if (index.column() == UrlColumn)
            return row.displayUrl;
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn && row.isProtected)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (index.column() == StateColumn) {
            switch (row.status) {
            case DatabaseRow::Status::Error:
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            case DatabaseRow::Status::Current:
                return QApplication::style()->standardIcon(
                    row.ghosts.isEmpty() ? QStyle::SP_DialogApplyButton
                                         : QStyle::SP_MessageBoxWarning);
            case DatabaseRow::Status::AtBase:
                return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
            default:
                return {};
            }
        }
        return {};
    case Qt::FontRole:
        if (index.column() == StateColumn && row.status == DatabaseRow::Status::Current) {
            QFont font = QApplication::font();
            font.setFamily(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (row.status == DatabaseRow::Status::Unknown || row.status == DatabaseRow::Status::Reading)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::UserRole:
        return row.name;
    }
    return {};
}

QVariant DatabaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Profile");
    case StateColumn:
        return tr("Where it stands");
    case UrlColumn:
        return tr("URL");
    }
    return {};
}

} // namespace retort
