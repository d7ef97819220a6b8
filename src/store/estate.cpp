// The store's side of the grid across every source: the sources, one query over all of their
// segments with search (full text: Dialect::searchFrom()), filters and sort, and a stored segment's record.
#include "segmentstore.h"

#include "storedialect.h"
#include "storesql_p.h"

#include <QDir>
#include <QSqlDatabase>
#include <QVariant>

namespace sb {

using namespace storesql;

namespace {

QDateTime fromMsOrNull(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// A code point that FTS5's unicode61 tokenizer keeps in a word: letters, digits, private use.
bool isWordCharacter(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

QString columnOf(const Dialect &dialect, EstateQuery::Sort sort)
{
    switch (sort) {
    case EstateQuery::Sort::Vendor:
        return dialect.ordered(QStringLiteral("s.vendor"));
    case EstateQuery::Sort::Account:
        return dialect.caseless(QStringLiteral("s.profile"));
    case EstateQuery::Sort::Environment:
        return dialect.caseless(QStringLiteral("s.environment"));
    case EstateQuery::Sort::Key:
        return dialect.caseless(QStringLiteral("g.key"));
    case EstateQuery::Sort::Name:
        return dialect.caseless(QStringLiteral("g.name"));
    case EstateQuery::Sort::Description:
        return dialect.caseless(QStringLiteral("g.description"));
    case EstateQuery::Sort::Tags:
        return dialect.caseless(QStringLiteral("g.tags"));
    case EstateQuery::Sort::Created:
        return QStringLiteral("g.created");
    case EstateQuery::Sort::Modified:
        return QStringLiteral("g.modified");
    case EstateQuery::Sort::LastChanged:
        return QStringLiteral("g.last_changed");
    case EstateQuery::Sort::Users:
        return QStringLiteral("g.users");
    case EstateQuery::Sort::Source:
        break;
    }
    return {};
}

} // namespace

QStringList estateWords(const QString &text)
{
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (word.isEmpty())
            return;
        // Accents off (as unicode61's remove_diacritics 2 does for Latin letters), lower case.
        QString plain;
        for (const QChar c : word.normalized(QString::NormalizationForm_D))
            if (c.category() != QChar::Mark_NonSpacing)
                plain.append(c);
        words.append(plain.normalized(QString::NormalizationForm_C).toLower());
        word.clear();
    };
    for (const char32_t c : text.toUcs4()) {
        if (isWordCharacter(c))
            word.append(QString::fromUcs4(&c, 1));
        else
            flush();
    }
    flush();
    return words;
}

Result<QList<SourceInfo>> SegmentStore::sources() const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral(
                    "SELECT s.profile, s.environment, s.vendor, ok.rows, ok.ended_at, r.id, r.started_at, r.ended_at,"
                    " r.rows, r.outcome, r.error, r.added, r.removed, r.changed, r.baseline FROM source s"
                    " LEFT JOIN sync_run ok ON ok.id = s.last_sync_id"
                    " LEFT JOIN sync_run r ON r.id = (SELECT max(id) FROM sync_run WHERE source_id = s.id)"
                    " ORDER BY %1, %2, %3")
                    .arg(m_dialect->ordered(QStringLiteral("s.vendor")),
                         m_dialect->caseless(QStringLiteral("s.profile")),
                         m_dialect->caseless(QStringLiteral("s.environment")))))
        return failure(tr("Could not read the segment store"), q.error().text());
    QList<SourceInfo> sources;
    while (q.next()) {
        SourceInfo info;
        info.key = {q.value(0).toString(), q.value(1).toString()};
        info.vendor = q.value(2).toString();
        info.segments = q.value(3).toLongLong();
        info.lastSync = fromMsOrNull(q.value(4));
        if (!q.value(5).isNull()) {
            SyncRun run;
            run.id = q.value(5).toLongLong();
            run.started = fromMsOrNull(q.value(6));
            run.ended = fromMsOrNull(q.value(7));
            run.rows = q.value(8).toLongLong();
            run.outcome = SyncRun::outcomeFromName(q.value(9).toString());
            run.error = q.value(10).toString();
            run.added = q.value(11).toInt();
            run.removed = q.value(12).toInt();
            run.changed = q.value(13).toInt();
            run.baseline = q.value(14).toBool();
            info.lastRun = run;
        }
        sources.append(std::move(info));
    }
    return sources;
}

namespace {

// The conditions on the source (s): its vendor, and which profiles and environments.
QString sourceConditions(const EstateQuery &query, QVariantList &values)
{
    QString sql;
    if (!query.vendors.isEmpty()) {
        sql += QStringLiteral(" AND s.vendor IN (") + QStringList(query.vendors.size(), QStringLiteral("?")).join(u',')
            + QLatin1Char(')');
        for (const QString &v : query.vendors)
            values.append(v);
    }
    if (!query.sources.isEmpty()) {
        QStringList any;
        for (const SourceKey &source : query.sources) {
            any.append(QStringLiteral("(s.profile = ? AND s.environment = ?)"));
            values.append(source.profile);
            values.append(text(source.environment));
        }
        sql += QStringLiteral(" AND (") + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return sql;
}

} // namespace

QString SegmentStore::estateWhere(const EstateQuery &query, QVariantList &values) const
{
    // Only sources with a snapshot: a source whose every sync failed has no rows to show.
    QString sql;
    const QStringList words = estateWords(query.text);
    if (!words.isEmpty()) {
        // Each word a prefix, all of them required: "cart ab" finds "Cart abandoners". The index
        // leads, so its matches come in row order and a first page stops early.
        sql = m_dialect->searchFrom() + QStringLiteral(" AND s.last_sync_id IS NOT NULL");
        values.append(m_dialect->searchValue(words));
    } else {
        sql = QStringLiteral(" FROM segment g JOIN source s ON s.id = g.source_id WHERE s.last_sync_id IS NOT NULL");
    }
    sql +=
        query.removed ? QStringLiteral(" AND g.removed_at IS NOT NULL") : QStringLiteral(" AND g.removed_at IS NULL");
    sql += sourceConditions(query, values);
    if (!query.tag.isEmpty()) {
        sql += QStringLiteral(" AND ") + m_dialect->hasLine(QStringLiteral("g.tags"), QStringLiteral("?"));
        values.append(query.tag);
    }
    if (query.changedSince.isValid()) {
        sql += QStringLiteral(" AND g.last_changed >= ?");
        values.append(toMs(query.changedSince));
    }
    // Only where the last sync read who uses the segments: unknown is not unused.
    if (query.unused)
        sql += QStringLiteral(" AND g.users = 0");
    return sql;
}

Result<qint64> SegmentStore::estateCount(const EstateQuery &query) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    QVariantList values;
    Sql q(QSqlDatabase::database(m_connection, false));
    if (query.text.trimmed().isEmpty() && query.tag.isEmpty() && !query.changedSince.isValid() && !query.removed
        && !query.unused) {
        // Whole snapshots: each one's size is its last sync's, so nothing is counted row by row (a
        // million rows take a fifth of a second to count).
        q.prepare(QStringLiteral("SELECT coalesce(sum(r.rows), 0) FROM source s JOIN sync_run r ON r.id ="
                                 " s.last_sync_id WHERE ")
                  + m_dialect->always() + sourceConditions(query, values));
    } else {
        q.prepare(QStringLiteral("SELECT count(*)") + estateWhere(query, values));
    }
    for (int i = 0; i < values.size(); ++i)
        q.bind(i, values.at(i));
    if (!q.exec() || !q.next())
        return failure(tr("Could not search the segment store"), q.error().text());
    return q.value(0).toLongLong();
}

Result<QList<EstateRow>> SegmentStore::estateRows(const EstateQuery &query, qint64 offset, qint64 limit,
                                                  bool withRecords) const
{
    QList<EstateRow> rows;
    if (const Error e = readEstate(query, offset, limit, withRecords,
                                   [&rows](const EstateRow &row) {
                                       rows.append(row);
                                       return true;
                                   });
        e.isError())
        return e;
    return rows;
}

Error SegmentStore::forEachEstateRow(const EstateQuery &query, bool withRecords,
                                     const std::function<bool(const EstateRow &)> &row) const
{
    return readEstate(query, 0, -1, withRecords, row);
}

Error SegmentStore::readEstate(const EstateQuery &query, qint64 offset, qint64 limit, bool withRecords,
                               const std::function<bool(const EstateRow &)> &each) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    QVariantList values;
    const QString where = estateWhere(query, values);
    const QString direction = query.order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    // Unsorted: source by source (in the order they were first synced), each in the vendor's order,
    // which the position index gives without sorting a million rows; a search's matches in the
    // order the store first saw them (the index's, so the first page needs no sort of them all).
    // Sorted: rows of the same value keep the unsorted order (a stable sort).
    const bool searching = !estateWords(query.text).isEmpty();
    const QString unsorted = searching ? m_dialect->searchOrder() : QStringLiteral("g.source_id, g.position");
    QString order = QStringLiteral(" ORDER BY ");
    const QString column = columnOf(*m_dialect, query.sort);
    if (query.sort == EstateQuery::Sort::Vendor) // then account and environment, the same way
        order += m_dialect->ordered(QStringLiteral("s.vendor")) + direction + QStringLiteral(", ")
            + m_dialect->ordered(QStringLiteral("s.profile")) + direction + QStringLiteral(", ")
            + m_dialect->ordered(QStringLiteral("s.environment")) + direction + QStringLiteral(", ") + unsorted;
    else if (!column.isEmpty())
        order += column + direction + m_dialect->nullsAsSqlite(query.order) + QStringLiteral(", ") + unsorted;
    else if (searching)
        order += m_dialect->searchOrder() + direction;
    else
        order += QStringLiteral("g.source_id") + direction + QStringLiteral(", g.position") + direction;
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT g.id, s.vendor, s.profile, s.environment, g.key, g.name, g.description, g.tags,"
                             " g.created, g.modified, g.last_changed, g.removed_at, g.users")
              + (withRecords ? QStringLiteral(", g.dictionary_id, g.record") : QString()) + where + order
              + QStringLiteral(" LIMIT ? OFFSET ?"));
    for (int i = 0; i < values.size(); ++i)
        q.bind(i, values.at(i));
    q.bind(int(values.size()), limit < 0 ? Dialect::noLimit() : limit);
    q.bind(int(values.size()) + 1, qMax<qint64>(0, offset));
    if (!q.exec())
        return failure(tr("Could not search the segment store"), q.error().text());
    while (q.next()) {
        EstateRow row;
        row.id = q.value(0).toLongLong();
        row.vendor = q.value(1).toString();
        row.source = {q.value(2).toString(), q.value(3).toString()};
        row.key = q.value(4).toString();
        row.name = q.value(5).toString();
        row.description = q.value(6).toString();
        const QString tags = q.value(7).toString();
        if (!tags.isEmpty())
            row.tags = tags.split(QLatin1Char('\n'));
        row.created = fromMsOrNull(q.value(8));
        row.modified = fromMsOrNull(q.value(9));
        row.lastChanged = fromMsOrNull(q.value(10));
        row.removedAt = fromMsOrNull(q.value(11));
        row.users = q.value(12).isNull() ? -1 : q.value(12).toLongLong();
        if (withRecords) {
            const Result<QByteArray> json = record(q.value(13).toLongLong(), q.value(14).toByteArray());
            if (!json)
                return json.error();
            row.record = json.value();
        }
        if (!each(row))
            break;
    }
    if (q.error().isValid())
        return failure(tr("Could not search the segment store"), q.error().text());
    return {};
}

Error SegmentStore::forEachSnapshotEntry(const SourceKey &source, qsizetype chunk,
                                         const std::function<Error(const QList<ComparedRecord> &)> &each) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT key, name, content_hash, dictionary_id, record FROM segment"
                             " WHERE removed_at IS NULL AND source_id ="
                             " (SELECT id FROM source WHERE profile = :p AND environment = :e) ORDER BY position"));
    q.bind(QStringLiteral(":p"), source.profile).bind(QStringLiteral(":e"), text(source.environment));
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    Chunks entries(chunk, each);
    while (q.next()) {
        const Result<QByteArray> json = record(q.value(3).toLongLong(), q.value(4).toByteArray());
        if (!json)
            return json.error();
        if (const Error e =
                entries.add({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), json.value()});
            e.isError())
            return e;
    }
    if (q.error().isValid())
        return failure(tr("Could not read the segment store"), q.error().text());
    return entries.finish();
}

Result<QByteArray> SegmentStore::storedRecord(qint64 id) const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT dictionary_id, record FROM segment WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    if (!q.next())
        return Error::storage(tr("That segment is no longer in the segment store"));
    return record(q.value(0).toLongLong(), q.value(1).toByteArray());
}

} // namespace sb
