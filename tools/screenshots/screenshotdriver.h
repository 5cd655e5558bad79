#pragma once

#include "demodatabases.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QPixmap;
class QWidget;

namespace retort {
class MainWindow;
class Settings;
} // namespace retort

namespace retort::screenshots {

// One picture the docs show: its file name (NAME.png) and what it shows.
struct Scene
{
    QString name;
    QString what;
};

// Builds the real main window at a fixed size on a copy of the demo and walks it through
// every scene of the docs, in one pass (later scenes start where earlier ones left the
// window), saving each as OUTDIR/NAME.png. Scenes are reached through the window's own
// actions and widgets and wait on what the window does, never on a fixed delay.
class ScreenshotDriver
{
public:
    // The window's size; every picture has it.
    static QSize windowSize();
    static QList<Scene> scenes();

    ScreenshotDriver(QString outDir, QString workDir, QString python);
    ~ScreenshotDriver();

    // Makes every scene; false with error() at the first one that could not be made.
    bool run();
    QString error() const { return m_error; }

private:
    bool welcome();
    bool openDemo();
    bool graph();
    bool details();
    bool script();
    bool tables();
    bool schema();
    bool planRisks();
    bool plan();
    bool upgradeLog();

    // Processes events until `done` holds (false after `timeoutMs`, with error()).
    bool waitUntil(const std::function<bool()>& done, const QString& what, int timeoutMs = 60000);
    // Delivers what is pending (layouts, paints) so a grab shows the window as it stands.
    static void settle();
    // The window, with `dialog` (when given) drawn where it stands over it.
    QPixmap grab(QWidget* dialog = nullptr) const;
    bool save(const QString& name, const QPixmap& picture);
    bool fail(const QString& why);

    QString m_outDir;
    DemoDatabases m_demo;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QString m_error;
};

} // namespace retort::screenshots
