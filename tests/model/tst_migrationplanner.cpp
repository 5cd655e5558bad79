// MigrationPlanner on hand-made DAGs: linear, branches, a 3-parent and a 2-parent merge,
// branch labels, depends_on, every target form and every refusal. The expected steps and
// messages were produced by alembic 1.8.1 itself (RevisionMap.iterate_revisions as
// ScriptDirectory._upgrade_revs / _downgrade_revs call it, under _catch_revision_errors) on
// the same graphs in the same load order.

#include "graph/migrationplanner.h"

#include "plannertestgraphs.h"

#include <QTest>

using namespace retort;
using retort::testgraphs::makeGraph;

namespace {

QStringList ids(const QStringList& list)
{
    return list;
}

QStringList rowList(const MigrationStep::Rows& rows)
{
    return QStringList(rows.begin(), rows.end());
}

} // namespace

class TestMigrationPlanner : public QObject
{
    Q_OBJECT

private slots:
    void alembicPlans_data();
    void alembicPlans();
    void versionRowsLinear();
    void versionRowsMergeAndUnmerge();
    void versionRowsDependsOn();
    void planCarriesTargetAndStart();
};

void TestMigrationPlanner::alembicPlans_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("ok");
    // ok: the revisions in execution order; refused: alembic's message (empty = alembic
    // fails internally, with no CommandError)
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("1 g upgrade heads from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("heads") << true
        << QStringList{
               QStringLiteral("a1000000"), QStringLiteral("b2000000"), QStringLiteral("d4000000"),
               QStringLiteral("f6001000"), QStringLiteral("f6000000"), QStringLiteral("c3000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000"),
               QStringLiteral("k1100000"), QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("2 g downgrade heads from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("3 g upgrade head from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("4 g downgrade head from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("5 g upgrade base from base") << QStringLiteral("g") << true << QStringList{}
                                                << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("6 g downgrade base from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("7 g upgrade +1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("8 g downgrade +1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("9 g upgrade +2 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("10 g downgrade +2 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("11 g upgrade -1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("12 g downgrade -1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("13 g upgrade -2 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("14 g downgrade -2 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("15 g upgrade n1400000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("n1400000") << true
        << QStringList{
               QStringLiteral("a1000000"), QStringLiteral("b2000000"), QStringLiteral("d4000000"),
               QStringLiteral("f6001000"), QStringLiteral("f6000000"), QStringLiteral("c3000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("16 g downgrade n1400000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("17 g upgrade g7000000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000")};
    QTest::newRow("18 g downgrade g7000000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("19 g upgrade f6000000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("d4000000"), QStringLiteral("f6000000")};
    QTest::newRow("20 g downgrade f6000000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Destination f6000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("21 g upgrade c3000000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("c3000000") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("c3000000")};
    QTest::newRow("22 g downgrade c3000000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("c3000000") << false
        << QStringList{QStringLiteral(
               "Destination c3000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("23 g upgrade left@head from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("left@head") << true
        << QStringList{
               QStringLiteral("a1000000"), QStringLiteral("b2000000"), QStringLiteral("d4000000"),
               QStringLiteral("f6001000"), QStringLiteral("f6000000"), QStringLiteral("c3000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("24 g downgrade left@head from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("25 g upgrade right@head from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("right@head") << true
        << QStringList{
               QStringLiteral("a1000000"), QStringLiteral("b2000000"), QStringLiteral("d4000000"),
               QStringLiteral("f6001000"), QStringLiteral("f6000000"), QStringLiteral("c3000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("26 g downgrade right@head from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("27 g upgrade other@head from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("c3000000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("28 g downgrade other@head from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("29 g upgrade left@base from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("left@base") << true
        << QStringList{};
    QTest::newRow("30 g downgrade left@base from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("left@base") << true
        << QStringList{};
    QTest::newRow("31 g upgrade other@base from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("other@base") << true
        << QStringList{};
    QTest::newRow("32 g downgrade other@base from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("other@base") << true
        << QStringList{};
    QTest::newRow("33 g upgrade right@+1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("right@+1") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("34 g downgrade right@+1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("35 g upgrade left@-1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("36 g downgrade left@-1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("left@-1") << false
        << QStringList{};
    QTest::newRow("37 g upgrade other@-1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("38 g downgrade other@-1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("other@-1") << false
        << QStringList{};
    QTest::newRow("39 g upgrade m1300000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("c3000000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("40 g downgrade m1300000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("41 g upgrade g7000000-1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("42 g downgrade g7000000-1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("43 g upgrade h8000000+1 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("h8000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("44 g downgrade h8000000+1 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("h8000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("45 g upgrade f600 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("46 g downgrade f600 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("47 g upgrade zzzzzz from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("48 g downgrade zzzzzz from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("49 g upgrade l1200000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("c3000000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000")};
    QTest::newRow("50 g downgrade l1200000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("51 g upgrade i9000000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("a1000000"), QStringLiteral("b2000000"),
                       QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("i9000000")};
    QTest::newRow("52 g downgrade i9000000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("53 g upgrade a1000000 from base")
        << QStringLiteral("g") << true << QStringList{} << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("54 g downgrade a1000000 from base")
        << QStringLiteral("g") << false << QStringList{} << QStringLiteral("a1000000") << false
        << QStringList{QStringLiteral(
               "Destination a1000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("55 g upgrade heads from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("heads") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("c3000000"), QStringLiteral("e5000000"), QStringLiteral("g7000000"),
               QStringLiteral("h8000000"), QStringLiteral("j1000000"), QStringLiteral("i9000000"),
               QStringLiteral("n1400000"), QStringLiteral("k1100000"), QStringLiteral("l1200000"),
               QStringLiteral("m1300000")};
    QTest::newRow("56 g downgrade heads from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("57 g upgrade head from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("58 g downgrade head from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("59 g upgrade base from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("60 g downgrade base from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("61 g upgrade +1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("62 g downgrade +1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("63 g upgrade +2 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("+2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("64 g downgrade +2 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("65 g upgrade -1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("66 g downgrade -1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("67 g upgrade -2 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("68 g downgrade -2 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("69 g upgrade n1400000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("n1400000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("j1000000"),
                       QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("70 g downgrade n1400000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("71 g upgrade g7000000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000")};
    QTest::newRow("72 g downgrade g7000000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("73 g upgrade f6000000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6000000")};
    QTest::newRow("74 g downgrade f6000000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Destination f6000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("75 g upgrade c3000000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("c3000000") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("76 g downgrade c3000000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("c3000000") << false
        << QStringList{QStringLiteral(
               "Destination c3000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("77 g upgrade left@head from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("left@head") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("j1000000"),
                       QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("78 g downgrade left@head from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("79 g upgrade right@head from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("right@head") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("j1000000"),
                       QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("80 g downgrade right@head from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("81 g upgrade other@head from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("82 g downgrade other@head from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("83 g upgrade left@base from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("84 g downgrade left@base from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("85 g upgrade other@base from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("86 g downgrade other@base from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("87 g upgrade right@+1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("right@+1") << true << QStringList{QStringLiteral("d4000000")};
    QTest::newRow("88 g downgrade right@+1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("89 g upgrade left@-1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("90 g downgrade left@-1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("91 g upgrade other@-1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("92 g downgrade other@-1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("93 g upgrade m1300000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("94 g downgrade m1300000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("95 g upgrade g7000000-1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("96 g downgrade g7000000-1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("97 g upgrade h8000000+1 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("98 g downgrade h8000000+1 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("99 g upgrade f600 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("100 g downgrade f600 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("101 g upgrade zzzzzz from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("102 g downgrade zzzzzz from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("103 g upgrade l1200000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000")};
    QTest::newRow("104 g downgrade l1200000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("105 g upgrade i9000000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("c3000000"),
                       QStringLiteral("e5000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("i9000000")};
    QTest::newRow("106 g downgrade i9000000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("107 g upgrade a1000000 from b2000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("108 g downgrade a1000000 from b2000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("b2000000")}
        << QStringLiteral("a1000000") << true << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("109 g upgrade heads from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("110 g downgrade heads from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("111 g upgrade head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("112 g downgrade head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("113 g upgrade base from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("114 g downgrade base from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("115 g upgrade +1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("116 g downgrade +1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("117 g upgrade +2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("118 g downgrade +2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("119 g upgrade -1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("120 g downgrade -1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("121 g upgrade -2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("122 g downgrade -2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000")};
    QTest::newRow("123 g upgrade n1400000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("n1400000") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("124 g downgrade n1400000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("125 g upgrade g7000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("g7000000") << true << QStringList{QStringLiteral("g7000000")};
    QTest::newRow("126 g downgrade g7000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("127 g upgrade f6000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("128 g downgrade f6000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("129 g upgrade c3000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("130 g downgrade c3000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("c3000000") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("131 g upgrade left@head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@head") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("132 g downgrade left@head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("133 g upgrade right@head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("right@head") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("134 g downgrade right@head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("135 g upgrade other@head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("136 g downgrade other@head from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("137 g upgrade left@base from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("138 g downgrade left@base from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("139 g upgrade other@base from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("140 g downgrade other@base from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("141 g upgrade right@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("142 g downgrade right@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("143 g upgrade left@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("144 g downgrade left@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("145 g upgrade other@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("146 g downgrade other@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("147 g upgrade m1300000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("148 g downgrade m1300000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("149 g upgrade g7000000-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("150 g downgrade g7000000-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("151 g upgrade h8000000+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("152 g downgrade h8000000+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("153 g upgrade f600 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("154 g downgrade f600 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("155 g upgrade zzzzzz from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("156 g downgrade zzzzzz from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("157 g upgrade l1200000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000")};
    QTest::newRow("158 g downgrade l1200000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("159 g upgrade i9000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("i9000000")};
    QTest::newRow("160 g downgrade i9000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("161 g upgrade a1000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("162 g downgrade a1000000 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000")};
    QTest::newRow("163 g upgrade heads from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("164 g downgrade heads from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("165 g upgrade head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("166 g downgrade head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("167 g upgrade base from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("168 g downgrade base from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("169 g upgrade +1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("170 g downgrade +1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("171 g upgrade +2 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("172 g downgrade +2 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("173 g upgrade -1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("174 g downgrade -1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("f6001000")};
    QTest::newRow("175 g upgrade -2 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("176 g downgrade -2 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000")};
    QTest::newRow("177 g upgrade n1400000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("n1400000") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("178 g downgrade n1400000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("179 g upgrade g7000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("g7000000") << true << QStringList{QStringLiteral("g7000000")};
    QTest::newRow("180 g downgrade g7000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("181 g upgrade f6000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("182 g downgrade f6000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("183 g upgrade c3000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("184 g downgrade c3000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("c3000000") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("185 g upgrade left@head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("left@head") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("186 g downgrade left@head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("187 g upgrade right@head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("right@head") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("188 g downgrade right@head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("189 g upgrade other@head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("190 g downgrade other@head from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("191 g upgrade left@base from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("192 g downgrade left@base from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("193 g upgrade other@base from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("194 g downgrade other@base from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("195 g upgrade right@+1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("196 g downgrade right@+1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("197 g upgrade left@-1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("198 g downgrade left@-1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("199 g upgrade other@-1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("200 g downgrade other@-1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("201 g upgrade m1300000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("202 g downgrade m1300000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("203 g upgrade g7000000-1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("204 g downgrade g7000000-1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("205 g upgrade h8000000+1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("206 g downgrade h8000000+1 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("207 g upgrade f600 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("208 g downgrade f600 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("209 g upgrade zzzzzz from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("210 g downgrade zzzzzz from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("211 g upgrade l1200000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000")};
    QTest::newRow("212 g downgrade l1200000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("213 g upgrade i9000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("i9000000")};
    QTest::newRow("214 g downgrade i9000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("215 g upgrade a1000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("216 g downgrade a1000000 from f6001000+e5000000+f6000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("f6001000"), QStringLiteral("e5000000"),
                       QStringLiteral("f6000000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000")};
    QTest::newRow("217 g upgrade heads from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("heads") << true << QStringList{};
    QTest::newRow("218 g downgrade heads from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("219 g upgrade head from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("220 g downgrade head from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("221 g upgrade base from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("222 g downgrade base from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("base") << true
        << QStringList{
               QStringLiteral("m1300000"), QStringLiteral("l1200000"), QStringLiteral("k1100000"),
               QStringLiteral("n1400000"), QStringLiteral("i9000000"), QStringLiteral("j1000000"),
               QStringLiteral("h8000000"), QStringLiteral("g7000000"), QStringLiteral("e5000000"),
               QStringLiteral("c3000000"), QStringLiteral("f6000000"), QStringLiteral("f6001000"),
               QStringLiteral("d4000000"), QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("223 g upgrade +1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("224 g downgrade +1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("225 g upgrade +2 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("226 g downgrade +2 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("227 g upgrade -1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("228 g downgrade -1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("229 g upgrade -2 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("230 g downgrade -2 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("231 g upgrade n1400000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("n1400000") << true << QStringList{};
    QTest::newRow("232 g downgrade n1400000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("n1400000") << true << QStringList{};
    QTest::newRow("233 g upgrade g7000000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("g7000000") << true << QStringList{};
    QTest::newRow("234 g downgrade g7000000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("i9000000"),
                       QStringLiteral("j1000000"), QStringLiteral("h8000000")};
    QTest::newRow("235 g upgrade f6000000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("236 g downgrade f6000000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("i9000000"),
                       QStringLiteral("j1000000"), QStringLiteral("h8000000"),
                       QStringLiteral("g7000000")};
    QTest::newRow("237 g upgrade c3000000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("238 g downgrade c3000000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("c3000000") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("i9000000"),
                       QStringLiteral("j1000000"), QStringLiteral("h8000000"),
                       QStringLiteral("g7000000"), QStringLiteral("e5000000")};
    QTest::newRow("239 g upgrade left@head from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@head") << true << QStringList{};
    QTest::newRow("240 g downgrade left@head from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("241 g upgrade right@head from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("right@head") << true << QStringList{};
    QTest::newRow("242 g downgrade right@head from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("243 g upgrade other@head from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@head") << true << QStringList{};
    QTest::newRow("244 g downgrade other@head from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("245 g upgrade left@base from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("246 g downgrade left@base from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@base") << true
        << QStringList{
               QStringLiteral("m1300000"), QStringLiteral("l1200000"), QStringLiteral("n1400000"),
               QStringLiteral("i9000000"), QStringLiteral("j1000000"), QStringLiteral("h8000000"),
               QStringLiteral("g7000000"), QStringLiteral("e5000000"), QStringLiteral("c3000000"),
               QStringLiteral("f6000000"), QStringLiteral("f6001000"), QStringLiteral("d4000000"),
               QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("247 g upgrade other@base from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("248 g downgrade other@base from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@base") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("l1200000"),
                       QStringLiteral("k1100000")};
    QTest::newRow("249 g upgrade right@+1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("250 g downgrade right@+1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("251 g upgrade left@-1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("252 g downgrade left@-1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("253 g upgrade other@-1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("254 g downgrade other@-1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@-1") << true << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("255 g upgrade m1300000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("m1300000") << true << QStringList{};
    QTest::newRow("256 g downgrade m1300000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("m1300000") << true << QStringList{};
    QTest::newRow("257 g upgrade g7000000-1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("258 g downgrade g7000000-1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("259 g upgrade h8000000+1 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("260 g downgrade h8000000+1 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("261 g upgrade f600 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("262 g downgrade f600 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("263 g upgrade zzzzzz from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("264 g downgrade zzzzzz from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("265 g upgrade l1200000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("l1200000") << true << QStringList{};
    QTest::newRow("266 g downgrade l1200000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("l1200000") << true << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("267 g upgrade i9000000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("i9000000") << true << QStringList{};
    QTest::newRow("268 g downgrade i9000000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("i9000000") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("269 g upgrade a1000000 from n1400000+m1300000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("270 g downgrade a1000000 from n1400000+m1300000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("a1000000") << true
        << QStringList{
               QStringLiteral("m1300000"), QStringLiteral("l1200000"), QStringLiteral("n1400000"),
               QStringLiteral("i9000000"), QStringLiteral("j1000000"), QStringLiteral("h8000000"),
               QStringLiteral("g7000000"), QStringLiteral("e5000000"), QStringLiteral("c3000000"),
               QStringLiteral("f6000000"), QStringLiteral("f6001000"), QStringLiteral("d4000000"),
               QStringLiteral("b2000000")};
    QTest::newRow("271 g upgrade heads from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("heads") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000"),
               QStringLiteral("k1100000"), QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("272 g downgrade heads from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("273 g upgrade head from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("274 g downgrade head from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("275 g upgrade base from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("276 g downgrade base from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("277 g upgrade +1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("278 g downgrade +1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("279 g upgrade +2 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("+2") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("e5000000"),
                       QStringLiteral("g7000000")};
    QTest::newRow("280 g downgrade +2 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("281 g upgrade -1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("282 g downgrade -1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("283 g upgrade -2 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("284 g downgrade -2 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000")};
    QTest::newRow("285 g upgrade n1400000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("n1400000") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("286 g downgrade n1400000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("287 g upgrade g7000000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("e5000000"),
                       QStringLiteral("g7000000")};
    QTest::newRow("288 g downgrade g7000000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("289 g upgrade f6000000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6000000")};
    QTest::newRow("290 g downgrade f6000000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Destination f6000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("291 g upgrade c3000000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("292 g downgrade c3000000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("293 g upgrade left@head from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("left@head") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("294 g downgrade left@head from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("295 g upgrade right@head from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("right@head") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("296 g downgrade right@head from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("297 g upgrade other@head from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("298 g downgrade other@head from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("299 g upgrade left@base from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("300 g downgrade left@base from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("301 g upgrade other@base from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("302 g downgrade other@base from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("303 g upgrade right@+1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("right@+1") << true << QStringList{QStringLiteral("d4000000")};
    QTest::newRow("304 g downgrade right@+1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("305 g upgrade left@-1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("306 g downgrade left@-1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("307 g upgrade other@-1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("308 g downgrade other@-1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("309 g upgrade m1300000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("310 g downgrade m1300000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("311 g upgrade g7000000-1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("312 g downgrade g7000000-1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("313 g upgrade h8000000+1 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("314 g downgrade h8000000+1 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("315 g upgrade f600 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("316 g downgrade f600 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("317 g upgrade zzzzzz from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("318 g downgrade zzzzzz from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("319 g upgrade l1200000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000")};
    QTest::newRow("320 g downgrade l1200000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("321 g upgrade i9000000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("e5000000"),
                       QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("i9000000")};
    QTest::newRow("322 g downgrade i9000000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("323 g upgrade a1000000 from c3000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("324 g downgrade a1000000 from c3000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("c3000000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000")};
    QTest::newRow("325 g upgrade heads from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("heads") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000"),
               QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("326 g downgrade heads from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("327 g upgrade head from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("328 g downgrade head from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("329 g upgrade base from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("330 g downgrade base from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000"), QStringLiteral("k1100000")};
    QTest::newRow("331 g upgrade +1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("332 g downgrade +1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("333 g upgrade +2 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("334 g downgrade +2 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("335 g upgrade -1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("336 g downgrade -1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("337 g upgrade -2 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("338 g downgrade -2 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000")};
    QTest::newRow("339 g upgrade n1400000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("n1400000") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("340 g downgrade n1400000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("341 g upgrade g7000000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("e5000000"),
                       QStringLiteral("g7000000")};
    QTest::newRow("342 g downgrade g7000000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("343 g upgrade f6000000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6000000")};
    QTest::newRow("344 g downgrade f6000000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Destination f6000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("345 g upgrade c3000000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("346 g downgrade c3000000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("347 g upgrade left@head from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("left@head") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("348 g downgrade left@head from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("349 g upgrade right@head from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("right@head") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("e5000000"), QStringLiteral("g7000000"), QStringLiteral("h8000000"),
               QStringLiteral("j1000000"), QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("350 g downgrade right@head from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("351 g upgrade other@head from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("352 g downgrade other@head from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("353 g upgrade left@base from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("354 g downgrade left@base from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("355 g upgrade other@base from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("356 g downgrade other@base from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("other@base") << true << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("357 g upgrade right@+1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("right@+1") << true << QStringList{QStringLiteral("d4000000")};
    QTest::newRow("358 g downgrade right@+1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("359 g upgrade left@-1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("360 g downgrade left@-1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("361 g upgrade other@-1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("362 g downgrade other@-1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("other@-1") << true << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("363 g upgrade m1300000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("364 g downgrade m1300000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("365 g upgrade g7000000-1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("366 g downgrade g7000000-1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("367 g upgrade h8000000+1 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("368 g downgrade h8000000+1 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("369 g upgrade f600 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("370 g downgrade f600 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("371 g upgrade zzzzzz from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("372 g downgrade zzzzzz from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("373 g upgrade l1200000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("l1200000") << true << QStringList{QStringLiteral("l1200000")};
    QTest::newRow("374 g downgrade l1200000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("375 g upgrade i9000000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("e5000000"),
                       QStringLiteral("g7000000"), QStringLiteral("h8000000"),
                       QStringLiteral("i9000000")};
    QTest::newRow("376 g downgrade i9000000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("377 g upgrade a1000000 from c3000000+k1100000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("378 g downgrade a1000000 from c3000000+k1100000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("k1100000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("c3000000"), QStringLiteral("b2000000")};
    QTest::newRow("379 g upgrade heads from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("380 g downgrade heads from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("381 g upgrade head from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("382 g downgrade head from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("383 g upgrade base from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("384 g downgrade base from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("base") << true
        << QStringList{
               QStringLiteral("i9000000"), QStringLiteral("j1000000"), QStringLiteral("h8000000"),
               QStringLiteral("g7000000"), QStringLiteral("e5000000"), QStringLiteral("c3000000"),
               QStringLiteral("f6000000"), QStringLiteral("f6001000"), QStringLiteral("d4000000"),
               QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("385 g upgrade +1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("386 g downgrade +1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("387 g upgrade +2 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("388 g downgrade +2 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("389 g upgrade -1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("390 g downgrade -1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("i9000000")};
    QTest::newRow("391 g upgrade -2 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("392 g downgrade -2 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000"),
                       QStringLiteral("h8000000")};
    QTest::newRow("393 g upgrade n1400000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("n1400000") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("394 g downgrade n1400000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("395 g upgrade g7000000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("g7000000") << true << QStringList{};
    QTest::newRow("396 g downgrade g7000000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000"),
                       QStringLiteral("h8000000")};
    QTest::newRow("397 g upgrade f6000000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("398 g downgrade f6000000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000"),
                       QStringLiteral("h8000000"), QStringLiteral("g7000000")};
    QTest::newRow("399 g upgrade c3000000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("400 g downgrade c3000000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("c3000000") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000"),
                       QStringLiteral("h8000000"), QStringLiteral("g7000000"),
                       QStringLiteral("e5000000")};
    QTest::newRow("401 g upgrade left@head from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("left@head") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("402 g downgrade left@head from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("403 g upgrade right@head from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("right@head") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("404 g downgrade right@head from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("405 g upgrade other@head from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("406 g downgrade other@head from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("407 g upgrade left@base from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("408 g downgrade left@base from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("left@base") << true
        << QStringList{
               QStringLiteral("i9000000"), QStringLiteral("j1000000"), QStringLiteral("h8000000"),
               QStringLiteral("g7000000"), QStringLiteral("e5000000"), QStringLiteral("c3000000"),
               QStringLiteral("f6000000"), QStringLiteral("f6001000"), QStringLiteral("d4000000"),
               QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("409 g upgrade other@base from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("410 g downgrade other@base from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("411 g upgrade right@+1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("412 g downgrade right@+1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("413 g upgrade left@-1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("414 g downgrade left@-1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("left@-1") << false << QStringList{};
    QTest::newRow("415 g upgrade other@-1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("416 g downgrade other@-1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("417 g upgrade m1300000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("418 g downgrade m1300000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("419 g upgrade g7000000-1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("420 g downgrade g7000000-1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("421 g upgrade h8000000+1 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("422 g downgrade h8000000+1 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("423 g upgrade f600 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("424 g downgrade f600 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("425 g upgrade zzzzzz from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("426 g downgrade zzzzzz from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("427 g upgrade l1200000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000")};
    QTest::newRow("428 g downgrade l1200000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("429 g upgrade i9000000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("i9000000") << true << QStringList{};
    QTest::newRow("430 g downgrade i9000000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("i9000000") << true << QStringList{};
    QTest::newRow("431 g upgrade a1000000 from i9000000+j1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("432 g downgrade a1000000 from i9000000+j1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("i9000000"), QStringLiteral("j1000000"),
                       QStringLiteral("h8000000"), QStringLiteral("g7000000"),
                       QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000")};
    QTest::newRow("433 g upgrade heads from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000"), QStringLiteral("k1100000"),
                       QStringLiteral("l1200000"), QStringLiteral("m1300000")};
    QTest::newRow("434 g downgrade heads from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("435 g upgrade head from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("436 g downgrade head from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("437 g upgrade base from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("438 g downgrade base from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("base") << true
        << QStringList{
               QStringLiteral("h8000000"), QStringLiteral("g7000000"), QStringLiteral("e5000000"),
               QStringLiteral("c3000000"), QStringLiteral("f6000000"), QStringLiteral("f6001000"),
               QStringLiteral("d4000000"), QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("439 g upgrade +1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("440 g downgrade +1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("441 g upgrade +2 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("+2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("442 g downgrade +2 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("443 g upgrade -1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("444 g downgrade -1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("h8000000")};
    QTest::newRow("445 g upgrade -2 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("446 g downgrade -2 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("447 g upgrade n1400000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("n1400000") << true
        << QStringList{QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("448 g downgrade n1400000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("449 g upgrade g7000000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("g7000000") << true << QStringList{};
    QTest::newRow("450 g downgrade g7000000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("g7000000") << true << QStringList{QStringLiteral("h8000000")};
    QTest::newRow("451 g upgrade f6000000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("f6000000") << true << QStringList{};
    QTest::newRow("452 g downgrade f6000000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("h8000000"), QStringLiteral("g7000000")};
    QTest::newRow("453 g upgrade c3000000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("454 g downgrade c3000000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("c3000000") << true
        << QStringList{QStringLiteral("h8000000"), QStringLiteral("g7000000"),
                       QStringLiteral("e5000000")};
    QTest::newRow("455 g upgrade left@head from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("left@head") << true
        << QStringList{QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("456 g downgrade left@head from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("457 g upgrade right@head from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("right@head") << true
        << QStringList{QStringLiteral("j1000000"), QStringLiteral("i9000000"),
                       QStringLiteral("n1400000")};
    QTest::newRow("458 g downgrade right@head from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("459 g upgrade other@head from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("other@head") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("460 g downgrade other@head from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("461 g upgrade left@base from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("462 g downgrade left@base from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("left@base") << true
        << QStringList{
               QStringLiteral("h8000000"), QStringLiteral("g7000000"), QStringLiteral("e5000000"),
               QStringLiteral("c3000000"), QStringLiteral("f6000000"), QStringLiteral("f6001000"),
               QStringLiteral("d4000000"), QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("463 g upgrade other@base from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("464 g downgrade other@base from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("465 g upgrade right@+1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("right@+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("466 g downgrade right@+1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("467 g upgrade left@-1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("468 g downgrade left@-1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("h8000000")};
    QTest::newRow("469 g upgrade other@-1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("470 g downgrade other@-1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("471 g upgrade m1300000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("m1300000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000"),
                       QStringLiteral("m1300000")};
    QTest::newRow("472 g downgrade m1300000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("473 g upgrade g7000000-1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("474 g downgrade g7000000-1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("475 g upgrade h8000000+1 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("476 g downgrade h8000000+1 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("477 g upgrade f600 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("478 g downgrade f600 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("479 g upgrade zzzzzz from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("480 g downgrade zzzzzz from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("481 g upgrade l1200000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("l1200000") << true
        << QStringList{QStringLiteral("k1100000"), QStringLiteral("l1200000")};
    QTest::newRow("482 g downgrade l1200000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("483 g upgrade i9000000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("i9000000") << true << QStringList{QStringLiteral("i9000000")};
    QTest::newRow("484 g downgrade i9000000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("485 g upgrade a1000000 from h8000000")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("486 g downgrade a1000000 from h8000000")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("h8000000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("h8000000"), QStringLiteral("g7000000"),
                       QStringLiteral("e5000000"), QStringLiteral("c3000000"),
                       QStringLiteral("f6000000"), QStringLiteral("f6001000"),
                       QStringLiteral("d4000000"), QStringLiteral("b2000000")};
    QTest::newRow("487 g upgrade heads from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("heads") << true
        << QStringList{
               QStringLiteral("d4000000"), QStringLiteral("f6001000"), QStringLiteral("f6000000"),
               QStringLiteral("g7000000"), QStringLiteral("h8000000"), QStringLiteral("j1000000"),
               QStringLiteral("i9000000"), QStringLiteral("n1400000"), QStringLiteral("m1300000")};
    QTest::newRow("488 g downgrade heads from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("489 g upgrade head from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("490 g downgrade head from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("491 g upgrade base from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("492 g downgrade base from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("l1200000"),
                       QStringLiteral("k1100000"), QStringLiteral("c3000000"),
                       QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("493 g upgrade +1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("494 g downgrade +1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("495 g upgrade +2 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("496 g downgrade +2 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("497 g upgrade -1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("498 g downgrade -1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("l1200000")};
    QTest::newRow("499 g upgrade -2 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("500 g downgrade -2 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("k1100000")};
    QTest::newRow("501 g upgrade n1400000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("n1400000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("j1000000"),
                       QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("502 g downgrade n1400000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("503 g upgrade g7000000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("g7000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("g7000000")};
    QTest::newRow("504 g downgrade g7000000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("505 g upgrade f6000000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("f6000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6000000")};
    QTest::newRow("506 g downgrade f6000000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Destination f6000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("507 g upgrade c3000000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("c3000000") << true << QStringList{};
    QTest::newRow("508 g downgrade c3000000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("c3000000") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("509 g upgrade left@head from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("left@head") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("j1000000"),
                       QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("510 g downgrade left@head from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("511 g upgrade right@head from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("right@head") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("j1000000"),
                       QStringLiteral("i9000000"), QStringLiteral("n1400000")};
    QTest::newRow("512 g downgrade right@head from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("513 g upgrade other@head from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("other@head") << true << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("514 g downgrade other@head from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("515 g upgrade left@base from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("516 g downgrade left@base from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("l1200000"),
                       QStringLiteral("c3000000"), QStringLiteral("b2000000"),
                       QStringLiteral("a1000000")};
    QTest::newRow("517 g upgrade other@base from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("518 g downgrade other@base from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("other@base") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("k1100000")};
    QTest::newRow("519 g upgrade right@+1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("right@+1") << true << QStringList{QStringLiteral("d4000000")};
    QTest::newRow("520 g downgrade right@+1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("521 g upgrade left@-1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("522 g downgrade left@-1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("523 g upgrade other@-1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("524 g downgrade other@-1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("other@-1") << true << QStringList{QStringLiteral("l1200000")};
    QTest::newRow("525 g upgrade m1300000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("m1300000") << true << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("526 g downgrade m1300000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("527 g upgrade g7000000-1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("528 g downgrade g7000000-1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("529 g upgrade h8000000+1 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("530 g downgrade h8000000+1 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("531 g upgrade f600 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("532 g downgrade f600 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("533 g upgrade zzzzzz from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("534 g downgrade zzzzzz from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("535 g upgrade l1200000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("l1200000") << true << QStringList{};
    QTest::newRow("536 g downgrade l1200000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("l1200000") << true << QStringList{};
    QTest::newRow("537 g upgrade i9000000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("i9000000") << true
        << QStringList{QStringLiteral("d4000000"), QStringLiteral("f6001000"),
                       QStringLiteral("f6000000"), QStringLiteral("g7000000"),
                       QStringLiteral("h8000000"), QStringLiteral("i9000000")};
    QTest::newRow("538 g downgrade i9000000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("539 g upgrade a1000000 from l1200000+e5000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("a1000000") << true << QStringList{};
    QTest::newRow("540 g downgrade a1000000 from l1200000+e5000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("l1200000"), QStringLiteral("e5000000")}
        << QStringLiteral("a1000000") << true
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("l1200000"),
                       QStringLiteral("c3000000"), QStringLiteral("b2000000")};
    QTest::newRow("541 g upgrade heads from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("heads") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("542 g downgrade heads from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("543 g upgrade head from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("544 g downgrade head from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("545 g upgrade base from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("base") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("546 g downgrade base from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("547 g upgrade +1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("548 g downgrade +1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("549 g upgrade +2 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("550 g downgrade +2 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("551 g upgrade -1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("552 g downgrade -1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("553 g upgrade -2 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("554 g downgrade -2 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("555 g upgrade n1400000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("556 g downgrade n1400000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral(
               "Destination n1400000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("557 g upgrade g7000000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("558 g downgrade g7000000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral(
               "Destination g7000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("559 g upgrade f6000000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("560 g downgrade f6000000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral(
               "Destination f6000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("561 g upgrade c3000000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("c3000000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("562 g downgrade c3000000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("c3000000") << false
        << QStringList{QStringLiteral(
               "Destination c3000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("563 g upgrade left@head from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("left@head") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("564 g downgrade left@head from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("565 g upgrade right@head from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("566 g downgrade right@head from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("567 g upgrade other@head from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("568 g downgrade other@head from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("569 g upgrade left@base from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("left@base") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("570 g downgrade left@base from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("left@base") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")};
    QTest::newRow("571 g upgrade other@base from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("other@base") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("572 g downgrade other@base from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("other@base") << true << QStringList{};
    QTest::newRow("573 g upgrade right@+1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("574 g downgrade right@+1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("575 g upgrade left@-1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("576 g downgrade left@-1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("left@-1") << false << QStringList{};
    QTest::newRow("577 g upgrade other@-1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("578 g downgrade other@-1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("579 g upgrade m1300000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("580 g downgrade m1300000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral(
               "Destination m1300000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("581 g upgrade g7000000-1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("582 g downgrade g7000000-1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("583 g upgrade h8000000+1 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("584 g downgrade h8000000+1 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("585 g upgrade f600 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("586 g downgrade f600 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("587 g upgrade zzzzzz from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("588 g downgrade zzzzzz from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("589 g upgrade l1200000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("590 g downgrade l1200000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral(
               "Destination l1200000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("591 g upgrade i9000000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("592 g downgrade i9000000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral(
               "Destination i9000000 is not a valid downgrade target from current head(s)")};
    QTest::newRow("593 g upgrade a1000000 from b2000000+a1000000")
        << QStringLiteral("g") << true
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("a1000000") << false
        << QStringList{QStringLiteral(
               "Requested revision b2000000 overlaps with other requested revisions a1000000")};
    QTest::newRow("594 g downgrade a1000000 from b2000000+a1000000")
        << QStringLiteral("g") << false
        << QStringList{QStringLiteral("b2000000"), QStringLiteral("a1000000")}
        << QStringLiteral("a1000000") << true << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("595 g upgrade heads from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("heads") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("596 g downgrade heads from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("597 g upgrade head from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("598 g downgrade head from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("599 g upgrade base from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("base") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("600 g downgrade base from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("base") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("601 g upgrade +1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("602 g downgrade +1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("603 g upgrade +2 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("604 g downgrade +2 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("605 g upgrade -1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("606 g downgrade -1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("607 g upgrade -2 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("608 g downgrade -2 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("609 g upgrade n1400000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("610 g downgrade n1400000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("n1400000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("611 g upgrade g7000000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("612 g downgrade g7000000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("g7000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("613 g upgrade f6000000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("614 g downgrade f6000000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("f6000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("615 g upgrade c3000000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("c3000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("616 g downgrade c3000000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("c3000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("617 g upgrade left@head from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("left@head") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("618 g downgrade left@head from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("left@head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'left@head'; "
                              "please specify a specific target revision, '<branchname>@left@head' "
                              "to narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("619 g upgrade right@head from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("620 g downgrade right@head from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("right@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'right@head'; please "
               "specify a specific target revision, '<branchname>@right@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("621 g upgrade other@head from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("622 g downgrade other@head from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("other@head") << false
        << QStringList{QStringLiteral(
               "Multiple head revisions are present for given argument 'other@head'; please "
               "specify a specific target revision, '<branchname>@other@head' to narrow to a "
               "specific head, or 'heads' for all heads")};
    QTest::newRow("623 g upgrade left@base from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("left@base") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("624 g downgrade left@base from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("left@base") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("625 g upgrade other@base from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("other@base") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("626 g downgrade other@base from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("other@base") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("627 g upgrade right@+1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("628 g downgrade right@+1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("629 g upgrade left@-1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("630 g downgrade left@-1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("631 g upgrade other@-1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("632 g downgrade other@-1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("633 g upgrade m1300000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("634 g downgrade m1300000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("m1300000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("635 g upgrade g7000000-1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("636 g downgrade g7000000-1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("637 g upgrade h8000000+1 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("638 g downgrade h8000000+1 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("h8000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("639 g upgrade f600 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("640 g downgrade f600 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("641 g upgrade zzzzzz from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("642 g downgrade zzzzzz from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("643 g upgrade l1200000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("644 g downgrade l1200000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("l1200000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("645 g upgrade i9000000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("646 g downgrade i9000000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("i9000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("647 g upgrade a1000000 from unknown1")
        << QStringLiteral("g") << true << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("a1000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("648 g downgrade a1000000 from unknown1")
        << QStringLiteral("g") << false << QStringList{QStringLiteral("unknown1")}
        << QStringLiteral("a1000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'unknown1'")};
    QTest::newRow("649 lin upgrade heads from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002"),
                       QStringLiteral("cccc0003"), QStringLiteral("dddd0004")};
    QTest::newRow("650 lin downgrade heads from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("heads") << false
        << QStringList{QStringLiteral(
               "Destination heads is not a valid downgrade target from current head(s)")};
    QTest::newRow("651 lin upgrade head from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002"),
                       QStringLiteral("cccc0003"), QStringLiteral("dddd0004")};
    QTest::newRow("652 lin downgrade head from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("head") << false
        << QStringList{QStringLiteral(
               "Destination head is not a valid downgrade target from current head(s)")};
    QTest::newRow("653 lin upgrade base from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("654 lin downgrade base from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("655 lin upgrade +1 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("+1") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("656 lin downgrade +1 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("657 lin upgrade +2 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("+2") << true
        << QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002")};
    QTest::newRow("658 lin downgrade +2 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("659 lin upgrade +4 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("+4") << true
        << QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002"),
                       QStringLiteral("cccc0003"), QStringLiteral("dddd0004")};
    QTest::newRow("660 lin downgrade +4 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("661 lin upgrade +5 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("662 lin downgrade +5 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("663 lin upgrade -1 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("664 lin downgrade -1 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("665 lin upgrade -4 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("666 lin downgrade -4 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("667 lin upgrade -5 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("668 lin downgrade -5 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("669 lin upgrade bbbb0002 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("bbbb0002") << true
        << QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002")};
    QTest::newRow("670 lin downgrade bbbb0002 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("bbbb0002") << false
        << QStringList{QStringLiteral(
               "Destination bbbb0002 is not a valid downgrade target from current head(s)")};
    QTest::newRow("671 lin upgrade cccc from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("cccc") << true
        << QStringList{QStringLiteral("aaaa0001"), QStringLiteral("bbbb0002"),
                       QStringLiteral("cccc0003")};
    QTest::newRow("672 lin downgrade cccc from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("cccc") << false
        << QStringList{QStringLiteral(
               "Destination cccc is not a valid downgrade target from current head(s)")};
    QTest::newRow("673 lin upgrade dddd0004-3 from base")
        << QStringLiteral("lin") << true << QStringList{} << QStringLiteral("dddd0004-3") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("674 lin downgrade dddd0004-3 from base")
        << QStringLiteral("lin") << false << QStringList{} << QStringLiteral("dddd0004-3") << false
        << QStringList{QStringLiteral(
               "Destination dddd0004-3 is not a valid downgrade target from current head(s)")};
    QTest::newRow("675 lin upgrade heads from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("bbbb0002"), QStringLiteral("cccc0003"),
                       QStringLiteral("dddd0004")};
    QTest::newRow("676 lin downgrade heads from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("heads") << false
        << QStringList{QStringLiteral(
               "Destination heads is not a valid downgrade target from current head(s)")};
    QTest::newRow("677 lin upgrade head from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("head") << true
        << QStringList{QStringLiteral("bbbb0002"), QStringLiteral("cccc0003"),
                       QStringLiteral("dddd0004")};
    QTest::newRow("678 lin downgrade head from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("head") << false
        << QStringList{QStringLiteral(
               "Destination head is not a valid downgrade target from current head(s)")};
    QTest::newRow("679 lin upgrade base from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("680 lin downgrade base from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("base") << true << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("681 lin upgrade +1 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+1") << true << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("682 lin downgrade +1 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("683 lin upgrade +2 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+2") << true
        << QStringList{QStringLiteral("bbbb0002"), QStringLiteral("cccc0003")};
    QTest::newRow("684 lin downgrade +2 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("685 lin upgrade +4 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("686 lin downgrade +4 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("687 lin upgrade +5 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("688 lin downgrade +5 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("689 lin upgrade -1 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("690 lin downgrade -1 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("691 lin upgrade -4 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("692 lin downgrade -4 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("693 lin upgrade -5 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("694 lin downgrade -5 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("695 lin upgrade bbbb0002 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("bbbb0002") << true << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("696 lin downgrade bbbb0002 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("bbbb0002") << false
        << QStringList{QStringLiteral(
               "Destination bbbb0002 is not a valid downgrade target from current head(s)")};
    QTest::newRow("697 lin upgrade cccc from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("cccc") << true
        << QStringList{QStringLiteral("bbbb0002"), QStringLiteral("cccc0003")};
    QTest::newRow("698 lin downgrade cccc from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("cccc") << false
        << QStringList{QStringLiteral(
               "Destination cccc is not a valid downgrade target from current head(s)")};
    QTest::newRow("699 lin upgrade dddd0004-3 from aaaa0001")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("dddd0004-3") << true << QStringList{};
    QTest::newRow("700 lin downgrade dddd0004-3 from aaaa0001")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("aaaa0001")}
        << QStringLiteral("dddd0004-3") << true << QStringList{};
    QTest::newRow("701 lin upgrade heads from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("heads") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("702 lin downgrade heads from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("heads") << false
        << QStringList{QStringLiteral(
               "Destination heads is not a valid downgrade target from current head(s)")};
    QTest::newRow("703 lin upgrade head from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("head") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("704 lin downgrade head from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("head") << false
        << QStringList{QStringLiteral(
               "Destination head is not a valid downgrade target from current head(s)")};
    QTest::newRow("705 lin upgrade base from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("706 lin downgrade base from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("cccc0003"), QStringLiteral("bbbb0002"),
                       QStringLiteral("aaaa0001")};
    QTest::newRow("707 lin upgrade +1 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+1") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("708 lin downgrade +1 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("709 lin upgrade +2 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("710 lin downgrade +2 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("711 lin upgrade +4 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("712 lin downgrade +4 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("713 lin upgrade +5 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("714 lin downgrade +5 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("715 lin upgrade -1 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("716 lin downgrade -1 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("717 lin upgrade -4 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("718 lin downgrade -4 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("719 lin upgrade -5 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("720 lin downgrade -5 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("721 lin upgrade bbbb0002 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("bbbb0002") << true << QStringList{};
    QTest::newRow("722 lin downgrade bbbb0002 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("bbbb0002") << true << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("723 lin upgrade cccc from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("cccc") << true << QStringList{};
    QTest::newRow("724 lin downgrade cccc from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("cccc") << true << QStringList{};
    QTest::newRow("725 lin upgrade dddd0004-3 from cccc0003")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("dddd0004-3") << true << QStringList{};
    QTest::newRow("726 lin downgrade dddd0004-3 from cccc0003")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("cccc0003")}
        << QStringLiteral("dddd0004-3") << true
        << QStringList{QStringLiteral("cccc0003"), QStringLiteral("bbbb0002")};
    QTest::newRow("727 lin upgrade heads from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("heads") << true << QStringList{};
    QTest::newRow("728 lin downgrade heads from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("heads") << true << QStringList{};
    QTest::newRow("729 lin upgrade head from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("head") << true << QStringList{};
    QTest::newRow("730 lin downgrade head from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("head") << true << QStringList{};
    QTest::newRow("731 lin upgrade base from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("732 lin downgrade base from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("base") << true
        << QStringList{QStringLiteral("dddd0004"), QStringLiteral("cccc0003"),
                       QStringLiteral("bbbb0002"), QStringLiteral("aaaa0001")};
    QTest::newRow("733 lin upgrade +1 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("734 lin downgrade +1 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("735 lin upgrade +2 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("736 lin downgrade +2 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("737 lin upgrade +4 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("738 lin downgrade +4 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+4") << false
        << QStringList{QStringLiteral("Relative revision +4 didn't produce 4 migrations")};
    QTest::newRow("739 lin upgrade +5 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("740 lin downgrade +5 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("741 lin upgrade -1 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("742 lin downgrade -1 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("743 lin upgrade -4 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("-4") << false
        << QStringList{QStringLiteral("Relative revision -4 didn't produce 4 migrations")};
    QTest::newRow("744 lin downgrade -4 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("-4") << true
        << QStringList{QStringLiteral("dddd0004"), QStringLiteral("cccc0003"),
                       QStringLiteral("bbbb0002"), QStringLiteral("aaaa0001")};
    QTest::newRow("745 lin upgrade -5 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("746 lin downgrade -5 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("-5") << false
        << QStringList{QStringLiteral("Relative revision -5 didn't produce 5 migrations")};
    QTest::newRow("747 lin upgrade bbbb0002 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("bbbb0002") << true << QStringList{};
    QTest::newRow("748 lin downgrade bbbb0002 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("bbbb0002") << true
        << QStringList{QStringLiteral("dddd0004"), QStringLiteral("cccc0003")};
    QTest::newRow("749 lin upgrade cccc from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("cccc") << true << QStringList{};
    QTest::newRow("750 lin downgrade cccc from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("cccc") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("751 lin upgrade dddd0004-3 from dddd0004")
        << QStringLiteral("lin") << true << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("dddd0004-3") << true << QStringList{};
    QTest::newRow("752 lin downgrade dddd0004-3 from dddd0004")
        << QStringLiteral("lin") << false << QStringList{QStringLiteral("dddd0004")}
        << QStringLiteral("dddd0004-3") << true
        << QStringList{QStringLiteral("dddd0004"), QStringLiteral("cccc0003"),
                       QStringLiteral("bbbb0002")};
}

void TestMigrationPlanner::alembicPlans()
{
    QFETCH(QString, graph);
    QFETCH(bool, upgrade);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);

    const auto g = makeGraph(graph);
    const MigrationPlanner planner(g);
    const Result<MigrationPlan> plan =
        upgrade ? planner.upgrade(current, target) : planner.downgrade(current, target);
    QVERIFY2(plan.ok() == ok,
             qPrintable(plan.ok() ? QStringLiteral("planned ") + plan->revisions().join(u',')
                                  : QStringLiteral("refused: ") + plan.error()));
    if (ok) {
        QCOMPARE(plan->revisions(), expected);
        for (const MigrationStep& s : plan->steps)
            QCOMPARE(s.direction, upgrade ? MigrationStep::Direction::Upgrade
                                          : MigrationStep::Direction::Downgrade);
    } else if (!expected.isEmpty()) {
        QCOMPARE(plan.error(), expected.first());
    } else {
        QVERIFY(!plan.error().isEmpty());
    }
}

void TestMigrationPlanner::versionRowsLinear()
{
    const auto g = makeGraph(QStringLiteral("lin"));
    const MigrationPlanner planner(g);
    const auto up = planner.upgrade({}, QStringLiteral("+2"));
    QVERIFY(up.ok());
    QCOMPARE(up->steps.size(), 2);
    QCOMPARE(up->rowsBefore(0), QStringList());
    // from base the first step inserts, the next updates
    QCOMPARE(rowList(up->steps.at(0).removedRows), QStringList());
    QCOMPARE(rowList(up->steps.at(0).addedRows), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(rowList(up->steps.at(1).removedRows), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(rowList(up->steps.at(1).addedRows), QStringList{QStringLiteral("bbbb0002")});
    QCOMPARE(up->rowsAfter(0), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(up->rowsAfter(1), QStringList{QStringLiteral("bbbb0002")});
    QCOMPARE(up->endHeads, QStringList{QStringLiteral("bbbb0002")});

    const auto down = planner.downgrade({QStringLiteral("dddd0004")}, QStringLiteral("base"));
    QVERIFY(down.ok());
    QCOMPARE(down->revisions(), ids({QStringLiteral("dddd0004"), QStringLiteral("cccc0003"),
                                     QStringLiteral("bbbb0002"), QStringLiteral("aaaa0001")}));
    QCOMPARE(down->rowsAfter(down->steps.size() - 1), QStringList());
    // the last downgrade deletes the row
    QCOMPARE(rowList(down->steps.last().removedRows), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(rowList(down->steps.last().addedRows), QStringList());
    QVERIFY(down->endHeads.isEmpty());
}

void TestMigrationPlanner::versionRowsMergeAndUnmerge()
{
    const auto g = makeGraph(QStringLiteral("g"));
    const MigrationPlanner planner(g);
    const QStringList three{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                            QStringLiteral("f6001000")};
    const auto merge = planner.upgrade(three, QStringLiteral("g7000000"));
    QVERIFY(merge.ok());
    QCOMPARE(merge->steps.size(), 1);
    QCOMPARE(merge->rowsBefore(0), three);
    QCOMPARE(merge->rowsAfter(0), QStringList{QStringLiteral("g7000000")});
    // the merge deletes two of the rows and updates the third to the merge revision
    QCOMPARE(rowList(merge->steps.first().addedRows), QStringList{QStringLiteral("g7000000")});
    QStringList removed = rowList(merge->steps.first().removedRows);
    removed.sort();
    QCOMPARE(removed, three);

    const auto unmerge =
        planner.downgrade({QStringLiteral("g7000000")}, QStringLiteral("d4000000"));
    QVERIFY(unmerge.ok());
    QCOMPARE(unmerge->steps.first().revision, QStringLiteral("g7000000"));
    QCOMPARE(unmerge->rowsAfter(0), three);
    QCOMPARE(rowList(unmerge->steps.first().removedRows), QStringList{QStringLiteral("g7000000")});
    QStringList added = rowList(unmerge->steps.first().addedRows);
    added.sort();
    QCOMPARE(added, three);
    QCOMPARE(unmerge->rowsAfter(unmerge->steps.size() - 1), unmerge->endHeads);
    QCOMPARE(unmerge->endHeads, ids({QStringLiteral("d4000000"), QStringLiteral("e5000000")}));

    const auto all = planner.upgrade({}, QStringLiteral("heads"));
    QVERIFY(all.ok());
    QCOMPARE(all->steps.size(), g->size());
    QCOMPARE(all->endHeads, ids({QStringLiteral("m1300000"), QStringLiteral("n1400000")}));
}

void TestMigrationPlanner::versionRowsDependsOn()
{
    const auto g = makeGraph(QStringLiteral("g"));
    const MigrationPlanner planner(g);
    // l12 depends on c3: upgrading to it from base applies c3's line first; l12 then merges
    // the rows of its down revision (k11) and of its dependency (c3) into one
    const auto p = planner.upgrade({}, QStringLiteral("l1200000"));
    QVERIFY(p.ok());
    QCOMPARE(p->revisions().last(), QStringLiteral("l1200000"));
    QVERIFY(p->revisions().contains(QStringLiteral("c3000000")));
    QVERIFY(p->revisions().indexOf(QStringLiteral("c3000000")) <
            p->revisions().indexOf(QStringLiteral("l1200000")));
    QCOMPARE(p->rowsBefore(p->steps.size() - 1),
             ids({QStringLiteral("c3000000"), QStringLiteral("k1100000")}));
    QCOMPARE(p->endHeads, QStringList{QStringLiteral("l1200000")});
}

void TestMigrationPlanner::planCarriesTargetAndStart()
{
    const auto g = makeGraph(QStringLiteral("lin"));
    const MigrationPlanner planner(g);
    const auto p = planner.downgrade({QStringLiteral("cccc0003")}, QStringLiteral("-1"));
    QVERIFY(p.ok());
    QCOMPARE(p->target, QStringLiteral("-1"));
    QCOMPARE(p->direction, MigrationStep::Direction::Downgrade);
    QCOMPARE(p->startHeads, QStringList{QStringLiteral("cccc0003")});
    QCOMPARE(p->endHeads, QStringList{QStringLiteral("bbbb0002")});
    QCOMPARE(p->steps.size(), 1);
    QCOMPARE(p->rowsBefore(0), QStringList{QStringLiteral("cccc0003")});

    // ranges are for --sql mode only
    const auto range = planner.upgrade({}, QStringLiteral("base:heads"));
    QVERIFY(!range.ok());
    QCOMPARE(range.error(), QStringLiteral("Range revision not allowed"));
    // "@-1" is not relative syntax: get_revisions walks down from heads carrying label ""
    const auto odd = planner.upgrade({QStringLiteral("bbbb0002")}, QStringLiteral("@-1"));
    QVERIFY(odd.ok());
    QVERIFY(odd->steps.isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrationPlanner)
#include "tst_migrationplanner.moc"
