#pragma once

#include "cli.h"

#include "core/error.h"
#include "core/profile.h"
#include "core/result.h"
#include "core/segment.h"

#include <QTextStream>

namespace sb {
class ExportJob;
class VendorApi;
} // namespace sb

// What the commands of the command line share: their output streams, one-line failures and
// exit codes, and reading a saved profile, its secret and the --columns option.
namespace sb::cli {

QString tr(const char *text);
QTextStream &err();
QTextStream &out();
// Prints "segment-browser: MESSAGE" on one line and returns `code`.
int fail(int code, const QString &message);
int exitCodeFor(const Error &error);
bool stderrIsTerminal();

// The saved profile `name`, with its vendor; a usage error says how to list the profiles.
struct SavedProfile
{
    Profile profile;
    const VendorApi *vendor = nullptr;
};
Result<SavedProfile> savedProfile(const QString &name);
// The profile's secret from the keychain.
Result<QString> keychainSecret(const Profile &profile);

// The columns of an export: the vendor's own, followed by any record fields `spec` names
// ("key,name,rules"); `order` receives the output order as indexes into the returned list.
// An empty spec: every vendor column, in order.
Result<QList<Column>> exportColumns(const VendorApi &vendor, const QString &spec, QList<int> *order);

// Starts `job` and waits for its end: the rows written, or why it failed.
Result<qint64> runToEnd(ExportJob &job);

} // namespace sb::cli
