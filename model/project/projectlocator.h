#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QString>

namespace retort {

// Which configuration file opens a project, given what the person pointed at: a file named
// on the command line, dropped on the window, or a project folder. The one place that knows
// how a folder becomes a project, shared by the window's drop and its command line.
class ProjectLocator
{
    Q_DECLARE_TR_FUNCTIONS(ProjectLocator)

public:
    // The folder's configuration: its alembic.ini, else its pyproject.toml when that has a
    // [tool.alembic] table (as `alembic` itself looks: the ini wins). Empty when it has
    // neither. Reads at most the folder's pyproject.toml.
    static QString configInFolder(const QString& folder);

    // Whether a file's name says it may be an alembic config: any *.ini, or pyproject.toml.
    // Only the name is looked at.
    static bool isConfigFileName(const QString& path);

    // The absolute configuration path for `path`: a file as it is, a folder through
    // configInFolder(). Fails, saying why, when the path does not exist or is a folder
    // without a configuration.
    static Result<QString> resolve(const QString& path);
};

} // namespace retort
