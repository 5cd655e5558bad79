#pragma once

#include "model/common/result.h"

#include <QByteArray>
#include <QString>

namespace retort {

// The one atomic file write: `bytes` go to a temporary file beside `path` that is renamed over
// it (QSaveFile), so a failed write never leaves half a file. On failure, a user-visible
// reason that names the file.
Result<void> saveFile(const QString& path, const QByteArray& bytes);

// saveFile() of `text` as UTF-8.
inline Result<void> saveTextFile(const QString& path, const QString& text)
{
    return saveFile(path, text.toUtf8());
}

} // namespace retort
