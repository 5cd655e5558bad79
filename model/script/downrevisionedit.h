#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QString>

namespace retort {

// The one text change that re-parents a revision: the value of its module-level
// `down_revision = ...` becomes another id, and nothing else in the file moves. Found with
// the same tokenizer the parser reads headers with, so a `down_revision` in a docstring,
// a comment or a function body is never touched. The literal's quotes and prefix are kept
// (`'a'` stays single-quoted, `"a"` double); `None` (a base) becomes a string quoted like
// the file's `revision` value. Anything else is refused with a reason rather than guessed:
// a tuple or list (a merge revision: which parent to replace?), a name or an expression
// (the value comes from elsewhere), an f-string, a concatenation, a conditional assignment.
// Plain value; make() is pure.
struct DownRevisionEdit
{
    Q_DECLARE_TR_FUNCTIONS(DownRevisionEdit)

public:
    qsizetype start = 0;  // offset in the text (UTF-16 units) of what is replaced
    qsizetype length = 0; // how many units are replaced
    QString replacement;  // what replaces them
    QString oldParent;    // "" for a base
    QString newParent;
    int line = 0;         // 1-based line of the replaced text

    // `text` is the file's text as the editor holds it; `expectedOld` is the parent the
    // graph knows ("" for a base): a file that says otherwise has changed since the load
    // and is refused.
    static Result<DownRevisionEdit> make(const QString& text, const QString& expectedOld,
                                         const QString& newParent);

    QString apply(const QString& text) const;
    // A unified diff of the change (`context` lines around it), with `name` as the file's
    // name in its header: what the preview shows before anything is saved.
    QString diff(const QString& text, const QString& name, int context = 2) const;
};

} // namespace retort
