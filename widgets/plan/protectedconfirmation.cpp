#include "widgets/plan/protectedconfirmation.h"

#include "widgets/plan/notice.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace retort {

ProtectedConfirmation::ProtectedConfirmation(const QString& profile, int index, QWidget* parent)
    : QWidget(parent), m_profile(profile)
{
    QString shown = profile;
    shown.replace(u'&', QLatin1String("&&")); // the name's own & is no accelerator
    m_prompt = wrappedLabel(
        index == 0 ? tr("“%1” is a protected database. Type its &name to confirm:").arg(shown)
                   : tr("“%1” is a protected database too. Type its name to confirm (Alt+&%2):")
                         .arg(shown)
                         .arg(index + 1));
    m_prompt->setObjectName(QStringLiteral("confirmPrompt"));
    m_edit = new QLineEdit;
    m_edit->setObjectName(QStringLiteral("confirmProfileName"));
    m_edit->setPlaceholderText(profile);
    m_prompt->setBuddy(m_edit);
    setFocusProxy(m_edit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_prompt);
    layout->addWidget(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this,
            [this] { emit confirmedChanged(isConfirmed()); });
}

bool ProtectedConfirmation::isConfirmed() const
{
    return m_edit->text() == m_profile;
}

} // namespace retort
