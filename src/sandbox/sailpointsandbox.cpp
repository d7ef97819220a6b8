// SailPoint Identity Security Cloud: POST /oauth/token (client credentials) and
// GET /v3/segments (and /beta/segments), offset-paged, a bare JSON array, X-Total-Count on request.

#include "datagen.h"
#include "endpoint.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::SandboxServer", text);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

class SailPointEndpoint final : public SandboxEndpoint
{
public:
    using SandboxEndpoint::SandboxEndpoint;

    std::optional<SandboxChannel> route(const QString &path) const override
    {
        if (path == QLatin1String("/v3/segments") || path == QLatin1String("/beta/segments"))
            return SandboxChannel::SailPoint;
        if (path == QLatin1String("/oauth/token"))
            return SandboxChannel::SailPointToken;
        return std::nullopt;
    }

    QJsonObject segment(int index, int epoch) const override { return datagen::sailPointSegment(index, epoch); }

    SandboxResponse statusResponse(SandboxChannel channel, int status, int retryAfterSeconds) override
    {
        switch (status) {
        case 401:
            if (channel == SandboxChannel::SailPointToken)
                return oauthError(401, "invalid_client", tr("Bad client credentials"));
            return jwtError(tr("JWT validation failed: JWT is expired"));
        case 405:
            if (channel == SandboxChannel::SailPointToken)
                return oauthError(405, "method_not_allowed", tr("Request method not supported"));
            return sailPointError(405, "405 Method Not Allowed", tr("Method not allowed."));
        case 429: {
            // The leading and trailing spaces are SailPoint's own.
            SandboxResponse response = SandboxResponse::json(
                429, QJsonObject {{QStringLiteral("message"), QStringLiteral(" Rate Limit Exceeded ")}});
            response.addHeader("Retry-After", QByteArray::number(retryAfterSeconds));
            return response;
        }
        case 503:
            return sailPointError(503, "503 Service Unavailable", tr("The service is temporarily unavailable."));
        default:
            return sailPointError(status, "500.0 Internal Fault", tr("An internal fault occurred."));
        }
    }

    QByteArray method(SandboxChannel channel) const override
    {
        return channel == SandboxChannel::SailPointToken ? "POST" : "GET";
    }

    SandboxResponse handle(SandboxChannel channel, const SandboxRequest &request) override
    {
        return channel == SandboxChannel::SailPointToken ? issueToken(request) : listSegments(request);
    }

private:
    SandboxResponse issueToken(const SandboxRequest &request)
    {
        // Form fields; the client may also authenticate with HTTP Basic, as OAuth 2 allows.
        QString clientId = formValue(request.body, QStringLiteral("client_id")).value_or(QString());
        QString clientSecret = formValue(request.body, QStringLiteral("client_secret")).value_or(QString());
        const QByteArray authorization = request.header("Authorization").value_or(QByteArray()).trimmed();
        if (clientId.isEmpty() && authorization.left(6).compare("basic ", Qt::CaseInsensitive) == 0) {
            const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
            const qsizetype colon = pair.indexOf(':');
            if (colon > 0) {
                clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(colon)));
                clientSecret = QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(colon + 1)));
            }
        }
        const std::optional<QString> grantType = formValue(request.body, QStringLiteral("grant_type"));
        if (!grantType || grantType->isEmpty())
            return oauthError(400, "invalid_request", tr("Missing grant type"));
        if (*grantType != QLatin1String("client_credentials"))
            return oauthError(400, "unsupported_grant_type", tr("Unsupported grant type: %1").arg(*grantType));
        if (clientId != SandboxCredentials::sailpointClientId()
            || clientSecret != SandboxCredentials::sailpointClientSecret()) {
            return oauthError(401, "invalid_client", tr("Bad client credentials"));
        }

        const int lifetime = m_settings.tokenLifetimeSeconds;
        const QString jti = datagen::hexId(quint64(m_tokens.size()) + 0x7A3E, 32);
        const QJsonObject claims {
            {QStringLiteral("tenant_id"), QStringLiteral("sandbox-tenant")},
            {QStringLiteral("pod"), QStringLiteral("sandbox")},
            {QStringLiteral("org"), QStringLiteral("sandbox")},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("authorities"), QJsonArray {QStringLiteral("ORG_ADMIN")}},
            {QStringLiteral("scope"), QJsonArray {QStringLiteral("sp:scopes:all")}},
            {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + lifetime},
            {QStringLiteral("jti"), jti},
        };
        // Shaped like SailPoint's JWTs; the sandbox only looks the whole string up.
        const QByteArray token = base64Url(R"({"alg":"RS256","typ":"JWT"})") + '.'
            + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.'
            + base64Url(QByteArray::fromHex(datagen::hexId(quint64(m_tokens.size()), 64).toLatin1()));
        m_tokens.insert(token, QDeadlineTimer(qint64(lifetime) * 1000));

        SandboxResponse response =
            SandboxResponse::json(200,
                                  QJsonObject {
                                      {QStringLiteral("access_token"), QString::fromLatin1(token)},
                                      {QStringLiteral("token_type"), QStringLiteral("bearer")},
                                      {QStringLiteral("expires_in"), lifetime},
                                      {QStringLiteral("scope"), QStringLiteral("sp:scopes:all")},
                                      {QStringLiteral("tenant_id"), QStringLiteral("sandbox-tenant")},
                                      {QStringLiteral("pod"), QStringLiteral("sandbox")},
                                      {QStringLiteral("org"), QStringLiteral("sandbox")},
                                      {QStringLiteral("jti"), jti},
                                  });
        response.headers = {{"Cache-Control", "no-store"}, {"Pragma", "no-cache"}};
        return response;
    }

    SandboxResponse listSegments(const SandboxRequest &request)
    {
        // Only a token this sandbox issued, and only while it lives.
        const QByteArray token = bearerToken(request);
        if (token.isEmpty())
            return jwtError(tr("JWT validation failed: JWT is missing"));
        const auto issued = m_tokens.constFind(token);
        if (issued == m_tokens.cend())
            return jwtError(tr("JWT validation failed: JWT is invalid"));
        if (issued->hasExpired())
            return statusResponse(SandboxChannel::SailPoint, 401, 0);

        const auto sent = [&](const char *name) {
            return request.query(QLatin1String(name)).value_or(QString());
        };
        const std::optional<qint64> limit = integerParameter(request, QStringLiteral("limit"), 250, 0, 250);
        if (!limit) {
            return badRequest(tr("The value \"%1\" of query parameter limit is invalid: it must be between 0 and 250.")
                                  .arg(sent("limit")));
        }
        const std::optional<qint64> offset = integerParameter(request, QStringLiteral("offset"), 0, 0);
        if (!offset) {
            return badRequest(
                tr("The value \"%1\" of query parameter offset is invalid: it must be 0 or more.").arg(sent("offset")));
        }
        const std::optional<bool> count = booleanParameter(request, QStringLiteral("count"));
        if (!count) {
            return badRequest(tr("The value \"%1\" of query parameter count is invalid: it must be true or false.")
                                  .arg(sent("count")));
        }
        const qint64 total = listedCount();
        // SailPoint answers 400 to an offset past the end, rather than an empty page.
        if (total > 0 && *offset >= total)
            return badRequest(tr("The offset %1 is beyond the last result (there are %2).").arg(*offset).arg(total));

        SandboxResponse response;
        response.body = recordArray(*offset, std::min(*offset + *limit, total));
        if (*count)
            response.addHeader("X-Total-Count", QByteArray::number(total));
        return response;
    }

    // SailPoint's ErrorResponseDto, used for 400, 403 and 5xx.
    SandboxResponse sailPointError(int status, const char *detailCode, const QString &text)
    {
        const QJsonObject message {{QStringLiteral("locale"), QStringLiteral("en-US")},
                                   {QStringLiteral("localeOrigin"), QStringLiteral("DEFAULT")},
                                   {QStringLiteral("text"), text}};
        return SandboxResponse::json(status,
                                     QJsonObject {{QStringLiteral("detailCode"), QLatin1String(detailCode)},
                                                  {QStringLiteral("trackingId"), nextErrorId(32)},
                                                  {QStringLiteral("messages"), QJsonArray {message}},
                                                  {QStringLiteral("causes"), QJsonArray()}});
    }

    SandboxResponse badRequest(const QString &text) { return sailPointError(400, "400.1 Bad Request Content", text); }

    static SandboxResponse jwtError(const QString &text)
    {
        return SandboxResponse::json(401, QJsonObject {{QStringLiteral("error"), text}});
    }

    static SandboxResponse oauthError(int status, const char *error, const QString &description)
    {
        return SandboxResponse::json(status,
                                     QJsonObject {{QStringLiteral("error"), QLatin1String(error)},
                                                  {QStringLiteral("error_description"), description}});
    }

    QHash<QByteArray, QDeadlineTimer> m_tokens; // every token issued, with its expiry
};

} // namespace

std::unique_ptr<SandboxEndpoint> makeSailPointEndpoint(const SandboxSettings &settings)
{
    return std::make_unique<SailPointEndpoint>(settings);
}

} // namespace sb
