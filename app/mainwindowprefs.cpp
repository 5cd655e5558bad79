// MainWindow's issue-17 parts: Settings → Configure Retort… (applied live, stored in
// Settings), Help → About Retort and Report a Problem…, the graph's zoom kept per project,
// and View → Reset Layout.
#include "app/mainwindow.h"

#include "app/apptheme.h"
#include "app/databasesession.h"
#include "app/graphcontroller.h"
#include "app/problemreport.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "model/common/latestjob.h"
#include "model/config/connectionprofile.h"
#include "model/config/sqlalchemyurl.h"
#include "model/graph/revisiongraph.h"
#include "model/layout/graphvizlayouter.h"
#include "model/project/projectsnapshot.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphview.h"
#include "widgets/help/problemreportdialog.h"
#include "widgets/settings/settingsdialog.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>

namespace retort {

namespace {

// How far apart ranks and neighbours are for each density (points); Normal is the layout's
// own default.
std::pair<qreal, qreal> spacing(Preferences::GraphDensity density)
{
    const LayoutOptions defaults;
    switch (density) {
    case Preferences::GraphDensity::Compact:
        return {12, 8};
    case Preferences::GraphDensity::Normal:
        break;
    case Preferences::GraphDensity::Spacious:
        return {40, 32};
    }
    return {defaults.rankSeparation, defaults.nodeSeparation};
}

// Runs `program arguments` and returns its first line of output (stdout, else stderr), or
// why it could not. Blocks: call it off the GUI thread.
Result<QString> firstLineOf(const QString& program, const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs))
        return Failure{QCoreApplication::translate("MainWindow", "could not be started")};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Failure{QCoreApplication::translate("MainWindow", "did not answer in time")};
    }
    QString out = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString why = err.section(u'\n', -1).trimmed();
        return Failure{why.isEmpty()
                           ? QCoreApplication::translate("MainWindow", "failed (exit code %1)")
                                 .arg(process.exitCode())
                           : why};
    }
    if (out.isEmpty())
        out = err; // Python 2 printed its version on stderr
    return out.section(u'\n', 0, 0).trimmed();
}

} // namespace

SettingsDialog* MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

ProblemReportDialog* MainWindow::problemReportDialog() const
{
    return m_problemReport;
}

void MainWindow::createPreferencesActions()
{
    m_settingsAction = new QAction(QIcon::fromTheme(QStringLiteral("configure")),
                                   tr("&Configure Retort…"), this);
    m_settingsAction->setObjectName(QStringLiteral("configureAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    // QKeySequence::Preferences is empty on some desktops: KDE's Ctrl+Shift+, then.
    const QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    m_settingsAction->setShortcuts(keys.isEmpty()
                                       ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Comma)}
                                       : keys);
    m_settingsAction->setStatusTip(tr("Theme, editor font, graph layout and the default Python"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_reportProblemAction = new QAction(tr("&Report a Problem…"), this);
    m_reportProblemAction->setObjectName(QStringLiteral("reportProblemAction"));
    m_reportProblemAction->setStatusTip(
        tr("A summary of versions and counts to paste into an issue (no paths or names)"));
    connect(m_reportProblemAction, &QAction::triggered, this, &MainWindow::showProblemReport);

    m_resetLayoutAction = new QAction(tr("Reset La&yout"), this);
    m_resetLayoutAction->setObjectName(QStringLiteral("resetLayoutAction"));
    m_resetLayoutAction->setStatusTip(
        tr("Put the panes, their sizes and the graph's zoom back as on a first start"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    // About and the problem report name the Graphviz library's own version: asked here, off
    // the GUI thread, because asking takes the Graphviz lock a layout may be holding.
    runInBackground(
        this, [] { return GraphvizLayouter::graphvizVersion(); }, [](const QString&) {});

    // Applied before the window is first shown: no flash of the other theme.
    applyPreferences(m_settings.preferences());
    followGraphZoom();
}

void MainWindow::createSettingsMenu(QMenu* helpMenu)
{
    auto* menu = new QMenu(tr("Se&ttings"), this); // &S is the Script menu
    menu->setObjectName(QStringLiteral("settingsMenu"));
    menu->addAction(m_settingsAction);
    menuBar()->insertMenu(helpMenu->menuAction(), menu);
}

void MainWindow::applyPreferences(const Preferences& preferences)
{
    m_preferences = preferences;
    AppTheme::instance()->apply(preferences.theme);
    m_scriptTabs->setEditorSettings(preferences.editorFont(), preferences.tabWidth);
    LayoutOptions options = m_graphController->layoutOptions();
    options.newestOnTop = preferences.newestOnTop;
    std::tie(options.rankSeparation, options.nodeSeparation) = spacing(preferences.graphDensity);
    m_graphController->setLayoutOptions(options);
}

void MainWindow::storePreferences(const Preferences& preferences)
{
    const QString oldDefault = m_settings.preferences().defaultInterpreter;
    m_settings.setPreferences(preferences);
    m_settings.sync();
    applyPreferences(preferences);
    // Another Python may have another alembic: read the project again for it, unless it has
    // an interpreter of its own.
    if (preferences.defaultInterpreter != oldDefault && m_session->project().isLoaded()) {
        const RecentProject project{m_session->loadedConfigPath(), m_session->loadedSection()};
        if (m_settings.pythonInterpreter(project).isEmpty())
            m_session->reload();
    }
}

void MainWindow::showSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    m_settingsDialog = new SettingsDialog(m_preferences, this);
    m_settingsDialog->setObjectName(QStringLiteral("settingsDialog"));
    m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settingsDialog, &SettingsDialog::previewRequested, this,
            &MainWindow::applyPreferences);
    connect(m_settingsDialog, &SettingsDialog::applyRequested, this,
            [this](const Preferences& preferences) {
                storePreferences(preferences);
                statusBar()->showMessage(tr("Settings saved"), 3000);
            });
    connect(m_settingsDialog, &SettingsDialog::interpreterCheckRequested, this,
            &MainWindow::checkDefaultInterpreter);
    m_settingsDialog->open();
}

void MainWindow::checkDefaultInterpreter(const QString& path)
{
    const QFileInfo file(path);
    if (!file.isAbsolute() || !file.exists()) {
        m_settingsDialog->setInterpreterStatus(path, tr("There is no such file (give the full path)."),
                                               false);
        return;
    }
    if (!file.isFile() || !file.isExecutable()) {
        m_settingsDialog->setInterpreterStatus(path, tr("This file cannot be run."), false);
        return;
    }
    m_settingsDialog->setInterpreterStatus(path, tr("Asking it which alembic it has…"), true);
    QPointer<SettingsDialog> dialog = m_settingsDialog;
    runInBackground(
        this,
        [path] {
            return firstLineOf(path, {QStringLiteral("-m"), QStringLiteral("alembic"),
                                      QStringLiteral("--version")},
                               15000);
        },
        [dialog, path](const Result<QString>& answer) {
            if (!dialog)
                return;
            // Usable either way: it runs; without alembic the runs will say so.
            dialog->setInterpreterStatus(
                path,
                answer ? tr("python -m alembic --version says: %1").arg(*answer)
                       : tr("It runs, but python -m alembic --version %1.").arg(answer.error()),
                true);
        });
}

void MainWindow::showAbout()
{
    VersionFacts versions = VersionFacts::current();
    if (m_session->project().isLoaded())
        versions.alembic = m_session->project().alembic.describe();
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("About Retort"), aboutText(versions),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setTextFormat(Qt::RichText);
    box->setIconPixmap(windowIcon().pixmap(64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

ProblemFacts MainWindow::problemFacts() const
{
    ProblemFacts facts = ProblemFacts::current();
    facts.python = m_pythonVersion;
    facts.theme = AppTheme::displayName(m_preferences.theme);
    if (screen())
        facts.devicePixelRatio = screen()->devicePixelRatio();
    const ProjectSnapshot& project = m_session->project();
    facts.projectOpen = project.isLoaded();
    if (project.isLoaded()) {
        facts.versions.alembic = project.alembic.describe();
        facts.revisions = project.graph->size();
        facts.heads = int(project.graph->heads().size());
        facts.diagnostics = int(project.graph->diagnostics().size());
    }
    const QList<ConnectionProfile> profiles = m_databases->profiles();
    facts.profiles = int(profiles.size());
    const std::shared_ptr<const AlembicConfig> config = m_databases->config();
    for (const ConnectionProfile& profile : profiles) {
        const QString url = config ? profile.effectiveUrl(*config) : profile.url();
        // Only the dialect's name leaves this loop: the URL's host, user and password stay.
        if (const Result<SqlAlchemyUrl> parsed = SqlAlchemyUrl::parse(url))
            facts.databaseKinds << parsed->dialect();
    }
    return facts;
}

QString MainWindow::problemReport() const
{
    return problemReportText(problemFacts(), QDir::homePath());
}

void MainWindow::showProblemReport()
{
    if (!m_problemReport) {
        m_problemReport = new ProblemReportDialog(problemReport(), retortIssuesPage(), this);
        m_problemReport->setObjectName(QStringLiteral("problemReportDialog"));
        m_problemReport->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_problemReport, &ProblemReportDialog::copied, this, [this] {
            statusBar()->showMessage(tr("The problem report is on the clipboard."), 5000);
        });
    } else {
        m_problemReport->setReportText(problemReport());
    }
    m_problemReport->show();
    m_problemReport->raise();
    m_problemReport->activateWindow();
    askPythonVersion();
}

void MainWindow::askPythonVersion()
{
    // The Python that runs (or would run) alembic: the project's, the default one, python3.
    QString python = m_session->project().alembic.interpreter;
    if (python.isEmpty())
        python = m_preferences.defaultInterpreter;
    if (python.isEmpty())
        python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return;
    runInBackground(
        this, [python] { return firstLineOf(python, {QStringLiteral("--version")}, 10000); },
        [this](const Result<QString>& answer) {
            if (!answer)
                return;
            QString version = *answer;
            version.remove(QStringLiteral("Python "), Qt::CaseInsensitive);
            m_pythonVersion = version.trimmed();
            if (m_problemReport)
                m_problemReport->setReportText(problemReport());
        });
}

void MainWindow::followGraphZoom()
{
    // A project's zoom is kept under its key and given back when its graph is drawn again;
    // another project opens as usual. Zooms are kept only once the project's own picture is
    // on screen (the old picture stays while the new one is laid out).
    connect(m_session, &ProjectSession::loaded, this, [this](const ProjectSnapshot& snapshot) {
        const QString key =
            Settings::projectKey(RecentProject{snapshot.id.configPath(), snapshot.id.section()});
        if (key == m_loadedZoomKey)
            return; // reloaded: the picture keeps its viewport
        m_loadedZoomKey = key;
        m_zoomKey.clear();
        m_graphView->setInitialZoom(m_settings.graphZoom(key));
    });
    connect(m_graphController, &GraphController::layoutFinished, this,
            [this](qint64, const QString& error) {
                if (error.isEmpty() && m_graphController->shownGraph())
                    m_zoomKey = m_loadedZoomKey;
            });
    connect(m_graphView, &GraphView::zoomChanged, this, [this](qreal zoom) {
        if (!m_zoomKey.isEmpty())
            m_settings.setGraphZoom(m_zoomKey, zoom);
    });
}

void MainWindow::applyDefaultDockSizes()
{
    // First start: a modest diagnostics dock, a databases dock wide enough to read.
    resizeDocks({m_diagnosticsDock}, {160}, Qt::Vertical);
    resizeDocks({m_databasesDock}, {420}, Qt::Horizontal);
    resizeDocks({m_databasesDock, m_detailsDock}, {180, 260}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    applyDefaultDockSizes();
    // While the welcome page shows, the docks stay hidden: the reset layout is the one the
    // first project brings back (and the one a close meanwhile saves).
    if (isWelcomeShown())
        keepLayoutForWelcome();
    m_settings.clearGraphZooms();
    m_graphView->setInitialZoom(0);
    if (m_graphController->shownGraph()) {
        // the first-start view, not kept as the project's zoom
        const QString key = std::exchange(m_zoomKey, QString());
        m_graphView->showInitialView();
        m_zoomKey = key;
    }
    statusBar()->showMessage(tr("The panes and the graph's zoom are back as on a first start"),
                             5000);
    emit layoutReset();
}

} // namespace retort
