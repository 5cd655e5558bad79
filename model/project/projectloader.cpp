#include "model/project/projectloader.h"

#include "model/script/scriptdirectory.h"

#include "model/common/logging.h"

#include <QElapsedTimer>

namespace retort {

Result<LoadedProject> ProjectLoader::load(const QString& configPath, const QString& section)
{
    QElapsedTimer timer;
    timer.start();
    Result<AlembicConfig> config = AlembicConfig::load(configPath, section);
    if (!config)
        return Result<LoadedProject>::failure(config.error());

    const qint64 configMs = timer.elapsed();
    ScanResult scan = ScriptDirectory::scan(config.value());
    const qint64 scanMs = timer.elapsed();
    LoadedProject project{std::move(config).value(), nullptr, int(scan.files.size()), 0};
    project.graph = RevisionGraph::build(std::move(scan.revisions), std::move(scan.diagnostics));
    project.elapsedMs = timer.elapsed();
    qCDebug(lcGraph) << "loaded" << configPath << "in" << project.elapsedMs << "ms: config"
                     << configMs << "ms, scan" << scanMs - configMs << "ms, graph"
                     << project.elapsedMs - scanMs << "ms";
    return project;
}

} // namespace retort
