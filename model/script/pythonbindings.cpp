// What a statement binds: the target lists of assignments, and every other form of binding a
// module-level name (pythonsyntax.h).
#include "model/script/pythonsyntax.h"

#include "model/script/revisionparser.h" // the translation context "RevisionParser"

namespace retort::python {

namespace {

bool isKeyword(QStringView name)
{
    return PythonTokenizer::isKeyword(name);
}

bool isOpen(const PyToken& t)
{
    return t.op == u'(' || t.op == u'[' || t.op == u'{';
}

bool isClose(const PyToken& t)
{
    return t.op == u')' || t.op == u']' || t.op == u'}';
}

// The bracket closing the one at `open`, or `end`.
TokenIt matching(TokenIt open, TokenIt end)
{
    int depth = 0;
    for (auto it = open; it != end; ++it) {
        if (isOpen(*it))
            ++depth;
        else if (isClose(*it) && --depth == 0)
            return it;
    }
    return end;
}

// The first token of [begin, end) at bracket depth 0 that `is` accepts, else `end`.
template <typename Is> TokenIt findTopLevelIf(TokenIt begin, TokenIt end, Is is)
{
    int depth = 0;
    for (auto it = begin; it != end; ++it) {
        if (isOpen(*it))
            ++depth;
        else if (isClose(*it))
            --depth;
        else if (depth == 0 && is(*it))
            return it;
    }
    return end;
}

// [begin, end) split at its commas of bracket depth 0; a trailing comma adds no item.
QVarLengthArray<QPair<TokenIt, TokenIt>, 4> splitItems(TokenIt begin, TokenIt end, bool* comma)
{
    QVarLengthArray<QPair<TokenIt, TokenIt>, 4> items;
    *comma = false;
    TokenIt start = begin;
    while (start != end) {
        const TokenIt c = findTopLevel(start, end, u',');
        items.append({start, c});
        if (c == end)
            break;
        *comma = true;
        start = c + 1;
    }
    return items;
}

// Reads one assignment target [begin, end): calls `onName(name, unpack)` for each name it
// binds, with the unpacking path to its value. Attributes and subscripts bind no name.
template <typename OnName>
void readTarget(TokenIt begin, TokenIt end, QVarLengthArray<UnpackStep, 2> path, OnName onName)
{
    if (begin == end)
        return;
    if (end - begin == 1) {
        if (begin->kind == PyToken::Kind::Name && !isKeyword(begin->text))
            onName(begin, path);
        return;
    }
    bool comma = false;
    auto items = splitItems(begin, end, &comma);
    if (!comma) {
        const bool wrapped = isOpen(*begin) && begin->op != u'{' && matching(begin, end) == end - 1;
        if (!wrapped)
            return; // an attribute, a subscript or a call: no module-level name
        if (begin->op == u'(') {
            readTarget(begin + 1, end - 1, path, onName);
            return;
        }
        items = splitItems(begin + 1, end - 1, &comma); // a list target, even of one item
    }
    int star = -1;
    for (int i = 0; i < items.size(); ++i) {
        if (items[i].first != items[i].second && items[i].first->op == u'*')
            star = i;
    }
    for (int i = 0; i < items.size(); ++i) {
        QVarLengthArray<UnpackStep, 2> inner = path;
        inner.append(UnpackStep{i, int(items.size()), star});
        TokenIt first = items[i].first;
        if (i == star)
            ++first;
        readTarget(first, items[i].second, inner, onName);
    }
}

// Every `name :=` in [begin, end): bound to what Python computes.
void walrusBindings(TokenIt begin, TokenIt end, QList<TargetBinding>* out)
{
    for (auto it = begin; it != end; ++it) {
        if (it->kind == PyToken::Kind::Op && it->text == u":=" && it != begin &&
            (it - 1)->kind == PyToken::Kind::Name) {
            out->append(TargetBinding{it - 1, end, end, {}, false,
                                      RevisionParser::tr("is bound by `:=` inside an expression")});
        }
    }
}

// Every name target [begin, end) binds, each in a form Retort does not read.
void formBindings(TokenIt begin, TokenIt end, const QString& form, QList<TargetBinding>* out)
{
    readTarget(begin, end, {}, [&](TokenIt name, const QVarLengthArray<UnpackStep, 2>&) {
        out->append(TargetBinding{name, end, end, {}, false, form});
    });
}

// The names a `case` pattern captures.
void captureBindings(TokenIt begin, TokenIt end, QList<TargetBinding>* out)
{
    const QString form = RevisionParser::tr("is captured by a `case` pattern");
    for (auto it = begin; it != end; ++it) {
        if (it->kind != PyToken::Kind::Name || isKeyword(it->text) || it->text == u"_")
            continue;
        const bool dotted = (it != begin && (it - 1)->op == u'.') ||
                            (it + 1 != end && (it + 1)->op == u'.');
        const bool classOrKeyword = it + 1 != end && ((it + 1)->op == u'(' || (it + 1)->op == u'=');
        if (!dotted && !classOrKeyword)
            out->append(TargetBinding{it, end, end, {}, false, form});
    }
}

} // namespace

QList<TargetBinding> statementBindings(TokenIt begin, TokenIt end)
{
    QList<TargetBinding> out;
    if (begin == end)
        return out;
    walrusBindings(begin, end, &out); // the value is computed before the targets are bound
    if (begin->isName(QLatin1StringView("del"))) {
        formBindings(begin + 1, end, RevisionParser::tr("is deleted by `del`"), &out);
        return out;
    }
    if (begin->kind == PyToken::Kind::Name && isKeyword(begin->text))
        return out; // return, pass, import, global, assert...: no assignment
    if (begin->isName(QLatin1StringView("type")) && end - begin >= 3 &&
        begin[1].kind == PyToken::Kind::Name && (begin[2].op == u'=' || begin[2].op == u'[')) {
        // `type X = ...` (Python 3.12): binds X to a type alias
        out.append(TargetBinding{begin + 1, end, end, {}, false,
                                 RevisionParser::tr("is a type alias defined in this file")});
        return out;
    }
    const TokenIt aug = findTopLevelIf(begin, end, isAugmentedAssignment);
    if (aug != end) {
        readTarget(begin, aug, {}, [&](TokenIt name, const QVarLengthArray<UnpackStep, 2>&) {
            out.append(TargetBinding{name, aug + 1, end, {}, true, {}});
        });
        return out;
    }
    const TokenIt colon = findTopLevel(begin, end, u':');
    const TokenIt firstEq = findTopLevel(begin, end, u'=');
    if (colon != end && (firstEq == end || colon < firstEq)) {
        // annotated: target ':' annotation ['=' value]; without a value nothing is bound
        const TokenIt eq = findTopLevel(colon, end, u'=');
        if (eq != end) {
            readTarget(begin, colon, {}, [&](TokenIt name, const QVarLengthArray<UnpackStep, 2>&) {
                out.append(TargetBinding{name, eq + 1, end, {}, false, {}});
            });
        }
        return out;
    }
    QVarLengthArray<TokenIt, 4> equals;
    for (TokenIt it = firstEq; it != end; it = findTopLevel(it + 1, end, u'='))
        equals.append(it);
    if (equals.isEmpty())
        return out;
    const TokenIt valueBegin = equals.last() + 1;
    TokenIt targetBegin = begin;
    for (TokenIt eq : equals) {
        readTarget(targetBegin, eq, {},
                   [&](TokenIt name, const QVarLengthArray<UnpackStep, 2>& unpack) {
                       out.append(TargetBinding{name, valueBegin, end, unpack, false, {}});
                   });
        targetBegin = eq + 1;
    }
    return out;
}

QList<TargetBinding> headerBindings(TokenIt begin, TokenIt end)
{
    QList<TargetBinding> out;
    if (begin == end)
        return out;
    TokenIt keyword = begin;
    if (keyword->isName(QLatin1StringView("async")) && keyword + 1 != end)
        ++keyword;
    if (keyword->isName(QLatin1StringView("def")) || keyword->isName(QLatin1StringView("class"))) {
        walrusBindings(keyword + 1, end, &out); // defaults, bases and annotations
        if (keyword + 1 != end && keyword[1].kind == PyToken::Kind::Name)
            out.append(TargetBinding{keyword + 1, end, end, {}, false,
                                     keyword->isName(QLatin1StringView("def"))
                                         ? RevisionParser::tr("is a function defined in this file")
                                         : RevisionParser::tr("is a class defined in this file")});
        return out;
    }
    walrusBindings(keyword, end, &out);
    if (keyword->isName(QLatin1StringView("for"))) {
        const TokenIt in = findTopLevelIf(keyword + 1, end, [](const PyToken& t) {
            return t.isName(QLatin1StringView("in"));
        });
        formBindings(keyword + 1, in, RevisionParser::tr("is the target of a `for` loop"), &out);
    } else if (keyword->isName(QLatin1StringView("with")) ||
               keyword->isName(QLatin1StringView("except"))) {
        const QString form = keyword->isName(QLatin1StringView("with"))
                                 ? RevisionParser::tr("is bound by `with ... as`")
                                 : RevisionParser::tr("is bound by `except ... as`, which unbinds "
                                                      "it after the block");
        for (auto it = keyword + 1; it != end; ++it) {
            if (!it->isName(QLatin1StringView("as")))
                continue;
            // the target runs to a comma or a closing bracket of the enclosing depth
            TokenIt stop = it + 1;
            int depth = 0;
            for (; stop != end; ++stop) {
                if (isOpen(*stop))
                    ++depth;
                else if (isClose(*stop) && depth-- == 0)
                    break;
                else if (stop->op == u',' && depth == 0)
                    break;
            }
            formBindings(it + 1, stop, form, &out);
        }
    } else if (keyword->isName(QLatin1StringView("case"))) {
        const TokenIt guard = findTopLevelIf(keyword + 1, end, [](const PyToken& t) {
            return t.isName(QLatin1StringView("if"));
        });
        captureBindings(keyword + 1, guard, &out);
    }
    return out;
}

} // namespace retort::python
