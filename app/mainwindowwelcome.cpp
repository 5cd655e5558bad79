// MainWindow's first start and command line: the welcome page shown while no project is
// open (the docks hidden meanwhile), opening what is dropped on the window, and the database
// the command line asked for (retort --profile / --url).
#include "app/mainwindow.h"

#include "app/databasesession.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "model/config/connectionprofile.h"
#include "model/project/projectlocator.h"
#include "widgets/welcome/welcomepage.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>

namespace retort {

namespace {

// What a drop would open: the first dropped file whose name fits (any *.ini, pyproject.toml)
// or the first folder that holds a project. `why` is told why a dropped folder did not fit.
QString configForDrop(const QMimeData* data, QString* why)
{
    if (!data || !data->hasUrls())
        return {};
    for (const QUrl& url : data->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        if (info.isDir()) {
            const Result<QString> config = ProjectLocator::resolve(path);
            if (config)
                return *config;
            if (why && why->isEmpty())
                *why = config.error();
        } else if (info.isFile() && ProjectLocator::isConfigFileName(path)) {
            return QDir::cleanPath(info.absoluteFilePath());
        }
    }
    return {};
}

// Whether a drag carries something a drop may open: a config file by its name, or a folder
// (looked into only on the drop, which then says why when it holds no project).
bool dragMayOpen(const QMimeData* data)
{
    if (!data || !data->hasUrls())
        return false;
    for (const QUrl& url : data->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isDir() || (info.isFile() && ProjectLocator::isConfigFileName(info.filePath())))
            return true;
    }
    return false;
}

} // namespace

void MainWindow::createWelcomePage()
{
    m_welcome = new WelcomePage;
    m_centralStack->addWidget(m_welcome);
    // The page's buttons are the window's own commands.
    connect(m_welcome, &WelcomePage::openRequested, this, [this] { m_openAction->trigger(); });
    connect(m_welcome, &WelcomePage::gettingStartedRequested, this,
            [this] { m_gettingStartedAction->trigger(); });
    connect(m_welcome, &WelcomePage::demoRequested, this, [this] { openDemo(); });
    connect(m_welcome, &WelcomePage::recentActivated, this, &MainWindow::openRecentFromWelcome);
    connect(m_welcome, &WelcomePage::removeRequested, this,
            [this](const QString& path, const QString& section) {
                m_settings.removeRecentProject(RecentProject{path, section});
                rebuildRecentMenu(); // and the page with it
            });
    setAcceptDrops(true);
}

bool MainWindow::isWelcomeShown() const
{
    return m_centralStack->currentWidget() == m_welcome;
}

void MainWindow::updateWelcome()
{
    const bool welcome = m_session->graph() == nullptr;
    if (welcome == isWelcomeShown())
        return;
    if (welcome) {
        keepLayoutForWelcome();
        const QString demo = demoConfigPath();
        m_welcome->setDemoAvailable(!demo.isEmpty(),
                                    tr("The demo project is not installed with this copy of "
                                       "Retort."));
        updateWelcomeRecent();
        m_centralStack->setCurrentWidget(m_welcome);
        m_welcome->setFocus();
        return;
    }
    m_centralStack->setCurrentWidget(m_splitter);
    if (!m_layoutBeforeWelcome.isEmpty())
        restoreState(m_layoutBeforeWelcome);
    m_layoutBeforeWelcome.clear();
}

void MainWindow::keepLayoutForWelcome()
{
    // The layout as it is (restored from the last session, the first start's, or just
    // reset) is what comes back with the first project, and what closeEvent saves meanwhile.
    // Nothing in the docks means anything before a project has loaded.
    m_layoutBeforeWelcome = saveState();
    for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        dock->hide();
    // The Run tool bar's commands all need a project: it comes back with the docks.
    for (QToolBar* bar : findChildren<QToolBar*>(Qt::FindDirectChildrenOnly))
        bar->hide();
}

void MainWindow::updateWelcomeRecent()
{
    if (!m_welcome)
        return;
    QList<WelcomeEntry> entries;
    for (const RecentProject& project : m_settings.recentProjects())
        entries.append({project.path, project.section, !QFileInfo::exists(project.path)});
    m_welcome->setRecentProjects(entries);
}

void MainWindow::openRecentFromWelcome(const QString& path, const QString& section)
{
    const QString normalized = ProjectId::normalizedSection(section);
    // A double-click also clicked: the second request for the same project is not a new one.
    if (m_session->isLoading() && m_session->requested() == ProjectId(path, normalized))
        return;
    openProject(path, normalized);
}

QByteArray MainWindow::windowStateToSave() const
{
    return isWelcomeShown() && !m_layoutBeforeWelcome.isEmpty() ? m_layoutBeforeWelcome
                                                                 : saveState();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (dragMayOpen(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (dragMayOpen(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QString why;
    const QString config = configForDrop(event->mimeData(), &why);
    if (config.isEmpty()) {
        event->ignore();
        statusBar()->showMessage(why.isEmpty() ? tr("Nothing dropped is an alembic.ini, a "
                                                    "pyproject.toml or a project folder.")
                                               : why,
                                 10000);
        return;
    }
    event->acceptProposedAction();
    openProject(config);
}

// ---- the command line's database

QString MainWindow::sessionProfileName()
{
    return tr("command line", "the name of the profile retort --url adds");
}

void MainWindow::setStartupDatabase(const QString& profile, const QString& url)
{
    m_startupProfile = profile;
    m_startupUrl = url;
}

void MainWindow::applyStartupDatabase()
{
    const QString wanted = m_startupProfile;
    const QString url = m_startupUrl;
    m_startupProfile.clear(); // once: for the project the command line opened
    m_startupUrl.clear();
    if (!url.isEmpty()) {
        QString name = sessionProfileName();
        for (int n = 2; m_databases->profile(name); ++n)
            name = tr("command line %1", "the --url profile when the name is taken").arg(n);
        ConnectionProfile temporary(name, url); // the URL's password goes to its secrets
        if (m_databases->addTemporaryProfile(temporary)) {
            m_databases->setSelectedProfile(name);
            statusBar()->showMessage(
                tr("Working on %1, given on the command line for this session only.")
                    .arg(SqlAlchemyUrl::redacted(url)),
                10000);
        }
        return;
    }
    if (wanted.isEmpty())
        return;
    if (m_databases->profile(wanted)) {
        m_databases->setSelectedProfile(wanted);
        return;
    }
    QStringList names;
    for (const ConnectionProfile& p : m_databases->profiles())
        names.append(p.name());
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Retort"),
        tr("The project has no connection profile named \"%1\" (--profile). Its profiles: %2.")
            .arg(wanted, names.join(tr(", ", "list separator"))),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("startupProfileMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    statusBar()->showMessage(box->text(), 15000);
}

} // namespace retort
