#include "segmentstore.h"

#include "core/logging.h"
#include "core/vendorapi.h"

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

namespace {

constexpr auto kDriver = "QSQLITE";

// Version 1. A later version adds a step to migrate() and raises SegmentStore::schemaVersion.
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
    // last_seen is NULL while the segment is in the snapshot (seen by the last sync); a removed
    // segment keeps its record, with when it was last seen and when it went.
    "CREATE TABLE segment ("
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " record BLOB NOT NULL,"
    " content_hash INTEGER NOT NULL,"
    " first_seen INTEGER NOT NULL,"
    " last_changed INTEGER NOT NULL,"
    " last_seen INTEGER,"
    " removed_at INTEGER,"
    " PRIMARY KEY (source_id, key))",
    "CREATE INDEX segment_by_position ON segment (source_id, position)",
    // What each sync changed. `before` is the record a change replaced; the record after it is
    // the segment's own (a later change keeps this one's `after` as its `before`).
    "CREATE TABLE segment_change ("
    " run_id INTEGER NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " fields TEXT NOT NULL DEFAULT '',"
    " before BLOB,"
    " PRIMARY KEY (run_id, key))",
};

// Qt binds a null QString as SQL NULL; an empty environment is '' in the store.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

SyncRun::Outcome outcomeFromName(const QString &name)
{
    if (name == QLatin1String("failed"))
        return SyncRun::Outcome::Failed;
    if (name == QLatin1String("cancelled"))
        return SyncRun::Outcome::Cancelled;
    return SyncRun::Outcome::Succeeded;
}

SegmentChange::Kind kindFromName(const QString &name)
{
    if (name == QLatin1String("removed"))
        return SegmentChange::Kind::Removed;
    if (name == QLatin1String("changed"))
        return SegmentChange::Kind::Changed;
    return SegmentChange::Kind::Added;
}

// A query on `db` that reports its own failure as a storage error.
class Sql
{
public:
    explicit Sql(const QSqlDatabase &db) : m_query(db) { m_query.setForwardOnly(true); }

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

} // namespace

QString SyncRun::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Succeeded:
        break;
    }
    return QStringLiteral("succeeded");
}

QString SegmentChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Added:
        break;
    }
    return QStringLiteral("added");
}

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
        if (!db.transaction())
            return fail(tr("The segment store %1 cannot be set up: %2")
                            .arg(QDir::toNativeSeparators(m_path), db.lastError().text()));
        bool ok = true;
        if (version < 1) {
            for (const char *statement : kSchemaV1)
                ok = ok && q.exec(QLatin1String(statement));
        }
        ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion));
        if (!ok || !db.commit()) {
            const QString why = q.error().isValid() ? q.error().text() : db.lastError().text();
            db.rollback();
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

Result<qint64> SegmentStore::sourceId(const SourceKey &source, const QString &vendor, bool create)
{
    if (const std::optional<qint64> id = existingSourceId(source))
        return *id;
    if (!create)
        return Error::storage(tr("No snapshot of “%1”").arg(source.profile));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO source (profile, environment, vendor) VALUES (:p, :e, :v)"));
    q.bind(QStringLiteral(":p"), source.profile)
        .bind(QStringLiteral(":e"), text(source.environment))
        .bind(QStringLiteral(":v"), vendor);
    if (!q.exec())
        return failure(tr("Could not write to the segment store"), q.error().text());
    return q.lastInsertId().toLongLong();
}

namespace {

const QString kRunColumns =
    QStringLiteral("id, started_at, ended_at, rows, outcome, error, added, removed, changed, baseline");

SyncRun runFrom(const Sql &q)
{
    SyncRun run;
    run.id = q.value(0).toLongLong();
    run.started = fromMs(q.value(1));
    run.ended = fromMs(q.value(2));
    run.rows = q.value(3).toLongLong();
    run.outcome = outcomeFromName(q.value(4).toString());
    run.error = q.value(5).toString();
    run.added = q.value(6).toInt();
    run.removed = q.value(7).toInt();
    run.changed = q.value(8).toInt();
    run.baseline = q.value(9).toBool();
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
    q.prepare(QStringLiteral("SELECT key, record, first_seen, last_changed FROM segment"
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
        const QByteArray json = q.value(1).toByteArray();
        StoredSegment s;
        s.key = q.value(0).toString();
        s.segment = Segment::fromRecord(QJsonDocument::fromJson(json).object(), columns, json);
        s.firstSeen = fromMs(q.value(2));
        s.lastChanged = fromMs(q.value(3));
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
    q.prepare(QStringLiteral("SELECT c.kind, c.key, c.fields, c.before, g.record FROM segment_change c"
                             " JOIN segment g ON g.source_id = :s AND g.key = c.key"
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
        if (c.kind == SegmentChange::Kind::Removed)
            c.before = q.value(4).toByteArray(); // a removed segment keeps its last record
        else
            c.after = q.value(4).toByteArray();
        if (c.kind == SegmentChange::Kind::Changed)
            c.before = q.value(3).toByteArray();
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

std::unique_ptr<SyncWriter> SegmentStore::beginSync(const SourceKey &source, const VendorApi *vendor)
{
    return std::unique_ptr<SyncWriter>(new SyncWriter(this, source, vendor, ++m_nextStaging));
}

// --- SyncWriter ---------------------------------------------------------------------------------

SyncWriter::SyncWriter(SegmentStore *store, const SourceKey &source, const VendorApi *vendor, int staging)
    : m_store(store),
      m_source(source),
      m_vendor(vendor),
      m_table(QStringLiteral("temp.sync_staging_%1").arg(staging)),
      m_started(QDateTime::currentDateTimeUtc())
{
    if (!store->isOpen()) {
        m_error = Error::storage(tr("The segment store is not open"));
        m_done = true;
        return;
    }
    Sql q(QSqlDatabase::database(store->m_connection, false));
    // In the connection's temporary database: staging takes no lock on the store's file.
    if (!q.exec(QStringLiteral("CREATE TABLE %1 (key TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                               " content_hash INTEGER NOT NULL, record BLOB NOT NULL)")
                    .arg(m_table))) {
        m_error = Error::storage(tr("Could not start a sync in the segment store: %1").arg(q.error().text()));
        m_done = true;
    }
}

SyncWriter::~SyncWriter()
{
    if (!m_done)
        abandon(Error::cancelled());
}

void SyncWriter::dropStaging()
{
    Sql q(QSqlDatabase::database(m_store->m_connection, false));
    q.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(m_table));
}

Error SyncWriter::add(const QList<Segment> &segments)
{
    if (m_done)
        return m_error.isError() ? m_error : Error::usage(tr("This sync has ended"));
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    // Only the temporary database is written: the store's file stays free for other writers.
    db.transaction();
    Sql q(db);
    // A key listed twice (a list that shifted while it was walked) keeps its first record.
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (key, position, content_hash, record) VALUES (?, ?, ?, ?)")
                  .arg(m_table));
    for (const Segment &s : segments) {
        const QJsonObject record = s.object();
        q.bind(0, m_vendor->recordKey(record)).bind(1, m_rows++).bind(2, m_vendor->contentHash(record)).bind(3, s.json);
        if (!q.exec()) {
            const Error e = Error::storage(tr("Could not keep the sync's segments: %1").arg(q.error().text()));
            db.rollback();
            return e;
        }
    }
    if (!db.commit())
        return Error::storage(tr("Could not keep the sync's segments: %1").arg(db.lastError().text()));
    return {};
}

void SyncWriter::recordFailure(const Error &why)
{
    // Best effort, in a transaction of its own: a full disk may refuse even this.
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    if (!db.transaction())
        return;
    const Result<qint64> source = m_store->sourceId(m_source, m_vendor->id(), true);
    Sql q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_run (source_id, started_at, ended_at, rows, outcome, error)"
                             " VALUES (:s, :start, :end, :rows, :outcome, :error)"));
    q.bind(QStringLiteral(":s"), source ? source.value() : 0)
        .bind(QStringLiteral(":start"), toMs(m_started))
        .bind(QStringLiteral(":end"), toMs(QDateTime::currentDateTimeUtc()))
        .bind(QStringLiteral(":rows"), m_rows)
        .bind(QStringLiteral(":outcome"),
              SyncRun::outcomeName(why.kind == Error::Kind::Cancelled ? SyncRun::Outcome::Cancelled
                                                                      : SyncRun::Outcome::Failed))
        .bind(QStringLiteral(":error"), text(why.kind == Error::Kind::Cancelled ? QString() : why.toString()));
    if (!source || !q.exec() || !db.commit())
        db.rollback();
}

void SyncWriter::abandon(const Error &why)
{
    if (m_done)
        return;
    m_done = true;
    dropStaging();
    recordFailure(why);
}

Result<SyncRun> SyncWriter::commit()
{
    if (m_done)
        return m_error.isError() ? m_error : Error::usage(tr("This sync has ended"));
    m_done = true;
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    SyncRun run;
    run.started = m_started;
    run.ended = QDateTime::currentDateTimeUtc();
    run.rows = m_rows;
    const qint64 now = toMs(run.ended);

    // BEGIN IMMEDIATE: take the write lock before reading, so no other writer slips in between.
    Sql q(db);
    const auto failWith = [&](const QString &what, const QSqlError &error) -> Result<SyncRun> {
        const Error e =
            Error::storage(tr("%1 (%2): %3").arg(what, QDir::toNativeSeparators(m_store->path()), error.text()));
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        dropStaging();
        // A store that is locked or full cannot take the record of the failure either.
        const QString code = error.nativeErrorCode();
        if (code != QLatin1String("5") && code != QLatin1String("6") && code != QLatin1String("13"))
            recordFailure(e);
        return e;
    };
    const QString writeFailed = tr("The sync could not be saved; the previous snapshot is kept");
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failWith(writeFailed, q.error());
    const Result<qint64> sourceResult = m_store->sourceId(m_source, m_vendor->id(), true);
    if (!sourceResult)
        return failWith(writeFailed, db.lastError());
    const qint64 source = sourceResult.value();

    // The previous snapshot: its run (none before the first sync) and when it ended.
    std::optional<qint64> previousEnd;
    q.prepare(QStringLiteral("SELECT r.ended_at FROM source s JOIN sync_run r ON r.id = s.last_sync_id"
                             " WHERE s.id = :s"));
    q.bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failWith(writeFailed, q.error());
    if (q.next())
        previousEnd = q.value(0).toLongLong();
    run.baseline = !previousEnd.has_value();

    q.prepare(QStringLiteral("INSERT INTO sync_run (source_id, started_at, ended_at, rows, outcome, baseline)"
                             " VALUES (:s, :start, :end, :rows, 'succeeded', :baseline)"));
    q.bind(QStringLiteral(":s"), source)
        .bind(QStringLiteral(":start"), toMs(run.started))
        .bind(QStringLiteral(":end"), now)
        .bind(QStringLiteral(":rows"), run.rows)
        .bind(QStringLiteral(":baseline"), run.baseline);
    if (!q.exec())
        return failWith(writeFailed, q.error());
    run.id = q.lastInsertId().toLongLong();

    const auto execBound = [&](const QString &sql) {
        q.prepare(sql.arg(m_table));
        q.bind(QStringLiteral(":s"), source).bind(QStringLiteral(":run"), run.id).bind(QStringLiteral(":now"), now);
        return q.exec();
    };
    if (!run.baseline) {
        // Changed in content: the fields that differ are the vendor's to name.
        q.prepare(QStringLiteral("SELECT t.key, g.record, t.record FROM %1 t JOIN segment g"
                                 " ON g.source_id = :s AND g.key = t.key"
                                 " WHERE g.removed_at IS NULL AND g.content_hash <> t.content_hash")
                      .arg(m_table));
        q.bind(QStringLiteral(":s"), source);
        if (!q.exec())
            return failWith(writeFailed, q.error());
        QList<SegmentChange> changed;
        while (q.next()) {
            SegmentChange c;
            c.kind = SegmentChange::Kind::Changed;
            c.key = q.value(0).toString();
            c.before = q.value(1).toByteArray();
            c.fields = m_vendor->changedContentFields(QJsonDocument::fromJson(c.before).object(),
                                                      QJsonDocument::fromJson(q.value(2).toByteArray()).object());
            changed.append(std::move(c));
        }
        Sql insert(db);
        insert.prepare(QStringLiteral("INSERT INTO segment_change (run_id, key, kind, fields, before)"
                                      " VALUES (:run, :key, 'changed', :fields, :before)"));
        for (const SegmentChange &c : std::as_const(changed)) {
            insert.bind(QStringLiteral(":run"), run.id)
                .bind(QStringLiteral(":key"), c.key)
                .bind(QStringLiteral(":fields"), c.fields.join(QLatin1Char(';')))
                .bind(QStringLiteral(":before"), c.before);
            if (!insert.exec())
                return failWith(writeFailed, insert.error());
        }
        run.changed = int(changed.size());

        if (!execBound(QStringLiteral("INSERT INTO segment_change (run_id, key, kind) SELECT :run, t.key, 'added'"
                                      " FROM %1 t WHERE NOT EXISTS (SELECT 1 FROM segment g WHERE g.source_id = :s"
                                      " AND g.key = t.key AND g.removed_at IS NULL)")))
            return failWith(writeFailed, q.error());
        run.added = q.affected();
        if (!execBound(QStringLiteral("INSERT INTO segment_change (run_id, key, kind) SELECT :run, g.key, 'removed'"
                                      " FROM segment g WHERE g.source_id = :s AND g.removed_at IS NULL"
                                      " AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.key = g.key)")))
            return failWith(writeFailed, q.error());
        run.removed = q.affected();
    }

    // Gone from the listing: kept, with when it was last seen and when it went.
    q.prepare(QStringLiteral("UPDATE segment SET removed_at = :now, last_seen = :seen WHERE source_id = :s"
                             " AND removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.key = segment.key)")
                  .arg(m_table));
    q.bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":seen"), previousEnd.value_or(now))
        .bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failWith(writeFailed, q.error());
    // The rest: new ones inserted; existing ones rewritten only where their record or place changed.
    if (!execBound(QStringLiteral(
            "INSERT INTO segment (source_id, key, position, record, content_hash, first_seen, last_changed)"
            " SELECT :s, key, position, record, content_hash, :now, :now FROM %1 WHERE true"
            " ON CONFLICT (source_id, key) DO UPDATE SET"
            " position = excluded.position, record = excluded.record, content_hash = excluded.content_hash,"
            " last_changed = CASE WHEN segment.content_hash <> excluded.content_hash OR segment.removed_at IS NOT NULL"
            " THEN excluded.last_changed ELSE segment.last_changed END,"
            " removed_at = NULL, last_seen = NULL"
            " WHERE segment.record <> excluded.record OR segment.position <> excluded.position"
            " OR segment.removed_at IS NOT NULL")))
        return failWith(writeFailed, q.error());

    q.prepare(QStringLiteral("UPDATE sync_run SET added = :a, removed = :r, changed = :c WHERE id = :run"));
    q.bind(QStringLiteral(":a"), run.added)
        .bind(QStringLiteral(":r"), run.removed)
        .bind(QStringLiteral(":c"), run.changed)
        .bind(QStringLiteral(":run"), run.id);
    if (!q.exec())
        return failWith(writeFailed, q.error());
    q.prepare(QStringLiteral("UPDATE source SET last_sync_id = :run, vendor = :v WHERE id = :s"));
    q.bind(QStringLiteral(":run"), run.id)
        .bind(QStringLiteral(":v"), m_vendor->id())
        .bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failWith(writeFailed, q.error());
    if (!q.exec(QStringLiteral("COMMIT")))
        return failWith(writeFailed, q.error());
    dropStaging();
    qCInfo(lcStore) << "synced" << m_source.profile << run.rows << "rows;" << run.added << "added," << run.removed
                    << "removed," << run.changed << "changed";
    return run;
}

} // namespace sb
