#pragma once

// A small alembic project in a temporary folder for the script pane tests: alembic.ini,
// migrations/ with the demo's env.py and script.py.mako (so the real alembic can generate
// revisions), and a chain of revisions written byte for byte as given.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace retort::test {

inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

inline QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

inline QByteArray revisionScript(const QString& id, const QString& down, const QString& message)
{
    const QString downValue =
        down.isEmpty() ? QStringLiteral("None") : QStringLiteral("'%1'").arg(down);
    return QStringLiteral("\"\"\"%3\n\nRevision ID: %1\nRevises: %2\nCreate Date: 2024-01-01 "
                          "12:00:00.000000\n\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as "
                          "sa\n\n\n# revision identifiers, used by Alembic.\nrevision = '%1'\n"
                          "down_revision = %4\nbranch_labels = None\ndepends_on = None\n\n\n"
                          "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n")
        .arg(id, down, message, downValue)
        .toUtf8();
}

struct ScriptProject
{
    QTemporaryDir dir;

    QString ini() const { return dir.filePath(QStringLiteral("alembic.ini")); }
    QString versions() const { return dir.filePath(QStringLiteral("migrations/versions")); }
    QString script(const QString& id) const
    {
        return QDir::cleanPath(QDir(versions()).filePath(id + QStringLiteral("_rev.py")));
    }

    // a <- b <- c, and d on a (two heads: c and d).
    bool create()
    {
        const QString demo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/migrations/");
        return dir.isValid() &&
               writeBytes(ini(), "[alembic]\nscript_location = %(here)s/migrations\n"
                                 "sqlalchemy.url = sqlite:///%(here)s/app.db\n") &&
               writeBytes(dir.filePath(QStringLiteral("migrations/env.py")),
                          readBytes(demo + QStringLiteral("env.py"))) &&
               writeBytes(dir.filePath(QStringLiteral("migrations/script.py.mako")),
                          readBytes(demo + QStringLiteral("script.py.mako"))) &&
               add(QStringLiteral("aaaa00000001"), {}, "create users") &&
               add(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"), "add email") &&
               add(QStringLiteral("cccc00000003"), QStringLiteral("bbbb00000002"),
                   "create orders") &&
               add(QStringLiteral("dddd00000004"), QStringLiteral("aaaa00000001"), "add audit");
    }

    bool add(const QString& id, const QString& down, const char* message)
    {
        return writeBytes(script(id), revisionScript(id, down, QString::fromUtf8(message)));
    }
};

} // namespace retort::test
