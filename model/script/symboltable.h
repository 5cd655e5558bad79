#pragma once

#include "model/script/pyvalue.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <climits>
#include <iterator>
#include <optional>

namespace retort::python {

// The four names a revision script binds.
inline const QString kRevision = QStringLiteral("revision");
inline const QString kDownRevision = QStringLiteral("down_revision");
inline const QString kBranchLabels = QStringLiteral("branch_labels");
inline const QString kDependsOn = QStringLiteral("depends_on");

// 0..3 for revision, down_revision, branch_labels, depends_on; -1 for any other name.
inline int identifierIndex(QStringView name)
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

inline bool isIdentifierName(QStringView name)
{
    return name == kRevision || name == kDownRevision || name == kBranchLabels ||
           name == kDependsOn;
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
        // `from m import *` can bind any name, so a lookup reads it whatever it names
        const bool star = statement.contains(u'*') && statement.contains(u"from");
        m_deferred.append({++m_seq, statement, line, conditional, star});
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
        bool mayStarImport = false;
    };
    std::optional<Found> fromDeferred(const Deferred& d, const QString& name) const;

    const QString& m_text;
    mutable std::optional<QSet<QString>> m_defined; // def/class names; "*" for a star import
    QHash<QString, QList<Binding>> m_symbols;
    QList<Deferred> m_deferred;
    int m_seq = 0;
    int m_identifierSeq[4] = {0, 0, 0, 0}; // revision, down_revision, branch_labels, depends_on
};

} // namespace retort::python
