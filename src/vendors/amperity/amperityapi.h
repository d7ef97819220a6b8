#pragma once

#include "core/vendorapi.h"

#include <QCoreApplication>

namespace sb {

// Amperity API 2024-04-01, GET {root}/segments: cursor-paged with `next_token`, a Bearer
// access token plus the amperity-tenant and api-version headers.
class AmperityApi final : public VendorApi
{
    Q_DECLARE_TR_FUNCTIONS(sb::AmperityApi)

public:
    QString id() const override;
    QString displayName() const override;
    QList<Column> columns() const override;
    QList<ProfileField> profileFields() const override;
    QString secretLabel() const override;
    QStringList baseUrlSuggestions() const override;

    Paging paging() const override { return Paging::Cursor; }
    // Amperity documents neither a default nor a maximum `limit`; 100 keeps round trips few
    // without betting on an undocumented ceiling.
    int defaultPageSize() const override { return 100; }
    int maxPageSize() const override { return 100; }

    Result<HttpRequest> pageRequest(const Profile &profile, const PageQuery &query) const override;
    void authorize(HttpRequest &request, const QString &credential) const override;
    Result<Page> parsePage(const HttpReply &reply, const PageQuery &query) const override;
    QString keyField() const override { return QStringLiteral("id"); }
    QStringList contentFields() const override;
    // Amperity access tokens are JWTs; their `exp` says when they stop working.
    std::optional<QDateTime> secretExpiry(const QString &secret) const override;
    // In amperitydetails.cpp.
    SegmentDetails details(const Profile &profile, const QJsonObject &record) const override;
};

} // namespace sb
