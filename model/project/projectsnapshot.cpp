#include "model/project/projectsnapshot.h"

#include "model/config/alembicconfig.h"

#include <QFileInfo>

namespace retort {

QString ProjectSnapshot::root() const
{
    if (config)
        return config->here();
    if (id.isEmpty())
        return {};
    return QFileInfo(id.configPath()).absolutePath();
}

} // namespace retort
