#pragma once

#include "model/project/projectid.h"
#include "model/project/projectloader.h"

#include <QString>

#include <memory>

namespace retort {

class AlembicConfig;
class MigrationPlanner;
class RevisionGraph;

// One loaded project, as a plain value: which project it is, its configuration, its revision
// graph and the planner built on that graph. Published once per load; views and controllers
// take it whole (setProject) rather than asking for its parts one by one.
struct ProjectSnapshot
{
    ProjectId id;
    std::shared_ptr<const AlembicConfig> config;
    std::shared_ptr<const RevisionGraph> graph;
    std::shared_ptr<const MigrationPlanner> planner;
    ProjectAlembic alembic; // which alembic the graph was read and the plans are made for

    bool isLoaded() const { return graph != nullptr; }
    // The project's folder (the config's %(here)s), or "" when nothing is loaded.
    QString root() const;
};

} // namespace retort
