// Thin: decide between the command line and the window, then hand over.
#include "cli/cli.h"
#include "core/processguard.h"
#include "gui.h"

int main(int argc, char *argv[])
{
    // Before anything reads a secret: no core dumps, and the environment's secret taken out of it.
    sb::guardProcess();
    if (sb::cli::wantsCommandLine(argc, argv))
        return sb::cli::run(argc, argv);
    return sb::runGui(argc, argv);
}
