#include "model/migration/migrationops.h"

#include "model/migration/opsstatement.h"
#include "model/script/pythonsource.h"
#include "model/script/pythontokenizer.h"
#include "model/script/revisionparser.h"

namespace retort {

using opsread::BatchAlias;
using opsread::LineTokens;
using opsread::Span;
using opsread::StatementReader;

QString MigrationOp::opName(Kind kind)
{
    switch (kind) {
    case Kind::CreateTable: return QStringLiteral("create_table");
    case Kind::DropTable: return QStringLiteral("drop_table");
    case Kind::RenameTable: return QStringLiteral("rename_table");
    case Kind::AddColumn: return QStringLiteral("add_column");
    case Kind::DropColumn: return QStringLiteral("drop_column");
    case Kind::AlterColumn: return QStringLiteral("alter_column");
    case Kind::CreateIndex: return QStringLiteral("create_index");
    case Kind::DropIndex: return QStringLiteral("drop_index");
    case Kind::CreateForeignKey: return QStringLiteral("create_foreign_key");
    case Kind::CreateUniqueConstraint: return QStringLiteral("create_unique_constraint");
    case Kind::CreateCheckConstraint: return QStringLiteral("create_check_constraint");
    case Kind::CreatePrimaryKey: return QStringLiteral("create_primary_key");
    case Kind::DropConstraint: return QStringLiteral("drop_constraint");
    case Kind::CreateTableComment: return QStringLiteral("create_table_comment");
    case Kind::DropTableComment: return QStringLiteral("drop_table_comment");
    case Kind::BulkInsert: return QStringLiteral("bulk_insert");
    case Kind::Execute: return QStringLiteral("execute");
    case Kind::NotRead: break;
    }
    return QStringLiteral("not_read");
}

namespace {

bool isOneOf(QStringView word, std::initializer_list<const char16_t*> words)
{
    for (const char16_t* w : words) {
        if (word == QStringView(w))
            return true;
    }
    return false;
}

// Reads one function body a logical line at a time. Lines inside a statement it does not
// read (a loop, a condition, a nested def) are skimmed, not tokenized: one pass, linear.
class BodyReader
{
    Q_DECLARE_TR_FUNCTIONS(MigrationOpsReader)
public:
    BodyReader(PythonTokenizer& tokenizer, const QString& source, MigrationFunction* function)
        : m_tokenizer(tokenizer), m_source(source), m_function(function)
    {
    }

    // The statements after the colon of the `def` line itself (`def downgrade(): pass`).
    void sameLine(const QList<PyToken>& tokens, int from)
    {
        const LineTokens t(tokens);
        statements(t, {from, t.size()}, 0);
    }
    void run();
    bool runnable() const { return m_runnable; }

private:
    struct Frame
    {
        int indent;
        QList<BatchAlias> batches;
    };

    void noteEnd();
    void line(const QList<PyToken>& tokens, int indent);
    void statements(const LineTokens& t, Span s, int indent);
    QString compoundWhy(const LineTokens& t, const QString& batchWhy) const;
    QList<BatchAlias> openBatches() const;

    PythonTokenizer& m_tokenizer;
    const QString& m_source;
    MigrationFunction* m_function;
    StatementReader m_reader;
    QList<Frame> m_frames;       // open batch blocks, innermost last
    int m_skipAbove = -1;        // skim lines indented deeper than this (a statement not read)
    int m_openCompound = -1;     // indent of the last compound statement not read
    int m_decoratorLine = 0;     // first decorator line of a nested def to come
    bool m_runnable = false;
};

void BodyReader::noteEnd()
{
    const qsizetype pos = m_tokenizer.position();
    const bool atNewline =
        pos > 0 && pos <= m_source.size() &&
        (m_source.at(pos - 1) == u'\n' || m_source.at(pos - 1) == u'\r');
    m_function->endLine = atNewline ? m_tokenizer.line() - 1 : m_tokenizer.line();
}

void BodyReader::run()
{
    QList<PyToken> tokens;
    while (true) {
        const int indent = m_tokenizer.nextIndent();
        if (indent <= 0)
            return; // back at module level, the end, or an error
        if (m_skipAbove >= 0 && indent > m_skipAbove) {
            if (!m_tokenizer.skipLine())
                return;
            noteEnd();
            continue;
        }
        m_skipAbove = -1;
        while (!m_frames.isEmpty() && m_frames.last().indent >= indent)
            m_frames.removeLast();
        const QStringView word = m_tokenizer.peekWord();
        if (m_openCompound == indent &&
            isOneOf(word, {u"elif", u"else", u"except", u"finally"})) {
            // The rest of a statement already reported: its clauses are part of it.
            if (!m_tokenizer.skipLine())
                return;
            noteEnd();
            m_skipAbove = indent;
            continue;
        }
        m_openCompound = -1;
        tokens.clear();
        if (!m_tokenizer.readLine(&tokens))
            return;
        noteEnd();
        if (!tokens.isEmpty())
            line(tokens, indent);
    }
}

QList<BatchAlias> BodyReader::openBatches() const
{
    QList<BatchAlias> batches;
    for (const Frame& f : m_frames)
        batches += f.batches;
    return batches;
}

QString BodyReader::compoundWhy(const LineTokens& t, const QString& batchWhy) const
{
    const PyToken& first = t.at(0);
    const QStringView word = first.text;
    auto nameAfter = [&](int i) {
        return i < t.size() && t.at(i).kind == PyToken::Kind::Name ? t.at(i).text.toString()
                                                                    : QString();
    };
    if (word == u"async") {
        if (t.size() > 1 && t.at(1).isName(QLatin1StringView("def")))
            return tr("a nested function definition `%1`").arg(nameAfter(2));
        return tr("an async statement");
    }
    if (word == u"if")
        return tr("an if statement");
    if (word == u"for")
        return tr("a for loop");
    if (word == u"while")
        return tr("a while loop");
    if (word == u"try")
        return tr("a try statement");
    if (word == u"with")
        return batchWhy.isEmpty() ? tr("a with statement") : batchWhy;
    if (word == u"def")
        return tr("a nested function definition `%1`").arg(nameAfter(1));
    if (word == u"class")
        return tr("a class definition `%1`").arg(nameAfter(1));
    if (word == u"match")
        return tr("a match statement");
    return tr("an `%1` clause").arg(word);
}

void BodyReader::line(const QList<PyToken>& tokens, int indent)
{
    const LineTokens t(tokens);
    const PyToken& first = t.at(0);
    const Span all{0, t.size()};
    if (first.op == u'@') { // a decorator: the def it decorates is reported from here
        if (m_decoratorLine == 0)
            m_decoratorLine = first.line;
        m_runnable = true;
        return;
    }
    bool compound = first.kind == PyToken::Kind::Name &&
                    isOneOf(first.text, {u"if", u"elif", u"else", u"for", u"while", u"try",
                                         u"except", u"finally", u"with", u"def", u"class",
                                         u"async"});
    if (!compound && first.kind == PyToken::Kind::Name &&
        (first.text == u"match" || first.text == u"case")) {
        // Soft keywords: `match x:` is a statement, `match = 1` an assignment.
        const int colon = t.findTopLevel(all, u':');
        compound = colon > 1 && colon < t.size() && t.findTopLevel({0, colon}, u'=') == colon &&
                   t.at(1).op != u'.' && t.at(1).op != u'(';
    }
    if (!compound) {
        m_decoratorLine = 0;
        statements(t, all, indent);
        return;
    }
    m_runnable = true;
    const int colon = t.findTopLevel({1, t.size()}, u':');
    QString batchWhy;
    if (first.text == u"with" && m_decoratorLine == 0) {
        QList<BatchAlias> opened;
        if (m_reader.batchHeader(t, {1, colon}, &opened, &batchWhy)) {
            if (colon + 1 < t.size()) { // `with op.batch_alter_table("t") as b: b.drop_column("c")`
                m_frames.append({indent, opened});
                statements(t, {colon + 1, t.size()}, indent);
                m_frames.removeLast();
            } else {
                m_frames.append({indent, opened});
            }
            return;
        }
    }
    const int line = m_decoratorLine ? m_decoratorLine : first.line;
    m_decoratorLine = 0;
    m_function->ops.append(StatementReader::notRead(t, all, line, compoundWhy(t, batchWhy)));
    m_skipAbove = indent;
    m_openCompound = indent;
}

void BodyReader::statements(const LineTokens& t, Span s, int indent)
{
    Q_UNUSED(indent);
    const QList<BatchAlias> batches = openBatches();
    int start = s.b;
    while (start < s.e) {
        const int semicolon = t.findTopLevel({start, s.e}, u';');
        QString raised;
        const Span one{start, semicolon};
        switch (m_reader.statement(t, one, batches, &m_function->ops, &raised)) {
        case StatementReader::Outcome::Nothing:
            break;
        case StatementReader::Outcome::Ops:
            m_runnable = true;
            break;
        case StatementReader::Outcome::Raise:
            m_runnable = true;
            if (!m_frames.isEmpty()) {
                MigrationOp op = StatementReader::notRead(t, one, t.at(one.b).line,
                                                          tr("a raise statement"));
                m_function->ops.append(op);
            } else if (m_function->raisesLine == 0) {
                m_function->raisesLine = t.at(one.b).line;
                m_function->raises = raised;
            }
            break;
        }
        start = semicolon + 1;
    }
}

} // namespace

MigrationOps MigrationOpsReader::read(const QString& source)
{
    MigrationOps result;
    PythonTokenizer tokenizer(source);
    QList<PyToken> tokens;
    while (true) {
        const int indent = tokenizer.nextIndent();
        if (indent < 0)
            break;
        const QStringView word = tokenizer.peekWord();
        if (indent > 0 || (word != u"def" && word != u"async")) {
            if (!tokenizer.skipLine())
                break;
            continue;
        }
        tokens.clear();
        if (!tokenizer.readLine(&tokens))
            break;
        const int def = !tokens.isEmpty() && tokens.first().isName(QLatin1StringView("async"));
        if (tokens.size() < def + 3 || !tokens.at(def).isName(QLatin1StringView("def")))
            continue;
        const PyToken& name = tokens.at(def + 1);
        MigrationFunction* function = name.isName(QLatin1StringView("upgrade"))     ? &result.upgrade
                                      : name.isName(QLatin1StringView("downgrade")) ? &result.downgrade
                                                                                    : nullptr;
        if (!function || tokens.at(def + 2).op != u'(')
            continue;
        const LineTokens t(tokens);
        const int close = t.match(def + 2);
        const int colon = close < 0 ? t.size() : t.findTopLevel({close + 1, t.size()}, u':');
        *function = MigrationFunction{};
        function->present = true;
        function->line = tokens.at(def).line;
        function->endLine = tokens.last().line;
        BodyReader body(tokenizer, source, function);
        if (colon + 1 < t.size())
            body.sameLine(tokens, colon + 1); // `def downgrade(): pass`
        else
            body.run();
        function->empty = !body.runnable();
    }
    if (tokenizer.hasError()) {
        MigrationOps failed;
        failed.error = tr("%1 (line %2)").arg(tokenizer.error()).arg(tokenizer.errorLine());
        return failed;
    }
    return result;
}

MigrationOps MigrationOpsReader::readFile(const QString& path)
{
    MigrationOps result;
    const Result<PythonSource::FileContents> contents =
        PythonSource::readFile(path, RevisionParser::kMaxFileSize);
    if (!contents) {
        result.error = tr("Cannot read the file: %1").arg(contents.error());
        return result;
    }
    if (contents->size > RevisionParser::kMaxFileSize) {
        result.error = tr("The file is %1 MB, larger than Retort reads (%2 MB)")
                           .arg(contents->size / (1024 * 1024))
                           .arg(RevisionParser::kMaxFileSize / (1024 * 1024));
        return result;
    }
    const Result<QString, PythonSource::DecodeError> decoded = PythonSource::decode(contents->data);
    if (!decoded) {
        result.error = decoded.error().line > 0 ? tr("%1 (line %2)")
                                                      .arg(decoded.error().message)
                                                      .arg(decoded.error().line)
                                                : decoded.error().message;
        return result;
    }
    // Python reads identifiers in NFKC form, as the revision parser does.
    return read(PythonTokenizer::normalizeIdentifiers(decoded.value()));
}

} // namespace retort
