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

void SecretStore::startJob(QKeychain::Job* job, std::function<void(QKeychain::Job*)> answered)
{
    // A keychain that never answers (a prompt nobody sees, a service that hangs) must not
    // hold the databases: after kTimeoutMs it counts as no keychain, and a late answer is
    // dropped.
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    auto done = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, this, [this, timer, done, answered] {
        timer->deleteLater();
        *done = true;
        setAvailability(Availability::Unavailable,
                        tr("The system keychain did not answer within %1 seconds.")
                            .arg(kTimeoutMs / 1000));
        answered(nullptr);
    });
    connect(job, &QKeychain::Job::finished, this,
            [timer = QPointer<QTimer>(timer), done, answered](QKeychain::Job* j) {
                if (*done)
                    return;
                *done = true;
                if (timer) {
                    timer->stop();
                    timer->deleteLater();
                }
                answered(j);
            });
    timer->start(kTimeoutMs);
    job->start();
}

void SecretStore::readKeychain(const QString& key)
{
    startJob(makeJob<QKeychain::ReadPasswordJob>(key), [this, key](QKeychain::Job* j) {
        if (j && j->error() == QKeychain::NoError) {
            setAvailability(Availability::Available);
            m_memory.insert(key, static_cast<QKeychain::ReadPasswordJob*>(j)->textData());
        } else if (j && j->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available);
        } else if (j && meansUnavailable(j->error())) {
            setAvailability(Availability::Unavailable, j->errorString());
        }
        finishRead(key, m_memory.value(key));
    });
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
    startJob(job, [this](QKeychain::Job* j) {
        if (!j)
            return; // timed out: said already
        if (j->error() == QKeychain::NoError)
            setAvailability(Availability::Available);
        else
            setAvailability(Availability::Unavailable, j->errorString());
    });
}

void SecretStore::remove(const QString& key)
{
    m_memory.remove(key);
    if (m_availability == Availability::Unavailable)
        return;
    makeJob<QKeychain::DeletePasswordJob>(key)->start();
}

} // namespace retort
