#include "model/layout/layoutcache.h"

#include "model/graph/revisiongraph.h"
#include "model/layout/graphvizgraph.h"
#include "model/layout/graphvizlayouter.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace retort {

namespace {

constexpr quint32 kMagic = 0x52544c43; // "RTLC"
constexpr quint32 kFormat = 2;

void addReal(QCryptographicHash& hash, qreal value)
{
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&value), sizeof value));
}

void addText(QCryptographicHash& hash, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    const quint32 size = quint32(utf8.size());
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&size), sizeof size));
    hash.addData(utf8);
}

} // namespace

QByteArray LayoutCache::key(const RevisionGraph& graph, const LayoutOptions& options)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addText(hash, QStringLiteral("retort-layout-%1").arg(kFormat));
    addText(hash, layout::graphvizBuildVersion());
    addReal(hash, qreal(options.mode));
    addReal(hash, options.detailedLimit);
    addReal(hash, options.laneLimit);
    addReal(hash, options.newestOnTop ? 1 : 0);
    addReal(hash, options.minRunLength);
    addReal(hash, options.shortIdLength);
    for (const qreal value : {options.nodeHeight, options.charWidth, options.horizontalPadding,
                              options.minNodeWidth, options.maxNodeWidth, options.rankSeparation,
                              options.nodeSeparation})
        addReal(hash, value);
    for (const Revision& revision : graph.revisions()) {
        addText(hash, revision.id);
        const QSizeF size = options.nodeSize(revision);
        addReal(hash, size.width());
        addReal(hash, size.height());
        const QStringList parents = graph.parents(revision.id);
        addReal(hash, parents.size());
        for (const QString& parent : parents)
            addText(hash, parent);
        const QStringList dependencies = graph.dependencies(revision.id);
        addReal(hash, dependencies.size());
        for (const QString& dependency : dependencies)
            addText(hash, dependency);
    }
    return hash.result().toHex();
}

QString LayoutCache::fileFor(const QByteArray& key) const
{
    return QDir(m_folder).filePath(QString::fromLatin1(key) + QStringLiteral(".layout"));
}

std::optional<GraphLayout> LayoutCache::read(const QByteArray& key) const
{
    if (m_folder.isEmpty() || key.isEmpty())
        return std::nullopt;
    QFile file(fileFor(key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 format = 0;
    QByteArray storedKey;
    in >> magic >> format >> storedKey;
    if (magic != kMagic || format != kFormat || storedKey != key)
        return std::nullopt;
    GraphLayout layout;
    qint32 nodeCount = 0;
    in >> layout.boundingBox >> layout.simplified >> layout.lanes >> nodeCount;
    if (in.status() != QDataStream::Ok || nodeCount < 0 || nodeCount > 10'000'000)
        return std::nullopt;
    layout.nodes.reserve(nodeCount);
    layout.nodeIndex.reserve(nodeCount);
    for (qint32 i = 0; i < nodeCount && in.status() == QDataStream::Ok; ++i) {
        NodeLayout node;
        in >> node.id >> node.center >> node.size;
        layout.nodeIndex.insert(node.id, i);
        layout.nodes.append(std::move(node));
    }
    qint32 edgeCount = 0;
    in >> edgeCount;
    if (in.status() != QDataStream::Ok || edgeCount < 0 || edgeCount > 100'000'000)
        return std::nullopt;
    layout.edges.reserve(edgeCount);
    for (qint32 i = 0; i < edgeCount && in.status() == QDataStream::Ok; ++i) {
        EdgeLayout edge;
        in >> edge.from >> edge.to >> edge.dependency >> edge.points >> edge.hasArrow >>
            edge.arrowTip;
        layout.edges.append(std::move(edge));
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return layout;
}

bool LayoutCache::write(const QByteArray& key, const GraphLayout& layout) const
{
    if (m_folder.isEmpty() || key.isEmpty() || !layout.isValid())
        return false;
    if (!QDir().mkpath(m_folder))
        return false;
    QSaveFile file(fileFor(key));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormat << key << layout.boundingBox << layout.simplified << layout.lanes
        << qint32(layout.nodes.size());
    for (const NodeLayout& node : layout.nodes)
        out << node.id << node.center << node.size;
    out << qint32(layout.edges.size());
    for (const EdgeLayout& edge : layout.edges)
        out << edge.from << edge.to << edge.dependency << edge.points << edge.hasArrow
            << edge.arrowTip;
    if (out.status() != QDataStream::Ok || !file.commit())
        return false;
    prune();
    return true;
}

void LayoutCache::prune() const
{
    const QFileInfoList files =
        QDir(m_folder).entryInfoList({QStringLiteral("*.layout")}, QDir::Files, QDir::Time);
    for (qsizetype i = m_maxEntries; i < files.size(); ++i)
        QFile::remove(files.at(i).absoluteFilePath());
}

} // namespace retort
