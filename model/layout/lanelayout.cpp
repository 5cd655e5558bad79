// The lane layout of large graphs (see lanelayout.h): ranks, lanes, then coordinates.
#include "model/layout/lanelayout.h"

#include <algorithm>
#include <climits>
#include <vector>

namespace retort::layout {

namespace {

struct Adjacency
{
    std::vector<std::vector<int>> older; // per unit: its edges to older units
    std::vector<std::vector<int>> newer; // per unit: the edges from newer units to it
};

// The edges that shape the picture: down-revision edges between two different units.
Adjacency adjacency(const DotGraph& graph)
{
    const int n = int(graph.nodes.size());
    Adjacency adj;
    adj.older.resize(static_cast<size_t>(n));
    adj.newer.resize(static_cast<size_t>(n));
    for (int e = 0; e < int(graph.edges.size()); ++e) {
        const DotGraph::Edge& edge = graph.edges.at(e);
        if (edge.dependency || edge.from == edge.to || edge.from < 0 || edge.to < 0 ||
            edge.from >= n || edge.to >= n)
            continue;
        adj.older[size_t(edge.from)].push_back(e);
        adj.newer[size_t(edge.to)].push_back(e);
    }
    return adj;
}

// Longest path from the oldest units, then units with more newer than older neighbours pulled
// up under the lowest of them. Ranks come back dense (0 = oldest); `count` is set to how many.
std::vector<int> ranks(const DotGraph& graph, const Adjacency& adj, int& count)
{
    const int n = int(graph.nodes.size());
    std::vector<int> rank(static_cast<size_t>(n), 0);
    std::vector<int> waiting(static_cast<size_t>(n));
    std::vector<char> queued(static_cast<size_t>(n), 0);
    std::vector<int> order;
    order.reserve(static_cast<size_t>(n));
    for (int u = 0; u < n; ++u) {
        waiting[size_t(u)] = int(adj.older[size_t(u)].size());
        if (waiting[size_t(u)] == 0) {
            queued[size_t(u)] = 1;
            order.push_back(u);
        }
    }
    size_t head = 0;
    int scan = 0;
    while (order.size() < size_t(n) || head < order.size()) {
        if (head == order.size()) {
            // A cycle: break it at the first unit not ranked yet.
            while (queued[size_t(scan)])
                ++scan;
            queued[size_t(scan)] = 1;
            order.push_back(scan);
        }
        const int u = order[head++];
        for (int e : adj.newer[size_t(u)]) {
            const int v = graph.edges.at(e).from;
            rank[size_t(v)] = std::max(rank[size_t(v)], rank[size_t(u)] + 1);
            if (!queued[size_t(v)] && --waiting[size_t(v)] == 0) {
                queued[size_t(v)] = 1;
                order.push_back(v);
            }
        }
    }
    // Newest first, so that every newer neighbour has its final rank.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const int u = *it;
        if (adj.newer[size_t(u)].size() <= adj.older[size_t(u)].size())
            continue;
        int highest = INT_MAX;
        for (int e : adj.newer[size_t(u)]) {
            const int r = rank[size_t(graph.edges.at(e).from)];
            if (r > rank[size_t(u)])
                highest = std::min(highest, r - 1);
        }
        if (highest != INT_MAX && highest > rank[size_t(u)])
            rank[size_t(u)] = highest;
    }
    std::vector<int> used(rank);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int& r : rank)
        r = int(std::lower_bound(used.begin(), used.end(), r) - used.begin());
    count = int(used.size());
    return rank;
}

// What each rank holds, left to right: units and the edges passing through it (one item per
// edge and rank, as dot's virtual nodes). Items of one edge are chained rank to rank.
struct Rows
{
    struct Item
    {
        int unit = -1;   // the unit, or -1 for an edge passing through
        qreal width = 0; // a unit's box; 0 for an edge
        qreal x = 0;
        int up = -1;     // an edge's item (or unit) on the newer side
        int down = -1;   // ... and on the older side
    };
    std::vector<Item> items;
    std::vector<std::vector<int>> rows; // per rank: item indices, left to right
    std::vector<int> unitItem;          // per unit
    std::vector<int> firstItem;         // per edge: its newest item, -1 when it spans no rank
    std::vector<int> lastItem;          // per edge: its oldest item
};

// Hands out lanes from the newest rank down and lists the ranks' items in lane order.
Rows assignLanes(const DotGraph& graph, const Adjacency& adj, const std::vector<int>& rank,
                 int rankCount)
{
    const int n = int(graph.nodes.size());
    std::vector<std::vector<int>> byRank(static_cast<size_t>(rankCount));
    for (int u = 0; u < n; ++u)
        byRank[size_t(rank[size_t(u)])].push_back(u);
    auto spans = [&](int e) {
        const DotGraph::Edge& edge = graph.edges.at(e);
        return rank[size_t(edge.from)] - rank[size_t(edge.to)] >= 2;
    };

    Rows out;
    out.rows.resize(static_cast<size_t>(rankCount));
    out.unitItem.assign(static_cast<size_t>(n), -1);
    out.firstItem.assign(graph.edges.size(), -1);
    out.lastItem.assign(graph.edges.size(), -1);
    std::vector<int> nodeLane(static_cast<size_t>(n), -1);
    std::vector<int> edgeLane(graph.edges.size(), -1);
    std::vector<int> running; // per lane: the edge running down it now, or -1
    std::vector<char> taken;  // per lane: a unit of the current rank sits in it
    // The free lane nearest to `want`, on the right first; a new lane when none is free.
    auto nearestFree = [&](int want, bool forUnit) {
        const int count = int(running.size());
        auto isFree = [&](int l) {
            return running[size_t(l)] < 0 && !(forUnit && taken[size_t(l)]);
        };
        for (int d = 0; want + d < count || want - d >= 0; ++d) {
            if (want + d < count && isFree(want + d))
                return want + d;
            if (d > 0 && want - d >= 0 && want - d < count && isFree(want - d))
                return want - d;
        }
        running.push_back(-1);
        taken.push_back(0);
        return count;
    };

    std::vector<std::pair<int, int>> row; // (lane, item) of the current rank
    for (int r = rankCount - 1; r >= 0; --r) {
        const std::vector<int>& units = byRank[size_t(r)];
        std::fill(taken.begin(), taken.end(), 0);
        // A unit that edges come down to takes the leftmost of their lanes.
        for (int u : units) {
            int lane = INT_MAX;
            for (int e : adj.newer[size_t(u)]) {
                if (edgeLane[size_t(e)] >= 0)
                    lane = std::min(lane, edgeLane[size_t(e)]);
            }
            if (lane != INT_MAX) {
                nodeLane[size_t(u)] = lane;
                taken[size_t(lane)] = 1;
            }
        }
        for (int u : units) {
            for (int e : adj.newer[size_t(u)]) {
                if (edgeLane[size_t(e)] >= 0) {
                    running[size_t(edgeLane[size_t(e)])] = -1;
                    edgeLane[size_t(e)] = -1;
                }
            }
        }
        // The others as near as they can to the units just above them (a head: leftmost).
        for (int u : units) {
            if (nodeLane[size_t(u)] >= 0)
                continue;
            int sum = 0;
            int count = 0;
            for (int e : adj.newer[size_t(u)]) {
                const int from = graph.edges.at(e).from;
                if (nodeLane[size_t(from)] >= 0 && rank[size_t(from)] > r) {
                    sum += nodeLane[size_t(from)];
                    ++count;
                }
            }
            const int lane = nearestFree(count ? (sum + count / 2) / count : 0, true);
            nodeLane[size_t(u)] = lane;
            taken[size_t(lane)] = 1;
        }
        // This rank's items: the edges passing through, then the units, in lane order.
        row.clear();
        for (int l = 0; l < int(running.size()); ++l) {
            const int e = running[size_t(l)];
            if (e < 0)
                continue;
            const int item = int(out.items.size());
            Rows::Item passing;
            passing.up = out.lastItem[size_t(e)];
            out.items[size_t(passing.up)].down = item;
            out.items.push_back(passing);
            out.lastItem[size_t(e)] = item;
            row.push_back({l, item});
        }
        for (int u : units) {
            const int item = int(out.items.size());
            Rows::Item unit;
            unit.unit = u;
            unit.width = graph.nodes.at(u).width();
            out.items.push_back(unit);
            out.unitItem[size_t(u)] = item;
            row.push_back({nodeLane[size_t(u)], item});
        }
        std::sort(row.begin(), row.end());
        std::vector<int>& items = out.rows[size_t(r)];
        for (const auto& [lane, item] : row)
            items.push_back(item);
        // Each unit's first spanning edge goes on down its own lane, the others beside it.
        // (Their items start at the next rank; for now the chain starts at the unit.)
        std::vector<int> later;
        for (int u : units) {
            bool first = true;
            for (int e : adj.older[size_t(u)]) {
                if (!spans(e))
                    continue;
                out.lastItem[size_t(e)] = out.unitItem[size_t(u)];
                const int own = nodeLane[size_t(u)];
                if (first && running[size_t(own)] < 0) {
                    edgeLane[size_t(e)] = own;
                    running[size_t(own)] = e;
                } else {
                    later.push_back(e);
                }
                first = false;
            }
        }
        for (int e : later) {
            const int lane = nearestFree(nodeLane[size_t(graph.edges.at(e).from)], false);
            edgeLane[size_t(e)] = lane;
            running[size_t(lane)] = e;
        }
    }
    // Each spanning edge's chain: from the item under its newer unit to the one above its
    // older unit (a unit's `down` is not used: it may send several edges).
    for (int e = 0; e < int(graph.edges.size()); ++e) {
        if (!spans(e))
            continue;
        const int unitAbove = out.unitItem[size_t(graph.edges.at(e).from)];
        int first = -1;
        for (int k = out.lastItem[size_t(e)]; k >= 0 && k != unitAbove; k = out.items[size_t(k)].up)
            first = k;
        out.firstItem[size_t(e)] = first;
        out.items[size_t(out.lastItem[size_t(e)])].down = out.unitItem[size_t(graph.edges.at(e).to)];
    }
    return out;
}

// The items' x: first packed to the left rank by rank (as wide as the busiest rank needs),
// then a few sweeps down and up the ranks move each item towards its neighbours on the
// previous rank, within the room its neighbours in the rank leave, so that edges run straight
// and units sit under what they join. Returns the picture's width.
qreal placeItems(Rows& rows, const DotGraph& graph, const Adjacency& adj, qreal separation)
{
    std::vector<Rows::Item>& items = rows.items;
    qreal width = 0;
    for (const std::vector<int>& row : rows.rows) {
        qreal right = -separation;
        for (int k : row) {
            Rows::Item& item = items[size_t(k)];
            item.x = right + separation + item.width / 2;
            right = item.x + item.width / 2;
        }
        width = std::max(width, right);
    }
    // The mean x of what an item joins on the rank above (`upwards`) or below.
    auto desired = [&](const Rows::Item& item, bool upwards, qreal& x) {
        if (item.unit < 0) {
            const int other = upwards ? item.up : item.down;
            if (other < 0)
                return false;
            x = items[size_t(other)].x;
            return true;
        }
        qreal sum = 0;
        int count = 0;
        const auto& edges = upwards ? adj.newer[size_t(item.unit)] : adj.older[size_t(item.unit)];
        for (int e : edges) {
            int other;
            if (rows.firstItem[size_t(e)] >= 0)
                other = upwards ? rows.lastItem[size_t(e)] : rows.firstItem[size_t(e)];
            else
                other = rows.unitItem[size_t(upwards ? graph.edges.at(e).from : graph.edges.at(e).to)];
            sum += items[size_t(other)].x;
            ++count;
        }
        if (count == 0)
            return false;
        x = sum / count;
        return true;
    };
    const int rankCount = int(rows.rows.size());
    for (int sweep = 0; sweep < 4; ++sweep) {
        const bool downwards = sweep % 2 == 0; // from the newest rank down: look up
        for (int k = 0; k < rankCount; ++k) {
            const int r = downwards ? rankCount - 1 - k : k;
            const std::vector<int>& row = rows.rows[size_t(r)];
            for (int i = int(row.size()) - 1; i >= 0; --i) {
                Rows::Item& item = items[size_t(row[size_t(i)])];
                qreal want = 0;
                if (!desired(item, downwards, want))
                    continue;
                qreal low = item.width / 2;
                if (i > 0) {
                    const Rows::Item& left = items[size_t(row[size_t(i - 1)])];
                    low = left.x + (left.width + item.width) / 2 + separation;
                }
                qreal high = width - item.width / 2;
                if (i + 1 < int(row.size())) {
                    const Rows::Item& right = items[size_t(row[size_t(i + 1)])];
                    high = right.x - (right.width + item.width) / 2 - separation;
                }
                if (low <= high)
                    item.x = std::clamp(want, low, high);
            }
        }
    }
    return width;
}

} // namespace

DotLayout runLanes(const DotGraph& graph)
{
    DotLayout out;
    const int n = int(graph.nodes.size());
    out.edges.resize(graph.edges.size());
    if (n == 0)
        return out;
    const Adjacency adj = adjacency(graph);
    int rankCount = 0;
    const std::vector<int> rank = ranks(graph, adj, rankCount);
    Rows rows = assignLanes(graph, adj, rank, rankCount);
    const qreal width = placeItems(rows, graph, adj, graph.nodeSeparation);

    // A rank band is as tall as its tallest box.
    std::vector<qreal> bandHeight(static_cast<size_t>(rankCount), 0);
    for (int u = 0; u < n; ++u) {
        qreal& height = bandHeight[size_t(rank[size_t(u)])];
        height = std::max(height, graph.nodes.at(u).height());
    }
    std::vector<qreal> bandTop(static_cast<size_t>(rankCount));
    qreal top = 0;
    for (int k = 0; k < rankCount; ++k) {
        const int r = graph.newestOnTop ? rankCount - 1 - k : k;
        bandTop[size_t(r)] = top;
        top += bandHeight[size_t(r)] + graph.rankSeparation;
    }
    out.boundingBox =
        QRectF(0, 0, std::max<qreal>(width, 1), std::max<qreal>(top - graph.rankSeparation, 1));

    out.centres.reserve(n);
    out.sizes.reserve(n);
    out.rankBands.reserve(n);
    for (int u = 0; u < n; ++u) {
        const int r = rank[size_t(u)];
        const qreal bandY = bandTop[size_t(r)];
        const qreal height = bandHeight[size_t(r)];
        out.centres.append(
            QPointF(rows.items[size_t(rows.unitItem[size_t(u)])].x, bandY + height / 2));
        out.sizes.append(graph.nodes.at(u));
        out.rankBands.append({bandY, bandY + height});
    }
    // Straight down through each rank the edge passes, bending only in the gaps; runs of
    // ranks at the same x become one straight piece.
    for (int e = 0; e < int(graph.edges.size()); ++e) {
        int k = rows.firstItem[size_t(e)];
        if (k < 0)
            continue;
        QList<QPointF>& via = out.edges[e].via;
        int r = rank[size_t(graph.edges.at(e).from)] - 1;
        const int last = rows.lastItem[size_t(e)];
        while (true) {
            const qreal x = rows.items[size_t(k)].x;
            const int pieceTop = r;
            while (k != last && std::abs(rows.items[size_t(rows.items[size_t(k)].down)].x - x) < 0.5) {
                k = rows.items[size_t(k)].down;
                --r;
            }
            const qreal y1 = std::min(bandTop[size_t(pieceTop)], bandTop[size_t(r)]);
            const qreal y2 = std::max(bandTop[size_t(pieceTop)] + bandHeight[size_t(pieceTop)],
                                      bandTop[size_t(r)] + bandHeight[size_t(r)]);
            via << QPointF(x, y1) << QPointF(x, y2);
            if (k == last)
                break;
            k = rows.items[size_t(k)].down;
            --r;
        }
    }
    return out;
}

} // namespace retort::layout
