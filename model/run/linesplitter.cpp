#include "model/run/linesplitter.h"

namespace retort {

namespace {

QString decode(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

QStringList LineSplitter::feed(const QByteArray& bytes)
{
    QStringList lines;
    qsizetype start = 0;
    qsizetype nl = bytes.indexOf('\n');
    if (nl < 0) {
        m_pending += bytes;
        return lines;
    }
    // The first line completes what an earlier read left over.
    lines << decode(m_pending + bytes.left(nl));
    m_pending.clear();
    start = nl + 1;
    while ((nl = bytes.indexOf('\n', start)) >= 0) {
        lines << decode(bytes.mid(start, nl - start));
        start = nl + 1;
    }
    m_pending = bytes.mid(start);
    return lines;
}

QStringList LineSplitter::finish()
{
    if (m_pending.isEmpty())
        return {};
    QStringList last{decode(m_pending)};
    m_pending.clear();
    return last;
}

} // namespace retort
