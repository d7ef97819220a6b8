#include "timetext.h"

#include <QLocale>

namespace sb {

QString localDateTimeText(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    // Some locales' short date has a two-digit year ("10/28/19"): the year is given whole.
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(QLatin1String("yyyy")))
        date.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    const QString zone = local.timeZoneAbbreviation();
    const QString text = locale.toString(local, date + QLatin1Char(' ') + locale.timeFormat(QLocale::ShortFormat));
    return zone.isEmpty() ? text : text + QLatin1Char(' ') + zone;
}

QString utcDateTimeText(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
}

} // namespace sb
