#pragma once

#include "model/layout/graphlayout.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace retort {

class RevisionGraph;
struct LayoutOptions;

// The last layouts, kept on disk by what they were computed from (issue 18: a large project
// opened again is drawn without waiting for Graphviz).
//
// The key is a hash of everything a layout depends on: each revision's id, box size,
// parents and dependencies in the graph's order, every layout option except previousX, the
// Graphviz version built against and the file format. A script edit that changes none of
// those (a body, a comment) keeps the key; anything else makes a new one, so a stale picture
// is never read back. Files are written atomically; a damaged or foreign file is a miss.
// The folder keeps the `maxEntries` most recently written layouts.
class LayoutCache
{
public:
    explicit LayoutCache(QString folder, int maxEntries = 24)
        : m_folder(std::move(folder)), m_maxEntries(maxEntries)
    {
    }

    static QByteArray key(const RevisionGraph& graph, const LayoutOptions& options);

    std::optional<GraphLayout> read(const QByteArray& key) const;
    // False when the file could not be written (the cache is then simply not used).
    bool write(const QByteArray& key, const GraphLayout& layout) const;

    QString fileFor(const QByteArray& key) const;

private:
    void prune() const;

    QString m_folder;
    int m_maxEntries = 24;
};

} // namespace retort
