#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/settings.h"

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

// --screenshot: once the project has loaded (or failed), let the window settle for one
// event-loop turn, grab it to a PNG and quit.
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
    QObject::connect(session, &retort::ProjectSession::loaded, &window, [grab] { grab(0); });
    QObject::connect(session, &retort::ProjectSession::failed, &window, [grab] { grab(1); });
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationName(QStringLiteral("retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(RETORT_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/retort.svg")));

    QTranslator qtTranslator;
    QTranslator appTranslator;
    installTranslators(app, qtTranslator, appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A desktop workbench for Alembic migrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "The project's alembic.ini or pyproject.toml."),
        QStringLiteral("[CONFIG]"));
    const QCommandLineOption sectionOption(
        {QStringLiteral("n"), QStringLiteral("name")},
        QCoreApplication::translate("main", "The config section to read, as alembic's -n."),
        QCoreApplication::translate("main", "SECTION"), retort::ProjectId::defaultSection());
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "After the project has loaded, save the window to FILE (PNG) and quit."),
        QCoreApplication::translate("main", "FILE"));
    parser.addOption(sectionOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(1);

    retort::Settings settings;
    retort::MainWindow window(settings);

    if (!positional.isEmpty()) {
        window.openProject(QFileInfo(positional.first()).absoluteFilePath(),
                           parser.value(sectionOption));
    } else if (const retort::RecentProject last = settings.lastProject();
               !last.path.isEmpty() && QFileInfo::exists(last.path)) {
        window.openProject(last.path,
                           retort::ProjectId::normalizedSection(last.section));
    }

    if (parser.isSet(screenshotOption))
        scheduleScreenshot(app, window, parser.value(screenshotOption));

    window.show();
    return app.exec();
}
