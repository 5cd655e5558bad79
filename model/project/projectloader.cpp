#include "model/project/projectloader.h"

#include "model/run/alembicprogram.h"
#include "model/run/installedalembic.h"
#include "model/script/scriptdirectory.h"

#include "model/common/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

namespace retort {

QString ProjectAlembic::describe() const
{
    if (source != Source::NotFound)
        return rules.describe();
    return QCoreApplication::translate("ProjectAlembic",
                                       "alembic not found (planned with the rules of %1)")
        .arg(rules.version().toString());
}

ProjectAlembic ProjectLoader::findAlembic(const QString& configDir, const LoadOptions& options)
{
    ProjectAlembic found;
    if (options.alembicVersion) {
        found.rules = AlembicRules::forVersion(*options.alembicVersion);
        found.source = ProjectAlembic::Source::Given;
        return found;
    }
    const QStringList searchPath =
        options.environment.value(QStringLiteral("PATH")).split(u':', Qt::SkipEmptyParts);
    const Result<AlembicProgram> program =
        AlembicProgram::find(configDir, options.interpreter, searchPath);
    if (!program) {
        found.detail = program.error();
        return found;
    }
    found.interpreter = program->interpreter();
    const Result<InstalledAlembic> installed = InstalledAlembic::find(*program, options.environment);
    if (!installed) {
        const auto asked = options.askedVersions.constFind(found.interpreter);
        if (asked != options.askedVersions.constEnd()) {
            found.rules = AlembicRules::forVersion(*asked);
            found.source = ProjectAlembic::Source::Asked;
            found.detail = found.interpreter;
            return found;
        }
        found.detail = installed.error();
        return found;
    }
    found.rules = AlembicRules::forVersion(installed->version);
    found.source = ProjectAlembic::Source::Found;
    found.detail = installed->packageDir;
    return found;
}

Result<LoadedProject> ProjectLoader::load(const QString& configPath, const QString& section)
{
    LoadOptions options;
    options.section = section;
    return load(configPath, options);
}

Result<LoadedProject> ProjectLoader::load(const QString& configPath, const LoadOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    // which alembic first: it decides how the config itself is read
    ProjectAlembic alembic = findAlembic(QFileInfo(configPath).absolutePath(), options);
    Result<AlembicConfig> config = AlembicConfig::load(configPath, options.section, alembic.rules);
    Diagnostics configDiagnostics;
    if (!config && !alembic.rules.readsPyprojectToml()) {
        // A pyproject.toml (or path_separator) the alembic found cannot read: show the
        // project as newer alembic reads it, and say that this alembic will refuse it.
        Result<AlembicConfig> newer = AlembicConfig::load(configPath, options.section);
        if (newer) {
            configDiagnostics.append(Diagnostic::fatal(
                QFileInfo(configPath).absoluteFilePath(), 0,
                QCoreApplication::translate("ProjectLoader",
                                            "%1 cannot read this configuration: %2. The graph "
                                            "shows it as alembic 1.16 or newer reads it.")
                    .arg(alembic.describe(), config.error())));
            config = std::move(newer);
        }
    }
    if (!config)
        return Result<LoadedProject>::failure(config.error());
    const qint64 configMs = timer.elapsed();
    ScanResult scan = ScriptDirectory::scan(config.value(), alembic.rules, options.scanCache.get());
    scan.diagnostics = configDiagnostics + scan.diagnostics;
    const qint64 scanMs = timer.elapsed();
    LoadedProject project{std::move(config).value(), nullptr, std::move(alembic),
                          int(scan.files.size()), 0};
    project.graph = RevisionGraph::build(std::move(scan.revisions), std::move(scan.diagnostics));
    project.elapsedMs = timer.elapsed();
    qCDebug(lcGraph) << "loaded" << configPath << "for" << project.alembic.describe() << "in"
                     << project.elapsedMs << "ms: config" << configMs << "ms, scan"
                     << scanMs - configMs << "ms, graph" << project.elapsedMs - scanMs << "ms";
    return project;
}

} // namespace retort
