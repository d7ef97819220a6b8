#include "csvwriter.h"

#include "core/error.h"

#include <QDate>
#include <QFileDevice>
#include <QIODevice>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

#include <unistd.h>

namespace sb {

namespace {

constexpr qint64 kMsPerDay = 86'400'000;
constexpr qint64 kUnixEpochJulianDay = 2'440'588;
// 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the span a four-digit RFC 3339 year covers.
constexpr qint64 kMinRfc3339Ms = -62'135'596'800'000;
constexpr qint64 kMaxRfc3339Ms = 253'402'300'799'999;

// Room for any 64-bit integer, shortest double or "YYYY-MM-DDTHH:MM:SS.mmmZ".
using AsciiBuffer = std::array<char, 32>;

// The text of one cell. Text this file formats (numbers, booleans, timestamps) is ASCII without
// any character that needs quoting; text from the vendor may hold anything and gets the guard.
struct CellText
{
    QLatin1StringView ascii;
    QStringView vendorText;
    bool fromVendor = false;

    static CellText ours(QLatin1StringView text) { return {text, {}, false}; }
    static CellText vendors(QStringView text) { return {{}, text, true}; }
};

template<typename Integer> QLatin1StringView formatNumber(Integer value, AsciiBuffer &buf)
{
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    return QLatin1StringView(buf.data(), result.ptr - buf.data());
}

char *putDigits(char *out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

// By hand rather than through QDateTime: no time zone machinery per cell, and the exact form
// RFC 3339 wants (always three fraction digits, `Z`).
QLatin1StringView formatUnixMillis(qint64 ms, AsciiBuffer &buf)
{
    if (ms < kMinRfc3339Ms || ms > kMaxRfc3339Ms)
        return formatNumber(ms, buf); // a number loses nothing; a five-digit year is not RFC 3339
    qint64 days = ms / kMsPerDay;
    qint64 msOfDay = ms % kMsPerDay;
    if (msOfDay < 0) { // division truncates toward zero; days before 1970 need the floor
        msOfDay += kMsPerDay;
        --days;
    }
    const QDate date = QDate::fromJulianDay(kUnixEpochJulianDay + days);
    char *p = buf.data();
    p = putDigits(p, date.year(), 4);
    *p++ = '-';
    p = putDigits(p, date.month(), 2);
    *p++ = '-';
    p = putDigits(p, date.day(), 2);
    *p++ = 'T';
    p = putDigits(p, msOfDay / 3'600'000, 2);
    *p++ = ':';
    p = putDigits(p, msOfDay / 60'000 % 60, 2);
    *p++ = ':';
    p = putDigits(p, msOfDay / 1000 % 60, 2);
    *p++ = '.';
    p = putDigits(p, msOfDay % 1000, 3);
    *p++ = 'Z';
    return QLatin1StringView(buf.data(), p - buf.data());
}

// `scratch` holds joined lists and other converted text, so the caller decides how long it lives.
CellText formatCell(const QVariant &value, ValueType type, AsciiBuffer &buf, QString &scratch)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return CellText::ours({});
    case QMetaType::Bool:
        return CellText::ours(value.toBool() ? QLatin1StringView("true") : QLatin1StringView("false"));
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong: {
        const qint64 v = value.toLongLong();
        return CellText::ours(type == ValueType::UnixMillis ? formatUnixMillis(v, buf) : formatNumber(v, buf));
    }
    case QMetaType::ULongLong:
        return CellText::ours(formatNumber(value.toULongLong(), buf));
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (type == ValueType::UnixMillis && std::trunc(d) == d && d >= double(kMinRfc3339Ms)
            && d <= double(kMaxRfc3339Ms))
            return CellText::ours(formatUnixMillis(qint64(d), buf));
        return CellText::ours(formatNumber(d, buf)); // shortest text that reads back as the same double
    }
    case QMetaType::QString:
        return CellText::vendors(*static_cast<const QString *>(value.constData()));
    case QMetaType::QStringList: {
        const auto &items = *static_cast<const QStringList *>(value.constData());
        scratch.truncate(0); // keeps the capacity, unlike clear()
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                scratch.append(QLatin1Char(';'));
            scratch.append(items.at(i));
        }
        return CellText::vendors(scratch);
    }
    default:
        scratch = value.toString();
        return CellText::vendors(scratch);
    }
}

bool isDecimalNumber(QStringView text)
{
    qsizetype i = 0;
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < text.size() && text.at(i) >= QLatin1Char('0') && text.at(i) <= QLatin1Char('9'))
            ++i;
        return i > start;
    };
    if (!digits())
        return false;
    if (i < text.size() && text.at(i) == QLatin1Char('.')) {
        ++i;
        if (!digits())
            return false;
    }
    return i == text.size();
}

bool needsQuoting(QStringView text)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case ',':
        case '"':
        case '\r':
        case '\n':
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace

QString csvValue(const QVariant &value, ValueType type)
{
    if (value.typeId() == QMetaType::QString)
        return value.toString(); // shares the string instead of copying it
    AsciiBuffer buf;
    QString scratch;
    const CellText cell = formatCell(value, type, buf, scratch);
    return cell.fromVendor ? cell.vendorText.toString() : QString(cell.ascii);
}

bool needsFormulaGuard(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
        return true;
    case '+':
    case '-':
        return !isDecimalNumber(cell.sliced(1));
    default:
        return false;
    }
}

CsvWriter::CsvWriter(QIODevice *device, const CsvOptions &options) : m_device(device), m_options(options)
{
    // Written to a terminal (standard output, /dev/tty): its control characters are shown, for
    // every writer of CSV alike.
    if (const auto *file = qobject_cast<QFileDevice *>(device); file && file->handle() >= 0 && ::isatty(file->handle()))
        m_options.visibleControls = true;
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    if (!startRecord())
        return false;
    for (const QString &cell : cells)
        appendField(cell);
    return finishRecord();
}

bool CsvWriter::writeHeader(const QList<int> &columnIndexes, const QList<Column> &columns)
{
    if (!startRecord())
        return false;
    for (const int i : columnIndexes)
        appendField(i >= 0 && i < columns.size() ? QStringView(columns.at(i).field) : QStringView());
    return finishRecord();
}

bool CsvWriter::writeSegment(const Segment &segment, const QList<int> &columnIndexes, const QList<Column> &columns)
{
    if (!startRecord())
        return false;
    std::optional<QJsonObject> record; // parsed once, and only when an extra column needs it
    for (const int i : columnIndexes) {
        if (const auto derived = m_derived.constFind(i); derived != m_derived.cend()) {
            if (!record)
                record = segment.object();
            appendValue((*derived)(*record), i < columns.size() ? columns.at(i).type : ValueType::String);
        } else if (i >= 0 && i < segment.values.size()) {
            appendValue(segment.values.at(i), i < columns.size() ? columns.at(i).type : ValueType::String);
        } else if (i >= 0 && i < columns.size()) {
            if (!record)
                record = segment.object();
            appendValue(extractValue(*record, columns.at(i)), columns.at(i).type);
        } else {
            appendValue(QVariant(), ValueType::String);
        }
    }
    return finishRecord();
}

bool CsvWriter::startRecord()
{
    if (!m_error.isEmpty())
        return false; // the file is already incomplete; writing on would hide that
    if (!m_device || !m_device->isWritable()) {
        m_error = tr("Could not write the CSV data: the file is not open for writing.");
        return false;
    }
    m_line.truncate(0); // keeps the capacity
    m_fieldsInRecord = 0;
    if (!m_started && m_options.bom)
        m_line.append("\xEF\xBB\xBF");
    m_recordStart = m_line.size();
    return true;
}

bool CsvWriter::finishRecord()
{
    // A lone empty cell would make a blank line, which many readers skip: quote it instead.
    if (m_fieldsInRecord == 1 && m_line.size() == m_recordStart)
        m_line.append("\"\"");
    m_line.append("\r\n");
    // The pointer overload copies into the device's buffer; the QByteArray one may keep a shared
    // reference to a long line, and reusing m_line would then allocate again.
    errno = 0;
    const qint64 written = m_device->write(m_line.constData(), m_line.size());
    if (written != m_line.size()) {
        // Qt 6.4 loses the reason of a failed buffered write ("Unknown error"): the system's own
        // words ("No space left on device") are still in errno.
        const int why = errno;
        QString reason = m_device->errorString();
        if (why != 0 && (reason.isEmpty() || reason == QLatin1String("Unknown error")))
            reason = QString::fromLocal8Bit(std::strerror(why));
        m_error =
            reason.isEmpty() ? tr("Could not write the CSV data.") : tr("Could not write the CSV data: %1").arg(reason);
        return false;
    }
    m_started = true;
    return true;
}

void CsvWriter::appendField(QStringView text)
{
    if (m_fieldsInRecord++ > 0)
        m_line.append(',');
    QString shown;
    if (m_options.visibleControls && std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.unicode() < 0x20 || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        })) {
        shown = visibleText(text);
        text = shown;
    }
    const bool quoted = needsQuoting(text);
    if (quoted)
        m_line.append('"');
    if (m_options.formulaGuard && needsFormulaGuard(text))
        m_line.append('\'');
    qsizetype from = 0;
    if (quoted) {
        for (qsizetype q = text.indexOf(QLatin1Char('"')); q >= 0; q = text.indexOf(QLatin1Char('"'), from)) {
            appendUtf8(text.sliced(from, q + 1 - from));
            m_line.append('"'); // doubles the quote just written
            from = q + 1;
        }
    }
    appendUtf8(text.sliced(from));
    if (quoted)
        m_line.append('"');
}

void CsvWriter::appendValue(const QVariant &value, ValueType type)
{
    AsciiBuffer buf;
    const CellText cell = formatCell(value, type, buf, m_scratch);
    if (cell.fromVendor) {
        appendField(cell.vendorText);
        return;
    }
    if (m_fieldsInRecord++ > 0)
        m_line.append(',');
    m_line.append(cell.ascii.data(), cell.ascii.size());
}

void CsvWriter::appendUtf8(QStringView text)
{
    if (text.isEmpty())
        return;
    const qsizetype old = m_line.size();
    m_line.resize(old + m_encoder.requiredSpace(text.size()));
    char *end = m_encoder.appendToBuffer(m_line.data() + old, text);
    m_line.truncate(end - m_line.constData());
}

} // namespace sb
