#pragma once

#include "model/run/runrequest.h"

#include <QStringList>

namespace retort {

class AlembicConfig;
class ConnectionProfile;
class ProjectSession;
class Settings;

// A RunRequest for `command` against the loaded project: its config file and section, run in
// the config's folder with the project's chosen Python interpreter (or the default one of the
// preferences when the project has none). Callers add what belongs
// to a database (profile environment, -x, URL, the version-table key) themselves, or use
// profileRunRequest().
RunRequest projectRunRequest(const ProjectSession& session, const Settings& settings,
                             const QStringList& command);

// The same against one database: the profile's environment variables (its secrets among
// them) and -x arguments, its URL when it is not the ini's (through the environment, never the
// command line), and its name as the database key, so no second command runs on it meanwhile.
RunRequest profileRunRequest(const ProjectSession& session, const Settings& settings,
                             const AlembicConfig& config, const ConnectionProfile& profile,
                             const QStringList& command);

} // namespace retort
