#include "model/config/alembicconfig.h"
#include "model/config/connectionprofile.h"
#include "model/config/sqlalchemyurl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retort;

namespace {

AlembicConfig config(const QString& extra = {})
{
    const QString text = QStringLiteral("[alembic]\n"
                                        "script_location = %(here)s/migrations\n"
                                        "sqlalchemy.url = postgresql://app:inisecret@db/app\n") +
                         extra;
    auto c = AlembicConfig::fromIniText(text, QStringLiteral("/project"));
    if (!c)
        qFatal("ini does not parse: %s", qPrintable(c.error()));
    return c.value();
}

ConnectionProfile fullProfile()
{
    ConnectionProfile p(QStringLiteral("staging"), QStringLiteral("postgresql://u:pw@staging/app"));
    p.setVersionTable(QStringLiteral("my_versions"));
    p.setVersionTableSchema(QStringLiteral("ops"));
    p.setEnvironment({{QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://x")},
                      {QStringLiteral("APP_ENV"), QStringLiteral("staging")}});
    p.setXArguments({QStringLiteral("tenant=acme"), QStringLiteral("dry_run=1")});
    p.setProtected(true);
    return p;
}

} // namespace

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void fromConfig();
    void fromConfigWithVersionTable();
    void effectiveUrl();
    void displayUrlHidesPasswords();
    void parsedUrl();
    void jsonRoundTrip();
    void jsonMinimal();
    void jsonTextRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
    void listRoundTrip();
    void secretsNeverInJson();
    void secretVariables();
    void earlierVersionsSecretsAreKnownAfterLoad();
    void listErrors();
    void scratch();
};

void TestConnectionProfile::defaults()
{
    const ConnectionProfile p;
    QVERIFY(p.name().isEmpty());
    QVERIFY(p.usesConfigUrl());
    QCOMPARE(p.versionTable(), QStringLiteral("alembic_version"));
    QVERIFY(p.versionTableSchema().isEmpty());
    QVERIFY(p.environment().isEmpty());
    QVERIFY(p.xArguments().isEmpty());
    QVERIFY(!p.isProtected());
    QVERIFY(!p.isDefault());
}

void TestConnectionProfile::fromConfig()
{
    const ConnectionProfile p = ConnectionProfile::fromConfig(config());
    QCOMPARE(p.name(), QStringLiteral("default"));
    QVERIFY(p.isDefault());
    QVERIFY(p.usesConfigUrl());
    QCOMPARE(p.effectiveUrl(config()), QStringLiteral("postgresql://app:inisecret@db/app"));
    QCOMPARE(p.versionTable(), QStringLiteral("alembic_version"));
    QVERIFY(p.versionTableSchema().isEmpty());
    QVERIFY(!p.isProtected());
}

void TestConnectionProfile::fromConfigWithVersionTable()
{
    const AlembicConfig c = config(QStringLiteral("version_table = migrations_log\n"
                                                  "version_table_schema = audit\n"));
    const ConnectionProfile p = ConnectionProfile::fromConfig(c);
    QCOMPARE(p.versionTable(), QStringLiteral("migrations_log"));
    QCOMPARE(p.versionTableSchema(), QStringLiteral("audit"));
}

void TestConnectionProfile::effectiveUrl()
{
    const AlembicConfig c = config();
    ConnectionProfile p(QStringLiteral("local"));
    QCOMPARE(p.effectiveUrl(c), c.sqlalchemyUrl());
    p.setUrl(QStringLiteral("   "));
    QVERIFY(p.usesConfigUrl());
    QCOMPARE(p.effectiveUrl(c), c.sqlalchemyUrl());
    p.setUrl(QStringLiteral(" sqlite:///local.db "));
    QVERIFY(!p.usesConfigUrl());
    QCOMPARE(p.effectiveUrl(c), QStringLiteral("sqlite:///local.db"));
}

void TestConnectionProfile::displayUrlHidesPasswords()
{
    const AlembicConfig c = config();
    const ConnectionProfile byIni = ConnectionProfile::fromConfig(c);
    QCOMPARE(byIni.displayUrl(c), QStringLiteral("postgresql://app:***@db/app"));
    QVERIFY(byIni.displayUrl().isEmpty());
    const ConnectionProfile own = fullProfile();
    QCOMPARE(own.displayUrl(), QStringLiteral("postgresql://u:***@staging/app"));
    QCOMPARE(own.displayUrl(c), QStringLiteral("postgresql://u:***@staging/app"));
    // the password is kept apart from the URL, and out of the JSON
    QCOMPARE(own.url(), QStringLiteral("postgresql://u@staging/app"));
    QCOMPARE(own.password(), QStringLiteral("pw"));
    QCOMPARE(own.effectiveUrl(c), QStringLiteral("postgresql://u:pw@staging/app"));
    QCOMPARE(own.toJson().value(u"url").toString(), QStringLiteral("postgresql://u@staging/app"));
    // a saved password not fetched yet still shows as one
    ConnectionProfile unknown = own;
    unknown.setSecret(QStringLiteral("password"), QString());
    QCOMPARE(unknown.displayUrl(), QStringLiteral("postgresql://u:***@staging/app"));
    QCOMPARE(unknown.effectiveUrl(c), QStringLiteral("postgresql://u@staging/app"));
    // unparseable
    const ConnectionProfile broken(QStringLiteral("b"), QStringLiteral("pg://u:pw@h:port/db"));
    QVERIFY(!broken.displayUrl().contains(QStringLiteral("pw")));
}

void TestConnectionProfile::parsedUrl()
{
    const AlembicConfig c = config();
    const auto fromIni = ConnectionProfile::fromConfig(c).parsedUrl(c);
    QVERIFY2(fromIni.ok(), qPrintable(fromIni.error()));
    QCOMPARE(fromIni->host(), QStringLiteral("db"));
    QCOMPARE(fromIni->password(), QStringLiteral("inisecret"));

    auto noUrl = AlembicConfig::fromIniText(QStringLiteral("[alembic]\nscript_location = m\n"),
                                            QStringLiteral("/project"));
    QVERIFY(noUrl.ok());
    const auto missing = ConnectionProfile::fromConfig(noUrl.value()).parsedUrl(noUrl.value());
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QStringLiteral("sqlalchemy.url")),
             qPrintable(missing.error()));

    const ConnectionProfile bad(QStringLiteral("bad"), QStringLiteral("not a url"));
    QVERIFY(!bad.parsedUrl(c).ok());
}

// What a profile is after a save and a load: its secrets listed, their values not known.
static ConnectionProfile withSecretsUnknown(ConnectionProfile p)
{
    for (const QString& slot : p.secretSlots())
        p.setSecret(slot, QString());
    return p;
}

void TestConnectionProfile::jsonRoundTrip()
{
    const ConnectionProfile p = fullProfile();
    const auto back = ConnectionProfile::fromJson(p.toJson());
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == withSecretsUnknown(p));
    QCOMPARE(back->secretSlots(), QStringList{QStringLiteral("password")});
    QVERIFY(back->password().isNull());
    QCOMPARE(back->environment().value(QStringLiteral("APP_ENV")), QStringLiteral("staging"));
    QCOMPARE(back->xArguments(), p.xArguments());
    QVERIFY(back->isProtected());

    ConnectionProfile d = ConnectionProfile::fromConfig(config());
    const auto dBack = ConnectionProfile::fromJson(d.toJson());
    QVERIFY(dBack.ok());
    QVERIFY(dBack.value() == d);
    QVERIFY(dBack->isDefault());
}

void TestConnectionProfile::secretsNeverInJson()
{
    const QString password = QStringLiteral("pa:ss@wo/rd%41");
    ConnectionProfile p(QStringLiteral("prod"), QStringLiteral("postgresql://u@h/db"));
    p.setPassword(password);
    p.setEnvironment({{QStringLiteral("PGPASSWORD"), QStringLiteral("env-pw-1")},
                      {QStringLiteral("Api_Token"), QStringLiteral("tok-2")},
                      {QStringLiteral("client_secret"), QStringLiteral("sec-3")},
                      {QStringLiteral("MYSQL_PASSWD"), QStringLiteral("pwd-4")},
                      {QStringLiteral("APP_ENV"), QStringLiteral("prod")}});
    const QByteArray json = QJsonDocument(p.toJson()).toJson();
    for (const QString& secret : {password, QStringLiteral("env-pw-1"), QStringLiteral("tok-2"),
                                  QStringLiteral("sec-3"), QStringLiteral("pwd-4")})
        QVERIFY2(!json.contains(secret.toUtf8()), json.constData());
    QVERIFY(json.contains("APP_ENV"));
    QCOMPARE(p.secretSlots(),
             QStringList({QStringLiteral("env/Api_Token"), QStringLiteral("env/MYSQL_PASSWD"),
                          QStringLiteral("env/PGPASSWORD"), QStringLiteral("env/client_secret"),
                          QStringLiteral("password")}));
    // what alembic gets: everything, and the password back exactly through the URL
    QCOMPARE(p.environment().value(QStringLiteral("PGPASSWORD")), QStringLiteral("env-pw-1"));
    QCOMPARE(p.environment().size(), 5);
    const auto url = SqlAlchemyUrl::parse(p.effectiveUrl(config()));
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(url->password(), password);
    // after a load: the names, not the values
    const auto back = ConnectionProfile::fromJson(p.toJson());
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->secretSlots(), p.secretSlots());
    QCOMPARE(back->unknownSecrets(), p.secretSlots());
    QCOMPARE(back->environment().size(), 1);
}

void TestConnectionProfile::secretVariables()
{
    for (const char* name : {"PGPASSWORD", "db_password", "MYSQL_PASSWD", "AWS_SECRET_ACCESS_KEY",
                             "GITHUB_TOKEN", "tokenizer"})
        QVERIFY2(ConnectionProfile::isSecretVariable(QString::fromLatin1(name)), name);
    for (const char* name : {"DATABASE_URL", "APP_ENV", "PGUSER", "PASS"})
        QVERIFY2(!ConnectionProfile::isSecretVariable(QString::fromLatin1(name)), name);
}

void TestConnectionProfile::earlierVersionsSecretsAreKnownAfterLoad()
{
    // as Retort wrote profiles before secrets moved to the keychain
    const QJsonObject old{
        {QStringLiteral("name"), QStringLiteral("prod")},
        {QStringLiteral("url"), QStringLiteral("postgresql://u:old%40pw@h/db")},
        {QStringLiteral("environment"),
         QJsonObject{{QStringLiteral("PGPASSWORD"), QStringLiteral("old-env")},
                     {QStringLiteral("APP_ENV"), QStringLiteral("prod")}}}};
    const auto p = ConnectionProfile::fromJson(old);
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QCOMPARE(p->url(), QStringLiteral("postgresql://u@h/db"));
    QCOMPARE(p->password(), QStringLiteral("old@pw"));
    QCOMPARE(p->secret(QStringLiteral("env/PGPASSWORD")), QStringLiteral("old-env"));
    QVERIFY(p->unknownSecrets().isEmpty());
    const QByteArray rewritten = QJsonDocument(p->toJson()).toJson();
    QVERIFY(!rewritten.contains("old"));
}

void TestConnectionProfile::jsonMinimal()
{
    const auto p =
        ConnectionProfile::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral(" dev ")}});
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QCOMPARE(p->name(), QStringLiteral("dev"));
    QVERIFY(p->usesConfigUrl());
    QCOMPARE(p->versionTable(), QStringLiteral("alembic_version"));
    QVERIFY(!p->isProtected());
    QVERIFY(!p->isDefault());
}

void TestConnectionProfile::jsonTextRoundTrip()
{
    const QList<ConnectionProfile> list = {ConnectionProfile::fromConfig(config()), fullProfile()};
    const QByteArray text = QJsonDocument(ConnectionProfile::toJson(list)).toJson();
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    QVERIFY(doc.isArray());
    const auto back = ConnectionProfile::listFromJson(doc.array());
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == QList<ConnectionProfile>({list[0], withSecretsUnknown(list[1])}));
}

void TestConnectionProfile::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing name") << QByteArray(R"({"url": "sqlite://"})") << "name";
    QTest::newRow("null name") << QByteArray(R"({"name": null})") << "name";
    QTest::newRow("empty name") << QByteArray(R"({"name": "  "})") << "name";
    QTest::newRow("number name") << QByteArray(R"({"name": 5})") << "name";
    QTest::newRow("url not string") << QByteArray(R"({"name": "a", "url": ["x"]})") << "url";
    QTest::newRow("table not string")
        << QByteArray(R"({"name": "a", "versionTable": 1})") << "versionTable";
    QTest::newRow("empty table") << QByteArray(R"({"name": "a", "versionTable": ""})")
                                 << "version table";
    QTest::newRow("schema not string")
        << QByteArray(R"({"name": "a", "versionTableSchema": true})") << "versionTableSchema";
    QTest::newRow("env not object")
        << QByteArray(R"({"name": "a", "environment": "X=1"})") << "environment";
    QTest::newRow("env value not string")
        << QByteArray(R"({"name": "a", "environment": {"X": 1}})") << "environment";
    QTest::newRow("env bad name") << QByteArray(R"({"name": "a", "environment": {"X=Y": "1"}})")
                                  << "X=Y";
    QTest::newRow("env empty name")
        << QByteArray(R"({"name": "a", "environment": {"": "1"}})") << "environment variable";
    QTest::newRow("x not array") << QByteArray(R"({"name": "a", "xArguments": "k=v"})")
                                 << "xArguments";
    QTest::newRow("x not strings")
        << QByteArray(R"({"name": "a", "xArguments": ["k=v", 2]})") << "xArguments";
    QTest::newRow("protected not bool")
        << QByteArray(R"({"name": "a", "protected": "yes"})") << "protected";
    QTest::newRow("default not bool") << QByteArray(R"({"name": "a", "default": 1})") << "default";
    QTest::newRow("scratch not bool") << QByteArray(R"({"name": "a", "url": "sqlite:///s.db", "scratch": 1})")
                                      << "scratch";
    QTest::newRow("protected scratch")
        << QByteArray(R"({"name": "a", "url": "sqlite:///s.db", "protected": true, "scratch": true})")
        << "protected";
    QTest::newRow("scratch on the ini's URL")
        << QByteArray(R"({"name": "a", "scratch": true})") << "project's own database";
}

void TestConnectionProfile::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    const auto p = ConnectionProfile::fromJson(doc.object());
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(mentions), qPrintable(p.error()));
}

void TestConnectionProfile::listRoundTrip()
{
    QVERIFY(ConnectionProfile::listFromJson(QJsonArray())->isEmpty());
    QList<ConnectionProfile> list;
    for (int i = 0; i < 5; ++i)
        list.append(ConnectionProfile(QStringLiteral("p%1").arg(i),
                                      QStringLiteral("sqlite:///%1.db").arg(i)));
    const QJsonArray array = ConnectionProfile::toJson(list);
    QCOMPARE(array.size(), 5);
    const auto back = ConnectionProfile::listFromJson(array);
    QVERIFY(back.ok());
    QCOMPARE(back->size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(back->at(i).name(), list.at(i).name()); // order kept
}

void TestConnectionProfile::listErrors()
{
    const auto notObject = ConnectionProfile::listFromJson(
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}}, 42});
    QVERIFY(!notObject.ok());
    QVERIFY2(notObject.error().contains(QStringLiteral("2")), qPrintable(notObject.error()));

    const auto bad = ConnectionProfile::listFromJson(
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}},
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("b")},
                               {QStringLiteral("protected"), 3}}});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().contains(QStringLiteral("protected")), qPrintable(bad.error()));

    const auto duplicate = ConnectionProfile::listFromJson(
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}},
                   QJsonObject{{QStringLiteral("name"), QStringLiteral(" a ")}}});
    QVERIFY(!duplicate.ok());
    QVERIFY2(duplicate.error().contains(QStringLiteral("“a”")), qPrintable(duplicate.error()));
}

void TestConnectionProfile::scratch()
{
    // a throwaway database for the stairway: saved as "scratch", false when absent
    ConnectionProfile p(QStringLiteral("throwaway"), QStringLiteral("postgresql://u@/scratch"));
    QVERIFY(!p.isScratch());
    QVERIFY(p.scratchRefusal().isEmpty());
    p.setScratch(true);
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("scratch")).toBool(), true);
    const auto back = ConnectionProfile::fromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back->isScratch());
    QVERIFY(back.value() == p);
    QVERIFY(!ConnectionProfile::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}})
                 ->isScratch());

    // never a protected one, never the ini's own database
    p.setProtected(true);
    QVERIFY(p.scratchRefusal().contains(QLatin1String("protected")));
    QVERIFY(!ConnectionProfile::fromJson(p.toJson()).ok());
    const ConnectionProfile ini = ConnectionProfile::fromConfig(config());
    QVERIFY(!ini.scratchRefusal().isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
