#pragma once

#include "model/common/result.h"
#include "model/project/projectloader.h"

#include <QJsonObject>
#include <QStringList>

namespace retort::cli {

// `--alembic-version X.Y.Z` (or `--alembic-version=X.Y.Z`): plan for that alembic instead of
// the one found beside the project. Removes the option from `args`; fails on a bad value.
Result<LoadOptions> takeLoadOptions(QStringList& args, const QString& section);

// {"version": "1.13.2", "rules": "1.13.2", "source": "given"|"found"|"asked"|"not_found",
//  "known": true, "detail": "..."}: which alembic the answer is for.
QJsonObject alembicJson(const ProjectAlembic& alembic);

} // namespace retort::cli
