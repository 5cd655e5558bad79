#include "app/cli/diagnosticsoutput.h"

#include "app/cli/clitext.h"

#include "model/graph/revisiongraph.h"

#include <QCoreApplication>
#include <QDir>

namespace retort::cli {

void printDiagnosticsText(const Diagnostics& diagnostics, const QString& base, QTextStream& out)
{
    for (const Diagnostic& d : diagnostics) {
        QString where = d.path.isEmpty() ? QString() : QDir(base).relativeFilePath(d.path);
        if (d.line > 0)
            where += u':' + QString::number(d.line);
        out << (where.isEmpty() ? QString() : where + QStringLiteral(": "))
            << Diagnostic::severityName(d.severity) << ": " << d.message << '\n';
    }
}

bool refuseWhenAlembicCannotLoad(const RevisionGraph& graph, const QString& base, QTextStream& err)
{
    const Diagnostics stoppers = alembicStoppers(graph.diagnostics());
    if (!stoppers.isEmpty()) {
        err << Cli::tr("retort-cli: alembic cannot load this project (%n problem(s) below); every "
                  "alembic command would fail until they are fixed:",
                  nullptr, int(stoppers.size()))
            << '\n';
        printDiagnosticsText(stoppers, base, err);
        return true;
    }
    const Diagnostics ignored = unresolvedErrors(graph.diagnostics());
    if (!ignored.isEmpty()) {
        err << Cli::tr("retort-cli: warning: alembic loads this project, but Retort could not read "
                  "%n value(s); the answer leaves them out:",
                  nullptr, int(ignored.size()))
            << '\n';
        printDiagnosticsText(ignored, base, err);
    }
    return false;
}

} // namespace retort::cli
