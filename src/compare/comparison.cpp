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

// What the comparison needs of one record: read on the worker threads, a page at a time (reading
// and hashing the records is nearly all of a comparison's work).
struct Read
{
    QString key;
    QString name;
    qint64 contentHash = 0;
};

QList<Read> readPage(const VendorApi *vendor, const QList<Segment> &segments)
{
    return QtConcurrent::blockingMapped<QList<Read>>(segments, [vendor](const Segment &s) {
        const QJsonObject record = s.object();
        return Read {vendor->recordKey(record), vendor->recordName(record), vendor->contentHash(record)};
    });
}

} // namespace

Error Comparison::addA(const QList<Segment> &segments)
{
    if (m_error.isError())
        return m_error;
    const QList<Read> read = readPage(m_vendor, segments);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Read &r = read.at(i);
        if (m_a.contains(r.key))
            return m_error = Error::parse(tr("Segment “%1” is listed twice in A").arg(r.key));
        m_a.insert(r.key, {r.contentHash, r.name, segments.at(i).json, false});
    }
    return {};
}

Error Comparison::addB(const QList<Segment> &segments)
{
    if (m_error.isError())
        return m_error;
    const QList<Read> read = readPage(m_vendor, segments);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &s = segments.at(i);
        const QString &key = read.at(i).key;
        if (m_bKeys.contains(key))
            return m_error = Error::parse(tr("Segment “%1” is listed twice in B").arg(key));
        m_bKeys.insert(key);
        SegmentDifference d;
        d.key = key;
        d.nameB = read.at(i).name;
        d.recordB = s.json;
        const auto a = m_a.find(key);
        if (a == m_a.end()) {
            d.status = SegmentDifference::Status::OnlyB;
            ++m_counts.onlyB;
            m_found.append(d);
            continue;
        }
        a->seen = true;
        d.nameA = a->name;
        d.recordA = a->json;
        if (a->contentHash == read.at(i).contentHash) {
            d.status = SegmentDifference::Status::Identical;
            ++m_counts.identical;
        } else {
            d.status = SegmentDifference::Status::Different;
            d.fields = m_vendor->changedContentFields(QJsonDocument::fromJson(a->json).object(), s.object());
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
    m_finished = true;
    return out;
}

} // namespace sb
