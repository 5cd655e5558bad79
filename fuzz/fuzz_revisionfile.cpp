// One input = one revision file: the source decoder, the tokenizer, the module reader and
// evaluator (RevisionParser), the editor's ScriptFile reading and re-encoding, and the
// upgrade()/downgrade() operations reader with its texts.
#include "model/migration/migrationops.h"
#include "model/script/pythontokenizer.h"
#include "model/script/revisionparser.h"
#include "model/script/scriptfile.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retort;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    const ParseResult parsed =
        RevisionParser::parse(bytes, QStringLiteral("/fuzz/versions/1a2b3c4d5e6f_fuzz.py"));
    // Every input ends in a revision or a diagnostic saying why not.
    if (!parsed.revision && parsed.diagnostics.isEmpty())
        __builtin_trap();

    const Result<ScriptFile> script = ScriptFile::fromBytes(bytes);
    if (script) {
        const PyTokens tokens = PythonTokenizer::tokenize(script->text());
        if (tokens.tokens.isEmpty() || tokens.tokens.last().kind != PyToken::Kind::EndOfFile)
            __builtin_trap();
        // What the editor would save back must be encodable or refused, never crash.
        (void)script->encode(script->text());

        // Operations: read or refused with an error; every one says what it is.
        const MigrationOps ops = MigrationOpsReader::read(script->text());
        if (!ops.error.isEmpty() && (ops.upgrade.present || ops.downgrade.present))
            __builtin_trap();
        for (const MigrationFunction* f : {&ops.upgrade, &ops.downgrade}) {
            for (const MigrationOp& op : f->ops) {
                if (op.line < f->line || (op.kind == MigrationOp::Kind::NotRead && op.why.isEmpty()))
                    __builtin_trap();
                (void)MigrationOpText::describe(op);
                for (const ColumnSpec& column : op.columns)
                    (void)MigrationOpText::describeColumn(column);
            }
        }
    }
    return 0;
}
