// Collapsing linear runs of revisions into the units dot lays out (see layoutplan.h).
#include "model/layout/layoutplan.h"

#include "model/graph/revisiongraph.h"
#include "model/layout/graphvizlayouter.h"

#include <algorithm>

namespace retort::layout {

Plan makePlan(const RevisionGraph& graph, const LayoutOptions& options, bool collapse)
{
    const QList<Revision>& revisions = graph.revisions();
    const int n = int(revisions.size());
    Plan plan;
    plan.unitOf.fill(-1, n);
    QList<QSizeF> sizes(n);
    QList<int> parentOf(n, -1);
    QList<bool> linear(n, false);
    for (int i = 0; i < n; ++i) {
        sizes[i] = options.nodeSize(revisions.at(i));
        if (!collapse)
            continue;
        const QStringList parents = graph.parents(revisions.at(i).id);
        const QStringList children = graph.children(revisions.at(i).id);
        if (parents.size() == 1 && children.size() == 1) {
            linear[i] = true;
            parentOf[i] = graph.indexOf(parents.first());
        }
    }
    if (collapse) {
        for (int i = 0; i < n; ++i) {
            if (!linear[i] || plan.unitOf[i] != -1)
                continue;
            // Start at the newest member: its child is not linear.
            const QStringList children = graph.children(revisions.at(i).id);
            const int child = graph.indexOf(children.first());
            if (child >= 0 && linear[child])
                continue;
            QList<int> run;
            for (int r = i; r >= 0 && linear[r] && plan.unitOf[r] == -1; r = parentOf[r]) {
                plan.unitOf[r] = -2; // visiting
                run.append(r);
            }
            if (run.size() >= options.minRunLength) {
                Unit unit;
                qreal width = 0;
                for (int r : run)
                    width = std::max(width, sizes.at(r).width());
                unit.size = QSizeF(width, run.size() * options.nodeHeight +
                                              (run.size() - 1) * options.rankSeparation);
                unit.members = run;
                for (int r : run)
                    plan.unitOf[r] = int(plan.units.size());
                plan.units.append(unit);
            } else {
                for (int r : run)
                    plan.unitOf[r] = -1;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        if (plan.unitOf[i] < 0) {
            plan.unitOf[i] = int(plan.units.size());
            plan.units.append(Unit{{i}, sizes.at(i)});
        }
    }
    return plan;
}

} // namespace retort::layout
