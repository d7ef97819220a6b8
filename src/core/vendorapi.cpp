#include "vendorapi.h"

#include <QCoreApplication>

namespace sb {

Result<HttpRequest> VendorApi::tokenRequest(const Profile &, const QString &) const
{
    return Error::usage(QCoreApplication::translate("sb::VendorApi", "%1 does not exchange tokens").arg(displayName()));
}

Result<AccessToken> VendorApi::parseToken(const HttpReply &) const
{
    return Error::usage(QCoreApplication::translate("sb::VendorApi", "%1 does not exchange tokens").arg(displayName()));
}

QUrl VendorApi::webUrl(const Profile &, const QJsonObject &) const
{
    return {};
}

} // namespace sb
