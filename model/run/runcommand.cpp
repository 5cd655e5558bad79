#include "model/run/runcommand.h"

#include "model/project/projectid.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace retort {

namespace {

QString quoted(const QString& word)
{
    if (!word.isEmpty() && !word.contains(u' ') && !word.contains(u'"') && !word.contains(u'\'') &&
        !word.contains(u'\n'))
        return word;
    QString w = word;
    w.replace(u'\'', QLatin1String("'\\''"));
    return u'\'' + w + u'\'';
}

QString joined(const QString& program, const QStringList& args)
{
    QStringList words{quoted(program)};
    for (const QString& a : args)
        words << quoted(a);
    return words.join(u' ');
}

} // namespace

QStringList RunCommand::alembicArguments(const RunRequest& request)
{
    QStringList args;
    if (!request.configPath.isEmpty())
        args << QStringLiteral("-c") << request.configPath;
    if (!ProjectId::isDefaultSection(request.section))
        args << QStringLiteral("-n") << request.section;
    for (const QString& x : request.xArguments)
        args << QStringLiteral("-x") << x;
    return args + request.command;
}

QString RunCommand::bootstrapCode()
{
    // alembic's own command line, with the URL set on the Config it builds just before the
    // command runs: CommandLine.main() and run_cmd() exist in every release (1.8 to 1.19),
    // while how main() builds the Config changed (1.16 added pyproject.toml and a repeatable
    // -c), so the Config is left to alembic. configparser interpolates '%', so the URL's own
    // percent signs (quoted passwords) are doubled. The variable is removed so that nothing
    // env.py starts inherits the URL.
    return QStringLiteral(
               "import os, sys\n"
               "from alembic.config import CommandLine\n"
               "url = os.environ.pop('%1', '')\n"
               "class RetortCommandLine(CommandLine):\n"
               "    def run_cmd(self, config, options):\n"
               "        config.set_main_option('sqlalchemy.url', url.replace('%', '%%'))\n"
               "        return super().run_cmd(config, options)\n"
               "RetortCommandLine(prog='alembic').main(sys.argv[1:])\n")
        .arg(QLatin1String(kUrlVariable));
}

Result<RunCommand> RunCommand::build(const RunRequest& request, const AlembicProgram& alembic,
                                     const QProcessEnvironment& base)
{
    RunCommand c;
    c.workingDirectory = request.workingDirectory.isEmpty()
                             ? QFileInfo(request.configPath).absolutePath()
                             : request.workingDirectory;
    c.environment = base;
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it)
        c.environment.insert(it.key(), it.value());
    // Lines must arrive as they are printed, not when Python's buffer fills or at exit.
    c.environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    // Output is decoded as UTF-8 whatever the locale of the machine says.
    if (!request.environment.contains(QStringLiteral("PYTHONIOENCODING")))
        c.environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    c.environment.remove(QLatin1String(kUrlVariable));

    const QStringList args = alembicArguments(request);
    if (request.urlOverride.isEmpty()) {
        c.program = alembic.program();
        c.arguments = alembic.arguments(args);
        c.display = joined(c.program, c.arguments);
        return c;
    }

    if (alembic.interpreter().isEmpty())
        return Result<RunCommand>::failure(
            tr("Cannot use this connection's own URL: the Python interpreter behind %1 is not "
               "known (its first line names none). Set the Python interpreter in the project "
               "settings to one that has alembic installed.")
                .arg(alembic.program()));
    c.program = alembic.interpreter();
    c.arguments =
        alembic.interpreterArguments() + QStringList{QStringLiteral("-c"), bootstrapCode()} + args;
    c.environment.insert(QLatin1String(kUrlVariable), request.urlOverride);
    c.display = joined(c.program, alembic.interpreterArguments()) +
                tr(" -c <Retort's bootstrap: alembic with the connection's URL> ") +
                joined(args.value(0), args.mid(1));
    return c;
}

} // namespace retort
