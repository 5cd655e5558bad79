// TargetResolver on hand-made DAGs. The expected values and messages were produced by
// alembic 1.8.1 itself (RevisionMap.get_revisions / _parse_upgrade_target /
// _parse_downgrade_target under ScriptDirectory._catch_revision_errors) on the same graphs.

#include "model/graph/targetresolver.h"

#include "plannertestgraphs.h"

#include <QTest>

using namespace retort;
using retort::testgraphs::makeGraph;

namespace {


} // namespace

class TestTargetResolver : public QObject
{
    Q_OBJECT

private slots:
    void alembicTargets_data();
    void alembicTargets();
    void labelsAndPrimitives();
};

void TestTargetResolver::alembicTargets_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("kind"); // revisions | upgrade | downgrade
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("ok");
    // ok: the revisions; refused: alembic's message (empty = alembic fails internally)
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("1 g revisions heads from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("2 g revisions head from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("head") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'head'; "
                              "please specify a specific target revision, '<branchname>@head' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("3 g revisions base from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("4 g revisions a1000000 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("a1000000") << true << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("5 g revisions a100 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("a100") << true << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("6 g revisions f600 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("f600") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f600'")};
    QTest::newRow("7 g revisions f6 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("f6") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f6'")};
    QTest::newRow("8 g revisions zzzzzz from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("zzzzzz") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'zzzzzz'")};
    QTest::newRow("9 g revisions left@head from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("left@head") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("10 g revisions left@heads from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("left@heads") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("11 g revisions right@heads from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("right@heads") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("12 g revisions other@head from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("other@head") << true << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("13 g revisions left@base from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("left@base") << true << QStringList{};
    QTest::newRow("14 g revisions left@f6000000 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("left@f6000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'f6000000'")};
    QTest::newRow("15 g revisions right@e5000000 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("right@e5000000") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'e5000000'")};
    QTest::newRow("16 g revisions nosuch@head from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("nosuch@head") << false
        << QStringList{QStringLiteral("Can't locate revision identified by 'nosuch'")};
    QTest::newRow("17 g revisions left@e500 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("left@e500") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("18 g revisions c3000000@head from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("c3000000@head") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("19 g revisions n1400000 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("n1400000") << true << QStringList{QStringLiteral("n1400000")};
    QTest::newRow("20 g revisions m130 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("m130") << true << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("21 g revisions @-1 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("@-1") << true << QStringList{};
    QTest::newRow("22 g revisions -1 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("23 g revisions left@-1 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("left@-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("24 g revisions other@-2 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("other@-2") << true << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("25 g revisions right@-9 from base")
        << QStringLiteral("g") << QStringLiteral("revisions") << QStringList{}
        << QStringLiteral("right@-9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("26 g upgrade +1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{} << QStringLiteral("+1")
        << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("27 g downgrade +1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("28 g upgrade +2 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{} << QStringLiteral("+2")
        << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("29 g downgrade +2 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("30 g upgrade -1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{} << QStringLiteral("-1")
        << false << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("31 g downgrade -1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("32 g upgrade -2 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{} << QStringLiteral("-2")
        << false << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("33 g downgrade -2 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("34 g upgrade heads from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("35 g downgrade heads from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("36 g upgrade left@+1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("left@+1") << true << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("37 g downgrade left@+1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("38 g upgrade right@+1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("right@+1") << true << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("39 g downgrade right@+1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("40 g upgrade other@+1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("other@+1") << true << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("41 g downgrade other@+1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("42 g upgrade b2000000+1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("b2000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("43 g downgrade b2000000+1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("b2000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("44 g upgrade c3000000+1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("c3000000+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("45 g downgrade c3000000+1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("c3000000+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("46 g upgrade g7000000-1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("47 g downgrade g7000000-1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("48 g upgrade n1400000-2 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("n1400000-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("49 g downgrade n1400000-2 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("n1400000-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("50 g upgrade left@-1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("51 g downgrade left@-1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("left@-1") << false << QStringList{};
    QTest::newRow("52 g upgrade other@-1 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("53 g downgrade other@-1 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("54 g upgrade e5000000+9 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("e5000000+9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("55 g downgrade e5000000+9 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("e5000000+9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("56 g upgrade +0 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{} << QStringLiteral("+0")
        << false << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("57 g downgrade +0 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision +0 didn't produce 0 migrations")};
    QTest::newRow("58 g upgrade -0 from base")
        << QStringLiteral("g") << QStringLiteral("upgrade") << QStringList{} << QStringLiteral("-0")
        << false << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("59 g downgrade -0 from base")
        << QStringLiteral("g") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision -0 didn't produce 0 migrations")};
    QTest::newRow("60 g upgrade +1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("61 g downgrade +1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("62 g upgrade +2 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("63 g downgrade +2 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("64 g upgrade -1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("65 g downgrade -1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("-1") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("66 g upgrade -2 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("67 g downgrade -2 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("-2") << true << QStringList{};
    QTest::newRow("68 g upgrade heads from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("69 g downgrade heads from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("70 g upgrade left@+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("left@+1") << true
        << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("71 g downgrade left@+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("72 g upgrade right@+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("right@+1") << true
        << QStringList{QStringLiteral("d4000000")};
    QTest::newRow("73 g downgrade right@+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("74 g upgrade other@+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("other@+1") << true
        << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("75 g downgrade other@+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("76 g upgrade b2000000+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("b2000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("77 g downgrade b2000000+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("b2000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("78 g upgrade c3000000+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("c3000000+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("79 g downgrade c3000000+1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("c3000000+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("80 g upgrade g7000000-1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("81 g downgrade g7000000-1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("82 g upgrade n1400000-2 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("n1400000-2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("83 g downgrade n1400000-2 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("n1400000-2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("84 g upgrade left@-1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("85 g downgrade left@-1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("left@-1") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("86 g upgrade other@-1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("87 g downgrade other@-1 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("other@-1") << false
        << QStringList{};
    QTest::newRow("88 g upgrade e5000000+9 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("e5000000+9") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("89 g downgrade e5000000+9 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("e5000000+9") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("90 g upgrade +0 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("91 g downgrade +0 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision +0 didn't produce 0 migrations")};
    QTest::newRow("92 g upgrade -0 from b2000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("93 g downgrade -0 from b2000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("b2000000")} << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision -0 didn't produce 0 migrations")};
    QTest::newRow("94 g upgrade +1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("95 g downgrade +1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("96 g upgrade +2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("97 g downgrade +2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("98 g upgrade -1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("99 g downgrade -1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-1") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("100 g upgrade -2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("101 g downgrade -2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-2") << true << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("102 g upgrade heads from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("103 g downgrade heads from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("104 g upgrade left@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@+1") << true << QStringList{QStringLiteral("g7000000")};
    QTest::newRow("105 g downgrade left@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("106 g upgrade right@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("107 g downgrade right@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("108 g upgrade other@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@+1") << true << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("109 g downgrade other@+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("110 g upgrade b2000000+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("b2000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("111 g downgrade b2000000+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("b2000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("112 g upgrade c3000000+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("c3000000+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("113 g downgrade c3000000+1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("c3000000+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("114 g upgrade g7000000-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("115 g downgrade g7000000-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("116 g upgrade n1400000-2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("n1400000-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("117 g downgrade n1400000-2 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("n1400000-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("118 g upgrade left@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("119 g downgrade left@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("left@-1") << true << QStringList{QStringLiteral("c3000000")};
    QTest::newRow("120 g upgrade other@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("121 g downgrade other@-1 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("other@-1") << false << QStringList{};
    QTest::newRow("122 g upgrade e5000000+9 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("e5000000+9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("123 g downgrade e5000000+9 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("e5000000+9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("124 g upgrade +0 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("125 g downgrade +0 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision +0 didn't produce 0 migrations")};
    QTest::newRow("126 g upgrade -0 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("127 g downgrade -0 from e5000000+f6000000+f6001000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                       QStringLiteral("f6001000")}
        << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision -0 didn't produce 0 migrations")};
    QTest::newRow("128 g upgrade +1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("129 g downgrade +1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("130 g upgrade +2 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Ambiguous upgrade from multiple current revisions")};
    QTest::newRow("131 g downgrade +2 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("132 g upgrade -1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("133 g downgrade -1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("134 g upgrade -2 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("135 g downgrade -2 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("136 g upgrade heads from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("137 g downgrade heads from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("138 g upgrade left@+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("139 g downgrade left@+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("140 g upgrade right@+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("141 g downgrade right@+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("142 g upgrade other@+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("143 g downgrade other@+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("144 g upgrade b2000000+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("b2000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("145 g downgrade b2000000+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("b2000000+1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("146 g upgrade c3000000+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("c3000000+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("147 g downgrade c3000000+1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("c3000000+1") << true << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("148 g upgrade g7000000-1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("149 g downgrade g7000000-1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("g7000000-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("150 g upgrade n1400000-2 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("n1400000-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("151 g downgrade n1400000-2 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("n1400000-2") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("152 g upgrade left@-1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("153 g downgrade left@-1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("left@-1") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("154 g upgrade other@-1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("155 g downgrade other@-1 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("other@-1") << true << QStringList{QStringLiteral("l1200000")};
    QTest::newRow("156 g upgrade e5000000+9 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("e5000000+9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("157 g downgrade e5000000+9 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("e5000000+9") << false << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("158 g upgrade +0 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("159 g downgrade +0 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision +0 didn't produce 0 migrations")};
    QTest::newRow("160 g upgrade -0 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("161 g downgrade -0 from n1400000+m1300000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("n1400000"), QStringLiteral("m1300000")}
        << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision -0 didn't produce 0 migrations")};
    QTest::newRow("162 g upgrade +1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("163 g downgrade +1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("164 g upgrade +2 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("+2") << true
        << QStringList{QStringLiteral("g7000000")};
    QTest::newRow("165 g downgrade +2 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("166 g upgrade -1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("167 g downgrade -1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("-1") << true
        << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("168 g upgrade -2 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("169 g downgrade -2 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("170 g upgrade heads from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("171 g downgrade heads from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("172 g upgrade left@+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("left@+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("173 g downgrade left@+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("174 g upgrade right@+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("right@+1") << true
        << QStringList{QStringLiteral("d4000000")};
    QTest::newRow("175 g downgrade right@+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("176 g upgrade other@+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("other@+1") << true
        << QStringList{QStringLiteral("k1100000")};
    QTest::newRow("177 g downgrade other@+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("178 g upgrade b2000000+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("b2000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("179 g downgrade b2000000+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("b2000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("180 g upgrade c3000000+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("c3000000+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("181 g downgrade c3000000+1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("c3000000+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("182 g upgrade g7000000-1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("183 g downgrade g7000000-1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("184 g upgrade n1400000-2 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("n1400000-2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("185 g downgrade n1400000-2 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("n1400000-2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("186 g upgrade left@-1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("187 g downgrade left@-1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("left@-1") << true
        << QStringList{QStringLiteral("b2000000")};
    QTest::newRow("188 g upgrade other@-1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("189 g downgrade other@-1 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("other@-1") << false
        << QStringList{};
    QTest::newRow("190 g upgrade e5000000+9 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("e5000000+9") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("191 g downgrade e5000000+9 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("e5000000+9") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("192 g upgrade +0 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("193 g downgrade +0 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision +0 didn't produce 0 migrations")};
    QTest::newRow("194 g upgrade -0 from c3000000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("195 g downgrade -0 from c3000000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("c3000000")} << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision -0 didn't produce 0 migrations")};
    QTest::newRow("196 g upgrade +1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("+1") << true
        << QStringList{QStringLiteral("l1200000")};
    QTest::newRow("197 g downgrade +1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("198 g upgrade +2 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("+2") << true
        << QStringList{QStringLiteral("m1300000")};
    QTest::newRow("199 g downgrade +2 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("+2") << false
        << QStringList{QStringLiteral("Relative revision +2 didn't produce 2 migrations")};
    QTest::newRow("200 g upgrade -1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("201 g downgrade -1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("-1") << true << QStringList{};
    QTest::newRow("202 g upgrade -2 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("203 g downgrade -2 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("204 g upgrade heads from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("heads") << true
        << QStringList{QStringLiteral("m1300000"), QStringLiteral("n1400000")};
    QTest::newRow("205 g downgrade heads from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("heads") << false
        << QStringList{
               QStringLiteral("Multiple head revisions are present for given argument 'heads'; "
                              "please specify a specific target revision, '<branchname>@heads' to "
                              "narrow to a specific head, or 'heads' for all heads")};
    QTest::newRow("206 g upgrade left@+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("left@+1") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("207 g downgrade left@+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("left@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("208 g upgrade right@+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("right@+1") << true
        << QStringList{QStringLiteral("a1000000")};
    QTest::newRow("209 g downgrade right@+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("right@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("210 g upgrade other@+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("other@+1") << true
        << QStringList{QStringLiteral("l1200000")};
    QTest::newRow("211 g downgrade other@+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("other@+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("212 g upgrade b2000000+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("b2000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("213 g downgrade b2000000+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("b2000000+1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("214 g upgrade c3000000+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("c3000000+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("215 g downgrade c3000000+1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("c3000000+1") << true
        << QStringList{QStringLiteral("e5000000")};
    QTest::newRow("216 g upgrade g7000000-1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("217 g downgrade g7000000-1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("g7000000-1") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("218 g upgrade n1400000-2 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("n1400000-2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("219 g downgrade n1400000-2 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("n1400000-2") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("220 g upgrade left@-1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("left@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("221 g downgrade left@-1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("left@-1") << false
        << QStringList{};
    QTest::newRow("222 g upgrade other@-1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("other@-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("223 g downgrade other@-1 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("other@-1") << true
        << QStringList{};
    QTest::newRow("224 g upgrade e5000000+9 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("e5000000+9") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("225 g downgrade e5000000+9 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("e5000000+9") << false
        << QStringList{QStringLiteral("Ambiguous walk")};
    QTest::newRow("226 g upgrade +0 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("227 g downgrade +0 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("+0") << false
        << QStringList{QStringLiteral("Relative revision +0 didn't produce 0 migrations")};
    QTest::newRow("228 g upgrade -0 from k1100000")
        << QStringLiteral("g") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision 0 didn't produce 0 migrations")};
    QTest::newRow("229 g downgrade -0 from k1100000")
        << QStringLiteral("g") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("k1100000")} << QStringLiteral("-0") << false
        << QStringList{QStringLiteral("Relative revision -0 didn't produce 0 migrations")};
    QTest::newRow("230 lin upgrade +1 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("+1") << true << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("231 lin downgrade +1 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("232 lin upgrade +3 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("+3") << true << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("233 lin downgrade +3 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("+3") << false
        << QStringList{QStringLiteral("Relative revision +3 didn't produce 3 migrations")};
    QTest::newRow("234 lin upgrade +5 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("235 lin downgrade +5 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("236 lin upgrade -1 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("237 lin downgrade -1 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("238 lin upgrade -2 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("239 lin downgrade -2 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("240 lin upgrade -9 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("241 lin downgrade -9 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("242 lin upgrade base from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("243 lin downgrade base from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("base") << true << QStringList{};
    QTest::newRow("244 lin upgrade head from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("head") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("245 lin downgrade head from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("head") << true << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("246 lin upgrade bbbb from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("bbbb") << true << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("247 lin downgrade bbbb from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("bbbb") << true << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("248 lin upgrade cccc0003-1 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("cccc0003-1") << true << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("249 lin downgrade cccc0003-1 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("cccc0003-1") << true << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("250 lin upgrade aaaa0001+2 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("aaaa0001+2") << true << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("251 lin downgrade aaaa0001+2 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("aaaa0001+2") << true << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("252 lin upgrade dddd0004+1 from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("dddd0004+1") << false << QStringList{};
    QTest::newRow("253 lin downgrade dddd0004+1 from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("dddd0004+1") << false << QStringList{QStringLiteral("Walked too far")};
    QTest::newRow("254 lin upgrade aa from base")
        << QStringLiteral("lin") << QStringLiteral("upgrade") << QStringList{}
        << QStringLiteral("aa") << true << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("255 lin downgrade aa from base")
        << QStringLiteral("lin") << QStringLiteral("downgrade") << QStringList{}
        << QStringLiteral("aa") << true << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("256 lin upgrade +1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("+1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("257 lin downgrade +1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("258 lin upgrade +3 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("+3") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("259 lin downgrade +3 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("+3") << false
        << QStringList{QStringLiteral("Relative revision +3 didn't produce 3 migrations")};
    QTest::newRow("260 lin upgrade +5 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("261 lin downgrade +5 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("262 lin upgrade -1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("263 lin downgrade -1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("-1") << true << QStringList{};
    QTest::newRow("264 lin upgrade -2 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("265 lin downgrade -2 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("266 lin upgrade -9 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("267 lin downgrade -9 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("268 lin upgrade base from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("269 lin downgrade base from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("270 lin upgrade head from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("271 lin downgrade head from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("272 lin upgrade bbbb from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("bbbb") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("273 lin downgrade bbbb from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("bbbb") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("274 lin upgrade cccc0003-1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("cccc0003-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("275 lin downgrade cccc0003-1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("cccc0003-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("276 lin upgrade aaaa0001+2 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("aaaa0001+2") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("277 lin downgrade aaaa0001+2 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("aaaa0001+2") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("278 lin upgrade dddd0004+1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("dddd0004+1") << false
        << QStringList{};
    QTest::newRow("279 lin downgrade dddd0004+1 from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("dddd0004+1") << false
        << QStringList{QStringLiteral("Walked too far")};
    QTest::newRow("280 lin upgrade aa from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("aa") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("281 lin downgrade aa from aaaa0001")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("aaaa0001")} << QStringLiteral("aa") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("282 lin upgrade +1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("+1") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("283 lin downgrade +1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("284 lin upgrade +3 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("+3") << false
        << QStringList{QStringLiteral("Relative revision +3 didn't produce 3 migrations")};
    QTest::newRow("285 lin downgrade +3 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("+3") << false
        << QStringList{QStringLiteral("Relative revision +3 didn't produce 3 migrations")};
    QTest::newRow("286 lin upgrade +5 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("287 lin downgrade +5 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("288 lin upgrade -1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("289 lin downgrade -1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("290 lin upgrade -2 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("291 lin downgrade -2 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("292 lin upgrade -9 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("293 lin downgrade -9 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("294 lin upgrade base from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("295 lin downgrade base from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("296 lin upgrade head from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("297 lin downgrade head from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("298 lin upgrade bbbb from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("bbbb") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("299 lin downgrade bbbb from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("bbbb") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("300 lin upgrade cccc0003-1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("cccc0003-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("301 lin downgrade cccc0003-1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("cccc0003-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("302 lin upgrade aaaa0001+2 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("aaaa0001+2") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("303 lin downgrade aaaa0001+2 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("aaaa0001+2") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("304 lin upgrade dddd0004+1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("dddd0004+1") << false
        << QStringList{};
    QTest::newRow("305 lin downgrade dddd0004+1 from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("dddd0004+1") << false
        << QStringList{QStringLiteral("Walked too far")};
    QTest::newRow("306 lin upgrade aa from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("aa") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("307 lin downgrade aa from cccc0003")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("cccc0003")} << QStringLiteral("aa") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("308 lin upgrade +1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("309 lin downgrade +1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("+1") << false
        << QStringList{QStringLiteral("Relative revision +1 didn't produce 1 migrations")};
    QTest::newRow("310 lin upgrade +3 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("+3") << false
        << QStringList{QStringLiteral("Relative revision +3 didn't produce 3 migrations")};
    QTest::newRow("311 lin downgrade +3 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("+3") << false
        << QStringList{QStringLiteral("Relative revision +3 didn't produce 3 migrations")};
    QTest::newRow("312 lin upgrade +5 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("313 lin downgrade +5 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("+5") << false
        << QStringList{QStringLiteral("Relative revision +5 didn't produce 5 migrations")};
    QTest::newRow("314 lin upgrade -1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("-1") << false
        << QStringList{QStringLiteral("Relative revision -1 didn't produce 1 migrations")};
    QTest::newRow("315 lin downgrade -1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("-1") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("316 lin upgrade -2 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("-2") << false
        << QStringList{QStringLiteral("Relative revision -2 didn't produce 2 migrations")};
    QTest::newRow("317 lin downgrade -2 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("-2") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("318 lin upgrade -9 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("319 lin downgrade -9 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("-9") << false
        << QStringList{QStringLiteral("Relative revision -9 didn't produce 9 migrations")};
    QTest::newRow("320 lin upgrade base from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("321 lin downgrade base from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("base") << true
        << QStringList{};
    QTest::newRow("322 lin upgrade head from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("323 lin downgrade head from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("head") << true
        << QStringList{QStringLiteral("dddd0004")};
    QTest::newRow("324 lin upgrade bbbb from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("bbbb") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("325 lin downgrade bbbb from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("bbbb") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("326 lin upgrade cccc0003-1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("cccc0003-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("327 lin downgrade cccc0003-1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("cccc0003-1") << true
        << QStringList{QStringLiteral("bbbb0002")};
    QTest::newRow("328 lin upgrade aaaa0001+2 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("aaaa0001+2") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("329 lin downgrade aaaa0001+2 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("aaaa0001+2") << true
        << QStringList{QStringLiteral("cccc0003")};
    QTest::newRow("330 lin upgrade dddd0004+1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("dddd0004+1") << false
        << QStringList{};
    QTest::newRow("331 lin downgrade dddd0004+1 from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("dddd0004+1") << false
        << QStringList{QStringLiteral("Walked too far")};
    QTest::newRow("332 lin upgrade aa from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("upgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("aa") << true
        << QStringList{QStringLiteral("aaaa0001")};
    QTest::newRow("333 lin downgrade aa from dddd0004")
        << QStringLiteral("lin") << QStringLiteral("downgrade")
        << QStringList{QStringLiteral("dddd0004")} << QStringLiteral("aa") << true
        << QStringList{QStringLiteral("aaaa0001")};
}

void TestTargetResolver::alembicTargets()
{
    QFETCH(QString, graph);
    QFETCH(QString, kind);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);

    const auto g = makeGraph(graph);
    const TargetResolver resolver(*g);
    bool gotOk = false;
    QStringList got;
    QString error;
    if (kind == QLatin1String("revisions")) {
        const Result<QStringList> r = resolver.resolveRevisions(target);
        gotOk = r.ok();
        if (gotOk)
            got = *r;
        else
            error = r.error();
    } else if (kind == QLatin1String("upgrade")) {
        const Result<QStringList> r = resolver.resolveUpgradeTarget(target, current);
        gotOk = r.ok();
        if (gotOk)
            got = *r;
        else
            error = r.error();
    } else {
        const Result<TargetResolver::DowngradeTarget> r =
            resolver.resolveDowngradeTarget(target, current);
        gotOk = r.ok();
        if (gotOk && !r->revision.isEmpty())
            got << r->revision;
        if (!gotOk)
            error = r.error();
    }
    QVERIFY2(gotOk == ok, qPrintable(gotOk ? QStringLiteral("resolved to ") + got.join(u',')
                                           : QStringLiteral("refused: ") + error));
    if (ok)
        QCOMPARE(got, expected);
    else if (!expected.isEmpty())
        QCOMPARE(error, expected.first());
    else
        QVERIFY(!error.isEmpty());
}

void TestTargetResolver::labelsAndPrimitives()
{
    const auto g = makeGraph(QStringLiteral("g"));
    const TargetResolver r(*g);
    // m13's depends_on "left" is implied by l12's dependency on c3: normalized away
    const int m13 = g->indexOf(QStringLiteral("m1300000"));
    QVERIFY(!r.hasNormalizedDependencies(m13));
    QCOMPARE(r.normalizedDown(m13), QList<int>{g->indexOf(QStringLiteral("l1200000"))});
    const int l12 = g->indexOf(QStringLiteral("l1200000"));
    QVERIFY(r.hasNormalizedDependencies(l12));
    QCOMPARE(r.normalizedDown(l12).size(), 2);
    // the label resolves to its owner
    const auto left = r.resolveBranch(QStringLiteral("left"));
    QVERIFY(left.ok());
    QCOMPARE(left.value(), g->indexOf(QStringLiteral("c3000000")));
    const auto nowhere = r.resolveBranch(QStringLiteral("nowhere"));
    QVERIFY(!nowhere.ok());
    QCOMPARE(nowhere.error().kind, TargetResolver::Error::Kind::Resolution);
    QCOMPARE(nowhere.error().message, QStringLiteral("No such branch: 'nowhere'"));
    // walking: one step up from base is ambiguous (two bases)
    const auto walked = r.walk(TargetResolver::kNone, 1, QString(), true);
    QVERIFY(!walked.ok());
    QCOMPARE(walked.error().message, QStringLiteral("Ambiguous walk"));
    // several current rows: +1 is ambiguous
    const auto up = r.resolveUpgradeTarget(
        QStringLiteral("+1"), {QStringLiteral("i9000000"), QStringLiteral("j1000000")});
    QVERIFY(!up.ok());
    QCOMPARE(up.error(), QStringLiteral("Ambiguous upgrade from multiple current revisions"));
}

QTEST_GUILESS_MAIN(TestTargetResolver)
#include "tst_targetresolver.moc"
