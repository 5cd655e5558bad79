// MigrationRisks::lint: what a revision's downgrade() fails to undo and what either function
// destroys, read from the ops without running anything.
#include "model/migration/schemahistory.h"

#include "model/graph/revisiongraph.h"
#include "model/migration/opsupport.h"
#include "model/migration/typenarrowing.h"

#include <QMap>
#include <QSet>

namespace retort {

namespace {

using Kind = MigrationOp::Kind;
using opsupport::columnOf;
using opsupport::qualified;
using opsupport::tableOf;

bool readsFully(const MigrationFunction& f)
{
    for (const MigrationOp& op : f.ops) {
        if (op.kind == Kind::Execute || op.kind == Kind::NotRead)
            return false;
    }
    return true;
}

// What upgrade() then downgrade() leave changed, followed symbolically: the tables and
// columns upgrade() made that are still there, the renames not reversed, the tables and
// columns it dropped that downgrade() did not bring back. Each with the upgrade line.
class NetEffect
{
public:
    QMap<QString, int> createdTables;          // current name -> line
    QMap<QString, int> droppedTables;          // pre-existing tables dropped
    QMap<QPair<QString, QString>, int> addedColumns;
    QMap<QPair<QString, QString>, int> droppedColumns;
    QMap<QString, QPair<QString, int>> tableRenames;  // current -> (original, line)
    QMap<QPair<QString, QString>, QPair<QString, int>> columnRenames;

    void apply(const MigrationOp& op, bool upgrade)
    {
        const QString table = tableOf(op);
        if (table.isEmpty())
            return;
        const int line = upgrade ? op.line : 0;
        switch (op.kind) {
        case Kind::CreateTable:
            if (droppedTables.remove(table) == 0 && upgrade)
                createdTables.insert(table, line);
            return;
        case Kind::DropTable:
            if (createdTables.remove(table) == 0 && upgrade)
                droppedTables.insert(table, line);
            dropColumnsOf(table);
            return;
        case Kind::RenameTable:
            renameTable(table, qualified(op, op.newName), line, upgrade);
            return;
        case Kind::AddColumn: {
            const QPair<QString, QString> key{table, columnOf(op)};
            if (droppedColumns.remove(key) == 0 && upgrade && !createdTables.contains(table))
                addedColumns.insert(key, line);
            return;
        }
        case Kind::DropColumn: {
            const QPair<QString, QString> key{table, columnOf(op)};
            if (addedColumns.remove(key) == 0 && upgrade && !createdTables.contains(table))
                droppedColumns.insert(key, line);
            return;
        }
        case Kind::AlterColumn:
            if (!op.newName.isEmpty())
                renameColumn(table, columnOf(op), op.newName, line, upgrade);
            return;
        default:
            return;
        }
    }

private:
    void dropColumnsOf(const QString& table)
    {
        for (auto it = addedColumns.begin(); it != addedColumns.end();)
            it = it.key().first == table ? addedColumns.erase(it) : std::next(it);
    }

    // In downgrade(), renames only cancel what upgrade() renamed: a rename of its own that
    // upgrade() did not make is nothing downgrade() fails to undo.
    void renameTable(const QString& from, const QString& to, int line, bool upgrade)
    {
        if (to.isEmpty())
            return;
        if (createdTables.contains(from)) {
            createdTables.insert(to, createdTables.take(from));
        } else if (upgrade || tableRenames.contains(from)) {
            const QPair<QString, int> original = tableRenames.contains(from)
                                                     ? tableRenames.take(from)
                                                     : QPair<QString, int>{from, line};
            if (original.first != to)
                tableRenames.insert(to, original);
        }
        for (auto* columns : {&addedColumns, &droppedColumns}) {
            QMap<QPair<QString, QString>, int> moved;
            for (auto it = columns->begin(); it != columns->end();) {
                if (it.key().first == from) {
                    moved.insert({to, it.key().second}, it.value());
                    it = columns->erase(it);
                } else {
                    ++it;
                }
            }
            columns->insert(moved);
        }
    }

    void renameColumn(const QString& table, const QString& from, const QString& to, int line,
                      bool upgrade)
    {
        const QPair<QString, QString> key{table, from};
        if (addedColumns.contains(key)) {
            addedColumns.insert({table, to}, addedColumns.take(key));
            return;
        }
        if (createdTables.contains(table) || (!upgrade && !columnRenames.contains(key)))
            return;
        const QPair<QString, int> original =
            columnRenames.contains(key) ? columnRenames.take(key) : QPair<QString, int>{from, line};
        if (original.first != to)
            columnRenames.insert({table, to}, original);
    }
};

class Linter
{
public:
    Linter(Diagnostics& out, const Revision& rev) : m_out(out), m_rev(rev) {}

    void warn(int line, const QString& message)
    {
        m_out.append(Diagnostic::warning(m_rev.path, line, message, m_rev.id));
    }
    void info(int line, const QString& message)
    {
        Diagnostic d = Diagnostic::warning(m_rev.path, line, message, m_rev.id);
        d.severity = Diagnostic::Severity::Info;
        m_out.append(d);
    }

    void destroying(const MigrationFunction& f, bool upgrade, const NetEffect& undone)
    {
        const QString fn = upgrade ? QStringLiteral("upgrade()") : QStringLiteral("downgrade()");
        for (const MigrationOp& op : f.ops) {
            const QString table = tableOf(op);
            // a downgrade that drops what its upgrade made is the undo itself (the plan
            // dialog warns before a run); only drops of what was there before are findings
            if (op.kind == Kind::DropTable && (upgrade || !undone.createdTables.contains(table)))
                warn(op.line, MigrationRisks::tr("%1 drops table `%2`: its data is lost")
                                  .arg(fn, table));
            if (op.kind == Kind::DropColumn
                && (upgrade || (!undone.addedColumns.contains({table, columnOf(op)})
                                && !undone.createdTables.contains(table))))
                warn(op.line, MigrationRisks::tr("%1 drops column `%2.%3`: its data is lost")
                                  .arg(fn, table, columnOf(op)));
            if (op.kind == Kind::AlterColumn && op.newType) {
                const TypeNarrowing::Verdict v = TypeNarrowing::judge(op.existingType, *op.newType);
                const QString to = MigrationOpText::sqlType(*op.newType);
                if (v == TypeNarrowing::Verdict::Narrows)
                    warn(op.line, MigrationRisks::tr("%1 narrows column `%2.%3` from %4 to %5: "
                                                     "values that do not fit are lost")
                                      .arg(fn, table, columnOf(op),
                                           MigrationOpText::sqlType(op.existingType), to));
                else if (v == TypeNarrowing::Verdict::MayNarrow)
                    warn(op.line, MigrationRisks::tr("%1 changes the type of column `%2.%3` to "
                                                     "%4 and may narrow it: data can be lost")
                                      .arg(fn, table, columnOf(op), to));
            }
        }
    }

    void notUndone(const NetEffect& net)
    {
        for (auto it = net.createdTables.cbegin(); it != net.createdTables.cend(); ++it)
            warn(it.value(), MigrationRisks::tr("downgrade() does not drop table `%1`, which "
                                                "upgrade() creates")
                                 .arg(it.key()));
        for (auto it = net.addedColumns.cbegin(); it != net.addedColumns.cend(); ++it)
            warn(it.value(), MigrationRisks::tr("downgrade() does not drop column `%1.%2`, "
                                                "which upgrade() adds")
                                 .arg(it.key().first, it.key().second));
        for (auto it = net.tableRenames.cbegin(); it != net.tableRenames.cend(); ++it)
            warn(it.value().second, MigrationRisks::tr("downgrade() does not rename table `%1` "
                                                       "back to `%2`")
                                        .arg(it.key(), it.value().first));
        for (auto it = net.columnRenames.cbegin(); it != net.columnRenames.cend(); ++it)
            warn(it.value().second, MigrationRisks::tr("downgrade() does not rename column "
                                                       "`%1.%2` back to `%3`")
                                        .arg(it.key().first, it.key().second, it.value().first));
        for (auto it = net.droppedTables.cbegin(); it != net.droppedTables.cend(); ++it)
            warn(it.value(), MigrationRisks::tr("downgrade() does not re-create table `%1`, "
                                                "which upgrade() drops")
                                 .arg(it.key()));
        for (auto it = net.droppedColumns.cbegin(); it != net.droppedColumns.cend(); ++it)
            warn(it.value(), MigrationRisks::tr("downgrade() does not re-create column "
                                                "`%1.%2`, which upgrade() drops")
                                 .arg(it.key().first, it.key().second));
    }

private:
    Diagnostics& m_out;
    const Revision& m_rev;
};

} // namespace

Diagnostics MigrationRisks::lint(const RevisionGraph& graph, const MigrationOpsIndex& index)
{
    Diagnostics out;
    for (const Revision& rev : graph.revisions()) {
        const MigrationOps* ops = index.ops(rev.id);
        if (!ops || !ops->error.isEmpty() || !ops->upgrade.present)
            continue; // an unreadable file is the header parser's finding already
        Linter lint(out, rev);
        const MigrationFunction& up = ops->upgrade;
        const MigrationFunction& down = ops->downgrade;
        const bool upgradeDoesSomething = !up.ops.isEmpty() || up.raisesLine > 0;

        // What upgrade() made, then what downgrade() undid of it.
        NetEffect net;
        for (const MigrationOp& op : up.ops)
            net.apply(op, true);
        const NetEffect afterUpgrade = net;
        lint.destroying(up, true, afterUpgrade);

        if (!down.present) {
            if (upgradeDoesSomething)
                lint.warn(0, tr("the script has no downgrade(): this revision cannot be "
                                "downgraded"));
            continue;
        }
        if (down.empty) {
            if (upgradeDoesSomething)
                lint.warn(down.line, tr("downgrade() is empty: downgrading this revision undoes "
                                        "nothing its upgrade() did"));
            continue;
        }
        if (down.raisesLine > 0) {
            lint.warn(down.raisesLine,
                      tr("downgrade() raises %1: this revision cannot be downgraded")
                          .arg(down.raises.isEmpty() ? tr("an exception") : down.raises));
            lint.destroying(down, false, afterUpgrade);
            continue;
        }
        lint.destroying(down, false, afterUpgrade);
        if (!readsFully(down)) {
            if (upgradeDoesSomething)
                lint.info(down.line, tr("downgrade() runs raw SQL or code Retort does not read: "
                                        "whether it undoes upgrade() could not be checked"));
            continue;
        }
        for (const MigrationOp& op : down.ops)
            net.apply(op, false);
        lint.notUndone(net);
    }
    sortDiagnostics(out);
    return out;
}

} // namespace retort
