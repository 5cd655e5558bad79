#include "model/script/revisioncommand.h"

#include "model/run/alembicrunner.h"
#include "model/run/runevent.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace retort {

RevisionCommand::RevisionCommand(AlembicRunner* runner, QObject* parent)
    : QObject(parent), m_runner(runner)
{
    connect(m_runner, &AlembicRunner::event, this, &RevisionCommand::onEvent);
}

RevisionCommand::~RevisionCommand() = default;

QString RevisionCommand::generatedPath(const QString& output)
{
    static const QRegularExpression generating(
        QStringLiteral("Generating (.+?\\.py) \\.\\.\\.\\s*done"));
    QString path;
    QRegularExpressionMatchIterator it = generating.globalMatch(output);
    while (it.hasNext())
        path = it.next().captured(1).trimmed();
    return path;
}

QStringList RevisionCommand::revisionArguments(const NewRevisionOptions& options)
{
    QStringList args{QStringLiteral("revision"), QStringLiteral("-m"), options.message,
                     QStringLiteral("--head"),
                     options.head.isEmpty() ? QStringLiteral("head") : options.head};
    if (!options.branchLabel.isEmpty())
        args << QStringLiteral("--branch-label") << options.branchLabel;
    for (const QString& dependency : options.dependsOn)
        args << QStringLiteral("--depends-on") << dependency;
    if (options.autogenerate)
        args << QStringLiteral("--autogenerate");
    return args;
}

bool RevisionCommand::start(const RunRequest& request)
{
    if (m_runId != 0)
        return false;
    m_output.clear();
    m_workingDirectory = request.workingDirectory.isEmpty()
                             ? QFileInfo(request.configPath).absolutePath()
                             : request.workingDirectory;
    m_runId = m_runner->start(request);
    return true;
}

void RevisionCommand::onEvent(const RunEvent& event)
{
    if (event.runId != m_runId)
        return;
    if (event.kind == RunEvent::Kind::Output) {
        m_output += event.text + u'\n';
        return;
    }
    if (event.kind != RunEvent::Kind::Finished)
        return;
    m_runId = 0;
    if (event.status != RunEvent::Status::Succeeded) {
        // alembic's last line is its reason ("FAILED: Can't locate revision…").
        emit finished({}, event.reason.isEmpty() ? event.text : event.reason, m_output);
        return;
    }
    const QString path = generatedPath(m_output);
    if (path.isEmpty()) {
        emit finished({}, tr("alembic did not say which file it generated."), m_output);
        return;
    }
    emit finished(QDir::cleanPath(QDir(m_workingDirectory).absoluteFilePath(path)), {}, m_output);
}

} // namespace retort
