#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace retort {

// How to start alembic for one project, found once per run (a few file checks, no process).
//
// Looked for in this order:
//  1. `.venv/bin/alembic` or `venv/bin/alembic` in the config file's folder or one of the
//     kMaxParentLevels folders above it (projects often keep alembic.ini below the venv's root);
//  2. the configured interpreter (the project setting) with `-m alembic`;
//  3. `alembic` on PATH.
// A configured interpreter that does not exist or cannot be executed is an error even when
// something else would be found: the person asked for it and should learn that it is broken.
//
// The Python interpreter behind the program is known too (for an alembic script, from its
// `#!` line): the runner needs it to run its URL-override bootstrap with alembic's own code.
class AlembicProgram
{
    Q_DECLARE_TR_FUNCTIONS(retort::AlembicProgram)

public:
    enum class Source
    {
        VirtualEnv,  // a venv's alembic script next to the project
        Interpreter, // the configured interpreter, `-m alembic`
        Path         // `alembic` found on PATH
    };

    static constexpr int kMaxParentLevels = 3;

    static Result<AlembicProgram> find(const QString& configDir,
                                       const QString& configuredInterpreter);
    // The same with an explicit search path instead of $PATH (tests, a GUI setting).
    static Result<AlembicProgram> find(const QString& configDir,
                                       const QString& configuredInterpreter,
                                       const QStringList& searchPath);

    Source source() const { return m_source; }
    QString program() const { return m_program; }                     // what QProcess starts
    QStringList arguments(const QStringList& alembicArguments) const; // after program()

    // The Python interpreter alembic runs in and the options it needs (from a `#!` line such
    // as `#!/usr/bin/python3 -s`); empty when an alembic script has no readable `#!` line.
    QString interpreter() const { return m_interpreter; }
    QStringList interpreterArguments() const { return m_interpreterArguments; }

    // Reads the `#!` line of a script: {interpreter, its arguments}; `#!/usr/bin/env NAME`
    // is resolved against `searchPath`. Empty when the file has none.
    static QStringList readShebang(const QString& scriptPath, const QStringList& searchPath);

private:
    Source m_source = Source::Path;
    QString m_program;
    QStringList m_programArguments; // {"-m", "alembic"} for Source::Interpreter
    QString m_interpreter;
    QStringList m_interpreterArguments;
};

} // namespace retort
