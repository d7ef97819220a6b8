#pragma once

#include "segmentstore.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace sb {

class PageFetcher;
class PageStream;
class UsageWalk;

// One sync: walks every page of the fetcher's source through the shared PageStream (as an export
// does) into a SyncWriter, and commits it when the last page is in. A failure or cancel() at any
// point leaves the store's previous snapshot as it was, and records the run.
class SyncJob final : public QObject
{
    Q_OBJECT

public:
    // Neither the fetcher nor the store is owned; both must outlive the job.
    SyncJob(PageFetcher *fetcher, SegmentStore *store, const SourceKey &source, QObject *parent = nullptr);
    ~SyncJob() override;

    // Pages asked for at once for offset-paged vendors (as ExportOptions::concurrency).
    void setConcurrency(int concurrency) { m_concurrency = concurrency; }
    void setPageSize(int pageSize) { m_pageSize = pageSize; } // 0: the vendor's default
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    SourceKey source() const { return m_source; }

signals:
    void progress(qint64 rows, qint64 total); // total is -1 while unknown
    void retrying(const sb::Error &reason, int delayMs);
    void finished(const sb::SyncRun &run);
    void failed(const sb::Error &error); // Kind::Cancelled after cancel()

private:
    void fail(const Error &error);
    void commit();
    void restoreQuery();

    QPointer<PageFetcher> m_fetcher;
    SegmentStore *m_store;
    SourceKey m_source;
    std::unique_ptr<SyncWriter> m_writer;
    PageStream *m_stream = nullptr;
    QPointer<UsageWalk> m_usage; // who uses the segments, walked after them
    std::optional<Query> m_segmentsQuery; // the fetcher's query while the usage walk has it
    int m_concurrency = 12;
    int m_pageSize = 0;
    bool m_running = false;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SyncRun)
