#include "screenshotdriver.h"

#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/settings.h"
#include "model/migration/schemahistory.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QStatusBar>
#include <QWidget>

namespace retort::screenshots {

QSize ScreenshotDriver::windowSize()
{
    return {1280, 800};
}

QList<Scene> ScreenshotDriver::scenes()
{
    // In the order they are made; the docs test checks that every picture the docs show
    // is one of these.
    return {
        {QStringLiteral("welcome"), QStringLiteral("the window with no project open")},
        {QStringLiteral("graph"), QStringLiteral("the demo's graph with three databases")},
        {QStringLiteral("details-operations"), QStringLiteral("Details: what a revision does")},
        {QStringLiteral("script"), QStringLiteral("a revision script beside the graph")},
        {QStringLiteral("tables"), QStringLiteral("View → Tables, filtered to a column")},
        {QStringLiteral("schema"), QStringLiteral("Schema at Revision, compared with the heads")},
        {QStringLiteral("plan-risks"), QStringLiteral("a downgrade's plan on a protected database")},
        {QStringLiteral("plan"), QStringLiteral("the plan dialog for an upgrade")},
        {QStringLiteral("upgrade-log"), QStringLiteral("the live log after the first step")},
    };
}

ScreenshotDriver::ScreenshotDriver(QString outDir, QString workDir, QString python)
    : m_outDir(std::move(outDir)),
      m_demo(QFileInfo(MainWindow::demoConfigPath()).absolutePath(), workDir, python)
{
    m_settings = std::make_unique<Settings>(QDir(workDir).filePath(QStringLiteral("settings.ini")));
    m_settings->setPythonInterpreter(RecentProject{m_demo.configPath(), {}}, python);
}

ScreenshotDriver::~ScreenshotDriver()
{
    // the window before the settings it writes to
    m_window.reset();
}

bool ScreenshotDriver::run()
{
    if (MainWindow::demoConfigPath().isEmpty())
        return fail(QStringLiteral("the bundled demo was not found (set RETORT_DEMO_DIR)"));
    // alembic first: the window then reads databases that are already where they stand
    if (!m_demo.prepare())
        return fail(m_demo.error());
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->resize(windowSize());
    m_window->show();
    if (!waitUntil([this] { return m_window->isVisible() && m_window->size() == windowSize(); },
                   QStringLiteral("the window to show at its size")))
        return false;
    return welcome() && openDemo() && graph() && details() && script() && tables() && schema()
           && planRisks() && plan() && upgradeLog();
}

bool ScreenshotDriver::waitUntil(const std::function<bool()>& done, const QString& what,
                                 int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return fail(QStringLiteral("timed out waiting for ") + what);
        // wakes on the next event (a worker's result, a timer of the window's own)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    return true;
}

void ScreenshotDriver::settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
}

QPixmap ScreenshotDriver::grab(QWidget* dialog) const
{
    // A passing status message ("Graph laid out in 4 ms") would make every picture differ
    // from the last run's; the status bar's own fields stay.
    m_window->statusBar()->clearMessage();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QPixmap picture = m_window->grab();
    if (!dialog)
        return picture;
    // Without a window manager nothing frames the dialog: dim the window behind it and draw
    // a border where a title bar's frame would be.
    QPainter painter(&picture);
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70));
    const QPoint at = m_window->mapFromGlobal(dialog->mapToGlobal(QPoint(0, 0)));
    const QRect frame(at, dialog->size());
    painter.setPen(QPen(QColor(60, 60, 60), 1));
    painter.drawRect(frame.adjusted(-1, -1, 0, 0));
    painter.drawPixmap(at, dialog->grab());
    return picture;
}

bool ScreenshotDriver::save(const QString& name, const QPixmap& picture)
{
    const QString file = QDir(m_outDir).filePath(name + QStringLiteral(".png"));
    if (picture.isNull() || !picture.save(file, "PNG"))
        return fail(QStringLiteral("could not write ") + file);
    return true;
}

bool ScreenshotDriver::fail(const QString& why)
{
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

bool ScreenshotDriver::welcome()
{
    // No project open: what a person sees on the first start.
    settle();
    return save(QStringLiteral("welcome"), grab());
}

bool ScreenshotDriver::openDemo()
{
    m_window->openProject(m_demo.configPath());
    if (!waitUntil([this] { return m_window->session()->project().isLoaded(); },
                   QStringLiteral("the demo to load")))
        return false;
    DatabaseSession* databases = m_window->databases();
    for (const DemoDatabase& database : m_demo.databases()) {
        if (database.name == QLatin1String("default"))
            continue; // the ini's own database is always there
        ConnectionProfile profile(database.name, DemoDatabases::sqliteUrl(database.file));
        profile.setProtected(database.isProtected);
        if (!databases->saveProfile(profile))
            return fail(QStringLiteral("could not add the profile ") + database.name);
    }
    RunController* runs = m_window->runController();
    return waitUntil(
        [&] {
            for (const DemoDatabase& database : m_demo.databases()) {
                const DatabaseState state = databases->state(database.name);
                if (!databases->hasState(database.name) || !state.isReadable() || state.isAtBase())
                    return false;
            }
            // the graph drawn, and the scripts' operations read (Details, Tables, risks)
            return !m_window->graphView()->graphScene()->nodeItems().isEmpty() && runs->opsIndex()
                   && runs->opsIndex()->size() == m_window->session()->project().graph->size();
        },
        QStringLiteral("the databases, the graph and the operations"));
}

} // namespace retort::screenshots
