#pragma once

#include "model/common/workerthread.h"
#include "model/config/sqlalchemyurl.h"
#include "model/db/databasestate.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace retort {

// Reads a database's version table (`SELECT version_num FROM [schema.]table`) through Qt SQL.
//
// The reader owns one WorkerThread; every QSqlDatabase connection is created, used and
// removed on that thread (Qt SQL connections belong to the thread that made them), under a
// unique connection name. read() returns at once with a request id; the result arrives as
// finished(id, state), delivered in the reader's own thread. Nothing here blocks the caller:
// no waiting, no blocking queued connections. Connecting gives up after
// SqlAlchemyUrl::kDefaultConnectTimeoutSeconds unless the URL says otherwise.
//
// Errors come back as DatabaseState::failure() with a message that never contains the
// password. A missing version table is not an error: the database is at base. SQLite files
// are opened read-only and never created; a missing file is at base too (alembic would create
// it), reported as DatabaseState::missingFile(); a missing folder is an error.
class VersionTableReader : public QObject
{
    Q_OBJECT

public:
    explicit VersionTableReader(QObject* parent = nullptr);
    // Drops the queued reads and waits for a running one as WorkerThread::shutdown() does,
    // with a grace a little longer than the default connect timeout.
    ~VersionTableReader() override;

    // `url` is a SQLAlchemy URL; a relative SQLite path resolves against `baseDir` (the
    // config file's folder). `versionTable` empty means "alembic_version"; `schema` is the
    // PostgreSQL schema or the MySQL/MariaDB database (ignored for SQLite, which has none).
    // Returns the request id that finished() will carry. A URL that does not parse is
    // reported through finished() too.
    quint64 read(const QString& url, const QString& baseDir, const QString& versionTable = {},
                 const QString& schema = {});
    // The same with the URL already mapped; `displayUrl` (password hidden) goes into messages.
    quint64 read(const QtSqlTarget& target, const QString& displayUrl,
                 const QString& versionTable = {}, const QString& schema = {});

    // The same reads, done on the calling thread and returned (for the CLI, which has no
    // event loop to wait in, and for tests). Never call these on the GUI thread.
    static DatabaseState readNow(const QString& url, const QString& baseDir,
                                 const QString& versionTable = {}, const QString& schema = {});
    static DatabaseState readNow(const QtSqlTarget& target, const QString& displayUrl,
                                 const QString& versionTable = {}, const QString& schema = {});

signals:
    void finished(quint64 id, const retort::DatabaseState& state);

private:
    quint64 enqueue(std::function<DatabaseState()> job);

    std::unique_ptr<WorkerThread> m_thread;
    quint64 m_nextId = 0;
};

} // namespace retort
