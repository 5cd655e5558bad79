#include "app/projectrunrequest.h"

#include "app/projectsession.h"
#include "app/settings.h"
#include "model/config/alembicconfig.h"
#include "model/config/connectionprofile.h"

#include <QFileInfo>

namespace retort {

RunRequest projectRunRequest(const ProjectSession& session, const Settings& settings,
                             const QStringList& command)
{
    RunRequest request;
    request.command = command;
    request.configPath = session.loadedConfigPath();
    request.section = session.loadedSection();
    request.workingDirectory = QFileInfo(request.configPath).absolutePath();
    request.interpreter = settings.effectivePythonInterpreter(
        RecentProject{session.loadedConfigPath(), session.loadedSection()});
    return request;
}

RunRequest profileRunRequest(const ProjectSession& session, const Settings& settings,
                             const AlembicConfig& config, const ConnectionProfile& profile,
                             const QStringList& command)
{
    RunRequest request = projectRunRequest(session, settings, command);
    request.environment = profile.environment();
    request.xArguments = profile.xArguments();
    if (!profile.usesConfigUrl())
        request.urlOverride = profile.effectiveUrl(config); // with its password, through the environment
    request.databaseKey = profile.name();
    return request;
}

} // namespace retort
