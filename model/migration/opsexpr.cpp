#include "model/migration/opsexpr.h"

namespace retort::opsread {

namespace {

bool isOpener(char16_t op)
{
    return op == u'(' || op == u'[' || op == u'{';
}

bool isCloser(char16_t op)
{
    return op == u')' || op == u']' || op == u'}';
}

} // namespace

LineTokens::LineTokens(const QList<PyToken>& tokens) : m_tokens(tokens)
{
    m_match.fill(-1, tokens.size());
    QVarLengthArray<int, 32> open;
    for (int i = 0; i < int(tokens.size()); ++i) {
        const char16_t op = tokens.at(i).op;
        if (isOpener(op)) {
            open.append(i);
        } else if (isCloser(op) && !open.isEmpty()) {
            const int o = open.back();
            open.removeLast();
            m_match[o] = i;
            m_match[i] = o;
        }
    }
}

int LineTokens::findTopLevel(Span s, char16_t op) const
{
    for (int i = s.b; i < s.e; ++i) {
        const char16_t c = at(i).op;
        if (isOpener(c)) {
            const int m = match(i);
            if (m < 0 || m >= s.e)
                return s.e;
            i = m;
        } else if (c == op && c != 0) {
            return i;
        }
    }
    return s.e;
}

QList<Span> LineTokens::split(Span s) const
{
    QList<Span> items;
    int start = s.b;
    while (start < s.e) {
        const int comma = findTopLevel({start, s.e}, u',');
        items.append({start, comma});
        start = comma + 1;
    }
    return items;
}

Span LineTokens::unwrap(Span s) const
{
    while (s.size() >= 2 && at(s.b).op == u'(' && match(s.b) == s.e - 1 &&
           findTopLevel({s.b + 1, s.e - 1}, u',') == s.e - 1 && s.size() > 2)
        s = {s.b + 1, s.e - 1};
    return s;
}

QString LineTokens::dottedName(Span s) const
{
    if (s.empty() || (s.size() % 2) == 0)
        return {};
    QString name;
    for (int i = s.b; i < s.e; ++i) {
        const PyToken& t = at(i);
        const bool wantName = ((i - s.b) % 2) == 0;
        if (wantName ? t.kind != PyToken::Kind::Name : t.op != u'.')
            return {};
        name += t.text;
    }
    return name;
}

QStringView LineTokens::lastName(Span callee) const
{
    return callee.empty() ? QStringView() : at(callee.e - 1).text;
}

bool LineTokens::call(Span s, Span* callee, QList<Arg>* args) const
{
    s = unwrap(s);
    if (s.size() < 3 || at(s.e - 1).op != u')')
        return false;
    const int open = match(s.e - 1);
    if (open <= s.b || dottedName({s.b, open}).isEmpty())
        return false;
    *callee = {s.b, open};
    args->clear();
    for (const Span& item : split({open + 1, s.e - 1})) {
        if (item.empty())
            continue;
        Arg a;
        const PyToken& first = at(item.b);
        if (first.isOp(QLatin1StringView("*")) || first.isOp(QLatin1StringView("**"))) {
            a.stars = int(first.text.size());
            a.value = {item.b + 1, item.e};
        } else if (item.size() >= 2 && first.kind == PyToken::Kind::Name &&
                   at(item.b + 1).isOp(QLatin1StringView("="))) {
            a.keyword = first.text;
            a.value = {item.b + 2, item.e};
        } else {
            a.value = item;
        }
        args->append(a);
    }
    return true;
}

bool LineTokens::sequence(Span s, QList<Span>* items) const
{
    if (s.size() < 2)
        return false;
    const char16_t open = at(s.b).op;
    if ((open != u'[' && open != u'(') || match(s.b) != s.e - 1)
        return false;
    const Span inner{s.b + 1, s.e - 1};
    if (open == u'(' && !inner.empty() && findTopLevel(inner, u',') == inner.e)
        return false; // a parenthesized expression, not a tuple
    *items = split(inner);
    for (const Span& item : *items) {
        if (item.empty())
            return false;
        for (int i = item.b; i < item.e; ++i) {
            if (at(i).isName(QLatin1StringView("for")))
                return false; // a comprehension
            if (isOpener(at(i).op))
                i = match(i);
        }
    }
    return true;
}

LineTokens::Shape LineTokens::shape(Span s) const
{
    s = unwrap(s);
    if (s.empty())
        return Shape::Empty;
    const PyToken& first = at(s.b);
    if (first.kind == PyToken::Kind::String) {
        Shape shape = Shape::String;
        for (int i = s.b; i < s.e; ++i) {
            const PyToken& t = at(i);
            if (t.kind != PyToken::Kind::String)
                return Shape::Other;
            if (t.formatted)
                shape = Shape::FString;
            else if (t.bytes && shape == Shape::String)
                shape = Shape::Bytes;
        }
        return shape;
    }
    if (s.size() == 1) {
        if (first.kind == PyToken::Kind::Number)
            return Shape::Number;
        if (first.isOp(QLatin1StringView("...")))
            return Shape::Ellipsis;
        if (first.kind == PyToken::Kind::Name) {
            if (first.text == u"True")
                return Shape::True;
            if (first.text == u"False")
                return Shape::False;
            if (first.text == u"None")
                return Shape::None;
            return PythonTokenizer::isKeyword(first.text) ? Shape::Other : Shape::Name;
        }
        return Shape::Other;
    }
    if (s.size() == 2 && (first.op == u'-' || first.op == u'+') &&
        at(s.b + 1).kind == PyToken::Kind::Number)
        return Shape::Number;
    if (match(s.b) == s.e - 1) {
        if (first.op == u'[')
            return Shape::List;
        if (first.op == u'{')
            return Shape::Dict;
        if (first.op == u'(')
            return Shape::Tuple;
    }
    if (at(s.e - 1).op == u')') {
        const int open = match(s.e - 1);
        if (open > s.b && !dottedName({s.b, open}).isEmpty())
            return Shape::Call;
    }
    return Shape::Other;
}

std::optional<QString> LineTokens::stringValue(Span s) const
{
    s = unwrap(s);
    if (shape(s) == Shape::String) {
        QString value;
        for (int i = s.b; i < s.e; ++i)
            value += at(i).value;
        return value;
    }
    Span callee;
    QList<Arg> args;
    if (call(s, &callee, &args) && args.size() == 1 && args.first().stars == 0) {
        const QString name = dottedName(callee);
        // op.f() marks a name as final (no naming convention); text() is SQL as a string.
        if (name == u"op.f" || lastName(callee) == u"text" || lastName(callee) == u"literal_column")
            return stringValue(args.first().value);
    }
    return std::nullopt;
}

std::optional<bool> LineTokens::boolValue(Span s) const
{
    switch (shape(s)) {
    case Shape::True:
        return true;
    case Shape::False:
        return false;
    default:
        return std::nullopt;
    }
}

QString LineTokens::source(Span s, int limit) const
{
    QString text;
    for (int i = s.b; i < s.e; ++i) {
        const PyToken& t = at(i);
        if (i > s.b) {
            const PyToken& prev = at(i - 1);
            const QChar* prevEnd = prev.text.data() + prev.text.size();
            const qsizetype gap = t.text.data() - prevEnd;
            if (gap > 0) {
                const QStringView between(prevEnd, gap);
                const bool plain = !between.contains(u'\n') && !between.contains(u'\r') &&
                                   !between.contains(u'#') && !between.contains(u'\\');
                if (plain)
                    text += between.size() > 1 ? QStringView(u" ") : between;
                else if (!isOpener(prev.op) && !isCloser(t.op) && t.op != u',')
                    text += u' ';
            }
        }
        text += t.text;
        if (text.size() > limit) {
            text.truncate(std::max(0, limit - 3));
            text += QStringLiteral("...");
            return text;
        }
    }
    // A string literal across lines keeps its line breaks in `text`: one line for display.
    if (text.contains(u'\n') || text.contains(u'\r'))
        text = text.simplified();
    return text;
}

BoundArgs bindArgs(const LineTokens& t, const QList<Arg>& args,
                   const QList<const char*>& positional, bool varPositional)
{
    BoundArgs bound;
    auto next = positional.begin();
    for (const Arg& a : args) {
        if (a.stars > 0) {
            if (bound.unpacked.isEmpty())
                bound.unpacked = t.source(a.value, 60);
            continue;
        }
        if (!a.keyword.isEmpty()) {
            bound.named.append({a.keyword.toString(), a.value});
        } else if (next != positional.end()) {
            bound.named.append({QString::fromLatin1(*next), a.value});
            ++next;
        } else if (varPositional) {
            bound.extra.append(a.value);
        } else {
            bound.tooMany = true;
        }
    }
    return bound;
}

} // namespace retort::opsread
