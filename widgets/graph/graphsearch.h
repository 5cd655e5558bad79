#pragma once

// GraphSearch: the graph's search, what it finds (best first) and which of its matches is
// selected.

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

class RevisionGraph;

// What the search looks at, read off a graph once and case-folded: each revision's id, the
// branch labels it declares, those it carries (inherited) and its message, newest first. A
// keystroke then only compares strings (10,000 revisions: about a millisecond), instead of
// ordering the graph and collecting inherited labels again.
class GraphSearchIndex
{
public:
    GraphSearchIndex() = default;
    explicit GraphSearchIndex(const RevisionGraph* graph);

    // As GraphSearch::find.
    QStringList find(const QStringList& ghostIds, const QString& text) const;

private:
    struct Entry
    {
        QString id;
        QString foldedId;
        QStringList declaredLabels; // folded
        QStringList labels;         // folded, inherited ones included
        QString message;            // folded
    };
    QList<Entry> m_entries;
};

// A search over the revisions drawn: the text, its matches and the one selected last. It
// only ranks and counts; the view selects and highlights.
class GraphSearch
{
public:
    // Ids matching `text`, best first: the full id, ids starting with it, revisions whose
    // branch labels contain it, then those whose message contains it (case-insensitive).
    // Revisions come newest first, then `ghostIds` (rows with no script: by id only).
    // Builds a GraphSearchIndex each time: keep one where a graph is searched repeatedly.
    static QStringList find(const RevisionGraph* graph, const QStringList& ghostIds,
                            const QString& text);

    QString text() const { return m_text; }
    QStringList matches() const { return m_matches; }
    // The match selected last (0-based), or -1 before the first step.
    int index() const { return m_index; }

    // A new search: `text` (trimmed) and its `matches`, none selected yet. False when both
    // are what they were.
    bool set(const QString& text, const QStringList& matches);
    // The same text matched again (a new graph): the selected match stays selected while it
    // still matches. False when the matches did not change.
    bool rematch(const QStringList& matches);
    // Selects the next match (`step` 1) or the previous one (-1), wrapping around; the first
    // step from none goes to the first (or last). The id selected, or "" without matches.
    QString step(int step);

private:
    QString m_text;
    QStringList m_matches;
    int m_index = -1;
};

} // namespace retort
