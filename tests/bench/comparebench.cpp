// sb_bench compare: two sources of N segments each compared in memory (the comparison alone: the
// pages are made before the clock starts, as if fetched), for each vendor's content rule.

#include "benchsupport.h"

#include "compare/comparison.h"
#include "core/segment.h"
#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"
#include "sandbox/datagen.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>

namespace sb::bench {

namespace {

QJsonObject record(datagen::Vendor vendor, int index, int epoch)
{
    switch (vendor) {
    case datagen::Vendor::Batch:
        return datagen::batchSegment(index, epoch);
    case datagen::Vendor::LaunchDarkly:
        return datagen::launchDarklySegment(index, epoch, QStringLiteral("default"), QStringLiteral("production"));
    case datagen::Vendor::Amperity:
        return datagen::amperitySegment(index, epoch);
    case datagen::Vendor::SailPoint:
        break;
    }
    return datagen::sailPointSegment(index, epoch);
}

// The pages of the source as it is at `epoch`, 1,000 segments a page.
QList<QList<Segment>> pages(const VendorApi &api, datagen::Vendor vendor, int count, int epoch)
{
    QList<QList<Segment>> out;
    QList<Segment> page;
    const QList<Column> columns = api.columns();
    for (const int index : datagen::listing(count, epoch)) {
        page.append(Segment::fromRecord(record(vendor, index, epoch), columns));
        if (page.size() == 1000) {
            out.append(page);
            page.clear();
        }
    }
    if (!page.isEmpty())
        out.append(page);
    return out;
}

} // namespace

int runCompare(int segments, const QStringList &vendors)
{
    const QList<std::pair<QString, datagen::Vendor>> all {
        {QStringLiteral("batch"), datagen::Vendor::Batch},
        {QStringLiteral("launchdarkly"), datagen::Vendor::LaunchDarkly},
        {QStringLiteral("amperity"), datagen::Vendor::Amperity},
        {QStringLiteral("sailpoint"), datagen::Vendor::SailPoint}};
    for (const auto &[id, vendor] : all) {
        if (!vendors.contains(id))
            continue;
        const VendorApi *api = knownVendor(id);
        if (!api)
            return 2;
        // A: the account; B: the same account a step later (removed, renamed, edited, touched, added).
        const QList<QList<Segment>> a = pages(*api, vendor, segments, 0);
        const QList<QList<Segment>> b = pages(*api, vendor, segments, 1);
        const double rssBefore = rssNowMb();
        resetPeakRss();
        QElapsedTimer clock;
        clock.start();
        Comparison comparison(api);
        for (const QList<Segment> &page : a)
            comparison.addA(page);
        for (const QList<Segment> &page : b)
            comparison.addB(page);
        const Result<QList<SegmentDifference>> found = comparison.finish();
        const qint64 ms = clock.elapsed();
        const ComparisonCounts counts = comparison.counts();
        // Stored sides: the key, name and content hash as the store keeps them, made before the clock.
        const auto stored = [&](const QList<QList<Segment>> &side) {
            QList<ComparedRecord> out;
            for (const QList<Segment> &page : side) {
                for (const Segment &s : page) {
                    const QJsonObject r = s.object();
                    out.append({api->recordKey(r), api->recordName(r), api->contentHash(r), s.json});
                }
            }
            return out;
        };
        const QList<ComparedRecord> storedA = stored(a);
        const QList<ComparedRecord> storedB = stored(b);
        clock.restart();
        Comparison fromStore(api);
        fromStore.addA(storedA);
        fromStore.addB(storedB);
        const bool storedOk = bool(fromStore.finish());
        const qint64 storedMs = clock.elapsed();
        emitRecord({{QStringLiteral("kind"), QStringLiteral("compare")},
                    {QStringLiteral("vendor"), id},
                    {QStringLiteral("segments"), segments},
                    {QStringLiteral("ms"), ms},
                    {QStringLiteral("storedMs"), storedOk ? storedMs : -1},
                    {QStringLiteral("differences"), found ? qint64(found.value().size()) : -1},
                    {QStringLiteral("onlyA"), counts.onlyA},
                    {QStringLiteral("onlyB"), counts.onlyB},
                    {QStringLiteral("different"), counts.different},
                    {QStringLiteral("identical"), counts.identical},
                    {QStringLiteral("rssBeforeMb"), rssBefore},
                    {QStringLiteral("peakRssMb"), peakRssMb()}});
    }
    return 0;
}

namespace {

// Both sides fetched from the sandbox one after the other, as the dialog and `diff` read them;
// each page given to `comparison` as it comes (none: only fetched). Milliseconds; -1 on failure.
double fetchBoth(const VendorApi *api, const Profile &profile, const QString &secret, Comparison *comparison)
{
    QElapsedTimer clock;
    clock.start();
    for (int side = 0; side < 2; ++side) {
        PageFetcher fetcher(api, profile, secret);
        PageStream stream(&fetcher, 0, 12);
        QEventLoop loop;
        bool ok = true;
        QObject::connect(&stream, &PageStream::segmentsReady, &loop, [&](const QList<Segment> &page) {
            if (comparison)
                ok = !(side == 0 ? comparison->addA(page) : comparison->addB(page)).isError() && ok;
        });
        QObject::connect(&stream, &PageStream::finished, &loop, &QEventLoop::quit);
        QObject::connect(&stream, &PageStream::failed, &loop, [&](const Error &e) {
            note(QStringLiteral("%1: %2").arg(api->id(), e.toString()));
            ok = false;
            loop.quit();
        });
        stream.start();
        if (stream.isRunning())
            loop.exec();
        if (!ok)
            return -1;
    }
    if (comparison && !comparison->finish())
        return -1;
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int runCompareLive(const QUrl &root, int segments, const QStringList &vendors)
{
    for (const QString &vendor : vendors) {
        const auto [profile, secret] = demoProfile(root, vendor);
        const VendorApi *api = knownVendor(vendor);
        if (!api)
            return 2;
        // Fetched alone, then fetched and compared; each the best of two, so that neither pays
        // for a cold start.
        double fetchMs = -1;
        double compareMs = -1;
        for (int round = 0; round < 2; ++round) {
            const double plain = fetchBoth(api, profile, secret, nullptr);
            Comparison comparison(api);
            const double compared = fetchBoth(api, profile, secret, &comparison);
            if (plain < 0 || compared < 0)
                return 1;
            fetchMs = fetchMs < 0 ? plain : qMin(fetchMs, plain);
            compareMs = compareMs < 0 ? compared : qMin(compareMs, compared);
        }
        emitRecord({{QStringLiteral("kind"), QStringLiteral("compare-live")},
                    {QStringLiteral("vendor"), vendor},
                    {QStringLiteral("segments"), segments},
                    {QStringLiteral("fetchMs"), fetchMs},
                    {QStringLiteral("fetchAndCompareMs"), compareMs},
                    {QStringLiteral("beyondMs"), compareMs - fetchMs}});
    }
    return 0;
}

} // namespace sb::bench
