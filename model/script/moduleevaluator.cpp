#include "model/script/moduleevaluator.h"

#include "model/script/revisionparser.h" // the translation context "RevisionParser"
#include "model/script/pythontokenizer.h"
#include "model/script/symboltable.h"

#include <optional>

namespace retort::python {

PyValue ModuleEvaluator::evaluate(TokenIt begin, TokenIt end)
{
    m_it = begin;
    m_end = end;
    if (m_it == m_end)
        return PyValue::unknown(RevisionParser::tr("no value is given"));
    PyValue v = expressionList(true);
    if (m_it != m_end && v.kind != PyValue::Kind::Unknown)
        return PyValue::unknown(
            RevisionParser::tr("`%1` is an expression").arg(sourceText(begin, end)));
    return v;
}

PyValue ModuleEvaluator::expressionList(bool topLevel)
{
    const TokenIt start = m_it;
    QList<PyValue> items;
    bool sawComma = false;
    while (m_it != m_end && !atOp(u')') && !atOp(u']')) {
        items.append(item());
        if (atOp(u',')) {
            sawComma = true;
            ++m_it;
            continue;
        }
        break;
    }
    Q_UNUSED(topLevel);
    Q_UNUSED(start);
    if (!sawComma && items.size() == 1)
        return items.first();
    return PyValue::seq(items);
}

PyValue ModuleEvaluator::item()
{
    const TokenIt start = m_it;
    PyValue v = atom();
    // Anything that follows an atom (an operator, a call, an attribute) makes it an
    // expression Python has to compute.
    if (m_it != m_end && !atOp(u',') && !atOp(u')') && !atOp(u']')) {
        TokenIt stop = m_it;
        int depth = 0;
        while (stop != m_end) {
            if (stop->isOp(u'(') || stop->isOp(u'[') || stop->isOp(u'{'))
                ++depth;
            else if (stop->isOp(u')') || stop->isOp(u']') || stop->isOp(u'}')) {
                if (depth == 0)
                    break;
                --depth;
            } else if (depth == 0 && stop->isOp(u','))
                break;
            ++stop;
        }
        const QString text = sourceText(start, stop);
        m_it = stop;
        if (start->kind == PyToken::Kind::Name && start + 1 != m_end && start[1].isOp(u'.'))
            return PyValue::unknown(
                RevisionParser::tr("`%1` is read from another module at run time").arg(text));
        return PyValue::unknown(RevisionParser::tr("`%1` is an expression").arg(text));
    }
    return v;
}

PyValue ModuleEvaluator::atom()
{
    if (m_it == m_end)
        return PyValue::unknown(RevisionParser::tr("a value is missing"));
    const PyToken& t = *m_it;
    switch (t.kind) {
    case PyToken::Kind::String: {
        QString value;
        bool bytes = false;
        bool formatted = false;
        bool named = false;
        const TokenIt start = m_it;
        while (m_it != m_end && m_it->kind == PyToken::Kind::String) {
            value += m_it->value;
            named |= m_it->namedEscape;
            bytes |= m_it->bytes;
            formatted |= m_it->formatted && m_it->value.contains(u'{');
            ++m_it;
        }
        if (bytes)
            return PyValue::other(RevisionParser::tr("a bytes literal"));
        if (formatted)
            return PyValue::unknown(
                RevisionParser::tr("`%1` is an f-string").arg(sourceText(start, m_it)));
        if (named)
            return PyValue::unknown(
                RevisionParser::tr("`%1` holds a \\N{...} escape, which Retort does not decode")
                    .arg(sourceText(start, m_it)));
        return PyValue::string(value);
    }
    case PyToken::Kind::Name: {
        ++m_it;
        if (t.text == QLatin1StringView("None"))
            return PyValue::none();
        if (t.text == QLatin1StringView("True") || t.text == QLatin1StringView("False"))
            return PyValue::other(RevisionParser::tr("a boolean"));
        const std::optional<SymbolTable::Found> lookedUp =
            m_symbols.lookup(t.text.toString(), m_before);
        const std::optional<PyValue> found =
            lookedUp ? std::optional<PyValue>(lookedUp->value) : std::nullopt;
        if (found) {
            if (found->kind == PyValue::Kind::Unknown && found->str.isEmpty())
                return PyValue::unknown(
                    RevisionParser::tr("`%1` is computed by `%2` when Python runs the file")
                        .arg(t.text, compact(found->expr)));
            if (found->kind == PyValue::Kind::Unknown) {
                PyValue value =
                    PyValue::unknown(RevisionParser::tr("`%1` %2").arg(t.text, found->str));
                value.nameError = found->nameError;
                return value;
            }
            return *found;
        }
        PyValue undefined =
            PyValue::unknown(RevisionParser::tr("`%1` is not defined in this file").arg(t.text));
        undefined.nameError = !m_symbols.mayBeBoundOtherwise(t.text.toString());
        return undefined;
    }
    case PyToken::Kind::Number:
        ++m_it;
        return PyValue::other(RevisionParser::tr("a number"));
    case PyToken::Kind::Op:
        if (t.text == QLatin1StringView("(") || t.text == QLatin1StringView("[")) {
            const bool list = t.text == QLatin1StringView("[");
            const TokenIt open = m_it;
            if (m_depth >= PythonTokenizer::kMaxBracketDepth) {
                // never recurse past what Python's own tokenizer allows
                int depth = 0;
                do {
                    if (m_it->isOp(u'(') || m_it->isOp(u'['))
                        ++depth;
                    else if (m_it->isOp(u')') || m_it->isOp(u']'))
                        --depth;
                    ++m_it;
                } while (m_it != m_end && depth > 0);
                return PyValue::unknown(RevisionParser::tr("too many nested parentheses"));
            }
            ++m_it;
            PyValue inner;
            if (atOp(list ? u']' : u')')) {
                inner = PyValue::seq({});
            } else {
                ++m_depth;
                inner = expressionList(false);
                --m_depth;
                if (list && inner.kind != PyValue::Kind::Seq)
                    inner = PyValue::seq({inner});
            }
            if (!atOp(list ? u']' : u')')) {
                // A comprehension or something else we do not evaluate.
                int depth = 1;
                while (m_it != m_end && depth > 0) {
                    if (m_it->isOp(u'(') || m_it->isOp(u'['))
                        ++depth;
                    else if (m_it->isOp(u')') || m_it->isOp(u']'))
                        --depth;
                    ++m_it;
                }
                return PyValue::unknown(
                    RevisionParser::tr("`%1` is an expression").arg(sourceText(open, m_it)));
            }
            ++m_it;
            return inner;
        }
        if (t.text == QLatin1StringView("{")) {
            const TokenIt open = m_it;
            int depth = 0;
            do {
                if (m_it->isOp(u'{'))
                    ++depth;
                else if (m_it->isOp(u'}'))
                    --depth;
                ++m_it;
            } while (m_it != m_end && depth > 0);
            return PyValue::unknown(
                RevisionParser::tr("`%1` is a set or dict, whose order Python decides")
                    .arg(sourceText(open, m_it)));
        }
        [[fallthrough]];
    default:
        return PyValue::unknown(
            RevisionParser::tr("`%1` is an expression").arg(sourceText(m_it, m_end)));
    }
}

namespace {

// Longer strings are not split into characters (one value each): reported, not read.
constexpr qsizetype kMaxUnpackedString = 4096;

// Item `step.index` of a sequence unpacked into `step.count` targets, as Python assigns it (a
// starred target takes a list of what the others leave); nullopt when `value` does not unpack
// into that many (Python raises ValueError or TypeError) or is not known to.
std::optional<PyValue> unpacked(const PyValue& value, const UnpackStep& step)
{
    QList<PyValue> items;
    if (value.kind == PyValue::Kind::Seq) {
        items = value.items;
    } else if (value.kind == PyValue::Kind::Str && value.str.size() <= kMaxUnpackedString) {
        // a string unpacks into its characters (code points)
        for (const char32_t c : value.str.toUcs4())
            items.append(PyValue::string(QString::fromUcs4(&c, 1)));
    } else {
        return std::nullopt;
    }
    const qsizetype n = items.size();
    if (step.star < 0)
        return n == step.count ? std::optional<PyValue>(items.at(step.index)) : std::nullopt;
    const qsizetype rest = n - (step.count - 1); // how many the starred target takes
    if (rest < 0)
        return std::nullopt;
    if (step.index < step.star)
        return items.at(step.index);
    if (step.index > step.star)
        return items.at(n - (step.count - step.index));
    return PyValue::seq(items.mid(step.star, rest));
}

} // namespace

PyValue ModuleEvaluator::valueOf(const TargetBinding& b, const SymbolTable& symbols, int before)
{
    if (!b.form.isEmpty())
        return PyValue::unknown(b.form);
    if (b.augmented)
        return PyValue::unknown(
            RevisionParser::tr("is changed by `%1`").arg(sourceText(b.target, b.valueEnd)));
    PyValue value = ModuleEvaluator(symbols, before).evaluate(b.valueBegin, b.valueEnd);
    for (const UnpackStep& step : b.unpack) {
        if (value.kind == PyValue::Kind::Unknown)
            return value;
        std::optional<PyValue> item = unpacked(value, step);
        if (!item)
            return PyValue::unknown(RevisionParser::tr("is unpacked from `%1`")
                                        .arg(sourceText(b.valueBegin, b.valueEnd)));
        value = std::move(*item);
    }
    return value;
}

PyValue ModuleEvaluator::conditionalValue(PyValue value)
{
    if (value.kind != PyValue::Kind::Unknown)
        return PyValue::unknown(RevisionParser::tr("is assigned inside an if/try/for/with block"));
    value.nameError = false; // the block may guard it (try/except NameError, if False)
    return value;
}

} // namespace retort::python
