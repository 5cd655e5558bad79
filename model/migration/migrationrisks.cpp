#include "model/migration/schemahistory.h"

#include "model/graph/revisiongraph.h"
#include "model/migration/opsupport.h"
#include "model/migration/typenarrowing.h"

namespace retort {

namespace {

using Kind = MigrationOp::Kind;
using opsupport::columnOf;
using opsupport::qualified;
using opsupport::tableOf;

QString sqlTypeOf(const QString& written)
{
    return written.isEmpty() ? QString() : MigrationOpText::sqlType(written);
}

// What one step's function destroys or cannot undo.
class StepRisks
{
public:
    StepRisks(QList<StepRisk>& out, qsizetype step, const QString& revision)
        : m_out(out), m_step(step), m_revision(revision)
    {
    }

    void add(StepRisk::Kind kind, int line, const QString& message)
    {
        m_out.append({kind, m_step, m_revision, line, message});
    }
    QString number() const { return QString::number(m_step + 1); }

    void ops(const MigrationFunction& function)
    {
        bool sqlSaid = false;
        bool unreadSaid = false;
        for (const MigrationOp& op : function.ops) {
            const QString table = tableOf(op);
            switch (op.kind) {
            case Kind::DropTable:
                add(StepRisk::Kind::DataLoss, op.line,
                    MigrationRisks::tr("Step %1 drops table `%2`: its data is lost")
                        .arg(number(), table));
                break;
            case Kind::DropColumn:
                add(StepRisk::Kind::DataLoss, op.line,
                    MigrationRisks::tr("Step %1 drops column `%2.%3`: its data is lost")
                        .arg(number(), table, columnOf(op)));
                break;
            case Kind::AlterColumn:
                narrowing(op, table);
                break;
            case Kind::Execute:
                if (!sqlSaid)
                    add(StepRisk::Kind::Unknown, op.line,
                        MigrationRisks::tr("Step %1 runs raw SQL Retort cannot check (line %2)")
                            .arg(number())
                            .arg(op.line));
                sqlSaid = true;
                break;
            case Kind::NotRead:
                if (!unreadSaid)
                    add(StepRisk::Kind::Unknown, op.line,
                        MigrationRisks::tr("Step %1 runs code Retort did not read (line %2): %3")
                            .arg(number())
                            .arg(op.line)
                            .arg(op.why));
                unreadSaid = true;
                break;
            default:
                break;
            }
        }
    }

private:
    QList<StepRisk>& m_out;
    qsizetype m_step;
    QString m_revision;

    void narrowing(const MigrationOp& op, const QString& table)
    {
        if (!op.newType)
            return;
        const QString column = columnOf(op);
        switch (TypeNarrowing::judge(op.existingType, *op.newType)) {
        case TypeNarrowing::Verdict::Widens:
            return;
        case TypeNarrowing::Verdict::Narrows:
            add(StepRisk::Kind::DataLoss, op.line,
                MigrationRisks::tr("Step %1 narrows column `%2.%3` from %4 to %5: values that "
                                   "do not fit are lost")
                    .arg(number(), table, column, sqlTypeOf(op.existingType),
                         sqlTypeOf(*op.newType)));
            return;
        case TypeNarrowing::Verdict::MayNarrow:
            add(StepRisk::Kind::DataLoss, op.line,
                op.existingType.isEmpty()
                    ? MigrationRisks::tr("Step %1 changes the type of column `%2.%3` to %4 "
                                         "without naming the old type: it may narrow it and "
                                         "lose data")
                          .arg(number(), table, column, sqlTypeOf(*op.newType))
                    : MigrationRisks::tr("Step %1 changes column `%2.%3` from %4 to %5: it may "
                                         "narrow it and lose data")
                          .arg(number(), table, column, sqlTypeOf(op.existingType),
                               sqlTypeOf(*op.newType)));
            return;
        }
    }
};

} // namespace

QList<StepRisk> MigrationRisks::forPlan(const MigrationPlan& plan, const MigrationOpsIndex& index)
{
    QList<StepRisk> risks;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const MigrationStep& step = plan.steps.at(i);
        StepRisks s(risks, i, step.revision);
        const MigrationOps* ops = index.ops(step.revision);
        if (!ops || !ops->error.isEmpty()) {
            s.add(StepRisk::Kind::Unknown, 0,
                  tr("Step %1: Retort could not read the script of %2").arg(s.number(), step.revision));
            continue;
        }
        const bool down = step.direction == MigrationStep::Direction::Downgrade;
        const MigrationFunction& function = down ? ops->downgrade : ops->upgrade;
        if (down) {
            if (!function.present) {
                s.add(StepRisk::Kind::Irreversible, 0,
                      tr("Step %1 cannot be downgraded: its script has no downgrade()")
                          .arg(s.number()));
                continue;
            }
            // a merge or an empty revision: its upgrade did nothing, so nothing is to undo
            const bool nothingToUndo = ops->upgrade.ops.isEmpty() && ops->upgrade.raisesLine == 0;
            if (function.empty && !nothingToUndo) {
                s.add(StepRisk::Kind::Irreversible, function.line,
                      tr("Step %1 cannot be downgraded: its downgrade() is empty").arg(s.number()));
                continue;
            }
        }
        if (function.empty)
            continue;
        s.ops(function);
        if (function.raisesLine > 0) {
            const QString raised = function.raises.isEmpty() ? tr("an exception") : function.raises;
            if (down)
                s.add(StepRisk::Kind::Irreversible, function.raisesLine,
                      tr("Step %1 cannot be downgraded: its downgrade() raises %2")
                          .arg(s.number(), raised));
            else
                s.add(StepRisk::Kind::Unknown, function.raisesLine,
                      tr("Step %1 stops the run: its upgrade() raises %2").arg(s.number(), raised));
        }
    }
    return risks;
}

bool MigrationRisks::passesIrreversible(const QList<StepRisk>& risks)
{
    for (const StepRisk& r : risks) {
        if (r.kind == StepRisk::Kind::Irreversible)
            return true;
    }
    return false;
}

} // namespace retort
