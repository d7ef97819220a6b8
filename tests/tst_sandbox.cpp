// The sandbox server: paging, auth, parameters, data and sorting, over real HTTP on 127.0.0.1.

#include "tst_sandbox_http.h"

#include "sandbox/sandboxserver.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace sb;
using namespace sbtest;

namespace {

QString percent(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

int defaultPageSize(const QString &vendor)
{
    if (vendor == QLatin1String("batch"))
        return 10;
    if (vendor == QLatin1String("launchdarkly"))
        return 20;
    if (vendor == QLatin1String("amperity"))
        return 100;
    return 250; // sailpoint
}

// Pages through a vendor's whole list by the vendor's own rules (limit 0: the vendor's default)
// and collects what it lists. Fails the current test on any surprise.
void pageAll(SandboxClient &client, const QString &vendor, int limit, QList<QJsonObject> *out)
{
    const int guard = 100000;
    if (vendor == QLatin1String("batch")) {
        // Cursor: from = the previous next_from, until has_more is false.
        QString from;
        for (int page = 0; page < guard; ++page) {
            QStringList query;
            if (limit > 0)
                query << QStringLiteral("limit=%1").arg(limit);
            if (!from.isEmpty())
                query << QStringLiteral("from=") + percent(from);
            const HttpResult reply = client.get(QStringLiteral("/2.11/segments/list?") + query.join(QLatin1Char('&')),
                                                SandboxClient::batchAuth());
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.object();
            const QJsonArray segments = body.value(QStringLiteral("segments")).toArray();
            QCOMPARE(body.value(QStringLiteral("count")).toInt(), segments.size()); // count is this page's
            for (const QJsonValue &segment : segments)
                out->append(segment.toObject());
            if (!body.value(QStringLiteral("has_more")).toBool()) {
                QVERIFY(!body.contains(QStringLiteral("next_from")));
                return;
            }
            from = body.value(QStringLiteral("next_from")).toString();
            QVERIFY(!from.isEmpty());
        }
    } else if (vendor == QLatin1String("launchdarkly")) {
        // Offset, by following _links.next until there is none.
        QString next = QStringLiteral("/api/v2/segments/default/production");
        if (limit > 0)
            next += QStringLiteral("?limit=%1").arg(limit);
        for (int page = 0; page < guard; ++page) {
            const HttpResult reply = client.get(next, SandboxClient::ldAuth());
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.object();
            for (const QJsonValue &segment : body.value(QStringLiteral("items")).toArray())
                out->append(segment.toObject());
            const QJsonObject links = body.value(QStringLiteral("_links")).toObject();
            QVERIFY(links.contains(QStringLiteral("self")));
            QVERIFY(links.contains(QStringLiteral("first")));
            QVERIFY(links.contains(QStringLiteral("last")));
            if (!links.contains(QStringLiteral("next")))
                return;
            next = links.value(QStringLiteral("next")).toObject().value(QStringLiteral("href")).toString();
            QVERIFY(next.startsWith(QLatin1String("/api/v2/segments/default/production?"))); // relative
        }
    } else if (vendor == QLatin1String("amperity")) {
        // Cursor: next_token until it is empty or missing.
        QString token;
        for (int page = 0; page < guard; ++page) {
            QStringList query;
            if (limit > 0)
                query << QStringLiteral("limit=%1").arg(limit);
            if (!token.isEmpty())
                query << QStringLiteral("next_token=") + percent(token);
            const HttpResult reply = client.get(QStringLiteral("/api/segments?") + query.join(QLatin1Char('&')),
                                                SandboxClient::amperityAuth());
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.object();
            QVERIFY(!body.contains(QStringLiteral("total"))); // only with with_total=true
            for (const QJsonValue &segment : body.value(QStringLiteral("data")).toArray())
                out->append(segment.toObject());
            token = body.value(QStringLiteral("next_token")).toString();
            if (token.isEmpty())
                return;
        }
    } else {
        // Offset: stop at a short page or when the offset reaches X-Total-Count.
        const Headers auth = client.sailPointAuth();
        QVERIFY(!auth.isEmpty());
        const int pageSize = limit > 0 ? limit : 250;
        qint64 offset = 0;
        for (int page = 0; page < guard; ++page) {
            QString query = QStringLiteral("/v3/segments?count=true&offset=%1").arg(offset);
            if (limit > 0)
                query += QStringLiteral("&limit=%1").arg(limit);
            const HttpResult reply = client.get(query, auth);
            QCOMPARE(reply.status, 200);
            bool ok = false;
            const qint64 total = reply.header("X-Total-Count").toLongLong(&ok);
            QVERIFY(ok);
            const QJsonArray segments = reply.array();
            for (const QJsonValue &segment : segments)
                out->append(segment.toObject());
            offset += segments.size();
            if (segments.size() < pageSize || offset >= total)
                return;
        }
    }
    QFAIL("the paging never ended");
}

// The content fields of each vendor's records (VendorApi::contentFields): a change in any of them
// is a change of the segment; every other field is bookkeeping.
QStringList contentFields(const QString &vendor)
{
    if (vendor == QLatin1String("launchdarkly")) {
        return {QStringLiteral("name"),
                QStringLiteral("description"),
                QStringLiteral("tags"),
                QStringLiteral("rules"),
                QStringLiteral("included"),
                QStringLiteral("excluded"),
                QStringLiteral("includedContexts"),
                QStringLiteral("excludedContexts"),
                QStringLiteral("unbounded"),
                QStringLiteral("unboundedContextKind")};
    }
    if (vendor == QLatin1String("batch"))
        return {QStringLiteral("display_name")};
    if (vendor == QLatin1String("amperity"))
        return {QStringLiteral("name")};
    return {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("owner"),
            QStringLiteral("visibilityCriteria"), QStringLiteral("active")};
}

QString keyOf(const QString &vendor, const QJsonObject &record)
{
    if (vendor == QLatin1String("launchdarkly"))
        return record.value(QStringLiteral("key")).toString();
    if (vendor == QLatin1String("batch"))
        return record.value(QStringLiteral("code")).toString();
    return record.value(QStringLiteral("id")).toString();
}

QByteArray bytesOf(const QJsonObject &record)
{
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

// A missing field and a null one are the same content.
QJsonValue contentValue(const QJsonObject &record, const QString &field)
{
    const QJsonValue value = record.value(field);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

// What changed from one listing to the other, by key, read off the records alone; and the keys
// whose records differ in bookkeeping only.
struct ListingDiff
{
    QList<SandboxChange> changes; // sorted by kind, then key
    QStringList bookkeepingOnly; // sorted
};

bool changeLess(const SandboxChange &a, const SandboxChange &b)
{
    return a.kind != b.kind ? a.kind < b.kind : a.key < b.key;
}

ListingDiff diffListings(const QString &vendor, const QList<QJsonObject> &before, const QList<QJsonObject> &after)
{
    QHash<QString, QJsonObject> old;
    for (const QJsonObject &record : before)
        old.insert(keyOf(vendor, record), record);
    QSet<QString> seen;
    ListingDiff diff;
    for (const QJsonObject &record : after) {
        const QString key = keyOf(vendor, record);
        seen.insert(key);
        const auto was = old.constFind(key);
        if (was == old.cend()) {
            diff.changes.append({QStringLiteral("added"), key, {}});
            continue;
        }
        QStringList fields;
        for (const QString &field : contentFields(vendor)) {
            if (contentValue(*was, field) != contentValue(record, field))
                fields.append(field);
        }
        if (!fields.isEmpty())
            diff.changes.append({QStringLiteral("changed"), key, fields});
        else if (bytesOf(*was) != bytesOf(record))
            diff.bookkeepingOnly.append(key);
    }
    for (const QJsonObject &record : before) {
        if (!seen.contains(keyOf(vendor, record)))
            diff.changes.append({QStringLiteral("removed"), keyOf(vendor, record), {}});
    }
    std::sort(diff.changes.begin(), diff.changes.end(), changeLess);
    diff.bookkeepingOnly.sort();
    return diff;
}

QString describe(const QList<SandboxChange> &changes)
{
    QStringList out;
    for (const SandboxChange &change : changes)
        out << change.kind + QLatin1Char(' ') + change.key + QLatin1Char(' ') + change.fields.join(QLatin1Char('+'));
    return out.join(QLatin1String("; "));
}

} // namespace

class TestSandbox final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<SandboxClient>(*m_server);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void listensOnLoopbackOnly()
    {
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->rootUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())));
        const QList<QTcpServer *> servers = m_server->servers();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers.first()->serverAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(m_server->serverPorts(), QList<quint16> {m_server->port()});
        QVERIFY(!m_server->listen()); // one listening socket, never a second one

        // Nothing answers on this machine's other addresses.
        int tried = 0;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
            QSignalSpy connected(&socket, &QTcpSocket::connected);
            socket.connectToHost(address, m_server->port());
            QTRY_VERIFY(failed.count() + connected.count() > 0);
            QCOMPARE(connected.count(), 0);
            ++tried;
        }
        if (tried == 0)
            qInfo("no non-loopback IPv4 address on this machine to try");
    }

    void paging_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("prepared");
        for (const QString &vendor : SandboxServer::vendorIds()) {
            const int page = defaultPageSize(vendor);
            const QByteArray v = vendor.toLatin1();
            QTest::addRow("%s none", v.constData()) << vendor << 0 << 0 << false;
            QTest::addRow("%s one", v.constData()) << vendor << 1 << 0 << false;
            QTest::addRow("%s one page", v.constData()) << vendor << page << 0 << false;
            QTest::addRow("%s one page + 1", v.constData()) << vendor << page + 1 << 0 << false;
            QTest::addRow("%s 1000", v.constData()) << vendor << 1000 << 0 << false;
            QTest::addRow("%s 1000 by 7", v.constData()) << vendor << 1000 << 7 << false;
            // Records written out ahead (as segment-sandbox does), then listed past them.
            QTest::addRow("%s 1000 prepared 600", v.constData()) << vendor << 1000 << 0 << true;
        }
    }

    // Every record exactly once, in order, whatever the count and page size.
    void paging()
    {
        QFETCH(QString, vendor);
        QFETCH(int, count);
        QFETCH(int, limit);
        QFETCH(bool, prepared);
        if (prepared) {
            m_server->setSegmentCount(vendor, 600);
            m_server->prepareRecords();
        }
        m_server->setSegmentCount(vendor, count);
        QList<QJsonObject> listed;
        pageAll(*m_client, vendor, limit, &listed);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(listed.size(), count);
        for (int i = 0; i < count; ++i) {
            if (listed.at(i) != m_server->record(vendor, i))
                QFAIL(qPrintable(QStringLiteral("record %1 differs").arg(i)));
        }
        const int page = limit > 0 ? limit : defaultPageSize(vendor);
        // One request a page (Batch and Amperity need one more for an empty list, none more otherwise).
        QCOMPARE(m_server->requestCount(vendor), std::max(1, (count + page - 1) / page));
    }

    void amperityLastPageToken()
    {
        // Both spellings of "no more pages" occur: "" for even counts, missing for odd ones.
        for (const int count : {0, 4, 5}) {
            m_server->setSegmentCount(QStringLiteral("amperity"), count);
            const HttpResult reply =
                m_client->get(QStringLiteral("/api/segments?limit=10&with_total=true"), SandboxClient::amperityAuth());
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.object();
            QCOMPARE(body.value(QStringLiteral("total")).toInt(-1), count);
            QCOMPARE(body.contains(QStringLiteral("next_token")), count % 2 == 0);
            QCOMPARE(body.value(QStringLiteral("next_token")).toString(), QString());
        }
        m_server->setSegmentCount(QStringLiteral("amperity"), 30);
        const HttpResult withoutTotal =
            m_client->get(QStringLiteral("/api/segments?limit=10&with_total=false"), SandboxClient::amperityAuth());
        QVERIFY(!withoutTotal.object().contains(QStringLiteral("total")));
        QCOMPARE(withoutTotal.object().value(QStringLiteral("next_token")).toString().size(), 15);
        // The api_version query parameter stands in for the header.
        Headers noVersionHeader = SandboxClient::amperityAuth();
        noVersionHeader.removeLast();
        QCOMPARE(m_client->get(QStringLiteral("/api/segments?api_version=2024-04-01"), noVersionHeader).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/segments/"), SandboxClient::amperityAuth()).status, 200);
    }

    void sailPointEdges()
    {
        const Headers auth = m_client->sailPointAuth();
        QVERIFY(!auth.isEmpty());
        m_server->setSegmentCount(QStringLiteral("sailpoint"), 3);
        HttpResult reply = m_client->get(QStringLiteral("/v3/segments?limit=0"), auth);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray("[]"));
        reply = m_client->get(QStringLiteral("/v3/segments"), auth);
        QVERIFY(!reply.hasHeader("X-Total-Count")); // only with count=true
        QCOMPARE(reply.array().size(), 3);
        QCOMPARE(m_client->get(QStringLiteral("/beta/segments?offset=2"), auth).array().size(), 1);
        // SailPoint answers 400 to an offset at or past the end of a non-empty list...
        reply = m_client->get(QStringLiteral("/v3/segments?offset=3"), auth);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.object().value(QStringLiteral("detailCode")).toString(),
                 QStringLiteral("400.1 Bad Request Content"));
        // ...and an empty page when there is nothing at all.
        m_server->setSegmentCount(QStringLiteral("sailpoint"), 0);
        reply = m_client->get(QStringLiteral("/v3/segments?offset=5&count=true"), auth);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray("[]"));
        QCOMPARE(reply.header("X-Total-Count"), QByteArray("0"));
    }

    void tokenEndpoint()
    {
        HttpResult reply = m_client->post(QStringLiteral("/oauth/token"), SandboxClient::tokenForm());
        QCOMPARE(reply.status, 200);
        const QJsonObject token = reply.object();
        QCOMPARE(token.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(token.value(QStringLiteral("expires_in")).toInt(), 3600);
        QCOMPARE(token.value(QStringLiteral("access_token")).toString().count(QLatin1Char('.')), 2); // a JWT's shape
        QCOMPARE(m_server->requestCount(QStringLiteral("sailpoint-token")), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("sailpoint")), 0); // token requests are not list requests

        // HTTP Basic client authentication works as well as form fields.
        const QByteArray basic =
            (SandboxCredentials::sailpointClientId() + QLatin1Char(':') + SandboxCredentials::sailpointClientSecret())
                .toUtf8()
                .toBase64();
        reply = m_client->post(QStringLiteral("/oauth/token"), "grant_type=client_credentials",
                               {{"Authorization", "Basic " + basic}});
        QCOMPARE(reply.status, 200);

        reply = m_client->post(QStringLiteral("/oauth/token"),
                               "grant_type=client_credentials&client_id="
                                   + SandboxCredentials::sailpointClientId().toUtf8() + "&client_secret=wrong");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
        QVERIFY(!reply.object().value(QStringLiteral("error_description")).toString().isEmpty());

        reply = m_client->post(QStringLiteral("/oauth/token"), "grant_type=password&client_id=x&client_secret=y");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.object().value(QStringLiteral("error")).toString(), QStringLiteral("unsupported_grant_type"));
        reply = m_client->post(QStringLiteral("/oauth/token"), "client_id=x");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
        QCOMPARE(m_client->get(QStringLiteral("/oauth/token")).status, 405);
    }

    void tokenExpiry()
    {
        m_server->setTokenLifetimeSeconds(0);
        Headers auth = m_client->sailPointAuth();
        QVERIFY(!auth.isEmpty());
        HttpResult reply = m_client->get(QStringLiteral("/v3/segments"), auth);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.object(),
                 QJsonObject({{QStringLiteral("error"), QStringLiteral("JWT validation failed: JWT is expired")}}));

        // A token lives its lifetime, then is refused; a fresh one works again.
        m_server->setTokenLifetimeSeconds(1);
        auth = m_client->sailPointAuth();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/v3/segments?limit=1"), auth).status, 401, 10000);
        m_server->setTokenLifetimeSeconds(3600);
        QCOMPARE(m_client->get(QStringLiteral("/v3/segments?limit=1"), m_client->sailPointAuth()).status, 200);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // a field of the error body...
        QTest::addColumn<QString>("value"); // ...and its value

        const QString batch = QStringLiteral("/2.11/segments/list");
        const Headers batchAuth = SandboxClient::batchAuth();
        QTest::newRow("batch no key") << batch << Headers {batchAuth.at(1)} << 401 << "error_code"
                                      << "AUTHENTICATION_INVALID";
        QTest::newRow("batch wrong key") << batch << Headers {{"Authorization", "Bearer nope"}, batchAuth.at(1)} << 401
                                         << "error_code"
                                         << "AUTHENTICATION_INVALID";
        QTest::newRow("batch key without Bearer")
            << batch << Headers {{"Authorization", SandboxCredentials::batchRestKey().toUtf8()}, batchAuth.at(1)} << 401
            << "error_code"
            << "AUTHENTICATION_INVALID";
        QTest::newRow("batch no project") << batch << Headers {batchAuth.at(0)} << 400 << "error_code"
                                          << "MISSING_PARAMETER";
        QTest::newRow("batch wrong project")
            << batch << Headers {batchAuth.at(0), {"X-Batch-Project", "OTHER"}} << 401 << "error_code"
            << "AUTHENTICATION_INVALID";
        for (const char *limit : {"0", "101", "-1", "ten", "1.5", ""}) {
            QTest::addRow("batch limit=%s", limit)
                << batch + QStringLiteral("?limit=") + QLatin1String(limit) << batchAuth << 400 << "error_code"
                << "MALFORMED_PARAMETER";
        }
        QTest::newRow("batch garbled from")
            << batch + QStringLiteral("?from=bm9wZQ%3D%3D") << batchAuth << 400 << "error_code"
            << "MALFORMED_PARAMETER";
        QTest::newRow("batch not base64") << batch + QStringLiteral("?from=%25%25") << batchAuth << 400 << "error_code"
                                          << "MALFORMED_PARAMETER";
        QTest::newRow("batch limit=100") << batch + QStringLiteral("?limit=100") << batchAuth << 200 << "count"
                                         << "100";

        const QString ld = QStringLiteral("/api/v2/segments/default/production");
        const QByteArray ldToken = SandboxCredentials::ldToken().toUtf8();
        QTest::newRow("ld no token") << ld << Headers {} << 401 << "code"
                                     << "unauthorized";
        QTest::newRow("ld Bearer token") << ld << Headers {{"Authorization", "Bearer " + ldToken}} << 401 << "message"
                                         << "Invalid access token";
        QTest::newRow("ld wrong token") << ld << Headers {{"Authorization", "api-nope"}} << 401 << "code"
                                        << "unauthorized";
        QTest::newRow("ld unknown project")
            << QStringLiteral("/api/v2/segments/other/production") << SandboxClient::ldAuth() << 404 << "code"
            << "not_found";
        QTest::newRow("ld unknown environment")
            << QStringLiteral("/api/v2/segments/default/qa") << SandboxClient::ldAuth() << 404 << "code"
            << "not_found";
        QTest::newRow("ld flags of an unknown project")
            << QStringLiteral("/api/v2/flags/other") << SandboxClient::ldAuth() << 404 << "code"
            << "not_found";
        QTest::newRow("ld projects, reader token")
            << QStringLiteral("/api/v2/projects")
            << Headers {{"Authorization", SandboxCredentials::ldReaderToken().toUtf8()}} << 403 << "code"
            << "forbidden";
        QTest::newRow("ld other path") << QStringLiteral("/api/v2/teams") << SandboxClient::ldAuth() << 404 << "code"
                                       << "not_found";
        QTest::newRow("ld bad version") << ld << Headers {{"Authorization", ldToken}, {"LD-API-Version", "latest"}}
                                        << 400 << "code"
                                        << "invalid_request";
        QTest::newRow("ld beta version") << ld << Headers {{"Authorization", ldToken}, {"LD-API-Version", "beta"}}
                                         << 200 << "totalCount"
                                         << "1000";
        for (const char *query :
             {"limit=0", "limit=x", "offset=-1", "offset=1.5", "sort=key", "sort=name,,creationDate",
              "sort=-lastModifiedDate", "filter=query%20equals%20%22x%22"}) {
            QTest::addRow("ld %s", query)
                << ld + QLatin1Char('?') + QLatin1String(query) << SandboxClient::ldAuth() << 400 << "code"
                << "invalid_request";
        }
        QTest::newRow("ld empty filter") << ld + QStringLiteral("?filter=") << SandboxClient::ldAuth() << 200
                                         << "totalCount"
                                         << "1000";
        QTest::newRow("ld no version header") << ld << Headers {{"Authorization", ldToken}} << 200 << "totalCount"
                                              << "1000";

        const QString amperity = QStringLiteral("/api/segments");
        const Headers amperityAuth = SandboxClient::amperityAuth();
        QTest::newRow("amperity no token")
            << amperity << Headers {amperityAuth.at(1), amperityAuth.at(2)} << 401 << "status"
            << "401";
        QTest::newRow("amperity wrong token")
            << amperity << Headers {{"Authorization", "Bearer nope"}, amperityAuth.at(1), amperityAuth.at(2)} << 401
            << "message"
            << "Authentication required.";
        QTest::newRow("amperity no tenant")
            << amperity << Headers {amperityAuth.at(0), amperityAuth.at(2)} << 400 << "status"
            << "400";
        QTest::newRow("amperity other tenant")
            << amperity << Headers {amperityAuth.at(0), {"amperity-tenant", "other"}, amperityAuth.at(2)} << 403
            << "status"
            << "403";
        QTest::newRow("amperity no version")
            << amperity << Headers {amperityAuth.at(0), amperityAuth.at(1)} << 400 << "status"
            << "400";
        QTest::newRow("amperity old version")
            << amperity << Headers {amperityAuth.at(0), amperityAuth.at(1), {"api-version", "2023-01-01"}} << 400
            << "status"
            << "400";
        for (const char *query : {"limit=0", "limit=-3", "limit=many", "with_total=yes", "with_total=1",
                                  "next_token=", "next_token=ZVEy1iwsKBs9a6H", "next_token=null"}) {
            QTest::addRow("amperity %s", query)
                << amperity + QLatin1Char('?') + QLatin1String(query) << amperityAuth << 400 << "status"
                << "400";
        }

        const QString sailpoint = QStringLiteral("/v3/segments");
        QTest::newRow("sailpoint no token") << sailpoint << Headers {} << 401 << "error"
                                            << "JWT validation failed: JWT is missing";
        QTest::newRow("sailpoint unknown token")
            << sailpoint << Headers {{"Authorization", "Bearer abc.def.ghi"}} << 401 << "error"
            << "JWT validation failed: JWT is invalid";
        QTest::newRow("sailpoint client secret as token")
            << sailpoint
            << Headers {{"Authorization", "Bearer " + SandboxCredentials::sailpointClientSecret().toUtf8()}} << 401
            << "error"
            << "JWT validation failed: JWT is invalid";

        QTest::newRow("unknown path") << QStringLiteral("/segments") << Headers {} << 404 << QString() << QString();
        QTest::newRow("old batch version")
            << QStringLiteral("/2.9/segments/list") << batchAuth << 404 << QString() << QString();
    }

    // Each vendor's own statuses and error bodies.
    void errors()
    {
        QFETCH(QString, request);
        QFETCH(Headers, headers);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, value);
        const HttpResult reply = m_client->get(request, headers);
        QCOMPARE(reply.status, status);
        if (field.isEmpty())
            return;
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        const QJsonValue actual = reply.object().value(field);
        QCOMPARE(actual.isDouble() ? QString::number(actual.toInteger()) : actual.toString(), value);
        if (status >= 400)
            checkErrorShape(request, reply.object());
    }

    void sailPointParameterErrors_data()
    {
        QTest::addColumn<QString>("query");
        for (const char *query : {"limit=251", "limit=-1", "limit=x", "offset=-1", "offset=two", "count=maybe",
                                  "count=TRUE", "offset=1000"}) {
            QTest::newRow(query) << QString::fromLatin1(query);
        }
    }

    void sailPointParameterErrors()
    {
        QFETCH(QString, query);
        const HttpResult reply = m_client->get(QStringLiteral("/v3/segments?") + query, m_client->sailPointAuth());
        QCOMPARE(reply.status, 400);
        const QJsonObject body = reply.object();
        QCOMPARE(body.value(QStringLiteral("detailCode")).toString(), QStringLiteral("400.1 Bad Request Content"));
        QCOMPARE(body.value(QStringLiteral("trackingId")).toString().size(), 32);
        const QJsonObject message = body.value(QStringLiteral("messages")).toArray().first().toObject();
        QCOMPARE(message.value(QStringLiteral("locale")).toString(), QStringLiteral("en-US"));
        QCOMPARE(message.value(QStringLiteral("localeOrigin")).toString(), QStringLiteral("DEFAULT"));
        QVERIFY(!message.value(QStringLiteral("text")).toString().isEmpty());
    }

    void methodAndPath()
    {
        HttpResult reply = m_client->post(QStringLiteral("/2.11/segments/list"), "x=1", SandboxClient::batchAuth());
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.header("Allow"), QByteArray("GET"));
        reply = m_client->get(QStringLiteral("/nowhere"));
        QCOMPARE(reply.status, 404);
        QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
        // Requests that miss every vendor count for none.
        for (const QString &vendor : SandboxServer::vendorIds())
            QCOMPARE(m_server->requestCount(vendor), vendor == QLatin1String("batch") ? 1 : 0);
    }

    void ldSort_data()
    {
        QTest::addColumn<QString>("sort");
        for (const char *sort :
             {"name", "-name", "creationDate", "-creationDate", "lastModified", "-lastModified", "-name,creationDate",
              "name,-lastModified", "lastModified,name", " name , -creationDate "}) {
            QTest::newRow(sort) << QString::fromLatin1(sort);
        }
    }

    void ldSort()
    {
        QFETCH(QString, sort);
        const int count = 400;
        m_server->setSegmentCount(QStringLiteral("launchdarkly"), count);

        QList<QJsonObject> records;
        for (int i = 0; i < count; ++i)
            records.append(m_server->record(QStringLiteral("launchdarkly"), i));
        // Ties must exist for multi-key sorts to mean anything.
        QSet<QString> names;
        QSet<qint64> created;
        for (const QJsonObject &record : std::as_const(records)) {
            names.insert(record.value(QStringLiteral("name")).toString());
            created.insert(record.value(QStringLiteral("creationDate")).toInteger());
        }
        QVERIFY(names.size() < count);
        QVERIFY(created.size() < count);

        QList<QJsonObject> expected = records;
        std::stable_sort(expected.begin(), expected.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            for (QString key : sort.split(QLatin1Char(','))) {
                key = key.trimmed();
                const bool descending = key.startsWith(QLatin1Char('-'));
                if (descending)
                    key.remove(0, 1);
                int c = 0;
                if (key == QLatin1String("name")) {
                    c = a.value(key).toString().compare(b.value(key).toString());
                } else {
                    const QString field =
                        key == QLatin1String("lastModified") ? QStringLiteral("lastModifiedDate") : key;
                    const qint64 x = a.value(field).toInteger();
                    const qint64 y = b.value(field).toInteger();
                    c = x < y ? -1 : (x > y ? 1 : 0);
                }
                if (c != 0)
                    return descending ? c > 0 : c < 0;
            }
            return false;
        });

        // In one page, and page by page through the links, which keep the sort.
        HttpResult reply = m_client->get(
            QStringLiteral("/api/v2/segments/default/production?limit=%1&sort=%2").arg(count).arg(percent(sort)),
            SandboxClient::ldAuth());
        QCOMPARE(reply.status, 200);
        QList<QJsonObject> listed;
        for (const QJsonValue &item : reply.object().value(QStringLiteral("items")).toArray())
            listed.append(item.toObject());
        QVERIFY(listed == expected);

        listed.clear();
        QString next = QStringLiteral("/api/v2/segments/default/production?limit=33&sort=") + percent(sort);
        while (!next.isEmpty()) {
            reply = m_client->get(next, SandboxClient::ldAuth());
            QCOMPARE(reply.status, 200);
            for (const QJsonValue &item : reply.object().value(QStringLiteral("items")).toArray())
                listed.append(item.toObject());
            const QJsonObject links = reply.object().value(QStringLiteral("_links")).toObject();
            QVERIFY(links.value(QStringLiteral("self"))
                        .toObject()
                        .value(QStringLiteral("href"))
                        .toString()
                        .contains(QStringLiteral("sort=")));
            next = links.value(QStringLiteral("next")).toObject().value(QStringLiteral("href")).toString();
        }
        QVERIFY(listed == expected);
    }

    void ldLinks()
    {
        m_server->setSegmentCount(QStringLiteral("launchdarkly"), 41);
        const auto links = [&](const QString &query) {
            return m_client->get(QStringLiteral("/api/v2/segments/default/production") + query, SandboxClient::ldAuth())
                .object()
                .value(QStringLiteral("_links"))
                .toObject();
        };
        const auto href = [](const QJsonObject &links, const char *name) {
            return links.value(QLatin1String(name)).toObject().value(QStringLiteral("href")).toString();
        };
        const QString base = QStringLiteral("/api/v2/segments/default/production?");
        QJsonObject first = links(QString());
        QCOMPARE(href(first, "self"), base + QStringLiteral("limit=20&offset=0"));
        QCOMPARE(href(first, "first"), base + QStringLiteral("limit=20&offset=0"));
        QCOMPARE(href(first, "next"), base + QStringLiteral("limit=20&offset=20"));
        QCOMPARE(href(first, "last"), base + QStringLiteral("limit=20&offset=40"));
        QVERIFY(!first.contains(QStringLiteral("prev")));
        QCOMPARE(first.value(QStringLiteral("self")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("application/json"));
        QJsonObject last = links(QStringLiteral("?offset=40"));
        QCOMPARE(href(last, "prev"), base + QStringLiteral("limit=20&offset=20"));
        QVERIFY(!last.contains(QStringLiteral("next")));
        // Past the end: no items, but the links still say where the list is.
        const HttpResult beyond =
            m_client->get(QStringLiteral("/api/v2/segments/default/production?offset=100"), SandboxClient::ldAuth());
        QCOMPARE(beyond.status, 200);
        QVERIFY(beyond.object().value(QStringLiteral("items")).toArray().isEmpty());
        QCOMPARE(beyond.object().value(QStringLiteral("totalCount")).toInt(), 41);
        // Rate-limit headers come with every answer.
        QVERIFY(beyond.hasHeader("X-Ratelimit-Reset"));
        QVERIFY(beyond.hasHeader("X-Ratelimit-Route-Remaining"));

        m_server->setSegmentCount(QStringLiteral("launchdarkly"), 0);
        QJsonObject empty = links(QString());
        QCOMPARE(href(empty, "last"), base + QStringLiteral("limit=20&offset=0"));
        QVERIFY(!empty.contains(QStringLiteral("next")));
    }

    // LaunchDarkly may send fewer than `limit`; the links then step by what it sent.
    void ldCappedPages()
    {
        m_server->setSegmentCount(QStringLiteral("launchdarkly"), 50);
        m_server->setLdMaxPageSize(7);
        HttpResult reply =
            m_client->get(QStringLiteral("/api/v2/segments/default/production?limit=20"), SandboxClient::ldAuth());
        QCOMPARE(reply.object().value(QStringLiteral("items")).toArray().size(), 7);
        QCOMPARE(reply.object().value(QStringLiteral("totalCount")).toInt(), 50);

        QList<QJsonObject> listed;
        pageAll(*m_client, QStringLiteral("launchdarkly"), 20, &listed);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(listed.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(listed.at(i), m_server->record(QStringLiteral("launchdarkly"), i));

        // A client that steps its offset by the items it got also sees each record once.
        listed.clear();
        for (int offset = 0; offset < 50;) {
            reply = m_client->get(QStringLiteral("/api/v2/segments/default/production?limit=20&offset=%1").arg(offset),
                                  SandboxClient::ldAuth());
            const QJsonArray items = reply.object().value(QStringLiteral("items")).toArray();
            QVERIFY(!items.isEmpty());
            for (const QJsonValue &item : items)
                listed.append(item.toObject());
            offset += items.size();
        }
        QCOMPARE(listed.size(), 50);
        QCOMPARE(listed.last(), m_server->record(QStringLiteral("launchdarkly"), 49));

        m_server->setLdMaxPageSize(0);
        reply = m_client->get(QStringLiteral("/api/v2/segments/default/production?limit=50"), SandboxClient::ldAuth());
        QCOMPARE(reply.object().value(QStringLiteral("items")).toArray().size(), 50);
    }

    // The hook the LaunchDarkly filter evaluator plugs into; its filter stays in the links.
    void ldFilterHook()
    {
        m_server->setSegmentCount(QStringLiteral("launchdarkly"), 300);
        const QString filter = QStringLiteral("tags anyOf [\"beta\"]");
        QStringList seen;
        m_server->setLdFilterHook([&](const QString &text) {
            seen.append(text);
            if (text != filter)
                return LdFilter {QStringLiteral("only tags anyOf [\"beta\"] here"), {}};
            return LdFilter {
                {}, [](const QJsonObject &segment) {
                    return segment.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("beta"));
                }};
        });
        QList<QJsonObject> expected;
        for (int i = 0; i < 300; ++i) {
            const QJsonObject record = m_server->record(QStringLiteral("launchdarkly"), i);
            if (record.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("beta")))
                expected.append(record);
        }
        QVERIFY(expected.size() > 20);

        QList<QJsonObject> listed;
        QString next = QStringLiteral("/api/v2/segments/default/production?limit=20&filter=") + percent(filter);
        while (!next.isEmpty()) {
            const HttpResult reply = m_client->get(next, SandboxClient::ldAuth());
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.object().value(QStringLiteral("totalCount")).toInt(), expected.size());
            for (const QJsonValue &item : reply.object().value(QStringLiteral("items")).toArray())
                listed.append(item.toObject());
            next = reply.object()
                       .value(QStringLiteral("_links"))
                       .toObject()
                       .value(QStringLiteral("next"))
                       .toObject()
                       .value(QStringLiteral("href"))
                       .toString();
            // Written the way LaunchDarkly's Go servers write queries: '+' for a space.
            QVERIFY(next.isEmpty() || next.contains(QStringLiteral("filter=tags+anyOf+%5B%22beta%22%5D&limit=20")));
        }
        QVERIFY(listed == expected);
        QVERIFY(!seen.isEmpty());
        QVERIFY(std::all_of(seen.cbegin(), seen.cend(), [&](const QString &text) { return text == filter; }));

        const HttpResult refused = m_client->get(QStringLiteral("/api/v2/segments/default/production?filter=")
                                                     + percent(QStringLiteral("unbounded equals true")),
                                                 SandboxClient::ldAuth());
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("only tags anyOf [\"beta\"] here"));

        m_server->setLdFilterHook({}); // back to refusing every filter
        QCOMPARE(m_client
                     ->get(QStringLiteral("/api/v2/segments/default/production?filter=") + percent(filter),
                           SandboxClient::ldAuth())
                     .status,
                 400);
    }

    // Whatever the filter holds, the hook gets it back exactly, from the client and from the links.
    void ldFilterText_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("sent"); // as the client writes it in the query
        const QString awkward = QString::fromUtf8("query equals \"a+b & c=d %20 ü#? \\\" \xD7\xA9\"");
        QTest::newRow("percent-encoded") << awkward << percent(awkward);
        QTest::newRow("plus for space") << QStringLiteral("tags anyOf [\"x\"]")
                                        << QStringLiteral("tags+anyOf+%5B%22x%22%5D");
    }

    void ldFilterText()
    {
        QFETCH(QString, filter);
        QFETCH(QString, sent);
        m_server->setSegmentCount(QStringLiteral("launchdarkly"), 5);
        QStringList seen;
        m_server->setLdFilterHook([&](const QString &text) {
            seen.append(text);
            return LdFilter {{}, [](const QJsonObject &) {
                                 return true;
                             }};
        });
        HttpResult reply = m_client->get(QStringLiteral("/api/v2/segments/default/production?limit=2&filter=") + sent,
                                         SandboxClient::ldAuth());
        QCOMPARE(reply.status, 200);
        const QString next = reply.object()
                                 .value(QStringLiteral("_links"))
                                 .toObject()
                                 .value(QStringLiteral("next"))
                                 .toObject()
                                 .value(QStringLiteral("href"))
                                 .toString();
        reply = m_client->get(next, SandboxClient::ldAuth());
        QCOMPARE(reply.status, 200);
        QCOMPARE(seen, QStringList({filter, filter}));
    }

    // What goes over the wire: a plain HTTP/1.1 answer, kept alive until the client says close.
    void wireFormat()
    {
        m_server->setSegmentCount(QStringLiteral("batch"), 3);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        QByteArray request = "GET /2.11/segments/list?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const auto &[name, value] : SandboxClient::batchAuth())
            request += name + ": " + value + "\r\n";

        QByteArray received;
        // One whole answer (head and Content-Length bytes of body) into *answer.
        const auto readAnswer = [&](QByteArray *answer) {
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 10000);
            const qsizetype headEnd = received.indexOf("\r\n\r\n") + 4;
            const QByteArray head = received.left(headEnd);
            const qsizetype lengthAt = head.indexOf("Content-Length: ") + 16;
            const qsizetype length = head.mid(lengthAt, head.indexOf("\r\n", lengthAt) - lengthAt).toLongLong();
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).size() >= headEnd + length, 10000);
            *answer = received.left(headEnd + length);
            received.remove(0, headEnd + length);
        };

        socket.write(request + "\r\n");
        QByteArray answer;
        readAnswer(&answer);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(answer.contains("\r\nConnection: keep-alive\r\n"));
        QVERIFY(QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).isObject());

        // The same connection serves the next request; "Connection: close" ends it.
        socket.write(request + "Connection: close\r\n\r\n");
        readAnswer(&answer);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(answer.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_server->requestCount(QStringLiteral("batch")), 2);
    }

    // One signal a request, with the path but never the query or headers.
    void requestServed()
    {
        QSignalSpy served(m_server.get(), &SandboxServer::requestServed);
        QVERIFY(m_server->setFaults(QStringLiteral("amperity:503@2")));
        m_client->get(QStringLiteral("/api/segments?limit=1"), SandboxClient::amperityAuth());
        m_client->get(QStringLiteral("/api/segments?limit=1"), SandboxClient::amperityAuth());
        m_client->get(QStringLiteral("/elsewhere?token=secret"));
        QCOMPARE(served.count(), 3);
        const QList<QVariant> expected[] = {
            {QStringLiteral("amperity"), 1, QStringLiteral("GET"), QStringLiteral("/api/segments"), 200, false},
            {QStringLiteral("amperity"), 2, QStringLiteral("GET"), QStringLiteral("/api/segments"), 503, true},
            {QString(), 0, QStringLiteral("GET"), QStringLiteral("/elsewhere"), 404, false},
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(served.at(i), expected[i]);
    }

    // Big accounts: 100,000 segments a vendor, the last page and a sort over all of them.
    void hundredThousand()
    {
        m_server->setSegmentCount(100000);
        HttpResult reply =
            m_client->get(QStringLiteral("/api/v2/segments/default/production?limit=5&offset=99995&sort=-name"),
                          SandboxClient::ldAuth());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value(QStringLiteral("items")).toArray().size(), 5);
        QCOMPARE(reply.object().value(QStringLiteral("totalCount")).toInt(), 100000);
        const QJsonArray items = reply.object().value(QStringLiteral("items")).toArray();
        for (qsizetype i = 1; i < items.size(); ++i) {
            QVERIFY(items.at(i - 1).toObject().value(QStringLiteral("name")).toString()
                    >= items.at(i).toObject().value(QStringLiteral("name")).toString());
        }
        reply = m_client->get(QStringLiteral("/v3/segments?offset=99999&count=true"), m_client->sailPointAuth());
        QCOMPARE(reply.array().size(), 1);
        QCOMPARE(reply.array().first().toObject(), m_server->record(QStringLiteral("sailpoint"), 99999));
        QCOMPARE(reply.header("X-Total-Count"), QByteArray("100000"));

        // Ids, keys and codes are unique over the whole account.
        const QList<QPair<QString, QString>> idFields {{QStringLiteral("batch"), QStringLiteral("code")},
                                                       {QStringLiteral("launchdarkly"), QStringLiteral("key")},
                                                       {QStringLiteral("amperity"), QStringLiteral("id")},
                                                       {QStringLiteral("sailpoint"), QStringLiteral("id")}};
        for (const auto &[vendor, field] : idFields) {
            QSet<QString> ids;
            for (int i = 0; i < 100000; ++i)
                ids.insert(m_server->record(vendor, i).value(field).toString());
            QCOMPARE(ids.size(), 100000);
        }
    }

    // Same data in every run and every server; a smaller account lists a prefix of a bigger one.
    void deterministicData()
    {
        SandboxServer other;
        other.setSegmentCount(10);
        for (const QString &vendor : SandboxServer::vendorIds()) {
            for (int i = 0; i < 10; ++i)
                QCOMPARE(other.record(vendor, i), m_server->record(vendor, i));
            QVERIFY(other.record(vendor, 10).isEmpty());
            QVERIFY(m_server->record(vendor, -1).isEmpty());
        }
        QVERIFY(m_server->record(QStringLiteral("nobody"), 0).isEmpty());
        QCOMPARE(m_server->segmentCount(QStringLiteral("batch")), 1000);
        QCOMPARE(other.segmentCount(QStringLiteral("sailpoint")), 10);
    }

    void epochs_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        for (const QString &vendor : SandboxServer::vendorIds()) {
            const QByteArray v = vendor.toLatin1();
            QTest::addRow("%s 0 to 1", v.constData()) << vendor << 0 << 1;
            QTest::addRow("%s 1 to 2", v.constData()) << vendor << 1 << 2;
            QTest::addRow("%s 0 to 2", v.constData()) << vendor << 0 << 2;
            QTest::addRow("%s 2 to 0", v.constData()) << vendor << 2 << 0;
        }
    }

    // The same account later, listed over HTTP, differs from the earlier one by exactly
    // expectedChanges; the earlier epoch then lists what it listed before, byte for byte.
    void epochs()
    {
        QFETCH(QString, vendor);
        QFETCH(int, from);
        QFETCH(int, to);
        m_server->setSegmentCount(400);
        QCOMPARE(m_server->epoch(), 0);
        QList<QJsonObject> today;
        pageAll(*m_client, vendor, 0, &today);
        m_server->setEpoch(from);
        QCOMPARE(m_server->epoch(), from);
        QList<QJsonObject> before;
        pageAll(*m_client, vendor, 0, &before);
        QCOMPARE(before.size(), m_server->segmentCount(vendor));
        m_server->setEpoch(to);
        QList<QJsonObject> after;
        pageAll(*m_client, vendor, 0, &after);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(after.size(), m_server->segmentCount(vendor));
        for (int i = 0; i < after.size(); ++i) {
            if (after.at(i) != m_server->record(vendor, i))
                QFAIL(qPrintable(QStringLiteral("record %1 differs from record()").arg(i)));
        }

        const ListingDiff diff = diffListings(vendor, before, after);
        QList<SandboxChange> expected = m_server->expectedChanges(vendor, from, to);
        std::sort(expected.begin(), expected.end(), changeLess);
        if (diff.changes != expected)
            QFAIL(
                qPrintable(QStringLiteral("listed: %1\nexpected: %2").arg(describe(diff.changes), describe(expected))));
        QStringList bookkeeping = m_server->bookkeepingOnlyKeys(vendor, from, to);
        bookkeeping.sort();
        QCOMPARE(diff.bookkeepingOnly, bookkeeping);

        // Every kind of difference occurs, and every vendor's kinds of content change.
        const auto count = [&](const QString &kind) {
            return std::count_if(expected.cbegin(), expected.cend(),
                                 [&](const SandboxChange &change) { return change.kind == kind; });
        };
        const qsizetype added = count(QStringLiteral("added"));
        QVERIFY(added > 0);
        QVERIFY(count(QStringLiteral("removed")) > 0);
        QVERIFY(count(QStringLiteral("changed")) > 0);
        QSet<QString> changedFields;
        for (const SandboxChange &change : expected) {
            QCOMPARE(change.fields.isEmpty(), change.kind != QLatin1String("changed"));
            for (const QString &field : change.fields)
                changedFields.insert(field);
        }
        const QString name = vendor == QLatin1String("batch") ? QStringLiteral("display_name") : QStringLiteral("name");
        QVERIFY(changedFields.contains(name));
        if (vendor == QLatin1String("launchdarkly")) {
            for (const char *field : {"description", "tags", "rules", "included"})
                QVERIFY2(changedFields.contains(QLatin1String(field)), field);
        } else if (vendor == QLatin1String("sailpoint")) {
            QVERIFY(changedFields.contains(QStringLiteral("description")));
            QVERIFY(changedFields.contains(QStringLiteral("active")));
        } else {
            QCOMPARE(changedFields.size(), 1);
        }
        // Amperity's records have no bookkeeping beyond the id; the others' changes in it alone
        // are no change of the segment.
        QCOMPARE(bookkeeping.isEmpty(), vendor == QLatin1String("amperity"));

        // Going forward, the new segments come after all the others, in the default order.
        if (from < to) {
            QStringList addedKeys;
            for (const SandboxChange &change : m_server->expectedChanges(vendor, from, to)) {
                if (change.kind == QLatin1String("added"))
                    addedKeys << change.key;
            }
            QStringList lastKeys;
            for (qsizetype i = after.size() - added; i < after.size(); ++i)
                lastKeys << keyOf(vendor, after.at(i));
            QCOMPARE(lastKeys, addedKeys);
        }
        // Read backwards, the same differences mirrored.
        QList<SandboxChange> mirrored = m_server->expectedChanges(vendor, to, from);
        for (SandboxChange &change : mirrored) {
            if (change.kind != QLatin1String("changed"))
                change.kind =
                    change.kind == QLatin1String("added") ? QStringLiteral("removed") : QStringLiteral("added");
        }
        std::sort(mirrored.begin(), mirrored.end(), changeLess);
        QCOMPARE(mirrored, expected);

        // Back to the first epoch, and to epoch 0: what they listed before, byte for byte.
        m_server->setEpoch(from);
        QList<QJsonObject> again;
        pageAll(*m_client, vendor, 7, &again);
        QCOMPARE(again.size(), before.size());
        for (int i = 0; i < before.size(); ++i)
            QCOMPARE(bytesOf(again.at(i)), bytesOf(before.at(i)));
        m_server->setEpoch(0);
        again.clear();
        pageAll(*m_client, vendor, 0, &again);
        QCOMPARE(again.size(), today.size());
        for (int i = 0; i < today.size(); ++i)
            QCOMPARE(bytesOf(again.at(i)), bytesOf(today.at(i)));
        QCOMPARE(m_server->expectedChanges(vendor, from, from), QList<SandboxChange>());
    }

    void epochCounts_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("later"); // listed at epoch 1
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("changed");
        for (const QString &vendor : SandboxServer::vendorIds()) {
            const QByteArray v = vendor.toLatin1();
            // Removed: i % 10 == 3; renamed 5 and 9; edited 7 (LaunchDarkly, SailPoint only);
            // added: count / 20, at least one.
            const bool edits = vendor == QLatin1String("launchdarkly") || vendor == QLatin1String("sailpoint");
            QTest::addRow("%s 0", v.constData()) << vendor << 0 << 0 << 0 << 0;
            QTest::addRow("%s 1", v.constData()) << vendor << 1 << 2 << 0 << 0;
            QTest::addRow("%s 7", v.constData()) << vendor << 7 << 7 << 1 << 1;
            QTest::addRow("%s 40", v.constData()) << vendor << 40 << 38 << 4 << (edits ? 12 : 8);
        }
    }

    // Small accounts: the counts, the records and the paging at epoch 1.
    void epochCounts()
    {
        QFETCH(QString, vendor);
        QFETCH(int, count);
        QFETCH(int, later);
        QFETCH(int, removed);
        QFETCH(int, changed);
        m_server->setSegmentCount(vendor, count);
        m_server->setEpoch(1);
        QCOMPARE(m_server->segmentCount(vendor), later);
        QList<QJsonObject> listed;
        pageAll(*m_client, vendor, 3, &listed);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(listed.size(), later);
        for (int i = 0; i < later; ++i)
            QCOMPARE(listed.at(i), m_server->record(vendor, i));
        QVERIFY(m_server->record(vendor, later).isEmpty());
        const QList<SandboxChange> changes = m_server->expectedChanges(vendor, 0, 1);
        const auto kinds = [&](const char *kind) {
            return int(std::count_if(changes.cbegin(), changes.cend(),
                                     [&](const SandboxChange &change) { return change.kind == QLatin1String(kind); }));
        };
        QCOMPARE(kinds("removed"), removed);
        QCOMPARE(kinds("changed"), changed);
        QCOMPARE(kinds("added"), later - count + removed);
        // A bigger account at epoch 1 lists the same survivors of the first `count`, and other
        // new segments: new keys never occur in an epoch-0 list.
        m_server->setSegmentCount(vendor, 1000);
        QSet<QString> earlier;
        m_server->setEpoch(0);
        for (int i = 0; i < 1000; ++i)
            earlier.insert(keyOf(vendor, m_server->record(vendor, i)));
        for (const SandboxChange &change : changes) {
            if (change.kind == QLatin1String("added"))
                QVERIFY2(!earlier.contains(change.key), qPrintable(change.key));
        }
        // And setSegmentCount after setEpoch describes the new count.
        m_server->setEpoch(1);
        QCOMPARE(m_server->segmentCount(vendor), 1000 - 100 + 50);
        m_server->setSegmentCount(vendor, count);
        QCOMPARE(m_server->segmentCount(vendor), later);
    }

    // Sorting and cursors work on the later account too.
    void epochSortAndCursor()
    {
        m_server->setSegmentCount(200);
        m_server->setEpoch(1);
        // The most recently modified segments are the ones step 1 changed, in 2025.
        const HttpResult reply = m_client->get(
            QStringLiteral("/api/v2/segments/default/production?limit=5&sort=-lastModified"), SandboxClient::ldAuth());
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.object().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 5);
        for (const QJsonValue &item : items)
            QVERIFY(item.toObject().value(QStringLiteral("lastModifiedDate")).toInteger() >= 1735689600000LL);
        QCOMPARE(reply.object().value(QStringLiteral("totalCount")).toInt(),
                 m_server->segmentCount(QStringLiteral("launchdarkly")));

        // A Batch cursor taken at epoch 0 goes on after its segment at epoch 1, or after where a
        // removed one was.
        m_server->setEpoch(0);
        const QJsonValue fourth = m_server->record(QStringLiteral("batch"), 4).value(QStringLiteral("code"));
        HttpResult page = m_client->get(QStringLiteral("/2.11/segments/list?limit=4"), SandboxClient::batchAuth());
        QCOMPARE(page.status, 200);
        const QString from = page.object().value(QStringLiteral("next_from")).toString(); // after index 3
        m_server->setEpoch(1); // index 3 is gone
        page = m_client->get(QStringLiteral("/2.11/segments/list?limit=2&from=") + percent(from),
                             SandboxClient::batchAuth());
        QCOMPARE(page.status, 200);
        const QJsonArray segments = page.object().value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments.at(0).toObject(), m_server->record(QStringLiteral("batch"), 3));
        QCOMPARE(segments.at(0).toObject().value(QStringLiteral("code")), fourth);
    }

    // The values a careless client or CSV writer gets wrong are all there.
    void awkwardData()
    {
        const auto any = [&](const QString &vendor, const std::function<bool(const QJsonObject &)> &test) {
            for (int i = 0; i < 1000; ++i) {
                if (test(m_server->record(vendor, i)))
                    return true;
            }
            return false;
        };
        const QRegularExpression rtl(QStringLiteral("[\\x{0590}-\\x{05FF}\\x{0600}-\\x{06FF}]"));
        for (const auto &[vendor, nameField] :
             QList<QPair<QString, QString>> {{QStringLiteral("batch"), QStringLiteral("display_name")},
                                             {QStringLiteral("launchdarkly"), QStringLiteral("name")},
                                             {QStringLiteral("amperity"), QStringLiteral("name")},
                                             {QStringLiteral("sailpoint"), QStringLiteral("name")}}) {
            const auto name = [nameField](const QJsonObject &r) {
                return r.value(nameField).toString();
            };
            QVERIFY(any(vendor, [&](const QJsonObject &r) { return name(r).contains(rtl); }));
            QVERIFY(any(vendor, [&](const QJsonObject &r) { return name(r).contains(QLatin1Char('\n')); }));
            QVERIFY(any(vendor, [&](const QJsonObject &r) { return name(r).contains(QLatin1Char('"')); }));
            QVERIFY(any(vendor, [&](const QJsonObject &r) { return name(r).contains(QLatin1Char(',')); }));
            for (const char lead : {'=', '+', '-', '@'})
                QVERIFY(any(vendor, [&](const QJsonObject &r) { return name(r).startsWith(QLatin1Char(lead)); }));
        }
        for (const QString &vendor : {QStringLiteral("launchdarkly"), QStringLiteral("sailpoint")}) {
            QVERIFY(any(vendor, [](const QJsonObject &r) { return !r.contains(QStringLiteral("description")); }));
            QVERIFY(any(vendor, [](const QJsonObject &r) {
                return r.contains(QStringLiteral("description"))
                    && r.value(QStringLiteral("description")).toString().isEmpty();
            }));
        }

        const QRegularExpression rfc3339Utc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
        for (int i = 0; i < 200; ++i) {
            const QJsonObject segment = m_server->record(QStringLiteral("batch"), i);
            QVERIFY(rfc3339Utc.match(segment.value(QStringLiteral("created_at")).toString()).hasMatch());
            QVERIFY(segment.value(QStringLiteral("updated_at")).toString()
                    >= segment.value(QStringLiteral("created_at")).toString());
        }

        const QString ld = QStringLiteral("launchdarkly");
        QVERIFY(any(ld, [](const QJsonObject &r) {
            return r.value(QStringLiteral("unbounded")).toBool() && !r.contains(QStringLiteral("included"))
                && !r.contains(QStringLiteral("excluded"));
        }));
        QVERIFY(any(ld, [](const QJsonObject &r) { return r.contains(QStringLiteral("_external")); }));
        QVERIFY(any(ld, [](const QJsonObject &r) { return !r.value(QStringLiteral("included")).toArray().isEmpty(); }));
        for (int i = 0; i < 200; ++i) {
            const QJsonObject segment = m_server->record(ld, i);
            for (const char *field : {"key", "name", "tags", "creationDate", "lastModifiedDate", "_links", "rules",
                                      "version", "deleted", "generation"}) {
                QVERIFY2(segment.contains(QLatin1String(field)), field);
            }
            QVERIFY(segment.value(QStringLiteral("creationDate")).toInteger() > 1500000000000LL); // Unix ms
            QVERIFY(segment.value(QStringLiteral("lastModifiedDate")).toInteger()
                    >= segment.value(QStringLiteral("creationDate")).toInteger());
            QCOMPARE(segment.value(QStringLiteral("deleted")).toBool(true), false);
            QCOMPARE(segment.value(QStringLiteral("_links"))
                         .toObject()
                         .value(QStringLiteral("self"))
                         .toObject()
                         .value(QStringLiteral("href"))
                         .toString(),
                     QStringLiteral("/api/v2/segments/default/production/")
                         + segment.value(QStringLiteral("key")).toString());
            for (const QJsonValue &rule : segment.value(QStringLiteral("rules")).toArray()) {
                for (const QJsonValue &clause : rule.toObject().value(QStringLiteral("clauses")).toArray()) {
                    for (const char *field : {"attribute", "op", "values", "negate"})
                        QVERIFY2(clause.toObject().contains(QLatin1String(field)), field);
                }
            }
        }

        const QRegularExpression amperityId(QStringLiteral("^[a-z]{2}-[0-9A-Za-z]{8}$"));
        QVERIFY(any(QStringLiteral("amperity"),
                    [](const QJsonObject &r) { return !r.contains(QStringLiteral("status")); }));
        for (int i = 0; i < 200; ++i) {
            const QJsonObject segment = m_server->record(QStringLiteral("amperity"), i);
            QVERIFY(amperityId.match(segment.value(QStringLiteral("id")).toString()).hasMatch());
            for (const QString &key : segment.keys())
                QVERIFY(QStringList({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status")})
                            .contains(key));
        }

        const QString sp = QStringLiteral("sailpoint");
        QVERIFY(any(sp, [](const QJsonObject &r) { return r.value(QStringLiteral("owner")).isNull(); }));
        QVERIFY(any(sp, [](const QJsonObject &r) { return r.value(QStringLiteral("visibilityCriteria")).isNull(); }));
        QVERIFY(any(sp, [](const QJsonObject &r) {
            const QJsonObject expression =
                r.value(QStringLiteral("visibilityCriteria")).toObject().value(QStringLiteral("expression")).toObject();
            return expression.value(QStringLiteral("operator")).toString() == QLatin1String("AND")
                && expression.value(QStringLiteral("children")).toArray().size() >= 2;
        }));
        const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        for (int i = 0; i < 200; ++i) {
            const QJsonObject segment = m_server->record(sp, i);
            QVERIFY(uuid.match(segment.value(QStringLiteral("id")).toString()).hasMatch());
            QVERIFY(QDateTime::fromString(segment.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs)
                        .isValid());
            QVERIFY(QDateTime::fromString(segment.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs)
                        .isValid());
            QVERIFY(segment.value(QStringLiteral("active")).isBool());
            const QJsonValue owner = segment.value(QStringLiteral("owner"));
            QVERIFY(owner.isNull()
                    || owner.toObject().value(QStringLiteral("type")).toString() == QLatin1String("IDENTITY"));
        }
    }

private:
    // The vendor's documented error shape, whatever the error.
    static void checkErrorShape(const QString &request, const QJsonObject &body)
    {
        if (request.startsWith(QLatin1String("/2.11/"))) {
            QVERIFY(body.value(QStringLiteral("error_code")).isString());
            QVERIFY(body.value(QStringLiteral("error_message")).isString());
        } else if (request.startsWith(QLatin1String("/api/v2/"))) {
            QVERIFY(body.value(QStringLiteral("code")).isString());
            QVERIFY(!body.value(QStringLiteral("message")).toString().isEmpty());
            QCOMPARE(body.value(QStringLiteral("id")).toString().size(), 24);
        } else if (request.startsWith(QLatin1String("/api/"))) {
            QVERIFY(body.value(QStringLiteral("status")).isDouble());
            QVERIFY(!body.value(QStringLiteral("message")).toString().isEmpty());
        } else {
            QVERIFY(body.value(QStringLiteral("error")).isString());
        }
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxClient> m_client;
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
