#include "exportjob.h"

#include "outputfile.h"

#include "core/logging.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"

#include <QFile>
#include <QTimer>

#include <unistd.h>

#include <cstdio>

namespace sb {

ExportJob::ExportJob(PageFetcher *fetcher, const QList<Column> &columns, const QString &path,
                     const ExportOptions &options, QObject *parent)
    : QObject(parent), m_fetcher(fetcher), m_columns(columns), m_path(path), m_options(options)
{ }

ExportJob::ExportJob(const QList<Segment> &segments, const QList<Column> &columns, const QString &path,
                     const ExportOptions &options, QObject *parent)
    : QObject(parent), m_segments(segments), m_columns(columns), m_path(path), m_options(options)
{ }

ExportJob::~ExportJob()
{
    if (m_running)
        cancel();
}

bool ExportJob::open()
{
    if (m_options.columns.isEmpty()) {
        for (int i = 0; i < m_columns.size(); ++i)
            m_options.columns.append(i);
    }
    Result<std::unique_ptr<QFileDevice>> file = openOutput(m_path);
    if (!file) {
        fail(file.error());
        return false;
    }
    m_file = std::move(file).value();
    m_writer = std::make_unique<CsvWriter>(m_file.get(), m_options.csv);
    m_writer->setDerived(m_options.derived);
    if (!m_writer->writeHeader(m_options.columns, m_columns)) {
        fail(Error::storage(tr("Cannot write %1: %2").arg(m_path, m_writer->errorString())));
        return false;
    }
    return true;
}

void ExportJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    if (!open())
        return;
    if (!m_fetcher) {
        // Rows at hand: write them on the next turn of the event loop so callers can connect first.
        QTimer::singleShot(0, this, [this] {
            if (!m_running)
                return;
            m_total = m_segments.size();
            write(m_segments);
            if (m_running)
                complete();
        });
        return;
    }
    m_stream = new PageStream(m_fetcher, m_options.pageSize, m_options.concurrency, this);
    connect(m_stream, &PageStream::segmentsReady, this, &ExportJob::write);
    connect(m_stream, &PageStream::progress, this, [this](qint64, qint64 total) {
        m_total = total;
        emit progress(m_rows, m_total);
    });
    connect(m_stream, &PageStream::retrying, this, &ExportJob::retrying);
    connect(m_stream, &PageStream::stalled, this, &ExportJob::stalled);
    connect(m_stream, &PageStream::totalDisagrees, this, [this](qint64 claimed, qint64 listed) {
        emit warning(tr("The server said %1 segments in all, but its pages held %2; all %2 were written.")
                         .arg(claimed)
                         .arg(listed));
    });
    connect(m_stream, &PageStream::finished, this, &ExportJob::complete);
    connect(m_stream, &PageStream::failed, this, &ExportJob::fail);
    m_stream->start();
}

void ExportJob::write(const QList<Segment> &segments)
{
    if (!m_running)
        return;
    for (const Segment &s : segments) {
        if (!m_writer->writeSegment(s, m_options.columns, m_columns)) {
            fail(Error::storage(tr("Cannot write %1: %2").arg(m_path, m_writer->errorString())));
            return;
        }
        ++m_rows;
    }
    emit progress(m_rows, m_total);
}

void ExportJob::complete()
{
    if (!m_running)
        return;
    if (const Error e = finishOutput(m_file.get(), m_path); e.isError()) {
        fail(e);
        return;
    }
    // Closed now: a reader at the other end of a FIFO sees the end of the file.
    m_writer.reset();
    m_file.reset();
    m_running = false;
    if (m_stream)
        m_stream->cancel();
    qCDebug(lcExport) << "exported" << m_rows << "rows in" << m_clock.elapsed() << "ms";
    emit finished(m_rows);
}

void ExportJob::cancel()
{
    fail(Error::cancelled());
}

void ExportJob::fail(const Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_stream)
        m_stream->cancel();
    // Nothing partial is left behind: the temporary file goes, an existing target stays as it was.
    if (m_file)
        abandonOutput(m_file.get());
    m_file.reset();
    m_writer.reset();
    emit failed(error);
}

int usageColumnIndex(const VendorApi &vendor, const QList<Column> &columns, const QList<int> &order)
{
    if (!vendor.tracksUsage())
        return -1;
    const QString field = vendor.usage().field;
    for (const int i : order) {
        if (i >= 0 && i < columns.size() && columns.at(i).field == field)
            return i;
    }
    return -1;
}

CsvWriter::DerivedCell usageCell(const VendorApi *vendor, const SegmentUsage &usage)
{
    return [vendor, usage](const QJsonObject &record) {
        return QVariant(usage.keysOf(vendor->recordKey(record)));
    };
}

} // namespace sb
