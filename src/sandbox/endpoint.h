#pragma once

// Internal to sb_sandbox: what the server and the four vendor endpoints share.

#include "faults.h"
#include "ldfilterhook.h"

#include "core/http.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace sb {

// One request, copied out of QHttpServerRequest (which Qt reuses for the next request on the
// same connection, while our answer may still be waiting for a fault's delay).
struct SandboxRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // decoded
    QByteArray rawQuery; // as sent, still percent-encoded
    HeaderList headers;
    QByteArray body;

    // The first value of a header, names compared case-insensitively; empty optional when absent.
    std::optional<QByteArray> header(const QByteArray &name) const;
    // A query parameter, decoded as HTML forms and Go servers decode them ('+' is a space);
    // the first one when repeated; empty optional when absent.
    std::optional<QString> query(const QString &key) const;
};

// Decodes application/x-www-form-urlencoded text (a query string or a POST body).
std::optional<QString> formValue(const QByteArray &form, const QString &key);
// Every value of a repeated key, in order.
QStringList formValues(const QByteArray &form, const QString &key);

struct SandboxResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    HeaderList headers;
    QByteArray body;

    static SandboxResponse json(int status, const QJsonValue &body, const HeaderList &headers = {});
    // `envelope` with `array` (a JSON array's own text) as the value of its key `key`.
    static SandboxResponse jsonWithArray(int status, QJsonObject envelope, const QString &key, const QByteArray &array,
                                         const HeaderList &headers = {});
    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append(qMakePair(name, value)); }
};

// The knobs SandboxServer exposes, read by the endpoints on every request.
struct SandboxSettings
{
    std::array<int, kSandboxChannelCount> segmentCounts {};
    int ldMaxPageSize = 0;
    int tokenLifetimeSeconds = 3600;
    LdFilterHook ldFilter = rejectLdFilter;
    LdSortHook ldSort = builtinLdSort;
    int ldFilterGeneration = 0; // bumped when either hook changes, so cached listings are dropped

    int segmentCount(SandboxChannel channel) const { return segmentCounts.at(size_t(channel)); }
};

// Strict query parameters, shared by the vendors. A whole number (digits, an optional leading '-',
// nothing else) in [minimum, maximum]: `fallback` when absent, empty when malformed or out of range.
std::optional<qint64> integerParameter(const SandboxRequest &request, const QString &name, qint64 fallback,
                                       qint64 minimum, qint64 maximum = std::numeric_limits<int>::max());
// "true" or "false" exactly: false when absent, empty when anything else.
std::optional<bool> booleanParameter(const SandboxRequest &request, const QString &name);
// The token of "Authorization: Bearer <token>" (scheme case-insensitive), or empty.
QByteArray bearerToken(const SandboxRequest &request);

// One vendor: its paths, its answers and its own error bodies.
class SandboxEndpoint
{
public:
    explicit SandboxEndpoint(const SandboxSettings &settings) : m_settings(settings) { }
    virtual ~SandboxEndpoint() = default;
    Q_DISABLE_COPY_MOVE(SandboxEndpoint)

    // The channel the path belongs to, or empty when it is not this vendor's.
    virtual std::optional<SandboxChannel> route(const QString &path) const = 0;
    virtual SandboxResponse handle(SandboxChannel channel, const SandboxRequest &request) = 0;
    // The vendor's own answer that says no more than its status: 401, 405, 429, 500 or 503. Faults
    // use it too; retryAfterSeconds goes with 429.
    virtual SandboxResponse statusResponse(SandboxChannel channel, int status, int retryAfterSeconds) = 0;
    // The one method the channel's path answers; others get 405.
    virtual QByteArray method(SandboxChannel channel) const
    {
        Q_UNUSED(channel)
        return "GET";
    }
    // Segment `index` (datagen's numbering) as it is at `epoch`.
    virtual QJsonObject segment(int index, int epoch) const = 0;
    // The record listed at `position` in the vendor's default order, at the current epoch.
    QJsonObject record(int position) const { return segment(indexAt(position), m_epoch); }
    // The segment listed at `position`; at epoch 0 the position itself.
    int indexAt(int position) const { return m_epoch == 0 ? position : m_listing.at(size_t(position)); }
    // How many segments are listed before the first one whose index is above `index`.
    int positionAfter(int index) const;
    int listedCount() const { return m_epoch == 0 ? m_count : int(m_listing.size()); }
    int epoch() const { return m_epoch; }
    // What is listed: the account as it is at `epoch` when epoch 0 lists `count`. Drops the records
    // written out and the endpoint's own listings when the positions change.
    void setLayout(int epoch, int count);
    // A JSON array of the records at indexes indexAt(first) .. indexAt(last - 1), as compact text.
    // Each record is written out once and kept: writing records for every page was most of the
    // sandbox's CPU, which the benchmark would otherwise count against the clients it serves.
    template<typename IndexAt> QByteArray recordArray(qint64 first, qint64 last, IndexAt indexAt) const
    {
        QByteArray out = "[";
        for (qint64 i = first; i < last; ++i) {
            if (i > first)
                out += ',';
            out += recordJson(indexAt(i));
        }
        out += ']';
        return out;
    }
    QByteArray recordArray(qint64 first, qint64 last) const
    {
        return recordArray(first, last, [](qint64 i) { return int(i); });
    }
    // Drops the records written out and the endpoint's own listings: the data set changed.
    void dropRecords()
    {
        m_recordJson.clear();
        m_recordJson.shrink_to_fit();
        layoutChanged();
    }
    // Writes out records 0 .. count - 1 now rather than on first use.
    void prepareRecords(int count) const
    {
        for (int i = 0; i < count; ++i)
            recordJson(i);
    }

protected:
    // The positions changed (another epoch, or another count at an epoch after 0).
    virtual void layoutChanged() { }
    // Ids for error bodies (LaunchDarkly's id, SailPoint's trackingId, Amperity's request_id):
    // different for every error, the same sequence in every run.
    QString nextErrorId(int digits);

    const SandboxSettings &m_settings;

private:
    const QByteArray &recordJson(int index) const;

    quint64 m_errorSerial = 0;
    mutable std::vector<QByteArray> m_recordJson; // by position, grown on demand; kept until the layout changes
    int m_epoch = 0;
    int m_count = 0;
    std::vector<int> m_listing; // the indexes listed, after epoch 0
};

std::unique_ptr<SandboxEndpoint> makeBatchEndpoint(const SandboxSettings &settings);
std::unique_ptr<SandboxEndpoint> makeLaunchDarklyEndpoint(const SandboxSettings &settings);
std::unique_ptr<SandboxEndpoint> makeAmperityEndpoint(const SandboxSettings &settings);
std::unique_ptr<SandboxEndpoint> makeSailPointEndpoint(const SandboxSettings &settings);

} // namespace sb
