#pragma once

namespace retort {

// What a migration command does: run scripts up, run them down, or only record a revision.
// The one enum the run rules, the controller and the confirmation share.
enum class RunKind
{
    Upgrade,
    Downgrade,
    Stamp
};

} // namespace retort
