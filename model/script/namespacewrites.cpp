#include "model/script/namespacewrites.h"

#include "model/script/pythonsyntax.h"
#include "model/script/pythontokenizer.h"
#include "model/script/symboltable.h"

#include <QRegularExpression>

#include <algorithm>

namespace retort::python {

namespace {

bool isWordChar(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 0x80;
}

// Whether one of the words findNamespaceWrites() looks for, or `:=`, occurs in the text: one
// pass over it, as every file is checked (a regular expression took twice as long).
bool mayWriteNamespace(const QString& text)
{
    static const QStringList words = {
        QStringLiteral("globals"),  QStringLiteral("locals"),       QStringLiteral("vars"),
        QStringLiteral("exec"),     QStringLiteral("eval"),         QStringLiteral("global"),
        QStringLiteral("f_globals"), QStringLiteral("f_locals"),    QStringLiteral("modules"),
        QStringLiteral("__getattr__"), QStringLiteral("builtins"),  QStringLiteral("__builtins__"),
        QStringLiteral("__import__")};
    const char16_t* p = reinterpret_cast<const char16_t*>(text.constData());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const char16_t c = p[i];
        if (c == u':') {
            if (i + 1 < n && p[i + 1] == u'=')
                return true;
            ++i;
            continue;
        }
        if (!isWordChar(c)) {
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < n && isWordChar(p[end]))
            ++end;
        const qsizetype length = end - i;
        if (length >= 4 && length <= 12 && (c == u'g' || c == u'l' || c == u'v' || c == u'e' ||
                                            c == u'f' || c == u'm' || c == u'b' || c == u'_')) {
            const QStringView word(p + i, length);
            for (const QString& w : words)
                if (word == w)
                    return true;
        }
        i = end;
    }
    return false;
}

const QString* const kNames[] = {&kRevision, &kDownRevision, &kBranchLabels, &kDependsOn};

enum class Block
{
    Function,
    Class
};

} // namespace

QList<NamespaceWrite> findNamespaceWrites(const QString& text)
{
    QList<NamespaceWrite> out;
    if (!mayWriteNamespace(text))
        return out;
    // the words in an f-string's text (its replacement fields are code)
    static const QRegularExpression code(
        QStringLiteral("\\b(?:globals|locals|vars|exec|eval|f_globals|f_locals|modules|"
                       "__getattr__|builtins|__builtins__|__import__)\\b"));

    const PyTokens tokens = PythonTokenizer::tokenize(text);
    QList<QPair<int, Block>> blocks; // the def and class bodies around a line, by indent
    bool lineStart = true;
    int bodyOfOneLiner = -1; // the block a one-line def/class opens after its colon
    TokenIt oneLinerColon = tokens.tokens.cend();
    Block oneLinerKind = Block::Function;
    auto inside = [&](Block kind) {
        for (const auto& b : std::as_const(blocks))
            if (b.second == kind)
                return true;
        return bodyOfOneLiner == int(kind);
    };
    for (auto it = tokens.tokens.cbegin(); it != tokens.tokens.cend(); ++it) {
        if (it->kind == PyToken::Kind::Newline || it->kind == PyToken::Kind::EndOfFile) {
            lineStart = true;
            bodyOfOneLiner = -1;
            continue;
        }
        const bool statementStart =
            lineStart || (it != tokens.tokens.cbegin() && ((it - 1)->op == u';' ||
                                                           (it - 1)->op == u':'));
        if (lineStart) {
            lineStart = false;
            while (!blocks.isEmpty() && blocks.last().first >= it->column)
                blocks.removeLast();
            TokenIt keyword = it;
            if (keyword->isName(QLatin1StringView("async")) && keyword + 1 != tokens.tokens.cend())
                ++keyword;
            const bool def = keyword->isName(QLatin1StringView("def"));
            if (def || keyword->isName(QLatin1StringView("class"))) {
                const Block kind = def ? Block::Function : Block::Class;
                if (keyword + 1 != tokens.tokens.cend() &&
                    keyword[1].isName(QLatin1StringView("__getattr__")) &&
                    !inside(Block::Function) && !inside(Block::Class))
                    out.append({NamespaceWrite::Kind::ModuleGetattr, keyword[1].line, {}});
                TokenIt last = keyword;
                while (last + 1 != tokens.tokens.cend() &&
                       last[1].kind != PyToken::Kind::Newline &&
                       last[1].kind != PyToken::Kind::EndOfFile)
                    ++last;
                if (last->op == u':') {
                    blocks.append({it->column, kind});
                } else {
                    // `def f(): body`: the tokens after the header's colon are its body
                    oneLinerColon = findTopLevel(keyword, last + 1, u':');
                    oneLinerKind = kind;
                }
            }
        }
        if (it == oneLinerColon) {
            bodyOfOneLiner = int(oneLinerKind);
            oneLinerColon = tokens.tokens.cend();
        }
        if (it->kind == PyToken::Kind::String && it->formatted) {
            // an f-string's replacement fields are code the tokens do not show
            const QRegularExpressionMatch m = code.match(it->text);
            if (m.hasMatch())
                out.append({NamespaceWrite::Kind::Namespace, it->line, m.captured()});
            else if (it->text.contains(u":=") &&
                     std::any_of(std::begin(kNames), std::end(kNames),
                                 [&](const QString* n) { return it->text.contains(*n); }))
                out.append({NamespaceWrite::Kind::Namespace, it->line, QStringLiteral(":=")});
            continue;
        }
        if (it->kind != PyToken::Kind::Name)
            continue;
        const bool attribute = it != tokens.tokens.cbegin() && (it - 1)->op == u'.';
        const QStringView name = it->text;
        if (name == u"global" && statementStart) {
            for (auto n = it + 1; n != tokens.tokens.cend() && n->kind == PyToken::Kind::Name; ++n) {
                if (isIdentifierName(n->text))
                    out.append({NamespaceWrite::Kind::Global, n->line, n->text.toString()});
                if (n + 1 == tokens.tokens.cend() || n[1].op != u',')
                    break;
                ++n;
            }
        } else if (!attribute && (name == u"globals" || name == u"exec" || name == u"eval")) {
            out.append({NamespaceWrite::Kind::Namespace, it->line, name.toString() + QStringLiteral("()")});
        } else if (name == u"builtins" || name == u"__builtins__" || name == u"__import__") {
            // reaches exec, eval and globals under other names
            out.append({NamespaceWrite::Kind::Namespace, it->line, name.toString()});
        } else if (!attribute && (name == u"locals" || name == u"vars") &&
                   !inside(Block::Function) && !inside(Block::Class)) {
            out.append({NamespaceWrite::Kind::Namespace, it->line, name.toString() + QStringLiteral("()")});
        } else if (attribute && (name == u"f_globals" || name == u"f_locals")) {
            out.append({NamespaceWrite::Kind::Namespace, it->line, QStringLiteral(".") + name.toString()});
        } else if (name == u"modules" &&
                   (attribute || (it != tokens.tokens.cbegin() &&
                                  ((it - 1)->isName(QLatin1StringView("import")) ||
                                   (it - 1)->op == u',')))) {
            out.append({NamespaceWrite::Kind::Namespace, it->line, QStringLiteral("sys.modules")});
        } else if (!attribute && name == u"__getattr__" && !inside(Block::Function) &&
                   !inside(Block::Class) &&
                   !(it != tokens.tokens.cbegin() && ((it - 1)->isName(QLatin1StringView("def"))))) {
            out.append({NamespaceWrite::Kind::ModuleGetattr, it->line, {}});
        }
    }
    return out;
}

} // namespace retort::python
