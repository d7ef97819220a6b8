#pragma once

#include "ldfilter/filter.h"

#include <QByteArray>

namespace sb::ldfilter {

// The canonical text of a filter: print(normalized(f)), in one spacing style:
//   tags anyOf ["enterprise","beta"],(query equals "toggle"|unbounded equals true)|external exists true
// One space between field, operator and value, none anywhere else. Parentheses only where
// an OR sits inside an AND (',' binds tighter than '|', so nothing else needs them).
// `external exists` is always written with its value. Strings are JSON string literals (see
// quoteString). The empty filter prints as the empty string.
// For every valid AST a: parse(print(a)) == normalized(a).
QString print(const Filter &filter);
QString print(const Term &term);

// A JSON string literal: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX,
// and lone surrogates as \uXXXX (so the text stays valid UTF-16 and survives UTF-8).
// Everything else, including non-ASCII, is written as itself.
QString quoteString(const QString &text);

// Percent-encodes filter (or sort) text for the query string: everything but RFC 3986's
// unreserved characters (A-Z a-z 0-9 - . _ ~) becomes %XX of its UTF-8 bytes, so `[` `]` `"` `,`
// `|` `+` `&` `=` and spaces all arrive as written. Ready for QUrl::setQuery(..., QUrl::StrictMode).
QByteArray encodeForQuery(const QString &filterText);

} // namespace sb::ldfilter
