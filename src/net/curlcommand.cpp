#include "curlcommand.h"

#include "core/vendorapi.h"

#include <QStringList>

namespace sb {

namespace {

// Stands in for the credential while the vendor builds the request; no real secret looks like it.
const QString kMarker = QStringLiteral("SBCREDENTIALMARKER7f3c");

QString singleQuoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString curlLine(const HttpRequest &request, const QString &variable)
{
    QStringList parts {QStringLiteral("curl"), QStringLiteral("-sS")};
    if (request.method != "GET")
        parts << QStringLiteral("-X") << QString::fromLatin1(request.method);
    for (const auto &[name, value] : request.headers) {
        parts << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value), kMarker,
                            variable);
    }
    if (!request.contentType.isEmpty())
        parts << QStringLiteral("-H")
              << singleQuoted(QStringLiteral("Content-Type: ") + QString::fromLatin1(request.contentType));
    if (!request.body.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(QString::fromUtf8(request.body), kMarker, variable);
    parts << shellQuote(request.url.toString(QUrl::FullyEncoded), kMarker, variable);
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString shellQuote(const QString &text, const QString &marker, const QString &variable)
{
    if (marker.isEmpty() || !text.contains(marker))
        return singleQuoted(text);
    const QStringList pieces = text.split(marker);
    QString out;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i > 0)
            out += QStringLiteral("\"$") + variable + QLatin1Char('"');
        if (!pieces.at(i).isEmpty())
            out += singleQuoted(pieces.at(i));
    }
    return out;
}

Result<QString> curlCommand(const VendorApi &vendor, const Profile &profile, const Query &query, int pageSize)
{
    PageQuery q;
    q.query = query;
    q.pageSize = pageSize > 0 ? qMin(pageSize, vendor.maxPageSize()) : vendor.defaultPageSize();
    q.wantTotal = true;
    Result<HttpRequest> page = vendor.pageRequest(profile, q);
    if (!page)
        return page.error();
    QStringList lines;
    if (vendor.exchangesToken()) {
        Result<HttpRequest> token = vendor.tokenRequest(profile, kMarker);
        if (!token)
            return token.error();
        // The vendor names the field; the shell reads it with the JSON reader every Debian has.
        lines << QStringLiteral("TOKEN=$(") + curlLine(token.value(), kSecretVariable)
                + QStringLiteral(" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"") + vendor.tokenField()
                + QStringLiteral("\"])')");
        vendor.authorize(page.value(), kMarker);
        lines << curlLine(page.value(), QStringLiteral("TOKEN"));
    } else {
        vendor.authorize(page.value(), kMarker);
        lines << curlLine(page.value(), kSecretVariable);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace sb
