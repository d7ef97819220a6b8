#include "valueformat.h"
#include "core/timetext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace sb {

namespace {

QDateTime toDateTime(const QVariant &value, ValueType type)
{
    if (type == ValueType::UnixMillis)
        return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
    return parseTimestamp(value.toString());
}

} // namespace

QDateTime parseTimestamp(const QString &text)
{
    // Qt reads at most milliseconds; vendors send up to nanoseconds. Keep three digits.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString t = text.trimmed();
    t.replace(fraction, QStringLiteral("\\1"));
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    return dt.toUTC();
}

QString displayText(const QVariant &value, ValueType type)
{
    if (!value.isValid())
        return {};
    switch (type) {
    case ValueType::UnixMillis:
    case ValueType::Timestamp: {
        const QDateTime dt = toDateTime(value, type);
        if (!dt.isValid())
            return value.toString();
        return localDateTimeText(dt);
    }
    case ValueType::Boolean:
        if (value.typeId() == QMetaType::Bool)
            return value.toBool() ? QCoreApplication::translate("sb::SegmentTableModel", "Yes")
                                  : QCoreApplication::translate("sb::SegmentTableModel", "No");
        break;
    case ValueType::StringList:
        return value.toStringList().join(QStringLiteral(", "));
    case ValueType::Integer:
        if (value.typeId() == QMetaType::LongLong)
            return QString::number(value.toLongLong());
        break;
    case ValueType::String:
    case ValueType::Json:
        break;
    }
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    return value.toString();
}

QString toolTipText(const QVariant &value, ValueType type)
{
    if (!value.isValid())
        return {};
    if (type == ValueType::UnixMillis || type == ValueType::Timestamp) {
        const QDateTime dt = toDateTime(value, type);
        return utcDateTimeText(dt);
    }
    const QString text = displayText(value, type);
    // Long or multi-line cells are cut off in the table; the tooltip shows them whole.
    if (text.size() > 40 || text.contains(QLatin1Char('\n')))
        return text;
    return {};
}

} // namespace sb
