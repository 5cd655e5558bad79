#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace retort {

// What the databases pane shows for one connection profile. Plain data handed in by the
// application; the pane never connects to anything itself.
struct DatabaseRow
{
    enum class Status { Unknown, Reading, Current, AtBase, Error };

    QString name;
    QString displayUrl;       // password already hidden
    bool isProtected = false; // production-like: runs ask for the name to be typed
    bool isDefault = false;   // the ini's own sqlalchemy.url
    bool isTemporary = false; // for this session only (retort --url): never saved
    Status status = Status::Unknown;
    QStringList current;      // version table rows, sorted
    QStringList ghosts;       // rows with no script
    QString error;            // Status::Error: why the table could not be read
    QString missingFile;      // Status::AtBase: the SQLite file that does not exist yet
};

// The profiles of a project as a table: name, where the database stands, URL.
class DatabaseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, UrlColumn, ColumnCount };
    Q_ENUM(Column)

    explicit DatabaseListModel(QObject* parent = nullptr);

    void setRows(QList<DatabaseRow> rows);
    // Replaces the row with the same name (no-op when there is none).
    void updateRow(const DatabaseRow& row);
    const QList<DatabaseRow>& rows() const { return m_rows; }
    int indexOfName(const QString& name) const;

    // "at base", "a1b2c3 (head)", "error: …" — the state column's text.
    static QString stateText(const DatabaseRow& row);
    // The state column's tooltip: the error, or the whole sentence about a missing file.
    static QString stateToolTip(const DatabaseRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DatabaseRow> m_rows;
};

} // namespace retort
