#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sb::ldfilter {

// LaunchDarkly's `sort` parameter for segments: comma-separated fields, each optionally
// prefixed with `-` for descending, e.g. `-name,creationDate`. Whitespace around keys is allowed.
enum class SortField {
    Name, // "name": the segment's name
    CreationDate, // "creationDate": the record's creationDate (Unix ms)
    LastModified, // "lastModified": the record's lastModifiedDate (Unix ms)
};

struct SortKey
{
    SortField field = SortField::Name;
    bool descending = false;

    friend bool operator==(const SortKey &, const SortKey &) = default;
};

QString sortFieldName(SortField field);

// Empty or all-whitespace text is no sort keys. A field may appear once.
// Errors as parse(): kind Usage, "column N: expected ...", *errorColumn = N.
Result<QList<SortKey>> parseSort(const QString &text, int *errorColumn = nullptr);

// Canonical text: keys joined by ',' with no spaces, `-` for descending. parseSort(printSort(k)) == k.
QString printSort(const QList<SortKey> &keys);

// Orders two segment records: by each key in turn, then by `key` ascending, so the order is
// total and a sort with it is reproducible. Names compare case-insensitively first, then
// exactly; dates as integers (a missing one counts as 0). Negative, 0 or positive like strcmp.
int compareForSort(const QList<SortKey> &keys, const QJsonObject &a, const QJsonObject &b);

} // namespace sb::ldfilter
