#include "support/secretservice.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace retort::test {

SecretService::SecretService() : m_dir(QStringLiteral("/tmp/retort-keyring-XXXXXX")) {}

SecretService::~SecretService()
{
    for (QProcess* p : {m_keyring.get(), m_bus.get()}) {
        if (p && p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(3000)) {
                p->kill();
                p->waitForFinished(3000);
            }
        }
    }
}

QString SecretService::keyringFolder() const
{
    return m_dir.filePath(QStringLiteral("home/.local/share/keyrings"));
}

QString SecretService::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    QDir(m_dir.path()).mkpath(QStringLiteral("home"));
    QDir(m_dir.path()).mkpath(QStringLiteral("run"));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_address = QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("bus"));

    // A bus without service activation: were the secrets name asked for before our daemon
    // owns it, the standard session bus would start a second gnome-keyring without a login
    // keyring, and ours would give up.
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    {
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(config);
        f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type><listen>" +
                m_address.toUtf8() +
                "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
                "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    }
    m_bus = std::make_unique<QProcess>();
    m_bus->setProcessChannelMode(QProcess::MergedChannels);
    m_bus->start(QStringLiteral("dbus-daemon"),
                 {QStringLiteral("--nofork"), QStringLiteral("--config-file=") + config});
    if (!m_bus->waitForStarted(5000))
        return QStringLiteral("dbus-daemon does not start: %1 (scripts/setup installs it)")
            .arg(m_bus->errorString());
    QElapsedTimer clock;
    clock.start();
    while (!QFileInfo::exists(m_dir.filePath(QStringLiteral("bus"))) && clock.elapsed() < 10000)
        QThread::msleep(20);
    if (!QFileInfo::exists(m_dir.filePath(QStringLiteral("bus"))))
        return QStringLiteral("dbus-daemon made no socket: %1")
            .arg(QString::fromUtf8(m_bus->readAll()));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    env.remove(QStringLiteral("XDG_DATA_HOME"));
    env.remove(QStringLiteral("DISPLAY")); // no prompt can be shown, and none is needed
    m_keyring = std::make_unique<QProcess>();
    m_keyring->setProcessEnvironment(env);
    m_keyring->setProcessChannelMode(QProcess::MergedChannels);
    // --unlock reads the login keyring's password from stdin and creates the keyring
    m_keyring->start(QStringLiteral("gnome-keyring-daemon"),
                     {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                      QStringLiteral("--components=secrets")});
    if (!m_keyring->waitForStarted(5000))
        return QStringLiteral("gnome-keyring-daemon does not start: %1 (scripts/setup installs "
                              "gnome-keyring)")
            .arg(m_keyring->errorString());
    m_keyring->write("keyring-password");
    m_keyring->waitForBytesWritten(5000); // QProcess writes from the event loop otherwise
    m_keyring->closeWriteChannel();

    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    // --unlock creates the login keyring; asked before that, the service would want to prompt
    // for a new keyring (and no prompter can run here).
    clock.restart();
    const QString login = keyringFolder() + QStringLiteral("/login.keyring");
    while (!QFileInfo::exists(login) && clock.elapsed() < 20000)
        QThread::msleep(50);
    if (!QFileInfo::exists(login))
        return QStringLiteral("gnome-keyring-daemon made no login keyring: %1")
            .arg(QString::fromUtf8(m_keyring->readAll()));
    QThread::msleep(200);
    // Ready when an item can be stored through the service.
    clock.restart();
    QString last;
    while (clock.elapsed() < 20000) {
        QProcess store;
        store.setProcessEnvironment(env);
        store.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("store"), QStringLiteral("--label=probe"),
                     QStringLiteral("retort-test"), QStringLiteral("probe")});
        store.waitForStarted(5000);
        store.write("ready");
        store.closeWriteChannel();
        if (!store.waitForFinished(10000)) {
            store.kill();
            store.waitForFinished(2000);
        }
        if (store.exitStatus() == QProcess::NormalExit && store.exitCode() == 0)
            return {};
        last = QString::fromUtf8(store.readAllStandardError());
        QThread::msleep(100);
    }
    return QStringLiteral("the Secret Service does not answer: %1\n%2")
        .arg(last, QString::fromUtf8(m_keyring->readAll()));
}

void SecretService::disconnectFromAnyBus()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/retort-no-bus");
}

QString SecretService::startAsTestAsks(bool* keychain)
{
    const QString mode = qEnvironmentVariable("RETORT_TEST_KEYCHAIN");
    *keychain = mode == u"private";
    if (mode == u"none") {
        disconnectFromAnyBus();
        return {};
    }
    if (mode == u"private")
        return start();
    return QStringLiteral("RETORT_TEST_KEYCHAIN is “%1”; the test needs “private” or “none”")
        .arg(mode);
}

QString SecretService::lookup(const QString& service, const QString& key) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    QProcess tool;
    tool.setProcessEnvironment(env);
    // QtKeychain's libsecret schema: the key as "user", the service as "server"
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                service});
    if (!tool.waitForFinished(10000) || tool.exitCode() != 0)
        return {};
    return QString::fromUtf8(tool.readAllStandardOutput());
}

} // namespace retort::test
