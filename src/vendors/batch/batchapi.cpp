#include "batchapi.h"

#include "vendors/vendorsupport.h"

namespace sb {

using namespace vendorsupport;

QString BatchApi::id() const
{
    return QStringLiteral("batch");
}

QString BatchApi::displayName() const
{
    return QStringLiteral("Batch");
}

QList<Column> BatchApi::columns() const
{
    return {
        {QStringLiteral("code"), ValueType::String},
        {QStringLiteral("display_name"), ValueType::String},
        {QStringLiteral("created_at"), ValueType::Timestamp},
        {QStringLiteral("updated_at"), ValueType::Timestamp},
    };
}

QList<ProfileField> BatchApi::profileFields() const
{
    return {{projectKey, tr("Project key"), true, QStringLiteral("K")}};
}

QString BatchApi::secretLabel() const
{
    return tr("REST API key");
}

QStringList BatchApi::baseUrlSuggestions() const
{
    return {QStringLiteral("https://api.batch.com/2.11")};
}

Result<HttpRequest> BatchApi::pageRequest(const Profile &profile, const PageQuery &query) const
{
    if (const Error e = checkServerQuery(*this, query.query); e.isError())
        return e;
    const Result<QUrl> root = apiRoot(*this, profile);
    if (!root)
        return root.error();
    const Result<QString> project = requiredParam(*this, profile, projectKey);
    if (!project)
        return project.error();

    QUrlQuery params;
    params.addQueryItem(QStringLiteral("limit"), QString::number(pageSize(*this, query)));
    // Batch wants no `from` at all on the first call.
    if (!query.cursor.token.isEmpty())
        addQueryValue(params, QStringLiteral("from"), query.cursor.token);
    QUrl url = withPath(root.value(), QStringLiteral("/segments/list"));
    url.setQuery(params);

    HttpRequest request = jsonGet(url);
    request.setHeader("X-Batch-Project", project.value().toUtf8());
    return request;
}

void BatchApi::authorize(HttpRequest &request, const QString &credential) const
{
    setAuthorization(request, "Bearer ", credential);
}

Result<Page> BatchApi::parsePage(const HttpReply &reply, const PageQuery &query) const
{
    if (!isSuccess(reply)) {
        const QJsonObject body = errorObject(reply).value_or(QJsonObject());
        return replyError(*this, reply, stringField(body, QStringLiteral("error_message")),
                          stringField(body, QStringLiteral("error_code")));
    }
    Result<PageBody> body = pageBody(*this, reply, QStringLiteral("segments"));
    if (!body)
        return body.error();
    const QJsonObject &envelope = body.value().envelope;
    const Result<QString> token = optionalString(*this, envelope, QStringLiteral("next_from"));
    if (!token)
        return token.error();
    const QJsonValue hasMore = envelope.value(QStringLiteral("has_more"));
    if (!hasMore.isUndefined() && !hasMore.isNull() && !hasMore.isBool())
        return shapeError(*this, tr("'has_more' is not true or false"));
    if (hasMore.toBool() && token.value().isEmpty())
        return shapeError(*this, tr("'has_more' is true but 'next_from' is missing"));

    Page page;
    page.segments = std::move(body).value().segments;
    // `count` is the size of this page (the prose says so, whatever the schema claims), not a total.
    // Without `has_more`, a cursor alone still means more; an explicit false always ends the list.
    if (hasMore.toBool(true)) {
        const Result<std::optional<Cursor>> next = nextTokenCursor(*this, query, page.segments.size(), token.value());
        if (!next)
            return next.error();
        page.next = next.value();
    }
    return page;
}

QStringList BatchApi::contentFields() const
{
    return {QStringLiteral("display_name")};
}

CommonFields BatchApi::commonFields() const
{
    return {{},
            {},
            {QStringLiteral("created_at"), ValueType::Timestamp},
            {QStringLiteral("updated_at"), ValueType::Timestamp}};
}

} // namespace sb
