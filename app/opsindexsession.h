#pragma once

#include "model/common/diagnostic.h"
#include "model/common/latestjob.h"
#include "model/migration/schemahistory.h"
#include "model/project/projectsnapshot.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace retort {

// What the loaded project's migrations do, read statically: for each ProjectSnapshot, the
// operations of every revision (MigrationOpsIndex::read), the lint warnings
// (MigrationRisks::lint) and every table's timeline along the upgrade to heads
// (SchemaHistory::tables), built off the GUI thread with a LatestJob: a newer project
// cancels the read under way, the newest wins. Until a project's read arrives, index() and
// the rest are those of the previous project (or empty); isReading() says one is under way.
//
// In the window the read waits until the graph is shown (holdUntilGraphShown, then
// graphShown()): the layout comes first, then the operations.
class OpsIndexSession : public QObject
{
    Q_OBJECT

public:
    explicit OpsIndexSession(QObject* parent = nullptr);
    ~OpsIndexSession() override;

    // A project loaded: cancels the read under way and reads this one (now, or at
    // graphShown() while holding).
    void setProject(const ProjectSnapshot& project);
    void setHoldUntilGraphShown(bool hold) { m_hold = hold; }
    // The graph is on screen: start the read a setProject() held back.
    void graphShown();

    // The snapshot the index belongs to (not loaded before the first read arrives).
    const ProjectSnapshot& project() const { return m_project; }
    std::shared_ptr<const MigrationOpsIndex> index() const { return m_index; }
    // Lint warnings (Diagnostic::warning) of the project.
    const Diagnostics& lint() const { return m_lint; }
    // Every table the upgrade ops mention, along the upgrade from base to heads.
    const QList<TableTimeline>& tables() const { return m_tables; }
    // Why the tables are empty although revisions were read ("" when they are not): the
    // upgrade to heads could not be planned.
    QString tablesError() const { return m_tablesError; }
    // A read was asked for (or is running) whose result has not arrived.
    bool isReading() const { return m_reading; }
    // The lint warnings' messages of each revision, by revision id (for the graph's markers);
    // the lint's notes ("could not be checked") are left out.
    QHash<QString, QStringList> warningsByRevision() const;

signals:
    // A read started for a new project (the index still belongs to the previous one).
    void readingStarted();
    // A project's index, lint and tables arrived.
    void indexChanged();

private:
    struct Outcome;
    static Outcome build(const ProjectSnapshot& project, const JobToken& token);
    void start();

    ProjectSnapshot m_pending;
    bool m_hasPending = false;
    bool m_hold = false;
    bool m_reading = false;
    ProjectSnapshot m_project;
    std::shared_ptr<const MigrationOpsIndex> m_index;
    Diagnostics m_lint;
    QList<TableTimeline> m_tables;
    QString m_tablesError;
    QThreadPool m_pool;
    LatestJob m_job{&m_pool}; // declared after the pool: cancelled before it is joined
};

} // namespace retort
