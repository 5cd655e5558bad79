#pragma once

#include <QByteArray>
#include <QIODevice>

#include <algorithm>

namespace retort {

// Reads to the end, but never more than `limit` + 1 bytes (so a caller can tell "too large"
// by size() > limit). Memory follows what is read: QIODevice::read(n) allocates n bytes up
// front, which for a 64 MB limit cost every project load 64 MB for a 1 KB ini file.
inline QByteArray readAtMost(QIODevice& device, qint64 limit)
{
    constexpr qint64 kChunk = 64 * 1024;
    QByteArray bytes;
    while (bytes.size() <= limit) {
        const QByteArray chunk = device.read(std::min(kChunk, limit + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    return bytes;
}

} // namespace retort
