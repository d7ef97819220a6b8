#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace sb {

// Reads RFC 4180 CSV as CsvWriter writes it (CRLF, or a bare LF, between records; a leading UTF-8
// BOM is skipped). A blank line is a record of one empty cell; a final line break does not start
// another record. Malformed input (an unclosed quote, text after a closing quote) is read as well
// as can be and sets *ok to false. Meant for tests and fuzzers, not for importing foreign files.
QList<QStringList> parseCsv(const QByteArray &utf8, bool *ok = nullptr);

} // namespace sb
