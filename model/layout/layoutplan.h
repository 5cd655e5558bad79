// The first stage of a layout: which revisions share one dot node. In fast mode maximal
// linear runs become one tall node ("collapsed runs"); otherwise every revision is its own.
#pragma once

#include <QList>
#include <QSizeF>

namespace retort {
class RevisionGraph;
struct LayoutOptions;
} // namespace retort

namespace retort::layout {

// One dot node: a revision, or a collapsed run of them drawn as a column of boxes.
struct Unit
{
    QList<int> members; // revision indices, newest first
    QSizeF size;        // points
};

struct Plan
{
    QList<Unit> units;
    QList<int> unitOf; // revision index -> unit
};

// One unit per revision; when `collapse` is set, maximal linear runs (one parent, one child
// each) of at least `options.minRunLength` revisions share one tall unit.
Plan makePlan(const RevisionGraph& graph, const LayoutOptions& options, bool collapse);

} // namespace retort::layout
