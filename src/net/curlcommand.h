#pragma once

#include "core/page.h"
#include "core/profile.h"
#include "core/result.h"

#include <QString>

namespace sb {

class VendorApi;

// The name of the environment variable the copied command reads the secret from.
inline const QString kSecretVariable = QStringLiteral("SEGMENT_BROWSER_SECRET");

// "Copy as curl": the exact request for the first page of `query`, as a POSIX shell command,
// with "$SEGMENT_BROWSER_SECRET" where the secret goes. Vendors that exchange the secret for an
// access token get the token request first, its answer kept in $TOKEN. Never contains a secret.
Result<QString> curlCommand(const VendorApi &vendor, const Profile &profile, const Query &query, int pageSize = 0);

// Quotes `text` for a POSIX shell, with each occurrence of `marker` replaced by "$variable".
QString shellQuote(const QString &text, const QString &marker = {}, const QString &variable = {});

} // namespace sb
