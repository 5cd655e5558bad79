#pragma once
// The hand-made DAGs shared by tst_targetresolver and tst_migrationplanner. Their expected
// tables were computed by alembic 1.8.1's RevisionMap on the same graphs
// (tests/fixtures/gen_planner_expectations.py).

#include "model/graph/revisiongraph.h"

#include <QStringList>

#include <memory>

namespace retort::testgraphs {

// Hand-made DAGs (files in this load order):
//  g:   a1 - b2 -+- c3 [left] - e5 ------------+
//                +- d4 [right] -+- f6000000 ----+- g7 (3-parent merge) - h8 -+- i9 -+- n14 (merge)
//                               +- f6001000 ----+                            +- j1 -+
//       k11 [other] - l12 (depends_on c3) - m13 (depends_on "left", already implied)
//  lin: aaaa0001 - bbbb0002 - cccc0003 - dddd0004
inline std::shared_ptr<const RevisionGraph> makeGraph(const QString& name)
{
    struct Def
    {
        const char* id;
        QList<const char*> downs;
        QList<const char*> labels;
        QList<const char*> deps;
    };
    auto strings = [](const QList<const char*>& list) {
        QStringList out;
        for (const char* s : list)
            out << QString::fromLatin1(s);
        return out;
    };
    const QList<Def> g{
        {"a1000000", {}, {}, {}},
        {"b2000000", {"a1000000"}, {}, {}},
        {"c3000000", {"b2000000"}, {"left"}, {}},
        {"d4000000", {"b2000000"}, {"right"}, {}},
        {"e5000000", {"c3000000"}, {}, {}},
        {"f6000000", {"d4000000"}, {}, {}},
        {"f6001000", {"d4000000"}, {}, {}},
        {"g7000000", {"e5000000", "f6000000", "f6001000"}, {}, {}},
        {"h8000000", {"g7000000"}, {}, {}},
        {"i9000000", {"h8000000"}, {}, {}},
        {"j1000000", {"h8000000"}, {}, {}},
        {"k1100000", {}, {"other"}, {}},
        {"l1200000", {"k1100000"}, {}, {"c3000000"}},
        {"m1300000", {"l1200000"}, {}, {"left"}},
        {"n1400000", {"i9000000", "j1000000"}, {}, {}},
    };
    const QList<Def> lin{
        {"aaaa0001", {}, {}, {}},
        {"bbbb0002", {"aaaa0001"}, {}, {}},
        {"cccc0003", {"bbbb0002"}, {}, {}},
        {"dddd0004", {"cccc0003"}, {}, {}},
    };
    QList<Revision> revisions;
    const QList<Def>& defs = name == QLatin1String("lin") ? lin : g;
    for (const Def& d : defs) {
        Revision r;
        r.id = QString::fromLatin1(d.id);
        r.downRevisions = strings(d.downs);
        r.branchLabels = strings(d.labels);
        r.dependsOn = strings(d.deps);
        r.message = QStringLiteral("step ") + r.id;
        r.loadOrder = int(revisions.size());
        revisions << r;
    }
    return RevisionGraph::build(revisions);
}

} // namespace retort::testgraphs
