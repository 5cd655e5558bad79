#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// `retort-cli export --format dot|svg|png -o FILE`: the revision graph laid out as the
// window lays it out (GraphvizLayouter::layoutNow, default options), written atomically.
// `args` are the arguments after `export`. Exit codes: 0 written, 2 usage,
// 3 config / project / layout / render / write error.
int runExportCommand(const QString& configPath, const QString& section, const QStringList& args,
                     QTextStream& out, QTextStream& err);

} // namespace retort::cli
