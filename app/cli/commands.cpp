#include "app/cli/commands.h"

#include "app/cli/alembicoption.h"

#include "app/cli/clitext.h"

#include "app/cli/currentcommand.h"
#include "app/cli/diagnosticsoutput.h"
#include "app/cli/exportcommand.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/comparecommand.h"
#include "app/cli/plancommand.h"
#include "app/cli/schemacommands.h"
#include "app/cli/stairwaycommand.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/project/gitauthors.h"
#include "model/project/projectloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace retort::cli {

namespace {

bool takeFlag(QStringList& args, const QString& flag)
{
    return args.removeAll(flag) > 0;
}

// `alembic history`'s line (Script.cmd_format with parents, branches and doc):
// "<down> (<depends_on>) -> <rev> (<labels>) (head) (branchpoint) (mergepoint), <doc>".
// Labels are the inherited ones, sorted (alembic prints a Python set, in no fixed order).
QString historyLine(const RevisionGraph& graph, const Revision& rev)
{
    QString line = rev.downRevisions.isEmpty() ? QStringLiteral("<base>")
                                               : rev.downRevisions.join(QStringLiteral(", "));
    if (!rev.dependsOn.isEmpty())
        line += QStringLiteral(" (") + rev.dependsOn.join(QStringLiteral(", ")) + u')';
    line += QStringLiteral(" -> ") + rev.id;
    const QStringList labels = graph.branchLabels(rev.id);
    if (!labels.isEmpty())
        line += QStringLiteral(" (") + labels.join(QStringLiteral(", ")) + u')';
    if (graph.isHead(rev.id))
        line += graph.dependents(rev.id).isEmpty() ? QStringLiteral(" (head)")
                                                   : QStringLiteral(" (effective head)");
    if (graph.isBranchPoint(rev.id))
        line += QStringLiteral(" (branchpoint)");
    if (graph.isMergePoint(rev.id))
        line += QStringLiteral(" (mergepoint)");
    line += QStringLiteral(", ") + rev.message;
    return line;
}

int unexpectedArguments(const QStringList& args, QTextStream& err)
{
    if (args.isEmpty())
        return Ok;
    err << Cli::tr("retort-cli: unexpected argument '%1'").arg(args.first()) << '\n';
    return Usage;
}

} // namespace

QString usage()
{
    return Cli::tr("usage: retort-cli [-c CONFIG] [-n SECTION] COMMAND [options]\n"
              "\n"
              "Reads an Alembic project without running Python (except stairway).\n"
              "\n"
              "commands:\n"
              "  graph --json      the revision graph as JSON\n"
              "  heads             the head revisions, one id per line, sorted\n"
              "  history           every revision, newest first, as alembic prints it\n"
              "                    (heads, history and plan exit 1 where alembic could not\n"
              "                    load the project, with the reasons on stderr)\n"
              "  lint [--json]     the diagnostics, and warnings about downgrades that lose\n"
              "                    data or undo nothing; exit status 1 when there are errors\n"
              "  current [--url URL] [--version-table T] [--version-table-schema S]\n"
              "                    the ids in the database's version table, sorted\n"
              "  plan {upgrade|downgrade} TARGET [--current REV]... | [--at-base] | [--url URL]\n"
              "       [--json]     the steps alembic would run, in order (TARGET as alembic\n"
              "                    takes it: heads, base, ae10, label@head, +1, -1, ...),\n"
              "                    from the project's database unless --current rows or\n"
              "                    --at-base describe another state\n"
              "  plan stamp TARGET... [--current REV]... [--purge] [--json]\n"
              "                    the version rows `alembic stamp` would leave\n"
              "  compare --url A (--url B | --revision REV) [--json]\n"
              "                    what each of two databases has applied that the other\n"
              "                    has not, and the alembic commands that bring A to\n"
              "                    exactly where B stands (or to REV)\n"
              "  export --format dot|svg|png -o FILE   the graph as a picture (same layout as the window)\n"
              "  ops REV [--json]  what the revision's upgrade() and downgrade() do, read\n"
              "                    without running them (REV: an id, a prefix or a label)\n"
              "  tables [--json]   every table the migrations touch, with the revisions that\n"
              "                    create, change, rename and drop it\n"
              "  schema [--at TARGET] [--json]\n"
              "                    the tables and columns after `alembic upgrade TARGET` from\n"
              "                    an empty database (default: heads), and what Retort could\n"
              "                    not know (raw SQL, code it does not read)\n"
              "  stairway [--url URL] [--json]\n"
              "                    RUNS alembic (the project's env.py and migrations): on a\n"
              "                    scratch database, upgrade to every revision in alembic's\n"
              "                    order, downgrade it and upgrade it again; stops at the first\n"
              "                    failure (exit status 1). Without --url a temporary SQLite\n"
              "                    file, removed afterwards; the project's own database is never\n"
              "                    touched. --url must name an empty scratch database (its\n"
              "                    version table empty or missing); any other is refused\n"
              "\n"
              "options:\n"
              "  -c, --config FILE   alembic.ini or pyproject.toml (default: ./alembic.ini)\n"
              "  -n, --name SECTION  the ini section to use (default: alembic)\n"
              "  --alembic-version X.Y.Z   read and plan as that alembic does (graph, heads,\n"
              "                      history, lint, plan); by default the version installed\n"
              "                      for the project is read from its files, else the newest\n"
              "                      rules Retort knows are used\n"
              "  --version           print the version\n"
              "  -h, --help          print this help\n");
}

Result<Invocation> parseInvocation(const QStringList& args)
{
    Invocation inv;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        // The argument after an option that takes one.
        auto value = [&]() -> Result<QString> {
            if (i + 1 >= args.size())
                return retort::Failure{Cli::tr("option %1 needs a value").arg(a)};
            return args.at(++i);
        };
        if (a == QLatin1StringView("-c") || a == QLatin1StringView("--config")) {
            Result<QString> path = value();
            if (!path)
                return retort::Failure{path.error()};
            inv.configPath = std::move(*path);
        } else if (a.startsWith(QLatin1StringView("--config="))) {
            inv.configPath = a.mid(9);
        } else if (a == QLatin1StringView("-n") || a == QLatin1StringView("--name")) {
            Result<QString> section = value();
            if (!section)
                return retort::Failure{section.error()};
            inv.section = std::move(*section);
        } else if (a.startsWith(QLatin1StringView("--name="))) {
            inv.section = a.mid(7);
        } else if (inv.command.isEmpty() && a.startsWith(u'-')
                   && a != QLatin1StringView("--version") && a != QLatin1StringView("--help")
                   && a != QLatin1StringView("-h")) {
            return retort::Failure{Cli::tr("unknown option '%1'").arg(a)};
        } else if (inv.command.isEmpty()) {
            inv.command = a;
        } else {
            inv.arguments.append(a);
        }
    }
    if (inv.command.isEmpty())
        return retort::Failure{Cli::tr("no command given")};
    return inv;
}

int run(const Invocation& inv, QTextStream& out, QTextStream& err)
{
    QStringList args = inv.arguments;
    if (inv.command == QLatin1StringView("--version")) {
        out << "retort-cli " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (inv.command == QLatin1StringView("--help") || inv.command == QLatin1StringView("-h")
        || inv.command == QLatin1StringView("help")) {
        out << usage();
        return Ok;
    }
    if (inv.command == QLatin1StringView("plan"))
        return runPlanCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("compare"))
        return runCompareCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("export"))
        return runExportCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("current"))
        return runCurrentCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("ops"))
        return runOpsCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("tables"))
        return runTablesCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("schema"))
        return runSchemaCommand(inv.configPath, inv.section, inv.arguments, out, err);
    if (inv.command == QLatin1StringView("stairway"))
        return runStairwayCommand(inv.configPath, inv.section, inv.arguments, out, err);
    static const QStringList known = {QStringLiteral("graph"), QStringLiteral("heads"),
                                      QStringLiteral("history"), QStringLiteral("lint")};
    if (!known.contains(inv.command)) {
        err << Cli::tr("retort-cli: unknown command '%1'").arg(inv.command) << "\n\n" << usage();
        return Usage;
    }

    const bool asJson = takeFlag(args, QStringLiteral("--json"));
    if (inv.command == QLatin1StringView("graph") && !asJson) {
        err << Cli::tr("retort-cli: graph needs --json (the only format so far)") << '\n';
        return Usage;
    }
    if ((inv.command == QLatin1StringView("heads") || inv.command == QLatin1StringView("history"))
        && asJson) {
        err << Cli::tr("retort-cli: %1 has no --json form; use graph --json").arg(inv.command) << '\n';
        return Usage;
    }
    const Result<LoadOptions> options = takeLoadOptions(args, inv.section);
    if (!options) {
        err << options.error() << '\n';
        return Usage;
    }
    if (const int rc = unexpectedArguments(args, err); rc != Ok)
        return rc;

    const Result<LoadedProject> project = ProjectLoader::load(inv.configPath, *options);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        return Failure;
    }
    const RevisionGraph& graph = *project->graph;
    const QString here = project->config.here();

    if (inv.command == QLatin1StringView("graph")) {
        // who added each file, when the project is in a git work tree (else nothing)
        const GitAuthors git = GitAuthors::read(graph, here);
        out << QJsonDocument(json::graph(graph, here, &git)).toJson(QJsonDocument::Indented);
        return Ok;
    }
    if (inv.command == QLatin1StringView("heads") || inv.command == QLatin1StringView("history")) {
        // alembic loads every file first: where it cannot, `alembic heads` / `history` fail.
        if (refuseWhenAlembicCannotLoad(graph, here, err))
            return Findings;
    }
    if (inv.command == QLatin1StringView("heads")) {
        for (const QString& id : graph.heads())
            out << id << '\n';
        return Ok;
    }
    if (inv.command == QLatin1StringView("history")) {
        // alembic's walk_revisions("base", "heads") is iterate_revisions("heads", "base"):
        // the revisions `upgrade heads` runs from an empty database, newest first.
        const Result<MigrationPlan> walk = MigrationPlanner(project->graph, project->alembic.rules).upgrade({}, QStringLiteral("heads"));
        if (!walk) {
            err << "retort-cli: " << walk.error() << '\n';
            return Findings;
        }
        for (auto it = walk->steps.crbegin(); it != walk->steps.crend(); ++it)
            out << historyLine(graph, *graph.revision(it->revision)) << '\n';
        return Ok;
    }
    // lint: the graph's diagnostics, then the migrations' (warnings only: the exit status is
    // the graph's)
    const Diagnostics all = graph.diagnostics() + migrationLint(graph);
    if (asJson) {
        QJsonObject root;
        root.insert(QStringLiteral("diagnostics"), json::diagnostics(all, here));
        root.insert(QStringLiteral("errors"), hasErrors(graph.diagnostics()));
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        printDiagnosticsText(all, here, out);
        if (all.isEmpty())
            out << Cli::tr("%n revision(s), no problems found.", nullptr, graph.size()) << '\n';
    }
    return hasErrors(graph.diagnostics()) ? Findings : Ok;
}

} // namespace retort::cli
