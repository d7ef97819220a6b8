#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace sb {

// What the sandbox numbers requests by. Each channel counts its own requests from 1.
// The four list endpoints are the vendors; SailPoint's POST /oauth/token is a channel of its own,
// so that "sailpoint:429@1" hits the first list request and not the token request before it.
// LaunchDarkly's projects (and their environments) and its flags are channels of their own too, so
// that a rule can fail the flags walk and leave the segments alone; "all" covers them.
enum class SandboxChannel {
    Batch,
    LaunchDarkly,
    Amperity,
    SailPoint,
    SailPointToken,
    LaunchDarklyProjects,
    LaunchDarklyFlags
};
inline constexpr int kSandboxChannelCount = 7;

// "batch", "launchdarkly", "amperity", "sailpoint", "sailpoint-token", "launchdarkly-projects",
// "launchdarkly-flags".
QString sandboxChannelId(SandboxChannel channel);
std::optional<SandboxChannel> sandboxChannelFromId(const QString &id);

// One rule of a fault plan, e.g. "launchdarkly:429=5@every3".
struct FaultRule
{
    enum class Kind {
        Latency, // answer late: argument = milliseconds
        Unauthorized, // 401 in the vendor's style (for SailPoint: "JWT is expired")
        RateLimited, // 429 in the vendor's style: argument = seconds to wait (Retry-After, X-Ratelimit-Reset)
        ServerError, // 500 with the vendor's error body
        BadGateway, // 502 as an HTML page (text/html), as a load balancer sends it
        Unavailable, // 503 with the vendor's error body
        Drop, // headers with the full Content-Length, half the body, then the connection is closed
        Malformed, // the normal answer with a body that is not JSON any more
        Truncated, // the normal answer cut in half, Content-Length matching the cut body
        Drip, // the normal answer, its body sent in 10 pieces: argument = milliseconds between pieces
        Huge, // the normal answer padded with whitespace (still valid JSON): argument = megabytes
        Repeat, // the channel's previous successful answer again: the same rows, the same next cursor
        Shift, // the page starts this many rows before the asked `offset`: argument = rows
        Total, // the answer's total (totalCount, X-Total-Count, total) says this instead: argument = total
    };
    enum class When {
        Always, // every request
        Nth, // only request n
        FirstN, // requests 1..n
        EveryNth, // requests n, 2n, 3n, ...
        AfterN, // requests n+1, n+2, ...
    };

    std::optional<SandboxChannel> channel; // empty: every list endpoint ("all"), not the token endpoint
    Kind kind = Kind::Latency;
    int argument = 0;
    When when = When::Always;
    int n = 0;

    bool appliesTo(SandboxChannel requestChannel, int requestNumber) const;
};

// What to do to one request: the sum of the rules that match it.
struct FaultAction
{
    enum class Body { Intact, Malformed, Truncated, Huge };
    enum class Delivery { Normal, Drop, Drip };

    int latencyMs = 0; // all matching latency rules add up
    int status = 0; // 0, or 401/429/500/502/503 from the first matching status rule: replaces the answer
    int retryAfterSeconds = 0; // with status 429
    Body body = Body::Intact; // from the first matching body rule
    Delivery delivery = Delivery::Normal; // from the first matching delivery rule
    int dripIntervalMs = 0; // with Delivery::Drip
    int hugeMegabytes = 0; // with Body::Huge
    bool repeat = false; // answer with the channel's previous 200 answer (when there is one)
    int shiftRows = 0; // the `offset` query parameter is lowered by this much (offset-paged vendors)
    int total = -1; // >= 0: the total the answer claims, whatever the list holds

    bool isNone() const;
};

// A parsed --faults specification. The plan itself holds no state: SandboxServer numbers the requests.
class FaultPlan final
{
public:
    // Parses the --faults syntax (see syntaxHelp). An empty or blank spec is a valid, empty plan.
    static std::optional<FaultPlan> parse(const QString &spec, QString *error = nullptr);

    FaultAction actionFor(SandboxChannel channel, int requestNumber) const;
    const QList<FaultRule> &rules() const { return m_rules; }
    bool isEmpty() const { return m_rules.isEmpty(); }

    // The syntax in a few lines, for `segment-sandbox --help` and error messages.
    static QString syntaxHelp();

private:
    QList<FaultRule> m_rules;
};

} // namespace sb
