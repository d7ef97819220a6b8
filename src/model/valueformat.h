#pragma once

#include "core/segment.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace sb {

// An RFC 3339 timestamp as the vendors send it ("2026-01-01T00:00:00Z",
// "2020-01-01T00:00:00.000000Z", "+02:00" offsets). Invalid QDateTime when it is not one.
QDateTime parseTimestamp(const QString &text);

// What the table shows: timestamps in local time, lists joined, booleans as words.
QString displayText(const QVariant &value, ValueType type);
// What the tooltip adds: timestamps in UTC; empty where the cell says it all.
QString toolTipText(const QVariant &value, ValueType type);

} // namespace sb
