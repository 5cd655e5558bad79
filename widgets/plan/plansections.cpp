// The sections of a plan confirmation (PlanSections): written for PlanDialog first, so their
// texts keep its translation context (PlanDialog::tr) and their object names.
#include "widgets/plan/plansections.h"

#include "widgets/plan/notice.h"
#include "widgets/plan/plandialog.h"
#include "widgets/plan/protectedconfirmation.h"

#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

namespace {

QString rowsText(const QStringList& rows)
{
    return rows.isEmpty() ? PlanDialog::tr("(empty: at base)") : rows.join(QStringLiteral(", "));
}

QString bulletList(const QStringList& lines)
{
    QString text;
    for (const QString& line : lines)
        text += QStringLiteral("\n• ") + line;
    return text;
}

} // namespace

PlanSections::PlanSections(const PlanSummary& summary, QVBoxLayout* layout, QWidget* owner,
                           int protectedIndex)
    : QObject(owner), m_summary(summary), m_layout(layout), m_owner(owner),
      m_protectedIndex(protectedIndex)
{
    // Sections top to bottom; one without content adds nothing, so no empty gap shows.
    addHeading();
    addLoadProblems();
    addCommand();
    addSteps();
    addRisks();
    addRows();
    addWarning();
    addConfirmation();
}

QString PlanSections::headingText() const
{
    return m_heading->text();
}

QStringList PlanSections::riskLines() const
{
    if (!m_summary.risksChecked)
        return {};
    QStringList lines;
    for (const StepRisk& risk : m_summary.risks)
        lines << risk.message;
    return lines;
}

bool PlanSections::needsSecondConfirmation() const
{
    return m_summary.kind == PlanSummary::Kind::Downgrade && m_summary.risksChecked &&
           MigrationRisks::passesIrreversible(m_summary.risks);
}

QLabel* PlanSections::addLabel(const QString& text, const QString& objectName)
{
    QLabel* label = wrappedLabel(text);
    label->setObjectName(objectName);
    m_layout->addWidget(label);
    return label;
}

// A tinted box for what the person must read before confirming (red: a cost or a refusal,
// amber: what the plan could not take into account).
QFrame* PlanSections::addNotice(const QString& text, const QString& objectName, bool severe)
{
    QFrame* frame = makeNotice(text, objectName, severe);
    m_layout->addWidget(frame);
    return frame;
}

// The first line says what happens, in words: for a downgrade, that the schema changes of
// the revisions are undone; for a stamp with --purge, that the whole table is rewritten.
void PlanSections::addHeading()
{
    const int n = int(m_summary.steps.size());
    const QString profile = m_summary.profile;
    QString heading;
    switch (m_summary.kind) {
    case PlanSummary::Kind::Upgrade:
        heading = n == 1 ? PlanDialog::tr("One revision will be upgraded on “%1”").arg(profile)
                         : PlanDialog::tr("%1 revisions will be upgraded on “%2”").arg(n).arg(profile);
        break;
    case PlanSummary::Kind::Downgrade:
        // English needs no translator: singular and plural are separate source texts.
        heading = n == 1 ? PlanDialog::tr("Downgrade %n revision on “%1”: the schema changes it made are "
                              "undone",
                              nullptr, n)
                               .arg(profile)
                         : PlanDialog::tr("Downgrade %n revisions on “%1”: the schema changes they made are "
                              "undone",
                              nullptr, n)
                               .arg(profile);
        break;
    case PlanSummary::Kind::Stamp:
        heading = m_summary.purge
                      ? PlanDialog::tr("The whole version table of “%1” will be rewritten; no migration runs")
                            .arg(profile)
                      : PlanDialog::tr("The version table of “%1” will be rewritten; no migration runs")
                            .arg(profile);
        break;
    }
    m_heading = addLabel(heading, QStringLiteral("planHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_heading->setFont(bold);
}

// Before anything else: alembic loads every revision file before it runs anything.
void PlanSections::addLoadProblems()
{
    if (!m_summary.loadErrors.isEmpty())
        addNotice(PlanDialog::tr("Alembic cannot load this project, so this command would fail before "
                     "changing anything. Fix these files first (the Diagnostics dock lists them):")
                      + bulletList(m_summary.loadErrors),
                  QStringLiteral("planLoadErrors"), true);
    else if (!m_summary.unreadValues.isEmpty())
        addNotice(PlanDialog::tr("Alembic loads these files, but Retort could not read these values; the "
                     "plan below leaves them out, so alembic may run other steps:")
                      + bulletList(m_summary.unreadValues),
                  QStringLiteral("planUnreadValues"), false);
    if (!m_summary.createsFile.isEmpty())
        addNotice(PlanDialog::tr("The SQLite file %1 does not exist: alembic will create it, empty, and run "
                     "from base. If the file was moved or deleted, cancel and find it first.")
                      .arg(m_summary.createsFile),
                  QStringLiteral("planCreatesFile"), false);
    if (m_summary.loadErrors.isEmpty() && !m_summary.orderVariesWith.isEmpty())
        addNotice(PlanDialog::tr("Alembic keeps the depends_on of %1 in a Python set, so the order of the "
                     "steps below may differ from run to run of alembic itself; the steps are "
                     "the same.")
                      .arg(m_summary.orderVariesWith.join(QStringLiteral(", "))),
                  QStringLiteral("planOrderVaries"), false);
}

void PlanSections::addCommand()
{
    if (m_summary.command.isEmpty())
        return;
    QLabel* command = addLabel(m_summary.command, QStringLiteral("planCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // the order of steps among branches changed between alembic releases: say whose it is
    if (!m_summary.alembic.isEmpty())
        addLabel(PlanDialog::tr("Planned as %1 runs it.").arg(m_summary.alembic), QStringLiteral("planAlembic"));
}

void PlanSections::addSteps()
{
    if (m_summary.kind == PlanSummary::Kind::Stamp || m_summary.steps.isEmpty())
        return;
    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("planSteps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setHeaderLabels({PlanDialog::tr("#"), PlanDialog::tr("Revision"), PlanDialog::tr("Message")});
    const QString arrow = m_summary.kind == PlanSummary::Kind::Upgrade ? QStringLiteral("↑")
                                                                        : QStringLiteral("↓");
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QList<QTreeWidgetItem*> items;
    for (qsizetype i = 0; i < m_summary.steps.size(); ++i) {
        const PlanSummary::Step& step = m_summary.steps.at(i);
        auto* item = new QTreeWidgetItem(
            {QStringLiteral("%1 %2").arg(i + 1).arg(arrow), step.revision, step.message});
        item->setFont(1, fixed);
        items << item;
    }
    m_steps->addTopLevelItems(items);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->header()->setStretchLastSection(true);
    m_steps->setMinimumHeight(160);
    m_layout->addWidget(m_steps, 1);
}

// What the steps destroy or cannot undo, before they run: a list under a warning icon, and
// each concerned step's row marked with the icon and its lines as tooltip.
void PlanSections::addRisks()
{
    if (m_summary.kind == PlanSummary::Kind::Stamp || m_summary.steps.isEmpty())
        return;
    if (!m_summary.risksChecked) {
        addNotice(PlanDialog::tr("Not checked: Retort is still reading the scripts' operations, so it "
                     "cannot say yet which steps drop data or cannot be undone."),
                  QStringLiteral("planRisksNotChecked"), false);
        return;
    }
    if (m_summary.risks.isEmpty()) {
        addLabel(PlanDialog::tr("Retort read every step's operations: none drops a table or a column, "
                    "narrows a type or cannot be undone."),
                 QStringLiteral("planRisksNone"));
        return;
    }

    const QIcon warning = m_owner->style()->standardIcon(QStyle::SP_MessageBoxWarning);
    bool severe = false;
    QHash<qsizetype, QStringList> byStep;
    for (const StepRisk& risk : m_summary.risks) {
        severe = severe || risk.kind != StepRisk::Kind::Unknown;
        byStep[risk.step].append(risk.message);
    }
    if (m_steps) {
        for (auto it = byStep.cbegin(); it != byStep.cend(); ++it) {
            QTreeWidgetItem* item = m_steps->topLevelItem(int(it.key()));
            if (!item)
                continue;
            item->setIcon(0, warning);
            const QString tip = it.value().join(u'\n');
            for (int column = 0; column < m_steps->columnCount(); ++column)
                item->setToolTip(column, tip);
            item->setData(0, Qt::AccessibleDescriptionRole, tip);
        }
    }

    auto* frame = new QFrame;
    frame->setObjectName(QStringLiteral("planRisks"));
    tintNotice(frame, severe);
    auto* row = new QHBoxLayout(frame);
    auto* icon = new QLabel;
    const int size = m_owner->style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, m_owner);
    icon->setPixmap(warning.pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    row->addWidget(icon, 0, Qt::AlignTop);
    m_risks = wrappedLabel(PlanDialog::tr("Before anything runs, what these steps destroy or cannot undo:") +
                           bulletList(riskLines()));
    m_risks->setObjectName(QStringLiteral("planRisksText"));
    row->addWidget(m_risks, 1);
    m_layout->addWidget(frame);
}

void PlanSections::addRows()
{
    addLabel(PlanDialog::tr("Version table now: %1\nVersion table after: %2")
                 .arg(rowsText(m_summary.rowsBefore), rowsText(m_summary.rowsAfter)),
             QStringLiteral("planRows"));
}

void PlanSections::addWarning()
{
    QString warning;
    if (m_summary.kind == PlanSummary::Kind::Downgrade)
        warning = PlanDialog::tr("A downgrade runs each revision's downgrade(): it drops the tables, "
                     "columns and data those revisions created. Data removed this way does not "
                     "come back with a later upgrade.");
    else if (m_summary.kind == PlanSummary::Kind::Stamp)
        warning = m_summary.purge
                      ? PlanDialog::tr("Stamping with --purge rewrites the whole version table: it deletes "
                           "every row (one names a revision with no script) and then records the "
                           "chosen revision. The schema is not changed: make sure it really "
                           "matches that revision.")
                      : PlanDialog::tr("Stamping only records the revision in the version table; the schema "
                           "is not changed. Make sure it really matches that revision.");
    if (!warning.isEmpty())
        addNotice(warning, QStringLiteral("planWarning"), true);
}

void PlanSections::addConfirmation()
{
    if (!m_summary.protectedProfile)
        return;
    auto* confirmation = new ProtectedConfirmation(m_summary.profile, m_protectedIndex);
    m_nameEdit = confirmation->edit();
    connect(m_nameEdit, &QLineEdit::textChanged, this, &PlanSections::confirmableChanged);
    m_layout->addWidget(confirmation);
}

bool PlanSections::isConfirmable() const
{
    // Nothing runs while alembic cannot load the project.
    return m_summary.loadErrors.isEmpty() && (!m_nameEdit || m_nameEdit->text() == m_summary.profile);
}

QStringList PlanSections::irreversibleLines() const
{
    QStringList irreversible;
    for (const StepRisk& risk : m_summary.risks)
        if (risk.kind == StepRisk::Kind::Irreversible)
            irreversible << risk.message;
    return irreversible;
}

QMessageBox* PlanSections::irreversibleQuestion(const QStringList& irreversible, QWidget* parent,
                                                QAbstractButton** go)
{
    auto* box = new QMessageBox(
        QMessageBox::Warning, PlanDialog::tr("Downgrade through steps that cannot be undone?"),
        PlanDialog::tr("This downgrade passes through steps whose downgrade() does nothing or fails:") +
            bulletList(irreversible) + QStringLiteral("\n\n") +
            PlanDialog::tr("An empty downgrade() leaves its changes in the database while the version "
               "table no longer lists them; one that raises stops the run there, after the "
               "steps before it ran. Downgrade anyway?"),
        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("irreversibleConfirm"));
    QPushButton* yes = box->addButton(PlanDialog::tr("Downgrade &Anyway"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("irreversibleConfirmGo"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (go)
        *go = yes;
    return box;
}

} // namespace retort
