#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>

namespace retort {

class RevisionGraph;
struct Revision;

// The commit that added one file, as git records it.
struct GitCommit
{
    QString author;    // author name (.mailmap applied)
    QString email;     // author email (.mailmap applied)
    QString date;      // author date, strict ISO 8601 with its offset ("2024-03-01T10:00:00+01:00")
    QString shortHash; // as git abbreviates it in this repository
    QString hash;      // full
    QString subject;   // the message's first line

    bool isValid() const { return !hash.isEmpty(); }
    friend bool operator==(const GitCommit&, const GitCommit&) = default;
};

struct GitReadOptions
{
    int timeoutMs = 15000;           // per git process; it is killed after that
    std::function<bool()> cancelled; // polled while git runs (may be empty)
    QString gitProgram;              // empty: `git` from PATH
};

// Which commit added each revision file, read with one `git log` over the version folders
// (and one `git rev-parse` to find the work tree's top). A plain value.
//
// The newest commit that added a file's current path wins: a file modified later keeps the
// commit that added it; a file renamed (git's rename detection) keeps the commit that added
// it under its old name; a file deleted and added again gets the later addition; a file
// added in a merge commit itself (in none of its parents) gets the merge. A file git does
// not have (never committed, or deleted in git and present again only on disk) has no
// commit. Anything that goes wrong — not a work tree, git not installed, a timeout, a
// cancel — gives an empty result: git information is optional, never an error.
//
// read() waits for git (bounded by the timeout): call it off the GUI thread. It runs git
// with a cleaned environment (no GIT_* variables from outside, LC_ALL=C, no pager, no
// prompts, no optional locks) and options that keep its output the same whatever the
// user's configuration; `git log` and `git rev-parse` run no hooks.
class GitAuthors
{
public:
    GitAuthors() = default;

    // `folder`: where to look for the work tree (the project folder); `versionFolders`: the
    // folders the log is limited to (those outside the work tree are left out); `paths`: the
    // files to map (absolute paths, as the graph has them).
    static GitAuthors read(const QString& folder, const QStringList& versionFolders,
                           const QStringList& paths, const GitReadOptions& options = {});
    // Every revision file of `graph`, limited to the revisions' version folders.
    static GitAuthors read(const RevisionGraph& graph, const QString& folder,
                           const GitReadOptions& options = {});

    // The commit that added `path` (as given to read()), or nullptr.
    const GitCommit* commit(const QString& path) const;
    const GitCommit* commit(const Revision& revision) const;
    bool isEmpty() const { return m_commits.isEmpty(); }
    qsizetype size() const { return m_commits.size(); }
    // For tests and callers that already know.
    void insert(const QString& path, const GitCommit& commit) { m_commits.insert(path, commit); }

    friend bool operator==(const GitAuthors&, const GitAuthors&) = default;

private:
    QHash<QString, GitCommit> m_commits; // by path as given
};

} // namespace retort

Q_DECLARE_METATYPE(retort::GitAuthors)
