#pragma once

#include "model/common/result.h"
#include "model/config/alembicconfig.h"
#include "model/graph/revisiongraph.h"

#include <memory>

namespace retort {

// An opened project: its configuration and the revision graph read from its scripts.
struct LoadedProject
{
    AlembicConfig config;
    std::shared_ptr<const RevisionGraph> graph; // never null
    int fileCount = 0;                           // files that counted as revision scripts
    qint64 elapsedMs = 0;
};

// Reads the configuration, scans the version folders and builds the graph. A broken
// configuration is a failure; problems in the scripts are diagnostics on the graph.
// Blocks the calling thread (the scan is parallel): call it from a worker in the GUI.
class ProjectLoader
{
public:
    static Result<LoadedProject> load(const QString& configPath,
                                      const QString& section = QStringLiteral("alembic"));
};

} // namespace retort
