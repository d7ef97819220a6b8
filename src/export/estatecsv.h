#pragma once

// The CSV of the grid across every source (All segments), for the window's File > Export and the
// command line's export --all-profiles --offline: one set of column names and one way to write a
// row's cells.

#include "core/error.h"
#include "store/segmentstore.h"

#include <QJsonObject>
#include <QStringList>

namespace sb {

// vendor, account, environment, key, name, description, tags, created, modified, last_changed:
// the grid's columns in its order, as CSV header names.
QStringList estateCsvColumns();
// Checks a --columns list: the names above, or any well-formed field path of the vendors' records.
// Returns the list, or a usage error naming the column at fault.
Result<QStringList> estateCsvColumns(const QString &spec);
// True when one of `columns` is a field of the record (the rows must then carry their records).
bool needsRecords(const QStringList &columns);
// One row's cells: tags joined by ";", times in UTC ISO 8601, a record field as the vendor's JSON
// (empty where a vendor's record has no such field).
QStringList estateCsvCells(const QStringList &columns, const EstateRow &row);

} // namespace sb
