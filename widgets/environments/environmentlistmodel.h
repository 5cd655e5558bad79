#pragma once

#include "model/run/driftcheck.h"
#include "widgets/databases/databaselistmodel.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace retort {

// What the Environments view shows for one profile. Plain data handed in by the application.
struct EnvironmentRow
{
    DatabaseRow database;       // name, where it stands (as the Databases pane says it)
    int pending = -1;           // revisions not applied; -1 while not known
    QStringList missingHeads;   // heads of the graph it has not applied (sorted)
    QDateTime readAt;           // when its version table was last read; invalid: never
    DriftResult drift;          // the last Check Drift (NotChecked: none kept)
    bool checking = false;      // a Check Drift is running now
};

// Every profile with where it stands, how far behind it is and its last drift check.
class EnvironmentListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        PendingColumn,
        MissingHeadsColumn,
        ReadColumn,
        DriftColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit EnvironmentListModel(QObject* parent = nullptr);

    // Replaces the rows; a row whose name stays keeps its place in any view's selection.
    void setRows(QList<EnvironmentRow> rows);
    const QList<EnvironmentRow>& rows() const { return m_rows; }
    int indexOfName(const QString& name) const;

    // "in sync", "4 differences", "not checked", "failed", "needs alembic 1.9", "checking…"
    static QString driftText(const EnvironmentRow& row);
    // The drift's whole story: when, with which alembic, each difference or why it failed.
    static QString driftDetails(const EnvironmentRow& row);
    // "1 difference", "4 differences"
    static QString differenceCount(int count);
    // A time as the table shows it: the time of day today, the date and time before.
    static QString timeText(const QDateTime& when);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<EnvironmentRow> m_rows;
};

} // namespace retort
