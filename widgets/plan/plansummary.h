#pragma once

#include "model/migration/schemahistory.h"
#include "model/run/runkind.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// What a confirmation shows about one migration command: a plain value the application fills
// from a MigrationPlan and the database it targets.
struct PlanSummary
{
    using Kind = RunKind;
    struct Step
    {
        QString revision;
        QString message;
    };

    Kind kind = Kind::Upgrade;
    QString action;     // what the person chose, e.g. "Step up"
    QString profile;    // the database's profile name
    bool protectedProfile = false;
    QString command;    // as alembic is run, e.g. "alembic upgrade +1"
    QString alembic;    // which alembic the plan is for, e.g. "alembic 1.13.2"
    QList<Step> steps;  // execution order (empty for a stamp)
    QStringList rowsBefore;
    QStringList rowsAfter;
    bool purge = false; // a stamp that empties the version table first (ghost rows)
    // "file:line: message" for each problem at which alembic stops loading the project: every
    // alembic command would fail, so the dialog says so first and refuses to run.
    QStringList loadErrors;
    // Values Retort could not read though alembic loads the files: the plan leaves them out.
    QStringList unreadValues;
    // Revisions whose depends_on alembic keeps in a set: the steps' order may vary by run.
    QStringList orderVariesWith;
    // The SQLite file the database would be, which does not exist: alembic creates it, empty
    // (a moved or deleted file would be replaced by a new one without a word).
    QString createsFile;
    bool canPreviewSql = true;
    QString sqlUnavailableReason;
    // What the steps destroy or cannot undo (MigrationRisks::forPlan over the steps above),
    // meaningful only when risksChecked: the scripts' operations had been read. A downgrade
    // through an irreversible step (MigrationRisks::passesIrreversible) is confirmed twice.
    QList<StepRisk> risks;
    bool risksChecked = false;
};

} // namespace retort
