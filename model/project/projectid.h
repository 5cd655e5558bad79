#pragma once

#include <QString>

namespace retort {

// Which project: its configuration file (alembic.ini, any ini, or pyproject.toml) and
// alembic's `-n` section. The one place that knows the default section is "alembic": an
// empty section means it, and both spellings compare equal.
class ProjectId
{
public:
    // alembic's default `-n`.
    static QString defaultSection() { return QStringLiteral("alembic"); }
    // `section`, or the default when empty.
    static QString normalizedSection(const QString& section)
    {
        return section.isEmpty() ? defaultSection() : section;
    }
    static bool isDefaultSection(const QString& section)
    {
        return section.isEmpty() || section == defaultSection();
    }

    ProjectId() = default;
    ProjectId(QString configPath, const QString& section = {})
        : m_configPath(std::move(configPath)), m_section(normalizedSection(section))
    {
    }

    bool isEmpty() const { return m_configPath.isEmpty(); }
    QString configPath() const { return m_configPath; }
    // Never empty: "alembic" unless another section was asked for.
    QString section() const { return m_section; }
    bool hasDefaultSection() const { return m_section == defaultSection(); }

    friend bool operator==(const ProjectId&, const ProjectId&) = default;

private:
    QString m_configPath;
    QString m_section = defaultSection();
};

} // namespace retort
