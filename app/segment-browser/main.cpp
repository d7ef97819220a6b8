// Thin: decide between the command line and the window, then hand over.
#include "cli/cli.h"
#include "gui.h"

int main(int argc, char *argv[])
{
    if (sb::cli::wantsCommandLine(argc, argv))
        return sb::cli::run(argc, argv);
    return sb::runGui(argc, argv);
}
