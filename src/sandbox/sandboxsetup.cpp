#include "sandboxsetup.h"

#include "ldfilter/evaluator.h"
#include "ldfilter/parser.h"
#include "ldfilter/sort.h"
#include "sandboxserver.h"
#include "vendors/batch/batchapi.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/sailpoint/sailpointapi.h"

namespace sb {

QList<std::pair<Profile, QString>> sandboxDemoProfiles(const QUrl &root)
{
    const QString base = root.toString(QUrl::StripTrailingSlash);
    auto make = [](const QString &name, const QString &vendor, const QString &url, QMap<QString, QString> params) {
        Profile p;
        p.name = name;
        p.vendor = vendor;
        p.baseUrl = QUrl(url);
        p.params = std::move(params);
        return p;
    };
    return {
        {make(QStringLiteral("Demo Batch"), QStringLiteral("batch"), base + QStringLiteral("/2.11"),
              {{BatchApi::projectKey, SandboxCredentials::batchProjectKey()}}),
         SandboxCredentials::batchRestKey()},
        {make(QStringLiteral("Demo LaunchDarkly"), QStringLiteral("launchdarkly"), base,
              {{LaunchDarklyApi::projectKey, SandboxCredentials::ldProject()},
               {LaunchDarklyApi::environmentKey, SandboxCredentials::ldEnvironment()}}),
         SandboxCredentials::ldToken()},
        {make(QStringLiteral("Demo Amperity"), QStringLiteral("amperity"), base + QStringLiteral("/api"),
              {{ParamKey::tenant, SandboxCredentials::amperityTenant()}}),
         SandboxCredentials::amperityToken()},
        {make(QStringLiteral("Demo SailPoint"), QStringLiteral("sailpoint"), base,
              {{SailPointApi::clientIdKey, SandboxCredentials::sailpointClientId()}}),
         SandboxCredentials::sailpointClientSecret()},
    };
}

LdFilterHook ldFilterLanguageHook()
{
    return [](const QString &text) {
        LdFilter out;
        const Result<ldfilter::Filter> filter = ldfilter::parse(text);
        if (!filter) {
            out.error = filter.error().message;
            return out;
        }
        const ldfilter::Filter f = filter.value();
        out.matches = [f](const QJsonObject &segment) {
            return ldfilter::matches(f, segment);
        };
        return out;
    };
}

LdSortHook ldSortLanguageHook()
{
    return [](const QString &text) {
        LdSort out;
        const Result<QList<ldfilter::SortKey>> keys = ldfilter::parseSort(text);
        if (!keys) {
            out.error = keys.error().message;
            return out;
        }
        const QList<ldfilter::SortKey> k = keys.value();
        out.compare = [k](const QJsonObject &a, const QJsonObject &b) {
            return ldfilter::compareForSort(k, a, b);
        };
        return out;
    };
}

} // namespace sb
