#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace retort {

class Settings;

// How connection profiles' secrets are kept: under which keychain key, and the move of the
// secrets earlier versions wrote into the settings file.
class ProfileSecrets
{
    Q_DECLARE_TR_FUNCTIONS(ProfileSecrets)

public:
    // The keychain key of one secret slot of one profile ("<project key>/<profile>/password").
    static QString key(const QString& projectKey, const QString& profile, const QString& slot);

    // Profiles of the project saved with secrets in the settings file (by an earlier version):
    // the secrets go to settings.secrets() and the profiles are written back without them.
    // One note for the person per profile moved.
    static QStringList migrate(Settings& settings, const QString& projectKey);
    // The same for every project with saved profiles.
    static QStringList migrateAll(Settings& settings);
};

} // namespace retort
