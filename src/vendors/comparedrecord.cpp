#include "comparedrecord.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <QScopeGuard>

#include <algorithm>
#include <charconv>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

namespace sb {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Writes values exactly as QJsonDocument::toJson(Compact) writes what Qt's parser read from the
// same text; false where it cannot be sure of that (then Qt reads the record).
class CompactWriter
{
public:
    explicit CompactWriter(QByteArray &out) : m_out(out) { }

    bool value(element e)
    {
        switch (e.type()) {
        case element_type::OBJECT:
            return object(e.get_object().value_unsafe(), {});
        case element_type::ARRAY: {
            m_out += '[';
            bool first = true;
            const simdjson::dom::array items = e.get_array().value_unsafe();
            for (const element item : items) {
                if (!first)
                    m_out += ',';
                first = false;
                if (!value(item))
                    return false;
            }
            m_out += ']';
            return true;
        }
        case element_type::STRING:
            return string(e.get_string().value_unsafe());
        case element_type::INT64:
            // Qt reads a number without '.' or exponent that fits in 64 bits as an integer.
            {
                char digits[24];
                const auto written = std::to_chars(digits, digits + sizeof digits, e.get_int64().value_unsafe());
                m_out.append(digits, qsizetype(written.ptr - digits));
                return true;
            }
        case element_type::UINT64:
        case element_type::DOUBLE:
            // Beyond 64 bits, fractions, exponents, -0: Qt's own reading decides.
            return false;
        case element_type::BOOL:
            m_out += e.get_bool().value_unsafe() ? "true" : "false";
            return true;
        case element_type::NULL_VALUE:
            m_out += "null";
            return true;
        }
        return false;
    }

    // An object's members in Qt's order (keys sorted); `only`, when not empty: just those keys,
    // and none whose value is null (VendorApi::content()).
    bool object(simdjson::dom::object o, const std::vector<std::string_view> &only)
    {
        // One list of members per depth, kept from record to record (a deque: growing it leaves
        // the outer levels' lists where they are).
        thread_local std::deque<std::vector<std::pair<std::string_view, element>>> depths;
        if (depths.size() <= m_depth)
            depths.resize(m_depth + 1);
        std::vector<std::pair<std::string_view, element>> &members = depths[m_depth];
        members.clear();
        ++m_depth;
        const auto leave = qScopeGuard([this] { --m_depth; });
        for (const simdjson::dom::key_value_pair member : o) {
            // Keys plain ASCII that need no escape: their order is Qt's (UTF-16) order.
            for (const char c : member.key) {
                if (uchar(c) < 0x20 || uchar(c) >= 0x7f || c == '"' || c == '\\')
                    return false;
            }
            if (!only.empty() && std::find(only.cbegin(), only.cend(), member.key) == only.cend())
                continue;
            members.emplace_back(member.key, member.value);
        }
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        // A key twice (null or not: Qt keeps the last): which one counts is Qt's to say.
        for (size_t i = 1; i < members.size(); ++i) {
            if (members[i].first == members[i - 1].first)
                return false;
        }
        m_out += '{';
        bool first = true;
        for (size_t i = 0; i < members.size(); ++i) {
            // VendorApi::content() leaves out a null content field.
            if (!only.empty() && members[i].second.type() == element_type::NULL_VALUE)
                continue;
            if (!first)
                m_out += ',';
            first = false;
            m_out += '"';
            m_out.append(members[i].first.data(), qsizetype(members[i].first.size()));
            m_out += "\":";
            if (!value(members[i].second))
                return false;
        }
        m_out += '}';
        return true;
    }

private:
    bool string(std::string_view s)
    {
        m_out += '"';
        // UTF-8 as simdjson checked it, as Qt writes it, in runs between the characters to escape.
        size_t run = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            const uchar c = uchar(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            // Control characters have several spellings; Qt's is Qt's to write.
            if (c < 0x20)
                return false;
            m_out.append(s.data() + run, qsizetype(i - run));
            m_out += '\\';
            run = i;
        }
        m_out.append(s.data() + run, qsizetype(s.size() - run));
        m_out += '"';
        return true;
    }

    QByteArray &m_out;
    size_t m_depth = 0;
};

QString textOf(element e)
{
    if (e.type() != element_type::STRING)
        return {};
    const std::string_view s = e.get_string().value_unsafe();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A vendor's field names as bytes, read once per thread and vendor (not once per record).
struct Fields
{
    std::vector<std::string> content; // in contentFields() order
    std::vector<std::string_view> contentViews;
    std::string key;
    std::string name;
};

const Fields &fieldsOf(const VendorApi &api)
{
    thread_local const VendorApi *cachedFor = nullptr;
    thread_local Fields cached;
    if (cachedFor != &api) {
        cached = {};
        for (const QString &f : api.contentFields())
            cached.content.push_back(f.toStdString());
        for (const std::string &f : cached.content)
            cached.contentViews.emplace_back(f);
        cached.key = api.keyField().toStdString();
        cached.name = api.nameField().toStdString();
        cachedFor = &api;
    }
    return cached;
}

// The record read by `parser` (whose buffers it lives in), when the writer may read it at all.
std::optional<simdjson::dom::object> parsed(simdjson::dom::parser &parser, const QByteArray &json)
{
    // A \u escape might stand for what Qt reads otherwise (a lone surrogate); the short escapes
    // stand for one character each, which the writer spells as Qt does or leaves to Qt.
    if (json.contains("\\u"))
        return std::nullopt;
    element root;
    if (parser.parse(json.constData(), size_t(json.size())).get(root) != simdjson::SUCCESS
        || root.type() != element_type::OBJECT)
        return std::nullopt;
    return root.get_object().value_unsafe();
}

// Each content field's value written out (empty: missing or null), in contentFields() order.
std::optional<QList<QByteArray>> contentValues(const VendorApi &api, simdjson::dom::object record)
{
    const std::vector<std::string_view> &fields = fieldsOf(api).contentViews;
    QList<QByteArray> out(qsizetype(fields.size()));
    QList<bool> seen(qsizetype(fields.size()), false);
    for (const simdjson::dom::key_value_pair member : record) {
        for (qsizetype i = 0; i < qsizetype(fields.size()); ++i) {
            if (fields[size_t(i)] != member.key)
                continue;
            if (seen.at(i))
                return std::nullopt; // a field twice: Qt's to say which counts
            seen[i] = true;
            if (member.value.type() != element_type::NULL_VALUE && !CompactWriter(out[i]).value(member.value))
                return std::nullopt;
        }
    }
    return out;
}

std::optional<ComparedRecord> fast(const VendorApi &api, const QByteArray &json)
{
    thread_local simdjson::dom::parser parser;
    const std::optional<simdjson::dom::object> read = parsed(parser, json);
    if (!read)
        return std::nullopt;
    const simdjson::dom::object record = *read;

    const Fields &fields = fieldsOf(api);
    ComparedRecord out;
    out.json = json;
    QByteArray content;
    content.reserve(json.size());
    CompactWriter writer(content);
    if (!writer.object(record, fields.contentViews))
        return std::nullopt;
    // Key and name as QJsonObject::value(...).toString() gives them: of a field given twice, the
    // last, as Qt's parser keeps it.
    for (const simdjson::dom::key_value_pair member : record) {
        if (member.key == fields.key)
            out.key = textOf(member.value);
        if (member.key == fields.name)
            out.name = textOf(member.value);
    }
    out.contentHash = VendorApi::contentHashOfBytes(content);
    return out;
}

} // namespace

ComparedRecord comparedRecordQt(const VendorApi &api, const QByteArray &json)
{
    const QJsonObject record = QJsonDocument::fromJson(json).object();
    return {api.recordKey(record), api.recordName(record), api.contentHash(record), json};
}

QStringList changedContentFields(const VendorApi &api, const QByteArray &before, const QByteArray &after)
{
    thread_local simdjson::dom::parser parserA;
    thread_local simdjson::dom::parser parserB;
    const std::optional<simdjson::dom::object> a = parsed(parserA, before);
    const std::optional<simdjson::dom::object> b = a ? parsed(parserB, after) : std::nullopt;
    const std::optional<QList<QByteArray>> valuesA = b ? contentValues(api, *a) : std::nullopt;
    const std::optional<QList<QByteArray>> valuesB = valuesA ? contentValues(api, *b) : std::nullopt;
    if (!valuesB) {
        return api.changedContentFields(QJsonDocument::fromJson(before).object(),
                                        QJsonDocument::fromJson(after).object());
    }
    const QStringList fields = api.contentFields();
    QStringList changed;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (valuesA->at(i) != valuesB->at(i))
            changed.append(fields.at(i));
    }
    return changed;
}

ComparedRecord comparedRecord(const VendorApi &api, const QByteArray &json, bool *fastPath)
{
    std::optional<ComparedRecord> read = fast(api, json);
    if (fastPath)
        *fastPath = read.has_value();
    if (read)
        return *std::move(read);
    return comparedRecordQt(api, json);
}

} // namespace sb
