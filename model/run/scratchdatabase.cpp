#include "model/run/scratchdatabase.h"

#include <QDir>

namespace retort {

Result<ScratchDatabase> ScratchDatabase::temporarySqlite()
{
    auto dir = std::make_shared<QTemporaryDir>(QDir::tempPath() +
                                               QStringLiteral("/retort-stairway-XXXXXX"));
    if (!dir->isValid())
        return Failure{tr("Cannot make a temporary folder for the stairway's SQLite database: %1")
                           .arg(dir->errorString())};
    ScratchDatabase db;
    db.m_file = dir->filePath(QStringLiteral("stairway.sqlite"));
    // SQLAlchemy: sqlite:/// then the absolute path, which starts with its own '/'
    db.m_url = QStringLiteral("sqlite:///") + db.m_file;
    db.m_display = tr("a temporary SQLite file (%1)").arg(db.m_file);
    db.m_dir = std::move(dir);
    return db;
}

ScratchDatabase ScratchDatabase::given(const QString& url, const QString& display)
{
    ScratchDatabase db;
    db.m_url = url;
    db.m_display = display;
    return db;
}

QString ScratchDatabase::refusal(const DatabaseState& state, const QString& display)
{
    if (!state.isReadable())
        return tr("Cannot read the version table of %1: %2").arg(display, state.error());
    if (!state.isAtBase())
        return tr("%1 is not at base (its version table holds %2). A stairway upgrades and "
                  "downgrades every revision from an empty database: use an empty scratch "
                  "database, or downgrade this one to base first.")
            .arg(display, state.sortedCurrentRevisions().join(QStringLiteral(", ")));
    return {};
}

} // namespace retort
