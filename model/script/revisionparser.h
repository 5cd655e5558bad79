#pragma once

#include "model/common/diagnostic.h"
#include "model/script/revision.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace retort {

// What reading one file gave: the revision when its id could be determined, and every
// problem found on the way. A revision can come with errors (e.g. an unknown depends_on).
struct ParseResult
{
    std::optional<Revision> revision;
    Diagnostics diagnostics;
};

// Reads a revision script without running it: finds the module-level assignments of
// `revision`, `down_revision`, `branch_labels` and `depends_on` (last one wins, as in
// Python; annotations skipped; parenthesised, unpacked and starred targets and NFKC-spelled
// names read as Python reads them; simple module constants followed), and the module
// docstring for the message and create date. Anything that needs Python to evaluate is
// a diagnostic, never a guess: so is every other way the file can bind one of the four (a
// for/with/except target, `:=`, `del`, a def or class, an import, a `case` capture) and code
// that can write the module's names unseen (`globals()`, `exec`, `sys.modules`, `global`).
class RevisionParser
{
    Q_DECLARE_TR_FUNCTIONS(RevisionParser)

public:
    // Files larger than this are refused with a diagnostic rather than read.
    static constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;

    static ParseResult parseFile(const QString& path);
    static ParseResult parse(const QByteArray& bytes, const QString& path);

private:
    // parse(). When the file holds code that can set module-level names without a binding
    // Retort reads (globals(), exec, a `global` statement...), `readFrom` is set to the index
    // of the first diagnostic about what was read (those before it are about the text itself).
    static ParseResult parseHeader(const QByteArray& bytes, const QString& path,
                                   qsizetype* readFrom);

public:
    // The legacy fallback alembic uses when `revision` is absent: a file name that is
    // all lowercase hex digits followed by `.py`. Returns the id or an empty string.
    static QString idFromLegacyFileName(const QString& fileName);
};

} // namespace retort
