#include "storelocation.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::StoreLocation", text);
}

const QStringList kSslModes {QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                             QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

} // namespace

Result<StoreLocation> StoreLocation::parse(const QString &text, const QString &defaultFile)
{
    StoreLocation location;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        location.path = defaultFile;
        return location;
    }
    // Anything that starts like a URL ("postgresql:", even with one slash) is read as one, so that
    // a mistyped URL is an error rather than a file of that name (with a password in its path).
    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]+):"));
    const QRegularExpressionMatch match = schemePattern.match(trimmed);
    const QString scheme = match.hasMatch() ? match.captured(1).toLower() : QString();
    if (scheme.isEmpty()) {
        location.path = QFileInfo(trimmed).absoluteFilePath();
        return location;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || !trimmed.mid(scheme.size() + 1).startsWith(QLatin1String("//")))
        return Error::usage(tr("This store URL cannot be read; it looks like %1://host/database").arg(scheme));
    if (scheme == QLatin1String("file")) {
        location.path = url.toLocalFile();
        if (location.path.isEmpty() || (!url.host().isEmpty() && url.host() != QLatin1String("localhost")))
            return Error::usage(tr("A file:// store URL names a file on this machine: file:///path/segments.sqlite"));
        return location;
    }
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return Error::usage(tr("A store is a file or a postgresql:// URL, not %1://").arg(scheme));
    if (!url.password().isEmpty())
        return Error::usage(tr("The store URL holds a password: leave it out, and give it when Segment Browser "
                               "asks, which keeps it in the keychain"));

    location.kind = Kind::PostgreSql;
    location.user = url.userName();
    location.port = url.port(5432);
    location.database = url.path().mid(1);
    const QUrlQuery query(url);
    // libpq's way of naming a socket folder: postgresql:///db?host=/run/postgresql
    location.host =
        query.hasQueryItem(QStringLiteral("host")) ? query.queryItemValue(QStringLiteral("host")) : url.host();
    if (location.host.isEmpty())
        location.host = QStringLiteral("localhost");
    if (location.database.isEmpty() || location.database.contains(QLatin1Char('/')))
        return Error::usage(tr("The store URL names no database: postgresql://host/database"));
    for (const auto &[key, value] : query.queryItems()) {
        if (key != QLatin1String("sslmode") && key != QLatin1String("host"))
            return Error::usage(tr("The store URL's “%1” is not one Segment Browser reads (sslmode, host)").arg(key));
    }
    location.sslMode = query.queryItemValue(QStringLiteral("sslmode"));
    if (!location.sslMode.isEmpty() && !kSslModes.contains(location.sslMode))
        return Error::usage(
            tr("sslmode=%1 is not one of %2").arg(location.sslMode, kSslModes.join(QStringLiteral(", "))));
    if (location.sslMode.isEmpty())
        location.sslMode = location.isLoopback() ? QStringLiteral("prefer") : QStringLiteral("verify-full");
    // TLS errors are errors: a catalog elsewhere is reached over TLS that checks the server's name.
    if (!location.isLoopback() && location.sslMode != QLatin1String("verify-full"))
        return Error::usage(
            tr("A catalog on another machine is reached with sslmode=verify-full, not %1").arg(location.sslMode));
    return location;
}

Result<StoreLocation> StoreLocation::resolve(const QString &option, const QString &environment, const QString &setting,
                                             const QString &defaultFile)
{
    for (const QString &text : {option, environment, setting}) {
        if (!text.trimmed().isEmpty())
            return parse(text, defaultFile);
    }
    return parse({}, defaultFile);
}

bool StoreLocation::isLoopback() const
{
    return kind != Kind::PostgreSql || isLoopbackHost(host);
}

bool StoreLocation::isLoopbackHost(const QString &host)
{
    if (host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString StoreLocation::displayUrl() const
{
    if (kind == Kind::SqliteFile)
        return path;
    const bool socket = host.startsWith(QLatin1Char('/'));
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (!socket)
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    // A socket's file is named by the port too: it is kept either way.
    if (port != 5432)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(database));
    QStringList query;
    if (socket)
        query << QStringLiteral("host=") + QString::fromUtf8(QUrl::toPercentEncoding(host, "/"));
    if (sslMode != (isLoopback() ? QLatin1String("prefer") : QLatin1String("verify-full")))
        query << QStringLiteral("sslmode=") + sslMode;
    return query.isEmpty() ? text : text + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

QString StoreLocation::secretKey() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace sb
