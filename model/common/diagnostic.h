#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace retort {

// One finding about the project: a file that cannot be read, a value that cannot be known
// without running Python, a dangling parent, a cycle. Errors make `lint` fail; warnings do not.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString path;     // absolute file path, or empty when the finding is about the project
    int line = 0;     // 1-based; 0 when it concerns the whole file
    QString message;  // one sentence, user-visible, translated
    QString revision; // the revision id it concerns, when known
    // True when alembic itself cannot load the project because of this (a SyntaxError or
    // NameError on import, a missing `down_revision`, a dangling parent, a cycle...): every
    // alembic command then fails, so no plan may be offered. False for what only Retort
    // cannot read (a value computed when Python runs the file): alembic loads it, and a plan
    // must say what it could not take into account.
    bool stopsAlembic = false;

    static Diagnostic error(QString path, int line, QString message, QString revision = {});
    // An error at which alembic stops loading the project (stopsAlembic set).
    static Diagnostic fatal(QString path, int line, QString message, QString revision = {});
    static Diagnostic warning(QString path, int line, QString message, QString revision = {});

    static QString severityName(Severity severity); // "error", "warning", "info" (not translated)
    bool isError() const { return severity == Severity::Error; }

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);
// The diagnostics at which alembic stops loading the project (Diagnostic::stopsAlembic).
Diagnostics alembicStoppers(const Diagnostics& diagnostics);
// The errors Retort cannot resolve but alembic loads past (errors without stopsAlembic).
Diagnostics unresolvedErrors(const Diagnostics& diagnostics);

// Sorted by path, line, then message: a stable order for output and tests.
void sortDiagnostics(Diagnostics& diagnostics);

} // namespace retort

Q_DECLARE_METATYPE(retort::Diagnostic)
