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
    // The record last: SQLite reads a row's columns in order, and a long record spills onto
    // overflow pages that a query of the small columns then never has to read.
    "CREATE TABLE segment ("
    " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
    " key TEXT NOT NULL,"
    // The place in the vendor's order: a sync in the same order keeps the old rows' places, and
    // a new row goes between its neighbours, so that rows do not move (and are not rewritten)
    // because others came or went.
    " position REAL NOT NULL,"
    " content_hash INTEGER NOT NULL,"
    " record_hash INTEGER NOT NULL," // of the record's bytes: a sync compares these, not the records
    " first_seen INTEGER NOT NULL,"
    " last_changed INTEGER NOT NULL,"
    " last_seen INTEGER,"
    " removed_at INTEGER,"
    " record BLOB NOT NULL,"
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

// FNV-1a, 64 bits: the same in every process and on every machine (qHash is seeded per process).
qint64 bytesHash(const QByteArray &bytes)
{
    quint64 h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    return qint64(h);
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
    // Kept in the listing's order (the ordinal is the row id): a walk in that order sorts nothing.
    if (!q.exec(QStringLiteral("CREATE TABLE %1 (ordinal INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, position REAL,"
                               " dirty INTEGER NOT NULL DEFAULT 0,"
                               " content_hash INTEGER NOT NULL, record_hash INTEGER NOT NULL, record BLOB NOT NULL)")
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
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (key, ordinal, position, content_hash, record_hash, record)"
                             " VALUES (?, ?, ?, ?, ?, ?)")
                  .arg(m_table));
    for (const Segment &s : segments) {
        const QJsonObject record = s.object();
        q.bind(0, m_vendor->recordKey(record))
            .bind(1, m_rows)
            .bind(2, double(m_rows))
            .bind(3, m_vendor->contentHash(record))
            .bind(4, bytesHash(s.json))
            .bind(5, s.json);
        ++m_rows;
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

Error SyncWriter::apply(qint64 source, qint64 seen, qint64 previousRows, qint64 now, SyncRun &run)
{
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    Sql q(db);
    const auto failed = [&q] {
        return Error::storage(q.error().text());
    };
    if (run.baseline) {
        // The first snapshot: every row as listed.
        q.prepare(QStringLiteral("INSERT INTO segment (source_id, key, position, content_hash, record_hash,"
                                 " first_seen, last_changed, record) SELECT :s, key, ordinal, content_hash,"
                                 " record_hash, :now, :now, record FROM %1 ORDER BY ordinal")
                      .arg(m_table));
        q.bind(QStringLiteral(":s"), source).bind(QStringLiteral(":now"), now);
        return q.exec() ? Error() : failed();
    }

    // One pass over the listing beside the snapshot: what is new, changed, rewritten, and where
    // each row goes. Reading the snapshot's rows once is most of a sync's commit.
    struct Listed
    {
        QString key;
        std::optional<double> place; // none: new, or back after it was removed
        bool dirty = false; // new, back, or its record's bytes changed: written
        bool added = false; // not in the snapshot before
    };
    QList<Listed> listed;
    QStringList changedKeys;
    bool inOrder = true;
    std::optional<double> last;
    q.prepare(QStringLiteral("SELECT t.key, t.content_hash, t.record_hash, g.content_hash, g.record_hash, g.position,"
                             " g.removed_at IS NULL FROM %1 t LEFT JOIN segment g ON g.source_id = :s AND g.key = t.key"
                             " ORDER BY t.ordinal")
                  .arg(m_table));
    q.bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failed();
    qint64 matched = 0;
    while (q.next()) {
        const bool present = !q.value(3).isNull() && q.value(6).toBool();
        Listed row {q.value(0).toString(), std::nullopt, true, !present};
        if (present) {
            ++matched;
            row.place = q.value(5).toDouble();
            row.dirty = q.value(2).toLongLong() != q.value(4).toLongLong();
            if (q.value(1).toLongLong() != q.value(3).toLongLong())
                changedKeys.append(row.key);
            inOrder = inOrder && (!last || *last < *row.place);
            last = row.place;
        }
        listed.append(std::move(row));
    }
    run.added = int(listed.size() - matched);
    run.changed = int(changedKeys.size());

    // New rows between their neighbours; a new order, or no room left between two, numbers anew.
    for (qsizetype i = 0; inOrder && i < listed.size();) {
        if (listed.at(i).place) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < listed.size() && !listed.at(end).place)
            ++end;
        const std::optional<double> before = i > 0 ? listed.at(i - 1).place : std::nullopt;
        const std::optional<double> after = end < listed.size() ? listed.at(end).place : std::nullopt;
        const qsizetype count = end - i;
        double step = 1;
        double first = 0;
        if (before && after) {
            step = (*after - *before) / double(count + 1);
            first = *before + step;
        } else if (before) {
            first = *before + 1;
        } else if (after) {
            first = *after - double(count);
        }
        if (step < 1e-6) {
            inOrder = false;
            break;
        }
        for (qsizetype k = 0; k < count; ++k)
            listed[i + k].place = first + step * double(k);
        i = end;
    }

    Sql change(db);
    change.prepare(QStringLiteral("INSERT INTO segment_change (run_id, key, kind, fields, before)"
                                  " VALUES (:run, :key, :kind, :fields, :before)"));
    const auto recordChange = [&](const QString &key, const QString &kind, const QStringList &fields,
                                  const QVariant &before) {
        change.bind(QStringLiteral(":run"), run.id)
            .bind(QStringLiteral(":key"), key)
            .bind(QStringLiteral(":kind"), kind)
            .bind(QStringLiteral(":fields"), text(fields.join(QLatin1Char(';'))))
            .bind(QStringLiteral(":before"), before);
        return change.exec();
    };
    // Changed in content: the fields that differ are the vendor's to name.
    Sql pair(db);
    pair.prepare(QStringLiteral("SELECT g.record, t.record FROM %1 t JOIN segment g ON g.source_id = :s"
                                " AND g.key = t.key WHERE t.key = :k")
                     .arg(m_table));
    for (const QString &key : std::as_const(changedKeys)) {
        pair.bind(QStringLiteral(":s"), source).bind(QStringLiteral(":k"), key);
        if (!pair.exec() || !pair.next())
            return Error::storage(pair.error().text());
        const QByteArray before = pair.value(0).toByteArray();
        const QStringList fields = m_vendor->changedContentFields(
            QJsonDocument::fromJson(before).object(), QJsonDocument::fromJson(pair.value(1).toByteArray()).object());
        if (!recordChange(key, QStringLiteral("changed"), fields, before))
            return Error::storage(change.error().text());
    }
    for (const Listed &row : std::as_const(listed)) {
        if (row.added
            && !recordChange(row.key, QStringLiteral("added"), {}, QVariant(QMetaType(QMetaType::QByteArray))))
            return Error::storage(change.error().text());
    }
    // Gone from the listing (only looked for when fewer rows matched than the snapshot held): kept,
    // with when it was last seen and when it went.
    if (matched < previousRows) {
        q.prepare(QStringLiteral("SELECT key FROM segment g WHERE source_id = :s AND removed_at IS NULL"
                                 " AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.key = g.key)")
                      .arg(m_table));
        q.bind(QStringLiteral(":s"), source);
        if (!q.exec())
            return failed();
        QStringList gone;
        while (q.next())
            gone.append(q.value(0).toString());
        Sql mark(db);
        mark.prepare(QStringLiteral("UPDATE segment SET removed_at = :now, last_seen = :seen WHERE source_id = :s"
                                    " AND key = :k"));
        for (const QString &key : std::as_const(gone)) {
            mark.bind(QStringLiteral(":now"), now)
                .bind(QStringLiteral(":seen"), seen)
                .bind(QStringLiteral(":s"), source)
                .bind(QStringLiteral(":k"), key);
            if (!mark.exec()
                || !recordChange(key, QStringLiteral("removed"), {}, QVariant(QMetaType(QMetaType::QByteArray))))
                return Error::storage(mark.error().isValid() ? mark.error().text() : change.error().text());
        }
        run.removed = int(gone.size());
    }

    // Only the rows that are new, back, rewritten or moved go into the snapshot's table.
    Sql stage(db);
    stage.prepare(QStringLiteral("UPDATE %1 SET position = :p, dirty = 1 WHERE key = :k").arg(m_table));
    for (qsizetype i = 0; inOrder && i < listed.size(); ++i) {
        const Listed &row = listed.at(i);
        if (!row.dirty)
            continue;
        stage.bind(QStringLiteral(":p"), *row.place).bind(QStringLiteral(":k"), row.key);
        if (!stage.exec())
            return Error::storage(stage.error().text());
    }
    if (!inOrder && !q.exec(QStringLiteral("UPDATE %1 SET position = ordinal, dirty = 1").arg(m_table)))
        return failed();
    q.prepare(QStringLiteral(
                  "INSERT INTO segment (source_id, key, position, content_hash, record_hash, first_seen, last_changed,"
                  " record) SELECT :s, key, position, content_hash, record_hash, :now, :now, record FROM %1"
                  " WHERE dirty = 1 ORDER BY ordinal"
                  " ON CONFLICT (source_id, key) DO UPDATE SET"
                  " position = excluded.position, record = excluded.record, content_hash = excluded.content_hash,"
                  " record_hash = excluded.record_hash,"
                  " last_changed = CASE WHEN segment.content_hash <> excluded.content_hash"
                  " OR segment.removed_at IS NOT NULL THEN excluded.last_changed ELSE segment.last_changed END,"
                  " removed_at = NULL, last_seen = NULL")
                  .arg(m_table));
    q.bind(QStringLiteral(":s"), source).bind(QStringLiteral(":now"), now);
    if (!q.exec())
        return failed();
    return {};
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
    {
        // The rows the snapshot will hold: a key listed twice is kept once.
        Sql count(db);
        if (count.exec(QStringLiteral("SELECT count(*) FROM %1").arg(m_table)) && count.next())
            m_rows = count.value(0).toLongLong();
    }
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
    qint64 previousRows = 0;
    q.prepare(QStringLiteral("SELECT r.ended_at, r.rows FROM source s JOIN sync_run r ON r.id = s.last_sync_id"
                             " WHERE s.id = :s"));
    q.bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failWith(writeFailed, q.error());
    if (q.next()) {
        previousEnd = q.value(0).toLongLong();
        previousRows = q.value(1).toLongLong();
    }
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

    if (const Error e = apply(source, previousEnd.value_or(now), previousRows, now, run); e.isError())
        return failWith(writeFailed, QSqlError(e.message, {}, QSqlError::StatementError));

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
    // Dropping 100,000 staged rows takes a while: not now, while the caller waits for the sync.
    m_store->m_spentStaging.append(m_table);
    qCInfo(lcStore) << "synced" << m_source.profile << run.rows << "rows;" << run.added << "added," << run.removed
                    << "removed," << run.changed << "changed";
    return run;
}

} // namespace sb
