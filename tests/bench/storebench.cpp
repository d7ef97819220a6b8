// sb_bench store: a sync of every segment into a fresh store, the database's size against the
// records' JSON, and the changes of a second sync of the same account later.
#include "benchsupport.h"

#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "store/segmentstore.h"
#include "store/syncjob.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

namespace sb::bench {

namespace {

// The database's bytes on disk: the file and its write-ahead log (the shared-memory index holds
// no data). Measured with the store closed, when SQLite has checkpointed the log into the file.
qint64 databaseBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

// The top-level field that holds the record's key, so a made-up segment can have a new one.
QString keyField(const VendorApi &api, const QJsonObject &record)
{
    const QString key = api.recordKey(record);
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.value().isString() && it.value().toString() == key)
            return it.key();
    }
    return {};
}

// "The same account later": the listing `before` with every 100th segment removed, the one after
// it renamed and, after the next, a new one added (1% each), in the vendor's order. Unchanged
// segments keep their bytes, as a vendor sends an unchanged record again.
QList<Segment> laterListing(const VendorApi &api, const QList<StoredSegment> &before, int *removed, int *renamed,
                            int *added)
{
    QList<Segment> later;
    later.reserve(before.size() + before.size() / 100);
    for (qsizetype i = 0; i < before.size(); ++i) {
        const Segment &segment = before.at(i).segment;
        switch (i % 100) {
        case 0:
            ++*removed;
            break;
        case 1: {
            QJsonObject record = segment.object();
            record.insert(api.nameField(),
                          QString(record.value(api.nameField()).toString() + QStringLiteral(" (renamed)")));
            later.append(Segment::fromRecord(record, api.columns()));
            ++*renamed;
            break;
        }
        case 2: {
            later.append(segment);
            QJsonObject record = segment.object();
            const QString field = keyField(api, record);
            record.insert(field, QString(api.recordKey(record) + QStringLiteral("-added")));
            later.append(Segment::fromRecord(record, api.columns()));
            ++*added;
            break;
        }
        default:
            later.append(segment);
        }
    }
    return later;
}

} // namespace

// The local segment store: a sync of every segment into a fresh store through SyncJob (as
// `segment-browser sync` runs it, in this process), the database's size against the records' JSON,
// and the changes of a second sync of the same account later (fed to a SyncWriter directly: the
// sandbox serves one state of an account only).
int runStore(const QUrl &root, int segments, int latency, const QStringList &vendors)
{
    for (const QString &vendor : vendors) {
        const auto [profile, secret] = demoProfile(root, vendor);
        const VendorApi *api = knownVendor(vendor);
        if (!api)
            return 2;
        QTemporaryDir dir;
        if (!dir.isValid())
            return 1;
        const QString path = dir.filePath(QStringLiteral("segments.sqlite"));
        const SourceKey source {vendor, {}};
        QJsonObject record {{QStringLiteral("kind"), QStringLiteral("store")},
                            {QStringLiteral("vendor"), vendor},
                            {QStringLiteral("segments"), segments},
                            {QStringLiteral("latencyMs"), latency}};

        // 1. The first sync, timed from start() to finished(); peak RSS over it alone.
        QList<StoredSegment> baseline;
        {
            SegmentStore store(path);
            if (const Error e = store.open(); e.isError()) {
                note(QStringLiteral("%1: %2").arg(vendor, e.toString()));
                return 1;
            }
            PageFetcher fetcher(api, profile, secret);
            SyncJob job(&fetcher, &store, source);
            QEventLoop loop;
            SyncRun run;
            QString failure;
            QObject::connect(&job, &SyncJob::finished, &loop, [&](const SyncRun &r) {
                run = r;
                loop.quit();
            });
            QObject::connect(&job, &SyncJob::failed, &loop, [&](const Error &e) {
                failure = e.toString();
                loop.quit();
            });
            resetPeakRss();
            const double rssBefore = rssNowMb();
            const double cpuBefore = processCpuNowMs();
            QElapsedTimer clock;
            clock.start();
            job.start();
            loop.exec();
            const double syncMs = double(clock.nsecsElapsed()) / 1e6;
            const double cpuMs = processCpuNowMs() - cpuBefore;
            const double peak = peakRssMb();
            if (!failure.isEmpty()) {
                note(QStringLiteral("%1: sync failed: %2").arg(vendor, failure));
                return 1;
            }

            // The snapshot read back whole, as `export --offline` reads it.
            clock.start();
            const Result<QList<StoredSegment>> snapshot = store.snapshot(source, api->columns());
            const double snapshotMs = double(clock.nsecsElapsed()) / 1e6;
            if (!snapshot) {
                note(QStringLiteral("%1: %2").arg(vendor, snapshot.error().toString()));
                return 1;
            }
            baseline = snapshot.value();
            qint64 jsonBytes = 0;
            for (const StoredSegment &s : std::as_const(baseline))
                jsonBytes += s.segment.json.size();
            record.insert(QStringLiteral("rows"), run.rows);
            record.insert(QStringLiteral("snapshotRows"), baseline.size());
            record.insert(QStringLiteral("syncMs"), syncMs);
            record.insert(QStringLiteral("syncCpuMs"), cpuMs);
            record.insert(QStringLiteral("rowsPerSecond"), double(run.rows) * 1000.0 / qMax(1.0, syncMs));
            record.insert(QStringLiteral("rssBeforeMb"), rssBefore);
            record.insert(QStringLiteral("peakRssMb"), peak);
            record.insert(QStringLiteral("snapshotMs"), snapshotMs);
            record.insert(QStringLiteral("jsonBytes"), jsonBytes);
        }
        // 2. Closed: the log is checkpointed into the file.
        record.insert(QStringLiteral("dbBytes"), databaseBytes(path));

        // 3. The same account later: 1% removed, 1% renamed, 1% added.
        {
            SegmentStore store(path);
            if (const Error e = store.open(); e.isError()) {
                note(QStringLiteral("%1: %2").arg(vendor, e.toString()));
                return 1;
            }
            int removed = 0;
            int renamed = 0;
            int added = 0;
            const QList<Segment> later = laterListing(*api, baseline, &removed, &renamed, &added);
            baseline.clear();
            std::unique_ptr<SyncWriter> writer = store.beginSync(source, api);
            QElapsedTimer clock;
            clock.start();
            const int page = api->defaultPageSize();
            for (qsizetype at = 0; at < later.size(); at += page) {
                if (const Error e = writer->add(later.mid(at, page)); e.isError()) {
                    note(QStringLiteral("%1: %2").arg(vendor, e.toString()));
                    return 1;
                }
            }
            const double addMs = double(clock.nsecsElapsed()) / 1e6;
            clock.start();
            const Result<SyncRun> run = writer->commit();
            const double commitMs = double(clock.nsecsElapsed()) / 1e6;
            if (!run) {
                note(QStringLiteral("%1: %2").arg(vendor, run.error().toString()));
                return 1;
            }
            clock.start();
            const Result<QList<SegmentChange>> changes = store.lastChanges(source);
            const double lastChangesMs = double(clock.nsecsElapsed()) / 1e6;
            if (!changes) {
                note(QStringLiteral("%1: %2").arg(vendor, changes.error().toString()));
                return 1;
            }
            record.insert(QStringLiteral("changesRows"), later.size());
            record.insert(QStringLiteral("changesAddMs"), addMs);
            record.insert(QStringLiteral("commitMs"), commitMs);
            record.insert(QStringLiteral("lastChangesMs"), lastChangesMs);
            record.insert(QStringLiteral("changes"), changes.value().size());
            record.insert(QStringLiteral("added"), run.value().added);
            record.insert(QStringLiteral("removed"), run.value().removed);
            record.insert(QStringLiteral("changed"), run.value().changed);
            record.insert(QStringLiteral("expectedAdded"), added);
            record.insert(QStringLiteral("expectedRemoved"), removed);
            record.insert(QStringLiteral("expectedChanged"), renamed);
        }
        record.insert(QStringLiteral("dbBytesAfterChanges"), databaseBytes(path));
        emitRecord(record);
    }
    return 0;
}

} // namespace sb::bench
