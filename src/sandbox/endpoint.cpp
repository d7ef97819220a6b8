#include "endpoint.h"

#include "datagen.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sb {

namespace {

// Digits with an optional leading '-', nothing else: no '+', no spaces, no "0x", no fraction.
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

QStringList formValues(const QByteArray &form, const QString &key)
{
    QStringList values;
    for (const QByteArray &pair : form.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (!pair.isEmpty() && formDecode(pair.left(equals < 0 ? pair.size() : equals)) == key)
            values << (equals < 0 ? QString() : formDecode(pair.mid(equals + 1)));
    }
    return values;
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

SandboxResponse SandboxResponse::jsonWithArray(int status, QJsonObject envelope, const QString &key,
                                               const QByteArray &array, const HeaderList &headers)
{
    envelope.insert(key, QJsonArray());
    SandboxResponse response = json(status, envelope, headers);
    // The envelope's keys are the vendor's own, so `"key":[]` is that key and no text inside a value.
    const QByteArray empty = '"' + key.toUtf8() + "\":[]";
    const qsizetype at = response.body.indexOf(empty);
    Q_ASSERT(at >= 0);
    response.body.replace(at + empty.size() - 2, 2, array);
    return response;
}

std::optional<qint64> integerParameter(const SandboxRequest &request, const QString &name, qint64 fallback,
                                       qint64 minimum, qint64 maximum)
{
    const std::optional<QString> text = request.query(name);
    if (!text)
        return fallback;
    const std::optional<qint64> value = parseInteger(*text);
    if (!value || *value < minimum || *value > maximum)
        return std::nullopt;
    return value;
}

std::optional<bool> booleanParameter(const SandboxRequest &request, const QString &name)
{
    const std::optional<QString> text = request.query(name);
    if (!text || *text == QLatin1String("false"))
        return false;
    if (*text == QLatin1String("true"))
        return true;
    return std::nullopt;
}

QByteArray bearerToken(const SandboxRequest &request)
{
    const QByteArray value = request.header("Authorization").value_or(QByteArray()).trimmed();
    if (value.size() < 8 || value.left(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(7).trimmed();
}

const QByteArray &SandboxEndpoint::recordJson(int index) const
{
    Q_ASSERT(index >= 0);
    if (size_t(index) >= m_recordJson.size())
        m_recordJson.resize(size_t(index) + 1);
    QByteArray &json = m_recordJson[size_t(index)];
    if (json.isEmpty())
        json = QJsonDocument(record(index)).toJson(QJsonDocument::Compact);
    return json;
}

int SandboxEndpoint::positionAfter(int index) const
{
    if (m_epoch == 0)
        return std::clamp(index + 1, 0, m_count);
    return int(std::upper_bound(m_listing.cbegin(), m_listing.cend(), index) - m_listing.cbegin());
}

void SandboxEndpoint::setLayout(int epoch, int count)
{
    // At epoch 0 the position is the index, whatever the count: the records stay valid.
    const bool same = epoch == m_epoch && (epoch == 0 || count == m_count);
    m_count = count;
    if (same)
        return;
    m_epoch = epoch;
    m_listing = epoch == 0 ? std::vector<int>() : datagen::listing(count, epoch);
    m_recordJson.clear();
    m_recordJson.shrink_to_fit();
    layoutChanged();
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
