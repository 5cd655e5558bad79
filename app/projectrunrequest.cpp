#include "app/projectrunrequest.h"

#include "app/projectsession.h"
#include "app/settings.h"

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
    request.interpreter = settings.pythonInterpreter(
        RecentProject{session.loadedConfigPath(), session.loadedSection()});
    return request;
}

} // namespace retort
