#pragma once

#include "model/common/alembicversion.h"
#include "model/common/result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort {

class AlembicProgram;

// Which alembic a program imports, and its version.
//
// find() reads it without running Python: it builds the interpreter's import path as Python
// does at start-up (PYTHONPATH; a venv's site-packages and the folders its .pth files add,
// the base installation's when the venv includes them; the user site unless `-s`; the
// installation's dist-/site-packages) and reads `__version__` from the first
// `alembic/__init__.py` on it. ask() starts the interpreter once instead, for the layouts
// find() does not know (it blocks: call it from a worker or the CLI).
struct InstalledAlembic
{
    Q_DECLARE_TR_FUNCTIONS(retort::InstalledAlembic)

public:
    AlembicVersion version;
    QString packageDir;  // the folder holding alembic/ (empty when asked)
    QString interpreter; // the Python that imports it

    static Result<InstalledAlembic> find(const AlembicProgram& program,
                                         const QProcessEnvironment& environment =
                                             QProcessEnvironment::systemEnvironment());
    static Result<InstalledAlembic> find(const QString& interpreter,
                                         const QStringList& interpreterArguments,
                                         const QProcessEnvironment& environment);
    // The folders Python would search, in order (those that exist).
    static QStringList importPath(const QString& interpreter,
                                  const QStringList& interpreterArguments,
                                  const QProcessEnvironment& environment);
    // Reads `__version__ = "X.Y.Z"` from an alembic/__init__.py.
    static Result<AlembicVersion> readVersionFile(const QString& initPath);

    // Runs in `workingDirectory` (the config's folder, where alembic runs): `-c` puts the
    // working folder first on sys.path, as `-m alembic` does, so both import the same alembic.
    static Result<InstalledAlembic> ask(const AlembicProgram& program,
                                        const QProcessEnvironment& environment,
                                        const QString& workingDirectory, int timeoutMs);
};

} // namespace retort
