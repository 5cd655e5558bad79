#pragma once

#include "model/common/result.h"

#include <QByteArray>
#include <QString>

namespace retort {

// A Python source file as bytes and as text: how a revision script is read from disk and
// decoded (as Python decodes it) before it is tokenized.
class PythonSource
{
public:
    // Why source bytes are no text: a message and the line it concerns (0: the whole file).
    struct DecodeError
    {
        QString message;
        int line = 0;
    };
    // A file's size and, unless it is larger than the limit it was read with, its bytes.
    struct FileContents
    {
        QByteArray data;
        qint64 size = 0;
    };

    // Decodes source bytes as Python would: a UTF-8 BOM, a PEP 263 coding cookie on one of
    // the first two lines, UTF-8 otherwise.
    static Result<QString, DecodeError> decode(const QByteArray& bytes);

    // Reads a whole file with the fewest system calls (open, fstat, read, close): scanning a
    // version folder reads thousands of small files, and QFile's extra stat calls per file
    // showed up as a fifth of the scan's time. A file over `maxSize` bytes is not read.
    static Result<FileContents> readFile(const QString& path, qint64 maxSize);
};

} // namespace retort
