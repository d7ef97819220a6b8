#include "segmentstore.h"

#include "storesql_p.h"

#include "core/logging.h"
#include "core/vendorapi.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

using namespace storesql;

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
