// retort-screenshots OUTDIR [--python PATH] [--work-dir DIR] | --list
// Makes the docs' screenshots (scripts/screenshots runs it under Xvfb; the docs test under
// the offscreen platform). See screenshotdriver.h.
#include "screenshotdriver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFont>
#include <QIcon>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char* argv[])
{
    // Secrets stay in memory: no keychain prompt may appear on a screenshot.
    qputenv("RETORT_KEYCHAIN", "off");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationName(QStringLiteral("retort-screenshots"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/retort.svg")));
    // One font whatever the desktop says, so the pictures do not change from one machine to
    // the next (DejaVu Sans is what Debian's fontconfig gives "Sans" anyway).
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Makes the screenshots of the README, the user guide and the AppStream metainfo."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("outdir"),
                                 QStringLiteral("Where NAME.png is written for each scene."));
    const QCommandLineOption listOption(QStringLiteral("list"),
                                        QStringLiteral("Print each scene's name and what it shows."));
    const QCommandLineOption pythonOption(
        QStringLiteral("python"), QStringLiteral("The Python that imports alembic."),
        QStringLiteral("PATH"), QStringLiteral("/usr/bin/python3"));
    // The copy's path shows in the status bar: a fixed one keeps the pictures the same from
    // one run to the next, so a regenerated picture differs only where the window did.
    const QCommandLineOption workOption(
        QStringLiteral("work-dir"),
        QStringLiteral("Where the demo is copied and its databases made (an empty or new "
                       "folder, left in place). Default: a temporary folder, removed."),
        QStringLiteral("DIR"));
    parser.addOption(listOption);
    parser.addOption(pythonOption);
    parser.addOption(workOption);
    parser.process(app);

    QTextStream out(stdout);
    using retort::screenshots::ScreenshotDriver;
    if (parser.isSet(listOption)) {
        for (const auto& scene : ScreenshotDriver::scenes())
            out << scene.name << '\t' << scene.what << '\n';
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    const QString outDir = QDir(parser.positionalArguments().first()).absolutePath();
    QTemporaryDir temporary;
    QString work = temporary.path();
    if (parser.isSet(workOption)) {
        work = QDir(parser.value(workOption)).absolutePath();
        if (!QDir().mkpath(work) || !QDir(work).isEmpty()) {
            QTextStream(stderr) << "retort-screenshots: " << work << " must be an empty folder\n";
            return 3;
        }
    }
    if (!temporary.isValid() || !QDir().mkpath(outDir)) {
        QTextStream(stderr) << "retort-screenshots: cannot make " << outDir << " or a temporary folder\n";
        return 3;
    }
    ScreenshotDriver driver(outDir, work, parser.value(pythonOption));
    if (!driver.run()) {
        QTextStream(stderr) << "retort-screenshots: " << driver.error() << '\n';
        return 1;
    }
    return 0;
}
