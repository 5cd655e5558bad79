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
            // Find the line of the first bad byte for the message.
            qsizetype good = 0;
            int line = 1;
            while (good < data.size()) {
                const qsizetype next = data.indexOf('\n', good);
                const qsizetype stop = next < 0 ? data.size() : next + 1;
                QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
                (void)QString(probe.decode(data.mid(good, stop - good)));
                if (probe.hasError())
                    break;
                good = stop;
                ++line;
            }
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
