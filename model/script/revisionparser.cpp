#include "revisionparser.h"

#include "common/logging.h"
#include "script/pythontokenizer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QVarLengthArray>

#include <climits>
#include <optional>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace retort {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RevisionParser", text);
}

const QString kRevision = QStringLiteral("revision");
const QString kDownRevision = QStringLiteral("down_revision");
const QString kBranchLabels = QStringLiteral("branch_labels");
const QString kDependsOn = QStringLiteral("depends_on");

// 0..3 for revision, down_revision, branch_labels, depends_on; -1 for any other name.
int identifierIndex(QStringView name)
{
    if (name == kRevision)
        return 0;
    if (name == kDownRevision)
        return 1;
    if (name == kBranchLabels)
        return 2;
    if (name == kDependsOn)
        return 3;
    return -1;
}

bool isIdentifierName(QStringView name)
{
    return name == kRevision || name == kDownRevision || name == kBranchLabels
           || name == kDependsOn;
}

// A statically known Python value, or the reason it is not known.
struct PyValue
{
    enum class Kind { None, Str, Seq, Other, Unknown };
    Kind kind = Kind::Unknown;
    QString str;           // Str: the string; Other: what it is ("a number"); Unknown: why
    QList<PyValue> items;  // Seq
    QStringView expr;      // Unknown with an empty `str`: the expression, reason made on use
    // Unknown because it names something nothing binds: Python raises NameError on import.
    bool nameError = false;

    static PyValue none() { return make(Kind::None); }
    static PyValue string(QString s) { return make(Kind::Str, std::move(s)); }
    static PyValue other(QString what) { return make(Kind::Other, std::move(what)); }
    static PyValue unknown(QString why) { return make(Kind::Unknown, std::move(why)); }
    static PyValue seq(QList<PyValue> items) { return make(Kind::Seq, {}, std::move(items)); }

private:
    static PyValue make(Kind kind, QString str = {}, QList<PyValue> items = {})
    {
        PyValue v;
        v.kind = kind;
        v.str = std::move(str);
        v.items = std::move(items);
        return v;
    }
};

using TokenIt = QList<PyToken>::const_iterator;

QString sourceText(TokenIt begin, TokenIt end)
{
    QString text;
    for (auto it = begin; it != end; ++it) {
        if (it->kind == PyToken::Kind::Newline || it->kind == PyToken::Kind::EndOfFile)
            break;
        if (!text.isEmpty() && it->kind != PyToken::Kind::Op && !text.endsWith(u'(')
            && !text.endsWith(u'[') && !text.endsWith(u'.'))
            text += u' ';
        text += it->text;
        if (it->isOp(u','))
            text += u' ';
    }
    text = text.simplified();
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return text;
}

QString compact(QStringView text)
{
    QString out = text.toString().simplified();
    if (out.size() > 80)
        out = out.left(77) + QStringLiteral("...");
    return out;
}

// True when the tokens hold a call, an attribute, a subscript or an operator: an
// expression only Python can compute (as opposed to literals and names).
bool isComputed(TokenIt begin, TokenIt end)
{
    for (auto it = begin; it != end; ++it) {
        if (it->kind == PyToken::Kind::Op) {
            const char16_t op = it->op;
            if (op == u'.' || op == u'{' || op == 0)
                return true;
            if ((op == u'(' || op == u'[') && it != begin
                && (it - 1)->kind == PyToken::Kind::Name)
                return true;
            if (op != u'(' && op != u')' && op != u'[' && op != u']' && op != u',')
                return true;
        }
    }
    return false;
}

enum class Scope { Module, Conditional, Nested };

// Evaluates the literal subset: None, strings (with implicit concatenation), tuples, lists,
// parentheses, and names bound earlier at module level to such literals.
// What an import statement binds: name -> how to describe it ("is imported from `m`").
QList<QPair<QString, QString>> importedNames(const QList<PyToken>& tokens)
{
    QList<QPair<QString, QString>> out;
    if (tokens.isEmpty())
        return out;
    const auto begin = tokens.cbegin();
    const auto end = tokens.cend() - (tokens.last().kind == PyToken::Kind::EndOfFile ? 1 : 0);
    const auto stop = std::find_if(begin, end, [](const PyToken& t) {
        return t.kind == PyToken::Kind::Newline || t.op == u';';
    });
    if (begin->isName(QLatin1StringView("import"))) {
        // import a.b as c, d  → binds c and a
        for (auto it = begin + 1; it != stop; ++it) {
            if (it->kind != PyToken::Kind::Name)
                continue;
            const bool startsItem = it == begin + 1 || (it - 1)->op == u',';
            const bool alias = (it - 1)->isName(QLatin1StringView("as"));
            const bool hasAlias = it + 1 != stop && it[1].isName(QLatin1StringView("as"));
            if (alias)
                out.append({it->text.toString(), tr("is imported")});
            else if (startsItem && !hasAlias)
                out.append({it->text.toString(), it + 1 != stop && it[1].op == u'.'
                                                     ? tr("is an imported module")
                                                     : tr("is imported")});
        }
    } else if (begin->isName(QLatin1StringView("from"))) {
        auto importKw = begin;
        while (importKw != stop && !importKw->isName(QLatin1StringView("import")))
            ++importKw;
        QString module;
        for (auto it = begin + 1; it != importKw; ++it)
            module += it->text;
        for (auto it = importKw; it != stop; ++it) {
            if (it->kind != PyToken::Kind::Name || it == importKw
                || it->isName(QLatin1StringView("as")))
                continue;
            if (it + 1 != stop && it[1].isName(QLatin1StringView("as")))
                continue; // the alias after `as` is what is bound
            out.append({it->text.toString(), tr("is imported from `%1`").arg(module)});
        }
    }
    return out;
}

// A name bound by one simple statement: `a = v`, `a: T = v`, `a = b = v`, `a, b = v`,
// `a += v`. The value is not computed here: callers evaluate only what they need.
struct TargetBinding
{
    TokenIt target;
    TokenIt valueBegin;
    TokenIt valueEnd;
    int unpackIndex = -1; // position in `a, b = ...`; -1 for a plain target
    int unpackCount = 0;
    bool augmented = false;
};

TokenIt findTopLevel(TokenIt begin, TokenIt end, char16_t op)
{
    int depth = 0;
    for (auto it = begin; it != end; ++it) {
        switch (it->op) {
        case 0:
            break;
        case u'(': case u'[': case u'{':
            ++depth;
            break;
        case u')': case u']': case u'}':
            --depth;
            break;
        default:
            if (depth == 0 && it->op == op)
                return it;
        }
    }
    return end;
}

bool isAugmentedAssignment(const PyToken& t)
{
    if (t.kind != PyToken::Kind::Op || t.text.size() < 2 || !t.text.endsWith(u'='))
        return false;
    return t.text != u"==" && t.text != u"!=" && t.text != u"<=" && t.text != u">=";
}

// Calls `onBinding(TargetBinding)` for every name the statement [begin, end) binds by assignment.
template <typename OnBinding>
void forEachBinding(TokenIt begin, TokenIt end, OnBinding onBinding)
{
    if (begin == end || begin->kind != PyToken::Kind::Name)
        return;
    const TokenIt second = begin + 1;
    if (second == end)
        return;
    if (second->op == u':') { // annotated: NAME ':' annotation ['=' value]
        const TokenIt eq = findTopLevel(second, end, u'=');
        if (eq != end)
            onBinding(TargetBinding{begin, eq + 1, end});
        return;
    }
    if (isAugmentedAssignment(*second)) {
        onBinding(TargetBinding{begin, second + 1, end, -1, 0, true});
        return;
    }
    // Most statements are `name = value`: no lists needed.
    if (second->op == u'=' && findTopLevel(second + 1, end, u'=') == end) {
        onBinding(TargetBinding{begin, second + 1, end});
        return;
    }
    QVarLengthArray<TokenIt, 4> equals;
    for (TokenIt it = findTopLevel(begin, end, u'='); it != end; it = findTopLevel(it + 1, end, u'='))
        equals.append(it);
    if (equals.isEmpty())
        return;
    const TokenIt valueBegin = equals.last() + 1;
    TokenIt targetBegin = begin;
    for (TokenIt eq : equals) {
        QVarLengthArray<TokenIt, 4> names;
        bool simple = true;
        for (auto it = targetBegin; it != eq; ++it) {
            if (it->kind == PyToken::Kind::Name)
                names.append(it);
            else if (it->op != u',' && it->op != u'(' && it->op != u')' && it->op != u'['
                     && it->op != u']')
                simple = false;
        }
        if (simple) {
            for (int i = 0; i < names.size(); ++i)
                onBinding(TargetBinding{names.at(i), valueBegin, end, names.size() > 1 ? i : -1,
                                   int(names.size())});
        }
        targetBegin = eq + 1;
    }
}

// Module-level names in the order Python binds them. Only the four identifiers (and what
// compound statements bind) are evaluated as they come; every other module-level statement
// is kept as source text and read only when a lookup needs it, at its own place in the
// order: most files never refer to their constants, columns and imports.
class SymbolTable
{
public:
    struct Found
    {
        PyValue value;
        int line = 0;
        int seq = 0;
    };

    void bind(const QString& name, PyValue value, int line)
    {
        m_symbols[name].append({std::move(value), ++m_seq, line});
        const int identifier = identifierIndex(name);
        if (identifier >= 0)
            m_identifierSeq[identifier] = m_seq;
    }
    explicit SymbolTable(const QString& moduleText) : m_text(moduleText) {}

    // Whether Python could find `name` though no assignment or import binds it: a builtin,
    // a module-level def or class (anywhere in the file), or a star import.
    bool mayBeBoundOtherwise(const QString& name) const;

    void addDeferred(QStringView statement, int line, bool conditional)
    {
        m_deferred.append({++m_seq, statement, line, conditional});
    }

    // Could a deferred statement have (re)bound one of the four identifiers? True when one
    // comes after the earliest of their bindings (an unbound one counts as bound at 0).
    bool deferredMayBindIdentifiers() const
    {
        if (m_deferred.isEmpty())
            return false;
        const int earliest =
            *std::min_element(std::begin(m_identifierSeq), std::end(m_identifierSeq));
        return m_deferred.last().seq > earliest;
    }

    // The value `name` has just before statement number `before` (now, by default);
    // nullopt when nothing in the file binds it by then.
    std::optional<Found> lookup(const QString& name, int before = INT_MAX) const;

private:
    struct Binding
    {
        PyValue value;
        int seq = 0;
        int line = 0;
    };
    struct Deferred
    {
        int seq = 0;
        QStringView text;
        int line = 0;
        bool conditional = false;
    };
    std::optional<Found> fromDeferred(const Deferred& d, const QString& name) const;

    const QString& m_text;
    mutable std::optional<QSet<QString>> m_defined; // def/class names; "*" for a star import
    QHash<QString, QList<Binding>> m_symbols;
    QList<Deferred> m_deferred;
    int m_seq = 0;
    int m_identifierSeq[4] = {0, 0, 0, 0}; // revision, down_revision, branch_labels, depends_on
};

class Evaluator
{
public:
    Evaluator(const SymbolTable& symbols, int before = INT_MAX)
        : m_symbols(symbols), m_before(before)
    {
    }

    PyValue evaluate(TokenIt begin, TokenIt end)
    {
        m_it = begin;
        m_end = end;
        if (m_it == m_end)
            return PyValue::unknown(tr("no value is given"));
        PyValue v = expressionList(true);
        if (m_it != m_end && v.kind != PyValue::Kind::Unknown)
            return PyValue::unknown(tr("`%1` is an expression").arg(sourceText(begin, end)));
        return v;
    }

private:
    bool atOp(char16_t op) const { return m_it != m_end && m_it->op == op; }

    // item (',' item)* [','] — a tuple when there is a comma.
    PyValue expressionList(bool topLevel)
    {
        const TokenIt start = m_it;
        QList<PyValue> items;
        bool sawComma = false;
        while (m_it != m_end && !atOp(u')') && !atOp(u']')) {
            items.append(item());
            if (atOp(u',')) {
                sawComma = true;
                ++m_it;
                continue;
            }
            break;
        }
        Q_UNUSED(topLevel);
        Q_UNUSED(start);
        if (!sawComma && items.size() == 1)
            return items.first();
        return PyValue::seq(items);
    }

    PyValue item()
    {
        const TokenIt start = m_it;
        PyValue v = atom();
        // Anything that follows an atom (an operator, a call, an attribute) makes it an
        // expression Python has to compute.
        if (m_it != m_end && !atOp(u',') && !atOp(u')') && !atOp(u']')) {
            TokenIt stop = m_it;
            int depth = 0;
            while (stop != m_end) {
                if (stop->isOp(u'(') || stop->isOp(u'[')
                    || stop->isOp(u'{'))
                    ++depth;
                else if (stop->isOp(u')') || stop->isOp(u']')
                         || stop->isOp(u'}')) {
                    if (depth == 0)
                        break;
                    --depth;
                } else if (depth == 0 && stop->isOp(u','))
                    break;
                ++stop;
            }
            const QString text = sourceText(start, stop);
            m_it = stop;
            if (start->kind == PyToken::Kind::Name && start + 1 != m_end
                && start[1].isOp(u'.'))
                return PyValue::unknown(
                    tr("`%1` is read from another module at run time").arg(text));
            return PyValue::unknown(tr("`%1` is an expression").arg(text));
        }
        return v;
    }

    PyValue atom()
    {
        if (m_it == m_end)
            return PyValue::unknown(tr("a value is missing"));
        const PyToken& t = *m_it;
        switch (t.kind) {
        case PyToken::Kind::String: {
            QString value;
            bool bytes = false;
            bool formatted = false;
            const TokenIt start = m_it;
            while (m_it != m_end && m_it->kind == PyToken::Kind::String) {
                value += m_it->value;
                bytes |= m_it->bytes;
                formatted |= m_it->formatted && m_it->value.contains(u'{');
                ++m_it;
            }
            if (bytes)
                return PyValue::other(tr("a bytes literal"));
            if (formatted)
                return PyValue::unknown(
                    tr("`%1` is an f-string").arg(sourceText(start, m_it)));
            return PyValue::string(value);
        }
        case PyToken::Kind::Name: {
            ++m_it;
            if (t.text == QLatin1StringView("None"))
                return PyValue::none();
            if (t.text == QLatin1StringView("True") || t.text == QLatin1StringView("False"))
                return PyValue::other(tr("a boolean"));
            const std::optional<SymbolTable::Found> lookedUp =
                m_symbols.lookup(t.text.toString(), m_before);
            const std::optional<PyValue> found =
                lookedUp ? std::optional<PyValue>(lookedUp->value) : std::nullopt;
            if (found) {
                if (found->kind == PyValue::Kind::Unknown && found->str.isEmpty())
                    return PyValue::unknown(
                        tr("`%1` is computed by `%2` when Python runs the file")
                            .arg(t.text, compact(found->expr)));
                if (found->kind == PyValue::Kind::Unknown) {
                    PyValue value = PyValue::unknown(tr("`%1` %2").arg(t.text, found->str));
                    value.nameError = found->nameError;
                    return value;
                }
                return *found;
            }
            PyValue undefined =
                PyValue::unknown(tr("`%1` is not defined in this file").arg(t.text));
            undefined.nameError = !m_symbols.mayBeBoundOtherwise(t.text.toString());
            return undefined;
        }
        case PyToken::Kind::Number:
            ++m_it;
            return PyValue::other(tr("a number"));
        case PyToken::Kind::Op:
            if (t.text == QLatin1StringView("(") || t.text == QLatin1StringView("[")) {
                const bool list = t.text == QLatin1StringView("[");
                const TokenIt open = m_it;
                ++m_it;
                PyValue inner;
                if (atOp(list ? u']' : u')')) {
                    inner = PyValue::seq({});
                } else {
                    inner = expressionList(false);
                    if (list && inner.kind != PyValue::Kind::Seq)
                        inner = PyValue::seq({inner});
                }
                if (!atOp(list ? u']' : u')')) {
                    // A comprehension or something else we do not evaluate.
                    int depth = 1;
                    while (m_it != m_end && depth > 0) {
                        if (m_it->isOp(u'(') || m_it->isOp(u'['))
                            ++depth;
                        else if (m_it->isOp(u')')
                                 || m_it->isOp(u']'))
                            --depth;
                        ++m_it;
                    }
                    return PyValue::unknown(
                        tr("`%1` is an expression").arg(sourceText(open, m_it)));
                }
                ++m_it;
                return inner;
            }
            if (t.text == QLatin1StringView("{")) {
                const TokenIt open = m_it;
                int depth = 0;
                do {
                    if (m_it->isOp(u'{'))
                        ++depth;
                    else if (m_it->isOp(u'}'))
                        --depth;
                    ++m_it;
                } while (m_it != m_end && depth > 0);
                return PyValue::unknown(
                    tr("`%1` is a set or dict, whose order Python decides")
                        .arg(sourceText(open, m_it)));
            }
            [[fallthrough]];
        default:
            return PyValue::unknown(tr("`%1` is an expression").arg(sourceText(m_it, m_end)));
        }
    }

    const SymbolTable& m_symbols;
    int m_before = INT_MAX;
    TokenIt m_it;
    TokenIt m_end;
};

// The value a binding gives its target, evaluated as of statement `before`.
PyValue valueOf(const TargetBinding& b, const SymbolTable& symbols, int before)
{
    if (b.augmented)
        return PyValue::unknown(tr("is changed by `%1`").arg(sourceText(b.target, b.valueEnd)));
    PyValue value = Evaluator(symbols, before).evaluate(b.valueBegin, b.valueEnd);
    if (b.unpackIndex < 0)
        return value;
    if (value.kind == PyValue::Kind::Seq && value.items.size() == b.unpackCount)
        return value.items.at(b.unpackIndex);
    return PyValue::unknown(
        tr("is unpacked from `%1`").arg(sourceText(b.valueBegin, b.valueEnd)));
}

PyValue conditionalValue(PyValue value)
{
    if (value.kind != PyValue::Kind::Unknown)
        return PyValue::unknown(tr("is assigned inside an if/try/for/with block"));
    value.nameError = false; // the block may guard it (try/except NameError, if False)
    return value;
}

std::optional<SymbolTable::Found> SymbolTable::fromDeferred(const Deferred& d,
                                                            const QString& name) const
{
    // The raw-data string keeps the tokens' views pointing into the module text.
    const QString raw = QString::fromRawData(d.text.data(), d.text.size());
    const PyTokens tokens = PythonTokenizer::tokenize(raw);
    const TokenIt end = tokens.tokens.cend() - 1; // EndOfFile
    std::optional<Found> found;
    for (TokenIt stmt = tokens.tokens.cbegin(); stmt != end;) {
        TokenIt stop = stmt;
        while (stop != end && stop->kind != PyToken::Kind::Newline && stop->op != u';')
            ++stop;
        if (stmt != stop && (stmt->isName(QLatin1StringView("import"))
                             || stmt->isName(QLatin1StringView("from")))) {
            QList<PyToken> statement(stmt, stop);
            for (const auto& [bound, why] : importedNames(statement))
                if (bound == name)
                    found = Found{PyValue::unknown(why), d.line, d.seq};
        } else {
            forEachBinding(stmt, stop, [&](const TargetBinding& b) {
                if (b.target->text == name) {
                    PyValue value = valueOf(b, *this, d.seq);
                    found = Found{d.conditional ? conditionalValue(std::move(value)) : value,
                                  b.target->line + d.line - 1, d.seq};
                }
            });
        }
        stmt = stop == end ? end : stop + 1;
    }
    return found;
}

bool SymbolTable::mayBeBoundOtherwise(const QString& name) const
{
    static const QSet<QString> builtins = {
        QStringLiteral("__name__"), QStringLiteral("__file__"), QStringLiteral("__doc__"),
        QStringLiteral("__builtins__"), QStringLiteral("__spec__"), QStringLiteral("__loader__"),
        QStringLiteral("__package__"), QStringLiteral("__annotations__"),
        QStringLiteral("str"), QStringLiteral("tuple"), QStringLiteral("list"),
        QStringLiteral("dict"), QStringLiteral("set"), QStringLiteral("frozenset"),
        QStringLiteral("int"), QStringLiteral("float"), QStringLiteral("bool"),
        QStringLiteral("bytes"), QStringLiteral("object"), QStringLiteral("type"),
        QStringLiteral("len"), QStringLiteral("sorted"), QStringLiteral("reversed"),
        QStringLiteral("map"), QStringLiteral("filter"), QStringLiteral("zip"),
        QStringLiteral("range"), QStringLiteral("repr"), QStringLiteral("format"),
        QStringLiteral("globals"), QStringLiteral("locals"), QStringLiteral("vars"),
        QStringLiteral("getattr"), QStringLiteral("print"), QStringLiteral("open"),
        QStringLiteral("Ellipsis"), QStringLiteral("NotImplemented"),
        QStringLiteral("__import__"), QStringLiteral("exec"), QStringLiteral("eval")};
    if (builtins.contains(name))
        return true;
    if (!m_defined) {
        // Built only when a header names something unbound: most files never get here.
        QSet<QString> defined;
        static const QRegularExpression definition(
            QStringLiteral("^(?:async[ \\t]+)?(?:def|class)[ \\t]+(\\w+)"),
            QRegularExpression::MultilineOption | QRegularExpression::UseUnicodePropertiesOption);
        for (const QRegularExpressionMatch& m : definition.globalMatch(m_text))
            defined.insert(m.captured(1));
        static const QRegularExpression star(QStringLiteral("\\bimport\\s*\\*"));
        if (m_text.contains(star))
            defined.insert(QStringLiteral("*"));
        m_defined = std::move(defined);
    }
    return m_defined->contains(name) || m_defined->contains(QStringLiteral("*"));
}

std::optional<SymbolTable::Found> SymbolTable::lookup(const QString& name, int before) const
{
    std::optional<Found> eager;
    const auto bindings = m_symbols.constFind(name);
    if (bindings != m_symbols.constEnd()) {
        for (auto it = bindings->crbegin(); it != bindings->crend(); ++it) {
            if (it->seq < before) {
                eager = Found{it->value, it->line, it->seq};
                break;
            }
        }
    }
    const int after = eager ? eager->seq : 0;
    for (auto it = m_deferred.crbegin(); it != m_deferred.crend(); ++it) {
        if (it->seq >= before)
            continue;
        if (it->seq <= after)
            break;
        if (!it->text.contains(name)) // cheap: most statements never mention the name
            continue;
        if (std::optional<Found> found = fromDeferred(*it, name))
            return found;
    }
    return eager;
}

struct Assignment
{
    PyValue value;
    int line = 0;
    bool conditional = false;
};

class ModuleReader
{
public:
    explicit ModuleReader(const QString& text) : m_text(text) {}

    // Reads the module a logical line at a time. Lines inside function and class bodies
    // are skimmed, not tokenized: they cannot bind module-level names.
    void read()
    {
        PythonTokenizer tokenizer(m_text);
        bool first = true;
        QList<PyToken> line;
        while (true) {
            const int indent = tokenizer.nextIndent();
            if (indent < 0)
                break;
            while (!m_blocks.isEmpty() && m_blocks.last().indent >= indent)
                m_blocks.removeLast();
            if (currentScope() == Scope::Nested) {
                if (!tokenizer.skipLine())
                    break;
                first = false;
                continue;
            }
            // Fast paths for the commonest module-level lines that cannot bind the four
            // identifiers directly: function and class headers (their bodies are nested
            // scopes), decorators, and imports (kept as text, read only when looked up).
            const QStringView word = tokenizer.peekWord();
            if (word == u"def" || word == u"class" || word == u"@") {
                if (!tokenizer.skipLine())
                    break;
                if (word != u"@")
                    m_blocks.append({indent, Scope::Nested});
                first = false;
                continue;
            }
            // Everything else that does not start with one of the four identifiers or a
            // compound keyword is kept as text, to be read only if a lookup needs it.
            if (!first && identifierIndex(word) < 0 && !isCompoundWord(word)) {
                const qsizetype start = tokenizer.position();
                const int lineNumber = tokenizer.line();
                if (!tokenizer.skipLine())
                    break;
                QStringView statement = QStringView(m_text).mid(start, tokenizer.position() - start);
                while (!statement.isEmpty() && statement.back().isSpace())
                    statement.chop(1);
                m_symbols.addDeferred(statement, lineNumber, currentScope() == Scope::Conditional);
                continue;
            }
            line.clear();
            // A line cut short by a tokenizer error says nothing reliable: stop there.
            if (!tokenizer.readLine(&line) || line.isEmpty())
                break;
            if (first)
                readDocstring(line.cbegin(), line.cend());
            first = false;
            logicalLine(line.cbegin(), line.cend(), indent);
        }
        tokenError = tokenizer.error();
        tokenErrorLine = tokenizer.errorLine();

        // A statement read lazily (an import, an unpacking) can rebind one of the four
        // identifiers after its last plain assignment.
        if (!m_symbols.deferredMayBindIdentifiers())
            return;
        for (const QString& name : {kRevision, kDownRevision, kBranchLabels, kDependsOn}) {
            const std::optional<SymbolTable::Found> now = m_symbols.lookup(name);
            const auto known = assignments.constFind(name);
            if (now && (known == assignments.constEnd() || now->line != known->line))
                assignments.insert(name, {now->value, now->line, false});
        }
    }

    QString tokenError;
    int tokenErrorLine = 0;
    QHash<QString, Assignment> assignments; // the four identifiers: last assignment
    QString docstring;
    bool hasDocstring = false;
    Diagnostics diagnostics;

private:
    struct Block
    {
        int indent;
        Scope scope;
    };

    void readDocstring(TokenIt begin, TokenIt end)
    {
        QString doc;
        for (auto it = begin; it != end; ++it) {
            if (it->kind != PyToken::Kind::String || it->bytes || it->formatted)
                return;
            doc += it->value;
        }
        docstring = doc;
        hasDocstring = true;
    }

    Scope currentScope() const
    {
        Scope scope = Scope::Module;
        for (const Block& b : m_blocks) {
            if (b.scope == Scope::Nested)
                return Scope::Nested;
            scope = Scope::Conditional;
        }
        return scope;
    }

    static Scope headerScope(const PyToken& first)
    {
        static const QStringList nested = {QStringLiteral("def"), QStringLiteral("class"),
                                           QStringLiteral("lambda")};
        if (nested.contains(first.text))
            return Scope::Nested;
        return Scope::Conditional;
    }

    static bool isCompoundWord(QStringView word)
    {
        static const QStringList keywords = {
            QStringLiteral("if"),    QStringLiteral("elif"),   QStringLiteral("else"),
            QStringLiteral("try"),   QStringLiteral("except"), QStringLiteral("finally"),
            QStringLiteral("for"),   QStringLiteral("while"),  QStringLiteral("with"),
            QStringLiteral("async"), QStringLiteral("match"),  QStringLiteral("case")};
        return word.size() >= 2 && word.size() <= 7 && keywords.contains(word);
    }

    static bool isCompoundKeyword(const PyToken& t)
    {
        static const QStringList keywords = {
            QStringLiteral("if"),    QStringLiteral("elif"),   QStringLiteral("else"),
            QStringLiteral("try"),   QStringLiteral("except"), QStringLiteral("finally"),
            QStringLiteral("for"),   QStringLiteral("while"),  QStringLiteral("with"),
            QStringLiteral("def"),   QStringLiteral("class"),  QStringLiteral("async"),
            QStringLiteral("match"), QStringLiteral("case")};
        if (t.kind != PyToken::Kind::Name || t.text.size() < 2 || t.text.size() > 7
            || !QStringView(u"ietfwdcam").contains(t.text.front()))
            return false;
        return keywords.contains(t.text);
    }

    void logicalLine(TokenIt begin, TokenIt end, int indent)
    {
        if (begin == end)
            return;
        while (!m_blocks.isEmpty() && m_blocks.last().indent >= indent)
            m_blocks.removeLast();
        Scope scope = currentScope();

        if (isCompoundKeyword(*begin) && (end - 1)->isOp(u':')) {
            Scope blockScope = headerScope(*begin);
            if (begin->text == QLatin1StringView("async") && begin + 1 != end
                && begin[1].isName(QLatin1StringView("def")))
                blockScope = Scope::Nested;
            m_blocks.append({indent, blockScope});
            return;
        }
        if (isCompoundKeyword(*begin)) {
            // A one-line compound statement: `if x: revision = "a"`, `class A: pass`.
            TokenIt colon = findTopLevel(begin, end, u':');
            if (colon != end && !begin->isName(QLatin1StringView("match"))
                && !begin->isName(QLatin1StringView("case"))) {
                Scope inner = headerScope(*begin);
                if (begin->text == QLatin1StringView("async") && begin + 1 != end
                    && begin[1].isName(QLatin1StringView("def")))
                    inner = Scope::Nested;
                if (scope != Scope::Nested && inner != Scope::Nested)
                    statements(colon + 1, end, Scope::Conditional);
                return;
            }
        }
        if (begin->isOp(u'@'))
            return; // a decorator
        if (scope != Scope::Nested)
            statements(begin, end, scope);
    }

    void statements(TokenIt begin, TokenIt end, Scope scope)
    {
        while (begin != end) {
            TokenIt semicolon = findTopLevel(begin, end, u';');
            statement(begin, semicolon, scope);
            begin = semicolon == end ? end : semicolon + 1;
        }
    }

    void statement(TokenIt begin, TokenIt end, Scope scope)
    {
        if (begin == end)
            return;
        const bool conditional = scope == Scope::Conditional;
        if (begin->isName(QLatin1StringView("import")) || begin->isName(QLatin1StringView("from"))) {
            const QStringView last = (end - 1)->text;
            m_symbols.addDeferred(QStringView(begin->text.data(), last.data() + last.size()),
                                  begin->line, conditional);
            return;
        }
        forEachBinding(begin, end, [&](const TargetBinding& b) {
            PyValue value;
            if (!isIdentifierName(b.target->text) && !b.augmented && b.valueBegin != b.valueEnd
                && isComputed(b.valueBegin, b.valueEnd)) {
                // Code that never feeds the four identifiers: keep where it is and explain
                // it only if it is ever used.
                value = PyValue::unknown(QString());
                const QStringView last = (b.valueEnd - 1)->text;
                value.expr = QStringView(b.valueBegin->text.data(), last.data() + last.size());
            } else {
                value = valueOf(b, m_symbols, INT_MAX);
            }
            bind(*b.target, std::move(value), conditional);
        });
    }

    void bind(const PyToken& target, PyValue value, bool conditional)
    {
        if (conditional)
            value = conditionalValue(std::move(value));
        const QString name = target.text.toString();
        m_symbols.bind(name, value, target.line);
        if (isIdentifierName(name))
            assignments.insert(name, {value, target.line, conditional});
    }

    const QString& m_text;
    QList<Block> m_blocks;
    SymbolTable m_symbols{m_text};
};

// Decodes source bytes as Python would: a UTF-8 BOM, a PEP 263 coding cookie on one of the
// first two lines, UTF-8 otherwise. Returns false with a message when that fails.
bool decodeSource(const QByteArray& bytes, QString* text, QString* error, int* errorLine)
{
    *errorLine = 0;
    if (bytes.contains('\0')) {
        *error = tr("The file contains NUL bytes: it is not Python source (a binary file?).");
        return false;
    }
    QByteArray data = bytes;
    QByteArray encoding = "UTF-8";
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
    } else {
        static const QRegularExpression cookie(
            QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"));
        qsizetype lineStart = 0;
        for (int line = 0; line < 2 && lineStart < data.size(); ++line) {
            qsizetype lineEnd = data.indexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = data.size();
            const QString lineText = QString::fromLatin1(data.mid(lineStart, lineEnd - lineStart));
            const QString trimmed = lineText.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
                break; // Python only looks at line 2 when line 1 is blank or a comment
            const auto match = cookie.match(lineText);
            if (match.hasMatch()) {
                encoding = match.captured(1).toLatin1();
                break;
            }
            lineStart = lineEnd + 1;
        }
    }
    const QByteArray normalized = encoding.toLower().replace('_', '-');
    if (normalized == "utf-8" || normalized == "utf8" || normalized.startsWith("utf-8-")) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        *text = decoder.decode(data);
        if (decoder.hasError()) {
            // Find the line of the first bad byte for the message.
            qsizetype good = 0;
            int line = 1;
            while (good < data.size()) {
                const qsizetype next = data.indexOf('\n', good);
                const qsizetype stop = next < 0 ? data.size() : next + 1;
                QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
                (void)QString(probe.decode(data.mid(good, stop - good)));
                if (probe.hasError())
                    break;
                good = stop;
                ++line;
            }
            *errorLine = line;
            *error = tr("The file is not valid UTF-8 and declares no other encoding.");
            return false;
        }
        return true;
    }
    QStringDecoder decoder(encoding.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        *errorLine = 1;
        *error = tr("The file declares the encoding '%1', which Retort cannot read.")
                     .arg(QString::fromLatin1(encoding));
        return false;
    }
    *text = decoder.decode(data);
    if (decoder.hasError()) {
        *error = tr("The file is not valid %1.").arg(QString::fromLatin1(encoding));
        return false;
    }
    return true;
}

} // namespace

QString RevisionParser::idFromLegacyFileName(const QString& fileName)
{
    static const QRegularExpression legacy(QStringLiteral("^([a-f0-9]+)\\.py$"));
    const auto match = legacy.match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

namespace {

// Reads a whole file with the fewest system calls (open, fstat, read, close): scanning a
// version folder reads thousands of small files, and QFile's extra stat calls per file
// showed up as a fifth of the scan's time.
bool readWholeFile(const QString& path, QByteArray* data, qint64* size, QString* error)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *error = S_ISDIR(st.st_mode) ? tr("it is a folder") : tr("it is not a regular file");
        ::close(fd);
        return false;
    }
    *size = st.st_size;
    if (st.st_size > RevisionParser::kMaxFileSize) {
        ::close(fd);
        return true;
    }
    data->resize(qsizetype(st.st_size));
    qsizetype done = 0;
    while (done < data->size()) {
        const ssize_t got = ::read(fd, data->data() + done, size_t(data->size() - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return false;
        }
        if (got == 0)
            break; // the file shrank while being read
        done += got;
    }
    data->resize(done);
    ::close(fd);
    return true;
#else
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    *size = file.size();
    if (*size <= RevisionParser::kMaxFileSize)
        *data = file.readAll();
    return true;
#endif
}

} // namespace

namespace {

// A name that nothing binds: importing the file raises NameError, so alembic stops there.
Diagnostic nameError(const QString& path, int line, const QString& identifier,
                     const QString& why, const QString& revision = {})
{
    return Diagnostic::fatal(path, line,
                             tr("`%1` uses a name that is not defined (%2): Python raises "
                                "NameError on import, so alembic cannot load this file.")
                                 .arg(identifier, why),
                             revision);
}

// A value Retort cannot know: a NameError stops alembic; anything else (an imported constant,
// a computed value) alembic loads, and only Retort cannot read it.
Diagnostic unknownValue(const QString& path, int line, const QString& identifier,
                        const PyValue& value, const QString& revision = {})
{
    if (value.nameError)
        return nameError(path, line, identifier, value.str, revision);
    return Diagnostic::error(path, line,
                             tr("The value of `%1` cannot be known without running Python: %2.")
                                 .arg(identifier, value.str),
                             revision);
}

} // namespace

ParseResult RevisionParser::parseFile(const QString& path)
{
    ParseResult result;
    QByteArray data;
    qint64 size = 0;
    QString error;
    if (!readWholeFile(path, &data, &size, &error)) {
        result.diagnostics.append(
            Diagnostic::fatal(path, 0, tr("Cannot read the file: %1").arg(error)));
        return result;
    }
    if (size > kMaxFileSize) {
        result.diagnostics.append(Diagnostic::error(
            path, 0,
            tr("The file is %1 MB, larger than Retort reads (%2 MB): not a revision script?")
                .arg(size / (1024 * 1024))
                .arg(kMaxFileSize / (1024 * 1024))));
        return result;
    }
    return parse(data, path);
}

ParseResult RevisionParser::parse(const QByteArray& bytes, const QString& path)
{
    ParseResult result;
    auto& diags = result.diagnostics;

    QString text;
    QString decodeError;
    int decodeErrorLine = 0;
    if (!decodeSource(bytes, &text, &decodeError, &decodeErrorLine)) {
        diags.append(Diagnostic::fatal(path, decodeErrorLine, decodeError));
        return result;
    }

    ModuleReader reader(text);
    reader.read();
    if (!reader.tokenError.isEmpty()) {
        diags.append(Diagnostic::fatal(
            path, reader.tokenErrorLine,
            tr("Python syntax error: %1. Alembic cannot import this file.").arg(reader.tokenError)));
    }

    Revision rev;
    rev.path = path;

    // --- revision
    const QString fileName = path.mid(path.lastIndexOf(u'/') + 1);
    if (!reader.assignments.contains(kRevision)) {
        if (!reader.tokenError.isEmpty())
            return result; // the syntax error explains it
        const QString legacy = idFromLegacyFileName(fileName);
        if (legacy.isEmpty()) {
            diags.append(Diagnostic::fatal(
                path, 0,
                tr("No module-level `revision = \"...\"` assignment, and the file name is not "
                   "a legacy hex id: alembic cannot determine this revision's id.")));
            return result;
        }
        rev.id = legacy;
    } else {
        const Assignment& a = reader.assignments.value(kRevision);
        rev.revisionLine = a.line;
        if (a.value.kind == PyValue::Kind::Str) {
            rev.id = a.value.str;
        } else if (a.value.kind == PyValue::Kind::Unknown) {
            diags.append(unknownValue(path, a.line, kRevision, a.value));
            return result;
        } else {
            // Revision() takes set(revision): None or a number raises TypeError on load.
            diags.append(Diagnostic::fatal(path, a.line,
                                           tr("`revision` must be a string, not %1.")
                                               .arg(a.value.kind == PyValue::Kind::None
                                                        ? tr("None")
                                                        : a.value.kind == PyValue::Kind::Seq
                                                              ? tr("a sequence")
                                                              : a.value.str)));
            return result;
        }
    }
    if (rev.id.isEmpty()) {
        diags.append(Diagnostic::error(path, rev.revisionLine, tr("`revision` is empty.")));
        return result;
    }
    auto hasIllegalChar = [](const QString& id) {
        return id.contains(u'@') || id.contains(u'+') || id.contains(u'-');
    };
    if (hasIllegalChar(rev.id)) {
        diags.append(Diagnostic::fatal(
            path, rev.revisionLine,
            tr("The revision id '%1' contains '@', '-' or '+', which alembic does not allow.")
                .arg(rev.id),
            rev.id));
        return result;
    }

    // --- the three lists
    auto readList = [&](const QString& name, QStringList* out, int* lineOut, bool required) {
        const auto found = reader.assignments.constFind(name);
        if (found == reader.assignments.constEnd()) {
            if (required && reader.tokenError.isEmpty())
                diags.append(Diagnostic::fatal(
                    path, 0,
                    tr("No module-level `%1` assignment: alembic fails to load this file. "
                       "Shown as a base.")
                        .arg(name),
                    rev.id));
            return;
        }
        const Assignment& a = *found;
        *lineOut = a.line;
        switch (a.value.kind) {
        case PyValue::Kind::None:
            return;
        case PyValue::Kind::Str:
            if (!a.value.str.isEmpty())
                out->append(a.value.str);
            return;
        case PyValue::Kind::Seq:
            for (const PyValue& item : a.value.items) {
                if (item.kind == PyValue::Kind::Str) {
                    if (!item.str.isEmpty())
                        out->append(item.str);
                } else if (item.kind == PyValue::Kind::Unknown && item.nameError) {
                    diags.append(nameError(path, a.line, name, item.str, rev.id));
                } else if (item.kind == PyValue::Kind::Unknown) {
                    diags.append(Diagnostic::error(
                        path, a.line,
                        tr("An entry of `%1` cannot be known without running Python: %2.")
                            .arg(name, item.str),
                        rev.id));
                } else {
                    diags.append(Diagnostic::error(
                        path, a.line,
                        tr("An entry of `%1` is %2, not a revision id string.")
                            .arg(name, item.kind == PyValue::Kind::None
                                           ? tr("None")
                                           : item.kind == PyValue::Kind::Seq ? tr("a sequence")
                                                                             : item.str),
                        rev.id));
                }
            }
            return;
        case PyValue::Kind::Other:
            diags.append(Diagnostic::error(
                path, a.line, tr("`%1` is %2, not a string or a tuple of strings.")
                                  .arg(name, a.value.str),
                rev.id));
            return;
        case PyValue::Kind::Unknown:
            diags.append(unknownValue(path, a.line, name, a.value, rev.id));
            return;
        }
    };
    readList(kDownRevision, &rev.downRevisions, &rev.downRevisionLine, true);
    readList(kBranchLabels, &rev.branchLabels, &rev.branchLabelsLine, false);
    readList(kDependsOn, &rev.dependsOn, &rev.dependsOnLine, false);

    if (rev.downRevisions.contains(rev.id)) {
        diags.append(Diagnostic::fatal(
            path, rev.downRevisionLine,
            tr("Revision %1 names itself as its down_revision: a loop.").arg(rev.id), rev.id));
        rev.downRevisions.removeAll(rev.id);
    }
    if (rev.dependsOn.contains(rev.id)) {
        diags.append(Diagnostic::fatal(
            path, rev.dependsOnLine,
            tr("Revision %1 depends on itself: a loop.").arg(rev.id), rev.id));
        rev.dependsOn.removeAll(rev.id);
    }
    for (const QString& label : std::as_const(rev.branchLabels)) {
        if (hasIllegalChar(label))
            diags.append(Diagnostic::warning(
                path, rev.branchLabelsLine,
                tr("The branch label '%1' contains '@', '-' or '+': targets cannot name it.")
                    .arg(label),
                rev.id));
    }

    // --- docstring: message and create date only.
    if (reader.hasDocstring) {
        rev.longDoc = reader.docstring.trimmed();
        // alembic: re.split("\n\n", longdoc)[0]
        const qsizetype paragraphEnd = rev.longDoc.indexOf(QLatin1StringView("\n\n"));
        rev.message = paragraphEnd < 0 ? rev.longDoc : rev.longDoc.left(paragraphEnd);
        // "Create Date:" at the start of a line (after blanks); the rest of that line.
        const QLatin1StringView label("Create Date:");
        for (qsizetype at = rev.longDoc.indexOf(label); at >= 0;
             at = rev.longDoc.indexOf(label, at + 1)) {
            qsizetype lineStart = at;
            while (lineStart > 0 && (rev.longDoc.at(lineStart - 1) == u' '
                                     || rev.longDoc.at(lineStart - 1) == u'\t'))
                --lineStart;
            if (lineStart > 0 && rev.longDoc.at(lineStart - 1) != u'\n')
                continue;
            qsizetype lineEnd = rev.longDoc.indexOf(u'\n', at);
            if (lineEnd < 0)
                lineEnd = rev.longDoc.size();
            const qsizetype valueStart = at + label.size();
            rev.createDate = rev.longDoc.mid(valueStart, lineEnd - valueStart).trimmed();
            break;
        }
    }

    for (Diagnostic& d : diags) {
        if (d.revision.isEmpty())
            d.revision = rev.id;
    }
    result.revision = rev;
    return result;
}

} // namespace retort
