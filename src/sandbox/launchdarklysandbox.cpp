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

struct SortKey
{
    enum class Field { Name, CreationDate, LastModified };
    Field field = Field::Name;
    bool descending = false;
};

// `sort=-name,creationDate`: fields by priority, '-' for descending. Empty optional: a bad field.
std::optional<QList<SortKey>> parseSort(const QString &text, QString *badField)
{
    QList<SortKey> keys;
    if (text.trimmed().isEmpty())
        return keys;
    for (const QStringView part : QStringView(text).split(QLatin1Char(','))) {
        QStringView name = part.trimmed();
        SortKey key;
        if (name.startsWith(QLatin1Char('-'))) {
            key.descending = true;
            name = name.mid(1);
        }
        if (name == QLatin1String("name")) {
            key.field = SortKey::Field::Name;
        } else if (name == QLatin1String("creationDate")) {
            key.field = SortKey::Field::CreationDate;
        } else if (name == QLatin1String("lastModified")) {
            key.field = SortKey::Field::LastModified;
        } else {
            *badField = part.trimmed().toString();
            return std::nullopt;
        }
        keys.append(key);
    }
    return keys;
}

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

    QJsonObject record(int index) const override
    {
        return datagen::launchDarklySegment(index, SandboxCredentials::ldProject(),
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
        QString badField;
        const std::optional<QList<SortKey>> sort = parseSort(sortText, &badField);
        if (!sort) {
            return ldError(400, "invalid_request",
                           tr("Unsupported sort field \"%1\"; use name, creationDate or lastModified").arg(badField));
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
        const QList<int> &order = listed(*sort, sortText, filterText, filter);
        const qint64 total = order.size();

        QJsonArray items;
        for (qint64 i = offset; i < std::min(offset + limit, total); ++i)
            items.append(record(order.at(i)));

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
        return SandboxResponse::json(200,
                                     QJsonObject {{QStringLiteral("items"), items},
                                                  {QStringLiteral("_links"), links},
                                                  {QStringLiteral("totalCount"), total}},
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
    const QList<int> &listed(const QList<SortKey> &keys, const QString &sortText, const QString &filterText,
                             const LdFilter &filter)
    {
        const int count = m_settings.segmentCount(SandboxChannel::LaunchDarkly);
        const QString cacheKey = QString::number(count) + QLatin1Char('\n')
            + QString::number(m_settings.ldFilterGeneration) + QLatin1Char('\n') + sortText + QLatin1Char('\n')
            + filterText;
        for (const auto &[key, order] : std::as_const(m_cache)) {
            if (key == cacheKey)
                return order;
        }

        QList<int> order(count);
        std::iota(order.begin(), order.end(), 0);
        if (!keys.isEmpty()) {
            while (m_names.size() < count)
                m_names.append(datagen::launchDarklyName(int(m_names.size())));
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
                for (const SortKey &key : keys) {
                    int c = 0;
                    switch (key.field) {
                    case SortKey::Field::Name:
                        c = m_names.at(a).compare(m_names.at(b));
                        break;
                    case SortKey::Field::CreationDate:
                        c = compareNumbers(datagen::launchDarklyCreationDate(a), datagen::launchDarklyCreationDate(b));
                        break;
                    case SortKey::Field::LastModified:
                        c = compareNumbers(datagen::launchDarklyLastModified(a), datagen::launchDarklyLastModified(b));
                        break;
                    }
                    if (c != 0)
                        return key.descending ? c > 0 : c < 0;
                }
                return false;
            });
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

    static int compareNumbers(qint64 a, qint64 b) { return a < b ? -1 : (a > b ? 1 : 0); }

    QStringList m_names; // name(i), grown on demand: the one sort key that is costly to make
    QList<QPair<QString, QList<int>>> m_cache;
};

} // namespace

std::unique_ptr<SandboxEndpoint> makeLaunchDarklyEndpoint(const SandboxSettings &settings)
{
    return std::make_unique<LaunchDarklyEndpoint>(settings);
}

} // namespace sb
