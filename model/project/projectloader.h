#pragma once

#include "model/common/alembicrules.h"
#include "model/common/result.h"
#include "model/config/alembicconfig.h"
#include "model/graph/revisiongraph.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace retort {

class ScanCache;

// Which alembic a project is read and planned for, and how Retort learnt it.
struct ProjectAlembic
{
    enum class Source
    {
        Given,    // named by the person (retort-cli --alembic-version)
        Found,    // read from the installed package, without running Python
        Asked,    // the interpreter said, when a plan was first asked for (see LoadOptions)
        NotFound  // unknown: the newest rules are used
    };
    AlembicRules rules = AlembicRules::newest();
    Source source = Source::NotFound;
    QString detail; // where it was found, or why it was not
    // The Python that would run alembic, when a program was found (what to ask when the
    // version could not be read from its files).
    QString interpreter;

    // "alembic 1.13.2", "alembic 1.18.4 (not found: ...)"
    QString describe() const;
};

// What ProjectLoader needs besides the config file.
struct LoadOptions
{
    QString section = QStringLiteral("alembic");
    QString interpreter; // the project's configured Python, if any (AlembicProgram::find)
    std::optional<AlembicVersion> alembicVersion; // given; otherwise found
    // What interpreters said when asked (InstalledAlembic::ask), by interpreter path: used
    // when the version cannot be read from the files.
    QHash<QString, AlembicVersion> askedVersions;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Parse results of earlier loads of the same project: unchanged files are not read again
    // (ScriptDirectory::scan). Null: every file is read.
    std::shared_ptr<ScanCache> scanCache;
};

// An opened project: its configuration and the revision graph read from its scripts.
struct LoadedProject
{
    AlembicConfig config;
    std::shared_ptr<const RevisionGraph> graph; // never null
    ProjectAlembic alembic;
    int fileCount = 0; // files that counted as revision scripts
    qint64 elapsedMs = 0;
};

// Reads the configuration, finds which alembic the project runs (statically), scans the
// version folders as that alembic does and builds the graph. A broken configuration is a
// failure; problems in the scripts are diagnostics on the graph.
// Blocks the calling thread (the scan is parallel): call it from a worker in the GUI.
class ProjectLoader
{
public:
    static Result<LoadedProject> load(const QString& configPath, const LoadOptions& options);
    static Result<LoadedProject> load(const QString& configPath,
                                      const QString& section = QStringLiteral("alembic"));

    // Which alembic runs for the project in `configDir` (AlembicProgram's choice), read
    // without running Python.
    static ProjectAlembic findAlembic(const QString& configDir, const LoadOptions& options);
};

} // namespace retort
