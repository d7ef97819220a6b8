// LaunchDarkly: GET /api/v2/segments/{projectKey}/{environmentKey}, offset-paged with _links,
// sorted by `sort`, filtered through the LdFilterHook.

#include "datagen.h"
#include "endpoint.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QUrl>

#include <algorithm>
#include <numeric>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::SandboxServer", text);
}

// One key of the built-in sort: the record field it reads and the direction.
struct BuiltinSortKey
{
    QString field;
    bool numeric = false;
    bool descending = false;
};

// Go's url.QueryEscape, which LaunchDarkly's links are written with: a space becomes '+'.
QString goQueryEscape(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '~') {
            out.append(c);
        } else if (c == ' ') {
            out.append('+');
        } else {
            out.append('%').append(QByteArray::number(uchar(c), 16).toUpper().rightJustified(2, '0'));
        }
    }
    return QString::fromLatin1(out);
}

QJsonObject link(const QString &href)
{
    return QJsonObject {{QStringLiteral("href"), href}, {QStringLiteral("type"), QStringLiteral("application/json")}};
}

class LaunchDarklyEndpoint final : public SandboxEndpoint
{
public:
    using SandboxEndpoint::SandboxEndpoint;

    std::optional<SandboxChannel> route(const QString &path) const override
    {
        // Anything under /api/v2/ is LaunchDarkly's, so that a wrong path gets its 404.
        if (path.startsWith(QLatin1String("/api/v2/")))
            return SandboxChannel::LaunchDarkly;
        return std::nullopt;
    }

    QJsonObject segment(int index, int epoch) const override
    {
        return datagen::launchDarklySegment(index, epoch, SandboxCredentials::ldProject(),
                                            SandboxCredentials::ldEnvironment());
    }

    SandboxResponse statusResponse(SandboxChannel, int status, int retryAfterSeconds) override
    {
        switch (status) {
        case 401:
            return ldError(401, "unauthorized", tr("Invalid access token"));
        case 429: {
            SandboxResponse response =
                ldError(429, "rate_limited", tr("You've exceeded the API rate limit. Try again later."));
            const qint64 reset = QDateTime::currentMSecsSinceEpoch() + qint64(retryAfterSeconds) * 1000;
            response.headers = {{"X-Ratelimit-Global-Remaining", "0"},
                                {"X-Ratelimit-Route-Remaining", "0"},
                                {"X-Ratelimit-Reset", QByteArray::number(reset)}};
            return response;
        }
        case 405:
            return ldError(405, "method_not_allowed", tr("Method not allowed"));
        case 503:
            return ldError(503, "service_unavailable", tr("Service unavailable"));
        default:
            return ldError(status, "internal_server_error", tr("Internal server error"));
        }
    }

    SandboxResponse handle(SandboxChannel, const SandboxRequest &request) override
    {
        // The access token itself, with no "Bearer" prefix: a Bearer-prefixed token is refused.
        if (request.header("Authorization").value_or(QByteArray()).trimmed()
            != SandboxCredentials::ldToken().toUtf8()) {
            return statusResponse(SandboxChannel::LaunchDarkly, 401, 0);
        }
        if (const std::optional<QByteArray> version = request.header("LD-API-Version")) {
            const QByteArray v = version->trimmed();
            bool digits = v.size() == 8;
            for (const char c : v)
                digits = digits && c >= '0' && c <= '9';
            if (!digits && v != "beta")
                return ldError(400, "invalid_request", tr("Invalid LD-API-Version; use a date such as 20240415"));
        }

        const QStringList parts = request.path.split(QLatin1Char('/'));
        if (parts.size() != 6 || parts.at(3) != QLatin1String("segments"))
            return ldError(404, "not_found", tr("Invalid resource identifier"));
        if (parts.at(4) != SandboxCredentials::ldProject() || parts.at(5) != SandboxCredentials::ldEnvironment())
            return ldError(404, "not_found", tr("Invalid resource identifier"));

        const std::optional<qint64> askedLimit = integerParameter(request, QStringLiteral("limit"), 20, 1);
        if (!askedLimit)
            return ldError(400, "invalid_request", tr("limit must be a positive integer"));
        const std::optional<qint64> offsetParameter = integerParameter(request, QStringLiteral("offset"), 0, 0);
        if (!offsetParameter)
            return ldError(400, "invalid_request", tr("offset must be a non-negative integer"));
        const qint64 offset = *offsetParameter;
        const QString sortText = request.query(QStringLiteral("sort")).value_or(QString());
        LdSort sort;
        if (!sortText.isEmpty()) {
            sort = m_settings.ldSort(sortText);
            if (!sort.error.isEmpty() || !sort.compare)
                return ldError(400, "invalid_request", sort.error);
        }
        const QString filterText = request.query(QStringLiteral("filter")).value_or(QString());
        LdFilter filter;
        if (!filterText.isEmpty()) {
            filter = m_settings.ldFilter(filterText);
            if (!filter.error.isEmpty() || !filter.matches)
                return ldError(400, "invalid_request", filter.error);
        }

        // LaunchDarkly may send fewer than asked; the links then step by what it sent.
        const qint64 limit =
            m_settings.ldMaxPageSize > 0 ? std::min<qint64>(*askedLimit, m_settings.ldMaxPageSize) : *askedLimit;
        const QList<int> &order = listed(sort, sortText, filterText, filter);
        const qint64 total = order.size();

        const QByteArray items =
            recordArray(offset, std::min(offset + limit, total), [&](qint64 i) { return order.at(i); });

        const auto href = [&](qint64 at) -> QString {
            QString query;
            if (!filterText.isEmpty())
                query += QStringLiteral("filter=") + goQueryEscape(filterText) + QLatin1Char('&');
            query += QStringLiteral("limit=%1&offset=%2").arg(limit).arg(at);
            if (!sortText.isEmpty())
                query += QStringLiteral("&sort=") + goQueryEscape(sortText);
            return QStringLiteral("/api/v2/segments/")
                + QString::fromLatin1(QUrl::toPercentEncoding(SandboxCredentials::ldProject())) + QLatin1Char('/')
                + QString::fromLatin1(QUrl::toPercentEncoding(SandboxCredentials::ldEnvironment())) + QLatin1Char('?')
                + query;
        };
        QJsonObject links {
            {QStringLiteral("self"), link(href(offset))},
            {QStringLiteral("first"), link(href(0))},
            {QStringLiteral("last"), link(href(total == 0 ? 0 : (total - 1) / limit * limit))},
        };
        if (offset > 0)
            links.insert(QStringLiteral("prev"), link(href(std::max<qint64>(0, offset - limit))));
        if (offset + limit < total)
            links.insert(QStringLiteral("next"), link(href(offset + limit)));

        const qint64 reset = QDateTime::currentMSecsSinceEpoch() + 10000;
        return SandboxResponse::jsonWithArray(
            200, QJsonObject {{QStringLiteral("_links"), links}, {QStringLiteral("totalCount"), total}},
            QStringLiteral("items"), items,
            {{"X-Ratelimit-Global-Remaining", "995"},
             {"X-Ratelimit-Route-Remaining", "95"},
             {"X-Ratelimit-Reset", QByteArray::number(reset)}});
    }

private:
    SandboxResponse ldError(int status, const char *code, const QString &message)
    {
        return SandboxResponse::json(status,
                                     QJsonObject {{QStringLiteral("code"), QLatin1String(code)},
                                                  {QStringLiteral("message"), message},
                                                  {QStringLiteral("id"), nextErrorId(24)}});
    }

    // The indexes listed, in order: sorted (stable, so ties keep the default order), then filtered.
    // Kept for the last few queries, as a client pages through the same one.
    const QList<int> &listed(const LdSort &sort, const QString &sortText, const QString &filterText,
                             const LdFilter &filter)
    {
        const int count = listedCount();
        const QString cacheKey = QString::number(count) + QLatin1Char('\n')
            + QString::number(m_settings.ldFilterGeneration) + QLatin1Char('\n') + sortText + QLatin1Char('\n')
            + filterText;
        for (const auto &[key, order] : std::as_const(m_cache)) {
            if (key == cacheKey)
                return order;
        }

        QList<int> order(count);
        std::iota(order.begin(), order.end(), 0);
        if (sort.compare) {
            while (m_sortRecords.size() < count) {
                const int i = indexAt(int(m_sortRecords.size()));
                m_sortRecords.append(QJsonObject {
                    {QStringLiteral("key"), datagen::launchDarklyKey(i)},
                    {QStringLiteral("name"), datagen::launchDarklyName(i, epoch())},
                    {QStringLiteral("creationDate"), datagen::launchDarklyCreationDate(i, epoch())},
                    {QStringLiteral("lastModifiedDate"), datagen::launchDarklyLastModified(i, epoch())},
                });
            }
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return sort.compare(m_sortRecords.at(a), m_sortRecords.at(b)) < 0; });
        }
        if (filter.matches) {
            order.removeIf([&](int index) { return !filter.matches(record(index)); });
        }

        constexpr qsizetype kCacheSize = 8;
        if (m_cache.size() >= kCacheSize)
            m_cache.removeFirst();
        m_cache.append({cacheKey, order});
        return m_cache.constLast().second;
    }

    void layoutChanged() override
    {
        m_sortRecords.clear();
        m_cache.clear();
    }

    // The sort fields of record(i), grown on demand: whole records would make big sorts slow.
    QList<QJsonObject> m_sortRecords;
    QList<QPair<QString, QList<int>>> m_cache;
};

} // namespace

LdSort builtinLdSort(const QString &sort)
{
    QList<BuiltinSortKey> keys;
    // All-whitespace text sorts nothing; the stable sort then keeps the default order.
    const QList<QStringView> parts =
        sort.trimmed().isEmpty() ? QList<QStringView>() : QStringView(sort).split(QLatin1Char(','));
    for (const QStringView part : parts) {
        QStringView name = part.trimmed();
        BuiltinSortKey key;
        if (name.startsWith(QLatin1Char('-'))) {
            key.descending = true;
            name = name.mid(1);
        }
        if (name == QLatin1String("name")) {
            key.field = QStringLiteral("name");
        } else if (name == QLatin1String("creationDate") || name == QLatin1String("lastModified")) {
            key.field = name == QLatin1String("creationDate") ? QStringLiteral("creationDate")
                                                              : QStringLiteral("lastModifiedDate");
            key.numeric = true;
        } else {
            return LdSort {
                tr("Unsupported sort field \"%1\"; use name, creationDate or lastModified").arg(part.trimmed()), {}};
        }
        keys.append(key);
    }
    LdSort out;
    out.compare = [keys](const QJsonObject &a, const QJsonObject &b) {
        for (const BuiltinSortKey &key : keys) {
            int c = 0;
            if (key.numeric) {
                const qint64 x = a.value(key.field).toInteger();
                const qint64 y = b.value(key.field).toInteger();
                c = x < y ? -1 : (x > y ? 1 : 0);
            } else {
                c = a.value(key.field).toString().compare(b.value(key.field).toString());
            }
            if (c != 0)
                return key.descending ? -c : c;
        }
        return 0;
    };
    return out;
}

std::unique_ptr<SandboxEndpoint> makeLaunchDarklyEndpoint(const SandboxSettings &settings)
{
    return std::make_unique<LaunchDarklyEndpoint>(settings);
}

} // namespace sb
