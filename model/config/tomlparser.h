#pragma once

#include "model/common/result.h"

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

    // The document's top-level table, or the first error as "SOURCE, line N: what".
    Result<QVariantMap> parseDocument();

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_s.size() ? m_s[m_pos + offset] : QChar();
    }
    bool lookingAt(QStringView what) const { return m_s.mid(m_pos).startsWith(what); }

    Failure<QString> fail(const QString& message) const { return failAt(m_line, message); }
    Failure<QString> failAt(int line, const QString& message) const;

    void skipSpaces();
    Result<void> skipComment();
    bool isNewlineHere() const { return peek() == u'\n' || peek() == u'\r'; }
    Result<void> consumeNewline();
    Result<void> skipSpacesCommentsNewlines();
    Result<void> expectLineEnd();

    Result<QStringList> parseKey();
    Result<QString> parseSimpleKey();
    Result<std::unique_ptr<Node>> parseValue(int depth);
    Result<QString> parseBasicString();
    Result<QString> parseLiteralString();
    Result<QString> parseMultilineString(QChar quote);
    Result<QString> parseEscape();
    Result<std::unique_ptr<Node>> parseArray(int depth);
    Result<std::unique_ptr<Node>> parseInlineTable(int depth);
    Result<QVariant> parseScalar();

    // The table a [key] or [[key]] header opens, for the key/value lines that follow.
    Result<Node*> defineTable(Node& root, const QStringList& key, bool arrayOfTables);
    Result<void> insertKeyValue(Node& table, const QStringList& key, std::unique_ptr<Node> value);
    Result<void> parseKeyValueInto(Node& table, int depth);

    QStringView m_s;
    QString m_source;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace retort
