#include "model/config/tomlparser.h"

#include "model/config/tomlfile.h"
#include "model/config/tomlscalar.h"

#include <QRegularExpression>

namespace retort {

namespace {

bool isBareKeyChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' ||
           u == '-';
}

// Characters that may make up a number, boolean, date or time token.
bool isValueTokenChar(QChar c)
{
    return isBareKeyChar(c) || c == u'+' || c == u'.' || c == u':';
}

// Control characters TOML forbids in comments and strings (tab is allowed).
bool isForbiddenControl(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || u == 0x7f;
}

QString describeChar(QChar c)
{
    if (c.unicode() < 0x20 || c.unicode() == 0x7f || !c.isPrint())
        return QStringLiteral("U+%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0')).toUpper();
    return u'\'' + QString(c) + u'\'';
}

QString displayKey(const QStringList& key)
{
    QStringList parts;
    for (const QString& part : key) {
        bool bare = !part.isEmpty();
        for (QChar c : part)
            bare = bare && isBareKeyChar(c);
        parts.append(bare ? part : u'"' + part + u'"');
    }
    return parts.join(u'.');
}

} // namespace

Failure<QString> TomlParser::failAt(int line, const QString& message) const
{
    return Failure{tr("%1, line %2: %3").arg(m_source, QString::number(line), message)};
}

void TomlParser::skipSpaces()
{
    while (peek() == u' ' || peek() == u'\t')
        ++m_pos;
}

Result<void> TomlParser::skipComment()
{
    if (peek() != u'#')
        return {};
    while (!atEnd() && !isNewlineHere()) {
        if (isForbiddenControl(peek()))
            return fail(tr("control character %1 in a comment").arg(describeChar(peek())));
        ++m_pos;
    }
    return {};
}

// Called at a newline (isNewlineHere()): "\n" or "\r\n"; a lone '\r' is an error.
Result<void> TomlParser::consumeNewline()
{
    if (peek() == u'\n') {
        ++m_pos;
        ++m_line;
        return {};
    }
    if (peek() == u'\r' && peek(1) == u'\n') {
        m_pos += 2;
        ++m_line;
        return {};
    }
    return fail(tr("a carriage return not followed by a line feed"));
}

Result<void> TomlParser::skipSpacesCommentsNewlines()
{
    for (;;) {
        skipSpaces();
        if (peek() == u'#') {
            if (Result<void> skipped = skipComment(); !skipped)
                return skipped;
        } else if (isNewlineHere()) {
            if (Result<void> consumed = consumeNewline(); !consumed)
                return consumed;
        } else {
            return {};
        }
    }
}

Result<void> TomlParser::expectLineEnd()
{
    skipSpaces();
    if (Result<void> skipped = skipComment(); !skipped)
        return skipped;
    if (atEnd())
        return {};
    if (isNewlineHere())
        return consumeNewline();
    return fail(tr("expected the end of the line, found %1").arg(describeChar(peek())));
}

Result<QString> TomlParser::parseSimpleKey()
{
    const QChar c = peek();
    if (c == u'"') {
        if (lookingAt(u"\"\"\""))
            return fail(tr("a key cannot be a multi-line string"));
        return parseBasicString();
    }
    if (c == u'\'') {
        if (lookingAt(u"'''"))
            return fail(tr("a key cannot be a multi-line string"));
        return parseLiteralString();
    }
    const qsizetype start = m_pos;
    while (!atEnd() && isBareKeyChar(peek()))
        ++m_pos;
    if (m_pos == start) {
        if (atEnd() || isNewlineHere())
            return fail(tr("expected a key"));
        return fail(tr("expected a key, found %1").arg(describeChar(c)));
    }
    return m_s.mid(start, m_pos - start).toString();
}

Result<QStringList> TomlParser::parseKey()
{
    QStringList key;
    for (;;) {
        Result<QString> part = parseSimpleKey();
        if (!part)
            return Failure{part.error()};
        key.append(std::move(*part));
        if (key.size() > TomlFile::kMaxNesting)
            return fail(tr("a key with more than %1 parts").arg(TomlFile::kMaxNesting));
        skipSpaces();
        if (peek() != u'.')
            return key;
        ++m_pos;
        skipSpaces();
    }
}

// The text an escape sequence stands for; m_pos is just after its backslash.
Result<QString> TomlParser::parseEscape()
{
    const QChar e = peek();
    QString simple;
    int digits = 0;
    switch (e.unicode()) {
    case 'b':
        simple = u'\b';
        break;
    case 't':
        simple = u'\t';
        break;
    case 'n':
        simple = u'\n';
        break;
    case 'f':
        simple = u'\f';
        break;
    case 'r':
        simple = u'\r';
        break;
    case '"':
        simple = u'"';
        break;
    case '\\':
        simple = u'\\';
        break;
    case 'u':
        digits = 4;
        break;
    case 'U':
        digits = 8;
        break;
    default:
        if (atEnd() || isNewlineHere())
            return fail(tr("a backslash at the end of a string"));
        return fail(tr("invalid escape sequence \\%1 in a string").arg(e));
    }
    ++m_pos;
    if (digits == 0)
        return simple;
    uint codePoint = 0;
    for (int i = 0; i < digits; ++i) {
        const char16_t h = peek().unicode();
        int v = -1;
        if (h >= u'0' && h <= u'9')
            v = h - u'0';
        else if (h >= u'a' && h <= u'f')
            v = h - u'a' + 10;
        else if (h >= u'A' && h <= u'F')
            v = h - u'A' + 10;
        if (atEnd() || v < 0)
            return fail(tr("\\%1 must be followed by %2 hexadecimal digits")
                            .arg(e, QString::number(digits)));
        codePoint = codePoint * 16 + uint(v);
        ++m_pos;
    }
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
        return fail(tr("\\%1%2 is not a Unicode scalar value")
                        .arg(e, QString::number(codePoint, 16).rightJustified(digits, u'0')));
    const char32_t c32 = char32_t(codePoint);
    return QString::fromUcs4(&c32, 1);
}

Result<QString> TomlParser::parseBasicString()
{
    const int startLine = m_line;
    ++m_pos; // "
    QString out;
    for (;;) {
        if (atEnd() || isNewlineHere())
            return failAt(startLine, tr("unterminated string"));
        const QChar c = peek();
        if (c == u'"') {
            ++m_pos;
            return out;
        }
        if (c == u'\\') {
            ++m_pos;
            Result<QString> escaped = parseEscape();
            if (!escaped)
                return escaped;
            out += *escaped;
            continue;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        out += c;
        ++m_pos;
    }
}

// A multi-line string after its opening `quote` x 3: basic (") with escapes and line-ending
// backslashes, or literal (') as written.
Result<QString> TomlParser::parseMultilineString(QChar quote)
{
    const bool basic = quote == u'"';
    const QString delimiter(3, quote);
    const int startLine = m_line;
    m_pos += 3;
    QString out;
    if (isNewlineHere()) { // a newline right after the quotes is trimmed
        if (Result<void> consumed = consumeNewline(); !consumed)
            return Failure{consumed.error()};
    }
    for (;;) {
        if (atEnd())
            return failAt(startLine, tr("unterminated multi-line string"));
        const QChar c = peek();
        if (lookingAt(delimiter)) {
            m_pos += 3;
            // Up to two quotes may directly precede the closing delimiter.
            for (int extra = 0; extra < 2 && peek() == quote; ++extra) {
                out += quote;
                ++m_pos;
            }
            return out;
        }
        if (basic && c == u'\\') {
            ++m_pos;
            // A line-ending backslash trims all whitespace and newlines that follow.
            qsizetype look = m_pos;
            while (look < m_s.size() && (m_s[look] == u' ' || m_s[look] == u'\t'))
                ++look;
            if (look < m_s.size() && (m_s[look] == u'\n' || m_s[look] == u'\r')) {
                m_pos = look;
                for (;;) {
                    skipSpaces();
                    if (!isNewlineHere())
                        break;
                    if (Result<void> consumed = consumeNewline(); !consumed)
                        return Failure{consumed.error()};
                }
                continue;
            }
            Result<QString> escaped = parseEscape();
            if (!escaped)
                return escaped;
            out += *escaped;
            continue;
        }
        if (isNewlineHere()) {
            if (Result<void> consumed = consumeNewline(); !consumed)
                return Failure{consumed.error()};
            out += u'\n';
            continue;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        out += c;
        ++m_pos;
    }
}

Result<QString> TomlParser::parseLiteralString()
{
    const int startLine = m_line;
    ++m_pos; // '
    const qsizetype start = m_pos;
    for (;;) {
        if (atEnd() || isNewlineHere())
            return failAt(startLine, tr("unterminated string"));
        const QChar c = peek();
        if (c == u'\'') {
            QString out = m_s.mid(start, m_pos - start).toString();
            ++m_pos;
            return out;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        ++m_pos;
    }
}

Result<std::unique_ptr<TomlParser::Node>> TomlParser::parseArray(int depth)
{
    const int startLine = m_line;
    ++m_pos; // [
    auto out = std::make_unique<Node>(Node::Kind::Array);
    out->frozen = true;
    for (;;) {
        if (Result<void> skipped = skipSpacesCommentsNewlines(); !skipped)
            return Failure{skipped.error()};
        if (atEnd())
            return failAt(startLine, tr("unterminated array"));
        if (peek() == u']') {
            ++m_pos;
            return out;
        }
        Result<std::unique_ptr<Node>> item = parseValue(depth + 1);
        if (!item)
            return item;
        out->items.push_back(std::move(*item));
        if (Result<void> skipped = skipSpacesCommentsNewlines(); !skipped)
            return Failure{skipped.error()};
        if (peek() == u',') {
            ++m_pos;
            continue;
        }
        if (peek() == u']') {
            ++m_pos;
            return out;
        }
        if (atEnd())
            return failAt(startLine, tr("unterminated array"));
        return fail(tr("expected ',' or ']' in an array, found %1").arg(describeChar(peek())));
    }
}

Result<std::unique_ptr<TomlParser::Node>> TomlParser::parseInlineTable(int depth)
{
    ++m_pos; // {
    auto out = std::make_unique<Node>(Node::Kind::Table);
    skipSpaces();
    if (peek() == u'}') {
        ++m_pos;
        out->frozen = true;
        return out;
    }
    for (;;) {
        skipSpaces();
        if (isNewlineHere() || atEnd())
            return fail(tr("an inline table must be on one line and end with '}'"));
        if (peek() == u'}')
            return fail(tr("a trailing comma is not allowed in an inline table"));
        if (Result<void> pair = parseKeyValueInto(*out, depth + 1); !pair)
            return Failure{pair.error()};
        skipSpaces();
        if (peek() == u',') {
            ++m_pos;
            continue;
        }
        if (peek() == u'}') {
            ++m_pos;
            out->frozen = true;
            return out;
        }
        if (isNewlineHere() || atEnd())
            return fail(tr("an inline table must be on one line and end with '}'"));
        return fail(
            tr("expected ',' or '}' in an inline table, found %1").arg(describeChar(peek())));
    }
}

Result<QVariant> TomlParser::parseScalar()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isValueTokenChar(peek()))
        ++m_pos;
    // A date and a time may be separated by one space: 1979-05-27 07:32:00.
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (peek() == u' ' && peek(1).isDigit() && peek(2).isDigit() && peek(3) == u':' &&
        dateOnly.match(m_s.mid(start, m_pos - start)).hasMatch()) {
        ++m_pos;
        while (!atEnd() && isValueTokenChar(peek()))
            ++m_pos;
    }
    QString token = m_s.mid(start, m_pos - start).toString();
    if (token.isEmpty()) {
        if (atEnd() || isNewlineHere() || peek() == u'#')
            return fail(tr("expected a value"));
        return fail(tr("expected a value, found %1").arg(describeChar(peek())));
    }
    Result<QVariant> value = TomlScalar::parse(token);
    if (!value)
        return fail(value.error());
    return value;
}

Result<std::unique_ptr<TomlParser::Node>> TomlParser::parseValue(int depth)
{
    if (depth > TomlFile::kMaxNesting)
        return fail(tr("values nested more than %1 levels deep").arg(TomlFile::kMaxNesting));
    const QChar c = peek();
    if (c == u'[')
        return parseArray(depth);
    if (c == u'{')
        return parseInlineTable(depth);
    auto out = std::make_unique<Node>(Node::Kind::Scalar);
    if (c == u'"' || c == u'\'') {
        Result<QString> text = lookingAt(QString(3, c)) ? parseMultilineString(c)
                               : c == u'"'              ? parseBasicString()
                                                        : parseLiteralString();
        if (!text)
            return Failure{text.error()};
        out->scalar = *text;
        return out;
    }
    Result<QVariant> scalar = parseScalar();
    if (!scalar)
        return Failure{scalar.error()};
    out->scalar = std::move(*scalar);
    return out;
}

Result<TomlParser::Node*> TomlParser::defineTable(Node& root, const QStringList& key,
                                                  bool arrayOfTables)
{
    const QString shown = displayKey(key);
    Node* table = &root;
    for (qsizetype i = 0; i + 1 < key.size(); ++i) {
        auto it = table->children.find(key[i]);
        if (it == table->children.end()) {
            it = table->children.emplace(key[i], std::make_unique<Node>(Node::Kind::Table)).first;
        }
        Node* child = it->second.get();
        if (child->kind == Node::Kind::Array && child->tableArray) {
            child = child->items.back().get();
        } else if (child->kind != Node::Kind::Table) {
            return fail(tr("cannot define the table [%1]: %2 is already a value")
                            .arg(shown, displayKey(key.mid(0, i + 1))));
        } else if (child->frozen) {
            return fail(tr("cannot define the table [%1]: %2 is an inline table")
                            .arg(shown, displayKey(key.mid(0, i + 1))));
        }
        table = child;
    }

    const QString& last = key.back();
    auto it = table->children.find(last);
    if (arrayOfTables) {
        if (it == table->children.end()) {
            auto array = std::make_unique<Node>(Node::Kind::Array);
            array->tableArray = true;
            it = table->children.emplace(last, std::move(array)).first;
        } else if (!(it->second->kind == Node::Kind::Array && it->second->tableArray)) {
            return fail(tr("cannot define [[%1]]: the key is already defined").arg(shown));
        }
        auto element = std::make_unique<Node>(Node::Kind::Table);
        element->headerDefined = true;
        Node* current = element.get();
        it->second->items.push_back(std::move(element));
        return current;
    }
    if (it == table->children.end()) {
        it = table->children.emplace(last, std::make_unique<Node>(Node::Kind::Table)).first;
    } else {
        const Node& existing = *it->second;
        if (existing.kind != Node::Kind::Table || existing.headerDefined ||
            existing.dottedDefined || existing.frozen) {
            return fail(tr("the table [%1] is defined more than once").arg(shown));
        }
    }
    it->second->headerDefined = true;
    return it->second.get();
}

// `key = value` (the value nested `depth` deep), put into `table`: the same in a table and
// in an inline table.
Result<void> TomlParser::parseKeyValueInto(Node& table, int depth)
{
    Result<QStringList> key = parseKey();
    if (!key)
        return Failure{key.error()};
    skipSpaces();
    if (peek() != u'=')
        return fail(tr("expected '=' after the key %1").arg(displayKey(*key)));
    ++m_pos;
    skipSpaces();
    Result<std::unique_ptr<Node>> value = parseValue(depth);
    if (!value)
        return Failure{value.error()};
    return insertKeyValue(table, *key, std::move(*value));
}

Result<void> TomlParser::insertKeyValue(Node& table, const QStringList& key,
                                        std::unique_ptr<Node> value)
{
    Node* t = &table;
    for (qsizetype i = 0; i + 1 < key.size(); ++i) {
        auto it = t->children.find(key[i]);
        if (it == t->children.end()) {
            it = t->children.emplace(key[i], std::make_unique<Node>(Node::Kind::Table)).first;
        } else {
            const Node& existing = *it->second;
            if (existing.kind != Node::Kind::Table || existing.headerDefined || existing.frozen) {
                return fail(tr("cannot set %1: %2 is already defined")
                                .arg(displayKey(key), displayKey(key.mid(0, i + 1))));
            }
        }
        it->second->dottedDefined = true;
        t = it->second.get();
    }
    if (t->children.count(key.back()) != 0)
        return fail(tr("the key %1 is defined more than once").arg(displayKey(key)));
    t->children.emplace(key.back(), std::move(value));
    return {};
}

Result<QVariantMap> TomlParser::parseDocument()
{
    Node root(Node::Kind::Table);
    Node* current = &root;
    for (;;) {
        skipSpaces();
        if (atEnd())
            return root.toVariant().toMap();
        const QChar c = peek();
        if (c == u'#') {
            if (Result<void> ended = expectLineEnd(); !ended)
                return Failure{ended.error()};
        } else if (isNewlineHere()) {
            if (Result<void> consumed = consumeNewline(); !consumed)
                return Failure{consumed.error()};
        } else if (c == u'[') {
            const bool arrayOfTables = peek(1) == u'[';
            m_pos += arrayOfTables ? 2 : 1;
            skipSpaces();
            Result<QStringList> key = parseKey();
            if (!key)
                return Failure{key.error()};
            skipSpaces();
            if (arrayOfTables ? !lookingAt(u"]]") : peek() != u']') {
                return fail(arrayOfTables ? tr("expected ']]' after [[%1").arg(displayKey(*key))
                                          : tr("expected ']' after [%1").arg(displayKey(*key)));
            }
            m_pos += arrayOfTables ? 2 : 1;
            Result<Node*> table = defineTable(root, *key, arrayOfTables);
            if (!table)
                return Failure{table.error()};
            current = *table;
            if (Result<void> ended = expectLineEnd(); !ended)
                return Failure{ended.error()};
        } else {
            if (Result<void> pair = parseKeyValueInto(*current, 1); !pair)
                return Failure{pair.error()};
            if (Result<void> ended = expectLineEnd(); !ended)
                return Failure{ended.error()};
        }
    }
}

} // namespace retort
