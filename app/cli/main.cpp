// retort-cli: the headless face of Retort's model, for scripts, tests and CI.
#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();

    const retort::Result<retort::cli::Invocation> invocation = retort::cli::parseInvocation(args);
    if (!invocation) {
        err << "retort-cli: " << invocation.error() << "\n\n" << retort::cli::usage();
        return retort::cli::Usage;
    }
    const int rc = retort::cli::run(*invocation, out, err);
    out.flush();
    err.flush();
    return rc;
}
