#include "plan/plandialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

namespace {

QString rowsText(const QStringList& rows)
{
    return rows.isEmpty() ? PlanDialog::tr("(empty: at base)") : rows.join(QStringLiteral(", "));
}

QLabel* wrappedLabel(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A tinted box for what the person must read before confirming (red: a cost or a refusal,
// amber: what the plan could not take into account).
QFrame* noteFrame(const QString& objectName, const QString& text, bool severe)
{
    auto* frame = new QFrame;
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette pal = frame->palette();
    const bool dark = pal.color(QPalette::Window).lightnessF() < 0.5;
    if (severe) {
        pal.setColor(QPalette::Window, dark ? QColor(0x5a, 0x1e, 0x1e) : QColor(0xfd, 0xec, 0xea));
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xd7, 0xd5) : QColor(0x7a, 0x12, 0x12));
    } else {
        pal.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3c, 0x10) : QColor(0xfd, 0xf4, 0xd8));
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xec, 0xb3) : QColor(0x5c, 0x43, 0x00));
    }
    frame->setPalette(pal);
    auto* frameLayout = new QVBoxLayout(frame);
    frameLayout->addWidget(wrappedLabel(text));
    return frame;
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
    const int n = int(summary.steps.size());
    QString heading;
    QString verb;
    switch (summary.kind) {
    case PlanSummary::Kind::Upgrade:
        heading = n == 1 ? tr("One revision will be upgraded on “%1”").arg(summary.profile)
                         : tr("%1 revisions will be upgraded on “%2”").arg(n).arg(summary.profile);
        verb = tr("&Upgrade");
        break;
    case PlanSummary::Kind::Downgrade:
        heading = n == 1 ? tr("One revision will be downgraded on “%1”").arg(summary.profile)
                         : tr("%1 revisions will be downgraded on “%2”").arg(n).arg(summary.profile);
        verb = tr("&Downgrade");
        break;
    case PlanSummary::Kind::Stamp:
        heading = tr("The version table of “%1” will be rewritten; no migration runs")
                      .arg(summary.profile);
        verb = tr("&Stamp");
        break;
    }
    setWindowTitle(tr("%1 — %2").arg(summary.action, summary.profile));

    auto* layout = new QVBoxLayout(this);
    auto* title = wrappedLabel(heading);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    layout->addWidget(title);

    // First: alembic loads every revision file before it runs anything.
    if (!summary.loadErrors.isEmpty()) {
        layout->addWidget(noteFrame(
            QStringLiteral("planLoadErrors"),
            tr("Alembic cannot load this project, so this command would fail before changing "
               "anything. Fix these files first (the Diagnostics dock lists them):")
                + bulletList(summary.loadErrors),
            true));
    } else if (!summary.unreadValues.isEmpty()) {
        layout->addWidget(noteFrame(
            QStringLiteral("planUnreadValues"),
            tr("Alembic loads these files, but Retort could not read these values; the plan "
               "below leaves them out, so alembic may run other steps:")
                + bulletList(summary.unreadValues),
            false));
    }

    auto* command = wrappedLabel(summary.command);
    command->setObjectName(QStringLiteral("planCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(command);

    if (summary.kind != PlanSummary::Kind::Stamp) {
        m_steps = new QTreeWidget;
        m_steps->setObjectName(QStringLiteral("planSteps"));
        m_steps->setRootIsDecorated(false);
        m_steps->setUniformRowHeights(true);
        m_steps->setHeaderLabels({tr("#"), tr("Revision"), tr("Message")});
        const QString arrow = summary.kind == PlanSummary::Kind::Upgrade ? QStringLiteral("↑")
                                                                          : QStringLiteral("↓");
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        QList<QTreeWidgetItem*> items;
        for (int i = 0; i < n; ++i) {
            const PlanSummary::Step& step = summary.steps.at(i);
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
        layout->addWidget(m_steps, 1);
    }

    auto* rows = wrappedLabel(tr("Version table now: %1\nVersion table after: %2")
                                  .arg(rowsText(summary.rowsBefore), rowsText(summary.rowsAfter)));
    rows->setObjectName(QStringLiteral("planRows"));
    layout->addWidget(rows);

    QString warning;
    if (summary.kind == PlanSummary::Kind::Downgrade)
        warning = tr("A downgrade runs each revision's downgrade(): it drops the tables, "
                     "columns and data those revisions created. Data removed this way does not "
                     "come back with a later upgrade.");
    else if (summary.kind == PlanSummary::Kind::Stamp)
        warning = summary.purge
                      ? tr("Stamping with --purge empties the version table first (it names a "
                           "revision with no script) and then records the chosen revision. The "
                           "schema is not changed: make sure it really matches that revision.")
                      : tr("Stamping only records the revision in the version table; the schema "
                           "is not changed. Make sure it really matches that revision.");
    if (!warning.isEmpty())
        layout->addWidget(noteFrame(QStringLiteral("planWarning"), warning, true));

    if (summary.protectedProfile) {
        layout->addWidget(wrappedLabel(
            tr("“%1” is a protected database. Type its name to confirm:").arg(summary.profile)));
        m_nameEdit = new QLineEdit;
        m_nameEdit->setObjectName(QStringLiteral("confirmProfileName"));
        m_nameEdit->setPlaceholderText(summary.profile);
        connect(m_nameEdit, &QLineEdit::textChanged, this, &PlanDialog::updateConfirm);
        layout->addWidget(m_nameEdit);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_confirm = m_buttons->addButton(verb, QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmRun"));
    m_confirm->setDefault(true);
    m_confirm->setAutoDefault(true);
    if (summary.kind != PlanSummary::Kind::Stamp) {
        QPushButton* preview = m_buttons->addButton(tr("Preview &SQL…"), QDialogButtonBox::ActionRole);
        preview->setObjectName(QStringLiteral("previewSql"));
        preview->setAutoDefault(false);
        preview->setEnabled(summary.canPreviewSql);
        preview->setToolTip(summary.canPreviewSql ? tr("Show the SQL alembic would run (--sql)")
                                                  : summary.sqlUnavailableReason);
        connect(preview, &QPushButton::clicked, this, &PlanDialog::previewSqlRequested);
    }
    // Return must never mean Cancel (as it would once Cancel became the default while the
    // confirm button waits for a protected profile's name): only confirm is a default button.
    for (QAbstractButton* b : m_buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b); push && push != m_confirm)
            push->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    updateConfirm();
    if (m_nameEdit)
        m_nameEdit->setFocus();
    else
        m_confirm->setFocus();
    resize(sizeHint().expandedTo(QSize(560, summary.kind == PlanSummary::Kind::Stamp ? 200 : 380)));
}

void PlanDialog::updateConfirm()
{
    // Nothing runs while alembic cannot load the project.
    m_confirm->setEnabled(m_summary.loadErrors.isEmpty()
                          && (!m_nameEdit || m_nameEdit->text() == m_summary.profile));
}

} // namespace retort
