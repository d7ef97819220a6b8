// sb_bench estate: the grid across every source at scale. A store of N segments in K sources
// (made-up records from the sandbox's generator, written through SyncWriter as a sync writes
// them), then: opening it, the first rows of All segments painted in a real table (offscreen),
// and the search over everything (50 queries: median and max), with the process's peak RSS.
#include "benchsupport.h"

#include "core/vendorapi.h"
#include "model/estatemodel.h"
#include "sandbox/sandboxserver.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace sb::bench {

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int runEstate(int total, int sourceCount)
{
    const QStringList vendors = {QStringLiteral("launchdarkly"), QStringLiteral("batch"), QStringLiteral("sailpoint"),
                                 QStringLiteral("amperity")};
    const int perSource = total / sourceCount;
    QTemporaryDir dir;
    // SB_BENCH_KEEP_STORE=1 leaves the store behind for a look with sqlite3 (its path on stderr).
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("SB_BENCH_KEEP_STORE"));
    const QString path = dir.filePath(QStringLiteral("segments.sqlite"));
    if (!dir.autoRemove())
        std::fprintf(stderr, "store: %s\n", qPrintable(path));
    SandboxServer generator;
    generator.setSegmentCount(perSource * sourceCount);
    QStringList names; // some segments' names, to search for
    QElapsedTimer fill;
    fill.start();
    {
        SegmentStore store(path);
        if (store.open().isError())
            return 1;
        for (int s = 0; s < sourceCount; ++s) {
            const QString vendor = vendors.at(s % vendors.size());
            const VendorApi *api = vendorById(vendor);
            const SourceKey source {QStringLiteral("Account %1").arg(s + 1),
                                    vendor == vendors.first() ? QStringLiteral("production") : QString()};
            std::unique_ptr<SyncWriter> writer = store.beginSync(source, api);
            for (int first = 0; first < perSource; first += 1000) {
                QList<Segment> page;
                for (int i = first; i < qMin(perSource, first + 1000); ++i) {
                    // Each source its own segments: the generator's from s * perSource on.
                    const QJsonObject record = generator.record(vendor, s * perSource + i);
                    page.append(Segment::fromRecord(record, api->columns()));
                    if (i % 997 == 0)
                        names.append(api->recordName(record));
                }
                if (writer->add(page).isError())
                    return 1;
            }
            if (!writer->commit().ok())
                return 1;
        }
    }
    const double fillSeconds = msSince(fill) / 1000.0;
    const qint64 dbBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();

    // Open, and the first rows of All segments painted.
    QElapsedTimer open;
    open.start();
    SegmentStore store(path);
    if (store.open().isError())
        return 1;
    const double openMs = msSince(open);
    QElapsedTimer firstRows;
    firstRows.start();
    EstateModel model;
    QTableView view;
    view.resize(1200, 800);
    view.setModel(&model);
    model.setStore(&store);
    view.show();
    view.grab(); // paints the rows now
    const double firstRowsMs = msSince(firstRows);

    // 50 searches: a word's start, a whole word, two words, as people type them.
    QList<double> times;
    QList<double> counts; // until the number of matches is known too
    QList<qint64> hits;
    for (const QString &text : searchTexts(names, 50)) {
        EstateQuery query;
        query.text = text;
        QElapsedTimer t;
        t.start();
        model.setQuery(query); // the first page at once, as the window asks it
        view.grab();
        times.append(msSince(t));
        if (model.total() < 0) {
            QEventLoop loop;
            QObject::connect(&model, &EstateModel::totalChanged, &loop, &QEventLoop::quit);
            loop.exec();
        }
        counts.append(msSince(t));
        hits.append(model.total());
    }
    std::sort(times.begin(), times.end());
    std::sort(counts.begin(), counts.end());
    const double median = times.isEmpty() ? 0 : times.at(times.size() / 2);
    const double worst = times.isEmpty() ? 0 : times.last();

    const QJsonObject result {
        {QStringLiteral("kind"), QStringLiteral("estate")},
        {QStringLiteral("segments"), perSource * sourceCount},
        {QStringLiteral("sources"), sourceCount},
        {QStringLiteral("fillSeconds"), fillSeconds},
        {QStringLiteral("dbBytes"), dbBytes},
        {QStringLiteral("openMs"), openMs},
        {QStringLiteral("firstRowsMs"), firstRowsMs},
        {QStringLiteral("searches"), int(times.size())},
        {QStringLiteral("searchMedianMs"), median},
        {QStringLiteral("searchMaxMs"), worst},
        {QStringLiteral("countMedianMs"), counts.isEmpty() ? 0 : counts.at(counts.size() / 2)},
        {QStringLiteral("countMaxMs"), counts.isEmpty() ? 0 : counts.last()},
        {QStringLiteral("searchHitsMedian"), hits.isEmpty() ? 0 : [&] {
             QList<qint64> h = hits;
             std::sort(h.begin(), h.end());
             return double(h.at(h.size() / 2));
         }()},
        {QStringLiteral("peakRssMb"), peakRssMb()},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace sb::bench
