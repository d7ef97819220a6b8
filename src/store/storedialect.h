#pragma once

// Where SQLite and PostgreSQL differ, in one place: the store's SQL is written once, and the few
// things the two say differently (column types, how a write transaction starts, case-blind order,
// full-text search, the schema's version, the per-profile lock) come from here. Not part of the
// store's interface.

#include <QString>
#include <QStringList>
#include <QVariant>
#include <Qt>

#include <limits>

namespace sb::storesql {

class Dialect
{
public:
    enum class Kind { Sqlite, PostgreSql };

    static const Dialect &of(Kind kind);

    Kind kind() const { return m_kind; }
    bool isSqlite() const { return m_kind == Kind::Sqlite; }
    QString driver() const; // Qt SQL's driver: QSQLITE, QPSQL

    // A statement with the type words in braces replaced: {id} a generated key, {serial} one never
    // given twice, {int} a 64-bit integer, {real} a double, {blob} bytes, {search} the column that
    // the full-text search reads on PostgreSQL (nothing on SQLite, whose FTS5 table reads the text).
    QString sql(const char *statement) const;
    // The schema a new store is made with, at SegmentStore::schemaVersion, with its search index.
    QStringList currentSchema() const;
    // The search index and what keeps it (part of currentSchema(); also the step of an old SQLite
    // file that had none).
    QStringList searchSchema() const;
    // What brings a store of `version` (4 or later) to SegmentStore::schemaVersion.
    QStringList stepsAfter(int version) const;

    // How a transaction that writes starts: on SQLite it takes the file's write lock at once.
    QString beginWrite() const;
    // `expr` in an order without case (ASCII), and in the same byte order as SQLite's.
    QString caseless(const QString &expr) const;
    QString ordered(const QString &expr) const; // `expr` in byte order
    // True when `line` is one of the lines of `lines` (both SQL expressions).
    QString hasLine(const QString &lines, const QString &line) const;
    // "WHERE 1" is SQLite only.
    QString always() const { return QStringLiteral("1 = 1"); }
    // After a column's direction in ORDER BY: where NULL goes, as SQLite puts it (smallest: first
    // ascending, last descending); PostgreSQL takes NULL as the largest.
    QString nullsAsSqlite(Qt::SortOrder order) const;
    // A LIMIT of every row.
    static qint64 noLimit() { return std::numeric_limits<qint64>::max(); }

    // Search: the FROM and WHERE of the segments (g) and their sources (s) that hold every word
    // of `words` (estateWords()) as the start of one of theirs, with one value to bind.
    QString searchFrom() const;
    QVariant searchValue(const QStringList &words) const;
    // The column that orders matches as the search index gives them (the segment's id).
    QString searchOrder() const;
    // The words a segment is found by, as the segment table keeps them (PostgreSQL: one text of
    // words for the staging table, which the store turns into its tsvector); null on SQLite.
    QVariant searchWords(const QStringList &texts) const;
    // The segment table's search column and, from the staging table's `words`, its value: ", search"
    // and ", <expression>"; empty on SQLite.
    QString searchColumn() const;
    QString searchFromStaging() const;

    // After a sync that wrote many rows: PostgreSQL's planner needs fresh statistics of the words
    // (the first page of a search is otherwise read whole and sorted, 100 times slower), and
    // autovacuum comes when it comes. Nothing on SQLite.
    QStringList afterLargeWrite() const;

    // Whether a failure's native code says the store is locked, full or gone: then it cannot
    // take the record of that failure either.
    bool refusesWrites(const QString &nativeCode) const;

private:
    explicit Dialect(Kind kind) : m_kind(kind) { }
    Kind m_kind;
};

} // namespace sb::storesql
