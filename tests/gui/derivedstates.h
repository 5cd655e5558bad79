#pragma once

// Database states as DatabaseSession hands them to the views: each readable state derived
// against the graph the view shows (the views take them as given and derive nothing).
#include "model/db/databasestate.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/graphscene.h"

#include <memory>

namespace retort::test {

inline GraphScene::ProfileStates derived(const std::shared_ptr<const RevisionGraph>& graph,
                                         GraphScene::ProfileStates states)
{
    if (!graph)
        return states; // no graph yet: nothing to derive against (as the session does)
    for (auto& [name, state] : states) {
        if (state.isReadable())
            state = DatabaseState::derive(*graph, state);
    }
    return states;
}

inline DatabaseState derivedState(const std::shared_ptr<const RevisionGraph>& graph,
                                  const DatabaseState& state)
{
    return graph && state.isReadable() ? DatabaseState::derive(*graph, state) : state;
}

} // namespace retort::test
