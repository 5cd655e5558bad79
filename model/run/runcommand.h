#pragma once

#include "model/common/result.h"
#include "model/run/alembicprogram.h"
#include "model/run/runrequest.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort {

// The exact process a RunRequest becomes: program, arguments, environment and working folder,
// plus the command line shown to people. Built without starting anything, so the benchmark
// and the tests can run the very same command directly.
//
// alembic's global options come first: [-c config] [-n section] [-x arg]... then the command.
// With a URL override the program is the interpreter behind alembic running a small
// bootstrap (`-c CODE`) that parses the same arguments with alembic's own CommandLine, sets
// sqlalchemy.url from the environment variable kUrlVariable and runs the command: the URL
// never appears on a command line, where other users of the machine could read it.
// A request with a `sequence` always runs the interpreter with the sequence bootstrap, which
// runs each command through alembic's CommandLine in turn (see SequenceMarker).
struct RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(retort::RunCommand)
public:

    static constexpr const char* kUrlVariable = "RETORT_ALEMBIC_URL";

    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    QString workingDirectory;
    QString display; // for people: the bootstrap is abbreviated, the URL never shown

    static Result<RunCommand>
    build(const RunRequest& request, const AlembicProgram& alembic,
          const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment());
    static QStringList alembicArguments(const RunRequest& request);
    static QString bootstrapCode();
    // The bootstrap of a RunRequest::sequence: its last argument is the commands as a JSON
    // array of arrays; the global options come before it.
    static QString sequenceBootstrapCode();

private:
    static Result<RunCommand> buildSequence(const RunRequest& request,
                                            const AlembicProgram& alembic, RunCommand c);
};

} // namespace retort
