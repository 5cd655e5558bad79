#pragma once

#include "model/common/result.h"

#include <QString>

namespace retort {

// Where the bundled demo project comes from, and the copy the user works on.
//
// The demo's alembic.ini keeps its SQLite database beside itself (`%(here)s/demo.db`), and
// Getting Started upgrades it. An installed demo (share/retort/demo under the installation
// prefix) is never written to: the first time it is opened it is copied into the user's data
// folder, and that copy is opened from then on, keeping what the user did to it. A demo taken
// from RETORT_DEMO_DIR or the source tree is opened where it is.
struct DemoProject
{
    QString config;         // the demo's alembic.ini as found
    bool installed = false; // under the installation prefix: open a copy

    // The demo found next to the running program (or from RETORT_DEMO_DIR / the source tree).
    static DemoProject find();

    // The alembic.ini to open: `config` itself, or for an installed demo its copy in
    // `userDataDir` (made on first use: every file except SQLite databases and Python
    // caches). An existing copy is reused, never overwritten.
    Result<QString> prepare(const QString& userDataDir) const;

    // The folder the copy goes to: the application's local data folder plus "demo".
    static QString defaultCopyFolder();
};

} // namespace retort
