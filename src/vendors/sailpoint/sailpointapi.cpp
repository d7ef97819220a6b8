#include "sailpointapi.h"

#include "vendors/vendorsupport.h"

#include <QJsonDocument>

namespace sb {

using namespace vendorsupport;

namespace {

struct ApiRoot
{
    QUrl host; // where /oauth/token lives
    QString version; // "v3" or "beta"
};

Result<ApiRoot> sailPointRoot(const VendorApi &api, const Profile &profile)
{
    const Result<QUrl> root = apiRoot(api, profile);
    if (!root)
        return root.error();
    QString path = root.value().path(QUrl::FullyEncoded);
    for (const QLatin1String version : {QLatin1String("v3"), QLatin1String("beta")}) {
        if (path.endsWith(QLatin1Char('/') + version)) {
            path.chop(version.size() + 1);
            QUrl host = root.value();
            host.setPath(path, QUrl::StrictMode);
            return ApiRoot {host, version};
        }
    }
    return ApiRoot {root.value(), QStringLiteral("v3")};
}

// 400, 403 and 500 carry {detailCode, messages[{text}]}, 401 {error}, 429 {message}.
// Going by shape rather than status also reads whatever a proxy in between sends.
Error sailPointError(const VendorApi &api, const HttpReply &reply)
{
    const QJsonObject body = errorObject(reply).value_or(QJsonObject());
    QString message =
        stringField(body.value(QStringLiteral("messages")).toArray().at(0).toObject(), QStringLiteral("text"));
    if (message.isEmpty())
        message = stringField(body, QStringLiteral("error"));
    if (message.isEmpty())
        message = stringField(body, QStringLiteral("message"));
    return replyError(api, reply, message, stringField(body, QStringLiteral("detailCode")));
}

} // namespace

QString SailPointApi::id() const
{
    return QStringLiteral("sailpoint");
}

QString SailPointApi::displayName() const
{
    return QStringLiteral("SailPoint Identity Security Cloud");
}

QList<Column> SailPointApi::columns() const
{
    return {
        // The name first: the id is a UUID, to tell segments apart, not to read.
        {QStringLiteral("name"), ValueType::String},        {QStringLiteral("id"), ValueType::String},
        {QStringLiteral("description"), ValueType::String}, {QStringLiteral("active"), ValueType::Boolean},
        {QStringLiteral("created"), ValueType::Timestamp},  {QStringLiteral("modified"), ValueType::Timestamp},
        {QStringLiteral("owner.name"), ValueType::String},
    };
}

QList<ProfileField> SailPointApi::profileFields() const
{
    return {{clientIdKey, tr("Client ID"), true, QStringLiteral("ID")}};
}

QString SailPointApi::secretLabel() const
{
    return tr("Client secret");
}

QStringList SailPointApi::baseUrlSuggestions() const
{
    return {QStringLiteral("https://{tenant}.api.identitynow.com")};
}

Result<HttpRequest> SailPointApi::tokenRequest(const Profile &profile, const QString &secret) const
{
    const Result<ApiRoot> root = sailPointRoot(*this, profile);
    if (!root)
        return root.error();
    const Result<QString> clientId = requiredParam(*this, profile, clientIdKey);
    if (!clientId)
        return clientId.error();
    if (secret.trimmed().isEmpty())
        return Error::usage(tr("The %1 is empty").arg(secretLabel()));

    // The secret goes in the form body only, never in the URL.
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    addQueryValue(form, QStringLiteral("client_id"), clientId.value());
    addQueryValue(form, QStringLiteral("client_secret"), secret.trimmed());

    HttpRequest request = jsonGet(withPath(root.value().host, QStringLiteral("/oauth/token")));
    request.method = "POST";
    request.contentType = "application/x-www-form-urlencoded";
    request.body = form.query(QUrl::FullyEncoded).toLatin1();
    return request;
}

Result<AccessToken> SailPointApi::parseToken(const HttpReply &reply) const
{
    if (!isSuccess(reply)) {
        // The token endpoint answers in OAuth2's words: {error, error_description}.
        const QJsonObject body = errorObject(reply).value_or(QJsonObject());
        const QString code = stringField(body, QStringLiteral("error"));
        const QString description = stringField(body, QStringLiteral("error_description"));
        if (code.isEmpty() && description.isEmpty())
            return sailPointError(*this, reply);
        Error error = replyError(*this, reply, description.isEmpty() ? code : description, code);
        // RFC 6749 allows 400 for a wrong client or secret; it is still the credentials' fault.
        static const QStringList credentialCodes {QStringLiteral("invalid_client"), QStringLiteral("invalid_grant"),
                                                  QStringLiteral("unauthorized_client")};
        if (credentialCodes.contains(code))
            error.kind = Error::Kind::Auth;
        return error;
    }
    const Result<QJsonObject> doc = objectBody(*this, reply);
    if (!doc)
        return doc.error();
    const QJsonObject &body = doc.value();
    const QString token = body.value(tokenField()).toString();
    if (token.isEmpty())
        return Error::parse(tr("%1 sent a token reply without an access_token").arg(displayName()));
    const QJsonValue expiresIn = body.value(QStringLiteral("expires_in"));
    if (!expiresIn.isUndefined() && !expiresIn.isDouble())
        return Error::parse(tr("%1 sent a token reply whose expires_in is not a number").arg(displayName()));
    return AccessToken {token, expiresIn.toInteger()};
}

Result<HttpRequest> SailPointApi::pageRequest(const Profile &profile, const PageQuery &query) const
{
    if (const Error e = checkServerQuery(*this, query.query); e.isError())
        return e;
    const Result<ApiRoot> root = sailPointRoot(*this, profile);
    if (!root)
        return root.error();

    QUrlQuery params;
    params.addQueryItem(QStringLiteral("limit"), QString::number(pageSize(*this, query)));
    params.addQueryItem(QStringLiteral("offset"), QString::number(query.cursor.offset));
    // Always, not only when wantTotal: SailPoint answers 400 to offset == total, so a full last
    // page can only be told from a full middle page by the total. Segments are few; the count is cheap.
    params.addQueryItem(QStringLiteral("count"), QStringLiteral("true"));
    QUrl url = withPath(root.value().host, QLatin1Char('/') + root.value().version + QStringLiteral("/segments"));
    url.setQuery(params);
    return jsonGet(url);
}

void SailPointApi::authorize(HttpRequest &request, const QString &credential) const
{
    setAuthorization(request, "Bearer ", credential);
}

Result<Page> SailPointApi::parsePage(const HttpReply &reply, const PageQuery &query) const
{
    if (!isSuccess(reply))
        return sailPointError(*this, reply);
    Result<PageBody> body = pageBody(*this, reply);
    if (!body)
        return body.error();

    Page page;
    page.segments = std::move(body).value().segments;
    bool ok = false;
    const qint64 total = reply.header("X-Total-Count").trimmed().toLongLong(&ok);
    if (ok && total >= 0)
        page.total = total;
    const qsizetype received = page.segments.size();
    const qint64 end = query.cursor.offset + received;
    // A short page is the last; so is one that ends at the total (SailPoint refuses offset ==
    // total). A full page past the total shows the total is wrong: the pages go on.
    const bool last = received == 0 || received < pageSize(*this, query) || (page.total >= 0 && end == page.total);
    if (!last)
        page.next = nextCursor(query.cursor, received);
    return page;
}

QStringList SailPointApi::contentFields() const
{
    return {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("owner"),
            QStringLiteral("visibilityCriteria"), QStringLiteral("active")};
}

QString SailPointApi::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("owner.name"))
        return tr("Owner");
    if (field == QLatin1String("visibilityCriteria"))
        return tr("Visibility");
    return VendorApi::fieldLabel(field);
}

CommonFields SailPointApi::commonFields() const
{
    return {{QStringLiteral("description"), ValueType::String},
            {},
            {QStringLiteral("created"), ValueType::Timestamp},
            {QStringLiteral("modified"), ValueType::Timestamp}};
}

} // namespace sb
