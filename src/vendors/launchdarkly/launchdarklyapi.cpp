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
    const Result<QString> project = requiredParam(*this, profile, projectKey);
    if (!project)
        return project.error();
    const Result<QString> environment = requiredParam(*this, profile, environmentKey);
    if (!environment)
        return environment.error();

    QUrlQuery params;
    params.addQueryItem(QStringLiteral("limit"), QString::number(pageSize(*this, query)));
    params.addQueryItem(QStringLiteral("offset"), QString::number(query.cursor.offset));
    QUrl url;
    if (query.cursor.token.isEmpty()) {
        url = withPath(root.value(),
                       QStringLiteral("/api/v2/segments/") + encoded(project.value()) + QLatin1Char('/')
                           + encoded(environment.value()));
        if (!query.query.sort.isEmpty())
            addQueryValue(params, QStringLiteral("sort"), QString(query.query.sort).remove(QLatin1Char(' ')));
        if (!query.query.filter.isEmpty())
            addQueryValue(params, QStringLiteral("filter"), query.query.filter);
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

QString LaunchDarklyApi::recordKey(const QJsonObject &record) const
{
    return record.value(QStringLiteral("key")).toString();
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

CommonFields LaunchDarklyApi::commonFields() const
{
    return {{QStringLiteral("description"), ValueType::String},
            {QStringLiteral("tags"), ValueType::StringList},
            {QStringLiteral("creationDate"), ValueType::UnixMillis},
            {QStringLiteral("lastModifiedDate"), ValueType::UnixMillis}};
}

} // namespace sb
