#include "endpoint.h"

#include "datagen.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

namespace {

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

} // namespace

std::optional<QByteArray> SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

std::optional<QString> SandboxRequest::query(const QString &key) const
{
    return formValue(rawQuery, key);
}

std::optional<QString> formValue(const QByteArray &form, const QString &key)
{
    for (const QByteArray &pair : form.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (formDecode(pair.left(equals < 0 ? pair.size() : equals)) == key)
            return equals < 0 ? QString() : formDecode(pair.mid(equals + 1));
    }
    return std::nullopt;
}

SandboxResponse SandboxResponse::json(int status, const QJsonValue &body, const HeaderList &headers)
{
    SandboxResponse response;
    response.status = status;
    response.headers = headers;
    response.body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                   : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return response;
}

std::optional<qint64> parseInteger(const QString &text)
{
    const qsizetype digitsFrom = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    const qsizetype digits = text.size() - digitsFrom;
    if (digits < 1 || digits > 18)
        return std::nullopt;
    for (qsizetype i = digitsFrom; i < text.size(); ++i) {
        if (text.at(i) < QLatin1Char('0') || text.at(i) > QLatin1Char('9'))
            return std::nullopt;
    }
    return text.toLongLong();
}

std::optional<bool> parseBoolean(const QString &text)
{
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    return std::nullopt;
}

QByteArray bearerToken(const SandboxRequest &request)
{
    const QByteArray value = request.header("Authorization").value_or(QByteArray()).trimmed();
    if (value.size() < 8 || value.left(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(7).trimmed();
}

QString SandboxEndpoint::nextErrorId(int digits)
{
    return datagen::hexId(++m_errorSerial * 0x5851F42D4C957F2DULL, digits);
}

LdFilter rejectLdFilter(const QString &filter)
{
    Q_UNUSED(filter)
    return LdFilter {QCoreApplication::translate("sb::SandboxServer",
                                                 "The sandbox cannot evaluate filters yet; leave out the filter"),
                     {}};
}

} // namespace sb
