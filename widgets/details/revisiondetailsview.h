#pragma once

#include "model/db/databasestate.h"
#include "model/project/gitauthors.h"
#include "model/project/projectsnapshot.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace retort {

class MigrationOpsIndex;
class RevisionGraph;
class RevisionOperationsView;

// The details pane of the selected revision: full id (with a Copy button), message and the
// rest of the docstring, create date, markers (head, base, branch point, merge point),
// parents, children, depends_on (as written and as resolved), dependents, branch labels
// (declared and inherited), the script's path relative to the project and its diagnostics.
// Every revision id is a link: activating one emits revisionLinkActivated(); activating the
// path emits openScriptRequested() with the absolute path. A view only: it never reads files.
//
// The field labels carry object names (see the k*Field constants) so that tests and
// accessibility tools can find them.
class RevisionDetailsView : public QWidget
{
    Q_OBJECT

public:
    static constexpr auto kPlaceholderField = "detailsPlaceholder";
    static constexpr auto kIdField = "detailsId";
    static constexpr auto kCopyIdButton = "detailsCopyId";
    static constexpr auto kMessageField = "detailsMessage";
    static constexpr auto kDocField = "detailsDoc";
    static constexpr auto kDateField = "detailsDate";
    static constexpr auto kCommitField = "detailsCommit"; // git: the commit that added the file
    static constexpr auto kMarkersField = "detailsMarkers";
    static constexpr auto kDatabaseField = "detailsDatabase";
    static constexpr auto kParentsField = "detailsParents";
    static constexpr auto kChildrenField = "detailsChildren";
    static constexpr auto kDependsOnField = "detailsDependsOn";
    static constexpr auto kDependenciesField = "detailsDependencies";
    static constexpr auto kDependentsField = "detailsDependents";
    static constexpr auto kLabelsField = "detailsLabels";
    static constexpr auto kPathField = "detailsPath";
    static constexpr auto kDiagnosticsField = "detailsDiagnostics";

    explicit RevisionDetailsView(QWidget* parent = nullptr);
    ~RevisionDetailsView() override;

    // The graph the shown revision is looked up in. Keeps the shown id (placeholder when the
    // new graph does not have it).
    void setGraph(std::shared_ptr<const RevisionGraph> graph);
    std::shared_ptr<const RevisionGraph> graph() const { return m_graph; }

    // Paths are shown relative to this folder.
    void setProjectRoot(const QString& folder);
    QString projectRoot() const { return m_projectRoot; }
    // A project loaded: its graph, paths relative to its folder.
    void setProject(const ProjectSnapshot& project);

    // Shows `id`; an empty or unknown id shows the placeholder.
    void setRevision(const QString& id);
    // The id asked for by setRevision() (may be unknown to the graph).
    QString requestedRevision() const { return m_requestedId; }
    // The id actually shown; empty while the placeholder shows.
    QString shownRevision() const { return m_shownId; }
    bool isShowingPlaceholder() const { return m_shownId.isEmpty(); }

    // Where the shown revision stands in one database ("applied in dev"). Optional; `state`
    // is taken as given: derived against graph() (the DatabaseSession's overlay).
    void setDatabaseState(const QString& profileName, const DatabaseState& state);
    void clearDatabaseState();

    // What the migrations do (the "Operations" section): the project's index, null while
    // none is read; `reading` while one is under way.
    void setOperations(std::shared_ptr<const MigrationOpsIndex> index, bool reading);
    RevisionOperationsView* operationsView() const { return m_operations; }
    // Who added each revision's file (git): the "Committed" row (author, date, short hash,
    // subject), hidden for a revision git knows nothing about.
    void setGitAuthors(const GitAuthors& authors);

    // The label of one field, by its object name (nullptr for an unknown name).
    QLabel* field(const char* objectName) const;
    // The plain text of one field (rich text stripped), for tests and accessibility; the
    // path whole, however it is elided on screen.
    QString fieldText(const char* objectName) const;
    // Whether the form row of a field is shown (rows without content are hidden).
    bool isFieldVisible(const char* objectName) const;

signals:
    void revisionLinkActivated(const QString& id);
    void openScriptRequested(const QString& absolutePath);
    // An operation's link: the script at that line.
    void openScriptLineRequested(const QString& absolutePath, int line);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updatePathField();
    QLabel* addField(const QString& caption, const char* objectName, bool richText);
    void rebuild();
    void showPlaceholder();
    void setRow(const char* objectName, const QString& text, bool visible = true);
    void activateLink(const QString& link);
    void copyId();

    QString revisionLink(const QString& id) const;
    QString revisionLinks(const QStringList& ids) const;
    QString displayPath(const QString& path) const;
    QString databaseText() const;

    std::shared_ptr<const RevisionGraph> m_graph;
    QString m_projectRoot;
    QString m_requestedId;
    QString m_shownId;
    QString m_shownPath;
    QString m_pathText; // the path as shown, before eliding

    bool m_hasDatabaseState = false;
    QString m_profileName;
    DatabaseState m_databaseState;
    GitAuthors m_git;

    QScrollArea* m_scrollArea = nullptr;
    QLabel* m_placeholder = nullptr;
    QWidget* m_formPage = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_copyButton = nullptr;
    RevisionOperationsView* m_operations = nullptr;
    QHash<QByteArray, QLabel*> m_fields;      // by object name
    QHash<QByteArray, QWidget*> m_rowWidgets; // the form row's field widget
};

} // namespace retort
