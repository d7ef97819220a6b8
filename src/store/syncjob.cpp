#include "syncjob.h"

#include "net/accountwalk.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"

#include <QTimer>

namespace sb {

SyncJob::SyncJob(PageFetcher *fetcher, SegmentStore *store, const SourceKey &source, QObject *parent)
    : QObject(parent), m_fetcher(fetcher), m_store(store), m_source(source)
{ }

SyncJob::~SyncJob()
{
    if (m_running)
        cancel();
}

void SyncJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_writer = m_store->beginSync(m_source, m_fetcher->vendor());
    m_writer->setProfile(m_fetcher->profile());
    if (m_writer->error().isError()) {
        // After the caller has connected to failed().
        const Error error = m_writer->error();
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    m_stream = new PageStream(m_fetcher, m_pageSize, m_concurrency, this);
    connect(m_stream, &PageStream::segmentsReady, this, [this](const QList<Segment> &segments) {
        if (const Error e = m_writer->add(segments); e.isError())
            fail(e);
    });
    connect(m_stream, &PageStream::progress, this, &SyncJob::progress);
    connect(m_stream, &PageStream::retrying, this, &SyncJob::retrying);
    connect(m_stream, &PageStream::failed, this, &SyncJob::fail);
    connect(m_stream, &PageStream::finished, this, [this] {
        if (!m_running)
            return;
        if (!m_fetcher->vendor()->tracksUsage())
            return commit();
        // Who uses the segments, on the same fetcher: kept with the snapshot. A failure there keeps
        // the segments, with the error in place of the usage; only a cancel stops the sync.
        m_segmentsQuery = m_fetcher->query();
        auto *usage = new UsageWalk(m_fetcher, this);
        connect(usage, &UsageWalk::retrying, this, &SyncJob::retrying);
        connect(usage, &UsageWalk::finished, this, [this, usage](const SegmentUsage &found) {
            usage->deleteLater();
            if (!m_running)
                return;
            m_writer->setUsage(found);
            commit();
        });
        connect(usage, &UsageWalk::failed, this, [this, usage](const Error &error) {
            usage->deleteLater();
            if (!m_running)
                return;
            m_writer->setUsageError(error);
            commit();
        });
        m_usage = usage;
        usage->start();
    });
    m_stream->start();
}

void SyncJob::commit()
{
    restoreQuery();
    const Result<SyncRun> run = m_writer->commit();
    m_running = false;
    m_writer.reset();
    if (run)
        emit finished(run.value());
    else
        emit failed(run.error());
}

void SyncJob::restoreQuery()
{
    // The fetcher is the caller's: it lists the segments again, as it did before the usage walk.
    if (m_segmentsQuery && m_fetcher)
        m_fetcher->setQuery(*m_segmentsQuery);
    m_segmentsQuery.reset();
}

void SyncJob::cancel()
{
    if (m_running)
        fail(Error::cancelled());
}

void SyncJob::fail(const Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
    }
    if (m_usage) {
        m_usage->disconnect(this);
        m_usage->cancel();
    }
    restoreQuery();
    if (m_writer) {
        m_writer->abandon(error);
        m_writer.reset();
    }
    emit failed(error);
}

} // namespace sb
