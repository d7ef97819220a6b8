#pragma once

#include "core/vendorapi.h"

#include <QCoreApplication>

namespace sb {

// SailPoint Identity Security Cloud v3, GET {tenant host}/v3/segments: offset-paged, a bare
// JSON array, the total in X-Total-Count; the client secret is exchanged at /oauth/token for
// a Bearer access token (OAuth2 client credentials).
class SailPointApi final : public VendorApi
{
    Q_DECLARE_TR_FUNCTIONS(sb::SailPointApi)

public:
    // The profile key of the OAuth client id (the tenant, for the API root, is ParamKey::tenant).
    static inline const QString clientIdKey = QStringLiteral("clientId");

    QString id() const override;
    QString displayName() const override;
    QString shortName() const override { return QStringLiteral("SailPoint"); }
    QList<Column> columns() const override;
    QList<ProfileField> profileFields() const override;
    QString secretLabel() const override;
    QStringList baseUrlSuggestions() const override;

    Paging paging() const override { return Paging::Offset; }
    int defaultPageSize() const override { return 250; }
    int maxPageSize() const override { return 250; }

    bool exchangesToken() const override { return true; }
    Result<HttpRequest> tokenRequest(const Profile &profile, const QString &secret) const override;
    Result<AccessToken> parseToken(const HttpReply &reply) const override;
    QString tokenField() const override { return QStringLiteral("access_token"); }

    // The base URL is the tenant host; one ending in /v3 or /beta (as SailPoint writes its
    // servers) is accepted too, and that version is used.
    Result<HttpRequest> pageRequest(const Profile &profile, const PageQuery &query) const override;
    void authorize(HttpRequest &request, const QString &credential) const override;
    Result<Page> parsePage(const HttpReply &reply, const PageQuery &query) const override;
    QString keyField() const override { return QStringLiteral("id"); }
    QStringList contentFields() const override;
    CommonFields commonFields() const override;
    QString fieldLabel(const QString &field) const override;
    // The key facts, owner and visibility criteria as a tree; in sailpointdetails.cpp.
    SegmentDetails details(const Profile &profile, const QJsonObject &record) const override;
};

} // namespace sb
