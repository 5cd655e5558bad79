#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "widgets/graph/graphview.h"
#include "model/config/sqlalchemyurl.h"
#include "model/project/projectlocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPixmap>
#include <QTimer>
#include <QTranslator>

#include <memory>
#include <utility>

#include <cstdio>

namespace {

Q_LOGGING_CATEGORY(lcMain, "retort.app", QtWarningMsg)

void installTranslators(QApplication& app, QTranslator& qtTranslator, QTranslator& appTranslator)
{
    const QLocale locale;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    if (appTranslator.load(locale, QStringLiteral("retort"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        app.installTranslator(&appTranslator);
    else
        qCDebug(lcMain) << "no translation for" << locale.name();
}

// --screenshot: once the project has loaded and its graph is drawn (or the load failed), let
// the window settle briefly, grab it to a PNG and quit.
void scheduleScreenshot(QApplication& app, retort::MainWindow& window, const QString& file)
{
    auto grab = [&app, &window, file](int exitCode) {
        QTimer::singleShot(200, &window, [&app, &window, file, exitCode] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                qCWarning(lcMain) << "could not write the screenshot to" << file;
            else
                qCInfo(lcMain) << "screenshot written to" << file;
            app.exit(saved ? exitCode : 2);
        });
    };
    retort::ProjectSession* session = window.session();
    if (session->configPath().isEmpty()) {
        grab(0);
        return;
    }
    // The graph is laid out on its own thread after the load: grab once it is drawn (a
    // layout that never comes is given 60 s).
    QObject::connect(session, &retort::ProjectSession::loaded, &window, [grab, &window] {
        auto taken = std::make_shared<bool>(false);
        auto once = [grab, taken] {
            if (!std::exchange(*taken, true))
                grab(0);
        };
        if (auto* view = window.findChild<retort::GraphView*>(QStringLiteral("graphView")))
            QObject::connect(view, &retort::GraphView::graphChanged, &window, once);
        QTimer::singleShot(60000, &window, once);
    });
    QObject::connect(session, &retort::ProjectSession::failed, &window, [grab] { grab(1); });
}

// A mistake on the command line: said on stderr before any window opens; exit status 2.
int commandLineError(const QString& message)
{
    std::fprintf(stderr, "retort: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationName(QStringLiteral("retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(RETORT_APP_ID));
    // The installed hicolor icon (what the desktop shows for the app id), else the bundled one.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(RETORT_APP_ID),
                                                 QIcon(QStringLiteral(":/icons/retort.svg"))));

    QTranslator qtTranslator;
    QTranslator appTranslator;
    installTranslators(app, qtTranslator, appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A desktop workbench for Alembic migrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate(
            "main", "The project's alembic.ini or pyproject.toml, or its folder (its "
                    "alembic.ini, else a pyproject.toml with [tool.alembic]). Without it, "
                    "the project opened last."),
        QStringLiteral("[PATH]"));
    const QCommandLineOption sectionOption(
        {QStringLiteral("n"), QStringLiteral("name")},
        QCoreApplication::translate("main", "The config section to read, as alembic's -n."),
        QCoreApplication::translate("main", "SECTION"), retort::ProjectId::defaultSection());
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "After the project has loaded, save the window to FILE (PNG) and quit."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate(
            "main", "Work on the project's saved connection profile NAME."),
        QCoreApplication::translate("main", "NAME"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QCoreApplication::translate(
            "main", "Work on the database at URL (an SQLAlchemy URL) for this session: a "
                    "temporary profile that is never saved (a password in it stays in "
                    "memory)."),
        QCoreApplication::translate("main", "URL"));
    parser.addOption(sectionOption);
    parser.addOption(profileOption);
    parser.addOption(urlOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(1);

    // Everything that can be known before the window opens is checked here.
    const QString profile = parser.value(profileOption);
    const QString url = parser.value(urlOption);
    if (parser.isSet(profileOption) && profile.isEmpty())
        return commandLineError(QCoreApplication::translate("main", "--profile needs a name."));
    if (!profile.isEmpty() && !url.isEmpty())
        return commandLineError(QCoreApplication::translate(
            "main", "--profile and --url both choose the database: give one of them."));
    if (parser.isSet(urlOption)) {
        if (const auto parsed = retort::SqlAlchemyUrl::parse(url); !parsed)
            return commandLineError(QCoreApplication::translate("main", "--url: %1")
                                        .arg(parsed.error()));
    }
    QString configPath;
    if (!positional.isEmpty()) {
        const retort::Result<QString> config = retort::ProjectLocator::resolve(positional.first());
        if (!config)
            return commandLineError(config.error());
        configPath = *config;
    }

    retort::Settings settings;
    const retort::RecentProject last = settings.lastProject();
    const bool reopenLast = configPath.isEmpty() && !last.path.isEmpty() && QFileInfo::exists(last.path);
    if (configPath.isEmpty() && !reopenLast && (!profile.isEmpty() || !url.isEmpty()))
        return commandLineError(QCoreApplication::translate(
            "main", "%1 needs a project: give its PATH (no project was open last time).")
                                    .arg(profile.isEmpty() ? QStringLiteral("--url")
                                                           : QStringLiteral("--profile")));

    retort::MainWindow window(settings);
    // Applied once the project has loaded: only then are its profiles known.
    window.setStartupDatabase(profile, url);

    if (!configPath.isEmpty()) {
        window.openProject(configPath, parser.value(sectionOption));
    } else if (reopenLast) {
        window.openProject(last.path,
                           retort::ProjectId::normalizedSection(last.section));
    }

    if (parser.isSet(screenshotOption))
        scheduleScreenshot(app, window, parser.value(screenshotOption));

    window.show();
    return app.exec();
}
