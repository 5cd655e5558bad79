#pragma once

#include "model/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace retort {

// A revision script as text, and everything needed to write it back byte for byte as it
// came: the encoding (UTF-8 with or without a BOM, or what a PEP 263 coding cookie names,
// e.g. latin-1), the line endings and whether the last line ended with one.
//
// The text keeps the file's own line endings (a CRLF file is CRLF text), so an editor set
// to the same end-of-line mode round-trips it exactly. encode() converts stray endings to
// the file's style unless the file mixed them to begin with, which is left alone.
class ScriptFile
{
    Q_DECLARE_TR_FUNCTIONS(retort::ScriptFile)

public:
    enum class LineEnding
    {
        Lf,
        CrLf,
        Cr
    };

    // Reads and decodes `path`. Fails on I/O errors, an encoding Retort cannot write back,
    // or bytes that are not valid in the declared encoding (never a lossy guess).
    static Result<ScriptFile> read(const QString& path);
    static Result<ScriptFile> fromBytes(const QByteArray& bytes);
    // An empty UTF-8 file with LF endings and a final newline.
    ScriptFile() = default;

    // The bytes `text` becomes in this file's format. Fails when a character cannot be
    // written in the file's encoding (e.g. "€" in a latin-1 file).
    Result<QByteArray> encode(const QString& text) const;
    // Writes `text` to `path` atomically (QSaveFile) in this file's format; the bytes
    // written on success.
    Result<QByteArray> save(const QString& path, const QString& text) const;

    QString text() const { return m_text; }
    QByteArray encoding() const { return m_encoding; } // "UTF-8" or "ISO-8859-1"
    bool hasBom() const { return m_bom; }
    LineEnding lineEnding() const { return m_lineEnding; }
    bool hasMixedLineEndings() const { return m_mixed; }
    bool hasFinalNewline() const { return m_finalNewline; }
    QString lineEndingString() const;

private:
    QString m_text;
    QByteArray m_encoding = "UTF-8";
    bool m_bom = false;
    LineEnding m_lineEnding = LineEnding::Lf;
    bool m_mixed = false;
    bool m_finalNewline = true;
};

} // namespace retort
