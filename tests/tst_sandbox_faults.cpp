// The sandbox's faults: the --faults syntax, and every fault firing exactly when configured.

#include "tst_sandbox_http.h"

#include "sandbox/faults.h"
#include "sandbox/sandboxserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace sb;
using namespace sbtest;

namespace {

// One list request to each vendor, the simplest that succeeds.
struct VendorRequest
{
    QString path;
    Headers headers;
};

} // namespace

class TestSandboxFaults final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        m_server->setSegmentCount(30);
        QVERIFY(m_server->listen());
        m_client = std::make_unique<SandboxClient>(*m_server);
    }

    void cleanup()
    {
        m_sailPointAuth.clear(); // tokens die with their server
        m_client.reset();
        m_server.reset();
    }

    void parse_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("rules");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("blank") << QStringLiteral("  ") << 0;
        QTest::newRow("example") << QStringLiteral("launchdarkly:429@2,all:503@first3,sailpoint:drop@every4") << 3;
        QTest::newRow("spaces and case") << QStringLiteral(" Batch : 500 @ 1 , ALL:Latency=20 ") << 2;
        QTest::newRow("every kind") << QStringLiteral("all:latency=5,all:401,all:429=3,all:500,all:502,all:503,"
                                                      "all:drop,all:malformed,all:truncated,all:drip=1")
                                    << 10;
        QTest::newRow("token endpoint") << QStringLiteral("sailpoint-token:503@first2") << 1;
        QTest::newRow("after") << QStringLiteral("amperity:500@after5") << 1;
    }

    void parse()
    {
        QFETCH(QString, spec);
        QFETCH(int, rules);
        QString error;
        const std::optional<FaultPlan> plan = FaultPlan::parse(spec, &error);
        QVERIFY2(plan, qPrintable(error));
        QCOMPARE(plan->rules().size(), rules);
    }

    void parseDetails()
    {
        const FaultPlan plan =
            *FaultPlan::parse(QStringLiteral("launchdarkly:429=7@every3,all:latency,sailpoint:drip@after2"));
        QVERIFY(plan.rules().at(0).channel == SandboxChannel::LaunchDarkly);
        QCOMPARE(plan.rules().at(0).kind, FaultRule::Kind::RateLimited);
        QCOMPARE(plan.rules().at(0).argument, 7);
        QCOMPARE(plan.rules().at(0).when, FaultRule::When::EveryNth);
        QCOMPARE(plan.rules().at(0).n, 3);
        QVERIFY(!plan.rules().at(1).channel); // all
        QCOMPARE(plan.rules().at(1).argument, 1000); // the default latency
        QCOMPARE(plan.rules().at(1).when, FaultRule::When::Always);
        QCOMPARE(plan.rules().at(2).argument, 100); // the default drip interval
        QCOMPARE(plan.rules().at(2).when, FaultRule::When::AfterN);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no colon") << QStringLiteral("batch503") << QStringLiteral("batch503");
        QTest::newRow("unknown target") << QStringLiteral("hubspot:500") << QStringLiteral("hubspot");
        QTest::newRow("unknown fault") << QStringLiteral("batch:504") << QStringLiteral("504");
        QTest::newRow("bad when") << QStringLiteral("batch:500@sometimes") << QStringLiteral("sometimes");
        QTest::newRow("zeroth") << QStringLiteral("batch:500@0") << QStringLiteral("@0");
        QTest::newRow("first0") << QStringLiteral("batch:500@first0") << QStringLiteral("first0");
        QTest::newRow("negative") << QStringLiteral("batch:500@-1") << QStringLiteral("-1");
        QTest::newRow("value on 500") << QStringLiteral("batch:500=2") << QStringLiteral("500");
        QTest::newRow("bad value") << QStringLiteral("all:latency=fast") << QStringLiteral("fast");
        QTest::newRow("empty rule") << QStringLiteral("batch:500,,amperity:500") << QString();
        QTest::newRow("trailing comma") << QStringLiteral("batch:500,") << QString();
        QTest::newRow("second rule bad") << QStringLiteral("batch:500,amperity:oops") << QStringLiteral("oops");
    }

    void parseErrors()
    {
        QFETCH(QString, spec);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!FaultPlan::parse(spec, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(mentions), qPrintable(error));

        // A bad spec leaves the server's faults as they were.
        QVERIFY(m_server->setFaults(QStringLiteral("batch:503@1")));
        QString serverError;
        QVERIFY(!m_server->setFaults(spec, &serverError));
        QCOMPARE(serverError, error);
        QCOMPARE(get(QStringLiteral("batch")).status, 503);
    }

    void when()
    {
        const FaultPlan plan = *FaultPlan::parse(
            QStringLiteral("batch:500@3,amperity:500@first2,launchdarkly:500@every3,sailpoint:500@after2"));
        const auto faulted = [&](SandboxChannel channel) {
            QList<int> numbers;
            for (int n = 1; n <= 7; ++n) {
                if (plan.actionFor(channel, n).status == 500)
                    numbers.append(n);
            }
            return numbers;
        };
        QCOMPARE(faulted(SandboxChannel::Batch), QList<int>({3}));
        QCOMPARE(faulted(SandboxChannel::Amperity), QList<int>({1, 2}));
        QCOMPARE(faulted(SandboxChannel::LaunchDarkly), QList<int>({3, 6}));
        QCOMPARE(faulted(SandboxChannel::SailPoint), QList<int>({3, 4, 5, 6, 7}));
        QCOMPARE(faulted(SandboxChannel::SailPointToken), QList<int>());

        // "all" is the four list endpoints, not the token endpoint.
        const FaultPlan all = *FaultPlan::parse(QStringLiteral("all:503"));
        QCOMPARE(all.actionFor(SandboxChannel::SailPoint, 1).status, 503);
        QCOMPARE(all.actionFor(SandboxChannel::SailPointToken, 1).status, 0);
        QVERIFY(FaultPlan().actionFor(SandboxChannel::Batch, 1).isNone());
    }

    void combined()
    {
        const FaultPlan plan =
            *FaultPlan::parse(QStringLiteral("all:latency=10,batch:latency=5,batch:429=4,batch:500,batch:truncated,"
                                             "batch:malformed,batch:drip=3,batch:drop"));
        const FaultAction action = plan.actionFor(SandboxChannel::Batch, 1);
        QCOMPARE(action.latencyMs, 15); // latencies add up
        QCOMPARE(action.status, 429); // the first status rule wins
        QCOMPARE(action.retryAfterSeconds, 4);
        QCOMPARE(action.body, FaultAction::Body::Truncated);
        QCOMPARE(action.delivery, FaultAction::Delivery::Drip);
        QCOMPARE(action.dripIntervalMs, 3);
        QCOMPARE(plan.actionFor(SandboxChannel::Amperity, 1).latencyMs, 10);
        QCOMPARE(plan.actionFor(SandboxChannel::Amperity, 1).status, 0);
    }

    void statusFaults_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("batch 401") << "batch" << 401 << "error_code"
                                   << "AUTHENTICATION_INVALID";
        QTest::newRow("batch 429") << "batch" << 429 << "error_code"
                                   << "TOO_MANY_REQUESTS";
        QTest::newRow("batch 500") << "batch" << 500 << "error_code"
                                   << "SERVER_ERROR";
        QTest::newRow("batch 503") << "batch" << 503 << "error_code"
                                   << "MAINTENANCE";
        QTest::newRow("ld 401") << "launchdarkly" << 401 << "code"
                                << "unauthorized";
        QTest::newRow("ld 429") << "launchdarkly" << 429 << "code"
                                << "rate_limited";
        QTest::newRow("ld 500") << "launchdarkly" << 500 << "code"
                                << "internal_server_error";
        QTest::newRow("ld 503") << "launchdarkly" << 503 << "code"
                                << "service_unavailable";
        QTest::newRow("amperity 401") << "amperity" << 401 << "message"
                                      << "Authentication required.";
        QTest::newRow("amperity 429") << "amperity" << 429 << "message"
                                      << "Too many requests.";
        QTest::newRow("amperity 500") << "amperity" << 500 << "status"
                                      << "500";
        QTest::newRow("amperity 503") << "amperity" << 503 << "status"
                                      << "503";
        QTest::newRow("sailpoint 401") << "sailpoint" << 401 << "error"
                                       << "JWT validation failed: JWT is expired";
        QTest::newRow("sailpoint 429") << "sailpoint" << 429 << "message"
                                       << " Rate Limit Exceeded ";
        QTest::newRow("sailpoint 500") << "sailpoint" << 500 << "detailCode"
                                       << "500.0 Internal Fault";
        QTest::newRow("sailpoint 503") << "sailpoint" << 503 << "detailCode"
                                       << "503 Service Unavailable";
    }

    // The vendor's own status and body, on the configured request only.
    void statusFaults()
    {
        QFETCH(QString, vendor);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, value);
        const VendorRequest request = listRequest(vendor); // SailPoint's token request comes first
        // "429=9": wait nine seconds, where the vendor says how long.
        const QString fault = status == 429 ? QStringLiteral("429=9") : QString::number(status);
        QVERIFY(m_server->setFaults(vendor + QLatin1Char(':') + fault + QStringLiteral("@2")));
        QCOMPARE(m_client->get(request.path, request.headers).status, 200);
        const HttpResult faulted = m_client->get(request.path, request.headers);
        QCOMPARE(faulted.status, status);
        QCOMPARE(faulted.header("Content-Type"), QByteArray("application/json"));
        const QJsonValue actual = faulted.object().value(field);
        QCOMPARE(actual.isDouble() ? QString::number(actual.toInteger()) : actual.toString(), value);
        QCOMPARE(m_client->get(request.path, request.headers).status, 200);
        QCOMPARE(m_server->requestCount(vendor), 3); // faulted requests count too

        if (status != 429)
            return;
        // Rate-limit signals, each vendor its own way.
        if (vendor == QLatin1String("sailpoint")) {
            QCOMPARE(faulted.header("Retry-After"), QByteArray("9"));
        } else if (vendor == QLatin1String("launchdarkly")) {
            const qint64 reset = faulted.header("X-Ratelimit-Reset").toLongLong();
            QVERIFY(reset > QDateTime::currentMSecsSinceEpoch()); // epoch milliseconds, about 9 s ahead
            QVERIFY(reset <= QDateTime::currentMSecsSinceEpoch() + 9000);
            QVERIFY(faulted.object().value(QStringLiteral("id")).isString());
        } else {
            // Batch and Amperity: the bare status, no headers to go by.
            QVERIFY(!faulted.hasHeader("Retry-After"));
            QVERIFY(!faulted.hasHeader("X-Ratelimit-Reset"));
        }
    }

    void badGatewayIsHtml()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("all:502@1")));
        for (const QString &vendor : SandboxServer::vendorIds()) {
            const VendorRequest request = listRequest(vendor);
            const HttpResult reply = m_client->get(request.path, request.headers);
            QCOMPARE(reply.status, 502);
            QCOMPARE(reply.header("Content-Type"), QByteArray("text/html"));
            QVERIFY(reply.body.contains("<h1>502 Bad Gateway</h1>"));
            QVERIFY(!reply.isJson());
            QCOMPARE(m_client->get(request.path, request.headers).status, 200);
        }
    }

    void when_over_http()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("batch:503@first2,amperity:500@every2,launchdarkly:500@after3")));
        QList<int> batch;
        QList<int> amperity;
        QList<int> ld;
        for (int i = 0; i < 5; ++i) {
            batch.append(get(QStringLiteral("batch")).status);
            amperity.append(get(QStringLiteral("amperity")).status);
            ld.append(get(QStringLiteral("launchdarkly")).status);
        }
        QCOMPARE(batch, QList<int>({503, 503, 200, 200, 200}));
        QCOMPARE(amperity, QList<int>({200, 500, 200, 500, 200}));
        QCOMPARE(ld, QList<int>({200, 200, 200, 500, 500}));
        QCOMPARE(m_server->requestCount(QStringLiteral("sailpoint")), 0);

        // Numbers count from when the faults are set; clearing them stops them.
        QVERIFY(m_server->setFaults(QStringLiteral("batch:500@1")));
        QCOMPARE(get(QStringLiteral("batch")).status, 500);
        QCOMPARE(get(QStringLiteral("batch")).status, 200);
        QVERIFY(m_server->setFaults(QStringLiteral("amperity:500")));
        QCOMPARE(get(QStringLiteral("amperity")).status, 500);
        m_server->clearFaults();
        QCOMPARE(get(QStringLiteral("amperity")).status, 200);
        QVERIFY(m_server->setFaults(QStringLiteral("ld:500")) == false);
    }

    void tokenEndpointFaults()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("all:503,sailpoint-token:503@1,sailpoint-token:429=2@2")));
        HttpResult reply = m_client->post(QStringLiteral("/oauth/token"), SandboxClient::tokenForm());
        QCOMPARE(reply.status, 503);
        QVERIFY(reply.object().contains(QStringLiteral("trackingId")));
        reply = m_client->post(QStringLiteral("/oauth/token"), SandboxClient::tokenForm());
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("Retry-After"), QByteArray("2"));
        reply = m_client->post(QStringLiteral("/oauth/token"), SandboxClient::tokenForm());
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_server->requestCount(QStringLiteral("sailpoint-token")), 3);

        QVERIFY(m_server->setFaults(QStringLiteral("sailpoint-token:401")));
        reply = m_client->post(QStringLiteral("/oauth/token"), SandboxClient::tokenForm());
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    }

    void malformed_data() { vendors(); }
    void malformed()
    {
        QFETCH(QString, vendor);
        const VendorRequest request = listRequest(vendor);
        const HttpResult normal = m_client->get(request.path, request.headers);
        QVERIFY(normal.isJson());
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":malformed@1")));
        const HttpResult broken = m_client->get(request.path, request.headers);
        QCOMPARE(broken.status, 200);
        QCOMPARE(broken.error, QNetworkReply::NoError);
        QVERIFY(!broken.isJson());
        QCOMPARE(broken.body.size(), normal.body.size() + 1);
        QCOMPARE(m_client->get(request.path, request.headers).body, normal.body);
    }

    void truncated_data() { vendors(); }
    void truncated()
    {
        QFETCH(QString, vendor);
        const VendorRequest request = listRequest(vendor);
        const HttpResult normal = m_client->get(request.path, request.headers);
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":truncated@1")));
        const HttpResult cut = m_client->get(request.path, request.headers);
        QCOMPARE(cut.status, 200);
        QCOMPARE(cut.error, QNetworkReply::NoError); // Content-Length matches what was sent
        QVERIFY(!cut.isJson());
        QCOMPARE(cut.body, normal.body.left(normal.body.size() / 2));
        QCOMPARE(cut.header("Content-Length").toInt(), cut.body.size());
        QCOMPARE(m_client->get(request.path, request.headers).body, normal.body);
    }

    void drop_data() { vendors(); }
    void drop()
    {
        QFETCH(QString, vendor);
        const VendorRequest request = listRequest(vendor);
        const HttpResult normal = m_client->get(request.path, request.headers);
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":drop@1")));
        const HttpResult dropped = m_client->get(request.path, request.headers);
        QVERIFY(dropped.finished);
        QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(dropped.header("Content-Length").toInt(), normal.body.size()); // the full length was promised
        QVERIFY(dropped.body.size() < normal.body.size());
        // The next request, on a new connection, is fine.
        const HttpResult after = m_client->get(request.path, request.headers);
        QCOMPARE(after.status, 200);
        QCOMPARE(after.body, normal.body);
        QCOMPARE(m_server->requestCount(vendor), 3); // no silent retry of the dropped one
    }

    void drip_data() { vendors(); }
    void drip()
    {
        QFETCH(QString, vendor);
        const VendorRequest request = listRequest(vendor);
        const HttpResult normal = m_client->get(request.path, request.headers);
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":drip=20@1")));
        QElapsedTimer clock;
        clock.start();
        const HttpResult slow = m_client->get(request.path, request.headers);
        QCOMPARE(slow.status, 200);
        QCOMPARE(slow.body, normal.body); // slow, but whole
        QVERIFY(slow.readyReads > 1); // it came in pieces
        QVERIFY(clock.elapsed() >= 10 * 20); // ten pieces, twenty milliseconds apart
    }

    void latency()
    {
        // A slow answer does not hold up others; it arrives, whole, after its delay.
        QVERIFY(m_server->setFaults(QStringLiteral("batch:latency=1500@1")));
        const VendorRequest batch = listRequest(QStringLiteral("batch"));
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *slow = m_client->start(batch.path, batch.headers);
        QSignalSpy slowFinished(slow, &QNetworkReply::finished);
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("batch")), 1); // the server has it
        QCOMPARE(m_client->get(batch.path, batch.headers).status, 200);
        QCOMPARE(slowFinished.count(), 0);
        const HttpResult late = SandboxClient::finish(slow);
        QCOMPARE(late.status, 200);
        QVERIFY(clock.elapsed() >= 1500);

        m_server->clearFaults();
        m_server->setLatencyMs(300);
        clock.restart();
        QCOMPARE(get(QStringLiteral("amperity")).status, 200);
        QVERIFY(clock.elapsed() >= 300);
    }

    // A client that hangs up while the answer waits costs nothing: the server carries on.
    void clientGoesAway()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("batch:latency=200@1,amperity:drip=50@1")));
        const VendorRequest batch = listRequest(QStringLiteral("batch"));
        QNetworkReply *reply = m_client->start(batch.path, batch.headers);
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("batch")), 1);
        reply->abort();
        reply->deleteLater();
        const VendorRequest amperity = listRequest(QStringLiteral("amperity"));
        QNetworkReply *dripping = m_client->start(amperity.path, amperity.headers);
        QSignalSpy readyRead(dripping, &QNetworkReply::readyRead);
        QVERIFY(readyRead.wait());
        dripping->abort();
        dripping->deleteLater();
        QCOMPARE(get(QStringLiteral("batch")).status, 200);
        QCOMPARE(get(QStringLiteral("amperity")).status, 200);
    }

    void newFaultsParse()
    {
        const FaultPlan plan = *FaultPlan::parse(QStringLiteral("batch:huge=3@2,amperity:repeat@2,sailpoint:shift@3"));
        QCOMPARE(plan.rules().at(0).kind, FaultRule::Kind::Huge);
        QCOMPARE(plan.rules().at(0).argument, 3);
        QCOMPARE(plan.rules().at(1).kind, FaultRule::Kind::Repeat);
        QCOMPARE(plan.rules().at(2).kind, FaultRule::Kind::Shift);
        QCOMPARE(plan.rules().at(2).argument, 5); // the default shift
        QCOMPARE(plan.actionFor(SandboxChannel::Batch, 2).body, FaultAction::Body::Huge);
        QCOMPARE(plan.actionFor(SandboxChannel::Batch, 2).hugeMegabytes, 3);
        QVERIFY(plan.actionFor(SandboxChannel::Amperity, 2).repeat);
        QVERIFY(!plan.actionFor(SandboxChannel::Amperity, 1).repeat);
        QCOMPARE(plan.actionFor(SandboxChannel::SailPoint, 3).shiftRows, 5);
        QVERIFY(!plan.actionFor(SandboxChannel::SailPoint, 3).isNone());
        QString error;
        QVERIFY(!FaultPlan::parse(QStringLiteral("batch:repeat=2"), &error));
        QVERIFY2(error.contains(QStringLiteral("repeat")), qPrintable(error));
        QVERIFY(!FaultPlan::parse(QStringLiteral("batch:huge=5000"), &error));
        QVERIFY2(error.contains(QStringLiteral("1024")), qPrintable(error));
        QVERIFY(FaultPlan::syntaxHelp().contains(QStringLiteral("huge=MB")));
        QVERIFY(FaultPlan::syntaxHelp().contains(QStringLiteral("repeat")));
        QVERIFY(FaultPlan::syntaxHelp().contains(QStringLiteral("shift=K")));
    }

    void huge_data() { vendors(); }
    void huge()
    {
        QFETCH(QString, vendor);
        const VendorRequest request = listRequest(vendor);
        const HttpResult normal = m_client->get(request.path, request.headers);
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":huge=2@1")));
        const HttpResult big = m_client->get(request.path, request.headers);
        QCOMPARE(big.status, 200);
        QCOMPARE(big.body.size(), 2 * 1024 * 1024);
        // The same JSON, only padded.
        QCOMPARE(QJsonDocument::fromJson(big.body), QJsonDocument::fromJson(normal.body));
        QCOMPARE(m_client->get(request.path, request.headers).body, normal.body);
    }

    void repeat_data() { vendors(); }
    void repeat()
    {
        QFETCH(QString, vendor);
        const VendorRequest request = listRequest(vendor);
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":repeat@1,") + vendor + QStringLiteral(":repeat@3")));
        // Nothing to repeat yet: the normal answer.
        const HttpResult first = m_client->get(request.path, request.headers);
        QCOMPARE(first.status, 200);
        QString otherPath = request.path;
        otherPath.replace(QRegularExpression(QStringLiteral("limit=\\d+")), QStringLiteral("limit=3"));
        const VendorRequest other = {otherPath, request.headers};
        const HttpResult second = m_client->get(other.path, other.headers);
        QCOMPARE(second.status, 200);
        QVERIFY(second.body != first.body);
        // Whatever was asked, the answer before comes again.
        const HttpResult third = m_client->get(request.path, request.headers);
        QCOMPARE(third.status, 200);
        QCOMPARE(third.body, second.body);
    }

    void shift_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("path");
        QTest::newRow("launchdarkly") << QStringLiteral("launchdarkly")
                                      << QStringLiteral("/api/v2/segments/default/production?limit=10&offset=%1");
        QTest::newRow("sailpoint") << QStringLiteral("sailpoint") << QStringLiteral("/v3/segments?limit=10&offset=%1");
    }

    void shift()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, path);
        const Headers headers = listRequest(vendor).headers;
        const HttpResult asked = m_client->get(path.arg(7), headers);
        const HttpResult earlier = m_client->get(path.arg(3), headers);
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":shift=4@1")));
        const HttpResult shifted = m_client->get(path.arg(7), headers);
        QCOMPARE(shifted.status, 200);
        QVERIFY(shifted.body != asked.body);
        QCOMPARE(shifted.body, earlier.body); // offset 7 answered as offset 3
        QCOMPARE(m_client->get(path.arg(7), headers).body, asked.body);
        // Never below zero.
        QVERIFY(m_server->setFaults(vendor + QStringLiteral(":shift=40@1")));
        const HttpResult clamped = m_client->get(path.arg(2), headers);
        QCOMPARE(clamped.body, m_client->get(path.arg(0), headers).body);
    }

private:
    static void vendors()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &vendor : SandboxServer::vendorIds())
            QTest::newRow(vendor.toLatin1()) << vendor;
    }

    VendorRequest listRequest(const QString &vendor)
    {
        if (vendor == QLatin1String("batch"))
            return {QStringLiteral("/2.11/segments/list?limit=20"), SandboxClient::batchAuth()};
        if (vendor == QLatin1String("launchdarkly"))
            return {QStringLiteral("/api/v2/segments/default/production?limit=10"), SandboxClient::ldAuth()};
        if (vendor == QLatin1String("amperity"))
            return {QStringLiteral("/api/segments?limit=10"), SandboxClient::amperityAuth()};
        if (m_sailPointAuth.isEmpty())
            m_sailPointAuth = m_client->sailPointAuth();
        return {QStringLiteral("/v3/segments?limit=10"), m_sailPointAuth};
    }

    HttpResult get(const QString &vendor)
    {
        const VendorRequest request = listRequest(vendor);
        return m_client->get(request.path, request.headers);
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxClient> m_client;
    Headers m_sailPointAuth;
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
