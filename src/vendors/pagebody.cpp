// Reading a page body: the records as segments, and the fields around them. The fast path
// (simdjson) reads and checks the whole body and types the columns straight from it; Qt's own
// parser reads any body the fast path refuses, so messages, and what is accepted, stay Qt's.

#include "vendorsupport.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <simdjson.h>

#include <cmath>

namespace sb::vendorsupport {

namespace {

// Finds the bytes of each element of a JSON array in an already valid JSON body: the top-level
// array when `key` is empty, else the array at `key` of the top-level object. Only a scan for
// the boundaries (strings, escapes, nesting); nullopt when the body does not have that shape or
// names `key` twice, so the caller falls back to writing each record out again.
class ElementScanner
{
public:
    explicit ElementScanner(QByteArrayView body) : m_body(body) { }

    std::optional<QList<QByteArrayView>> elements(QByteArrayView key)
    {
        skipSpace();
        if (key.isEmpty())
            return array();
        if (!take('{'))
            return std::nullopt;
        std::optional<QList<QByteArrayView>> found;
        skipSpace();
        if (take('}'))
            return std::nullopt;
        while (true) {
            skipSpace();
            const qsizetype start = m_pos + 1;
            if (peek() != '"' || !skipString())
                return std::nullopt;
            const QByteArrayView name = m_body.sliced(start, m_pos - 1 - start);
            skipSpace();
            if (!take(':'))
                return std::nullopt;
            skipSpace();
            if (name == key) {
                if (found) // a repeated key: which one the JSON parser kept is not ours to guess
                    return std::nullopt;
                found = array();
                if (!found)
                    return std::nullopt;
            } else if (!skipValue()) {
                return std::nullopt;
            }
            skipSpace();
            if (take(','))
                continue;
            if (take('}'))
                return found;
            return std::nullopt;
        }
    }

private:
    char peek() const { return m_pos < m_body.size() ? m_body.at(m_pos) : '\0'; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    void skipSpace()
    {
        while (m_pos < m_body.size()) {
            const char c = m_body.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }
    // At an opening quote: past the closing one.
    bool skipString()
    {
        ++m_pos;
        while (m_pos < m_body.size()) {
            const char c = m_body.at(m_pos);
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            ++m_pos;
            if (c == '"')
                return true;
        }
        return false;
    }
    bool skipValue()
    {
        const char first = peek();
        if (first == '"')
            return skipString();
        if (first == '{' || first == '[') {
            int depth = 0;
            while (m_pos < m_body.size()) {
                const char c = m_body.at(m_pos);
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        return true;
                }
            }
            return false;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_body.size()) {
            const char c = m_body.at(m_pos);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            ++m_pos;
        }
        return m_pos > start;
    }
    std::optional<QList<QByteArrayView>> array()
    {
        if (!take('['))
            return std::nullopt;
        QList<QByteArrayView> out;
        skipSpace();
        if (take(']'))
            return out;
        while (true) {
            skipSpace();
            const qsizetype start = m_pos;
            if (!skipValue())
                return std::nullopt;
            out.append(m_body.sliced(start, m_pos - start));
            skipSpace();
            if (take(','))
                continue;
            if (take(']'))
                return out;
            return std::nullopt;
        }
    }

    QByteArrayView m_body;
    qsizetype m_pos = 0;
};

// The translation context of the texts below (shared with vendorsupport.cpp).
struct VendorSupport
{
    Q_DECLARE_TR_FUNCTIONS(sb::VendorSupport)
};

using simdjson::dom::element;
using simdjson::dom::element_type;

QString text(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

// A number as Qt's parser and QJsonValue::toInteger see it: a whole double in qint64's range is
// an integer, anything else stays a double.
QVariant numberValue(double d)
{
    if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return QVariant::fromValue<qint64>(qint64(d));
    return QVariant(d);
}

QJsonValue toJsonValue(element e)
{
    switch (e.type()) {
    case element_type::ARRAY: {
        const simdjson::dom::array items = e.get_array().value_unsafe();
        QJsonArray array;
        for (const element item : items)
            array.append(toJsonValue(item));
        return array;
    }
    case element_type::OBJECT: {
        const simdjson::dom::object fields = e.get_object().value_unsafe();
        QJsonObject object;
        // insert() replaces: of a repeated key the last one stays, as with Qt's parser.
        for (const simdjson::dom::key_value_pair field : fields)
            object.insert(text(field.key), toJsonValue(field.value));
        return object;
    }
    case element_type::INT64:
        return QJsonValue(qint64(e.get_int64().value_unsafe()));
    case element_type::UINT64: // past qint64: Qt keeps those as doubles
        return QJsonValue(double(e.get_uint64().value_unsafe()));
    case element_type::DOUBLE:
        return QJsonValue(e.get_double().value_unsafe());
    case element_type::STRING:
        return text(e.get_string().value_unsafe());
    case element_type::BOOL:
        return QJsonValue(e.get_bool().value_unsafe());
    case element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

// The last field named `key` (Qt's parser keeps the last of a repeated key).
std::optional<element> fieldOf(simdjson::dom::object object, std::string_view key)
{
    std::optional<element> found;
    for (const simdjson::dom::key_value_pair field : object) {
        if (field.key == key)
            found = field.value;
    }
    return found;
}

// extractValue() on the parsed record, without building a QJsonObject: the same typing.
QVariant columnValue(simdjson::dom::object record, const Column &column, const QList<QByteArray> &path)
{
    simdjson::dom::object current = record;
    std::optional<element> value;
    for (qsizetype i = 0; i < path.size(); ++i) {
        value = fieldOf(current, std::string_view(path.at(i).constData(), size_t(path.at(i).size())));
        if (!value)
            return {};
        if (i + 1 < path.size()) {
            if (!value->is_object())
                return {};
            current = value->get_object().value_unsafe();
        }
    }
    switch (value->type()) {
    case element_type::STRING:
        return text(value->get_string().value_unsafe());
    case element_type::BOOL:
        return value->get_bool().value_unsafe();
    case element_type::NULL_VALUE:
        return {};
    case element_type::INT64:
        return QVariant::fromValue<qint64>(value->get_int64().value_unsafe());
    case element_type::UINT64:
        return numberValue(double(value->get_uint64().value_unsafe()));
    case element_type::DOUBLE:
        return numberValue(value->get_double().value_unsafe());
    case element_type::ARRAY:
        if (column.type == ValueType::StringList || column.type == ValueType::Json) {
            // Lists of strings (tags) are most of the arrays a column shows.
            const simdjson::dom::array array = value->get_array().value_unsafe();
            QStringList out;
            for (const element item : array) {
                if (!item.is_string())
                    return typedValue(toJsonValue(*value), column.type);
                out.append(text(item.get_string().value_unsafe()));
            }
            return out;
        }
        break;
    case element_type::OBJECT:
        break;
    }
    return typedValue(toJsonValue(*value), column.type);
}

// Each record's own bytes in the body, when the scan finds exactly `count` of them: segments keep
// those instead of a copy written out again (that was a fifth of the CPU of a listing).
std::optional<QList<QByteArrayView>> recordBytes(const QByteArray &body, const QByteArray &key, qsizetype count)
{
    std::optional<QList<QByteArrayView>> raw = ElementScanner(body).elements(key);
    if (raw && raw->size() != count)
        raw.reset();
    return raw;
}

Error notAnObject(const VendorApi &api, qsizetype index)
{
    return shapeError(api, VendorSupport::tr("record %1 is not an object").arg(index + 1));
}

// Qt's reading of the records: every element as a Segment with the vendor's columns.
Result<QList<Segment>> segmentsQt(const VendorApi &api, const QJsonArray &records, const QByteArray &body,
                                  const QString &key)
{
    const QList<Column> columns = api.columns();
    const std::optional<QList<QByteArrayView>> raw = recordBytes(body, key.toUtf8(), records.size());
    QList<Segment> segments;
    segments.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonValue record = records.at(i);
        if (!record.isObject())
            return notAnObject(api, i);
        if (raw && raw->at(i).startsWith('{'))
            segments.append(Segment::fromRecord(record.toObject(), columns, raw->at(i)));
        else
            segments.append(Segment::fromRecord(record.toObject(), columns));
    }
    return segments;
}

} // namespace

Result<PageBody> pageBodyQt(const VendorApi &api, const HttpReply &reply, const QString &recordsKey)
{
    const Result<QJsonDocument> doc = jsonBody(api, reply);
    if (!doc)
        return doc.error();
    PageBody out;
    QJsonArray records;
    if (recordsKey.isEmpty()) {
        if (!doc.value().isArray())
            return shapeError(api, VendorSupport::tr("the reply is not a list"));
        records = doc.value().array();
    } else {
        if (!doc.value().isObject())
            return shapeError(api, VendorSupport::tr("the reply is not a JSON object"));
        out.envelope = doc.value().object();
        const QJsonValue value = out.envelope.take(recordsKey);
        if (!value.isArray())
            return shapeError(api, VendorSupport::tr("'%1' is missing or not a list").arg(recordsKey));
        records = value.toArray();
    }
    Result<QList<Segment>> segments = segmentsQt(api, records, reply.body, recordsKey);
    if (!segments)
        return segments.error();
    out.segments = std::move(segments).value();
    return out;
}

Result<PageBody> pageBody(const VendorApi &api, const HttpReply &reply, const QString &recordsKey)
{
    // One parser per thread (pages may be read on several at once) keeps its buffers from page to
    // page; a rare huge body gets a parser of its own, so that its buffers go with it.
    constexpr qsizetype kKeptParserBytes = 4 * 1024 * 1024;
    thread_local simdjson::dom::parser kept;
    std::optional<simdjson::dom::parser> own;
    simdjson::dom::parser &parser = reply.body.size() <= kKeptParserBytes ? kept : own.emplace();
    element root;
    if (reply.body.trimmed().isEmpty()
        || parser.parse(reply.body.constData(), size_t(reply.body.size())).get(root) != simdjson::SUCCESS
        || !(root.is_array() || root.is_object())) {
        return pageBodyQt(api, reply, recordsKey);
    }

    PageBody out;
    const QByteArray key = recordsKey.toUtf8();
    const std::string_view keyView(key.constData(), size_t(key.size()));
    std::optional<element> records;
    if (key.isEmpty()) {
        if (!root.is_array())
            return shapeError(api, VendorSupport::tr("the reply is not a list"));
        records = root;
    } else {
        if (!root.is_object())
            return shapeError(api, VendorSupport::tr("the reply is not a JSON object"));
        const simdjson::dom::object fields = root.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : fields) {
            if (field.key != keyView) {
                out.envelope.insert(text(field.key), toJsonValue(field.value));
            } else if (records) {
                // Which of a repeated records key counts is the reference parser's to say.
                return pageBodyQt(api, reply, recordsKey);
            } else {
                records = field.value;
            }
        }
        if (!records || !records->is_array())
            return shapeError(api, VendorSupport::tr("'%1' is missing or not a list").arg(recordsKey));
    }

    const simdjson::dom::array array = records->get_array().value_unsafe();
    const QList<Column> columns = api.columns();
    QList<QList<QByteArray>> paths;
    paths.reserve(columns.size());
    for (const Column &c : columns)
        paths.append(c.field.toUtf8().split('.'));
    const std::optional<QList<QByteArrayView>> raw = recordBytes(reply.body, key, qsizetype(array.size()));

    out.segments.reserve(qsizetype(array.size()));
    qsizetype i = 0;
    for (const element record : array) {
        if (!record.is_object())
            return notAnObject(api, i);
        Segment segment;
        if (raw && raw->at(i).startsWith('{')) {
            segment.json = raw->at(i).toByteArray();
        } else {
            segment.json = QJsonDocument(toJsonValue(record).toObject()).toJson(QJsonDocument::Compact);
            segment.json.squeeze();
        }
        const simdjson::dom::object object = record.get_object().value_unsafe();
        segment.values.reserve(columns.size());
        for (qsizetype c = 0; c < columns.size(); ++c)
            segment.values.append(columnValue(object, columns.at(c), paths.at(c)));
        out.segments.append(std::move(segment));
        ++i;
    }
    return out;
}

} // namespace sb::vendorsupport
