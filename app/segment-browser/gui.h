#pragma once

namespace sb {

// The window: QApplication, the main window, and with --demo the built-in sandbox.
int runGui(int argc, char *argv[]);

} // namespace sb
