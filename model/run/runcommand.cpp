#include "model/run/runcommand.h"

#include "model/project/projectid.h"
#include "model/run/sequencemarker.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

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

Result<RunCommand> RunCommand::buildSequence(const RunRequest& request,
                                             const AlembicProgram& alembic, RunCommand c)
{
    if (alembic.interpreter().isEmpty())
        return Result<RunCommand>::failure(
            tr("Cannot run several alembic commands in one process: the Python interpreter "
               "behind %1 is not known (its first line names none). Set the Python interpreter "
               "in the project settings to one that has alembic installed.")
                .arg(alembic.program()));
    RunRequest globals = request;
    globals.command.clear();
    const QStringList options = alembicArguments(globals);
    QJsonArray commands;
    for (const QStringList& command : request.sequence)
        commands.append(QJsonArray::fromStringList(command));
    c.program = alembic.interpreter();
    c.arguments = alembic.interpreterArguments() +
                  QStringList{QStringLiteral("-c"), sequenceBootstrapCode()} + options +
                  QStringList{QString::fromUtf8(QJsonDocument(commands).toJson(QJsonDocument::Compact))};
    if (!request.urlOverride.isEmpty())
        c.environment.insert(QLatin1String(kUrlVariable), request.urlOverride);
    c.display = joined(c.program, alembic.interpreterArguments()) +
                tr(" -c <Retort's bootstrap: %n alembic command(s) in one process> ", nullptr,
                   int(request.sequence.size())) +
                (options.isEmpty() ? QString() : joined(options.value(0), options.mid(1)));
    return c;
}

QString RunCommand::sequenceBootstrapCode()
{
    // Each command goes through alembic's own CommandLine, as a separate `alembic` would run
    // it (a fresh Config, env.py run again), with --raiseerr so that a CommandError reaches
    // the loop like any exception from a migration; it is printed as alembic prints it
    // ("FAILED: ..."), anything else with its traceback. A marker goes to stdout before and
    // after each command; the first failure ends the process with exit status 1.
    return QStringLiteral(
               "import json, os, sys, traceback\n"
               "from alembic import util\n"
               "from alembic.config import CommandLine\n"
               "url = os.environ.pop('%1', None)\n"
               "options, commands = sys.argv[1:-1], json.loads(sys.argv[-1])\n"
               "def mark(index, state, error=None):\n"
               "    m = {'index': index, 'state': state}\n"
               "    if error is not None:\n"
               "        m['error'] = error\n"
               "    sys.stdout.write('%2' + json.dumps(m) + '\\n')\n"
               "    sys.stdout.flush()\n"
               "class RetortCommandLine(CommandLine):\n"
               "    def run_cmd(self, config, options):\n"
               "        if url is not None:\n"
               "            config.set_main_option('sqlalchemy.url', url.replace('%', '%%'))\n"
               "        return super().run_cmd(config, options)\n"
               "cli = RetortCommandLine(prog='alembic')\n"
               "for index, command in enumerate(commands):\n"
               "    mark(index, 'begin')\n"
               "    try:\n"
               "        cli.main(options + ['--raiseerr'] + command)\n"
               "    except BaseException as e:\n"
               "        if isinstance(e, SystemExit) and e.code in (None, 0):\n"
               "            pass\n"
               "        else:\n"
               "            if isinstance(e, util.CommandError):\n"
               "                error = str(e)\n"
               "                sys.stderr.write('FAILED: ' + error + '\\n')\n"
               "            elif isinstance(e, SystemExit):\n"
               "                error = 'alembic exited with status %s' % (e.code,)\n"
               "            else:\n"
               "                traceback.print_exc()\n"
               "                error = ''.join(traceback.format_exception_only(type(e), e)).strip()\n"
               "            sys.stderr.flush()\n"
               "            mark(index, 'failed', error)\n"
               "            sys.exit(1)\n"
               "    mark(index, 'done')\n")
        .arg(QLatin1String(kUrlVariable), QLatin1String(SequenceMarker::kPrefix));
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

    if (!request.sequence.isEmpty())
        return buildSequence(request, alembic, std::move(c));

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
