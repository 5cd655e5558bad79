#include "widgets/heads/reparentdialog.h"

#include "widgets/plan/notice.h"
#include "widgets/plan/protectedconfirmation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

ReparentDialog::ReparentDialog(const Preview& preview, QWidget* parent)
    : QDialog(parent), m_preview(preview)
{
    setObjectName(QStringLiteral("reparentDialog"));
    const ReparentCheck& check = preview.check;
    setWindowTitle(tr("Re-parent %1").arg(check.revision));
    m_layout = new QVBoxLayout(this);

    const QString from = check.oldParent.isEmpty() ? tr("nothing (it is a base)") : check.oldParent;
    QLabel* heading = wrappedLabel(tr("%1 will follow %2 instead of %3: its down_revision in %4 "
                                      "changes, nothing else.")
                                       .arg(check.revision, check.newParent, from,
                                            preview.fileName));
    heading->setObjectName(QStringLiteral("reparentHeading"));
    m_layout->addWidget(heading);
    if (!preview.reason.isEmpty()) {
        QLabel* reason = wrappedLabel(preview.reason);
        reason->setObjectName(QStringLiteral("reparentReason"));
        m_layout->addWidget(reason);
    }

    if (!preview.diff.isEmpty()) {
        m_diff = new QPlainTextEdit(preview.diff);
        m_diff->setObjectName(QStringLiteral("reparentDiff"));
        m_diff->setReadOnly(true);
        m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_diff->setAccessibleName(tr("Changes to %1").arg(preview.fileName));
        m_layout->addWidget(m_diff, 1);
    }

    if (!check.isPossible() || !preview.editError.isEmpty()) {
        m_refusal = check.isPossible() ? preview.editError : check.refusal;
        m_layout->addWidget(makeNotice(tr("Refused: %1").arg(m_refusal),
                                       QStringLiteral("reparentRefusal"), true));
    } else if (!check.blockers.isEmpty()) {
        m_refusal = tr("Refused: %1. Those databases ran what would move (%2); after the change "
                       "alembic would take %3 as applied there without having run it.")
                        .arg(check.blockersText(), check.moved.join(QLatin1String(", ")),
                             check.newParent);
        m_layout->addWidget(makeNotice(m_refusal, QStringLiteral("reparentRefusal"), true));
        m_override = new QCheckBox(tr("Re&write it anyway: I will bring those databases back "
                                      "in line myself"));
        m_override->setObjectName(QStringLiteral("reparentOverride"));
        connect(m_override, &QCheckBox::toggled, this, &ReparentDialog::updateConfirm);
        m_layout->addWidget(m_override);
        const QStringList protectedProfiles = check.protectedProfiles();
        for (const QString& profile : protectedProfiles) {
            auto* confirmation =
                new ProtectedConfirmation(profile, int(m_confirmations.size()));
            connect(confirmation, &ProtectedConfirmation::confirmedChanged, this,
                    &ReparentDialog::updateConfirm);
            m_confirmations << confirmation;
            m_layout->addWidget(confirmation);
        }
    }
    if (m_refusal.isEmpty() || m_override) {
        QLabel* undo = wrappedLabel(tr("The change is made in the script's tab and saved: Ctrl+Z "
                                       "there, then Save, takes it back."));
        undo->setObjectName(QStringLiteral("reparentUndo"));
        m_layout->addWidget(undo);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_confirm = buttons->addButton(tr("Re-parent and &Save"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmReparent"));
    m_confirm->setDefault(true);
    m_confirm->setAutoDefault(true);
    // Return never means Cancel: only confirm is a default button.
    for (QAbstractButton* b : buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b); push && push != m_confirm)
            push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReparentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_layout->addWidget(buttons);
    updateConfirm();
    resize(qMax(560, sizeHint().width()), qMax(360, sizeHint().height()));
    if (m_override)
        m_override->setFocus();
    else
        m_confirm->setFocus();
}

void ReparentDialog::accept()
{
    if (m_confirm->isEnabled())
        QDialog::accept();
}

void ReparentDialog::updateConfirm()
{
    bool ok = m_refusal.isEmpty();
    if (m_override) {
        ok = m_override->isChecked();
        for (const ProtectedConfirmation* c : std::as_const(m_confirmations))
            ok = ok && c->isConfirmed();
    }
    m_confirm->setEnabled(ok);
}

} // namespace retort
