#include "app/cli/exportcommand.h"

#include "app/cli/clitext.h"

#include "model/common/savefile.h"
#include "model/layout/graphexporter.h"
#include "model/layout/graphvizlayouter.h"
#include "model/project/projectloader.h"

#include <QCoreApplication>

namespace retort::cli {

namespace {

enum ExportExit
{
    ExportOk = 0,
    ExportUsage = 2,
    ExportFailure = 3
};

} // namespace

int runExportCommand(const QString& configPath, const QString& section, const QStringList& argsIn,
                     QTextStream& out, QTextStream& err)
{
    Q_UNUSED(out);
    QStringList args = argsIn;
    if (!args.isEmpty() && args.first() == QLatin1StringView("export"))
        args.removeFirst();

    QString format;
    QString outputPath;
    const QString usage = Cli::tr("usage: retort-cli export --format dot|svg|png -o FILE");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        // The argument after an option that takes one.
        auto value = [&]() -> Result<QString> {
            if (i + 1 >= args.size())
                return retort::Failure{Cli::tr("retort-cli: %1 needs a value").arg(a)};
            return args.at(++i);
        };
        if (a == QLatin1StringView("--format") || a == QLatin1StringView("-f")) {
            const Result<QString> given = value();
            if (!given) {
                err << given.error() << '\n';
                return ExportUsage;
            }
            format = *given;
        } else if (a.startsWith(QLatin1StringView("--format="))) {
            format = a.mid(9);
        } else if (a == QLatin1StringView("-o") || a == QLatin1StringView("--output")) {
            const Result<QString> given = value();
            if (!given) {
                err << given.error() << '\n';
                return ExportUsage;
            }
            outputPath = *given;
        } else if (a.startsWith(QLatin1StringView("--output="))) {
            outputPath = a.mid(9);
        } else {
            err << Cli::tr("retort-cli: export: unexpected argument %1").arg(a) << '\n' << usage << '\n';
            return ExportUsage;
        }
    }
    format = format.toLower();
    if (format != QLatin1StringView("dot") && format != QLatin1StringView("svg") &&
        format != QLatin1StringView("png")) {
        if (!format.isEmpty())
            err << Cli::tr("retort-cli: export: unknown format '%1'").arg(format) << '\n';
        err << usage << '\n';
        return ExportUsage;
    }
    if (outputPath.isEmpty()) {
        err << usage << '\n';
        return ExportUsage;
    }

    const Result<LoadedProject> project = ProjectLoader::load(configPath, section);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        return ExportFailure;
    }
    const RevisionGraph& graph = *project->graph;
    const GraphLayout layout = GraphvizLayouter::layoutNow(graph);
    if (!layout.isValid()) {
        err << "retort-cli: " << layout.error << '\n';
        return ExportFailure;
    }

    if (format == QLatin1StringView("png") && graph.isEmpty()) {
        err << Cli::tr("retort-cli: export: the project has no revisions to draw") << '\n';
        return ExportFailure;
    }
    // The window writes DOT through the same exporter; it draws SVG and PNG from its scene,
    // which the CLI (no widgets) cannot: here they come from the layout.
    const LayoutExporter exporter(format, project->graph, layout);
    const Result<QByteArray> bytes = exporter.render();
    if (!bytes) {
        err << "retort-cli: " << bytes.error() << '\n';
        return ExportFailure;
    }
    if (const Result<void> written = saveFile(outputPath, *bytes); !written) {
        err << "retort-cli: " << written.error() << '\n';
        return ExportFailure;
    }
    return ExportOk;
}

} // namespace retort::cli
