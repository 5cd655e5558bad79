#pragma once
// A real Secret Service for tests: a private D-Bus session bus and gnome-keyring-daemon on it,
// with an unlocked login keyring in a throw-away HOME. start() points this process's
// DBUS_SESSION_BUS_ADDRESS at the private bus, so QtKeychain (through libsecret) talks to it
// and never to the keychain of whoever runs the tests. Both daemons end with the object.

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace retort::test {

class SecretService
{
public:
    SecretService();
    ~SecretService();

    // Empty on success, otherwise what failed (with the daemons' output). Call before the
    // first D-Bus use of the process.
    QString start();
    // Points this process at a bus that does not exist: no keychain can answer.
    static void disconnectFromAnyBus();
    // What the ctest entry asks for (RETORT_TEST_KEYCHAIN, set by retort_add_keychain_variants):
    // "private" starts the service, "none" disconnects from any bus. Empty on success; an
    // unset or unknown value is an error, never a silent choice.
    QString startAsTestAsks(bool* keychain);

    // The value the keyring holds for a QtKeychain entry (service, key), read with
    // secret-tool over the same bus; null when there is none.
    QString lookup(const QString& service, const QString& key) const;
    // Where gnome-keyring keeps its files (to show they hold no secret in clear).
    QString keyringFolder() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
    QString m_address;
};

} // namespace retort::test
