#include "model/config/inifile.h"

#include "model/common/boundedread.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <limits>

namespace retort {

namespace {

const QString kDefaultSection = QStringLiteral("DEFAULT");

// Python's str.isspace(): Qt's notion plus the ASCII separators U+001C..U+001F.
bool isPySpace(QChar c)
{
    return c.isSpace() || (c.unicode() >= 0x1c && c.unicode() <= 0x1f);
}

QString pyStrip(QStringView s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isPySpace(s[begin]))
        ++begin;
    while (end > begin && isPySpace(s[end - 1]))
        --end;
    return s.mid(begin, end - begin).toString();
}

QString pyRstrip(QStringView s)
{
    qsizetype end = s.size();
    while (end > 0 && isPySpace(s[end - 1]))
        --end;
    return s.left(end).toString();
}

// Python's universal newlines: "\r\n", "\r" and "\n" end a line.
QList<QStringView> splitLines(const QString& text)
{
    QList<QStringView> lines;
    const QStringView all(text);
    qsizetype start = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QChar c = all[i];
        if (c == u'\n' || c == u'\r') {
            lines.append(all.mid(start, i - start));
            if (c == u'\r' && i + 1 < all.size() && all[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    if (start < all.size())
        lines.append(all.mid(start));
    return lines;
}

// A line or value quoted for an error message, shortened when long.
QString quoted(QStringView text)
{
    constexpr qsizetype kMax = 60;
    QString shown =
        text.size() > kMax ? text.left(kMax).toString() + QChar(0x2026) : text.toString();
    return u'"' + shown + u'"';
}

QString location(const QString& source, int line)
{
    return IniFile::tr("%1, line %2").arg(source, QString::number(line));
}

} // namespace

Result<IniFile> IniFile::load(const QString& path, const QList<Item>& defaults)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<IniFile>::failure(tr("Cannot open %1: the file does not exist").arg(path));
    if (info.isDir())
        return Result<IniFile>::failure(tr("Cannot open %1: it is a folder").arg(path));
    // a named pipe or a device would block the read forever
    if (!info.isFile())
        return Result<IniFile>::failure(tr("Cannot open %1: it is not a regular file").arg(path));
    if (info.size() > kMaxFileSize)
        return Result<IniFile>::failure(tr("Cannot open %1: the file is too large").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<IniFile>::failure(tr("Cannot open %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = readAtMost(file, kMaxFileSize);
    if (bytes.size() > kMaxFileSize)
        return Result<IniFile>::failure(tr("Cannot open %1: the file is too large").arg(path));

    QStringDecoder decoder(QStringDecoder::Utf8); // skips a leading BOM
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return Result<IniFile>::failure(tr("Cannot read %1: it is not UTF-8 text").arg(path));
    return parse(text, path, defaults);
}

Result<IniFile> IniFile::parse(const QString& text, const QString& sourceName,
                               const QList<Item>& defaults)
{
    // Values are collected as lists of stripped lines and joined at the end, like
    // configparser's _read() and _join_multiline_values().
    struct Work
    {
        QString name;
        QStringList keys;
        QHash<QString, QStringList> lines;
        QSet<QString> seeded; // defaults given by the caller: stored verbatim
    };

    const QString source = sourceName.isEmpty() ? tr("ini text") : sourceName;

    Work defaultWork;
    defaultWork.name = kDefaultSection;
    for (const Item& item : defaults) {
        const QString key = item.first.toLower();
        if (!defaultWork.lines.contains(key))
            defaultWork.keys.append(key);
        defaultWork.lines[key] = QStringList{item.second};
        defaultWork.seeded.insert(key);
    }
    QList<Work> sections;
    QHash<QString, qsizetype> sectionIndex;

    // Index into `sections`, kInDefault for [DEFAULT], kNoSection before the first header.
    constexpr qsizetype kNoSection = -1;
    constexpr qsizetype kInDefault = -2;
    qsizetype currentIndex = kNoSection;
    const auto current = [&]() -> Work* {
        if (currentIndex == kInDefault)
            return &defaultWork;
        return currentIndex >= 0 ? &sections[currentIndex] : nullptr;
    };
    QString optionName;
    qsizetype indentLevel = 0;
    QSet<QString> optionsAdded; // section + '\n' + option (strict mode)
    QString firstParsingError;

    const QList<QStringView> lines = splitLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView line = lines[i];
        const int lineNumber = int(qMin<qsizetype>(i + 1, std::numeric_limits<int>::max()));

        QString value = pyStrip(line);
        const bool comment = value.startsWith(u'#') || value.startsWith(u';');
        if (comment)
            value.clear();
        if (value.isEmpty()) {
            // empty_lines_in_values=True: an empty line (not a comment) belongs to the value
            // being read; trailing ones are stripped when joining.
            if (!comment && current() && !optionName.isEmpty())
                current()->lines[optionName].append(QString());
            continue;
        }

        qsizetype indent = 0;
        while (indent < line.size() && isPySpace(line[indent]))
            ++indent;

        if (current() && !optionName.isEmpty() && indent > indentLevel) {
            current()->lines[optionName].append(value); // continuation line
            continue;
        }
        indentLevel = indent;

        // Section header: "[" .+ "]" matched at the start (the last "]" closes it).
        const qsizetype closing = value.lastIndexOf(u']');
        if (value.startsWith(u'[') && closing >= 2) {
            const QString name = value.mid(1, closing - 1);
            if (name == kDefaultSection) {
                currentIndex = kInDefault;
            } else if (sectionIndex.contains(name)) {
                return Result<IniFile>::failure(tr("%1: section [%2] appears more than once")
                                                    .arg(location(source, lineNumber), name));
            } else {
                currentIndex = sections.size();
                sectionIndex.insert(name, currentIndex);
                sections.append(Work{name, {}, {}, {}});
            }
            optionName.clear();
            continue;
        }
        Work* section = current();
        if (!section) {
            return Result<IniFile>::failure(
                tr("%1: expected a [section] header before any option, found %2")
                    .arg(location(source, lineNumber), quoted(value)));
        }

        // Option line: the first '=' or ':' separates the key from the value.
        qsizetype delimiter = -1;
        for (qsizetype j = 0; j < value.size(); ++j) {
            if (value[j] == u'=' || value[j] == u':') {
                delimiter = j;
                break;
            }
        }
        const QString key =
            delimiter > 0 ? pyRstrip(QStringView(value).left(delimiter)).toLower() : QString();
        if (key.isEmpty()) {
            // configparser keeps reading and reports all such lines at the end.
            if (firstParsingError.isEmpty()) {
                firstParsingError = tr("%1: expected \"key = value\" or a [section] header, "
                                       "found %2")
                                        .arg(location(source, lineNumber), quoted(value));
            }
            optionName.clear();
            continue;
        }
        const QString added = section->name + u'\n' + key;
        if (optionsAdded.contains(added)) {
            return Result<IniFile>::failure(
                tr("%1: option '%2' appears more than once in section [%3]")
                    .arg(location(source, lineNumber), key, section->name));
        }
        optionsAdded.insert(added);
        if (!section->lines.contains(key))
            section->keys.append(key);
        section->lines[key] = QStringList{pyStrip(QStringView(value).mid(delimiter + 1))};
        section->seeded.remove(key);
        optionName = key;
    }

    if (!firstParsingError.isEmpty())
        return Result<IniFile>::failure(firstParsingError);

    const auto finish = [](const Work& work) {
        Section section;
        section.name = work.name;
        section.keys = work.keys;
        for (const QString& key : work.keys) {
            const QStringList& parts = work.lines.value(key);
            section.values.insert(key, work.seeded.contains(key) ? parts.join(u'\n')
                                                                 : pyRstrip(parts.join(u'\n')));
        }
        return section;
    };

    IniFile ini;
    ini.m_sourceName = source;
    ini.m_defaults = finish(defaultWork);
    ini.m_sections.reserve(sections.size());
    for (const Work& work : std::as_const(sections))
        ini.m_sections.append(finish(work));
    return ini;
}

QStringList IniFile::sections() const
{
    QStringList names;
    names.reserve(m_sections.size());
    for (const Section& section : m_sections)
        names.append(section.name);
    return names;
}

bool IniFile::hasSection(const QString& section) const
{
    return findSection(section) != nullptr;
}

const IniFile::Section* IniFile::findSection(const QString& section) const
{
    for (const Section& s : m_sections) {
        if (s.name == section)
            return &s;
    }
    return nullptr;
}

QStringList IniFile::options(const QString& section) const
{
    if (section == kDefaultSection)
        return m_defaults.keys;
    const Section* s = findSection(section);
    if (!s)
        return {};
    QStringList keys = s->keys;
    for (const QString& key : m_defaults.keys) {
        if (!s->values.contains(key))
            keys.append(key);
    }
    return keys;
}

bool IniFile::hasOption(const QString& section, const QString& option) const
{
    const QString key = option.toLower();
    if (section.isEmpty() || section == kDefaultSection)
        return m_defaults.values.contains(key);
    const Section* s = findSection(section);
    return s && (s->values.contains(key) || m_defaults.values.contains(key));
}

std::optional<QString> IniFile::lookup(const Section* section, const QString& key) const
{
    if (section) {
        const auto it = section->values.constFind(key);
        if (it != section->values.cend())
            return *it;
    }
    const auto it = m_defaults.values.constFind(key);
    if (it != m_defaults.values.cend())
        return *it;
    return std::nullopt;
}

std::optional<QString> IniFile::rawValue(const QString& section, const QString& option) const
{
    if (section == kDefaultSection)
        return lookup(nullptr, option.toLower());
    const Section* s = findSection(section);
    if (!s)
        return std::nullopt;
    return lookup(s, option.toLower());
}

// configparser.BasicInterpolation._interpolate_some(), with the same depth limit.
// Appends the interpolated value to `out`.
Result<void> IniFile::interpolate(const Section* section, const QString& option,
                                  const QString& rest0, int depth, QString& out) const
{
    const QString sectionName = section ? section->name : kDefaultSection;
    if (depth > kMaxInterpolationDepth) {
        return Failure{tr("Option '%1' in section [%2]: the interpolation is nested more than %3 "
                          "levels deep (does a value refer to itself?)")
                           .arg(option, sectionName, QString::number(kMaxInterpolationDepth))};
    }
    QStringView rest(rest0);
    while (!rest.isEmpty()) {
        if (out.size() > kMaxValueLength) {
            return Failure{
                tr("Option '%1' in section [%2]: the value is too long after interpolation")
                    .arg(option, sectionName)};
        }
        const qsizetype p = rest.indexOf(u'%');
        if (p < 0) {
            out += rest;
            return {};
        }
        out += rest.left(p);
        rest = rest.mid(p);
        const QChar next = rest.size() > 1 ? rest[1] : QChar();
        if (next == u'%') {
            out += u'%';
            rest = rest.mid(2);
        } else if (next == u'(') {
            // %\(([^)]+)\)s
            const qsizetype close = rest.indexOf(u')', 2);
            if (close < 3 || close + 1 >= rest.size() || rest[close + 1] != u's') {
                return Failure{tr("Option '%1' in section [%2]: bad interpolation reference %3 "
                                  "(expected %(name)s)")
                                   .arg(option, sectionName, quoted(rest))};
            }
            const QString var = rest.mid(2, close - 2).toString().toLower();
            rest = rest.mid(close + 2);
            const std::optional<QString> v = lookup(section, var);
            if (!v) {
                return Failure{tr("Option '%1' in section [%2] refers to '%(%3)s', which is not an "
                                  "option of that section or of [DEFAULT]")
                                   .arg(option, sectionName, var)};
            }
            if (v->contains(u'%')) {
                if (Result<void> inner = interpolate(section, option, *v, depth + 1, out); !inner)
                    return inner;
            } else {
                out += *v;
            }
        } else {
            return Failure{tr("Option '%1' in section [%2]: '%' must be followed by '%' or '(', "
                              "found %3 (write %% for a literal percent sign)")
                               .arg(option, sectionName, quoted(rest))};
        }
    }
    return {};
}

Result<QString> IniFile::value(const QString& section, const QString& option) const
{
    const Section* s = nullptr;
    if (section != kDefaultSection) {
        s = findSection(section);
        if (!s) {
            return Result<QString>::failure(tr("No section [%1] in %2").arg(section, m_sourceName));
        }
    }
    const QString key = option.toLower();
    const std::optional<QString> raw = lookup(s, key);
    if (!raw) {
        return Result<QString>::failure(
            tr("No option '%1' in section [%2] of %3").arg(key, section, m_sourceName));
    }
    QString out;
    if (const Result<void> interpolated = interpolate(s, key, *raw, 1, out); !interpolated)
        return Failure{interpolated.error()};
    return out;
}

Result<QList<IniFile::Item>> IniFile::items(const QString& section) const
{
    QStringList keys;
    if (section == kDefaultSection) {
        keys = m_defaults.keys;
    } else {
        const Section* s = findSection(section);
        if (!s) {
            return Result<QList<Item>>::failure(
                tr("No section [%1] in %2").arg(section, m_sourceName));
        }
        // configparser: defaults first, then the section's own options.
        keys = m_defaults.keys;
        for (const QString& key : s->keys) {
            if (!m_defaults.values.contains(key))
                keys.append(key);
        }
    }
    QList<Item> result;
    result.reserve(keys.size());
    for (const QString& key : std::as_const(keys)) {
        Result<QString> v = value(section, key);
        if (!v)
            return Result<QList<Item>>::failure(v.error());
        result.append({key, v.value()});
    }
    return result;
}

std::optional<bool> IniFile::parseBoolean(const QString& value)
{
    const QString v = value.toLower();
    if (v == u"1" || v == u"yes" || v == u"true" || v == u"on")
        return true;
    if (v == u"0" || v == u"no" || v == u"false" || v == u"off")
        return false;
    return std::nullopt;
}

} // namespace retort
