#include "model/config/tomlfile.h"

#include "model/common/boundedread.h"
#include "model/config/tomlparser.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace retort {

Result<TomlFile> TomlFile::load(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<TomlFile>::failure(tr("Cannot open %1: the file does not exist").arg(path));
    if (info.isDir())
        return Result<TomlFile>::failure(tr("Cannot open %1: it is a folder").arg(path));
    // a named pipe or a device would block the read forever
    if (!info.isFile())
        return Result<TomlFile>::failure(tr("Cannot open %1: it is not a regular file").arg(path));
    if (info.size() > kMaxFileSize)
        return Result<TomlFile>::failure(tr("Cannot open %1: the file is too large").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<TomlFile>::failure(tr("Cannot open %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = readAtMost(file, kMaxFileSize);
    if (bytes.size() > kMaxFileSize)
        return Result<TomlFile>::failure(tr("Cannot open %1: the file is too large").arg(path));
    return parse(bytes, path);
}

Result<TomlFile> TomlFile::parse(const QByteArray& utf8, const QString& sourceName)
{
    QStringDecoder decoder(QStringDecoder::Utf8); // skips a leading BOM
    const QString text = decoder(utf8);
    if (decoder.hasError()) {
        return Result<TomlFile>::failure(
            tr("Cannot read %1: it is not UTF-8 text")
                .arg(sourceName.isEmpty() ? tr("TOML text") : sourceName));
    }
    return parse(text, sourceName);
}

Result<TomlFile> TomlFile::parse(const QString& text, const QString& sourceName)
{
    const QString source = sourceName.isEmpty() ? tr("TOML text") : sourceName;
    Result<QVariantMap> document = TomlParser(text, source).parseDocument();
    if (!document)
        return Failure{document.error()};
    TomlFile toml;
    toml.m_sourceName = source;
    toml.m_root = std::move(*document);
    return toml;
}

QVariant TomlFile::value(const QStringList& keyPath) const
{
    if (keyPath.isEmpty())
        return m_root;
    QVariantMap table = m_root;
    for (qsizetype i = 0; i < keyPath.size(); ++i) {
        const auto it = table.constFind(keyPath[i]);
        if (it == table.cend())
            return {};
        if (i + 1 == keyPath.size())
            return *it;
        if (it->typeId() != QMetaType::QVariantMap)
            return {};
        table = it->toMap();
    }
    return {};
}

std::optional<QVariantMap> TomlFile::table(const QStringList& keyPath) const
{
    const QVariant v = value(keyPath);
    if (v.typeId() != QMetaType::QVariantMap)
        return std::nullopt;
    return v.toMap();
}

} // namespace retort
