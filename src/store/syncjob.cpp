#include "syncjob.h"

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
        const Result<SyncRun> run = m_writer->commit();
        m_running = false;
        m_writer.reset();
        if (run)
            emit finished(run.value());
        else
            emit failed(run.error());
    });
    m_stream->start();
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
    if (m_writer) {
        m_writer->abandon(error);
        m_writer.reset();
    }
    emit failed(error);
}

} // namespace sb
