#include "estatecsv.h"

#include "core/segment.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::EstateCsv", text);
}

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QStringList estateCsvColumns()
{
    return {QStringLiteral("vendor"),      QStringLiteral("account"), QStringLiteral("environment"),
            QStringLiteral("key"),         QStringLiteral("name"),    QStringLiteral("description"),
            QStringLiteral("tags"),        QStringLiteral("created"), QStringLiteral("modified"),
            QStringLiteral("last_changed")};
}

Result<QStringList> estateCsvColumns(const QString &spec)
{
    const QStringList known = estateCsvColumns();
    QStringList columns;
    for (const QString &c : spec.split(QLatin1Char(','))) {
        const QString name = c.trimmed();
        if (!known.contains(name) && !isWellFormedFieldPath(name))
            return Error::usage(
                tr("'%1' is not a column: use %2, or a field of the vendors' records").arg(name, known.join(u',')));
        if (columns.contains(name))
            return Error::usage(tr("the column '%1' is named twice").arg(name));
        columns.append(name);
    }
    return columns;
}

bool needsRecords(const QStringList &columns)
{
    const QStringList known = estateCsvColumns();
    return std::any_of(columns.cbegin(), columns.cend(), [&](const QString &c) { return !known.contains(c); });
}

QStringList estateCsvCells(const QStringList &columns, const EstateRow &row)
{
    QJsonObject record;
    if (!row.record.isEmpty())
        record = QJsonDocument::fromJson(row.record).object();
    QStringList cells;
    cells.reserve(columns.size());
    for (const QString &column : columns) {
        if (column == QLatin1String("vendor"))
            cells.append(row.vendor);
        else if (column == QLatin1String("account"))
            cells.append(row.source.profile);
        else if (column == QLatin1String("environment"))
            cells.append(row.source.environment);
        else if (column == QLatin1String("key"))
            cells.append(row.key);
        else if (column == QLatin1String("name"))
            cells.append(row.name);
        else if (column == QLatin1String("description"))
            cells.append(row.description);
        else if (column == QLatin1String("tags"))
            cells.append(row.tags.join(QLatin1Char(';')));
        else if (column == QLatin1String("created"))
            cells.append(isoOrEmpty(row.created));
        else if (column == QLatin1String("modified"))
            cells.append(isoOrEmpty(row.modified));
        else if (column == QLatin1String("last_changed"))
            cells.append(isoOrEmpty(row.lastChanged));
        else {
            const QVariant value = extractValue(record, {column, ValueType::Json});
            cells.append(value.typeId() == QMetaType::QStringList ? value.toStringList().join(QLatin1Char(';'))
                                                                  : value.toString());
        }
    }
    return cells;
}

} // namespace sb
