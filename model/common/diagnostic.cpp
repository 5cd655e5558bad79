#include "model/common/diagnostic.h"

#include <algorithm>
#include <iterator>

namespace retort {

Diagnostic Diagnostic::error(QString path, int line, QString message, QString revision)
{
    return {Severity::Error, std::move(path), line, std::move(message), std::move(revision)};
}

Diagnostic Diagnostic::fatal(QString path, int line, QString message, QString revision)
{
    Diagnostic d = error(std::move(path), line, std::move(message), std::move(revision));
    d.stopsAlembic = true;
    return d;
}

Diagnostic Diagnostic::warning(QString path, int line, QString message, QString revision)
{
    return {Severity::Warning, std::move(path), line, std::move(message), std::move(revision)};
}

QString Diagnostic::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

bool hasErrors(const Diagnostics& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.isError(); });
}

Diagnostics alembicStoppers(const Diagnostics& diagnostics)
{
    Diagnostics out;
    std::copy_if(diagnostics.begin(), diagnostics.end(), std::back_inserter(out),
                 [](const Diagnostic& d) { return d.stopsAlembic; });
    return out;
}

Diagnostics unresolvedErrors(const Diagnostics& diagnostics)
{
    Diagnostics out;
    std::copy_if(diagnostics.begin(), diagnostics.end(), std::back_inserter(out),
                 [](const Diagnostic& d) { return d.isError() && !d.stopsAlembic; });
    return out;
}

void sortDiagnostics(Diagnostics& diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         if (a.path != b.path)
                             return a.path < b.path;
                         if (a.line != b.line)
                             return a.line < b.line;
                         return a.message < b.message;
                     });
}

} // namespace retort
