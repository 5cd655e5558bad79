#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace retort {

// Where Retort keeps secrets (profile passwords, secret environment values): the system
// keychain through QtKeychain (the Secret Service on Linux) when one answers, and a copy in
// this process's memory for the session in any case. Nothing here writes a secret to a file.
//
// Where no keychain answers (no session bus, no Secret Service, a locked or refusing one, no
// answer within kTimeoutMs), secrets live in memory only and availability() says so, with the
// keychain's own reason. A value read once is not read from the keychain again.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend {
        Keychain,   // the system keychain, and memory
        MemoryOnly, // memory only: tests, and RETORT_KEYCHAIN=off
    };
    enum class Availability { Unknown, Available, Unavailable };

    static constexpr int kTimeoutMs = 10000;
    // QtKeychain's service name: entries show up as "Retort" in the desktop's password tool.
    static constexpr const char* kService = "Retort";

    explicit SecretStore(Backend backend, QObject* parent = nullptr);
    ~SecretStore() override;

    Backend backend() const { return m_backend; }
    Availability availability() const { return m_availability; }
    // Why secrets are not saved (the keychain's message, or that Retort was told not to).
    QString unavailableReason() const { return m_reason; }
    // Asks the keychain once, with a key that is never written, whether it answers; settles
    // availability() (availabilityChanged() follows). Nothing happens when already known.
    void probe();

    // Calls `done` (on this thread, never before read() returns, not at all once `context` is
    // gone) with the value, or a null string when there is none.
    void read(const QString& key, QObject* context, std::function<void(const QString&)> done);
    // Keeps the value for the session, and in the keychain when there is one.
    void write(const QString& key, const QString& value);
    void remove(const QString& key);

signals:
    void availabilityChanged();

private:
    void setAvailability(Availability availability, const QString& reason = {});
    // Starts the job; `answered` gets it when the keychain answers, or null on a timeout.
    void startJob(QKeychain::Job* job, std::function<void(QKeychain::Job*)> answered);
    void readKeychain(const QString& key);
    void finishRead(const QString& key, const QString& value);

    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const QString&)> done;
    };

    Backend m_backend;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
    QHash<QString, QString> m_memory;
    QHash<QString, QList<Waiter>> m_waiting; // key -> callers while the keychain is asked
    bool m_probing = false;
};

} // namespace retort
