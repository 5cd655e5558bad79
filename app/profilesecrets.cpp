#include "app/profilesecrets.h"

#include "model/config/connectionprofile.h"
#include "app/settings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace retort {

QString ProfileSecrets::key(const QString& projectKey, const QString& profile,
                            const QString& slot)
{
    return projectKey + u'/' + profile + u'/' + slot;
}

QStringList ProfileSecrets::migrate(Settings& settings, const QString& projectKey)
{
    const QByteArray saved = settings.connectionProfiles(projectKey);
    if (saved.isEmpty())
        return {};
    const auto list = ConnectionProfile::listFromJson(QJsonDocument::fromJson(saved).array());
    if (!list)
        return {}; // the session reports unreadable profiles when the project opens
    SecretStore& store = settings.secrets();
    QStringList notes;
    for (const ConnectionProfile& profile : list.value()) {
        QStringList moved;
        for (const QString& slot : profile.secretSlots()) {
            const QString value = profile.secret(slot);
            if (value.isNull())
                continue; // kept in the keychain already
            store.write(key(projectKey, profile.name(), slot), value);
            moved.append(ConnectionProfile::describeSlot(slot));
        }
        if (moved.isEmpty())
            continue;
        const QString what = moved.join(QStringLiteral(", "));
        switch (store.availability()) {
        case SecretStore::Availability::Available:
            notes.append(tr("Connection profile “%1”: %2 moved from Retort's settings file to "
                            "the system keychain.")
                             .arg(profile.name(), what));
            break;
        case SecretStore::Availability::Unavailable:
            notes.append(tr("Connection profile “%1”: %2 removed from Retort's settings file. "
                            "No keychain is available (%3): Retort keeps it in memory until it "
                            "quits and asks for it again next time.")
                             .arg(profile.name(), what, store.unavailableReason()));
            break;
        case SecretStore::Availability::Unknown:
            notes.append(tr("Connection profile “%1”: %2 moved out of Retort's settings file, "
                            "to the system keychain if one answers.")
                             .arg(profile.name(), what));
            break;
        }
    }
    if (!notes.isEmpty())
        settings.setConnectionProfiles(
            projectKey,
            QJsonDocument(ConnectionProfile::toJson(list.value())).toJson(QJsonDocument::Compact));
    return notes;
}

QStringList ProfileSecrets::migrateAll(Settings& settings)
{
    QStringList notes;
    for (const QString& project : settings.projectsWithProfiles())
        notes += migrate(settings, project);
    if (!notes.isEmpty())
        settings.sync();
    return notes;
}

} // namespace retort
