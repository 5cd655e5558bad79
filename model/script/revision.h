#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace retort {

// One revision script as written in its file: the four module-level identifiers, the
// message and date from the docstring, and where each came from. Plain value.
struct Revision
{
    QString id;                 // `revision`
    QStringList downRevisions;  // `down_revision`, in the order written; empty = a base
    QStringList dependsOn;      // `depends_on` as written: ids or branch labels
    QStringList branchLabels;   // `branch_labels` declared on this revision

    QString message;            // docstring's first paragraph (as `alembic history` shows it)
    QString longDoc;            // the whole docstring, stripped
    QString createDate;         // the docstring's "Create Date:" value, verbatim

    QString path;               // absolute path of the file
    QString versionLocation;    // the version folder the file was found under

    int loadOrder = -1;         // position in the order alembic loads files (directory order);
                                // alembic breaks ties between branches by it
    int revisionLine = 0;       // 1-based lines of the assignments (0 = absent)
    int downRevisionLine = 0;
    int branchLabelsLine = 0;
    int dependsOnLine = 0;

    bool isBase() const { return downRevisions.isEmpty(); }
    bool isMergePoint() const { return downRevisions.size() > 1; }

    friend bool operator==(const Revision&, const Revision&) = default;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::Revision)
