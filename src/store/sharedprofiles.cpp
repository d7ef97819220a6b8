// Profiles' settings without their secrets, kept with the syncs: each commit writes its profile's,
// and a colleague reads them all to take the team's profiles (profiles import --from-store).
#include "segmentstore.h"

#include "storesql_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>

namespace sb {

using namespace storesql;

Error SyncWriter::writeProfile(qint64 now)
{
    if (!m_profile)
        return {};
    QJsonObject params;
    for (auto it = m_profile->params.cbegin(); it != m_profile->params.cend(); ++it)
        params.insert(it.key(), it.value());
    Sql q(QSqlDatabase::database(m_store->m_connection, false));
    // The same upsert on SQLite (3.24 and later) and PostgreSQL.
    q.prepare(
        QStringLiteral("INSERT INTO shared_profile (name, vendor, base_url, params, updated_at, machine, user_name)"
                       " VALUES (:n, :v, :u, :p, :t, :m, :who) ON CONFLICT (name) DO UPDATE SET"
                       " vendor = excluded.vendor, base_url = excluded.base_url, params = excluded.params,"
                       " updated_at = excluded.updated_at, machine = excluded.machine,"
                       " user_name = excluded.user_name"));
    // An address never carries a user or password into the store.
    q.bind(QStringLiteral(":n"), m_profile->name)
        .bind(QStringLiteral(":v"), m_profile->vendor)
        .bind(QStringLiteral(":u"), text(m_profile->baseUrl.adjusted(QUrl::RemoveUserInfo).toString()))
        .bind(QStringLiteral(":p"), QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":t"), now)
        .bind(QStringLiteral(":m"), text(SyncRun::thisMachine()))
        .bind(QStringLiteral(":who"), text(SyncRun::thisUser()));
    return q.exec() ? Error() : Error::storage(q.error().text());
}

Result<QList<SharedProfile>> SegmentStore::sharedProfiles() const
{
    if (!m_open)
        return Error::storage(tr("The segment store is not open"));
    Sql q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(
            QStringLiteral("SELECT name, vendor, base_url, params, updated_at, machine, user_name FROM shared_profile"
                           " ORDER BY name")))
        return failure(tr("Could not read the segment store"), q.error().text());
    QList<SharedProfile> profiles;
    while (q.next()) {
        SharedProfile shared;
        shared.profile.name = q.value(0).toString();
        shared.profile.vendor = q.value(1).toString();
        shared.profile.baseUrl = QUrl(q.value(2).toString());
        const QJsonObject params = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        for (auto it = params.constBegin(); it != params.constEnd(); ++it)
            shared.profile.params.insert(it.key(), it.value().toString());
        shared.updated = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        shared.machine = q.value(5).toString();
        shared.user = q.value(6).toString();
        profiles.append(std::move(shared));
    }
    return profiles;
}

} // namespace sb
