#pragma once

#include <QString>
#include <QStringList>

namespace retort::screenshots {

// A database of the demo brought to a state by the real alembic, for the screenshots.
struct DemoDatabase
{
    QString name;       // the profile's name ("default" is the ini's own database)
    QString file;       // the SQLite file
    QStringList targets; // `alembic upgrade TARGET`, in order
    bool isProtected = false;
};

// A copy of the bundled demo in a folder of its own, and its databases. The demo in the
// source tree (or the installed one) is only read: alembic writes its bytecode and the
// databases beside the copy.
class DemoDatabases
{
public:
    // `python` must import alembic (Debian's: /usr/bin/python3).
    DemoDatabases(QString demoDir, QString workDir, QString python);

    // Copies the demo and runs alembic for each database; false with error() when a step
    // failed (alembic's output included).
    bool prepare();
    QString error() const { return m_error; }

    QString configPath() const; // the copy's alembic.ini
    const QList<DemoDatabase>& databases() const { return m_databases; }
    static QString sqliteUrl(const QString& file);

private:
    bool copyDemo();
    bool upgrade(const DemoDatabase& database);

    QString m_demoDir;
    QString m_workDir;
    QString m_python;
    QList<DemoDatabase> m_databases;
    QString m_error;
};

} // namespace retort::screenshots
