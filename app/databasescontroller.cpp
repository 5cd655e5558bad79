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
    connect(dialog, &ProfileDialog::testRequested, this,
            [this](const ConnectionProfile& p) { m_testId = m_session->test(p); });
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        m_session->saveProfile(dialog->profile(), name);
        m_view->setCurrentProfile(dialog->profile().name());
    });
    dialog->open();
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
