// LaunchDarkly's account around the segments: projects with their environments, and flags whose
// rules match segments. A pure function of the arguments, like the segments.

#include "datagen_p.h"

#include <QJsonArray>

namespace sb::datagen {

using namespace detail;

namespace {

constexpr quint64 FlagSeed = 21;

LdEnvironment environment(const char *key, const char *name, const char *color, bool critical = false)
{
    return {QLatin1String(key), QLatin1String(name), QLatin1String(color), critical};
}

QList<LdEnvironment> previewEnvironments()
{
    QList<LdEnvironment> out;
    for (int pr = 1101; pr <= 1123; ++pr)
        out.append({QStringLiteral("pr-%1").arg(pr), QStringLiteral("Pull request #%1").arg(pr),
                    QStringLiteral("A7A7A7"), false});
    return out;
}

struct FlagStem
{
    const char *key;
    const char *name;
};

constexpr FlagStem kFlagStems[] = {
    {"new-checkout-flow", "New checkout flow"},   {"dark-mode", "Dark mode"},
    {"recommendations-v2", "Recommendations v2"}, {"one-click-upgrade", "One-click upgrade"},
    {"holiday-banner", "Holiday banner"},         {"search-autocomplete", "Search autocomplete"},
    {"beta-dashboard", "Beta dashboard"},         {"pricing-experiment", "Pricing experiment"},
    {"mobile-onboarding", "Mobile onboarding"},   {"referral-program", "Referral program"},
    {"live-chat-support", "Live chat support"},   {"instant-payouts", "Instant payouts"},
};
constexpr int kFlagStemCount = int(std::size(kFlagStems));

// A hash of the text that is the same in every run (qHash is seeded per process).
quint64 stableHash(const QString &text)
{
    quint64 h = 1469598103934665603ULL;
    for (const QChar c : text)
        h = (h ^ c.unicode()) * 1099511628211ULL;
    return h;
}

QJsonObject link(const QString &href, const char *type = "application/json")
{
    return {{QStringLiteral("href"), href}, {QStringLiteral("type"), QLatin1String(type)}};
}

} // namespace

const QList<LdProject> &launchDarklyProjects()
{
    static const QList<LdProject> projects {
        {QStringLiteral("default"),
         QStringLiteral("Default project"),
         {},
         {environment("production", "Production", "417505", true), environment("staging", "Staging", "F5A623"),
          environment("test", "Test", "7B42BC")}},
        {QStringLiteral("mobile-app"),
         QStringLiteral("Mobile app"),
         {QStringLiteral("mobile")},
         {environment("production", "Production", "417505", true),
          environment("development", "Development", "4A90E2")}},
        {QStringLiteral("checkout"),
         QStringLiteral("Checkout service"),
         {QStringLiteral("payments"), QStringLiteral("team.growth")},
         {environment("production", "Production", "417505", true), environment("staging", "Staging", "F5A623")}},
        {QStringLiteral("preview"), QStringLiteral("Preview environments"), {}, previewEnvironments()},
    };
    return projects;
}

const LdProject *launchDarklyProject(const QString &project)
{
    for (const LdProject &p : launchDarklyProjects()) {
        if (p.key == project)
            return &p;
    }
    return nullptr;
}

const LdEnvironment *launchDarklyEnvironment(const QString &project, const QString &environment)
{
    const LdProject *p = launchDarklyProject(project);
    if (!p)
        return nullptr;
    for (const LdEnvironment &e : p->environments) {
        if (e.key == environment)
            return &e;
    }
    return nullptr;
}

int launchDarklyScopeCount(const QString &project, const QString &environment, int defaultCount)
{
    if (!launchDarklyEnvironment(project, environment))
        return 0;
    if (project == QLatin1String("default"))
        return environment == QLatin1String("test") ? defaultCount / 2 : defaultCount;
    if (project == QLatin1String("preview"))
        return std::min(defaultCount, 3);
    return defaultCount / 4;
}

namespace {

bool isStaging(const QString &project, const QString &environment)
{
    return project == QLatin1String("default") && environment == QLatin1String("staging");
}

// Staging against production: some missing, some renamed, some retagged, and a few of its own.
bool stagingMissing(int index)
{
    return index < kStagingOwnBase && index % 23 == 4;
}
bool stagingRenamed(int index)
{
    return index < kStagingOwnBase && index % 19 == 6;
}
bool stagingRetagged(int index)
{
    return index < kStagingOwnBase && index % 29 == 10;
}
int stagingOwnCount(int defaultCount)
{
    return std::max(1, defaultCount / 50);
}

} // namespace

std::vector<int> launchDarklyScopeListing(const QString &project, const QString &environment, int defaultCount,
                                          int epoch)
{
    std::vector<int> indexes = listing(launchDarklyScopeCount(project, environment, defaultCount), epoch);
    if (!isStaging(project, environment))
        return indexes;
    std::erase_if(indexes, stagingMissing);
    for (int j = 0; j < stagingOwnCount(defaultCount); ++j)
        indexes.push_back(kStagingOwnBase + j);
    return indexes;
}

QJsonObject launchDarklyScopeSegment(int index, int epoch, const QString &project, const QString &environment)
{
    QJsonObject segment = launchDarklySegment(index, index >= kStagingOwnBase ? 0 : epoch, project, environment);
    if (!isStaging(project, environment))
        return segment;
    if (stagingRenamed(index))
        segment.insert(QStringLiteral("name"),
                       QString(segment.value(QStringLiteral("name")).toString() + QStringLiteral(" (staging)")));
    if (stagingRetagged(index)) {
        QJsonArray tags = segment.value(QStringLiteral("tags")).toArray();
        tags.append(QStringLiteral("staging-only"));
        segment.insert(QStringLiteral("tags"), tags);
    }
    return segment;
}

QList<ScopeDifference> launchDarklyStagingDifferences(int defaultCount)
{
    QList<ScopeDifference> out;
    const int count = launchDarklyScopeCount(QStringLiteral("default"), QStringLiteral("staging"), defaultCount);
    for (int i = 0; i < count; ++i) {
        if (stagingMissing(i)) {
            out.append({QStringLiteral("only-a"), launchDarklyKey(i), {}});
            continue;
        }
        QStringList fields;
        if (stagingRenamed(i))
            fields << QStringLiteral("name");
        if (stagingRetagged(i))
            fields << QStringLiteral("tags");
        if (!fields.isEmpty())
            out.append({QStringLiteral("different"), launchDarklyKey(i), fields});
    }
    for (int j = 0; j < stagingOwnCount(defaultCount); ++j)
        out.append({QStringLiteral("only-b"), launchDarklyKey(kStagingOwnBase + j), {}});
    return out;
}

int launchDarklyFlagCount(int segmentCount)
{
    return std::clamp(segmentCount / 8, 3, 60);
}

QStringList launchDarklyFlagSegments(int index, const QString &environment, int segmentCount)
{
    QStringList keys;
    if (segmentCount <= 0)
        return keys;
    Draws draws(FlagSeed, index, stableHash(environment) % 7);
    // Two flags in three use a segment; a few use two or three. Low numbers are favoured, so that
    // the segments a small list shows are used too.
    const int uses = index % 3 == 2 ? 0 : 1 + draws.below(3) / 2 + (index % 7 == 0 ? 1 : 0);
    for (int u = 0; u < uses; ++u) {
        const int at = draws.below(std::min(segmentCount, 40 + 20 * u));
        const QString key = launchDarklyKey(at);
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QJsonObject launchDarklyFlag(int index, const QString &project, const QString &environment, int segmentCount,
                             bool withRules)
{
    const FlagStem &stem = kFlagStems[index % kFlagStemCount];
    const int round = index / kFlagStemCount;
    const QString key =
        round == 0 ? QLatin1String(stem.key) : QStringLiteral("%1-%2").arg(QLatin1String(stem.key)).arg(round + 1);
    const QString name =
        round == 0 ? QLatin1String(stem.name) : QStringLiteral("%1 %2").arg(QLatin1String(stem.name)).arg(round + 1);
    Draws draws(FlagSeed, index, 1);
    const qint64 created = 1640995200000LL + qint64(draws.below(900)) * 86400000LL + draws.below(86400000);

    QJsonObject settings {
        {QStringLiteral("on"), !draws.oneIn(4)},
        {QStringLiteral("archived"), false},
        {QStringLiteral("lastModified"), created + qint64(draws.below(200)) * 86400000LL},
        {QStringLiteral("version"), 1 + draws.below(30)},
        {QStringLiteral("_site"),
         link(QLatin1Char('/') + project + QLatin1Char('/') + environment + QStringLiteral("/features/") + key,
              "text/html")},
        {QStringLiteral("_environmentName"),
         launchDarklyEnvironment(project, environment) ? launchDarklyEnvironment(project, environment)->name
                                                       : environment},
    };
    if (withRules) {
        QJsonArray rules;
        const QStringList segments = launchDarklyFlagSegments(index, environment, segmentCount);
        for (qsizetype s = 0; s < segments.size(); ++s) {
            QJsonArray clauses {QJsonObject {
                {QStringLiteral("_id"), hexId(draws.next(), 24)},
                {QStringLiteral("attribute"), QStringLiteral("segmentMatch")},
                {QStringLiteral("op"), QStringLiteral("segmentMatch")},
                {QStringLiteral("values"), QJsonArray {segments.at(s)}},
                {QStringLiteral("contextKind"), QString()},
                {QStringLiteral("negate"), index % 5 == 4 && s == 0},
            }};
            if (draws.oneIn(2))
                clauses.append(
                    QJsonObject {{QStringLiteral("_id"), hexId(draws.next(), 24)},
                                 {QStringLiteral("attribute"), QStringLiteral("country")},
                                 {QStringLiteral("op"), QStringLiteral("in")},
                                 {QStringLiteral("values"), QJsonArray {QStringLiteral("US"), QStringLiteral("CA")}},
                                 {QStringLiteral("contextKind"), QStringLiteral("user")},
                                 {QStringLiteral("negate"), false}});
            rules.append(QJsonObject {{QStringLiteral("_id"), hexId(draws.next(), 24)},
                                      {QStringLiteral("variation"), 0},
                                      {QStringLiteral("clauses"), clauses},
                                      {QStringLiteral("trackEvents"), false}});
        }
        // A rule on a plain attribute, which uses no segment.
        if (index % 4 == 1)
            rules.append(QJsonObject {
                {QStringLiteral("_id"), hexId(draws.next(), 24)},
                {QStringLiteral("variation"), 0},
                {QStringLiteral("clauses"),
                 QJsonArray {QJsonObject {{QStringLiteral("attribute"), QStringLiteral("plan")},
                                          {QStringLiteral("op"), QStringLiteral("in")},
                                          {QStringLiteral("values"), QJsonArray {QStringLiteral("enterprise")}},
                                          {QStringLiteral("negate"), false}}}},
                {QStringLiteral("trackEvents"), false}});
        settings.insert(QStringLiteral("rules"), rules);
        settings.insert(QStringLiteral("targets"), QJsonArray());
        settings.insert(QStringLiteral("prerequisites"), QJsonArray());
        settings.insert(QStringLiteral("fallthrough"), QJsonObject {{QStringLiteral("variation"), 1}});
        settings.insert(QStringLiteral("offVariation"), 1);
    }

    return QJsonObject {
        {QStringLiteral("key"), key},
        {QStringLiteral("name"), name},
        {QStringLiteral("kind"), QStringLiteral("boolean")},
        {QStringLiteral("description"), QString()},
        {QStringLiteral("tags"), QJsonArray()},
        {QStringLiteral("creationDate"), created},
        {QStringLiteral("temporary"), index % 3 == 0},
        {QStringLiteral("archived"), false},
        {QStringLiteral("deprecated"), false},
        {QStringLiteral("_version"), 1 + draws.below(12)},
        {QStringLiteral("variations"),
         QJsonArray {QJsonObject {{QStringLiteral("value"), true}, {QStringLiteral("name"), QStringLiteral("On")}},
                     QJsonObject {{QStringLiteral("value"), false}, {QStringLiteral("name"), QStringLiteral("Off")}}}},
        {QStringLiteral("_links"),
         QJsonObject {
             {QStringLiteral("parent"), link(QStringLiteral("/api/v2/flags/") + project)},
             {QStringLiteral("self"), link(QStringLiteral("/api/v2/flags/") + project + QLatin1Char('/') + key)}}},
        {QStringLiteral("environments"), QJsonObject {{environment, settings}}},
    };
}

} // namespace sb::datagen
