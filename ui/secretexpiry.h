#pragma once

#include <QDateTime>
#include <QString>

namespace sb {

class VendorApi;

// How close to its expiry a secret must be before the user is warned.
inline constexpr qint64 secretExpiryWarningDays = 7;

// A translated sentence when `secret` says it expires (VendorApi::secretExpiry) and has
// expired or expires within secretExpiryWarningDays of `now`; empty otherwise. Dates are shown
// in `now`'s time zone, so a caller passing QDateTime::currentDateTime() gets local time.
// Used by the profile list and before exports.
QString secretExpiryWarning(const VendorApi &vendor, const QString &secret, const QDateTime &now);

} // namespace sb
