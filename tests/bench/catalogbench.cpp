// sb_bench catalog: the team catalog on PostgreSQL beside the local SQLite file, on one machine.
// For each back end: a sync of N segments into a fresh store; a store of M segments in 10 sources
// and 50 searches over it (the first page, then the count); and 5 readers, each in a thread with a
// connection of its own, reading the grid's first page and a snapshot's size while a sync of N
// segments writes, each read checked to be the whole old snapshot or the whole new one. The
// catalog is a throwaway cluster (tests/pgcluster.h), started here. Each reader reads every 100 ms
// at most (a person scrolling fast), one read in ten sorted by name.
#include "benchsupport.h"

#include "../pgcluster.h"

#include "core/vendorapi.h"
#include "sandbox/sandboxserver.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

namespace sb::bench {

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

// Writes `count` of the generator's `vendor` records from `first` on as one sync of `source`;
// `rename`: each with another name (every segment changed). Seconds, or -1 on failure.
double syncInto(SegmentStore &store, const SandboxServer &generator, const QString &vendor, const SourceKey &source,
                int first, int count, bool rename = false, QStringList *names = nullptr)
{
    const VendorApi *api = vendorById(vendor);
    QElapsedTimer t;
    t.start();
    std::unique_ptr<SyncWriter> writer = store.beginSync(source, api);
    for (int from = 0; from < count; from += 1000) {
        QList<Segment> page;
        for (int i = from; i < qMin(count, from + 1000); ++i) {
            QJsonObject record = generator.record(vendor, first + i);
            if (rename)
                record.insert(api->nameField(), QString(api->recordName(record) + QStringLiteral(" (later)")));
            page.append(Segment::fromRecord(record, api->columns()));
            if (names && i % 997 == 0)
                names->append(api->recordName(record));
        }
        if (const Error e = writer->add(page); e.isError()) {
            std::fprintf(stderr, "sync: %s\n", qPrintable(e.message));
            return -1;
        }
    }
    const Result<SyncRun> run = writer->commit();
    if (!run) {
        std::fprintf(stderr, "sync: %s\n", qPrintable(run.error().message));
        return -1;
    }
    return msSince(t) / 1000.0;
}

struct Backend
{
    QString name;
    std::function<StoreLocation(const QString &)> fresh; // a new, empty store of that name
};

QJsonObject measure(const Backend &backend, const SandboxServer &generator, int syncCount, int searchTotal,
                    int readerCount)
{
    QJsonObject result {{QStringLiteral("kind"), QStringLiteral("catalog")},
                        {QStringLiteral("backend"), backend.name},
                        {QStringLiteral("segments"), syncCount},
                        {QStringLiteral("searchSegments"), searchTotal},
                        {QStringLiteral("readers"), readerCount}};
    const QString ld = QStringLiteral("launchdarkly");

    // A sync of N segments into a fresh store.
    {
        SegmentStore store(backend.fresh(QStringLiteral("sync")));
        if (store.open().isError())
            return {};
        result.insert(
            QStringLiteral("syncSeconds"),
            syncInto(store, generator, ld, {QStringLiteral("prod"), QStringLiteral("production")}, 0, syncCount));
    }

    // M segments in 10 sources, and 50 searches over them.
    {
        const QStringList vendors = {ld, QStringLiteral("batch"), QStringLiteral("sailpoint"),
                                     QStringLiteral("amperity")};
        const int sources = 10;
        const int perSource = searchTotal / sources;
        SegmentStore store(backend.fresh(QStringLiteral("search")));
        if (store.open().isError())
            return {};
        QStringList names;
        QElapsedTimer fill;
        fill.start();
        for (int s = 0; s < sources; ++s) {
            const QString vendor = vendors.at(s % vendors.size());
            if (syncInto(store, generator, vendor, {QStringLiteral("Account %1").arg(s + 1), {}}, s * perSource,
                         perSource, false, &names)
                < 0)
                return {};
        }
        result.insert(QStringLiteral("fillSeconds"), msSince(fill) / 1000.0);
        QList<double> firstPage;
        QList<double> counts;
        for (const QString &text : searchTexts(names, 50)) {
            EstateQuery query;
            query.text = text;
            QElapsedTimer t;
            t.start();
            if (!store.estateRows(query, 0, 100))
                return {};
            firstPage.append(msSince(t));
            t.restart();
            if (!store.estateCount(query))
                return {};
            counts.append(msSince(t));
        }
        result.insert(QStringLiteral("searchMedianMs"), median(firstPage));
        result.insert(QStringLiteral("searchMaxMs"), maximum(firstPage));
        result.insert(QStringLiteral("countMedianMs"), median(counts));
        result.insert(QStringLiteral("countMaxMs"), maximum(counts));
    }

    // Readers while a sync writes: N segments, every one renamed, over a snapshot of N.
    {
        const StoreLocation where = backend.fresh(QStringLiteral("readers"));
        const SourceKey prod {QStringLiteral("prod"), {}};
        SegmentStore writer(where);
        if (writer.open().isError() || syncInto(writer, generator, ld, prod, 0, syncCount) < 0)
            return {};
        // The same sync with every segment changed, alone: what the readers are set against.
        const double alone = syncInto(writer, generator, ld, prod, 0, syncCount, true);
        result.insert(QStringLiteral("changeSyncSeconds"), alone);
        QAtomicInt done = 0;
        QAtomicInt started = 0;
        QMutex lock;
        QList<double> reads;
        int inconsistent = 0;
        int failures = 0;
        QList<QThread *> threads;
        for (int r = 0; r < readerCount; ++r) {
            threads.append(QThread::create([&, r] {
                SegmentStore store(where);
                const bool ok = !store.open().isError();
                started.fetchAndAddRelease(1);
                QList<double> mine;
                int wrong = 0;
                int failed = ok ? 0 : 1;
                EstateQuery query;
                query.sources = {prod};
                for (int n = 0; ok && !done.loadAcquire(); ++n) {
                    // The grid's first page in the vendor's order; every tenth, sorted by name (a
                    // click on the header), which sorts all N.
                    query.sort = (n + r) % 10 == 0 ? EstateQuery::Sort::Name : EstateQuery::Sort::Source;
                    QElapsedTimer t;
                    t.start();
                    const auto rows = store.estateRows(query, 0, 100);
                    const auto size = store.snapshotSize(prod);
                    mine.append(msSince(t));
                    // A colleague scrolling fast: a read every 100 ms, not a tight loop that would
                    // only measure who gets the two cores.
                    QThread::msleep(std::max(0, 100 - int(t.elapsed())));
                    if (!rows || !size) {
                        ++failed;
                        continue;
                    }
                    // Every row of one snapshot: all renamed (the new) or none (the old).
                    const qsizetype renamed =
                        std::count_if(rows.value().begin(), rows.value().end(), [](const EstateRow &row) {
                            return row.name.endsWith(QStringLiteral(" (later)"));
                        });
                    if ((renamed != 0 && renamed != rows.value().size()) || size.value() != syncCount)
                        ++wrong;
                }
                const QMutexLocker locked(&lock);
                reads += mine;
                inconsistent += wrong;
                failures += failed;
            }));
            threads.last()->start();
        }
        while (started.loadAcquire() < readerCount)
            QThread::yieldCurrentThread();
        const double seconds = syncInto(writer, generator, ld, prod, 0, syncCount); // the names back
        done = 1;
        for (QThread *t : std::as_const(threads)) {
            t->wait();
            delete t;
        }
        result.insert(QStringLiteral("readersSyncSeconds"), seconds);
        result.insert(QStringLiteral("readerReads"), reads.size());
        result.insert(QStringLiteral("readerMedianMs"), median(reads));
        result.insert(QStringLiteral("readerMaxMs"), maximum(reads));
        result.insert(QStringLiteral("readerInconsistent"), inconsistent);
        result.insert(QStringLiteral("readerFailures"), failures);
    }
    return result;
}

} // namespace

int runCatalog(int syncCount, int searchTotal, int readers)
{
    // SB_BENCH_PG_PORT: a server of one's own on 127.0.0.1 (user sb, trusted), whose databases are
    // kept for a look with psql; otherwise a throwaway cluster.
    std::optional<test::PgCluster> cluster;
    const int ownPort = qEnvironmentVariableIntValue("SB_BENCH_PG_PORT");
    if (ownPort == 0) {
        cluster.emplace();
        if (!cluster->isRunning()) {
            std::fprintf(stderr, "sb_bench catalog: no PostgreSQL cluster: %s\n", qPrintable(cluster->problem()));
            return cluster->isMissing() ? 0 : 1;
        }
    }
    const int port = ownPort != 0 ? ownPort : cluster->port();
    QTemporaryDir dir;
    SandboxServer generator;
    generator.setSegmentCount(qMax(syncCount, searchTotal));

    const Backend sqlite {QStringLiteral("SQLite"), [&dir](const QString &name) {
                              StoreLocation location;
                              location.path = dir.filePath(name + QStringLiteral(".sqlite"));
                              return location;
                          }};
    const Backend postgreSql {
        QStringLiteral("PostgreSQL"), [port](const QString &name) {
            {
                QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
                admin.setHostName(QStringLiteral("127.0.0.1"));
                admin.setPort(port);
                admin.setUserName(QStringLiteral("sb"));
                admin.setDatabaseName(QStringLiteral("postgres"));
                if (!admin.open() || !QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE ") + name))
                    std::fprintf(stderr, "CREATE DATABASE %s failed\n", qPrintable(name));
                admin.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("admin"));
            return StoreLocation::parse(QStringLiteral("postgresql://sb@127.0.0.1:%1/%2").arg(port).arg(name), {})
                .value();
        }};
    for (const Backend *backend : {&sqlite, &postgreSql}) {
        const QJsonObject result = measure(*backend, generator, syncCount, searchTotal, readers);
        if (result.isEmpty()) {
            std::fprintf(stderr, "sb_bench catalog: the %s run failed\n", qPrintable(backend->name));
            return 1;
        }
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    return 0;
}

} // namespace sb::bench
