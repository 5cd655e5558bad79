#include "app/cli/currentcommand.h"

#include "app/cli/clitext.h"

#include "model/config/alembicconfig.h"
#include "model/config/sqlalchemyurl.h"
#include "model/db/versiontablereader.h"

#include <QCoreApplication>
#include <QDir>

#include <optional>

namespace retort::cli {

namespace {

// The value of `--name VALUE` or `--name=VALUE` at args[*i] (std::nullopt when args[*i] is
// another argument); fails when the value is missing.
Result<std::optional<QString>> takeOption(const QStringList& args, qsizetype* i,
                                          const QString& name)
{
    const QString& a = args.at(*i);
    if (a == name) {
        if (*i + 1 >= args.size())
            return retort::Failure{Cli::tr("retort-cli current: %1 needs a value").arg(name)};
        return std::optional<QString>(args.at(++*i));
    }
    if (a.startsWith(name + u'='))
        return std::optional<QString>(a.mid(name.size() + 1));
    return std::optional<QString>();
}

} // namespace

int runCurrentCommand(const QString& configPath, const QString& section, const QStringList& args,
                      QTextStream& out, QTextStream& err)
{
    QString url, table, schema;
    bool haveUrl = false, haveTable = false, haveSchema = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        bool matched = false;
        struct Opt
        {
            const char* name;
            QString* value;
            bool* seen;
        };
        const Opt opts[] = {{"--url", &url, &haveUrl},
                            {"--version-table", &table, &haveTable},
                            {"--version-table-schema", &schema, &haveSchema}};
        for (const Opt& o : opts) {
            const Result<std::optional<QString>> value =
                takeOption(args, &i, QString::fromLatin1(o.name));
            if (!value) {
                err << value.error() << Qt::endl;
                return 2;
            }
            if (value->has_value()) {
                *o.value = **value;
                *o.seen = true;
                matched = true;
                break;
            }
        }
        if (!matched) {
            err << Cli::tr("retort-cli current: unexpected argument \"%1\"\n"
                      "usage: retort-cli current [--url URL] [--version-table T] "
                      "[--version-table-schema S]")
                       .arg(args.at(i))
                << Qt::endl;
            return 2;
        }
    }

    QString baseDir = QDir::currentPath();
    const Result<AlembicConfig> config = AlembicConfig::load(configPath, section);
    if (config) {
        baseDir = config->here();
        if (!haveUrl)
            url = config->sqlalchemyUrl();
        if (!haveTable)
            table = config->mainOption(QStringLiteral("version_table"));
        if (!haveSchema)
            schema = config->mainOption(QStringLiteral("version_table_schema"));
    } else if (!haveUrl) {
        err << config.error() << Qt::endl;
        return 3;
    }
    if (url.trimmed().isEmpty()) {
        err << Cli::tr("No database URL: set sqlalchemy.url in %1 or pass --url").arg(configPath)
            << Qt::endl;
        return 3;
    }

    const Result<SqlAlchemyUrl> parsed = SqlAlchemyUrl::parse(url.trimmed());
    if (!parsed) {
        err << parsed.error() << Qt::endl;
        return 3;
    }
    const Result<QtSqlTarget> target = parsed->toQtSql(baseDir);
    if (!target) {
        err << target.error() << Qt::endl;
        return 3;
    }
    if (!target->ignoredOptions.isEmpty())
        err << Cli::tr("retort-cli current: URL options not applied: %1")
                   .arg(target->ignoredOptions.join(QLatin1String(", ")))
            << Qt::endl;

    const DatabaseState state =
        VersionTableReader::readNow(target.value(), parsed->toDisplayString(), table, schema);
    if (!state.isReadable()) {
        err << state.error() << Qt::endl;
        return 3;
    }
    // at base either way, but a SQLite file that is not there is worth saying (issue 14):
    // a vanished database must not look like an empty one
    if (state.isFileMissing())
        err << Cli::tr("retort-cli: the SQLite file %1 does not exist: at base (alembic would "
                       "create it on its first run)")
                   .arg(state.missingFile())
            << Qt::endl;
    for (const QString& id : state.sortedCurrentRevisions())
        out << id << '\n';
    out.flush();
    return 0;
}

} // namespace retort::cli
