#pragma once

#include "widgets/databases/profiledialog.h"
#include "widgets/databases/secretprompt.h"

#include <QObject>
#include <QPointer>

namespace retort {

class DatabaseSession;
class DatabasesView;

// Connects the databases pane to the session: keeps the pane's rows current, and runs the
// add / edit / remove / test flows (the profile dialog, the removal question), and asks for
// the secrets a profile needs that are saved nowhere (the secret prompt).
class DatabasesController : public QObject
{
    Q_OBJECT

public:
    DatabasesController(DatabaseSession* session, DatabasesView* view, QObject* parent = nullptr);

    // The dialog shown right now, if any (tests drive it).
    ProfileDialog* activeDialog() const { return m_dialog; }
    SecretPrompt* activePrompt() const { return m_prompt; }

    void addProfile();
    void editProfile(const QString& name);
    void removeProfile(const QString& name);

private:
    void showDialog(const QString& name);
    void askForSecrets(const QString& name);
    // Where secrets go now, for the dialogs.
    QString secretsNote() const;

    DatabaseSession* m_session = nullptr;
    DatabasesView* m_view = nullptr;
    QPointer<ProfileDialog> m_dialog;
    QPointer<SecretPrompt> m_prompt;
    QStringList m_waitingPrompts; // profiles to ask for once the open prompt is answered
    quint64 m_testId = 0;
};

} // namespace retort
