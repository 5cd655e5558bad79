#include "widgets/revisions/revisiontablemodel.h"

#include "model/graph/revisiongraph.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFontDatabase>
#include <QIcon>
#include <QSet>
#include <QStyle>
#include <QTimeZone>

namespace retort {

namespace {

// Alembic writes `Create Date: 2024-01-02 10:00:00.123456` (str(datetime)), with an offset
// when `timezone` is configured. Returns an invalid QDateTime when the text is something else.
QDateTime parseCreateDate(const QString& text)
{
    QString iso = text.trimmed();
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    // Qt reads at most milliseconds: cut microseconds down to three digits.
    const qsizetype dot = iso.indexOf(QLatin1Char('.'), 19);
    if (dot == 19) {
        qsizetype end = dot + 1;
        while (end < iso.size() && iso.at(end).isDigit())
            ++end;
        if (end - dot > 4)
            iso.remove(dot + 4, end - dot - 4);
    }
    QDateTime date = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!date.isValid())
        return {};
    if (date.timeSpec() == Qt::LocalTime)
        date.setTimeZone(QTimeZone::utc()); // sort by wall-clock time, free of DST gaps
    return date;
}

QString joined(const QStringList& list)
{
    return list.join(QLatin1String(", "));
}

} // namespace

RevisionTableModel::RevisionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

RevisionTableModel::~RevisionTableModel() = default;

void RevisionTableModel::setGraph(std::shared_ptr<const RevisionGraph> graph)
{
    beginResetModel();
    m_graph = std::move(graph);
    rebuildRows();
    endResetModel();
}

void RevisionTableModel::setProjectRoot(const QString& folder)
{
    if (folder == m_projectRoot)
        return;
    beginResetModel();
    m_projectRoot = folder;
    rebuildRows();
    endResetModel();
}

void RevisionTableModel::rebuildRows()
{
    m_rows.clear();
    m_rowOfId.clear();
    m_gitRows = 0;
    if (!m_graph)
        return;

    const QList<Revision>& revisions = m_graph->revisions();

    // History order; anything the order leaves out (e.g. revisions caught in a cycle)
    // follows in id order so that no revision is ever hidden.
    QStringList order = m_graph->topologicalOrderNewestFirst();
    QSet<QString> seen(order.cbegin(), order.cend());
    for (const Revision& revision : revisions) {
        if (!seen.contains(revision.id)) {
            order.append(revision.id);
            seen.insert(revision.id);
        }
    }

    QHash<QString, int> diagnosticsPerPath;
    QSet<QString> pathsWithErrors;
    for (const Diagnostic& diagnostic : m_graph->diagnostics()) {
        if (diagnostic.path.isEmpty())
            continue;
        ++diagnosticsPerPath[diagnostic.path];
        if (diagnostic.isError())
            pathsWithErrors.insert(diagnostic.path);
    }

    const QStringList heads = m_graph->heads();
    const QStringList bases = m_graph->bases();
    const QStringList branchPoints = m_graph->branchPoints();
    const QStringList mergePoints = m_graph->mergePoints();
    const QSet<QString> headSet(heads.cbegin(), heads.cend());
    const QSet<QString> baseSet(bases.cbegin(), bases.cend());
    const QSet<QString> branchSet(branchPoints.cbegin(), branchPoints.cend());
    const QSet<QString> mergeSet(mergePoints.cbegin(), mergePoints.cend());

    m_rows.reserve(order.size());
    for (const QString& id : std::as_const(order)) {
        const int index = m_graph->indexOf(id);
        if (index < 0)
            continue;
        const Revision& revision = revisions.at(index);
        Row row;
        row.revisionIndex = index;
        if (headSet.contains(id))
            row.markers |= HeadMarker;
        if (baseSet.contains(id))
            row.markers |= BaseMarker;
        if (branchSet.contains(id))
            row.markers |= BranchPointMarker;
        if (mergeSet.contains(id))
            row.markers |= MergePointMarker;
        row.missingParents = m_graph->missingParents(id);
        row.parents = m_graph->parents(id);
        for (const QString& missing : std::as_const(row.missingParents))
            if (!row.parents.contains(missing))
                row.parents.append(missing);
        row.labels = m_graph->branchLabels(id);
        row.relativePath = relativePath(revision.path);
        const QDateTime created = parseCreateDate(revision.createDate);
        row.createdMsecs = created.isValid() ? created.toMSecsSinceEpoch() : 0;
        row.diagnosticCount = diagnosticsPerPath.value(revision.path);
        row.hasErrors = pathsWithErrors.contains(revision.path);
        row.searchText =
            QStringList{revision.id,         revision.message,        revision.createDate,
                        joined(row.parents), joined(revision.dependsOn),
                        markerText(row.markers), joined(row.labels), row.relativePath}
                .join(QLatin1Char('\n'))
                .toLower();
        m_rowOfId.insert(id, int(m_rows.size()));
        m_rows.append(row);
    }
    applyGit();
}

QString RevisionTableModel::relativePath(const QString& path) const
{
    if (m_projectRoot.isEmpty() || path.isEmpty())
        return QDir::toNativeSeparators(path);
    const QString relative = QDir(m_projectRoot).relativeFilePath(path);
    return QDir::toNativeSeparators(relative.startsWith(QLatin1String("../")) ? path : relative);
}

void RevisionTableModel::setDatabaseState(const QString& profile, const DatabaseState& state)
{
    if (profile == m_profile && state == m_state)
        return;
    m_profile = profile;
    m_state = state;
    emitStateChanged();
}

void RevisionTableModel::clearDatabaseState()
{
    if (m_profile.isEmpty() && m_state == DatabaseState())
        return;
    m_profile.clear();
    m_state = DatabaseState();
    emitStateChanged();
}

void RevisionTableModel::emitStateChanged()
{
    if (m_rows.isEmpty())
        return;
    // Whole rows: the search text (on the first column) holds the state's word too.
    emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, StateColumn, StateColumn);
}

RevisionTableModel::RevisionState RevisionTableModel::stateOf(const Row& row) const
{
    if (m_profile.isEmpty() || !m_state.isReadable() || !m_state.isDerived())
        return UnknownState;
    const QString& id = m_graph->revisions().at(row.revisionIndex).id;
    if (m_state.isCurrent(id))
        return CurrentState;
    if (m_state.isApplied(id))
        return AppliedState;
    return PendingState;
}

RevisionTableModel::RevisionState RevisionTableModel::revisionState(const QString& revisionId) const
{
    const int row = rowOf(revisionId);
    return row < 0 ? UnknownState : stateOf(m_rows.at(row));
}

QString RevisionTableModel::stateText(RevisionState state)
{
    switch (state) {
    case CurrentState:
        return tr("Current", "revision state: in the version table");
    case AppliedState:
        return tr("Applied", "revision state: below the current revision");
    case PendingState:
        return tr("Pending", "revision state: not applied yet");
    case UnknownState:
        break;
    }
    return {};
}

QString RevisionTableModel::stateToolTip(const Row& row) const
{
    if (m_profile.isEmpty())
        return tr("No database selected.");
    if (!m_state.isReadable())
        return tr("The version table of %1 could not be read: %2").arg(m_profile, m_state.error());
    if (!m_state.isDerived())
        return tr("The version table of %1 has not been read yet.").arg(m_profile);
    switch (stateOf(row)) {
    case CurrentState:
        return tr("Current in %1: its id is in the version table.").arg(m_profile);
    case AppliedState:
        return tr("Applied in %1: a current revision builds on it.").arg(m_profile);
    case PendingState:
        return tr("Pending in %1: not applied; upgrading to its heads would run it.")
            .arg(m_profile);
    case UnknownState:
        break;
    }
    return {};
}

QString RevisionTableModel::revisionId(int row) const
{
    if (!m_graph || row < 0 || row >= m_rows.size())
        return {};
    return m_graph->revisions().at(m_rows.at(row).revisionIndex).id;
}

int RevisionTableModel::rowOf(const QString& revisionId) const
{
    return m_rowOfId.value(revisionId, -1);
}

RevisionTableModel::Markers RevisionTableModel::markers(const QString& revisionId) const
{
    const int row = rowOf(revisionId);
    return row < 0 ? Markers() : m_rows.at(row).markers;
}

QString RevisionTableModel::markerText(Markers markers)
{
    QStringList words;
    if (markers & HeadMarker)
        words << tr("head", "marker: revision nothing builds on");
    if (markers & BaseMarker)
        words << tr("base", "marker: revision without down revision");
    if (markers & BranchPointMarker)
        words << tr("branch", "marker: revision with several children");
    if (markers & MergePointMarker)
        words << tr("merge", "marker: revision with several parents");
    return words.join(QLatin1String(", "));
}

QString RevisionTableModel::markerToolTip(Markers markers)
{
    QStringList lines;
    if (markers & HeadMarker)
        lines << tr("Head: no revision has this one as its down revision.");
    if (markers & BaseMarker)
        lines << tr("Base: this revision has no down revision.");
    if (markers & BranchPointMarker)
        lines << tr("Branch point: several revisions have this one as their down revision.");
    if (markers & MergePointMarker)
        lines << tr("Merge point: this revision has several down revisions.");
    return lines.join(QLatin1Char('\n'));
}

int RevisionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const Revision& revision = m_graph->revisions().at(row.revisionIndex);
    const int column = index.column();
    if ((column == AuthorColumn || column == AddedColumn) &&
        (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole ||
         role == SortRole))
        return gitData(row, column, role);

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::FontRole:
        if (column == IdColumn || column == ParentsColumn || column == DependsOnColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::DecorationRole:
        if (column == IdColumn && row.diagnosticCount > 0)
            return QApplication::style()->standardIcon(
                row.hasErrors ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::AccessibleTextRole:
        if (column == MarkersColumn)
            return markerToolTip(row.markers);
        return displayData(row, column);
    case RevisionIdRole:
        return revision.id;
    case SortRole:
        return sortData(row, column);
    case SearchRole: {
        const QString state = stateText(stateOf(row));
        const QString text = row.gitSearchText.isEmpty() ? row.searchText
                                                          : row.searchText + row.gitSearchText;
        return state.isEmpty() ? text : text + u'\n' + state.toLower();
    }
    case StateRole:
        return int(stateOf(row));
    case PathRole:
        return revision.path;
    case MarkersRole:
        return int(row.markers);
    case HistoryRankRole:
        return index.row();
    default:
        return {};
    }
}

QVariant RevisionTableModel::displayData(const Row& row, int column) const
{
    const Revision& revision = m_graph->revisions().at(row.revisionIndex);
    switch (column) {
    case IdColumn:
        return revision.id;
    case MessageColumn:
        return revision.message;
    case CreateDateColumn:
        if (row.createdMsecs != 0) {
            const QDateTime date = parseCreateDate(revision.createDate);
            return date.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        return revision.createDate;
    case StateColumn:
        // A database that cannot be read is said to be unknown, not left blank.
        if (!m_profile.isEmpty() && !m_state.isReadable())
            return tr("Unknown", "revision state: the version table could not be read");
        return stateText(stateOf(row));
    case ParentsColumn:
        return joined(row.parents);
    case DependsOnColumn:
        return joined(revision.dependsOn);
    case MarkersColumn:
        return markerText(row.markers);
    case BranchLabelsColumn:
        return joined(row.labels);
    case FileColumn:
        return row.relativePath;
    default:
        return {};
    }
}

QVariant RevisionTableModel::toolTipData(const Row& row, int column) const
{
    const Revision& revision = m_graph->revisions().at(row.revisionIndex);
    switch (column) {
    case IdColumn:
        if (row.diagnosticCount > 0)
            return (row.diagnosticCount == 1 ? tr("%1\nOne problem is reported for this file.")
                                             : tr("%1\n%n problems are reported for this file.",
                                                  nullptr, row.diagnosticCount))
                .arg(revision.id);
        return revision.id;
    case MessageColumn:
        return revision.longDoc.isEmpty() ? revision.message : revision.longDoc;
    case CreateDateColumn:
        return revision.createDate;
    case ParentsColumn: {
        QStringList lines;
        if (row.parents.isEmpty())
            lines << tr("No down revision: this is a base.");
        for (const QString& parent : row.parents) {
            lines << (row.missingParents.contains(parent)
                          ? tr("%1 (no script has this id)").arg(parent)
                          : parent);
        }
        if (!revision.dependsOn.isEmpty())
            lines << tr("Depends on: %1").arg(joined(revision.dependsOn));
        return lines.join(QLatin1Char('\n'));
    }
    case StateColumn:
        return stateToolTip(row);
    case DependsOnColumn:
        if (revision.dependsOn.isEmpty())
            return {};
        return tr("depends_on: applied before this revision, though not its parent\n%1")
            .arg(revision.dependsOn.join(u'\n'));
    case MarkersColumn:
        return markerToolTip(row.markers);
    case BranchLabelsColumn: {
        if (row.labels.isEmpty())
            return {};
        QStringList inherited;
        for (const QString& label : row.labels)
            if (!revision.branchLabels.contains(label))
                inherited << label;
        QStringList lines;
        if (!revision.branchLabels.isEmpty())
            lines << tr("Declared here: %1").arg(joined(revision.branchLabels));
        if (!inherited.isEmpty())
            lines << tr("Inherited: %1").arg(joined(inherited));
        return lines.join(QLatin1Char('\n'));
    }
    case FileColumn:
        return QDir::toNativeSeparators(revision.path);
    default:
        return {};
    }
}

QVariant RevisionTableModel::sortData(const Row& row, int column) const
{
    const Revision& revision = m_graph->revisions().at(row.revisionIndex);
    switch (column) {
    case IdColumn:
        return revision.id;
    case MessageColumn:
        return revision.message;
    case CreateDateColumn:
        // A date that cannot be read sorts as the oldest; ties keep history order.
        return QVariant::fromValue(row.createdMsecs);
    case StateColumn:
        return int(stateOf(row));
    case ParentsColumn:
        return joined(row.parents);
    case DependsOnColumn:
        return joined(revision.dependsOn);
    case MarkersColumn:
        return int(row.markers);
    case BranchLabelsColumn:
        return joined(row.labels);
    case FileColumn:
        return row.relativePath;
    default:
        return {};
    }
}

QVariant RevisionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Revision");
        case MessageColumn:
            return tr("Message");
        case StateColumn:
            return tr("State");
        case CreateDateColumn:
            return tr("Created");
        case AuthorColumn:
            return tr("Author");
        case AddedColumn:
            return tr("Added");
        case ParentsColumn:
            return tr("Parents");
        case DependsOnColumn:
            return tr("Depends On");
        case MarkersColumn:
            return tr("Markers");
        case BranchLabelsColumn:
            return tr("Branch Labels");
        case FileColumn:
            return tr("File");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("The revision id (`revision` in the script)");
        case MessageColumn:
            return tr("The first paragraph of the script's docstring");
        case CreateDateColumn:
            return tr("The docstring's Create Date");
        case AuthorColumn:
            return tr("Who wrote the commit that added the file (git)");
        case AddedColumn:
            return tr("When the commit that added the file was written (git)");
        case StateColumn:
            return m_profile.isEmpty()
                       ? tr("Current, applied or pending in the selected database")
                       : tr("Current, applied or pending in %1").arg(m_profile);
        case ParentsColumn:
            return tr("The down revisions (`down_revision`)");
        case DependsOnColumn:
            return tr("Revisions this one depends on (`depends_on`)");
        case MarkersColumn:
            return tr("Head, base, branch point or merge point");
        case BranchLabelsColumn:
            return tr("Branch labels, declared or inherited");
        case FileColumn:
            return tr("The script file, relative to the project folder");
        default:
            return {};
        }
    }
    return {};
}

QHash<int, QByteArray> RevisionTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RevisionIdRole, "revisionId");
    names.insert(SortRole, "sortKey");
    names.insert(SearchRole, "searchText");
    names.insert(PathRole, "path");
    names.insert(MarkersRole, "markers");
    names.insert(HistoryRankRole, "historyRank");
    names.insert(StateRole, "state");
    return names;
}

} // namespace retort
