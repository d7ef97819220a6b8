// Each vendor's requests, documented pages, paging and errors (the contract they share is
// tst_vendors).
#include "vendortest.h"

#include "samepagebody.h"

using namespace sb;
using namespace sb::test;

class TestVendorPages final : public QObject
{
    Q_OBJECT

private slots:
    // ---- Batch ----

    void batchRequest()
    {
        const Result<HttpRequest> r = batch.pageRequest(batchProfile(), {});
        QCOMPARE(wire(r), QByteArray("https://api.batch.com/2.11/segments/list?limit=100"));
        QCOMPARE(r.value().method, QByteArray("GET"));
        QCOMPARE(r.value().header("X-Batch-Project"), QByteArray("proj"));
        QCOMPARE(r.value().header("Accept"), QByteArray("application/json"));
        QVERIFY(r.value().header("Authorization").isEmpty());
        // The cursor goes back as `from`, encoded (base64 has '=' and may have '+' and '/').
        QCOMPARE(wire(batch.pageRequest(batchProfile(), at(1, "U0VHRU1FTlQtQ09ERUAyMDI2LTAxLTAxVDAwOjAwOjAwWg=="))),
                 QByteArray("https://api.batch.com/2.11/segments/list?limit=100"
                            "&from=U0VHRU1FTlQtQ09ERUAyMDI2LTAxLTAxVDAwOjAwOjAwWg%3D%3D"));
        QCOMPARE(wire(batch.pageRequest(batchProfile(), at(1, "a+b/c"))),
                 QByteArray("https://api.batch.com/2.11/segments/list?limit=100&from=a%2Bb%2Fc"));
    }

    void batchDocumentedPage()
    {
        const Page p = page(batch.parsePage(reply(200, batchExample), {}));
        QCOMPARE(p.segments.size(), 1);
        QCOMPARE(
            p.segments.first().values,
            QVariantList({s("SEGMENT-CODE"), s("Segment name"), s("2026-01-01T00:00:00Z"), s("2026-01-01T00:00:00Z")}));
        QCOMPARE(p.segments.first().object().value(s("display_name")).toString(), s("Segment name"));
        QVERIFY(p.next.has_value());
        QCOMPARE(p.next->token, s("U0VHRU1FTlQtQ09ERUAyMDI2LTAxLTAxVDAwOjAwOjAwWg=="));
        QCOMPARE(p.next->offset, 1);
        // `count` is this page's size, not a total.
        QCOMPARE(p.total, -1);
    }

    void batchEndOfList()
    {
        Page p = page(batch.parsePage(reply(200, R"({"segments":[{"code":"A"}],"count":1,"has_more":false})"), {}));
        QCOMPARE(keys(batch, p), QStringList {s("A")});
        QVERIFY(!p.next);
        // has_more false wins over a stray cursor.
        p = page(batch.parsePage(reply(200, R"({"segments":[],"has_more":false,"next_from":"x"})"), {}));
        QVERIFY(!p.next);
        QVERIFY(p.segments.isEmpty());
        // has_more true without next_from cannot be followed.
        Result<Page> r = batch.parsePage(reply(200, R"({"segments":[{"code":"A"}],"has_more":true})"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Parse);
        QVERIFY(r.error().message.contains(s("next_from")));
        // A cursor that does not move would loop forever.
        r = batch.parsePage(reply(200, R"({"segments":[{"code":"A"}],"has_more":true,"next_from":"c1"})"), at(5, "c1"));
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Parse);
        // Without has_more, a cursor alone still means more; without either, the end.
        p = page(batch.parsePage(reply(200, R"({"segments":[{"code":"A"}],"next_from":"c9"})"), {}));
        QCOMPARE(p.next, Cursor({1, s("c9")}));
        p = page(batch.parsePage(reply(200, R"({"segments":[{"code":"A"}]})"), {}));
        QVERIFY(!p.next);
        // The next cursor counts rows from the current one.
        p = page(batch.parsePage(
            reply(200, R"({"segments":[{"code":"A"},{"code":"B"}],"has_more":true,"next_from":"c2"})"), at(5, "c1")));
        QCOMPARE(p.next, Cursor({7, s("c2")}));
    }

    void batchErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::newRow("400") << 400 << Error::Kind::Server;
        QTest::newRow("401") << 401 << Error::Kind::Auth;
        QTest::newRow("429") << 429 << Error::Kind::RateLimit;
        QTest::newRow("500") << 500 << Error::Kind::Server;
        QTest::newRow("503") << 503 << Error::Kind::Server;
    }

    void batchErrors()
    {
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        const Result<Page> r = batch.parsePage(
            reply(status, R"({"error_code":"AUTHENTICATION_INVALID","error_message":"The REST API key is not valid"})"),
            {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(r.error().httpStatus, status);
        QCOMPARE(r.error().message, s("The REST API key is not valid"));
        QCOMPARE(r.error().vendorCode, s("AUTHENTICATION_INVALID"));
        QCOMPARE(r.error().retryAfterMs, -1);
    }

    // ---- LaunchDarkly ----

    void launchDarklyRequest()
    {
        const Result<HttpRequest> r = launchDarkly.pageRequest(launchDarklyProfile(), {});
        QCOMPARE(wire(r),
                 QByteArray("https://app.launchdarkly.com/api/v2/segments/default/production?limit=50&offset=0"));
        QCOMPARE(r.value().header("LD-API-Version"), QByteArray("20240415"));
        QCOMPARE(r.value().header("Accept"), QByteArray("application/json"));
        QCOMPARE(
            wire(launchDarkly.pageRequest(launchDarklyProfile("https://app.eu.launchdarkly.com"), at(100, "", 20))),
            QByteArray("https://app.eu.launchdarkly.com/api/v2/segments/default/production?limit=20&offset=100"));
        // Keys are path segments: whatever they hold stays inside its segment.
        Profile odd = launchDarklyProfile();
        odd.params[LaunchDarklyApi::projectKey] = s("my proj/x");
        odd.params[LaunchDarklyApi::environmentKey] = s("prod?a=1#f");
        QCOMPARE(wire(launchDarkly.pageRequest(odd, {})),
                 QByteArray("https://app.launchdarkly.com/api/v2/segments/my%20proj%2Fx/prod%3Fa%3D1%23f"
                            "?limit=50&offset=0"));
    }

    void launchDarklyFilterAndSortEncoding_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("docs example") << s(R"(tags anyOf ["enterprise", "beta"],query equals "toggle")") << QString()
                                      << QByteArray("limit=50&offset=0&filter=tags%20anyOf%20%5B%22enterprise%22%2C%20"
                                                    "%22beta%22%5D%2Cquery%20equals%20%22toggle%22");
        QTest::newRow("or and groups") << s(R"((unbounded equals true|external exists),tags anyOf ["a"])") << QString()
                                       << QByteArray("limit=50&offset=0&filter=%28unbounded%20equals%20true%7Cexternal"
                                                     "%20exists%29%2Ctags%20anyOf%20%5B%22a%22%5D");
        QTest::newRow("plus percent ampersand")
            << s(R"(query equals "a+b 100% & c=d")") << QString()
            << QByteArray("limit=50&offset=0&filter=query%20equals%20%22a%2Bb%20100%25%20%26%20c%3Dd%22");
        QTest::newRow("sort") << QString() << s("-name,creationDate")
                              << QByteArray("limit=50&offset=0&sort=-name%2CcreationDate");
        QTest::newRow("sort with spaces")
            << QString() << s("name, -creationDate") << QByteArray("limit=50&offset=0&sort=name%2C-creationDate");
        QTest::newRow("sort and filter") << s("unbounded equals false") << s("lastModified")
                                         << QByteArray("limit=50&offset=0&sort=lastModified"
                                                       "&filter=unbounded%20equals%20false");
    }

    void launchDarklyFilterAndSortEncoding()
    {
        QFETCH(QString, filter);
        QFETCH(QString, sort);
        QFETCH(QByteArray, query);
        PageQuery q;
        q.query = Query {filter, sort};
        const Result<HttpRequest> r = launchDarkly.pageRequest(launchDarklyProfile(), q);
        QCOMPARE(wire(r), "https://app.launchdarkly.com/api/v2/segments/default/production?" + query);
        // And the server reads back exactly what the user wrote.
        const QUrlQuery back(r.value().url);
        QCOMPARE(back.queryItemValue(s("filter"), QUrl::FullyDecoded), filter);
        QCOMPARE(back.queryItemValue(s("sort"), QUrl::FullyDecoded), QString(sort).remove(QLatin1Char(' ')));
    }

    void launchDarklyFollowsTheNextLink()
    {
        // The href keeps its filter and sort; paging comes from the cursor and the page size.
        PageQuery q = at(20,
                         "/api/v2/segments/default/production?limit=20&offset=20"
                         "&filter=tags%20anyOf%20%5B%22a%22%5D&sort=-name");
        q.query.filter = s("ignored: the href's own filter is what the server understood");
        QCOMPARE(wire(launchDarkly.pageRequest(launchDarklyProfile(), q)),
                 QByteArray("https://app.launchdarkly.com/api/v2/segments/default/production?limit=50&offset=20"
                            "&filter=tags%20anyOf%20%5B%22a%22%5D&sort=-name"));
        // On a loopback root too, port included.
        QCOMPARE(wire(launchDarkly.pageRequest(launchDarklyProfile("http://127.0.0.1:8080"),
                                               at(7, "/api/v2/segments/default/production?limit=5&offset=5", 5))),
                 QByteArray("http://127.0.0.1:8080/api/v2/segments/default/production?limit=5&offset=7"));
        // An absolute href to the same origin is fine.
        QCOMPARE(wire(launchDarkly.pageRequest(
                     launchDarklyProfile(),
                     at(50, "https://app.launchdarkly.com/api/v2/segments/default/production?offset=50"))),
                 QByteArray("https://app.launchdarkly.com/api/v2/segments/default/production?limit=50&offset=50"));
        const Result<HttpRequest> r = launchDarkly.pageRequest(launchDarklyProfile(), at(20, "/api/v2/x?offset=20"));
        QCOMPARE(r.value().header("LD-API-Version"), QByteArray("20240415"));
    }

    void launchDarklyRefusesForeignNextLinks_data()
    {
        QTest::addColumn<QString>("href");
        QTest::newRow("other host") << s("https://evil.example/api/v2/segments/default/production?offset=20");
        QTest::newRow("network path") << s("//evil.example/api/v2/segments/default/production?offset=20");
        QTest::newRow("plain http") << s("http://app.launchdarkly.com/api/v2/segments/default/production?offset=20");
        QTest::newRow("other port") << s("https://app.launchdarkly.com:8443/api/v2/segments/default/production");
        QTest::newRow("user info") << s("https://x@app.launchdarkly.com/api/v2/segments/default/production");
        QTest::newRow("lookalike") << s("https://app.launchdarkly.com.evil.example/api/v2/segments/default/production");
    }

    void launchDarklyRefusesForeignNextLinks()
    {
        QFETCH(QString, href);
        PageQuery q;
        q.cursor = Cursor {20, href};
        const Result<HttpRequest> r = launchDarkly.pageRequest(launchDarklyProfile(), q);
        QVERIFY2(!r, r ? r.value().url.toEncoded().constData() : "");
        QVERIFY(r.error().isError());
        QVERIFY(!r.error().message.contains(s("evil")));
    }

    void launchDarklyDocumentedPage()
    {
        const Page p = page(launchDarkly.parsePage(reply(200, launchDarklyExample), at(0, "", 20)));
        QCOMPARE(p.segments.size(), 1);
        QCOMPARE(p.segments.first().values,
                 QVariantList({s("segment-key-123abc"), s("Example segment"), s("Bundle our sample customers together"),
                               QStringList {s("testing")}, QVariant::fromValue<qint64>(1717000000000),
                               QVariant::fromValue<qint64>(1717000500000), false, QVariant::fromValue<qint64>(1)}));
        // The whole record is kept, rules and all.
        QVERIFY(p.segments.first().object().value(s("rules")).isArray());
        QCOMPARE(p.total, 41);
        // Twenty asked for, one received: the next page starts right after it, not at 20.
        QVERIFY(p.next.has_value());
        QCOMPARE(p.next->offset, 1);
        QCOMPARE(p.next->token, s("/api/v2/segments/default/production?limit=20&offset=20"));
    }

    void launchDarklyPaging()
    {
        QByteArray items = "[";
        for (int i = 0; i < 20; ++i)
            items += (i ? "," : "") + json({{s("key"), s("k%1").arg(i)}});
        items += "]";
        const QByteArray fullPage = R"({"items":)" + items
            + R"(,"_links":{"next":{"href":"/api/v2/segments/default/production?limit=20&offset=40"}},"totalCount":100})";
        Page p = page(launchDarkly.parsePage(reply(200, fullPage), at(20, "x", 20)));
        QCOMPARE(p.segments.size(), 20);
        QCOMPARE(p.next, Cursor({40, s("/api/v2/segments/default/production?limit=20&offset=40")}));
        QCOMPARE(p.total, 100);
        // No next link: the end. totalCount is optional.
        p = page(launchDarkly.parsePage(reply(200, R"({"items":[{"key":"a"}],"_links":{"self":{"href":"/x"}}})"), {}));
        QVERIFY(!p.next);
        QCOMPARE(p.total, -1);
        // A next link on an empty page would ask for the same offset again.
        p = page(launchDarkly.parsePage(
            reply(200, R"({"items":[],"_links":{"next":{"href":"/x?offset=40"}},"totalCount":40})"),
            at(40, "/x?offset=40")));
        QVERIFY(!p.next);
        QCOMPARE(p.total, 40);
    }

    void launchDarklyErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("401") << 401 << launchDarklyError("unauthorized", "Invalid access token") << Error::Kind::Auth
                             << s("Invalid access token") << s("unauthorized");
        QTest::newRow("403") << 403
                             << launchDarklyError("forbidden",
                                                  "Forbidden. Access to the requested resource was denied.")
                             << Error::Kind::Auth << s("Forbidden. Access to the requested resource was denied.")
                             << s("forbidden");
        QTest::newRow("404") << 404 << launchDarklyError("not_found", "Invalid resource identifier")
                             << Error::Kind::Server << s("Invalid resource identifier") << s("not_found");
        QTest::newRow("400") << 400 << launchDarklyError("invalid_request", "Invalid filter") << Error::Kind::Server
                             << s("Invalid filter") << s("invalid_request");
        QTest::newRow("429") << 429
                             << launchDarklyError("rate_limited",
                                                  "You've exceeded the API rate limit. Try again later.")
                             << Error::Kind::RateLimit << s("You've exceeded the API rate limit. Try again later.")
                             << s("rate_limited");
    }

    void launchDarklyErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, message);
        QFETCH(QString, code);
        const Result<Page> r = launchDarkly.parsePage(reply(status, body), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(r.error().httpStatus, status);
        QCOMPARE(r.error().message, message);
        QCOMPARE(r.error().vendorCode, code);
    }

    void launchDarklyRateLimitWait()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1717000000000, Qt::UTC);
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(reply(429, {}, {{"X-Ratelimit-Reset", "1717000004500"}}), now), 4500);
        // A reset already past: go now.
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(reply(429, {}, {{"X-Ratelimit-Reset", "1716999990000"}}), now), 0);
        // IP-based limits send Retry-After (seconds).
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(reply(429, {}, {{"Retry-After", "7"}}), now), 7000);
        // Both: the later of the two.
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(
                     reply(429, {}, {{"x-ratelimit-reset", "1717000002000"}, {"Retry-After", "7"}}), now),
                 7000);
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(
                     reply(429, {}, {{"X-Ratelimit-Reset", "1717000009000"}, {"Retry-After", "7"}}), now),
                 9000);
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(reply(429, {}, {{"X-Ratelimit-Reset", "soon"}}), now), -1);
        QCOMPARE(LaunchDarklyApi::rateLimitWaitMs(reply(429, {}), now), -1);

        // parsePage puts it on the error: a reset long past and Retry-After give an exact answer.
        const QByteArray body = R"({"code":"rate_limited","message":"slow down"})";
        Result<Page> r =
            launchDarkly.parsePage(reply(429, body, {{"X-Ratelimit-Reset", "1000"}, {"Retry-After", "12"}}), {});
        QCOMPARE(r.error().retryAfterMs, 12000);
        r = launchDarkly.parsePage(reply(429, body, {{"X-Ratelimit-Reset", "1000"}}), {});
        QCOMPARE(r.error().retryAfterMs, 0);
        // A reset in the future: some wait, no more than the window it names.
        const qint64 inAMinute = QDateTime::currentMSecsSinceEpoch() + 60000;
        r = launchDarkly.parsePage(reply(429, body, {{"X-Ratelimit-Reset", QByteArray::number(inAMinute)}}), {});
        QVERIFY(r.error().retryAfterMs > 0);
        QVERIFY(r.error().retryAfterMs <= 60000);
    }

    void launchDarklyWebUrl()
    {
        const QJsonObject record {{s("key"), s("segment-key-123abc")}};
        QCOMPARE(launchDarkly.webUrl(launchDarklyProfile(), record).toEncoded(),
                 QByteArray("https://app.launchdarkly.com/projects/default/segments/segment-key-123abc/targeting"
                            "?env=production"));
        QCOMPARE(launchDarkly.webUrl(launchDarklyProfile("https://app.eu.launchdarkly.com/"), record).toEncoded(),
                 QByteArray("https://app.eu.launchdarkly.com/projects/default/segments/segment-key-123abc/targeting"
                            "?env=production"));
        QVERIFY(launchDarkly.webUrl(launchDarklyProfile(), {}).isEmpty());
        QVERIFY(batch.webUrl(batchProfile(), {{s("code"), s("A")}}).isEmpty());
        QVERIFY(amperity.webUrl(amperityProfile(), {{s("id"), s("A")}}).isEmpty());
        QVERIFY(sailPoint.webUrl(sailPointProfile(), {{s("id"), s("A")}}).isEmpty());
    }

    // ---- Amperity ----

    void amperityRequest()
    {
        Result<HttpRequest> r = amperity.pageRequest(amperityProfile(), {});
        QCOMPARE(wire(r), QByteArray("https://app.amperity.com/api/segments?limit=100"));
        QCOMPARE(r.value().header("api-version"), QByteArray("2024-04-01"));
        QCOMPARE(r.value().header("amperity-tenant"), QByteArray("acme"));
        QCOMPARE(r.value().header("Accept"), QByteArray("application/json"));
        PageQuery q = at(0, "", 12);
        q.wantTotal = true;
        QCOMPARE(wire(amperity.pageRequest(amperityProfile("https://acme.amperity.com/api"), q)),
                 QByteArray("https://acme.amperity.com/api/segments?limit=12&with_total=true"));
        QCOMPARE(wire(amperity.pageRequest(amperityProfile(), at(100, "ABCa1bcdDEe2f3G"))),
                 QByteArray("https://app.amperity.com/api/segments?limit=100&next_token=ABCa1bcdDEe2f3G"));
        // next_token is never sent empty, whatever the offset says.
        QCOMPARE(wire(amperity.pageRequest(amperityProfile(), at(100, ""))),
                 QByteArray("https://app.amperity.com/api/segments?limit=100"));
    }

    void amperityDocumentedPage()
    {
        const Page p = page(amperity.parsePage(reply(200, amperityExample), {}));
        QCOMPARE(keys(amperity, p), QStringList({s("ab-1CDEfGHI"), s("cd-2FGHiJKL")}));
        QCOMPARE(p.segments.at(1).values, QVariantList({s("cd-2FGHiJKL"), s("Returning Customers")}));
        QCOMPARE(p.next, Cursor({2, s("ABCa1bcdDEe2f3G")}));
        QCOMPARE(p.total, 0); // as the example says, however odd
        // `status` (optional) is kept in the record.
        const Page withStatus =
            page(amperity.parsePage(reply(200, R"({"data":[{"id":"a","name":"n","status":"active"}]})"), {}));
        QCOMPARE(withStatus.segments.first().object().value(s("status")).toString(), s("active"));
        QCOMPARE(withStatus.total, -1);
    }

    void amperityEndOfList_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty next_token") << QByteArray(R"({"data":[{"id":"a","name":"n"}],"next_token":""})");
        QTest::newRow("missing next_token") << QByteArray(R"({"data":[{"id":"a","name":"n"}]})");
        QTest::newRow("null next_token") << QByteArray(R"({"data":[{"id":"a","name":"n"}],"next_token":null})");
    }

    void amperityEndOfList()
    {
        QFETCH(QByteArray, body);
        const Page p = page(amperity.parsePage(reply(200, body), at(5, "t5")));
        QCOMPARE(keys(amperity, p), QStringList {s("a")});
        QVERIFY(!p.next);
    }

    void amperityErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("400") << 400 << Error::Kind::Server
                             << s("The request was malformed or contained invalid parameters.");
        QTest::newRow("401") << 401 << Error::Kind::Auth << s("Authentication required.");
        QTest::newRow("403") << 403 << Error::Kind::Auth << s("Not authorized.");
        QTest::newRow("429") << 429 << Error::Kind::RateLimit << s("Too many requests.");
        QTest::newRow("500") << 500 << Error::Kind::Server << s("An unexpected error occurred.");
        QTest::newRow("503") << 503 << Error::Kind::Server << s("Service unavailable.");
    }

    void amperityErrors()
    {
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, message);
        const QByteArray body = json(
            {{s("status"), status}, {s("message"), message}, {s("request_id"), s("r1")}, {s("trace_id"), s("t1")}});
        const Result<Page> r = amperity.parsePage(reply(status, body), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(r.error().httpStatus, status);
        QCOMPARE(r.error().message, message);
        // Amperity sends no Retry-After: the caller backs off on its own.
        QCOMPARE(r.error().retryAfterMs, -1);
    }

    // ---- SailPoint ----

    void sailPointTokenRequest()
    {
        const QString secret = s("s&cr=et+ x%");
        const Result<HttpRequest> r = sailPoint.tokenRequest(sailPointProfile(), secret);
        QCOMPARE(wire(r), QByteArray("https://acme.api.identitynow.com/oauth/token"));
        QCOMPARE(r.value().method, QByteArray("POST"));
        QCOMPARE(r.value().contentType, QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(r.value().header("Accept"), QByteArray("application/json"));
        QCOMPARE(r.value().body,
                 QByteArray("grant_type=client_credentials&client_id=abc123&client_secret=s%26cr%3Det%2B%20x%25"));
        QVERIFY(r.value().header("Authorization").isEmpty());
        // The secret is in the body only.
        QVERIFY(!r.value().url.toString().contains(s("cr")));
        // A base URL written the way SailPoint writes its servers (/v3, /beta) still finds the token endpoint.
        QCOMPARE(wire(sailPoint.tokenRequest(sailPointProfile("https://acme.api.identitynow.com/v3/"), secret)),
                 QByteArray("https://acme.api.identitynow.com/oauth/token"));
        QCOMPARE(wire(sailPoint.tokenRequest(sailPointProfile("http://127.0.0.1:8080"), secret)),
                 QByteArray("http://127.0.0.1:8080/oauth/token"));
    }

    void sailPointTokenRequestNeedsItsInputs()
    {
        Profile p = sailPointProfile();
        p.params.clear();
        Result<HttpRequest> r = sailPoint.tokenRequest(p, s("secret"));
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QVERIFY(r.error().message.contains(s("Client ID")));
        r = sailPoint.tokenRequest(sailPointProfile(), s(" "));
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QVERIFY(r.error().message.contains(s("Client secret")));
        // Vendors without a token exchange say so.
        QCOMPARE(batch.tokenRequest(batchProfile(), s("x")).error().kind, Error::Kind::Usage);
    }

    void sailPointParseToken()
    {
        Result<AccessToken> t = sailPoint.parseToken(reply(
            200,
            R"({"access_token":"eyJhbGciOi.payload.sig","token_type":"bearer","expires_in":749,"scope":"sp:scopes:all"})"));
        QVERIFY(t);
        QCOMPARE(t.value().token, s("eyJhbGciOi.payload.sig"));
        QCOMPARE(t.value().expiresInSeconds, 749);

        t = sailPoint.parseToken(reply(401, R"({"error":"invalid_client","error_description":"Bad credentials"})"));
        QVERIFY(!t);
        QCOMPARE(t.error().kind, Error::Kind::Auth);
        QCOMPARE(t.error().httpStatus, 401);
        QCOMPARE(t.error().message, s("Bad credentials"));
        QCOMPARE(t.error().vendorCode, s("invalid_client"));
        // RFC 6749 answers a wrong client with 400; still the credentials' fault.
        t = sailPoint.parseToken(reply(400, R"({"error":"invalid_client"})"));
        QCOMPARE(t.error().kind, Error::Kind::Auth);
        QCOMPARE(t.error().message, s("invalid_client"));
        t = sailPoint.parseToken(reply(400, R"({"error":"unsupported_grant_type","error_description":"no"})"));
        QCOMPARE(t.error().kind, Error::Kind::Server);
        // SailPoint's usual error body is read too.
        t = sailPoint.parseToken(reply(500, sailPoint400));
        QCOMPARE(t.error().vendorCode, s("400.1 Bad Request Content"));

        t = sailPoint.parseToken(reply(200, R"({"token_type":"bearer"})"));
        QCOMPARE(t.error().kind, Error::Kind::Parse);
        t = sailPoint.parseToken(reply(200, R"({"access_token":"x","expires_in":"soon"})"));
        QCOMPARE(t.error().kind, Error::Kind::Parse);
        t = sailPoint.parseToken(reply(200, "<html>login</html>"));
        QCOMPARE(t.error().kind, Error::Kind::Parse);
        QVERIFY(!t.error().message.contains(s("<html>")));
    }

    void sailPointRequest()
    {
        Result<HttpRequest> r = sailPoint.pageRequest(sailPointProfile(), {});
        QCOMPARE(wire(r), QByteArray("https://acme.api.identitynow.com/v3/segments?limit=250&offset=0&count=true"));
        QCOMPARE(r.value().header("Accept"), QByteArray("application/json"));
        QCOMPARE(wire(sailPoint.pageRequest(sailPointProfile(), at(500, "", 100))),
                 QByteArray("https://acme.api.identitynow.com/v3/segments?limit=100&offset=500&count=true"));
        QCOMPARE(wire(sailPoint.pageRequest(sailPointProfile("https://acme.api.identitynow.com/beta"), {})),
                 QByteArray("https://acme.api.identitynow.com/beta/segments?limit=250&offset=0&count=true"));
        QCOMPARE(wire(sailPoint.pageRequest(sailPointProfile("https://api.acme.example/v3"), {})),
                 QByteArray("https://api.acme.example/v3/segments?limit=250&offset=0&count=true"));
    }

    void sailPointDocumentedPage()
    {
        const Page p = page(sailPoint.parsePage(reply(200, sailPointExample, {{"X-Total-Count", "1"}}), {}));
        QCOMPARE(p.segments.size(), 1);
        QCOMPARE(
            p.segments.first().values,
            QVariantList({s("segment-xyz"), s("0f11f2a4-7c94-4bf3-a2bd-742580fe3bde"), s("This segment represents xyz"),
                          true, s("2020-01-01T00:00:00.000000Z"), s("2020-01-01T00:00:00.000000Z"), s("support")}));
        QVERIFY(p.segments.first().object().value(s("visibilityCriteria")).isObject());
        QCOMPARE(p.total, 1);
        QVERIFY(!p.next);
        // owner may be null.
        const Page noOwner = page(sailPoint.parsePage(reply(200, R"([{"id":"a","owner":null}])"), {}));
        QVERIFY(!noOwner.segments.first().values.at(6).isValid());
    }

    void sailPointPaging()
    {
        const QByteArray two = R"([{"id":"a"},{"id":"b"}])";
        // A full page with no total: there may be more.
        Page p = page(sailPoint.parsePage(reply(200, two), at(0, "", 2)));
        QCOMPARE(p.next, Cursor({2, QString()}));
        QCOMPARE(p.total, -1);
        // A full page short of the total: more.
        p = page(sailPoint.parsePage(reply(200, two, {{"x-total-count", "5"}}), at(2, "", 2)));
        QCOMPARE(p.next, Cursor({4, QString()}));
        QCOMPARE(p.total, 5);
        // A full page that reaches the total: the end (SailPoint refuses offset == total).
        p = page(sailPoint.parsePage(reply(200, two, {{"X-Total-Count", "4"}}), at(2, "", 2)));
        QVERIFY(!p.next);
        // A short page: the end, total or not.
        p = page(sailPoint.parsePage(reply(200, R"([{"id":"a"}])"), at(4, "", 2)));
        QVERIFY(!p.next);
        p = page(sailPoint.parsePage(reply(200, "[]"), at(0, "", 2)));
        QVERIFY(!p.next);
        QVERIFY(p.segments.isEmpty());
        // The default page size counts as the requested limit.
        QByteArray full = "[";
        for (int i = 0; i < 250; ++i)
            full += i ? ",{}" : "{}";
        full += "]";
        p = page(sailPoint.parsePage(reply(200, full), {}));
        QCOMPARE(p.next, Cursor({250, QString()}));
        p = page(sailPoint.parsePage(reply(200, full, {{"X-Total-Count", "250"}}), {}));
        QVERIFY(!p.next);
        // A nonsense total is no total.
        p = page(sailPoint.parsePage(reply(200, two, {{"X-Total-Count", "many"}}), at(0, "", 2)));
        QCOMPARE(p.total, -1);
    }

    void sailPointErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::newRow("400") << 400 << sailPoint400 << QByteArray() << Error::Kind::Server
                             << s("The request was syntactically correct but its content is semantically invalid.")
                             << s("400.1 Bad Request Content") << qint64(-1);
        QTest::newRow("401") << 401 << QByteArray(R"({"error":"JWT validation failed: JWT is expired"})")
                             << QByteArray() << Error::Kind::Auth << s("JWT validation failed: JWT is expired")
                             << QString() << qint64(-1);
        QTest::newRow("403") << 403
                             << sailPointError("403 Forbidden",
                                               "The server understood the request but refuses to authorize it.")
                             << QByteArray() << Error::Kind::Auth
                             << s("The server understood the request but refuses to authorize it.")
                             << s("403 Forbidden") << qint64(-1);
        QTest::newRow("429") << 429 << QByteArray(R"({"message":" Rate Limit Exceeded "})") << QByteArray("10")
                             << Error::Kind::RateLimit << s("Rate Limit Exceeded") << QString() << qint64(10000);
        QTest::newRow("500") << 500 << sailPointError("500.0 Internal Fault", "An internal fault occurred.")
                             << QByteArray() << Error::Kind::Server << s("An internal fault occurred.")
                             << s("500.0 Internal Fault") << qint64(-1);
    }

    void sailPointErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QFETCH(qint64, retryAfterMs);
        HeaderList headers;
        if (!retryAfter.isEmpty())
            headers.append({"Retry-After", retryAfter});
        const Result<Page> r = sailPoint.parsePage(reply(status, body, headers), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(r.error().httpStatus, status);
        QCOMPARE(r.error().message, message);
        QCOMPARE(r.error().vendorCode, code);
        QCOMPARE(r.error().retryAfterMs, retryAfterMs);
    }
};

QTEST_GUILESS_MAIN(TestVendorPages)
#include "tst_vendorpages.moc"
