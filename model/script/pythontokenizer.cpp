#include "pythontokenizer.h"

#include <QCoreApplication>

namespace retort {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("PythonTokenizer", text);
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || (c.unicode() >= 0x80 && !c.isSpace() && !c.isPunct());
}

bool isIdentPart(QChar c)
{
    return isIdentStart(c) || c.isDigit() || c.isMark();
}

// Recognises a string prefix (r, u, b, f, br, rb, fr, rf in any case) directly followed by
// a quote. Returns the prefix length, or -1 when `pos` does not start a string literal.
int stringPrefixLength(const QString& s, qsizetype pos)
{
    qsizetype i = pos;
    while (i < s.size() && i - pos < 2) {
        const QChar c = s.at(i).toLower();
        if (c == u'r' || c == u'u' || c == u'b' || c == u'f')
            ++i;
        else
            break;
    }
    if (i >= s.size() || (s.at(i) != u'\'' && s.at(i) != u'"'))
        return -1;
    const QString prefix = s.mid(pos, i - pos).toLower();
    static const QStringList valid = {QString(),          QStringLiteral("r"),
                                      QStringLiteral("u"), QStringLiteral("b"),
                                      QStringLiteral("f"), QStringLiteral("br"),
                                      QStringLiteral("rb"), QStringLiteral("fr"),
                                      QStringLiteral("rf")};
    return valid.contains(prefix) ? int(i - pos) : -1;
}

const QLatin1StringView kThreeCharOps[] = {
    QLatin1StringView("**="), QLatin1StringView("//="), QLatin1StringView(">>="),
    QLatin1StringView("<<="), QLatin1StringView("..."),
};
const QLatin1StringView kTwoCharOps[] = {
    QLatin1StringView("=="), QLatin1StringView("!="), QLatin1StringView("<="),
    QLatin1StringView(">="), QLatin1StringView("->"), QLatin1StringView("+="),
    QLatin1StringView("-="), QLatin1StringView("*="), QLatin1StringView("/="),
    QLatin1StringView("%="), QLatin1StringView("&="), QLatin1StringView("|="),
    QLatin1StringView("^="), QLatin1StringView("@="), QLatin1StringView(":="),
    QLatin1StringView("**"), QLatin1StringView("//"), QLatin1StringView("<<"),
    QLatin1StringView(">>"),
};
const QString kOneCharOps = QStringLiteral("()[]{},:.;@=+-*/%&|^~<>!");

} // namespace

bool PythonTokenizer::decodeEscapes(QStringView body, bool bytes, QString* out, QString* error)
{
    out->clear();
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
            if (i + digits >= body.size()) {
                *error = tr("truncated \\%1 escape in a string").arg(e);
                return false;
            }
            bool ok = false;
            const uint code = body.mid(i + 1, digits).toUInt(&ok, 16);
            if (!ok || code > 0x10FFFF) {
                *error = tr("malformed \\%1 escape in a string").arg(e);
                return false;
            }
            const char32_t cp = code;
            out->append(QString::fromUcs4(&cp, 1));
            i += digits;
            break;
        }
        case 'N':
            // Named characters (and \N in bytes) are kept verbatim: no Unicode name table.
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
    return true;
}

PyTokens PythonTokenizer::tokenize(const QString& s)
{
    PyTokens result;
    auto& tokens = result.tokens;
    tokens.reserve(s.size() / 4 + 8);

    int line = 1;
    qsizetype lineStart = 0;
    int depth = 0;             // bracket depth: newlines inside brackets are not logical ends
    bool lineHasTokens = false; // the current logical line has produced a token
    QList<QChar> brackets;
    QList<int> bracketLines;

    auto fail = [&](const QString& message, int atLine) {
        result.error = message;
        result.errorLine = atLine;
        PyToken eof;
        eof.kind = PyToken::Kind::EndOfFile;
        eof.line = line;
        tokens.append(eof);
        return result;
    };
    auto push = [&](PyToken::Kind kind, qsizetype from, qsizetype to, int atLine, qsizetype atLineStart) {
        PyToken t;
        t.kind = kind;
        t.text = s.mid(from, to - from);
        t.line = atLine;
        t.column = int(from - atLineStart);
        tokens.append(std::move(t));
        lineHasTokens = true;
    };
    auto endLogicalLine = [&]() {
        if (lineHasTokens) {
            PyToken t;
            t.kind = PyToken::Kind::Newline;
            t.line = line;
            tokens.append(t);
            lineHasTokens = false;
        }
    };

    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s.at(i);
        if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < n && s.at(i + 1) == u'\n')
                ++i;
            ++i;
            if (depth == 0)
                endLogicalLine();
            ++line;
            lineStart = i;
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\f') {
            ++i;
            continue;
        }
        if (c == u'#') {
            while (i < n && s.at(i) != u'\n' && s.at(i) != u'\r')
                ++i;
            continue;
        }
        if (c == u'\\') {
            // Explicit line joining: a backslash must be the last character of the line.
            qsizetype j = i + 1;
            if (j < n && s.at(j) == u'\r')
                ++j;
            if (j < n && s.at(j) == u'\n') {
                i = j + 1;
                ++line;
                lineStart = i;
                continue;
            }
            if (j >= n) {
                i = j;
                continue;
            }
            return fail(tr("unexpected character after line continuation character"), line);
        }

        const int prefixLength = stringPrefixLength(s, i);
        if (prefixLength >= 0) {
            const qsizetype start = i;
            const int startLine = line;
            const qsizetype startLineStart = lineStart;
            const QString prefix = s.mid(i, prefixLength).toLower();
            const bool raw = prefix.contains(u'r');
            const bool bytes = prefix.contains(u'b');
            const bool formatted = prefix.contains(u'f');
            i += prefixLength;
            const QChar quote = s.at(i);
            const bool triple = i + 2 < n && s.at(i + 1) == quote && s.at(i + 2) == quote;
            const int quoteLength = triple ? 3 : 1;
            i += quoteLength;
            const qsizetype bodyStart = i;
            qsizetype bodyEnd = -1;
            while (i < n) {
                const QChar d = s.at(i);
                if (d == u'\\') {
                    if (i + 1 < n && s.at(i + 1) == u'\n')
                        ++line, lineStart = i + 2;
                    else if (i + 1 < n && s.at(i + 1) == u'\r') {
                        ++line;
                        lineStart = i + 2;
                        if (i + 2 < n && s.at(i + 2) == u'\n')
                            ++i, ++lineStart;
                    }
                    i += 2;
                    continue;
                }
                if (d == u'\n' || d == u'\r') {
                    if (!triple)
                        return fail(tr("unterminated string literal"), startLine);
                    if (d == u'\r' && i + 1 < n && s.at(i + 1) == u'\n')
                        ++i;
                    ++i;
                    ++line;
                    lineStart = i;
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

            PyToken t;
            t.kind = PyToken::Kind::String;
            t.text = s.mid(start, i - start);
            t.line = startLine;
            t.column = int(start - startLineStart);
            t.bytes = bytes;
            t.formatted = formatted;
            QString body = s.mid(bodyStart, bodyEnd - bodyStart);
            body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            body.replace(u'\r', u'\n');
            if (raw) {
                t.value = body;
            } else {
                QString error;
                if (!decodeEscapes(body, bytes, &t.value, &error))
                    return fail(error, startLine);
            }
            tokens.append(std::move(t));
            lineHasTokens = true;
            continue;
        }

        if (isIdentStart(c)) {
            const qsizetype start = i;
            while (i < n && isIdentPart(s.at(i)))
                ++i;
            push(PyToken::Kind::Name, start, i, line, lineStart);
            continue;
        }
        if (c.isDigit() || (c == u'.' && i + 1 < n && s.at(i + 1).isDigit())) {
            const qsizetype start = i;
            while (i < n) {
                const QChar d = s.at(i);
                if (d.isLetterOrNumber() || d == u'_' || d == u'.') {
                    ++i;
                } else if ((d == u'+' || d == u'-') && i > start
                           && (s.at(i - 1) == u'e' || s.at(i - 1) == u'E')
                           && !s.mid(start, 2).startsWith(QLatin1StringView("0x"),
                                                          Qt::CaseInsensitive)) {
                    ++i;
                } else {
                    break;
                }
            }
            push(PyToken::Kind::Number, start, i, line, lineStart);
            continue;
        }

        // Operators and brackets.
        if (c == u'(' || c == u'[' || c == u'{') {
            brackets.append(c);
            bracketLines.append(line);
            ++depth;
            push(PyToken::Kind::Op, i, i + 1, line, lineStart);
            ++i;
            continue;
        }
        if (c == u')' || c == u']' || c == u'}') {
            const QChar open = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (brackets.isEmpty())
                return fail(tr("unmatched '%1'").arg(c), line);
            if (brackets.last() != open)
                return fail(tr("closing bracket '%1' does not match '%2' on line %3")
                                .arg(c)
                                .arg(brackets.last())
                                .arg(bracketLines.last()),
                            line);
            brackets.removeLast();
            bracketLines.removeLast();
            --depth;
            push(PyToken::Kind::Op, i, i + 1, line, lineStart);
            ++i;
            continue;
        }
        bool matched = false;
        for (const auto op : kThreeCharOps) {
            if (QStringView(s).mid(i, 3) == op) {
                push(PyToken::Kind::Op, i, i + 3, line, lineStart);
                i += 3;
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        for (const auto op : kTwoCharOps) {
            if (QStringView(s).mid(i, 2) == op) {
                push(PyToken::Kind::Op, i, i + 2, line, lineStart);
                i += 2;
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        if (kOneCharOps.contains(c)) {
            push(PyToken::Kind::Op, i, i + 1, line, lineStart);
            ++i;
            continue;
        }
        if (c.unicode() == 0)
            return fail(tr("source code cannot contain null bytes"), line);
        return fail(tr("invalid character '%1' (U+%2)")
                        .arg(c)
                        .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0')),
                    line);
    }

    if (!brackets.isEmpty())
        return fail(tr("'%1' was never closed").arg(brackets.last()), bracketLines.last());
    endLogicalLine();
    PyToken eof;
    eof.kind = PyToken::Kind::EndOfFile;
    eof.line = line;
    tokens.append(eof);
    return result;
}

} // namespace retort
