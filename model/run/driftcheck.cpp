#include "model/run/driftcheck.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace retort {

namespace {

constexpr QLatin1StringView kInSync{"No new upgrade operations detected."};
constexpr QLatin1StringView kDetected{"New upgrade operations detected:"};
constexpr QLatin1StringView kFailedPrefix{"FAILED:"};

// The top-level items of a Python repr between one pair of brackets: commas inside nested
// (), [], {} or string literals do not split.
std::optional<QStringList> splitItems(QStringView inner)
{
    QStringList items;
    int depth = 0;
    QChar quote;
    qsizetype start = 0;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'<' && i > 0 && inner.at(i - 1) == u'=') {
            // SQLAlchemy's "table=<name>": the name as it is, quotes and commas included
            const qsizetype end = inner.indexOf(u'>', i);
            if (end < 0)
                return std::nullopt;
            i = end;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            if (--depth < 0)
                return std::nullopt;
        } else if (c == u',' && depth == 0) {
            items.append(inner.mid(start, i - start).trimmed().toString());
            start = i + 1;
        }
    }
    if (depth != 0 || !quote.isNull())
        return std::nullopt;
    const QString last = inner.mid(start).trimmed().toString();
    if (!last.isEmpty()) // a one-item tuple ends with a comma
        items.append(last);
    return items;
}

// The items of "(a, b)" or "[a, b]"; nothing when `text` is not one bracketed sequence.
std::optional<QStringList> sequenceItems(QStringView text, QChar open, QChar close)
{
    text = text.trimmed();
    if (text.size() < 2 || text.front() != open || text.back() != close)
        return std::nullopt;
    return splitItems(text.mid(1, text.size() - 2));
}

// A Python string literal's value ('users', "it's"); nothing for anything else.
std::optional<QString> unquote(QStringView item)
{
    item = item.trimmed();
    if (item.size() < 2 || (item.front() != u'\'' && item.front() != u'"') ||
        item.back() != item.front())
        return std::nullopt;
    QString out;
    for (qsizetype i = 1; i + 1 < item.size(); ++i) {
        if (item.at(i) == u'\\' && i + 2 < item.size())
            ++i;
        out.append(item.at(i));
    }
    return out;
}

// The arguments of a call's repr: "Table('t', MetaData(), schema=None)" -> its three items.
QStringList callArguments(QStringView call)
{
    const qsizetype open = call.indexOf(u'(');
    if (open < 0 || !call.trimmed().endsWith(u')'))
        return {};
    return sequenceItems(call.mid(open).trimmed(), u'(', u')').value_or(QStringList());
}

QString callName(QStringView call)
{
    const qsizetype open = call.indexOf(u'(');
    return open < 0 ? QString() : call.left(open).trimmed().toString();
}

// A keyword argument's string value ("schema='s'" -> s); empty when absent or not a string.
QString keywordString(const QStringList& arguments, QLatin1StringView name)
{
    const QString prefix = QString(name) + u'=';
    for (const QString& argument : arguments)
        if (argument.startsWith(prefix))
            return unquote(QStringView(argument).mid(prefix.size())).value_or(QString());
    return {};
}

QString qualified(const QString& schema, const QString& table)
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

// "Table('orders', MetaData(), ..., schema='s')" -> "s.orders"
QString tableName(QStringView tableRepr)
{
    const QStringList arguments = callArguments(tableRepr);
    if (arguments.isEmpty())
        return tableRepr.toString();
    return qualified(keywordString(arguments, QLatin1StringView("schema")),
                     unquote(arguments.first()).value_or(arguments.first()));
}

// The name of an Index / constraint repr: its name= keyword, or an Index's first argument.
QString objectName(QStringView repr)
{
    const QStringList arguments = callArguments(repr);
    const QString named = keywordString(arguments, QLatin1StringView("name"));
    if (!named.isEmpty())
        return named;
    if (!arguments.isEmpty())
        if (const auto first = unquote(arguments.first()))
            return *first;
    return {};
}

} // namespace

QJsonObject DriftResult::toJson() const
{
    static const char* const names[] = {"notChecked", "inSync", "differences", "failed",
                                        "unsupported"};
    QJsonArray diffs;
    for (const DriftDifference& d : differences)
        diffs.append(QJsonObject{{QStringLiteral("kind"), d.kind},
                                 {QStringLiteral("summary"), d.summary},
                                 {QStringLiteral("detail"), d.detail}});
    return QJsonObject{{QStringLiteral("status"), QLatin1StringView(names[int(status)])},
                       {QStringLiteral("checkedAt"), checkedAt.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("differences"), diffs},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("alembic"), alembicVersion}};
}

DriftResult DriftResult::fromJson(const QJsonObject& object)
{
    DriftResult result;
    const QString status = object.value(QStringLiteral("status")).toString();
    if (status == u"inSync")
        result.status = Status::InSync;
    else if (status == u"differences")
        result.status = Status::Differences;
    else if (status == u"failed")
        result.status = Status::Failed;
    else if (status == u"unsupported")
        result.status = Status::Unsupported;
    else
        return {}; // not one this version writes: as if never checked
    result.checkedAt = QDateTime::fromString(object.value(QStringLiteral("checkedAt")).toString(),
                                             Qt::ISODateWithMs);
    for (const QJsonValue& value : object.value(QStringLiteral("differences")).toArray()) {
        const QJsonObject d = value.toObject();
        result.differences.append({d.value(QStringLiteral("kind")).toString(),
                                   d.value(QStringLiteral("summary")).toString(),
                                   d.value(QStringLiteral("detail")).toString()});
    }
    result.message = object.value(QStringLiteral("message")).toString();
    result.alembicVersion = object.value(QStringLiteral("alembic")).toString();
    return result;
}

std::optional<QString> DriftCheck::refusal(const AlembicVersion& version)
{
    if (!(version < kMinimumVersion))
        return std::nullopt;
    return tr("Check Drift runs “alembic check”, which alembic added in %1; this project's "
              "Python has alembic %2. Install a newer alembic for it (or choose another "
              "interpreter in Run ▸ Python Interpreter…).")
        .arg(kMinimumVersion.toString(), version.toString());
}

DriftResult DriftCheck::interpret(int exitCode, const QStringList& stdoutLines,
                                  const QString& failure)
{
    DriftResult result;
    if (exitCode == 0) { // command.check returns normally only when autogenerate found nothing
        result.status = DriftResult::Status::InSync;
        return result;
    }
    for (qsizetype i = 0; i < stdoutLines.size(); ++i) {
        const qsizetype at = stdoutLines.at(i).indexOf(kDetected);
        if (at < 0)
            continue;
        // Wrapped for a terminal: the list goes on in the lines after, each indented. textwrap
        // breaks only at spaces, so joining with one space gives the message back.
        QString listed = stdoutLines.at(i).mid(at + kDetected.size()).trimmed();
        std::optional<QList<DriftDifference>> diffs = parseDiffs(listed);
        for (qsizetype next = i + 1; !diffs && next < stdoutLines.size(); ++next) {
            listed += u' ' + stdoutLines.at(next).trimmed();
            diffs = parseDiffs(listed);
        }
        result.status = DriftResult::Status::Differences;
        if (diffs && !diffs->isEmpty())
            result.differences = *diffs;
        else // listed, but not in a form this version reads: still a drift, shown as printed
            result.differences = {{QStringLiteral("unknown"),
                                   tr("Differences Retort could not read one by one"),
                                   stdoutLines.at(i).mid(at + kDetected.size()).trimmed()}};
        return result;
    }
    // alembic's own words: its "FAILED: ..." line on stdout, else the runner's last error
    // line without the logging prefix ("ERROR [alembic.util.messaging] ...").
    QString why = failure.trimmed();
    for (const QString& line : stdoutLines)
        if (line.trimmed().startsWith(kFailedPrefix))
            why = line.trimmed();
    if (why.startsWith(kFailedPrefix))
        why = why.mid(kFailedPrefix.size()).trimmed();
    static const QRegularExpression logPrefix(QStringLiteral("^[A-Z]+\\s+\\[[\\w.]+\\]\\s+"));
    why.remove(logPrefix);
    if (why.contains(QLatin1StringView("invalid choice: 'check'"))) {
        result.status = DriftResult::Status::Unsupported;
        result.message = tr("This alembic has no “check” command (alembic added it in %1).")
                             .arg(kMinimumVersion.toString());
        return result;
    }
    result.status = DriftResult::Status::Failed;
    result.message = why.isEmpty() ? tr("alembic check exited with code %1.").arg(exitCode) : why;
    return result;
}

std::optional<QList<DriftDifference>> DriftCheck::parseDiffs(QStringView text)
{
    const std::optional<QStringList> items = sequenceItems(text, u'[', u']');
    if (!items)
        return std::nullopt;
    QList<DriftDifference> out;
    auto addTuple = [&out](const QString& tupleRepr) {
        const std::optional<QStringList> parts = sequenceItems(tupleRepr, u'(', u')');
        if (!parts || parts->isEmpty())
            return false;
        out.append({unquote(parts->first()).value_or(parts->first()), describe(*parts),
                    tupleRepr});
        return true;
    };
    for (const QString& item : *items) {
        if (item.startsWith(u'[')) { // the modify_* changes of one column
            const std::optional<QStringList> inner = sequenceItems(item, u'[', u']');
            if (!inner)
                return std::nullopt;
            for (const QString& tuple : *inner)
                if (!addTuple(tuple))
                    return std::nullopt;
        } else if (!addTuple(item)) {
            return std::nullopt;
        }
    }
    return out;
}

QString DriftCheck::describe(const QStringList& items)
{
    const QString kind = items.isEmpty() ? QString() : unquote(items.first()).value_or(items.first());
    auto arg = [&items](qsizetype i) { return i < items.size() ? items.at(i) : QString(); };
    auto str = [&arg](qsizetype i) {
        const QString a = arg(i);
        return a == u"None" ? QString() : unquote(a).value_or(a);
    };
    // (kind, Table(...))
    if (kind == u"add_table")
        return tr("Add table %1").arg(tableName(arg(1)));
    if (kind == u"remove_table")
        return tr("Remove table %1").arg(tableName(arg(1)));
    if (kind == u"add_table_comment")
        return tr("Set the comment of table %1").arg(tableName(arg(1)));
    if (kind == u"remove_table_comment")
        return tr("Remove the comment of table %1").arg(tableName(arg(1)));
    // (kind, schema, table, Column(...))
    if (kind == u"add_column" || kind == u"remove_column") {
        const QString column = qualified(qualified(str(1), str(2)), objectName(arg(3)));
        return kind == u"add_column" ? tr("Add column %1").arg(column)
                                     : tr("Remove column %1").arg(column);
    }
    // (kind, schema, table, column, existing, old, new)
    if (kind.startsWith(QLatin1StringView("modify_"))) {
        const QString column = qualified(qualified(str(1), str(2)), str(3));
        const QString from = arg(5);
        const QString to = arg(6);
        if (kind == u"modify_nullable")
            return to == u"False" ? tr("Make %1 NOT NULL").arg(column)
                                  : tr("Make %1 nullable").arg(column);
        if (kind == u"modify_type")
            return tr("Change the type of %1 from %2 to %3").arg(column, from, to);
        if (kind == u"modify_default")
            return tr("Change the server default of %1 from %2 to %3").arg(column, from, to);
        if (kind == u"modify_comment")
            return tr("Change the comment of %1 from %2 to %3").arg(column, from, to);
        return tr("%1 of %2: %3 to %4").arg(kind, column, from, to);
    }
    // (kind, Index(...)) and (kind, SomeConstraint(...))
    const QString object = arg(1);
    const QString name = objectName(object);
    const QString named = name.isEmpty() ? tr("(unnamed)") : name;
    if (kind == u"add_index")
        return tr("Add index %1").arg(named);
    if (kind == u"remove_index")
        return tr("Remove index %1").arg(named);
    if (kind == u"add_fk")
        return tr("Add foreign key %1").arg(named);
    if (kind == u"remove_fk")
        return tr("Remove foreign key %1").arg(named);
    if (kind == u"add_constraint")
        return tr("Add %1 %2").arg(callName(object), named);
    if (kind == u"remove_constraint")
        return tr("Remove %1 %2").arg(callName(object), named);
    // one alembic added later: its name and what it printed
    QStringList rest = items.mid(1);
    return tr("%1: %2").arg(kind, rest.join(QStringLiteral(", ")));
}

} // namespace retort
