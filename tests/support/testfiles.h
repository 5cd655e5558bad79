#pragma once

// Small file and process helpers the tests share.

#include <QDir>
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace retort::testsupport {

// Writes `content` to `path`, making its folders; false when it cannot.
inline bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// The smallest revision script: a docstring ("msg"), `revision` and `down_revision` (None
// without `down`).
inline QByteArray revisionScript(const char* id, const char* down = nullptr)
{
    QByteArray s("\"\"\"msg\"\"\"\nrevision = '");
    s += id;
    s += "'\ndown_revision = ";
    s += down ? QByteArray("'") + down + "'" : QByteArray("None");
    s += "\n";
    return s;
}

// Copies the folder `from` to `to` (created), hidden files included, without Python's
// __pycache__ folders (a copied project must not carry another tree's bytecode).
inline bool copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("__pycache__")))
            continue;
        const QString target = to + path.mid(from.size());
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

// Runs a program to its end (tests only: this waits), stdout and stderr merged into
// `output`. True when it exited normally with code 0 within `timeoutMs`.
inline bool runProcess(const QString& program, const QStringList& args, const QString& cwd,
                       QString* output, int timeoutMs = 120000)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool finished = p.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace retort::testsupport
