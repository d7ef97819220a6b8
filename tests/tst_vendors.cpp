#include "vendortest.h"

#include "samepagebody.h"

using namespace sb;
using namespace sb::test;

class TestVendors final : public QObject
{
    Q_OBJECT

private:
    // A request for the first page of a vendor's usual profile.
    static Result<HttpRequest> firstPage(const VendorApi &api, const char *baseUrl)
    {
        return api.pageRequest(profile(api, baseUrl, allParams()), PageQuery {});
    }

private slots:
    void segmentsKeepTheRecordsOwnBytes()
    {
        // A page written with spaces and line breaks, strings holding brackets, quotes, escapes
        // and non-ASCII: each segment keeps exactly its record's bytes, and they parse back to it.
        const QByteArray first = "{ \"key\" : \"a]\\\"}{\", \"name\": \"Caf\u00e9 [x]\",\n  \"tags\": [\"t,1\", "
                                 "\"}\"], \"n\": { \"x\": [1, {\"y\": null}] } }";
        const QByteArray second = "{\"key\":\"b\",\"name\":\"B\\\\\",\"creationDate\":1700000000000}";
        const QByteArray body = "{ \"_links\": {\"next\": {\"href\": \"/x?a=[1]\"}},\n \"items\" : [\n  " + first
            + " ,\n  " + second + "\n ],\n \"totalCount\": 2 }";
        const LaunchDarklyApi ld;
        const Result<Page> page = ld.parsePage(reply(200, body), {});
        QVERIFY2(page, page ? "" : qPrintable(page.error().toString()));
        QCOMPARE(page.value().segments.size(), 2);
        QCOMPARE(page.value().segments.at(0).json, first);
        QCOMPARE(page.value().segments.at(1).json, second);
        QCOMPARE(page.value().segments.at(0).object(), QJsonDocument::fromJson(first).object());
        QCOMPARE(page.value().segments.at(0).values.at(0).toString(),
                 QStringLiteral("a]\\\"}{").remove(QLatin1Char('\\')));

        // SailPoint's top-level array, too.
        const SailPointApi sailPoint;
        const QByteArray list = "[ " + second + " , " + first + " ]";
        const Result<Page> sp = sailPoint.parsePage(reply(200, list, {{"X-Total-Count", "2"}}), {});
        QVERIFY2(sp, sp ? "" : qPrintable(sp.error().toString()));
        QCOMPARE(sp.value().segments.at(1).json, first);

        // A page that names its array twice: the parser keeps one; the copy is written out again.
        const QByteArray twice = "{\"items\":[{\"key\":\"old\"}],\"items\":[ {\"key\": \"new\"} ]}";
        const Result<Page> dup = ld.parsePage(reply(200, twice), {});
        QVERIFY2(dup, dup ? "" : qPrintable(dup.error().toString()));
        QCOMPARE(dup.value().segments.size(), 1);
        QCOMPARE(dup.value().segments.at(0).object(),
                 QJsonDocument::fromJson(twice).object().value(QStringLiteral("items")).toArray().at(0).toObject());
        QCOMPARE(dup.value().segments.at(0).json,
                 QJsonDocument(dup.value().segments.at(0).object()).toJson(QJsonDocument::Compact));
    }

    // The fast reader (simdjson) reads every body as Qt's parser does, or leaves it to Qt: the
    // same segments, values of the same types, the same fields around them, the same errors.
    void fastReaderMatchesQt_data()
    {
        QTest::addColumn<QByteArray>("records");
        const auto row = [](const char *name, const QByteArray &records) {
            QTest::newRow(name) << records;
        };
        row("empty", "[]");
        row("documented shapes",
            "[{\"key\":\"k\",\"name\":\"N\",\"tags\":[\"a\",\"b\"],\"creationDate\":"
            "1717000000000,\"unbounded\":false,\"version\":3,\"owner\":{\"name\":\"O\"}}]");
        row("whitespace", " [ { \"key\" : \"a\" , \"name\" :\n\"b\" } ] ");
        row("numbers", "[{\"version\":1.0,\"creationDate\":1.5,\"count\":-0,\"created\":1e2,\"name\":1e300}]");
        row("past qint64", "[{\"version\":9223372036854775808,\"creationDate\":-9223372036854775808}]");
        row("past uint64", "[{\"version\":18446744073709551616}]");
        row("wrong types", "[{\"key\":3,\"name\":true,\"tags\":\"x\",\"unbounded\":\"yes\",\"version\":\"2\"}]");
        row("null and missing", "[{\"key\":null,\"tags\":null,\"owner\":null},{}]");
        row("mixed tags", "[{\"tags\":[\"a\",1,true,null,{\"b\":2},[3]]},{\"tags\":[]}]");
        row("objects as values", "[{\"name\":{\"z\":1,\"a\":[1,2]},\"owner\":{\"name\":[\"x\"]}}]");
        row("repeated keys",
            "[{\"key\":\"first\",\"key\":\"last\",\"owner\":{\"name\":\"a\"},"
            "\"owner\":{\"id\":1}}]");
        row("escapes", "[{\"key\":\"\\u00e9\\ud83d\\ude00\\n\\\"\\/\",\"name\":\"\u00e9\"}]");
        row("lone surrogate", "[{\"key\":\"\\ud800\"}]");
        row("invalid UTF-8", "[{\"key\":\"\xff\xfe\"}]");
        row("control character", "[{\"key\":\"a\tb\"}]");
        row("not objects", "[1,\"x\"]");
        row("not an array", "{\"key\":\"a\"}");
        row("malformed", "[,{\"key\":\"a\"}]");
        row("truncated", "[{\"key\":\"a\"");
        row("trailing text", "[{\"key\":\"a\"}] x");
        row("byte order mark", "\xef\xbb\xbf[{\"key\":\"a\"}]");
        row("deep", QByteArray(2000, '[') + QByteArray(2000, ']'));
        // Over 4 MB: read with a parser of its own rather than the thread's.
        QByteArray big = "[";
        for (int i = 0; i < 20000; ++i)
            big += (i ? "," : "") + QByteArrayLiteral("{\"key\":\"k") + QByteArray::number(i) + "\",\"description\":\""
                + QByteArray(240, 'x') + "\",\"version\":" + QByteArray::number(i) + "}";
        row("over 4 MB", big + "]");
    }

    void fastReaderMatchesQt()
    {
        QFETCH(QByteArray, records);
        const QList<std::pair<QByteArray, QString>> shapes = {
            {records, QString()},
            {"{\"items\":" + records + ",\"totalCount\":2,\"_links\":{\"next\":{\"href\":\"/x\"}}}",
             QStringLiteral("items")},
            {"{\"n\":1,\"n\":2,\"data\":" + records + "}", QStringLiteral("data")},
            {"{\"segments\":" + records + ",\"segments\":[]}", QStringLiteral("segments")},
            {"{\"other\":" + records + "}", QStringLiteral("items")},
            {records, QStringLiteral("items")},
        };
        for (const VendorApi *api : allVendors()) {
            for (const auto &[body, key] : shapes) {
                const HttpReply r = reply(200, body);
                const QString difference =
                    pageBodyDifference(vendorsupport::pageBody(*api, r, key), vendorsupport::pageBodyQt(*api, r, key));
                QVERIFY2(difference.isEmpty(),
                         qPrintable(QStringLiteral("%1, key '%2', body %3: %4")
                                        .arg(api->id(), key, QString::fromUtf8(body.left(120)), difference)));
            }
        }
    }

    // ---- registry and the vendors' data ----

    // A profile taken from elsewhere is checked against the vendor's documented hosts (its tenant
    // filled in), before a key is sent there.
    void documentedHostsAreKnown()
    {
        Profile p;
        p.vendor = QStringLiteral("batch");
        p.baseUrl = QUrl(QStringLiteral("https://api.batch.com/2.11"));
        QVERIFY(vendorById(p.vendor)->hasDocumentedHost(p));
        p.baseUrl = QUrl(QStringLiteral("https://api.batch.com.evil.example/2.11"));
        QVERIFY(!vendorById(p.vendor)->hasDocumentedHost(p));
        p.vendor = QStringLiteral("sailpoint");
        p.params = {{ParamKey::tenant, QStringLiteral("acme")}};
        p.baseUrl = QUrl(QStringLiteral("https://ACME.api.identitynow.com"));
        QVERIFY(vendorById(p.vendor)->hasDocumentedHost(p));
        p.params = {{ParamKey::tenant, QStringLiteral("other")}};
        QVERIFY(!vendorById(p.vendor)->hasDocumentedHost(p));
        p.baseUrl = QUrl();
        QVERIFY(!vendorById(p.vendor)->hasDocumentedHost(p));
    }

    void registryKnowsEveryVendor()
    {
        QStringList ids;
        for (const VendorApi *api : allVendors()) {
            ids.append(api->id());
            QCOMPARE(vendorById(api->id()), api);
        }
        QCOMPARE(ids, QStringList({s("batch"), s("launchdarkly"), s("amperity"), s("sailpoint")}));
        QCOMPARE(vendorById(s("optimizely")), nullptr);
        QCOMPARE(vendorById(QString()), nullptr);
        QCOMPARE(vendorFor(s("batch"))->displayName(), s("Batch"));
        QCOMPARE(vendorFor(s("launchdarkly"))->displayName(), s("LaunchDarkly"));
        QCOMPARE(vendorFor(s("amperity"))->displayName(), s("Amperity"));
        QCOMPARE(vendorFor(s("sailpoint"))->displayName(), s("SailPoint Identity Security Cloud"));
    }

    void columnsAreTheVendorsFieldNames()
    {
        QCOMPARE(batch.columns(),
                 QList<Column>({{s("code"), ValueType::String},
                                {s("display_name"), ValueType::String},
                                {s("created_at"), ValueType::Timestamp},
                                {s("updated_at"), ValueType::Timestamp}}));
        QCOMPARE(launchDarkly.columns(),
                 QList<Column>({{s("key"), ValueType::String},
                                {s("name"), ValueType::String},
                                {s("description"), ValueType::String},
                                {s("tags"), ValueType::StringList},
                                {s("creationDate"), ValueType::UnixMillis},
                                {s("lastModifiedDate"), ValueType::UnixMillis},
                                {s("unbounded"), ValueType::Boolean},
                                {s("version"), ValueType::Integer}}));
        QCOMPARE(amperity.columns(), QList<Column>({{s("id"), ValueType::String}, {s("name"), ValueType::String}}));
        QCOMPARE(sailPoint.columns(),
                 QList<Column>({{s("name"), ValueType::String},
                                {s("id"), ValueType::String},
                                {s("description"), ValueType::String},
                                {s("active"), ValueType::Boolean},
                                {s("created"), ValueType::Timestamp},
                                {s("modified"), ValueType::Timestamp},
                                {s("owner.name"), ValueType::String}}));
    }

    void profileFieldsAndSecrets()
    {
        const auto fieldKeys = [](const VendorApi &api) {
            QStringList out;
            for (const ProfileField &f : api.profileFields()) {
                out.append(f.key);
                if (f.label.isEmpty() || !f.required)
                    out.append(s("(bad field)"));
            }
            return out;
        };
        QCOMPARE(fieldKeys(batch), QStringList {BatchApi::projectKey});
        QCOMPARE(fieldKeys(launchDarkly), QStringList({LaunchDarklyApi::projectKey, LaunchDarklyApi::environmentKey}));
        QCOMPARE(fieldKeys(amperity), QStringList {ParamKey::tenant});
        QCOMPARE(fieldKeys(sailPoint), QStringList {SailPointApi::clientIdKey});
        QCOMPARE(batch.secretLabel(), s("REST API key"));
        QCOMPARE(launchDarkly.secretLabel(), s("Access token"));
        QCOMPARE(amperity.secretLabel(), s("Access token"));
        QCOMPARE(sailPoint.secretLabel(), s("Client secret"));
        QVERIFY(!batch.exchangesToken());
        QVERIFY(!launchDarkly.exchangesToken());
        QVERIFY(!amperity.exchangesToken());
        QVERIFY(sailPoint.exchangesToken());
    }

    void baseUrlSuggestions()
    {
        QCOMPARE(batch.baseUrlSuggestions(), QStringList {s("https://api.batch.com/2.11")});
        QCOMPARE(launchDarkly.baseUrlSuggestions(),
                 QStringList({s("https://app.launchdarkly.com"), s("https://app.launchdarkly.us"),
                              s("https://app.eu.launchdarkly.com")}));
        QCOMPARE(amperity.baseUrlSuggestions(),
                 QStringList({s("https://app.amperity.com/api"), s("https://{tenant}.amperity.com/api"),
                              s("https://app-aws-apse2.amperity.com/api")}));
        QCOMPARE(sailPoint.baseUrlSuggestions(), QStringList {s("https://{tenant}.api.identitynow.com")});
    }

    void pagingAndServerQueries()
    {
        QCOMPARE(batch.paging(), Paging::Cursor);
        QCOMPARE(amperity.paging(), Paging::Cursor);
        QCOMPARE(launchDarkly.paging(), Paging::Offset);
        QCOMPARE(sailPoint.paging(), Paging::Offset);
        QCOMPARE(batch.maxPageSize(), 100);
        QCOMPARE(batch.defaultPageSize(), 100);
        QCOMPARE(sailPoint.maxPageSize(), 250);
        QCOMPARE(sailPoint.defaultPageSize(), 250);
        QCOMPARE(launchDarkly.defaultPageSize(), 50);
        QVERIFY(launchDarkly.filtersOnServer());
        QVERIFY(!batch.filtersOnServer());
        QVERIFY(!amperity.filtersOnServer());
        QVERIFY(!sailPoint.filtersOnServer());
        QCOMPARE(launchDarkly.sortFields(), QStringList({s("name"), s("creationDate"), s("lastModified")}));
        QVERIFY(batch.sortFields().isEmpty());
        QVERIFY(amperity.sortFields().isEmpty());
        QVERIFY(sailPoint.sortFields().isEmpty());
    }

    void recordKeys()
    {
        QCOMPARE(batch.recordKey({{s("code"), s("C1")}, {s("display_name"), s("x")}}), s("C1"));
        QCOMPARE(launchDarkly.recordKey({{s("key"), s("k1")}, {s("name"), s("x")}}), s("k1"));
        QCOMPARE(amperity.recordKey({{s("id"), s("ab-1")}, {s("name"), s("x")}}), s("ab-1"));
        QCOMPARE(sailPoint.recordKey({{s("id"), s("0f11")}, {s("name"), s("x")}}), s("0f11"));
        QCOMPARE(sailPoint.recordKey({{s("name"), s("no id")}}), QString());
    }

    // ---- base URLs, shared by every vendor ----

    void loopbackRootsReachEveryPath_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QByteArray>("url");
        QTest::newRow("batch") << s("batch") << QByteArray("http://127.0.0.1:8080/segments/list?limit=100");
        QTest::newRow("launchdarkly") << s("launchdarkly")
                                      << QByteArray("http://127.0.0.1:8080/api/v2/segments/default/production"
                                                    "?limit=50&offset=0");
        QTest::newRow("amperity") << s("amperity") << QByteArray("http://127.0.0.1:8080/segments?limit=100");
        QTest::newRow("sailpoint") << s("sailpoint")
                                   << QByteArray("http://127.0.0.1:8080/v3/segments?limit=250&offset=0&count=true");
    }

    void loopbackRootsReachEveryPath()
    {
        QFETCH(QString, vendor);
        QFETCH(QByteArray, url);
        const VendorApi &api = *vendorFor(vendor);
        QCOMPARE(wire(firstPage(api, "http://127.0.0.1:8080")), url);
        // A trailing slash (or two) on the root changes nothing.
        QCOMPARE(wire(firstPage(api, "http://127.0.0.1:8080/")), url);
        QCOMPARE(wire(firstPage(api, "http://127.0.0.1:8080//")), url);
    }

    void trailingSlashOnDocumentedRoots()
    {
        QCOMPARE(wire(batch.pageRequest(batchProfile("https://api.batch.com/2.11/"), {})),
                 QByteArray("https://api.batch.com/2.11/segments/list?limit=100"));
        QCOMPARE(wire(amperity.pageRequest(amperityProfile("https://acme.amperity.com/api/"), {})),
                 QByteArray("https://acme.amperity.com/api/segments?limit=100"));
    }

    void badBaseUrlsAreUsageErrors_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::newRow("plain http") << s("http://api.batch.com/2.11");
        QTest::newRow("ftp") << s("ftp://api.batch.com/2.11");
        QTest::newRow("placeholder") << s("https://{tenant}.api.identitynow.com");
        QTest::newRow("query") << s("https://api.batch.com/2.11?x=1");
        QTest::newRow("fragment") << s("https://api.batch.com/2.11#top");
        QTest::newRow("user info") << s("https://me:pw@api.batch.com/2.11");
        QTest::newRow("no host") << s("/2.11");
    }

    void badBaseUrlsAreUsageErrors()
    {
        QFETCH(QString, baseUrl);
        for (const VendorApi *api : allVendors()) {
            Profile p = profile(*api, "", allParams());
            p.baseUrl = QUrl(baseUrl);
            const Result<HttpRequest> r = api->pageRequest(p, {});
            QVERIFY2(!r, qPrintable(api->id()));
            QCOMPARE(r.error().kind, Error::Kind::Usage);
            QVERIFY(!r.error().message.contains(s("pw")));
        }
    }

    void emptyBaseUrlUsesTheOnlyFixedRoot()
    {
        QCOMPARE(wire(batch.pageRequest(batchProfile(""), {})),
                 QByteArray("https://api.batch.com/2.11/segments/list?limit=100"));
        QCOMPARE(wire(launchDarkly.pageRequest(launchDarklyProfile(""), {})),
                 QByteArray("https://app.launchdarkly.com/api/v2/segments/default/production?limit=50&offset=0"));
        // SailPoint has no root without the tenant's own host.
        const Result<HttpRequest> r = sailPoint.pageRequest(sailPointProfile(""), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QVERIFY(r.error().message.contains(s("https://{tenant}.api.identitynow.com")));
    }

    void missingProfileParamsNameTheField_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("missing");
        QTest::addColumn<QString>("label");
        QTest::newRow("batch project") << s("batch") << BatchApi::projectKey << s("Project key");
        QTest::newRow("ld project") << s("launchdarkly") << LaunchDarklyApi::projectKey << s("Project key");
        QTest::newRow("ld environment") << s("launchdarkly") << LaunchDarklyApi::environmentKey << s("Environment key");
        QTest::newRow("amperity tenant") << s("amperity") << ParamKey::tenant << s("Tenant ID");
    }

    void missingProfileParamsNameTheField()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, missing);
        QFETCH(QString, label);
        const VendorApi &api = *vendorFor(vendor);
        Profile p = profile(api, "https://example.com", allParams());
        p.params.remove(missing);
        Result<HttpRequest> r = api.pageRequest(p, {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QVERIFY2(r.error().message.contains(label), qPrintable(r.error().message));
        // Blank is as good as missing.
        p.params.insert(missing, s("  "));
        QVERIFY(!api.pageRequest(p, {}));
        // A value that would smuggle in another header is refused.
        p.params.insert(missing, s("p\r\nX-Evil: 1"));
        r = api.pageRequest(p, {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
    }

    void pageSizeIsClampedToTheVendorsMaximum()
    {
        QCOMPARE(wire(batch.pageRequest(batchProfile(), at(0, "", 25))),
                 QByteArray("https://api.batch.com/2.11/segments/list?limit=25"));
        QCOMPARE(wire(batch.pageRequest(batchProfile(), at(0, "", 1000))),
                 QByteArray("https://api.batch.com/2.11/segments/list?limit=100"));
        QCOMPARE(wire(sailPoint.pageRequest(sailPointProfile(), at(0, "", 1000))),
                 QByteArray("https://acme.api.identitynow.com/v3/segments?limit=250&offset=0&count=true"));
    }

    void serverQueriesOnlyWhereTheVendorHasThem()
    {
        PageQuery filtered;
        filtered.query.filter = s("query equals \"x\"");
        PageQuery sorted;
        sorted.query.sort = s("name");
        for (const VendorApi *api :
             {static_cast<const VendorApi *>(&batch), static_cast<const VendorApi *>(&amperity)}) {
            const Profile p = api == &batch ? batchProfile() : amperityProfile();
            QCOMPARE(api->pageRequest(p, filtered).error().kind, Error::Kind::Usage);
            QCOMPARE(api->pageRequest(p, sorted).error().kind, Error::Kind::Usage);
        }
        QCOMPARE(sailPoint.pageRequest(sailPointProfile(), filtered).error().kind, Error::Kind::Usage);
        PageQuery badSort;
        badSort.query.sort = s("-name,key");
        const Result<HttpRequest> r = launchDarkly.pageRequest(launchDarklyProfile(), badSort);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QVERIFY(r.error().message.contains(s("'key'")));
    }

    // ---- credentials ----

    void authorizeSetsTheVendorsHeader_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("credential");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("batch") << s("batch") << s("rk-123") << QByteArray("Bearer rk-123");
        QTest::newRow("launchdarkly") << s("launchdarkly") << s("api-xyz") << QByteArray("api-xyz");
        QTest::newRow("launchdarkly pasted Bearer")
            << s("launchdarkly") << s("Bearer api-xyz") << QByteArray("api-xyz");
        QTest::newRow("launchdarkly pasted bearer")
            << s("launchdarkly") << s("bearer  api-xyz") << QByteArray("api-xyz");
        QTest::newRow("amperity") << s("amperity") << s("eyJ.jwt") << QByteArray("Bearer eyJ.jwt");
        QTest::newRow("sailpoint") << s("sailpoint") << s("eyJ.access") << QByteArray("Bearer eyJ.access");
        QTest::newRow("pasted newline") << s("batch") << s("rk-123\n") << QByteArray("Bearer rk-123");
    }

    void authorizeSetsTheVendorsHeader()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, credential);
        QFETCH(QByteArray, header);
        const VendorApi &api = *vendorFor(vendor);
        HttpRequest request;
        api.authorize(request, credential);
        QCOMPARE(request.header("Authorization"), header);
        QVERIFY(!vendorsupport::checkCredential(api, credential).isError());
    }

    void unsafeCredentialsAreNeverSent_data() { addVendorColumn(); }

    void unsafeCredentialsAreNeverSent()
    {
        QFETCH(QString, vendor);
        const VendorApi &api = *vendorFor(vendor);
        for (const QString &bad : {s("abc\r\nX-Evil: 1"), s("abc\ndef"), s(""), s("   ")}) {
            HttpRequest request;
            api.authorize(request, bad);
            QVERIFY(request.header("Authorization").isEmpty());
            for (const auto &h : std::as_const(request.headers))
                QVERIFY(isSafeHeaderValue(h.second));
            const Error e = vendorsupport::checkCredential(api, bad);
            QCOMPARE(e.kind, Error::Kind::Usage);
            QVERIFY(e.message.contains(api.secretLabel()));
            QVERIFY(!e.message.contains(s("abc")));
        }
    }

    // ---- what every vendor does with replies it did not expect ----

    void htmlErrorPageGivesACleanMessage_data() { addVendorColumn(); }

    void htmlErrorPageGivesACleanMessage()
    {
        QFETCH(QString, vendor);
        const VendorApi &api = *vendorFor(vendor);
        const Result<Page> r =
            api.parsePage(reply(502, htmlBadGateway, {{"Content-Type", "text/html"}, {"Retry-After", "30"}}), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Server);
        QCOMPARE(r.error().httpStatus, 502);
        QVERIFY(r.error().isTransient());
        QCOMPARE(r.error().retryAfterMs, 30000);
        QVERIFY(!r.error().message.contains(QLatin1Char('<')));
        QVERIFY(!r.error().message.contains(s("nginx")));
        QVERIFY(r.error().message.contains(api.displayName()));
        QVERIFY(r.error().message.size() < 120);
    }

    void otherErrorBodies_data() { addVendorColumn(); }

    void otherErrorBodies()
    {
        QFETCH(QString, vendor);
        const VendorApi &api = *vendorFor(vendor);
        // A short plain-text body (a proxy's own words) is shown as it is.
        Result<Page> r = api.parsePage(reply(503, "upstream connect error or disconnect/reset before headers\n"), {});
        QCOMPARE(r.error().message, s("upstream connect error or disconnect/reset before headers"));
        QCOMPARE(r.error().kind, Error::Kind::Server);
        // No body, or JSON without the vendor's fields: a message of our own, never empty.
        for (const QByteArray &body : {QByteArray(), QByteArray("{}"), QByteArray(R"({"unexpected":1})"),
                                       QByteArray("[1,2]"), QByteArray(R"({"message":42})")}) {
            r = api.parsePage(reply(500, body), {});
            QVERIFY(!r);
            QCOMPARE(r.error().httpStatus, 500);
            QVERIFY2(r.error().message.contains(api.displayName()), qPrintable(r.error().message));
        }
        // A long plain-text body is not dumped either.
        r = api.parsePage(reply(500, QByteArray(1000, 'x')), {});
        QVERIFY(r.error().message.size() < 120);
    }

    void malformedSuccessBodiesAreParseErrors_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QByteArray>("body");
        const auto add = [](const char *vendor, const char *name, const QByteArray &body) {
            QTest::newRow(qPrintable(s(vendor) + s(": ") + s(name))) << s(vendor) << body;
        };
        for (const char *v : {"batch", "launchdarkly", "amperity", "sailpoint"}) {
            add(v, "empty", "");
            add(v, "truncated", R"({"segments":[{"code":"A")");
            add(v, "html", "<html><body>Welcome to the captive portal</body></html>");
            add(v, "string", R"("ok")");
        }
        add("batch", "array", "[]");
        add("batch", "no segments", R"({"has_more":false})");
        add("batch", "segments not a list", R"({"segments":{"code":"A"}})");
        add("batch", "record not an object", R"({"segments":["A"]})");
        add("batch", "has_more a string", R"({"segments":[],"has_more":"yes","next_from":"x"})");
        add("batch", "next_from a number", R"({"segments":[],"has_more":true,"next_from":7})");
        add("launchdarkly", "array", "[]");
        add("launchdarkly", "no items", R"({"_links":{}})");
        add("launchdarkly", "record not an object", R"({"items":[1]})");
        add("launchdarkly", "totalCount a string", R"({"items":[],"totalCount":"41"})");
        add("launchdarkly", "next without href", R"({"items":[{"key":"a"}],"_links":{"next":{"type":"x"}}})");
        add("launchdarkly", "_links a list", R"({"items":[],"_links":[]})");
        add("amperity", "array", "[]");
        add("amperity", "no data", R"({"next_token":"x"})");
        add("amperity", "record not an object", R"({"data":[null]})");
        add("amperity", "next_token a number", R"({"data":[],"next_token":5})");
        add("amperity", "total negative", R"({"data":[],"total":-1})");
        add("sailpoint", "object", R"({"items":[]})");
        add("sailpoint", "record not an object", R"([{"id":"a"},"b"])");
    }

    void malformedSuccessBodiesAreParseErrors()
    {
        QFETCH(QString, vendor);
        QFETCH(QByteArray, body);
        const VendorApi &api = *vendorFor(vendor);
        const Result<Page> r = api.parsePage(reply(200, body), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Parse);
        QCOMPARE(r.error().httpStatus, 0);
        QVERIFY2(r.error().message.contains(api.displayName()), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(s("captive")));
    }

    void successStatusesOtherThan200()
    {
        // Any 2xx is a page.
        const Page p = page(amperity.parsePage(reply(203, R"({"data":[{"id":"a"}]})"), {}));
        QCOMPARE(keys(amperity, p), QStringList {s("a")});
    }
};

QTEST_GUILESS_MAIN(TestVendors)
#include "tst_vendors.moc"
