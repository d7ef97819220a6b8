#include "comparison.h"

#include <QJsonDocument>
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
    return QtConcurrent::blockingMapped<QList<ComparedRecord>>(segments, [vendor](const Segment &s) {
        const QJsonObject record = s.object();
        return ComparedRecord {vendor->recordKey(record), vendor->recordName(record), vendor->contentHash(record),
                               s.json};
    });
}

} // namespace

Error Comparison::addA(const QList<Segment> &segments)
{
    return m_error.isError() ? m_error : addA(readPage(m_vendor, segments));
}

Error Comparison::addB(const QList<Segment> &segments)
{
    return m_error.isError() ? m_error : addB(readPage(m_vendor, segments));
}

Error Comparison::addA(const QList<ComparedRecord> &records)
{
    if (m_error.isError())
        return m_error;
    for (const ComparedRecord &r : records) {
        if (m_a.contains(r.key))
            return m_error = Error::parse(tr("Segment “%1” is listed twice in A").arg(r.key));
        m_a.insert(r.key, {r.contentHash, r.name, r.json, false});
    }
    return {};
}

Error Comparison::addB(const QList<ComparedRecord> &records)
{
    if (m_error.isError())
        return m_error;
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
            d.status = SegmentDifference::Status::Different;
            d.fields = m_vendor->changedContentFields(QJsonDocument::fromJson(a->json).object(),
                                                      QJsonDocument::fromJson(r.json).object());
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
    if (m_error.isError())
        return m_error;
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
    std::sort(out.begin(), out.end(),
              [](const SegmentDifference &x, const SegmentDifference &y) { return x.key < y.key; });
    return out;
}

} // namespace sb
