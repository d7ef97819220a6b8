#pragma once

#include "core/result.h"
#include "ldfilter/filter.h"

namespace sb::ldfilter {

// Reads filter text (grammar in filter.h) into its canonical AST.
// Empty or all-whitespace text is the empty filter, which matches everything.
// `external exists` may leave out its value; it then means `external exists true`.
// On bad input: an Error of kind Usage whose message reads "column N: expected ...", where N
// is 1-based and counts characters; *errorColumn (when given) receives N.
Result<Filter> parse(const QString &text, int *errorColumn = nullptr);

} // namespace sb::ldfilter
