#include "sandboxserver.h"

#include "datagen.h"
#include "endpoint.h"

#include "core/logging.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace sb {

QString SandboxCredentials::batchRestKey()
{
    return QStringLiteral("sandbox-rest-key-0f3c9a7e5b1d");
}

QString SandboxCredentials::batchProjectKey()
{
    return QStringLiteral("SANDBOX-PROJECT-5A1B0C");
}

QString SandboxCredentials::ldToken()
{
    return QStringLiteral("api-5a1b0c00-5a4d-4b0c-8e0a-000000sandbox");
}

QString SandboxCredentials::ldReaderToken()
{
    return QStringLiteral("api-5a1b0c00-5a4d-4b0c-8e0a-0000000reader");
}

QString SandboxCredentials::ldProject()
{
    return QStringLiteral("default");
}

QString SandboxCredentials::ldEnvironment()
{
    return QStringLiteral("production");
}

QString SandboxCredentials::amperityToken()
{
    // Shaped like the JWT an Amperity API key gives; the sandbox compares the whole string.
    return QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                          "eyJzdWIiOiJzYW5kYm94LWFwaS1rZXkiLCJ0ZW5hbnQiOiJhY21lLXNhbmRib3gifQ."
                          "c2FuZGJveCBzaWduYXR1cmUsIG5vdCBhIHJlYWwgb25l");
}

QString SandboxCredentials::amperityTenant()
{
    return QStringLiteral("acme-sandbox");
}

QString SandboxCredentials::sailpointClientId()
{
    return QStringLiteral("sandbox-client-0c5e1a7f");
}

QString SandboxCredentials::sailpointClientSecret()
{
    return QStringLiteral("sandbox-secret-9d4b2e6c8a0f");
}

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

// A load balancer's page, not the vendor's: clients must not expect JSON on every error.
SandboxResponse badGatewayPage()
{
    SandboxResponse response;
    response.status = 502;
    response.contentType = "text/html";
    response.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
    return response;
}

SandboxResponse notFound()
{
    SandboxResponse response;
    response.status = 404;
    response.contentType = "text/plain; charset=utf-8";
    response.body = "404 page not found\n";
    return response;
}

SandboxResponse methodNotAllowed(SandboxEndpoint &listing, SandboxChannel channel)
{
    SandboxResponse response = listing.statusResponse(channel, 405, 0);
    response.addHeader("Allow", listing.method(channel));
    return response;
}

SandboxRequest copyRequest(const QHttpServerRequest &request)
{
    SandboxRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path();
    copy.rawQuery = request.url().query(QUrl::FullyEncoded).toLatin1();
    copy.headers = request.headers();
    copy.body = request.body();
    return copy;
}

bool wantsClose(const SandboxRequest &request)
{
    return request.header("Connection").value_or(QByteArray()).trimmed().compare("close", Qt::CaseInsensitive) == 0;
}

// The request with its `offset` parameter lowered by `rows` (not below 0); as it was without one.
// The answer claiming `total` rows in all: the vendors' own places for it (a header, or a member
// of the body's object), whatever the list holds.
SandboxResponse withTotal(SandboxResponse response, int total)
{
    for (auto &[name, value] : response.headers) {
        if (name.compare("X-Total-Count", Qt::CaseInsensitive) == 0)
            value = QByteArray::number(total);
    }
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    bool changed = false;
    for (const QString &key : {QStringLiteral("totalCount"), QStringLiteral("total")}) {
        if (body.contains(key)) {
            body.insert(key, total);
            changed = true;
        }
    }
    if (changed)
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

SandboxRequest shifted(const SandboxRequest &request, int rows)
{
    SandboxRequest copy = request;
    QList<QByteArray> items = request.rawQuery.split('&');
    for (QByteArray &item : items) {
        if (!item.startsWith("offset="))
            continue;
        bool ok = false;
        const qint64 offset = item.mid(7).toLongLong(&ok);
        if (ok)
            item = "offset=" + QByteArray::number(std::max<qint64>(0, offset - rows));
    }
    copy.rawQuery = items.join('&');
    return copy;
}

QByteArray corrupted(const QByteArray &body, const FaultAction &action)
{
    switch (action.body) {
    case FaultAction::Body::Intact:
        break;
    case FaultAction::Body::Huge: {
        // Whitespace after the opening bracket: still the same JSON, only very long.
        const qsizetype padding = std::max<qsizetype>(0, qsizetype(action.hugeMegabytes) * 1024 * 1024 - body.size());
        return body.left(1) + QByteArray(padding, ' ') + body.mid(1);
    }
    case FaultAction::Body::Malformed:
        // A comma straight after the opening bracket: invalid for every JSON parser, whatever follows.
        if (body.startsWith('{') || body.startsWith('['))
            return body.left(1) + ',' + body.mid(1);
        return "{," + body;
    case FaultAction::Body::Truncated:
        return body.left(body.size() / 2);
    }
    return body;
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QAbstractHttpServer(parent), m_settings(std::make_unique<SandboxSettings>())
{
    m_settings->segmentCounts.fill(1000);
    // In SandboxChannel order, so that a list channel's number is its endpoint's index.
    m_endpoints.push_back(makeBatchEndpoint(*m_settings));
    m_endpoints.push_back(makeLaunchDarklyEndpoint(*m_settings));
    m_endpoints.push_back(makeAmperityEndpoint(*m_settings));
    m_endpoints.push_back(makeSailPointEndpoint(*m_settings));
    updateLayouts();
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port)
{
    if (m_port != 0)
        return false;
    m_port = QAbstractHttpServer::listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

quint16 SandboxServer::port() const
{
    return m_port;
}

QUrl SandboxServer::rootUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QStringList SandboxServer::vendorIds()
{
    return {sandboxChannelId(SandboxChannel::Batch), sandboxChannelId(SandboxChannel::LaunchDarkly),
            sandboxChannelId(SandboxChannel::Amperity), sandboxChannelId(SandboxChannel::SailPoint)};
}

void SandboxServer::setSegmentCount(int n)
{
    for (const QString &vendor : vendorIds())
        setSegmentCount(vendor, n);
}

void SandboxServer::setSegmentCount(const QString &vendor, int n)
{
    const std::optional<SandboxChannel> channel = sandboxChannelFromId(vendor);
    if (!channel || !vendorIds().contains(vendor)) {
        qCWarning(lcSandbox) << "setSegmentCount: unknown vendor" << vendor;
        return;
    }
    m_settings->segmentCounts.at(size_t(*channel)) = std::max(0, n);
    updateLayouts();
}

int SandboxServer::segmentCount(const QString &vendor) const
{
    const SandboxEndpoint *listing = endpoint(vendor);
    return listing ? listing->listedCount() : 0;
}

void SandboxServer::setDataSet(datagen::DataSet set)
{
    datagen::setDataSet(set);
    for (const std::unique_ptr<SandboxEndpoint> &listing : m_endpoints)
        listing->dropRecords();
    for (std::unique_ptr<SandboxResponse> &answer : m_lastAnswers)
        answer.reset();
}

datagen::DataSet SandboxServer::dataSet()
{
    return datagen::dataSet();
}

void SandboxServer::prepareRecords()
{
    for (const std::unique_ptr<SandboxEndpoint> &listing : m_endpoints)
        listing->prepareRecords(listing->listedCount());
}

void SandboxServer::updateLayouts()
{
    // m_endpoints is in SandboxChannel order.
    for (size_t i = 0; i < m_endpoints.size(); ++i)
        m_endpoints.at(i)->setLayout(m_epoch, m_settings->segmentCount(SandboxChannel(i)));
}

void SandboxServer::setEpoch(int epoch)
{
    m_epoch = std::clamp(epoch, 0, datagen::kMaxEpoch);
    updateLayouts();
}

int SandboxServer::epoch() const
{
    return m_epoch;
}

int SandboxServer::maxEpoch()
{
    return datagen::kMaxEpoch;
}

QString SandboxServer::keyField(const QString &vendor)
{
    if (vendor == QLatin1String("launchdarkly"))
        return QStringLiteral("key");
    if (vendor == QLatin1String("batch"))
        return QStringLiteral("code");
    return vendorIds().contains(vendor) ? QStringLiteral("id") : QString();
}

namespace {

// The content fields in VendorApi::contentFields order, for the vendors whose records change.
QStringList contentFieldOrder(datagen::Vendor vendor)
{
    switch (vendor) {
    case datagen::Vendor::Batch:
        return {QStringLiteral("display_name")};
    case datagen::Vendor::LaunchDarkly:
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
    case datagen::Vendor::Amperity:
        return {QStringLiteral("name")};
    case datagen::Vendor::SailPoint:
        break;
    }
    return {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("owner"),
            QStringLiteral("visibilityCriteria"), QStringLiteral("active")};
}

// One segment of the two epochs' lists: where it is listed, the content fields that changed
// between them and whether its record changed at all.
struct Compared
{
    int index = 0;
    bool before = false;
    bool after = false;
    QStringList fields;
    bool bytesChanged = false;
};

// Every segment listed at either epoch, by number; from <= to.
QList<Compared> compareEpochs(datagen::Vendor vendor, int count, int from, int to)
{
    const std::vector<int> a = datagen::listing(count, from);
    const std::vector<int> b = datagen::listing(count, to);
    const QStringList order = contentFieldOrder(vendor);
    QList<Compared> out;
    size_t i = 0;
    size_t j = 0;
    while (i < a.size() || j < b.size()) {
        Compared c;
        if (j >= b.size() || (i < a.size() && a.at(i) < b.at(j))) {
            c.index = a.at(i++);
            c.before = true;
        } else if (i >= a.size() || b.at(j) < a.at(i)) {
            c.index = b.at(j++);
            c.after = true;
        } else {
            c.index = a.at(i++);
            ++j;
            c.before = c.after = true;
            for (int e = from + 1; e <= to; ++e) {
                for (const QString &field : datagen::changedFields(vendor, c.index, e)) {
                    if (!c.fields.contains(field))
                        c.fields.append(field);
                }
                c.bytesChanged = c.bytesChanged || datagen::recordChanges(vendor, c.index, e);
            }
            std::sort(c.fields.begin(), c.fields.end(),
                      [&](const QString &x, const QString &y) { return order.indexOf(x) < order.indexOf(y); });
        }
        out.append(c);
    }
    return out;
}

} // namespace

QList<SandboxChange> SandboxServer::expectedChanges(const QString &vendor, int fromEpoch, int toEpoch) const
{
    const SandboxEndpoint *listing = endpoint(vendor);
    if (!listing)
        return {};
    fromEpoch = std::clamp(fromEpoch, 0, datagen::kMaxEpoch);
    toEpoch = std::clamp(toEpoch, 0, datagen::kMaxEpoch);
    const int channel = int(vendorIds().indexOf(vendor));
    const auto dataVendor = datagen::Vendor(channel);
    const int later = std::max(fromEpoch, toEpoch);
    const QString key = keyField(vendor);
    QList<SandboxChange> changes;
    for (const Compared &c : compareEpochs(dataVendor, m_settings->segmentCount(SandboxChannel(channel)),
                                           std::min(fromEpoch, toEpoch), later)) {
        const bool inFrom = fromEpoch <= toEpoch ? c.before : c.after;
        const bool inTo = fromEpoch <= toEpoch ? c.after : c.before;
        if (inFrom && inTo && c.fields.isEmpty())
            continue;
        const QString kind = !inFrom ? QStringLiteral("added")
            : !inTo                  ? QStringLiteral("removed")
                                     : QStringLiteral("changed");
        // The key never changes; a removed segment's is read at the epoch that lists it.
        const int at = c.after ? later : std::min(fromEpoch, toEpoch);
        changes.append({kind, listing->segment(c.index, at).value(key).toString(), c.fields});
    }
    return changes;
}

QStringList SandboxServer::bookkeepingOnlyKeys(const QString &vendor, int fromEpoch, int toEpoch) const
{
    const SandboxEndpoint *listing = endpoint(vendor);
    if (!listing)
        return {};
    fromEpoch = std::clamp(fromEpoch, 0, datagen::kMaxEpoch);
    toEpoch = std::clamp(toEpoch, 0, datagen::kMaxEpoch);
    const int channel = int(vendorIds().indexOf(vendor));
    const int later = std::max(fromEpoch, toEpoch);
    QStringList keys;
    for (const Compared &c : compareEpochs(datagen::Vendor(channel), m_settings->segmentCount(SandboxChannel(channel)),
                                           std::min(fromEpoch, toEpoch), later)) {
        if (c.before && c.after && c.fields.isEmpty() && c.bytesChanged)
            keys.append(listing->segment(c.index, later).value(keyField(vendor)).toString());
    }
    return keys;
}

void SandboxServer::setLatencyMs(int ms)
{
    m_latencyMs = std::max(0, ms);
}

void SandboxServer::setLdMaxPageSize(int n)
{
    m_settings->ldMaxPageSize = std::max(0, n);
}

void SandboxServer::setTokenLifetimeSeconds(int seconds)
{
    m_settings->tokenLifetimeSeconds = std::max(0, seconds);
}

void SandboxServer::setLdFilterHook(LdFilterHook hook)
{
    m_settings->ldFilter = hook ? std::move(hook) : LdFilterHook(rejectLdFilter);
    ++m_settings->ldFilterGeneration;
}

void SandboxServer::setLdSortHook(LdSortHook hook)
{
    m_settings->ldSort = hook ? std::move(hook) : LdSortHook(builtinLdSort);
    ++m_settings->ldFilterGeneration;
}

bool SandboxServer::setFaults(const QString &spec, QString *error)
{
    std::optional<FaultPlan> plan = FaultPlan::parse(spec, error);
    if (!plan)
        return false;
    m_faults = std::move(*plan);
    m_faultBase = m_requestCounts;
    return true;
}

void SandboxServer::clearFaults()
{
    m_faults = FaultPlan();
}

int SandboxServer::requestCount(const QString &vendor) const
{
    const std::optional<SandboxChannel> channel = sandboxChannelFromId(vendor);
    return channel ? m_requestCounts.at(size_t(*channel)) : 0;
}

QJsonObject SandboxServer::record(const QString &vendor, int index) const
{
    SandboxEndpoint *listing = endpoint(vendor);
    if (!listing || index < 0 || index >= segmentCount(vendor))
        return {};
    return listing->record(index);
}

SandboxEndpoint *SandboxServer::endpoint(const QString &vendor) const
{
    const qsizetype at = vendorIds().indexOf(vendor);
    return at < 0 ? nullptr : m_endpoints.at(size_t(at)).get();
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Copy now: Qt reuses `request` for the next one on this connection, and the answer may wait.
    const SandboxRequest copy = copyRequest(request);
    FaultAction action;
    const SandboxResponse response = respond(copy, &action);
    send(socket, response, action, wantsClose(copy));
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only here because Qt requires it.
    send(socket, notFound(), FaultAction(), wantsClose(copyRequest(request)));
}

SandboxResponse SandboxServer::respond(const SandboxRequest &request, FaultAction *action)
{
    for (const std::unique_ptr<SandboxEndpoint> &listing : m_endpoints) {
        const std::optional<SandboxChannel> channel = listing->route(request.path);
        if (!channel)
            continue;
        const size_t slot = size_t(*channel);
        const int number = ++m_requestCounts.at(slot) - m_faultBase.at(slot);
        *action = m_faults.actionFor(*channel, number);
        SandboxResponse response;
        if (action->status == 502)
            response = badGatewayPage();
        else if (action->status != 0)
            response = listing->statusResponse(*channel, action->status, action->retryAfterSeconds);
        else if (action->repeat && m_lastAnswers.at(slot))
            response = *m_lastAnswers.at(slot);
        else if (request.method != listing->method(*channel))
            response = methodNotAllowed(*listing, *channel);
        else
            response = listing->handle(*channel, action->shiftRows ? shifted(request, action->shiftRows) : request);
        if (response.status == 200 && action->total >= 0)
            response = withTotal(response, action->total);
        if (response.status == 200 && !action->repeat)
            m_lastAnswers.at(slot) = std::make_unique<SandboxResponse>(response);
        Q_EMIT requestServed(sandboxChannelId(*channel), number, QString::fromLatin1(request.method), request.path,
                             response.status, !action->isNone());
        return response;
    }
    Q_EMIT requestServed(QString(), 0, QString::fromLatin1(request.method), request.path, 404, false);
    return notFound();
}

void SandboxServer::send(QTcpSocket *socket, const SandboxResponse &response, const FaultAction &action, bool close)
{
    SandboxResponse answer = response;
    answer.body = corrupted(answer.body, action);
    const int delay = m_latencyMs + action.latencyMs;
    if (delay <= 0) {
        write(socket, answer, action, close);
        return;
    }
    // The socket is the timer's context: a client that hangs up cancels the answer.
    QTimer::singleShot(delay, Qt::PreciseTimer, socket,
                       [this, socket, answer, action, close] { write(socket, answer, action, close); });
}

void SandboxServer::write(QTcpSocket *socket, const SandboxResponse &response, const FaultAction &action, bool close)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n"
        + "Content-Type: " + response.contentType + "\r\n"
        + "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n"
        + (close ? "Connection: close\r\n" : "Connection: keep-alive\r\n");
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";

    switch (action.delivery) {
    case FaultAction::Delivery::Normal:
        socket->write(head + response.body);
        if (close)
            socket->disconnectFromHost();
        return;
    case FaultAction::Delivery::Drop:
        // The full Content-Length was promised; half arrives, then the connection closes
        // (disconnectFromHost sends what was written first).
        socket->write(head + response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    case FaultAction::Delivery::Drip:
        break;
    }

    socket->write(head);
    constexpr qsizetype kPieces = 10;
    const qsizetype pieceSize = std::max<qsizetype>(1, (response.body.size() + kPieces - 1) / kPieces);
    // Parented to the socket, so it dies with the connection.
    auto *timer = new QTimer(socket);
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(action.dripIntervalMs);
    auto sent = std::make_shared<qsizetype>(0);
    const QByteArray body = response.body;
    connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body, pieceSize, close] {
        if (*sent < body.size() && socket->state() == QAbstractSocket::ConnectedState) {
            socket->write(body.mid(*sent, pieceSize));
            *sent += pieceSize;
        }
        if (*sent >= body.size() || socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            timer->deleteLater();
            if (close)
                socket->disconnectFromHost();
        }
    });
    timer->start();
}

} // namespace sb
