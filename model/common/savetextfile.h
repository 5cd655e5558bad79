#pragma once

#include <QString>

namespace retort {

// Writes `text` as UTF-8 to `path` atomically (QSaveFile: a temporary file renamed over the
// target, so a failed write never leaves half a file). Returns an empty string on success,
// otherwise a user-visible reason.
QString saveTextFile(const QString& path, const QString& text);

} // namespace retort
