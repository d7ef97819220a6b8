#include "error.h"

#include <QCoreApplication>

namespace sb {

bool Error::isTransient() const
{
    switch (kind) {
    case Kind::RateLimit:
    case Kind::Network:
        return true;
    case Kind::Server:
        return httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    default:
        return false;
    }
}

QString Error::toString() const
{
    if (httpStatus > 0) {
        if (message.isEmpty())
            return QCoreApplication::translate("sb::Error", "HTTP %1").arg(httpStatus);
        return QCoreApplication::translate("sb::Error", "HTTP %1: %2").arg(httpStatus).arg(message);
    }
    return message;
}

QString retryNotice(const Error &reason, const QString &vendorName, qint64 msLeft)
{
    const QString why = reason.kind == Error::Kind::RateLimit && !vendorName.isEmpty()
        ? QCoreApplication::translate("sb::Error", "Rate limited by %1").arg(vendorName)
        : reason.toString();
    const qint64 seconds = (qMax<qint64>(0, msLeft) + 999) / 1000;
    return QCoreApplication::translate("sb::Error", "%1; retrying in %2 s").arg(why).arg(seconds);
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Usage:
        return QStringLiteral("usage");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::RateLimit:
        return QStringLiteral("rate-limit");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Parse:
        return QStringLiteral("parse");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Storage:
        return QStringLiteral("storage");
    }
    return {};
}

Error Error::usage(const QString &message)
{
    return Error {Kind::Usage, 0, message, {}, -1};
}

Error Error::parse(const QString &message)
{
    return Error {Kind::Parse, 0, message, {}, -1};
}

Error Error::network(const QString &message)
{
    return Error {Kind::Network, 0, message, {}, -1};
}

Error Error::storage(const QString &message)
{
    return Error {Kind::Storage, 0, message, {}, -1};
}

Error Error::cancelled()
{
    return Error {Kind::Cancelled, 0, QCoreApplication::translate("sb::Error", "Cancelled"), {}, -1};
}

QString visibleText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        } else if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f
                   || u == 0x061c) {
            out += QStringLiteral("\\u") + QString::number(int(u), 16).toUpper();
        } else {
            out += c;
        }
    }
    return out;
}

Error Error::fromStatus(int httpStatus, const QString &message, const QString &vendorCode)
{
    Kind kind = Kind::Server;
    if (httpStatus == 401 || httpStatus == 403)
        kind = Kind::Auth;
    else if (httpStatus == 429)
        kind = Kind::RateLimit;
    // The vendor's words, never its control characters (issue: terminal injection).
    return Error {kind, httpStatus, visibleText(message), visibleText(vendorCode), -1};
}

} // namespace sb
