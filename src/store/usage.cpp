// Who uses the segments of a source (VendorApi::usage(): LaunchDarkly's flags), kept with its
// snapshot by the sync that read it.

#include "segmentstore.h"

#include "storesql_p.h"

#include <QSqlDatabase>
#include <QUrl>

namespace sb {

using namespace storesql;

Error SyncWriter::writeUsage(qint64 source)
{
    if (!m_vendor->tracksUsage() || (!m_usage && !m_usageError.isError()))
        return {};
    Sql q(QSqlDatabase::database(m_store->m_connection, false));
    const auto failed = [&q] {
        return Error::storage(q.error().text());
    };
    q.prepare(QStringLiteral("DELETE FROM segment_user WHERE source_id = :s"));
    q.bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failed();
    q.prepare(QStringLiteral("UPDATE source SET usage = :u WHERE id = :s"));
    const QString why = m_usageError.message.isEmpty() ? m_usageError.toString() : m_usageError.message;
    q.bind(QStringLiteral(":u"), m_usage ? QStringLiteral("") : (why.isEmpty() ? tr("unknown error") : why))
        .bind(QStringLiteral(":s"), source);
    if (!q.exec())
        return failed();
    if (!m_usage) {
        q.prepare(QStringLiteral("UPDATE segment SET users = NULL WHERE source_id = :s"));
        q.bind(QStringLiteral(":s"), source);
        return q.exec() ? Error() : failed();
    }

    q.prepare(QStringLiteral("INSERT INTO segment_user (source_id, position, key, name, url, segments)"
                             " VALUES (:s, :p, :k, :n, :u, :g)"));
    QHash<QString, int> counts;
    const QList<SegmentUser> &users = m_usage->users();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const SegmentUser &user = users.at(i);
        q.bind(QStringLiteral(":s"), source)
            .bind(QStringLiteral(":p"), qint64(i))
            .bind(QStringLiteral(":k"), text(user.key))
            .bind(QStringLiteral(":n"), text(user.name))
            .bind(QStringLiteral(":u"), text(QString::fromUtf8(user.url.toEncoded())))
            .bind(QStringLiteral(":g"), text(user.segments.join(QLatin1Char('\n'))));
        if (!q.exec())
            return failed();
        for (const QString &segment : user.segments)
            ++counts[segment];
    }
    // Each segment's count, by a join on a small table of the used keys (the segment table has no
    // index of its keys: a sync compares them in memory).
    if (!q.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS usage_count (key TEXT PRIMARY KEY, n INTEGER)"))
        || !q.exec(QStringLiteral("DELETE FROM usage_count")))
        return failed();
    q.prepare(QStringLiteral("INSERT INTO usage_count (key, n) VALUES (:k, :n)"));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        q.bind(QStringLiteral(":k"), it.key()).bind(QStringLiteral(":n"), it.value());
        if (!q.exec())
            return failed();
    }
    q.prepare(QStringLiteral("UPDATE segment SET users = COALESCE((SELECT n FROM usage_count c WHERE c.key ="
                             " segment.key), 0) WHERE source_id = :s"));
    q.bind(QStringLiteral(":s"), source);
    if (!q.exec() || !q.exec(QStringLiteral("DELETE FROM usage_count")))
        return failed();
    return {};
}

Result<StoredUsage> SegmentStore::storedUsage(const SourceKey &source) const
{
    StoredUsage out;
    const std::optional<qint64> id = existingSourceId(source);
    if (!id)
        return out;
    Sql q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT usage FROM source WHERE id = :s"));
    q.bind(QStringLiteral(":s"), *id);
    if (!q.exec() || !q.next())
        return failure(tr("Could not read the segment store"), q.error().text());
    if (q.value(0).isNull())
        return out;
    const QString state = q.value(0).toString();
    if (!state.isEmpty()) {
        out.state = StoredUsage::State::Failed;
        out.error = state;
        return out;
    }
    out.state = StoredUsage::State::Known;
    q.prepare(
        QStringLiteral("SELECT key, name, url, segments FROM segment_user WHERE source_id = :s ORDER BY position"));
    q.bind(QStringLiteral(":s"), *id);
    if (!q.exec())
        return failure(tr("Could not read the segment store"), q.error().text());
    while (q.next()) {
        SegmentUser user;
        user.key = q.value(0).toString();
        user.name = q.value(1).toString();
        user.url = QUrl(q.value(2).toString(), QUrl::StrictMode);
        const QString segments = q.value(3).toString();
        if (!segments.isEmpty())
            user.segments = segments.split(QLatin1Char('\n'));
        out.usage.add(user);
    }
    return out;
}

} // namespace sb
