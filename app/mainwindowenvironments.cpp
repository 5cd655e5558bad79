// MainWindow's Environments dock (issue 16): every profile with where it stands, how far
// behind it is and its last drift check, with Refresh All and Check Drift
// (EnvironmentsController). Shown with View → Environments (Alt+7), tabbed with Diagnostics and Log.
#include "app/mainwindow.h"

#include "app/docksizekeeper.h"
#include "app/environmentscontroller.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "widgets/environments/environmentsview.h"
#include "widgets/log/logpane.h"

#include <QDockWidget>
#include <QStatusBar>

namespace retort {

void MainWindow::createEnvironmentsView()
{
    m_environmentsView = new EnvironmentsView;
    m_environmentsView->setObjectName(QStringLiteral("environmentsView"));
    m_environmentsDock = new QDockWidget(tr("Environments"), this);
    m_environmentsDock->setObjectName(QStringLiteral("environmentsDock")); // for saveState()
    m_environmentsDock->setWidget(m_environmentsView);
    // The table wants width: beside Diagnostics and Log at the bottom, not in the side column.
    addDockWidget(Qt::BottomDockWidgetArea, m_environmentsDock);
    tabifyDockWidget(m_logDock, m_environmentsDock);
    m_diagnosticsDock->raise();
    if (auto* dockSizes = findChild<DockSizeKeeper*>()) { // small windows: see createDocks()
        m_environmentsView->setMinimumSize(96, 40);
        dockSizes->follow(m_environmentsDock);
    }

    // The checks run through the window's runner, as every alembic command does: a check and
    // a migration never run on the same database at once.
    m_environmentsController =
        new EnvironmentsController(m_session, m_databases, m_runController->runner(), m_settings,
                                   m_environmentsView, this, this);
    connect(m_session, &ProjectSession::loaded, m_environmentsController,
            &EnvironmentsController::setProject);
    connect(m_environmentsController, &EnvironmentsController::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_environmentsController, &EnvironmentsController::logNote, m_logPane,
            [this](const QString& text, RunEvent::Level level) { m_logPane->appendNote(text, level); });
    connect(m_environmentsController, &EnvironmentsController::logOutput, m_logPane,
            [this](const RunEvent& e) { m_logPane->appendLine(e.timestamp, e.stream, e.level, e.text); });
}

} // namespace retort
