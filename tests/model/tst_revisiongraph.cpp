#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

#include "support/testrevisions.h"

#include <QTest>

using namespace retort;
using retort::test::ids;
using retort::test::rev;

namespace {

QStringList sorted(QSet<QString> set)
{
    QStringList out(set.cbegin(), set.cend());
    out.sort();
    return out;
}

QString messages(const Diagnostics& diags)
{
    QStringList out;
    for (const Diagnostic& d : diags)
        out << d.message;
    return out.join(u'\n');
}

} // namespace

class TestRevisionGraph : public QObject
{
    Q_OBJECT

private slots:
    void empty()
    {
        const auto g = RevisionGraph::build({});
        QVERIFY(g->isEmpty());
        QVERIFY(g->heads().isEmpty());
        QVERIFY(g->topologicalOrderNewestFirst().isEmpty());
        QVERIFY(!g->resolve(QStringLiteral("abcd")).ok());
    }

    void linear()
    {
        const auto g = RevisionGraph::build({rev("c", "b"), rev("a"), rev("b", "a")});
        QCOMPARE(g->size(), 3);
        QCOMPARE(g->revisions().first().id, QStringLiteral("a")); // sorted by id
        QCOMPARE(g->heads(), ids("c"));
        QCOMPARE(g->bases(), ids("a"));
        QVERIFY(g->branchPoints().isEmpty());
        QVERIFY(g->mergePoints().isEmpty());
        QCOMPARE(g->parents(QStringLiteral("c")), ids("b"));
        QCOMPARE(g->children(QStringLiteral("a")), ids("b"));
        QCOMPARE(g->topologicalOrderNewestFirst(), ids("c b a"));
        QVERIFY(g->diagnostics().isEmpty());
    }

    void branchesAndMerges()
    {
        //        b1 - b2
        //  a - bp          m3 - top
        //        c1 ------/   /
        //        d1 ---------/   (m3 merges b2, c1, d1)
        const auto g = RevisionGraph::build({rev("a"), rev("bp", "a"), rev("b1", "bp"),
                                             rev("b2", "b1"), rev("c1", "bp"), rev("d1", "bp"),
                                             rev("m3", "b2 c1 d1"), rev("top", "m3"),
                                             rev("other")});
        QCOMPARE(g->heads(), ids("other top"));
        QCOMPARE(g->bases(), ids("a other"));
        QCOMPARE(g->branchPoints(), ids("bp"));
        QCOMPARE(g->mergePoints(), ids("m3"));
        QCOMPARE(g->children(QStringLiteral("bp")), ids("b1 c1 d1"));
        QCOMPARE(g->parents(QStringLiteral("m3")), ids("b2 c1 d1"));
        QVERIFY(g->isBranchPoint(QStringLiteral("bp")));
        QVERIFY(g->isMergePoint(QStringLiteral("m3")));
        QVERIFY(g->isHead(QStringLiteral("top")));
        QVERIFY(!g->isHead(QStringLiteral("m3")));
        QCOMPARE(sorted(g->ancestors(QStringLiteral("m3"))), ids("a b1 b2 bp c1 d1"));
        QCOMPARE(sorted(g->descendants(QStringLiteral("bp"))), ids("b1 b2 c1 d1 m3 top"));

        // History order: every revision before all of its ancestors.
        const QStringList order = g->topologicalOrderNewestFirst();
        QCOMPARE(order.size(), g->size());
        for (const Revision& r : g->revisions())
            for (const QString& a : g->ancestors(r.id))
                QVERIFY2(order.indexOf(r.id) < order.indexOf(a), qPrintable(r.id + u' ' + a));
    }

    void dependsOn()
    {
        // Two roots; `x2` depends on `b` by id and on the label of the other root.
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a"), rev("x1", "", "extra"),
                                             rev("x2", "x1", "", "b"), rev("y", "b", "", "extra")});
        QVERIFY2(g->diagnostics().isEmpty(), qPrintable(messages(g->diagnostics())));
        QCOMPARE(g->dependencies(QStringLiteral("x2")), ids("b"));
        QCOMPARE(g->dependencies(QStringLiteral("y")), ids("x1"));
        QCOMPARE(g->dependents(QStringLiteral("b")), ids("x2"));
        // depends_on is not a parent: heads and branch points ignore it, as alembic does.
        QCOMPARE(g->heads(), ids("x2 y"));
        QVERIFY(g->branchPoints().isEmpty());
        QCOMPARE(sorted(g->ancestors(QStringLiteral("x2"))), ids("x1"));
        QCOMPARE(sorted(g->ancestors(QStringLiteral("x2"), true)), ids("a b x1"));
        QCOMPARE(sorted(g->descendants(QStringLiteral("a"), true)), ids("b x2 y"));
    }

    void unknownDependency()
    {
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a", "", "nothing")});
        QCOMPARE(g->diagnostics().size(), 1);
        QVERIFY(g->diagnostics().first().message.contains(QStringLiteral("nothing")));
        QCOMPARE(g->diagnostics().first().revision, QStringLiteral("b"));
        QVERIFY(g->dependencies(QStringLiteral("b")).isEmpty());
    }

    void labelsSpreadAsAlembic()
    {
        // root - a - bp - c(feature) - d
        //              \- e
        const auto g = RevisionGraph::build({rev("root"), rev("a", "root"), rev("bp", "a"),
                                             rev("c", "bp", "feature"), rev("d", "c"),
                                             rev("e", "bp")});
        QCOMPARE(g->labelOwner(QStringLiteral("feature")), QStringLiteral("c"));
        QCOMPARE(g->branchLabels(QStringLiteral("c")), ids("feature"));
        QCOMPARE(g->branchLabels(QStringLiteral("d")), ids("feature"));
        QVERIFY(g->branchLabels(QStringLiteral("bp")).isEmpty()); // the branch point stops it
        QVERIFY(g->branchLabels(QStringLiteral("e")).isEmpty());
        QVERIFY(g->branchLabels(QStringLiteral("a")).isEmpty());

        // A label in the middle of a straight line names the whole line down to its base.
        const auto line = RevisionGraph::build({rev("r1"), rev("r2", "r1", "main"), rev("r3", "r2")});
        QCOMPARE(line->branchLabels(QStringLiteral("r1")), ids("main"));
        QCOMPARE(line->branchLabels(QStringLiteral("r3")), ids("main"));

        // A merge point stops the walk down too.
        const auto merged = RevisionGraph::build({rev("p"), rev("q"), rev("m", "p q"),
                                                  rev("s", "m", "after")});
        QCOMPARE(merged->branchLabels(QStringLiteral("s")), ids("after"));
        QVERIFY(merged->branchLabels(QStringLiteral("m")).isEmpty());
        QVERIFY(merged->branchLabels(QStringLiteral("p")).isEmpty());

        // A depends_on reference makes a "real" branch point that stops it as well.
        const auto dep = RevisionGraph::build({rev("b0"), rev("b1", "b0"), rev("b2", "b1", "lab"),
                                               rev("o", "", "", "b1")});
        QCOMPARE(dep->branchLabels(QStringLiteral("b2")), ids("lab"));
        QVERIFY(dep->branchLabels(QStringLiteral("b1")).isEmpty());
        QCOMPARE(dep->allBranchLabels(), ids("lab"));
    }

    void duplicateLabels()
    {
        const auto g = RevisionGraph::build({rev("a", "", "x"), rev("b", "", "x"), rev("c", "", "a")});
        QCOMPARE(g->diagnostics().size(), 2);
        const QString all = messages(g->diagnostics());
        QVERIFY(all.contains(QStringLiteral("Branch name 'x' in revision b is already used by revision a")));
        QVERIFY(all.contains(QStringLiteral("Branch name 'a' in revision c is already used by revision a")));
        QCOMPARE(g->labelOwner(QStringLiteral("x")), QStringLiteral("a"));
    }

    void duplicateIds()
    {
        // alembic: the file loaded later takes the id (load order unknown: by path)
        Revision first = rev("same");
        first.path = QStringLiteral("/p/versions/1_first.py");
        Revision second = rev("same", "other");
        second.path = QStringLiteral("/p/versions/2_second.py");
        const auto g = RevisionGraph::build({second, first, rev("other")});
        QCOMPARE(g->size(), 2);
        QCOMPARE(g->revision(QStringLiteral("same"))->path, second.path);
        QCOMPARE(g->diagnostics().size(), 2);
        QCOMPARE(g->diagnosticsFor(second.path).size(), 1);
        QCOMPARE(g->diagnosticsFor(first.path).size(), 1);
        QVERIFY(hasErrors(g->diagnostics()));
        // the overwritten one (a base) still counts among the bases
        QCOMPARE(g->bases(), ids("other same"));
        QCOMPARE(g->heads(), ids("same"));

        // with a known load order, the later file wins whatever its name
        first.loadOrder = 2;
        second.loadOrder = 0;
        const auto byLoad = RevisionGraph::build({second, first, rev("other")});
        QCOMPARE(byLoad->revision(QStringLiteral("same"))->path, first.path);
    }

    // Checked with the real alembic 1.8.1, 1.13.2 and 1.18.4: x1; d1 -> x1 (f2.py); d1 as a
    // base (f3.py, loaded later); c1 -> d1. alembic's heads are c1, d1 and x1 (the
    // overwritten d1 is never taken out of them), its bases d1 and x1, and `upgrade heads`
    // fails because c1 overlaps d1.
    void duplicateIdStaysAmongTheHeads()
    {
        QList<Revision> revs{rev("x1"), rev("d1", "x1"), rev("d1"), rev("c1", "d1")};
        for (int i = 0; i < revs.size(); ++i) {
            revs[i].path = QStringLiteral("/p/versions/f%1.py").arg(i + 1);
            revs[i].loadOrder = i;
        }
        const auto g = RevisionGraph::build(revs);
        QCOMPARE(g->revision(QStringLiteral("d1"))->path, QStringLiteral("/p/versions/f3.py"));
        QCOMPARE(g->heads(), ids("c1 d1 x1"));
        QCOMPARE(g->bases(), ids("d1 x1"));
        const MigrationPlanner planner(g);
        const Result<MigrationPlan> plan = planner.upgrade({}, QStringLiteral("heads"));
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().contains(QStringLiteral("overlaps")), qPrintable(plan.error()));
    }

    void danglingParent()
    {
        const auto g = RevisionGraph::build({rev("a"), rev("b", "a gone")});
        QCOMPARE(g->parents(QStringLiteral("b")), ids("a"));
        QCOMPARE(g->missingParents(QStringLiteral("b")), ids("gone"));
        QCOMPARE(g->diagnostics().size(), 1);
        QVERIFY(g->diagnostics().first().message.contains(QStringLiteral("gone")));
        QCOMPARE(g->heads(), ids("b"));
        QVERIFY(g->isMergePoint(QStringLiteral("b"))); // declared with two parents
    }

    void cycles()
    {
        const auto g = RevisionGraph::build({rev("base"), rev("a", "b"), rev("b", "a"), rev("c", "base")});
        QCOMPARE(g->size(), 4);
        QStringList onCycle;
        for (const Diagnostic& d : g->diagnostics())
            onCycle << d.revision;
        onCycle.sort();
        QCOMPARE(onCycle, ids("a b"));
        // Still every revision in history, nothing lost, no endless loop.
        QCOMPARE(g->topologicalOrderNewestFirst().size(), 4);
        QCOMPARE(sorted(g->ancestors(QStringLiteral("a"))), ids("b"));

        const auto dep = RevisionGraph::build({rev("p"), rev("q", "p", "", "r"), rev("r", "", "", "q")});
        QVERIFY(hasErrors(dep->diagnostics()));
        QVERIFY(messages(dep->diagnostics()).contains(QStringLiteral("depends_on")));
    }

    void resolve()
    {
        const auto g = RevisionGraph::build({rev("ae1027a6acf"), rev("ae1027a6acf0", "ae1027a6acf"),
                                             rev("1975ea83b712", "ae1027a6acf0"),
                                             rev("27c6a30d7c24", "", "shoppingcart"), rev("059")});
        QCOMPARE(g->resolve(QStringLiteral("1975ea83b712")).id, QStringLiteral("1975ea83b712"));
        QCOMPARE(g->resolve(QStringLiteral("1975")).id, QStringLiteral("1975ea83b712"));
        QCOMPARE(g->resolve(QStringLiteral("059")).id, QStringLiteral("059")); // exact, short
        QCOMPARE(g->resolve(QStringLiteral("ae1027a6acf")).id, QStringLiteral("ae1027a6acf")); // exact beats prefix
        QCOMPARE(g->resolve(QStringLiteral("shoppingcart")).id, QStringLiteral("27c6a30d7c24"));
        QCOMPARE(g->resolve(QStringLiteral("shop")).id, QStringLiteral("27c6a30d7c24")); // labels are keys too

        const IdResolution ambiguous = g->resolve(QStringLiteral("ae10"));
        QVERIFY(!ambiguous.ok());
        QCOMPARE(ambiguous.candidates, ids("ae1027a6acf ae1027a6acf0"));
        QVERIFY(ambiguous.error.contains(QStringLiteral("Multiple revisions start with 'ae10'")));

        // Like alembic, a short prefix is fine when it matches; the hint comes when not.
        QCOMPARE(g->resolve(QStringLiteral("19")).id, QStringLiteral("1975ea83b712"));
        const IdResolution tooShort = g->resolve(QStringLiteral("zz"));
        QVERIFY(!tooShort.ok());
        QVERIFY(tooShort.error.contains(QStringLiteral("four characters")));

        const IdResolution unknown = g->resolve(QStringLiteral("ffff"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error, QStringLiteral("No such revision or branch 'ffff'"));
    }

    void largeGraphIsLinearWork()
    {
        // 20,000 revisions in one line: build and queries must not be quadratic-deep
        // recursions (no stack overflow) and must give the obvious answers.
        QList<Revision> revs;
        revs.reserve(20000);
        revs.append(rev("r0"));
        for (int i = 1; i < 20000; ++i) {
            Revision r;
            r.id = QStringLiteral("r%1").arg(i);
            r.downRevisions = {QStringLiteral("r%1").arg(i - 1)};
            revs.append(r);
        }
        revs.last().branchLabels = {QStringLiteral("tip")};
        const auto g = RevisionGraph::build(revs);
        QCOMPARE(g->heads(), ids("r19999"));
        QCOMPARE(g->bases(), ids("r0"));
        QCOMPARE(g->ancestors(QStringLiteral("r19999")).size(), 19999);
        QCOMPARE(g->branchLabels(QStringLiteral("r0")), ids("tip"));
        QCOMPARE(g->topologicalOrderNewestFirst().first(), QStringLiteral("r19999"));
    }
};

QTEST_GUILESS_MAIN(TestRevisionGraph)
#include "tst_revisiongraph.moc"
