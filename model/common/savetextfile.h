#pragma once

#include "common/result.h"

#include <QString>

namespace retort {

// Writes `text` as UTF-8 to `path` atomically (QSaveFile: a temporary file renamed over the
// target, so a failed write never leaves half a file). Fails with a user-visible reason.
Result<void> saveTextFile(const QString& path, const QString& text);

} // namespace retort
