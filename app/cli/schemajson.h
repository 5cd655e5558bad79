#pragma once

#include "model/migration/schemahistory.h"

#include <QJsonArray>
#include <QJsonObject>

namespace retort::cli {

// The JSON shapes of `retort-cli ops`, `tables` and `schema` (a contract: keys are only added).
// Paths are relative to `here` (the config's folder).

// {"op": "add_column", "table": "books" | null, "column": "language" | null, "line": N,
//  "description": "...", ...every field the op has}
QJsonObject opJson(const MigrationOp& op);
// {"present", "line", "end_line", "empty", "raises", "raises_line"}
QJsonObject functionJson(const MigrationFunction& function);
// {"name", "created_in", "dropped_in", "renamed_from", "renamed_to", "events": [...]}
QJsonObject timelineJson(const TableTimeline& timeline);
// {"at", "tables": [{"name", "columns": [{"name", "type", "nullable", ...}]}], "unknown"}
QJsonObject schemaJson(const Schema& schema);

} // namespace retort::cli
