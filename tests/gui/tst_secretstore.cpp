// Secrets in the system keychain, against a real Secret Service (gnome-keyring on a private
// D-Bus: tst_secretstore) and with no keychain at all (tst_secretstore@nokeychain): what
// SecretStore keeps and where, and the move of passwords that earlier versions wrote into
// the settings file.
#include "support/secretservice.h"
#include "app/databasesession.h"
#include "app/profilesecrets.h"
#include "app/secretstore.h"
#include "app/settings.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

QString readNow(SecretStore& store, const QString& key)
{
    QString value = QStringLiteral("(no answer)");
    bool done = false;
    QObject context;
    store.read(key, &context, [&](const QString& v) {
        value = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return QStringLiteral("(no answer)");
    return value;
}

bool settle(SecretStore& store)
{
    store.probe();
    return QTest::qWaitFor(
        [&] { return store.availability() != SecretStore::Availability::Unknown; }, 30000);
}

// Every file under `folder` whose bytes hold `needle`.
QStringList filesHolding(const QString& folder, const QByteArray& needle)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found.append(f.fileName());
    }
    return found;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_service.startAsTestAsks(&m_keychain);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void secretsGoToTheKeychainOrStayInMemory()
    {
        const QString key = QStringLiteral("p1/prod/password");
        const QString secret = QStringLiteral("kc-Secret-81!");
        {
            SecretStore store(SecretStore::Backend::Keychain);
            QVERIFY(settle(store));
            if (m_keychain) {
                QCOMPARE(store.availability(), SecretStore::Availability::Available);
            } else {
                QCOMPARE(store.availability(), SecretStore::Availability::Unavailable);
                QVERIFY(!store.unavailableReason().isEmpty());
            }
            QVERIFY(readNow(store, key).isNull());
            store.write(key, secret);
            QCOMPARE(readNow(store, key), secret); // in memory for the session either way
            QTest::qWait(500);                   // the keychain write is asynchronous
        }
        // another session: only the keychain still has it
        SecretStore next(SecretStore::Backend::Keychain);
        if (m_keychain) {
            QCOMPARE(readNow(next, key), secret);
            QCOMPARE(m_service.lookup(QString::fromLatin1(SecretStore::kService), key), secret);
            // and the keyring keeps it encrypted
            QVERIFY2(filesHolding(m_service.keyringFolder(), secret.toUtf8()).isEmpty(),
                     qPrintable(filesHolding(m_service.keyringFolder(), secret.toUtf8()).join(
                         u' ')));
            next.remove(key);
            QTRY_VERIFY_WITH_TIMEOUT(
                m_service.lookup(QString::fromLatin1(SecretStore::kService), key).isNull(), 10000);
            SecretStore third(SecretStore::Backend::Keychain);
            QVERIFY(readNow(third, key).isNull());
        } else {
            QVERIFY(readNow(next, key).isNull());
        }
    }

    void memoryOnlyNeverAsksTheKeychain()
    {
        SecretStore store(SecretStore::Backend::MemoryOnly);
        QCOMPARE(store.availability(), SecretStore::Availability::Unavailable);
        store.write(QStringLiteral("p2/x/password"), QStringLiteral("mem-only-7"));
        QCOMPARE(readNow(store, QStringLiteral("p2/x/password")), QStringLiteral("mem-only-7"));
        QTest::qWait(300);
        if (m_keychain)
            QVERIFY(m_service
                        .lookup(QString::fromLatin1(SecretStore::kService),
                                QStringLiteral("p2/x/password"))
                        .isNull());
    }

    // Settings written by earlier versions kept passwords in the profile's URL and in
    // environment values: on start they move to the keychain (or are dropped from the file,
    // kept in memory, with a note), and the settings file is rewritten without them.
    void earlierSettingsAreMigratedOnStart()
    {
        const QString ini = m_dir.filePath(QStringLiteral("migrate.ini"));
        const RecentProject a{QStringLiteral("/srv/a/alembic.ini"), {}};
        const RecentProject b{QStringLiteral("/srv/b/alembic.ini"), QStringLiteral("other")};
        {
            Settings old(ini);
            const QJsonArray profilesA{QJsonObject{
                {QStringLiteral("name"), QStringLiteral("prod")},
                {QStringLiteral("url"), QStringLiteral("postgresql://u:Old-Url-Pw-1@db/app")},
                {QStringLiteral("environment"),
                 QJsonObject{{QStringLiteral("PGPASSWORD"), QStringLiteral("Old-Env-Pw-2")},
                             {QStringLiteral("APP_ENV"), QStringLiteral("prod")}}}}};
            const QJsonArray profilesB{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("stage")},
                            {QStringLiteral("url"), QStringLiteral("mysql://m:Old-Url-Pw-3@h/d")}}};
            old.setConnectionProfiles(a, QJsonDocument(profilesA).toJson());
            old.setConnectionProfiles(b, QJsonDocument(profilesB).toJson());
            old.sync();
        }
        QFile before(ini);
        QVERIFY(before.open(QIODevice::ReadOnly));
        QVERIFY(before.readAll().contains("Old-Url-Pw-1"));
        before.close();

        Settings settings(ini, SecretStore::Backend::Keychain);
        DatabaseSession session(settings);
        QSignalSpy notices(&session, &DatabaseSession::notice);
        QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 2, 30000);
        for (const auto& n : notices) {
            const QString note = n.first().toString();
            QVERIFY2(!note.contains(QStringLiteral("Old-")), qPrintable(note));
            QVERIFY2(note.contains(m_keychain ? QStringLiteral("to the system keychain")
                                              : QStringLiteral("No keychain is available")),
                     qPrintable(note));
        }
        settings.sync();
        for (const char* secret : {"Old-Url-Pw-1", "Old-Env-Pw-2", "Old-Url-Pw-3"})
            QVERIFY2(filesHolding(m_dir.path(), secret).isEmpty(), secret);
        // what stays: the URL without its password, and which secrets the profile has
        const QByteArray rewritten = settings.connectionProfiles(a);
        QVERIFY2(rewritten.contains("postgresql://u@db/app"), rewritten.constData());
        QVERIFY2(rewritten.contains("env/PGPASSWORD"), rewritten.constData());
        QVERIFY(rewritten.contains("APP_ENV"));

        const QString keyA = ProfileSecrets::key(Settings::projectKey(a), QStringLiteral("prod"),
                                                 QStringLiteral("password"));
        const QString keyEnv = ProfileSecrets::key(Settings::projectKey(a), QStringLiteral("prod"),
                                                   QStringLiteral("env/PGPASSWORD"));
        const QString keyB = ProfileSecrets::key(Settings::projectKey(b), QStringLiteral("stage"),
                                                 QStringLiteral("password"));
        QCOMPARE(readNow(settings.secrets(), keyA), QStringLiteral("Old-Url-Pw-1"));
        QCOMPARE(readNow(settings.secrets(), keyEnv), QStringLiteral("Old-Env-Pw-2"));
        QCOMPARE(readNow(settings.secrets(), keyB), QStringLiteral("Old-Url-Pw-3"));
        if (m_keychain) {
            const QString service = QString::fromLatin1(SecretStore::kService);
            QTRY_COMPARE_WITH_TIMEOUT(m_service.lookup(service, keyA),
                                      QStringLiteral("Old-Url-Pw-1"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(m_service.lookup(service, keyEnv),
                                      QStringLiteral("Old-Env-Pw-2"), 10000);
        }
        // a second start finds nothing left to move
        Settings again(ini, SecretStore::Backend::Keychain);
        DatabaseSession second(again);
        QSignalSpy none(&second, &DatabaseSession::notice);
        QTest::qWait(1500);
        QCOMPARE(none.size(), 0);
    }

private:
    retort::test::SecretService m_service;
    bool m_keychain = false;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
