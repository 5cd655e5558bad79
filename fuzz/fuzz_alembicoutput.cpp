// One input = what alembic writes to its pipes: the first byte picks the chunk size the
// bytes arrive in (pipes split anywhere, even inside a UTF-8 sequence); the lines go through
// the classifier (levels, tracebacks, ANSI escapes) and the progress parser.
#include "model/run/linesplitter.h"
#include "model/run/outputclassifier.h"
#include "model/run/progressparser.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retort;
    if (size == 0)
        return 0;
    const qsizetype chunk = qsizetype(data[0] % 64) + 1;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    LineSplitter splitter;
    OutputClassifier classifier;
    const auto handle = [&classifier](const QStringList& lines) {
        for (const QString& line : lines) {
            (void)classifier.classify(line);
            (void)OutputClassifier::stripAnsi(line);
            (void)ProgressParser::parse(line);
        }
    };
    for (qsizetype at = 0; at < bytes.size(); at += chunk)
        handle(splitter.feed(bytes.mid(at, chunk)));
    handle(splitter.finish());
    if (splitter.hasPartialLine())
        __builtin_trap();
    return 0;
}
