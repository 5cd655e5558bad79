#pragma once

#include <QDialog>
#include <QMap>
#include <QStringList>

class QLineEdit;

namespace retort {

// Asks for the secrets of a connection profile that Retort has nowhere (no keychain, or
// nothing saved in it): one masked field per secret slot ("password", "env/NAME"). The
// fields' object names are the secretSlots.
class SecretPrompt : public QDialog
{
    Q_OBJECT

public:
    // `where`: the profile's URL with its password hidden; `note`: where the values will go.
    SecretPrompt(const QString& profile, const QString& where, const QStringList& secretSlots,
                 const QString& note, QWidget* parent = nullptr);

    QString profileName() const { return m_profile; }
    // slot -> what was typed
    QMap<QString, QString> secrets() const;

private:
    QString m_profile;
    QMap<QString, QLineEdit*> m_fields;
};

} // namespace retort
