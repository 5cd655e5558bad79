#include "model/config/sqlalchemyurl.h"
#include "support/sanitizers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>

using namespace retort;

namespace {

struct Row
{
    const char* tag;
    QString url;
    // We reject what SQLAlchemy accepts (ports beyond a C++ int).
    bool mayRejectAccepted = false;
};

QString mega(const QString& piece, int times)
{
    return piece.repeated(times);
}

QList<Row> comparisonTable()
{
    const int M = 1 << 20;
    return {
        {"pg basic", QStringLiteral("postgresql://scott:tiger@localhost/test")},
        {"pg driver port", QStringLiteral("postgresql+psycopg2://scott:tiger@localhost:5432/mydb")},
        {"pg socket",
         QStringLiteral("postgresql+psycopg2://postgres@/DB?host=/tmp/sock&port=5433")},
        {"mysql quoted pw",
         QStringLiteral(
             "mysql+pymysql://user:p%40ss%3Aword@db.example.com:3306/app?charset=utf8mb4")},
        {"mysql socket", QStringLiteral("mysql://root@/db?unix_socket=/run/mysqld/mysqld.sock")},
        {"sqlite relative", QStringLiteral("sqlite:///relative.db")},
        {"sqlite absolute", QStringLiteral("sqlite:////abs/path.db")},
        {"sqlite bare", QStringLiteral("sqlite://")},
        {"sqlite memory", QStringLiteral("sqlite:///:memory:")},
        {"sqlite empty db", QStringLiteral("sqlite:///")},
        {"sqlite uri", QStringLiteral("sqlite:///file:data.db?mode=ro&uri=true")},
        {"ipv6 port", QStringLiteral("postgresql://[::1]:5432/db")},
        {"ipv6", QStringLiteral("postgresql://[::1]/db")},
        {"ipv6 zone", QStringLiteral("postgresql://u@[fe80::1%25eth0]:5432/db")},
        {"ipv6 unclosed", QStringLiteral("postgresql://[::1/db")},
        {"ipv6 two brackets", QStringLiteral("postgresql://[::1]:5]/db")},
        {"repeated keys", QStringLiteral("postgresql://h/db?host=a&host=b&x=1")},
        // The display sorts keys by code point, as Python does: U+E000 before U+1F600,
        // although UTF-16 puts the surrogate pair of U+1F600 first.
        {"keys by code point",
         QStringLiteral("pg://h/db?%F0%9F%98%80=1&%EE%80%80=2&z=3&%EF%BF%BD=4&%F0%9F%98%80x=5")},
        {"blank query", QStringLiteral("pg://h/db?a=&b=1&c&&d=2+3&e=%41%zz&f=%e2%82%ac")},
        {"query only", QStringLiteral("pg://?x=1")},
        {"query newline", QStringLiteral("pg://h/db?x=1\ny=2&z=3")},
        {"db newline", QStringLiteral("pg://h/db\nfoo?x=1")},
        {"empty", QString()},
        {"no scheme", QStringLiteral("postgresql")},
        {"one slash", QStringLiteral("postgresql:/host")},
        {"no name", QStringLiteral("://host")},
        {"space in name", QStringLiteral("post gres://h")},
        {"leading space", QStringLiteral(" postgresql://h")},
        {"dash in name", QStringLiteral("my-sql://h")},
        {"plus plus", QStringLiteral("a+b+c://h")},
        {"unicode name", QStringLiteral("dïalect_1://h")},
        {"port letters", QStringLiteral("pg://h:abc/db")},
        {"port empty", QStringLiteral("pg://h:/db")},
        {"port big", QStringLiteral("pg://h:99999/db")},
        {"port negative", QStringLiteral("pg://h:-1/db")},
        {"port zero", QStringLiteral("pg://h:0/db")},
        {"port underscore", QStringLiteral("pg://h:+5_432/db")},
        {"port spaces", QStringLiteral("pg://h: 5432 /db")},
        {"port double underscore", QStringLiteral("pg://h:1__0/db")},
        {"port huge", QStringLiteral("pg://h:99999999999999999999/db"), true},
        {"port arabic", QStringLiteral("pg://h:\u0665\u0664\u0663\u0662/db")},
        {"port superscript", QStringLiteral("pg://h:\u00b2/db")},
        {"port leading zeros", QStringLiteral("pg://h:005432/db")},
        {"port colon", QStringLiteral("pg://h:54:32/db")},
        {"bad percent", QStringLiteral("pg://us%zzer:pa%zz%4@h/db")},
        {"invalid utf8", QStringLiteral("pg://u:%ff%fe@h/db")},
        {"utf8 two bytes", QStringLiteral("pg://u:%C3%A9@h/db")},
        {"utf8 truncated", QStringLiteral("pg://u:%E2%82@h/db")},
        {"utf8 truncated mid", QStringLiteral("pg://u:%E2%82x%F0%9F@h/db")},
        {"utf8 surrogate bytes", QStringLiteral("pg://u:%ED%A0%80@h/db")},
        {"utf8 overlong", QStringLiteral("pg://u:%C0%AF%E0%80%AF@h/db")},
        {"utf8 emoji", QStringLiteral("pg://u:%F0%9F%98%80@h/db")},
        {"unicode parts", QStringLiteral("pg://üser:pässwörd@hóst/dätabase?ключ=значение")},
        {"unicode split escape", QStringLiteral("pg://u:p%C3é%A9@h/db")},
        {"emoji password", QStringLiteral("pg://u:\U0001F600@h/db")},
        {"percent in host db", QStringLiteral("pg://u@h%41/d%41b")},
        {"two at", QStringLiteral("pg://user@foo@host/db")},
        {"at in password", QStringLiteral("pg://u:p@ss@host/db")},
        {"colon in password", QStringLiteral("pg://u:p:q@host/db")},
        {"password no at", QStringLiteral("pg://user:pass/db")},
        {"empty user", QStringLiteral("pg://@host/db")},
        {"empty password", QStringLiteral("pg://u:@host/db")},
        {"slash in user", QStringLiteral("pg://u/x:p@host/db")},
        {"mssql", QStringLiteral("mssql+pyodbc://u:p@dsn")},
        {"oracle", QStringLiteral("oracle://u:p@h:1521/sid")},
        {"question in host", QStringLiteral("pg://h?x=1/db")},
        {"plus in query", QStringLiteral("pg://h/db?a+b=c+d&%2B=%2B")},
        {"huge host", QStringLiteral("postgresql://") + mega(QStringLiteral("a"), M)},
        {"huge password", QStringLiteral("postgresql://u:") + mega(QStringLiteral("p"), M) +
                              QStringLiteral("@h/db")},
        {"huge sqlite", QStringLiteral("sqlite:///") + mega(QStringLiteral("x"), M)},
        {"huge query", QStringLiteral("pg://h/db?") + mega(QStringLiteral("a=b&"), M / 4)},
        {"huge no scheme", mega(QStringLiteral("x"), M)},
        {"huge colons", QStringLiteral("pg://") + mega(QStringLiteral(":"), M)},
        {"huge ats", QStringLiteral("pg://") + mega(QStringLiteral("@"), M)},
        {"huge percents",
         QStringLiteral("pg://u:") + mega(QStringLiteral("%"), M) + QStringLiteral("@h")},
        {"huge brackets", QStringLiteral("pg://") + mega(QStringLiteral("["), M)},
        {"huge name", mega(QStringLiteral("p"), M) + QStringLiteral("://h")},
        {"nul in password", QStringLiteral("pg://u:p\0w@h/db")},
        {"quoted user chars", QStringLiteral("pg://a%2Fb%3Ac%40d:x@h/db")},
        {"query needs quoting", QStringLiteral("pg://h/db?k%20ey=v%26al&\u00fc=\u00e9&z=a/b~c")},
        {"unicode host space", QStringLiteral("pg://h\u00f6 st/d b")},
        {"port nbsp ideographic", QStringLiteral("pg://h:\u00a05432\u3000/db")},
        {"port tab", QStringLiteral("pg://h:\t5432\n/db")},
        {"port x1c", QStringLiteral("pg://h:\x1c"
                                    "5432/db")},
        {"port fullwidth", QStringLiteral("pg://h:\uff15\uff14\uff13\uff12/db")},
        {"port math digits", QStringLiteral("pg://h:\U0001D7D3\U0001D7D2/db")},
        {"port trailing underscore", QStringLiteral("pg://h:5432_/db")},
        {"port sign only", QStringLiteral("pg://h:-/db")},
        {"name superscript", QStringLiteral("dialect\u00b2://h")},
        {"name combining", QStringLiteral("e\u0301x://h")},
    };
}

// Random URLs made of the characters the grammar cares about, for a differential check.
QList<Row> fuzzTable()
{
    static const QStringList pieces = {
        QStringLiteral(":"),         QStringLiteral("/"),      QStringLiteral("@"),
        QStringLiteral("?"),         QStringLiteral("["),      QStringLiteral("]"),
        QStringLiteral("%"),         QStringLiteral("&"),      QStringLiteral("="),
        QStringLiteral("+"),         QStringLiteral(" "),      QStringLiteral("\n"),
        QStringLiteral("a"),         QStringLiteral("Z"),      QStringLiteral("5"),
        QStringLiteral("0"),         QStringLiteral("_"),      QStringLiteral("-"),
        QStringLiteral("%41"),       QStringLiteral("%e2%82"), QStringLiteral("%ac"),
        QStringLiteral("%zz"),       QStringLiteral("\u00e9"), QStringLiteral("\u0665"),
        QStringLiteral("::1"),       QStringLiteral("://"),    QStringLiteral("pg://"),
        QStringLiteral("sqlite:///")};
    static QList<QByteArray> tags;
    QList<Row> rows;
    quint32 state = 12345u;
    auto next = [&state]() {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7fff;
    };
    for (int i = 0; i < 3000; ++i) {
        QString url = (next() % 4 == 0) ? QString() : QStringLiteral("pg+drv://");
        const int n = int(next() % 14);
        for (int k = 0; k < n; ++k)
            url += pieces.at(int(next() % pieces.size()));
        if (tags.size() <= i)
            tags.append(QByteArray("fuzz ") + QByteArray::number(i));
        rows.append({tags.at(i).constData(), url});
    }
    return rows;
}

// URLs a profile's password is put back into, and passwords hard to put into a URL.
const QStringList kPasswordBases = {
    QStringLiteral("postgresql://u@h/db"),
    QStringLiteral("postgresql://h/db"),
    QStringLiteral("postgresql://u:old@h:5432/db"),
    QStringLiteral("postgresql://@h/db"),
    QStringLiteral("postgresql://u@[::1]:5/db"),
    QStringLiteral("postgresql+psycopg2://postgres@/db?host=/tmp/s&port=5"),
    QStringLiteral("mysql+pymysql://u@localhost/db?unix_socket=/x/y.sock"),
    QStringLiteral("sqlite:///x.db")};
const QStringList kHardPasswords = {
    QStringLiteral("p"),     QStringLiteral("pa:ss@wo/rd"), QStringLiteral("50%off"),
    QStringLiteral("%41"),   QStringLiteral("a b+c"),       QStringLiteral("\u00fcn\u20ac"),
    QStringLiteral("?#&=;"), QStringLiteral("@@::"),        QStringLiteral("")};

QList<Row> passwordTable()
{
    static QList<QByteArray> tags; // Row keeps a pointer
    QList<Row> rows;
    for (const QString& base : kPasswordBases)
        for (const QString& password : kHardPasswords) {
            if (tags.size() <= rows.size())
                tags.append("withPassword " + QByteArray::number(rows.size()));
            rows.append({tags[rows.size()].constData(),
                         SqlAlchemyUrl::withPassword(base, password)});
        }
    return rows;
}

QList<Row> allRows()
{
    return comparisonTable() + fuzzTable() + passwordTable();
}

const char* kPythonScript = R"PY(
import json, sys
from sqlalchemy.engine import make_url
out = []
for s in json.load(sys.stdin):
    try:
        u = make_url(s)
        q = {k: (list(v) if isinstance(v, tuple) else [v]) for k, v in u.query.items()}
        out.append({"ok": True, "drivername": u.drivername, "username": u.username,
                    "password": u.password, "host": u.host,
                    "port": None if u.port is None else str(u.port),
                    "database": u.database, "query": q,
                    "display": u.render_as_string(hide_password=True)})
    except Exception as e:
        out.append({"ok": False, "error": type(e).__name__})
json.dump(out, sys.stdout)
)PY";

QJsonValue nullable(const QString& s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

class TestSqlAlchemyUrl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void compareWithSqlAlchemy_data();
    void compareWithSqlAlchemy();
    void accessors();
    void nullVersusEmpty();
    void qtMapping_data();
    void qtMapping();
    void sqliteRelativeUsesBaseDir();
    void sqliteRejectsServerParts();
    void unsupportedDialects_data();
    void unsupportedDialects();
    void ignoredOptions();
    void semicolonInOption();
    void badOptionValues();
    void multiHostRejected();
    void portOutOfRangeForQt();
    void driverAvailability();
    void missingDriverMessage();
    void displayHidesPasswords_data();
    void displayHidesPasswords();
    void errorsNeverContainPasswords();
    void redacted();
    void passwordTakenOutAndPutBack();
    void hostileInputNeverCrashes();
    void optionsAcceptedByQtDrivers_data();
    void optionsAcceptedByQtDrivers();

private:
    QString m_pythonError;
    QHash<QString, QJsonObject> m_python; // url -> make_url result
};

void TestSqlAlchemyUrl::initTestCase()
{
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFileInfo::exists(python)) {
        m_pythonError =
            QStringLiteral("%1 is missing; it is needed to compare with SQLAlchemy").arg(python);
        return;
    }
    const QList<Row> rows = allRows();
    QJsonArray input;
    for (const Row& row : rows)
        input.append(row.url);

    QProcess process;
    process.start(python, {QStringLiteral("-c"), QString::fromUtf8(kPythonScript)});
    if (!process.waitForStarted(10000)) {
        m_pythonError = QStringLiteral("cannot start %1: %2").arg(python, process.errorString());
        return;
    }
    process.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        m_pythonError = QStringLiteral("python failed: %1")
                            .arg(QString::fromUtf8(process.readAllStandardError()).left(2000));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (!doc.isArray() || doc.array().size() != rows.size()) {
        m_pythonError =
            QStringLiteral("unexpected python output: %1").arg(parseError.errorString());
        return;
    }
    const QJsonArray results = doc.array();
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_python.insert(rows[i].url, results[i].toObject());
}

void TestSqlAlchemyUrl::compareWithSqlAlchemy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("mayRejectAccepted");
    for (const Row& row : allRows())
        QTest::newRow(row.tag) << row.url << row.mayRejectAccepted;
}

void TestSqlAlchemyUrl::compareWithSqlAlchemy()
{
    QFETCH(QString, url);
    QFETCH(bool, mayRejectAccepted);
    QVERIFY2(m_pythonError.isEmpty(), qPrintable(m_pythonError));
    QVERIFY(m_python.contains(url));
    const QJsonObject expected = m_python.value(url);

    const auto parsed = SqlAlchemyUrl::parse(url);
    const bool pythonOk = expected.value(u"ok").toBool();
    if (!pythonOk) {
        QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("SQLAlchemy raised %1 but we parsed it")
                                              .arg(expected.value(u"error").toString())));
        QVERIFY(!parsed.error().isEmpty());
        return;
    }
    if (!parsed.ok() && mayRejectAccepted)
        return;
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const SqlAlchemyUrl& u = parsed.value();
    QCOMPARE(QJsonValue(u.drivername()), expected.value(u"drivername"));
    QCOMPARE(nullable(u.username()), expected.value(u"username"));
    QCOMPARE(nullable(u.password()), expected.value(u"password"));
    QCOMPARE(nullable(u.host()), expected.value(u"host"));
    QCOMPARE(u.port() ? QJsonValue(QString::number(*u.port())) : QJsonValue(QJsonValue::Null),
             expected.value(u"port"));
    QCOMPARE(nullable(u.database()), expected.value(u"database"));
    QJsonObject query;
    const auto q = u.query();
    for (auto it = q.cbegin(); it != q.cend(); ++it)
        query.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QCOMPARE(query, expected.value(u"query").toObject());
    QCOMPARE(u.toDisplayString(), expected.value(u"display").toString());
}

void TestSqlAlchemyUrl::accessors()
{
    const auto u = SqlAlchemyUrl::parse(QStringLiteral(
        "postgresql+psycopg2://scott:ti%40ger@db.example.com:6543/app?sslmode=require&a=1&a=2"));
    QVERIFY(u.ok());
    QCOMPARE(u->drivername(), QStringLiteral("postgresql+psycopg2"));
    QCOMPARE(u->dialect(), QStringLiteral("postgresql"));
    QCOMPARE(u->driver(), QStringLiteral("psycopg2"));
    QCOMPARE(u->username(), QStringLiteral("scott"));
    QCOMPARE(u->password(), QStringLiteral("ti@ger"));
    QVERIFY(u->hasPassword());
    QCOMPARE(u->host(), QStringLiteral("db.example.com"));
    QCOMPARE(u->port(), std::optional<int>(6543));
    QCOMPARE(u->database(), QStringLiteral("app"));
    QCOMPARE(u->query().value(QStringLiteral("a")),
             (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(u->queryValue(QStringLiteral("a")), QStringLiteral("2"));
    QCOMPARE(u->queryValue(QStringLiteral("sslmode")), QStringLiteral("require"));
    QVERIFY(u->hasQueryKey(QStringLiteral("sslmode")));
    QVERIFY(!u->hasQueryKey(QStringLiteral("nope")));
    QCOMPARE(u->queryItems().size(), 3);

    const auto plain = SqlAlchemyUrl::parse(QStringLiteral("mysql://h"));
    QVERIFY(plain.ok());
    QCOMPARE(plain->dialect(), QStringLiteral("mysql"));
    QVERIFY(plain->driver().isEmpty());
    QVERIFY(!plain->port());
}

void TestSqlAlchemyUrl::nullVersusEmpty()
{
    const auto a = SqlAlchemyUrl::parse(QStringLiteral("sqlite://"));
    QVERIFY(a.ok());
    QVERIFY(a->database().isNull());
    QVERIFY(a->username().isNull());
    QVERIFY(a->host().isNull());
    const auto b = SqlAlchemyUrl::parse(QStringLiteral("sqlite:///"));
    QVERIFY(b.ok());
    QVERIFY(!b->database().isNull());
    QVERIFY(b->database().isEmpty());
    const auto c = SqlAlchemyUrl::parse(QStringLiteral("pg://u:@h"));
    QVERIFY(c.ok());
    QVERIFY(c->hasPassword());
    QVERIFY(c->password().isEmpty());
}

void TestSqlAlchemyUrl::qtMapping_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("options");

    const QString pgTimeout = QStringLiteral("connect_timeout=5");
    const QString myTimeout = QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=5");

    // sqlite
    QTest::newRow("sqlite memory bare") << "sqlite://"
                                        << "QSQLITE"
                                        << "" << -1 << ":memory:"
                                        << ""
                                        << ""
                                        << "";
    QTest::newRow("sqlite memory") << "sqlite:///:memory:"
                                   << "QSQLITE"
                                   << "" << -1 << ":memory:"
                                   << ""
                                   << ""
                                   << "";
    QTest::newRow("sqlite empty") << "sqlite:///"
                                  << "QSQLITE"
                                  << "" << -1 << ":memory:"
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("sqlite absolute") << "sqlite:////abs/path.db"
                                     << "QSQLITE"
                                     << "" << -1 << "/abs/path.db"
                                     << ""
                                     << ""
                                     << "";
    QTest::newRow("sqlite relative") << "sqlite:///rel/app.db"
                                     << "QSQLITE"
                                     << "" << -1 << "/base/dir/rel/app.db"
                                     << ""
                                     << ""
                                     << "";
    QTest::newRow("sqlite dotdot") << "sqlite:///../up.db"
                                   << "QSQLITE"
                                   << "" << -1 << "/base/up.db"
                                   << ""
                                   << ""
                                   << "";
    QTest::newRow("pysqlite") << "sqlite+pysqlite:////x.db"
                              << "QSQLITE"
                              << "" << -1 << "/x.db"
                              << ""
                              << ""
                              << "";
    QTest::newRow("aiosqlite") << "sqlite+aiosqlite:///x.db"
                               << "QSQLITE"
                               << "" << -1 << "/base/dir/x.db"
                               << ""
                               << ""
                               << "";
    QTest::newRow("sqlite timeout") << "sqlite:////x.db?timeout=2.5"
                                    << "QSQLITE"
                                    << "" << -1 << "/x.db"
                                    << ""
                                    << ""
                                    << "QSQLITE_BUSY_TIMEOUT=2500";
    QTest::newRow("sqlite uri") << "sqlite:///file:data.db?mode=ro&uri=true&timeout=1"
                                << "QSQLITE"
                                << "" << -1 << "file:data.db?mode=ro"
                                << ""
                                << ""
                                << "QSQLITE_BUSY_TIMEOUT=1000;QSQLITE_OPEN_URI";
    QTest::newRow("sqlite uri false") << "sqlite:///a.db?uri=false&mode=ro"
                                      << "QSQLITE"
                                      << "" << -1 << "/base/dir/a.db"
                                      << ""
                                      << ""
                                      << "";

    // postgresql
    for (const char* drv : {"", "+psycopg2", "+psycopg", "+pg8000", "+asyncpg", "+psycopg2cffi"}) {
        const QString name = QStringLiteral("postgresql") + QLatin1String(drv);
        QTest::newRow(qPrintable(name + QStringLiteral(" tcp")))
            << name + QStringLiteral("://scott:tiger@db.example.com:5433/app") << "QPSQL"
            << "db.example.com" << 5433 << "app"
            << "scott"
            << "tiger" << pgTimeout;
        QTest::newRow(qPrintable(name + QStringLiteral(" socket")))
            << name + QStringLiteral("://postgres@/DB?host=/tmp/sock&port=5499") << "QPSQL"
            << "/tmp/sock" << 5499 << "DB"
            << "postgres"
            << "" << pgTimeout;
        QTest::newRow(qPrintable(name + QStringLiteral(" sslmode")))
            << name + QStringLiteral("://u@h/db?sslmode=verify-full") << "QPSQL"
            << "h" << -1 << "db"
            << "u"
            << "" << pgTimeout + QStringLiteral(";sslmode=verify-full");
        QTest::newRow(qPrintable(name + QStringLiteral(" ipv6")))
            << name + QStringLiteral("://u:p%3Bw@[::1]:5432/db") << "QPSQL"
            << "::1" << 5432 << "db"
            << "u"
            << "p;w" << pgTimeout;
    }
    QTest::newRow("pg no host") << "postgresql:///app"
                                << "QPSQL"
                                << "" << -1 << "app"
                                << ""
                                << "" << pgTimeout;
    QTest::newRow("pg timeout given") << "postgresql://h/db?connect_timeout=30"
                                      << "QPSQL"
                                      << "h" << -1 << "db"
                                      << ""
                                      << ""
                                      << "connect_timeout=30";
    QTest::newRow("pg query wins") << "postgresql://u@h:1/db?host=other&port=2&user=v&dbname=x"
                                   << "QPSQL"
                                   << "other" << 2 << "x"
                                   << "v"
                                   << "" << pgTimeout;
    QTest::newRow("pg quoted option")
        << "postgresql://h/db?application_name=my+app&options=-c%20search_path%3Dx"
        << "QPSQL"
        << "h" << -1 << "db"
        << ""
        << ""
        << pgTimeout + QStringLiteral(";application_name='my app';options='-c search_path=x'");
    QTest::newRow("pg8000 unix_sock") << "postgresql+pg8000://u@/db?unix_sock=/run/pg/.s.PGSQL.6000"
                                      << "QPSQL"
                                      << "/run/pg" << 6000 << "db"
                                      << "u"
                                      << "" << pgTimeout;
    QTest::newRow("pg8000 timeout") << "postgresql+pg8000://u@h/db?timeout=12"
                                    << "QPSQL"
                                    << "h" << -1 << "db"
                                    << "u"
                                    << ""
                                    << "connect_timeout=12";
    QTest::newRow("asyncpg ssl") << "postgresql+asyncpg://u@h/db?ssl=require"
                                 << "QPSQL"
                                 << "h" << -1 << "db"
                                 << "u"
                                 << "" << pgTimeout + QStringLiteral(";sslmode=require");
    QTest::newRow("asyncpg ssl bool") << "postgresql+asyncpg://u@h/db?ssl=false"
                                      << "QPSQL"
                                      << "h" << -1 << "db"
                                      << "u"
                                      << "" << pgTimeout + QStringLiteral(";sslmode=disable");

    // mysql / mariadb
    for (const char* dialect : {"mysql", "mariadb"}) {
        for (const char* drv :
             {"", "+pymysql", "+mysqldb", "+mysqlconnector", "+asyncmy", "+aiomysql"}) {
            const QString name = QLatin1String(dialect) + QLatin1String(drv);
            QTest::newRow(qPrintable(name + QStringLiteral(" tcp")))
                << name + QStringLiteral("://root:s%40cret@db:3307/app?charset=utf8mb4") << "QMYSQL"
                << "db" << 3307 << "app"
                << "root"
                << "s@cret" << myTimeout;
            QTest::newRow(qPrintable(name + QStringLiteral(" socket")))
                << name + QStringLiteral("://root@/app?unix_socket=/run/mysqld/mysqld.sock")
                << "QMYSQL"
                << "" << -1 << "app"
                << "root"
                << "" << myTimeout + QStringLiteral(";UNIX_SOCKET=/run/mysqld/mysqld.sock");
        }
    }
    QTest::newRow("mysql timeouts ssl")
        << "mysql+pymysql://u@h/db?connect_timeout=9&read_timeout=3&ssl_ca=/ca.pem&compress=true"
        << "QMYSQL"
        << "h" << -1 << "db"
        << "u"
        << ""
        << "CLIENT_COMPRESS;MYSQL_OPT_CONNECT_TIMEOUT=9;MYSQL_OPT_READ_TIMEOUT=3;SSL_CA=/ca.pem";
}

void TestSqlAlchemyUrl::qtMapping()
{
    QFETCH(QString, url);
    QFETCH(QString, driver);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, options);

    const auto parsed = SqlAlchemyUrl::parse(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const auto target = parsed->mapToQtSql(QStringLiteral("/base/dir"));
    QVERIFY2(target.ok(), qPrintable(target.error()));
    QCOMPARE(target->driver, driver);
    QCOMPARE(target->hostName, host);
    QCOMPARE(target->port, port);
    QCOMPARE(target->databaseName, database);
    QCOMPARE(target->userName, user);
    QCOMPARE(target->password, password);
    QCOMPARE(target->connectOptions, options);
    QVERIFY2(target->ignoredOptions.isEmpty(), qPrintable(target->ignoredOptions.join(u',')));

    // toQtSql adds only the plugin check.
    const auto checked = parsed->toQtSql(QStringLiteral("/base/dir"));
    if (SqlAlchemyUrl::driverAvailable(driver)) {
        QVERIFY(checked.ok());
        QCOMPARE(checked->connectOptions, options);
    } else {
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error(), SqlAlchemyUrl::missingDriverMessage(driver));
    }
}

void TestSqlAlchemyUrl::sqliteRelativeUsesBaseDir()
{
    const auto u = SqlAlchemyUrl::parse(QStringLiteral("sqlite:///app.db"));
    QVERIFY(u.ok());
    const QString base = QDir::tempPath();
    QCOMPARE(u->mapToQtSql(base)->databaseName,
             QDir(base).absoluteFilePath(QStringLiteral("app.db")));
    QCOMPARE(u->mapToQtSql()->databaseName,
             QDir::current().absoluteFilePath(QStringLiteral("app.db")));
    // Absolute paths ignore baseDir.
    const auto abs = SqlAlchemyUrl::parse(QStringLiteral("sqlite:////var/x.db"));
    QCOMPARE(abs->mapToQtSql(base)->databaseName, QStringLiteral("/var/x.db"));
}

void TestSqlAlchemyUrl::sqliteRejectsServerParts()
{
    for (const char* url : {"sqlite://user@/x.db", "sqlite://:secretpw@/x.db", "sqlite://host/x.db",
                            "sqlite://:5/x.db"}) {
        const auto u = SqlAlchemyUrl::parse(QString::fromUtf8(url));
        QVERIFY2(u.ok(), url);
        const auto t = u->mapToQtSql();
        QVERIFY2(!t.ok(), url);
        QVERIFY(t.error().contains(QStringLiteral("SQLite")));
        QVERIFY(!t.error().contains(QStringLiteral("secretpw")));
    }
    // An empty user and port 0 are falsy in SQLAlchemy and accepted.
    QVERIFY(SqlAlchemyUrl::parse(QStringLiteral("sqlite://@/x.db"))->mapToQtSql().ok());
    QVERIFY(SqlAlchemyUrl::parse(QStringLiteral("sqlite://:0/x.db"))->mapToQtSql().ok());
}

void TestSqlAlchemyUrl::unsupportedDialects_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("mssql") << "mssql+pyodbc://u:p@dsn"
                           << "mssql";
    QTest::newRow("oracle") << "oracle://u:p@h:1521/sid"
                            << "oracle";
    QTest::newRow("oracle cx") << "oracle+cx_oracle://u:p@h/sid"
                               << "oracle";
    QTest::newRow("firebird") << "firebird://h/db"
                              << "firebird";
    QTest::newRow("postgres") << "postgres://u@h/db"
                              << "postgresql://";
    QTest::newRow("unknown pg driver") << "postgresql+nope://h/db"
                                       << "nope";
    QTest::newRow("mysql pyodbc") << "mysql+pyodbc://dsn"
                                  << "pyodbc";
    QTest::newRow("sqlcipher") << "sqlite+pysqlcipher://:key@/x.db"
                               << "pysqlcipher";
    QTest::newRow("empty dialect") << "+drv://h"
                                   << "Qt";
}

void TestSqlAlchemyUrl::unsupportedDialects()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    const auto u = SqlAlchemyUrl::parse(url);
    QVERIFY2(u.ok(), qPrintable(u.error()));
    const auto t = u->toQtSql();
    QVERIFY(!t.ok());
    QVERIFY2(t.error().contains(mentions), qPrintable(t.error()));
}

void TestSqlAlchemyUrl::ignoredOptions()
{
    const auto pg = SqlAlchemyUrl::parse(
        QStringLiteral("postgresql+pg8000://h/db?sslmode=require&tcp_keepalive=true&foo=1"));
    const auto t = pg->mapToQtSql();
    QVERIFY(t.ok());
    QCOMPARE(t->ignoredOptions,
             (QStringList{QStringLiteral("foo"), QStringLiteral("tcp_keepalive")}));
    QCOMPARE(t->connectOptions, QStringLiteral("connect_timeout=5;sslmode=require"));

    const auto libpq =
        SqlAlchemyUrl::parse(QStringLiteral("postgresql://h/db?bogus=1"))->mapToQtSql();
    QCOMPARE(libpq->ignoredOptions, QStringList{QStringLiteral("bogus")});

    const auto my =
        SqlAlchemyUrl::parse(QStringLiteral("mysql://h/db?charset=latin1&local_infile=1"))
            ->mapToQtSql();
    QVERIFY(my.ok());
    QCOMPARE(my->ignoredOptions,
             (QStringList{QStringLiteral("charset"), QStringLiteral("local_infile")}));

    const auto asyncpg =
        SqlAlchemyUrl::parse(
            QStringLiteral("postgresql+asyncpg://h/db?prepared_statement_cache_size=0"))
            ->mapToQtSql();
    QVERIFY(asyncpg->ignoredOptions.isEmpty());
}

void TestSqlAlchemyUrl::semicolonInOption()
{
    const auto pg = SqlAlchemyUrl::parse(QStringLiteral("postgresql://h/db?application_name=a%3Bb"))
                        ->mapToQtSql();
    QVERIFY(!pg.ok());
    QVERIFY(pg.error().contains(QStringLiteral("application_name")));
    const auto my =
        SqlAlchemyUrl::parse(QStringLiteral("mysql://h/db?unix_socket=/a%3Bb"))->mapToQtSql();
    QVERIFY(!my.ok());
    QVERIFY(my.error().contains(QStringLiteral("unix_socket")));
}

void TestSqlAlchemyUrl::badOptionValues()
{
    for (const char* url :
         {"postgresql://h/db?connect_timeout=soon", "postgresql://h/db?port=x",
          "postgresql+asyncpg://h/db?ssl=maybe", "mysql://h/db?connect_timeout=-1",
          "mysql://h/db?compress=perhaps", "sqlite:///x.db?uri=perhaps",
          "sqlite:///x.db?timeout=soon", "postgresql+pg8000://h/db?timeout=x"}) {
        const auto u = SqlAlchemyUrl::parse(QString::fromUtf8(url));
        QVERIFY2(u.ok(), url);
        QVERIFY2(!u->mapToQtSql().ok(), url);
    }
}

void TestSqlAlchemyUrl::multiHostRejected()
{
    const auto t =
        SqlAlchemyUrl::parse(QStringLiteral("postgresql://u@/db?host=a:1&host=b:2"))->mapToQtSql();
    QVERIFY(!t.ok());
    QVERIFY(t.error().contains(QStringLiteral("hosts")));
}

void TestSqlAlchemyUrl::portOutOfRangeForQt()
{
    for (const char* url : {"postgresql://h:70000/db", "mysql://h:-1/db", "postgresql://h:0/db",
                            "postgresql://h/db?port=65536"}) {
        const auto u = SqlAlchemyUrl::parse(QString::fromUtf8(url));
        QVERIFY2(u.ok(), url); // SQLAlchemy accepts these
        const auto t = u->mapToQtSql();
        QVERIFY2(!t.ok(), url);
        QVERIFY(t.error().contains(QStringLiteral("65535")));
    }
}

void TestSqlAlchemyUrl::driverAvailability()
{
    QVERIFY(!SqlAlchemyUrl::driverAvailable(QStringLiteral("QNOSUCHDRIVER")));
    // The toolchain installs all three plugins.
    QVERIFY(SqlAlchemyUrl::driverAvailable(QStringLiteral("QSQLITE")));
    QVERIFY(SqlAlchemyUrl::driverAvailable(QStringLiteral("QPSQL")));
    QVERIFY(SqlAlchemyUrl::driverAvailable(QStringLiteral("QMYSQL")));
}

void TestSqlAlchemyUrl::missingDriverMessage()
{
    QCOMPARE(SqlAlchemyUrl::driverPackage(QStringLiteral("QPSQL")),
             QStringLiteral("libqt6sql6-psql"));
    QCOMPARE(SqlAlchemyUrl::driverPackage(QStringLiteral("QMYSQL")),
             QStringLiteral("libqt6sql6-mysql"));
    QCOMPARE(SqlAlchemyUrl::driverPackage(QStringLiteral("QSQLITE")),
             QStringLiteral("libqt6sql6-sqlite"));
    for (const char* drv : {"QPSQL", "QMYSQL", "QSQLITE"}) {
        const QString msg = SqlAlchemyUrl::missingDriverMessage(QString::fromLatin1(drv));
        QVERIFY(msg.contains(QString::fromLatin1(drv)));
        QVERIFY(msg.contains(SqlAlchemyUrl::driverPackage(QString::fromLatin1(drv))));
    }
    QVERIFY(SqlAlchemyUrl::missingDriverMessage(QStringLiteral("QODBC"))
                .contains(QStringLiteral("QODBC")));
}

void TestSqlAlchemyUrl::displayHidesPasswords_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("display");
    QTest::newRow("pg") << "postgresql://scott:tiger@h/db"
                        << "postgresql://scott:***@h/db";
    QTest::newRow("quoted") << "mysql://u%40x:p%40ss@h:3306/db"
                            << "mysql://u%40x:***@h:3306/db";
    QTest::newRow("empty pw") << "pg://u:@h"
                              << "pg://u:***@h";
    QTest::newRow("no pw") << "pg://u@h"
                           << "pg://u@h";
    QTest::newRow("ipv6") << "pg://u:p@[::1]:5/d"
                          << "pg://u:***@[::1]:5/d";
    QTest::newRow("query pw") << "postgresql://h/db?password=tiger&sslmode=require&PWD=x"
                              << "postgresql://h/db?PWD=***&password=***&sslmode=require";
    QTest::newRow("sqlite") << "sqlite:///:memory:"
                            << "sqlite:///:memory:";
}

void TestSqlAlchemyUrl::displayHidesPasswords()
{
    QFETCH(QString, url);
    QFETCH(QString, display);
    const auto u = SqlAlchemyUrl::parse(url);
    QVERIFY(u.ok());
    QCOMPARE(u->toDisplayString(), display);
    QVERIFY(!u->toDisplayString().contains(QStringLiteral("tiger")));
}

void TestSqlAlchemyUrl::errorsNeverContainPasswords()
{
    const QString secret = QStringLiteral("S3cr3tPw");
    const QStringList urls = {
        QStringLiteral("pg://user:") + secret + QStringLiteral("/db"), // port error
        QStringLiteral("pg://user:") + secret + QStringLiteral("x:1/db"),
        QStringLiteral("postgresql:/user:") + secret + QStringLiteral("@h/db"),
        QStringLiteral("user:") + secret + QStringLiteral("@h/db"),
        QStringLiteral("oracle://user:") + secret + QStringLiteral("@h/db"),
        QStringLiteral("sqlite://user:") + secret + QStringLiteral("@/x.db"),
        QStringLiteral("postgres://user:") + secret + QStringLiteral("@h/db"),
        QStringLiteral("postgresql://user:") + secret + QStringLiteral("@h:99999/db"),
        QStringLiteral("postgresql://h/db?password=") + secret + QStringLiteral("&port=x"),
    };
    for (const QString& url : urls) {
        const auto u = SqlAlchemyUrl::parse(url);
        QString error = u.ok() ? u->toQtSql().error() : u.error();
        QVERIFY2(!error.isEmpty(), qPrintable(url));
        QVERIFY2(!error.contains(secret), qPrintable(error));
        QVERIFY2(!SqlAlchemyUrl::redacted(url).contains(secret),
                 qPrintable(SqlAlchemyUrl::redacted(url)));
    }
}

// The URL a profile keeps has no password; the one Retort connects with has it back exactly
// (SQLAlchemy's reading of these URLs is compared in compareWithSqlAlchemy: "withPassword").
void TestSqlAlchemyUrl::passwordTakenOutAndPutBack()
{
    for (const QString& base : kPasswordBases) {
        const auto original = SqlAlchemyUrl::parse(base);
        QVERIFY2(original.ok(), qPrintable(base));
        const SqlAlchemyUrl::PasswordSplit bare = SqlAlchemyUrl::splitPassword(base);
        QVERIFY(!SqlAlchemyUrl::parse(bare.url)->hasPassword());
        for (const QString& password : kHardPasswords) {
            const QString joined = SqlAlchemyUrl::withPassword(base, password);
            const auto parsed = SqlAlchemyUrl::parse(joined);
            QVERIFY2(parsed.ok(), qPrintable(joined));
            QCOMPARE(parsed->password(), password);
            QCOMPARE(parsed->host(), original->host());
            QCOMPARE(parsed->port(), original->port());
            QCOMPARE(parsed->database(), original->database());
            QCOMPARE(parsed->queryItems(), original->queryItems());
            QCOMPARE(parsed->username(), original->username().isNull() ? QStringLiteral("")
                                                                       : original->username());
            const SqlAlchemyUrl::PasswordSplit split = SqlAlchemyUrl::splitPassword(joined);
            QCOMPARE(split.password, password);
            QVERIFY(!SqlAlchemyUrl::parse(split.url)->hasPassword());
            QCOMPARE(SqlAlchemyUrl::withPassword(split.url, password), joined);
        }
    }
    // no password: nothing to take out, nothing put in
    QCOMPARE(SqlAlchemyUrl::splitPassword(QStringLiteral("not a url")).url,
             QStringLiteral("not a url"));
    QVERIFY(SqlAlchemyUrl::splitPassword(QStringLiteral("sqlite:///a.db")).password.isNull());
    QCOMPARE(SqlAlchemyUrl::withPassword(QStringLiteral("postgresql://u@h/d"), QString()),
             QStringLiteral("postgresql://u@h/d"));
    const auto secret =
        SqlAlchemyUrl::parse(QStringLiteral("mysql://u@h/d?password=x&charset=utf8&token=y"));
    QCOMPARE(secret->secretQueryKeys(),
             QStringList({QStringLiteral("password"), QStringLiteral("token")}));
}

void TestSqlAlchemyUrl::redacted()
{
    QCOMPARE(SqlAlchemyUrl::redacted(QStringLiteral("postgresql://u:pw@h/db")),
             QStringLiteral("postgresql://u:***@h/db"));
    QCOMPARE(SqlAlchemyUrl::redacted(QStringLiteral("pg://u:pw@h:x/db")),
             QStringLiteral("pg://***@h:x/db"));
    QCOMPARE(SqlAlchemyUrl::redacted(QStringLiteral("pg://u:pw/db")), QStringLiteral("pg://***"));
    QCOMPARE(SqlAlchemyUrl::redacted(QStringLiteral("garbage")), QStringLiteral("***"));
}

void TestSqlAlchemyUrl::hostileInputNeverCrashes()
{
    const int M = 1 << 20;
    QStringList inputs = {
        QString(QChar(0xD800)),
        QStringLiteral("pg://u:") + QChar(0xD800) + QStringLiteral("@h/db"),
        QStringLiteral("pg://u:p@h/db?") + QChar(0xDC00) + QStringLiteral("=1"),
        QStringLiteral("pg://u:%") + QChar(0xDFFF),
        QStringLiteral("postgresql://u:p@h/db?") + mega(QStringLiteral("%ff"), M / 3),
        QStringLiteral("mysql://u:p@h/db?unix_socket=") + mega(QStringLiteral("/x"), M / 2),
        QStringLiteral("sqlite:///") + mega(QStringLiteral("../"), M / 3),
        QStringLiteral("postgresql://") + mega(QStringLiteral("u:p@"), M / 4),
        QStringLiteral("postgresql://h:") + mega(QStringLiteral("9"), M),
        QStringLiteral("postgresql://h/db?port=") + mega(QStringLiteral("9"), M),
        QStringLiteral("postgresql://h/db?") + mega(QStringLiteral("host=a&"), M / 8),
    };
    QElapsedTimer timer;
    timer.start();
    for (const QString& input : inputs) {
        const auto u = SqlAlchemyUrl::parse(input);
        if (!u.ok()) {
            QVERIFY(!u.error().isEmpty());
            QVERIFY(u.error().size() < 500);
            continue;
        }
        (void)u->toDisplayString();
        (void)u->query();
        const auto t = u->mapToQtSql(QStringLiteral("/base"));
        if (!t.ok())
            QVERIFY(t.error().size() < 500);
        (void)SqlAlchemyUrl::redacted(input);
    }
    QVERIFY2(timer.elapsed() < 20000 * retort::test::kSanitizerSlowdown,
             qPrintable(QString::number(timer.elapsed())));
}

void TestSqlAlchemyUrl::optionsAcceptedByQtDrivers_data()
{
    QTest::addColumn<QString>("url");
    const QString dir = QStringLiteral("/nonexistent-retort-socket-dir");
    QTest::newRow("sqlite memory") << QStringLiteral("sqlite://?timeout=1.5");
    QTest::newRow("pg socket")
        << QStringLiteral("postgresql+psycopg2://postgres:pw@/"
                          "db?host=%1&port=5999&sslmode=disable&application_name=my+app")
               .arg(dir);
    QTest::newRow("pg timeout")
        << QStringLiteral(
               "postgresql://u@/db?host=%1&connect_timeout=2&options=-c%20statement_timeout%3D5")
               .arg(dir);
    QTest::newRow("mysql socket") << QStringLiteral(
                                         "mysql+pymysql://root:pw@localhost/db?unix_socket=%1/"
                                         "m.sock&read_timeout=3&write_timeout=3&compress=1")
                                         .arg(dir);
}

// Qt's drivers take the connect options we produce: SQLite opens, and the server drivers fail
// only because nothing listens on the socket (not over an option they do not understand).
void TestSqlAlchemyUrl::optionsAcceptedByQtDrivers()
{
    QFETCH(QString, url);
    const auto target = SqlAlchemyUrl::parse(url)->toQtSql();
    QVERIFY2(target.ok(), qPrintable(target.error()));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("connect option|Illegal"),
                                            QRegularExpression::CaseInsensitiveOption));
    const QString name =
        QStringLiteral("tst_sqlalchemyurl_%1").arg(QString::fromUtf8(QTest::currentDataTag()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(target->driver, name);
        db.setHostName(target->hostName);
        db.setPort(target->port);
        db.setDatabaseName(target->databaseName);
        db.setUserName(target->userName);
        db.setPassword(target->password);
        db.setConnectOptions(target->connectOptions);
        const bool opened = db.open();
        const QString error = db.lastError().text();
        if (target->driver == u"QSQLITE") {
            QVERIFY2(opened, qPrintable(error));
        } else {
            QVERIFY(!opened);
            QVERIFY2(
                !error.contains(QStringLiteral("invalid connection option"), Qt::CaseInsensitive) &&
                    !error.contains(QStringLiteral("syntax"), Qt::CaseInsensitive) &&
                    !error.contains(QStringLiteral("missing"), Qt::CaseInsensitive),
                qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("nonexistent-retort-socket-dir")),
                     qPrintable(error));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QTEST_GUILESS_MAIN(TestSqlAlchemyUrl)
#include "tst_sqlalchemyurl.moc"
