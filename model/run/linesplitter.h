#pragma once

#include <QByteArray>
#include <QStringList>

namespace retort {

// Cuts a byte stream into lines as the bytes arrive. A partial last line is kept until its
// newline comes or finish() is called (the process ended). Lines are decoded as UTF-8 only
// when complete, so a character split across two reads is not mangled; "\r\n" counts as
// one newline.
class LineSplitter
{
public:
    QStringList feed(const QByteArray& bytes);
    QStringList finish(); // the partial line, if any
    bool hasPartialLine() const { return !m_pending.isEmpty(); }

private:
    QByteArray m_pending;
};

} // namespace retort
