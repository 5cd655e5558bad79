#include "model/common/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "retort.model.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcScript, "retort.model.script", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGraph, "retort.model.graph", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRun, "retort.run", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLayout, "retort.layout", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGit, "retort.model.git", QtWarningMsg)
