#include "widgets/databases/secretprompt.h"

#include "model/config/connectionprofile.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace retort {

SecretPrompt::SecretPrompt(const QString& profile, const QString& where, const QStringList& secretSlots,
                           const QString& note, QWidget* parent)
    : QDialog(parent), m_profile(profile)
{
    setWindowTitle(tr("Password for “%1”").arg(profile));
    auto* intro = new QLabel(where.isEmpty()
                                 ? tr("Retort needs these to read the database of the "
                                      "connection profile “%1”.")
                                       .arg(profile)
                                 : tr("Retort needs these to read the database of the "
                                      "connection profile “%1” (%2).")
                                       .arg(profile, where));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    for (const QString& slot : secretSlots) {
        auto* field = new QLineEdit;
        field->setEchoMode(QLineEdit::Password);
        field->setObjectName(slot);
        const QString name = ConnectionProfile::environmentName(slot);
        form->addRow(name.isEmpty() ? tr("&Password:") : name + u':', field);
        m_fields.insert(slot, field);
    }
    auto* show = new QCheckBox(tr("S&how"));
    show->setObjectName(QStringLiteral("revealSecrets"));
    connect(show, &QCheckBox::toggled, this, [this](bool on) {
        for (QLineEdit* field : std::as_const(m_fields))
            field->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    form->addRow(QString(), show);
    auto* noteLabel = new QLabel(note);
    noteLabel->setObjectName(QStringLiteral("secretsNote"));
    noteLabel->setWordWrap(true);
    noteLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(noteLabel);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

QMap<QString, QString> SecretPrompt::secrets() const
{
    QMap<QString, QString> out;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        out.insert(it.key(), it.value()->text());
    return out;
}

} // namespace retort
