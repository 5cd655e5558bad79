#include "model/run/progressparser.h"

namespace retort {

namespace {

const QLatin1String kSeparator(", ");
const QLatin1String kArrow(" -> ");

QStringList splitIds(const QString& text)
{
    return text.trimmed().split(kSeparator, Qt::SkipEmptyParts);
}

bool looksLikeId(const QString& word)
{
    if (word.isEmpty())
        return false;
    for (const QChar c : word)
        if (!c.isLetterOrNumber() && c != u'_' && c != u'-')
            return false;
    return true;
}

} // namespace

std::optional<ProgressParser::Step> ProgressParser::parse(const QString& line)
{
    Step step;
    qsizetype at = line.indexOf(QLatin1String("Running upgrade "));
    qsizetype skip = 16;
    if (at < 0) {
        at = line.indexOf(QLatin1String("Running downgrade "));
        skip = 18;
        step.upgrade = false;
    }
    if (at < 0 || line.left(at).trimmed().startsWith(QLatin1String("--")))
        return std::nullopt;

    const QString rest = line.mid(at + skip);
    const qsizetype arrow = rest.indexOf(kArrow);
    if (arrow < 0)
        return std::nullopt;
    const QString from = rest.left(arrow);
    const QString after = rest.mid(arrow + kArrow.size());

    if (step.upgrade) {
        // One revision after the arrow, then the docstring.
        step.fromRevisions = splitIds(from);
        const qsizetype comma = after.indexOf(kSeparator);
        step.revision = (comma < 0 ? after : after.left(comma)).trimmed();
        step.toRevisions = {step.revision};
        step.message = comma < 0 ? QString() : after.mid(comma + kSeparator.size());
    } else {
        step.revision = from.trimmed();
        step.fromRevisions = {step.revision};
        QStringList words = after.split(kSeparator);
        // "a1 -> , doc": base; otherwise leading id-like words are the down revisions.
        qsizetype i = 0;
        if (!words.isEmpty() && words.first().trimmed().isEmpty()) {
            i = 1;
        } else {
            while (i < words.size() && looksLikeId(words.at(i)))
                step.toRevisions << words.at(i++);
            if (i == words.size() && i > 1) {
                // Everything looked like an id: the last word is the docstring unless the
                // line had no docstring at all (then alembic printed no trailing part).
                step.toRevisions.removeLast();
                --i;
            }
        }
        step.message = words.mid(i).join(kSeparator);
    }
    if (step.revision.isEmpty() || step.revision.contains(u' '))
        return std::nullopt;
    return step;
}

} // namespace retort
