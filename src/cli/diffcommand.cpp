#include "accountcommands.h"

#include "clisupport.h"
#include "interrupts.h"
#include "storeaccess.h"

#include "compare/comparison.h"
#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"
#include "store/segmentstore.h"

#include <QCommandLineParser>
#include <QEventLoop>

namespace sb::cli {

namespace {

// Every page of the profile's segments, live, handed to `each` as it comes.
Error walkLive(const VendorApi &vendor, const Profile &profile, const QString &secret,
               const std::function<Error(const QList<Segment> &)> &each)
{
    PageFetcher fetcher(&vendor, profile, secret);
    if (const Result<HttpRequest> probe = fetcher.describeRequest(Cursor {}, 0, QStringLiteral("-")); !probe)
        return probe.error();
    PageStream stream(&fetcher, 0, 12);
    QEventLoop loop;
    Error failure;
    QObject::connect(&stream, &PageStream::segmentsReady, &loop, [&](const QList<Segment> &segments) {
        if (const Error e = each(segments); e.isError() && !failure.isError()) {
            failure = e;
            stream.cancel();
            loop.quit();
        }
    });
    QObject::connect(&stream, &PageStream::finished, &loop, &QEventLoop::quit);
    const Interrupts::Listening listening;
    QObject::connect(Interrupts::instance(), &Interrupts::interrupted, &loop, [&](int signal) {
        failure = Error::cancelled();
        failure.message = tr("interrupted by %1; nothing was written").arg(Interrupts::name(signal));
        stream.cancel();
        loop.quit();
    });
    QObject::connect(&stream, &PageStream::failed, &loop, [&](const Error &e) {
        failure = e;
        loop.quit();
    });
    stream.start();
    if (stream.isRunning())
        loop.exec();
    return failure;
}

// The profile's snapshot as sync `run` left it (0: the last sync), handed to `each` in chunks, with
// the content hashes the syncs computed: no record is parsed again.
Error walkStored(SegmentStore &store, const VendorApi &vendor, const Profile &profile, qint64 run,
                 const std::function<Error(const QList<ComparedRecord> &)> &each)
{
    const SourceKey source = sourceOf(&vendor, profile);
    const Result<std::optional<SyncRun>> last = store.lastSync(source);
    if (!last)
        return last.error();
    if (!last.value())
        return Error::storage(
            tr("'%1' has no snapshot yet: run segment-browser sync --profile '%1' first").arg(profile.name));
    if (run != 0) {
        Error e = store.forEachSnapshotEntryAt(source, run, &vendor, 5000, each);
        if (e.isError())
            e.message = tr("sync %1: %2 (segment-browser syncs --profile '%3' lists them)")
                            .arg(QString::number(run), e.message, profile.name);
        return e;
    }
    return store.forEachSnapshotEntry(source, 5000, each);
}

} // namespace

int runDiff(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compare the segments of two profiles of one vendor (two environments, two accounts, or two syncs of "
           "one profile with --sync-a and --sync-b), by key, as CSV: "
           "status,key,name_a,name_b,fields. Identical segments are not listed. Exit code as diff(1): 0 no "
           "difference, 1 differences, 2 usage, 3 credentials refused, 4 other failure."));
    parser.addHelpOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        tr("A saved profile: give it twice, A then B. Secrets come from the keychain."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption offlineOpt(QStringLiteral("offline"),
                                        tr("Compare the profiles' last synced snapshots, without any network access."));
    const QCommandLineOption syncAOpt(
        QStringLiteral("sync-a"),
        tr("Read A as its sync ID left it, from the segment store (segment-browser syncs lists the IDs)."),
        QStringLiteral("ID"));
    const QCommandLineOption syncBOpt(QStringLiteral("sync-b"), tr("The same for B."), QStringLiteral("ID"));
    const QCommandLineOption outputOpt({QStringLiteral("output"), QStringLiteral("o")},
                                       tr("The CSV file to write, or - for standard output (the default)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({profileOpt, offlineOpt, syncAOpt, syncBOpt, outputOpt});
    if (const std::optional<int> done = parseArguments(parser, QStringLiteral("diff"), args))
        return *done;
    const QStringList names = parser.values(profileOpt);
    if (names.size() != 2)
        return fail(Usage, tr("diff compares two profiles: --profile A --profile B"));

    QList<SavedProfile> sides;
    for (const QString &name : names) {
        const Result<SavedProfile> saved = savedProfile(name);
        if (!saved)
            return fail(Usage, saved.error().message);
        sides.append(saved.value());
    }
    const VendorApi &vendor = *sides.at(0).vendor;
    if (sides.at(1).vendor != sides.at(0).vendor)
        return fail(Usage,
                    tr("'%1' is %2 and '%3' is %4: only profiles of one vendor compare")
                        .arg(names.at(0), vendor.displayName(), names.at(1), sides.at(1).vendor->displayName()));

    // Per side: 0 the last sync (with --offline), or the sync chosen; -1 live.
    qint64 runs[2] = {parser.isSet(offlineOpt) ? 0 : -1, parser.isSet(offlineOpt) ? 0 : -1};
    for (int side = 0; side < 2; ++side) {
        const QCommandLineOption &opt = side == 0 ? syncAOpt : syncBOpt;
        if (!parser.isSet(opt))
            continue;
        bool ok = false;
        runs[side] = parser.value(opt).toLongLong(&ok);
        if (!ok || runs[side] <= 0)
            return fail(Usage,
                        tr("--%1 takes a sync's ID, a number (segment-browser syncs --profile NAME lists them)")
                            .arg(opt.names().constFirst()));
    }

    Comparison comparison(&vendor);
    std::unique_ptr<SegmentStore> store;
    if (runs[0] >= 0 || runs[1] >= 0) {
        Result<std::unique_ptr<SegmentStore>> opened = openChosenStore();
        if (!opened)
            return fail(exitCodeFor(opened.error()), opened.error().message);
        store = std::move(opened.value());
    }
    for (int side = 0; side < 2; ++side) {
        const Profile &profile = sides.at(side).profile;
        const auto add = [&](const auto &page) {
            return side == 0 ? comparison.addA(page) : comparison.addB(page);
        };
        Error e;
        if (runs[side] >= 0) {
            e = walkStored(*store, vendor, profile, runs[side],
                           [&](const QList<ComparedRecord> &page) { return add(page); });
        } else {
            const Result<QString> secret = keychainSecret(profile);
            if (!secret)
                return fail(Usage, secret.error().message);
            e = walkLive(vendor, profile, secret.value(), [&](const QList<Segment> &page) { return add(page); });
        }
        // A side that could not be read is an error, never a comparison of half of it.
        if (e.isError())
            return fail(e.kind == Error::Kind::Storage ? Failure : exitCodeFor(e),
                        tr("%1: %2").arg(profile.name, e.toString()));
    }
    const Result<QList<SegmentDifference>> differences = comparison.finish();
    if (!differences)
        return fail(Failure, differences.error().message);

    QList<QStringList> rows {{QStringLiteral("status"), QStringLiteral("key"), QStringLiteral("name_a"),
                              QStringLiteral("name_b"), QStringLiteral("fields")}};
    for (const SegmentDifference &d : differences.value())
        rows.append(
            {SegmentDifference::statusName(d.status), d.key, d.nameA, d.nameB, d.fields.join(QLatin1Char(';'))});
    const QString output = parser.isSet(outputOpt) ? parser.value(outputOpt) : QStringLiteral("-");
    if (const Error e = writeCsv(output, CsvOptions {}, rows); e.isError())
        return fail(Failure, e.message);
    const ComparisonCounts counts = comparison.counts();
    if (stderrIsTerminal() && output != QLatin1String("-"))
        err() << tr("%1 only in %2, %3 only in %4, %5 different, %6 identical")
                     .arg(counts.onlyA)
                     .arg(names.at(0))
                     .arg(counts.onlyB)
                     .arg(names.at(1))
                     .arg(counts.different)
                     .arg(counts.identical)
              << Qt::endl;
    return counts.hasDifferences() ? Differences : Ok;
}

} // namespace sb::cli
