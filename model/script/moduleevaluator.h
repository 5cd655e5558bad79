#pragma once

#include "model/script/pythonsyntax.h"
#include "model/script/pyvalue.h"

#include <climits>

namespace retort::python {

class SymbolTable;

// Evaluates the literal subset: None, strings (with implicit concatenation), tuples, lists,
// parentheses, and names bound earlier at module level to such literals.
class ModuleEvaluator
{
public:
    explicit ModuleEvaluator(const SymbolTable& symbols, int before = INT_MAX)
        : m_symbols(symbols), m_before(before)
    {
    }

    PyValue evaluate(TokenIt begin, TokenIt end);

    // The value a binding gives its target, evaluated as of statement `before`.
    static PyValue valueOf(const TargetBinding& b, const SymbolTable& symbols, int before);
    // What a value bound inside an if/try/for/with block tells.
    static PyValue conditionalValue(PyValue value);

private:
    bool atOp(char16_t op) const { return m_it != m_end && m_it->op == op; }

    // item (',' item)* [','] — a tuple when there is a comma.
    PyValue expressionList(bool topLevel);
    PyValue item();
    PyValue atom();

    const SymbolTable& m_symbols;
    int m_before = INT_MAX;
    int m_depth = 0; // brackets being evaluated: bounded whatever the tokens say
    TokenIt m_it;
    TokenIt m_end;
};

} // namespace retort::python
