#pragma once

// A small alembic project in a real git work tree, committed by two authors at fixed dates
// (tests of GitAuthors, the Revisions tab, Details and `retort-cli graph --json`).

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort::testsupport {

struct GitAuthor
{
    QString name;
    QString email;
};

inline const GitAuthor kAnn{QStringLiteral("Ann Archer"), QStringLiteral("ann@example.org")};
inline const GitAuthor kBob{QStringLiteral("Bob Baker"), QStringLiteral("bob@example.org")};

// Runs git in `repo` with nothing from the user's configuration (no global or system file, no
// GIT_* variables), as `author` at `date` (ISO 8601) when given. True on exit code 0.
inline bool runGit(const QString& repo, const QStringList& args, const GitAuthor& author = {},
                   const QString& date = {}, QString* output = nullptr)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys())
        if (key.startsWith(QLatin1String("GIT_")))
            env.remove(key);
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    if (!author.name.isEmpty()) {
        env.insert(QStringLiteral("GIT_AUTHOR_NAME"), author.name);
        env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), author.email);
        env.insert(QStringLiteral("GIT_COMMITTER_NAME"), author.name);
        env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), author.email);
    }
    if (!date.isEmpty()) {
        env.insert(QStringLiteral("GIT_AUTHOR_DATE"), date);
        env.insert(QStringLiteral("GIT_COMMITTER_DATE"), date);
    }
    QProcess git;
    git.setProcessEnvironment(env);
    git.setWorkingDirectory(repo);
    git.setProcessChannelMode(QProcess::MergedChannels);
    git.start(QStringLiteral("git"), args);
    const bool finished = git.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(git.readAll()).trimmed();
    return finished && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0;
}

inline bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

inline QByteArray revisionScript(const char* id, const char* down, const char* message)
{
    return QByteArray("\"\"\"") + message + "\n\nRevision ID: " + id
           + "\nCreate Date: 2024-05-06 07:08:09.000001\n\n\"\"\"\nrevision = '" + id
           + "'\ndown_revision = " + down + "\n\n\ndef upgrade():\n    pass\n\n\n"
           + "def downgrade():\n    pass\n";
}

// All commits are made with `git add -A`. Returns the full hash of HEAD ("" on failure).
inline QString commitAll(const QString& repo, const GitAuthor& author, const QString& date,
                         const QString& message)
{
    QString hash;
    if (!runGit(repo, {QStringLiteral("add"), QStringLiteral("-A")}) ||
        !runGit(repo, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), message},
                author, date) ||
        !runGit(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, {}, {}, &hash))
        return {};
    return hash;
}

// The project in `root` (an empty folder):
//   commit 1, Ann, 2024-01-10T09:00:00+01:00, "Start the schema": aaaa (a_first.py) and
//            bbbb (b_second.py), with alembic.ini
//   commit 2, Bob, 2024-02-20T15:30:00+00:00, "Add the reports table": cccc (c_third.py)
//   commit 3, Bob, 2024-03-01T12:00:00+00:00, "Tidy the first revision": a_first.py modified
//   not committed: dddd (d_fourth.py)
struct GitProject
{
    QString configPath;
    QString versions;
    QString first;  // hash of commit 1
    QString second; // hash of commit 2
    QString third;  // hash of commit 3
    bool ok = false;
};

inline GitProject makeGitProject(const QString& root)
{
    GitProject p;
    p.configPath = root + QStringLiteral("/alembic.ini");
    p.versions = root + QStringLiteral("/migrations/versions");
    const QString v = p.versions + u'/';
    if (!runGit(root, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                       QStringLiteral("main")}))
        return p;
    writeFile(p.configPath, "[alembic]\nscript_location = %(here)s/migrations\n"
                            "sqlalchemy.url = sqlite:///%(here)s/x.db\n");
    writeFile(v + QStringLiteral("a_first.py"), revisionScript("aaaa", "None", "first"));
    writeFile(v + QStringLiteral("b_second.py"), revisionScript("bbbb", "'aaaa'", "second"));
    p.first = commitAll(root, kAnn, QStringLiteral("2024-01-10T09:00:00+01:00"),
                        QStringLiteral("Start the schema"));
    writeFile(v + QStringLiteral("c_third.py"), revisionScript("cccc", "'bbbb'", "third"));
    p.second = commitAll(root, kBob, QStringLiteral("2024-02-20T15:30:00+00:00"),
                         QStringLiteral("Add the reports table"));
    writeFile(v + QStringLiteral("a_first.py"),
              revisionScript("aaaa", "None", "first") + "# tidied\n");
    p.third = commitAll(root, kBob, QStringLiteral("2024-03-01T12:00:00+00:00"),
                        QStringLiteral("Tidy the first revision"));
    writeFile(v + QStringLiteral("d_fourth.py"), revisionScript("dddd", "'cccc'", "fourth"));
    p.ok = !p.first.isEmpty() && !p.second.isEmpty() && !p.third.isEmpty();
    return p;
}

} // namespace retort::testsupport
