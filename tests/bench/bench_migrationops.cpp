// Benchmark of MigrationOpsReader (not part of ctest's verdict):
//   bench_migrationops [VERSIONS_DIR] [FILES]
// reads the .py files of VERSIONS_DIR (default: the demo project's) over and over until FILES
// files (default 10,000) have been read, from memory (decoding and disk apart), and prints the
// time; then the time of bodies built to be slow (100,000 lines; 100,000 columns in one call;
// 100,000 lines skimmed inside 100 nested blocks).
#include "model/migration/migrationops.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

using namespace retort;

namespace {

QString upgradeModule(const QString& body)
{
    QString text = QStringLiteral("from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n");
    text += body;
    return text;
}

void timed(QTextStream& out, const char* what, const QString& text)
{
    QElapsedTimer timer;
    timer.start();
    const MigrationOps ops = MigrationOpsReader::read(text);
    out << what << ": " << timer.elapsed() << " ms (" << text.size() / 1024 << " KB, "
        << ops.upgrade.ops.size() << " operations)\n";
}

} // namespace

int main(int argc, char** argv)
{
    QTextStream out(stdout);
    const QString dirName = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                     : QStringLiteral(RETORT_SOURCE_DIR
                                                      "/resources/demo/migrations/versions");
    const int files = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 10000;
    const QDir dir(dirName);
    QStringList texts;
    for (const QString& name : dir.entryList({QStringLiteral("*.py")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            texts << QString::fromUtf8(file.readAll());
    }
    if (texts.isEmpty() || files <= 0) {
        out << "no .py files in " << dirName << "\n";
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 ops = 0;
    for (int i = 0; i < files; ++i) {
        const MigrationOps read = MigrationOpsReader::read(texts.at(i % texts.size()));
        ops += read.upgrade.ops.size() + read.downgrade.ops.size();
    }
    const qint64 ms = timer.elapsed();
    out << files << " files (" << texts.size() << " distinct) in " << ms << " ms: "
        << (ms * 1000.0 / files) << " us a file, " << ops << " operations\n";

    QString lines;
    for (int i = 0; i < 100000; ++i)
        lines += QStringLiteral("    op.add_column('t', sa.Column('c%1', sa.Integer()))\n").arg(i);
    timed(out, "100,000 lines", upgradeModule(lines));
    QString columns = QStringLiteral("    op.create_table('t',\n");
    for (int i = 0; i < 100000; ++i)
        columns += QStringLiteral("        sa.Column('c%1', sa.String(8)),\n").arg(i);
    timed(out, "100,000 columns in one call", upgradeModule(columns + QStringLiteral("    )\n")));
    QString nested;
    for (int i = 0; i < 100; ++i)
        nested += QStringLiteral(" ").repeated(4 + i) + QStringLiteral("if x:\n");
    for (int i = 0; i < 100000; ++i)
        nested += QStringLiteral(" ").repeated(104) + QStringLiteral("op.drop_table('t')\n");
    timed(out, "100,000 lines in 100 nested blocks", upgradeModule(nested));
    return 0;
}
