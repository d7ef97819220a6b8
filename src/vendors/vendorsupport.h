#pragma once

#include "core/vendorapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

// Vendor-neutral helpers the vendor folders share, so that each folder holds only what its
// vendor does differently: URLs, header names, field names, error bodies.
namespace sb::vendorsupport {

// The profile's API root (or the vendor's first concrete suggestion when the profile has none),
// checked (https, or http to loopback; no user info, query or fragment), without a trailing slash.
Result<QUrl> apiRoot(const VendorApi &api, const Profile &profile);
// `root` with `encodedPath` (already percent-encoded, starting with '/') appended to its path.
QUrl withPath(const QUrl &root, const QString &encodedPath);
// One percent-encoded path segment, or query value: every byte but unreserved ones is encoded,
// so filter text such as `tags anyOf ["a", "b"]|x` arrives byte for byte.
QString encoded(const QString &text);
// Adds key=value to a query with the value percent-encoded by encoded().
void addQueryValue(QUrlQuery &query, const QString &key, const QString &value);

// A GET request for `url` that asks for JSON.
HttpRequest jsonGet(const QUrl &url);

// The profile's value for a required ProfileField of `api`, or a usage error naming the field.
// Values that go into headers are refused when they hold CR or LF.
Result<QString> requiredParam(const VendorApi &api, const Profile &profile, const QString &key);

// The page size to ask for: the vendor's default when the query says 0, at most maxPageSize().
int pageSize(const VendorApi &api, const PageQuery &query);
// A usage error when the query asks for a server filter or sort the vendor does not have.
Error checkServerQuery(const VendorApi &api, const Query &query);

// A credential as it may go into a header: trimmed of the whitespace a paste brings along.
// Empty when it is empty or holds CR, LF or NUL (it could inject a header).
QByteArray credentialBytes(const QString &credential);
// A usage error when the credential cannot be sent (empty, or a line break inside it).
// Callers check this before authorize(), which otherwise quietly sends no credential.
Error checkCredential(const VendorApi &api, const QString &credential);
// Sets "Authorization: <scheme><credential>"; leaves the request without it when the
// credential is unusable (see credentialBytes), so nothing unsafe is ever sent.
void setAuthorization(HttpRequest &request, const QByteArray &scheme, const QString &credential);

bool isSuccess(const HttpReply &reply);
// A 2xx body as JSON, or a parse error naming the vendor.
Result<QJsonDocument> jsonBody(const VendorApi &api, const HttpReply &reply);
// An error body's JSON object, when it is one.
std::optional<QJsonObject> errorObject(const HttpReply &reply);
// The string at `key`, trimmed; empty when missing or not a string.
QString stringField(const QJsonObject &object, const QString &key);

// The Error for a non-2xx reply: the vendor's own message when it sent one, else a short
// text of our own (never an HTML page); Retry-After in retryAfterMs when the server sent it.
Error replyError(const VendorApi &api, const HttpReply &reply, const QString &vendorMessage,
                 const QString &vendorCode = {});

// A 2xx body that must be a JSON object, or a parse error.
Result<QJsonObject> objectBody(const VendorApi &api, const HttpReply &reply);
// A parse error for a body of the wrong shape, naming the vendor and what is wrong.
Error shapeError(const VendorApi &api, const QString &what);
// A page's body read once: the top-level object's other fields (empty for a bare array) and the
// records as segments with the vendor's columns.
struct PageBody
{
    QJsonObject envelope;
    QList<Segment> segments;
};
// A 2xx page body: a top-level array of records when `recordsKey` is empty, else an object whose
// `recordsKey` is that array. A parse error when it is not JSON or not of that shape.
Result<PageBody> pageBody(const VendorApi &api, const HttpReply &reply, const QString &recordsKey = {});
// The same with Qt's JSON parser alone: what pageBody() does with a body its fast parser refuses,
// and the reference the tests hold it to.
Result<PageBody> pageBodyQt(const VendorApi &api, const HttpReply &reply, const QString &recordsKey = {});
// An optional string field: empty when missing or null, a parse error when of another type.
Result<QString> optionalString(const VendorApi &api, const QJsonObject &object, const QString &key);
// An optional count (a total): -1 when missing or null, a parse error when not a number.
Result<qint64> optionalCount(const VendorApi &api, const QJsonObject &object, const QString &key);

// A cursor for the page after one that started at `current` and held `received` records.
Cursor nextCursor(const Cursor &current, qsizetype received, const QString &token = {});
// A cursor-paged vendor's next page, or a parse error when the server hands back the cursor
// it was just given (following it would loop forever).
Result<std::optional<Cursor>> nextTokenCursor(const VendorApi &api, const PageQuery &query, qsizetype received,
                                              const QString &token);

} // namespace sb::vendorsupport
