#include "model/migration/schemahistory.h"

#include "model/graph/revisiongraph.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <optional>

namespace retort {

MigrationOpsIndex MigrationOpsIndex::read(const RevisionGraph& graph,
                                          const std::function<bool()>& cancelled)
{
    struct Item
    {
        QString id;
        QString path;
    };
    QList<Item> items;
    items.reserve(graph.size());
    for (const Revision& rev : graph.revisions()) {
        if (!rev.path.isEmpty())
            items.append({rev.id, rev.path});
    }

    // A pool of its own, made for this call (as ScriptDirectory::scan does): the callers run
    // inside LatestJob work on a pool themselves, and waiting for work queued on the global
    // pool from one of its own threads deadlocks once every thread of it waits.
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    const auto readOne = [&cancelled](const Item& item) -> std::optional<MigrationOps> {
        if (cancelled && cancelled())
            return std::nullopt;
        return MigrationOpsReader::readFile(item.path);
    };
    const QList<std::optional<MigrationOps>> read =
        QtConcurrent::blockingMapped<QList<std::optional<MigrationOps>>>(&pool, items, readOne);

    MigrationOpsIndex index;
    for (qsizetype i = 0; i < read.size(); ++i) {
        if (read.at(i))
            index.insert(items.at(i).id, *read.at(i));
    }
    return index;
}

const MigrationOps* MigrationOpsIndex::ops(const QString& revision) const
{
    const auto it = m_ops.constFind(revision);
    return it == m_ops.cend() ? nullptr : &it.value();
}

const SchemaTable* Schema::table(const QString& name) const
{
    for (const SchemaTable& t : tables) {
        if (t.name == name
            || (!t.schema.isEmpty() && t.schema + u'.' + t.name == name))
            return &t;
    }
    return nullptr;
}

} // namespace retort
