#pragma once

#include "core/error.h"
#include "core/result.h"

#include <QFileDevice>
#include <QString>

#include <memory>

namespace sb {

// Where a CSV goes, for every writer of one (the export, the command line, the grid, Compare):
// "-" is standard output; a FIFO, terminal or other device is written straight into, as a
// shell's > does (it must not be replaced by a regular file); anything else is a regular file
// that appears whole or not at all (a temporary file beside it, renamed over it once complete).
Result<std::unique_ptr<QFileDevice>> openOutput(const QString &path);
// Flushes and checks every byte before the file takes the target's place: a full disk is an error
// in the system's words ("No space left on device"), and the old file stays as it was.
Error finishOutput(QFileDevice *device, const QString &path);
// Gives up on a file from openOutput(): a temporary file goes, the target stays as it was.
void abandonOutput(QFileDevice *device);

} // namespace sb
