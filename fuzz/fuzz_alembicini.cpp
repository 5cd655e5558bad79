// One input = an alembic.ini: configparser-style parsing and interpolation (IniFile), then
// alembic's reading of its section (AlembicConfig) and the sqlalchemy.url it names.
#include "model/config/alembicconfig.h"
#include "model/config/inifile.h"
#include "model/config/sqlalchemyurl.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retort;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString here = QStringLiteral("/fuzz/project");

    const Result<IniFile> ini =
        IniFile::parse(text, QStringLiteral("alembic.ini"), {{QStringLiteral("here"), here}});
    if (ini) {
        for (const QString& section : ini->sections()) {
            (void)ini->items(section);
            for (const QString& option : ini->options(section))
                (void)ini->value(section, option);
        }
    }

    const Result<AlembicConfig> config = AlembicConfig::fromIniText(text, here);
    if (config) {
        (void)config->versionLocations();
        const Result<SqlAlchemyUrl> url = SqlAlchemyUrl::parse(config->sqlalchemyUrl());
        if (url)
            (void)url->mapToQtSql(here);
    }
    return 0;
}
