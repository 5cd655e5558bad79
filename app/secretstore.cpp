#include "app/secretstore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "retort.app.secrets", QtWarningMsg)

namespace retort {

namespace {

// Never written: reading it tells whether a keychain answers at all.
const QString kProbeKey = QStringLiteral("retort-keychain-probe");

// Errors that say no keychain can be used, as opposed to "nothing saved under this key".
bool meansUnavailable(QKeychain::Error error)
{
    return error != QKeychain::NoError && error != QKeychain::EntryNotFound;
}

// A job without a parent: it deletes itself when the keychain has answered. As a child of the
// store it would die with it while libsecret still holds a pointer to it for the answer
// (found by tst_secretsproof: a crash when a window closed with a write on its way).
template<class Job>
Job* makeJob(const QString& key)
{
    auto* job = new Job(QString::fromLatin1(SecretStore::kService));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

SecretStore::SecretStore(Backend backend, QObject* parent) : QObject(parent), m_backend(backend)
{
    if (m_backend == Backend::MemoryOnly)
        setAvailability(Availability::Unavailable,
                        tr("Retort was started without the system keychain."));
}

SecretStore::~SecretStore() = default;

void SecretStore::setAvailability(Availability availability, const QString& reason)
{
    if (availability == m_availability)
        return;
    m_availability = availability;
    m_reason = reason;
    if (availability == Availability::Unavailable)
        qCInfo(lcSecrets) << "no keychain:" << reason;
    emit availabilityChanged();
}

void SecretStore::probe()
{
    if (m_availability != Availability::Unknown || m_probing)
        return;
    m_probing = true;
    read(kProbeKey, this, [this](const QString&) { m_probing = false; });
}

void SecretStore::read(const QString& key, QObject* context,
                       std::function<void(const QString&)> done)
{
    const bool asking = m_waiting.contains(key);
    m_waiting[key].append(Waiter{context, std::move(done)});
    if (asking)
        return;
    const auto known = m_memory.constFind(key);
    if (known != m_memory.constEnd() || m_availability == Availability::Unavailable) {
        const QString value = known != m_memory.constEnd() ? *known : QString();
        QTimer::singleShot(0, this, [this, key, value] { finishRead(key, value); });
        return;
    }
    readKeychain(key);
}

void SecretStore::readKeychain(const QString& key)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(key);
    // A keychain that never answers (a prompt nobody sees) must not hold the databases.
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, key] {
        setAvailability(Availability::Unavailable,
                        tr("The system keychain did not answer within %1 seconds.")
                            .arg(kTimeoutMs / 1000));
        finishRead(key, m_memory.value(key));
    });
    connect(timer, &QTimer::timeout, timer, &QObject::deleteLater);
    connect(job, &QKeychain::Job::finished, this,
            [this, key, timer = QPointer<QTimer>(timer)](QKeychain::Job* j) {
        if (timer) {
            timer->stop();
            timer->deleteLater();
        }
        if (!m_waiting.contains(key))
            return; // answered after the timeout
        auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(j);
        QString value;
        if (j->error() == QKeychain::NoError) {
            setAvailability(Availability::Available);
            value = readJob->textData();
            m_memory.insert(key, value);
        } else if (j->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available);
        } else if (meansUnavailable(j->error())) {
            setAvailability(Availability::Unavailable, j->errorString());
        }
        finishRead(key, m_memory.value(key));
    });
    timer->start(kTimeoutMs);
    job->start();
}

void SecretStore::finishRead(const QString& key, const QString& value)
{
    const QList<Waiter> waiters = m_waiting.take(key);
    for (const Waiter& w : waiters)
        if (w.context)
            w.done(value);
}

void SecretStore::write(const QString& key, const QString& value)
{
    m_memory.insert(key, value);
    if (m_availability == Availability::Unavailable)
        return;
    auto* job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* j) {
        if (j->error() == QKeychain::NoError)
            setAvailability(Availability::Available);
        else
            setAvailability(Availability::Unavailable, j->errorString());
    });
    job->start();
}

void SecretStore::remove(const QString& key)
{
    m_memory.remove(key);
    if (m_availability == Availability::Unavailable)
        return;
    makeJob<QKeychain::DeletePasswordJob>(key)->start();
}

} // namespace retort
