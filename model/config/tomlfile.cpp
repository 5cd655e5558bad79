#include "tomlfile.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTime>
#include <QTimeZone>

#include <limits>
#include <map>
#include <memory>
#include <vector>

namespace retort {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("retort", text);
}

// The document is first built as a tree that remembers how each table came to be, so the
// TOML rules about defining things twice can be checked; it becomes QVariants at the end.
struct Node
{
    enum class Kind
    {
        Table,
        Array,
        Scalar
    };

    explicit Node(Kind k) : kind(k) {}

    Kind kind;
    QVariant scalar;
    std::map<QString, std::unique_ptr<Node>> children; // Table
    std::vector<std::unique_ptr<Node>> items;          // Array
    bool headerDefined = false;                        // [a] seen for this table
    bool dottedDefined = false; // created or extended by a dotted key (a.b = …)
    bool frozen = false;        // an inline table or a literal array: closed for good
    bool tableArray = false;    // an array made by [[a]]

    QVariant toVariant() const
    {
        switch (kind) {
        case Kind::Scalar:
            return scalar;
        case Kind::Array: {
            QVariantList list;
            list.reserve(qsizetype(items.size()));
            for (const auto& item : items)
                list.append(item->toVariant());
            return list;
        }
        case Kind::Table: {
            QVariantMap map;
            for (const auto& [key, child] : children)
                map.insert(key, child->toVariant());
            return map;
        }
        }
        return {};
    }
};

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

class Parser
{
public:
    Parser(QStringView text, QString source) : m_s(text), m_source(std::move(source)) {}

    bool parseDocument(Node& root);
    QString error() const { return m_error; }

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_s.size() ? m_s[m_pos + offset] : QChar();
    }
    bool lookingAt(QStringView what) const { return m_s.mid(m_pos).startsWith(what); }

    bool fail(const QString& message) { return failAt(m_line, message); }
    bool failAt(int line, const QString& message)
    {
        if (m_error.isEmpty())
            m_error = tr("%1, line %2: %3").arg(m_source, QString::number(line), message);
        return false;
    }

    void skipSpaces();
    bool skipComment();
    bool isNewlineHere() const { return peek() == u'\n' || peek() == u'\r'; }
    bool consumeNewline();
    bool skipSpacesCommentsNewlines();
    bool expectLineEnd();

    bool parseKey(QStringList& key);
    bool parseSimpleKey(QString& key);
    bool parseValue(std::unique_ptr<Node>& out, int depth);
    bool parseBasicString(QString& out);
    bool parseMultilineBasicString(QString& out);
    bool parseLiteralString(QString& out);
    bool parseMultilineLiteralString(QString& out);
    bool parseEscape(QString& out);
    bool parseArray(std::unique_ptr<Node>& out, int depth);
    bool parseInlineTable(std::unique_ptr<Node>& out, int depth);
    bool parseScalar(QVariant& out);

    bool defineTable(Node& root, const QStringList& key, bool arrayOfTables, Node*& current);
    bool insertKeyValue(Node& table, const QStringList& key, std::unique_ptr<Node> value);

    QStringView m_s;
    QString m_source;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
};

void Parser::skipSpaces()
{
    while (peek() == u' ' || peek() == u'\t')
        ++m_pos;
}

bool Parser::skipComment()
{
    if (peek() != u'#')
        return true;
    while (!atEnd() && !isNewlineHere()) {
        if (isForbiddenControl(peek()))
            return fail(tr("control character %1 in a comment").arg(describeChar(peek())));
        ++m_pos;
    }
    return true;
}

bool Parser::consumeNewline()
{
    if (peek() == u'\n') {
        ++m_pos;
        ++m_line;
        return true;
    }
    if (peek() == u'\r' && peek(1) == u'\n') {
        m_pos += 2;
        ++m_line;
        return true;
    }
    if (peek() == u'\r')
        return fail(tr("a carriage return not followed by a line feed"));
    return false;
}

bool Parser::skipSpacesCommentsNewlines()
{
    for (;;) {
        skipSpaces();
        if (peek() == u'#') {
            if (!skipComment())
                return false;
        } else if (isNewlineHere()) {
            if (!consumeNewline())
                return false;
        } else {
            return true;
        }
    }
}

bool Parser::expectLineEnd()
{
    skipSpaces();
    if (!skipComment())
        return false;
    if (atEnd())
        return true;
    if (isNewlineHere())
        return consumeNewline();
    return fail(tr("expected the end of the line, found %1").arg(describeChar(peek())));
}

bool Parser::parseSimpleKey(QString& key)
{
    const QChar c = peek();
    if (c == u'"') {
        if (lookingAt(u"\"\"\""))
            return fail(tr("a key cannot be a multi-line string"));
        return parseBasicString(key);
    }
    if (c == u'\'') {
        if (lookingAt(u"'''"))
            return fail(tr("a key cannot be a multi-line string"));
        return parseLiteralString(key);
    }
    const qsizetype start = m_pos;
    while (!atEnd() && isBareKeyChar(peek()))
        ++m_pos;
    if (m_pos == start) {
        if (atEnd() || isNewlineHere())
            return fail(tr("expected a key"));
        return fail(tr("expected a key, found %1").arg(describeChar(c)));
    }
    key = m_s.mid(start, m_pos - start).toString();
    return true;
}

bool Parser::parseKey(QStringList& key)
{
    key.clear();
    for (;;) {
        QString part;
        if (!parseSimpleKey(part))
            return false;
        key.append(part);
        if (key.size() > TomlFile::kMaxNesting)
            return fail(tr("a key with more than %1 parts").arg(TomlFile::kMaxNesting));
        skipSpaces();
        if (peek() != u'.')
            return true;
        ++m_pos;
        skipSpaces();
    }
}

bool Parser::parseEscape(QString& out)
{
    // m_pos is just after the backslash.
    const QChar e = peek();
    int digits = 0;
    switch (e.unicode()) {
    case 'b':
        out += u'\b';
        break;
    case 't':
        out += u'\t';
        break;
    case 'n':
        out += u'\n';
        break;
    case 'f':
        out += u'\f';
        break;
    case 'r':
        out += u'\r';
        break;
    case '"':
        out += u'"';
        break;
    case '\\':
        out += u'\\';
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
        return true;
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
    out += QString::fromUcs4(&c32, 1);
    return true;
}

bool Parser::parseBasicString(QString& out)
{
    const int startLine = m_line;
    ++m_pos; // "
    out.clear();
    for (;;) {
        if (atEnd() || isNewlineHere())
            return failAt(startLine, tr("unterminated string"));
        const QChar c = peek();
        if (c == u'"') {
            ++m_pos;
            return true;
        }
        if (c == u'\\') {
            ++m_pos;
            if (!parseEscape(out))
                return false;
            continue;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        out += c;
        ++m_pos;
    }
}

bool Parser::parseMultilineBasicString(QString& out)
{
    const int startLine = m_line;
    m_pos += 3;
    out.clear();
    if (isNewlineHere() && !consumeNewline()) // a newline right after """ is trimmed
        return false;
    for (;;) {
        if (atEnd())
            return failAt(startLine, tr("unterminated multi-line string"));
        const QChar c = peek();
        if (lookingAt(u"\"\"\"")) {
            m_pos += 3;
            // Up to two quotes may directly precede the closing delimiter.
            for (int extra = 0; extra < 2 && peek() == u'"'; ++extra) {
                out += u'"';
                ++m_pos;
            }
            return true;
        }
        if (c == u'\\') {
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
                    if (!consumeNewline())
                        return false;
                }
                continue;
            }
            if (!parseEscape(out))
                return false;
            continue;
        }
        if (isNewlineHere()) {
            if (!consumeNewline())
                return false;
            out += u'\n';
            continue;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        out += c;
        ++m_pos;
    }
}

bool Parser::parseLiteralString(QString& out)
{
    const int startLine = m_line;
    ++m_pos; // '
    const qsizetype start = m_pos;
    for (;;) {
        if (atEnd() || isNewlineHere())
            return failAt(startLine, tr("unterminated string"));
        const QChar c = peek();
        if (c == u'\'') {
            out = m_s.mid(start, m_pos - start).toString();
            ++m_pos;
            return true;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        ++m_pos;
    }
}

bool Parser::parseMultilineLiteralString(QString& out)
{
    const int startLine = m_line;
    m_pos += 3;
    out.clear();
    if (isNewlineHere() && !consumeNewline())
        return false;
    for (;;) {
        if (atEnd())
            return failAt(startLine, tr("unterminated multi-line string"));
        const QChar c = peek();
        if (lookingAt(u"'''")) {
            m_pos += 3;
            for (int extra = 0; extra < 2 && peek() == u'\''; ++extra) {
                out += u'\'';
                ++m_pos;
            }
            return true;
        }
        if (isNewlineHere()) {
            if (!consumeNewline())
                return false;
            out += u'\n';
            continue;
        }
        if (isForbiddenControl(c))
            return fail(tr("control character %1 in a string").arg(describeChar(c)));
        out += c;
        ++m_pos;
    }
}

bool Parser::parseArray(std::unique_ptr<Node>& out, int depth)
{
    const int startLine = m_line;
    ++m_pos; // [
    out = std::make_unique<Node>(Node::Kind::Array);
    out->frozen = true;
    for (;;) {
        if (!skipSpacesCommentsNewlines())
            return false;
        if (atEnd())
            return failAt(startLine, tr("unterminated array"));
        if (peek() == u']') {
            ++m_pos;
            return true;
        }
        std::unique_ptr<Node> item;
        if (!parseValue(item, depth + 1))
            return false;
        out->items.push_back(std::move(item));
        if (!skipSpacesCommentsNewlines())
            return false;
        if (peek() == u',') {
            ++m_pos;
            continue;
        }
        if (peek() == u']') {
            ++m_pos;
            return true;
        }
        if (atEnd())
            return failAt(startLine, tr("unterminated array"));
        return fail(tr("expected ',' or ']' in an array, found %1").arg(describeChar(peek())));
    }
}

bool Parser::parseInlineTable(std::unique_ptr<Node>& out, int depth)
{
    ++m_pos; // {
    out = std::make_unique<Node>(Node::Kind::Table);
    skipSpaces();
    if (peek() == u'}') {
        ++m_pos;
        out->frozen = true;
        return true;
    }
    for (;;) {
        skipSpaces();
        if (isNewlineHere() || atEnd())
            return fail(tr("an inline table must be on one line and end with '}'"));
        if (peek() == u'}')
            return fail(tr("a trailing comma is not allowed in an inline table"));
        QStringList key;
        if (!parseKey(key))
            return false;
        skipSpaces();
        if (peek() != u'=')
            return fail(tr("expected '=' after the key %1").arg(displayKey(key)));
        ++m_pos;
        skipSpaces();
        std::unique_ptr<Node> value;
        if (!parseValue(value, depth + 1))
            return false;
        if (!insertKeyValue(*out, key, std::move(value)))
            return false;
        skipSpaces();
        if (peek() == u',') {
            ++m_pos;
            continue;
        }
        if (peek() == u'}') {
            ++m_pos;
            out->frozen = true;
            return true;
        }
        if (isNewlineHere() || atEnd())
            return fail(tr("an inline table must be on one line and end with '}'"));
        return fail(
            tr("expected ',' or '}' in an inline table, found %1").arg(describeChar(peek())));
    }
}

bool Parser::parseScalar(QVariant& out)
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
    const QString shown = token.size() > 40 ? token.left(40) + QChar(0x2026) : token;

    if (token == u"true" || token == u"false") {
        out = token == u"true";
        return true;
    }
    static const QRegularExpression dateTime(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                       "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))?$"));
    static const QRegularExpression date(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression time(
        QStringLiteral("^(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?$"));
    const auto toTime = [](const QRegularExpressionMatch& m, int first) {
        const QString fraction = m.captured(first + 3);
        const int ms = fraction.isEmpty() ? 0 : fraction.left(3).leftJustified(3, u'0').toInt();
        return QTime(m.captured(first).toInt(), m.captured(first + 1).toInt(),
                     m.captured(first + 2).toInt(), ms);
    };
    if (const auto m = dateTime.match(token); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime t = toTime(m, 4);
        if (!d.isValid() || !t.isValid())
            return fail(tr("invalid date-time %1").arg(shown));
        if (!m.captured(8).isEmpty()) {
            out = QDateTime(d, t, QTimeZone::utc());
        } else if (!m.captured(9).isEmpty()) {
            const int hours = m.captured(10).toInt();
            const int minutes = m.captured(11).toInt();
            if (hours > 23 || minutes > 59)
                return fail(tr("invalid date-time %1").arg(shown));
            const int offset = (hours * 3600 + minutes * 60) * (m.captured(9) == u"-" ? -1 : 1);
            out = QDateTime(d, t, QTimeZone(offset));
        } else {
            out = QDateTime(d, t);
        }
        return true;
    }
    if (const auto m = date.match(token); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!d.isValid())
            return fail(tr("invalid date %1").arg(shown));
        out = d;
        return true;
    }
    if (const auto m = time.match(token); m.hasMatch()) {
        const QTime t = toTime(m, 1);
        if (!t.isValid())
            return fail(tr("invalid time %1").arg(shown));
        out = t;
        return true;
    }

    static const QRegularExpression decimalInt(QStringLiteral("^[+-]?(?:0|[1-9](?:_?[0-9])*)$"));
    static const QRegularExpression hexInt(QStringLiteral("^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$"));
    static const QRegularExpression octInt(QStringLiteral("^0o[0-7](?:_?[0-7])*$"));
    static const QRegularExpression binInt(QStringLiteral("^0b[01](?:_?[01])*$"));
    static const QRegularExpression decimalFloat(QStringLiteral(
        "^[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?$"));
    static const QRegularExpression specialFloat(QStringLiteral("^[+-]?(?:inf|nan)$"));

    const auto integer = [&](QStringView digits, int base) {
        bool ok = false;
        QString clean = digits.toString();
        clean.remove(u'_');
        const qint64 v = clean.toLongLong(&ok, base);
        if (!ok)
            return fail(tr("the integer %1 is out of range").arg(shown));
        out = v;
        return true;
    };
    if (decimalInt.match(token).hasMatch())
        return integer(token, 10);
    if (hexInt.match(token).hasMatch())
        return integer(QStringView(token).mid(2), 16);
    if (octInt.match(token).hasMatch())
        return integer(QStringView(token).mid(2), 8);
    if (binInt.match(token).hasMatch())
        return integer(QStringView(token).mid(2), 2);
    if (specialFloat.match(token).hasMatch()) {
        const bool negative = token.startsWith(u'-');
        if (token.endsWith(u"inf"))
            out = negative ? -std::numeric_limits<double>::infinity()
                           : std::numeric_limits<double>::infinity();
        else
            out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (decimalFloat.match(token).hasMatch()) {
        QString clean = token;
        clean.remove(u'_');
        bool ok = false;
        const double v = clean.toDouble(&ok);
        if (!ok)
            return fail(tr("the number %1 is out of range").arg(shown));
        out = v;
        return true;
    }
    return fail(tr("invalid value %1 (strings need quotes)").arg(shown));
}

bool Parser::parseValue(std::unique_ptr<Node>& out, int depth)
{
    if (depth > TomlFile::kMaxNesting)
        return fail(tr("values nested more than %1 levels deep").arg(TomlFile::kMaxNesting));
    const QChar c = peek();
    if (c == u'[')
        return parseArray(out, depth);
    if (c == u'{')
        return parseInlineTable(out, depth);
    out = std::make_unique<Node>(Node::Kind::Scalar);
    if (c == u'"' || c == u'\'') {
        QString text;
        bool ok = false;
        if (c == u'"')
            ok = lookingAt(u"\"\"\"") ? parseMultilineBasicString(text) : parseBasicString(text);
        else
            ok = lookingAt(u"'''") ? parseMultilineLiteralString(text) : parseLiteralString(text);
        out->scalar = text;
        return ok;
    }
    return parseScalar(out->scalar);
}

bool Parser::defineTable(Node& root, const QStringList& key, bool arrayOfTables, Node*& current)
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
        current = element.get();
        it->second->items.push_back(std::move(element));
        return true;
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
    current = it->second.get();
    return true;
}

bool Parser::insertKeyValue(Node& table, const QStringList& key, std::unique_ptr<Node> value)
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
    return true;
}

bool Parser::parseDocument(Node& root)
{
    Node* current = &root;
    for (;;) {
        skipSpaces();
        if (atEnd())
            return true;
        const QChar c = peek();
        if (c == u'#') {
            if (!expectLineEnd())
                return false;
        } else if (isNewlineHere()) {
            if (!consumeNewline())
                return false;
        } else if (c == u'[') {
            const bool arrayOfTables = peek(1) == u'[';
            m_pos += arrayOfTables ? 2 : 1;
            skipSpaces();
            QStringList key;
            if (!parseKey(key))
                return false;
            skipSpaces();
            if (arrayOfTables ? !lookingAt(u"]]") : peek() != u']') {
                return fail(arrayOfTables ? tr("expected ']]' after [[%1").arg(displayKey(key))
                                          : tr("expected ']' after [%1").arg(displayKey(key)));
            }
            m_pos += arrayOfTables ? 2 : 1;
            if (!defineTable(root, key, arrayOfTables, current) || !expectLineEnd())
                return false;
        } else {
            QStringList key;
            if (!parseKey(key))
                return false;
            skipSpaces();
            if (peek() != u'=')
                return fail(tr("expected '=' after the key %1").arg(displayKey(key)));
            ++m_pos;
            skipSpaces();
            std::unique_ptr<Node> value;
            if (!parseValue(value, 1) || !insertKeyValue(*current, key, std::move(value)) ||
                !expectLineEnd()) {
                return false;
            }
        }
    }
}

} // namespace

Result<TomlFile> TomlFile::load(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<TomlFile>::failure(tr("Cannot open %1: the file does not exist").arg(path));
    if (info.isDir())
        return Result<TomlFile>::failure(tr("Cannot open %1: it is a folder").arg(path));
    if (info.size() > kMaxFileSize)
        return Result<TomlFile>::failure(tr("Cannot open %1: the file is too large").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<TomlFile>::failure(tr("Cannot open %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(kMaxFileSize + 1);
    if (bytes.size() > kMaxFileSize)
        return Result<TomlFile>::failure(tr("Cannot open %1: the file is too large").arg(path));
    return parse(bytes, path);
}

Result<TomlFile> TomlFile::parse(const QByteArray& utf8, const QString& sourceName)
{
    QStringDecoder decoder(QStringDecoder::Utf8); // skips a leading BOM
    const QString text = decoder(utf8);
    if (decoder.hasError()) {
        return Result<TomlFile>::failure(
            tr("Cannot read %1: it is not UTF-8 text")
                .arg(sourceName.isEmpty() ? tr("TOML text") : sourceName));
    }
    return parse(text, sourceName);
}

Result<TomlFile> TomlFile::parse(const QString& text, const QString& sourceName)
{
    const QString source = sourceName.isEmpty() ? tr("TOML text") : sourceName;
    Node root(Node::Kind::Table);
    Parser parser(text, source);
    if (!parser.parseDocument(root))
        return Result<TomlFile>::failure(parser.error());
    TomlFile toml;
    toml.m_sourceName = source;
    toml.m_root = root.toVariant().toMap();
    return toml;
}

QVariant TomlFile::value(const QStringList& keyPath) const
{
    if (keyPath.isEmpty())
        return m_root;
    QVariantMap table = m_root;
    for (qsizetype i = 0; i < keyPath.size(); ++i) {
        const auto it = table.constFind(keyPath[i]);
        if (it == table.cend())
            return {};
        if (i + 1 == keyPath.size())
            return *it;
        if (it->typeId() != QMetaType::QVariantMap)
            return {};
        table = it->toMap();
    }
    return {};
}

std::optional<QVariantMap> TomlFile::table(const QStringList& keyPath) const
{
    const QVariant v = value(keyPath);
    if (v.typeId() != QMetaType::QVariantMap)
        return std::nullopt;
    return v.toMap();
}

} // namespace retort
