#include "storecommands.h"

#include "clisupport.h"
#include "interrupts.h"

#include "core/vendorapi.h"
#include "export/estatecsv.h"
#include "export/exportjob.h"
#include "secrets/profilestore.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "storeaccess.h"
#include "vendors/registry.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <memory>

namespace sb::cli {

namespace {

// Summaries are read by people and by scripts alike: one fixed way to write numbers.
QString number(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

Result<std::unique_ptr<SegmentStore>> openStore()
{
    return openChosenStore();
}

// The store this run uses, for help texts.
QString chosenStoreText()
{
    const Result<ChosenStore> chosen = chosenStore();
    return chosen ? chosen.value().location.displayUrl() : chosen.error().message;
}

QString summary(const QString &name, const SyncRun &run)
{
    const QString rows = run.rows == 1 ? tr("1 segment") : tr("%1 segments").arg(number(run.rows));
    // The same shape every time, for scripts; the first sync has nothing before it to differ from.
    const QString line = tr("%1: %2; %3 added, %4 removed, %5 changed")
                             .arg(name, rows, number(run.added), number(run.removed), number(run.changed));
    return run.baseline ? tr("%1 (the first sync)").arg(line) : line;
}

} // namespace

int importProfiles(const QStringList &args)
{
    if (args != QStringList {QStringLiteral("--from-store")})
        return fail(Usage,
                    tr("profiles import takes --from-store: the profiles that sync into the store (name "
                       "another store with --store URL)"));
    Result<std::unique_ptr<SegmentStore>> store = openStore();
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);
    const Result<QList<SharedProfile>> shared = store.value()->sharedProfiles();
    if (!shared)
        return fail(exitCodeFor(shared.error()), shared.error().message);
    ProfileStore profiles(ProfileStore::defaultPath());
    if (profiles.loadError().isError())
        return fail(Failure, profiles.loadError().message);
    QList<Profile> known;
    QHash<QString, const SharedProfile *> byName;
    for (const SharedProfile &s : shared.value()) {
        if (vendorById(s.profile.vendor)) {
            known.append(s.profile);
            byName.insert(s.profile.name, &s);
        } else {
            err() << tr("%1: not imported: this Segment Browser does not know the vendor '%2'")
                         .arg(s.profile.name, s.profile.vendor)
                  << Qt::endl;
        }
    }
    const ProfileStore::Import result = profiles.importProfiles(known);
    for (const QString &name : result.alreadyHere)
        err() << tr("%1: a profile of that name is here already; it was left as it is").arg(name) << Qt::endl;
    for (const auto &[name, why] : result.refused)
        err() << tr("%1: not imported: %2").arg(name, why) << Qt::endl;
    for (const QString &name : result.added) {
        const SharedProfile &s = *byName.value(name);
        const QString who = s.user.isEmpty() ? QString() : tr(" by %1").arg(s.user);
        const VendorApi *vendor = vendorById(s.profile.vendor);
        err() << tr("%1: imported (%2 at %3, last synced %4%5)")
                     .arg(name, vendor->displayName(), s.profile.baseUrl.toDisplayString(),
                          s.updated.toString(Qt::ISODate), who)
              << Qt::endl;
        // Whoever can write to the store chose this address: the key added later goes there.
        if (!vendor->hasDocumentedHost(s.profile))
            err() << tr("%1: its address is not one %2 documents; check it before you add a key")
                         .arg(name, vendor->displayName())
                  << Qt::endl;
    }
    const qsizetype imported = result.added.size();
    if (shared.value().isEmpty())
        err() << tr("No profile has synced into %1 yet.").arg(store.value()->path()) << Qt::endl;
    else if (imported > 0)
        err() << tr("Their keys are not on this computer: their snapshots can be browsed, searched, compared and "
                    "exported offline; add a key in the window (File > Profiles…) to sync one.")
              << Qt::endl;
    return Ok;
}

Error forgetSnapshots(const QString &profile)
{
    // A team's catalog is everyone's: a profile removed from this machine keeps its history there.
    const Result<ChosenStore> chosen = chosenStore();
    if (!chosen || chosen.value().location.kind != StoreLocation::Kind::SqliteFile
        || !QFile::exists(chosen.value().location.path))
        return {};
    SegmentStore store(chosen.value().location);
    if (const Error e = store.open(); e.isError())
        return e;
    return store.removeProfile(profile);
}

int runSync(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Walk every segment of each profile and keep it as the profile's snapshot in the local store, "
           "noting what changed since the last sync. A sync that fails leaves the previous snapshot as it was."));
    parser.addHelpOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("A saved profile to sync (may be repeated)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption allOpt(QStringLiteral("all"), tr("Sync every saved profile."));
    parser.addOptions({profileOpt, allOpt});
    if (!parser.parse(QStringList {QStringLiteral("segment-browser sync")} + args))
        return fail(Usage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText()
              << tr("\nOne line per profile on standard error, e.g. \"prod: 1,234 segments; 3 added, 1 removed, 2 "
                    "changed\".\nThe store: %1\n")
                     .arg(chosenStoreText());
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(Usage, tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(allOpt) == parser.isSet(profileOpt))
        return fail(Usage, tr("name the profiles with --profile NAME (one or more), or use --all"));

    QList<SavedProfile> profiles;
    if (parser.isSet(allOpt)) {
        ProfileStore store(ProfileStore::defaultPath());
        for (const Profile &p : store.profiles()) {
            const Result<SavedProfile> saved = savedProfile(p.name);
            if (!saved)
                return fail(Usage, saved.error().message);
            profiles.append(saved.value());
        }
        if (profiles.isEmpty())
            return fail(Usage, tr("there are no profiles to sync (see: segment-browser profiles add)"));
    } else {
        for (const QString &name : parser.values(profileOpt)) {
            const Result<SavedProfile> saved = savedProfile(name);
            if (!saved)
                return fail(Usage, saved.error().message);
            profiles.append(saved.value());
        }
    }
    Result<std::unique_ptr<SegmentStore>> store = openStore();
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);

    // The window's scheduler: profiles on different hosts side by side, one host's one at a time.
    SyncScheduler syncs(store.value().get());
    int worst = Ok;
    QEventLoop loop;
    QObject::connect(&syncs, &SyncScheduler::finished, &loop,
                     [](const QString &name, const SyncRun &run) { err() << summary(name, run) << Qt::endl; });
    QObject::connect(&syncs, &SyncScheduler::failed, &loop, [&worst](const QString &name, const Error &e) {
        fail(exitCodeFor(e), tr("%1: %2; the previous snapshot is kept").arg(name, e.toString()));
        worst = qMax(worst, exitCodeFor(e));
    });
    QObject::connect(&syncs, &SyncScheduler::idle, &loop, &QEventLoop::quit);
    // Interrupted: every sync is cancelled, and keeps its previous snapshot.
    const Interrupts::Listening listening;
    QObject::connect(Interrupts::instance(), &Interrupts::interrupted, &syncs, [&syncs] { syncs.cancelAll(); });
    for (const SavedProfile &p : std::as_const(profiles)) {
        const Result<QString> secret = keychainSecret(p.profile);
        if (!secret) {
            fail(Usage, tr("%1: %2").arg(p.profile.name, secret.error().message));
            worst = qMax(worst, int(Usage));
            continue;
        }
        syncs.sync(p.profile, secret.value());
    }
    if (syncs.isBusy())
        loop.exec();
    return worst;
}

int exportOffline(const Profile &profile, const QString &columnSpec, const CsvOptions &csv, const QString &output)
{
    const VendorApi *api = vendorById(profile.vendor);
    ExportOptions options;
    options.csv = csv;
    const Result<QList<Column>> columns = exportColumns(*api, columnSpec, &options.columns);
    if (!columns)
        return fail(Usage, columns.error().message);
    Result<std::unique_ptr<SegmentStore>> store = openStore();
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);
    const SourceKey source = sourceOf(vendorById(profile.vendor), profile);
    const Result<std::optional<SyncRun>> last = store.value()->lastSync(source);
    if (!last)
        return fail(Failure, last.error().message);
    if (!last.value())
        return fail(Failure,
                    tr("'%1' has no snapshot yet: run segment-browser sync --profile '%1' first").arg(profile.name));
    const Result<QList<StoredSegment>> rows = store.value()->snapshot(source, api->columns());
    if (!rows)
        return fail(Failure, rows.error().message);
    QList<Segment> segments;
    segments.reserve(rows.value().size());
    for (const StoredSegment &s : rows.value())
        segments.append(s.segment);
    // Who used them, as the same sync read it.
    if (const int column = usageColumnIndex(*api, columns.value(), options.columns); column >= 0) {
        const QString field = api->usage().field;
        const Result<StoredUsage> usage = store.value()->storedUsage(source);
        if (!usage)
            return fail(Failure, usage.error().message);
        if (usage.value().state == StoredUsage::State::Failed)
            return fail(Failure,
                        tr("%1 column: the last sync could not read the %2: %3")
                            .arg(field, api->usage().title.toLower(), usage.value().error));
        if (usage.value().state == StoredUsage::State::None)
            return fail(Failure,
                        tr("%1 column: the snapshot of '%2' has no %3 yet; sync it again")
                            .arg(field, profile.name, api->usage().title.toLower()));
        options.derived.insert(column, usageCell(api, usage.value().usage));
    }

    ExportJob job(segments, columns.value(), output, options);
    const Result<qint64> written = runToEnd(job);
    if (!written)
        return fail(exitCodeFor(written.error()), written.error().toString());
    if (stderrIsTerminal() && output != QLatin1String("-"))
        err() << tr("Wrote %1 segments of the snapshot of %2 to %3")
                     .arg(number(segments.size()), last.value()->ended.toLocalTime().toString(Qt::ISODate), output)
              << Qt::endl;
    return Ok;
}

int exportAllProfiles(const QString &columnSpec, const CsvOptions &csv, const QString &output)
{
    const Result<QStringList> chosen = columnSpec.isNull() ? estateCsvColumns() : estateCsvColumns(columnSpec);
    if (!chosen)
        return fail(Usage, chosen.error().message);
    const QStringList columns = chosen.value();
    const bool withRecords = needsRecords(columns);
    Result<std::unique_ptr<SegmentStore>> store = openStore();
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);

    Result<std::unique_ptr<QFileDevice>> device = openOutput(output);
    if (!device)
        return fail(Failure, device.error().message);
    CsvWriter writer(device.value().get(), csv);
    bool written = writer.writeRow(columns);
    qint64 rows = 0;
    EstateQuery byVendor; // by vendor, then profile, environment and the vendor's order
    byVendor.sort = EstateQuery::Sort::Vendor;
    const Error read = store.value()->forEachEstateRow(byVendor, withRecords, [&](const EstateRow &row) {
        written = writer.writeRow(estateCsvCells(columns, row));
        ++rows;
        return written;
    });
    // Nothing is left behind on failure: the save file is discarded when it is not committed.
    if (read.isError())
        return fail(Failure, read.message);
    if (!written)
        return fail(Failure, tr("Cannot write %1: %2").arg(output, writer.errorString()));
    if (const Error e = finishOutput(device.value().get(), output); e.isError())
        return fail(Failure, e.message);
    if (stderrIsTerminal() && output != QLatin1String("-"))
        err() << tr("Wrote %1 segments of every profile's snapshot to %2").arg(number(rows), output) << Qt::endl;
    return Ok;
}

int runChanges(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write what the last sync of a profile changed against the sync before it, as CSV: change (added, "
           "removed, changed), key, name, and the content fields that changed, joined by ';'."));
    parser.addHelpOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("The saved profile."), QStringLiteral("NAME"));
    const QCommandLineOption columnsOpt(QStringLiteral("columns"),
                                        tr("More columns after those, comma separated: any field of the vendor's "
                                           "record (the record after the change; a removed one's last)."),
                                        QStringLiteral("a,b,c"));
    const QCommandLineOption bomOpt(QStringLiteral("bom"), tr("Start the file with a UTF-8 byte order mark."));
    const QCommandLineOption noGuardOpt(QStringLiteral("no-formula-guard"),
                                        tr("Do not prefix cells that a spreadsheet would run as formulas."));
    const QCommandLineOption outputOpt({QStringLiteral("output"), QStringLiteral("o")},
                                       tr("The CSV file to write, or - for standard output (the default)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({profileOpt, columnsOpt, bomOpt, noGuardOpt, outputOpt});
    if (const std::optional<int> done = parseArguments(parser, QStringLiteral("changes"), args))
        return *done;
    if (!parser.isSet(profileOpt))
        return fail(Usage, tr("--profile NAME is required"));
    const Result<SavedProfile> saved = savedProfile(parser.value(profileOpt));
    if (!saved)
        return fail(Usage, saved.error().message);
    const VendorApi *api = saved.value().vendor;
    QList<Column> extra;
    if (parser.isSet(columnsOpt)) {
        QList<int> order;
        const Result<QList<Column>> named = exportColumns(*api, parser.value(columnsOpt), &order);
        if (!named)
            return fail(Usage, named.error().message);
        for (int i : std::as_const(order)) {
            Column c = named.value().at(i);
            extra.append(c);
        }
    }
    Result<std::unique_ptr<SegmentStore>> store = openStore();
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);
    const SourceKey source = sourceOf(saved.value().vendor, saved.value().profile);
    const Result<QList<SegmentChange>> changes = store.value()->lastChanges(source);
    if (!changes)
        return fail(Failure, changes.error().message);
    // Which sync these are, and who ran it, beside the CSV (which stays one row per change).
    if (const Result<std::optional<SyncRun>> last = store.value()->lastSync(source); last && last.value()) {
        const SyncRun &run = *last.value();
        const QString when = run.ended.toUTC().toString(Qt::ISODate);
        err() << (run.ranBy().isEmpty() ? tr("The sync of %1").arg(when)
                                        : tr("The sync of %1 by %2").arg(when, run.ranBy()))
              << Qt::endl;
    }

    QList<QStringList> rows;
    QStringList header {QStringLiteral("change"), QStringLiteral("key"), QStringLiteral("name"),
                        QStringLiteral("fields")};
    for (const Column &c : std::as_const(extra))
        header.append(c.field);
    rows.append(header);
    for (const SegmentChange &c : changes.value()) {
        const QJsonObject record =
            QJsonDocument::fromJson(c.kind == SegmentChange::Kind::Removed ? c.before : c.after).object();
        QStringList row {SegmentChange::kindName(c.kind), c.key, api->recordName(record),
                         c.fields.join(QLatin1Char(';'))};
        for (const Column &column : std::as_const(extra))
            row.append(csvValue(extractValue(record, column), column.type));
        rows.append(row);
    }
    CsvOptions csv;
    csv.bom = parser.isSet(bomOpt);
    csv.formulaGuard = !parser.isSet(noGuardOpt);
    const QString output = parser.isSet(outputOpt) ? parser.value(outputOpt) : QStringLiteral("-");
    if (const Error e = writeCsv(output, csv, rows); e.isError())
        return fail(Failure, e.message);
    return Ok;
}

int runSyncs(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the syncs of a profile kept in the segment store, newest first, as CSV: id, started, ended (UTC), "
           "outcome (succeeded, failed, cancelled), segments, added, removed, changed, error, and the machine and "
           "user that ran it. A succeeded sync's id is what diff --sync-a and --sync-b take."));
    parser.addHelpOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("The saved profile."), QStringLiteral("NAME"));
    const QCommandLineOption outputOpt({QStringLiteral("output"), QStringLiteral("o")},
                                       tr("The CSV file to write, or - for standard output (the default)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({profileOpt, outputOpt});
    if (const std::optional<int> done = parseArguments(parser, QStringLiteral("syncs"), args))
        return *done;
    if (!parser.isSet(profileOpt))
        return fail(Usage, tr("--profile NAME is required"));
    const Result<SavedProfile> saved = savedProfile(parser.value(profileOpt));
    if (!saved)
        return fail(Usage, saved.error().message);
    Result<std::unique_ptr<SegmentStore>> store = openStore();
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);
    const Result<QList<SyncRun>> runs = store.value()->syncRuns(sourceOf(saved.value().vendor, saved.value().profile));
    if (!runs)
        return fail(Failure, runs.error().message);
    QList<QStringList> rows {{QStringLiteral("id"), QStringLiteral("started"), QStringLiteral("ended"),
                              QStringLiteral("outcome"), QStringLiteral("segments"), QStringLiteral("added"),
                              QStringLiteral("removed"), QStringLiteral("changed"), QStringLiteral("error"),
                              QStringLiteral("machine"), QStringLiteral("user")}};
    for (const SyncRun &run : runs.value()) {
        const bool succeeded = run.outcome == SyncRun::Outcome::Succeeded;
        rows.append({QString::number(run.id), run.started.toUTC().toString(Qt::ISODate),
                     run.ended.toUTC().toString(Qt::ISODate), SyncRun::outcomeName(run.outcome),
                     QString::number(run.rows), succeeded ? QString::number(run.added) : QString(),
                     succeeded ? QString::number(run.removed) : QString(),
                     succeeded ? QString::number(run.changed) : QString(), run.error, run.machine, run.user});
    }
    const QString output = parser.isSet(outputOpt) ? parser.value(outputOpt) : QStringLiteral("-");
    if (const Error e = writeCsv(output, CsvOptions {}, rows); e.isError())
        return fail(Failure, e.message);
    return Ok;
}

} // namespace sb::cli
