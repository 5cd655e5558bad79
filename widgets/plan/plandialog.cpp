#include "widgets/plan/plandialog.h"

#include "widgets/plan/notice.h"
#include "widgets/plan/protectedconfirmation.h"

#include <QDialogButtonBox>
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

PlanDialog::PlanDialog(const PlanSummary& summary, QWidget* parent)
    : QDialog(parent), m_summary(summary)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("%1 — %2").arg(summary.action, summary.profile));
    m_layout = new QVBoxLayout(this);

    // Sections top to bottom; one without content adds nothing, so no empty gap shows.
    addHeading();
    addLoadProblems();
    addCommand();
    addSteps();
    addRisks();
    addRows();
    addWarning();
    addConfirmation();
    addButtons();

    updateConfirm();
    if (m_nameEdit)
        m_nameEdit->setFocus();
    else
        m_confirm->setFocus();
    sizeToContent();
}

QString PlanDialog::headingText() const
{
    return m_heading->text();
}

QStringList PlanDialog::riskLines() const
{
    if (!m_summary.risksChecked)
        return {};
    QStringList lines;
    for (const StepRisk& risk : m_summary.risks)
        lines << risk.message;
    return lines;
}

bool PlanDialog::needsSecondConfirmation() const
{
    return m_summary.kind == PlanSummary::Kind::Downgrade && m_summary.risksChecked &&
           MigrationRisks::passesIrreversible(m_summary.risks);
}

QLabel* PlanDialog::addLabel(const QString& text, const QString& objectName)
{
    QLabel* label = wrappedLabel(text);
    label->setObjectName(objectName);
    m_layout->addWidget(label);
    return label;
}

// A tinted box for what the person must read before confirming (red: a cost or a refusal,
// amber: what the plan could not take into account).
QFrame* PlanDialog::addNotice(const QString& text, const QString& objectName, bool severe)
{
    QFrame* frame = makeNotice(text, objectName, severe);
    m_layout->addWidget(frame);
    return frame;
}

// The first line says what happens, in words: for a downgrade, that the schema changes of
// the revisions are undone; for a stamp with --purge, that the whole table is rewritten.
void PlanDialog::addHeading()
{
    const int n = int(m_summary.steps.size());
    const QString profile = m_summary.profile;
    QString heading;
    switch (m_summary.kind) {
    case PlanSummary::Kind::Upgrade:
        heading = n == 1 ? tr("One revision will be upgraded on “%1”").arg(profile)
                         : tr("%1 revisions will be upgraded on “%2”").arg(n).arg(profile);
        break;
    case PlanSummary::Kind::Downgrade:
        // English needs no translator: singular and plural are separate source texts.
        heading = n == 1 ? tr("Downgrade %n revision on “%1”: the schema changes it made are "
                              "undone",
                              nullptr, n)
                               .arg(profile)
                         : tr("Downgrade %n revisions on “%1”: the schema changes they made are "
                              "undone",
                              nullptr, n)
                               .arg(profile);
        break;
    case PlanSummary::Kind::Stamp:
        heading = m_summary.purge
                      ? tr("The whole version table of “%1” will be rewritten; no migration runs")
                            .arg(profile)
                      : tr("The version table of “%1” will be rewritten; no migration runs")
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
void PlanDialog::addLoadProblems()
{
    if (!m_summary.loadErrors.isEmpty())
        addNotice(tr("Alembic cannot load this project, so this command would fail before "
                     "changing anything. Fix these files first (the Diagnostics dock lists them):")
                      + bulletList(m_summary.loadErrors),
                  QStringLiteral("planLoadErrors"), true);
    else if (!m_summary.unreadValues.isEmpty())
        addNotice(tr("Alembic loads these files, but Retort could not read these values; the "
                     "plan below leaves them out, so alembic may run other steps:")
                      + bulletList(m_summary.unreadValues),
                  QStringLiteral("planUnreadValues"), false);
    if (!m_summary.createsFile.isEmpty())
        addNotice(tr("The SQLite file %1 does not exist: alembic will create it, empty, and run "
                     "from base. If the file was moved or deleted, cancel and find it first.")
                      .arg(m_summary.createsFile),
                  QStringLiteral("planCreatesFile"), false);
    if (m_summary.loadErrors.isEmpty() && !m_summary.orderVariesWith.isEmpty())
        addNotice(tr("Alembic keeps the depends_on of %1 in a Python set, so the order of the "
                     "steps below may differ from run to run of alembic itself; the steps are "
                     "the same.")
                      .arg(m_summary.orderVariesWith.join(QStringLiteral(", "))),
                  QStringLiteral("planOrderVaries"), false);
}

void PlanDialog::addCommand()
{
    if (m_summary.command.isEmpty())
        return;
    QLabel* command = addLabel(m_summary.command, QStringLiteral("planCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // the order of steps among branches changed between alembic releases: say whose it is
    if (!m_summary.alembic.isEmpty())
        addLabel(tr("Planned as %1 runs it.").arg(m_summary.alembic), QStringLiteral("planAlembic"));
}

void PlanDialog::addSteps()
{
    if (m_summary.kind == PlanSummary::Kind::Stamp || m_summary.steps.isEmpty())
        return;
    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("planSteps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setHeaderLabels({tr("#"), tr("Revision"), tr("Message")});
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
void PlanDialog::addRisks()
{
    if (m_summary.kind == PlanSummary::Kind::Stamp || m_summary.steps.isEmpty())
        return;
    if (!m_summary.risksChecked) {
        addNotice(tr("Not checked: Retort is still reading the scripts' operations, so it "
                     "cannot say yet which steps drop data or cannot be undone."),
                  QStringLiteral("planRisksNotChecked"), false);
        return;
    }
    if (m_summary.risks.isEmpty()) {
        addLabel(tr("Retort read every step's operations: none drops a table or a column, "
                    "narrows a type or cannot be undone."),
                 QStringLiteral("planRisksNone"));
        return;
    }

    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
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
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(warning.pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    row->addWidget(icon, 0, Qt::AlignTop);
    m_risks = wrappedLabel(tr("Before anything runs, what these steps destroy or cannot undo:") +
                           bulletList(riskLines()));
    m_risks->setObjectName(QStringLiteral("planRisksText"));
    row->addWidget(m_risks, 1);
    m_layout->addWidget(frame);
}

void PlanDialog::accept()
{
    if (!m_confirm->isEnabled())
        return; // a protected profile's name missing, or alembic cannot load the project
    if (needsSecondConfirmation()) {
        askSecondConfirmation();
        return;
    }
    QDialog::accept();
}

// Asked only after the first confirmation; its default and Escape button is Cancel, so
// neither Return nor Escape nor closing it runs anything.
void PlanDialog::askSecondConfirmation()
{
    if (m_second)
        return;
    QStringList irreversible;
    for (const StepRisk& risk : m_summary.risks)
        if (risk.kind == StepRisk::Kind::Irreversible)
            irreversible << risk.message;
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Downgrade through steps that cannot be undone?"),
        tr("This downgrade passes through steps whose downgrade() does nothing or fails:") +
            bulletList(irreversible) + QStringLiteral("\n\n") +
            tr("An empty downgrade() leaves its changes in the database while the version "
               "table no longer lists them; one that raises stops the run there, after the "
               "steps before it ran. Downgrade anyway?"),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("irreversibleConfirm"));
    QPushButton* go = box->addButton(tr("Downgrade &Anyway"), QMessageBox::DestructiveRole);
    go->setObjectName(QStringLiteral("irreversibleConfirmGo"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, go] {
        if (box->clickedButton() == go)
            QDialog::accept();
    });
    m_second = box;
    box->open();
}

void PlanDialog::addRows()
{
    addLabel(tr("Version table now: %1\nVersion table after: %2")
                 .arg(rowsText(m_summary.rowsBefore), rowsText(m_summary.rowsAfter)),
             QStringLiteral("planRows"));
}

void PlanDialog::addWarning()
{
    QString warning;
    if (m_summary.kind == PlanSummary::Kind::Downgrade)
        warning = tr("A downgrade runs each revision's downgrade(): it drops the tables, "
                     "columns and data those revisions created. Data removed this way does not "
                     "come back with a later upgrade.");
    else if (m_summary.kind == PlanSummary::Kind::Stamp)
        warning = m_summary.purge
                      ? tr("Stamping with --purge rewrites the whole version table: it deletes "
                           "every row (one names a revision with no script) and then records the "
                           "chosen revision. The schema is not changed: make sure it really "
                           "matches that revision.")
                      : tr("Stamping only records the revision in the version table; the schema "
                           "is not changed. Make sure it really matches that revision.");
    if (!warning.isEmpty())
        addNotice(warning, QStringLiteral("planWarning"), true);
}

void PlanDialog::addConfirmation()
{
    if (!m_summary.protectedProfile)
        return;
    auto* confirmation = new ProtectedConfirmation(m_summary.profile);
    m_nameEdit = confirmation->edit();
    connect(m_nameEdit, &QLineEdit::textChanged, this, &PlanDialog::updateConfirm);
    m_layout->addWidget(confirmation);
}

void PlanDialog::addButtons()
{
    QString verb;
    switch (m_summary.kind) {
    case PlanSummary::Kind::Upgrade:
        verb = tr("&Upgrade");
        break;
    case PlanSummary::Kind::Downgrade:
        verb = tr("&Downgrade");
        break;
    case PlanSummary::Kind::Stamp:
        verb = tr("&Stamp");
        break;
    }
    // Without a list to take extra height, it gathers above the buttons, not between lines.
    if (!m_steps)
        m_layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_confirm = m_buttons->addButton(verb, QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmRun"));
    m_confirm->setDefault(true);
    m_confirm->setAutoDefault(true);
    if (m_summary.kind != PlanSummary::Kind::Stamp) {
        QPushButton* preview = m_buttons->addButton(tr("Preview &SQL…"), QDialogButtonBox::ActionRole);
        preview->setObjectName(QStringLiteral("previewSql"));
        preview->setAutoDefault(false);
        preview->setEnabled(m_summary.canPreviewSql);
        preview->setToolTip(m_summary.canPreviewSql ? tr("Show the SQL alembic would run (--sql)")
                                                    : m_summary.sqlUnavailableReason);
        connect(preview, &QPushButton::clicked, this, &PlanDialog::previewSqlRequested);
    }
    // Return must never mean Cancel (as it would once Cancel became the default while the
    // confirm button waits for a protected profile's name): only confirm is a default button.
    for (QAbstractButton* b : m_buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b); push && push != m_confirm)
            push->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_layout->addWidget(m_buttons);
}

// As wide as a readable line, as tall as what it shows (the wrapped lines measured at that
// width); a list of steps gets room for a few rows.
void PlanDialog::sizeToContent()
{
    const int width = qMax(560, sizeHint().width());
    int height = m_layout->hasHeightForWidth() ? m_layout->totalHeightForWidth(width)
                                                : sizeHint().height();
    if (m_steps)
        height = qMax(height, 380);
    resize(width, height);
}

void PlanDialog::updateConfirm()
{
    // Nothing runs while alembic cannot load the project.
    m_confirm->setEnabled(m_summary.loadErrors.isEmpty()
                          && (!m_nameEdit || m_nameEdit->text() == m_summary.profile));
}

} // namespace retort
