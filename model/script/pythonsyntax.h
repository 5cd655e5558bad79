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

// One step of unpacking: the target is item `index` of a sequence of `count` targets, of which
// the one at `star` (-1: none) is starred (`a, *b, c = ...`).
struct UnpackStep
{
    int index = 0;
    int count = 0;
    int star = -1;
};

// A name bound by one statement: `a = v`, `a: T = v`, `(a) = v`, `a = b = v`,
// `[a, (b, *c)] = v`, `a += v`; or bound in a form whose value Retort does not read
// (`for a in`, `with ... as a`, `(a := v)`, `del a`, `def a`, a `case` capture): then `form`
// says how. The value is not computed here: callers evaluate only what they need.
struct TargetBinding
{
    TokenIt target;
    TokenIt valueBegin;
    TokenIt valueEnd;
    QVarLengthArray<UnpackStep, 2> unpack; // empty for a plain target
    bool augmented = false;
    QString form; // non-empty: the value is not read, and this says why
};

// Every name a simple statement [begin, end) binds, in the order Python binds them.
QList<TargetBinding> statementBindings(TokenIt begin, TokenIt end);
// Every name the header of a compound statement binds ([begin, end) up to its colon):
// loop, with, except and case targets, a def or class name, and `:=` anywhere in it.
QList<TargetBinding> headerBindings(TokenIt begin, TokenIt end);

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

inline bool mayHoldWalrus(TokenIt begin, TokenIt end)
{
    for (auto it = begin; it != end; ++it) {
        if (it->kind == PyToken::Kind::Op && it->text == u":=")
            return true;
    }
    return false;
}

inline bool isAugmentedAssignment(const PyToken& t)
{
    if (t.kind != PyToken::Kind::Op || t.text.size() < 2 || !t.text.endsWith(u'='))
        return false;
    return t.text != u"==" && t.text != u"!=" && t.text != u"<=" && t.text != u">=" &&
           t.text != u":=";
}

// Calls `onBinding(TargetBinding)` for every name the statement [begin, end) binds.
template <typename OnBinding> void forEachBinding(TokenIt begin, TokenIt end, OnBinding onBinding)
{
    if (begin == end)
        return;
    // Most statements are `name = value`: no lists needed.
    const TokenIt second = begin + 1;
    if (begin->kind == PyToken::Kind::Name && second != end && second->op == u'=' &&
        findTopLevel(second + 1, end, u'=') == end && !mayHoldWalrus(second + 1, end)) {
        onBinding(TargetBinding{begin, second + 1, end, {}, false, {}});
        return;
    }
    for (const TargetBinding& b : statementBindings(begin, end))
        onBinding(b);
}

} // namespace retort::python
