#include "model/script/namespacewrites.h"

#include "model/script/pythonsyntax.h"
#include "model/script/pythontokenizer.h"
#include "model/script/symboltable.h"

#include <QRegularExpression>

#include <algorithm>

namespace retort::python {

namespace {

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
    static const QRegularExpression code(
        QStringLiteral("\\b(?:globals|locals|vars|exec|eval|f_globals|f_locals|modules|"
                       "__getattr__|builtins|__builtins__|__import__)\\b"));
    static const QRegularExpression words(
        QStringLiteral("\\b(?:globals|locals|vars|exec|eval|global|f_globals|f_locals|modules|"
                       "__getattr__|builtins|__builtins__|__import__)\\b|:="));
    if (!text.contains(words))
        return out;

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
