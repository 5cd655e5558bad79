#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// The versions About and Report a Problem name.
struct VersionFacts
{
    QString retort;
    QString qtRuntime; // qVersion()
    QString qtBuild;   // QT_VERSION_STR
    QString qscintilla;
    QString graphviz;  // the library loaded at run time (the build's until it was asked)
    QString alembic;   // the open project's alembic ("alembic 1.8.1"); empty: no project open

    // The running program's versions (alembic left empty). Never waits for Graphviz.
    static VersionFacts current();
};

// What Help → Report a Problem… summarises. Versions, counts and names of kinds only: the
// builder is given no paths, URLs, host, user or database names and no revision messages.
struct ProblemFacts
{
    VersionFacts versions;
    QString python; // "3.11.2"; empty: not known (yet)
    QString os;     // QSysInfo::prettyProductName()
    QString kernel; // "linux 6.1.0"
    QString cpu;
    QString platform; // the Qt platform plugin
    QString locale;
    QString theme;
    int screens = 0;
    qreal devicePixelRatio = 1.0;
    bool projectOpen = false;
    int revisions = 0;
    int heads = 0;
    int diagnostics = 0;
    QStringList databaseKinds; // SQLAlchemy dialects in use, e.g. "postgresql", "sqlite"
    int profiles = 0;

    // The system's facts (OS, kernel, CPU, platform, locale, screens) and the versions.
    static ProblemFacts current();
};

// The text the About box shows (rich text), with the licence and the home page.
QString aboutText(const VersionFacts& versions);
// The plain-text summary for an issue. `homePath` (and the user's name, taken from it) are
// replaced wherever they would appear, as a last guard.
QString problemReportText(const ProblemFacts& facts, const QString& homePath);
// A SQLAlchemy dialect as the report may name it: the dialect's own name when it looks like
// one ("postgresql"), "other" otherwise (a URL typed wrong must not leak into the report).
QString reportableDialect(const QString& dialect);

// Where Retort lives and where problems are reported.
QString retortHomePage();
QString retortIssuesPage();

} // namespace retort
