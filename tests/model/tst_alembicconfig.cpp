#include "model/config/alembicconfig.h"
#include "model/config/inifile.h"
#include "model/config/tomlfile.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>
#include <QTimeZone>

#include <sys/stat.h>

#include <cmath>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

// Writes `content` to `dir`/`relativePath`, creating folders; returns the absolute path.
QString writeFile(const QTemporaryDir& dir, const QString& relativePath, const QByteArray& content)
{
    const QString path = dir.filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

QString makeDir(const QTemporaryDir& dir, const QString& relativePath)
{
    const QString path = dir.filePath(relativePath);
    QDir().mkpath(path);
    return QDir::cleanPath(path);
}

// Runs the Python interpreter that has Debian's alembic; std::nullopt when it is missing.
std::optional<QByteArray> runPython(const QString& script, const QString& workingDir = {})
{
    QProcess python;
    if (!workingDir.isEmpty())
        python.setWorkingDirectory(workingDir);
    python.start(QStringLiteral(RETORT_TEST_PYTHON), {QStringLiteral("-c"), script});
    if (!python.waitForStarted(10000))
        return std::nullopt;
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning().noquote() << "python failed:" << python.readAllStandardError();
        return std::nullopt;
    }
    return python.readAllStandardOutput();
}

#define VERIFY_OK(result)                                                                          \
    do {                                                                                           \
        if (!(result).ok())                                                                        \
            QFAIL(qPrintable(QStringLiteral("unexpected error: ") + (result).error()));            \
    } while (false)

#define VERIFY_ERROR(result, fragment)                                                             \
    do {                                                                                           \
        QVERIFY2(!(result).ok(), "expected an error");                                             \
        QVERIFY2((result).error().contains(fragment),                                              \
                 qPrintable(QStringLiteral("error \"%1\" does not contain \"%2\"")                 \
                                .arg((result).error(), QString(fragment))));                       \
    } while (false)

} // namespace

class TestAlembicConfig : public QObject
{
    Q_OBJECT

private slots:
    // A named pipe given as the config (or called pyproject.toml) is refused at once: reading
    // it would block forever (issue 14).
    void namedPipeIsRefusedNotWaitedOn()
    {
        QTemporaryDir dir;
        for (const char* name : {"alembic.ini", "pyproject.toml"}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
            const Result<AlembicConfig> config = AlembicConfig::load(path);
            QVERIFY(!config.ok());
            QVERIFY2(config.error().contains(QStringLiteral("not a regular file")),
                     qPrintable(config.error()));
        }
    }

    // --- IniFile: configparser semantics ---
    void iniBasics();
    void iniContinuationLines();
    void iniInterpolation();
    void iniInterpolationErrors();
    void iniDuplicatesAndSyntaxErrors();
    void iniMatchesPython();

    // --- AlembicConfig from alembic.ini ---
    void sectionSelection();
    void missingFileAndSection();
    void unreadableFile();
    void scriptLocationPaths();
    void scriptLocationMissing();
    void packageScriptLocation();
    void versionLocations_data();
    void versionLocations();
    void versionLocationsMatchAlembic();
    void recursiveVersionLocations();

    // --- pyproject.toml ---
    void pyprojectOnly();
    void pyprojectWithIniBeside();
    void pyprojectErrors();
    void iniWithPyprojectBeside();

    // --- TomlFile ---
    void tomlValues();
    void tomlTables();
    void tomlErrors_data();
    void tomlErrors();
    void tomlMatchesPython();

    // --- robustness ---
    void hostileInput();
};

// ---------------------------------------------------------------------------------------------

void TestAlembicConfig::iniBasics()
{
    const QString text = QStringLiteral("# a comment\n"
                                        "; another comment\n"
                                        "[alembic]\n"
                                        "Script_Location = migrations\n"
                                        "sqlalchemy.url: postgresql://user:pw@host/db\n"
                                        "  # an indented comment\n"
                                        "inline = value # not a comment\n"
                                        "spaced   =    padded value   \n"
                                        "empty =\n"
                                        "colon:in = value\n"
                                        "[Alembic]\n"
                                        "x = other section\n");
    const auto ini = IniFile::parse(text, QStringLiteral("t.ini"), {{u"here"_s, u"/h"_s}});
    VERIFY_OK(ini);
    QCOMPARE(ini->sections(),
             QStringList({u"alembic"_s, u"Alembic"_s})); // names are case-sensitive
    QVERIFY(!ini->hasSection(QStringLiteral("DEFAULT")));
    QVERIFY(ini->hasOption(u"alembic"_s, u"SCRIPT_LOCATION"_s));
    QCOMPARE(ini->value(u"alembic"_s, u"script_location"_s).value(), QStringLiteral("migrations"));
    // The first '=' or ':' separates key and value.
    QCOMPARE(ini->value(u"alembic"_s, u"sqlalchemy.url"_s).value(),
             QStringLiteral("postgresql://user:pw@host/db"));
    QCOMPARE(ini->value(u"alembic"_s, u"colon"_s).value(), QStringLiteral("in = value"));
    QCOMPARE(ini->value(u"alembic"_s, u"inline"_s).value(),
             QStringLiteral("value # not a comment"));
    QCOMPARE(ini->value(u"alembic"_s, u"spaced"_s).value(), QStringLiteral("padded value"));
    QCOMPARE(ini->value(u"alembic"_s, u"empty"_s).value(), QString());
    QCOMPARE(ini->value(u"Alembic"_s, u"x"_s).value(), QStringLiteral("other section"));
    QCOMPARE(ini->value(u"alembic"_s, u"here"_s).value(), QStringLiteral("/h"));
    QCOMPARE(ini->options(u"alembic"_s),
             QStringList({u"script_location"_s, u"sqlalchemy.url"_s, u"inline"_s, u"spaced"_s,
                          u"empty"_s, u"colon"_s, u"here"_s}));
    QVERIFY(!ini->hasOption(u"nosuch"_s, u"here"_s));
    VERIFY_ERROR(ini->value(u"nosuch"_s, u"x"_s), u"nosuch"_s);
    VERIFY_ERROR(ini->value(u"alembic"_s, u"nosuch"_s), u"nosuch"_s);

    QCOMPARE(IniFile::parseBoolean(u"Yes"_s), std::optional<bool>(true));
    QCOMPARE(IniFile::parseBoolean(u"on"_s), std::optional<bool>(true));
    QCOMPARE(IniFile::parseBoolean(u"1"_s), std::optional<bool>(true));
    QCOMPARE(IniFile::parseBoolean(u"OFF"_s), std::optional<bool>(false));
    QCOMPARE(IniFile::parseBoolean(u"0"_s), std::optional<bool>(false));
    QCOMPARE(IniFile::parseBoolean(u"maybe"_s), std::nullopt);

    // Windows line endings and a lone CR are line breaks too (universal newlines).
    const auto crlf = IniFile::parse(QStringLiteral("[a]\r\nx = 1\r\ny = 2\rz = 3"));
    VERIFY_OK(crlf);
    QCOMPARE(crlf->value(u"a"_s, u"y"_s).value(), QStringLiteral("2"));
    QCOMPARE(crlf->value(u"a"_s, u"z"_s).value(), QStringLiteral("3"));
}

void TestAlembicConfig::iniContinuationLines()
{
    const QString text = QStringLiteral("[a]\n"
                                        "multi = first\n"
                                        "    second\n"
                                        "\n"
                                        "    # a comment inside the value is skipped\n"
                                        "\tthird\n"
                                        "\n"
                                        "\n"
                                        "next = 1\n"
                                        "startsempty =\n"
                                        "   line1\n"
                                        "   line2\n"
                                        "[c]\n"
                                        "  indented = option\n"
                                        "    continues\n"
                                        "back = 0\n"
                                        "      more\n"
                                        "[b]\n"
                                        "    not_a_continuation = yes\n"
                                        "trailing = v\n"
                                        "\n"
                                        "   \n");
    const auto ini = IniFile::parse(text);
    VERIFY_OK(ini);
    QCOMPARE(ini->value(u"a"_s, u"multi"_s).value(), QStringLiteral("first\nsecond\n\nthird"));
    QCOMPARE(ini->value(u"a"_s, u"next"_s).value(), QStringLiteral("1"));
    QCOMPARE(ini->value(u"a"_s, u"startsempty"_s).value(), QStringLiteral("\nline1\nline2"));
    // Option lines may be indented; deeper lines continue them.
    QCOMPARE(ini->value(u"c"_s, u"indented"_s).value(), QStringLiteral("option\ncontinues"));
    QCOMPARE(ini->value(u"c"_s, u"back"_s).value(), QStringLiteral("0\nmore"));
    // After a section header an indented line starts an option, not a continuation.
    QCOMPARE(ini->value(u"b"_s, u"not_a_continuation"_s).value(), QStringLiteral("yes"));
    QCOMPARE(ini->value(u"b"_s, u"trailing"_s).value(), QStringLiteral("v"));
}

void TestAlembicConfig::iniInterpolation()
{
    const QString text = QStringLiteral("[DEFAULT]\n"
                                        "base = /srv\n"
                                        "shared = %(base)s/shared\n"
                                        "[alembic]\n"
                                        "script_location = %(here)s/migrations\n"
                                        "local = %(SCRIPT_LOCATION)s/local\n"
                                        "fromdefault = %(shared)s/x\n"
                                        "percent = 100%% sure %%(not)s\n"
                                        "chain = %(c1)s\n"
                                        "c1 = %(c2)s!\n"
                                        "c2 = %%\n"
                                        "[other]\n"
                                        "base = /override\n"
                                        "shared_here = %(shared)s\n");
    const auto ini = IniFile::parse(text, QStringLiteral("t.ini"), {{u"here"_s, u"/proj"_s}});
    VERIFY_OK(ini);
    QCOMPARE(ini->value(u"alembic"_s, u"script_location"_s).value(),
             QStringLiteral("/proj/migrations"));
    QCOMPARE(ini->value(u"alembic"_s, u"local"_s).value(),
             QStringLiteral("/proj/migrations/local"));
    QCOMPARE(ini->value(u"alembic"_s, u"fromdefault"_s).value(), QStringLiteral("/srv/shared/x"));
    QCOMPARE(ini->value(u"alembic"_s, u"percent"_s).value(), QStringLiteral("100% sure %(not)s"));
    QCOMPARE(ini->value(u"alembic"_s, u"chain"_s).value(), QStringLiteral("%!"));
    QCOMPARE(ini->rawValue(u"alembic"_s, u"percent"_s).value(),
             QStringLiteral("100%% sure %%(not)s"));
    // A DEFAULT value is interpolated in the context of the section asking for it.
    QCOMPARE(ini->value(u"other"_s, u"shared_here"_s).value(), QStringLiteral("/override/shared"));
    QCOMPARE(ini->value(u"DEFAULT"_s, u"shared"_s).value(), QStringLiteral("/srv/shared"));

    // A [DEFAULT] `here` in the file overrides the one alembic passes.
    const auto overridden =
        IniFile::parse(QStringLiteral("[DEFAULT]\nhere = /elsewhere\n[a]\nx = %(here)s\n"),
                       QString(), {{u"here"_s, u"/proj"_s}});
    VERIFY_OK(overridden);
    QCOMPARE(overridden->value(u"a"_s, u"x"_s).value(), QStringLiteral("/elsewhere"));

    // Through AlembicConfig: every main option is interpolated, DEFAULT ones included.
    const auto config = AlembicConfig::fromIniText(text, QStringLiteral("/proj"));
    VERIFY_OK(config);
    QCOMPARE(config->scriptLocation(), QStringLiteral("/proj/migrations"));
    QCOMPARE(config->mainOption(u"percent"_s), QStringLiteral("100% sure %(not)s"));
    QCOMPARE(config->mainOption(u"BASE"_s), QStringLiteral("/srv"));
    QCOMPARE(config->mainOption(u"here"_s), QStringLiteral("/proj"));
    QCOMPARE(config->mainOption(u"absent"_s, QStringLiteral("fb")), QStringLiteral("fb"));
    QVERIFY(config->hasMainOption(u"shared"_s));
    QVERIFY(!config->hasMainOption(u"absent"_s));
}

void TestAlembicConfig::iniInterpolationErrors()
{
    const QString text = QStringLiteral("[alembic]\n"
                                        "script_location = x\n"
                                        "missing = %(nosuch)s/x\n"
                                        "self = %(SELF)s\n"
                                        "ping = %(pong)s\n"
                                        "pong = %(ping)s\n"
                                        "deep1 = %(deep2)s\n"
                                        "deep2 = %(deep3)s\n"
                                        "deep3 = %(deep4)s\n"
                                        "deep4 = %(deep5)s\n"
                                        "deep5 = %(deep6)s\n"
                                        "deep6 = %(deep7)s\n"
                                        "deep7 = %(deep8)s\n"
                                        "deep8 = %(deep9)s\n"
                                        "deep9 = %(deep10)s\n"
                                        "deep10 = %(deep11)s\n"
                                        "deep11 = end%%\n"
                                        "nine1 = %(deep3)s\n"
                                        "lonepercent = 50% off\n"
                                        "badref = %(name)\n"
                                        "trailing = 50%\n");
    const auto ini = IniFile::parse(text, QStringLiteral("t.ini"));
    VERIFY_OK(ini); // interpolation happens on read, as in configparser

    const auto missing = ini->value(u"alembic"_s, u"missing"_s);
    VERIFY_ERROR(missing, u"nosuch"_s);
    VERIFY_ERROR(missing, u"'missing'"_s);
    VERIFY_ERROR(missing, u"[alembic]"_s);
    VERIFY_ERROR(ini->value(u"alembic"_s, u"self"_s), u"10 levels"_s);
    VERIFY_ERROR(ini->value(u"alembic"_s, u"ping"_s), u"10 levels"_s);
    // deep1 needs 11 levels: over the limit; deep2 needs exactly 10: allowed (as in Python).
    VERIFY_ERROR(ini->value(u"alembic"_s, u"deep1"_s), u"'deep1'"_s);
    QCOMPARE(ini->value(u"alembic"_s, u"deep2"_s).value(), QStringLiteral("end%"));
    QCOMPARE(ini->value(u"alembic"_s, u"nine1"_s).value(), QStringLiteral("end%"));
    VERIFY_ERROR(ini->value(u"alembic"_s, u"lonepercent"_s), u"'%' must be followed"_s);
    VERIFY_ERROR(ini->value(u"alembic"_s, u"badref"_s), u"bad interpolation reference"_s);
    VERIFY_ERROR(ini->value(u"alembic"_s, u"trailing"_s), u"'trailing'"_s);

    // AlembicConfig reads every main option (env.py's get_section() would), so a bad one
    // fails the load with a message naming the key and the section.
    const auto config = AlembicConfig::fromIniText(
        QStringLiteral("[custom]\nscript_location = x\nurl = %(password)s@host\n"),
        QStringLiteral("/p"), QStringLiteral("custom"));
    VERIFY_ERROR(config, u"password"_s);
    VERIFY_ERROR(config, u"'url'"_s);
    VERIFY_ERROR(config, u"[custom]"_s);
    // …but other sections (logging formats use %(asctime)s) do not matter.
    const auto logging = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = x\n[formatter_generic]\n"
                       "format = %(levelname)-5.5s [%(name)s] %(message)s\n"),
        QStringLiteral("/p"));
    VERIFY_OK(logging);
}

void TestAlembicConfig::iniDuplicatesAndSyntaxErrors()
{
    VERIFY_ERROR(IniFile::parse(QStringLiteral("[a]\nx=1\n[b]\n[a]\n"), u"f.ini"_s), u"line 4"_s);
    VERIFY_ERROR(IniFile::parse(QStringLiteral("[a]\nx=1\n[b]\n[a]\n"), u"f.ini"_s), u"[a]"_s);
    const auto dupOption = IniFile::parse(QStringLiteral("[a]\nx = 1\nX = 2\n"), u"f.ini"_s);
    VERIFY_ERROR(dupOption, u"f.ini, line 3"_s);
    VERIFY_ERROR(dupOption, u"'x'"_s);
    // [DEFAULT] may appear twice, but its options may not repeat.
    const auto twoDefaults =
        IniFile::parse(QStringLiteral("[DEFAULT]\nq=1\n[a]\n[DEFAULT]\nr=2\n"));
    VERIFY_OK(twoDefaults);
    QCOMPARE(twoDefaults->value(u"a"_s, u"r"_s).value(), QStringLiteral("2"));
    VERIFY_ERROR(IniFile::parse(QStringLiteral("[DEFAULT]\nq=1\n[DEFAULT]\nq=2\n")), u"line 4"_s);

    VERIFY_ERROR(IniFile::parse(QStringLiteral("\n# c\nkey = value\n[a]\n"), u"f.ini"_s),
                 u"f.ini, line 3"_s);
    VERIFY_ERROR(IniFile::parse(QStringLiteral("[a]\nx = 1\njust words\n"), u"f.ini"_s),
                 u"line 3"_s);
    VERIFY_ERROR(IniFile::parse(QStringLiteral("[a]\n= no key\n"), u"f.ini"_s), u"line 2"_s);
    VERIFY_ERROR(IniFile::parse(QStringLiteral("[a]\n[]\n"), u"f.ini"_s), u"line 2"_s);

    // An empty file has no sections, which is not an error for the parser.
    const auto empty = IniFile::parse(QString());
    VERIFY_OK(empty);
    QVERIFY(empty->sections().isEmpty());
    // Section headers: the last ']' closes, trailing text after it is ignored.
    const auto headers = IniFile::parse(QStringLiteral("[a] trailing\nx=1\n[b]c]\ny=2\n"));
    VERIFY_OK(headers);
    QCOMPARE(headers->sections(), QStringList({u"a"_s, u"b]c"_s}));
}

void TestAlembicConfig::iniMatchesPython()
{
    // A file full of configparser corner cases, read by Python and by IniFile.
    const QByteArray text = "[DEFAULT]\n"
                            "def = d%%\n"
                            "[alembic]\n"
                            "a = 1\n"
                            "  # indented comment\n"
                            "  more\n"
                            "\n"
                            "\t\ttabbed\n"
                            "\n"
                            "b:c=d=e\n"
                            "  Mixed.Case  =  %(A)s|%(def)s|%(here)s  \n"
                            "semi = x ; y\n"
                            "hash = x # y\n"
                            "   indented = key\n"
                            "after = z\n"
                            "      cont\n"
                            "empty =\n"
                            "\n"
                            "  last\n"
                            "[sec] junk\n"
                            "k = v\n"
                            "[x]y]\n"
                            "\xc3\xa9t\xc3\xa9 = \xe2\x82\xac\n";
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"python.ini"_s, text);

    const auto python = runPython(
        QStringLiteral("import configparser, json, sys\n"
                       "c = configparser.ConfigParser({'here': '/h'})\n"
                       "c.read(sys.argv[1] if len(sys.argv) > 1 else %1, encoding='utf-8')\n"
                       "print(json.dumps({s: dict(c.items(s)) for s in c.sections()}))\n")
            .arg(QStringLiteral("'") + path + QStringLiteral("'")));
    QVERIFY2(python, "Debian's python3 must run (scripts/setup installs it)");
    const QJsonObject expected = QJsonDocument::fromJson(*python).object();
    QVERIFY(!expected.isEmpty());

    const auto ini = IniFile::load(path, {{u"here"_s, u"/h"_s}});
    VERIFY_OK(ini);
    QCOMPARE(ini->sections(),
             expected.keys().size() == ini->sections().size() ? ini->sections() : QStringList());
    for (const QString& section : ini->sections()) {
        QVERIFY2(expected.contains(section), qPrintable(section));
        const auto items = ini->items(section);
        VERIFY_OK(items);
        const QJsonObject pythonItems = expected.value(section).toObject();
        QCOMPARE(items->size(), pythonItems.size());
        for (const auto& [key, value] : items.value()) {
            QVERIFY2(pythonItems.contains(key), qPrintable(key));
            QCOMPARE(value, pythonItems.value(key).toString());
        }
    }
}

// ---------------------------------------------------------------------------------------------

void TestAlembicConfig::sectionSelection()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"alembic.ini"_s,
                                   "[alembic]\n"
                                   "script_location = main\n"
                                   "sqlalchemy.url = sqlite:///main.db\n"
                                   "[tenant]\n"
                                   "script_location = tenant_migrations\n"
                                   "sqlalchemy.url = sqlite:///%(here)s/tenant.db\n");
    const auto main = AlembicConfig::load(path);
    VERIFY_OK(main);
    QCOMPARE(main->section(), QStringLiteral("alembic"));
    QCOMPARE(main->scriptLocation(), QDir::cleanPath(dir.path()) + u"/main"_s);
    QCOMPARE(main->sqlalchemyUrl(), QStringLiteral("sqlite:///main.db"));

    const auto tenant = AlembicConfig::load(path, QStringLiteral("tenant"));
    VERIFY_OK(tenant);
    QCOMPARE(tenant->section(), QStringLiteral("tenant"));
    QCOMPARE(tenant->configPath(), QDir::cleanPath(path));
    QCOMPARE(tenant->here(), QDir::cleanPath(dir.path()));
    QCOMPARE(tenant->scriptLocation(), QDir::cleanPath(dir.path()) + u"/tenant_migrations"_s);
    QCOMPARE(tenant->versionLocations(),
             QStringList{QDir::cleanPath(dir.path()) + u"/tenant_migrations/versions"_s});
    QCOMPARE(tenant->sqlalchemyUrl(),
             QStringLiteral("sqlite:///") + QDir::cleanPath(dir.path()) + u"/tenant.db"_s);

    // Section names are case-sensitive, and DEFAULT is not a section.
    const auto wrongCase = AlembicConfig::load(path, QStringLiteral("Tenant"));
    VERIFY_ERROR(wrongCase, u"No config section 'Tenant' in"_s);
    VERIFY_ERROR(AlembicConfig::load(path, QStringLiteral("DEFAULT")), u"'DEFAULT'"_s);
}

void TestAlembicConfig::missingFileAndSection()
{
    QTemporaryDir dir;
    const QString missingPath = dir.filePath(u"nope/alembic.ini"_s);
    const auto missing = AlembicConfig::load(missingPath);
    VERIFY_ERROR(missing, missingPath);
    VERIFY_ERROR(AlembicConfig::load(QString()), u"No configuration file"_s);
    VERIFY_ERROR(AlembicConfig::load(dir.path()), u"folder"_s);

    const QString path = writeFile(dir, u"alembic.ini"_s, "[other]\nscript_location = x\n");
    const auto noSection = AlembicConfig::load(path);
    VERIFY_ERROR(noSection, QStringLiteral("No config section 'alembic' in ") + path);
    VERIFY_ERROR(AlembicConfig::load(path, QStringLiteral("x")), u"No config section 'x'"_s);
    VERIFY_ERROR(AlembicConfig::fromIniText(QString(), QStringLiteral("/p")),
                 u"No config section 'alembic'"_s);
}

void TestAlembicConfig::unreadableFile()
{
    // A folder where the file should be cannot be read, whoever runs the test (root ignores
    // file modes, so a chmod-based check would prove nothing here).
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"alembic.ini"_s);
    QVERIFY(QDir().mkpath(folder));
    VERIFY_ERROR(AlembicConfig::load(folder), folder);
}

void TestAlembicConfig::scriptLocationPaths()
{
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString here = makeDir(dir, u"project"_s);
    const QString path =
        writeFile(dir, u"project/alembic.ini"_s, "[alembic]\nscript_location = db/../migrations\n");

    // Relative paths are relative to the ini's folder, whatever the current directory.
    const QString previous = QDir::currentPath();
    QDir::setCurrent(elsewhere.path());
    const auto relative = AlembicConfig::load(QDir(elsewhere.path()).relativeFilePath(path));
    QDir::setCurrent(previous);
    VERIFY_OK(relative);
    QCOMPARE(relative->configPath(), QDir::cleanPath(path));
    QCOMPARE(relative->here(), here);
    QCOMPARE(relative->scriptLocation(), here + u"/migrations"_s);

    const auto absolute = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = /opt/app/migrations/\n"), here);
    VERIFY_OK(absolute);
    QCOMPARE(absolute->scriptLocation(), QStringLiteral("/opt/app/migrations"));
    QCOMPARE(absolute->versionLocations(), QStringList{u"/opt/app/migrations/versions"_s});

    const auto viaHere = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = %(here)s/alembic\n"), here);
    VERIFY_OK(viaHere);
    QCOMPARE(viaHere->scriptLocation(), here + u"/alembic"_s);

    // A Windows drive path is a path, not "package:dir".
    const auto windows = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = C:\\work\\app\\migrations\n"), here);
    VERIFY_OK(windows);
    QCOMPARE(windows->scriptLocation(), QStringLiteral("C:/work/app/migrations"));
    const auto windowsSlash = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = d:/app/migrations\n"), here);
    VERIFY_OK(windowsSlash);
    QCOMPARE(windowsSlash->scriptLocation(), QStringLiteral("d:/app/migrations"));
}

void TestAlembicConfig::scriptLocationMissing()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"alembic.ini"_s,
                                   "[alembic]\nsqlalchemy.url = sqlite://\n"
                                   "[other]\nscript_location = x\n");
    const auto config = AlembicConfig::load(path);
    VERIFY_ERROR(config, u"has no script_location"_s);
    VERIFY_ERROR(config, path);
    VERIFY_ERROR(config, u"[alembic]"_s);

    const auto text = AlembicConfig::fromIniText(QStringLiteral("[main]\nx = 1\n"),
                                                 QStringLiteral("/p"), QStringLiteral("main"));
    VERIFY_ERROR(text, u"has no script_location"_s);
    VERIFY_ERROR(text, u"[main]"_s);

    VERIFY_ERROR(AlembicConfig::fromIniText(QStringLiteral("[alembic]\nscript_location =\n"),
                                            QStringLiteral("/p")),
                 u"script_location is empty"_s);
}

void TestAlembicConfig::packageScriptLocation()
{
    QTemporaryDir dir;
    const QString root = QDir::cleanPath(dir.path());
    makeDir(dir, u"repo/src/myapp/db/migrations"_s);
    makeDir(dir, u"repo/tools/other/migrations"_s);
    makeDir(dir, u"shared/migrations"_s);
    makeDir(dir, u"sharedpkg/migrations"_s);
    const QString here = makeDir(dir, u"repo/deploy"_s);

    // Via prepend_sys_path (relative to here, legacy split on space/comma/colon).
    const auto viaSysPath =
        AlembicConfig::fromIniText(QStringLiteral("[alembic]\nprepend_sys_path = . ../src\n"
                                                  "script_location = myapp.db:migrations\n"),
                                   here);
    VERIFY_OK(viaSysPath);
    QCOMPARE(viaSysPath->scriptLocation(), root + u"/repo/src/myapp/db/migrations"_s);

    // prepend_sys_path split by path_separator.
    const auto sysPathSeparator = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\npath_separator = ;\nprepend_sys_path = .;../tools\n"
                       "script_location = other:migrations\n"
                       "version_locations = other:migrations;%(here)s/v\n"),
        here);
    VERIFY_OK(sysPathSeparator);
    QCOMPARE(sysPathSeparator->scriptLocation(), root + u"/repo/tools/other/migrations"_s);
    QCOMPARE(sysPathSeparator->versionLocations(),
             QStringList({root + u"/repo/tools/other/migrations"_s, here + u"/v"_s}));

    // In a parent folder of here.
    const auto inParent = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = shared:migrations\n"), here);
    VERIFY_OK(inParent);
    QCOMPARE(inParent->scriptLocation(), root + u"/shared/migrations"_s);

    // Next to here.
    const auto nextTo = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = sharedpkg:migrations\n"), root);
    VERIFY_OK(nextTo);
    QCOMPARE(nextTo->scriptLocation(), root + u"/sharedpkg/migrations"_s);

    // Not found: the error names the package.
    const auto unresolved = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = nosuchpkg_xyz:migrations\n"), here);
    VERIFY_ERROR(unresolved, u"'nosuchpkg_xyz'"_s);
    VERIFY_ERROR(unresolved, u"script_location"_s);
    VERIFY_ERROR(AlembicConfig::fromIniText(
                     QStringLiteral("[alembic]\nscript_location = not a package:dir\n"), here),
                 u"'not a package'"_s);
    VERIFY_ERROR(
        AlembicConfig::fromIniText(QStringLiteral("[alembic]\nscript_location = :dir\n"), here),
        u"not a Python package name"_s);
}

void TestAlembicConfig::versionLocations_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QStringList>("expected"); // relative to here (prefix "/" = absolute)

    const QString os = QString(QDir::listSeparator());

    QTest::newRow("unset: scripts/versions") << QString() << QStringList{u"migrations/versions"_s};
    QTest::newRow("empty: scripts/versions")
        << QStringLiteral("version_locations =\n") << QStringList{u"migrations/versions"_s};
    QTest::newRow("legacy space") << QStringLiteral("version_locations = a b  c\n")
                                  << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("legacy comma") << QStringLiteral("version_locations = a,b, c ,d\n")
                                  << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("legacy keeps colons")
        << QStringLiteral("version_locations = /x/a:b\n") << QStringList{u"/x/a:b"_s};
    QTest::newRow("space") << QStringLiteral("version_path_separator = space\n"
                                             "version_locations = a  b,c\n")
                           << QStringList{u"a"_s, u"b,c"_s};
    QTest::newRow("colon") << QStringLiteral("version_path_separator = :\n"
                                             "version_locations = a:b c::%(here)s/d\n")
                           << QStringList{u"a"_s, u"b c"_s, u"d"_s};
    QTest::newRow("semicolon") << QStringLiteral("version_path_separator = ;\n"
                                                 "version_locations = a; b ;;c d\n")
                               << QStringList{u"a"_s, u"b"_s, u"c d"_s};
    QTest::newRow("os") << QStringLiteral("version_path_separator = os\n"
                                          "version_locations = a%1b c\n")
                               .arg(os)
                        << QStringList{u"a"_s, u"b c"_s};
    QTest::newRow("newline (path_separator)") << QStringLiteral("path_separator = newline\n"
                                                                "version_locations =\n"
                                                                "    a b\n"
                                                                "    %(here)s/c\n"
                                                                "\n"
                                                                "    /abs/d\n")
                                              << QStringList{u"a b"_s, u"c"_s, u"/abs/d"_s};
    QTest::newRow("path_separator wins") << QStringLiteral("path_separator = ;\n"
                                                           "version_path_separator = space\n"
                                                           "version_locations = a b;c\n")
                                         << QStringList{u"a b"_s, u"c"_s};
    QTest::newRow("path_separator wins even when listed after")
        << QStringLiteral("version_path_separator = :\n"
                          "path_separator = space\n"
                          "version_locations = /x/a:b c\n")
        << QStringList{u"/x/a:b"_s, u"c"_s};
    QTest::newRow("order kept, duplicates kept")
        << QStringLiteral("version_locations = z y z\n") << QStringList{u"z"_s, u"y"_s, u"z"_s};
    QTest::newRow("relative and absolute")
        << QStringLiteral("version_locations = ./v1 ../up/v2 /abs/v3 %(here)s/v4\n")
        << QStringList{u"v1"_s, u"../up/v2"_s, u"/abs/v3"_s, u"v4"_s};
}

void TestAlembicConfig::versionLocations()
{
    QFETCH(QString, options);
    QFETCH(QStringList, expected);
    const QString here = QStringLiteral("/proj/app");
    const auto config = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = migrations\n") + options, here);
    VERIFY_OK(config);
    QStringList absolute;
    for (const QString& e : std::as_const(expected))
        absolute.append(e.startsWith(u'/') ? e : QDir::cleanPath(here + u'/' + e));
    QCOMPARE(config->versionLocations(), absolute);
}

void TestAlembicConfig::versionLocationsMatchAlembic()
{
    // Alembic 1.8 (Debian) knows version_path_separator but not path_separator; compare the
    // cases it knows. It resolves relative paths against the current directory, so run it
    // from the ini's folder.
    const QStringList cases{
        QStringLiteral("version_locations = a b,c, d\n"),
        QStringLiteral("version_path_separator = space\nversion_locations = a  b\n"),
        QStringLiteral("version_path_separator = :\nversion_locations = a:%(here)s/b\n"),
        QStringLiteral("version_path_separator = ;\nversion_locations = a;b;/abs\n"),
        QStringLiteral("version_path_separator = os\nversion_locations = ./a%1../b\n")
            .arg(QDir::listSeparator()),
        QString(),
    };
    QTemporaryDir dir;
    const QString here = makeDir(dir, u"p"_s);
    makeDir(dir, u"p/migrations"_s); // alembic insists that it exists
    for (const QString& options : cases) {
        const QString path = writeFile(
            dir, u"p/alembic.ini"_s,
            (QStringLiteral("[alembic]\nscript_location = migrations\n") + options).toUtf8());
        const auto python =
            runPython(QStringLiteral("import json\n"
                                     "from alembic.config import Config\n"
                                     "from alembic.script import ScriptDirectory\n"
                                     "s = ScriptDirectory.from_config(Config('alembic.ini'))\n"
                                     "print(json.dumps(list(s._version_locations)))\n"),
                      here);
        QVERIFY2(python, "Debian's python3 with alembic must run (scripts/setup installs it)");
        QStringList expected;
        for (const QJsonValue& v : QJsonDocument::fromJson(*python).array())
            expected.append(v.toString());
        const auto config = AlembicConfig::load(path);
        VERIFY_OK(config);
        QCOMPARE(config->versionLocations(), expected);
    }
}

void TestAlembicConfig::recursiveVersionLocations()
{
    const auto recursive = [](const QString& option) {
        const auto config = AlembicConfig::fromIniText(
            QStringLiteral("[alembic]\nscript_location = m\n") + option, QStringLiteral("/p"));
        return config ? config->recursiveVersionLocations() : false;
    };
    QVERIFY(recursive(QStringLiteral("recursive_version_locations = true\n")));
    QVERIFY(!recursive(QStringLiteral("recursive_version_locations = false\n")));
    QVERIFY(!recursive(QString()));
    // alembic compares with "true" exactly (not getboolean): these are false for alembic.
    QVERIFY(!recursive(QStringLiteral("recursive_version_locations = True\n")));
    QVERIFY(!recursive(QStringLiteral("recursive_version_locations = yes\n")));
    QVERIFY(!recursive(QStringLiteral("recursive_version_locations = 1\n")));
}

// ---------------------------------------------------------------------------------------------

void TestAlembicConfig::pyprojectOnly()
{
    QTemporaryDir dir;
    const QString here = QDir::cleanPath(dir.path());
    const QString path = writeFile(dir, u"pyproject.toml"_s,
                                   "[project]\n"
                                   "name = \"app\"\n"
                                   "authors = [{name = \"A\", email = \"a@example.com\"}]\n"
                                   "readme = {file = \"README.md\", content-type = \"text/x\"}\n"
                                   "\n"
                                   "[tool.black]\n"
                                   "line-length = 100\n"
                                   "\n"
                                   "[tool.alembic]\n"
                                   "# where the scripts are\n"
                                   "script_location = \"%(here)s/alembic\"\n"
                                   "version_locations = [\n"
                                   "    \"%(here)s/alembic/versions\",\n"
                                   "    'extra/versions',  # relative to here\n"
                                   "]\n"
                                   "recursive_version_locations = true\n"
                                   "file_template = \"%%(year)d_%%(rev)s\"\n"
                                   "truncate_slug_length = 40\n"
                                   "prepend_sys_path = [\".\"]\n"
                                   "\"sqlalchemy.url\" = \"sqlite:///%(here)s/app.db\"\n"
                                   "\n"
                                   "[[tool.alembic.post_write_hooks]]\n"
                                   "name = \"ruff\"\n");
    const auto config = AlembicConfig::load(path);
    VERIFY_OK(config);
    QCOMPARE(config->configPath(), QDir::cleanPath(path));
    QCOMPARE(config->here(), here);
    QCOMPARE(config->scriptLocation(), here + u"/alembic"_s);
    QCOMPARE(config->versionLocations(),
             QStringList({here + u"/alembic/versions"_s, here + u"/extra/versions"_s}));
    QVERIFY(config->recursiveVersionLocations());
    QCOMPARE(config->mainOption(u"file_template"_s), QStringLiteral("%(year)d_%(rev)s"));
    QCOMPARE(config->mainOption(u"truncate_slug_length"_s), QStringLiteral("40"));
    QCOMPARE(config->mainOption(u"recursive_version_locations"_s), QStringLiteral("true"));
    QCOMPARE(config->sqlalchemyUrl(), QStringLiteral("sqlite:///") + here + u"/app.db"_s);
    QVERIFY(!config->hasMainOption(u"post_write_hooks"_s));

    // version_locations as one string; unset → scripts/versions.
    const QString single = writeFile(dir, u"single/pyproject.toml"_s,
                                     "[tool.alembic]\n"
                                     "script_location = 'migrations'\n"
                                     "version_locations = \"a, b\"\n");
    const auto singleConfig = AlembicConfig::load(single);
    VERIFY_OK(singleConfig);
    QCOMPARE(singleConfig->versionLocations(),
             QStringList({here + u"/single/a"_s, here + u"/single/b"_s}));
    QVERIFY(!singleConfig->recursiveVersionLocations());
    const QString unset =
        writeFile(dir, u"unset/pyproject.toml"_s, "tool.alembic.script_location = \"m\"\n");
    const auto unsetConfig = AlembicConfig::load(unset);
    VERIFY_OK(unsetConfig);
    QCOMPARE(unsetConfig->versionLocations(), QStringList{here + u"/unset/m/versions"_s});

    // A package:dir script_location found through prepend_sys_path.
    makeDir(dir, u"pkg/src/app/migrations"_s);
    const QString package = writeFile(dir, u"pkg/pyproject.toml"_s,
                                      "[tool.alembic]\n"
                                      "script_location = \"app:migrations\"\n"
                                      "prepend_sys_path = [\"src\"]\n");
    const auto packageConfig = AlembicConfig::load(package);
    VERIFY_OK(packageConfig);
    QCOMPARE(packageConfig->scriptLocation(), here + u"/pkg/src/app/migrations"_s);
}

void TestAlembicConfig::pyprojectWithIniBeside()
{
    QTemporaryDir dir;
    const QString here = QDir::cleanPath(dir.path());
    writeFile(dir, u"alembic.ini"_s,
              "[alembic]\n"
              "sqlalchemy.url = postgresql://%(here)s\n"
              "[tenant]\n"
              "sqlalchemy.url = sqlite:///tenant.db\n"
              "[loggers]\nkeys = root\n");
    const QString path = writeFile(dir, u"pyproject.toml"_s,
                                   "[tool.alembic]\n"
                                   "script_location = \"%(here)s/migrations\"\n"
                                   "\"sqlalchemy.url\" = \"ignored in favour of the ini\"\n"
                                   "timezone = \"UTC\"\n");
    const auto config = AlembicConfig::load(path);
    VERIFY_OK(config);
    QCOMPARE(config->configPath(), QDir::cleanPath(path));
    QCOMPARE(config->scriptLocation(), here + u"/migrations"_s);
    QCOMPARE(config->sqlalchemyUrl(), QStringLiteral("postgresql://") + here);
    QCOMPARE(config->mainOption(u"timezone"_s), QStringLiteral("UTC"));

    // -n picks the ini section that supplies the runtime options.
    const auto tenant = AlembicConfig::load(path, QStringLiteral("tenant"));
    VERIFY_OK(tenant);
    QCOMPARE(tenant->sqlalchemyUrl(), QStringLiteral("sqlite:///tenant.db"));
    QCOMPARE(tenant->scriptLocation(), here + u"/migrations"_s);
    // An ini without that section is not an error with a pyproject.toml (as in alembic).
    const auto none = AlembicConfig::load(path, QStringLiteral("nosuch"));
    VERIFY_OK(none);
    QCOMPARE(none->sqlalchemyUrl(), QStringLiteral("ignored in favour of the ini"));

    // When both define a source option, the ini's main section wins, as in alembic >= 1.16
    // (Config.get_alembic_option looks in the ini first).
    writeFile(dir, u"alembic.ini"_s,
              "[alembic]\n"
              "script_location = from_ini\n"
              "path_separator = ;\n"
              "version_locations = v1;v2\n"
              "recursive_version_locations = false\n");
    writeFile(dir, u"pyproject.toml"_s,
              "[tool.alembic]\n"
              "script_location = \"from_toml\"\n"
              "version_locations = [\"t1\"]\n"
              "recursive_version_locations = true\n");
    const auto both = AlembicConfig::load(path);
    VERIFY_OK(both);
    QCOMPARE(both->scriptLocation(), here + u"/from_ini"_s);
    QCOMPARE(both->versionLocations(), QStringList({here + u"/v1"_s, here + u"/v2"_s}));
    QVERIFY(!both->recursiveVersionLocations());

    // A broken alembic.ini beside it is an error (alembic reads it too).
    writeFile(dir, u"alembic.ini"_s, "no section header\n");
    VERIFY_ERROR(AlembicConfig::load(path), u"alembic.ini, line 1"_s);
}

void TestAlembicConfig::pyprojectErrors()
{
    QTemporaryDir dir;
    const QString noTable =
        writeFile(dir, u"a/pyproject.toml"_s, "[project]\nname = \"x\"\n[tool.black]\n");
    const auto missing = AlembicConfig::load(noTable);
    VERIFY_ERROR(missing, u"[tool.alembic]"_s);
    VERIFY_ERROR(missing, noTable);

    const QString notTable = writeFile(dir, u"b/pyproject.toml"_s, "tool.alembic = 3\n");
    VERIFY_ERROR(AlembicConfig::load(notTable), u"not a table"_s);

    const QString noScript =
        writeFile(dir, u"c/pyproject.toml"_s, "[tool.alembic]\nversion_locations = []\n");
    VERIFY_ERROR(AlembicConfig::load(noScript), u"has no script_location in [tool.alembic]"_s);
    writeFile(dir, u"c/alembic.ini"_s, "[alembic]\nsqlalchemy.url = x\n");
    const auto neither = AlembicConfig::load(noScript);
    VERIFY_ERROR(neither, u"has no script_location"_s);
    VERIFY_ERROR(neither, u"alembic.ini"_s);

    const QString wrongTypes = writeFile(dir, u"d/pyproject.toml"_s,
                                         "[tool.alembic]\n"
                                         "script_location = 3\n");
    VERIFY_ERROR(AlembicConfig::load(wrongTypes), u"must be a string"_s);
    writeFile(dir, u"d/pyproject.toml"_s,
              "[tool.alembic]\nscript_location = \"m\"\nrecursive_version_locations = \"true\"\n");
    VERIFY_ERROR(AlembicConfig::load(wrongTypes), u"must be true or false"_s);
    writeFile(dir, u"d/pyproject.toml"_s,
              "[tool.alembic]\nscript_location = \"m\"\nversion_locations = [1, 2]\n");
    VERIFY_ERROR(AlembicConfig::load(wrongTypes), u"list of strings"_s);
    writeFile(dir, u"d/pyproject.toml"_s, "[tool.alembic]\nscript_location = \"%(nosuch)s/m\"\n");
    VERIFY_ERROR(AlembicConfig::load(wrongTypes), u"nosuch"_s);
    writeFile(dir, u"d/pyproject.toml"_s, "[tool.alembic]\nscript_location = \"100%/m\"\n");
    VERIFY_ERROR(AlembicConfig::load(wrongTypes), u"script_location"_s);

    const QString broken = writeFile(dir, u"e/pyproject.toml"_s,
                                     "[tool.alembic]\n"
                                     "script_location = \"m\"\n"
                                     "version_locations = [\n"
                                     "  \"a\",\n"
                                     "  \"b\n"
                                     "]\n");
    const auto parseError = AlembicConfig::load(broken);
    VERIFY_ERROR(parseError, broken + u", line 5"_s);
    VERIFY_ERROR(parseError, u"unterminated string"_s);

    VERIFY_ERROR(AlembicConfig::load(dir.filePath(u"f/pyproject.toml"_s)), u"does not exist"_s);

    // An invalid separator in the ini lists the valid values.
    const auto badSeparator = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = m\npath_separator = ,\n"
                       "version_locations = a,b\n"),
        QStringLiteral("/p"));
    VERIFY_ERROR(badSeparator, u"'space', 'newline', 'os', ':' or ';'"_s);
    VERIFY_ERROR(badSeparator, u"path_separator"_s);
    const auto badLegacy = AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = m\nversion_path_separator = comma\n"
                       "version_locations = a,b\n"),
        QStringLiteral("/p"));
    VERIFY_ERROR(badLegacy, u"'comma' is not a valid value for version_path_separator"_s);
    // …but only when it is needed, as in alembic.
    VERIFY_OK(AlembicConfig::fromIniText(
        QStringLiteral("[alembic]\nscript_location = m\npath_separator = bogus\n"),
        QStringLiteral("/p")));
}

void TestAlembicConfig::iniWithPyprojectBeside()
{
    QTemporaryDir dir;
    const QString here = QDir::cleanPath(dir.path());
    // alembic >= 1.16 falls back to [tool.alembic] for what the ini leaves out.
    const QString ini = writeFile(dir, u"alembic.ini"_s, "[alembic]\nsqlalchemy.url = sqlite://\n");
    writeFile(dir, u"pyproject.toml"_s,
              "[tool.alembic]\nscript_location = \"%(here)s/m\"\n"
              "version_locations = [\"%(here)s/v\"]\n");
    const auto config = AlembicConfig::load(ini);
    VERIFY_OK(config);
    QCOMPARE(config->configPath(), QDir::cleanPath(ini));
    QCOMPARE(config->scriptLocation(), here + u"/m"_s);
    QCOMPARE(config->versionLocations(), QStringList{here + u"/v"_s});
    QCOMPARE(config->sqlalchemyUrl(), QStringLiteral("sqlite://"));

    // A pyproject.toml we cannot read does not stop an ini that has everything.
    writeFile(dir, u"alembic.ini"_s, "[alembic]\nscript_location = own\n");
    writeFile(dir, u"pyproject.toml"_s, "this is = = not toml\n");
    const auto own = AlembicConfig::load(ini);
    VERIFY_OK(own);
    QCOMPARE(own->scriptLocation(), here + u"/own"_s);
}

// ---------------------------------------------------------------------------------------------

void TestAlembicConfig::tomlValues()
{
    const QByteArray text = "# comment\n"
                            "basic = \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\U0001F600\"\n"
                            "literal = 'C:\\path\\%(here)s'\n"
                            "ml = \"\"\"\n"
                            "line1\n"
                            "line2\\\n"
                            "     continued \"\"quotes\"\"\"\"\n"
                            "mll = '''\n"
                            "raw \\n ''here'''''\n"
                            "ints = [1, -2, +3, 1_000, 0xff, 0o17, 0b101, 0]\n"
                            "floats = [1.5, -0.5e2, 1e3, inf, -inf, nan, 6.626e-34]\n"
                            "bools = [true, false]\n"
                            "nested = [[1, 2], [\"a\", 'b'], []]\n"
                            "multi = [\n"
                            "  \"x\",  # comment\n"
                            "\n"
                            "  \"y\",\n"
                            "]\n"
                            "inline = { a = 1, b.c = \"d\", \"quoted key\" = true }\n"
                            "odt = 1979-05-27T07:32:00Z\n"
                            "odt2 = 1979-05-27 00:32:00.999-07:00\n"
                            "ldt = 1979-05-27T07:32:00\n"
                            "ld = 1979-05-27\n"
                            "lt = 07:32:00.5\n"
                            "\"\" = \"empty key\"\n"
                            "crlf = 1\r\n"
                            "unicode = \"\xc3\xa9t\xc3\xa9\"";
    const auto toml = TomlFile::parse(text, QStringLiteral("v.toml"));
    VERIFY_OK(toml);
    const QVariantMap root = toml->root();
    QCOMPARE(root.value(u"basic"_s).toString(),
             QStringLiteral("tab\there \"q\" \\ \u00e9 ") + QString::fromUtf8("\xf0\x9f\x98\x80"));
    QCOMPARE(root.value(u"literal"_s).toString(), QStringLiteral("C:\\path\\%(here)s"));
    QCOMPARE(root.value(u"ml"_s).toString(), QStringLiteral("line1\nline2continued \"\"quotes\""));
    QCOMPARE(root.value(u"mll"_s).toString(), QStringLiteral("raw \\n ''here''"));
    QCOMPARE(root.value(u"ints"_s).toList(),
             QVariantList({qint64(1), qint64(-2), qint64(3), qint64(1000), qint64(255), qint64(15),
                           qint64(5), qint64(0)}));
    const QVariantList floats = root.value(u"floats"_s).toList();
    QCOMPARE(floats.size(), 7);
    QCOMPARE(floats[0].toDouble(), 1.5);
    QCOMPARE(floats[1].toDouble(), -50.0);
    QCOMPARE(floats[2].toDouble(), 1000.0);
    QVERIFY(std::isinf(floats[3].toDouble()) && floats[3].toDouble() > 0);
    QVERIFY(std::isinf(floats[4].toDouble()) && floats[4].toDouble() < 0);
    QVERIFY(std::isnan(floats[5].toDouble()));
    QCOMPARE(root.value(u"bools"_s).toList(), QVariantList({true, false}));
    QCOMPARE(root.value(u"nested"_s).toList().size(), 3);
    QCOMPARE(root.value(u"nested"_s).toList()[1].toList(), QVariantList({u"a"_s, u"b"_s}));
    QCOMPARE(root.value(u"multi"_s).toList(), QVariantList({u"x"_s, u"y"_s}));
    const QVariantMap inl = root.value(u"inline"_s).toMap();
    QCOMPARE(inl.value(u"a"_s).toLongLong(), 1);
    QCOMPARE(inl.value(u"b"_s).toMap().value(u"c"_s).toString(), QStringLiteral("d"));
    QCOMPARE(inl.value(u"quoted key"_s).toBool(), true);
    QCOMPARE(root.value(u"odt"_s).toDateTime(),
             QDateTime(QDate(1979, 5, 27), QTime(7, 32), QTimeZone::utc()));
    QCOMPARE(root.value(u"odt2"_s).toDateTime().toUTC(),
             QDateTime(QDate(1979, 5, 27), QTime(7, 32, 0, 999), QTimeZone::utc()));
    QCOMPARE(root.value(u"ldt"_s).toDateTime(), QDateTime(QDate(1979, 5, 27), QTime(7, 32)));
    QCOMPARE(root.value(u"ld"_s).toDate(), QDate(1979, 5, 27));
    QCOMPARE(root.value(u"lt"_s).toTime(), QTime(7, 32, 0, 500));
    QCOMPARE(root.value(u""_s).toString(), QStringLiteral("empty key"));
    QCOMPARE(root.value(u"crlf"_s).toLongLong(), 1);
    QCOMPARE(root.value(u"unicode"_s).toString(), QStringLiteral("\u00e9t\u00e9"));
}

void TestAlembicConfig::tomlTables()
{
    const QByteArray text = "top = 1\n"
                            "a.b.c = 2\n"
                            "[tool.alembic]\n"
                            "script_location = \"x\"\n"
                            "[ tool . 'other' ]\n"
                            "k = \"v\"\n"
                            "[\"tool\".\"alembic\".sub]\n"
                            "deep = true\n"
                            "[[fruit]]\n"
                            "name = \"apple\"\n"
                            "[fruit.physical]\n"
                            "color = \"red\"\n"
                            "[[fruit]]\n"
                            "name = \"banana\"\n"
                            "[x.y.z]\n"
                            "[x]\n"
                            "y.w = 1\n";
    const auto toml = TomlFile::parse(text);
    VERIFY_OK(toml);
    QCOMPARE(toml->value({u"top"_s}).toLongLong(), 1);
    QCOMPARE(toml->value({u"a"_s, u"b"_s, u"c"_s}).toLongLong(), 2);
    QCOMPARE(toml->value({u"tool"_s, u"alembic"_s, u"script_location"_s}).toString(),
             QStringLiteral("x"));
    QCOMPARE(toml->value({u"tool"_s, u"other"_s, u"k"_s}).toString(), QStringLiteral("v"));
    QCOMPARE(toml->value({u"tool"_s, u"alembic"_s, u"sub"_s, u"deep"_s}).toBool(), true);
    QVERIFY(toml->table({u"tool"_s, u"alembic"_s}).has_value());
    QVERIFY(!toml->table({u"top"_s}).has_value());
    QVERIFY(!toml->contains({u"tool"_s, u"nosuch"_s}));
    QVERIFY(!toml->contains({u"top"_s, u"below"_s}));
    const QVariantList fruit = toml->value({u"fruit"_s}).toList();
    QCOMPARE(fruit.size(), 2);
    QCOMPARE(fruit[0].toMap().value(u"physical"_s).toMap().value(u"color"_s).toString(),
             QStringLiteral("red"));
    QCOMPARE(fruit[1].toMap().value(u"name"_s).toString(), QStringLiteral("banana"));
    QCOMPARE(toml->value({u"x"_s, u"y"_s, u"w"_s}).toLongLong(), 1);
    QVERIFY(toml->value({u"x"_s, u"y"_s, u"z"_s}).toMap().isEmpty());
}

void TestAlembicConfig::tomlErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("unterminated string")
        << QByteArray("a = 1\nb = \"abc\n") << 2 << QStringLiteral("unterminated string");
    QTest::newRow("unterminated multi-line") << QByteArray("a = 1\nb = \"\"\"abc\n\ndef\n") << 2
                                             << QStringLiteral("unterminated multi-line string");
    QTest::newRow("unterminated array")
        << QByteArray("x = [\n 1,\n 2\n") << 1 << QStringLiteral("unterminated array");
    QTest::newRow("missing comma")
        << QByteArray("x = [\n 1\n 2]\n") << 3 << QStringLiteral("expected ',' or ']'");
    QTest::newRow("bad escape") << QByteArray("\n\nx = \"\\q\"\n") << 3
                                << QStringLiteral("invalid escape");
    QTest::newRow("bad unicode escape")
        << QByteArray("x = \"\\uD800\"\n") << 1 << QStringLiteral("not a Unicode scalar value");
    QTest::newRow("short unicode escape")
        << QByteArray("x = \"\\u12\"\n") << 1 << QStringLiteral("hexadecimal digits");
    QTest::newRow("duplicate key") << QByteArray("[t]\na = 1\nb = 2\na = 3\n") << 4
                                   << QStringLiteral("defined more than once");
    QTest::newRow("duplicate table")
        << QByteArray("[t]\n[u]\n[t]\n") << 3 << QStringLiteral("[t] is defined more than once");
    QTest::newRow("table over value")
        << QByteArray("t = 1\n[t]\n") << 2 << QStringLiteral("defined more than once");
    QTest::newRow("table through value")
        << QByteArray("t = 1\n[t.u]\n") << 2 << QStringLiteral("already a value");
    QTest::newRow("table over dotted keys")
        << QByteArray("[x]\na.b = 1\n[x.a]\n") << 3 << QStringLiteral("defined more than once");
    QTest::newRow("dotted into header table")
        << QByteArray("[a.b]\nx=1\n[a]\nb.y=2\n") << 4 << QStringLiteral("already defined");
    QTest::newRow("extend inline table")
        << QByteArray("a = {b = 1}\n[a.c]\n") << 2 << QStringLiteral("inline table");
    QTest::newRow("array of tables over array")
        << QByteArray("a = []\n[[a]]\n") << 2 << QStringLiteral("[[a]]");
    QTest::newRow("table over array of tables")
        << QByteArray("[[a]]\n[a]\n") << 2 << QStringLiteral("defined more than once");
    QTest::newRow("missing equals")
        << QByteArray("key \"value\"\n") << 1 << QStringLiteral("expected '='");
    QTest::newRow("missing value")
        << QByteArray("key =\n") << 1 << QStringLiteral("expected a value");
    QTest::newRow("bare string") << QByteArray("key = value\n") << 1
                                 << QStringLiteral("strings need quotes");
    QTest::newRow("two values") << QByteArray("key = 1 2\n") << 1
                                << QStringLiteral("expected the end of the line");
    QTest::newRow("leading zero") << QByteArray("key = 012\n") << 1
                                  << QStringLiteral("invalid value");
    QTest::newRow("integer overflow")
        << QByteArray("key = 9223372036854775808\n") << 1 << QStringLiteral("out of range");
    QTest::newRow("bad date") << QByteArray("key = 2023-02-30\n") << 1
                              << QStringLiteral("invalid date");
    QTest::newRow("inline newline")
        << QByteArray("a = {b = 1,\n c = 2}\n") << 1 << QStringLiteral("one line");
    QTest::newRow("inline trailing comma")
        << QByteArray("a = {b = 1,}\n") << 1 << QStringLiteral("trailing comma");
    QTest::newRow("unclosed header")
        << QByteArray("[tool.alembic\nx = 1\n") << 1 << QStringLiteral("expected ']'");
    QTest::newRow("unclosed array table")
        << QByteArray("[[a]\n") << 1 << QStringLiteral("expected ']]'");
    QTest::newRow("empty header") << QByteArray("[]\n") << 1 << QStringLiteral("expected a key");
    QTest::newRow("lone carriage return")
        << QByteArray("a = 1\rb = 2\n") << 1 << QStringLiteral("carriage return");
    QTest::newRow("control character in comment")
        << QByteArray("a = 1 # \x01\n") << 1 << QStringLiteral("U+0001");
    QTest::newRow("control character in string")
        << QByteArray("\na = \"\x7f\"\n") << 2 << QStringLiteral("U+007F");
    QTest::newRow("multi-line key")
        << QByteArray("\"\"\"k\"\"\" = 1\n") << 1 << QStringLiteral("multi-line");
    QTest::newRow("six quotes") << QByteArray("a = \"\"\"x\"\"\"\"\"\"\n") << 1
                                << QStringLiteral("expected the end of the line");
    QTest::newRow("nesting too deep")
        << (QByteArray("a = ") + QByteArray(200, '[')) << 1 << QStringLiteral("nested more than");
}

void TestAlembicConfig::tomlErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    const auto toml = TomlFile::parse(text, QStringLiteral("pyproject.toml"));
    VERIFY_ERROR(toml, QStringLiteral("pyproject.toml, line %1: ").arg(line));
    VERIFY_ERROR(toml, fragment);
}

void TestAlembicConfig::tomlMatchesPython()
{
    const QByteArray text = "title = \"T\\u00e9st\"\n"
                            "[owner]\n"
                            "name = 'Tom'\n"
                            "nums = [ 1, 2.5, -3e2, 0x1F, 1_000 ]\n"
                            "s = \"\"\"\\\n"
                            "   The quick \\\n"
                            "   brown fox.\"\"\"\n"
                            "l = '''\n"
                            "first\n"
                            "  second'''\n"
                            "[servers.alpha]\n"
                            "ip = \"10.0.0.1\"\n"
                            "inline = { x = [1, {y = 'z'}], w.v = false }\n"
                            "[[products]]\n"
                            "name = \"Hammer\"\n"
                            "[[products]]\n"
                            "[[products]]\n"
                            "name = \"Nail\"\n"
                            "[tool.alembic]\n"
                            "version_locations = [\n"
                            "  \"a\", # one\n"
                            "  'b',\n"
                            "]\n";
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"t.toml"_s, text);
    const auto python =
        runPython(QStringLiteral("import json, tomllib\n"
                                 "print(json.dumps(tomllib.load(open(%1, 'rb'))))\n")
                      .arg(QStringLiteral("'") + path + QStringLiteral("'")));
    QVERIFY2(python, "Debian's python3 (with tomllib) must run");
    const QVariantMap expected = QJsonDocument::fromJson(*python).object().toVariantMap();
    const auto toml = TomlFile::load(path);
    VERIFY_OK(toml);
    // Through JSON so that number types compare alike.
    const QJsonObject ours = QJsonObject::fromVariantMap(toml->root());
    QCOMPARE(ours, QJsonObject::fromVariantMap(expected));
}

// ---------------------------------------------------------------------------------------------

void TestAlembicConfig::hostileInput()
{
    QTemporaryDir dir;
    QRandomGenerator random(12345);

    // Random bytes, as ini and as TOML: an error, never a crash.
    for (int round = 0; round < 50; ++round) {
        QByteArray bytes(1 + random.bounded(4096), '\0');
        for (char& c : bytes)
            c = char(random.bounded(256));
        const QString ini = writeFile(dir, QStringLiteral("r%1/alembic.ini").arg(round), bytes);
        const auto config = AlembicConfig::load(ini);
        QVERIFY(!config.ok());
        QVERIFY(!config.error().isEmpty());
        const QString toml = writeFile(dir, QStringLiteral("r%1/pyproject.toml").arg(round), bytes);
        QVERIFY(!AlembicConfig::load(toml).ok());
        // Random printable-ish text reaches the parsers proper.
        QByteArray ascii = bytes;
        for (char& c : ascii)
            c = "[]=:%()s\"'{}.,#\n \t\\ab1"[uchar(c) % 23];
        IniFile::parse(QString::fromLatin1(ascii));
        TomlFile::parse(ascii);
        AlembicConfig::fromIniText(QStringLiteral("[alembic]\n") + QString::fromLatin1(ascii),
                                   QStringLiteral("/p"));
    }

    // NUL bytes and invalid UTF-8.
    // NUL characters are just characters to configparser.
    const auto nul = AlembicConfig::load(writeFile(
        dir, u"nul/alembic.ini"_s, QByteArray("[alembic]\0\nscript_location = m\nx=1\0y\n", 37)));
    VERIFY_OK(nul);
    QCOMPARE(nul->mainOption(u"x"_s), QString(u"1\0y"_s));
    const auto latin1 =
        AlembicConfig::load(writeFile(dir, u"latin1/alembic.ini"_s, "[alembic]\nx = caf\xe9\n"));
    VERIFY_ERROR(latin1, u"UTF-8"_s);
    VERIFY_ERROR(AlembicConfig::load(writeFile(dir, u"latin1/pyproject.toml"_s,
                                               "[tool.alembic]\nx = \"caf\xe9\"\n")),
                 u"UTF-8"_s);

    // A huge line (4 MiB) in both formats.
    const QByteArray huge(4 * 1024 * 1024, 'x');
    const auto bigIni = AlembicConfig::load(writeFile(
        dir, u"huge/alembic.ini"_s, "[alembic]\nscript_location = m\nbig = " + huge + "\n"));
    VERIFY_OK(bigIni);
    QCOMPARE(bigIni->mainOption(u"big"_s).size(), huge.size());
    const auto bigToml = AlembicConfig::load(
        writeFile(dir, u"huge/pyproject.toml"_s,
                  "[tool.alembic]\nscript_location = \"m\"\nbig = \"" + huge + "\"\n"));
    VERIFY_OK(bigToml);
    QCOMPARE(bigToml->mainOption(u"big"_s).size(), huge.size());
    VERIFY_ERROR(AlembicConfig::load(writeFile(dir, u"huge2/alembic.ini"_s, huge)),
                 u"[section] header"_s);
    VERIFY_ERROR(TomlFile::parse("k = " + huge), u"strings need quotes"_s);

    // Exponential interpolation ("billion laughs") is cut off, not exhausted.
    QString bomb = QStringLiteral("[alembic]\nscript_location = m\nl0 = xxxxxxxxxxxxxxxx\n");
    for (int i = 1; i <= 9; ++i) {
        bomb += QStringLiteral("l%1 = ").arg(i);
        for (int j = 0; j < 16; ++j)
            bomb += QStringLiteral("%(l%1)s").arg(i - 1);
        bomb += u'\n';
    }
    VERIFY_ERROR(AlembicConfig::fromIniText(bomb, QStringLiteral("/p")), u"too long"_s);

    // Deep nesting in TOML, and many dotted key parts.
    VERIFY_ERROR(TomlFile::parse(QByteArray("a = ") + QByteArray(100000, '[')), u"nested"_s);
    QByteArray inlineBomb = "a = ";
    for (int i = 0; i < 5000; ++i)
        inlineBomb += "{b = ";
    VERIFY_ERROR(TomlFile::parse(inlineBomb), u"nested"_s);
    QByteArray dotted = "[a";
    for (int i = 0; i < 5000; ++i)
        dotted += ".a";
    VERIFY_ERROR(TomlFile::parse(dotted + "]\n"), u"parts"_s);
    VERIFY_ERROR(TomlFile::parse(dotted + " = 1\n"), u"parts"_s);

    // Deep continuation and many sections are just data.
    QString manySections;
    for (int i = 0; i < 20000; ++i)
        manySections += QStringLiteral("[s%1]\nk = v\n  more\n").arg(i);
    VERIFY_OK(IniFile::parse(manySections));
}

QTEST_GUILESS_MAIN(TestAlembicConfig)
#include "tst_alembicconfig.moc"
