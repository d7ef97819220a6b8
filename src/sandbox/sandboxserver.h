#pragma once

#include "datagen.h"
#include "faults.h"
#include "ldfilterhook.h"

#include <QAbstractHttpServer>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <array>
#include <memory>
#include <vector>

class QTcpSocket;

namespace sb {

// The sandbox's fixed credentials. They are fake and public: the demo prints them.
struct SandboxCredentials
{
    static QString batchRestKey();
    static QString batchProjectKey();
    static QString ldToken();
    // A token whose role reads segments and flags but not the projects listing (403 there).
    static QString ldReaderToken();
    static QString ldProject(); // "default"
    static QString ldEnvironment(); // "production"
    static QString amperityToken();
    static QString amperityTenant();
    static QString sailpointClientId();
    static QString sailpointClientSecret();
};

// One difference between two epochs of a vendor's list (SandboxServer::expectedChanges).
struct SandboxChange
{
    QString kind; // "added", "removed" or "changed"
    QString key; // LaunchDarkly key, Batch code, Amperity and SailPoint id
    QStringList fields; // "changed": the top-level content fields that differ, in the vendor's order

    bool operator==(const SandboxChange &other) const = default;
};

class SandboxEndpoint;
struct SandboxRequest;
struct SandboxResponse;
struct SandboxSettings;

// The four vendors' list-segments endpoints on 127.0.0.1, as their documentation describes them,
// with deterministic data and faults on demand. Everything the project's network code does is
// built and tested against it.
//
//   Batch         GET  /2.11/segments/list                     (base URL <root>/2.11)
//   LaunchDarkly  GET  /api/v2/segments/{project}/{environment} (base URL <root>)
//   Amperity      GET  /api/segments                           (base URL <root>/api)
//   SailPoint     POST /oauth/token, GET /v3/segments          (base URL <root>/v3; /beta works too)
//
// Each vendor checks its own credentials (SandboxCredentials) and answers with its own error
// bodies. Responses are written by hand onto the socket, so faults can cut, corrupt, delay or
// trickle them (see FaultPlan::syntaxHelp for the --faults syntax).
//
// Batch: "Authorization: Bearer <REST key>" and X-Batch-Project (missing: 400 MISSING_PARAMETER;
//   wrong key or project: 401 AUTHENTICATION_INVALID). limit 1..100, default 10. A page is
//   {segments, count (this page's), has_more, next_from (only while has_more)}; next_from is base64
//   of "CODE@created_at" of the page's last segment, sent back as `from` (percent-encode it).
// LaunchDarkly: "Authorization: <token>", no Bearer; LD-API-Version yyyymmdd or beta, optional.
//   Projects (GET /api/v2/projects, expand=environments embeds each project's first 20) and their
//   environments (GET /api/v2/projects/{key}/environments), and flags (GET /api/v2/flags/{project},
//   env repeatable, summary=0 or false for rules) are paged the same way, on channels of their own.
//   ldReaderToken() gets 403 forbidden on the projects. datagen::launchDarklyProjects() lists the
//   account; segments of scopes other than default/production are smaller lists of the same data.
//   limit >= 1 (default 20, capped by setLdMaxPageSize), offset >= 0; sort name, creationDate,
//   lastModified, '-' for descending, comma-separated (names compare by UTF-16 code units; ties
//   keep the default order); filter through the LdFilterHook. _links self, first, last always,
//   prev and next when they exist: relative hrefs, keys in Go's order (filter, limit, offset, sort),
//   '+' for a space. totalCount. Rate-limit headers on every answer. Other project or environment:
//   404 not_found.
// Amperity: Bearer token, amperity-tenant (missing: 400; another: 403), api-version header or
//   api_version query 2024-04-01 (else 400). limit >= 1 (default 100), with_total true|false,
//   next_token (15 letters and digits). The last page has next_token "" when the segment count is
//   even and none when it is odd: clients must take both as the end.
// SailPoint: POST /oauth/token (form fields or HTTP Basic) gives a bearer token that lives
//   setTokenLifetimeSeconds. GET /v3/segments: limit 0..250 (default 250), offset >= 0, count=true
//   for X-Total-Count; an offset at or past the end of a non-empty list is 400. A bare JSON array.
class SandboxServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 only, never on another interface. 0: any free port.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl rootUrl() const; // http://127.0.0.1:<port>

    // The data set every vendor serves: Faults (the default, which the tests and benchmarks use)
    // or Demo (datagen.h). Process-wide: it calls datagen::setDataSet, so every SandboxServer of the
    // process, and datagen's functions, serve the set last chosen. Call it before prepareRecords()
    // and before the first request; the records written out so far are dropped.
    void setDataSet(datagen::DataSet set);
    static datagen::DataSet dataSet();
    // How many segments each vendor lists at epoch 0 (default 1000). Segment i is the same whatever
    // the count.
    void setSegmentCount(int n);
    void setSegmentCount(const QString &vendor, int n); // batch, launchdarkly, amperity, sailpoint
    // How many the vendor lists now, at the current epoch.
    int segmentCount(const QString &vendor) const;

    // "The same account later", for testing a sync. Epoch 0 (the default) is the data as it always
    // was; epoch e (up to maxEpoch()) goes on from epoch e - 1: of the segments listed then, those
    // with (i + 3 (e - 1)) % 10 == 3 are removed, 5 renamed, 7 edited (LaunchDarkly tags, SailPoint
    // description), 9 renamed and edited (LaunchDarkly rules, else included, else description;
    // SailPoint active), 8 changed in bookkeeping only (LaunchDarkly version and lastModifiedDate,
    // SailPoint modified, Batch updated_at; Amperity has none), where i is the segment's number at
    // epoch 0 (step 1: i % 10); a content change moves the bookkeeping too. Then count / 20 new
    // segments (at least one) are added after all the others, with keys no epoch-0 list has. Every
    // other record stays byte for byte what it was. Clamped to 0 .. maxEpoch(); the records written
    // out are dropped and written again on use.
    void setEpoch(int epoch);
    int epoch() const;
    static int maxEpoch();
    // What a client that listed `vendor` at `fromEpoch` sees changed at `toEpoch` (either may be the
    // later one), compared by key, in the order of the segments' numbers: "changed" lists the
    // content fields (those of VendorApi::contentFields) that differ. A change of bookkeeping alone
    // is not a change: see bookkeepingOnlyKeys.
    QList<SandboxChange> expectedChanges(const QString &vendor, int fromEpoch, int toEpoch) const;
    // The keys of the records listed at both epochs whose bytes differ in bookkeeping fields only.
    QStringList bookkeepingOnlyKeys(const QString &vendor, int fromEpoch, int toEpoch) const;
    // The record's key field: "key" (LaunchDarkly), "code" (Batch), "id" (Amperity, SailPoint).
    static QString keyField(const QString &vendor);
    // Writes out every vendor's records now (each is written once, on first use, and kept), so that
    // no client that is timed pays for it; segment-sandbox does this before it listens.
    void prepareRecords();
    // Every answer waits this long (on top of latency faults).
    void setLatencyMs(int ms);
    // LaunchDarkly sends at most n segments a page, whatever limit asks (0 = no cap).
    void setLdMaxPageSize(int n);
    // Lifetime of the SailPoint access tokens issued from now on (default 3600; 0 = already expired).
    void setTokenLifetimeSeconds(int seconds);
    // Evaluates LaunchDarkly's `filter`. The default, rejectLdFilter, refuses every filter.
    void setLdFilterHook(LdFilterHook hook);
    // Orders LaunchDarkly's `sort`. The default, builtinLdSort, is the reading described above.
    void setLdSortHook(LdSortHook hook);

    // Same syntax as `segment-sandbox --faults` (FaultPlan::syntaxHelp). Request numbers count from
    // this call. On a bad spec, returns false, sets *error and keeps the faults it had.
    bool setFaults(const QString &spec, QString *error = nullptr);
    void clearFaults();

    // Requests received since the server started, per channel: the vendor ids for list requests,
    // "sailpoint-token" for POST /oauth/token. Refused and faulted requests count too.
    int requestCount(const QString &vendor) const;
    // The record `vendor` lists at `index` in its default order at the current epoch; empty when
    // out of range.
    QJsonObject record(const QString &vendor, int index) const;

    static QStringList vendorIds(); // batch, launchdarkly, amperity, sailpoint

Q_SIGNALS:
    // Once per request, when its answer is decided (before any delay): the channel ("batch", ...,
    // "sailpoint-token"; empty for a path no vendor has), the request's number on it as fault rules
    // count it (from the last setFaults), the method,
    // the path (never the query or the headers, which may hold secrets), the status and whether a
    // fault changed the answer.
    void requestServed(const QString &channel, int number, const QString &method, const QString &path, int status,
                       bool faulted);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SandboxResponse respond(const SandboxRequest &request, FaultAction *action);
    void send(QTcpSocket *socket, const SandboxResponse &response, const FaultAction &action, bool close);
    void write(QTcpSocket *socket, const SandboxResponse &response, const FaultAction &action, bool close);
    SandboxEndpoint *endpoint(const QString &vendor) const;
    void updateLayouts();

    std::unique_ptr<SandboxSettings> m_settings;
    std::vector<std::unique_ptr<SandboxEndpoint>> m_endpoints;
    FaultPlan m_faults;
    std::array<int, kSandboxChannelCount> m_requestCounts {};
    std::array<int, kSandboxChannelCount> m_faultBase {}; // request counts when the faults were set
    // Each channel's last 200 answer, for the "repeat" fault.
    std::array<std::unique_ptr<SandboxResponse>, kSandboxChannelCount> m_lastAnswers;
    int m_latencyMs = 0;
    int m_epoch = 0;
    quint16 m_port = 0;
};

} // namespace sb
