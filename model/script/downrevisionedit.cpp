#include "model/script/downrevisionedit.h"

#include "model/script/pythontokenizer.h"

#include <QStringList>

namespace retort {

namespace {

const QLatin1StringView kDownRevision("down_revision");
const QLatin1StringView kRevision("revision");

struct Statement
{
    qsizetype begin; // token indices [begin, end)
    qsizetype end;
    bool moduleLevel;
};

// The statements of the module: logical lines split at `;`. One that starts a line at
// column 0 (not after a compound header's colon) runs at module level; any other may not run
// or runs elsewhere.
QList<Statement> statements(const QList<PyToken>& tokens)
{
    QList<Statement> result;
    qsizetype lineBegin = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const PyToken& t = tokens.at(i);
        if (t.kind != PyToken::Kind::Newline && t.kind != PyToken::Kind::EndOfFile)
            continue;
        if (i > lineBegin) {
            const PyToken& first = tokens.at(lineBegin);
            const bool topLine = first.column == 0 && !(first.kind == PyToken::Kind::Name &&
                                                         PythonTokenizer::isKeyword(first.text));
            qsizetype begin = lineBegin;
            for (qsizetype j = lineBegin; j <= i; ++j) {
                if (j == i || tokens.at(j).isOp(u';')) {
                    if (j > begin)
                        result.append({begin, j, topLine});
                    begin = j + 1;
                }
            }
        }
        lineBegin = i + 1;
    }
    return result;
}

// The first `=` at bracket depth 0 in [begin, end), or -1.
qsizetype assignOperator(const QList<PyToken>& tokens, qsizetype begin, qsizetype end)
{
    int depth = 0;
    for (qsizetype i = begin; i < end; ++i) {
        const PyToken& t = tokens.at(i);
        if (t.isOp(u'(') || t.isOp(u'[') || t.isOp(u'{'))
            ++depth;
        else if (t.isOp(u')') || t.isOp(u']') || t.isOp(u'}'))
            --depth;
        else if (depth == 0 && t.isOp(u'='))
            return i;
    }
    return -1;
}

qsizetype offsetOf(const PyTokens& tokens, const PyToken& token)
{
    return token.text.data() - tokens.source.constData();
}

// A string literal's prefix and opening quotes (`r"`, `'''`), from its raw text.
QString openingOf(QStringView raw)
{
    qsizetype i = 0;
    while (i < raw.size() && raw.at(i).isLetter())
        ++i;
    const QChar quote = i < raw.size() ? raw.at(i) : QChar(u'\'');
    const bool triple = raw.mid(i, 3) == QString(3, quote);
    return raw.left(i).toString() + QString(triple ? 3 : 1, quote);
}

} // namespace

Result<DownRevisionEdit> DownRevisionEdit::make(const QString& text, const QString& expectedOld,
                                                const QString& newParent)
{
    if (newParent.isEmpty())
        return Failure{tr("No new down revision was given.")};
    for (const QChar c : newParent) {
        if (c == u'\'' || c == u'"' || c == u'\\' || c.category() == QChar::Other_Control ||
            c == u'\n' || c == u'\r')
            return Failure{tr("The id “%1” would need escaping in Python; Retort does not "
                              "write such ids.")
                               .arg(newParent)};
    }
    const PyTokens tokens = PythonTokenizer::tokenize(text);
    if (!tokens.error.isEmpty())
        return Failure{tr("The file cannot be read as Python (line %1: %2); fix it first.")
                           .arg(tokens.errorLine)
                           .arg(tokens.error)};
    const QList<PyToken>& list = tokens.tokens;

    const Statement* found = nullptr;
    QString revisionOpening;
    const QList<Statement> all = statements(list);
    for (const Statement& s : all) {
        // Any binding of down_revision Retort would not rewrite: refuse rather than edit one
        // assignment while another decides the value.
        for (qsizetype i = s.begin; i < s.end; ++i) {
            const PyToken& t = list.at(i);
            if (!t.isName(kDownRevision))
                continue;
            const bool assigned = i + 1 < s.end && (list.at(i + 1).isOp(u'=') ||
                                                    list.at(i + 1).isOp(u':'));
            if (!assigned)
                continue;
            if (i != s.begin || !s.moduleLevel)
                return Failure{tr("down_revision is assigned on line %1 in a way Retort does "
                                  "not rewrite (inside a block, a function or a chained "
                                  "assignment); change it by hand.")
                                   .arg(t.line)};
            found = &s;
        }
        if (s.moduleLevel && list.at(s.begin).isName(kRevision)) {
            const qsizetype eq = assignOperator(list, s.begin, s.end);
            if (eq >= 0 && eq + 1 < s.end && list.at(eq + 1).kind == PyToken::Kind::String)
                revisionOpening = openingOf(list.at(eq + 1).text);
        }
    }
    if (!found)
        return Failure{tr("The file has no module-level down_revision assignment.")};

    const qsizetype eq = assignOperator(list, found->begin, found->end);
    const int line = list.at(found->begin).line;
    if (eq < 0 || eq + 1 >= found->end)
        return Failure{tr("down_revision on line %1 is declared but not assigned.").arg(line)};
    const qsizetype valueCount = found->end - eq - 1;
    const PyToken& value = list.at(eq + 1);

    int strings = 0;
    for (qsizetype i = eq + 1; i < found->end; ++i)
        strings += list.at(i).kind == PyToken::Kind::String ? 1 : 0;
    if (valueCount > 1 && (value.isOp(u'(') || value.isOp(u'[')) && strings > 1)
        return Failure{tr("down_revision on line %1 lists several revisions: this is a merge "
                          "revision. Re-parenting it would drop one of its parents; use a "
                          "merge instead.")
                           .arg(line)};
    if (valueCount != 1 ||
        (value.kind != PyToken::Kind::String && !value.isName(QLatin1StringView("None"))))
        return Failure{tr("down_revision on line %1 is not written as one quoted id or None; "
                          "change it by hand.")
                           .arg(line)};
    if (value.kind == PyToken::Kind::String && (value.bytes || value.formatted))
        return Failure{tr("down_revision on line %1 is a bytes or f-string literal; change it "
                          "by hand.")
                           .arg(line)};

    const QString current = value.kind == PyToken::Kind::String ? value.value : QString();
    if (current != expectedOld)
        return Failure{
            tr("The file says down_revision = %1 but the loaded project says %2: the file "
               "changed since it was loaded. Wait for the reload and try again.")
                .arg(current.isEmpty() ? QStringLiteral("None") : current,
                     expectedOld.isEmpty() ? QStringLiteral("None") : expectedOld)};

    DownRevisionEdit edit;
    edit.oldParent = current;
    edit.newParent = newParent;
    edit.line = value.line;
    if (value.kind == PyToken::Kind::String) {
        const QString opening = openingOf(value.text);
        const qsizetype quotes = opening.count(opening.back()); // prefixes are letters
        // The body sits between the opening and as many closing quotes.
        edit.start = offsetOf(tokens, value) + opening.size();
        edit.length = value.text.size() - opening.size() - quotes;
        edit.replacement = newParent;
    } else {
        const QString opening = revisionOpening.isEmpty() ? QStringLiteral("'") : revisionOpening;
        const QString closing(opening.count(opening.back()), opening.back());
        edit.start = offsetOf(tokens, value);
        edit.length = value.text.size();
        edit.replacement = opening + newParent + closing;
    }
    return edit;
}

QString DownRevisionEdit::apply(const QString& text) const
{
    QString result = text;
    result.replace(start, length, replacement);
    return result;
}

QString DownRevisionEdit::diff(const QString& text, const QString& name, int context) const
{
    const QString after = apply(text);
    auto lines = [](const QString& s) {
        QStringList l = s.split(u'\n');
        for (QString& x : l)
            if (x.endsWith(u'\r'))
                x.chop(1);
        return l;
    };
    const QStringList a = lines(text);
    const QStringList b = lines(after);
    const int first = int(text.left(start).count(u'\n'));         // 0-based changed line
    const int lastOld = first + int(text.mid(start, length).count(u'\n'));
    const int lastNew = first + int(replacement.count(u'\n'));
    const int from = qMax(0, first - context);
    const int toOld = qMin(int(a.size()) - 1, lastOld + context);
    const int toNew = qMin(int(b.size()) - 1, lastNew + context);

    QStringList out;
    out << QStringLiteral("--- a/%1").arg(name) << QStringLiteral("+++ b/%1").arg(name);
    out << QStringLiteral("@@ -%1,%2 +%1,%3 @@")
               .arg(from + 1)
               .arg(toOld - from + 1)
               .arg(toNew - from + 1);
    for (int i = from; i < first; ++i)
        out << u' ' + a.at(i);
    for (int i = first; i <= lastOld; ++i)
        out << u'-' + a.at(i);
    for (int i = first; i <= lastNew; ++i)
        out << u'+' + b.at(i);
    for (int i = lastOld + 1; i <= toOld; ++i)
        out << u' ' + a.at(i);
    return out.join(u'\n') + u'\n';
}

} // namespace retort
