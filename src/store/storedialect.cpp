#include "storedialect.h"

namespace sb::storesql {

namespace {

// The schema at version 4, the first that both back ends share. A new store is made with it, then
// every later step (kSteps); a SQLite file older than version 4 is brought to it by the history
// in storeschema.cpp, then takes the same steps.
const char *const kSchemaV4[] = {
    // A profile, or one of its environments where one secret reaches several (SourceKey).
    "CREATE TABLE source ("
    " id {id},"
    " profile TEXT NOT NULL,"
    " environment TEXT NOT NULL DEFAULT '',"
    " vendor TEXT NOT NULL,"
    " last_sync_id {int}," // the run whose snapshot the segments are; NULL before the first
    " dictionary_id {int}," // what a sync compresses new records with
    // Whether its last sync read who uses the segments: NULL for a vendor that cannot say, ''
    // when it did, else why it could not.
    " usage TEXT,"
    " UNIQUE (profile, environment))",
    // Every sync run, whatever its outcome, and who ran it.
    "CREATE TABLE sync_run ("
    " id {id},"
    " source_id {int} NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " started_at {int} NOT NULL,"
    " ended_at {int} NOT NULL,"
    " rows {int} NOT NULL DEFAULT 0,"
    " outcome TEXT NOT NULL,"
    " error TEXT NOT NULL DEFAULT '',"
    " added {int} NOT NULL DEFAULT 0,"
    " removed {int} NOT NULL DEFAULT 0,"
    " changed {int} NOT NULL DEFAULT 0,"
    " baseline {int} NOT NULL DEFAULT 0,"
    " machine TEXT NOT NULL DEFAULT '',"
    " user_name TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX sync_run_by_source ON sync_run (source_id, id)",
    // A source's records are compressed with one of its dictionaries (trained on its own first
    // records); which one, each row says. 0: the record as the vendor sent it. An id is never
    // given again, so a reader that has a dictionary in memory never takes another for it.
    "CREATE TABLE dictionary ("
    " id {serial},"
    " source_id {int} NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " bytes {blob} NOT NULL)",
    "CREATE INDEX dictionary_by_source ON dictionary (source_id)",
    // The segments of each snapshot, and those removed since (last_seen: NULL while in the
    // snapshot). A sync compares a source's rows in memory, in one pass, so no index of keys.
    "CREATE TABLE segment ("
    " id {id}," // changes point at it
    " source_id {int} NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    // The place in the vendor's order: a sync in the same order keeps the old rows' places, and a
    // new row goes between its neighbours, so that rows do not move because others came or went.
    " position {real} NOT NULL,"
    " content_hash {int} NOT NULL,"
    " first_seen {int} NOT NULL,"
    " last_changed {int} NOT NULL,"
    " last_seen {int},"
    " removed_at {int},"
    " dictionary_id {int} NOT NULL DEFAULT 0,"
    // What every vendor has (VendorApi::summary), for the grid across sources and its search:
    // tags one a line, times in milliseconds (NULL: the vendor does not say).
    " name TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL DEFAULT '',"
    " tags TEXT NOT NULL DEFAULT '',"
    " created {int},"
    " modified {int},"
    " users {int}," // how many use it, where its vendor can say (NULL: not known)
    " {search}"
    // The record last: a long one spills onto overflow pages that a read of the small columns
    // never has to touch.
    " record {blob} NOT NULL)",
    "CREATE INDEX segment_by_position ON segment (source_id, position)",
    // What each sync changed. `before` is the record a change replaced (in its dictionary); the
    // record after it is the segment's own.
    "CREATE TABLE segment_change ("
    " run_id {int} NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,"
    " segment_id {int} NOT NULL,"
    " kind TEXT NOT NULL,"
    " fields TEXT NOT NULL DEFAULT '',"
    " before_dictionary_id {int} NOT NULL DEFAULT 0,"
    " before {blob},"
    " PRIMARY KEY (run_id, segment_id))",
    // Who uses each segment, as the last sync read it: one row per user (LaunchDarkly: a flag)
    // with the keys of the segments it uses, one a line.
    "CREATE TABLE segment_user ("
    " source_id {int} NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " position {int} NOT NULL,"
    " key TEXT NOT NULL,"
    " name TEXT NOT NULL DEFAULT '',"
    " url TEXT NOT NULL DEFAULT '',"
    " segments TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX segment_user_by_source ON segment_user (source_id, position)",
};

// Version 5: each profile's non-secret settings, as the last sync of it had them (vendor, API
// address, the vendor's keys such as a project), so that a colleague can take the profiles of a
// team's catalog (profiles import --from-store) and only add the keys of their own.
const char *const kSchemaV5[] = {
    "CREATE TABLE shared_profile ("
    " name TEXT PRIMARY KEY,"
    " vendor TEXT NOT NULL,"
    " base_url TEXT NOT NULL DEFAULT '',"
    " params TEXT NOT NULL DEFAULT ''," // a JSON object
    " updated_at {int} NOT NULL,"
    " machine TEXT NOT NULL DEFAULT '',"
    " user_name TEXT NOT NULL DEFAULT '')",
};

struct Step
{
    int version; // the version it brings a store to
    const char *const *statements;
    size_t count;
};

// Every step after version 4, in order, written once for both back ends.
const Step kSteps[] = {
    {5, kSchemaV5, std::size(kSchemaV5)},
};

// Search across every source on SQLite (FTS5): an index of the words of key, name, description and
// tags, kept up to date by triggers; the text itself stays in the segment table. A search asks
// only which rows hold every word (no phrases, no ranking), so the index keeps no word positions
// and no column sizes: for small records it would otherwise outweigh the records.
const char *const kSqliteSearch[] = {
    "CREATE VIRTUAL TABLE segment_search USING fts5(key, name, description, tags, content='segment',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0)",
    "CREATE TRIGGER segment_search_insert AFTER INSERT ON segment BEGIN"
    " INSERT INTO segment_search (rowid, key, name, description, tags)"
    " VALUES (new.id, new.key, new.name, new.description, new.tags); END",
    "CREATE TRIGGER segment_search_delete AFTER DELETE ON segment BEGIN"
    " INSERT INTO segment_search (segment_search, rowid, key, name, description, tags)"
    " VALUES ('delete', old.id, old.key, old.name, old.description, old.tags); END",
    "CREATE TRIGGER segment_search_update AFTER UPDATE OF key, name, description, tags ON segment BEGIN"
    " INSERT INTO segment_search (segment_search, rowid, key, name, description, tags)"
    " VALUES ('delete', old.id, old.key, old.name, old.description, old.tags);"
    " INSERT INTO segment_search (rowid, key, name, description, tags)"
    " VALUES (new.id, new.key, new.name, new.description, new.tags); END",
};

// On PostgreSQL: the segment's words (estateWords(), computed by the store, as the query's are)
// in a tsvector without positions, under a GIN index, which answers prefix queries.
const char *const kPostgreSqlSearch[] = {
    "CREATE INDEX segment_search ON segment USING gin (search)",
};

// A word longer than this is cut to it, in the index and in a query alike: PostgreSQL's lexemes
// are at most 2 KiB, and a character is at most 4 bytes.
constexpr int kLongestWord = 500;

QStringList searchTerms(const QStringList &words)
{
    QStringList terms;
    for (const QString &w : words)
        terms.append(w.left(kLongestWord));
    return terms;
}

} // namespace

const Dialect &Dialect::of(Kind kind)
{
    static const Dialect sqlite(Kind::Sqlite);
    static const Dialect postgreSql(Kind::PostgreSql);
    return kind == Kind::Sqlite ? sqlite : postgreSql;
}

QString Dialect::driver() const
{
    return isSqlite() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString Dialect::sql(const char *statement) const
{
    QString s = QString::fromLatin1(statement);
    if (isSqlite()) {
        s.replace(QLatin1String("{id}"), QLatin1String("INTEGER PRIMARY KEY"));
        s.replace(QLatin1String("{serial}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        s.replace(QLatin1String("{int}"), QLatin1String("INTEGER"));
        s.replace(QLatin1String("{real}"), QLatin1String("REAL"));
        s.replace(QLatin1String("{blob}"), QLatin1String("BLOB"));
        s.replace(QLatin1String(" {search}"), QString());
    } else {
        s.replace(QLatin1String("{id}"), QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        s.replace(QLatin1String("{serial}"), QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        s.replace(QLatin1String("{int}"), QLatin1String("BIGINT"));
        s.replace(QLatin1String("{real}"), QLatin1String("DOUBLE PRECISION"));
        s.replace(QLatin1String("{blob}"), QLatin1String("BYTEA"));
        s.replace(QLatin1String("{search}"), QLatin1String("search TSVECTOR NOT NULL DEFAULT '',"));
    }
    return s;
}

QStringList Dialect::currentSchema() const
{
    QStringList statements;
    for (const char *statement : kSchemaV4)
        statements.append(sql(statement));
    return statements + searchSchema() + stepsAfter(4);
}

QStringList Dialect::searchSchema() const
{
    QStringList statements;
    if (isSqlite()) {
        for (const char *statement : kSqliteSearch)
            statements.append(QLatin1String(statement));
    } else {
        for (const char *statement : kPostgreSqlSearch)
            statements.append(QLatin1String(statement));
    }
    return statements;
}

QStringList Dialect::stepsAfter(int version) const
{
    QStringList statements;
    for (const Step &step : kSteps) {
        if (step.version <= version)
            continue;
        for (size_t i = 0; i < step.count; ++i)
            statements.append(sql(step.statements[i]));
    }
    return statements;
}

QString Dialect::beginWrite() const
{
    return isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString Dialect::caseless(const QString &expr) const
{
    return isSqlite() ? expr + QStringLiteral(" COLLATE NOCASE") : QStringLiteral("lower(%1) COLLATE \"C\"").arg(expr);
}

QString Dialect::ordered(const QString &expr) const
{
    return isSqlite() ? expr : expr + QStringLiteral(" COLLATE \"C\"");
}

QString Dialect::nullsAsSqlite(Qt::SortOrder order) const
{
    if (isSqlite())
        return {};
    return order == Qt::AscendingOrder ? QStringLiteral(" NULLS FIRST") : QStringLiteral(" NULLS LAST");
}

QString Dialect::hasLine(const QString &lines, const QString &line) const
{
    return isSqlite()
        ? QStringLiteral("instr(char(10) || %1 || char(10), char(10) || %2 || char(10)) > 0").arg(lines, line)
        : QStringLiteral("strpos(chr(10) || %1 || chr(10), chr(10) || %2 || chr(10)) > 0").arg(lines, line);
}

QString Dialect::searchFrom() const
{
    if (isSqlite())
        return QStringLiteral(" FROM segment_search f JOIN segment g ON g.id = f.rowid JOIN source s ON s.id ="
                              " g.source_id WHERE f.segment_search MATCH ?");
    return QStringLiteral(" FROM segment g JOIN source s ON s.id = g.source_id WHERE g.search @@ CAST(? AS tsquery)");
}

QVariant Dialect::searchValue(const QStringList &words) const
{
    // Each word a prefix, all of them required. Words are letters and digits only (estateWords()),
    // but quoting costs nothing.
    QStringList terms;
    if (isSqlite()) {
        for (const QString &w : words)
            terms.append(QLatin1Char('"') + QString(w).replace(QLatin1Char('"'), QStringLiteral("\"\""))
                         + QStringLiteral("\"*"));
        return terms.join(QLatin1Char(' '));
    }
    for (const QString &w : searchTerms(words))
        terms.append(QLatin1Char('\'')
                     + QString(w)
                           .replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                           .replace(QLatin1Char('\''), QStringLiteral("''"))
                     + QStringLiteral("':*"));
    return terms.join(QStringLiteral(" & "));
}

QString Dialect::searchOrder() const
{
    return isSqlite() ? QStringLiteral("f.rowid") : QStringLiteral("g.id");
}

QVariant Dialect::searchWords(const QStringList &words) const
{
    if (isSqlite())
        return QVariant(QMetaType(QMetaType::QString));
    QStringList unique = searchTerms(words);
    unique.removeDuplicates();
    unique.removeAll(QString());
    return unique.join(QLatin1Char(' '));
}

QString Dialect::searchColumn() const
{
    return isSqlite() ? QString() : QStringLiteral(", search");
}

QString Dialect::searchFromStaging() const
{
    return isSqlite() ? QString() : QStringLiteral(", array_to_tsvector(string_to_array(words, ' '))");
}

QStringList Dialect::afterLargeWrite() const
{
    if (isSqlite())
        return {};
    return {QStringLiteral("ANALYZE segment"), QStringLiteral("ANALYZE source")};
}

bool Dialect::refusesWrites(const QString &nativeCode) const
{
    if (isSqlite()) // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL
        return nativeCode == QLatin1String("5") || nativeCode == QLatin1String("6")
            || nativeCode == QLatin1String("13");
    // lock_not_available, disk_full, and a connection that is gone (no code from the server)
    return nativeCode == QLatin1String("55P03") || nativeCode == QLatin1String("53100")
        || nativeCode.startsWith(QLatin1String("08")) || nativeCode.startsWith(QLatin1String("57P"));
}

} // namespace sb::storesql
