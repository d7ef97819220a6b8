// Batch: GET /2.11/segments/list, cursor-paged with from / next_from / has_more.

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

// Every Batch error is {"error_code", "error_message"}, both required.
SandboxResponse batchError(int status, const char *code, const QString &message)
{
    return SandboxResponse::json(
        status,
        QJsonObject {{QStringLiteral("error_code"), QLatin1String(code)}, {QStringLiteral("error_message"), message}});
}

class BatchEndpoint final : public SandboxEndpoint
{
public:
    using SandboxEndpoint::SandboxEndpoint;

    std::optional<SandboxChannel> route(const QString &path) const override
    {
        if (path == QLatin1String("/2.11/segments/list"))
            return SandboxChannel::Batch;
        return std::nullopt;
    }

    QJsonObject segment(int index, int epoch) const override { return datagen::batchSegment(index, epoch); }

    SandboxResponse statusResponse(SandboxChannel, int status, int) override
    {
        switch (status) {
        case 401:
            return batchError(401, "AUTHENTICATION_INVALID", tr("The REST API Key is not valid for this project"));
        case 405:
            return batchError(405, "METHOD_NOT_ALLOWED", tr("Only GET is allowed here"));
        case 429:
            // Batch documents the status alone: no Retry-After, no rate-limit headers.
            return batchError(429, "TOO_MANY_REQUESTS", tr("Too many requests, please slow down"));
        case 503:
            return batchError(503, "MAINTENANCE", tr("Batch's services are under maintenance. Please try again later"));
        default:
            return batchError(status, "SERVER_ERROR", tr("Unexpected error"));
        }
    }

    SandboxResponse handle(SandboxChannel, const SandboxRequest &request) override
    {
        if (bearerToken(request) != SandboxCredentials::batchRestKey().toUtf8())
            return statusResponse(SandboxChannel::Batch, 401, 0);
        const QByteArray project = request.header("X-Batch-Project").value_or(QByteArray()).trimmed();
        if (project.isEmpty())
            return batchError(400, "MISSING_PARAMETER", tr("The X-Batch-Project header is required"));
        if (project != SandboxCredentials::batchProjectKey().toUtf8())
            return statusResponse(SandboxChannel::Batch, 401, 0);

        const std::optional<qint64> limit = integerParameter(request, QStringLiteral("limit"), 10, 1, 100);
        if (!limit)
            return batchError(400, "MALFORMED_PARAMETER", tr("limit must be an integer between 1 and 100"));

        const int total = listedCount();
        int start = 0;
        const QString from = request.query(QStringLiteral("from")).value_or(QString());
        if (!from.isEmpty()) {
            const int last = indexAfterCursor(from);
            if (last < 0)
                return batchError(400, "MALFORMED_PARAMETER", tr("from is not a cursor this API returned"));
            // After the segment the cursor names, or where it was if it has gone since.
            start = std::min(positionAfter(last), total);
        }

        const int end = int(std::min<qint64>(start + *limit, total));
        QJsonObject body {
            {QStringLiteral("count"), end - start}, // the items in this page, as the prose says
            {QStringLiteral("has_more"), end < total},
        };
        if (end < total)
            body.insert(QStringLiteral("next_from"), cursorAfter(end - 1));
        return SandboxResponse::jsonWithArray(200, body, QStringLiteral("segments"), recordArray(start, end));
    }

private:
    // Like Batch's own example (base64 of "SEGMENT-CODE@2026-01-01T00:00:00Z"): the last segment
    // of the page, by code and creation time.
    QString cursorAfter(int index) const
    {
        const QJsonObject listed = record(index);
        const QString key = listed.value(QStringLiteral("code")).toString() + QLatin1Char('@')
            + listed.value(QStringLiteral("created_at")).toString();
        return QString::fromLatin1(key.toUtf8().toBase64());
    }

    // The segment the cursor names (datagen's index), or -1 when it is not one this endpoint made.
    int indexAfterCursor(const QString &cursor) const
    {
        const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return -1;
        const QString text = QString::fromUtf8(*decoded);
        const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
        const int index = at < 0 ? -1 : datagen::batchIndexOf(text.left(at));
        if (index < 0 || segment(index, epoch()).value(QStringLiteral("created_at")).toString() != text.mid(at + 1))
            return -1;
        return index;
    }
};

} // namespace

std::unique_ptr<SandboxEndpoint> makeBatchEndpoint(const SandboxSettings &settings)
{
    return std::make_unique<BatchEndpoint>(settings);
}

} // namespace sb
