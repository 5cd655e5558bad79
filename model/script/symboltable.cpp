#include "model/script/symboltable.h"

#include "model/script/moduleevaluator.h"
#include "model/script/pythonsyntax.h"
#include "model/script/revisionparser.h" // the translation context "RevisionParser"

#include <QRegularExpression>


namespace retort::python {

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
        if (stmt != stop && (stmt->isName(QLatin1StringView("import")) ||
                             stmt->isName(QLatin1StringView("from")))) {
            QList<PyToken> statement(stmt, stop);
            for (const auto& [bound, why] : importedNames(statement))
                if (bound == name)
                    found = Found{PyValue::unknown(why), d.line, d.seq};
            if (stmt->isName(QLatin1StringView("from")) && (stop - 1)->isOp(u'*')) {
                // whatever the module exports: Retort cannot tell whether that has `name`
                QString module;
                for (auto it = stmt + 1; it != stop && !it->isName(QLatin1StringView("import"));
                     ++it)
                    module += it->text;
                found = Found{PyValue::unknown(RevisionParser::tr("may be set by `from %1 import *`")
                                                   .arg(module)),
                              stmt->line + d.line - 1, d.seq};
            }
        } else {
            forEachBinding(stmt, stop, [&](const TargetBinding& b) {
                if (b.target->text == name) {
                    PyValue value = ModuleEvaluator::valueOf(b, *this, d.seq);
                    found = Found{
                        d.conditional ? ModuleEvaluator::conditionalValue(std::move(value)) : value,
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
    static const QSet<QString> builtins = {QStringLiteral("__name__"),
                                           QStringLiteral("__file__"),
                                           QStringLiteral("__doc__"),
                                           QStringLiteral("__builtins__"),
                                           QStringLiteral("__spec__"),
                                           QStringLiteral("__loader__"),
                                           QStringLiteral("__package__"),
                                           QStringLiteral("__annotations__"),
                                           QStringLiteral("str"),
                                           QStringLiteral("tuple"),
                                           QStringLiteral("list"),
                                           QStringLiteral("dict"),
                                           QStringLiteral("set"),
                                           QStringLiteral("frozenset"),
                                           QStringLiteral("int"),
                                           QStringLiteral("float"),
                                           QStringLiteral("bool"),
                                           QStringLiteral("bytes"),
                                           QStringLiteral("object"),
                                           QStringLiteral("type"),
                                           QStringLiteral("len"),
                                           QStringLiteral("sorted"),
                                           QStringLiteral("reversed"),
                                           QStringLiteral("map"),
                                           QStringLiteral("filter"),
                                           QStringLiteral("zip"),
                                           QStringLiteral("range"),
                                           QStringLiteral("repr"),
                                           QStringLiteral("format"),
                                           QStringLiteral("globals"),
                                           QStringLiteral("locals"),
                                           QStringLiteral("vars"),
                                           QStringLiteral("getattr"),
                                           QStringLiteral("print"),
                                           QStringLiteral("open"),
                                           QStringLiteral("Ellipsis"),
                                           QStringLiteral("NotImplemented"),
                                           QStringLiteral("__import__"),
                                           QStringLiteral("exec"),
                                           QStringLiteral("eval")};
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
        // NOLINTNEXTLINE(modernize-loop-convert): reverse_view trips clang on libstdc++ 12
        for (auto it = bindings->crbegin(); it != bindings->crend(); ++it) {
            if (it->seq < before) {
                eager = Found{it->value, it->line, it->seq};
                break;
            }
        }
    }
    const int after = eager ? eager->seq : 0;
    // NOLINTNEXTLINE(modernize-loop-convert): reverse_view trips clang on libstdc++ 12
    for (auto it = m_deferred.crbegin(); it != m_deferred.crend(); ++it) {
        if (it->seq >= before)
            continue;
        if (it->seq <= after)
            break;
        if (!it->mayStarImport && !it->text.contains(name)) // cheap: most never mention it
            continue;
        if (std::optional<Found> found = fromDeferred(*it, name))
            return found;
    }
    return eager;
}

} // namespace retort::python
