#pragma once

#include "model/common/result.h"
#include "model/db/databasestate.h"

#include <QCoreApplication>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace retort {

// The database a stairway may change: a temporary SQLite file in a folder of its own
// (removed with this object), or a database the person marked as scratch (a profile's URL,
// or retort-cli's --url). Either way it must be at base before the walk starts: a stairway
// upgrades and downgrades every revision, which on a database holding data would destroy it.
class ScratchDatabase
{
    Q_DECLARE_TR_FUNCTIONS(retort::ScratchDatabase)

public:
    // A fresh SQLite file (not created yet: alembic creates it on its first command).
    static Result<ScratchDatabase> temporarySqlite();
    // A given URL (with its password: it reaches alembic through the environment only);
    // `display` is what people see (the URL without its password).
    static ScratchDatabase given(const QString& url, const QString& display);

    QString url() const { return m_url; }
    QString display() const { return m_display; }
    bool isTemporary() const { return m_dir != nullptr; }
    // The SQLite file of a temporary database.
    QString file() const { return m_file; }

    // Why a database in `state` may not be used for a stairway (empty when it may): it could
    // not be read, or its version table is not empty.
    static QString refusal(const DatabaseState& state, const QString& display);

private:
    std::shared_ptr<QTemporaryDir> m_dir; // shared: the value is copied into lambdas
    QString m_url;
    QString m_display;
    QString m_file;
};

} // namespace retort
