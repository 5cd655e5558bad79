// Differential test: every revision file of tests/data/headerforms is imported by the real
// Python (tests/fixtures/header_oracle.py loads it as alembic does) and read by Retort. For
// each file Retort either gives exactly the values Python binds to `revision`,
// `down_revision`, `branch_labels` and `depends_on`, or reports an error on that file:
// a different answer is never given silently.
#include "model/script/revisionparser.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

const QString kFormsDir = QStringLiteral(RETORT_TEST_DATA_DIR "/headerforms");

// The forms Retort reads exactly: these files must come out with Python's values and no
// diagnostic at all (the others may be reported instead).
const QStringList kReadExactly = {
    QStringLiteral("plain"),
    QStringLiteral("typed"),
    QStringLiteral("later_wins"),
    QStringLiteral("chained"),
    QStringLiteral("constant"),
    QStringLiteral("semicolons"),
    QStringLiteral("class_body"),
    QStringLiteral("function_body"),
    QStringLiteral("attribute_and_subscript"),
    QStringLiteral("keyword_argument"),
    QStringLiteral("comprehension_target"),
    QStringLiteral("annotation_only"),
    QStringLiteral("star_import_before"),
    QStringLiteral("import_then_star"),
    QStringLiteral("fstring_format_spec"),
    QStringLiteral("paren_revision"),
    QStringLiteral("paren_double"),
    QStringLiteral("paren_annotated"),
    QStringLiteral("paren_chain"),
    QStringLiteral("paren_one_line_semicolon"),
    QStringLiteral("paren_after_header"),
    QStringLiteral("unpack_list_one"),
    QStringLiteral("unpack_tuple_two"),
    QStringLiteral("unpack_paren_tuple"),
    QStringLiteral("unpack_nested"),
    QStringLiteral("unpack_nested_list"),
    QStringLiteral("unpack_star_end"),
    QStringLiteral("unpack_star_header"),
    QStringLiteral("unpack_star_empty"),
    QStringLiteral("unpack_star_middle"),
    QStringLiteral("unpack_string"),
    QStringLiteral("unpack_string_two"),
    QStringLiteral("unpack_trailing_comma"),
    QStringLiteral("unpack_from_name"),
    QStringLiteral("unpack_chain"),
    QStringLiteral("unpack_then_override"),
    QStringLiteral("unpack_not_first_statement"),
    QStringLiteral("unpack_deferred"),
    QStringLiteral("unpack_deferred_nested"),
    QStringLiteral("unpack_star_list_target"),
    QStringLiteral("walrus_overridden"),
    QStringLiteral("for_else_override"),
    QStringLiteral("def_before_assignment"),
    QStringLiteral("del_attribute"),
    QStringLiteral("nfkc_down_revision"),
    QStringLiteral("nfkc_revision_fullwidth"),
    QStringLiteral("nfkc_roman_numeral"),
    QStringLiteral("nfkc_string_untouched"),
    QStringLiteral("nfkc_constant"),
    QStringLiteral("nfkc_annotated"),
    QStringLiteral("named_escape_docstring"),
    QStringLiteral("named_escape_other_string"),
    QStringLiteral("named_escape_raw"),
    QStringLiteral("named_escape_escaped_backslash"),
};

// What Retort should hold for a list-valued header (alembic's to_tuple, Retort's reading:
// None is empty, a string is one entry, empty strings are dropped); nullopt when the value is
// no string or sequence of strings, which Retort must report.
std::optional<QStringList> expectedList(const QJsonValue& v)
{
    if (v.isNull())
        return QStringList();
    if (v.isString())
        return v.toString().isEmpty() ? QStringList() : QStringList{v.toString()};
    if (!v.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue& item : v.toArray()) {
        if (!item.isString())
            return std::nullopt;
        if (!item.toString().isEmpty())
            out << item.toString();
    }
    return out;
}

// Whether alembic loads a file whose module Python gives these values: no exception, a
// revision id string, a down_revision, string values for the three lists, and no loop.
bool alembicLoads(const QJsonObject& py)
{
    const QString id = py.value(QStringLiteral("revision")).toString();
    if (!py.value(QStringLiteral("error")).isNull() || id.isEmpty() || id.contains(u'@') ||
        id.contains(u'-') || id.contains(u'+') || !py.contains(QStringLiteral("down_revision")))
        return false;
    for (const char* name : {"down_revision", "branch_labels", "depends_on"}) {
        const QString key = QString::fromLatin1(name);
        if (py.contains(key) && !expectedList(py.value(key)))
            return false;
        // a revision that names itself as parent or dependency is a loop alembic rejects
        if (key != u"branch_labels" && py.contains(key) && expectedList(py.value(key))->contains(id))
            return false;
    }
    return true;
}

// Why Retort's reading differs from Python's, or an empty string when they agree.
QString difference(const QJsonObject& py, const ParseResult& r)
{
    if (!py.value(QStringLiteral("error")).isNull())
        return QStringLiteral("Python fails: ") + py.value(QStringLiteral("error")).toString();
    if (!r.revision)
        return QStringLiteral("Retort has no revision");
    const QJsonValue revision = py.value(QStringLiteral("revision"));
    if (!revision.isString())
        return QStringLiteral("Python's revision is no string");
    if (revision.toString() != r.revision->id)
        return QStringLiteral("revision: Python '%1', Retort '%2'")
            .arg(revision.toString(), r.revision->id);
    if (!py.contains(QStringLiteral("down_revision")))
        return QStringLiteral("Python has no down_revision");
    const struct
    {
        const char* name;
        QStringList retort;
    } lists[] = {{"down_revision", r.revision->downRevisions},
                 {"branch_labels", r.revision->branchLabels},
                 {"depends_on", r.revision->dependsOn}};
    for (const auto& [name, retort] : lists) {
        const QString key = QString::fromLatin1(name);
        const QJsonValue v = py.contains(key) ? py.value(key) : QJsonValue(QJsonValue::Null);
        const std::optional<QStringList> expected = expectedList(v);
        if (!expected)
            return key + QStringLiteral(": Python's value is no string or sequence of strings");
        if (*expected != retort)
            return QStringLiteral("%1: Python [%2], Retort [%3]")
                .arg(key, expected->join(u','), retort.join(u','));
    }
    return {};
}

QString messages(const Diagnostics& diags)
{
    QStringList out;
    for (const Diagnostic& d : diags)
        out << QStringLiteral("%1:%2 %3")
                   .arg(Diagnostic::severityName(d.severity))
                   .arg(d.line)
                   .arg(d.message);
    return out.join(QStringLiteral(" | "));
}

// Runs the oracle on `paths` and compares: returns the failures; counts into `exact` and
// `counts`.
struct Counts
{
    int exact = 0;    // Retort's values are Python's
    int cautious = 0; // ... and Retort still reports the file (a form it does not read)
    int reported = 0; // the values differ (or Python fails), and Retort reports the file
};

QStringList compareWithPython(const QStringList& paths, const QStringList& readExactly,
                              Counts* counts)
{
    QStringList failures;
    QProcess python;
    python.start(QStringLiteral(RETORT_TEST_PYTHON),
                 QStringList{QStringLiteral(RETORT_FIXTURES_DIR "/header_oracle.py")} + paths);
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        return {QStringLiteral("the oracle failed: ") +
                QString::fromUtf8(python.readAllStandardError())};
    const QJsonObject oracle = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    if (oracle.size() != paths.size())
        return {QStringLiteral("the oracle answered for %1 of %2 files")
                    .arg(oracle.size())
                    .arg(paths.size())};
    for (const QString& path : paths) {
        const ParseResult r = RevisionParser::parseFile(path);
        const QString stem = path.section(u'/', -1).mid(2).chopped(3);
        const QString why = difference(oracle.value(path).toObject(), r);
        const bool hasError = hasErrors(r.diagnostics);
        if (readExactly.contains(stem)) {
            if (!why.isEmpty() || !r.diagnostics.isEmpty())
                failures << QStringLiteral("%1: not read exactly: %2 %3")
                                .arg(stem, why, messages(r.diagnostics));
        } else if (!why.isEmpty() && !hasError) {
            failures << QStringLiteral("%1: silently wrong: %2").arg(stem, why);
        }
        // A file Python loads with a valid header is one alembic loads: Retort must not
        // claim alembic stops at it.
        if (alembicLoads(oracle.value(path).toObject()) && !alembicStoppers(r.diagnostics).isEmpty())
            failures << QStringLiteral("%1: wrongly said to stop alembic: %2")
                            .arg(stem, messages(r.diagnostics));
        for (const Diagnostic& d : r.diagnostics) {
            if (d.path != path)
                failures << QStringLiteral("%1: a diagnostic on another file").arg(stem);
        }
        (why.isEmpty() ? counts->exact : counts->reported) += 1;
        if (why.isEmpty() && hasError)
            ++counts->cautious;
        if (qEnvironmentVariableIsSet("RETORT_HEADERFORMS_VERBOSE"))
            qInfo("%s: %s %s", qPrintable(stem),
                  qPrintable(why.isEmpty() ? QStringLiteral("exact") : why),
                  qPrintable(messages(r.diagnostics)));
    }
    return failures;
}

} // namespace

class TestHeaderForms : public QObject
{
    Q_OBJECT

private slots:
    // The hand-written battery: one file per form and variant (tests/data/headerforms).
    void againstPython()
    {
        const QStringList files =
            QDir(kFormsDir).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 100, qPrintable(QString::number(files.size())));
        QStringList paths;
        for (const QString& f : files)
            paths << kFormsDir + u'/' + f;
        Counts counts;
        const QStringList failures = compareWithPython(paths, kReadExactly, &counts);
        qInfo("%lld files: %d read as Python reads them (%d of them reported all the same), "
              "%d differ and are reported",
              qlonglong(paths.size()), counts.exact, counts.cautious, counts.reported);
        for (const QString& failure : failures)
            qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 files read wrongly").arg(failures.size())));
    }

    // Every binding form for every header name, before or after the header or in place of
    // its own assignment, at top level and inside if, else, try, while, with, def and class:
    // written by
    // gen_headerforms.py --combinations.
    void combinations()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess gen;
        gen.start(QStringLiteral(RETORT_TEST_PYTHON),
                  {QStringLiteral(RETORT_FIXTURES_DIR "/gen_headerforms.py"),
                   QStringLiteral("--combinations"), dir.path()});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        QStringList paths;
        for (const QString& f :
             QDir(dir.path()).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
            paths << dir.path() + u'/' + f;
        QVERIFY2(paths.size() >= 3000, qPrintable(QString::number(paths.size())));
        Counts counts;
        const QStringList failures = compareWithPython(paths, {}, &counts);
        qInfo("%lld files: %d read as Python reads them (%d of them reported all the same), "
              "%d differ and are reported",
              qlonglong(paths.size()), counts.exact, counts.cautious, counts.reported);
        for (const QString& failure : failures)
            qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 files read wrongly").arg(failures.size())));
    }
};

QTEST_GUILESS_MAIN(TestHeaderForms)
#include "tst_headerforms.moc"
