#include "model/script/revisionparser.h"

#include "model/common/logging.h"
#include "model/common/result.h"
#include "model/script/modulereader.h"
#include "model/script/namespacewrites.h"
#include "model/script/pythonsource.h"
#include "model/script/pythontokenizer.h"
#include "model/script/symboltable.h"

#include <QRegularExpression>

namespace retort {

using python::kBranchLabels;
using python::kDependsOn;
using python::kDownRevision;
using python::kRevision;
using python::PyValue;

QString RevisionParser::idFromLegacyFileName(const QString& fileName)
{
    static const QRegularExpression legacy(QStringLiteral("^([a-f0-9]+)\\.py$"));
    const auto match = legacy.match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

namespace {

// A name that nothing binds: importing the file raises NameError, so alembic stops there.
Diagnostic nameError(const QString& path, int line, const QString& identifier,
                     const QString& why, const QString& revision = {})
{
    return Diagnostic::fatal(
        path, line,
        RevisionParser::tr("`%1` uses a name that is not defined (%2): Python raises "
                           "NameError on import, so alembic cannot load this file.")
            .arg(identifier, why),
        revision);
}

// A value Retort cannot know: a NameError stops alembic; anything else (an imported constant,
// a computed value) alembic loads, and only Retort cannot read it.
Diagnostic unknownValue(const QString& path, int line, const QString& identifier,
                        const PyValue& value, const QString& revision = {})
{
    if (value.nameError)
        return nameError(path, line, identifier, value.str, revision);
    return Diagnostic::error(
        path, line,
        RevisionParser::tr("The value of `%1` cannot be known without running Python: %2.")
            .arg(identifier, value.str),
        revision);
}

} // namespace

ParseResult RevisionParser::parseFile(const QString& path)
{
    ParseResult result;
    const Result<PythonSource::FileContents> contents = PythonSource::readFile(path, kMaxFileSize);
    if (!contents) {
        result.diagnostics.append(
            Diagnostic::fatal(path, 0, tr("Cannot read the file: %1").arg(contents.error())));
        return result;
    }
    const qint64 size = contents->size;
    if (size > kMaxFileSize) {
        result.diagnostics.append(Diagnostic::error(
            path, 0,
            tr("The file is %1 MB, larger than Retort reads (%2 MB): not a revision script?")
                .arg(size / (1024 * 1024))
                .arg(kMaxFileSize / (1024 * 1024))));
        return result;
    }
    return parse(contents->data, path);
}

ParseResult RevisionParser::parse(const QByteArray& bytes, const QString& path)
{
    qsizetype readFrom = -1;
    ParseResult result = parseHeader(bytes, path, &readFrom);
    if (readFrom >= 0) {
        // Code that can set any name may also define what a header names, or set a header
        // this reading finds wrong or missing: only what is wrong with the text itself (a
        // syntax error) is then sure to stop alembic; the rest is what Retort cannot tell.
        for (qsizetype i = readFrom; i < result.diagnostics.size(); ++i)
            result.diagnostics[i].stopsAlembic = false;
    }
    return result;
}

ParseResult RevisionParser::parseHeader(const QByteArray& bytes, const QString& path,
                                        qsizetype* readFrom)
{
    ParseResult result;
    auto& diags = result.diagnostics;

    const Result<QString, PythonSource::DecodeError> decoded = PythonSource::decode(bytes);
    if (!decoded) {
        diags.append(Diagnostic::fatal(path, decoded.error().line, decoded.error().message));
        return result;
    }
    // Python reads identifiers in NFKC form: `ｄown_revision` is `down_revision`.
    const QString text = PythonTokenizer::normalizeIdentifiers(decoded.value());

    python::ModuleReader reader(text);
    reader.read();
    if (!reader.tokenError.isEmpty()) {
        diags.append(Diagnostic::fatal(
            path, reader.tokenErrorLine,
            tr("Python syntax error: %1. Alembic cannot import this file.").arg(reader.tokenError)));
    }

    // Code that may rebind the header names in ways no binding shows: reported, never guessed.
    const QList<python::NamespaceWrite> writes = python::findNamespaceWrites(text);
    if (!writes.isEmpty())
        *readFrom = diags.size();
    // Then a header with no assignment may still be set when Python runs the file: its
    // absence is no proof that alembic fails.
    auto missingHeader = [&](const QString& name, const QString& fatalMessage,
                             const QString& revision) {
        if (writes.isEmpty())
            return Diagnostic::fatal(path, 0, fatalMessage, revision);
        return Diagnostic::error(
            path, 0,
            tr("No module-level `%1` assignment Retort can read, but code on line %2 may set "
               "it: Retort cannot tell what alembic reads.")
                .arg(name)
                .arg(writes.first().line),
            revision);
    };
    int lastLine = -1;
    for (const python::NamespaceWrite& w : writes) {
        if (w.line == lastLine)
            continue; // one finding per line is enough
        lastLine = w.line;
        QString message;
        switch (w.kind) {
        case python::NamespaceWrite::Kind::Namespace:
            message = tr("`%1` can set any module-level name: Retort cannot tell what it sets, "
                         "and alembic may read a different revision header.")
                          .arg(w.what);
            break;
        case python::NamespaceWrite::Kind::Global:
            message = tr("`global %1` lets a function or class rebind `%1`: Retort cannot tell "
                         "which value alembic reads.")
                          .arg(w.what);
            break;
        case python::NamespaceWrite::Kind::ModuleGetattr:
            message = tr("A module-level `__getattr__` answers for the names the file does not "
                         "set: Retort cannot tell what alembic reads for them.");
            break;
        }
        diags.append(Diagnostic::error(path, w.line, message));
    }

    Revision rev;
    rev.path = path;

    // --- revision
    const QString fileName = path.mid(path.lastIndexOf(u'/') + 1);
    if (!reader.assignments.contains(kRevision)) {
        if (!reader.tokenError.isEmpty())
            return result; // the syntax error explains it
        const QString legacy = idFromLegacyFileName(fileName);
        if (legacy.isEmpty()) {
            diags.append(missingHeader(
                kRevision,
                tr("No module-level `revision = \"...\"` assignment, and the file name is not "
                   "a legacy hex id: alembic cannot determine this revision's id."),
                {}));
            return result;
        }
        rev.id = legacy;
    } else {
        const python::Assignment& a = reader.assignments.value(kRevision);
        rev.revisionLine = a.line;
        if (a.value.kind == PyValue::Kind::Str) {
            rev.id = a.value.str;
        } else if (a.value.kind == PyValue::Kind::Unknown) {
            diags.append(unknownValue(path, a.line, kRevision, a.value));
            return result;
        } else {
            // Revision() takes set(revision): None or a number raises TypeError on load.
            diags.append(Diagnostic::fatal(path, a.line,
                                           tr("`revision` must be a string, not %1.")
                                               .arg(a.value.kind == PyValue::Kind::None
                                                        ? tr("None")
                                                        : a.value.kind == PyValue::Kind::Seq
                                                              ? tr("a sequence")
                                                              : a.value.str)));
            return result;
        }
    }
    if (rev.id.isEmpty()) {
        diags.append(Diagnostic::error(path, rev.revisionLine, tr("`revision` is empty.")));
        return result;
    }
    auto hasIllegalChar = [](const QString& id) {
        return id.contains(u'@') || id.contains(u'+') || id.contains(u'-');
    };
    if (hasIllegalChar(rev.id)) {
        diags.append(Diagnostic::fatal(
            path, rev.revisionLine,
            tr("The revision id '%1' contains '@', '-' or '+', which alembic does not allow.")
                .arg(rev.id),
            rev.id));
        return result;
    }

    // --- the three lists
    auto readList = [&](const QString& name, QStringList* out, int* lineOut, bool required) {
        const auto found = reader.assignments.constFind(name);
        if (found == reader.assignments.constEnd()) {
            if (required && reader.tokenError.isEmpty())
                diags.append(missingHeader(
                    name,
                    tr("No module-level `%1` assignment: alembic fails to load this file. "
                       "Shown as a base.")
                        .arg(name),
                    rev.id));
            return;
        }
        const python::Assignment& a = *found;
        *lineOut = a.line;
        switch (a.value.kind) {
        case PyValue::Kind::None:
            return;
        case PyValue::Kind::Str:
            if (!a.value.str.isEmpty())
                out->append(a.value.str);
            return;
        case PyValue::Kind::Seq:
            for (const PyValue& item : a.value.items) {
                if (item.kind == PyValue::Kind::Str) {
                    if (!item.str.isEmpty())
                        out->append(item.str);
                } else if (item.kind == PyValue::Kind::Unknown && item.nameError) {
                    diags.append(nameError(path, a.line, name, item.str, rev.id));
                } else if (item.kind == PyValue::Kind::Unknown) {
                    diags.append(Diagnostic::error(
                        path, a.line,
                        tr("An entry of `%1` cannot be known without running Python: %2.")
                            .arg(name, item.str),
                        rev.id));
                } else {
                    diags.append(Diagnostic::error(
                        path, a.line,
                        tr("An entry of `%1` is %2, not a revision id string.")
                            .arg(name, item.kind == PyValue::Kind::None
                                           ? tr("None")
                                           : item.kind == PyValue::Kind::Seq ? tr("a sequence")
                                                                             : item.str),
                        rev.id));
                }
            }
            return;
        case PyValue::Kind::Other:
            diags.append(Diagnostic::error(
                path, a.line, tr("`%1` is %2, not a string or a tuple of strings.")
                                  .arg(name, a.value.str),
                rev.id));
            return;
        case PyValue::Kind::Unknown:
            diags.append(unknownValue(path, a.line, name, a.value, rev.id));
            return;
        }
    };
    readList(kDownRevision, &rev.downRevisions, &rev.downRevisionLine, true);
    readList(kBranchLabels, &rev.branchLabels, &rev.branchLabelsLine, false);
    readList(kDependsOn, &rev.dependsOn, &rev.dependsOnLine, false);

    if (rev.downRevisions.contains(rev.id)) {
        diags.append(Diagnostic::fatal(
            path, rev.downRevisionLine,
            tr("Revision %1 names itself as its down_revision: a loop.").arg(rev.id), rev.id));
        rev.downRevisions.removeAll(rev.id);
    }
    if (rev.dependsOn.contains(rev.id)) {
        diags.append(Diagnostic::fatal(
            path, rev.dependsOnLine,
            tr("Revision %1 depends on itself: a loop.").arg(rev.id), rev.id));
        rev.dependsOn.removeAll(rev.id);
    }
    for (const QString& label : std::as_const(rev.branchLabels)) {
        if (hasIllegalChar(label))
            diags.append(Diagnostic::warning(
                path, rev.branchLabelsLine,
                tr("The branch label '%1' contains '@', '-' or '+': targets cannot name it.")
                    .arg(label),
                rev.id));
    }

    // --- docstring: message and create date only.
    if (reader.hasDocstring) {
        rev.longDoc = reader.docstring.trimmed();
        // alembic: re.split("\n\n", longdoc)[0]
        const qsizetype paragraphEnd = rev.longDoc.indexOf(QLatin1StringView("\n\n"));
        rev.message = paragraphEnd < 0 ? rev.longDoc : rev.longDoc.left(paragraphEnd);
        // "Create Date:" at the start of a line (after blanks); the rest of that line.
        const QLatin1StringView label("Create Date:");
        for (qsizetype at = rev.longDoc.indexOf(label); at >= 0;
             at = rev.longDoc.indexOf(label, at + 1)) {
            qsizetype lineStart = at;
            while (lineStart > 0 && (rev.longDoc.at(lineStart - 1) == u' '
                                     || rev.longDoc.at(lineStart - 1) == u'\t'))
                --lineStart;
            if (lineStart > 0 && rev.longDoc.at(lineStart - 1) != u'\n')
                continue;
            qsizetype lineEnd = rev.longDoc.indexOf(u'\n', at);
            if (lineEnd < 0)
                lineEnd = rev.longDoc.size();
            const qsizetype valueStart = at + label.size();
            rev.createDate = rev.longDoc.mid(valueStart, lineEnd - valueStart).trimmed();
            break;
        }
    }

    for (Diagnostic& d : diags) {
        if (d.revision.isEmpty())
            d.revision = rev.id;
    }
    result.revision = rev;
    return result;
}

} // namespace retort
