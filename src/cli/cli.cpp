#include "cli.h"

#include "version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace sb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::cli", text);
}

QString usageText()
{
    return tr("Usage:\n"
              "  segment-browser [--demo]             open the window (--demo: on the built-in sandbox)\n"
              "  segment-browser export ...           export all segments to CSV (see export --help)\n"
              "  segment-browser profiles list|add|remove ...   manage profiles (see profiles --help)\n"
              "  segment-browser --version | --help\n");
}

} // namespace

bool wantsCommandLine(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0 || std::strcmp(a, "--version") == 0
            || std::strcmp(a, "-v") == 0)
            return true;
    }
    return argc > 1 && (std::strcmp(argv[1], "export") == 0 || std::strcmp(argv[1], "profiles") == 0);
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("segment-browser"));
    QCoreApplication::setOrganizationName(QStringLiteral("segment-browser"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments().mid(1);

    if (args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v"))) {
        out << "segment-browser " << kVersion << Qt::endl;
        return Ok;
    }
    if (args.isEmpty() || args.first().startsWith(QLatin1Char('-'))) {
        out << usageText();
        return Ok;
    }
    err << tr("segment-browser: '%1' is not available yet").arg(args.first()) << Qt::endl;
    return Usage;
}

} // namespace sb::cli
