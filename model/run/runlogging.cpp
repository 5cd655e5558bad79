#include "runlogging.h"

Q_LOGGING_CATEGORY(lcRun, "retort.run", QtWarningMsg)
