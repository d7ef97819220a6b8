#pragma once

// What SegmentStore and SyncWriter share: a query that reports its own failure, and the few
// conversions between Qt's values and the store's columns. Not part of the store's interface.

#include "core/error.h"
#include "core/logging.h"
#include "core/segment.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <utility>

namespace sb::storesql {

// Qt binds a null QString as SQL NULL; an empty environment is '' in the store.
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// FNV-1a, 64 bits: the same in every process and on every machine (qHash is seeded per process).
inline qint64 bytesHash(const QByteArray &bytes)
{
    quint64 h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    return qint64(h);
}

inline qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

// A time that may be unknown: NULL in the store.
inline QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

// Records handed on `chunk` at a time, as the comparison's readers take them; finish() hands on
// the rest. An error from `each` stops it.
class Chunks
{
public:
    Chunks(qsizetype chunk, const std::function<Error(const QList<ComparedRecord> &)> &each)
        : m_chunk(chunk), m_each(each)
    { }
    Error add(ComparedRecord record)
    {
        m_records.append(std::move(record));
        if (m_records.size() < m_chunk)
            return {};
        const Error e = m_each(m_records);
        m_records.clear();
        return e;
    }
    Error finish() { return m_records.isEmpty() ? Error() : m_each(std::exchange(m_records, {})); }

private:
    qsizetype m_chunk;
    const std::function<Error(const QList<ComparedRecord> &)> &m_each;
    QList<ComparedRecord> m_records;
};

// A query on `db` that reports its own failure as a storage error.
class Sql
{
public:
    // Forward only on SQLite, where rows are read as they are stepped to. Qt's PostgreSQL driver
    // reads a forward-only result row by row too, but then no other query of the connection may
    // run until it is done, and the store's reads look up dictionaries and older records as they
    // go: there the result is read whole first.
    explicit Sql(const QSqlDatabase &db) : m_query(db)
    {
        m_query.setForwardOnly(db.driverName() != QLatin1String("QPSQL"));
    }

    bool prepare(const QString &sql) { return m_query.prepare(sql); }
    Sql &bind(const QString &name, const QVariant &value)
    {
        m_query.bindValue(name, value);
        return *this;
    }
    Sql &bind(int position, const QVariant &value)
    {
        m_query.bindValue(position, value);
        return *this;
    }
    bool exec()
    {
        const bool ok = m_query.exec();
        if (!ok)
            qCDebug(lcStore).noquote() << "failed:" << m_query.lastQuery() << m_query.lastError().text();
        return ok;
    }
    bool exec(const QString &sql) { return m_query.exec(sql); }
    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    QSqlError error() const { return m_query.lastError(); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }
    int affected() const { return m_query.numRowsAffected(); }

private:
    QSqlQuery m_query;
};

} // namespace sb::storesql
