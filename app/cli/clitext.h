#pragma once

#include <QCoreApplication>

namespace retort::cli {

// retort-cli's one translation context, "retort::cli" (where lupdate files its messages):
// its commands are free functions, so they say Cli::tr(...).
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(retort::cli)
};

} // namespace retort::cli
