#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVariant>

#include <map>
#include <memory>
#include <vector>

namespace retort {

// The TOML 1.0 reader behind TomlFile: a recursive descent over the text into a tree of
// Nodes; the first error is kept as "SOURCE, line N: what".
class TomlParser
{
    // Its messages share the config readers' translation context "retort".
    Q_DECLARE_TR_FUNCTIONS(retort)

public:
    // The document is first built as a tree that remembers how each table came to be, so the
    // TOML rules about defining things twice can be checked; it becomes QVariants at the end.
    struct Node
    {
        enum class Kind
        {
            Table,
            Array,
            Scalar
        };

        explicit Node(Kind k) : kind(k) {}

        Kind kind;
        QVariant scalar;
        std::map<QString, std::unique_ptr<Node>> children; // Table
        std::vector<std::unique_ptr<Node>> items;          // Array
        bool headerDefined = false;                        // [a] seen for this table
        bool dottedDefined = false; // created or extended by a dotted key (a.b = …)
        bool frozen = false;        // an inline table or a literal array: closed for good
        bool tableArray = false;    // an array made by [[a]]

        QVariant toVariant() const
        {
            switch (kind) {
            case Kind::Scalar:
                return scalar;
            case Kind::Array: {
                QVariantList list;
                list.reserve(qsizetype(items.size()));
                for (const auto& item : items)
                    list.append(item->toVariant());
                return list;
            }
            case Kind::Table: {
                QVariantMap map;
                for (const auto& [key, child] : children)
                    map.insert(key, child->toVariant());
                return map;
            }
            }
            return {};
        }
    };

    TomlParser(QStringView text, QString source) : m_s(text), m_source(std::move(source)) {}

    bool parseDocument(Node& root);
    QString error() const { return m_error; }

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_s.size() ? m_s[m_pos + offset] : QChar();
    }
    bool lookingAt(QStringView what) const { return m_s.mid(m_pos).startsWith(what); }

    bool fail(const QString& message) { return failAt(m_line, message); }
    bool failAt(int line, const QString& message);

    void skipSpaces();
    bool skipComment();
    bool isNewlineHere() const { return peek() == u'\n' || peek() == u'\r'; }
    bool consumeNewline();
    bool skipSpacesCommentsNewlines();
    bool expectLineEnd();

    bool parseKey(QStringList& key);
    bool parseSimpleKey(QString& key);
    bool parseValue(std::unique_ptr<Node>& out, int depth);
    bool parseBasicString(QString& out);
    bool parseLiteralString(QString& out);
    bool parseMultilineString(QString& out, QChar quote);
    bool parseEscape(QString& out);
    bool parseArray(std::unique_ptr<Node>& out, int depth);
    bool parseInlineTable(std::unique_ptr<Node>& out, int depth);
    bool parseScalar(QVariant& out);

    bool defineTable(Node& root, const QStringList& key, bool arrayOfTables, Node*& current);
    bool insertKeyValue(Node& table, const QStringList& key, std::unique_ptr<Node> value);

    QStringView m_s;
    QString m_source;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
};

} // namespace retort
