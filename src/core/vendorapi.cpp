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

SegmentDetails VendorApi::details(const Profile &, const QJsonObject &record) const
{
    SegmentDetails d;
    d.title = recordKey(record);
    d.facts.append({QCoreApplication::translate("sb::VendorApi", "Key"), d.title});
    return d;
}

QUrl VendorApi::webUrl(const Profile &, const QJsonObject &) const
{
    return {};
}

} // namespace sb
