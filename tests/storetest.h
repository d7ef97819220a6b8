#pragma once

// What the store's tests share: a sync of records in hand, as a sync job gives them to the store.
#include "core/segment.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QJsonObject>
#include <QList>

namespace sb::test {

inline QList<Segment> segmentsOf(const QString &vendor, const QList<QJsonObject> &records)
{
    QList<Segment> segments;
    for (const QJsonObject &r : records)
        segments.append(Segment::fromRecord(r, vendorById(vendor)->columns()));
    return segments;
}

// One sync of `list` into `store`, in two pages.
inline Result<SyncRun> syncOnce(SegmentStore &store, const SourceKey &source, const QString &vendor,
                                const QList<QJsonObject> &list)
{
    std::unique_ptr<SyncWriter> writer = store.beginSync(source, vendorById(vendor));
    if (writer->error().isError())
        return writer->error();
    const QList<Segment> all = segmentsOf(vendor, list);
    if (const Error e = writer->add(all.mid(0, all.size() / 2)); e.isError())
        return e;
    if (const Error e = writer->add(all.mid(all.size() / 2)); e.isError())
        return e;
    return writer->commit();
}

} // namespace sb::test
