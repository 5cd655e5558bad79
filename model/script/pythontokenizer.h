#pragma once

#include <QList>
#include <QString>

namespace retort {

// One token of the Python subset Retort reads. Comments and blank lines are dropped;
// a Newline token ends every logical line (brackets and backslashes join physical lines).
struct PyToken
{
    enum class Kind { Name, Number, String, Op, Newline, EndOfFile };

    Kind kind = Kind::EndOfFile;
    QString text;      // source text (names, numbers, operators); raw literal for strings
    QString value;     // strings only: the decoded value
    bool bytes = false;       // b'' literal
    bool formatted = false;   // f'' literal
    int line = 0;      // 1-based line of the first character
    int column = 0;    // 0-based column (in UTF-16 code units) of the first character

    bool isOp(QLatin1StringView op) const { return kind == Kind::Op && text == op; }
    bool isName(QLatin1StringView name) const { return kind == Kind::Name && text == name; }
};

// The result of tokenizing a whole module. On an error the tokens read so far are kept.
struct PyTokens
{
    QList<PyToken> tokens; // always ends with EndOfFile
    QString error;         // empty when the whole text tokenized
    int errorLine = 0;
};

// A small tokenizer for the subset of Python that revision scripts' headers use: names,
// numbers, operators, strings with every prefix (r, u, b, f and their mixes), single and
// triple quotes, escapes, comments, brackets across lines and backslash continuations.
// It never executes anything and never fails hard: malformed input yields an error.
class PythonTokenizer
{
public:
    static PyTokens tokenize(const QString& source);

    // Decodes the escapes of a non-raw string body as Python does (\n, \x41, \u00e9,
    // \N{...} is kept verbatim). Returns false and sets `error` on a malformed escape.
    static bool decodeEscapes(QStringView body, bool bytes, QString* out, QString* error);
};

} // namespace retort
