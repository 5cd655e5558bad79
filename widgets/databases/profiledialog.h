#pragma once

#include "model/config/connectionprofile.h"
#include "model/db/databasestate.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace retort {

// Edits one connection profile: name, URL (empty = the ini's sqlalchemy.url), version
// table and schema, environment variables and `-x` arguments for alembic, and the
// "protected" flag or the "scratch" one (never both). Test asks the application to read the
// version table with what is typed; the answer comes back through setTestResult(). OK only
// accepts a valid profile.
//
// Secrets are masked: the password (its own field: one typed into the URL moves there) and
// the values of secret environment variables (shown as mask()). Show reveals both. A saved
// secret that was never fetched stays as saved unless something else is typed.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // `takenNames`: the other profiles' names. `configUrl`: the ini's URL, password hidden.
    ProfileDialog(const ConnectionProfile& profile, const QStringList& takenNames,
                  const QString& configUrl, QWidget* parent = nullptr);

    // The profile as typed (whether valid or not).
    ConnectionProfile profile() const;
    // Empty when the typed profile can be saved, otherwise why not.
    QString validationError() const;

    void setTestResult(const QString& text, bool ok);
    // Says what a test read found: where the database stands, that its SQLite file does not
    // exist yet (alembic would create it), or why it could not be read.
    void showTestResult(const DatabaseState& state);
    QString testResultText() const;

    // Where secrets go: the keychain, or memory only (and why), shown under the password.
    void setSecretsNote(const QString& text);
    // Whether the secrets are shown in clear.
    bool secretsRevealed() const;

    void accept() override;

    // What a secret environment value shows while masked.
    static QString mask() { return QStringLiteral("••••••••"); }

signals:
    void testRequested(const retort::ConnectionProfile& profile);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void revealSecrets(bool reveal);
    void movePasswordOutOfUrl();
    // The environment text with each secret value shown or masked; remembers typed values.
    QString environmentText(bool reveal);

    ConnectionProfile m_original;
    QMap<QString, QString> m_secretValues; // secret variable -> value (null: never fetched)
    QStringList m_takenNames;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_password = nullptr;
    QToolButton* m_reveal = nullptr;
    QLabel* m_secretsNote = nullptr;
    QLineEdit* m_versionTable = nullptr;
    QLineEdit* m_schema = nullptr;
    QPlainTextEdit* m_environment = nullptr;
    QPlainTextEdit* m_xArguments = nullptr;
    QCheckBox* m_protected = nullptr;
    QCheckBox* m_scratch = nullptr;
    QLabel* m_scratchNote = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace retort
