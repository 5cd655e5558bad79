#pragma once

#include "model/common/alembicrules.h"
#include "model/common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace retort {

// An Alembic project's configuration as alembic itself would read it, without Python:
// alembic.ini with configparser semantics (BasicInterpolation with `here`, `-n` sections,
// continuation lines, comments) and/or `[tool.alembic]` in pyproject.toml.
class AlembicConfig
{
    // Its messages share the config readers' translation context "retort".
    Q_DECLARE_TR_FUNCTIONS(retort)

public:
    // `path` is an alembic.ini (or any ini) or a pyproject.toml. `section` is alembic's `-n`.
    // For a pyproject.toml, an alembic.ini beside it (if any) supplies runtime options such
    // as sqlalchemy.url, as alembic >= 1.16 does.
    // `rules` are those of the alembic that reads it: before 1.16 there is no
    // path_separator and no pyproject.toml.
    static Result<AlembicConfig> load(const QString& path,
                                      const QString& section = QStringLiteral("alembic"),
                                      const AlembicRules& rules = AlembicRules::newest());

    // Parses ini text directly (for tests); `here` is the folder `%(here)s` expands to.
    static Result<AlembicConfig> fromIniText(const QString& text, const QString& here,
                                             const QString& section = QStringLiteral("alembic"));

    QString configPath() const { return m_configPath; } // absolute, empty for fromIniText
    QString section() const { return m_section; }
    QString here() const { return m_here; }             // folder of the config file

    // A main option after interpolation; `fallback` when absent.
    QString mainOption(const QString& key, const QString& fallback = {}) const;
    bool hasMainOption(const QString& key) const;

    // Absolute folder of the scripts (env.py, script.py.mako, versions/).
    QString scriptLocation() const { return m_scriptLocation; }
    // Absolute version folders in configured order; scriptLocation()/versions when unset.
    QStringList versionLocations() const { return m_versionLocations; }
    bool recursiveVersionLocations() const { return m_recursive; }
    QString sqlalchemyUrl() const { return mainOption(QStringLiteral("sqlalchemy.url")); }

private:
    QString m_configPath;
    QString m_section;
    QString m_here;
    QHash<QString, QString> m_options; // interpolated main options of `section`
    QString m_scriptLocation;
    QStringList m_versionLocations;
    bool m_recursive = false;
};

} // namespace retort
