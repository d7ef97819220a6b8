#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

namespace sb {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as the vendor code describes it, independent of Qt Network, so vendor code
// stays pure and testable. src/net turns it into a QNetworkRequest.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body; // form-encoded for POST
    QByteArray contentType;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

struct HttpReply
{
    int status = 0;
    HeaderList headers;
    QByteArray body;

    // Case-insensitive, as HTTP header names are.
    QByteArray header(const QByteArray &name) const;
};

// Retry-After: delta-seconds or an HTTP date. Returns milliseconds to wait, or -1.
qint64 parseRetryAfter(const QByteArray &value, const QDateTime &now = QDateTime::currentDateTimeUtc());

// 127.0.0.0/8, ::1 and localhost.
bool isLoopbackHost(const QString &host);

// HTTPS is required except to loopback hosts. Returns a Usage error otherwise.
Error checkTransport(const QUrl &url);

// A header value must not let a caller inject another header.
bool isSafeHeaderValue(const QByteArray &value);

} // namespace sb
