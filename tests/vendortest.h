#pragma once

// What tst_vendors (the vendors' shared contract) and tst_vendorpages (each vendor's requests,
// pages and errors) share: the vendors' documented examples, profiles, replies and readers.
#include "vendors/amperity/amperityapi.h"
#include "vendors/batch/batchapi.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/registry.h"
#include "vendors/sailpoint/sailpointapi.h"
#include "vendors/vendorsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace sb::test {

// The documented examples, as the vendors' pages and the OpenAPI files give them.
inline const QByteArray batchExample = R"({
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

inline const QByteArray launchDarklyExample = R"({
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

inline const QByteArray amperityExample = R"({
  "total": 0,
  "next_token": "ABCa1bcdDEe2f3G",
  "data": [
    {"id": "ab-1CDEfGHI", "name": "Holiday Segment"},
    {"id": "cd-2FGHiJKL", "name": "Returning Customers"}
  ]
})";

inline const QByteArray sailPointExample = R"([
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

inline const QByteArray sailPoint400 = R"({
  "detailCode": "400.1 Bad Request Content",
  "trackingId": "e7eab60924f64aa284175b9fa3309599",
  "messages": [{"locale": "en-US", "localeOrigin": "DEFAULT",
                "text": "The request was syntactically correct but its content is semantically invalid."}],
  "causes": [{"locale": "en-US", "localeOrigin": "DEFAULT",
              "text": "The request was syntactically correct but its content is semantically invalid."}]
})";

inline const QByteArray htmlBadGateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                                         "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                                         "</body>\r\n</html>\r\n";

inline const BatchApi batch;
inline const LaunchDarklyApi launchDarkly;
inline const AmperityApi amperity;
inline const SailPointApi sailPoint;

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline Profile profile(const VendorApi &api, const char *baseUrl, const QMap<QString, QString> &params = {})
{
    Profile p;
    p.name = QStringLiteral("test");
    p.vendor = api.id();
    p.baseUrl = QUrl(s(baseUrl));
    p.params = params;
    return p;
}

inline Profile batchProfile(const char *baseUrl = "https://api.batch.com/2.11")
{
    return profile(batch, baseUrl, {{BatchApi::projectKey, QStringLiteral("proj")}});
}

inline Profile launchDarklyProfile(const char *baseUrl = "https://app.launchdarkly.com")
{
    return profile(launchDarkly, baseUrl,
                   {{LaunchDarklyApi::projectKey, QStringLiteral("default")},
                    {LaunchDarklyApi::environmentKey, QStringLiteral("production")}});
}

inline Profile amperityProfile(const char *baseUrl = "https://app.amperity.com/api")
{
    return profile(amperity, baseUrl, {{ParamKey::tenant, QStringLiteral("acme")}});
}

inline Profile sailPointProfile(const char *baseUrl = "https://acme.api.identitynow.com")
{
    return profile(sailPoint, baseUrl, {{SailPointApi::clientIdKey, QStringLiteral("abc123")}});
}

inline HttpReply reply(int status, const QByteArray &body, const HeaderList &headers = {})
{
    return HttpReply {status, headers, body};
}

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// LaunchDarkly's error body: {code, message, id}.
inline QByteArray launchDarklyError(const char *code, const char *message)
{
    return json({{s("code"), s(code)}, {s("message"), s(message)}, {s("id"), s("42b1ef")}});
}

// SailPoint's error body for 400, 403 and 500.
inline QByteArray sailPointError(const char *detailCode, const char *text)
{
    const QJsonObject message {{s("locale"), s("en-US")}, {s("localeOrigin"), s("DEFAULT")}, {s("text"), s(text)}};
    return json({{s("detailCode"), s(detailCode)},
                 {s("trackingId"), s("b21b1f7ce4da4d639f2c62a57171b427")},
                 {s("messages"), QJsonArray {message}}});
}

inline PageQuery at(qint64 offset, const char *token = "", int pageSize = 0)
{
    PageQuery q;
    q.cursor = Cursor {offset, s(token)};
    q.pageSize = pageSize;
    return q;
}

// The request URL exactly as it goes on the wire.
inline QByteArray wire(const Result<HttpRequest> &request)
{
    if (!request)
        return "error: " + request.error().message.toUtf8();
    return request.value().url.toEncoded();
}

inline Page page(const Result<Page> &result)
{
    if (!result)
        qWarning("unexpected error: %s", qPrintable(result.error().toString()));
    return result ? result.value() : Page {};
}

inline QStringList keys(const VendorApi &api, const Page &p)
{
    QStringList out;
    for (const Segment &segment : p.segments)
        out.append(api.recordKey(segment.object()));
    return out;
}

// Every vendor's profile parameters at once, for tests that run over all vendors.
inline QMap<QString, QString> allParams()
{
    return {{LaunchDarklyApi::projectKey, s("default")},
            {LaunchDarklyApi::environmentKey, s("production")},
            {ParamKey::tenant, s("acme")},
            {SailPointApi::clientIdKey, s("abc123")}};
}

inline const VendorApi *vendorFor(const QString &id)
{
    const VendorApi *api = vendorById(id);
    if (!api)
        qFatal("no vendor %s", qPrintable(id));
    return api;
}

// A data column with one row per vendor, by id.
inline void addVendorColumn()
{
    QTest::addColumn<QString>("vendor");
    for (const VendorApi *api : allVendors())
        QTest::newRow(qPrintable(api->id())) << api->id();
}

} // namespace sb::test
