#pragma once

#include <QHash>
#include <QJsonObject>

#include <functional>

#include "core/segment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringConverter>
#include <QStringList>
#include <QVariant>

class QIODevice;

namespace sb {

struct CsvOptions
{
    // A UTF-8 byte order mark first, for spreadsheet programs that guess the encoding otherwise.
    bool bom = false;
    // Prefix vendor text that a spreadsheet would run as a formula with a `'` (see needsFormulaGuard).
    bool formulaGuard = true;
    // Control characters in cells (ESC, NUL, a carriage return…) written as \xNN (visibleText()):
    // for CSV shown in a terminal, where they would steer it; always so when the device is one. A file keeps the
    // vendor's text exactly, control characters included: it is data, and a program reading it gets what the vendor
    // holds.
    bool visibleControls = false;
};

// The text of one cell, before quoting and before the formula guard:
// null or missing (invalid QVariant) -> empty; booleans `true`/`false`; integers in decimal;
// ValueType::UnixMillis -> RFC 3339 UTC with milliseconds (`2025-01-01T00:00:00.000Z`), or the
// plain number when it falls outside the years 0001-9999 that RFC 3339 can write;
// string lists joined with `;` in their order; strings (and the vendors' own timestamp strings) as
// they are. `value` is what sb::extractValue returns for a column of that type.
QString csvValue(const QVariant &value, ValueType type);

// True when a spreadsheet would treat the cell as a formula: it begins with `=`, `+`, `-`, `@`,
// TAB or CR, and is not a plain decimal number. A decimal number here is an optional sign, ASCII
// digits, and optionally a `.` followed by more digits (`-12`, `+3.5`, `-0.25`); anything else,
// exponents such as `-1e5` included, is guarded, which costs at most a number shown as text.
bool needsFormulaGuard(QStringView cell);

// Writes RFC 4180 CSV to any open QIODevice (a QSaveFile for exports, a QBuffer in tests):
// comma separated, a field quoted only when it holds a comma, quote, CR or LF (quotes doubled),
// every record ended by CRLF, UTF-8. Each record is built in one reused buffer and handed to the
// device with one write, so a long export does not allocate per cell.
//
// A write that fails (device closed, read-only, full) makes that call and every later call return
// false, and errorString() says why, so an export can stop cleanly. A buffered device (QFile,
// QSaveFile) may only find a full disk when flushed or committed: the caller checks that too.
// Text that is not valid UTF-16 (a lone surrogate) is written as U+FFFD, so the output is always
// valid UTF-8.
//
// The formula guard applies to text that came from the vendor (strings, tag lists, timestamp
// strings, unexpected JSON), to header names and to writeRow's cells; never to the numbers,
// booleans and timestamps this writer formats itself.
class CsvWriter final
{
    Q_DECLARE_TR_FUNCTIONS(sb::CsvWriter)

public:
    explicit CsvWriter(QIODevice *device, const CsvOptions &options = {});

    // One record of text cells, e.g. a header. A record of one empty cell is written as `""` so
    // that it is not a blank line (which some readers skip); no cells at all give a blank line.
    bool writeRow(const QStringList &cells);
    // The header row: the field names of columns[i] for each i of columnIndexes, in that order.
    bool writeHeader(const QList<int> &columnIndexes, const QList<Column> &columns);
    // One record from segment.values[i] typed by columns[i], for each i of columnIndexes.
    // `columns` are the columns segment.values were extracted with (Segment::fromRecord), then any
    // extra fields the user asked for (ValueType::Json, see extractValue): a column past the end
    // of segment.values is read from segment.json, so it needs no second page walk.
    // An index out of range of `columns` gives an empty cell.
    bool writeSegment(const Segment &segment, const QList<int> &columnIndexes, const QList<Column> &columns);

    // A cell the record does not hold but the program knows (LaunchDarkly's flags using the
    // segment): a function of the record, for the column at that index of writeSegment's `columns`.
    using DerivedCell = std::function<QVariant(const QJsonObject &record)>;
    void setDerived(const QHash<int, DerivedCell> &derived) { m_derived = derived; }

    // Empty until a write has failed.
    QString errorString() const { return m_error; }

private:
    bool startRecord();
    bool finishRecord();
    void appendField(QStringView text); // guarded and quoted as needed
    void appendValue(const QVariant &value, ValueType type);
    void appendUtf8(QStringView text);

    QIODevice *m_device;
    CsvOptions m_options;
    QHash<int, DerivedCell> m_derived;
    QByteArray m_line; // the record being built; reused so its capacity is kept
    QString m_scratch; // joined tag lists; reused for the same reason
    // Stateless: a lone surrogate at the end of one cell must not pair with the next cell's text.
    QStringEncoder m_encoder {QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    bool m_started = false; // the BOM, when asked for, goes before the first record only
    qsizetype m_recordStart = 0;
    int m_fieldsInRecord = 0;
    QString m_error;
};

} // namespace sb
