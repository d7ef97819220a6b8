#pragma once

#include "vendorapi.h"

#include <QHash>
#include <QList>
#include <QString>

namespace sb {

// Who uses which segment, from one full walk of a vendor's usage listing (VendorApi::usage()).
class SegmentUsage final
{
public:
    void add(const SegmentUser &user);

    const QList<SegmentUser> &users() const { return m_users; }
    // The users of one segment, in the order the listing gave them.
    QList<SegmentUser> usersOf(const QString &segmentKey) const;
    int countOf(const QString &segmentKey) const { return int(m_bySegment.value(segmentKey).size()); }
    bool isUsed(const QString &segmentKey) const { return m_bySegment.contains(segmentKey); }
    // The users' keys, joined by ';' (the CSV's derived column).
    QString keysOf(const QString &segmentKey) const;

private:
    QList<SegmentUser> m_users;
    QHash<QString, QList<qsizetype>> m_bySegment;
};

} // namespace sb
