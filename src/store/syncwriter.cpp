#include "segmentstore.h"

#include "recordcodec.h"
#include "storedialect.h"
#include "storesql_p.h"

#include "core/logging.h"
#include "core/vendorapi.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

using namespace storesql;

namespace {

// Rows a sync writes beyond which the planner's statistics are brought up to date.
constexpr int kLargeWrite = 1000;
// Staged rows in one INSERT: 11 values each, within the 999 of SQLite before 3.32.
constexpr qsizetype kStagedPerStatement = 90;

} // namespace

// --- SyncWriter ---------------------------------------------------------------------------------

SyncWriter::SyncWriter(SegmentStore *store, const SourceKey &source, const VendorApi *vendor, int staging)
    : m_store(store),
      m_source(source),
      m_vendor(vendor),
      m_table(QStringLiteral("sync_staging_%1").arg(staging)),
      m_started(QDateTime::currentDateTimeUtc())
{
    if (!store->isOpen()) {
        m_error = Error::storage(tr("The segment store is not open"));
        m_done = true;
        return;
    }
    // Another sync of the same source, in another process, is refused before it walks the vendor.
    if (const Error e = store->lockSource(source); e.isError()) {
        m_error = e;
        m_done = true;
        return;
    }
    m_locked = true;
    Sql q(QSqlDatabase::database(store->m_connection, false));
    // In the connection's temporary tables: staging takes no lock on the store. The rows wait there
    // by their place in the listing; what the comparison needs is also kept in memory.
    if (!q.exec(store->m_dialect
                    ->sql("CREATE TEMP TABLE %1 (ordinal {int} PRIMARY KEY, key TEXT NOT NULL,"
                          " content_hash {int} NOT NULL, compressed {int} NOT NULL, record {blob} NOT NULL,"
                          " name TEXT, description TEXT, tags TEXT, created {int}, modified {int},"
                          " words TEXT)")
                    .arg(m_table))) {
        m_error = Error::storage(tr("Could not start a sync in the segment store: %1").arg(q.error().text()));
        m_done = true;
        unlock();
        return;
    }
    // The source's dictionary, when it has one: this sync's records are compressed with it.
    q.prepare(QStringLiteral("SELECT d.id, d.bytes FROM source s JOIN dictionary d ON d.id = s.dictionary_id"
                             " WHERE s.profile = :p AND s.environment = :e"));
    q.bind(QStringLiteral(":p"), source.profile).bind(QStringLiteral(":e"), text(source.environment));
    if (q.exec() && q.next()) {
        auto compressor = std::make_unique<RecordCompressor>(q.value(1).toByteArray());
        if (compressor->isValid()) {
            m_dictionaryId = q.value(0).toLongLong();
            m_compressor = std::move(compressor);
            m_settled = true;
        }
    }
}

SyncWriter::~SyncWriter()
{
    if (!m_done)
        abandon(Error::cancelled());
    unlock();
}

void SyncWriter::unlock()
{
    if (std::exchange(m_locked, false))
        m_store->unlockSource(m_source);
}

void SyncWriter::dropStaging()
{
    Sql q(QSqlDatabase::database(m_store->m_connection, false));
    q.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(m_table));
}

Error SyncWriter::stage(const QList<Held> &records, qsizetype first)
{
    if (records.isEmpty())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    // Only the temporary tables are written: the store stays free for other writers.
    db.transaction();
    // Rows go kStagedPerStatement to a statement: on PostgreSQL each statement is a round trip
    // to the server, which for 100,000 rows one at a time took longer than all the rest.
    constexpr qsizetype kColumns = 11;
    const auto statementFor = [this](qsizetype rows) -> QString {
        const QString row = QLatin1Char('(') + QStringList(kColumns, QStringLiteral("?")).join(u',') + QLatin1Char(')');
        return QStringLiteral("INSERT INTO %1 (ordinal, key, content_hash, compressed, record, name, description, tags,"
                              " created, modified, words) VALUES ")
                   .arg(m_table)
            + QStringList(rows, row).join(u',');
    };
    Sql full(db);
    full.prepare(statementFor(qMin(kStagedPerStatement, records.size())));
    const Dialect &dialect = *m_store->m_dialect;
    for (qsizetype start = 0; start < records.size(); start += kStagedPerStatement) {
        const qsizetype count = qMin(kStagedPerStatement, records.size() - start);
        std::optional<Sql> last;
        if (count != qMin(kStagedPerStatement, records.size())) {
            last.emplace(db);
            last->prepare(statementFor(count));
        }
        Sql &q = last ? *last : full;
        for (qsizetype r = 0; r < count; ++r) {
            const qsizetype i = start + r;
            Listed &listed = m_listed[first + i];
            std::optional<QByteArray> compressed;
            if (m_compressor)
                compressed = m_compressor->compress(records.at(i).json);
            listed.compressed = compressed.has_value();
            const QByteArray &stored = compressed ? *compressed : records.at(i).json;
            listed.bytesHash = bytesHash(stored);
            const SegmentSummary &summary = records.at(i).summary;
            const int at = int(r * kColumns);
            q.bind(at, first + i)
                .bind(at + 1, listed.key)
                .bind(at + 2, listed.contentHash)
                .bind(at + 3, qint64(listed.compressed ? 1 : 0))
                .bind(at + 4, stored)
                .bind(at + 5, text(summary.name))
                .bind(at + 6, text(summary.description))
                .bind(at + 7, text(summary.tags.join(QLatin1Char('\n'))))
                .bind(at + 8, msOrNull(summary.created))
                .bind(at + 9, msOrNull(summary.modified))
                .bind(at + 10,
                      dialect.searchWords(estateWords(listed.key + QLatin1Char(' ') + summary.name + QLatin1Char(' ')
                                                      + summary.description + QLatin1Char(' ')
                                                      + summary.tags.join(QLatin1Char(' ')))));
        }
        if (!q.exec()) {
            const Error e = Error::storage(tr("Could not keep the sync's segments: %1").arg(q.error().text()));
            db.rollback();
            return e;
        }
    }
    if (!db.commit()) {
        const Error e = Error::storage(tr("Could not keep the sync's segments: %1").arg(db.lastError().text()));
        db.rollback();
        return e;
    }
    m_staged = first + records.size();
    return {};
}

Error SyncWriter::settleDictionary(bool final)
{
    if (!m_settled) {
        if (m_held.size() < kDictionarySamples && !final)
            return {};
        m_settled = true;
        // A source too small to train on keeps its records as they came.
        if (m_held.size() >= kDictionarySamples) {
            QList<QByteArray> samples;
            samples.reserve(m_held.size());
            for (const Held &h : std::as_const(m_held))
                samples.append(h.json);
            if (std::optional<QByteArray> dictionary = trainDictionary(samples)) {
                auto compressor = std::make_unique<RecordCompressor>(*dictionary);
                if (compressor->isValid()) {
                    m_newDictionary = *dictionary;
                    m_compressor = std::move(compressor);
                }
            }
        }
    }
    const QList<Held> held = std::exchange(m_held, {});
    return held.isEmpty() ? Error() : stage(held, m_staged);
}

Error SyncWriter::add(const QList<Segment> &segments)
{
    if (m_done)
        return m_error.isError() ? m_error : Error::usage(tr("This sync has ended"));
    for (const Segment &s : segments) {
        const QJsonObject record = s.object();
        QString key = m_vendor->recordKey(record);
        // A key listed twice (a list that shifted while it was walked) keeps its first record.
        if (m_keys.contains(key))
            continue;
        m_keys.insert(key);
        m_listed.append({std::move(key), m_vendor->contentHash(record), 0, false});
        m_held.append({s.json, m_vendor->summary(record)});
    }
    m_rows = m_listed.size();
    return settleDictionary(false);
}

void SyncWriter::recordFailure(const Error &why)
{
    // Best effort, in a transaction of its own: a full disk may refuse even this.
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    if (!db.transaction())
        return;
    const Result<qint64> source = m_store->sourceId(m_source, m_vendor->id(), true);
    Sql q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_run (source_id, started_at, ended_at, rows, outcome, error, machine,"
                             " user_name) VALUES (:s, :start, :end, :rows, :outcome, :error, :machine, :user)"));
    q.bind(QStringLiteral(":s"), source ? source.value() : 0)
        .bind(QStringLiteral(":machine"), text(SyncRun::thisMachine()))
        .bind(QStringLiteral(":user"), text(SyncRun::thisUser()))
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

Error SyncWriter::apply(qint64 source, qint64 seen, qint64 now, SyncRun &run)
{
    QSqlDatabase db = QSqlDatabase::database(m_store->m_connection, false);
    Sql q(db);
    const auto failed = [](const Sql &query) {
        return Error::storage(query.error().text());
    };
    const auto dictionaryOf = [this](const Listed &row) {
        return row.compressed ? m_dictionaryId : qint64(0);
    };
    const Dialect &dialect = *m_store->m_dialect;
    if (run.baseline) {
        // The first snapshot: every row as listed, in one statement.
        q.prepare(QStringLiteral("INSERT INTO segment (source_id, key, position, content_hash, first_seen,"
                                 " last_changed, dictionary_id, record, name, description, tags, created, modified%2)"
                                 " SELECT :s, key, ordinal, content_hash, :now, :now, CASE WHEN compressed <> 0 THEN :d"
                                 " ELSE 0 END, record, name, description, tags, created, modified%3 FROM %1"
                                 " ORDER BY ordinal")
                      .arg(m_table, dialect.searchColumn(), dialect.searchFromStaging()));
        q.bind(QStringLiteral(":s"), source)
            .bind(QStringLiteral(":now"), now)
            .bind(QStringLiteral(":d"), m_dictionaryId);
        return q.exec() ? Error() : failed(q);
    }

    // The snapshot as it is, read once in the table's order: its small columns, and a hash of each
    // stored record so that only records whose bytes changed are written again.
    struct Prior
    {
        qint64 id = 0;
        qint64 contentHash = 0;
        qint64 bytesHash = 0;
        qint64 dictionary = 0;
        double place = 0;
        bool present = false; // in the snapshot (not removed before)
        bool listed = false; // in this sync's listing
    };
    QHash<QString, Prior> priors;
    q.prepare(QStringLiteral("SELECT id, key, content_hash, dictionary_id, position, removed_at IS NULL, record"
                             " FROM segment WHERE source_id = :s"));
    q.bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failed(q);
    while (q.next()) {
        priors.insert(q.value(1).toString(),
                      {q.value(0).toLongLong(), q.value(2).toLongLong(), bytesHash(q.value(6).toByteArray()),
                       q.value(3).toLongLong(), q.value(4).toDouble(), q.value(5).toBool(), false});
    }

    // The listing beside it: what is new, back, changed, rewritten, and where each row goes.
    struct Row
    {
        Prior *prior = nullptr; // none: new
        std::optional<double> place; // none: new, or back after it was removed
        bool dirty = true; // new, back, or its record's bytes changed: written
        bool back = false; // in the store, removed by an earlier sync, listed again
    };
    QList<Row> rows(m_listed.size());
    QList<qsizetype> changedRows;
    bool inOrder = true;
    std::optional<double> last;
    for (qsizetype i = 0; i < m_listed.size(); ++i) {
        const Listed &listed = m_listed.at(i);
        const auto found = priors.find(listed.key);
        Row &row = rows[i];
        if (found == priors.end())
            continue;
        row.prior = &found.value();
        row.prior->listed = true;
        if (!row.prior->present) {
            row.back = true;
            ++run.added;
            continue;
        }
        row.place = row.prior->place;
        row.dirty = row.prior->bytesHash != listed.bytesHash || row.prior->dictionary != dictionaryOf(listed)
            || row.prior->contentHash != listed.contentHash;
        if (row.prior->contentHash != listed.contentHash)
            changedRows.append(i);
        inOrder = inOrder && (!last || *last < *row.place);
        last = row.place;
    }
    for (const Row &row : std::as_const(rows))
        run.added += row.prior ? 0 : 1;
    run.changed = int(changedRows.size());

    // New rows between their neighbours; a new order, or no room left between two, numbers anew.
    for (qsizetype i = 0; inOrder && i < rows.size();) {
        if (rows.at(i).place) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < rows.size() && !rows.at(end).place)
            ++end;
        const std::optional<double> before = i > 0 ? rows.at(i - 1).place : std::nullopt;
        const std::optional<double> after = end < rows.size() ? rows.at(end).place : std::nullopt;
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
            rows[i + k].place = first + step * double(k);
        i = end;
    }

    Sql change(db);
    change.prepare(QStringLiteral("INSERT INTO segment_change (run_id, segment_id, kind, fields,"
                                  " before_dictionary_id, before) VALUES (:run, :id, :kind, :fields, :bd, :before)"));
    const auto recordChange = [&](qint64 id, const QString &kind, const QStringList &fields, qint64 beforeDictionary,
                                  const QVariant &before) {
        change.bind(QStringLiteral(":run"), run.id)
            .bind(QStringLiteral(":id"), id)
            .bind(QStringLiteral(":kind"), kind)
            .bind(QStringLiteral(":fields"), text(fields.join(QLatin1Char(';'))))
            .bind(QStringLiteral(":bd"), beforeDictionary)
            .bind(QStringLiteral(":before"), before);
        return change.exec();
    };
    const QVariant noRecord {QMetaType(QMetaType::QByteArray)};

    // Changed in content, before the rows are written: the fields that differ are the vendor's to
    // name, and the record it replaces is kept with the change.
    Sql old(db);
    old.prepare(QStringLiteral("SELECT dictionary_id, record FROM segment WHERE id = :id"));
    Sql staged(db);
    staged.prepare(QStringLiteral("SELECT record FROM %1 WHERE ordinal = :o").arg(m_table));
    for (const qsizetype i : std::as_const(changedRows)) {
        const Listed &listed = m_listed.at(i);
        old.bind(QStringLiteral(":id"), rows.at(i).prior->id);
        staged.bind(QStringLiteral(":o"), i);
        if (!old.exec() || !old.next())
            return failed(old);
        if (!staged.exec() || !staged.next())
            return failed(staged);
        const qint64 beforeDictionary = old.value(0).toLongLong();
        const QByteArray before = old.value(1).toByteArray();
        const Result<QByteArray> beforeJson = m_store->record(beforeDictionary, before);
        if (!beforeJson)
            return beforeJson.error();
        const Result<QByteArray> afterJson = m_store->record(dictionaryOf(listed), staged.value(0).toByteArray());
        if (!afterJson)
            return afterJson.error();
        const QStringList fields = m_vendor->changedContentFields(QJsonDocument::fromJson(beforeJson.value()).object(),
                                                                  QJsonDocument::fromJson(afterJson.value()).object());
        if (!recordChange(rows.at(i).prior->id, QStringLiteral("changed"), fields, beforeDictionary, before))
            return failed(change);
    }

    // Gone from the listing: kept, with when it was last seen and when it went.
    Sql mark(db);
    mark.prepare(QStringLiteral("UPDATE segment SET removed_at = :now, last_seen = :seen WHERE id = :id"));
    for (const Prior &prior : std::as_const(priors)) {
        if (!prior.present || prior.listed)
            continue;
        mark.bind(QStringLiteral(":now"), now)
            .bind(QStringLiteral(":seen"), seen)
            .bind(QStringLiteral(":id"), prior.id);
        if (!mark.exec())
            return failed(mark);
        if (!recordChange(prior.id, QStringLiteral("removed"), {}, 0, noRecord))
            return failed(change);
        ++run.removed;
    }

    // Only the rows that are new, back, rewritten or moved are written.
    Sql insert(db);
    insert.prepare(QStringLiteral("INSERT INTO segment (source_id, key, position, content_hash, first_seen,"
                                  " last_changed, dictionary_id, record, name, description, tags, created, modified%2)"
                                  " SELECT :s, key, :p, content_hash, :now, :now, :d, record, name, description, tags,"
                                  " created, modified%3 FROM %1 WHERE ordinal = :o")
                       .arg(m_table, dialect.searchColumn(), dialect.searchFromStaging()));
    Sql rewrite(db);
    rewrite.prepare(QStringLiteral("UPDATE segment SET position = :p, content_hash = :c, dictionary_id = :d,"
                                   " (record, name, description, tags, created, modified%2) = (SELECT record, name,"
                                   " description, tags, created, modified%3 FROM %1 WHERE ordinal = :o),"
                                   " last_changed = CASE WHEN content_hash <> :c OR removed_at IS NOT NULL"
                                   " THEN :now ELSE last_changed END, removed_at = NULL, last_seen = NULL"
                                   " WHERE id = :id")
                        .arg(m_table, dialect.searchColumn(), dialect.searchFromStaging()));
    Sql move(db);
    move.prepare(QStringLiteral("UPDATE segment SET position = :p WHERE id = :id"));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const Listed &listed = m_listed.at(i);
        const double place = inOrder ? *row.place : double(i);
        if (!row.prior) {
            insert.bind(QStringLiteral(":s"), source)
                .bind(QStringLiteral(":p"), place)
                .bind(QStringLiteral(":now"), now)
                .bind(QStringLiteral(":d"), dictionaryOf(listed))
                .bind(QStringLiteral(":o"), i);
            if (!insert.exec())
                return failed(insert);
            if (!recordChange(insert.lastInsertId().toLongLong(), QStringLiteral("added"), {}, 0, noRecord))
                return failed(change);
        } else if (row.dirty) {
            // A segment back after a removal: the record it had when it went is kept with the
            // change, so that the snapshots from before it came back can be read again.
            QVariant beforeBack = noRecord;
            qint64 beforeBackDictionary = 0;
            if (row.back) {
                old.bind(QStringLiteral(":id"), row.prior->id);
                if (!old.exec() || !old.next())
                    return failed(old);
                beforeBackDictionary = old.value(0).toLongLong();
                beforeBack = old.value(1);
            }
            rewrite.bind(QStringLiteral(":p"), place)
                .bind(QStringLiteral(":c"), listed.contentHash)
                .bind(QStringLiteral(":d"), dictionaryOf(listed))
                .bind(QStringLiteral(":o"), i)
                .bind(QStringLiteral(":now"), now)
                .bind(QStringLiteral(":id"), row.prior->id);
            if (!rewrite.exec())
                return failed(rewrite);
            if (row.back && !recordChange(row.prior->id, QStringLiteral("added"), {}, beforeBackDictionary, beforeBack))
                return failed(change);
        } else if (place != row.prior->place) {
            move.bind(QStringLiteral(":p"), place).bind(QStringLiteral(":id"), row.prior->id);
            if (!move.exec())
                return failed(move);
        }
    }
    return {};
}

void SyncWriter::abandon(const Error &why)
{
    if (m_done)
        return;
    m_done = true;
    dropStaging();
    recordFailure(why);
    unlock();
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
    // Records still held back (a source too small for a dictionary) are staged as they came.
    if (const Error e = settleDictionary(true); e.isError()) {
        dropStaging();
        recordFailure(e);
        unlock();
        return e;
    }
    run.rows = m_rows;
    const qint64 now = toMs(run.ended);

    // The write lock before reading (SQLite: BEGIN IMMEDIATE), so no other writer slips in between.
    Sql q(db);
    const auto failWith = [&](const QString &what, const QSqlError &error) -> Result<SyncRun> {
        const Error e = Error::storage(tr("%1 (%2): %3").arg(what, m_store->displayPath(), error.text()));
        Sql(db).exec(QStringLiteral("ROLLBACK"));
        dropStaging();
        // A dictionary this sync saved is gone with the rollback: its id is not a dictionary.
        m_store->m_decompressors.clear();
        // A store that is locked or full cannot take the record of the failure either.
        if (!m_store->m_dialect->refusesWrites(error.nativeErrorCode()))
            recordFailure(e);
        unlock();
        return e;
    };
    const QString writeFailed = tr("The sync could not be saved; the previous snapshot is kept");
    if (!q.exec(m_store->m_dialect->beginWrite()))
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

    run.machine = SyncRun::thisMachine();
    run.user = SyncRun::thisUser();
    q.prepare(QStringLiteral("INSERT INTO sync_run (source_id, started_at, ended_at, rows, outcome, baseline, machine,"
                             " user_name) VALUES (:s, :start, :end, :rows, 'succeeded', :baseline, :machine, :user)"));
    q.bind(QStringLiteral(":s"), source)
        .bind(QStringLiteral(":machine"), text(run.machine))
        .bind(QStringLiteral(":user"), text(run.user))
        .bind(QStringLiteral(":start"), toMs(run.started))
        .bind(QStringLiteral(":end"), now)
        .bind(QStringLiteral(":rows"), run.rows)
        .bind(QStringLiteral(":baseline"), qint64(run.baseline ? 1 : 0));
    if (!q.exec())
        return failWith(writeFailed, q.error());
    run.id = q.lastInsertId().toLongLong();

    // The source's dictionary this sync compressed with must still be there (a profile removed
    // meanwhile takes its dictionaries with it): otherwise its records could not be read back.
    if (m_dictionaryId != 0 && m_newDictionary.isEmpty()) {
        q.prepare(QStringLiteral("SELECT 1 FROM dictionary WHERE id = :d AND source_id = :s"));
        q.bind(QStringLiteral(":d"), m_dictionaryId).bind(QStringLiteral(":s"), source);
        if (!q.exec())
            return failWith(writeFailed, q.error());
        if (!q.next())
            return failWith(
                writeFailed,
                QSqlError(tr("the profile's snapshots were removed during the sync"), {}, QSqlError::StatementError));
    }

    // A dictionary trained by this sync: saved with it, and the source's from now on (unless
    // another sync gave it one meanwhile; each record names the dictionary it was made with).
    if (!m_newDictionary.isEmpty()) {
        q.prepare(QStringLiteral("INSERT INTO dictionary (source_id, bytes) VALUES (:s, :b)"));
        q.bind(QStringLiteral(":s"), source).bind(QStringLiteral(":b"), m_newDictionary);
        if (!q.exec())
            return failWith(writeFailed, q.error());
        m_dictionaryId = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral("UPDATE source SET dictionary_id = :d WHERE id = :s AND dictionary_id IS NULL"));
        q.bind(QStringLiteral(":d"), m_dictionaryId).bind(QStringLiteral(":s"), source);
        if (!q.exec())
            return failWith(writeFailed, q.error());
    }

    if (const Error e = apply(source, previousEnd.value_or(now), now, run); e.isError())
        return failWith(writeFailed, QSqlError(e.message, {}, QSqlError::StatementError));

    if (const Error e = writeUsage(source); e.isError())
        return failWith(writeFailed, QSqlError(e.message, {}, QSqlError::StatementError));
    if (const Error e = writeProfile(now); e.isError())
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
    unlock();
    if (run.baseline || run.added + run.removed + run.changed >= kLargeWrite) {
        for (const QString &statement : m_store->m_dialect->afterLargeWrite())
            Sql(db).exec(statement); // only statistics: a failure costs speed, not data
    }
    // Dropping 100,000 staged rows takes a while: not now, while the caller waits for the sync.
    m_store->m_spentStaging.append(m_table);
    qCInfo(lcStore) << "synced" << m_source.profile << run.rows << "rows;" << run.added << "added," << run.removed
                    << "removed," << run.changed << "changed";
    return run;
}

} // namespace sb
