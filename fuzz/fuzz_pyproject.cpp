// One input = a pyproject.toml: the TOML parser (TomlFile) and, when it has a
// [tool.alembic] table, alembic's reading of it (AlembicConfig::load from a temporary folder).
#include "model/config/alembicconfig.h"
#include "model/config/tomlfile.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retort;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    const Result<TomlFile> toml = TomlFile::parse(bytes, QStringLiteral("pyproject.toml"));
    if (!toml || !toml->table({QStringLiteral("tool"), QStringLiteral("alembic")}))
        return 0;

    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pyproject.toml"));
    QFile file(path);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        __builtin_trap(); // the machine, not the input: stop rather than fuzz nothing
    file.write(bytes);
    file.close();
    const Result<AlembicConfig> config = AlembicConfig::load(path);
    if (config)
        (void)config->versionLocations();
    return 0;
}
