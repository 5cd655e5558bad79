#pragma once

#include "model/layout/graphlayout.h"
#include "model/layout/graphvizlayouter.h"
#include "model/project/projectsnapshot.h"
#include "widgets/graph/graphscene.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

class QAction;

namespace retort {

class DatabaseSession;
class GraphView;
class GraphvizLayouter;
class RevisionGraph;
class RevisionListView;

// Keeps the graph picture in step with the project and the databases: asks the layouter
// (its own thread) for a layout of each new graph and shows it when the newest arrives,
// keeping the old picture meanwhile; feeds every profile's state, as DatabaseSession
// derived it, to the picture that draws the graph it was derived against; keeps the
// graph's and the list's selections together.
class GraphController : public QObject
{
    Q_OBJECT

public:
    GraphController(GraphView* view, RevisionListView* list, DatabaseSession* databases,
                    QObject* parent = nullptr);
    ~GraphController() override;

    // A new graph to lay out; `newProject` centres the first picture on where the selected
    // database stands once its state is known.
    void setGraph(std::shared_ptr<const RevisionGraph> graph, bool newProject = false);
    // A project loaded: its graph, centred on its database when it is another project.
    void setProject(const ProjectSnapshot& project);
    // A project load began: when its graph is first on screen, the info line
    // `retort.graph: drawn N revisions in X ms` (X counted from here) is logged, so the time
    // to a drawn graph can be measured from outside.
    void markLoadStarted() { m_loadClock.start(); }
    // Actions added to a revision's context menu, in order (nullptr adds a separator). They
    // act on the graph's current revision, which the right-click selects first.
    void addContextActions(const QList<QAction*>& actions) { m_contextActions += actions; }
    bool isLayingOut() const { return m_pending != 0; }
    // The direction and spacing every layout uses (Settings → Configure Retort…); a change
    // lays the graph on screen out again, keeping the viewport's place where it can.
    void setLayoutOptions(const LayoutOptions& options);
    const LayoutOptions& layoutOptions() const { return m_options; }
    // The graph and layout on screen (null / empty before the first layout).
    std::shared_ptr<const RevisionGraph> shownGraph() const { return m_shown; }
    const GraphLayout& shownLayout() const { return m_shownLayout; }

signals:
    void layoutStarted();
    void layoutFinished(qint64 elapsedMs, const QString& error);

private:
    void updateDatabaseStates();
    // Every read profile's state when the session derived them against `graph`, else none.
    GraphScene::ProfileStates statesFor(const std::shared_ptr<const RevisionGraph>& graph) const;

    GraphView* m_view = nullptr;
    RevisionListView* m_list = nullptr;
    DatabaseSession* m_databases = nullptr;
    GraphvizLayouter* m_layouter = nullptr;
    std::shared_ptr<const RevisionGraph> m_requested;
    std::shared_ptr<const RevisionGraph> m_shown;
    GraphLayout m_shownLayout;
    GraphScene::ProfileStates m_viewStates; // derived against m_shown (or with none drawn)
    quint64 m_pending = 0;
    QList<QAction*> m_contextActions;
    bool m_syncing = false;
    bool m_centerOnDatabase = false;
    ProjectId m_projectId; // of the last project shown
    LayoutOptions m_options; // without previousX, which each request fills in
    QElapsedTimer m_loadClock; // valid from a load's start to its first picture
};

} // namespace retort
