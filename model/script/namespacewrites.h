#pragma once

#include <QList>
#include <QString>

namespace retort::python {

// Code that can bind module-level names without naming them in a binding Retort reads:
// `globals()[...] = ...`, `globals().update(...)`, `vars()`, `locals()` at module level,
// `exec(...)`, `eval(...)`, `builtins` and `__import__` (which reach them under other names),
// `sys.modules[__name__]`, a frame's `f_globals`, a `global`
// statement naming one of the four identifiers, a module-level `__getattr__` (which answers
// for the names the module does not bind). Any of them may change what alembic reads for
// `revision`, `down_revision`, `branch_labels` or `depends_on`, and Retort cannot tell how.
struct NamespaceWrite
{
    enum class Kind
    {
        Namespace,   // code that writes the module's namespace: `what` is that code
        Global,      // `global NAME`: `what` is NAME
        ModuleGetattr // a module-level __getattr__
    };
    Kind kind = Kind::Namespace;
    int line = 0;
    QString what;
};

// Every such place in a module's text, in order. Fast for the files that have none: the
// text is only tokenized when one of the words occurs in it.
QList<NamespaceWrite> findNamespaceWrites(const QString& text);

} // namespace retort::python
