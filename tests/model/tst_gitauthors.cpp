// GitAuthors against real git repositories: which commit added each revision file.
#include "model/project/gitauthors.h"
#include "model/project/projectloader.h"
#include "model/graph/revisiongraph.h"
#include "support/gitfixture.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString versionFile(const GitProject& p, const char* name)
{
    return p.versions + u'/' + QLatin1String(name);
}

QStringList allFiles(const GitProject& p)
{
    return {versionFile(p, "a_first.py"), versionFile(p, "b_second.py"),
            versionFile(p, "c_third.py"), versionFile(p, "d_fourth.py")};
}

} // namespace

class TestGitAuthors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString version;
        QVERIFY2(runGit(QDir::tempPath(), {QStringLiteral("--version")}, {}, {}, &version),
                 "git must be installed (scripts/setup)");
    }

    void twoAuthorsAddedModifiedAndUncommitted()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        const QFileInfo root(dir.path());
        const GitAuthors git =
            GitAuthors::read(dir.path(), {p.versions}, allFiles(p));
        QCOMPARE(git.size(), 3);

        // added in the first commit, modified in the third: the adding commit wins
        const GitCommit* a = git.commit(versionFile(p, "a_first.py"));
        QVERIFY(a);
        QCOMPARE(a->author, kAnn.name);
        QCOMPARE(a->email, kAnn.email);
        QCOMPARE(a->date, QStringLiteral("2024-01-10T09:00:00+01:00"));
        QCOMPARE(a->hash, p.first);
        QVERIFY(a->shortHash.size() >= 7 && a->shortHash.size() < p.first.size());
        QVERIFY(p.first.startsWith(a->shortHash));
        QCOMPARE(a->subject, QStringLiteral("Start the schema"));

        const GitCommit* b = git.commit(versionFile(p, "b_second.py"));
        QVERIFY(b);
        QCOMPARE(b->hash, p.first);

        // added later, by the other author
        const GitCommit* c = git.commit(versionFile(p, "c_third.py"));
        QVERIFY(c);
        QCOMPARE(c->author, kBob.name);
        QCOMPARE(c->email, kBob.email);
        QCOMPARE(c->date, QStringLiteral("2024-02-20T15:30:00+00:00"));
        QCOMPARE(c->hash, p.second);
        QCOMPARE(c->subject, QStringLiteral("Add the reports table"));

        // never committed: nothing
        QCOMPARE(git.commit(versionFile(p, "d_fourth.py")), nullptr);
    }

    void fromTheGraph()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        const Result<LoadedProject> project = ProjectLoader::load(p.configPath);
        QVERIFY(project);
        const RevisionGraph& graph = *project->graph;
        QCOMPARE(graph.size(), 4);
        const GitAuthors git = GitAuthors::read(graph, dir.path());
        QCOMPARE(git.size(), 3);
        QCOMPARE(git.commit(*graph.revision(QStringLiteral("aaaa")))->hash, p.first);
        QCOMPARE(git.commit(*graph.revision(QStringLiteral("cccc")))->hash, p.second);
        QCOMPARE(git.commit(*graph.revision(QStringLiteral("dddd"))), nullptr);
    }

    void notARepositoryIsEmpty()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("versions/a.py"));
        QVERIFY(writeFile(file, revisionScript("aaaa", "None", "first")));
        // the temporary folder must not be inside some other work tree
        QVERIFY(!runGit(dir.path(), {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")}));
        const GitAuthors git =
            GitAuthors::read(dir.path(), {dir.filePath(QStringLiteral("versions"))}, {file});
        QVERIFY(git.isEmpty());
        QCOMPARE(git.commit(file), nullptr);
    }

    void gitMissingIsEmpty()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        GitReadOptions options;
        options.gitProgram = dir.filePath(QStringLiteral("no-such-git"));
        QVERIFY(GitAuthors::read(dir.path(), {p.versions}, allFiles(p), options).isEmpty());
        // the same with git found: not empty (the missing program made the difference)
        QVERIFY(!GitAuthors::read(dir.path(), {p.versions}, allFiles(p)).isEmpty());
    }

    void aHangingGitTimesOut()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        const QString slowGit = dir.filePath(QStringLiteral("slow-git"));
        QVERIFY(writeFile(slowGit, "#!/bin/sh\nexec sleep 60\n"));
        QVERIFY(QFile::setPermissions(slowGit, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        GitReadOptions options;
        options.gitProgram = slowGit;
        options.timeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(GitAuthors::read(dir.path(), {p.versions}, allFiles(p), options).isEmpty());
        QVERIFY2(timer.elapsed() < 20000, "a git that hangs must not block the caller");
    }

    void cancelledReadStopsGit()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        const QString slowGit = dir.filePath(QStringLiteral("slow-git"));
        QVERIFY(writeFile(slowGit, "#!/bin/sh\nexec sleep 60\n"));
        QVERIFY(QFile::setPermissions(slowGit, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        GitReadOptions options;
        options.gitProgram = slowGit;
        options.timeoutMs = 60000;
        int polls = 0;
        options.cancelled = [&polls] { return ++polls > 3; };
        QElapsedTimer timer;
        timer.start();
        QVERIFY(GitAuthors::read(dir.path(), {p.versions}, allFiles(p), options).isEmpty());
        QVERIFY(polls > 3);
        QVERIFY2(timer.elapsed() < 20000, "a cancelled read must stop git");
    }

    void outsideGitVariablesDoNotRedirect()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        QTemporaryDir other;
        qputenv("GIT_DIR", other.path().toUtf8());
        qputenv("GIT_WORK_TREE", other.path().toUtf8());
        const GitAuthors git = GitAuthors::read(dir.path(), {p.versions}, allFiles(p));
        qunsetenv("GIT_DIR");
        qunsetenv("GIT_WORK_TREE");
        QCOMPARE(git.size(), 3);
    }

    void renamedFileKeepsItsAddingCommit()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        QVERIFY(runGit(dir.path(), {QStringLiteral("mv"), versionFile(p, "c_third.py"),
                                    versionFile(p, "c_3_third.py")}));
        const QString moved =
            commitAll(dir.path(), kAnn, QStringLiteral("2024-04-01T08:00:00+00:00"),
                      QStringLiteral("Rename c"));
        QVERIFY(!moved.isEmpty());
        const GitAuthors git = GitAuthors::read(dir.path(), {p.versions},
                                                {versionFile(p, "c_3_third.py")});
        QVERIFY(git.commit(versionFile(p, "c_3_third.py")));
        QCOMPARE(git.commit(versionFile(p, "c_3_third.py"))->hash, p.second);
        QCOMPARE(git.commit(versionFile(p, "c_3_third.py"))->author, kBob.name);
    }

    void mergesAttributeTheirOwnFilesOnly()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        const QString root = dir.path();
        QVERIFY(runGit(root, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                              QStringLiteral("side")}));
        QVERIFY(writeFile(versionFile(p, "s_side.py"), revisionScript("ssss", "'cccc'", "side")));
        const QString side = commitAll(root, kBob, QStringLiteral("2024-05-01T10:00:00+00:00"),
                                       QStringLiteral("Side revision"));
        QVERIFY(!side.isEmpty());
        QVERIFY(runGit(root, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}));
        QVERIFY(writeFile(versionFile(p, "m_main.py"), revisionScript("mmmm", "'cccc'", "main")));
        const QString main = commitAll(root, kAnn, QStringLiteral("2024-05-02T10:00:00+00:00"),
                                       QStringLiteral("Main revision"));
        QVERIFY(!main.isEmpty());
        QVERIFY(runGit(root, {QStringLiteral("merge"), QStringLiteral("-q"), QStringLiteral("--no-ff"),
                              QStringLiteral("--no-commit"), QStringLiteral("side")},
                       kAnn, QStringLiteral("2024-05-03T10:00:00+00:00")));
        // a file that only the merge commit adds (in neither parent)
        QVERIFY(writeFile(versionFile(p, "x_merge.py"),
                          revisionScript("xxxx", "('ssss', 'mmmm')", "merge")));
        const QString merge = commitAll(root, kAnn, QStringLiteral("2024-05-03T10:00:00+00:00"),
                                        QStringLiteral("Merge side"));
        QVERIFY(!merge.isEmpty());

        const GitAuthors git = GitAuthors::read(
            root, {p.versions},
            {versionFile(p, "s_side.py"), versionFile(p, "m_main.py"), versionFile(p, "x_merge.py"),
             versionFile(p, "a_first.py")});
        QCOMPARE(git.size(), 4);
        QCOMPARE(git.commit(versionFile(p, "s_side.py"))->hash, side);
        QCOMPARE(git.commit(versionFile(p, "s_side.py"))->author, kBob.name);
        QCOMPARE(git.commit(versionFile(p, "m_main.py"))->hash, main);
        QCOMPARE(git.commit(versionFile(p, "x_merge.py"))->hash, merge);
        QCOMPARE(git.commit(versionFile(p, "a_first.py"))->hash, p.first);
    }

    void fileGitDeletedButOnDiskHasNoCommit()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        QVERIFY(runGit(dir.path(), {QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("--cached"),
                                    versionFile(p, "b_second.py")}));
        QVERIFY(runGit(dir.path(), {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                                    QStringLiteral("Untrack b")},
                       kAnn, QStringLiteral("2024-04-01T08:00:00+00:00")));
        QVERIFY(QFileInfo::exists(versionFile(p, "b_second.py")));
        const GitAuthors git = GitAuthors::read(dir.path(), {p.versions}, allFiles(p));
        QCOMPARE(git.commit(versionFile(p, "b_second.py")), nullptr);
        QVERIFY(git.commit(versionFile(p, "a_first.py")));
    }

    void versionFolderOutsideTheTreeIsLeftOut()
    {
        QTemporaryDir dir;
        const GitProject p = makeGitProject(dir.path());
        QVERIFY(p.ok);
        QTemporaryDir outside;
        const QString stray = outside.filePath(QStringLiteral("z.py"));
        QVERIFY(writeFile(stray, revisionScript("zzzz", "None", "stray")));
        const GitAuthors git = GitAuthors::read(dir.path(), {p.versions, outside.path()},
                                                allFiles(p) << stray);
        QCOMPARE(git.size(), 3);
        QCOMPARE(git.commit(stray), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestGitAuthors)
#include "tst_gitauthors.moc"
