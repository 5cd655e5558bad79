// GraphSearch: ranks the revisions matching a search text and steps through the matches.
#include "widgets/graph/graphsearch.h"

#include "model/graph/revisiongraph.h"

#include <algorithm>

namespace retort {

QStringList GraphSearch::find(const RevisionGraph* graph, const QStringList& ghostIds,
                              const QString& text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return {};
    QStringList exact, prefix, declaredLabel, label, message;
    auto matchesLabel = [&needle](const QStringList& labels) {
        return std::any_of(labels.cbegin(), labels.cend(), [&needle](const QString& l) {
            return l.contains(needle, Qt::CaseInsensitive);
        });
    };
    QStringList order = graph ? graph->topologicalOrderNewestFirst() : QStringList();
    order += ghostIds;
    for (const QString& id : std::as_const(order)) {
        if (id.compare(needle, Qt::CaseInsensitive) == 0) {
            exact << id;
            continue;
        }
        if (id.startsWith(needle, Qt::CaseInsensitive)) {
            prefix << id;
            continue;
        }
        if (!graph || !graph->contains(id))
            continue;
        const Revision* r = graph->revision(id);
        if (matchesLabel(r ? r->branchLabels : QStringList())) {
            declaredLabel << id; // the revision that declares the label comes first
            continue;
        }
        if (matchesLabel(graph->branchLabels(id))) {
            label << id;
            continue;
        }
        if (r && r->message.contains(needle, Qt::CaseInsensitive))
            message << id;
    }
    return exact + prefix + declaredLabel + label + message;
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
