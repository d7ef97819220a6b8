// LaunchDarkly: GET /api/v2/segments/{projectKey}/{environmentKey}, offset-paged with _links,
// sorted by `sort`, filtered through the LdFilterHook; and around it the account's projects
// (GET /api/v2/projects, expand=environments; GET /api/v2/projects/{projectKey}/environments) and
// flags (GET /api/v2/flags/{projectKey}, env and summary), paged the same way.

#include "datagen.h"
#include "endpoint.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QMap>
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

QString pathKey(const QString &key)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(key));
}

// A page's _links as LaunchDarkly writes them: relative hrefs with the query's keys in Go's order
// (alphabetical: `params` is a QMap), limit and offset among them; self, first and last always,
// prev and next when they exist.
QJsonObject pageLinks(const QString &path, QMap<QString, QString> params, qint64 limit, qint64 offset, qint64 total)
{
    const auto href = [&](qint64 at) -> QString {
        params.insert(QStringLiteral("limit"), QString::number(limit));
        params.insert(QStringLiteral("offset"), QString::number(at));
        QStringList pairs;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            pairs << it.key() + QLatin1Char('=') + goQueryEscape(it.value());
        return path + QLatin1Char('?') + pairs.join(QLatin1Char('&'));
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
    return links;
}

// Rate-limit headers on every answer, as LaunchDarkly sends them.
HeaderList rateLimitHeaders()
{
    const qint64 reset = QDateTime::currentMSecsSinceEpoch() + 10000;
    return {{"X-Ratelimit-Global-Remaining", "995"},
            {"X-Ratelimit-Route-Remaining", "95"},
            {"X-Ratelimit-Reset", QByteArray::number(reset)}};
}

QByteArray compactArray(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QJsonObject environmentRecord(const datagen::LdEnvironment &e)
{
    return {{QStringLiteral("_id"), datagen::hexId(qHashBits(e.key.constData(), size_t(e.key.size()) * 2, 7), 24)},
            {QStringLiteral("key"), e.key},
            {QStringLiteral("name"), e.name},
            {QStringLiteral("color"), e.color},
            {QStringLiteral("critical"), e.critical},
            {QStringLiteral("tags"), QJsonArray()},
            {QStringLiteral("defaultTtl"), 0},
            {QStringLiteral("secureMode"), false}};
}

class LaunchDarklyEndpoint final : public SandboxEndpoint
{
public:
    using SandboxEndpoint::SandboxEndpoint;

    std::optional<SandboxChannel> route(const QString &path) const override
    {
        // Anything under /api/v2/ is LaunchDarkly's, so that a wrong path gets its 404.
        if (path == QLatin1String("/api/v2/projects") || path.startsWith(QLatin1String("/api/v2/projects/")))
            return SandboxChannel::LaunchDarklyProjects;
        if (path.startsWith(QLatin1String("/api/v2/flags/")))
            return SandboxChannel::LaunchDarklyFlags;
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

    SandboxResponse handle(SandboxChannel channel, const SandboxRequest &request) override
    {
        // The access token itself, with no "Bearer" prefix: a Bearer-prefixed token is refused.
        const QByteArray token = request.header("Authorization").value_or(QByteArray()).trimmed();
        const bool reader = token == SandboxCredentials::ldReaderToken().toUtf8();
        if (token != SandboxCredentials::ldToken().toUtf8() && !reader)
            return statusResponse(SandboxChannel::LaunchDarkly, 401, 0);
        if (reader && channel == SandboxChannel::LaunchDarklyProjects)
            return ldError(403, "forbidden", tr("Forbidden. Access to the requested resource was denied."));
        if (const std::optional<QByteArray> version = request.header("LD-API-Version")) {
            const QByteArray v = version->trimmed();
            bool digits = v.size() == 8;
            for (const char c : v)
                digits = digits && c >= '0' && c <= '9';
            if (!digits && v != "beta")
                return ldError(400, "invalid_request", tr("Invalid LD-API-Version; use a date such as 20240415"));
        }

        const QStringList parts = request.path.split(QLatin1Char('/'));
        const std::optional<qint64> askedLimit = integerParameter(request, QStringLiteral("limit"), 20, 1);
        if (!askedLimit)
            return ldError(400, "invalid_request", tr("limit must be a positive integer"));
        const std::optional<qint64> offsetParameter = integerParameter(request, QStringLiteral("offset"), 0, 0);
        if (!offsetParameter)
            return ldError(400, "invalid_request", tr("offset must be a non-negative integer"));
        // LaunchDarkly may send fewer than asked; the links then step by what it sent.
        const qint64 limit =
            m_settings.ldMaxPageSize > 0 ? std::min<qint64>(*askedLimit, m_settings.ldMaxPageSize) : *askedLimit;
        const qint64 offset = *offsetParameter;

        if (channel == SandboxChannel::LaunchDarklyProjects) {
            if (parts.size() == 4)
                return projects(request, limit, offset);
            if (parts.size() == 6 && parts.at(5) == QLatin1String("environments"))
                return environments(parts.at(4), limit, offset);
            return ldError(404, "not_found", tr("Invalid resource identifier"));
        }
        if (channel == SandboxChannel::LaunchDarklyFlags) {
            if (parts.size() == 5)
                return flags(request, parts.at(4), limit, offset);
            return ldError(404, "not_found", tr("Invalid resource identifier"));
        }

        if (parts.size() != 6 || parts.at(3) != QLatin1String("segments"))
            return ldError(404, "not_found", tr("Invalid resource identifier"));
        const QString project = parts.at(4);
        const QString environment = parts.at(5);
        if (!datagen::launchDarklyEnvironment(project, environment))
            return ldError(404, "not_found", tr("Invalid resource identifier"));

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

        qint64 total = 0;
        QByteArray items;
        if (project == SandboxCredentials::ldProject() && environment == SandboxCredentials::ldEnvironment()) {
            const QList<int> &order = listed(sort, sortText, filterText, filter);
            total = order.size();
            items = recordArray(offset, std::min(offset + limit, total), [&](qint64 i) { return order.at(i); });
        } else {
            // Another scope: fewer segments, written out on each request.
            const QList<QJsonObject> records = scopeRecords(project, environment, sort, filter);
            total = records.size();
            QJsonArray page;
            for (qint64 i = offset; i < std::min(offset + limit, total); ++i)
                page.append(records.at(i));
            items = compactArray(page);
        }

        QMap<QString, QString> params;
        if (!filterText.isEmpty())
            params.insert(QStringLiteral("filter"), filterText);
        if (!sortText.isEmpty())
            params.insert(QStringLiteral("sort"), sortText);
        const QJsonObject links =
            pageLinks(QStringLiteral("/api/v2/segments/") + pathKey(project) + QLatin1Char('/') + pathKey(environment),
                      params, limit, offset, total);
        return SandboxResponse::jsonWithArray(
            200, QJsonObject {{QStringLiteral("_links"), links}, {QStringLiteral("totalCount"), total}},
            QStringLiteral("items"), items, rateLimitHeaders());
    }

private:
    // GET /api/v2/projects: `expand=environments` embeds each project's environments as a paged
    // object of its first 20 ({items, totalCount, _links}).
    SandboxResponse projects(const SandboxRequest &request, qint64 limit, qint64 offset)
    {
        const QString expand = request.query(QStringLiteral("expand")).value_or(QString());
        const bool withEnvironments = expand.split(QLatin1Char(',')).contains(QLatin1String("environments"));
        const QList<datagen::LdProject> &all = datagen::launchDarklyProjects();
        const qint64 total = all.size();
        QJsonArray items;
        for (qint64 i = offset; i < std::min(offset + limit, total); ++i) {
            const datagen::LdProject &p = all.at(i);
            const QString self = QStringLiteral("/api/v2/projects/") + pathKey(p.key);
            QJsonObject project {
                {QStringLiteral("_id"), datagen::hexId(quint64(i + 1) * 0x9E3779B97F4A7C15ULL, 24)},
                {QStringLiteral("key"), p.key},
                {QStringLiteral("name"), p.name},
                {QStringLiteral("tags"), QJsonArray::fromStringList(p.tags)},
                {QStringLiteral("includeInSnippetByDefault"), false},
                {QStringLiteral("_links"),
                 QJsonObject {{QStringLiteral("self"), link(self)},
                              {QStringLiteral("environments"), link(self + QStringLiteral("/environments"))}}},
            };
            if (withEnvironments) {
                constexpr qint64 kEmbedded = 20;
                const qint64 count = p.environments.size();
                QJsonArray environments;
                for (qint64 e = 0; e < std::min(count, kEmbedded); ++e)
                    environments.append(environmentRecord(p.environments.at(e)));
                project.insert(
                    QStringLiteral("environments"),
                    QJsonObject {{QStringLiteral("items"), environments},
                                 {QStringLiteral("totalCount"), count},
                                 {QStringLiteral("_links"),
                                  pageLinks(self + QStringLiteral("/environments"), {}, kEmbedded, 0, count)}});
            }
            items.append(project);
        }
        QMap<QString, QString> params;
        if (!expand.isEmpty())
            params.insert(QStringLiteral("expand"), expand);
        return SandboxResponse::jsonWithArray(
            200,
            QJsonObject {
                {QStringLiteral("_links"), pageLinks(QStringLiteral("/api/v2/projects"), params, limit, offset, total)},
                {QStringLiteral("totalCount"), total}},
            QStringLiteral("items"), compactArray(items), rateLimitHeaders());
    }

    // GET /api/v2/projects/{projectKey}/environments
    SandboxResponse environments(const QString &projectKey, qint64 limit, qint64 offset)
    {
        const datagen::LdProject *project = datagen::launchDarklyProject(projectKey);
        if (!project)
            return ldError(404, "not_found", tr("Unknown project key"));
        const qint64 total = project->environments.size();
        QJsonArray items;
        for (qint64 i = offset; i < std::min(offset + limit, total); ++i)
            items.append(environmentRecord(project->environments.at(i)));
        return SandboxResponse::jsonWithArray(
            200,
            QJsonObject {
                {QStringLiteral("_links"),
                 pageLinks(QStringLiteral("/api/v2/projects/") + pathKey(projectKey) + QStringLiteral("/environments"),
                           {}, limit, offset, total)},
                {QStringLiteral("totalCount"), total}},
            QStringLiteral("items"), compactArray(items), rateLimitHeaders());
    }

    // GET /api/v2/flags/{projectKey}: `env` names the environments whose settings each flag
    // carries; summary (the default) leaves their rules out, summary=0 or false keeps them.
    SandboxResponse flags(const SandboxRequest &request, const QString &projectKey, qint64 limit, qint64 offset)
    {
        const datagen::LdProject *project = datagen::launchDarklyProject(projectKey);
        if (!project)
            return ldError(404, "not_found", tr("Unknown project key"));
        const QString summaryText = request.query(QStringLiteral("summary")).value_or(QStringLiteral("true"));
        const bool summary = summaryText != QLatin1String("0") && summaryText != QLatin1String("false");
        QStringList environments;
        QStringList asked;
        for (const QString &value : formValues(request.rawQuery, QStringLiteral("env")))
            asked << value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &env : std::as_const(asked)) {
            if (!datagen::launchDarklyEnvironment(projectKey, env))
                return ldError(404, "not_found", tr("Unknown environment key %1").arg(env));
            environments << env;
        }
        const int defaultCount = m_settings.segmentCount(SandboxChannel::LaunchDarkly);
        const qint64 total = datagen::launchDarklyFlagCount(defaultCount);
        QJsonArray items;
        for (qint64 i = offset; i < std::min(offset + limit, total); ++i) {
            QJsonObject flag;
            QJsonObject settings;
            for (const QString &env : std::as_const(environments)) {
                const int count = datagen::launchDarklyScopeCount(projectKey, env, defaultCount);
                flag = datagen::launchDarklyFlag(int(i), projectKey, env, count, !summary);
                settings.insert(env, flag.value(QStringLiteral("environments")).toObject().value(env));
            }
            if (environments.isEmpty())
                flag = datagen::launchDarklyFlag(int(i), projectKey, QString(), 0, false);
            // With LD-API-Version 20240415, a flag lists only the environments asked for.
            flag.remove(QStringLiteral("environments"));
            if (!environments.isEmpty())
                flag.insert(QStringLiteral("environments"), settings);
            items.append(flag);
        }
        QMap<QString, QString> params;
        if (!environments.isEmpty())
            params.insert(QStringLiteral("env"), environments.join(QLatin1Char(',')));
        params.insert(QStringLiteral("summary"), summaryText);
        return SandboxResponse::jsonWithArray(
            200,
            QJsonObject {
                {QStringLiteral("_links"),
                 pageLinks(QStringLiteral("/api/v2/flags/") + pathKey(projectKey), params, limit, offset, total)},
                {QStringLiteral("totalCount"), total}},
            QStringLiteral("items"), compactArray(items), rateLimitHeaders());
    }

    // The segments of a scope other than the default one, sorted and filtered.
    QList<QJsonObject> scopeRecords(const QString &project, const QString &environment, const LdSort &sort,
                                    const LdFilter &filter) const
    {
        QList<QJsonObject> records;
        for (const int index : datagen::launchDarklyScopeListing(
                 project, environment, m_settings.segmentCount(SandboxChannel::LaunchDarkly), epoch()))
            records.append(datagen::launchDarklyScopeSegment(index, epoch(), project, environment));
        if (sort.compare)
            std::stable_sort(records.begin(), records.end(),
                             [&](const QJsonObject &a, const QJsonObject &b) { return sort.compare(a, b) < 0; });
        if (filter.matches)
            records.removeIf([&](const QJsonObject &r) { return !filter.matches(r); });
        return records;
    }

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
