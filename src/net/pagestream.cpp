#include "pagestream.h"

#include "core/logging.h"
#include "pagefetcher.h"

#include <QCoreApplication>

#include <limits>

namespace sb {

PageStream::PageStream(PageFetcher *fetcher, int pageSize, int maxConcurrent, QObject *parent)
    : QObject(parent),
      m_fetcher(fetcher),
      m_pageSize(pageSize > 0 ? qMin(pageSize, fetcher->vendor()->maxPageSize())
                              : fetcher->vendor()->defaultPageSize()),
      m_maxConcurrent(qMax(1, maxConcurrent))
{
    connect(fetcher, &PageFetcher::pageReady, this, &PageStream::onPage);
    connect(fetcher, &PageFetcher::failed, this, &PageStream::onFailed);
    connect(fetcher, &PageFetcher::retrying, this, &PageStream::onRetrying);
    connect(fetcher, &PageFetcher::stalled, this, [this](quint64 id, qint64 quietMs, qint64 giveUpInMs) {
        if (m_running && (id == 0 || m_inFlight.contains(id)))
            emit stalled(quietMs, giveUpInMs);
    });
}

PageStream::~PageStream()
{
    cancel();
}

void PageStream::start()
{
    if (!m_fetcher)
        return;
    m_running = true;
    m_rowHashes.clear();
    m_fetcher->resetWalk();
    m_inFlight.insert(m_fetcher->fetch(Cursor {}, m_pageSize, true), 0);
}

void PageStream::cancel()
{
    if (m_fetcher) {
        for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
            m_fetcher->cancel(it.key());
    }
    m_inFlight.clear();
    m_running = false;
}

void PageStream::onRetrying(quint64 id, const Error &reason, int delayMs)
{
    if (!m_inFlight.contains(id))
        return;
    // Rate limited with pages in parallel: ask for fewer at a time from now on.
    if (reason.kind == Error::Kind::RateLimit && m_maxConcurrent > 1)
        m_maxConcurrent = qMax(1, m_maxConcurrent / 2);
    emit retrying(reason, delayMs);
}

void PageStream::onFailed(quint64 id, const Error &error)
{
    if (!m_inFlight.contains(id))
        return;
    m_inFlight.remove(id);
    fail(error);
}

void PageStream::fail(const Error &error)
{
    cancel();
    emit failed(error);
}

void PageStream::complete()
{
    cancel();
    emit progress(m_delivered, m_total);
    if (m_total >= 0 && m_delivered != m_total)
        emit totalDisagrees(m_total, m_delivered);
    emit finished();
}

void PageStream::onPage(quint64 id, const Page &page)
{
    auto it = m_inFlight.find(id);
    if (it == m_inFlight.end())
        return;
    const qint64 offset = it.value();
    const bool first = !m_offsetMode && offset == 0;
    m_inFlight.erase(it);
    m_pageBytes = qMax(m_pageBytes, page.bodyBytes);
    if (page.total >= 0 && m_total < 0)
        m_total = page.total;

    if (first && m_fetcher->vendor()->paging() == Paging::Offset && m_total >= 0 && page.next) {
        // The total is known: fetch the rest several pages at a time.
        m_offsetMode = true;
        m_step = page.segments.isEmpty() ? m_pageSize : qMin<int>(m_pageSize, int(page.segments.size()));
        m_asked.insert(0);
        m_received.insert(0, page);
        m_nextOffset = page.next->offset;
        deliver();
        schedule();
        return;
    }

    if (!m_offsetMode) {
        // One page after the other, following the server's cursor.
        if (!checkUnique(page, {0})) // one server page
            return;
        if (!page.segments.isEmpty()) {
            m_delivered += page.segments.size();
            emit segmentsReady(page.segments);
            emit progress(m_delivered, m_total);
        }
        if (!m_running)
            return;
        if (!page.next) {
            complete();
            return;
        }
        m_inFlight.insert(m_fetcher->fetch(*page.next, m_pageSize, false), -1);
        return;
    }

    m_received.insert(offset, page);
    if (!page.next) {
        m_sawEnd = true;
        const qint64 end = offset + page.segments.size();
        m_endOffset = m_endOffset < 0 ? end : qMin(m_endOffset, end);
    }
    deliver();
    if (m_running)
        schedule();
}

void PageStream::deliver()
{
    Page out; // the segments to hand on, with their hashes
    QList<qsizetype> pageStarts; // where each server page's rows begin in out
    for (;;) {
        // The received page that covers m_emitOffset, if any.
        bool progressed = false;
        for (auto it = m_received.begin(); it != m_received.end();) {
            const qint64 start = it.key();
            const qint64 end = start + it.value().segments.size();
            if (end <= m_emitOffset && start <= m_emitOffset) {
                // Already handed on (an overlap), or an empty page at the end.
                if (start == m_emitOffset && it.value().segments.isEmpty() && !it.value().next) {
                    m_sawEnd = true;
                    m_endOffset = m_endOffset < 0 ? start : qMin(m_endOffset, start);
                }
                it = m_received.erase(it);
                continue;
            }
            if (start <= m_emitOffset && end > m_emitOffset) {
                const Page &page = it.value();
                const qsizetype from = m_emitOffset - start;
                pageStarts.append(out.segments.size());
                out.segments.append(page.segments.mid(from));
                for (qsizetype i = from; i < page.segments.size(); ++i)
                    out.rowHashes.append(page.rowHash(i));
                m_emitOffset = end;
                m_received.erase(it);
                progressed = true;
                break;
            }
            ++it;
        }
        if (!progressed)
            break;
    }
    if (!checkUnique(out, pageStarts))
        return;
    if (!out.segments.isEmpty()) {
        m_delivered += out.segments.size();
        emit segmentsReady(out.segments);
        emit progress(m_delivered, m_total);
    }
    if (!m_running)
        return;
    // Only a page that says it is the last ends the walk: a total is what the server claims, and
    // one that falls short of its pages would silently cut the list.
    const bool reachedEnd = m_sawEnd && m_emitOffset >= m_endOffset;
    if (!reachedEnd && !m_sawEnd && m_total >= 0 && m_emitOffset >= m_total)
        m_totalShort = true;
    // Pages past the end may still be out; nothing they say can matter.
    if (reachedEnd)
        complete();
}

bool PageStream::checkUnique(const Page &page, const QList<qsizetype> &pageStarts)
{
    // A record seen before in an earlier page means the list moved between pages (rows added or
    // removed): rows may be missing as well as repeated. One seen before in the same page is the
    // server repeating itself. Either way the export stops rather than write a wrong file.
    qsizetype pageStart = 0;
    auto nextStart = pageStarts.cbegin();
    for (qsizetype i = 0; i < page.segments.size(); ++i) {
        while (nextStart != pageStarts.cend() && *nextStart <= i)
            pageStart = *nextStart++;
        const size_t hash = page.rowHash(i);
        if (m_rowHashes.contains(hash)) {
            bool inPage = false;
            for (qsizetype j = pageStart; j < i && !inPage; ++j)
                inPage = page.rowHash(j) == hash;
            const QString key = m_fetcher->vendor()->recordKey(page.segments.at(i).object());
            fail(Error::parse(
                (inPage ? QCoreApplication::translate("sb::PageStream",
                                                      "The server sent segment \"%1\" twice in one page. The export "
                                                      "stopped rather than write it twice.")
                        : QCoreApplication::translate("sb::PageStream",
                                                      "The server sent segment \"%1\" a second time: the list "
                                                      "changed during the export. Try again."))
                    .arg(key)));
            return false;
        }
        m_rowHashes.insert(hash);
    }
    return true;
}

void PageStream::request(qint64 offset)
{
    m_asked.insert(offset);
    m_inFlight.insert(m_fetcher->fetch(Cursor {offset, {}}, m_pageSize, false), offset);
    m_peakInFlight = qMax(m_peakInFlight, int(m_inFlight.size()));
}

void PageStream::schedule()
{
    if (!m_running)
        return;
    const qint64 limit = m_sawEnd ? m_endOffset : m_totalShort ? std::numeric_limits<qint64>::max() : m_total;
    // A gap at the emit point (a short page) is filled before anything else.
    bool covered = false;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend() && !covered; ++it)
        covered = it.value() <= m_emitOffset && it.value() + m_step > m_emitOffset;
    for (auto it = m_received.cbegin(); it != m_received.cend() && !covered; ++it)
        covered = it.key() <= m_emitOffset && it.key() + it.value().segments.size() > m_emitOffset;
    if (!covered && m_emitOffset < limit && !m_asked.contains(m_emitOffset)) {
        request(m_emitOffset);
        m_nextOffset = qMax(m_nextOffset, m_emitOffset + m_step);
    } else if (!covered && m_emitOffset < limit && m_asked.contains(m_emitOffset) && m_inFlight.isEmpty()) {
        // Asked before and answered with nothing usable: the data changed under us.
        fail(Error::parse(QCoreApplication::translate("sb::PageStream",
                                                      "The server's pages no longer line up (offset %1); the list "
                                                      "changed during the export. Try again.")
                              .arg(m_emitOffset)));
        return;
    }
    // Bound memory: never run further ahead of the writer than a window of pages, and never hold
    // more than the byte budget in pages asked for and pages waiting (the biggest page seen so
    // far stands for each): twelve 60 MB pages in flight would be gigabytes.
    const int byBudget =
        m_pageBytes > 0 ? int(qBound(qint64(1), m_byteBudget / m_pageBytes, qint64(m_maxConcurrent))) : m_maxConcurrent;
    const int room = qMax(1, byBudget - int(m_received.size()));
    const qint64 window = qint64(m_step) * m_maxConcurrent * 2;
    while (m_inFlight.size() < room && m_nextOffset < limit && m_nextOffset < m_emitOffset + window) {
        if (!m_asked.contains(m_nextOffset))
            request(m_nextOffset);
        m_nextOffset += m_step;
    }
}

} // namespace sb
