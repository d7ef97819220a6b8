#include "vendors/amperity/amperityapi.h"
#include "vendors/batch/batchapi.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/registry.h"
#include "vendors/sailpoint/sailpointapi.h"
#include "vendors/vendorsupport.h"

#include "samepagebody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sb;

namespace {

// The documented examples, as the vendors' pages and the OpenAPI files give them.
const QByteArray batchExample = R"({
  "segments": [
    {
      "code": "SEGMENT-CODE",
      "display_name": "Segment name",
      "created_at": "2026-01-01T00:00:00Z",
      "updated_at": "2026-01-01T00:00:00Z"
    }
  ],
  "count": 48,
  "has_more": true,
  "next_from": "U0VHRU1FTlQtQ09ERUAyMDI2LTAxLTAxVDAwOjAwOjAwWg=="
})";

const QByteArray launchDarklyExample = R"({
  "items": [
    {
      "name": "Example segment",
      "key": "segment-key-123abc",
      "description": "Bundle our sample customers together",
      "tags": ["testing"],
      "creationDate": 1717000000000,
      "lastModifiedDate": 1717000500000,
      "included": [],
      "excluded": [],
      "rules": [{"_id": "1234a56b7c89d012345e678f", "clauses": [{"_id": "12ab3c45de678910fab12345",
                 "attribute": "email", "op": "endsWith", "values": [".edu"], "negate": false}]}],
      "version": 1,
      "deleted": false,
      "generation": 1,
      "unbounded": false,
      "_links": {"self": {"href": "/api/v2/segments/default/production/segment-key-123abc",
                          "type": "application/json"}}
    }
  ],
  "_links": {
    "self": {"href": "/api/v2/segments/default/production?limit=20&offset=0", "type": "application/json"},
    "first": {"href": "/api/v2/segments/default/production?limit=20&offset=0", "type": "application/json"},
    "next": {"href": "/api/v2/segments/default/production?limit=20&offset=20", "type": "application/json"},
    "last": {"href": "/api/v2/segments/default/production?limit=20&offset=40", "type": "application/json"}
  },
  "totalCount": 41
})";

const QByteArray amperityExample = R"({
  "total": 0,
  "next_token": "ABCa1bcdDEe2f3G",
  "data": [
    {"id": "ab-1CDEfGHI", "name": "Holiday Segment"},
    {"id": "cd-2FGHiJKL", "name": "Returning Customers"}
  ]
})";

const QByteArray sailPointExample = R"([
  {
    "id": "0f11f2a4-7c94-4bf3-a2bd-742580fe3bde",
    "name": "segment-xyz",
    "created": "2020-01-01T00:00:00.000000Z",
    "modified": "2020-01-01T00:00:00.000000Z",
    "description": "This segment represents xyz",
    "owner": {"type": "IDENTITY", "id": "2c9180a46faadee4016fb4e018c20639", "name": "support"},
    "visibilityCriteria": {"expression": {"operator": "EQUALS", "attribute": "location",
                           "value": {"type": "STRING", "value": "Austin"}, "children": []}},
    "active": true
  }
])";

const QByteArray sailPoint400 = R"({
  "detailCode": "400.1 Bad Request Content",
  "trackingId": "e7eab60924f64aa284175b9fa3309599",
  "messages": [{"locale": "en-US", "localeOrigin": "DEFAULT",
                "text": "The request was syntactically correct but its content is semantically invalid."}],
  "causes": [{"locale": "en-US", "localeOrigin": "DEFAULT",
              "text": "The request was syntactically correct but its content is semantically invalid."}]
})";

const QByteArray htmlBadGateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                                  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                                  "</body>\r\n</html>\r\n";

const BatchApi batch;
const LaunchDarklyApi launchDarkly;
const AmperityApi amperity;
const SailPointApi sailPoint;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Profile profile(const VendorApi &api, const char *baseUrl, const QMap<QString, QString> &params = {})
{
    Profile p;
    p.name = QStringLiteral("test");
    p.vendor = api.id();
    p.baseUrl = QUrl(s(baseUrl));
    p.params = params;
    return p;
}

Profile batchProfile(const char *baseUrl = "https://api.batch.com/2.11")
{
    return profile(batch, baseUrl, {{BatchApi::projectKey, QStringLiteral("proj")}});
}

Profile launchDarklyProfile(const char *baseUrl = "https://app.launchdarkly.com")
{
    return profile(launchDarkly, baseUrl,
                   {{LaunchDarklyApi::projectKey, QStringLiteral("default")},
                    {LaunchDarklyApi::environmentKey, QStringLiteral("production")}});
}

Profile amperityProfile(const char *baseUrl = "https://app.amperity.com/api")
{
    return profile(amperity, baseUrl, {{ParamKey::tenant, QStringLiteral("acme")}});
}

Profile sailPointProfile(const char *baseUrl = "https://acme.api.identitynow.com")
{
    return profile(sailPoint, baseUrl, {{SailPointApi::clientIdKey, QStringLiteral("abc123")}});
}

HttpReply reply(int status, const QByteArray &body, const HeaderList &headers = {})
{
    return HttpReply {status, headers, body};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// LaunchDarkly's error body: {code, message, id}.
QByteArray launchDarklyError(const char *code, const char *message)
{
    return json({{s("code"), s(code)}, {s("message"), s(message)}, {s("id"), s("42b1ef")}});
}

// SailPoint's error body for 400, 403 and 500.
QByteArray sailPointError(const char *detailCode, const char *text)
{
    const QJsonObject message {{s("locale"), s("en-US")}, {s("localeOrigin"), s("DEFAULT")}, {s("text"), s(text)}};
    return json({{s("detailCode"), s(detailCode)},
                 {s("trackingId"), s("b21b1f7ce4da4d639f2c62a57171b427")},
                 {s("messages"), QJsonArray {message}}});
}

PageQuery at(qint64 offset, const char *token = "", int pageSize = 0)
{
    PageQuery q;
    q.cursor = Cursor {offset, s(token)};
    q.pageSize = pageSize;
    return q;
}

// The request URL exactly as it goes on the wire.
QByteArray wire(const Result<HttpRequest> &request)
{
    if (!request)
        return "error: " + request.error().message.toUtf8();
    return request.value().url.toEncoded();
}

Page page(const Result<Page> &result)
{
    if (!result)
        qWarning("unexpected error: %s", qPrintable(result.error().toString()));
    return result ? result.value() : Page {};
}

QStringList keys(const VendorApi &api, const Page &p)
{
    QStringList out;
    for (const Segment &segment : p.segments)
        out.append(api.recordKey(segment.object()));
    return out;
}

// Every vendor's profile parameters at once, for tests that run over all vendors.
QMap<QString, QString> allParams()
{
    return {{LaunchDarklyApi::projectKey, s("default")},
            {LaunchDarklyApi::environmentKey, s("production")},
            {ParamKey::tenant, s("acme")},
            {SailPointApi::clientIdKey, s("abc123")}};
}

const VendorApi *vendorFor(const QString &id)
{
    const VendorApi *api = vendorById(id);
    if (!api)
        qFatal("no vendor %s", qPrintable(id));
    return api;
}

} // namespace

class TestVendors final : public QObject
{
    Q_OBJECT

private:
    void addVendorColumn()
    {
        QTest::addColumn<QString>("vendor");
        for (const VendorApi *api : allVendors())
            QTest::newRow(qPrintable(api->id())) << api->id();
    }

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
