#include "script/revisioncommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace retort {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("retort::RevisionCommand", text);
}

} // namespace

RevisionCommand::RevisionCommand(QObject* parent) : QObject(parent) {}

RevisionCommand::~RevisionCommand()
{
    // The QProcess is a child: it goes with us (and kills alembic); say nothing more.
    if (m_process)
        m_process->disconnect(this);
}

QStringList RevisionCommand::commandLine(const RunRequest& request)
{
    QStringList line;
    if (!request.interpreter.isEmpty()) {
        line << request.interpreter << QStringLiteral("-m") << QStringLiteral("alembic");
    } else if (const QString alembic = QStandardPaths::findExecutable(QStringLiteral("alembic"));
               !alembic.isEmpty()) {
        line << alembic;
    } else {
        line << QStringLiteral("python3") << QStringLiteral("-m") << QStringLiteral("alembic");
    }
    line << QStringLiteral("-c") << request.configPath;
    if (!request.section.isEmpty() && request.section != QLatin1String("alembic"))
        line << QStringLiteral("-n") << request.section;
    for (const QString& x : request.xArguments)
        line << QStringLiteral("-x") << x;
    line << request.command;
    return line;
}

QString RevisionCommand::generatedPath(const QString& output)
{
    static const QRegularExpression generating(
        QStringLiteral("Generating (.+?\\.py) \\.\\.\\.\\s*done"));
    QString path;
    // The last one wins: alembic prints only one, but keep to what it wrote last.
    QRegularExpressionMatchIterator it = generating.globalMatch(output);
    while (it.hasNext())
        path = it.next().captured(1).trimmed();
    return path;
}

bool RevisionCommand::start(const RunRequest& request)
{
    if (m_process)
        return false;
    const QStringList line = commandLine(request);
    auto* process = new QProcess(this);
    m_process = process;
    m_output.clear();
    process->setProcessChannelMode(QProcess::MergedChannels);
    const QString workingDirectory = request.workingDirectory.isEmpty()
                                         ? QFileInfo(request.configPath).absolutePath()
                                         : request.workingDirectory;
    process->setWorkingDirectory(workingDirectory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    process->setProcessEnvironment(environment);

    connect(process, &QProcess::readyRead, this,
            [this, process] { m_output += QString::fromUtf8(process->readAll()); });
    connect(process, &QProcess::errorOccurred, this, [this, process, line](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // the others end in finished()
        process->deleteLater();
        m_process = nullptr;
        emit finished({}, tr("Could not start %1: %2").arg(line.first(), process->errorString()),
                      m_output);
    });
    connect(process, &QProcess::finished, this,
            [this, process, workingDirectory](int exitCode, QProcess::ExitStatus status) {
                m_output += QString::fromUtf8(process->readAll());
                process->deleteLater();
                m_process = nullptr;
                const QString path = generatedPath(m_output);
                if (status != QProcess::NormalExit || exitCode != 0) {
                    // alembic's last line is its reason ("FAILED: Multiple heads are present…").
                    const QStringList lines = m_output.trimmed().split(u'\n');
                    emit finished({}, lines.isEmpty() || lines.last().isEmpty()
                                          ? tr("alembic failed with exit code %1").arg(exitCode)
                                          : lines.last().trimmed(),
                                  m_output);
                    return;
                }
                if (path.isEmpty()) {
                    emit finished({}, tr("alembic did not say which file it generated."), m_output);
                    return;
                }
                emit finished(QDir::cleanPath(QDir(workingDirectory).absoluteFilePath(path)), {}, m_output);
            });
    process->start(line.first(), line.mid(1));
    return true;
}

} // namespace retort
