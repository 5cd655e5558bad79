#pragma once

#include "model/common/diagnostic.h"

#include <QString>
#include <QTextStream>

namespace retort {
class RevisionGraph;
}

namespace retort::cli {

// One line per diagnostic: "path:line: severity: message", paths relative to `base`.
void printDiagnosticsText(const Diagnostics& diagnostics, const QString& base, QTextStream& out);

// Where alembic itself could not load the project (Diagnostic::stopsAlembic), says so on
// `err` with each reason and returns true: heads, history and plans must then refuse, as
// alembic does. Otherwise it names on `err` the errors Retort could not resolve but alembic
// loads past (what an answer leaves out) and returns false.
bool refuseWhenAlembicCannotLoad(const RevisionGraph& graph, const QString& base, QTextStream& err);

} // namespace retort::cli
