#include "segmentstore.h"

#include "recordcodec.h"
#include "storedialect.h"
#include "storesql_p.h"

#include "core/logging.h"
#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace sb {

using namespace storesql;

namespace {

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
        .bind(QStringLiteral(":limit"), limit < 0 ? Dialect::noLimit() : limit)
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
    for (const QString &table : {QStringLiteral("source"), QStringLiteral("shared_profile")}) {
        q.prepare(
            QStringLiteral("DELETE FROM %1 WHERE %2 = :p")
                .arg(table, table == QLatin1String("source") ? QStringLiteral("profile") : QStringLiteral("name")));
        q.bind(QStringLiteral(":p"), profile);
        if (!q.exec())
            return failure(tr("Could not write to the segment store"), q.error().text());
    }
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
    if (!q.exec(m_dialect->beginWrite()))
        return failure(failed, q.error().text());
    bool ok = true;
    for (const auto &[table, column] : {std::pair {QStringLiteral("source"), QStringLiteral("profile")},
                                        std::pair {QStringLiteral("shared_profile"), QStringLiteral("name")}}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = :to").arg(table, column));
        q.bind(QStringLiteral(":to"), to);
        ok = ok && q.exec();
        if (ok) {
            q.prepare(QStringLiteral("UPDATE %1 SET %2 = :to WHERE %2 = :from").arg(table, column));
            q.bind(QStringLiteral(":to"), to).bind(QStringLiteral(":from"), from);
            ok = q.exec();
        }
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

namespace {

// The advisory lock of a source's syncs: one 64-bit key per profile and environment.
qint64 sourceLockKey(const SourceKey &source)
{
    return bytesHash(QStringLiteral("sync\n%1\n%2").arg(source.profile, source.environment).toUtf8());
}

} // namespace

Error SegmentStore::lockSource(const SourceKey &source)
{
    if (m_dialect->isSqlite() || !m_open)
        return {};
    const qint64 key = sourceLockKey(source);
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(:k)"));
    q.bind(QStringLiteral(":k"), key);
    if (!q.exec() || !q.next())
        return failure(tr("Could not start a sync in the catalog"), q.error().text());
    if (q.value(0).toBool())
        return {};
    // Who holds it: a bigint key is the lock's classid (high half) and objid (low half).
    q.prepare(QStringLiteral("SELECT a.application_name, a.usename FROM pg_locks l JOIN pg_stat_activity a"
                             " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                             " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                             " AND CAST(l.classid AS bigint) = :hi AND CAST(l.objid AS bigint) = :lo"));
    q.bind(QStringLiteral(":hi"), qint64(quint64(key) >> 32))
        .bind(QStringLiteral(":lo"), qint64(quint64(key) & 0xffffffffu));
    QString holder;
    if (q.exec() && q.next()) {
        static const QRegularExpression ours(QStringLiteral("^Segment Browser \\((.+)\\)$"));
        const QRegularExpressionMatch match = ours.match(q.value(0).toString());
        holder = match.hasMatch() ? match.captured(1) : tr("the catalog's user %1").arg(q.value(1).toString());
    }
    const QString what = source.environment.isEmpty()
        ? QStringLiteral("“%1”").arg(source.profile)
        : QStringLiteral("“%1” (%2)").arg(source.profile, source.environment);
    return Error::storage(
        holder.isEmpty()
            ? tr("%1 is being synced into the catalog by another session; try again when it ends").arg(what)
            : tr("%1 is being synced into the catalog by %2; try again when that sync ends").arg(what, holder));
}

void SegmentStore::unlockSource(const SourceKey &source)
{
    if (m_dialect->isSqlite() || !m_open)
        return;
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT pg_advisory_unlock(:k)"));
    q.bind(QStringLiteral(":k"), sourceLockKey(source));
    q.exec();
}

std::unique_ptr<SyncWriter> SegmentStore::beginSync(const SourceKey &source, const VendorApi *vendor)
{
    dropSpentStaging();
    return std::unique_ptr<SyncWriter>(new SyncWriter(this, source, vendor, ++m_nextStaging));
}

} // namespace sb
