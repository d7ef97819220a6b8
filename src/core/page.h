#pragma once

#include "segment.h"

#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace sb {

// Where a page starts. Offset-paged vendors use `offset`; cursor-paged vendors use `token`
// (an opaque cursor, or for LaunchDarkly the relative `_links.next` href). Both empty: first page.
struct Cursor
{
    qint64 offset = 0;
    QString token;

    bool isStart() const { return offset == 0 && token.isEmpty(); }
    friend bool operator==(const Cursor &, const Cursor &) = default;
};

// A server-side query: what the vendor filters and sorts on (empty for "everything, in the vendor's order").
struct Query
{
    QString filter;
    QString sort;
    // What is listed: empty for the segments, else another listing the vendor pages the same way
    // (VendorApi::scopes().listing, usage().listing, ...), walked by the same fetch loop with the
    // same credential, limits, retries and rate-limit handling.
    QString listing = {};

    friend bool operator==(const Query &, const Query &) = default;
};

// What one page request asks for.
struct PageQuery
{
    Query query;
    Cursor cursor;
    int pageSize = 0; // 0: the vendor's default
    bool wantTotal = false; // ask for the total where it costs the vendor extra (first page only)
};

struct Page
{
    QList<Segment> segments;
    std::optional<Cursor> next; // empty on the last page
    qint64 total = -1; // -1 when the vendor did not say
    // qHash of each segment's JSON, for noticing a record the server sends twice. PageFetcher fills
    // it on the thread that reads the page; rowHash() computes what is missing.
    QList<size_t> rowHashes;
    qint64 bodyBytes = 0; // the size of the reply's body it was read from (PageFetcher fills it)

    size_t rowHash(qsizetype i) const
    {
        return rowHashes.size() == segments.size() ? rowHashes.at(i) : qHash(segments.at(i).json);
    }
    void hashRows()
    {
        rowHashes.resize(segments.size());
        for (qsizetype i = 0; i < segments.size(); ++i)
            rowHashes[i] = qHash(segments.at(i).json);
    }
};

} // namespace sb

Q_DECLARE_METATYPE(sb::Page)
