#pragma once

#include "model/project/projectid.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace retort {

// One alembic command to run: what to run, where, and with what around it. A plain value,
// built by the application from the project's AlembicConfig and a ConnectionProfile.
struct RunRequest
{
    // The alembic command and its own arguments, after the global options, e.g.
    // {"upgrade", "+1"}, {"downgrade", "ae10:base", "--sql"}, {"stamp", "heads"},
    // {"revision", "-m", "add users"}, {"merge", "-m", "merge", "a", "b"}.
    QStringList command;

    // Several alembic commands (each like `command`) run one after another in one Python
    // process, when not empty (`command` is then not used): alembic takes about half a second
    // to start, which a walk of a hundred commands should pay once. The process prints a
    // SequenceMarker line before and after each command and stops at the first one that
    // raises, with its error. It runs alembic's own command line in the interpreter behind
    // alembic (as the URL override does), so that interpreter must be known.
    QList<QStringList> sequence;

    QString configPath;            // absolute path of alembic.ini / pyproject.toml (-c)
    QString section = ProjectId::defaultSection(); // -n; omitted when the default
    QString workingDirectory;      // the config file's folder

    // How to start alembic; empty fields mean "discover" (see AlembicProgram::find).
    QString interpreter;           // a Python interpreter to run `-m alembic` with

    // Handed to alembic: environment variables (added to the runner's environment) and -x.
    QMap<QString, QString> environment;
    QStringList xArguments;

    // Set when the profile has its own URL instead of the ini's sqlalchemy.url. The URL never
    // goes on a command line (other users can read those): it reaches alembic through the
    // environment, and a small bootstrap sets it as the config's main option before alembic's
    // own CommandLine runs the command.
    QString urlOverride;

    // Which database this run changes (the profile name); the runner refuses a second run for
    // the same key while one is going. Empty for commands that touch no database.
    QString databaseKey;

    // The revisions the plan says will run, in order; progress events count against it.
    QStringList plannedRevisions;
};

} // namespace retort
