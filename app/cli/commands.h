#pragma once

#include "model/common/result.h"
#include "model/project/projectid.h"

#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// Exit codes of retort-cli.
enum ExitCode {
    Ok = 0,
    Findings = 1,   // lint found errors
    Usage = 2,      // the command line is wrong
    Failure = 3,    // the project could not be opened
};

struct Invocation
{
    QString configPath = QStringLiteral("alembic.ini");
    QString section = ProjectId::defaultSection();
    QString command;
    QStringList arguments; // after the command, global options removed
};

// Parses argv (without the program name). Fails with what is wrong on misuse.
Result<Invocation> parseInvocation(const QStringList& args);

int run(const Invocation& invocation, QTextStream& out, QTextStream& err);

QString usage();

} // namespace retort::cli
