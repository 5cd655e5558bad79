// Which heads the branch labels do not explain, what only each has, who applied it, and the
// fix recommended with its reason; and the re-parent check the graph's drag uses.
#include "model/graph/headsanalysis.h"
#include "model/graph/revisiongraph.h"
#include "support/testrevisions.h"

#include <QTest>

using namespace retort;
using namespace retort::test;

namespace {

DatabaseView db(const char* name, const RevisionGraph& graph, const char* rows,
                bool isProtected = false)
{
    return {QString::fromUtf8(name), isProtected, DatabaseState::derive(graph, ids(rows))};
}

//   a - b - c          c and e: two heads, no labels
//    `- d - e
std::shared_ptr<const RevisionGraph> twoHeads()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "a"),
                                 rev("e", "d")});
}

} // namespace

class TestHeadsAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void oneHeadNeedsNothing()
    {
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a")});
        const HeadsAnalysis a = HeadsAnalysis::analyze(*g, {});
        QVERIFY(!a.hasUnexplainedHeads());
        QVERIFY(a.summary().isEmpty());
        QCOMPARE(a.recommendation().kind, HeadsFix::Kind::None);
    }

    void labelledBranchesAreExplained()
    {
        // A labelled branch from b, and a second base with its own label: three heads, each
        // a branch someone asked for.
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "b"),
                                             rev("s", "b", "side"), rev("x", "", "other")});
        QCOMPARE(g->heads().size(), 3);
        QVERIFY(!HeadsAnalysis::analyze(*g, {}).hasUnexplainedHeads());
    }

    void twoHeadsInsideOneLabelledBranch()
    {
        const auto g = RevisionGraph::build({rev("a"), rev("s", "a", "side"), rev("t", "s"),
                                             rev("u", "s")});
        const HeadsAnalysis a = HeadsAnalysis::analyze(*g, {});
        QVERIFY(a.hasUnexplainedHeads());
        QCOMPARE(a.heads().size(), 2);
        QCOMPARE(a.heads().at(0).branchLabels, QStringList{QStringLiteral("side")});
    }

    void ownRevisionsAndWhoAppliedThem()
    {
        const auto g = twoHeads();
        const HeadsAnalysis a =
            HeadsAnalysis::analyze(*g, {db("dev", *g, "e"), db("ci", *g, "a"), db("qa", *g, "")});
        QVERIFY(a.hasUnexplainedHeads());
        QVERIFY(a.summary().contains(QStringLiteral("2 heads")));
        const HeadInfo* c = a.head(QStringLiteral("c"));
        const HeadInfo* e = a.head(QStringLiteral("e"));
        QVERIFY(c && e);
        QCOMPARE(c->own, ids("c b"));
        QCOMPARE(e->own, ids("e d"));
        QCOMPARE(c->firstOwn, QStringLiteral("b"));
        QCOMPARE(c->forkPoint, QStringLiteral("a"));
        QVERIFY(c->isAppliedNowhere());
        QCOMPARE(e->appliedBy.size(), 1);
        QCOMPARE(e->appliedBy.first().profile, QStringLiteral("dev"));
        QCOMPARE(e->appliedBy.first().revisions, ids("e d"));
        QCOMPARE(HeadsAnalysis::branchText(*c), QStringLiteral("the unlabelled branch, forked at a"));
    }

    void reparentsTheSideAppliedNowhere()
    {
        const auto g = twoHeads();
        const HeadsAnalysis a = HeadsAnalysis::analyze(*g, {db("dev", *g, "d")});
        const HeadsFix& fix = a.recommendation();
        QCOMPARE(fix.kind, HeadsFix::Kind::Reparent);
        QCOMPARE(fix.revision, QStringLiteral("b"));
        QCOMPARE(fix.oldParent, QStringLiteral("a"));
        QCOMPARE(fix.newParent, QStringLiteral("e"));
        QVERIFY2(fix.reason.contains(QStringLiteral("The one configured database has not applied them")),
                 qPrintable(fix.reason));
        // The same with the other side applied: the other side moves.
        const HeadsAnalysis b = HeadsAnalysis::analyze(*g, {db("dev", *g, "c")});
        QCOMPARE(b.recommendation().kind, HeadsFix::Kind::Reparent);
        QCOMPARE(b.recommendation().revision, QStringLiteral("d"));
        QCOMPARE(b.recommendation().newParent, QStringLiteral("c"));
    }

    void mergesWhenBothSidesAreApplied()
    {
        const auto g = twoHeads();
        const HeadsAnalysis a =
            HeadsAnalysis::analyze(*g, {db("dev", *g, "d"), db("staging", *g, "b")});
        const HeadsFix& fix = a.recommendation();
        QCOMPARE(fix.kind, HeadsFix::Kind::Merge);
        QCOMPARE(fix.heads, ids("c e"));
        QVERIFY2(fix.reason.contains(QStringLiteral("dev applied d")), qPrintable(fix.reason));
        QVERIFY2(fix.reason.contains(QStringLiteral("staging applied b")), qPrintable(fix.reason));
        // One database with both heads applied: the same.
        QCOMPARE(HeadsAnalysis::analyze(*g, {db("dev", *g, "c e")}).recommendation().kind,
                 HeadsFix::Kind::Merge);
    }

    void anUnreadDatabaseRulesOutTheRewrite()
    {
        const auto g = twoHeads();
        DatabaseView unread{QStringLiteral("prod"), true, DatabaseState::notRead()};
        const HeadsAnalysis a = HeadsAnalysis::analyze(*g, {db("dev", *g, "d"), unread});
        QCOMPARE(a.recommendation().kind, HeadsFix::Kind::Merge);
        QVERIFY2(a.recommendation().reason.contains(QStringLiteral("could not read prod")),
                 qPrintable(a.recommendation().reason));
        QCOMPARE(a.head(QStringLiteral("c"))->unknownIn, QStringList{QStringLiteral("prod")});
    }

    void aSideThatIsAMergeCannotMoveInOneEdit()
    {
        // c's own part starts at m, which merges x (a second unlabelled base) and b.
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a"), rev("x"), rev("m", "b x"),
                                             rev("c", "m"), rev("d", "a")});
        const HeadsAnalysis a = HeadsAnalysis::analyze(*g, {db("dev", *g, "d")});
        const HeadInfo* c = a.head(QStringLiteral("c"));
        QVERIFY(c);
        QVERIFY(c->firstOwn.isEmpty());
        QCOMPARE(a.recommendation().kind, HeadsFix::Kind::Merge);
        QVERIFY(a.recommendation().reason.contains(QStringLiteral("do not grow from one place")));
    }

    void aBaseSideMovesOntoTheOtherHead()
    {
        // Two unlabelled bases: x - y applied nowhere is moved with x's None down_revision.
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a"), rev("x"), rev("y", "x"),
                                             rev("z", "y")});
        const HeadsAnalysis a = HeadsAnalysis::analyze(*g, {db("dev", *g, "b")});
        QCOMPARE(a.recommendation().kind, HeadsFix::Kind::Reparent);
        QCOMPARE(a.recommendation().revision, QStringLiteral("x"));
        QCOMPARE(a.recommendation().oldParent, QString());
        QCOMPARE(a.recommendation().newParent, QStringLiteral("b"));
    }

    void reparentCheckRefusesWhenApplied()
    {
        const auto g = twoHeads();
        const QList<DatabaseView> dbs{db("dev", *g, "e"), db("prod", *g, "d", true),
                                      db("ci", *g, "b")};
        const ReparentCheck check =
            ReparentCheck::check(*g, dbs, QStringLiteral("d"), QStringLiteral("c"));
        QVERIFY(check.isPossible());
        QVERIFY(!check.isSafe());
        QCOMPARE(check.oldParent, QStringLiteral("a"));
        QCOMPARE(check.moved, ids("d e"));
        QCOMPARE(check.blockers.size(), 2);
        QCOMPARE(check.blockers.at(0).revisions, ids("d e"));
        QCOMPARE(check.protectedProfiles(), QStringList{QStringLiteral("prod")});
        QVERIFY2(check.blockersText().contains(QStringLiteral("prod applied d")),
                 qPrintable(check.blockersText()));
        // Only databases that applied what moves count: ci applied b, which stays.
        QVERIFY(ReparentCheck::check(*g, {db("ci", *g, "b")}, QStringLiteral("d"),
                                     QStringLiteral("c"))
                    .isSafe());
    }

    void reparentCheckRefusesImpossibleMoves()
    {
        const auto g = twoHeads();
        QVERIFY(!ReparentCheck::check(*g, {}, QStringLiteral("d"), QStringLiteral("e"))
                     .isPossible()); // onto its own descendant
        QVERIFY(!ReparentCheck::check(*g, {}, QStringLiteral("d"), QStringLiteral("d"))
                     .isPossible());
        QVERIFY(!ReparentCheck::check(*g, {}, QStringLiteral("d"), QStringLiteral("a"))
                     .isPossible()); // already there
        const auto merged = RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "a"),
                                                  rev("m", "b c"), rev("z", "a")});
        const ReparentCheck m =
            ReparentCheck::check(*merged, {}, QStringLiteral("m"), QStringLiteral("z"));
        QVERIFY(!m.isPossible());
        QVERIFY(m.refusal.contains(QStringLiteral("merge revision")));
        DatabaseView unread{QStringLiteral("prod"), false, DatabaseState::notRead()};
        const ReparentCheck u =
            ReparentCheck::check(*g, {unread}, QStringLiteral("d"), QStringLiteral("c"));
        QVERIFY(!u.isSafe());
        QVERIFY(u.blockers.first().unknown);
    }
};

QTEST_GUILESS_MAIN(TestHeadsAnalysis)
#include "tst_headsanalysis.moc"
