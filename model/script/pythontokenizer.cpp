#include "model/script/pythontokenizer.h"

#include <algorithm>

namespace retort {

namespace {

bool isIdentStart(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
    return c.isLetter() || (!c.isSpace() && !c.isPunct());
}

bool isIdentPart(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_'
               || (u >= '0' && u <= '9');
    return isIdentStart(c) || c.isDigit() || c.isMark();
}

// Recognises a string prefix (r, u, b, f, br, rb, fr, rf in any case) directly followed by
// a quote. Returns the prefix length, or -1 when `pos` does not start a string literal.
int stringPrefixLength(const QString& s, qsizetype pos)
{
    auto lower = [&](qsizetype i) -> char16_t {
        const char16_t u = s.at(i).unicode();
        return (u >= 'A' && u <= 'Z') ? char16_t(u + 32) : u;
    };
    auto isQuote = [&](qsizetype i) {
        return i < s.size() && (s.at(i) == u'\'' || s.at(i) == u'"');
    };
    const char16_t a = lower(pos);
    if (a != 'r' && a != 'u' && a != 'b' && a != 'f')
        return -1;
    if (isQuote(pos + 1))
        return 1;
    if (pos + 1 >= s.size() || !isQuote(pos + 2))
        return -1;
    const char16_t b = lower(pos + 1);
    const bool ok = (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
    return ok ? 2 : -1;
}

// Length of the operator at the start of `text` (up to three characters), 0 when none.
int operatorLength(QStringView text)
{
    if (text.isEmpty())
        return 0;
    const char16_t a = text.at(0).unicode();
    const char16_t b = text.size() > 1 ? text.at(1).unicode() : 0;
    const char16_t c = text.size() > 2 ? text.at(2).unicode() : 0;
    switch (a) {
    case ',': case ';': case '~':
        return 1;
    case '.':
        return b == '.' && c == '.' ? 3 : 1;
    case '*': case '/': case '<': case '>':
        if (b == a)
            return c == '=' ? 3 : 2; // ** // << >> and their assignments
        return b == '=' ? 2 : 1;
    case '-':
        return b == '>' || b == '=' ? 2 : 1;
    case '=': case '!': case '+': case '%': case '&': case '|': case '^': case '@': case ':':
        return b == '=' ? 2 : 1;
    default:
        return 0;
    }
}

} // namespace

Result<QString> PythonTokenizer::decodeEscapes(QStringView body, bool bytes, bool* named)
{
    QString decoded;
    QString* out = &decoded;
    out->reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c != u'\\' || i + 1 >= body.size()) {
            out->append(c);
            continue;
        }
        const QChar e = body.at(++i);
        switch (e.unicode()) {
        case '\n':
            break; // escaped newline: line continuation inside the literal
        case '\\': out->append(u'\\'); break;
        case '\'': out->append(u'\''); break;
        case '"': out->append(u'"'); break;
        case 'a': out->append(QChar(0x07)); break;
        case 'b': out->append(QChar(0x08)); break;
        case 'f': out->append(QChar(0x0c)); break;
        case 'n': out->append(u'\n'); break;
        case 'r': out->append(u'\r'); break;
        case 't': out->append(u'\t'); break;
        case 'v': out->append(QChar(0x0b)); break;
        case 'x':
        case 'u':
        case 'U': {
            if (bytes && e != u'x') {
                out->append(u'\\');
                out->append(e);
                break;
            }
            const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
            if (i + digits >= body.size())
                return Failure{tr("truncated \\%1 escape in a string").arg(e)};
            bool ok = false;
            const uint code = body.mid(i + 1, digits).toUInt(&ok, 16);
            if (!ok || code > 0x10FFFF)
                return Failure{tr("malformed \\%1 escape in a string").arg(e)};
            const char32_t cp = code;
            out->append(QString::fromUcs4(&cp, 1));
            i += digits;
            break;
        }
        case 'N':
            // Named characters (and \N in bytes) are kept verbatim: no Unicode name table.
            if (!bytes && named)
                *named = true;
            out->append(u'\\');
            out->append(e);
            break;
        default:
            if (e >= u'0' && e <= u'7') {
                uint code = 0;
                int n = 0;
                while (n < 3 && i < body.size() && body.at(i) >= u'0' && body.at(i) <= u'7') {
                    code = code * 8 + (body.at(i).unicode() - '0');
                    ++i;
                    ++n;
                }
                --i;
                out->append(QChar(char16_t(code)));
            } else {
                // Python keeps unknown escapes as they are (with a warning).
                out->append(u'\\');
                out->append(e);
            }
        }
    }
    return decoded;
}

PythonTokenizer::PythonTokenizer(const QString& source) : m_s(source) {}

bool PythonTokenizer::fail(const QString& message, int line)
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_errorLine = line;
    }
    m_pos = m_s.size();
    return false;
}

void PythonTokenizer::newline(qsizetype next)
{
    m_pos = next;
    ++m_line;
    m_lineStart = next;
}

int PythonTokenizer::nextIndent()
{
    if (hasError())
        return -1;
    const qsizetype n = m_s.size();
    while (m_pos < n) {
        const QChar c = m_s.at(m_pos);
        if (c == u' ' || c == u'\t' || c == u'\f') {
            ++m_pos;
        } else if (c == u'#') {
            while (m_pos < n && m_s.at(m_pos) != u'\n' && m_s.at(m_pos) != u'\r')
                ++m_pos;
        } else if (c == u'\r') {
            newline(m_pos + 1 < n && m_s.at(m_pos + 1) == u'\n' ? m_pos + 2 : m_pos + 1);
        } else if (c == u'\n') {
            newline(m_pos + 1);
        } else if (c == u'\\' && m_pos + 1 < n
                   && (m_s.at(m_pos + 1) == u'\n' || m_s.at(m_pos + 1) == u'\r')) {
            // A continuation before any token joins the next physical line.
            const qsizetype after = m_pos + 1;
            newline(m_s.at(after) == u'\r' && after + 1 < n && m_s.at(after + 1) == u'\n'
                        ? after + 2
                        : after + 1);
        } else {
            return int(m_pos - m_lineStart);
        }
    }
    return -1;
}

QStringView PythonTokenizer::peekWord() const
{
    if (m_pos >= m_s.size())
        return {};
    if (m_s.at(m_pos) == u'@')
        return QStringView(m_s).mid(m_pos, 1);
    qsizetype end = m_pos;
    while (end < m_s.size() && isIdentPart(m_s.at(end)))
        ++end;
    return QStringView(m_s).mid(m_pos, end - m_pos);
}

bool PythonTokenizer::readLine(QList<PyToken>* tokens)
{
    if (nextIndent() < 0)
        return false;
    return scanLine(tokens);
}

bool PythonTokenizer::skipLine()
{
    if (nextIndent() < 0)
        return false;
    return scanLine(nullptr);
}

bool PythonTokenizer::scanString(QList<PyToken>* tokens, int prefixLength)
{
    const QString& s = m_s;
    const qsizetype n = s.size();
    qsizetype i = m_pos;
    const qsizetype start = i;
    const int startLine = m_line;
    const qsizetype startLineStart = m_lineStart;
    bool raw = false, bytes = false, formatted = false;
    for (int k = 0; k < prefixLength; ++k) {
        const QChar p = s.at(i + k).toLower();
        raw |= p == u'r';
        bytes |= p == u'b';
        formatted |= p == u'f';
    }
    i += prefixLength;
    const QChar quote = s.at(i);
    const bool triple = i + 2 < n && s.at(i + 1) == quote && s.at(i + 2) == quote;
    i += triple ? 3 : 1;
    const qsizetype bodyStart = i;
    qsizetype bodyEnd = -1;
    while (i < n) {
        const QChar d = s.at(i);
        if (d == u'\\') {
            if (i + 1 < n && (s.at(i + 1) == u'\n' || s.at(i + 1) == u'\r')) {
                qsizetype next = i + 2;
                if (s.at(i + 1) == u'\r' && next < n && s.at(next) == u'\n')
                    ++next;
                ++m_line;
                m_lineStart = next;
                i = next;
                continue;
            }
            i += 2;
            continue;
        }
        if (d == u'\n' || d == u'\r') {
            if (!triple) {
                m_pos = i;
                return fail(tr("unterminated string literal"), startLine);
            }
            if (d == u'\r' && i + 1 < n && s.at(i + 1) == u'\n')
                ++i;
            ++i;
            ++m_line;
            m_lineStart = i;
            continue;
        }
        if (d == quote) {
            if (!triple) {
                bodyEnd = i;
                ++i;
                break;
            }
            if (i + 2 < n && s.at(i + 1) == quote && s.at(i + 2) == quote) {
                bodyEnd = i;
                i += 3;
                break;
            }
        }
        ++i;
    }
    if (bodyEnd < 0)
        return fail(triple ? tr("unterminated triple-quoted string literal")
                           : tr("unterminated string literal"),
                    startLine);
    m_pos = i;
    if (!tokens)
        return true;

    PyToken t;
    t.kind = PyToken::Kind::String;
    t.text = QStringView(s).mid(start, i - start);
    t.line = startLine;
    t.column = int(start - startLineStart);
    t.bytes = bytes;
    t.formatted = formatted;
    QString body = s.mid(bodyStart, bodyEnd - bodyStart);
    if (body.contains(u'\r')) {
        body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        body.replace(u'\r', u'\n');
    }
    if (raw || !body.contains(u'\\')) {
        t.value = body;
    } else {
        Result<QString> decoded = decodeEscapes(body, bytes, &t.namedEscape);
        if (!decoded)
            return fail(decoded.error(), startLine);
        t.value = std::move(decoded).value();
    }
    tokens->append(std::move(t));
    return true;
}

bool PythonTokenizer::scanLine(QList<PyToken>* tokens)
{
    const QString& s = m_s;
    const qsizetype n = s.size();
    auto push = [&](PyToken::Kind kind, qsizetype length) {
        if (tokens) {
            PyToken& t = tokens->emplaceBack();
            t.kind = kind;
            t.text = QStringView(s.constData() + m_pos, length);
            if (kind == PyToken::Kind::Op && length == 1)
                t.op = s.at(m_pos).unicode();
            t.line = m_line;
            t.column = int(m_pos - m_lineStart);
        }
        m_pos += length;
    };

    while (m_pos < n) {
        const QChar c = s.at(m_pos);
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\r') {
            const qsizetype next = u == '\r' && m_pos + 1 < n && s.at(m_pos + 1) == u'\n'
                                       ? m_pos + 2
                                       : m_pos + 1;
            newline(next);
            if (m_open.isEmpty())
                return true; // the end of the logical line
            continue;
        }
        if (u == ' ' || u == '\t' || u == '\f') {
            ++m_pos;
            continue;
        }
        if (u == '#') {
            while (m_pos < n && s.at(m_pos) != u'\n' && s.at(m_pos) != u'\r')
                ++m_pos;
            continue;
        }
        if (u == '\\') {
            // Explicit line joining: a backslash must be the last character of the line.
            // The line may end in \n, \r\n or a lone \r (old Mac files): Python takes all three.
            qsizetype j = m_pos + 1;
            if (j < n && s.at(j) == u'\r') {
                newline(j + 1 < n && s.at(j + 1) == u'\n' ? j + 2 : j + 1);
                continue;
            }
            if (j < n && s.at(j) == u'\n') {
                newline(j + 1);
                continue;
            }
            if (j >= n) {
                m_pos = j;
                continue;
            }
            return fail(tr("unexpected character after line continuation character"), m_line);
        }
        if (u == '\'' || u == '"') {
            if (!scanString(tokens, 0))
                return false;
            continue;
        }
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
            const int prefixLength = stringPrefixLength(s, m_pos);
            if (prefixLength > 0) {
                if (!scanString(tokens, prefixLength))
                    return false;
                continue;
            }
        }
        if (isIdentStart(c)) {
            qsizetype end = m_pos + 1;
            while (end < n && isIdentPart(s.at(end)))
                ++end;
            push(PyToken::Kind::Name, end - m_pos);
            continue;
        }
        if (c.isDigit() || (u == '.' && m_pos + 1 < n && s.at(m_pos + 1).isDigit())) {
            qsizetype end = m_pos;
            const bool hex = s.mid(m_pos, 2).startsWith(QLatin1StringView("0x"), Qt::CaseInsensitive);
            while (end < n) {
                const QChar d = s.at(end);
                if (d.isLetterOrNumber() || d == u'_' || d == u'.')
                    ++end;
                else if ((d == u'+' || d == u'-') && !hex
                         && (s.at(end - 1) == u'e' || s.at(end - 1) == u'E'))
                    ++end;
                else
                    break;
            }
            push(PyToken::Kind::Number, end - m_pos);
            continue;
        }
        if (u == '(' || u == '[' || u == '{') {
            // CPython's tokenizer stops at MAXLEVEL (200) open brackets; so does this one,
            // and so nothing downstream recurses deeper than that
            if (m_open.size() >= kMaxBracketDepth)
                return fail(tr("too many nested parentheses"), m_line);
            m_open.append({u, m_line});
            push(PyToken::Kind::Op, 1);
            continue;
        }
        if (u == ')' || u == ']' || u == '}') {
            const QChar open = u == ')' ? u'(' : u == ']' ? u'[' : u'{';
            if (m_open.isEmpty())
                return fail(tr("unmatched '%1'").arg(c), m_line);
            if (m_open.back().bracket != open)
                return fail(tr("closing bracket '%1' does not match '%2' on line %3")
                                .arg(c)
                                .arg(QChar(m_open.back().bracket))
                                .arg(m_open.back().line),
                            m_line);
            m_open.removeLast();
            push(PyToken::Kind::Op, 1);
            continue;
        }
        const int opLength = operatorLength(QStringView(s).mid(m_pos, 3));
        if (opLength > 0) {
            push(PyToken::Kind::Op, opLength);
            continue;
        }
        if (u == 0)
            return fail(tr("source code cannot contain null bytes"), m_line);
        return fail(tr("invalid character '%1' (U+%2)")
                        .arg(c)
                        .arg(QString::number(u, 16).toUpper().rightJustified(4, u'0')),
                    m_line);
    }
    if (!m_open.isEmpty())
        return fail(tr("'%1' was never closed").arg(QChar(m_open.back().bracket)),
                    m_open.back().line);
    return true;
}

bool PythonTokenizer::isKeyword(QStringView name)
{
    static const QStringList keywords = {
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield")};
    return keywords.contains(name);
}

QString PythonTokenizer::normalizeIdentifiers(const QString& source)
{
    const bool ascii = std::all_of(source.cbegin(), source.cend(),
                                   [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return source;
    const PyTokens tokens = tokenize(source);
    QString out;
    qsizetype copied = 0;
    for (const PyToken& t : tokens.tokens) {
        if (t.kind != PyToken::Kind::Name ||
            std::all_of(t.text.cbegin(), t.text.cend(), [](QChar c) { return c.unicode() < 0x80; }))
            continue;
        const QString normal = t.text.toString().normalized(QString::NormalizationForm_KC);
        // Python matches keywords before it normalizes: a name that normalizes to one is
        // no keyword there, and is kept as it is written here.
        if (normal == t.text || isKeyword(normal) || normal.contains(u'\n'))
            continue;
        const qsizetype at = t.text.data() - tokens.source.constData();
        out += QStringView(source).mid(copied, at - copied);
        out += normal;
        copied = at + t.text.size();
    }
    if (copied == 0)
        return source;
    out += QStringView(source).mid(copied);
    return out;
}

PyTokens PythonTokenizer::tokenize(const QString& source)
{
    PyTokens result;
    result.source = source; // implicitly shared: the views below stay valid with `result`
    PythonTokenizer tokenizer(result.source);
    while (tokenizer.nextIndent() >= 0) {
        const bool complete = tokenizer.scanLine(&result.tokens);
        if (!complete)
            break;
        PyToken nl;
        nl.kind = PyToken::Kind::Newline;
        nl.line = tokenizer.line();
        result.tokens.append(nl);
    }
    result.error = tokenizer.error();
    result.errorLine = tokenizer.errorLine();
    PyToken eof;
    eof.kind = PyToken::Kind::EndOfFile;
    eof.line = tokenizer.line();
    result.tokens.append(eof);
    return result;
}

} // namespace retort
