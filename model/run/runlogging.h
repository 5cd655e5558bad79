#pragma once

#include <QLoggingCategory>

// The runner's own category; model/common/logging.h holds the older model categories.
Q_DECLARE_LOGGING_CATEGORY(lcRun)
