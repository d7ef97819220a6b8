#include "vendorapi.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

#include <cstring>

namespace sb {

Result<HttpRequest> VendorApi::tokenRequest(const Profile &, const QString &) const
{
    return Error::usage(QCoreApplication::translate("sb::VendorApi", "%1 does not exchange tokens").arg(displayName()));
}

Result<AccessToken> VendorApi::parseToken(const HttpReply &) const
{
    return Error::usage(QCoreApplication::translate("sb::VendorApi", "%1 does not exchange tokens").arg(displayName()));
}

SegmentDetails VendorApi::details(const Profile &, const QJsonObject &record) const
{
    SegmentDetails d;
    d.title = recordKey(record);
    d.facts.append({QCoreApplication::translate("sb::VendorApi", "Key"), d.title});
    return d;
}

QUrl VendorApi::webUrl(const Profile &, const QJsonObject &) const
{
    return {};
}

QString humanFieldName(QStringView field)
{
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            words.append(word);
        word.clear();
    };
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-') || c.isSpace()) {
            flush();
            continue;
        }
        // camelCase: a capital after a small letter starts a word; "URLPath" splits before "Path".
        const bool upper = c.isUpper();
        if (upper && !word.isEmpty()
            && (word.back().isLower() || word.back().isDigit()
                || (i + 1 < field.size() && field.at(i + 1).isLower() && word.back().isUpper())))
            flush();
        word += c;
    }
    flush();
    static const QStringList acronyms {QStringLiteral("id"),  QStringLiteral("url"), QStringLiteral("uuid"),
                                       QStringLiteral("api"), QStringLiteral("ip"),  QStringLiteral("sdk")};
    for (QString &w : words) {
        const QString lower = w.toLower();
        w = acronyms.contains(lower) ? lower.toUpper() : (w.size() > 1 && w == w.toUpper() ? w : lower);
    }
    if (words.isEmpty())
        return field.toString();
    words.first()[0] = words.first().at(0).toUpper();
    return words.join(QLatin1Char(' '));
}

QString fieldLabels(const VendorApi &vendor, const QStringList &fields)
{
    QStringList labels;
    for (const QString &field : fields)
        labels << vendor.fieldLabel(field);
    return labels.join(QStringLiteral(", "));
}

QString VendorApi::fieldLabel(const QString &field) const
{
    const CommonFields common = commonFields();
    if (field == nameField())
        return QCoreApplication::translate("sb::VendorApi", "Name");
    if (field == common.description.field)
        return QCoreApplication::translate("sb::VendorApi", "Description");
    if (field == common.tags.field)
        return QCoreApplication::translate("sb::VendorApi", "Tags");
    if (field == common.created.field)
        return QCoreApplication::translate("sb::VendorApi", "Created");
    if (field == common.modified.field)
        return QCoreApplication::translate("sb::VendorApi", "Modified");
    return humanFieldName(field);
}

bool VendorApi::hasDocumentedHost(const Profile &profile) const
{
    const QString host = profile.baseUrl.host().toLower();
    for (QString suggestion : baseUrlSuggestions()) {
        suggestion.replace(QLatin1String("{tenant}"), profile.param(ParamKey::tenant));
        if (!host.isEmpty() && QUrl(suggestion).host().toLower() == host)
            return true;
    }
    return false;
}

QString VendorApi::scopeOf(const Profile &profile) const
{
    const ScopeModel model = scopes();
    if (model.listing.isEmpty())
        return {};
    return profile.param(model.groupParam).trimmed() + QLatin1Char('/') + profile.param(model.scopeParam).trimmed();
}

} // namespace sb

namespace sb {

QJsonObject VendorApi::content(const QJsonObject &record) const
{
    QJsonObject content;
    for (const QString &field : contentFields()) {
        const QJsonValue value = record.value(field);
        if (!value.isNull() && !value.isUndefined())
            content.insert(field, value);
    }
    return content;
}

namespace {

QDateTime timeOf(const QJsonObject &record, const Column &column)
{
    if (column.field.isEmpty())
        return {};
    const QVariant value = extractValue(record, column);
    if (column.type == ValueType::UnixMillis)
        return value.isValid() ? QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC) : QDateTime();
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

SegmentSummary VendorApi::summary(const QJsonObject &record) const
{
    const CommonFields fields = commonFields();
    SegmentSummary s;
    s.key = recordKey(record);
    s.name = recordName(record);
    if (!fields.description.field.isEmpty())
        s.description = extractValue(record, fields.description).toString();
    if (!fields.tags.field.isEmpty())
        s.tags = extractValue(record, fields.tags).toStringList();
    s.created = timeOf(record, fields.created);
    s.modified = timeOf(record, fields.modified);
    return s;
}

qint64 VendorApi::contentHash(const QJsonObject &record) const
{
    // QJsonObject keeps its keys sorted, so equal content writes out to the same bytes.
    return contentHashOfBytes(QJsonDocument(content(record)).toJson(QJsonDocument::Compact));
}

qint64 VendorApi::contentHashOfBytes(const QByteArray &bytes)
{
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
    qint64 hash = 0;
    std::memcpy(&hash, digest.constData(), sizeof hash);
    return qFromLittleEndian(hash);
}

QStringList VendorApi::changedContentFields(const QJsonObject &before, const QJsonObject &after) const
{
    const QJsonObject a = content(before);
    const QJsonObject b = content(after);
    QStringList changed;
    for (const QString &field : contentFields()) {
        if (a.value(field) != b.value(field))
            changed.append(field);
    }
    return changed;
}

} // namespace sb
