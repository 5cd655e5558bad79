#include "projectsnapshot.h"

#include "config/alembicconfig.h"

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
