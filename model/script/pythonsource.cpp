#include "model/script/pythonsource.h"

#include "model/script/revisionparser.h" // the translation context "RevisionParser"

#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace retort {

namespace {

// strerror(error), thread-safe: files are read from several threads at once.
QString errorText(int error)
{
    char buffer[256] = {};
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    return QString::fromLocal8Bit(strerror_r(error, buffer, sizeof buffer));
#else
    if (strerror_r(error, buffer, sizeof buffer) != 0)
        return QString::number(error);
    return QString::fromLocal8Bit(buffer);
#endif
}

// Length of the well-formed UTF-8 sequence at data[i], or 0 when it is not one.
int utf8SequenceLength(const QByteArray& data, qsizetype i)
{
    const auto b = [&](qsizetype k) { return k < data.size() ? uchar(data.at(k)) : 0u; };
    const uint c = b(i);
    const auto cont = [&](qsizetype k, uint lo = 0x80, uint hi = 0xBF) {
        return b(k) >= lo && b(k) <= hi;
    };
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(i + 1) ? 2 : 0;
    if (c == 0xE0)
        return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
    if (c == 0xED)
        return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
    if (c >= 0xE1 && c <= 0xEF)
        return cont(i + 1) && cont(i + 2) ? 3 : 0;
    if (c == 0xF0)
        return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c == 0xF4)
        return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    return 0;
}

// The line of the first byte that is not UTF-8 outside a comment, or 0 when every such byte
// sits in a comment: CPython 3.11's tokenizer never decodes a comment, so it imports those
// files (the project's alembic runs on Debian 12's 3.11). A small lexer over the bytes
// follows strings (quotes, triple quotes, backslash escapes) so that '#' in a string is no
// comment.
int firstInvalidOutsideComments(const QByteArray& data)
{
    enum class State { Code, Comment, String };
    State state = State::Code;
    char quote = 0;
    bool triple = false;
    int line = 1;
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n;) {
        const char c = data.at(i);
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && data.at(i + 1) == '\n')
                ++i;
            ++i;
            ++line;
            if (state == State::Comment || (state == State::String && !triple))
                state = State::Code;
            continue;
        }
        if (state == State::Comment) {
            ++i;
            continue;
        }
        const int length = utf8SequenceLength(data, i);
        if (length == 0)
            return line;
        if (length > 1) {
            i += length;
            continue;
        }
        if (state == State::Code) {
            if (c == '#') {
                state = State::Comment;
            } else if (c == '\'' || c == '"') {
                quote = c;
                triple = i + 2 < n && data.at(i + 1) == c && data.at(i + 2) == c;
                state = State::String;
                i += triple ? 3 : 1;
                continue;
            }
            ++i;
            continue;
        }
        // in a string
        if (c == '\\') {
            i += (i + 1 < n && data.at(i + 1) != '\n' && data.at(i + 1) != '\r') ? 2 : 1;
            continue;
        }
        if (c == quote && (!triple || (i + 2 < n && data.at(i + 1) == c && data.at(i + 2) == c))) {
            i += triple ? 3 : 1;
            state = State::Code;
            continue;
        }
        ++i;
    }
    return 0;
}

} // namespace

Result<QString, PythonSource::DecodeError> PythonSource::decode(const QByteArray& bytes)
{
    if (bytes.contains('\0')) {
        return Failure{DecodeError{
            RevisionParser::tr(
                "The file contains NUL bytes: it is not Python source (a binary file?)."),
            0}};
    }
    QByteArray data = bytes;
    QByteArray encoding = "UTF-8";
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
    } else {
        static const QRegularExpression cookie(
            QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"));
        qsizetype lineStart = 0;
        for (int line = 0; line < 2 && lineStart < data.size(); ++line) {
            qsizetype lineEnd = data.indexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = data.size();
            const QString lineText = QString::fromLatin1(data.mid(lineStart, lineEnd - lineStart));
            const QString trimmed = lineText.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
                break; // Python only looks at line 2 when line 1 is blank or a comment
            const auto match = cookie.match(lineText);
            if (match.hasMatch()) {
                encoding = match.captured(1).toLatin1();
                break;
            }
            lineStart = lineEnd + 1;
        }
    }
    const QByteArray normalized = encoding.toLower().replace('_', '-');
    if (normalized == "utf-8" || normalized == "utf8" || normalized.startsWith("utf-8-")) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(data);
        if (decoder.hasError()) {
            const int line = firstInvalidOutsideComments(data);
            if (line == 0) // only comments hold bytes that are not UTF-8: Python reads it
                return QString(QStringDecoder(QStringDecoder::Utf8).decode(data));
            return Failure{DecodeError{
                RevisionParser::tr("The file is not valid UTF-8 and declares no other encoding."),
                line}};
        }
        return text;
    }
    QStringDecoder decoder(encoding.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        return Failure{DecodeError{
            RevisionParser::tr("The file declares the encoding '%1', which Retort cannot read.")
                .arg(QString::fromLatin1(encoding)),
            1}};
    }
    QString text = decoder.decode(data);
    if (decoder.hasError())
        return Failure{DecodeError{
            RevisionParser::tr("The file is not valid %1.").arg(QString::fromLatin1(encoding)), 0}};
    return text;
}

Result<PythonSource::FileContents> PythonSource::readFile(const QString& path, qint64 maxSize)
{
    FileContents contents;
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a named pipe (a FIFO called x.py) must not wait for a writer;
    // it is refused below as not a regular file. Regular files ignore the flag.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return Failure{errorText(errno)};
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Failure{S_ISDIR(st.st_mode) ? RevisionParser::tr("it is a folder")
                                           : RevisionParser::tr("it is not a regular file")};
    }
    contents.size = st.st_size;
    if (st.st_size > maxSize) {
        ::close(fd);
        return contents;
    }
    QByteArray& data = contents.data;
    data.resize(qsizetype(st.st_size));
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t got = ::read(fd, data.data() + done, size_t(data.size() - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int readError = errno;
            ::close(fd);
            return Failure{errorText(readError)};
        }
        if (got == 0)
            break; // the file shrank while being read
        done += got;
    }
    data.resize(done);
    ::close(fd);
    return contents;
#else
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{file.errorString()};
    contents.size = file.size();
    if (contents.size <= maxSize)
        contents.data = file.readAll();
    return contents;
#endif
}

} // namespace retort
