#pragma once

namespace sb::cli {

// True when the arguments name a command-line use (export, profiles, --help, --version):
// those run without a display.
bool wantsCommandLine(int argc, char *argv[]);

// Runs the command line; returns the process exit code:
// 0 done; 2 usage or bad input; 3 credentials refused; 4 any other failure.
int run(int argc, char *argv[]);

// Differences: `diff` found some (as diff(1) says 1).
enum ExitCode { Ok = 0, Differences = 1, Usage = 2, AuthRefused = 3, Failure = 4 };

} // namespace sb::cli
