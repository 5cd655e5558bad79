#include "app/problemreport.h"

#include "model/layout/graphvizlayouter.h"

#include <Qsci/qsciglobal.h>

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QScreen>
#include <QSysInfo>

namespace retort {

namespace {

QString orUnknown(const QString& value)
{
    return value.isEmpty() ? QCoreApplication::translate("ProblemReport", "unknown") : value;
}

// "alembic 1.8.1" is shown as "1.8.1" after the word Alembic; other descriptions stay whole.
QString alembicVersionText(const QString& describe)
{
    static const QRegularExpression versioned(QStringLiteral("^alembic (\\d)"));
    QString text = describe;
    if (versioned.match(text).hasMatch())
        text.remove(0, 8);
    return text;
}

} // namespace

VersionFacts VersionFacts::current()
{
    VersionFacts v;
    v.retort = QCoreApplication::applicationVersion();
    v.qtRuntime = QString::fromLatin1(qVersion());
    v.qtBuild = QStringLiteral(QT_VERSION_STR);
    v.qscintilla = QStringLiteral(QSCINTILLA_VERSION_STR);
    // Asking the library takes the Graphviz lock, which a long layout may hold: the GUI thread
    // only reads the answer once it was asked elsewhere (MainWindow does so at start-up).
    v.graphviz = GraphvizLayouter::graphvizVersionKnown()
                     ? GraphvizLayouter::graphvizVersion()
                     : QCoreApplication::translate("About", "%1 (built with)")
                           .arg(GraphvizLayouter::graphvizBuildVersion());
    return v;
}

ProblemFacts ProblemFacts::current()
{
    ProblemFacts f;
    f.versions = VersionFacts::current();
    f.os = QSysInfo::prettyProductName();
    f.kernel = QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion();
    f.cpu = QSysInfo::currentCpuArchitecture();
    f.platform = QGuiApplication::platformName();
    f.locale = QLocale().name();
    const QList<QScreen*> screens = QGuiApplication::screens();
    f.screens = int(screens.size());
    if (QScreen* primary = QGuiApplication::primaryScreen())
        f.devicePixelRatio = primary->devicePixelRatio();
    return f;
}

QString reportableDialect(const QString& dialect)
{
    static const QRegularExpression name(QStringLiteral("^[a-z][a-z0-9_]{0,29}$"));
    return name.match(dialect).hasMatch() ? dialect : QStringLiteral("other");
}

QString retortHomePage()
{
    return QStringLiteral("https://github.com/retort/retort");
}

QString retortIssuesPage()
{
    return retortHomePage() + QStringLiteral("/issues");
}

QString aboutText(const VersionFacts& v)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("About", text); };
    const QString alembic =
        v.alembic.isEmpty() ? tr("no project open") : alembicVersionText(v.alembic).toHtmlEscaped();
    return tr("<h3>Retort %1</h3>"
              "<p>A desktop workbench for Alembic database migrations: "
              "the revision graph, the scripts, and where each database stands.</p>")
               .arg(v.retort.toHtmlEscaped())
           + tr("<table cellspacing=\"0\" cellpadding=\"2\">"
                "<tr><td>Qt</td><td>%1 (built with %2)</td></tr>"
                "<tr><td>QScintilla</td><td>%3</td></tr>"
                "<tr><td>Graphviz</td><td>%4</td></tr>"
                "<tr><td>Alembic</td><td>%5</td></tr>"
                "</table>")
                 .arg(v.qtRuntime.toHtmlEscaped(), v.qtBuild.toHtmlEscaped(),
                      v.qscintilla.toHtmlEscaped(), orUnknown(v.graphviz).toHtmlEscaped(),
                      alembic)
           + tr("<p>Free software under the GNU General Public License, version 3 or later.</p>"
                "<p><a href=\"%1\">%1</a></p>")
                 .arg(retortHomePage());
}

QString problemReportText(const ProblemFacts& f, const QString& homePath)
{
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("ProblemReport", text);
    };
    QStringList lines;
    const auto add = [&lines](const QString& label, const QString& value) {
        lines << label + QStringLiteral(": ") + value;
    };
    add(tr("Retort"), orUnknown(f.versions.retort));
    add(tr("Qt"), tr("%1 (built with %2)").arg(f.versions.qtRuntime, f.versions.qtBuild));
    add(tr("QScintilla"), f.versions.qscintilla);
    add(tr("Graphviz"), orUnknown(f.versions.graphviz));
    add(tr("Alembic"), f.projectOpen ? orUnknown(alembicVersionText(f.versions.alembic))
                                     : tr("no project open"));
    add(tr("Python"), orUnknown(f.python));
    add(tr("OS"), orUnknown(f.os));
    add(tr("Kernel"), orUnknown(f.kernel));
    add(tr("CPU"), orUnknown(f.cpu));
    add(tr("Platform plugin"), orUnknown(f.platform));
    add(tr("Locale"), orUnknown(f.locale));
    add(tr("Theme"), orUnknown(f.theme));
    add(tr("Screens"), tr("%1, device pixel ratio %2")
                           .arg(f.screens)
                           .arg(QLocale::c().toString(f.devicePixelRatio, 'g', 3)));
    if (f.projectOpen) {
        add(tr("Project"), tr("%1 revisions, %2 heads, %3 diagnostics")
                               .arg(f.revisions)
                               .arg(f.heads)
                               .arg(f.diagnostics));
    } else {
        add(tr("Project"), tr("none open"));
    }
    QStringList kinds;
    for (const QString& kind : f.databaseKinds) {
        const QString k = reportableDialect(kind);
        if (!kinds.contains(k))
            kinds << k;
    }
    kinds.sort();
    add(tr("Databases"), kinds.isEmpty() ? tr("none") : kinds.join(QStringLiteral(", ")));
    add(tr("Profiles"), QString::number(f.profiles));

    QString text = lines.join(u'\n') + u'\n';
    // A last guard: nothing above should name the home folder or the user, but an OS or
    // kernel string built from local names must not carry them out either.
    const QString home = QDir::cleanPath(homePath);
    if (home.size() > 1) {
        text.replace(home, QStringLiteral("~"));
        const QString user = QDir(home).dirName();
        if (user.size() > 2)
            text.replace(user, QStringLiteral("<user>"), Qt::CaseInsensitive);
    }
    return text;
}

} // namespace retort
