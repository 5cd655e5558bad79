#include "app/cli/schemacommands.h"

#include "app/cli/alembicoption.h"
#include "app/cli/clitext.h"
#include "app/cli/diagnosticsoutput.h"
#include "app/cli/schemajson.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/migration/schemahistory.h"
#include "model/project/projectloader.h"

#include <QDir>
#include <QJsonDocument>

#include <optional>

namespace retort::cli {

namespace {

enum SchemaExit
{
    SchemaOk = 0,
    SchemaRefused = 1,
    SchemaUsage = 2,
    SchemaFailure = 3
};

// What every one of these commands takes: --json, --alembic-version, and the positional
// arguments left (options taking a value are named in `valued`).
struct Arguments
{
    LoadOptions options;
    bool asJson = false;
    QStringList positional;
    QString at; // --at
    bool atGiven = false;
};

Result<Arguments> parse(QStringList args, const QString& section, bool takesAt)
{
    Arguments a;
    const Result<LoadOptions> options = takeLoadOptions(args, section);
    if (!options)
        return retort::Failure{options.error()};
    a.options = *options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1StringView("--json")) {
            a.asJson = true;
        } else if (takesAt && arg == QLatin1StringView("--at")) {
            if (i + 1 >= args.size())
                return retort::Failure{Cli::tr("retort-cli: %1 needs a value").arg(arg)};
            a.at = args.at(++i);
            a.atGiven = true;
        } else if (takesAt && arg.startsWith(QLatin1StringView("--at="))) {
            a.at = arg.mid(5);
            a.atGiven = true;
        } else if (arg.startsWith(QLatin1StringView("--"))) {
            return retort::Failure{Cli::tr("retort-cli: unknown option %1").arg(arg)};
        } else {
            a.positional << arg;
        }
    }
    return a;
}

QString relative(const QString& here, const QString& path)
{
    return here.isEmpty() || path.isEmpty() ? path : QDir(here).relativeFilePath(path);
}

void printFunction(const char* name, const MigrationFunction& f, QTextStream& out)
{
    if (!f.present) {
        out << Cli::tr("%1: not defined").arg(QLatin1StringView(name)) << '\n';
        return;
    }
    out << Cli::tr("%1 (line %2):").arg(QLatin1StringView(name)).arg(f.line) << '\n';
    if (f.empty)
        out << "  " << Cli::tr("(empty: does nothing)") << '\n';
    for (const MigrationOp& op : f.ops)
        out << "  " << Cli::tr("line %1").arg(op.line) << "  " << MigrationOpText::describe(op)
            << '\n';
    if (f.raisesLine > 0)
        out << "  " << Cli::tr("line %1").arg(f.raisesLine) << "  "
            << Cli::tr("Raises %1").arg(f.raises) << '\n';
}

Result<LoadedProject> loadProject(const QString& configPath, const Arguments& a, QTextStream& err,
                                  int* exitCode)
{
    Result<LoadedProject> project = ProjectLoader::load(configPath, a.options);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        *exitCode = SchemaFailure;
    }
    return project;
}

} // namespace

// What `tables` and `schema` both start from: the project, alembic's upgrade from an empty
// database to `target`, and every script's operations. On failure `rc` says why.
struct Replay
{
    LoadedProject project;
    MigrationPlan plan;
    MigrationOpsIndex index;
};

std::optional<Replay> replayTo(const QString& configPath, const Arguments& a, const QString& target,
                               QTextStream& err, int* rc)
{
    const Result<LoadedProject> project = loadProject(configPath, a, err, rc);
    if (!project)
        return std::nullopt;
    *rc = SchemaRefused;
    if (refuseWhenAlembicCannotLoad(*project->graph, project->config.here(), err))
        return std::nullopt;
    Result<MigrationPlan> plan =
        MigrationPlanner(project->graph, project->alembic.rules).upgrade({}, target);
    if (!plan) {
        err << "retort-cli: " << plan.error() << '\n';
        return std::nullopt;
    }
    *rc = SchemaOk;
    MigrationOpsIndex index = MigrationOpsIndex::read(*project->graph);
    return Replay{*project, std::move(*plan), std::move(index)};
}

int runOpsCommand(const QString& configPath, const QString& section, const QStringList& args,
                  QTextStream& out, QTextStream& err)
{
    const Result<Arguments> a = parse(args, section, false);
    if (!a || a->positional.size() != 1) {
        err << (a ? Cli::tr("usage: retort-cli ops REV [--json]") : a.error()) << '\n';
        return SchemaUsage;
    }
    int rc = SchemaOk;
    const Result<LoadedProject> project = loadProject(configPath, *a, err, &rc);
    if (!project)
        return rc;
    const RevisionGraph& graph = *project->graph;
    QString wanted = a->positional.first();
    // "head" as alembic takes it: the one head
    if ((wanted == QLatin1StringView("head") || wanted == QLatin1StringView("heads"))
        && graph.heads().size() == 1)
        wanted = graph.heads().first();
    const IdResolution resolved = graph.resolve(wanted);
    if (!resolved.ok()) {
        err << "retort-cli: " << resolved.error << '\n';
        return SchemaRefused;
    }
    const Revision* rev = graph.revision(resolved.id);
    const MigrationOps ops = MigrationOpsReader::readFile(rev->path);
    const QString here = project->config.here();

    if (a->asJson) {
        QJsonObject root;
        root.insert(QStringLiteral("revision"), rev->id);
        root.insert(QStringLiteral("path"), relative(here, rev->path));
        root.insert(QStringLiteral("message"), rev->message);
        QJsonArray up;
        for (const MigrationOp& op : ops.upgrade.ops)
            up.append(opJson(op));
        QJsonArray down;
        for (const MigrationOp& op : ops.downgrade.ops)
            down.append(opJson(op));
        root.insert(QStringLiteral("upgrade"), up);
        root.insert(QStringLiteral("downgrade"), down);
        root.insert(QStringLiteral("upgrade_function"), functionJson(ops.upgrade));
        root.insert(QStringLiteral("downgrade_function"), functionJson(ops.downgrade));
        root.insert(QStringLiteral("error"), ops.error.isEmpty() ? QJsonValue() : QJsonValue(ops.error));
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return ops.error.isEmpty() ? SchemaOk : SchemaRefused;
    }
    out << Cli::tr("Revision %1: %2").arg(rev->id, rev->message) << '\n'
        << relative(here, rev->path) << "\n\n";
    if (!ops.error.isEmpty()) {
        err << "retort-cli: " << Cli::tr("%1 could not be read: %2").arg(relative(here, rev->path), ops.error)
            << '\n';
        return SchemaRefused;
    }
    printFunction("upgrade()", ops.upgrade, out);
    printFunction("downgrade()", ops.downgrade, out);
    return SchemaOk;
}

int runTablesCommand(const QString& configPath, const QString& section, const QStringList& args,
                     QTextStream& out, QTextStream& err)
{
    const Result<Arguments> a = parse(args, section, false);
    if (!a || !a->positional.isEmpty()) {
        err << (a ? Cli::tr("usage: retort-cli tables [--json]") : a.error()) << '\n';
        return SchemaUsage;
    }
    int rc = SchemaOk;
    const std::optional<Replay> replay =
        replayTo(configPath, *a, QStringLiteral("heads"), err, &rc);
    if (!replay)
        return rc;
    const QList<TableTimeline> timelines = SchemaHistory::tables(replay->index, replay->plan);
    if (a->asJson) {
        QJsonArray tables;
        for (const TableTimeline& t : timelines)
            tables.append(timelineJson(t));
        QJsonObject root;
        root.insert(QStringLiteral("tables"), tables);
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return SchemaOk;
    }
    for (const TableTimeline& t : timelines) {
        QStringList facts;
        if (!t.renamedFrom.isEmpty())
            facts << Cli::tr("renamed from %1").arg(t.renamedFrom);
        facts << (t.createdIn.isEmpty() ? Cli::tr("not created by a migration Retort read")
                                        : Cli::tr("created in %1").arg(t.createdIn));
        if (!t.renamedTo.isEmpty())
            facts << Cli::tr("renamed to %1").arg(t.renamedTo);
        if (!t.droppedIn.isEmpty())
            facts << Cli::tr("dropped in %1").arg(t.droppedIn);
        out << t.name << "  (" << facts.join(QStringLiteral(", ")) << ")\n";
        for (const TableEvent& e : t.events) {
            out << "  " << e.revision << ':' << e.line << "  " << e.op;
            if (!e.column.isEmpty())
                out << ' ' << e.column;
            if (!e.newName.isEmpty())
                out << " -> " << e.newName;
            out << '\n';
        }
    }
    if (timelines.isEmpty())
        out << Cli::tr("No migration Retort read creates or changes a table.") << '\n';
    return SchemaOk;
}

int runSchemaCommand(const QString& configPath, const QString& section, const QStringList& args,
                     QTextStream& out, QTextStream& err)
{
    const Result<Arguments> a = parse(args, section, true);
    if (!a || !a->positional.isEmpty()) {
        err << (a ? Cli::tr("usage: retort-cli schema [--at TARGET] [--json]") : a.error()) << '\n';
        return SchemaUsage;
    }
    int rc = SchemaOk;
    const QString target = a->atGiven ? a->at : QStringLiteral("heads");
    const std::optional<Replay> replay = replayTo(configPath, *a, target, err, &rc);
    if (!replay)
        return rc;
    const Schema schema = SchemaHistory::schemaAt(replay->index, replay->plan);
    if (a->asJson) {
        QJsonObject root = schemaJson(schema);
        root.insert(QStringLiteral("target"), target);
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return SchemaOk;
    }
    out << Cli::tr("Schema after `alembic upgrade %1` from an empty database, at %2: %n table(s)",
                   nullptr, int(schema.tables.size()))
               .arg(target,
                    schema.at.isEmpty() ? Cli::tr("base") : schema.at.join(QStringLiteral(", ")))
        << "\n";
    for (const SchemaTable& t : schema.tables) {
        out << '\n' << (t.schema.isEmpty() ? t.name : t.schema + u'.' + t.name) << '\n';
        qsizetype width = 0;
        for (const SchemaColumn& c : t.columns)
            width = qMax(width, c.name.size());
        for (const SchemaColumn& c : t.columns)
            out << "  " << c.name.leftJustified(width) << "  " << SchemaHistory::describeColumn(c)
                << '\n';
    }
    if (!schema.unknown.isEmpty()) {
        out << '\n'
            << Cli::tr("Retort could not know %n place(s); the schema above leaves them out:",
                       nullptr, int(schema.unknown.size()))
            << '\n';
        for (const SchemaUnknown& u : schema.unknown)
            out << "  " << u.revision << ':' << u.line << "  " << u.why << '\n';
    }
    return SchemaOk;
}

Diagnostics migrationLint(const RevisionGraph& graph)
{
    return MigrationRisks::lint(graph, MigrationOpsIndex::read(graph));
}

} // namespace retort::cli
