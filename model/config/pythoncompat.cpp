#include "model/config/pythoncompat.h"

#include <QChar>
#include <QStringDecoder>
#include <QUrl>

#include <cmath>
#include <limits>

namespace retort {

namespace {

// int() keeps ASCII as is and parses it with C isspace(); other code points count as
// space when Python's str.isspace() says so.
bool isPythonSpace(char32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return QChar::isSpace(c);
}

// ---- urllib.parse.unquote(s, encoding="utf-8", errors="replace") -------------------------

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// unquote_to_bytes() of an ASCII run.
QByteArray percentToBytes(QStringView ascii)
{
    QByteArray in = ascii.toLatin1();
    QByteArray out;
    out.reserve(in.size());
    const qsizetype first = in.indexOf('%');
    if (first < 0)
        return in;
    out.append(in.constData(), first);
    qsizetype i = first;
    while (i < in.size()) {
        // in[i] == '%'
        if (i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out.append(char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 3;
        } else {
            out.append('%');
            ++i;
        }
        const qsizetype next = in.indexOf('%', i);
        const qsizetype stop = next < 0 ? in.size() : next;
        out.append(in.constData() + i, stop - i);
        i = stop;
    }
    return out;
}

// UTF-8 decoding with one U+FFFD per maximal invalid subpart, as CPython's decoder does.
QString decodeUtf8Replace(const QByteArray& bytes)
{
    QString out;
    out.reserve(bytes.size());
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = b[i];
        if (c < 0x80) {
            out.append(QChar(char16_t(c)));
            ++i;
            continue;
        }
        int need = 0;
        char32_t cp = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            cp = c & 0x0F;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            cp = c & 0x07;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            out.append(QChar(QChar::ReplacementCharacter));
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        bool good = true;
        for (int k = 0; k < need; ++k, ++j) {
            if (j >= n || b[j] < lo || b[j] > hi) {
                good = false;
                break;
            }
            cp = (cp << 6) | (b[j] & 0x3F);
            lo = 0x80;
            hi = 0xBF;
        }
        if (!good) {
            out.append(QChar(QChar::ReplacementCharacter));
            i = j; // resume at the offending byte
            continue;
        }
        const char32_t one[1] = {cp};
        out.append(QString::fromUcs4(one, 1));
        i = j;
    }
    return out;
}

} // namespace

// ---- Python's str -> int (base 10), as int() parses a port ------------------------------

Result<qint64, PythonCompat::IntError> PythonCompat::parseInt(const QString& text)
{
    const QList<uint> cps = text.toUcs4();
    qsizetype i = 0;
    qsizetype end = cps.size();
    while (i < end && isPythonSpace(cps[i]))
        ++i;
    while (end > i && isPythonSpace(cps[end - 1]))
        --end;
    bool negative = false;
    if (i < end && (cps[i] == '+' || cps[i] == '-')) {
        negative = cps[i] == '-';
        ++i;
    }
    if (i >= end)
        return Failure{IntError::Invalid};
    qint64 value = 0;
    bool overflow = false;
    bool lastWasDigit = false;
    for (; i < end; ++i) {
        const char32_t c = cps[i];
        if (c == '_') {
            if (!lastWasDigit)
                return Failure{IntError::Invalid};
            lastWasDigit = false;
            continue;
        }
        if (QChar::category(c) != QChar::Number_DecimalDigit)
            return Failure{IntError::Invalid};
        const int digit = QChar::digitValue(c);
        if (digit < 0)
            return Failure{IntError::Invalid};
        if (!overflow) {
            if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
                overflow = true;
            else
                value = value * 10 + digit;
        }
        lastWasDigit = true;
    }
    if (!lastWasDigit)
        return Failure{IntError::Invalid};
    if (overflow)
        return Failure{IntError::Overflow};
    return negative ? -value : value;
}

QString PythonCompat::unquote(const QString& s)
{
    if (!s.contains(QLatin1Char('%')))
        return s;
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (s.at(i).unicode() >= 0x80) {
            out.append(s.at(i));
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && s.at(j).unicode() < 0x80)
            ++j;
        out.append(decodeUtf8Replace(percentToBytes(QStringView(s).mid(i, j - i))));
        i = j;
    }
    return out;
}

// urllib.parse.parse_qsl(qs) with its defaults (keep_blank_values=False, separator '&').
QList<QPair<QString, QString>> PythonCompat::parseQsl(const QString& qs)
{
    QList<QPair<QString, QString>> items;
    if (qs.isEmpty())
        return items;
    const QStringList parts = qs.split(QLatin1Char('&'));
    for (const QString& part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        QString name = part.left(eq);
        QString value = part.mid(eq + 1);
        if (value.isEmpty())
            continue;
        name.replace(QLatin1Char('+'), QLatin1Char(' '));
        value.replace(QLatin1Char('+'), QLatin1Char(' '));
        items.append({unquote(name), unquote(value)});
    }
    return items;
}

// urllib.parse.quote_plus(s)
QString PythonCompat::quotePlus(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s, QByteArrayLiteral(" ")))
        .replace(QLatin1Char(' '), QLatin1Char('+'));
}

// sqlalchemy.engine.url._sqla_url_quote
QString PythonCompat::sqlaQuote(QString s)
{
    s.replace(QLatin1Char(':'), QStringLiteral("%3A"));
    s.replace(QLatin1Char('@'), QStringLiteral("%40"));
    s.replace(QLatin1Char('/'), QStringLiteral("%2F"));
    return s;
}

namespace {

// The code point at s[i], moving i past it; a lone surrogate reads as U+FFFD, as in
// QString::toUcs4().
char32_t nextCodePoint(const QString& s, qsizetype& i)
{
    const char16_t c = s.at(i++).unicode();
    if (!QChar::isSurrogate(c))
        return c;
    if (QChar::isHighSurrogate(c) && i < s.size() && QChar::isLowSurrogate(s.at(i).unicode()))
        return QChar::surrogateToUcs4(c, s.at(i++).unicode());
    return QChar::ReplacementCharacter;
}

} // namespace

// Python's str ordering. UTF-16 code units alone order U+E000..U+FFFF below the surrogate
// pairs of U+10000 and up, so compare decoded code points. Sorting calls this O(n log n)
// times; it allocates nothing.
bool PythonCompat::lessByCodePoint(const QString& a, const QString& b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t ca = nextCodePoint(a, i);
        const char32_t cb = nextCodePoint(b, j);
        if (ca != cb)
            return ca < cb;
    }
    return i == a.size() && j < b.size();
}

// sqlalchemy.util.asbool for strings
std::optional<bool> PythonCompat::asBool(const QString& value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"true" || v == u"yes" || v == u"on" || v == u"y" || v == u"t" || v == u"1")
        return true;
    if (v == u"false" || v == u"no" || v == u"off" || v == u"n" || v == u"f" || v == u"0")
        return false;
    return std::nullopt;
}

// A non-negative whole number of seconds (timeouts).
std::optional<int> PythonCompat::parseSeconds(const QString& value, bool allowFraction)
{
    bool ok = false;
    if (allowFraction) {
        const double d = value.trimmed().toDouble(&ok);
        if (!ok || d < 0 || d > 1e6)
            return std::nullopt;
        return int(std::ceil(d));
    }
    const Result<qint64, IntError> v = parseInt(value);
    if (!v || *v < 0 || *v > 1000000)
        return std::nullopt;
    return int(*v);
}

} // namespace retort
