#include "cli.h"

#include "accountcommands.h"
#include "clisupport.h"
#include "interrupts.h"
#include "storeaccess.h"
#include "storecommands.h"

#include "core/http.h"
#include "core/processguard.h"
#include "core/vendorapi.h"
#include "export/exportjob.h"
#include "net/pagefetcher.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilesecrets.h"
#include "secrets/profilestore.h"
#include "vendors/registry.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace sb::cli {

namespace {

QString vendorList()
{
    QStringList ids;
    for (const VendorApi *v : allVendors())
        ids << v->id();
    return ids.join(QStringLiteral(", "));
}

// The display names of the vendors that `uses`, for the help: "Batch, LaunchDarkly".
template<class Predicate> QString vendorsThat(Predicate uses)
{
    QStringList names;
    for (const VendorApi *v : allVendors()) {
        if (uses(*v))
            names << v->displayName();
    }
    return names.join(QStringLiteral(", "));
}

// The command-line option of a profile key: the key in kebab-case ("clientId" -> "client-id").
QString optionName(const QString &key)
{
    QString name;
    for (const QChar c : key) {
        if (c.isUpper() && !name.isEmpty())
            name += QLatin1Char('-');
        name += c.toLower();
    }
    return name;
}

// The keys a vendor's base URL suggestions leave to the profile: "tenant" for "https://{tenant}.x.com".
QStringList urlPlaceholders(const VendorApi &api)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z][A-Za-z0-9]*)\\}"));
    QStringList keys;
    for (const QString &suggestion : api.baseUrlSuggestions()) {
        for (const QRegularExpressionMatch &m : placeholder.globalMatch(suggestion)) {
            if (!keys.contains(m.captured(1)))
                keys << m.captured(1);
        }
    }
    return keys;
}

// Every key a vendor's profile may hold: its fields, then what its base URLs leave to fill in.
QList<ProfileField> profileKeys(const VendorApi &api)
{
    QList<ProfileField> fields = api.profileFields();
    for (const QString &key : urlPlaceholders(api)) {
        if (std::none_of(fields.cbegin(), fields.cend(), [&](const ProfileField &f) { return f.key == key; }))
            fields.append({key, QString(), false});
    }
    return fields;
}

// The base URL from a suggestion with every placeholder filled in from the profile, or empty.
QString filledUrl(QString suggestion, const Profile &profile)
{
    for (auto it = profile.params.cbegin(); it != profile.params.cend(); ++it) {
        if (!it.value().isEmpty())
            suggestion.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    }
    return suggestion.contains(QLatin1Char('{')) ? QString() : suggestion;
}

// ", or flags (LaunchDarkly: the keys of the flags that use the segment)" for the --columns help.
QString usageColumnsHelp()
{
    QStringList parts;
    for (const VendorApi *v : allVendors()) {
        if (v->tracksUsage())
            parts << tr("%1 (%2: the keys of the %3 that use the segment, joined by ;)")
                         .arg(v->usage().field, v->displayName(), v->usage().title.toLower());
    }
    return parts.isEmpty() ? QString() : tr(", or %1").arg(parts.join(QStringLiteral(", ")));
}

QString usageText()
{
    return tr("Usage:\n"
              "  segment-browser [--demo]                 open the window (--demo: on the built-in sandbox)\n"
              "  segment-browser --demo --demo-data faults   the sandbox's awkward test corpus instead\n"
              "  segment-browser export ...               write every segment to CSV (export --help)\n"
              "  segment-browser profiles list            list profiles (never their secrets)\n"
              "  segment-browser profiles add ...         add a profile; the secret is read from standard input\n"
              "  segment-browser profiles remove NAME     remove a profile and its keychain entry\n"
              "  segment-browser profiles import --from-store   take the profiles that sync into the store "
              "(a team's catalog), without their keys\n"
              "  segment-browser sync (--profile NAME)... | --all   keep a snapshot of each profile (sync --help)\n"
              "  segment-browser changes --profile NAME   what the last sync changed, as CSV (changes --help)\n"
              "  segment-browser syncs --profile NAME     the profile's syncs, newest first, as CSV (syncs --help)\n"
              "  segment-browser environments --profile NAME   the projects and environments a LaunchDarkly "
              "token reaches, as CSV\n"
              "  segment-browser diff --profile A --profile B   the segments that differ, as CSV (diff --help)\n"
              "  segment-browser store [use URL | password]   the local file or a team's catalog on PostgreSQL "
              "(store --help)\n"
              "  segment-browser --version | --help\n"
              "\n"
              "Every command that keeps or reads snapshots takes --store URL (or SEGMENT_BROWSER_STORE).\n"
              "\n"
              "Exit codes: 0 done; 2 usage or bad input; 3 the vendor refused the credentials; 4 any other "
              "failure; diff says 1 when the profiles differ.\n");
}

// The options that name a profile's non-secret keys, shared by `export` and `profiles add`: one
// for each key any vendor uses, in the registry's order, its help naming the vendors that use it.
struct ConnectionOptions
{
    struct KeyOption
    {
        QString key;
        QCommandLineOption option;
    };

    QCommandLineOption vendor {QStringLiteral("vendor"), tr("Vendor: %1.").arg(vendorList()), QStringLiteral("V")};
    QCommandLineOption baseUrl {QStringLiteral("base-url"), tr("The API root URL."), QStringLiteral("URL")};
    QList<KeyOption> keys = keyOptions();

    static QList<KeyOption> keyOptions()
    {
        QList<ProfileField> fields; // each key once, described by the first vendor that labels it
        for (const VendorApi *v : allVendors()) {
            for (const ProfileField &f : profileKeys(*v)) {
                const auto known =
                    std::find_if(fields.begin(), fields.end(), [&](const ProfileField &k) { return k.key == f.key; });
                if (known == fields.end())
                    fields.append(f);
                else if (known->label.isEmpty())
                    *known = f;
            }
        }
        QList<KeyOption> options;
        for (const ProfileField &f : std::as_const(fields)) {
            const QString users = vendorsThat([&](const VendorApi &v) {
                const QList<ProfileField> own = profileKeys(v);
                return std::any_of(own.cbegin(), own.cend(), [&](const ProfileField &k) { return k.key == f.key; });
            });
            options.append(
                {f.key,
                 QCommandLineOption(optionName(f.key), tr("%1 (%2).").arg(f.label.isEmpty() ? f.key : f.label, users),
                                    f.valueName.isEmpty() ? f.key.toUpper() : f.valueName)});
        }
        return options;
    }

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({vendor, baseUrl});
        for (const KeyOption &k : keys)
            parser.addOption(k.option);
    }

    // A saved profile with the keys the options name in its place (another project or environment
    // of a LaunchDarkly profile); a key its vendor does not have is a usage error.
    Error override(const QCommandLineParser &parser, const VendorApi &api, Profile *profile) const
    {
        const QList<ProfileField> own = profileKeys(api);
        for (const KeyOption &k : keys) {
            if (!parser.isSet(k.option))
                continue;
            if (std::none_of(own.cbegin(), own.cend(), [&](const ProfileField &f) { return f.key == k.key; }))
                return Error::usage(
                    tr("--%1 is not a setting of %2 profiles").arg(optionName(k.key), api.displayName()));
            const QString value = parser.value(k.option).trimmed();
            if (!isSafeHeaderValue(value.toUtf8()))
                return Error::usage(tr("--%1 must be one line, without line breaks").arg(optionName(k.key)));
            profile->params.insert(k.key, value);
        }
        return {};
    }

    // A profile from the options, checked against what its vendor needs.
    Result<Profile> profile(const QCommandLineParser &parser, const QString &name) const
    {
        Profile p;
        p.name = name;
        p.vendor = parser.value(vendor).trimmed().toLower();
        const VendorApi *api = vendorById(p.vendor);
        if (!api)
            return Error::usage(p.vendor.isEmpty() ? tr("--vendor is required (%1)").arg(vendorList())
                                                   : tr("unknown vendor '%1' (%2)").arg(p.vendor, vendorList()));
        for (const KeyOption &k : keys) {
            if (!parser.isSet(k.option))
                continue;
            const QString value = parser.value(k.option).trimmed();
            // Keys go into headers and URLs: a line break there would forge a header.
            if (!isSafeHeaderValue(value.toUtf8()))
                return Error::usage(tr("--%1 must be one line, without line breaks").arg(optionName(k.key)));
            p.params.insert(k.key, value);
        }
        for (const ProfileField &f : api->profileFields()) {
            if (f.required && p.param(f.key).isEmpty())
                return Error::usage(tr("%1 needs --%2 (%3)").arg(api->displayName(), optionName(f.key), f.label));
        }
        QString url = parser.value(baseUrl).trimmed();
        // The vendor's first documented root that the profile's keys fill in (a tenant, say).
        for (const QString &suggestion : api->baseUrlSuggestions()) {
            if (url.isEmpty())
                url = filledUrl(suggestion, p);
        }
        if (url.isEmpty())
            return Error::usage(
                tr("%1 needs --base-url (for example %2)").arg(api->displayName(), api->baseUrlSuggestions().value(0)));
        p.baseUrl = QUrl(url, QUrl::StrictMode);
        const Error transport = checkTransport(p.baseUrl);
        if (transport.isError())
            return transport;
        return p;
    }
};

QString defaultProfilesPath()
{
    return ProfileStore::defaultPath();
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write every segment of an account (or of a filtered, sorted query) to CSV."));
    parser.addHelpOption();
    ConnectionOptions connection;
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        tr("Use a saved profile; its secret comes from the keychain."),
                                        QStringLiteral("NAME"));
    const QString filtering = vendorsThat([](const VendorApi &v) { return v.filtersOnServer(); });
    const QString sorting = vendorsThat([](const VendorApi &v) { return !v.sortFields().isEmpty(); });
    const QCommandLineOption filterOpt(QStringLiteral("filter"),
                                       tr("Server-side filter, in the vendor's filter language (%1).").arg(filtering),
                                       QStringLiteral("EXPR"));
    const QCommandLineOption sortOpt(QStringLiteral("sort"),
                                     tr("Server-side sort (%1): fields by comma, - before one for descending, e.g. "
                                        "-lastModified,name.")
                                         .arg(sorting),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption columnsOpt(
        QStringLiteral("columns"),
        tr("Columns in order, comma separated (default: the vendor's columns); any field of the vendor's "
           "record may be named, e.g. rules or owner.id%1.")
            .arg(usageColumnsHelp()),
        QStringLiteral("a,b,c"));
    const QCommandLineOption pageSizeOpt(QStringLiteral("page-size"), tr("Segments per request."), QStringLiteral("N"));
    const QCommandLineOption bomOpt(QStringLiteral("bom"), tr("Start the file with a UTF-8 byte order mark."));
    const QCommandLineOption noGuardOpt(QStringLiteral("no-formula-guard"),
                                        tr("Do not prefix cells that a spreadsheet would run as formulas."));
    const QCommandLineOption outputOpt({QStringLiteral("output"), QStringLiteral("o")},
                                       tr("The CSV file to write, or - for standard output."), QStringLiteral("FILE"));
    parser.addOption(profileOpt);
    connection.addTo(parser);
    const QCommandLineOption offlineOpt(
        QStringLiteral("offline"),
        tr("Write the profile's last synced snapshot (see: segment-browser sync), without any network access."));
    const QCommandLineOption allProfilesOpt(
        QStringLiteral("all-profiles"),
        tr("With --offline: every synced profile's segments in one file, with vendor, account and environment "
           "columns (default columns: vendor,account,environment,key,name,description,tags,created,modified,"
           "last_changed; any field of the vendors' records may be added)."));
    parser.addOptions(
        {filterOpt, sortOpt, columnsOpt, pageSizeOpt, bomOpt, noGuardOpt, offlineOpt, allProfilesOpt, outputOpt});
    const auto csvOptions = [&](const QCommandLineParser &p) {
        CsvOptions csv;
        csv.bom = p.isSet(bomOpt);
        csv.formulaGuard = !p.isSet(noGuardOpt);
        return csv;
    };

    err() << Qt::flush;

    if (!parser.parse(QStringList {QStringLiteral("segment-browser export")} + args))
        return fail(Usage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QStringList secrets;
        for (const VendorApi *v : allVendors())
            secrets << tr("%1: %2").arg(v->displayName(), v->secretLabel());
        out() << parser.helpText()
              << tr("\nThe secret: with --profile, from the keychain; otherwise from the "
                    "environment variable SEGMENT_BROWSER_SECRET (%1).\n")
                     .arg(secrets.join(QStringLiteral("; ")));
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(Usage, tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(outputOpt))
        return fail(Usage, tr("--output FILE (or - for standard output) is required"));
    const QString columnSpec = parser.isSet(columnsOpt) ? parser.value(columnsOpt) : QString();
    if (parser.isSet(allProfilesOpt)) {
        if (!parser.isSet(offlineOpt))
            return fail(Usage,
                        tr("--all-profiles reads the local store: add --offline (segment-browser sync --all "
                           "brings it up to date)"));
        if (parser.isSet(profileOpt) || parser.isSet(connection.vendor) || parser.isSet(connection.baseUrl))
            return fail(Usage, tr("--all-profiles writes every profile: leave out --profile, --vendor and --base-url"));
    }
    if (parser.isSet(offlineOpt)) {
        if (!parser.isSet(profileOpt) && !parser.isSet(allProfilesOpt))
            return fail(Usage, tr("--offline writes a saved profile's snapshot: name it with --profile"));
        for (const QCommandLineOption *live : {&filterOpt, &sortOpt, &pageSizeOpt}) {
            if (parser.isSet(*live))
                return fail(
                    Usage,
                    tr("--%1 asks the vendor's server; it does not go with --offline").arg(live->names().constFirst()));
        }
    }

    if (parser.isSet(allProfilesOpt))
        return exportAllProfiles(columnSpec, csvOptions(parser), parser.value(outputOpt));

    Profile profile;
    QString secret;
    if (parser.isSet(profileOpt)) {
        if (parser.isSet(connection.vendor) || parser.isSet(connection.baseUrl))
            return fail(Usage, tr("use either --profile or --vendor/--base-url, not both"));
        const Result<SavedProfile> saved = savedProfile(parser.value(profileOpt));
        if (!saved)
            return fail(Usage, saved.error().message);
        profile = saved.value().profile;
        if (const Error e = connection.override(parser, *saved.value().vendor, &profile); e.isError())
            return fail(Usage, e.message);
        if (parser.isSet(offlineOpt))
            return exportOffline(profile, columnSpec, csvOptions(parser), parser.value(outputOpt));
        const Result<QString> fromKeychain = keychainSecret(profile);
        if (!fromKeychain)
            return fail(Usage, fromKeychain.error().message);
        secret = fromKeychain.value();
    } else {
        const Result<Profile> p = connection.profile(parser, QStringLiteral("command line"));
        if (!p)
            return fail(Usage, p.error().message);
        profile = p.value();
        secret = environmentSecret(); // taken out of the environment at start (guardProcess())
        if (secret.isEmpty())
            return fail(Usage, tr("no secret: set SEGMENT_BROWSER_SECRET, or use --profile"));
    }
    const Error secretError = SecretStore::validateSecret(secret);
    if (secretError.isError())
        return fail(Usage, secretError.message);

    const VendorApi *api = vendorById(profile.vendor);
    if (!api)
        return fail(Usage, tr("unknown vendor '%1' in profile '%2'").arg(profile.vendor, profile.name));
    Query query;
    query.filter = parser.value(filterOpt).trimmed();
    query.sort = parser.value(sortOpt).trimmed();
    if (!query.filter.isEmpty() && !api->filtersOnServer())
        return fail(Usage,
                    tr("%1 does not filter on the server; --filter is for %2").arg(api->displayName(), filtering));
    if (!query.sort.isEmpty() && api->sortFields().isEmpty())
        return fail(Usage, tr("%1 does not sort on the server; --sort is for %2").arg(api->displayName(), sorting));

    ExportOptions options;
    options.csv = csvOptions(parser);
    if (parser.isSet(pageSizeOpt)) {
        bool ok = false;
        options.pageSize = parser.value(pageSizeOpt).toInt(&ok);
        if (!ok || options.pageSize < 1 || options.pageSize > api->maxPageSize())
            return fail(
                Usage,
                tr("--page-size must be a number from 1 to %1 for %2").arg(api->maxPageSize()).arg(api->displayName()));
    }
    const Result<QList<Column>> columns = exportColumns(*api, columnSpec, &options.columns);
    if (!columns)
        return fail(Usage, columns.error().message);

    PageFetcher fetcher(api, profile, secret);
    fetcher.setQuery(query);
    // A bad filter, sort or URL is the user's to fix: say so before any request goes out.
    const Result<HttpRequest> probe = fetcher.describeRequest(Cursor {}, options.pageSize, QStringLiteral("-"));
    if (!probe)
        return fail(Usage, probe.error().message);
    // Who uses each segment, before the first row is written: a walk of its own.
    if (const Error e = addUsageColumn(*api, profile, secret, columns.value(), &options); e.isError())
        return fail(exitCodeFor(e), e.toString());

    const QString output = parser.value(outputOpt);
    ExportJob job(&fetcher, columns.value(), output, options);
    const bool showProgress = stderrIsTerminal() && output != QLatin1String("-");
    QObject::connect(&job, &ExportJob::progress, &job, [&](qint64 rows, qint64 total) {
        if (!showProgress)
            return;
        if (total >= 0)
            err() << "\r" << tr("%1 of %2 segments").arg(rows).arg(total) << Qt::flush;
        else
            err() << "\r" << tr("%1 segments").arg(rows) << Qt::flush;
    });
    QObject::connect(&job, &ExportJob::stalled, &job, [&](qint64 quietMs, qint64 giveUpInMs) {
        if (showProgress)
            err() << "\r"
                  << tr("%1 has not answered for %2 s; giving up in %3 s")
                         .arg(api->displayName())
                         .arg(quietMs / 1000)
                         .arg((giveUpInMs + 999) / 1000)
                  << Qt::flush;
    });
    QObject::connect(&job, &ExportJob::retrying, &job, [&](const Error &reason, int delayMs) {
        if (showProgress)
            err() << "\r" << retryNotice(reason, api->displayName(), delayMs) << Qt::endl;
    });
    QStringList warnings;
    QObject::connect(&job, &ExportJob::warning, &job, [&](const QString &text) { warnings.append(text); });
    const Result<qint64> written = runToEnd(job);
    if (showProgress)
        err() << "\r" << Qt::flush;
    // Always, terminal or not: a script's log should show that the server contradicted itself.
    for (const QString &text : std::as_const(warnings))
        err() << "segment-browser: warning: " << text << Qt::endl;
    if (!written)
        return fail(exitCodeFor(written.error()), written.error().toString());
    if (showProgress)
        err() << tr("Wrote %1 segments to %2").arg(written.value()).arg(output) << Qt::endl;
    return Ok;
}

int profilesList()
{
    ProfileStore store(defaultProfilesPath());
    if (store.loadError().isError())
        return fail(Failure, store.loadError().message);
    for (const Profile &p : store.profiles()) {
        QStringList params;
        for (auto it = p.params.cbegin(); it != p.params.cend(); ++it)
            params << it.key() + QLatin1Char('=') + it.value();
        out() << p.name << '\t' << p.vendor << '\t' << p.baseUrl.toDisplayString() << '\t'
              << params.join(QLatin1Char(' ')) << Qt::endl;
    }
    return Ok;
}

int profilesAdd(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Add a profile. The secret (API key, token or client secret) is read from "
                                        "standard input, never from the command line, and kept in the keychain."));
    parser.addHelpOption();
    const QCommandLineOption nameOpt(QStringLiteral("name"), tr("The profile's name."), QStringLiteral("N"));
    parser.addOption(nameOpt);
    ConnectionOptions connection;
    connection.addTo(parser);
    if (!parser.parse(QStringList {QStringLiteral("segment-browser profiles add")} + args))
        return fail(Usage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Ok;
    }
    const QString name = parser.value(nameOpt).trimmed();
    const Error nameError = ProfileStore::validateName(name);
    if (nameError.isError())
        return fail(Usage, nameError.message);
    const Result<Profile> profile = connection.profile(parser, name);
    if (!profile)
        return fail(Usage, profile.error().message);
    ProfileStore store(defaultProfilesPath());
    if (store.contains(name))
        return fail(Usage, tr("a profile named '%1' exists already").arg(name));

    // The secret: one line of standard input, without its line break.
    const QString secret =
        readSecretLine(tr("%1 of %2: ").arg(vendorById(profile.value().vendor)->secretLabel(), name));
    const Error secretError = SecretStore::validateSecret(secret);
    if (secretError.isError())
        return fail(Usage, secretError.message);

    KeychainSecretStore keychain;
    const SecretResult probe = keychain.waitFor(keychain.probe());
    if (!probe.ok())
        return fail(Usage,
                    tr("no usable keychain, so the secret was not stored anywhere: %1").arg(probe.error.message));
    const SecretResult written = keychain.waitFor(keychain.write(profile.value().secretKey(), secret));
    if (!written.ok())
        return fail(Usage, written.error.message);
    const Error added = store.add(profile.value());
    if (added.isError()) {
        keychain.waitFor(keychain.remove(profile.value().secretKey()));
        return fail(Usage, added.message);
    }
    err() << tr("Added profile '%1' (%2); its secret is in the keychain.").arg(name, profile.value().vendor)
          << Qt::endl;
    return Ok;
}

int profilesRemove(const QStringList &args)
{
    if (args.size() != 1)
        return fail(Usage, tr("usage: segment-browser profiles remove NAME"));
    ProfileStore store(defaultProfilesPath());
    KeychainSecretStore keychain;
    QEventLoop loop;
    Error result;
    removeProfileAndSecret(store, keychain, args.constFirst(), &loop, [&](const Error &e) {
        result = e;
        loop.quit();
    });
    loop.exec();
    if (result.isError())
        return fail(exitCodeFor(result) == Failure ? Failure : Usage, result.message);
    // Its snapshots go with it; a store that cannot be opened has none to lose.
    if (const Error e = forgetSnapshots(args.constFirst()); e.isError())
        return fail(Failure, tr("the profile was removed, but not its snapshots: %1").arg(e.message));
    return Ok;
}

int runProfiles(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return profilesList();
    if (sub == QLatin1String("add"))
        return profilesAdd(args.mid(1));
    if (sub == QLatin1String("remove"))
        return profilesRemove(args.mid(1));
    if (sub == QLatin1String("import"))
        return importProfiles(args.mid(1));
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << usageText();
        return sub.isEmpty() ? Usage : Ok;
    }
    return fail(Usage, tr("unknown profiles command '%1' (list, add, remove, import)").arg(sub));
}

} // namespace

int runCommand(const QStringList &args);

bool wantsCommandLine(int argc, char *argv[])
{
    // The command comes first, or after --store URL.
    int first = 1;
    if (argc > 2 && std::strcmp(argv[1], "--store") == 0)
        first = 3;
    else if (argc > 1 && std::strncmp(argv[1], "--store=", 8) == 0)
        first = 2;
    if (argc > first) {
        for (const char *command :
             {"export", "profiles", "sync", "syncs", "changes", "environments", "diff", "store"}) {
            if (std::strcmp(argv[first], command) == 0)
                return true;
        }
    }
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0 || std::strcmp(a, "--version") == 0
            || std::strcmp(a, "-v") == 0)
            return true;
    }
    return false;
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("segment-browser"));
    QCoreApplication::setOrganizationName(QStringLiteral("segment-browser"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    // Standard error is for the command's own messages; the program's informational log (retries,
    // keychain start-up) stays quiet unless asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("sb.*.info=false"));
    const QStringList args = app.arguments().mid(1);
    // From here on, SIGINT, SIGTERM and SIGHUP cancel the command cleanly (Interrupts).
    Interrupts::instance();
    const int code = runCommand(args);
    if (const int signal = Interrupts::instance()->received())
        return 128 + signal;
    return code;
}

int runCommand(const QStringList &allArgs)
{
    // --store applies to every command that reads or writes the store.
    const Result<QStringList> withoutStore = takeStoreOption(allArgs);
    if (!withoutStore)
        return fail(Usage, withoutStore.error().message);
    const QStringList &args = withoutStore.value();
    const QString command = args.value(0);
    if (command == QLatin1String("store"))
        return runStore(args.mid(1));
    if (command == QLatin1String("export"))
        return runExport(args.mid(1));
    if (command == QLatin1String("profiles"))
        return runProfiles(args.mid(1));
    if (command == QLatin1String("sync"))
        return runSync(args.mid(1));
    if (command == QLatin1String("changes"))
        return runChanges(args.mid(1));
    if (command == QLatin1String("syncs"))
        return runSyncs(args.mid(1));
    if (command == QLatin1String("environments"))
        return runEnvironments(args.mid(1));
    if (command == QLatin1String("diff"))
        return runDiff(args.mid(1));
    if (args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v"))) {
        out() << "segment-browser " << kVersion << Qt::endl;
        return Ok;
    }
    out() << usageText();
    return Ok;
}

} // namespace sb::cli
