#include "launchdarklyapi.h"

#include "ldfilter/parser.h"
#include "ldfilter/sort.h"

#include "vendors/vendorsupport.h"

namespace sb {

using namespace vendorsupport;

namespace {

// Sent on every request: from this version on the list is paginated, whatever the token's own version.
constexpr QByteArrayView apiVersion = "20240415";

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) {
        return u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

} // namespace

QString LaunchDarklyApi::id() const
{
    return QStringLiteral("launchdarkly");
}

QString LaunchDarklyApi::displayName() const
{
    return QStringLiteral("LaunchDarkly");
}

QList<Column> LaunchDarklyApi::columns() const
{
    return {
        {QStringLiteral("key"), ValueType::String},
        {QStringLiteral("name"), ValueType::String},
        {QStringLiteral("description"), ValueType::String},
        {QStringLiteral("tags"), ValueType::StringList},
        {QStringLiteral("creationDate"), ValueType::UnixMillis},
        {QStringLiteral("lastModifiedDate"), ValueType::UnixMillis},
        {QStringLiteral("unbounded"), ValueType::Boolean},
        {QStringLiteral("version"), ValueType::Integer},
    };
}

QList<ProfileField> LaunchDarklyApi::profileFields() const
{
    return {
        {projectKey, tr("Project key"), true, QStringLiteral("K")},
        {environmentKey, tr("Environment key"), true, QStringLiteral("K")},
    };
}

QString LaunchDarklyApi::secretLabel() const
{
    return tr("Access token");
}

QStringList LaunchDarklyApi::baseUrlSuggestions() const
{
    return {
        QStringLiteral("https://app.launchdarkly.com"),
        QStringLiteral("https://app.launchdarkly.us"),
        QStringLiteral("https://app.eu.launchdarkly.com"),
    };
}

QStringList LaunchDarklyApi::sortFields() const
{
    return {QStringLiteral("name"), QStringLiteral("creationDate"), QStringLiteral("lastModified")};
}

QString LaunchDarklyApi::sortKeyForField(const QString &field) const
{
    if (field == QLatin1String("name") || field == QLatin1String("creationDate"))
        return field;
    if (field == QLatin1String("lastModifiedDate"))
        return QStringLiteral("lastModified");
    return {};
}

Result<HttpRequest> LaunchDarklyApi::pageRequest(const Profile &profile, const PageQuery &query) const
{
    const QString &listing = query.query.listing;
    const bool segments = listing.isEmpty();
    if (!segments && listing != projectsListing && listing != environmentsListing && listing != flagsListing)
        return Error::usage(tr("LaunchDarkly has no listing '%1'").arg(listing));
    if (!segments && (!query.query.filter.isEmpty() || !query.query.sort.isEmpty()))
        return Error::usage(tr("LaunchDarkly's %1 are listed without a filter or sort").arg(listing));
    if (const Error e = checkServerQuery(*this, query.query); e.isError())
        return e;
    // A filter or sort the server would refuse is the user's to fix, with the place of the mistake.
    if (query.cursor.token.isEmpty() && !query.query.filter.trimmed().isEmpty()) {
        const Result<ldfilter::Filter> filter = ldfilter::parse(query.query.filter);
        if (!filter)
            return Error::usage(tr("Filter: %1").arg(filter.error().message));
    }
    if (query.cursor.token.isEmpty() && !query.query.sort.trimmed().isEmpty()) {
        const Result<QList<ldfilter::SortKey>> sort = ldfilter::parseSort(query.query.sort);
        if (!sort)
            return Error::usage(tr("Sort: %1").arg(sort.error().message));
    }
    const Result<QUrl> root = apiRoot(*this, profile);
    if (!root)
        return root.error();

    QUrlQuery params;
    params.addQueryItem(QStringLiteral("limit"), QString::number(pageSize(*this, query)));
    params.addQueryItem(QStringLiteral("offset"), QString::number(query.cursor.offset));
    QUrl url;
    if (query.cursor.token.isEmpty()) {
        // Every listing but the projects lives in a project; segments and flags in an environment too.
        Result<QString> project = QString();
        Result<QString> environment = QString();
        if (listing != projectsListing)
            project = requiredParam(*this, profile, projectKey);
        if (!project)
            return project.error();
        if (segments || listing == flagsListing)
            environment = requiredParam(*this, profile, environmentKey);
        if (!environment)
            return environment.error();
        if (segments) {
            url = withPath(root.value(),
                           QStringLiteral("/api/v2/segments/") + encoded(project.value()) + QLatin1Char('/')
                               + encoded(environment.value()));
            if (!query.query.sort.isEmpty())
                addQueryValue(params, QStringLiteral("sort"), QString(query.query.sort).remove(QLatin1Char(' ')));
            if (!query.query.filter.isEmpty())
                addQueryValue(params, QStringLiteral("filter"), query.query.filter);
        } else if (listing == projectsListing) {
            url = withPath(root.value(), QStringLiteral("/api/v2/projects"));
            params.addQueryItem(QStringLiteral("expand"), QStringLiteral("environments"));
        } else if (listing == environmentsListing) {
            url = withPath(root.value(),
                           QStringLiteral("/api/v2/projects/") + encoded(project.value())
                               + QStringLiteral("/environments"));
        } else {
            // Flags come as summaries without rules unless summary=0; with LD-API-Version 20240415
            // a flag's `environments` holds only the environments named by `env`.
            url = withPath(root.value(), QStringLiteral("/api/v2/flags/") + encoded(project.value()));
            addQueryValue(params, QStringLiteral("env"), environment.value());
            params.addQueryItem(QStringLiteral("summary"), QStringLiteral("0"));
        }
    } else {
        url = root.value().resolved(QUrl(query.cursor.token));
        if (!url.isValid() || !sameOrigin(url, root.value()) || !url.userInfo().isEmpty())
            return Error::parse(tr("LaunchDarkly's link to the next page points at another server; not following it"));
        // The href's own filter and sort are what the server understood; paging is ours, so that
        // a capped page never skips records.
        const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
        for (const auto &[key, value] : items) {
            if (key != QLatin1String("limit") && key != QLatin1String("offset"))
                params.addQueryItem(key, value);
        }
        url.setFragment({});
    }
    url.setQuery(params);

    HttpRequest request = jsonGet(url);
    request.setHeader("LD-API-Version", apiVersion.toByteArray());
    return request;
}

void LaunchDarklyApi::authorize(HttpRequest &request, const QString &credential) const
{
    QString token = credential.trimmed();
    if (token.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7);
    setAuthorization(request, {}, token);
}

qint64 LaunchDarklyApi::rateLimitWaitMs(const HttpReply &reply, const QDateTime &now)
{
    qint64 wait = parseRetryAfter(reply.header("Retry-After"), now);
    bool ok = false;
    const qint64 reset = reply.header("X-Ratelimit-Reset").trimmed().toLongLong(&ok);
    if (ok && reset >= 0)
        wait = std::max(wait, std::max<qint64>(0, reset - now.toMSecsSinceEpoch()));
    return wait;
}

Result<Page> LaunchDarklyApi::parsePage(const HttpReply &reply, const PageQuery &query) const
{
    if (!isSuccess(reply)) {
        const QJsonObject body = errorObject(reply).value_or(QJsonObject());
        Error error = replyError(*this, reply, stringField(body, QStringLiteral("message")),
                                 stringField(body, QStringLiteral("code")));
        if (reply.status == 429)
            error.retryAfterMs = rateLimitWaitMs(reply, QDateTime::currentDateTimeUtc());
        return error;
    }
    Result<PageBody> body = pageBody(*this, reply, QStringLiteral("items"));
    if (!body)
        return body.error();
    const QJsonObject &envelope = body.value().envelope;
    const Result<qint64> total = optionalCount(*this, envelope, QStringLiteral("totalCount"));
    if (!total)
        return total.error();
    const QJsonValue links = envelope.value(QStringLiteral("_links"));
    if (!links.isUndefined() && !links.isObject())
        return shapeError(*this, tr("'_links' is not an object"));
    const QJsonValue next = links.toObject().value(QStringLiteral("next"));
    const QString nextHref = next.toObject().value(QStringLiteral("href")).toString();
    if (!next.isUndefined() && !next.isNull() && nextHref.isEmpty())
        return shapeError(*this, tr("'_links.next' has no 'href'"));

    Page page;
    page.segments = std::move(body).value().segments;
    page.total = total.value();
    // An empty page with a `next` link would ask for the same offset again.
    if (!nextHref.isEmpty() && !page.segments.isEmpty())
        page.next = nextCursor(query.cursor, page.segments.size(), nextHref);
    return page;
}

QUrl LaunchDarklyApi::webUrl(const Profile &profile, const QJsonObject &record) const
{
    const Result<QUrl> root = apiRoot(*this, profile);
    const QString project = profile.param(projectKey).trimmed();
    const QString environment = profile.param(environmentKey).trimmed();
    const QString key = recordKey(record);
    if (!root || project.isEmpty() || environment.isEmpty() || key.isEmpty())
        return {};
    // The web app lives on the same host as the API.
    QUrl url = root.value().adjusted(QUrl::RemovePath);
    url.setPath(QStringLiteral("/projects/") + encoded(project) + QStringLiteral("/segments/") + encoded(key)
                    + QStringLiteral("/targeting"),
                QUrl::StrictMode);
    QUrlQuery params;
    addQueryValue(params, QStringLiteral("env"), environment);
    url.setQuery(params);
    return url;
}

ScopeModel LaunchDarklyApi::scopes() const
{
    return {projectsListing,   environmentsListing, projectKey,          environmentKey,      tr("Project"),
            tr("Environment"), tr("Pro&ject:"),     tr("E&nvironment:"), tr("&List projects")};
}

namespace {

NamedKey namedKey(const QJsonObject &record)
{
    const QString key = record.value(QStringLiteral("key")).toString();
    const QString name = record.value(QStringLiteral("name")).toString();
    return {key, name.isEmpty() ? key : name};
}

} // namespace

ScopeGroup LaunchDarklyApi::scopeGroup(const QJsonObject &record) const
{
    ScopeGroup group;
    group.group = namedKey(record);
    // Expanded, `environments` is a paged object {items, totalCount, _links}, not an array.
    const QJsonValue environments = record.value(QStringLiteral("environments"));
    const QJsonArray items = environments.toObject().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items) {
        const NamedKey environment = namedKey(item.toObject());
        if (!environment.key.isEmpty())
            group.scopes.append(environment);
    }
    const QJsonValue total = environments.toObject().value(QStringLiteral("totalCount"));
    const bool hasNext = environments.toObject()
                             .value(QStringLiteral("_links"))
                             .toObject()
                             .value(QStringLiteral("next"))
                             .toObject()
                             .contains(QStringLiteral("href"));
    group.complete =
        environments.isObject() && !hasNext && (!total.isDouble() || total.toInteger() <= qint64(group.scopes.size()));
    return group;
}

NamedKey LaunchDarklyApi::scope(const QJsonObject &record) const
{
    return namedKey(record);
}

UsageModel LaunchDarklyApi::usage() const
{
    return {flagsListing, QStringLiteral("flags"), tr("Flags"), tr("Unused segments")};
}

SegmentUser LaunchDarklyApi::segmentUser(const Profile &profile, const QJsonObject &record) const
{
    SegmentUser flag;
    const NamedKey named = namedKey(record);
    flag.key = named.key;
    flag.name = named.name;
    const QString environment = profile.param(environmentKey).trimmed();
    const QJsonObject settings = record.value(QStringLiteral("environments")).toObject().value(environment).toObject();
    for (const QJsonValue &rule : settings.value(QStringLiteral("rules")).toArray()) {
        for (const QJsonValue &clause : rule.toObject().value(QStringLiteral("clauses")).toArray()) {
            const QJsonObject c = clause.toObject();
            // A negated clause ("not in segment") depends on the segment just the same.
            if (c.value(QStringLiteral("op")).toString() != QLatin1String("segmentMatch"))
                continue;
            for (const QJsonValue &value : c.value(QStringLiteral("values")).toArray()) {
                const QString segment = value.toString();
                if (!segment.isEmpty() && !flag.segments.contains(segment))
                    flag.segments.append(segment);
            }
        }
    }
    // The flag's page in this environment: `_site.href`, relative to the app's root (the API's host).
    const Result<QUrl> root = apiRoot(*this, profile);
    QString site = settings.value(QStringLiteral("_site")).toObject().value(QStringLiteral("href")).toString();
    const QString project = profile.param(projectKey).trimmed();
    if (site.isEmpty() && !project.isEmpty() && !environment.isEmpty() && !flag.key.isEmpty())
        site = QLatin1Char('/') + encoded(project) + QLatin1Char('/') + encoded(environment)
            + QStringLiteral("/features/") + encoded(flag.key);
    if (root && site.startsWith(QLatin1Char('/')) && !site.startsWith(QLatin1String("//"))) {
        const QUrl url = root.value().adjusted(QUrl::RemovePath).resolved(QUrl(site));
        if (url.isValid() && sameOrigin(url, root.value()))
            flag.url = url;
    }
    return flag;
}

QStringList LaunchDarklyApi::contentFields() const
{
    return {QStringLiteral("name"),
            QStringLiteral("description"),
            QStringLiteral("tags"),
            QStringLiteral("rules"),
            QStringLiteral("included"),
            QStringLiteral("excluded"),
            QStringLiteral("includedContexts"),
            QStringLiteral("excludedContexts"),
            QStringLiteral("unbounded"),
            QStringLiteral("unboundedContextKind")};
}

QString LaunchDarklyApi::fieldLabel(const QString &field) const
{
    // A big segment (LaunchDarkly's "unbounded") keeps its members outside the segment.
    if (field == QLatin1String("unbounded"))
        return tr("Big segment");
    return VendorApi::fieldLabel(field);
}

CommonFields LaunchDarklyApi::commonFields() const
{
    return {{QStringLiteral("description"), ValueType::String},
            {QStringLiteral("tags"), ValueType::StringList},
            {QStringLiteral("creationDate"), ValueType::UnixMillis},
            {QStringLiteral("lastModifiedDate"), ValueType::UnixMillis}};
}

} // namespace sb
