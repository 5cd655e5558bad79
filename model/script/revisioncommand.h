#pragma once

#include "model/run/runrequest.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace retort {

class AlembicRunner;
struct RunEvent;

// What `alembic revision` is asked for (Script ▸ New Revision…).
struct NewRevisionOptions
{
    QString message;
    QString head = QStringLiteral("head"); // a head id, or "base" for a new branch
    QString branchLabel;                    // optional
    QStringList dependsOn;                  // ids or branch labels
    // --autogenerate: alembic imports the project's env.py, which connects to the database
    // and compares its schema with the models. Never implied: asked for explicitly.
    bool autogenerate = false;
};

// Runs `alembic revision` or `alembic merge` (a RunRequest whose command is one of those)
// through the given AlembicRunner and reports the script alembic generated. start()
// returns at once and finished() follows; nothing ever waits on the process.
class RevisionCommand : public QObject
{
    Q_OBJECT

public:
    // `runner` is shared with the window's other alembic commands; events of other runs are
    // ignored.
    explicit RevisionCommand(AlembicRunner* runner, QObject* parent = nullptr);
    ~RevisionCommand() override;

    // False (and no finished()) when a command is already running.
    bool start(const RunRequest& request);
    bool isRunning() const { return m_runId != 0; }

    // The file alembic wrote, from its "Generating /path/x.py ...  done" line; empty if none.
    static QString generatedPath(const QString& output);
    // The arguments after `alembic` for a new revision: `revision -m MESSAGE --head HEAD`,
    // then `--branch-label`, `--depends-on` (one per entry) and `--autogenerate` as asked.
    static QStringList revisionArguments(const NewRevisionOptions& options);

signals:
    // `path` is the new script (empty on failure); `error` says why it failed in words;
    // `output` is everything alembic printed.
    void finished(const QString& path, const QString& error, const QString& output);

private:
    void onEvent(const RunEvent& event);

    AlembicRunner* m_runner = nullptr;
    quint64 m_runId = 0;
    QString m_workingDirectory;
    QString m_output;
};

} // namespace retort
