#pragma once

#include "model/common/diagnostic.h"
#include "model/script/pyvalue.h"
#include "model/script/symboltable.h"

#include <QHash>
#include <QList>
#include <QString>

namespace retort::python {

// Where a statement is: at module level, in a block that may not run (if/try/for/with),
// or inside a function or class body.
enum class Scope
{
    Module,
    Conditional,
    Nested
};

// A module-level assignment to one of the four identifiers.
struct Assignment
{
    PyValue value;
    int line = 0;
    bool conditional = false;
};

// Reads a revision script's module level: the last assignment of each of the four
// identifiers (following module constants through a SymbolTable) and the docstring.
class ModuleReader
{
public:
    explicit ModuleReader(const QString& text) : m_text(text) {}

    // Reads the module a logical line at a time. Lines inside function and class bodies
    // are skimmed, not tokenized: they cannot bind module-level names.
    void read();

    QString tokenError;
    int tokenErrorLine = 0;
    QHash<QString, Assignment> assignments; // the four identifiers: last assignment
    QString docstring;
    bool hasDocstring = false;
    Diagnostics diagnostics;

private:
    struct Block
    {
        int indent;
        Scope scope;
    };

    void readDocstring(TokenIt begin, TokenIt end);
    Scope currentScope() const;
    static Scope headerScope(const PyToken& first);
    static bool isCompoundWord(QStringView word);
    static bool isCompoundKeyword(const PyToken& t);
    void logicalLine(TokenIt begin, TokenIt end, int indent);
    void statements(TokenIt begin, TokenIt end, Scope scope);
    void statement(TokenIt begin, TokenIt end, Scope scope);
    void headerBinds(TokenIt begin, TokenIt end, Scope scope);
    void bind(const PyToken& target, PyValue value, bool conditional);

    const QString& m_text;
    QList<Block> m_blocks;
    SymbolTable m_symbols{m_text};
};

} // namespace retort::python
