#include "segmentstore.h"

#include "recordcodec.h"
#include "storesql_p.h"

#include "core/logging.h"
#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace sb {

using namespace storesql;

namespace {

constexpr auto kDriver = "QSQLITE";

// Version 1, as the first release wrote it. A later version adds a step to migrate() and raises
// SegmentStore::schemaVersion; a new file is made by running every step in turn.
const char *const kSchemaV1[] = {
    "CREATE TABLE source ("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " environment TEXT NOT NULL DEFAULT '',"
    " vendor TEXT NOT NULL,"
    " last_sync_id INTEGER," // the run whose snapshot the segments are; NULL before the first
    " UNIQUE (profile, environment))",
    "CREATE TABLE sync_run ("
    " id INTEGER PRIMARY KEY,"
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " started_at INTEGER NOT NULL,"
    " ended_at INTEGER NOT NULL,"
    " rows INTEGER NOT NULL DEFAULT 0,"
    " outcome TEXT NOT NULL,"
    " error TEXT NOT NULL DEFAULT '',"
    " added INTEGER NOT NULL DEFAULT 0,"
    " removed INTEGER NOT NULL DEFAULT 0,"
    " changed INTEGER NOT NULL DEFAULT 0,"
    " baseline INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX sync_run_by_source ON sync_run (source_id, id)",
    "CREATE TABLE segment ("
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    " position REAL NOT NULL,"
    " content_hash INTEGER NOT NULL,"
    " record_hash INTEGER NOT NULL,"
    " first_seen INTEGER NOT NULL,"
    " last_changed INTEGER NOT NULL,"
    " last_seen INTEGER,"
    " removed_at INTEGER,"
    " record BLOB NOT NULL,"
    " PRIMARY KEY (source_id, key))",
    "CREATE INDEX segment_by_position ON segment (source_id, position)",
    "CREATE TABLE segment_change ("
    " run_id INTEGER NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " fields TEXT NOT NULL DEFAULT '',"
    " before BLOB,"
    " PRIMARY KEY (run_id, key))",
};

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

// Then, once the summaries of schema 1's rows are filled in (fillSummaries):
const char *const kSchemaV2Search[] = {
    // Search across every source (SQLite's FTS5): an index of the words of key, name, description
    // and tags, kept up to date by triggers; the text itself stays in the segment table. A search
    // asks only which rows hold every word (no phrases, no ranking), so the index keeps no word
    // positions and no column sizes: for small records it would otherwise outweigh the records.
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
    "INSERT INTO segment_search (segment_search) VALUES ('rebuild')",
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

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

SegmentChange::Kind kindFromName(const QString &name)
{
    if (name == QLatin1String("removed"))
        return SegmentChange::Kind::Removed;
    if (name == QLatin1String("changed"))
        return SegmentChange::Kind::Changed;
    return SegmentChange::Kind::Added;
}

} // namespace

QString SegmentStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("segments.sqlite"));
}

SegmentStore::SegmentStore(const QString &path) : m_path(path)
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

Error SegmentStore::failure(const QString &what, const QString &detail) const
{
    return Error::storage(tr("%1 (%2): %3").arg(what, QDir::toNativeSeparators(m_path), detail));
}

Error SegmentStore::open()
{
    if (m_open)
        return {};
    if (!QSqlDatabase::isDriverAvailable(QLatin1String(kDriver)))
        return Error::storage(tr("The segment store needs Qt's SQLite driver (Debian: libqt6sql6-sqlite), which "
                                 "is not installed"));
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::storage(tr("Could not create the folder %1").arg(QDir::toNativeSeparators(info.absolutePath())));

    QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(kDriver), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    const auto fail = [&](const QString &message) {
        db.close();
        return Error::storage(message);
    };
    if (!db.open())
        return fail(
            tr("Could not open the segment store %1: %2").arg(QDir::toNativeSeparators(m_path), db.lastError().text()));

    Sql q(db);
    // The first read of the file: a file that is not SQLite, or is damaged, says so here.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(tr("The segment store %1 cannot be read: %2. It was left as it is; move it aside to start "
                       "a new one (your profiles and keys are not in it).")
                        .arg(QDir::toNativeSeparators(m_path), q.error().text()));
    const int version = q.value(0).toInt();
    if (version > schemaVersion)
        return fail(tr("The segment store %1 was written by a newer Segment Browser (schema %2; this one knows "
                       "up to %3). It was left as it is.")
                        .arg(QDir::toNativeSeparators(m_path))
                        .arg(version)
                        .arg(schemaVersion));
    // Settings of the connection, not of the file (except WAL, which sticks once set).
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA temp_store = FILE"}) {
        if (!q.exec(QLatin1String(pragma)))
            return fail(
                tr("The segment store %1 cannot be used: %2").arg(QDir::toNativeSeparators(m_path), q.error().text()));
    }
    if (version < schemaVersion) {
        // The write lock first, then the version again: another process may have brought the file up
        // to date meanwhile (the window and the command line opening it at once).
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(tr("The segment store %1 cannot be set up: %2")
                            .arg(QDir::toNativeSeparators(m_path), q.error().text()));
        int current = version;
        if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
            current = q.value(0).toInt();
        if (current >= schemaVersion) {
            q.exec(QStringLiteral("COMMIT"));
            m_open = true;
            return {};
        }
        bool ok = true;
        if (current < 1) {
            for (const char *statement : kSchemaV1)
                ok = ok && q.exec(QLatin1String(statement));
        }
        if (current < 2) {
            for (const char *statement : kSchemaV2)
                ok = ok && q.exec(QLatin1String(statement));
            ok = ok && fillSummaries(db);
            for (const char *statement : kSchemaV2Search)
                ok = ok && q.exec(QLatin1String(statement));
        }
        if (current < 3) {
            for (const char *statement : kSchemaV3)
                ok = ok && q.exec(QLatin1String(statement));
        }
        if (current < 4) {
            for (const char *statement : kSchemaV4)
                ok = ok && q.exec(QLatin1String(statement));
        }
        ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion));
        if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
            const QString why = q.error().text();
            Sql(db).exec(QStringLiteral("ROLLBACK"));
            return fail(tr("The segment store %1 cannot be set up: %2").arg(QDir::toNativeSeparators(m_path), why));
        }
    }
    m_open = true;
    return {};
}

std::optional<qint64> SegmentStore::existingSourceId(const SourceKey &source) const
{
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM source WHERE profile = :p AND environment = :e"));
    q.bind(QStringLiteral(":p"), source.profile).bind(QStringLiteral(":e"), text(source.environment));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

SourceKey sourceOf(const VendorApi *vendor, const Profile &profile)
{
    return {profile.name, vendor ? vendor->scopeOf(profile) : QString()};
}

Result<qint64> SegmentStore::sourceId(const SourceKey &source, const QString &vendor, bool create)
{
    if (const std::optional<qint64> id = existingSourceId(source))
        return *id;
    if (!create)
        return Error::storage(tr("No snapshot of “%1”").arg(source.profile));
    Sql q(QSqlDatabase::database(m_connection, false));
    // A profile synced before its vendor told its places apart has one source without a place: the
    // first place synced now takes it over, with its snapshot and history.
    if (!source.environment.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE source SET environment = :e WHERE profile = :p AND environment = ''"
                                 " AND vendor = :v AND NOT EXISTS (SELECT 1 FROM source WHERE profile = :p2"
                                 " AND environment <> '')"));
        q.bind(QStringLiteral(":e"), source.environment)
            .bind(QStringLiteral(":p"), source.profile)
            .bind(QStringLiteral(":v"), vendor)
            .bind(QStringLiteral(":p2"), source.profile);
        if (!q.exec())
            return failure(tr("Could not write to the segment store"), q.error().text());
        if (const std::optional<qint64> id = existingSourceId(source))
            return *id;
    }
    q.prepare(QStringLiteral("INSERT INTO source (profile, environment, vendor) VALUES (:p, :e, :v)"));
    q.bind(QStringLiteral(":p"), source.profile)
        .bind(QStringLiteral(":e"), text(source.environment))
        .bind(QStringLiteral(":v"), vendor);
    if (!q.exec())
        return failure(tr("Could not write to the segment store"), q.error().text());
    return q.lastInsertId().toLongLong();
}

namespace {

const QString kRunColumns = QStringLiteral(
    "id, started_at, ended_at, rows, outcome, error, added, removed, changed, baseline, machine, user_name");

SyncRun runFrom(const Sql &q)
{
    SyncRun run;
    run.id = q.value(0).toLongLong();
    run.started = fromMs(q.value(1));
    run.ended = fromMs(q.value(2));
    run.rows = q.value(3).toLongLong();
    run.outcome = SyncRun::outcomeFromName(q.value(4).toString());
    run.error = q.value(5).toString();
    run.added = q.value(6).toInt();
    run.removed = q.value(7).toInt();
    run.changed = q.value(8).toInt();
    run.baseline = q.value(9).toBool();
    run.machine = q.value(10).toString();
    run.user = q.value(11).toString();
    return run;
}

} // namespace

Result<std::optional<SyncRun>> SegmentStore::lastSync(const SourceKey &source) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ") + kRunColumns
              + QStringLiteral(" FROM sync_run WHERE id = (SELECT last_sync_id FROM source"
                               " WHERE profile = :p AND environment = :e)"));
    q.bind(QStringLiteral(":p"), source.profile).bind(QStringLiteral(":e"), text(source.environment));
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    if (!q.next())
        return std::optional<SyncRun>();
    return std::optional<SyncRun>(runFrom(q));
}

Result<QList<SyncRun>> SegmentStore::syncRuns(const SourceKey &source) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ") + kRunColumns
              + QStringLiteral(" FROM sync_run WHERE source_id = (SELECT id FROM source"
                               " WHERE profile = :p AND environment = :e) ORDER BY id DESC"));
    q.bind(QStringLiteral(":p"), source.profile).bind(QStringLiteral(":e"), text(source.environment));
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    QList<SyncRun> runs;
    while (q.next())
        runs.append(runFrom(q));
    return runs;
}

Result<qint64> SegmentStore::snapshotSize(const SourceKey &source) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM segment WHERE removed_at IS NULL AND source_id ="
                             " (SELECT id FROM source WHERE profile = :p AND environment = :e)"));
    q.bind(QStringLiteral(":p"), source.profile).bind(QStringLiteral(":e"), text(source.environment));
    if (!q.exec() || !q.next())
        return failure(tr("Could not read the segment store"), q.error().text());
    return q.value(0).toLongLong();
}

Result<QList<StoredSegment>> SegmentStore::snapshot(const SourceKey &source, const QList<Column> &columns,
                                                    qint64 offset, qint64 limit) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT key, dictionary_id, record, first_seen, last_changed FROM segment"
                             " WHERE removed_at IS NULL AND source_id ="
                             " (SELECT id FROM source WHERE profile = :p AND environment = :e)"
                             " ORDER BY position LIMIT :limit OFFSET :offset"));
    q.bind(QStringLiteral(":p"), source.profile)
        .bind(QStringLiteral(":e"), text(source.environment))
        .bind(QStringLiteral(":limit"), limit < 0 ? qint64(-1) : limit)
        .bind(QStringLiteral(":offset"), qMax<qint64>(0, offset));
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    QList<StoredSegment> rows;
    while (q.next()) {
        const Result<QByteArray> json = record(q.value(1).toLongLong(), q.value(2).toByteArray());
        if (!json)
            return json.error();
        StoredSegment s;
        s.key = q.value(0).toString();
        s.segment = Segment::fromRecord(QJsonDocument::fromJson(json.value()).object(), columns, json.value());
        s.firstSeen = fromMs(q.value(3));
        s.lastChanged = fromMs(q.value(4));
        rows.append(std::move(s));
    }
    return rows;
}

Result<QList<SegmentChange>> SegmentStore::lastChanges(const SourceKey &source) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    const std::optional<qint64> id = existingSourceId(source);
    if (!id)
        return QList<SegmentChange>();
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT c.kind, g.key, c.fields, c.before_dictionary_id, c.before, g.dictionary_id,"
                             " g.record FROM segment_change c JOIN segment g ON g.id = c.segment_id"
                             " WHERE c.run_id = (SELECT last_sync_id FROM source WHERE id = :s)"
                             " ORDER BY CASE c.kind WHEN 'removed' THEN 0 ELSE 1 END, g.position"));
    q.bind(QStringLiteral(":s"), *id);
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    QList<SegmentChange> changes;
    while (q.next()) {
        SegmentChange c;
        c.kind = kindFromName(q.value(0).toString());
        c.key = q.value(1).toString();
        const QString fields = q.value(2).toString();
        if (!fields.isEmpty())
            c.fields = fields.split(QLatin1Char(';'));
        const Result<QByteArray> current = record(q.value(5).toLongLong(), q.value(6).toByteArray());
        if (!current)
            return current.error();
        if (c.kind == SegmentChange::Kind::Removed)
            c.before = current.value(); // a removed segment keeps its last record
        else
            c.after = current.value();
        if (c.kind == SegmentChange::Kind::Changed) {
            const Result<QByteArray> before = record(q.value(3).toLongLong(), q.value(4).toByteArray());
            if (!before)
                return before.error();
            c.before = before.value();
        }
        changes.append(std::move(c));
    }
    return changes;
}

Error SegmentStore::removeProfile(const QString &profile)
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM source WHERE profile = :p"));
    q.bind(QStringLiteral(":p"), profile);
    if (!q.exec())
        return failure(tr("Could not write to the segment store"), q.error().text());
    return {};
}

Result<QByteArray> SegmentStore::record(qint64 dictionary, const QByteArray &stored) const
{
    if (dictionary == 0)
        return stored;
    std::shared_ptr<RecordDecompressor> &decompressor = m_decompressors[dictionary];
    if (!decompressor) {
        Sql q(QSqlDatabase::database(m_connection, false));
        q.prepare(QStringLiteral("SELECT bytes FROM dictionary WHERE id = :d"));
        q.bind(QStringLiteral(":d"), dictionary);
        if (!q.exec())
            return failure(tr("Could not read the segment store"), q.error().text());
        if (q.next())
            decompressor = std::make_shared<RecordDecompressor>(q.value(0).toByteArray());
    }
    std::optional<QByteArray> json;
    if (decompressor)
        json = decompressor->decompress(stored);
    if (!json) {
        if (decompressor && !decompressor->isValid())
            m_decompressors.remove(dictionary);
        return failure(tr("The segment store is damaged"), tr("a stored segment cannot be read back"));
    }
    return *json;
}

Error SegmentStore::renameProfile(const QString &from, const QString &to)
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    if (from == to)
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Sql q(db);
    const QString failed = tr("Could not write to the segment store");
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failure(failed, q.error().text());
    q.prepare(QStringLiteral("DELETE FROM source WHERE profile = :to"));
    q.bind(QStringLiteral(":to"), to);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("UPDATE source SET profile = :to WHERE profile = :from"));
        q.bind(QStringLiteral(":to"), to).bind(QStringLiteral(":from"), from);
        ok = q.exec();
    }
    if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
        const QString why = q.error().text();
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        return failure(failed, why);
    }
    return {};
}

void SegmentStore::dropSpentStaging()
{
    if (!m_open)
        return;
    Sql q(QSqlDatabase::database(m_connection, false));
    for (const QString &table : std::as_const(m_spentStaging))
        q.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table));
    m_spentStaging.clear();
}

std::unique_ptr<SyncWriter> SegmentStore::beginSync(const SourceKey &source, const VendorApi *vendor)
{
    dropSpentStaging();
    return std::unique_ptr<SyncWriter>(new SyncWriter(this, source, vendor, ++m_nextStaging));
}

} // namespace sb
