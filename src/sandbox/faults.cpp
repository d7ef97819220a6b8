#include "faults.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::FaultPlan", text);
}

struct ChannelName
{
    SandboxChannel channel;
    const char *id;
};

constexpr std::array<ChannelName, kSandboxChannelCount> kChannelNames {{
    {SandboxChannel::Batch, "batch"},
    {SandboxChannel::LaunchDarkly, "launchdarkly"},
    {SandboxChannel::Amperity, "amperity"},
    {SandboxChannel::SailPoint, "sailpoint"},
    {SandboxChannel::SailPointToken, "sailpoint-token"},
    {SandboxChannel::LaunchDarklyProjects, "launchdarkly-projects"},
    {SandboxChannel::LaunchDarklyFlags, "launchdarkly-flags"},
}};

struct KindName
{
    FaultRule::Kind kind;
    const char *name;
    bool takesArgument;
    int defaultArgument;
};

constexpr std::array<KindName, 14> kKindNames {{
    {FaultRule::Kind::Latency, "latency", true, 1000},
    {FaultRule::Kind::Unauthorized, "401", false, 0},
    {FaultRule::Kind::RateLimited, "429", true, 1},
    {FaultRule::Kind::ServerError, "500", false, 0},
    {FaultRule::Kind::BadGateway, "502", false, 0},
    {FaultRule::Kind::Unavailable, "503", false, 0},
    {FaultRule::Kind::Drop, "drop", false, 0},
    {FaultRule::Kind::Malformed, "malformed", false, 0},
    {FaultRule::Kind::Truncated, "truncated", false, 0},
    {FaultRule::Kind::Drip, "drip", true, 100},
    {FaultRule::Kind::Huge, "huge", true, 50},
    {FaultRule::Kind::Repeat, "repeat", false, 0},
    {FaultRule::Kind::Shift, "shift", true, 5},
    {FaultRule::Kind::Total, "total", true, 10},
}};

// Digits only: no sign, no spaces, no "0x". Empty when it is not such a number or too big.
std::optional<int> parseCount(QStringView text)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    return text.toInt();
}

int statusOf(FaultRule::Kind kind)
{
    switch (kind) {
    case FaultRule::Kind::Unauthorized:
        return 401;
    case FaultRule::Kind::RateLimited:
        return 429;
    case FaultRule::Kind::ServerError:
        return 500;
    case FaultRule::Kind::BadGateway:
        return 502;
    case FaultRule::Kind::Unavailable:
        return 503;
    default:
        return 0;
    }
}

std::optional<FaultRule> parseRule(QStringView text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<FaultRule> {
        if (error)
            *error = tr("Bad fault rule \"%1\": %2").arg(text.toString(), why);
        return std::nullopt;
    };

    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return fail(tr("expected TARGET:FAULT, e.g. batch:503@first2"));
    const QStringView target = text.left(colon).trimmed();
    QStringView rest = text.mid(colon + 1).trimmed();

    FaultRule rule;
    if (target.compare(QLatin1String("all"), Qt::CaseInsensitive) != 0) {
        rule.channel = sandboxChannelFromId(target.toString().toLower());
        if (!rule.channel)
            return fail(tr("unknown target \"%1\"").arg(target.toString()));
    }

    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QStringView when = rest.mid(at + 1).trimmed();
        rest = rest.left(at).trimmed();
        const auto parseWhen = [&](const char *prefix, FaultRule::When kind) {
            const QLatin1String p(prefix);
            if (!when.startsWith(p, Qt::CaseInsensitive))
                return false;
            const std::optional<int> n = parseCount(when.mid(p.size()));
            if (!n || *n < 1)
                return false;
            rule.when = kind;
            rule.n = *n;
            return true;
        };
        if (!parseWhen("first", FaultRule::When::FirstN) && !parseWhen("every", FaultRule::When::EveryNth)
            && !parseWhen("after", FaultRule::When::AfterN) && !parseWhen("", FaultRule::When::Nth)) {
            return fail(tr("\"@%1\" is not N, firstN, everyN or afterN (N >= 1)").arg(when.toString()));
        }
    }

    QStringView argument;
    const qsizetype equals = rest.indexOf(QLatin1Char('='));
    if (equals >= 0) {
        argument = rest.mid(equals + 1).trimmed();
        rest = rest.left(equals).trimmed();
    }

    const auto kind = std::find_if(kKindNames.cbegin(), kKindNames.cend(), [&](const KindName &k) {
        return rest.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0;
    });
    if (kind == kKindNames.cend())
        return fail(tr("unknown fault \"%1\"").arg(rest.toString()));
    rule.kind = kind->kind;
    rule.argument = kind->defaultArgument;
    if (equals >= 0) {
        if (!kind->takesArgument)
            return fail(tr("\"%1\" takes no \"=\" value").arg(rest.toString()));
        const std::optional<int> value = parseCount(argument);
        if (!value)
            return fail(tr("\"%1\" is not a whole number").arg(argument.toString()));
        rule.argument = *value;
    }
    // The sandbox builds the whole body in memory.
    constexpr int kMaxHugeMegabytes = 1024;
    if (rule.kind == FaultRule::Kind::Huge && rule.argument > kMaxHugeMegabytes)
        return fail(tr("\"huge\" is at most %1 megabytes").arg(kMaxHugeMegabytes));
    return rule;
}

} // namespace

QString sandboxChannelId(SandboxChannel channel)
{
    for (const ChannelName &name : kChannelNames) {
        if (name.channel == channel)
            return QLatin1String(name.id);
    }
    return {};
}

std::optional<SandboxChannel> sandboxChannelFromId(const QString &id)
{
    for (const ChannelName &name : kChannelNames) {
        if (id == QLatin1String(name.id))
            return name.channel;
    }
    return std::nullopt;
}

bool FaultRule::appliesTo(SandboxChannel requestChannel, int requestNumber) const
{
    // "all" means every list endpoint; the token endpoint is only hit when named.
    if (channel ? *channel != requestChannel : requestChannel == SandboxChannel::SailPointToken)
        return false;
    switch (when) {
    case When::Always:
        return true;
    case When::Nth:
        return requestNumber == n;
    case When::FirstN:
        return requestNumber <= n;
    case When::EveryNth:
        return requestNumber % n == 0;
    case When::AfterN:
        return requestNumber > n;
    }
    return false;
}

bool FaultAction::isNone() const
{
    return latencyMs == 0 && status == 0 && body == Body::Intact && delivery == Delivery::Normal && !repeat
        && shiftRows == 0 && total < 0;
}

std::optional<FaultPlan> FaultPlan::parse(const QString &spec, QString *error)
{
    FaultPlan plan;
    if (spec.trimmed().isEmpty())
        return plan;
    for (const QStringView part : QStringView(spec).split(QLatin1Char(','))) {
        const QStringView text = part.trimmed();
        if (text.isEmpty()) {
            if (error)
                *error = tr("Empty fault rule in \"%1\"").arg(spec);
            return std::nullopt;
        }
        const std::optional<FaultRule> rule = parseRule(text, error);
        if (!rule)
            return std::nullopt;
        plan.m_rules.append(*rule);
    }
    return plan;
}

FaultAction FaultPlan::actionFor(SandboxChannel channel, int requestNumber) const
{
    FaultAction action;
    for (const FaultRule &rule : m_rules) {
        if (!rule.appliesTo(channel, requestNumber))
            continue;
        switch (rule.kind) {
        case FaultRule::Kind::Latency:
            action.latencyMs += rule.argument;
            break;
        case FaultRule::Kind::Unauthorized:
        case FaultRule::Kind::RateLimited:
        case FaultRule::Kind::ServerError:
        case FaultRule::Kind::BadGateway:
        case FaultRule::Kind::Unavailable:
            if (action.status == 0) {
                action.status = statusOf(rule.kind);
                action.retryAfterSeconds = rule.kind == FaultRule::Kind::RateLimited ? rule.argument : 0;
            }
            break;
        case FaultRule::Kind::Malformed:
            if (action.body == FaultAction::Body::Intact)
                action.body = FaultAction::Body::Malformed;
            break;
        case FaultRule::Kind::Truncated:
            if (action.body == FaultAction::Body::Intact)
                action.body = FaultAction::Body::Truncated;
            break;
        case FaultRule::Kind::Huge:
            if (action.body == FaultAction::Body::Intact) {
                action.body = FaultAction::Body::Huge;
                action.hugeMegabytes = rule.argument;
            }
            break;
        case FaultRule::Kind::Repeat:
            action.repeat = true;
            break;
        case FaultRule::Kind::Shift:
            if (action.shiftRows == 0)
                action.shiftRows = rule.argument;
            break;
        case FaultRule::Kind::Total:
            if (action.total < 0)
                action.total = rule.argument;
            break;
        case FaultRule::Kind::Drop:
        case FaultRule::Kind::Drip:
            if (action.delivery == FaultAction::Delivery::Normal) {
                action.delivery =
                    rule.kind == FaultRule::Kind::Drop ? FaultAction::Delivery::Drop : FaultAction::Delivery::Drip;
                action.dripIntervalMs = rule.kind == FaultRule::Kind::Drip ? rule.argument : 0;
            }
            break;
        }
    }
    return action;
}

QString FaultPlan::syntaxHelp()
{
    return tr("Fault rules, comma-separated:  TARGET:FAULT[=N][@WHEN]\n"
              "  TARGET  batch, launchdarkly, amperity, sailpoint (the segment lists),\n"
              "          launchdarkly-projects (projects and environments), launchdarkly-flags,\n"
              "          sailpoint-token (POST /oauth/token), all (every list but the token)\n"
              "  FAULT   latency=MS   answer MS milliseconds late (default 1000)\n"
              "          401          the vendor's 401 (SailPoint: JWT is expired)\n"
              "          429=S        the vendor's 429; SailPoint sends Retry-After: S,\n"
              "                       LaunchDarkly X-Ratelimit-Reset: now + S s (default 1)\n"
              "          500, 503     the vendor's error body; 502 an HTML page (text/html)\n"
              "          drop         full Content-Length, half the body, then the connection closes\n"
              "          malformed    the normal answer with a body that is not JSON\n"
              "          truncated    the normal answer cut in half (Content-Length matches)\n"
              "          drip=MS      the body in 10 pieces, MS milliseconds apart (default 100)\n"
              "          huge=MB      the normal answer padded with whitespace to MB megabytes (default 50)\n"
              "          repeat       the target's previous 200 answer again: same rows, same next cursor\n"
              "          shift=K      the page starts K rows before the asked offset (LaunchDarkly,\n"
              "                       SailPoint), so rows of the page before come again (default 5)\n"
              "          total=N      the answer claims N rows in all (LaunchDarkly totalCount, SailPoint\n"
              "                       X-Total-Count, Amperity total), whatever the list holds (default 10)\n"
              "  WHEN    N (only the Nth request), firstN, everyN, afterN; none: every request\n"
              "Each target numbers its own requests from 1, counted from when the faults are set.\n"
              "When rules meet: latencies add up; the first status, body, delivery and shift rule wins;\n"
              "a status fault beats repeat.\n"
              "Example: launchdarkly:429@2,all:503@first3,sailpoint:drop@every4");
}

} // namespace sb
