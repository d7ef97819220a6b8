#pragma once

#include <QDateTime>
#include <QString>

namespace sb {

// A moment as the window shows it everywhere (table, details, sources, changes, compare): local
// time in the locale's short date with a four-digit year, its short time, and the zone, so that
// "28/10/2019 14:32 CET" is never read as another zone's. Empty for an invalid moment.
QString localDateTimeText(const QDateTime &when);
// The same moment in UTC to the millisecond ("2019-10-28 13:32:05.120 UTC"), for tooltips.
QString utcDateTimeText(const QDateTime &when);

} // namespace sb
