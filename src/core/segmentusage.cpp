#include "segmentusage.h"

namespace sb {

void SegmentUsage::add(const SegmentUser &user)
{
    const qsizetype at = m_users.size();
    m_users.append(user);
    for (const QString &segment : user.segments) {
        QList<qsizetype> &users = m_bySegment[segment];
        if (users.isEmpty() || users.constLast() != at)
            users.append(at);
    }
}

QList<SegmentUser> SegmentUsage::usersOf(const QString &segmentKey) const
{
    QList<SegmentUser> out;
    for (const qsizetype i : m_bySegment.value(segmentKey))
        out.append(m_users.at(i));
    return out;
}

QString SegmentUsage::keysOf(const QString &segmentKey) const
{
    QStringList keys;
    for (const qsizetype i : m_bySegment.value(segmentKey))
        keys.append(m_users.at(i).key);
    return keys.join(QLatin1Char(';'));
}

} // namespace sb
