#include "projectloader.h"

#include "script/scriptdirectory.h"

#include <QElapsedTimer>

namespace retort {

Result<LoadedProject> ProjectLoader::load(const QString& configPath, const QString& section)
{
    QElapsedTimer timer;
    timer.start();
    Result<AlembicConfig> config = AlembicConfig::load(configPath, section);
    if (!config)
        return Result<LoadedProject>::failure(config.error());

    ScanResult scan = ScriptDirectory::scan(config.value());
    LoadedProject project{std::move(config).value(), nullptr, int(scan.files.size()), 0};
    project.graph = RevisionGraph::build(std::move(scan.revisions), std::move(scan.diagnostics));
    project.elapsedMs = timer.elapsed();
    return project;
}

} // namespace retort
