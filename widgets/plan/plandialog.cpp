#include "widgets/plan/plandialog.h"

#include "widgets/plan/plansections.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

PlanDialog::PlanDialog(const PlanSummary& summary, QWidget* parent)
    : QDialog(parent), m_summary(summary)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("%1 — %2").arg(summary.action, summary.profile));
    m_layout = new QVBoxLayout(this);

    // The sections go straight into the dialog's column, the buttons below them.
    m_sections = new PlanSections(summary, m_layout, this);
    connect(m_sections, &PlanSections::confirmableChanged, this, &PlanDialog::updateConfirm);
    addButtons();

    updateConfirm();
    if (confirmationEdit())
        confirmationEdit()->setFocus();
    else
        m_confirm->setFocus();
    sizeToContent();
}

QLineEdit* PlanDialog::confirmationEdit() const
{
    return m_sections->confirmationEdit();
}

QTreeWidget* PlanDialog::stepList() const
{
    return m_sections->stepList();
}

QString PlanDialog::headingText() const
{
    return m_sections->headingText();
}

QStringList PlanDialog::riskLines() const
{
    return m_sections->riskLines();
}

bool PlanDialog::needsSecondConfirmation() const
{
    return m_sections->needsSecondConfirmation();
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
    QAbstractButton* go = nullptr;
    QMessageBox* box = PlanSections::irreversibleQuestion(m_sections->irreversibleLines(), this, &go);
    connect(box, &QMessageBox::finished, this, [this, box, go] {
        if (box->clickedButton() == go)
            QDialog::accept();
    });
    m_second = box;
    box->open();
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
    if (!stepList())
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
    if (stepList())
        height = qMax(height, 380);
    resize(width, height);
}
void PlanDialog::updateConfirm()
{
    m_confirm->setEnabled(m_sections->isConfirmable());
}

} // namespace retort
