#include "clisupport.h"
#include "interrupts.h"

#include "core/vendorapi.h"
#include "export/exportjob.h"
#include "net/accountwalk.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilestore.h"
#include "vendors/registry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace sb::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::cli", text);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    if (!parser.parse(QStringList {QStringLiteral("segment-browser ") + command} + args))
        return fail(Usage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(Usage, tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    return std::nullopt;
}

int fail(int code, const QString &message)
{
    // One line: the caller's scripts grep it.
    // One line, and nothing a vendor or a file put in it can steer the terminal.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1String(" "));
    line = visibleText(line);
    err() << "segment-browser: " << line << Qt::endl;
    return code;
}

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::None:
        return Ok;
    case Error::Kind::Usage:
        return Usage;
    case Error::Kind::Auth:
        return AuthRefused;
    default:
        return Failure;
    }
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) == 1;
}

Result<SavedProfile> savedProfile(const QString &name)
{
    ProfileStore store(ProfileStore::defaultPath());
    const std::optional<Profile> saved = store.profile(name);
    if (!saved)
        return Error::usage(tr("no profile named '%1' (see: segment-browser profiles list)").arg(name));
    const VendorApi *vendor = vendorById(saved->vendor);
    if (!vendor)
        return Error::usage(tr("unknown vendor '%1' in profile '%2'").arg(saved->vendor, saved->name));
    return SavedProfile {*saved, vendor};
}

Result<QString> keychainSecret(const Profile &profile)
{
    KeychainSecretStore keychain;
    const SecretResult r = keychain.waitFor(keychain.read(profile.secretKey()));
    if (!r.ok())
        return Error::usage(tr("no secret for profile '%1': %2").arg(profile.name, r.error.message));
    return r.secret;
}

Result<QList<Column>> exportColumns(const VendorApi &vendor, const QString &spec, QList<int> *order)
{
    QList<Column> columns = vendor.columns();
    order->clear();
    if (spec.isNull()) {
        for (int i = 0; i < columns.size(); ++i)
            order->append(i);
        return columns;
    }
    QStringList known;
    for (const Column &c : columns)
        known << c.field;
    for (const QString &raw : spec.split(QLatin1Char(','))) {
        const QString name = raw.trimmed();
        if (!isWellFormedFieldPath(name))
            return Error::usage(tr("malformed column name '%1' in --columns: use field names such as %2 or owner.id, "
                                   "separated by commas")
                                    .arg(name, known.value(0)));
        qsizetype i = known.indexOf(name);
        if (i < 0) {
            // Any other field of the vendor's record; cells are empty where a record lacks it. The
            // vendor's usage column is text the program writes (addUsageColumn).
            const bool usage = vendor.tracksUsage() && name == vendor.usage().field;
            i = known.size();
            known << name;
            columns.append(Column {name, usage ? ValueType::String : ValueType::Json});
        }
        order->append(int(i));
    }
    return columns;
}

namespace {

// Runs a walk of the account to its end in a local event loop.
template<class Walk, class Value> Result<Value> waitForWalk(Walk &walk)
{
    QEventLoop loop;
    std::optional<Value> value;
    Error failure;
    QObject::connect(&walk, &Walk::finished, &loop, [&](const Value &v) {
        value = v;
        loop.quit();
    });
    QObject::connect(&walk, &Walk::failed, &loop, [&](const Error &e) {
        failure = e;
        loop.quit();
    });
    walk.start();
    loop.exec();
    if (failure.isError() || !value)
        return failure.isError() ? failure : Error::network(tr("the walk ended without an answer"));
    return *value;
}

} // namespace

Result<QList<ScopeGroup>> discoverScopes(const VendorApi &vendor, const Profile &profile, const QString &secret)
{
    ScopeDiscovery discovery(&vendor, profile, secret);
    return waitForWalk<ScopeDiscovery, QList<ScopeGroup>>(discovery);
}

Result<SegmentUsage> walkUsage(const VendorApi &vendor, const Profile &profile, const QString &secret)
{
    UsageWalk walk(&vendor, profile, secret);
    return waitForWalk<UsageWalk, SegmentUsage>(walk);
}

Error addUsageColumn(const VendorApi &vendor, const Profile &profile, const QString &secret,
                     const QList<Column> &columns, ExportOptions *options)
{
    const int column = usageColumnIndex(vendor, columns, options->columns);
    if (column < 0)
        return {};
    const Result<SegmentUsage> usage = walkUsage(vendor, profile, secret);
    if (!usage) {
        Error error = usage.error();
        error.message = tr("%1 column: %2").arg(vendor.usage().field, error.message);
        return error;
    }
    options->derived.insert(column, usageCell(&vendor, usage.value()));
    return {};
}

Result<qint64> runToEnd(ExportJob &job)
{
    QEventLoop loop;
    Error failure;
    qint64 written = 0;
    QObject::connect(&job, &ExportJob::finished, &loop, [&](qint64 rows) {
        written = rows;
        loop.quit();
    });
    QObject::connect(&job, &ExportJob::failed, &loop, [&](const Error &e) {
        failure = e;
        loop.quit();
    });
    // Ctrl+C, a kill, a closed terminal: the job is cancelled, and its temporary file goes with it.
    QObject::connect(Interrupts::instance(), &Interrupts::interrupted, &job, [&job] { job.cancel(); });
    // Opening the target (a FIFO may wait for its reader) keeps the signals' default effect.
    job.start();
    // A target that cannot be opened fails inside start(), before the loop could see quit().
    if (job.isRunning()) {
        const Interrupts::Listening listening;
        loop.exec();
    }
    if (failure.kind == Error::Kind::Cancelled && Interrupts::instance()->received())
        failure.message =
            tr("interrupted by %1; nothing was written").arg(Interrupts::name(Interrupts::instance()->received()));
    if (failure.isError())
        return failure;
    return written;
}

// Writes `rows` as CSV to `path` ("-": standard output). A file appears only when complete.
Error writeCsv(const QString &path, const CsvOptions &options, const QList<QStringList> &rows)
{
    Result<std::unique_ptr<QFileDevice>> device = openOutput(path);
    if (!device)
        return device.error();
    CsvWriter writer(device.value().get(), options);
    for (const QStringList &row : rows) {
        if (!writer.writeRow(row))
            return Error::storage(tr("Cannot write %1: %2").arg(path, writer.errorString()));
    }
    return finishOutput(device.value().get(), path);
}

// One line of standard input, without its line break. Typed at a terminal, after `prompt` and
// without echo: a password never shows on the screen or stays in its scrollback.
QString readSecretLine(const QString &prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        err() << prompt << Qt::flush;
    }
    QFile in;
    QByteArray line;
    if (in.open(stdin, QIODevice::ReadOnly))
        line = in.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << Qt::endl;
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace sb::cli
