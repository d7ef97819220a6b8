#include "sort.h"

#include "scanner_p.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace sb::ldfilter {

namespace {

class SortParser final
{
    Q_DECLARE_TR_FUNCTIONS(sb::ldfilter::SortParser)

public:
    explicit SortParser(const QString &text) : m_in(text) { }
    Result<QList<SortKey>> run(int *errorColumn);

private:
    std::optional<SortKey> parseKey();

    detail::Scanner m_in;
};

constexpr std::array<const char *, 3> kSortFields {"name", "creationDate", "lastModified"};

std::optional<SortField> sortFieldFromName(const QString &name)
{
    for (size_t i = 0; i < kSortFields.size(); ++i) {
        if (name == QLatin1String(kSortFields[i]))
            return static_cast<SortField>(i);
    }
    return std::nullopt;
}

Result<QList<SortKey>> SortParser::run(int *errorColumn)
{
    QList<SortKey> keys;
    m_in.skipSpace();
    while (!m_in.atEnd() && !m_in.failed()) {
        const qsizetype start = m_in.pos();
        const std::optional<SortKey> key = parseKey();
        if (!key)
            break;
        const bool repeated =
            std::any_of(keys.cbegin(), keys.cend(), [&](const SortKey &k) { return k.field == key->field; });
        if (repeated) {
            // Sorting twice on one field is meaningless, and the server may reject it.
            m_in.fail(start, tr("'%1' is already in the sort").arg(sortFieldName(key->field)));
            break;
        }
        keys.append(*key);
        m_in.skipSpace();
        if (m_in.atEnd())
            break;
        if (!m_in.accept(QLatin1Char(','))) {
            m_in.failExpected(m_in.pos(), tr("expected ',' or the end of the sort"));
            break;
        }
        m_in.skipSpace();
        if (m_in.atEnd())
            parseKey(); // reports the missing field after a trailing ','
    }
    if (m_in.failed()) {
        if (errorColumn)
            *errorColumn = m_in.errorColumn();
        return m_in.error();
    }
    return keys;
}

std::optional<SortKey> SortParser::parseKey()
{
    SortKey key;
    key.descending = m_in.accept(QLatin1Char('-'));
    const qsizetype pos = m_in.pos();
    const std::optional<SortField> field = sortFieldFromName(m_in.readWord());
    if (!field) {
        QStringList names;
        for (const char *name : kSortFields)
            names.append(QString::fromLatin1(name));
        m_in.failExpected(pos, tr("expected a sort field (%1)").arg(names.join(QLatin1String(", "))));
        return std::nullopt;
    }
    key.field = *field;
    return key;
}

int compareInts(qint64 a, qint64 b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}

int compareOn(SortField field, const QJsonObject &a, const QJsonObject &b)
{
    switch (field) {
    case SortField::Name: {
        const QString na = a.value(QLatin1String("name")).toString();
        const QString nb = b.value(QLatin1String("name")).toString();
        const int folded = na.compare(nb, Qt::CaseInsensitive);
        return folded != 0 ? folded : na.compare(nb);
    }
    case SortField::CreationDate:
        return compareInts(a.value(QLatin1String("creationDate")).toInteger(),
                           b.value(QLatin1String("creationDate")).toInteger());
    case SortField::LastModified:
        return compareInts(a.value(QLatin1String("lastModifiedDate")).toInteger(),
                           b.value(QLatin1String("lastModifiedDate")).toInteger());
    }
    return 0;
}

} // namespace

QString sortFieldName(SortField field)
{
    return QString::fromLatin1(kSortFields[static_cast<size_t>(field)]);
}

Result<QList<SortKey>> parseSort(const QString &text, int *errorColumn)
{
    return SortParser(text).run(errorColumn);
}

QString printSort(const QList<SortKey> &keys)
{
    QStringList parts;
    for (const SortKey &key : keys)
        parts.append((key.descending ? QStringLiteral("-") : QString()) + sortFieldName(key.field));
    return parts.join(QLatin1Char(','));
}

int compareForSort(const QList<SortKey> &keys, const QJsonObject &a, const QJsonObject &b)
{
    for (const SortKey &key : keys) {
        const int c = compareOn(key.field, a, b);
        if (c != 0)
            return key.descending ? -c : c;
    }
    return a.value(QLatin1String("key")).toString().compare(b.value(QLatin1String("key")).toString());
}

} // namespace sb::ldfilter
