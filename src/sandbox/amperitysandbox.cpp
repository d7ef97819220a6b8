// Amperity: GET /api/segments, cursor-paged with next_token, total on request.

#include "datagen.h"
#include "endpoint.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::SandboxServer", text);
}

constexpr quint64 kTokenMask = 0x2A5F3C71; // below 2^31, so a masked index stays below 62^6
constexpr quint64 kChecksumSpace = 13537086546263552ULL; // 62^9

// Opaque like Amperity's own ("ZVEy1iwsKBs9a6H"): 15 letters and digits, the first six the
// masked index to start from, the last nine a checksum, so a garbled token is caught.
QString tokenFor(int start)
{
    const quint64 masked = quint64(start) ^ kTokenMask;
    return datagen::toBase(masked, 62, 6) + datagen::toBase(datagen::mix(masked) % kChecksumSpace, 62, 9);
}

int startOf(const QString &token)
{
    if (token.size() != 15)
        return -1;
    const std::optional<quint64> masked = datagen::fromBase(QStringView(token).left(6), 62);
    const std::optional<quint64> checksum = datagen::fromBase(QStringView(token).mid(6), 62);
    if (!masked || !checksum || datagen::mix(*masked) % kChecksumSpace != *checksum)
        return -1;
    const quint64 start = *masked ^ kTokenMask;
    return start > quint64(std::numeric_limits<int>::max()) ? -1 : int(start);
}

class AmperityEndpoint final : public SandboxEndpoint
{
public:
    using SandboxEndpoint::SandboxEndpoint;

    std::optional<SandboxChannel> route(const QString &path) const override
    {
        // The endpoint page writes the base URL with a trailing slash; both spellings work.
        if (path == QLatin1String("/api/segments") || path == QLatin1String("/api/segments/"))
            return SandboxChannel::Amperity;
        return std::nullopt;
    }

    QJsonObject segment(int index, int epoch) const override { return datagen::amperitySegment(index, epoch); }

    SandboxResponse statusResponse(SandboxChannel, int status, int) override
    {
        switch (status) {
        case 401:
            return amperityError(401, tr("Authentication required."));
        case 405:
            return amperityError(405, tr("Method not allowed."));
        case 429:
            // No Retry-After and no rate-limit headers: clients back off on their own.
            return amperityError(429, tr("Too many requests."), false);
        case 503:
            return amperityError(503, tr("Service unavailable."), false);
        default:
            return amperityError(status, tr("An unexpected error occurred."));
        }
    }

    SandboxResponse handle(SandboxChannel, const SandboxRequest &request) override
    {
        if (bearerToken(request) != SandboxCredentials::amperityToken().toUtf8())
            return statusResponse(SandboxChannel::Amperity, 401, 0);
        const QByteArray tenant = request.header("amperity-tenant").value_or(QByteArray()).trimmed();
        if (tenant.isEmpty())
            return amperityError(400, tr("The amperity-tenant header is required."));
        if (tenant != SandboxCredentials::amperityTenant().toUtf8())
            return amperityError(403, tr("Not authorized."));
        // The header, or the api_version query parameter the endpoint page allows instead.
        const std::optional<QByteArray> versionHeader = request.header("api-version");
        const QString version = versionHeader ? QString::fromUtf8(versionHeader->trimmed())
                                              : request.query(QStringLiteral("api_version")).value_or(QString());
        if (version.isEmpty())
            return amperityError(400, tr("The api-version header is required, for example 2024-04-01."));
        if (version != QLatin1String("2024-04-01"))
            return amperityError(400, tr("Unsupported api-version \"%1\"; supported: 2024-04-01.").arg(version));

        // No default or maximum is documented; the sandbox sends 100 when asked for none.
        const std::optional<qint64> limit = integerParameter(request, QStringLiteral("limit"), 100, 1);
        if (!limit)
            return amperityError(400, tr("limit must be a positive integer."));
        const std::optional<bool> withTotal = booleanParameter(request, QStringLiteral("with_total"));
        if (!withTotal)
            return amperityError(400, tr("with_total must be true or false."));
        const int total = listedCount();
        int start = 0;
        if (const std::optional<QString> token = request.query(QStringLiteral("next_token"))) {
            if (token->isEmpty())
                return amperityError(400, tr("next_token cannot be empty; leave it out for the first page."));
            start = startOf(*token);
            if (start < 0)
                return amperityError(400, tr("next_token is not valid."));
            start = std::min(start, total);
        }

        const int end = int(std::min<qint64>(start + *limit, total));
        QJsonObject body;
        // The docs call both an empty and a missing next_token the last page; the sandbox sends
        // "" when the segment count is even and leaves it out when it is odd.
        if (end < total)
            body.insert(QStringLiteral("next_token"), tokenFor(end));
        else if (total % 2 == 0)
            body.insert(QStringLiteral("next_token"), QString());
        if (*withTotal)
            body.insert(QStringLiteral("total"), total);
        return SandboxResponse::jsonWithArray(200, body, QStringLiteral("data"), recordArray(start, end));
    }

private:
    // {"status", "message"}, and on most errors the optional request_id.
    SandboxResponse amperityError(int status, const QString &message, bool withRequestId = true)
    {
        QJsonObject body {{QStringLiteral("status"), status}, {QStringLiteral("message"), message}};
        if (withRequestId)
            body.insert(QStringLiteral("request_id"), nextErrorId(32));
        return SandboxResponse::json(status, body);
    }
};

} // namespace

std::unique_ptr<SandboxEndpoint> makeAmperityEndpoint(const SandboxSettings &settings)
{
    return std::make_unique<AmperityEndpoint>(settings);
}

} // namespace sb
