// RunController's confirmation words: the rules' facts as the plan dialog shows them.
#include "app/runcontroller.h"

#include "app/databasesession.h"
#include "model/config/connectionprofile.h"
#include "model/graph/revisiongraph.h"
#include "model/migration/schemahistory.h"
#include "widgets/plan/plansummary.h"

#include <QDir>

namespace retort {

void RunController::setOpsIndex(std::shared_ptr<const MigrationOpsIndex> index)
{
    m_opsIndex = std::move(index);
}

PlanSummary RunController::summarize(const RunFacts& facts, const QString& action,
                                     const QString& profile) const
{
    PlanSummary s;
    s.kind = facts.kind;
    s.action = action;
    s.profile = profile;
    const ConnectionProfile* p = m_databases->profile(profile);
    s.protectedProfile = p && p->isProtected();
    s.command = RunRules::commandLine(facts.arguments);
    s.alembic = m_alembic;
    for (const MigrationStep& step : facts.plan.steps)
        s.steps.append({step.revision, revisionMessage(step.revision)});
    s.rowsBefore = facts.rowsBefore;
    s.rowsAfter = facts.rowsAfter;
    s.purge = facts.purge;
    s.loadErrors = facts.loadErrors;
    if (const DatabaseState state = m_databases->state(profile); state.isFileMissing())
        s.createsFile = QDir::toNativeSeparators(state.missingFile());
    s.unreadValues = facts.unreadValues;
    s.orderVariesWith = facts.plan.orderVariesWith;
    // what the steps destroy or cannot undo; without the scripts' operations: "not checked"
    if (m_opsIndex && facts.kind != RunKind::Stamp) {
        s.risks = MigrationRisks::forPlan(facts.plan, *m_opsIndex);
        s.risksChecked = true;
    }
    switch (facts.sqlLimit) {
    case RunFacts::SqlLimit::None:
        break;
    case RunFacts::SqlLimit::SeveralStarts:
        s.canPreviewSql = false;
        s.sqlUnavailableReason =
            tr("Alembic's offline mode (--sql) starts from one revision; this database is at "
               "several (%1).")
                .arg(facts.plan.startHeads.join(QStringLiteral(", ")));
        break;
    case RunFacts::SqlLimit::SeveralEnds:
        s.canPreviewSql = false;
        s.sqlUnavailableReason =
            tr("Alembic's offline mode (--sql) downgrades to one revision; this plan ends at "
               "several.");
        break;
    }
    return s;
}

} // namespace retort
