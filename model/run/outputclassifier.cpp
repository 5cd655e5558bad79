#include "model/run/outputclassifier.h"

namespace retort {

namespace {

using Level = RunEvent::Level;

bool startsWithWord(const QString& line, QLatin1String word)
{
    if (!line.startsWith(word))
        return false;
    // "INFO  [...]", "INFO:alembic:..." but not "INFORMATION"
    return line.size() == word.size() || !line.at(word.size()).isLetter();
}

// "path.py:12: DeprecationWarning: ..." as Python's warnings module prints it.
bool isPythonWarning(const QString& line)
{
    const qsizetype at = line.indexOf(QLatin1String("Warning: "));
    if (at <= 0)
        return false;
    const qsizetype colon = line.lastIndexOf(QLatin1String(": "), at);
    return colon > 0 && line.left(colon).contains(QLatin1String(".py:"));
}

} // namespace

RunEvent::Level OutputClassifier::classify(const QString& line)
{
    if (line.startsWith(QLatin1String("Traceback (most recent call last):"))) {
        m_inTraceback = true;
        return Level::Error;
    }
    if (m_inTraceback) {
        // Frames and source lines are indented; the first line that is not ends it
        // ("ValueError: ..."). Chained tracebacks start again with "Traceback".
        if (!line.startsWith(u' ') && !line.startsWith(u'\t'))
            m_inTraceback = false;
        return Level::Error;
    }
    if (line.startsWith(QLatin1String("During handling of the above exception")) ||
        line.startsWith(QLatin1String("The above exception was the direct cause")))
        return Level::Error;

    // `python -m alembic` with a Python that lacks it: "python3: No module named alembic"
    if (line.contains(QLatin1String(": No module named ")))
        return Level::Error;

    // alembic's template formats records as "%(levelname)-5.5s [%(name)s] %(message)s".
    for (const char* word : {"ERROR", "FAILED", "CRITI", "CRITICAL", "FATAL"})
        if (startsWithWord(line, QLatin1String(word)))
            return Level::Error;
    for (const char* word : {"WARNI", "WARN", "WARNING"})
        if (startsWithWord(line, QLatin1String(word)))
            return Level::Warning;
    if (isPythonWarning(line))
        return Level::Warning;
    return Level::Info;
}

QString OutputClassifier::stripAnsi(const QString& text)
{
    if (!text.contains(QChar(0x1b)))
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c != QChar(0x1b)) {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 >= n) // a lone ESC at the end
            break;
        const QChar kind = text.at(i + 1);
        if (kind == u'[') {
            // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, final byte 0x40-0x7e
            i += 2;
            while (i < n && text.at(i).unicode() >= 0x20 && text.at(i).unicode() <= 0x3f)
                ++i;
            while (i < n && text.at(i).unicode() >= 0x20 && text.at(i).unicode() <= 0x2f)
                ++i;
            if (i < n && text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e)
                ++i;
        } else if (kind == u']') {
            // OSC: up to BEL or ESC backslash
            i += 2;
            while (i < n && text.at(i) != QChar(0x07) && text.at(i) != QChar(0x1b))
                ++i;
            if (i < n && text.at(i) == QChar(0x07))
                ++i;
            else if (i + 1 < n && text.at(i + 1) == u'\\')
                i += 2;
        } else {
            i += 2; // two-byte escapes such as ESC ( B or ESC =
            if (kind == u'(' || kind == u')')
                ++i;
        }
    }
    return out;
}

} // namespace retort
