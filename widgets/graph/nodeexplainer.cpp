// NodeExplainer: a revision's kind (head, base, branch point, merge point) in plain words,
// with the lines of history named by their branch labels.
#include "widgets/graph/nodeexplainer.h"

#include "model/graph/revisiongraph.h"

#include <QSet>

namespace retort {

namespace {

constexpr int kShortIdLength = 12;
constexpr int kMessageLength = 40;
// Inherited labels listed in a tooltip before "and N more" (Details has all of them).
constexpr int kListedLabels = 5;

// "1a2b3c4d5e6f (add books)", the message cut to its first line and a few words.
QString shortName(const RevisionGraph& graph, const QString& id)
{
    const Revision* revision = graph.revision(id);
    QString message = revision ? revision->message.section(u'\n', 0, 0).simplified() : QString();
    if (message.size() > kMessageLength)
        message = message.left(kMessageLength - 1) + QChar(0x2026);
    const QString shortId = id.left(kShortIdLength);
    return message.isEmpty() ? shortId
                             : NodeExplainer::tr("%1 (%2)", "short id (message)").arg(shortId, message);
}

QString quoted(const QString& name)
{
    return QStringLiteral("`%1`").arg(name);
}

// "a", "a and b", "a, b and c"
QString joined(const QStringList& names)
{
    if (names.size() <= 1)
        return names.value(0);
    return NodeExplainer::tr("%1 and %2", "a list: 'a, b' and 'c'")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

} // namespace

NodeExplainer::NodeExplainer(const RevisionGraph& graph) : m_graph(graph)
{
    // Children come before their parents: each revision leads to the head its first child
    // leads to.
    const QStringList order = graph.topologicalOrderNewestFirst();
    for (const QString& id : order) {
        if (graph.isHead(id)) {
            m_headOf.insert(id, id);
            continue;
        }
        for (const QString& child : graph.children(id)) {
            const QString head = m_headOf.value(child);
            if (!head.isEmpty()) {
                m_headOf.insert(id, head);
                break;
            }
        }
    }
    QStringList unlabelled;
    const QStringList heads = graph.heads();
    for (const QString& head : heads) {
        if (graph.branchLabels(head).isEmpty())
            unlabelled << head;
    }
    if (heads.size() > 1 && unlabelled.size() == 1)
        m_mainHead = unlabelled.first();
}

QString NodeExplainer::headOf(const QString& id) const
{
    return m_headOf.value(id);
}

QString NodeExplainer::revisionName(const QString& id) const
{
    return shortName(m_graph, id);
}

QString NodeExplainer::headName(const QString& head) const
{
    return tr("the line to head %1").arg(revisionName(head));
}

QString NodeExplainer::lineName(const QString& id) const
{
    const QStringList labels = m_graph.branchLabels(id);
    if (!labels.isEmpty()) {
        QStringList names;
        for (const QString& label : labels.mid(0, 2))
            names << quoted(label);
        return labels.size() == 1 ? tr("the %1 branch").arg(names.first())
                                  : tr("the %1 branches").arg(names.join(QStringLiteral(" / ")));
    }
    const QString head = headOf(id);
    if (!m_mainHead.isEmpty() && head == m_mainHead)
        return tr("the main line");
    if (head.isEmpty())
        return revisionName(id);
    if (head == id)
        return tr("head %1").arg(revisionName(id));
    return headName(head);
}

namespace {

// Names for the lines that meet at a merge (its parents) or part at a branch point (its
// children): labelled ones by their labels; a single unlabelled one among labelled ones is
// the main line; otherwise by the head they lead to, or by the revision itself when two
// lead to the same head.
QStringList namesFor(const NodeExplainer& explainer, const RevisionGraph& graph,
                     const QStringList& revisions, const QHash<QString, QString>& headOf,
                     bool parents)
{
    int unlabelled = 0;
    QHash<QString, int> perHead;
    for (const QString& r : revisions) {
        if (graph.branchLabels(r).isEmpty())
            ++unlabelled;
        ++perHead[headOf.value(r)];
    }
    QStringList names;
    for (const QString& r : revisions) {
        const bool labelled = !graph.branchLabels(r).isEmpty();
        if (labelled) {
            names << explainer.lineName(r);
        } else if (unlabelled == 1 && revisions.size() > 1) {
            names << NodeExplainer::tr("the main line");
        } else if (perHead.value(headOf.value(r)) == 1) {
            names << explainer.lineName(r);
        } else {
            const QString name = shortName(graph, r);
            names << (parents ? NodeExplainer::tr("the line ending at %1").arg(name)
                              : NodeExplainer::tr("the line starting at %1").arg(name));
        }
    }
    names.removeDuplicates();
    return names;
}

} // namespace

QStringList NodeExplainer::explain(const QString& id) const
{
    const Revision* revision = m_graph.revision(id);
    if (!revision)
        return {};
    QStringList lines;
    const QStringList labels = m_graph.branchLabels(id);

    if (m_graph.isMergePoint(id)) {
        const QStringList parents = namesFor(*this, m_graph, m_graph.parents(id), m_headOf, true);
        lines << (parents.size() == 2
                      ? tr("Merge point: joins %1; upgrading past it needs both.").arg(joined(parents))
                      : tr("Merge point: joins %1; upgrading past it needs all of them.")
                            .arg(joined(parents)));
    }
    if (m_graph.isBranchPoint(id)) {
        const QStringList children = m_graph.children(id);
        const QStringList names = namesFor(*this, m_graph, children, m_headOf, false);
        lines << tr("Branch point: %1 branches start here: %2.")
                     .arg(children.size())
                     .arg(joined(names));
    }
    if (m_graph.isHead(id)) {
        if (!labels.isEmpty())
            lines << tr("Head of %1: the newest revision on it.").arg(lineName(id));
        else if (m_graph.heads().size() == 1)
            lines << tr("Head: the newest revision; \"upgrade head\" ends here.");
        else if (id == m_mainHead)
            lines << tr("Head of the main line: the newest revision on it.");
        else
            lines << tr("Head: the newest revision of its line (one of %1 heads).")
                         .arg(m_graph.heads().size());
    }
    if (m_graph.isBase(id)) {
        lines << (m_graph.bases().size() == 1
                      ? tr("Base: the first revision; nothing before it.")
                      : tr("Base: the first revision of its line; nothing before it."));
    }
    if (lines.isEmpty()) {
        const QStringList parents = m_graph.parents(id);
        lines << (parents.isEmpty()
                      ? tr("Revision on %1.").arg(lineName(id))
                      : tr("Revision on %1: one step after %2.")
                            .arg(lineName(id), revisionName(parents.first())));
    }

    if (!revision->branchLabels.isEmpty()) {
        QStringList own;
        for (const QString& label : revision->branchLabels)
            own << quoted(label);
        lines << tr("Declares the branch label %1.").arg(joined(own));
    }
    QStringList inherited;
    for (const QString& label : labels) {
        if (!revision->branchLabels.contains(label))
            inherited << quoted(label);
    }
    if (!inherited.isEmpty()) {
        QString list = inherited.mid(0, kListedLabels).join(QStringLiteral(", "));
        if (inherited.size() > kListedLabels)
            list = tr("%1 and %2 more (see Details)").arg(list).arg(inherited.size() - kListedLabels);
        lines << tr("On the branch of %1 (inherited labels).").arg(list);
    }

    QStringList dependencies;
    for (const QString& d : m_graph.dependencies(id))
        dependencies << revisionName(d);
    if (!dependencies.isEmpty())
        lines << tr("Depends on %1: alembic applies it first.").arg(joined(dependencies));
    QStringList dependents;
    for (const QString& d : m_graph.dependents(id))
        dependents << revisionName(d);
    if (!dependents.isEmpty())
        lines << tr("Needed first by %1 (depends_on).").arg(joined(dependents));
    return lines;
}

} // namespace retort
