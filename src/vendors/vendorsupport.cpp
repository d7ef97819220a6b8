#include "vendorsupport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace sb::vendorsupport {

namespace {

// The translation context of the texts below.
struct VendorSupport
{
    Q_DECLARE_TR_FUNCTIONS(sb::VendorSupport)
};

// What the user typed, short enough to quote in a message.
QString elided(const QString &text)
{
    constexpr qsizetype maxLength = 40;
    return text.size() <= maxLength ? text : text.left(maxLength) + QChar(0x2026);
}

// A short plain-text error body is worth showing (e.g. "upstream connect error");
// a page of HTML or anything long is not.
QString plainTextMessage(const QByteArray &body)
{
    constexpr qsizetype maxLength = 200;
    const QString text = QString::fromUtf8(body).trimmed();
    if (text.isEmpty() || text.size() > maxLength || text.contains(QLatin1Char('<')))
        return {};
    for (const QChar c : text) {
        if (!c.isPrint() || c == QChar::ReplacementCharacter)
            return {};
    }
    return text;
}

} // namespace

Result<QUrl> apiRoot(const VendorApi &api, const Profile &profile)
{
    const QStringList suggestions = api.baseUrlSuggestions();
    QUrl root = profile.baseUrl;
    if (root.isEmpty()) {
        // Vendors with one fixed API root need no base URL in the profile.
        const auto concrete = std::find_if(suggestions.cbegin(), suggestions.cend(),
                                           [](const QString &s) { return !s.contains(QLatin1Char('{')); });
        if (concrete == suggestions.cend())
            return Error::usage(VendorSupport::tr("The profile has no base URL, which %1 needs (for example %2)")
                                    .arg(api.displayName(), suggestions.value(0)));
        root = QUrl(*concrete);
    }
    if (!root.isValid())
        return Error::usage(VendorSupport::tr(
            "The base URL is not a valid URL (replace placeholders such as {tenant} with your own value)"));
    if (const Error transport = checkTransport(root); transport.isError())
        return transport;
    if (!root.userInfo().isEmpty() || root.hasQuery() || root.hasFragment())
        return Error::usage(
            VendorSupport::tr("The base URL must be the API root only (for example %1), without a user name, "
                              "query or fragment")
                .arg(suggestions.value(0)));
    QString path = root.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    root.setPath(path, QUrl::StrictMode);
    return root;
}

QUrl withPath(const QUrl &root, const QString &encodedPath)
{
    QUrl url = root;
    url.setPath(root.path(QUrl::FullyEncoded) + encodedPath, QUrl::StrictMode);
    return url;
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

void addQueryValue(QUrlQuery &query, const QString &key, const QString &value)
{
    // QUrlQuery takes values in encoded form; handing it fully encoded text keeps `+`, `%`, `&`
    // and the filter language's brackets, quotes, commas and bars exactly as the user wrote them.
    query.addQueryItem(key, encoded(value));
}

HttpRequest jsonGet(const QUrl &url)
{
    HttpRequest request;
    request.url = url;
    request.setHeader("Accept", "application/json");
    return request;
}

Result<QString> requiredParam(const VendorApi &api, const Profile &profile, const QString &key)
{
    const QList<ProfileField> fields = api.profileFields();
    const auto field =
        std::find_if(fields.cbegin(), fields.cend(), [&](const ProfileField &f) { return f.key == key; });
    const QString label = field == fields.cend() ? key : field->label;
    const QString value = profile.param(key).trimmed();
    if (value.isEmpty())
        return Error::usage(VendorSupport::tr("The profile has no %1, which %2 needs").arg(label, api.displayName()));
    if (!isSafeHeaderValue(value.toUtf8()))
        return Error::usage(VendorSupport::tr("The %1 must be a single line").arg(label));
    return value;
}

int pageSize(const VendorApi &api, const PageQuery &query)
{
    if (query.pageSize <= 0)
        return api.defaultPageSize();
    return std::min(query.pageSize, api.maxPageSize());
}

Error checkServerQuery(const VendorApi &api, const Query &query)
{
    // Filter and sort travel in the URL. Servers refuse request lines much past 8 KB (414), so a
    // longer query is the user's to shorten, said before anything is sent.
    constexpr qsizetype kMaxQueryText = 8000;
    if (query.filter.size() > kMaxQueryText || query.sort.size() > kMaxQueryText) {
        return Error::usage(
            VendorSupport::tr("The %1 is %2 characters long; a request holds at most %3")
                .arg(query.filter.size() > kMaxQueryText ? VendorSupport::tr("filter") : VendorSupport::tr("sort"))
                .arg(std::max(query.filter.size(), query.sort.size()))
                .arg(kMaxQueryText));
    }
    if (!query.filter.isEmpty() && !api.filtersOnServer())
        return Error::usage(VendorSupport::tr("%1 cannot filter segments on the server").arg(api.displayName()));
    if (query.sort.isEmpty())
        return {};
    const QStringList fields = api.sortFields();
    if (fields.isEmpty())
        return Error::usage(VendorSupport::tr("%1 cannot sort segments on the server").arg(api.displayName()));
    const QStringList keys = query.sort.split(QLatin1Char(','));
    for (const QString &key : keys) {
        QString field = key.trimmed();
        if (field.startsWith(QLatin1Char('-')))
            field.remove(0, 1);
        if (!fields.contains(field))
            return Error::usage(VendorSupport::tr("%1 cannot sort by '%2'; it sorts by %3")
                                    .arg(api.displayName(), elided(field), fields.join(QLatin1String(", "))));
    }
    return {};
}

QByteArray credentialBytes(const QString &credential)
{
    const QByteArray bytes = credential.trimmed().toUtf8();
    return isSafeHeaderValue(bytes) ? bytes : QByteArray();
}

Error checkCredential(const VendorApi &api, const QString &credential)
{
    if (credential.trimmed().isEmpty())
        return Error::usage(VendorSupport::tr("The %1 is empty").arg(api.secretLabel()));
    if (credentialBytes(credential).isEmpty())
        return Error::usage(
            VendorSupport::tr("The %1 holds a line break; paste it again as one line").arg(api.secretLabel()));
    return {};
}

void setAuthorization(HttpRequest &request, const QByteArray &scheme, const QString &credential)
{
    const QByteArray bytes = credentialBytes(credential);
    if (!bytes.isEmpty())
        request.setHeader("Authorization", scheme + bytes);
}

bool isSuccess(const HttpReply &reply)
{
    return reply.status >= 200 && reply.status < 300;
}

Result<QJsonDocument> jsonBody(const VendorApi &api, const HttpReply &reply)
{
    if (reply.body.trimmed().isEmpty())
        return Error::parse(VendorSupport::tr("%1 sent an empty reply").arg(api.displayName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::parse(VendorSupport::tr("%1 sent a reply that is not valid JSON (%2 at byte %3)")
                                .arg(api.displayName(), error.errorString())
                                .arg(error.offset));
    return doc;
}

std::optional<QJsonObject> errorObject(const HttpReply &reply)
{
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body);
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString stringField(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString().trimmed();
}

Error replyError(const VendorApi &api, const HttpReply &reply, const QString &vendorMessage, const QString &vendorCode)
{
    QString message = vendorMessage.trimmed();
    const bool isJson = !QJsonDocument::fromJson(reply.body).isNull();
    if (message.isEmpty() && !isJson)
        message = plainTextMessage(reply.body);
    if (message.isEmpty()) {
        message = reply.body.trimmed().isEmpty() || isJson
            ? VendorSupport::tr("%1 sent no error message").arg(api.displayName())
            : VendorSupport::tr("%1 sent an error page instead of an API error").arg(api.displayName());
    }
    Error error = Error::fromStatus(reply.status, message, vendorCode.trimmed());
    error.retryAfterMs = parseRetryAfter(reply.header("Retry-After"));
    return error;
}

Result<QJsonObject> objectBody(const VendorApi &api, const HttpReply &reply)
{
    const Result<QJsonDocument> doc = jsonBody(api, reply);
    if (!doc)
        return doc.error();
    if (!doc.value().isObject())
        return shapeError(api, VendorSupport::tr("the reply is not a JSON object"));
    return doc.value().object();
}

Error shapeError(const VendorApi &api, const QString &what)
{
    return Error::parse(VendorSupport::tr("%1 sent a page of an unexpected shape: %2").arg(api.displayName(), what));
}

Result<QString> optionalString(const VendorApi &api, const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return shapeError(api, VendorSupport::tr("'%1' is not a string").arg(key));
    return value.toString();
}

Result<qint64> optionalCount(const VendorApi &api, const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return qint64(-1);
    if (!value.isDouble() || value.toDouble() < 0)
        return shapeError(api, VendorSupport::tr("'%1' is not a count").arg(key));
    return value.toInteger();
}

Cursor nextCursor(const Cursor &current, qsizetype received, const QString &token)
{
    return Cursor {current.offset + received, token};
}

Result<std::optional<Cursor>> nextTokenCursor(const VendorApi &api, const PageQuery &query, qsizetype received,
                                              const QString &token)
{
    if (token.isEmpty())
        return std::optional<Cursor>();
    if (token == query.cursor.token)
        return Error::parse(VendorSupport::tr("%1 sent the same page cursor again; stopping rather than looping")
                                .arg(api.displayName()));
    return std::optional<Cursor>(nextCursor(query.cursor, received, token));
}

} // namespace sb::vendorsupport
