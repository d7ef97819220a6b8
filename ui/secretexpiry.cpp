#include "secretexpiry.h"

#include "core/vendorapi.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::SecretExpiry", text);
}

} // namespace

QString secretExpiryWarning(const VendorApi &vendor, const QString &secret, const QDateTime &now)
{
    const std::optional<QDateTime> expiry = vendor.secretExpiry(secret);
    if (!expiry || !now.isValid())
        return {};
    const qint64 secondsLeft = now.secsTo(*expiry);
    constexpr qint64 day = 24 * 60 * 60;
    if (secondsLeft > secretExpiryWarningDays * day)
        return {};
    const QString when = QLocale().toString(expiry->toTimeZone(now.timeZone()), QStringLiteral("d MMM yyyy HH:mm"));
    if (secondsLeft <= 0)
        return tr("The access token expired on %1.").arg(when);
    // Whole units, rounded down: "in 2 days" while more than two days remain. Both forms are
    // spelled out: no translation catalogue ships yet to turn "%n day(s)" into English.
    const qint64 days = secondsLeft / day;
    const qint64 hours = secondsLeft / (60 * 60);
    if (days == 1)
        return tr("The access token expires in 1 day, on %1.").arg(when);
    if (days > 1)
        return tr("The access token expires in %1 days, on %2.").arg(days).arg(when);
    if (hours == 1)
        return tr("The access token expires in 1 hour, on %1.").arg(when);
    if (hours > 1)
        return tr("The access token expires in %1 hours, on %2.").arg(hours).arg(when);
    return tr("The access token expires in less than an hour, on %1.").arg(when);
}

} // namespace sb
