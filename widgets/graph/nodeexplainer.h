#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace retort {

class RevisionGraph;

// What a revision is in the shape of its project's history, in plain words for a newcomer:
// "Merge point: joins the `reporting` branch and the main line; upgrading past it needs
// both", "Branch point: 2 branches start here: …", "Head of the `reporting` branch: the newest
// revision on it", "Base: the first revision; nothing before it", and what it depends on.
// Lines of history are named by their branch labels where the graph has them; the one
// unlabelled line, when the others are labelled, is "the main line"; otherwise a line is
// named by the head it leads to (short id and message).
class NodeExplainer
{
    Q_DECLARE_TR_FUNCTIONS(retort::NodeExplainer)

public:
    explicit NodeExplainer(const RevisionGraph& graph);

    // The lines of a revision's tooltip that say what it is (its kind, its labels, its
    // dependencies). Empty for an unknown id.
    QStringList explain(const QString& id) const;
    // The name of the line of history `id` lies on, as the sentences use it: "the
    // `reporting` branch", "the main line", "the line of 1a2b3c4d5e6f (add books)".
    QString lineName(const QString& id) const;

private:
    QString headName(const QString& head) const;
    QString revisionName(const QString& id) const;
    QString headOf(const QString& id) const;

    const RevisionGraph& m_graph;
    QHash<QString, QString> m_headOf; // a revision -> the first head among its descendants
    QString m_mainHead;               // the unlabelled head when every other one has labels
};

} // namespace retort
