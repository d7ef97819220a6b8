#include "segment.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sb {

bool isWellFormedFieldPath(QStringView field)
{
    if (field.isEmpty())
        return false;
    for (const QStringView part : field.split(QLatin1Char('.'))) {
        if (part.isEmpty())
            return false;
        for (const QChar c : part) {
            if (c.isSpace() || c == QLatin1Char(',') || !c.isPrint())
                return false;
        }
    }
    return true;
}

QVariant extractValue(const QJsonObject &record, const Column &column)
{
    QJsonValue v;
    const QStringList parts = column.field.split(QLatin1Char('.'));
    QJsonObject cur = record;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        v = cur.value(parts.at(i));
        if (i + 1 < parts.size()) {
            if (!v.isObject())
                return {};
            cur = v.toObject();
        }
    }
    return typedValue(v, column.type);
}

QVariant typedValue(const QJsonValue &v, ValueType type)
{
    if (v.isNull() || v.isUndefined())
        return {};
    switch (type) {
    case ValueType::String:
    case ValueType::Timestamp:
        if (v.isString())
            return v.toString();
        break;
    case ValueType::Boolean:
        if (v.isBool())
            return v.toBool();
        break;
    case ValueType::Integer:
    case ValueType::UnixMillis:
        // Only whole numbers are integers; 1.5 falls through and is kept as it is.
        if (v.isDouble() && v.toDouble() == double(v.toInteger()))
            return QVariant::fromValue<qint64>(v.toInteger());
        break;
    case ValueType::StringList:
        if (v.isArray()) {
            QStringList out;
            for (const QJsonValue &item : v.toArray())
                out.append(item.isString() ? item.toString() : item.toVariant().toString());
            return out;
        }
        break;
    case ValueType::Json:
        // An array of strings reads best as a list, as tags do; an empty array is an empty list.
        if (v.isArray()) {
            const QJsonArray array = v.toArray();
            if (std::all_of(array.begin(), array.end(), [](const QJsonValue &item) { return item.isString(); })) {
                QStringList out;
                out.reserve(array.size());
                for (const QJsonValue &item : array)
                    out.append(item.toString());
                return out;
            }
        }
        break;
    }
    // A value of another type than documented: keep it readable rather than drop it.
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() == double(v.toInteger()) ? QVariant::fromValue<qint64>(v.toInteger())
                                                     : QVariant(v.toDouble());
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QJsonObject Segment::object() const
{
    return QJsonDocument::fromJson(json).object();
}

Segment Segment::fromRecord(const QJsonObject &record, const QList<Column> &columns)
{
    QByteArray json = QJsonDocument(record).toJson(QJsonDocument::Compact);
    // toJson grows its buffer as it writes; the model keeps 100,000 of these, so give back the slack.
    json.squeeze();
    Segment s = fromRecord(record, columns, QByteArrayView());
    s.json = std::move(json);
    return s;
}

Segment Segment::fromRecord(const QJsonObject &record, const QList<Column> &columns, QByteArrayView rawJson)
{
    Segment s;
    s.json = rawJson.toByteArray(); // an exact-size copy
    s.values.reserve(columns.size());
    for (const Column &c : columns)
        s.values.append(extractValue(record, c));
    return s;
}

} // namespace sb
