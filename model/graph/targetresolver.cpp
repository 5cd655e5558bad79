#include "model/graph/targetresolver.h"

#include <QRegularExpression>

#include <algorithm>

namespace retort {

namespace {

TargetResolver::Error resolutionError(const QString& message, const QString& argument)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::Resolution;
    e.message = message;
    e.argument = argument;
    return e;
}

TargetResolver::Error multipleHeads(const QStringList& heads, const QString& argument)
{
    TargetResolver::Error e;
    e.kind = TargetResolver::Error::Kind::MultipleHeads;
    e.heads = heads;
    e.argument = argument;
    e.message = TargetResolver::tr("Multiple heads are present for given argument '%1'; %2")
                    .arg(argument, heads.join(QStringLiteral(", ")));
    return e;
}

QString didNotProduce(const QString& relative, int count)
{
    return TargetResolver::tr("Relative revision %1 didn't produce %2 migrations")
        .arg(relative)
        .arg(count);
}

void appendUnique(QList<int>& list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

// alembic's _relative_destination, used with re.match (anchored at the start only).
const QRegularExpression& relativeDestination()
{
    static const QRegularExpression re(QStringLiteral("\\A(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

struct Relative
{
    bool matched = false;
    QString branchLabel; // empty = None
    QString symbol;      // empty = None
    QString relative;    // e.g. "+2", "-1"
    int value = 0;
};

Relative parseRelative(const QString& target)
{
    Relative r;
    const QRegularExpressionMatch m = relativeDestination().match(target);
    if (!m.hasMatch())
        return r;
    r.matched = true;
    r.branchLabel = m.captured(1);
    r.symbol = m.captured(2);
    r.relative = m.captured(3);
    r.value = r.relative.toInt();
    return r;
}

} // namespace

TargetResolver::Outcome<TargetResolver::Resolved>
TargetResolver::resolveRevisionNumber(const QString& idIn, bool isNone) const
{
    Resolved r;
    QString id = idIn;
    if (!isNone && id.contains(QLatin1Char('@'))) {
        const int at = id.indexOf(QLatin1Char('@'));
        r.branchLabel = id.left(at);
        r.hasBranchLabel = true;
        id = id.mid(at + 1);
    }
    if (isNone || id == QLatin1String("base"))
        return r;
    if (id == QLatin1String("heads")) {
        if (r.branchLabel.isEmpty()) {
            for (int h : m_realHeads)
                r.ids << m_ids.at(h);
        } else {
            const Outcome<QList<int>> heads = filterForLineage(m_heads, r.branchLabel);
            if (!heads)
                return Failure{heads.error()};
            for (int h : heads.value())
                r.ids << m_ids.at(h);
        }
    } else if (id == QLatin1String("head")) {
        const Outcome<int> head = getCurrentHead(r.branchLabel);
        if (!head)
            return Failure{head.error()};
        if (*head >= 0)
            r.ids << m_ids.at(*head);
    } else {
        r.ids << id;
    }
    return r;
}

TargetResolver::Outcome<int> TargetResolver::getCurrentHead(const QString& branchLabel) const
{
    QList<int> current = m_heads;
    if (!branchLabel.isEmpty()) {
        Outcome<QList<int>> filtered = filterForLineage(current, branchLabel);
        if (!filtered)
            return Failure{filtered.error()};
        current = std::move(filtered).value();
    }
    if (current.size() > 1) {
        QStringList ids;
        for (int c : current)
            ids << m_ids.at(c);
        return Failure{multipleHeads(ids, branchLabel.isEmpty()
                                              ? QStringLiteral("head")
                                              : branchLabel + QStringLiteral("@head"))};
    }
    return current.isEmpty() ? kNone : current.first();
}

TargetResolver::Outcome<QList<int>> TargetResolver::filterForLineage(const QList<int>& targets,
                                                                     const QString& checkAgainst,
                                                                     bool includeDependencies) const
{
    const Outcome<Resolved> resolved = resolveRevisionNumber(checkAgainst, false);
    if (!resolved)
        return Failure{resolved.error()};
    const Resolved& r = resolved.value();
    QStringList shares;
    if (!r.branchLabel.isEmpty())
        shares << r.branchLabel;
    shares << r.ids;
    if (targets.isEmpty() || shares.isEmpty())
        return targets;
    QList<int> against;
    for (const QString& s : std::as_const(shares)) {
        const Outcome<int> rev = revisionForIdent(s, false, QString());
        if (!rev)
            return Failure{rev.error()};
        if (*rev >= 0)
            against << *rev;
    }
    QList<int> out;
    for (int t : targets)
        if (sharesLineage(t, against, includeDependencies))
            out << t;
    return out;
}

TargetResolver::Outcome<int> TargetResolver::resolveBranch(const QString& label) const
{
    const int key = lookupKey(label);
    if (key >= 0)
        return key;
    Outcome<int> rev = revisionForIdent(label, false, QString());
    if (!rev && rev.error().kind == Error::Kind::Resolution)
        return Failure{resolutionError(tr("No such branch: '%1'").arg(label), label)};
    return rev;
}

TargetResolver::Outcome<int> TargetResolver::revisionForIdent(const QString& id, bool isBase,
                                                              const QString& checkBranch) const
{
    int branchRev = kMissing;
    if (!checkBranch.isEmpty()) {
        Outcome<int> branch = resolveBranch(checkBranch);
        if (!branch)
            return branch;
        branchRev = *branch;
    }
    int revision = kNone;
    if (!isBase) {
        revision = lookupKey(id);
        if (revision == kMissing) {
            if (id.isEmpty())
                return Failure{assertionError(QStringLiteral("resolved_id"))};
            QStringList revs;
            for (int i : m_order)
                if (m_ids.at(i).size() > 3 && m_ids.at(i).startsWith(id))
                    revs << m_ids.at(i);
            for (const QString& label : m_labelKeys)
                if (label.size() > 3 && label.startsWith(id))
                    revs << label;
            if (branchRev >= 0 && !revs.isEmpty()) {
                QList<int> asRevs;
                for (const QString& s : std::as_const(revs))
                    asRevs << lookupKey(s);
                const Outcome<QList<int>> kept = filterForLineage(asRevs, checkBranch);
                if (!kept)
                    return Failure{kept.error()};
                QStringList filtered;
                for (int k = 0; k < asRevs.size(); ++k)
                    if (kept->contains(asRevs.at(k)))
                        filtered << revs.at(k);
                revs = filtered;
            }
            if (revs.isEmpty()) {
                return Failure{resolutionError(
                    tr("No such revision or branch '%1'%2")
                        .arg(id, id.size() < 4
                                     ? tr("; please ensure at least four characters are present "
                                          "for partial revision identifier matches")
                                     : QString()),
                    id)};
            }
            if (revs.size() > 1) {
                QStringList quoted;
                for (const QString& r : revs.mid(0, 3))
                    quoted << QLatin1Char('\'') + r + QLatin1Char('\'');
                return Failure{resolutionError(tr("Multiple revisions start with '%1': %2...")
                                                   .arg(id, quoted.join(QStringLiteral(", "))),
                                               id)};
            }
            revision = lookupKey(revs.first());
        }
    }
    if (!checkBranch.isEmpty() && revision >= 0) {
        if (!sharesLineage(revision, {branchRev})) {
            return Failure{resolutionError(tr("Revision %1 is not a member of branch '%2'")
                                               .arg(m_ids.at(revision), checkBranch),
                                           id)};
        }
    }
    return revision;
}

TargetResolver::Outcome<QList<int>> TargetResolver::getRevisions(const QString& id) const
{
    const Outcome<Resolved> resolved = resolveRevisionNumber(id, false);
    if (!resolved)
        return Failure{resolved.error()};
    const Resolved& r = resolved.value();
    QList<int> out;
    if (r.ids.size() == 1) {
        // what Python's int() accepts; "label@-2" that the relative syntax did not take
        static const QRegularExpression pyInt(QStringLiteral("\\A\\s*[+-]?\\d+(?:_\\d+)*\\s*\\z"),
                                              QRegularExpression::UseUnicodePropertiesOption);
        if (pyInt.match(r.ids.first()).hasMatch()) {
            QString digits = r.ids.first().trimmed();
            digits.remove(QLatin1Char('_'));
            bool isNumber = false;
            const qlonglong steps = digits.toLongLong(&isNumber);
            if (isNumber && steps < 0) {
                // branch@-n: walk down from the heads (of that branch)
                Outcome<QList<int>> heads = getRevisions(QStringLiteral("heads"));
                if (!heads)
                    return heads;
                for (int head : heads.value()) {
                    if (r.hasBranchLabel && !m_labels.at(head).contains(r.branchLabel))
                        continue;
                    const Outcome<int> rev = walk(head, int(steps), QString(), true);
                    if (!rev)
                        return Failure{rev.error()};
                    out << *rev;
                }
                return out;
            }
        }
    }
    for (const QString& rid : r.ids) {
        const Outcome<int> rev = revisionForIdent(rid, false, r.branchLabel);
        if (!rev)
            return Failure{rev.error()};
        out << *rev;
    }
    return out;
}

TargetResolver::Outcome<QList<int>> TargetResolver::getRevisions(const QStringList& ids) const
{
    QList<int> out;
    for (const QString& id : ids) {
        Outcome<QList<int>> revs = getRevisions(id);
        if (!revs)
            return revs;
        out << revs.value();
    }
    return out;
}

TargetResolver::Outcome<int> TargetResolver::getRevision(const QString& id) const
{
    const Outcome<Resolved> resolved = resolveRevisionNumber(id, false);
    if (!resolved)
        return Failure{resolved.error()};
    const Resolved& r = resolved.value();
    if (r.ids.size() > 1)
        return Failure{multipleHeads(r.ids, id)};
    return revisionForIdent(r.ids.value(0), r.ids.isEmpty(), r.branchLabel);
}

TargetResolver::Outcome<int> TargetResolver::walk(int start, int steps, const QString& branchLabel,
                                                  bool noOverwalk) const
{
    int initial = start;
    for (int i = 0; i < std::abs(steps); ++i) {
        QList<int> children;
        if (steps > 0) {
            if (initial == kBaseMarker)
                return Failure{assertionError(QStringLiteral("initial != \"base\""))};
            const QList<int> up = initial == kNone ? m_bases : m_nextrev.at(initial);
            if (!branchLabel.isEmpty()) {
                Outcome<QList<int>> filtered = filterForLineage(up, branchLabel);
                if (!filtered)
                    return Failure{filtered.error()};
                children = std::move(filtered).value();
            } else {
                children = up;
            }
        } else if (initial != kBaseMarker) {
            children = initial == kNone ? m_heads : m_versionedDown.at(initial);
            if (children.isEmpty())
                children = {kBaseMarker};
        }
        if (children.isEmpty())
            return noOverwalk ? kNone : initial;
        if (children.size() > 1)
            return Failure{revisionError(tr("Ambiguous walk"))};
        initial = children.first();
    }
    return initial;
}

TargetResolver::Outcome<QList<int>> TargetResolver::allCurrent(const QStringList& ids) const
{
    Outcome<QList<int>> top = getRevisions(ids);
    if (!top)
        return top;
    Outcome<QList<int>> ancestors = ancestorNodes(top.value(), true, false);
    if (!ancestors)
        return ancestors;
    const QSet<int> set(ancestors->begin(), ancestors->end());
    QList<int> out;
    for (int rev : set) {
        bool hasDescendant = false;
        for (int d : descendantNodes({rev}, false))
            if (d != rev && set.contains(d))
                hasDescendant = true;
        if (!hasDescendant)
            out << rev;
    }
    std::sort(out.begin(), out.end(), [&](int a, int b) { return m_pos.at(a) < m_pos.at(b); });
    return out;
}

TargetResolver::Outcome<QList<int>> TargetResolver::parseUpgradeTarget(const QStringList& current,
                                                                       const QString& target) const
{
    const Relative rel = parseRelative(target);
    if (!rel.matched)
        return getRevisions(target);

    if (rel.value > 0) {
        if (rel.symbol.isEmpty()) {
            QList<int> startRevs;
            if (rel.branchLabel.isEmpty()) {
                if (current.size() > 1)
                    return Failure{
                        revisionError(tr("Ambiguous upgrade from multiple current revisions"))};
                if (current.isEmpty()) {
                    startRevs = {kNone};
                } else {
                    const Outcome<int> start = getRevision(current.first());
                    if (!start)
                        return Failure{start.error()};
                    startRevs = {*start};
                }
            } else {
                Outcome<QList<int>> currentRevs = getRevisions(current);
                if (!currentRevs)
                    return currentRevs;
                Outcome<QList<int>> inLineage =
                    filterForLineage(currentRevs.value(), rel.branchLabel);
                if (!inLineage)
                    return inLineage;
                startRevs = std::move(inLineage).value();
                if (startRevs.isEmpty()) {
                    Outcome<QList<int>> ancestors = ancestorNodes(currentRevs.value(), true, false);
                    if (!ancestors)
                        return ancestors;
                    Outcome<QList<int>> active =
                        filterForLineage(ancestors.value(), rel.branchLabel);
                    if (!active)
                        return active;
                    QSet<int> downs;
                    for (int a : active.value())
                        for (int d : m_normalizedDown.at(a))
                            downs.insert(d);
                    for (int a : active.value())
                        if (!downs.contains(a))
                            appendUnique(startRevs, a);
                    if (startRevs.isEmpty())
                        startRevs = {kNone};
                }
            }
            if (startRevs.size() > 1)
                return Failure{
                    revisionError(tr("Ambiguous upgrade from multiple current revisions"))};
            const Outcome<int> rev = walk(startRevs.first(), rel.value, rel.branchLabel, true);
            if (!rev)
                return Failure{rev.error()};
            if (*rev == kNone)
                return Failure{revisionError(didNotProduce(rel.relative, std::abs(rel.value)))};
            return QList<int>{*rev};
        }
        const Outcome<int> start = getRevision(rel.symbol);
        if (!start)
            return Failure{start.error()};
        const Outcome<int> rev = walk(*start, rel.value, rel.branchLabel, true);
        if (!rev)
            return Failure{rev.error()};
        return QList<int>{*rev};
    }
    if (rel.symbol.isEmpty())
        return Failure{
            revisionError(didNotProduce(QString::number(rel.value), std::abs(rel.value)))};
    const Outcome<int> start = getRevision(
        rel.branchLabel.isEmpty() ? rel.symbol : rel.branchLabel + QLatin1Char('@') + rel.symbol);
    if (!start)
        return Failure{start.error()};
    const Outcome<int> rev = walk(*start, rel.value, QString(), true);
    if (!rev)
        return Failure{rev.error()};
    return QList<int>{*rev};
}

TargetResolver::Outcome<TargetResolver::DowngradeRevision>
TargetResolver::parseDowngradeTarget(const QStringList& current, const QString& target) const
{
    const Relative rel = parseRelative(target);
    if (rel.matched) {
        QString branchLabel = rel.branchLabel;
        if (rel.value >= 0) {
            if (rel.symbol.isEmpty())
                return Failure{revisionError(didNotProduce(rel.relative, std::abs(rel.value)))};
            const Outcome<int> start = getRevision(rel.symbol);
            if (!start)
                return Failure{start.error()};
            const Outcome<int> rev = walk(*start, rel.value, rel.branchLabel, true);
            if (!rev)
                return Failure{rev.error()};
            if (*rev == kNone)
                return Failure{revisionError(tr("Walked too far"))};
            return DowngradeRevision{*rev, branchLabel};
        }
        const bool relativeRevision = rel.symbol.isEmpty();
        QString symbol = rel.symbol;
        if (relativeRevision) {
            if (!branchLabel.isEmpty()) {
                QList<int> currentRevs;
                for (const QString& c : current) {
                    const Outcome<int> rev = revisionForIdent(c, false, QString());
                    if (!rev)
                        return Failure{rev.error()};
                    currentRevs << *rev;
                }
                Outcome<QList<int>> symbols = filterForLineage(currentRevs, branchLabel);
                if (!symbols)
                    return Failure{symbols.error()};
                if (symbols->isEmpty()) {
                    const Outcome<QList<int>> all = allCurrent(current);
                    if (!all)
                        return Failure{all.error()};
                    symbols = filterForLineage(all.value(), branchLabel);
                    if (!symbols)
                        return Failure{symbols.error()};
                }
                if (symbols->size() != 1)
                    return Failure{assertionError(QStringLiteral("len(symbol_list) == 1"))};
                symbol = m_ids.at(symbols->first());
            } else {
                if (current.isEmpty())
                    return Failure{revisionError(didNotProduce(rel.relative, std::abs(rel.value)))};
                symbol = current.first();
                branchLabel = symbol;
            }
        }
        const Outcome<int> start =
            getRevision(branchLabel.isEmpty() ? symbol : branchLabel + QLatin1Char('@') + symbol);
        if (!start)
            return Failure{start.error()};
        const Outcome<int> rev = walk(*start, rel.value, QString(), true);
        if (!rev)
            return Failure{rev.error()};
        if (*rev == kNone) {
            return Failure{revisionError(relativeRevision
                                             ? didNotProduce(rel.relative, std::abs(rel.value))
                                             : tr("Walked too far"))};
        }
        return DowngradeRevision{*rev, branchLabel};
    }
    const int at = target.lastIndexOf(QLatin1Char('@'));
    const Outcome<int> rev = getRevision(at < 0 ? target : target.mid(at + 1));
    if (!rev)
        return Failure{rev.error()};
    return DowngradeRevision{*rev, at < 0 ? QString() : target.left(at)};
}

QString TargetResolver::commandMessage(const Error& error, const QString& destination, bool upgrade)
{
    switch (error.kind) {
    case Error::Kind::RangeNotAncestor:
        return upgrade ? tr("Destination %1 is not a valid upgrade target from current head(s)")
                             .arg(destination)
                       : tr("Destination %1 is not a valid downgrade target from current head(s)")
                             .arg(destination);
    case Error::Kind::MultipleHeads: {
        const QString arg = destination.isEmpty() ? error.argument : destination;
        return tr("Multiple head revisions are present for given argument '%1'; please specify "
                  "a specific target revision, '<branchname>@%1' to narrow to a specific head, "
                  "or 'heads' for all heads")
            .arg(arg);
    }
    case Error::Kind::Resolution:
        return tr("Can't locate revision identified by '%1'").arg(error.argument);
    case Error::Kind::Revision:
    case Error::Kind::Assertion:
    case Error::Kind::NoError:
        break;
    }
    return error.message;
}

Result<QStringList> TargetResolver::resolveUpgradeTarget(const QString& target,
                                                         const QStringList& currentRows) const
{
    const Outcome<QList<int>> revs = parseUpgradeTarget(currentRows, target);
    if (!revs)
        return Failure{commandMessage(revs.error(), target, true)};
    QStringList ids;
    for (int r : revs.value()) {
        if (r < 0)
            return Failure{
                commandMessage(assertionError(QStringLiteral("is_revision")), target, true)};
        ids << m_ids.at(r);
    }
    return ids;
}

Result<TargetResolver::DowngradeTarget>
TargetResolver::resolveDowngradeTarget(const QString& target, const QStringList& currentRows) const
{
    const Outcome<DowngradeRevision> rev = parseDowngradeTarget(currentRows, target);
    if (!rev)
        return Failure{commandMessage(rev.error(), target, false)};
    DowngradeTarget t;
    t.branchLabel = rev->branchLabel;
    if (rev->revision >= 0)
        t.revision = m_ids.at(rev->revision);
    return t;
}

Result<QStringList> TargetResolver::resolveRevisions(const QString& identifier) const
{
    const Outcome<QList<int>> revs = getRevisions(identifier);
    if (!revs)
        return Failure{commandMessage(revs.error(), identifier, true)};
    QStringList ids;
    for (int r : revs.value())
        if (r >= 0)
            ids << m_ids.at(r);
    return ids;
}

} // namespace retort
