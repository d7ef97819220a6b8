#pragma once

#include "core/error.h"
#include "core/page.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace sb {

class PageFetcher;

// Walks every page of the fetcher's current query and hands the segments on in the
// vendor's order, each exactly once. Cursor-paged vendors are walked one page after the
// other; offset-paged vendors, once the first page has told the total, are fetched several
// pages at a time, and a server that returns fewer rows than asked leaves no gap: the
// missing offsets are asked for, and overlaps are trimmed before anything is handed on.
// Used by the GUI export and the CLI export alike.
class PageStream final : public QObject
{
    Q_OBJECT

public:
    PageStream(PageFetcher *fetcher, int pageSize = 0, int maxConcurrent = 4, QObject *parent = nullptr);
    ~PageStream() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 rowsDelivered() const { return m_delivered; }
    qint64 total() const { return m_total; }
    // The bytes of page bodies the walk may hold at once, asked for or waiting to be handed on;
    // at least one page is always asked for. Default: 128 MB.
    void setByteBudget(qint64 bytes) { m_byteBudget = qMax<qint64>(1, bytes); }
    // The most pages that were asked for at once (for the benchmark and tests).
    int peakInFlight() const { return m_peakInFlight; }

signals:
    // In order; the segments of one or more pages.
    void segmentsReady(const QList<sb::Segment> &segments);
    void progress(qint64 rows, qint64 total); // total is -1 when unknown
    void retrying(const sb::Error &reason, int delayMs);
    // A page the walk waits for (or its access token) has had no byte for quietMs; it is given up
    // in giveUpInMs unless bytes come (PageFetcher::stalled).
    void stalled(qint64 quietMs, qint64 giveUpInMs);
    // Just before finished(): the server's total (its first) and the rows its pages held differ.
    // The walk followed the pages, never the total; callers say so (a warning, not an error).
    void totalDisagrees(qint64 claimed, qint64 listed);
    void finished();
    void failed(const sb::Error &error);

private:
    void onPage(quint64 id, const Page &page);
    void onFailed(quint64 id, const Error &error);
    void onRetrying(quint64 id, const Error &reason, int delayMs);
    void schedule();
    void request(qint64 offset);
    void deliver();
    void fail(const Error &error);
    void complete();
    bool checkUnique(const Page &page, const QList<qsizetype> &pageStarts);

    QPointer<PageFetcher> m_fetcher;
    int m_pageSize;
    int m_maxConcurrent;
    qint64 m_byteBudget = 128 * 1024 * 1024;
    qint64 m_pageBytes = 0; // the biggest page body seen
    int m_peakInFlight = 1;
    bool m_running = false;
    bool m_offsetMode = false; // concurrent offset walk, once the total is known
    qint64 m_total = -1;
    qint64 m_delivered = 0;
    QMap<quint64, qint64> m_inFlight; // request id -> offset (offset mode) or -1
    // Offset mode:
    qint64 m_nextOffset = 0; // the next offset not yet asked for
    qint64 m_emitOffset = 0; // everything before this has been handed on
    int m_step = 0; // rows per page the server actually gives
    bool m_sawEnd = false; // a page said it was the last
    bool m_totalShort = false; // the pages went on past the server's total: walked to their end
    qint64 m_endOffset = -1;
    QMap<qint64, Page> m_received; // offset -> page, waiting for its turn
    QSet<qint64> m_asked;
    QSet<size_t> m_rowHashes; // every record handed on, hashed (the rows themselves are gone)
};

} // namespace sb
