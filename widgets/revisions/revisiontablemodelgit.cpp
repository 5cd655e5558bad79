// RevisionTableModel's git columns: who added each revision's file, and when.
#include "widgets/revisions/revisiontablemodel.h"

#include "model/graph/revisiongraph.h"

#include <QDateTime>

namespace retort {

void RevisionTableModel::setGitAuthors(const GitAuthors& authors)
{
    if (authors == m_git)
        return;
    m_git = authors;
    applyGit();
    if (m_rows.isEmpty())
        return;
    // Whole rows: the search text (on the first column) holds the author too.
    emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void RevisionTableModel::applyGit()
{
    m_gitRows = 0;
    if (!m_graph)
        return;
    for (Row& row : m_rows) {
        const GitCommit* commit = m_git.commit(m_graph->revisions().at(row.revisionIndex));
        row.commit = commit ? *commit : GitCommit();
        const QDateTime date = commit ? QDateTime::fromString(commit->date, Qt::ISODate)
                                      : QDateTime();
        row.committedMsecs = date.isValid() ? date.toMSecsSinceEpoch() : 0;
        // Author, email and the day the file was added ("2024-03" finds that month's).
        row.gitSearchText = commit ? (u'\n' + commit->author + u'\n' + commit->email + u'\n' +
                                      commit->date.left(10))
                                         .toLower()
                                   : QString();
        if (commit)
            ++m_gitRows;
    }
}

QVariant RevisionTableModel::gitData(const Row& row, int column, int role) const
{
    const GitCommit& commit = row.commit;
    if (role == SortRole) {
        // Rows git knows nothing about sort as the oldest, or before every name.
        if (column == AuthorColumn)
            return commit.author;
        return QVariant::fromValue(row.committedMsecs);
    }
    if (!commit.isValid())
        return role == Qt::ToolTipRole ? QVariant(tr("Git has no commit that added this file "
                                                     "(not committed yet, or outside the "
                                                     "work tree)."))
                                       : QVariant(QString());
    if (role == Qt::ToolTipRole)
        return tr("Added in %1 by %2 <%3>, %4:\n%5")
            .arg(commit.shortHash, commit.author, commit.email, commit.date, commit.subject);
    if (column == AuthorColumn)
        return commit.author;
    // The commit's own wall-clock time (its offset kept), as the docstring's date is shown.
    const QDateTime date = QDateTime::fromString(commit.date, Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : commit.date;
}

} // namespace retort
