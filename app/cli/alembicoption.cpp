#include "app/cli/alembicoption.h"

#include "app/cli/clitext.h"

namespace retort::cli {

Result<LoadOptions> takeLoadOptions(QStringList& args, const QString& section)
{
    LoadOptions options;
    options.section = section;
    static const QString name = QStringLiteral("--alembic-version");
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString value;
        if (args.at(i) == name) {
            if (i + 1 >= args.size())
                return retort::Failure{Cli::tr("retort-cli: %1 needs a value").arg(name)};
            value = args.at(i + 1);
            args.remove(i, 2);
        } else if (args.at(i).startsWith(name + u'=')) {
            value = args.at(i).mid(name.size() + 1);
            args.remove(i, 1);
        } else {
            continue;
        }
        const std::optional<AlembicVersion> version = AlembicVersion::parse(value);
        if (!version)
            return retort::Failure{Cli::tr("retort-cli: %1 takes a version such as 1.13.2, not '%2'")
                               .arg(name, value)};
        options.alembicVersion = version;
        --i;
    }
    return options;
}

QJsonObject alembicJson(const ProjectAlembic& alembic)
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), alembic.source == ProjectAlembic::Source::NotFound
                                            ? QJsonValue()
                                            : QJsonValue(alembic.rules.version().toString()));
    o.insert(QStringLiteral("rules"), alembic.rules.rulesVersion().toString());
    o.insert(QStringLiteral("known"), alembic.rules.isKnown());
    static const char* const sources[] = {"given", "found", "asked", "not_found"};
    o.insert(QStringLiteral("source"), QLatin1StringView(sources[int(alembic.source)]));
    if (!alembic.detail.isEmpty())
        o.insert(QStringLiteral("detail"), alembic.detail);
    return o;
}

} // namespace retort::cli
