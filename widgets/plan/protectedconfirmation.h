#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace retort {

// What a protected database asks before anything that touches it goes ahead (a migration,
// a rewrite of history it applied): “prod” is a protected database. Type its name to
// confirm. Confirmed while the edit holds the name exactly. The prompt is the edit's buddy
// (Alt+N; the second and later of several in one dialog take Alt+2, Alt+3…). Object names:
// "confirmPrompt", "confirmProfileName".
class ProtectedConfirmation : public QWidget
{
    Q_OBJECT

public:
    // `index`: the place of this one among several in a dialog (0 for the first or only one).
    explicit ProtectedConfirmation(const QString& profile, int index = 0,
                                   QWidget* parent = nullptr);

    QString profile() const { return m_profile; }
    QLineEdit* edit() const { return m_edit; }
    QLabel* prompt() const { return m_prompt; }
    bool isConfirmed() const;

signals:
    void confirmedChanged(bool confirmed);

private:
    QString m_profile;
    QLabel* m_prompt = nullptr;
    QLineEdit* m_edit = nullptr;
};

} // namespace retort
