// One input = several revision files separated by lines "#@file": each is parsed as a
// revision file, and the graph is built from all of them and queried the ways the views do.
#include "model/graph/revisiongraph.h"
#include "model/script/revisionparser.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retort;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    // At most 64 files: enough for every shape (merges, branches, labels, dependencies).
    static const QByteArray kSeparator = QByteArrayLiteral("\n#@file\n");
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() < 64) {
        const qsizetype at = bytes.indexOf(kSeparator, from);
        if (at < 0)
            break;
        parts.append(bytes.mid(from, at - from + 1));
        from = at + kSeparator.size();
    }
    parts.append(bytes.mid(from));

    QList<Revision> revisions;
    Diagnostics diagnostics;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString path = QStringLiteral("/fuzz/versions/%1_fuzz.py").arg(i);
        ParseResult parsed = RevisionParser::parse(parts.at(i), path);
        diagnostics.append(parsed.diagnostics);
        if (parsed.revision) {
            parsed.revision->loadOrder = int(i);
            parsed.revision->versionLocation = QStringLiteral("/fuzz/versions");
            revisions.append(*parsed.revision);
        }
    }

    const auto graph = RevisionGraph::build(revisions, diagnostics);
    (void)graph->topologicalOrderNewestFirst();
    (void)graph->allBranchLabels();
    for (const Revision& rev : graph->revisions()) {
        (void)graph->ancestors(rev.id, true);
        (void)graph->descendants(rev.id, true);
        (void)graph->branchLabels(rev.id);
        (void)graph->dependencies(rev.id);
        (void)graph->missingParents(rev.id);
        (void)graph->resolve(rev.id.left(3));
    }
    for (const QString& head : graph->heads())
        (void)graph->resolve(head);
    return 0;
}
