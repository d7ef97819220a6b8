#include "detailsupport.h"
#include "core/timetext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace sb::detailsupport {

namespace {

// The translation context of the texts below.
struct DetailSupport
{
    Q_DECLARE_TR_FUNCTIONS(sb::DetailSupport)
};

QDateTime parseRfc3339(const QString &text)
{
    // Qt reads at most milliseconds; SailPoint sends microseconds. Keep three digits.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString t = text.trimmed();
    t.replace(fraction, QStringLiteral("\\1"));
    // A date and time without a zone would silently be taken as local time; the vendors
    // send UTC or an offset, so anything else is not read as a time at all.
    const QDateTime when = QDateTime::fromString(t, Qt::ISODateWithMs);
    return when.isValid() && when.timeSpec() != Qt::LocalTime ? when : QDateTime();
}

bool needsQuotes(const QString &text)
{
    return text.isEmpty() || text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.front().isSpace() || text.back().isSpace();
}

} // namespace

QString readableTimestamp(const QJsonValue &value)
{
    if (value.isDouble())
        return localDateTimeText(QDateTime::fromMSecsSinceEpoch(value.toInteger(), Qt::UTC));
    if (value.isString()) {
        const QDateTime when = parseRfc3339(value.toString());
        return when.isValid() ? localDateTimeText(when) : value.toString();
    }
    return plainValue(value);
}

QString plainValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // 45 rather than 45.0, and 1700000000000 rather than 1.7e+12.
        if (std::trunc(number) == number && std::abs(number) < 9e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString readableList(const QJsonValue &values)
{
    if (!values.isArray())
        return plainValue(values);
    QStringList texts;
    const QJsonArray array = values.toArray();
    for (const QJsonValue &value : array) {
        const QString text = plainValue(value);
        if (value.isString() && needsQuotes(text))
            texts.append(QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\\\""))
                         + QLatin1Char('"'));
        else
            texts.append(text);
    }
    return texts.join(QLatin1String(", "));
}

QString yesNo(bool value)
{
    return value ? DetailSupport::tr("Yes") : DetailSupport::tr("No");
}

void addFact(QList<DetailFact> &facts, const QString &label, const QString &value)
{
    if (!value.isEmpty())
        facts.append({label, value});
}

QString stringAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

SegmentDetails startDetails(const QString &name, const QString &keyLabel, const QString &key)
{
    SegmentDetails details;
    // The pane's title: the name when it has any text, else the key, else a word for neither.
    if (!name.trimmed().isEmpty())
        details.title = name;
    else if (!key.trimmed().isEmpty())
        details.title = key;
    else
        details.title = DetailSupport::tr("Unnamed segment");
    addFact(details.facts, DetailSupport::tr("Name"), name);
    addFact(details.facts, keyLabel, key);
    return details;
}

QString pluralText(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

DetailNode listNode(const QString &text, const QStringList &values, qsizetype shown)
{
    DetailNode node {text, {}};
    for (qsizetype i = 0; i < values.size() && i < shown; ++i)
        node.children.append({values.at(i), {}});
    if (values.size() > shown)
        node.children.append({pluralText(values.size() - shown, DetailSupport::tr("… and 1 more (all are in the JSON)"),
                                         DetailSupport::tr("… and %1 more (all are in the JSON)")),
                              {}});
    return node;
}

void addOtherFields(QList<DetailFact> &facts, const QJsonObject &record, const QStringList &known)
{
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!known.contains(it.key()))
            addFact(facts, it.key(), plainValue(it.value()));
    }
}

} // namespace sb::detailsupport
