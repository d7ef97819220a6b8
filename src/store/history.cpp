// A snapshot as an earlier sync left it, read back from what the syncs since then changed: each
// change keeps the record it replaced, and a removed segment keeps its last record.

#include "segmentstore.h"

#include "storesql_p.h"

#include "vendors/comparedrecord.h"

#include <QHash>
#include <QScopeGuard>
#include <QSqlDatabase>

namespace sb {

using namespace storesql;

Error SegmentStore::forEachSnapshotEntryAt(const SourceKey &source, qint64 run, const VendorApi *vendor,
                                           qsizetype chunk,
                                           const std::function<Error(const QList<ComparedRecord> &)> &each) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    const std::optional<qint64> sourceId = existingSourceId(source);
    if (!sourceId)
        return Error::storage(tr("Nothing is stored for this profile; sync it first (Sync > Sync Profile)"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT r.outcome, s.last_sync_id FROM sync_run r JOIN source s ON s.id = r.source_id"
                             " WHERE r.id = :r AND r.source_id = :s"));
    q.bind(QStringLiteral(":r"), run).bind(QStringLiteral(":s"), *sourceId);
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    if (!q.next() || SyncRun::outcomeFromName(q.value(0).toString()) != SyncRun::Outcome::Succeeded)
        return Error::storage(tr("That is not one of the profile's successful syncs"));
    if (q.value(1).toLongLong() == run)
        return forEachSnapshotEntry(source, chunk, each);
    // One read transaction: a sync another process commits meanwhile is not half seen.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const bool ownTransaction = db.transaction();
    const auto end = qScopeGuard([&] {
        if (ownTransaction)
            db.rollback();
    });

    // Per segment the syncs after `run` touched: whether the first of them added it (then it was
    // not there yet), and the first change after `run` that kept the record it replaced (then
    // that record is the one `run` left). Segments no later sync touched are as they are now.
    struct Later
    {
        bool addedFirst = false;
        qint64 beforeRun = 0; // 0: the record now is the one `run` left
        bool removed = false; // removed since `run`, before any kept record
        bool unknown = false; // came back without the record it had (a sync before stores kept it)
    };
    QHash<qint64, Later> later;
    q.prepare(QStringLiteral("SELECT c.segment_id, c.run_id, c.kind, c.before IS NOT NULL FROM segment_change c"
                             " JOIN sync_run r ON r.id = c.run_id WHERE r.source_id = :s AND c.run_id > :r"
                             " ORDER BY c.run_id"));
    q.bind(QStringLiteral(":s"), *sourceId).bind(QStringLiteral(":r"), run);
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    while (q.next()) {
        const qint64 segment = q.value(0).toLongLong();
        auto it = later.find(segment);
        if (it == later.end())
            it = later.insert(segment, {q.value(2).toString() == QLatin1String("added"), 0});
        if (it->beforeRun != 0)
            continue;
        const QString kind = q.value(2).toString();
        if (q.value(3).toBool())
            it->beforeRun = q.value(1).toLongLong();
        else if (kind == QLatin1String("removed"))
            it->removed = true;
        else if (kind == QLatin1String("added") && it->removed)
            it->unknown = true; // the record it had when it went was overwritten, not kept
    }
    if (q.error().isValid())
        return failure(tr("Could not read the segment store"), q.error().text());

    Sql before(QSqlDatabase::database(m_connection, false));
    before.prepare(QStringLiteral("SELECT before_dictionary_id, before FROM segment_change"
                                  " WHERE run_id = :r AND segment_id = :id"));
    q.prepare(QStringLiteral("SELECT id, key, name, content_hash, dictionary_id, record, removed_at IS NULL"
                             " FROM segment WHERE source_id = :s ORDER BY position"));
    q.bind(QStringLiteral(":s"), *sourceId);
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    Chunks entries(chunk, each);
    while (q.next()) {
        const auto touched = later.constFind(q.value(0).toLongLong());
        const bool present = touched == later.cend() ? q.value(6).toBool() : !touched->addedFirst;
        if (!present)
            continue;
        if (touched != later.cend() && touched->unknown)
            return Error::storage(tr("That sync cannot be read back exactly: segment “%1” came back later, "
                                     "and the version that synced it did not keep the record it had")
                                      .arg(q.value(1).toString()));
        if (touched != later.cend() && touched->beforeRun != 0) {
            before.bind(QStringLiteral(":r"), touched->beforeRun).bind(QStringLiteral(":id"), q.value(0));
            if (!before.exec() || !before.next())
                return failure(tr("Could not read the segment store"), before.error().text());
            const Result<QByteArray> json = record(before.value(0).toLongLong(), before.value(1).toByteArray());
            if (!json)
                return json.error();
            // Named and hashed as a comparison reads a live record; the key is the stored one.
            ComparedRecord r = comparedRecord(*vendor, json.value());
            r.key = q.value(1).toString();
            if (const Error e = entries.add(std::move(r)); e.isError())
                return e;
        } else {
            const Result<QByteArray> json = record(q.value(4).toLongLong(), q.value(5).toByteArray());
            if (!json)
                return json.error();
            if (const Error e =
                    entries.add({q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(), json.value()});
                e.isError())
                return e;
        }
    }
    if (q.error().isValid())
        return failure(tr("Could not read the segment store"), q.error().text());
    return entries.finish();
}

} // namespace sb
