#include "model/script/scriptfile.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>
#include <QStringEncoder>

namespace retort {

namespace {

const QByteArray kUtf8Bom("\xEF\xBB\xBF");

// PEP 263: a comment on line 1 or 2 matching `coding[:=]\s*([-\w.]+)`. The encodings
// Retort can write back are UTF-8 and latin-1 (Qt's built-in converters); `std::nullopt`
// for any other name, so such a file is refused instead of being mangled.
std::optional<QByteArray> cookieEncoding(const QByteArray& bytes)
{
    static const QRegularExpression cookie(
        QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"));
    int start = 0;
    for (int lineNo = 0; lineNo < 2 && start < bytes.size(); ++lineNo) {
        int end = bytes.indexOf('\n', start);
        if (end < 0)
            end = int(bytes.size());
        const QString line = QString::fromLatin1(bytes.mid(start, end - start));
        const QRegularExpressionMatch m = cookie.match(line);
        if (m.hasMatch()) {
            // Python normalises: lower case, '_' as '-'.
            const QString name = m.captured(1).toLower().replace(u'_', u'-');
            if (name == u"utf-8" || name.startsWith(u"utf-8-"))
                return QByteArray("UTF-8");
            if (name == u"latin-1" || name == u"iso-8859-1" || name == u"iso8859-1" ||
                name == u"latin1" || name.startsWith(u"latin-1-") ||
                name.startsWith(u"iso-8859-1-") || name == u"l1" || name == u"cp819")
                return QByteArray("ISO-8859-1");
            return std::nullopt;
        }
        // A cookie on line 2 counts only when line 1 is a comment or blank.
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            break;
        start = end + 1;
    }
    return QByteArray("UTF-8");
}

} // namespace

Result<ScriptFile> ScriptFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<ScriptFile>::failure(file.errorString());
    return fromBytes(file.readAll());
}

Result<ScriptFile> ScriptFile::fromBytes(const QByteArray& input)
{
    ScriptFile f;
    QByteArray bytes = input;
    if (bytes.startsWith(kUtf8Bom)) {
        f.m_bom = true;
        bytes.remove(0, kUtf8Bom.size());
    }
    const std::optional<QByteArray> encoding = cookieEncoding(bytes);
    if (!encoding)
        return Result<ScriptFile>::failure(
            tr("The file declares an encoding Retort cannot edit safely (only UTF-8 and "
               "latin-1)."));
    if (f.m_bom && *encoding != "UTF-8")
        return Result<ScriptFile>::failure(
            tr("The file starts with a UTF-8 byte order mark but declares another encoding."));
    f.m_encoding = *encoding;

    if (f.m_encoding == "UTF-8") {
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        f.m_text = decoder.decode(bytes);
        if (decoder.hasError())
            return Result<ScriptFile>::failure(
                tr("The file is not valid UTF-8 and declares no other encoding."));
    } else {
        f.m_text = QString::fromLatin1(bytes);
    }

    // Line endings: the most frequent style wins; any second style marks the file mixed.
    int lf = 0, crlf = 0, cr = 0;
    for (qsizetype i = 0; i < f.m_text.size(); ++i) {
        const QChar c = f.m_text.at(i);
        if (c == u'\r') {
            if (i + 1 < f.m_text.size() && f.m_text.at(i + 1) == u'\n') {
                ++crlf;
                ++i;
            } else {
                ++cr;
            }
        } else if (c == u'\n') {
            ++lf;
        }
    }
    if (crlf > lf && crlf >= cr)
        f.m_lineEnding = LineEnding::CrLf;
    else if (cr > lf && cr > crlf)
        f.m_lineEnding = LineEnding::Cr;
    f.m_mixed = (lf > 0) + (crlf > 0) + (cr > 0) > 1;
    f.m_finalNewline = f.m_text.isEmpty() || f.m_text.endsWith(u'\n') || f.m_text.endsWith(u'\r');
    return f;
}

QString ScriptFile::lineEndingString() const
{
    switch (m_lineEnding) {
    case LineEnding::CrLf:
        return QStringLiteral("\r\n");
    case LineEnding::Cr:
        return QStringLiteral("\r");
    case LineEnding::Lf:
        break;
    }
    return QStringLiteral("\n");
}

Result<QByteArray> ScriptFile::encode(const QString& input) const
{
    QString text = input;
    if (!m_mixed) {
        // Endings typed or pasted in another style become the file's own.
        text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        text.replace(u'\r', u'\n');
        if (m_lineEnding != LineEnding::Lf)
            text.replace(QLatin1String("\n"), lineEndingString());
    }
    // A file that ended with a newline keeps ending with one; one that did not is written
    // as the text stands (the person may have added one on purpose).
    if (m_finalNewline && !text.isEmpty() && !text.endsWith(u'\n') && !text.endsWith(u'\r'))
        text += lineEndingString();

    QByteArray bytes;
    if (m_encoding == "UTF-8") {
        bytes = text.toUtf8();
    } else {
        bytes = text.toLatin1();
        if (QString::fromLatin1(bytes) != text)
            return Result<QByteArray>::failure(
                tr("The text has characters that latin-1, the file's encoding, cannot hold."));
    }
    if (m_bom)
        bytes.prepend(kUtf8Bom);
    return bytes;
}

Result<QByteArray> ScriptFile::save(const QString& path, const QString& text) const
{
    Result<QByteArray> bytes = encode(text);
    if (!bytes)
        return bytes;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<QByteArray>::failure(file.errorString());
    if (file.write(*bytes) != bytes->size() || !file.commit())
        return Result<QByteArray>::failure(file.errorString());
    return bytes;
}

} // namespace retort
