#include "model/script/pythonsyntax.h"

#include "model/script/revisionparser.h" // the translation context "RevisionParser"

#include <algorithm>

namespace retort::python {

QString sourceText(TokenIt begin, TokenIt end)
{
    QString text;
    for (auto it = begin; it != end; ++it) {
        if (it->kind == PyToken::Kind::Newline || it->kind == PyToken::Kind::EndOfFile)
            break;
        if (!text.isEmpty() && it->kind != PyToken::Kind::Op && !text.endsWith(u'(') &&
            !text.endsWith(u'[') && !text.endsWith(u'.'))
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
            if ((op == u'(' || op == u'[') && it != begin && (it - 1)->kind == PyToken::Kind::Name)
                return true;
            if (op != u'(' && op != u')' && op != u'[' && op != u']' && op != u',')
                return true;
        }
    }
    return false;
}

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
                out.append({it->text.toString(), RevisionParser::tr("is imported")});
            else if (startsItem && !hasAlias)
                out.append({it->text.toString(), it + 1 != stop && it[1].op == u'.'
                                                     ? RevisionParser::tr("is an imported module")
                                                     : RevisionParser::tr("is imported")});
        }
    } else if (begin->isName(QLatin1StringView("from"))) {
        auto importKw = begin;
        while (importKw != stop && !importKw->isName(QLatin1StringView("import")))
            ++importKw;
        QString module;
        for (auto it = begin + 1; it != importKw; ++it)
            module += it->text;
        for (auto it = importKw; it != stop; ++it) {
            if (it->kind != PyToken::Kind::Name || it == importKw ||
                it->isName(QLatin1StringView("as")))
                continue;
            if (it + 1 != stop && it[1].isName(QLatin1StringView("as")))
                continue; // the alias after `as` is what is bound
            out.append(
                {it->text.toString(), RevisionParser::tr("is imported from `%1`").arg(module)});
        }
    }
    return out;
}

} // namespace retort::python
