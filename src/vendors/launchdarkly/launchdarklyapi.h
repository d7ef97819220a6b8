#pragma once

#include "core/vendorapi.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sb {

// LaunchDarkly REST API, GET {host}/api/v2/segments/{project}/{environment}: offset-paged,
// filtered and sorted on the server, the access token itself (no "Bearer") in Authorization.
class LaunchDarklyApi final : public VendorApi
{
    Q_DECLARE_TR_FUNCTIONS(sb::LaunchDarklyApi)

public:
    // The profile keys of the project and the environment, both in the request's path and query.
    static inline const QString projectKey = QStringLiteral("project");
    static inline const QString environmentKey = QStringLiteral("environment");

    QString id() const override;
    QString displayName() const override;
    QList<Column> columns() const override;
    QList<ProfileField> profileFields() const override;
    QString secretLabel() const override;
    QStringList baseUrlSuggestions() const override;

    Paging paging() const override { return Paging::Offset; }
    // The documented default is 20 and no maximum is given. 50 means fewer round trips without
    // guessing at an undocumented ceiling; a server that caps lower is handled (the next offset
    // counts what arrived, not what was asked for).
    int defaultPageSize() const override { return 50; }
    int maxPageSize() const override { return 50; }
    bool filtersOnServer() const override { return true; }
    QStringList sortFields() const override;
    QString sortKeyForField(const QString &field) const override;

    // With a cursor token (the previous page's relative `_links.next` href) the request follows
    // that href on the profile's host, keeping its filter and sort; an href to any other host or
    // scheme is refused, so the token never goes anywhere else.
    Result<HttpRequest> pageRequest(const Profile &profile, const PageQuery &query) const override;
    // The API refuses "Bearer <token>", so a pasted "Bearer " prefix is dropped.
    void authorize(HttpRequest &request, const QString &credential) const override;
    Result<Page> parsePage(const HttpReply &reply, const PageQuery &query) const override;
    QUrl webUrl(const Profile &profile, const QJsonObject &record) const override;
    QString keyField() const override { return QStringLiteral("key"); }
    QStringList contentFields() const override;
    CommonFields commonFields() const override;
    QString fieldLabel(const QString &field) const override;
    // One access token reaches every project and environment of the account: the projects listing
    // (with its environments expanded) and, for a project with more than it embeds, its environments.
    ScopeModel scopes() const override;
    ScopeGroup scopeGroup(const QJsonObject &record) const override;
    NamedKey scope(const QJsonObject &record) const override;
    // The flags of the profile's project with their rules in the profile's environment: a flag uses
    // the segments its clauses with op "segmentMatch" name (negated ones too).
    UsageModel usage() const override;
    SegmentUser segmentUser(const Profile &profile, const QJsonObject &record) const override;

    // Query::listing of the three listings beside the segments.
    static inline const QString projectsListing = QStringLiteral("projects");
    static inline const QString environmentsListing = QStringLiteral("environments");
    static inline const QString flagsListing = QStringLiteral("flags");

    // The key facts, rules as readable clauses, targets; in launchdarklydetails.cpp.
    SegmentDetails details(const Profile &profile, const QJsonObject &record) const override;

    // How long a 429 asks us to wait: until X-Ratelimit-Reset (epoch ms), or Retry-After
    // (sent for IP-based limits), whichever is later; -1 when neither is there.
    static qint64 rateLimitWaitMs(const HttpReply &reply, const QDateTime &now);
};

} // namespace sb
