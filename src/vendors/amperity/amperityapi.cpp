#include "amperityapi.h"

#include "vendors/vendorsupport.h"

#include <QJsonDocument>

#include <cmath>

namespace sb {

using namespace vendorsupport;

QString AmperityApi::id() const
{
    return QStringLiteral("amperity");
}

QString AmperityApi::displayName() const
{
    return QStringLiteral("Amperity");
}

QList<Column> AmperityApi::columns() const
{
    return {
        {QStringLiteral("id"), ValueType::String},
        {QStringLiteral("name"), ValueType::String},
    };
}

QList<ProfileField> AmperityApi::profileFields() const
{
    return {{ParamKey::tenant, tr("Tenant ID"), true, QStringLiteral("T")}};
}

QString AmperityApi::secretLabel() const
{
    return tr("Access token");
}

QStringList AmperityApi::baseUrlSuggestions() const
{
    return {
        QStringLiteral("https://app.amperity.com/api"),
        QStringLiteral("https://{tenant}.amperity.com/api"),
        QStringLiteral("https://app-aws-apse2.amperity.com/api"),
    };
}

Result<HttpRequest> AmperityApi::pageRequest(const Profile &profile, const PageQuery &query) const
{
    if (const Error e = checkServerQuery(*this, query.query); e.isError())
        return e;
    const Result<QUrl> root = apiRoot(*this, profile);
    if (!root)
        return root.error();
    const Result<QString> tenant = requiredParam(*this, profile, ParamKey::tenant);
    if (!tenant)
        return tenant.error();

    QUrlQuery params;
    params.addQueryItem(QStringLiteral("limit"), QString::number(pageSize(*this, query)));
    // next_token may never be sent empty or null: leave it out on the first page.
    if (!query.cursor.token.isEmpty())
        addQueryValue(params, QStringLiteral("next_token"), query.cursor.token);
    // Counting can be slow on Amperity's side: only when asked.
    if (query.wantTotal)
        params.addQueryItem(QStringLiteral("with_total"), QStringLiteral("true"));
    QUrl url = withPath(root.value(), QStringLiteral("/segments"));
    url.setQuery(params);

    HttpRequest request = jsonGet(url);
    request.setHeader("api-version", "2024-04-01");
    request.setHeader("amperity-tenant", tenant.value().toUtf8());
    return request;
}

void AmperityApi::authorize(HttpRequest &request, const QString &credential) const
{
    setAuthorization(request, "Bearer ", credential);
}

Result<Page> AmperityApi::parsePage(const HttpReply &reply, const PageQuery &query) const
{
    if (!isSuccess(reply)) {
        const QJsonObject body = errorObject(reply).value_or(QJsonObject());
        return replyError(*this, reply, stringField(body, QStringLiteral("message")));
    }
    Result<PageBody> body = pageBody(*this, reply, QStringLiteral("data"));
    if (!body)
        return body.error();
    const QJsonObject &envelope = body.value().envelope;
    const Result<QString> token = optionalString(*this, envelope, QStringLiteral("next_token"));
    if (!token)
        return token.error();
    const Result<qint64> total = optionalCount(*this, envelope, QStringLiteral("total"));
    if (!total)
        return total.error();

    Page page;
    page.segments = std::move(body).value().segments;
    page.total = total.value();
    // The docs call both an empty and a missing next_token the end of the list.
    const Result<std::optional<Cursor>> next = nextTokenCursor(*this, query, page.segments.size(), token.value());
    if (!next)
        return next.error();
    page.next = next.value();
    return page;
}

namespace {

// One base64url part of a JWT as a JSON object; padded or not, as issuers differ.
std::optional<QJsonObject> jwtPart(const QString &part)
{
    if (part.isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<QDateTime> AmperityApi::secretExpiry(const QString &secret) const
{
    // Read without verifying the signature: only to warn the user, never to trust the token.
    const QStringList parts = secret.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 3 || !jwtPart(parts.at(0)))
        return std::nullopt;
    const std::optional<QJsonObject> payload = jwtPart(parts.at(1));
    if (!payload)
        return std::nullopt;
    const QJsonValue exp = payload->value(QStringLiteral("exp"));
    if (!exp.isDouble() || !std::isfinite(exp.toDouble()))
        return std::nullopt;
    // NumericDate: seconds since the epoch, fractions allowed. Outside QDateTime's range is not a date.
    const double seconds = std::floor(exp.toDouble());
    if (seconds < 0 || seconds > 253402300799.0) // 9999-12-31T23:59:59Z
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
}

QStringList AmperityApi::contentFields() const
{
    return {QStringLiteral("name")};
}

} // namespace sb
