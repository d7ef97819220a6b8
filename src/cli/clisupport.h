#pragma once

#include "cli.h"

#include "core/error.h"
#include "core/profile.h"
#include "core/result.h"
#include "core/segment.h"
#include "core/segmentusage.h"
#include "export/csvwriter.h"
#include "export/outputfile.h"

#include <QCommandLineParser>
#include <QFileDevice>

#include <memory>
#include <optional>

#include <QTextStream>

namespace sb {
class ExportJob;
struct ExportOptions;
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
// Parses a command's arguments (`command`: "diff", "syncs"…): the exit code when that is all there
// is to do (a usage error, or --help printed), nullopt when the command goes on. No positional
// arguments are taken.
std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &args);
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
// One line of standard input (a secret), without its line break; typed at a terminal, after
// `prompt` on standard error and without echo.
QString readSecretLine(const QString &prompt);

// The columns of an export: the vendor's own, followed by any record fields `spec` names
// ("key,name,rules"); `order` receives the output order as indexes into the returned list.
// An empty spec: every vendor column, in order.
Result<QList<Column>> exportColumns(const VendorApi &vendor, const QString &spec, QList<int> *order);

// Writes `rows` as CSV to `path` ("-": standard output). A file appears only when complete.
Error writeCsv(const QString &path, const CsvOptions &options, const QList<QStringList> &rows);

// Every place the profile's secret reaches (VendorApi::scopes()), walked to the end.
Result<QList<ScopeGroup>> discoverScopes(const VendorApi &vendor, const Profile &profile, const QString &secret);
// Who uses each segment of the profile's scope (VendorApi::usage()), walked to the end.
Result<SegmentUsage> walkUsage(const VendorApi &vendor, const Profile &profile, const QString &secret);
// When the export's chosen columns (options->columns into `columns`) hold the vendor's usage column
// ("flags"), walks the usage and fills that column's cells; an error when the walk fails.
Error addUsageColumn(const VendorApi &vendor, const Profile &profile, const QString &secret,
                     const QList<Column> &columns, ExportOptions *options);

// Starts `job` and waits for its end: the rows written, or why it failed.
Result<qint64> runToEnd(ExportJob &job);

} // namespace sb::cli
