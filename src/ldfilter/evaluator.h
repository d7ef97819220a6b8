#pragma once

#include "ldfilter/filter.h"

#include <QJsonObject>

namespace sb::ldfilter {

// Whether a LaunchDarkly segment record (as "List segments" returns it) passes the filter.
// The sandbox server filters with this, so these are the semantics this program assumes:
//   query equals "s"         s is a case-insensitive substring of key, name or description
//                            ("" matches every segment); a list: any of its strings does
//   tags anyOf [..]          the segment has at least one of the tags (exact, case-sensitive)
//   includedKeys anyOf [..]  the segment's key is in the list
//   excludedKeys anyOf [..]  the segment's key is not in the list
//   unbounded equals b       the record's `unbounded` (false when absent) equals b
//   external exists b        the record has a non-empty string `_external` exactly when b
// An empty list matches nothing (for excludedKeys: excludes nothing). The empty filter, and
// any group without children, puts no constraint. A term that is not valid (see isValid)
// matches nothing.
bool matches(const Filter &filter, const QJsonObject &record);
bool matches(const Term &term, const QJsonObject &record);

} // namespace sb::ldfilter
