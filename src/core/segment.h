#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

namespace sb {

// How a column's value is typed in the vendor's record; decides display and CSV form.
enum class ValueType {
    String,
    Boolean,
    Integer,
    UnixMillis, // LaunchDarkly: integer milliseconds since the epoch
    Timestamp, // an RFC 3339 string as the vendor sent it
    StringList, // e.g. tags
    Json, // anything else, kept as compact JSON text; also the type of a field the user adds
};

// A column is one field of the vendor's record, named as the vendor names it
// ("owner.name" for nested fields). The name is also the CSV header.
struct Column
{
    QString field;
    ValueType type = ValueType::String;

    friend bool operator==(const Column &, const Column &) = default;
};

// A field path a user may add as a column (`rules`, `owner.id`): dot-separated names, none empty,
// without white space or commas (a comma separates columns on the command line). Whether the
// vendor's records have that field is not checked: a missing field is an empty cell.
bool isWellFormedFieldPath(QStringView field);

// Reads a (possibly dotted) field from a record and types it:
// QString, bool, qint64, QStringList, or an invalid QVariant for null or missing.
// ValueType::Json takes the JSON value's own type: a string, a bool, a number (qint64 when whole,
// else double), an array of strings as a QStringList, any other array or object as compact JSON.
QVariant extractValue(const QJsonObject &record, const Column &column);
// The same typing for a value already found (null and undefined give an invalid QVariant).
QVariant typedValue(const QJsonValue &value, ValueType type);

// One segment: the vendor's record as compact JSON (every field it sent, for the detail
// view) and the values of the vendor's default columns, parsed once.
struct Segment
{
    QByteArray json;
    QVariantList values;

    QJsonObject object() const;
    static Segment fromRecord(const QJsonObject &record, const QList<Column> &columns);
    // The same, keeping `rawJson` (the record's own bytes, as the vendor sent them) instead of
    // writing the record out again: a page parser that has them saves that work.
    static Segment fromRecord(const QJsonObject &record, const QList<Column> &columns, QByteArrayView rawJson);
};

// One record as a comparison reads it: its key, name and content hash (VendorApi::contentHash), and
// the record. A stored snapshot keeps the first three, so its records need no reading again.
struct ComparedRecord
{
    QString key;
    QString name;
    qint64 contentHash = 0;
    QByteArray json;
};

} // namespace sb

// A QByteArray and a QList, both relocatable: a growing list of 100,000 segments moves them with
// realloc rather than one by one.
Q_DECLARE_TYPEINFO(sb::Segment, Q_RELOCATABLE_TYPE);
