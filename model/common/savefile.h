#pragma once

#include <QByteArray>
#include <QString>

namespace retort {

// Writes `bytes` to `path` atomically (QSaveFile: a temporary file renamed over the target,
// so a failed write never leaves half a file). Returns an empty string on success, otherwise
// a user-visible reason. The one place Retort writes a whole file.
QString saveFile(const QString& path, const QByteArray& bytes);

} // namespace retort
