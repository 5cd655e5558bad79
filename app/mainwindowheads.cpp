// MainWindow's heads tools (issue 16): the banner above the graph while heads are unexplained,
// the Heads dock it opens, and the controller that analyses and fixes them.
#include "app/mainwindow.h"

#include "app/databasesession.h"
#include "app/docksizekeeper.h"
#include "app/graphcontroller.h"
#include "app/headscontroller.h"
#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "widgets/graph/graphview.h"
#include "widgets/heads/headsbanner.h"
#include "widgets/heads/headspanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace retort {

void MainWindow::createHeadsTools()
{
    m_headsBanner = new HeadsBanner;
    // Above the graph, below its search bar: it is about what the graph shows.
    if (auto* graphLayout = qobject_cast<QVBoxLayout*>(m_graphView->parentWidget()->layout()))
        graphLayout->insertWidget(graphLayout->indexOf(m_graphView), m_headsBanner);

    m_headsPanel = new HeadsPanel;
    m_headsDock = new QDockWidget(tr("Heads"), this);
    m_headsDock->setObjectName(QStringLiteral("headsDock")); // for saveState()
    m_headsDock->setWidget(m_headsPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_headsDock);
    tabifyDockWidget(m_detailsDock, m_headsDock);
    m_detailsDock->raise();
    m_headsDock->hide(); // until asked for: the banner says when there is something to see
    if (auto* dockSizes = findChild<DockSizeKeeper*>()) { // small windows: see createDocks()
        m_headsPanel->setMinimumSize(96, 40);
        dockSizes->follow(m_headsDock);
    }
    // Menus are made before this: the new actions go in beside their neighbours.
    auto insertAfter = [](QAction* anchor, QAction* action) {
        for (QObject* object : anchor->associatedObjects()) {
            if (auto* menu = qobject_cast<QMenu*>(object)) {
                const QList<QAction*> actions = menu->actions();
                menu->insertAction(actions.value(actions.indexOf(anchor) + 1), action);
            }
        }
    };
    // View → Heads, beside the other docks.
    QAction* toggle = m_headsDock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key_8));
    insertAfter(m_tablesDock->toggleViewAction(), toggle);

    m_headsController = new HeadsController(m_session, m_databases, m_scripts, m_graphView,
                                            m_headsBanner, m_headsPanel, this);
    m_graphController->addContextActions({nullptr, m_headsController->reparentAction()});
    insertAfter(m_scripts->mergeHeadsAction(), m_headsController->reparentAction());
    connect(m_headsController, &HeadsController::showPanelRequested, this, [this] {
        m_headsDock->show();
        m_headsDock->raise();
        m_headsPanel->setFocus();
    });
    connect(m_headsController, &HeadsController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_headsController, &HeadsController::errorOccurred, this, [this](const QString& text) {
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Retort"), text, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace retort
