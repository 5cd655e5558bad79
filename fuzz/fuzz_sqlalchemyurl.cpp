// One input = a SQLAlchemy URL (from alembic.ini, a connection profile or the command line):
// parsing, the masked display form and the mapping onto a Qt SQL connection.
#include "model/config/sqlalchemyurl.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retort;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    (void)SqlAlchemyUrl::redacted(text);
    const Result<SqlAlchemyUrl> url = SqlAlchemyUrl::parse(text);
    if (!url)
        return 0;
    (void)url->toDisplayString();
    (void)url->query();
    (void)url->mapToQtSql(QStringLiteral("/fuzz/project"));
    // What is displayed parses again (the log and the window show it, people paste it back).
    if (!SqlAlchemyUrl::parse(url->toDisplayString()))
        __builtin_trap();
    return 0;
}
