#include "model/script/modulereader.h"

#include "model/script/moduleevaluator.h"
#include "model/script/pythonsyntax.h"

#include <QStringList>

#include <climits>

namespace retort::python {

void ModuleReader::read()
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
        const QStringView word = tokenizer.peekWord();
        // A line that starts with a name other than the four identifiers, a
        // compound keyword, `def` or `class` is kept as text, to be read only if a lookup
        // needs it. (Lines that start with a bracket, `*` or a string are read now: they
        // can be targets, such as `(revision) = ...`.)
        if (!first && !word.isEmpty() && word != u"@" && word != u"def" && word != u"class" &&
            identifierIndex(word) < 0 && !isCompoundWord(word)) {
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

void ModuleReader::readDocstring(TokenIt begin, TokenIt end)
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

Scope ModuleReader::currentScope() const
{
    Scope scope = Scope::Module;
    for (const Block& b : m_blocks) {
        if (b.scope == Scope::Nested)
            return Scope::Nested;
        scope = Scope::Conditional;
    }
    return scope;
}

Scope ModuleReader::headerScope(const PyToken& first)
{
    static const QStringList nested = {QStringLiteral("def"), QStringLiteral("class"),
                                       QStringLiteral("lambda")};
    if (nested.contains(first.text))
        return Scope::Nested;
    return Scope::Conditional;
}

bool ModuleReader::isCompoundWord(QStringView word)
{
    static const QStringList keywords = {
        QStringLiteral("if"),    QStringLiteral("elif"),   QStringLiteral("else"),
        QStringLiteral("try"),   QStringLiteral("except"), QStringLiteral("finally"),
        QStringLiteral("for"),   QStringLiteral("while"),  QStringLiteral("with"),
        QStringLiteral("async"), QStringLiteral("match"),  QStringLiteral("case")};
    return word.size() >= 2 && word.size() <= 7 && keywords.contains(word);
}

bool ModuleReader::isCompoundKeyword(const PyToken& t)
{
    static const QStringList keywords = {
        QStringLiteral("if"),    QStringLiteral("elif"),   QStringLiteral("else"),
        QStringLiteral("try"),   QStringLiteral("except"), QStringLiteral("finally"),
        QStringLiteral("for"),   QStringLiteral("while"),  QStringLiteral("with"),
        QStringLiteral("def"),   QStringLiteral("class"),  QStringLiteral("async"),
        QStringLiteral("match"), QStringLiteral("case")};
    if (t.kind != PyToken::Kind::Name || t.text.size() < 2 || t.text.size() > 7 ||
        !QStringView(u"ietfwdcam").contains(t.text.front()))
        return false;
    return keywords.contains(t.text);
}

void ModuleReader::logicalLine(TokenIt begin, TokenIt end, int indent)
{
    if (begin == end)
        return;
    while (!m_blocks.isEmpty() && m_blocks.last().indent >= indent)
        m_blocks.removeLast();
    Scope scope = currentScope();

    if (isCompoundKeyword(*begin) && (end - 1)->isOp(u':')) {
        if (scope != Scope::Nested)
            headerBinds(begin, end - 1, scope);
        Scope blockScope = headerScope(*begin);
        if (begin->text == QLatin1StringView("async") && begin + 1 != end &&
            begin[1].isName(QLatin1StringView("def")))
            blockScope = Scope::Nested;
        m_blocks.append({indent, blockScope});
        return;
    }
    if (isCompoundKeyword(*begin)) {
        // A one-line compound statement: `if x: revision = "a"`, `class A: pass`.
        TokenIt colon = findTopLevel(begin, end, u':');
        // `match` and `case` are soft keywords: `match: int = 1` and `case = f(x)` are
        // statements about variables of those names, `case x: pass` is a one-line case.
        const bool soft = begin->isName(QLatin1StringView("match")) ||
                          begin->isName(QLatin1StringView("case"));
        if (colon != end &&
            (!soft || (colon != begin + 1 && findTopLevel(begin, colon, u'=') == colon))) {
            Scope inner = headerScope(*begin);
            if (begin->text == QLatin1StringView("async") && begin + 1 != end &&
                begin[1].isName(QLatin1StringView("def")))
                inner = Scope::Nested;
            if (scope != Scope::Nested)
                headerBinds(begin, colon, scope);
            if (scope != Scope::Nested && inner != Scope::Nested)
                statements(colon + 1, end, Scope::Conditional);
            return;
        }
    }
    if (begin->isOp(u'@')) { // a decorator: only `:=` in it can bind a name
        if (scope != Scope::Nested)
            headerBinds(begin, end, scope);
        return;
    }
    if (scope != Scope::Nested)
        statements(begin, end, scope);
}

void ModuleReader::statements(TokenIt begin, TokenIt end, Scope scope)
{
    while (begin != end) {
        TokenIt semicolon = findTopLevel(begin, end, u';');
        statement(begin, semicolon, scope);
        begin = semicolon == end ? end : semicolon + 1;
    }
}

void ModuleReader::statement(TokenIt begin, TokenIt end, Scope scope)
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
        if (!isIdentifierName(b.target->text) && !b.augmented && b.valueBegin != b.valueEnd &&
            isComputed(b.valueBegin, b.valueEnd)) {
            // Code that never feeds the four identifiers: keep where it is and explain
            // it only if it is ever used.
            value = PyValue::unknown(QString());
            const QStringView last = (b.valueEnd - 1)->text;
            value.expr = QStringView(b.valueBegin->text.data(), last.data() + last.size());
        } else {
            value = ModuleEvaluator::valueOf(b, m_symbols, INT_MAX);
        }
        bind(*b.target, std::move(value), conditional);
    });
}

void ModuleReader::headerBinds(TokenIt begin, TokenIt end, Scope scope)
{
    for (const TargetBinding& b : headerBindings(begin, end))
        bind(*b.target, ModuleEvaluator::valueOf(b, m_symbols, INT_MAX),
             scope == Scope::Conditional);
}

void ModuleReader::bind(const PyToken& target, PyValue value, bool conditional)
{
    if (conditional)
        value = ModuleEvaluator::conditionalValue(std::move(value));
    const QString name = target.text.toString();
    m_symbols.bind(name, value, target.line);
    if (isIdentifierName(name))
        assignments.insert(name, {value, target.line, conditional});
}

} // namespace retort::python
