#include "model/layout/graphlayout.h"

namespace retort {

const NodeLayout* GraphLayout::node(const QString& id) const
{
    const auto it = nodeIndex.constFind(id);
    if (it != nodeIndex.constEnd() && *it >= 0 && *it < nodes.size() && nodes.at(*it).id == id)
        return &nodes.at(*it);
    for (const NodeLayout& n : nodes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

} // namespace retort
