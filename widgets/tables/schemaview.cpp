#include "widgets/tables/schemaview.h"

#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr int kRevisionRole = Qt::UserRole + 1;
constexpr int kLineRole = Qt::UserRole + 2;
constexpr qsizetype kShortIdLength = 12;

// The plan from base to `targets`: one target as alembic takes it, or a database's version
// rows (ids separated by spaces: it stands on several branches, which no alembic target
// names) along the upgrade to heads.
Result<MigrationPlan> planFromBase(const RevisionGraph& graph, const MigrationPlanner& planner,
                                   const QString& targets)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList rows = targets.split(space, Qt::SkipEmptyParts);
    if (rows.size() <= 1)
        return planner.upgrade({}, targets.trimmed());
    for (const QString& row : rows) {
        if (!graph.contains(row))
            return Result<MigrationPlan>::failure(
                SchemaView::tr("%1 is not a revision of this project").arg(row));
    }
    Result<MigrationPlan> heads = planner.upgrade({}, QStringLiteral("heads"));
    if (!heads)
        return heads;
    return SchemaHistory::upgradeToRows(graph, *heads, rows);
}

QTreeWidget* makeTree(const char* objectName, const QString& accessibleName,
                      const QStringList& headers)
{
    auto* tree = new QTreeWidget;
    tree->setObjectName(QLatin1String(objectName));
    tree->setAccessibleName(accessibleName);
    tree->setColumnCount(int(headers.size()));
    tree->setHeaderLabels(headers);
    tree->setUniformRowHeights(true);
    tree->setAllColumnsShowFocus(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QWidget* section(QLabel* caption, QTreeWidget* tree)
{
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    caption->setBuddy(tree);
    layout->addWidget(caption);
    layout->addWidget(tree, 1);
    return widget;
}

QString quoted(const QString& table, const QString& column = {})
{
    return column.isEmpty() ? QStringLiteral("`%1`").arg(table)
                            : QStringLiteral("`%1.%2`").arg(table, column);
}

} // namespace

struct SchemaView::Outcome
{
    Schema schema;
    QString error;
    bool compared = false;
    Schema other;
    QString otherError;
    QList<SchemaChange> changes;
};

SchemaView::SchemaView(QWidget* parent) : QWidget(parent)
{
    auto makeBox = [this](const char* name) {
        auto* box = new QComboBox;
        box->setObjectName(QLatin1String(name));
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMaxVisibleItems(20);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
        auto* completer = new QCompleter(box->model(), box);
        completer->setFilterMode(Qt::MatchContains);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setCompletionMode(QCompleter::PopupCompletion);
        box->setCompleter(completer);
        connect(box, &QComboBox::activated, this, [this] {
            if (!m_filling)
                compute();
        });
        connect(box->lineEdit(), &QLineEdit::returnPressed, this, &SchemaView::compute);
        return box;
    };
    m_at = makeBox("schemaTarget");
    m_at->lineEdit()->setPlaceholderText(tr("a revision, a label, heads…"));
    m_at->setToolTip(tr("The revision to show the schema at: an id or its start, a branch label, "
                        "heads, a database's current revisions, or any target alembic takes"));
    m_compare = makeBox("schemaCompareTarget");
    m_compare->lineEdit()->setPlaceholderText(tr("none"));
    m_compare->setToolTip(tr("A second revision: lists what changes from the first to it"));

    auto* form = new QFormLayout;
    form->setContentsMargins(4, 4, 4, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* atLabel = new QLabel(tr("Schema &at:"));
    atLabel->setBuddy(m_at);
    auto* compareLabel = new QLabel(tr("Com&pare with:"));
    compareLabel->setBuddy(m_compare);
    form->addRow(atLabel, m_at);
    form->addRow(compareLabel, m_compare);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("schemaStatus"));
    m_status->setWordWrap(true);
    m_status->setContentsMargins(4, 0, 4, 0);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_schemaTree = makeTree("schemaTree", tr("Schema"),
                            {tr("Table / column"), tr("Type"), tr("Nullable"), tr("Key"),
                             tr("Added in")});
    m_changesTree = makeTree("schemaChanges", tr("Changes"), {tr("Change"), tr("Before"), tr("After")});
    m_changesTree->setRootIsDecorated(false);
    // Names are what people read: every column takes what it needs (a narrow dock scrolls
    // sideways rather than cut a column's name), "Added in" the room that is left.
    m_schemaTree->header()->setStretchLastSection(true);
    for (int column = NameColumn; column < SchemaColumnCount - 1; ++column)
        m_schemaTree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_changesTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_unknownTree = makeTree("schemaUnknown", tr("Could not know"),
                             {tr("Revision"), tr("Line"), tr("Why")});
    m_unknownTree->setRootIsDecorated(false);
    m_unknownTree->setToolTip(tr("Enter or double-click opens the script at the line"));
    connect(m_unknownTree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { openUnknown(item); });
    connect(m_schemaTree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(NameColumn, kRevisionRole).toString();
        if (!id.isEmpty())
            emit revisionActivated(id);
    });

    m_changesCaption = new QLabel;
    m_changesSection = section(m_changesCaption, m_changesTree);
    m_changesSection->hide();
    m_unknownCaption = new QLabel;

    // The status line ("15 tables at 6dbbef65ed78") is the schema's caption.
    auto* unknownSection = section(m_unknownCaption, m_unknownTree);
    for (QTreeWidget* tree : {m_schemaTree, m_changesTree, m_unknownTree})
        tree->setMinimumHeight(tree->fontMetrics().height() * 4);

    // The schema gets most of the room, the comparison some, the unknown places the rest
    // (a layout's stretch, not a splitter's size hints: a small dock stays readable).
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_schemaTree, 4);
    layout->addWidget(m_changesSection, 2);
    layout->addWidget(unknownSection, 1);
    setFocusProxy(m_at);

    m_filling = true;
    m_at->setEditText(QStringLiteral("heads"));
    m_filling = false;
    m_status->setText(tr("No project open"));
    showUnknown({});
}

SchemaView::~SchemaView() = default;

void SchemaView::setSource(std::shared_ptr<const RevisionGraph> graph,
                           std::shared_ptr<const MigrationPlanner> planner,
                           std::shared_ptr<const MigrationOpsIndex> index, bool reading)
{
    const bool newGraph = graph != m_graph;
    m_graph = std::move(graph);
    m_planner = std::move(planner);
    m_index = std::move(index);
    m_reading = reading;
    if (newGraph)
        fillChoices();
    compute();
}

void SchemaView::setDatabaseTargets(const QList<SchemaTarget>& targets)
{
    bool same = targets.size() == m_databaseTargets.size();
    for (qsizetype i = 0; same && i < targets.size(); ++i)
        same = targets.at(i).text == m_databaseTargets.at(i).text &&
               targets.at(i).target == m_databaseTargets.at(i).target;
    if (same)
        return;
    m_databaseTargets = targets;
    fillChoices();
}

void SchemaView::fillChoices()
{
    m_filling = true;
    for (QComboBox* box : {m_at, m_compare}) {
        const QString text = box->currentText();
        box->clear();
        box->addItem(QStringLiteral("heads"), QStringLiteral("heads"));
        for (const SchemaTarget& target : std::as_const(m_databaseTargets))
            box->addItem(target.text, target.target);
        if (m_graph) {
            for (const QString& label : m_graph->allBranchLabels())
                box->addItem(label + QStringLiteral("@head"), label + QStringLiteral("@head"));
            for (const QString& id : m_graph->topologicalOrderNewestFirst()) {
                const Revision* revision = m_graph->revision(id);
                const QString message = revision ? revision->message : QString();
                box->addItem(message.isEmpty()
                                 ? id
                                 : tr("%1 · %2", "revision id · message").arg(shortId(id), message),
                             id);
            }
        }
        box->setCurrentIndex(-1);
        box->setEditText(text);
    }
    m_filling = false;
}

QStringList SchemaView::targetChoices() const
{
    QStringList choices;
    for (int i = 0; i < m_at->count(); ++i)
        choices << m_at->itemText(i);
    return choices;
}

QString SchemaView::resolveChoice(const QComboBox* box) const
{
    QString text = box->currentText().trimmed();
    const int found = box->findText(text);
    if (found >= 0)
        return box->itemData(found).toString();
    return text;
}

void SchemaView::setTarget(const QString& target)
{
    m_at->setEditText(target);
    compute();
}

QString SchemaView::target() const
{
    return resolveChoice(m_at);
}

void SchemaView::setCompareTarget(const QString& target)
{
    m_compare->setEditText(target);
    compute();
}

QString SchemaView::compareTarget() const
{
    return resolveChoice(m_compare);
}

void SchemaView::focusTarget()
{
    m_at->setFocus(Qt::ShortcutFocusReason);
    m_at->lineEdit()->selectAll();
}

QString SchemaView::statusText() const
{
    return m_status->text();
}

QString SchemaView::shortId(const QString& id) const
{
    return id.size() > kShortIdLength ? id.left(kShortIdLength) : id;
}

void SchemaView::compute()
{
    if (m_filling)
        return;
    const QString at = target();
    const QString compare = compareTarget();
    if (!m_graph || !m_planner || !m_index) {
        m_job.cancel();
        m_computing = false;
        m_status->setText(m_reading || m_planner ? tr("Reading operations…")
                                                 : tr("No project open"));
        return;
    }
    if (at.isEmpty()) {
        m_job.cancel();
        m_computing = false;
        m_status->setText(tr("Type a revision to see the schema at it."));
        return;
    }
    m_computing = true;
    m_status->setText(tr("Replaying the migrations…"));
    m_job.start(
        this,
        [graph = m_graph, planner = m_planner, index = m_index, at, compare](const JobToken&) {
            return replay(*graph, *planner, *index, at, compare);
        },
        [this](const Outcome& outcome) { show(outcome); });
}

SchemaView::Outcome SchemaView::replay(const RevisionGraph& graph, const MigrationPlanner& planner,
                                       const MigrationOpsIndex& index, const QString& at,
                                       const QString& compare)
{
    Outcome outcome;
    const Result<MigrationPlan> plan = planFromBase(graph, planner, at);
    if (plan)
        outcome.schema = SchemaHistory::schemaAt(index, *plan);
    else
        outcome.error = plan.error();
    if (!compare.isEmpty()) {
        outcome.compared = true;
        const Result<MigrationPlan> other = planFromBase(graph, planner, compare);
        if (other)
            outcome.other = SchemaHistory::schemaAt(index, *other);
        else
            outcome.otherError = other.error();
        if (plan && other)
            outcome.changes = SchemaHistory::compare(outcome.schema, outcome.other);
    }
    return outcome;
}

void SchemaView::show(const Outcome& outcome)
{
    m_computing = false;
    m_schema = outcome.schema;
    m_changes = outcome.changes;
    const QString at = target();

    m_schemaTree->clear();
    QList<QTreeWidgetItem*> items;
    for (const SchemaTable& table : std::as_const(m_schema.tables)) {
        auto* item = new QTreeWidgetItem;
        item->setText(NameColumn, table.schema.isEmpty()
                                      ? table.name
                                      : QStringLiteral("%1.%2").arg(table.schema, table.name));
        QFont bold = item->font(NameColumn);
        bold.setBold(true);
        item->setFont(NameColumn, bold);
        item->setText(AddedInColumn, shortId(table.createdIn));
        item->setData(NameColumn, kRevisionRole, table.createdIn);
        for (const SchemaColumn& column : table.columns) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(NameColumn, column.name);
            child->setText(TypeColumn, MigrationOpText::sqlType(column.type));
            child->setToolTip(TypeColumn, column.type);
            child->setText(NullableColumn, column.nullable ? tr("yes") : tr("no"));
            child->setText(KeyColumn, column.primaryKey ? tr("primary") : QString());
            child->setText(AddedInColumn, shortId(column.definedIn));
            child->setToolTip(AddedInColumn, column.definedIn);
            child->setData(NameColumn, kRevisionRole, column.definedIn);
        }
        items << item;
    }
    m_schemaTree->addTopLevelItems(items);
    m_schemaTree->expandAll();

    QList<SchemaUnknown> unknown = m_schema.unknown;
    if (outcome.compared) {
        for (const SchemaUnknown& entry : outcome.other.unknown) {
            if (!unknown.contains(entry))
                unknown << entry;
        }
    }
    showUnknown(unknown);

    m_changesTree->clear();
    m_changesSection->setVisible(outcome.compared);
    if (outcome.compared) {
        for (const SchemaChange& change : std::as_const(m_changes)) {
            auto* item = new QTreeWidgetItem(m_changesTree);
            item->setText(0, changeText(change));
            item->setText(1, change.before);
            item->setText(2, change.after);
        }
        const int count = int(m_changes.size());
        m_changesCaption->setText(
            tr("C&hanges from %1 to %2 (%n):", nullptr, count).arg(at, compareTarget()));
    }

    QStringList status;
    if (!outcome.error.isEmpty()) {
        status << tr("No schema at %1: %2").arg(at, outcome.error);
    } else {
        const int tables = int(m_schema.tables.size());
        const QString atText = m_schema.at.isEmpty()
                                   ? tr("base")
                                   : QStringList(m_schema.at).replaceInStrings(
                                         QRegularExpression(QStringLiteral("^(.{12}).+$")),
                                         QStringLiteral("\\1")).join(QLatin1String(", "));
        status << (tables == 1 ? tr("%n table at %1", nullptr, tables).arg(atText)
                               : tr("%n tables at %1", nullptr, tables).arg(atText));
    }
    if (!outcome.otherError.isEmpty())
        status << tr("Cannot compare with %1: %2").arg(compareTarget(), outcome.otherError);
    else if (outcome.compared && m_changes.isEmpty() && outcome.error.isEmpty())
        status << tr("no change from %1 to %2").arg(at, compareTarget());
    m_status->setText(status.join(QLatin1String(" · ")));
    emit schemaShown();
}

void SchemaView::showUnknown(const QList<SchemaUnknown>& unknown)
{
    m_unknownTree->clear();
    for (const SchemaUnknown& entry : unknown) {
        auto* item = new QTreeWidgetItem(m_unknownTree);
        item->setText(0, shortId(entry.revision));
        item->setToolTip(0, entry.revision);
        if (entry.line > 0)
            item->setData(1, Qt::DisplayRole, entry.line);
        item->setText(2, entry.why);
        item->setToolTip(2, entry.why);
        item->setData(0, kRevisionRole, entry.revision);
        item->setData(0, kLineRole, entry.line);
    }
    m_unknownTree->resizeColumnToContents(0);
    m_unknownTree->resizeColumnToContents(1);
    m_unknownTree->setVisible(!unknown.isEmpty()); // "nothing" needs no room
    if (auto* box = qobject_cast<QBoxLayout*>(layout()))
        box->setStretchFactor(m_unknownTree->parentWidget(), unknown.isEmpty() ? 0 : 1);
    const int count = int(unknown.size());
    m_unknownCaption->setText(count == 0 ? tr("&Could not know: nothing")
                                         : tr("&Could not know (%n):", nullptr, count));
}

QString SchemaView::changeText(const SchemaChange& change)
{
    switch (change.kind) {
    case SchemaChange::Kind::TableAdded:
        return tr("table %1 added").arg(quoted(change.table));
    case SchemaChange::Kind::TableRemoved:
        return tr("table %1 removed").arg(quoted(change.table));
    case SchemaChange::Kind::ColumnAdded:
        return tr("column %1 added").arg(quoted(change.table, change.column));
    case SchemaChange::Kind::ColumnRemoved:
        return tr("column %1 removed").arg(quoted(change.table, change.column));
    case SchemaChange::Kind::ColumnChanged:
        return tr("column %1 changed").arg(quoted(change.table, change.column));
    }
    return {};
}

void SchemaView::openUnknown(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const QString id = item->data(0, kRevisionRole).toString();
    const Revision* revision = m_graph && !id.isEmpty() ? m_graph->revision(id) : nullptr;
    if (revision && !revision->path.isEmpty())
        emit openScriptRequested(revision->path, item->data(0, kLineRole).toInt());
    else if (!id.isEmpty())
        emit revisionActivated(id);
}

} // namespace retort
