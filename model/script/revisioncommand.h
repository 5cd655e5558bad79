#pragma once

#include "run/runrequest.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <QProcess>

namespace retort {

// Runs `alembic revision` or `alembic merge` (a RunRequest whose command is one of those)
// and reports the script alembic generated. The process runs asynchronously: start()
// returns at once and finished() follows; nothing ever waits on it.
//
// Stop-gap until AlembicRunner (model/run) is on this branch: these commands touch no
// database, are short, and only need the generated path from the output.
class RevisionCommand : public QObject
{
    Q_OBJECT

public:
    explicit RevisionCommand(QObject* parent = nullptr);
    ~RevisionCommand() override;

    // False (and no finished()) when a command is already running.
    bool start(const RunRequest& request);
    bool isRunning() const { return m_process != nullptr; }

    // The program and arguments `request` runs: `interpreter -m alembic` when an
    // interpreter is set, else `alembic` from PATH, else `python3 -m alembic`.
    static QStringList commandLine(const RunRequest& request);
    // The file alembic wrote, from its "Generating /path/x.py ...  done" line; empty if none.
    static QString generatedPath(const QString& output);

signals:
    // `path` is the new script (empty on failure); `error` says why it failed in words;
    // `output` is everything alembic printed.
    void finished(const QString& path, const QString& error, const QString& output);

private:
    QPointer<QProcess> m_process;
    QString m_output;
};

} // namespace retort
