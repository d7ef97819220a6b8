#pragma once

#include "core/error.h"
#include "core/segment.h"
#include "core/segmentusage.h"
#include "core/vendorapi.h"
#include "csvwriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>

QT_BEGIN_NAMESPACE
class QFileDevice;
QT_END_NAMESPACE

namespace sb {

class PageFetcher;
class PageStream;

struct ExportOptions
{
    QList<int> columns; // indexes into the vendor's columns, in output order; empty: all
    CsvOptions csv;
    int pageSize = 0; // 0: the vendor's default
    // Pages asked for at once for offset-paged vendors. QNetworkAccessManager opens six
    // connections to one host over HTTP/1.1 and queues the rest, so twelve is six requests at the
    // server with the next one waiting behind each: a connection that finishes starts the next
    // request at once instead of idling until this thread asks (0 ms latency: 100,000 LaunchDarkly
    // segments 1.4 s with six, 1.0 s with twelve). The server never sees more than six at a time.
    // Four left a 50 ms export under 4x the sequential client's speed. A 429 halves it (PageStream).
    int concurrency = 12;
    // Cells the records do not hold (CsvWriter::setDerived), by index into the job's columns.
    QHash<int, CsvWriter::DerivedCell> derived;
};

// The index into `columns` of the vendor's usage column ("flags", VendorApi::usage()) when `order`
// writes it; -1 when it does not, or the vendor cannot say who uses a segment.
int usageColumnIndex(const VendorApi &vendor, const QList<Column> &columns, const QList<int> &order);
// That column's cells (ExportOptions::derived): the keys of the segment's users, joined by ';'.
CsvWriter::DerivedCell usageCell(const VendorApi *vendor, const SegmentUsage &usage);

// Writes segments to a CSV file: every segment of the fetcher's current query (through the
// shared PageStream, not only the rows a view has loaded), or a given list of segments.
// The file is a QSaveFile: it appears only when complete, and a failed or cancelled export
// leaves an existing file untouched and nothing partial behind. The path "-" writes to
// standard output as the rows arrive.
class ExportJob final : public QObject
{
    Q_OBJECT

public:
    // All pages of the fetcher's query.
    ExportJob(PageFetcher *fetcher, const QList<Column> &columns, const QString &path, const ExportOptions &options,
              QObject *parent = nullptr);
    // Rows already at hand (the loaded or selected rows of the window).
    ExportJob(const QList<Segment> &segments, const QList<Column> &columns, const QString &path,
              const ExportOptions &options, QObject *parent = nullptr);
    ~ExportJob() override;

    void start();
    void cancel();

    bool isRunning() const { return m_running; }
    qint64 rowsWritten() const { return m_rows; }
    qint64 total() const { return m_total; }
    QString path() const { return m_path; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

signals:
    void progress(qint64 rows, qint64 total); // total is -1 while unknown
    void retrying(const sb::Error &reason, int delayMs);
    void stalled(qint64 quietMs, qint64 giveUpInMs); // PageStream::stalled
    // Before finished(): something the user should know of a complete export (the server's
    // total disagreed with its pages; every row its pages held was written).
    void warning(const QString &text);
    void finished(qint64 rows);
    void failed(const sb::Error &error); // Kind::Cancelled after cancel()

private:
    bool open();
    void write(const QList<Segment> &segments);
    void complete();
    void fail(const Error &error);

    QPointer<PageFetcher> m_fetcher;
    QList<Segment> m_segments;
    QList<Column> m_columns;
    QString m_path;
    ExportOptions m_options;
    std::unique_ptr<QFileDevice> m_file;
    std::unique_ptr<CsvWriter> m_writer;
    PageStream *m_stream = nullptr;
    bool m_running = false;
    qint64 m_rows = 0;
    qint64 m_total = -1;
    QElapsedTimer m_clock;
};

} // namespace sb
