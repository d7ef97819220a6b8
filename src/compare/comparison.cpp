#include "comparison.h"

#include "vendors/comparedrecord.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace sb {

QString SegmentDifference::statusName(Status status)
{
    switch (status) {
    case Status::OnlyA:
        return QStringLiteral("only-a");
    case Status::OnlyB:
        return QStringLiteral("only-b");
    case Status::Different:
        return QStringLiteral("different");
    case Status::Identical:
        break;
    }
    return QStringLiteral("identical");
}

Comparison::Comparison(const VendorApi *vendor, bool keepIdentical) : m_vendor(vendor), m_keepIdentical(keepIdentical)
{
    Q_ASSERT(vendor);
}

namespace {

// What the comparison needs of each record, read on the worker threads a page at a time (reading
// and hashing the records is nearly all of a comparison's work).
QList<ComparedRecord> readPage(const VendorApi *vendor, const QList<Segment> &segments)
{
    return QtConcurrent::blockingMapped<QList<ComparedRecord>>(
        segments, [vendor](const Segment &s) { return comparedRecord(*vendor, s.json); });
}

} // namespace

// Pages are read a batch at a time: handing each small page (LaunchDarkly's are 50 segments) to
// the worker threads on its own cost more than reading it.
constexpr qsizetype kReadBatch = 2000;

Error Comparison::addA(const QList<Segment> &segments)
{
    if (m_error.isError())
        return m_error;
    m_pendingA.append(segments);
    return m_pendingA.size() >= kReadBatch ? flushA() : Error();
}

Error Comparison::addB(const QList<Segment> &segments)
{
    if (const Error e = flushA(); e.isError())
        return e;
    m_pendingB.append(segments);
    return m_pendingB.size() >= kReadBatch ? flushB() : Error();
}

Error Comparison::flushA()
{
    if (m_error.isError() || m_pendingA.isEmpty())
        return m_error;
    return addA(readPage(m_vendor, std::exchange(m_pendingA, {})));
}

Error Comparison::flushB()
{
    if (m_error.isError() || m_pendingB.isEmpty())
        return m_error;
    return addB(readPage(m_vendor, std::exchange(m_pendingB, {})));
}

Error Comparison::addA(const QList<ComparedRecord> &records)
{
    if (const Error e = flushA(); e.isError())
        return e;
    for (const ComparedRecord &r : records) {
        if (m_a.contains(r.key))
            return m_error = Error::parse(tr("Segment “%1” is listed twice in A").arg(r.key));
        m_a.insert(r.key, {r.contentHash, r.name, r.json, false});
    }
    return {};
}

Error Comparison::addB(const QList<ComparedRecord> &records)
{
    if (const Error e = flushA(); e.isError())
        return e;
    if (const Error e = flushB(); e.isError())
        return e;
    for (const ComparedRecord &r : records) {
        if (m_bKeys.contains(r.key))
            return m_error = Error::parse(tr("Segment “%1” is listed twice in B").arg(r.key));
        m_bKeys.insert(r.key);
        SegmentDifference d;
        d.key = r.key;
        d.nameB = r.name;
        d.recordB = r.json;
        const auto a = m_a.find(r.key);
        if (a == m_a.end()) {
            d.status = SegmentDifference::Status::OnlyB;
            ++m_counts.onlyB;
            m_found.append(d);
            continue;
        }
        a->seen = true;
        d.nameA = a->name;
        d.recordA = a->json;
        if (a->contentHash == r.contentHash) {
            d.status = SegmentDifference::Status::Identical;
            ++m_counts.identical;
        } else {
            d.status = SegmentDifference::Status::Different; // its fields: by finish()
            ++m_counts.different;
        }
        // A's record is no longer needed unless the difference shows it.
        a->json.clear();
        if (d.status == SegmentDifference::Status::Identical && !m_keepIdentical)
            continue; // counted only: 100,000 identical segments cost nothing to keep
        m_found.append(d);
    }
    return {};
}

Result<QList<SegmentDifference>> Comparison::finish()
{
    if (const Error e = flushA(); e.isError())
        return e;
    if (const Error e = flushB(); e.isError())
        return e;
    QList<SegmentDifference> out = std::move(m_found);
    m_found.clear();
    for (auto it = m_a.cbegin(); it != m_a.cend(); ++it) {
        if (it->seen)
            continue;
        SegmentDifference d;
        d.status = SegmentDifference::Status::OnlyA;
        d.key = it.key();
        d.nameA = it->name;
        d.recordA = it->json;
        ++m_counts.onlyA;
        out.append(d);
    }
    m_a.clear();
    m_bKeys.clear();
    // Which content fields differ, on the worker threads: each needs both records read again.
    const VendorApi *vendor = m_vendor;
    QtConcurrent::blockingMap(out, [vendor](SegmentDifference &d) {
        if (d.status == SegmentDifference::Status::Different)
            d.fields = changedContentFields(*vendor, d.recordA, d.recordB);
    });
    std::sort(out.begin(), out.end(),
              [](const SegmentDifference &x, const SegmentDifference &y) { return x.key < y.key; });
    return out;
}

} // namespace sb
