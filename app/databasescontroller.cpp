#include "app/databasescontroller.h"

#include "model/config/alembicconfig.h"
#include "widgets/databases/databasesview.h"
#include "widgets/databases/profiledialog.h"
#include "app/databasesession.h"

#include <QMessageBox>

namespace retort {

DatabasesController::DatabasesController(DatabaseSession* session, DatabasesView* view,
                                         QObject* parent)
    : QObject(parent), m_session(session), m_view(view)
{
    // Without a project there is nothing to add a profile to.
    m_view->addProfileAction()->setEnabled(bool(m_session->config()));
    connect(m_session, &DatabaseSession::profilesChanged, this, [this] {
        const QString current = m_view->currentProfile();
        m_view->model()->setRows(m_session->rows());
        m_view->setCurrentProfile(current);
        m_view->addProfileAction()->setEnabled(bool(m_session->config()));
    });
    connect(m_session, &DatabaseSession::stateChanged, this, [this](const QString& name) {
        m_view->model()->updateRow(m_session->row(name));
    });
    connect(m_session, &DatabaseSession::testFinished, this,
            [this](quint64 id, const DatabaseState& state) {
                if (!m_dialog || id != m_testId)
                    return;
                m_dialog->showTestResult(state);
            });
    connect(m_session, &DatabaseSession::passwordNeeded, this,
            &DatabasesController::askForSecrets);
    connect(&m_session->secrets(), &SecretStore::availabilityChanged, this, [this] {
        if (m_dialog)
            m_dialog->setSecretsNote(secretsNote());
    });
    connect(m_view, &DatabasesView::addRequested, this, &DatabasesController::addProfile);
    connect(m_view, &DatabasesView::editRequested, this, &DatabasesController::editProfile);
    connect(m_view, &DatabasesView::removeRequested, this, &DatabasesController::removeProfile);
    connect(m_view, &DatabasesView::refreshRequested, m_session, &DatabaseSession::refresh);
    // The session owns which database is selected; the list is how people choose it.
    connect(m_view, &DatabasesView::currentProfileChanged, m_session,
            &DatabaseSession::setSelectedProfile);
}

void DatabasesController::addProfile()
{
    showDialog(QString());
}

void DatabasesController::editProfile(const QString& name)
{
    if (m_session->profile(name))
        showDialog(name);
}

void DatabasesController::showDialog(const QString& name)
{
    if (!m_session->config())
        return;
    const ConnectionProfile* existing = m_session->profile(name);
    ConnectionProfile profile = existing ? *existing : ConnectionProfile();
    QStringList taken;
    for (const ConnectionProfile& p : m_session->profiles())
        if (p.name() != name)
            taken.append(p.name());
    const QString configUrl = ConnectionProfile().displayUrl(*m_session->config());
    auto* dialog = new ProfileDialog(profile, taken, configUrl, m_view->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    m_session->secrets().probe();
    dialog->setSecretsNote(secretsNote());
    connect(dialog, &ProfileDialog::testRequested, this,
            [this](const ConnectionProfile& p) { m_testId = m_session->test(p); });
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        m_session->saveProfile(dialog->profile(), name);
        m_view->setCurrentProfile(dialog->profile().name());
    });
    dialog->open();
}

QString DatabasesController::secretsNote() const
{
    const SecretStore& store = m_session->secrets();
    switch (store.availability()) {
    case SecretStore::Availability::Available:
        return tr("The password and secret environment values are saved in the system "
                  "keychain, not in Retort's settings.");
    case SecretStore::Availability::Unavailable:
        return tr("Not saved: no keychain available (%1). Retort keeps the password in memory "
                  "until it quits, and asks for it once in the next session.")
            .arg(store.unavailableReason());
    case SecretStore::Availability::Unknown:
        break;
    }
    return tr("Asking the system keychain…");
}

void DatabasesController::askForSecrets(const QString& name)
{
    const ConnectionProfile* profile = m_session->profile(name);
    if (!profile || profile->unknownSecrets().isEmpty())
        return;
    if (m_prompt) { // one question at a time: the others follow it
        if (m_prompt->profileName() != name && !m_waitingPrompts.contains(name))
            m_waitingPrompts.append(name);
        return;
    }
    const QString where = m_session->config() ? profile->displayUrl(*m_session->config())
                                              : profile->displayUrl();
    auto* prompt = new SecretPrompt(name, where, profile->unknownSecrets(), secretsNote(),
                                    m_view->window());
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    m_prompt = prompt;
    connect(prompt, &QDialog::accepted, this, [this, prompt, name] {
        m_session->supplySecrets(name, prompt->secrets());
    });
    connect(prompt, &QDialog::finished, this, [this] {
        m_prompt = nullptr;
        if (!m_waitingPrompts.isEmpty())
            askForSecrets(m_waitingPrompts.takeFirst());
    });
    prompt->open();
}

void DatabasesController::removeProfile(const QString& name)
{
    const ConnectionProfile* p = m_session->profile(name);
    if (!p || p->isDefault())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove Profile"),
                                tr("Remove the connection profile %1? The database itself is "
                                   "not touched.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, m_view->window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::accepted, this, [this, name] { m_session->removeProfile(name); });
    box->open();
}

} // namespace retort
