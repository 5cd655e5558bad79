#include "model/project/gitauthors.h"

#include "model/common/logging.h"
#include "model/graph/revisiongraph.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QStandardPaths>

#include <optional>

namespace retort {

namespace {

constexpr char kRecord = '\x1e';
constexpr char kField = '\x1f';
constexpr int kFieldCount = 7; // %H %h %P %aN %aE %aI %s
constexpr int kPollMs = 50;

// Nothing from outside may redirect git (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE...) or change
// its words (a locale), ask for anything or take a lock it does not need.
QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString& key : keys)
        if (key.startsWith(QLatin1String("GIT_")))
            environment.remove(key);
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_PAGER"), QStringLiteral("cat"));
    // configuration given this way wins over the user's and the repository's files
    environment.insert(QStringLiteral("GIT_CONFIG_COUNT"), QStringLiteral("2"));
    environment.insert(QStringLiteral("GIT_CONFIG_KEY_0"), QStringLiteral("core.fsmonitor"));
    environment.insert(QStringLiteral("GIT_CONFIG_VALUE_0"), QStringLiteral("false"));
    environment.insert(QStringLiteral("GIT_CONFIG_KEY_1"), QStringLiteral("log.showSignature"));
    environment.insert(QStringLiteral("GIT_CONFIG_VALUE_1"), QStringLiteral("false"));
    return environment;
}

// Runs git in `folder`; its standard output when it exits with 0 in time, else nothing.
std::optional<QByteArray> runGit(const QString& program, const QString& folder,
                                 const QStringList& arguments, const GitReadOptions& options)
{
    // The subcommand comes first (a read-only query is recognisable as such): the folder is
    // the working directory and the settings come from the environment (gitEnvironment()).
    QProcess git;
    git.setProcessEnvironment(gitEnvironment());
    git.setStandardInputFile(QProcess::nullDevice());
    git.setWorkingDirectory(folder);
    git.start(program, arguments, QIODevice::ReadOnly);
    if (!git.waitForStarted(options.timeoutMs)) {
        qCDebug(lcGit) << "git did not start:" << git.errorString();
        return std::nullopt;
    }
    const QDeadlineTimer deadline(options.timeoutMs);
    while (!git.waitForFinished(kPollMs)) {
        if (git.state() == QProcess::NotRunning)
            break;
        const bool cancelled = options.cancelled && options.cancelled();
        if (cancelled || deadline.hasExpired()) {
            qCDebug(lcGit) << "git" << arguments.value(0)
                           << (cancelled ? "cancelled" : "timed out") << "in" << folder;
            git.kill();
            git.waitForFinished(1000);
            return std::nullopt;
        }
    }
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        qCDebug(lcGit) << "git" << arguments.value(0) << "failed in" << folder << ":"
                       << git.readAllStandardError().trimmed();
        return std::nullopt;
    }
    return git.readAllStandardOutput();
}

struct LogEntry
{
    char status = 0; // 'A', 'D' or 'R'
    QString path;    // A, D: the path; R: the new path
    QString from;    // R: the old path
    bool operator==(const LogEntry&) const = default;
};

struct LogRecord
{
    GitCommit commit;
    int parents = 0;
    QList<LogEntry> entries;
};

size_t qHash(const LogEntry& entry, size_t seed = 0)
{
    return qHashMulti(seed, entry.status, entry.path, entry.from);
}

// `git log -z --name-status` with a format that starts each record with kRecord: the
// header's fields end with NUL, then "\n" and NUL-separated status and path(s).
QList<LogRecord> parseLog(const QByteArray& output)
{
    QList<LogRecord> records;
    for (const QByteArray& chunk : output.split(kRecord)) {
        const qsizetype headerEnd = chunk.indexOf('\0');
        const QByteArray header = headerEnd < 0 ? chunk : chunk.left(headerEnd);
        const QList<QByteArray> fields = header.split(kField);
        if (fields.size() != kFieldCount)
            continue;
        LogRecord record;
        record.commit.hash = QString::fromUtf8(fields.at(0));
        record.commit.shortHash = QString::fromUtf8(fields.at(1));
        record.parents = int(fields.at(2).split(' ').size() - fields.at(2).split(' ').count(QByteArray()));
        record.commit.author = QString::fromUtf8(fields.at(3));
        record.commit.email = QString::fromUtf8(fields.at(4));
        record.commit.date = QString::fromUtf8(fields.at(5));
        record.commit.subject = QString::fromUtf8(fields.at(6));
        if (headerEnd >= 0) {
            const QList<QByteArray> tokens = chunk.mid(headerEnd + 1).split('\0');
            for (qsizetype i = 0; i < tokens.size(); ++i) {
                const QByteArray status = tokens.at(i).trimmed();
                if (status.isEmpty())
                    continue;
                LogEntry entry;
                entry.status = status.at(0);
                if (entry.status == 'R' || entry.status == 'C') {
                    if (i + 2 >= tokens.size())
                        break;
                    entry.from = QString::fromUtf8(tokens.at(i + 1));
                    entry.path = QString::fromUtf8(tokens.at(i + 2));
                    i += 2;
                } else {
                    if (i + 1 >= tokens.size())
                        break;
                    entry.path = QString::fromUtf8(tokens.at(i + 1));
                    i += 1;
                }
                if (entry.status == 'A' || entry.status == 'D' || entry.status == 'R')
                    record.entries.append(entry);
            }
        }
        records.append(record);
    }
    return records;
}

// A merge commit is logged once per parent (-m): a change counts as the merge's own only when
// it shows against every parent (a file added on a side branch shows against the first
// parent only, and its own commit comes later in the log).
QList<LogEntry> ownEntries(const QList<LogRecord>& sections)
{
    const int parents = sections.first().parents;
    if (parents <= 1)
        return sections.first().entries;
    QHash<LogEntry, int> counts;
    QList<LogEntry> order;
    for (const LogRecord& section : sections) {
        for (const LogEntry& entry : section.entries) {
            if (counts[entry]++ == 0)
                order.append(entry);
        }
    }
    QList<LogEntry> own;
    for (const LogEntry& entry : std::as_const(order))
        if (counts.value(entry) >= parents)
            own.append(entry);
    return own;
}

} // namespace

GitAuthors GitAuthors::read(const QString& folder, const QStringList& versionFolders,
                            const QStringList& paths, const GitReadOptions& options)
{
    GitAuthors result;
    if (paths.isEmpty() || folder.isEmpty() || !QFileInfo(folder).isDir())
        return result;
    const QString program = options.gitProgram.isEmpty()
                                ? QStandardPaths::findExecutable(QStringLiteral("git"))
                                : options.gitProgram;
    if (program.isEmpty()) {
        qCDebug(lcGit) << "git is not installed";
        return result;
    }

    const std::optional<QByteArray> topOutput =
        runGit(program, folder, {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")},
               options);
    if (!topOutput)
        return result;
    const QString top = QFileInfo(QString::fromUtf8(topOutput->trimmed())).canonicalFilePath();
    if (top.isEmpty())
        return result;
    const QDir topDir(top);
    const auto inTree = [&](const QString& canonical) {
        return canonical == top || canonical.startsWith(top + u'/');
    };

    // The log is limited to the version folders inside this work tree.
    QStringList pathspecs;
    for (const QString& versionFolder : versionFolders) {
        const QString canonical = QFileInfo(versionFolder).canonicalFilePath();
        if (canonical.isEmpty() || !inTree(canonical))
            continue;
        const QString relative = topDir.relativeFilePath(canonical);
        const QString spec = relative.isEmpty() || relative == QLatin1String(".")
                                 ? QStringLiteral(":(top)")
                                 : QStringLiteral(":(top,literal)") + relative;
        if (!pathspecs.contains(spec))
            pathspecs.append(spec);
    }
    if (pathspecs.isEmpty())
        return result;

    // The files to find, by their path in the tree as git writes it.
    QHash<QString, QStringList> givenPaths; // relative path -> the paths as given
    QHash<QString, QStringList> wanted;     // path in history -> the relative paths it became
    for (const QString& path : paths) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || !inTree(canonical))
            continue;
        const QString relative = topDir.relativeFilePath(canonical);
        if (!givenPaths.contains(relative))
            wanted.insert(relative, {relative});
        givenPaths[relative].append(path);
    }
    if (wanted.isEmpty())
        return result;

    QStringList logArguments{
        QStringLiteral("log"),
        QStringLiteral("-m"),      // merges once per parent: a file added by a merge itself
        QStringLiteral("-M"),      // renames followed back to the file's first name
        QStringLiteral("--diff-filter=ADR"),
        QStringLiteral("--name-status"),
        QStringLiteral("-z"),
        QStringLiteral("--no-ext-diff"),
        QStringLiteral("--no-textconv"),
        QStringLiteral("--no-color"),
        QStringLiteral("--no-show-signature"),
        QStringLiteral("--encoding=UTF-8"),
        QStringLiteral("--format=%x1e%H%x1f%h%x1f%P%x1f%aN%x1f%aE%x1f%aI%x1f%s"),
        QStringLiteral("--"),
    };
    logArguments += pathspecs;
    const std::optional<QByteArray> log = runGit(program, top, logArguments, options);
    if (!log)
        return result;

    // Newest first: the first addition, deletion or rename of a wanted path decides it.
    const QList<LogRecord> records = parseLog(*log);
    for (qsizetype i = 0; i < records.size() && !wanted.isEmpty();) {
        qsizetype end = i + 1;
        while (end < records.size() && records.at(end).commit.hash == records.at(i).commit.hash)
            ++end;
        const QList<LogEntry> entries = ownEntries(records.mid(i, end - i));
        const GitCommit& commit = records.at(i).commit;
        i = end;
        // Additions and deletions first: "renamed a to b and added a new a" finds the new a
        // here and follows b back to the old a.
        for (const LogEntry& entry : entries) {
            if (entry.status == 'R' || !wanted.contains(entry.path))
                continue;
            const QStringList targets = wanted.take(entry.path);
            if (entry.status == 'A')
                for (const QString& target : targets)
                    for (const QString& given : givenPaths.value(target))
                        result.m_commits.insert(given, commit);
            // 'D': the file on disk is not the one git has: no commit
        }
        for (const LogEntry& entry : entries) {
            if (entry.status == 'R' && wanted.contains(entry.path))
                wanted[entry.from] += wanted.take(entry.path);
        }
    }
    qCDebug(lcGit) << "git log in" << top << "found" << result.size() << "of" << paths.size()
                   << "files";
    return result;
}

GitAuthors GitAuthors::read(const RevisionGraph& graph, const QString& folder,
                            const GitReadOptions& options)
{
    QStringList versionFolders;
    QStringList paths;
    for (const Revision& revision : graph.revisions()) {
        if (revision.path.isEmpty())
            continue;
        paths.append(revision.path);
        const QString location = revision.versionLocation.isEmpty()
                                     ? QFileInfo(revision.path).absolutePath()
                                     : revision.versionLocation;
        if (!versionFolders.contains(location))
            versionFolders.append(location);
    }
    return read(folder, versionFolders, paths, options);
}

const GitCommit* GitAuthors::commit(const QString& path) const
{
    const auto it = m_commits.constFind(path);
    return it == m_commits.cend() ? nullptr : &it.value();
}

const GitCommit* GitAuthors::commit(const Revision& revision) const
{
    return commit(revision.path);
}

} // namespace retort
