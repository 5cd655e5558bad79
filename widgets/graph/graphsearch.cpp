// GraphSearch: ranks the revisions matching a search text and steps through the matches.
#include "widgets/graph/graphsearch.h"

#include "model/graph/revisiongraph.h"

#include <algorithm>

namespace retort {

GraphSearchIndex::GraphSearchIndex(const RevisionGraph* graph)
{
    if (!graph)
        return;
    auto folded = [](const QStringList& list) {
        QStringList out;
        out.reserve(list.size());
        for (const QString& s : list)
            out << s.toCaseFolded();
        return out;
    };
    const QStringList order = graph->topologicalOrderNewestFirst();
    m_entries.reserve(order.size());
    for (const QString& id : order) {
        const Revision* r = graph->revision(id);
        Entry e;
        e.id = id;
        e.foldedId = id.toCaseFolded();
        if (r) {
            e.declaredLabels = folded(r->branchLabels);
            e.message = r->message.toCaseFolded();
        }
        e.labels = folded(graph->branchLabels(id));
        m_entries.append(std::move(e));
    }
}

QStringList GraphSearchIndex::find(const QStringList& ghostIds, const QString& text) const
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle.isEmpty())
        return {};
    QStringList exact, prefix, declaredLabel, label, message;
    auto anyContains = [&needle](const QStringList& labels) {
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&needle](const QString& l) { return l.contains(needle); });
    };
    for (const Entry& e : m_entries) {
        if (e.foldedId == needle)
            exact << e.id;
        else if (e.foldedId.startsWith(needle))
            prefix << e.id;
        else if (anyContains(e.declaredLabels))
            declaredLabel << e.id; // the revision that declares the label comes first
        else if (anyContains(e.labels))
            label << e.id;
        else if (e.message.contains(needle))
            message << e.id;
    }
    // Rows with no script: by id only.
    for (const QString& id : ghostIds) {
        const QString foldedId = id.toCaseFolded();
        if (foldedId == needle)
            exact << id;
        else if (foldedId.startsWith(needle))
            prefix << id;
    }
    return exact + prefix + declaredLabel + label + message;
}

QStringList GraphSearch::find(const RevisionGraph* graph, const QStringList& ghostIds,
                              const QString& text)
{
    return GraphSearchIndex(graph).find(ghostIds, text);
}

bool GraphSearch::set(const QString& text, const QStringList& matches)
{
    if (text == m_text && matches == m_matches)
        return false;
    m_text = text;
    m_matches = matches;
    m_index = -1;
    return true;
}

bool GraphSearch::rematch(const QStringList& matches)
{
    if (matches == m_matches)
        return false;
    const QString selected = m_index >= 0 ? m_matches.value(m_index) : QString();
    m_matches = matches;
    m_index = selected.isEmpty() ? -1 : int(matches.indexOf(selected));
    return true;
}

QString GraphSearch::step(int step)
{
    if (m_matches.isEmpty())
        return {};
    const int count = int(m_matches.size());
    if (m_index < 0)
        m_index = step > 0 ? 0 : count - 1;
    else
        m_index = ((m_index + step) % count + count) % count;
    return m_matches.at(m_index);
}

} // namespace retort
