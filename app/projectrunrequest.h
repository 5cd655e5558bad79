#pragma once

#include "model/run/runrequest.h"

#include <QStringList>

namespace retort {

class ProjectSession;
class Settings;

// A RunRequest for `command` against the loaded project: its config file and section, run in
// the config's folder with the project's chosen Python interpreter. Callers add what belongs
// to a database (profile environment, -x, URL, the version-table key) themselves.
RunRequest projectRunRequest(const ProjectSession& session, const Settings& settings,
                             const QStringList& command);

} // namespace retort
