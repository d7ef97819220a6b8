// Opening a store on either back end: the connection, the schema's version, a new store's schema,
// and an older SQLite file's migrations.
#include "segmentstore.h"

#include "storedialect.h"
#include "storesql_p.h"

#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>

namespace sb {

using namespace storesql;

namespace {

// The history of SQLite files, which are older than the PostgreSQL catalog: each version's step,
// as it first ran. A new store is made with the current schema (Dialect::currentSchema()); a file
// of an older version runs the steps after its own (version 1's schema is in git's history of
// segmentstore.cpp). A later version adds its step, written with Dialect::sql(), for both.
//
// Version 2: records compressed with a dictionary per source, and a segment's row no larger than
// it must be (the database was 1.8 to 2.4 times the records' JSON for vendors with small records).
// A sync compares a source's rows in memory, in one pass over them, so the segment table needs
// no index of its keys: the row id is the segment's id, and changes point at it.
const char *const kSchemaV2[] = {
    // A source's records are compressed with one of its dictionaries (trained on its own first
    // records); which one, each row says. 0: the record as the vendor sent it.
    // AUTOINCREMENT: an id is never given again, so a reader that has a dictionary in memory can
    // never take another for it (a removed source's dictionary goes with it).
    "CREATE TABLE dictionary ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " bytes BLOB NOT NULL)",
    "CREATE INDEX dictionary_by_source ON dictionary (source_id)",
    "ALTER TABLE source ADD COLUMN dictionary_id INTEGER", // what a sync compresses new records with
    // last_seen is NULL while the segment is in the snapshot (seen by the last sync); a removed
    // segment keeps its record, with when it was last seen and when it went.
    "CREATE TABLE segment_v2 ("
    " id INTEGER PRIMARY KEY," // changes point at it
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    // The place in the vendor's order: a sync in the same order keeps the old rows' places, and
    // a new row goes between its neighbours, so that rows do not move (and are not rewritten)
    // because others came or went.
    " position REAL NOT NULL,"
    " content_hash INTEGER NOT NULL,"
    " first_seen INTEGER NOT NULL,"
    " last_changed INTEGER NOT NULL,"
    " last_seen INTEGER,"
    " removed_at INTEGER,"
    " dictionary_id INTEGER NOT NULL DEFAULT 0,"
    // What every vendor has (VendorApi::summary), for the grid across sources and its search:
    // tags one a line, times in milliseconds (NULL: the vendor does not say).
    " name TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL DEFAULT '',"
    " tags TEXT NOT NULL DEFAULT '',"
    " created INTEGER,"
    " modified INTEGER,"
    // The record last: a long one spills onto overflow pages that a read of the small columns
    // never has to touch.
    " record BLOB NOT NULL)",
    "INSERT INTO segment_v2 (id, source_id, key, position, content_hash, first_seen, last_changed, last_seen,"
    " removed_at, record) SELECT rowid, source_id, key, position, content_hash, first_seen, last_changed, last_seen,"
    " removed_at, record FROM segment",
    // What each sync changed. `before` is the record a change replaced (in its dictionary); the
    // record after it is the segment's own (a later change keeps this one's `after` as its `before`).
    "CREATE TABLE segment_change_v2 ("
    " run_id INTEGER NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,"
    " segment_id INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " fields TEXT NOT NULL DEFAULT '',"
    " before_dictionary_id INTEGER NOT NULL DEFAULT 0,"
    " before BLOB,"
    " PRIMARY KEY (run_id, segment_id))",
    "INSERT INTO segment_change_v2 (run_id, segment_id, kind, fields, before) SELECT c.run_id, g.rowid, c.kind,"
    " c.fields, c.before FROM segment_change c JOIN sync_run r ON r.id = c.run_id JOIN segment g"
    " ON g.source_id = r.source_id AND g.key = c.key",
    "DROP TABLE segment_change",
    "DROP TABLE segment",
    "ALTER TABLE segment_v2 RENAME TO segment",
    "ALTER TABLE segment_change_v2 RENAME TO segment_change",
    "CREATE INDEX segment_by_position ON segment (source_id, position)",
};

// Version 3: who uses each segment, for vendors that can say (VendorApi::usage(): LaunchDarkly's
// flags), as the last sync read it: one row per user with the keys of the segments it uses, one a
// line; each segment's count of them (NULL: not known); and per source whether that walk worked
// (`usage`: NULL for a vendor that cannot say, '' when read, else why it could not be).
const char *const kSchemaV3[] = {
    "CREATE TABLE segment_user ("
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " key TEXT NOT NULL,"
    " name TEXT NOT NULL DEFAULT '',"
    " url TEXT NOT NULL DEFAULT '',"
    " segments TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX segment_user_by_source ON segment_user (source_id, position)",
    "ALTER TABLE source ADD COLUMN usage TEXT",
    "ALTER TABLE segment ADD COLUMN users INTEGER",
};

// Version 4: who ran each sync, for a catalog that several people and machines sync into.
const char *const kSchemaV4[] = {
    "ALTER TABLE sync_run ADD COLUMN machine TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sync_run ADD COLUMN user_name TEXT NOT NULL DEFAULT ''",
};

// Schema 1 kept no summaries: each record is read for them once, by its source's vendor (the
// records of schema 1 are as the vendor sent them). The triggers index them for search.
bool fillSummaries(const QSqlDatabase &db)
{
    Sql rows(db);
    if (!rows.exec(
            QStringLiteral("SELECT g.id, s.vendor, g.record FROM segment g JOIN source s ON s.id = g.source_id")))
        return false;
    Sql update(db);
    update.prepare(QStringLiteral("UPDATE segment SET name = :n, description = :d, tags = :t, created = :c,"
                                  " modified = :m WHERE id = :id"));
    while (rows.next()) {
        const VendorApi *vendor = vendorById(rows.value(1).toString());
        if (!vendor)
            continue;
        const SegmentSummary s = vendor->summary(QJsonDocument::fromJson(rows.value(2).toByteArray()).object());
        update.bind(QStringLiteral(":n"), text(s.name))
            .bind(QStringLiteral(":d"), text(s.description))
            .bind(QStringLiteral(":t"), text(s.tags.join(QLatin1Char('\n'))))
            .bind(QStringLiteral(":c"), msOrNull(s.created))
            .bind(QStringLiteral(":m"), msOrNull(s.modified))
            .bind(QStringLiteral(":id"), rows.value(0));
        if (!update.exec())
            return false;
    }
    return true;
}

// The advisory lock that one process at a time holds while it sets up a catalog.
constexpr qint64 kSchemaLock = 0x5365676d656e7442; // "SegmentB"

// application_name: who a catalog's other sessions see (a sync that holds a profile's lock).
QString sessionName()
{
    QString who = SyncRun::thisUser();
    const QString machine = SyncRun::thisMachine();
    if (!machine.isEmpty())
        who = who.isEmpty() ? machine : who + QStringLiteral(" on ") + machine;
    // libpq's connection options are split at semicolons, quoted or not.
    return QStringLiteral("Segment Browser (%1)").arg(who.remove(QLatin1Char(';')));
}

// A value in a libpq connection string: quoted, with its quotes and backslashes escaped.
QString conninfoValue(const QString &value)
{
    return QLatin1Char('\'')
        + QString(value)
              .replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
              .replace(QLatin1Char('\''), QStringLiteral("\\'"))
        + QLatin1Char('\'');
}

} // namespace

QString SegmentStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("segments.sqlite"));
}

namespace {

StoreLocation fileLocation(const QString &path)
{
    StoreLocation location;
    location.path = path;
    return location;
}

} // namespace

SegmentStore::SegmentStore(const QString &path) : SegmentStore(fileLocation(path))
{ }

SegmentStore::SegmentStore(const StoreLocation &location, const QString &password)
    : m_location(location),
      m_password(password),
      m_dialect(&Dialect::of(location.kind == StoreLocation::Kind::PostgreSql ? Dialect::Kind::PostgreSql
                                                                              : Dialect::Kind::Sqlite))
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("sb-store-%1").arg(++counter);
}

SegmentStore::~SegmentStore()
{
    dropSpentStaging();
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool SegmentStore::isCatalog() const
{
    return m_location.kind == StoreLocation::Kind::PostgreSql;
}

QString SegmentStore::displayPath() const
{
    return isCatalog() ? path() : QDir::toNativeSeparators(path());
}

Error SegmentStore::failure(const QString &what, const QString &detail) const
{
    return Error::storage(tr("%1 (%2): %3").arg(what, displayPath(), detail));
}

Error SegmentStore::open()
{
    if (m_open)
        return {};
    if (!QSqlDatabase::isDriverAvailable(m_dialect->driver()))
        return Error::storage(m_dialect->isSqlite()
                                  ? tr("The segment store needs Qt's SQLite driver (Debian: libqt6sql6-sqlite), "
                                       "which is not installed")
                                  : tr("A catalog on PostgreSQL needs Qt's PostgreSQL driver (Debian: "
                                       "libqt6sql6-psql), which is not installed"));
    const Error e = m_dialect->isSqlite() ? openSqlite() : openPostgreSql();
    m_openError = e;
    if (e.isError()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection); // another open() adds it again
        return e;
    }
    m_open = true;
    return {};
}

Error SegmentStore::openSqlite()
{
    const QFileInfo info(m_location.path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::storage(tr("Could not create the folder %1").arg(QDir::toNativeSeparators(info.absolutePath())));

    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driver(), m_connection);
    db.setDatabaseName(m_location.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    const QString file = displayPath();
    if (!db.open())
        return Error::storage(tr("Could not open the segment store %1: %2").arg(file, db.lastError().text()));

    Sql q(db);
    // The first read of the file: a file that is not SQLite, or is damaged, says so here.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error::storage(tr("The segment store %1 cannot be read: %2. It was left as it is; move it aside to "
                                 "start a new one (your profiles and keys are not in it).")
                                  .arg(file, q.error().text()));
    const int version = q.value(0).toInt();
    if (version > schemaVersion)
        return newerSchema(version);
    // Settings of the connection, not of the file (except WAL, which sticks once set).
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA temp_store = FILE"}) {
        if (!q.exec(QLatin1String(pragma)))
            return Error::storage(tr("The segment store %1 cannot be used: %2").arg(file, q.error().text()));
    }
    if (version == schemaVersion)
        return {};
    // The write lock first, then the version again: another process may have brought the file up
    // to date meanwhile (the window and the command line opening it at once).
    if (!q.exec(m_dialect->beginWrite()))
        return Error::storage(tr("The segment store %1 cannot be set up: %2").arg(file, q.error().text()));
    int current = version;
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        current = q.value(0).toInt();
    if (current > schemaVersion) { // a newer version took the file up meanwhile
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        return newerSchema(current);
    }
    if (current == schemaVersion)
        return q.exec(QStringLiteral("COMMIT")) ? Error()
                                                : failure(tr("Could not set up the segment store"), q.error().text());
    bool ok = true;
    if (current == 0) {
        for (const QString &statement : m_dialect->currentSchema())
            ok = ok && q.exec(statement);
    } else {
        if (current < 2) {
            for (const char *statement : kSchemaV2)
                ok = ok && q.exec(QLatin1String(statement));
            ok = ok && fillSummaries(db);
            // Then the search index of today's schema (FTS5), filled from the summaries.
            for (const QString &statement : m_dialect->searchSchema())
                ok = ok && q.exec(statement);
            ok = ok && q.exec(QStringLiteral("INSERT INTO segment_search (segment_search) VALUES ('rebuild')"));
        }
        if (current < 3) {
            for (const char *statement : kSchemaV3)
                ok = ok && q.exec(QLatin1String(statement));
        }
        if (current < 4) {
            for (const char *statement : kSchemaV4)
                ok = ok && q.exec(QLatin1String(statement));
        }
        for (const QString &statement : m_dialect->stepsAfter(qMax(current, 4)))
            ok = ok && q.exec(statement);
    }
    ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion));
    if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
        const QString why = q.error().text();
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        return Error::storage(tr("The segment store %1 cannot be set up: %2").arg(file, why));
    }
    return {};
}

Error SegmentStore::newerSchema(int version) const
{
    return Error::storage(tr("The segment store %1 was written by a newer Segment Browser (schema %2; this one "
                             "knows up to %3). It was left as it is.")
                              .arg(displayPath())
                              .arg(version)
                              .arg(schemaVersion));
}

Error SegmentStore::openPostgreSql()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driver(), m_connection);
    db.setHostName(m_location.host);
    db.setPort(m_location.port);
    db.setDatabaseName(m_location.database);
    db.setUserName(m_location.user);
    db.setPassword(m_password);
    db.setConnectOptions(QStringLiteral("sslmode=%1;connect_timeout=10;application_name=%2")
                             .arg(m_location.sslMode, conninfoValue(sessionName())));
    if (!db.open())
        return Error::storage(tr("Could not reach the catalog %1: %2").arg(path(), db.lastError().text().trimmed()));

    Sql q(db);
    // A write waits for another's lock as long as SQLite's busy timeout, then fails.
    // No just-in-time compiling: it costs a count over a million rows more than it saves.
    for (const QString &setting :
         {QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs),
          QStringLiteral("SET client_min_messages = warning"), QStringLiteral("SET jit = off")}) {
        if (!q.exec(setting))
            return failure(tr("The catalog cannot be used"), q.error().text());
    }
    const auto readVersion = [&]() -> std::optional<int> {
        if (!q.exec(QStringLiteral("SELECT to_regclass('store_schema') IS NOT NULL")) || !q.next())
            return std::nullopt;
        if (!q.value(0).toBool())
            return 0;
        if (!q.exec(QStringLiteral("SELECT max(version) FROM store_schema")) || !q.next())
            return std::nullopt;
        return q.value(0).toInt();
    };
    std::optional<int> version = readVersion();
    if (!version)
        return failure(tr("The catalog cannot be read"), q.error().text());
    if (*version > schemaVersion)
        return newerSchema(*version);
    if (*version == schemaVersion)
        return {};
    // One process sets it up; another that opens it meanwhile waits, then finds it done.
    if (!q.exec(QStringLiteral("BEGIN"))
        || !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchemaLock)))
        return failure(tr("The catalog cannot be set up"), q.error().text());
    version = readVersion();
    if (version && *version > schemaVersion) { // a newer version set it up meanwhile
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        return newerSchema(*version);
    }
    bool ok = version.has_value();
    if (ok && *version == 0) {
        for (const QString &statement : m_dialect->currentSchema())
            ok = ok && q.exec(statement);
        ok = ok && q.exec(QStringLiteral("CREATE TABLE store_schema (version INTEGER NOT NULL)"))
            && q.exec(QStringLiteral("INSERT INTO store_schema (version) VALUES (%1)").arg(schemaVersion));
    } else if (ok && *version < schemaVersion) {
        for (const QString &statement : m_dialect->stepsAfter(*version))
            ok = ok && q.exec(statement);
        ok = ok && q.exec(QStringLiteral("UPDATE store_schema SET version = %1").arg(schemaVersion));
    }
    if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
        const QString why = q.error().text();
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        return failure(tr("The catalog cannot be set up"), why);
    }
    return {};
}

} // namespace sb
