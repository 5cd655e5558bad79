#pragma once

#include "model/script/pyvalue.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QVarLengthArray>

namespace retort::python {

// What the revision parser reads from the tokens of one statement, without evaluating it.

// The source text of the tokens up to the end of the logical line, shortened for messages.
QString sourceText(TokenIt begin, TokenIt end);
// `text` on one line, shortened for messages.
QString compact(QStringView text);
// True when the tokens hold a call, an attribute, a subscript or an operator: an
// expression only Python can compute (as opposed to literals and names).
bool isComputed(TokenIt begin, TokenIt end);

// What an import statement binds: name -> how to describe it ("is imported from `m`").
QList<QPair<QString, QString>> importedNames(const QList<PyToken>& tokens);

// A name bound by one simple statement: `a = v`, `a: T = v`, `a = b = v`, `a, b = v`,
// `a += v`. The value is not computed here: callers evaluate only what they need.
struct TargetBinding
{
    TokenIt target;
    TokenIt valueBegin;
    TokenIt valueEnd;
    int unpackIndex = -1; // position in `a, b = ...`; -1 for a plain target
    int unpackCount = 0;
    bool augmented = false;
};

// The first `op` at bracket depth 0 in [begin, end), else `end`.
inline TokenIt findTopLevel(TokenIt begin, TokenIt end, char16_t op)
{
    int depth = 0;
    for (auto it = begin; it != end; ++it) {
        switch (it->op) {
        case 0:
            break;
        case u'(':
        case u'[':
        case u'{':
            ++depth;
            break;
        case u')':
        case u']':
        case u'}':
            --depth;
            break;
        default:
            if (depth == 0 && it->op == op)
                return it;
        }
    }
    return end;
}

inline bool isAugmentedAssignment(const PyToken& t)
{
    if (t.kind != PyToken::Kind::Op || t.text.size() < 2 || !t.text.endsWith(u'='))
        return false;
    return t.text != u"==" && t.text != u"!=" && t.text != u"<=" && t.text != u">=";
}

// Calls `onBinding(TargetBinding)` for every name the statement [begin, end) binds by assignment.
template <typename OnBinding> void forEachBinding(TokenIt begin, TokenIt end, OnBinding onBinding)
{
    if (begin == end || begin->kind != PyToken::Kind::Name)
        return;
    const TokenIt second = begin + 1;
    if (second == end)
        return;
    if (second->op == u':') { // annotated: NAME ':' annotation ['=' value]
        const TokenIt eq = findTopLevel(second, end, u'=');
        if (eq != end)
            onBinding(TargetBinding{begin, eq + 1, end});
        return;
    }
    if (isAugmentedAssignment(*second)) {
        onBinding(TargetBinding{begin, second + 1, end, -1, 0, true});
        return;
    }
    // Most statements are `name = value`: no lists needed.
    if (second->op == u'=' && findTopLevel(second + 1, end, u'=') == end) {
        onBinding(TargetBinding{begin, second + 1, end});
        return;
    }
    QVarLengthArray<TokenIt, 4> equals;
    for (TokenIt it = findTopLevel(begin, end, u'='); it != end;
         it = findTopLevel(it + 1, end, u'='))
        equals.append(it);
    if (equals.isEmpty())
        return;
    const TokenIt valueBegin = equals.last() + 1;
    TokenIt targetBegin = begin;
    for (TokenIt eq : equals) {
        QVarLengthArray<TokenIt, 4> names;
        bool simple = true;
        for (auto it = targetBegin; it != eq; ++it) {
            if (it->kind == PyToken::Kind::Name)
                names.append(it);
            else if (it->op != u',' && it->op != u'(' && it->op != u')' && it->op != u'[' &&
                     it->op != u']')
                simple = false;
        }
        if (simple) {
            for (int i = 0; i < names.size(); ++i)
                onBinding(TargetBinding{names.at(i), valueBegin, end, names.size() > 1 ? i : -1,
                                        int(names.size())});
        }
        targetBegin = eq + 1;
    }
}

} // namespace retort::python
