#include "widgets/compare/compareview.h"

#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/graph/targetresolver.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

namespace {

// B's entry that stands for "a revision typed below" rather than a database.
const QString kRevisionChoice = QStringLiteral("\x01revision");
constexpr int kIdRole = Qt::UserRole + 1;

QTreeWidget* makeRevisionTree(const QString& name)
{
    auto* tree = new QTreeWidget;
    tree->setObjectName(name);
    tree->setColumnCount(2);
    tree->setHeaderLabels({CompareView::tr("Revision"), CompareView::tr("Message")});
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent)
{
    m_a = new QComboBox;
    m_a->setObjectName(QStringLiteral("compareA"));
    m_b = new QComboBox;
    m_b->setObjectName(QStringLiteral("compareB"));
    m_revision = new QLineEdit;
    m_revision->setObjectName(QStringLiteral("compareRevision"));
    m_revision->setPlaceholderText(tr("Revision, label@head, heads…"));
    m_revision->setClearButtonEnabled(true);
    m_swap = new QPushButton(tr("S&wap"));
    m_swap->setObjectName(QStringLiteral("compareSwap"));
    m_swap->setToolTip(tr("Compare the other way round: B to A"));

    auto* labelA = new QLabel(tr("&A:"));
    labelA->setBuddy(m_a);
    auto* labelB = new QLabel(tr("&B:"));
    labelB->setBuddy(m_b);
    auto* choose = new QHBoxLayout;
    choose->addWidget(labelA);
    choose->addWidget(m_a, 1);
    choose->addWidget(m_swap);
    choose->addWidget(labelB);
    choose->addWidget(m_b, 1);
    choose->addWidget(m_revision, 1);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_onlyA = makeRevisionTree(QStringLiteral("compareOnlyA"));
    m_onlyB = makeRevisionTree(QStringLiteral("compareOnlyB"));
    m_onlyATitle = new QLabel;
    m_onlyATitle->setBuddy(m_onlyA);
    m_onlyBTitle = new QLabel;
    m_onlyBTitle->setBuddy(m_onlyB);
    auto column = [](QLabel* title, QWidget* body) {
        auto* w = new QWidget;
        auto* l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(title);
        l->addWidget(body, 1);
        return w;
    };

    m_commands = new QTreeWidget;
    m_commands->setObjectName(QStringLiteral("compareCommands"));
    m_commands->setColumnCount(2);
    m_commands->setHeaderLabels({tr("Command"), tr("Runs")});
    m_commands->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_commandsTitle = new QLabel(tr("To bring A to where B stands, run in &order:"));
    m_commandsTitle->setBuddy(m_commands);

    m_copy = new QPushButton(tr("&Copy Commands"));
    m_copy->setObjectName(QStringLiteral("compareCopy"));
    m_showOnGraph = new QCheckBox(tr("Show on &graph"));
    m_showOnGraph->setObjectName(QStringLiteral("compareShowOnGraph"));
    m_showOnGraph->setChecked(true);
    m_showOnGraph->setToolTip(tr("Mark the revisions only A has (orange) and only B has (blue)"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_showOnGraph);
    buttons->addStretch(1);
    buttons->addWidget(m_copy);

    auto* sides = new QSplitter(Qt::Horizontal);
    sides->addWidget(column(m_onlyATitle, m_onlyA));
    sides->addWidget(column(m_onlyBTitle, m_onlyB));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(sides);
    split->addWidget(column(m_commandsTitle, m_commands));
    split->setChildrenCollapsible(false);
    for (QTreeWidget* tree : {m_onlyA, m_onlyB, m_commands})
        tree->setMinimumHeight(3 * tree->fontMetrics().height());

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choose);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_a, &QComboBox::currentIndexChanged, this, &CompareView::recompute);
    connect(m_b, &QComboBox::currentIndexChanged, this, [this] {
        m_revision->setVisible(m_b->currentData().toString() == kRevisionChoice);
        recompute();
    });
    connect(m_revision, &QLineEdit::editingFinished, this, &CompareView::recompute);
    connect(m_swap, &QPushButton::clicked, this, &CompareView::swap);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(commandsText()); });
    connect(m_showOnGraph, &QCheckBox::toggled, this, &CompareView::emitMarks);
    auto activate = [this](QTreeWidgetItem* item) {
        if (item && !item->data(0, kIdRole).toString().isEmpty())
            emit revisionActivated(item->data(0, kIdRole).toString());
    };
    for (QTreeWidget* tree : {m_onlyA, m_onlyB, m_commands})
        connect(tree, &QTreeWidget::itemActivated, this, activate);

    rebuildChoices();
    clearResult(tr("Add a second database in the Databases pane, or compare with a revision."));
}

CompareView::~CompareView() = default;

void CompareView::setSource(std::shared_ptr<const RevisionGraph> graph,
                            std::shared_ptr<const MigrationPlanner> planner)
{
    m_graph = std::move(graph);
    m_planner = std::move(planner);
    recompute();
}

void CompareView::setDatabases(const QList<CompareDatabase>& databases)
{
    m_databases = databases;
    rebuildChoices();
    recompute();
}

void CompareView::rebuildChoices()
{
    const QString a = databaseA();
    const QString b = m_b->currentData().toString();
    m_rebuilding = true;
    m_a->clear();
    m_b->clear();
    for (const CompareDatabase& d : std::as_const(m_databases)) {
        m_a->addItem(d.name, d.name);
        m_b->addItem(d.name, d.name);
    }
    if (!m_databases.isEmpty())
        m_b->insertSeparator(m_b->count());
    m_b->addItem(tr("A revision:"), kRevisionChoice);
    m_a->setCurrentIndex(qMax(0, m_a->findData(a)));
    int bIndex = m_b->findData(b);
    if (bIndex < 0) // B defaults to the database after A, else a revision
        bIndex = m_databases.size() > 1 ? (m_a->currentIndex() == 0 ? 1 : 0) : m_b->count() - 1;
    m_b->setCurrentIndex(bIndex);
    m_revision->setVisible(m_b->currentData().toString() == kRevisionChoice);
    m_rebuilding = false;
}

void CompareView::compare(const QString& a, const QString& b, const QString& revision)
{
    m_rebuilding = true;
    m_a->setCurrentIndex(qMax(0, m_a->findData(a)));
    if (b.isEmpty()) {
        m_b->setCurrentIndex(m_b->findData(kRevisionChoice));
        m_revision->setText(revision);
    } else {
        m_b->setCurrentIndex(qMax(0, m_b->findData(b)));
    }
    m_revision->setVisible(m_b->currentData().toString() == kRevisionChoice);
    m_rebuilding = false;
    recompute();
}

void CompareView::compareFrom(const QString& a)
{
    QString b = databaseB();
    if (b.isEmpty() || b == a)
        for (const CompareDatabase& d : std::as_const(m_databases))
            if (d.name != a) {
                b = d.name;
                break;
            }
    compare(a, b, b.isEmpty() ? revisionB() : QString());
}

void CompareView::swap()
{
    const QString b = databaseB();
    if (b.isEmpty())
        return; // a revision cannot be A: it has no database to move
    compare(b, databaseA());
}

QString CompareView::databaseA() const
{
    return m_a->currentData().toString();
}

QString CompareView::databaseB() const
{
    const QString b = m_b->currentData().toString();
    return b == kRevisionChoice ? QString() : b;
}

QString CompareView::revisionB() const
{
    return m_b->currentData().toString() == kRevisionChoice ? m_revision->text().trimmed()
                                                            : QString();
}

QString CompareView::nameOfB() const
{
    return databaseB().isEmpty() ? tr("revision %1").arg(revisionB()) : databaseB();
}

void CompareView::recompute()
{
    if (m_rebuilding)
        return;
    m_swap->setEnabled(!databaseB().isEmpty());
    if (!m_graph || !m_planner) {
        clearResult(tr("No project is open."));
        return;
    }
    if (m_databases.isEmpty()) {
        clearResult(tr("No database is configured: add one in the Databases pane."));
        return;
    }
    // Where a side stands, or why it cannot be compared.
    auto rowsOf = [this](const QString& name, QStringList* rows) -> QString {
        for (const CompareDatabase& d : std::as_const(m_databases)) {
            if (d.name != name)
                continue;
            if (d.state.isNotRead())
                return tr("“%1” has not been read yet.").arg(name);
            if (!d.state.isReadable())
                return tr("“%1” cannot be read: %2").arg(name, d.state.error());
            *rows = d.state.currentRevisions();
            return {};
        }
        return tr("“%1” is not a configured database.").arg(name);
    };
    QStringList rowsA, rowsB;
    if (const QString why = rowsOf(databaseA(), &rowsA); !why.isEmpty()) {
        clearResult(why);
        return;
    }
    if (!databaseB().isEmpty()) {
        if (databaseB() == databaseA()) {
            clearResult(tr("Choose two different databases, or a revision for B."));
            return;
        }
        if (const QString why = rowsOf(databaseB(), &rowsB); !why.isEmpty()) {
            clearResult(why);
            return;
        }
    } else {
        if (revisionB().isEmpty()) {
            clearResult(tr("Type the revision to compare A with (an id, a label@head, heads…)."));
            return;
        }
        const TargetResolver resolver(*m_graph);
        const Result<QStringList> ids = resolver.resolveRevisions(revisionB());
        if (!ids) {
            clearResult(ids.error());
            return;
        }
        rowsB = *ids;
    }
    const EnvironmentPlanner planner(m_graph, m_planner);
    Result<EnvironmentComparison> comparison = planner.compare(rowsA, rowsB);
    if (!comparison) {
        clearResult(comparison.error());
        return;
    }
    m_comparison = std::move(comparison).value();
    m_problem.clear();
    showComparison();
}

void CompareView::fillRevisions(QTreeWidget* tree, const QStringList& ids) const
{
    tree->clear();
    QList<QTreeWidgetItem*> items;
    for (const QString& id : ids) {
        const Revision* rev = m_graph ? m_graph->revision(id) : nullptr;
        auto* item = new QTreeWidgetItem({id, rev ? rev->message : QString()});
        item->setData(0, kIdRole, id);
        item->setToolTip(1, item->text(1));
        items << item;
    }
    tree->addTopLevelItems(items);
}

void CompareView::showComparison()
{
    const EnvironmentComparison& c = *m_comparison;
    const QString a = databaseA();
    const QString b = nameOfB();
    m_onlyATitle->setText(tr("Only in A, %1 (%2):").arg(a).arg(c.onlyA.size()));
    m_onlyBTitle->setText(tr("Only in B, %1 (%2):").arg(b).arg(c.onlyB.size()));
    fillRevisions(m_onlyA, c.onlyA);
    fillRevisions(m_onlyB, c.onlyB);
    m_commands->clear();
    for (const EnvironmentCommand& command : c.commands) {
        const QStringList runs = command.plan.revisions();
        auto* top = new QTreeWidgetItem(
            {QStringLiteral("alembic %1 %2")
                 .arg(command.isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade"),
                      command.target),
             // English needs no translator: singular and plural are separate source texts.
             runs.size() == 1
                 ? (command.isUpgrade() ? tr("upgrades 1 revision") : tr("downgrades 1 revision"))
                 : (command.isUpgrade() ? tr("upgrades %1 revisions")
                                        : tr("downgrades %1 revisions"))
                       .arg(runs.size())});
        for (const QString& id : runs) {
            const Revision* rev = m_graph->revision(id);
            auto* child = new QTreeWidgetItem(top, {id, rev ? rev->message : QString()});
            child->setData(0, kIdRole, id);
        }
        m_commands->addTopLevelItem(top);
        top->setExpanded(true);
    }
    m_commandsTitle->setVisible(!c.commands.isEmpty());
    m_commands->setVisible(!c.commands.isEmpty());
    m_copy->setEnabled(!c.commands.isEmpty());
    m_summary->setText(summaryText());
    emitMarks();
}

QString CompareView::summaryText() const
{
    if (!m_comparison)
        return m_problem;
    const EnvironmentComparison& c = *m_comparison;
    const QString a = databaseA();
    const QString b = nameOfB();
    if (c.isInSync())
        return tr("In sync: %1 and %2 have the same revisions applied.").arg(a, b);
    // English needs no translator: singular and plural are separate source texts.
    auto has = [](const QString& x, const QString& y, qsizetype n) {
        if (n == 0)
            return tr("%1 has nothing that %2 lacks").arg(x, y);
        return n == 1 ? tr("%1 has one revision that %2 lacks").arg(x, y)
                      : tr("%1 has %2 revisions that %3 lacks").arg(x).arg(n).arg(y);
    };
    const QString commands =
        c.commands.size() == 1
            ? tr("One alembic command brings %1 to where %2 stands.").arg(a, b)
            : tr("%1 alembic commands bring %2 to where %3 stands.")
                  .arg(c.commands.size())
                  .arg(a, b);
    return tr("%1; %2. %3").arg(has(a, b, c.onlyA.size()), has(b, a, c.onlyB.size()), commands);
}

QString CompareView::commandsText() const
{
    if (!m_comparison)
        return {};
    QStringList lines;
    for (const EnvironmentCommand& command : m_comparison->commands)
        lines << QStringLiteral("alembic %1 %2")
                     .arg(command.isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade"),
                          command.target);
    return lines.join(u'\n') + (lines.isEmpty() ? QString() : QStringLiteral("\n"));
}

void CompareView::clearResult(const QString& problem)
{
    m_comparison.reset();
    m_problem = problem;
    m_onlyA->clear();
    m_onlyB->clear();
    m_commands->clear();
    m_onlyATitle->setText(tr("Only in A:"));
    m_onlyBTitle->setText(tr("Only in B:"));
    m_copy->setEnabled(false);
    m_summary->setText(problem);
    emitMarks();
}

void CompareView::emitMarks()
{
    if (m_comparison && m_showOnGraph->isChecked())
        emit marksChanged(m_comparison->onlyA, m_comparison->onlyB, databaseA(), nameOfB());
    else
        emit marksChanged({}, {}, {}, {});
}

} // namespace retort
