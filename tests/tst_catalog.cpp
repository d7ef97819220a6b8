// A store that several sessions share, as a team's catalog is: a reader during a sync sees the old
// snapshot or the new one, never half (on both back ends, storebackend.h); and on PostgreSQL, a
// second sync of a profile is refused at once and names who holds it, while other profiles sync;
// the server going away mid-sync is a clear error and leaves the snapshot as it was.
#include "core/vendorapi.h"
#include "sandbox/datagen.h"
#include "store/segmentstore.h"
#include "storebackend.h"
#include "storetest.h"
#include "vendors/registry.h"

#include <QAtomicInt>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

// `n` of the sandbox's LaunchDarkly records from `first` on; `renamed`: each with another name (a
// change of content).
QList<QJsonObject> records(int first, int n, bool renamed = false)
{
    QList<QJsonObject> list;
    for (int i = first; i < first + n; ++i) {
        QJsonObject r = datagen::launchDarklySegment(i, QStringLiteral("default"), QStringLiteral("production"));
        if (renamed)
            r.insert(QStringLiteral("name"),
                     QString(r.value(QStringLiteral("name")).toString() + QStringLiteral(" 2")));
        list.append(r);
    }
    return list;
}

QStringList keysOf(const QList<QJsonObject> &list)
{
    QStringList keys;
    for (const QJsonObject &r : list)
        keys.append(vendorById(kLd)->recordKey(r));
    return keys;
}

QStringList snapshotKeys(const SegmentStore &store, const SourceKey &source)
{
    const auto rows = store.snapshot(source, {});
    if (!rows)
        return {QStringLiteral("error: ") + rows.error().message};
    QStringList keys;
    for (const StoredSegment &s : rows.value())
        keys.append(s.key);
    return keys;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

public:
    explicit TestCatalog(Backend backend) : m_backend(backend) { }

protected:
    StoreBackend m_backend;

private slots:
    void initTestCase() { SB_REQUIRE_BACKEND(m_backend); }

    // Another session reads the snapshot again and again while syncs replace most of it, back
    // and forth: every read is the whole old snapshot or the whole new one, and some reads ran
    // entirely while a commit did (the syncs go on until they have).
    void aReaderDuringASyncSeesTheOldSnapshotOrTheNew()
    {
        const StoreLocation where = m_backend.fresh();
        const SourceKey prod {QStringLiteral("prod"), {}};
        const QList<QJsonObject> before = records(0, 1500);
        const QList<QJsonObject> after = records(700, 1500, true); // half gone, half changed, half new
        SegmentStore writer(where);
        QCOMPARE(writer.open(), Error());
        QVERIFY(syncOnce(writer, prod, kLd, before).ok());

        // Odd while a commit runs: a read that starts and ends on the same odd value ran within it.
        QAtomicInt commits = 0;
        QAtomicInt reading = 0;
        QAtomicInt done = 0;
        QAtomicInt during = 0;
        QList<QStringList> seen;
        QString readerError;
        QThread *reader = QThread::create([&] {
            SegmentStore store(where);
            if (const Error e = store.open(); e.isError()) {
                readerError = e.message;
                reading = 1;
                return;
            }
            do {
                const int startedAt = commits.loadAcquire();
                seen.append(snapshotKeys(store, prod));
                if (startedAt % 2 == 1 && commits.loadAcquire() == startedAt)
                    during.fetchAndAddRelease(1);
                reading = 1;
            } while (!done.loadAcquire());
        });
        reader->start();
        QTRY_VERIFY(reading.loadAcquire());
        int syncs = 0;
        for (; syncs < 40 && during.loadAcquire() < 3; ++syncs) {
            std::unique_ptr<SyncWriter> sync = writer.beginSync(prod, vendorById(kLd));
            QCOMPARE(sync->add(segmentsOf(kLd, syncs % 2 == 0 ? after : before)), Error());
            commits.fetchAndAddRelease(1);
            const Result<SyncRun> run = sync->commit();
            commits.fetchAndAddRelease(1);
            QVERIFY(run.ok());
            QVERIFY(run.value().added > 0 && run.value().removed > 0);
        }
        done = 1;
        QVERIFY(reader->wait(60000));
        delete reader;
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QVERIFY2(during.loadAcquire() >= 3,
                 qPrintable(QStringLiteral("%1 syncs, %2 reads, %3 within a commit")
                                .arg(syncs)
                                .arg(seen.size())
                                .arg(during.loadAcquire())));
        const QStringList oldKeys = keysOf(before);
        const QStringList newKeys = keysOf(after);
        for (const QStringList &keys : std::as_const(seen))
            QVERIFY2(keys == oldKeys || keys == newKeys, qPrintable(keys.value(0)));
        QCOMPARE(snapshotKeys(writer, prod), syncs % 2 == 1 ? newKeys : oldKeys);
    }

    // Each sync keeps its profile's settings, never its secret, for colleagues to take; a removed
    // or renamed profile takes its settings along.
    void aSyncSharesItsProfilesSettings()
    {
        const StoreLocation where = m_backend.fresh();
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
        Profile profile;
        profile.name = QStringLiteral("LD prod");
        profile.vendor = kLd;
        profile.baseUrl = QUrl(QStringLiteral("https://someone:s3cret@app.launchdarkly.com"));
        profile.params = {{QStringLiteral("project"), QStringLiteral("default")},
                          {QStringLiteral("environment"), QStringLiteral("production")}};
        const auto sync = [&](const Profile &p, int n) {
            std::unique_ptr<SyncWriter> writer = store.beginSync({p.name, {}}, vendorById(kLd));
            writer->setProfile(p);
            if (writer->add(segmentsOf(kLd, records(0, n))).isError())
                return false;
            return writer->commit().ok();
        };
        QVERIFY(sync(profile, 3));
        QList<SharedProfile> shared = store.sharedProfiles().value();
        QCOMPARE(shared.size(), 1);
        QCOMPARE(shared.at(0).profile.name, profile.name);
        QCOMPARE(shared.at(0).profile.params, profile.params);
        QCOMPARE(shared.at(0).profile.baseUrl, QUrl(QStringLiteral("https://app.launchdarkly.com")));
        QCOMPARE(shared.at(0).user, SyncRun::thisUser());
        // A later sync with other settings replaces them; a sync that fails keeps them.
        Profile staging = profile;
        staging.params[QStringLiteral("environment")] = QStringLiteral("staging");
        QVERIFY(sync(staging, 4));
        {
            Profile failing = profile;
            failing.params[QStringLiteral("environment")] = QStringLiteral("test");
            std::unique_ptr<SyncWriter> writer = store.beginSync({profile.name, {}}, vendorById(kLd));
            writer->setProfile(failing);
            writer->abandon(Error::network(QStringLiteral("the line went dead")));
        }
        shared = store.sharedProfiles().value();
        QCOMPARE(shared.size(), 1);
        QCOMPARE(shared.at(0).profile.param(QStringLiteral("environment")), QStringLiteral("staging"));
        QCOMPARE(store.renameProfile(profile.name, QStringLiteral("LD")), Error());
        QCOMPARE(store.sharedProfiles().value().value(0).profile.name, QStringLiteral("LD"));
        QCOMPARE(store.removeProfile(QStringLiteral("LD")), Error());
        QVERIFY(store.sharedProfiles().value().isEmpty());
    }

    // A store of schema 4 (before shared profiles) takes the same step on either back end.
    void aSchemaFourStoreIsBroughtUpToDate()
    {
        const StoreLocation where = m_backend.fresh();
        {
            SegmentStore store(where);
            QCOMPARE(store.open(), Error());
            QVERIFY(syncOnce(store, {QStringLiteral("prod"), {}}, kLd, records(0, 5)).ok());
        }
        {
            QSqlDatabase db = m_backend.connect(where, QStringLiteral("older"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE shared_profile")));
            QVERIFY(q.exec(m_backend.isSqlite() ? QStringLiteral("PRAGMA user_version = 4")
                                                : QStringLiteral("UPDATE store_schema SET version = 4")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("older"));
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
        QCOMPARE(snapshotKeys(store, {QStringLiteral("prod"), {}}), keysOf(records(0, 5)));
        QVERIFY(store.sharedProfiles().value().isEmpty());
        std::unique_ptr<SyncWriter> writer = store.beginSync({QStringLiteral("prod"), {}}, vendorById(kLd));
        Profile prod;
        prod.name = QStringLiteral("prod");
        prod.vendor = kLd;
        writer->setProfile(prod);
        QCOMPARE(writer->add(segmentsOf(kLd, records(0, 5))), Error());
        QVERIFY(writer->commit().ok());
        QCOMPARE(store.sharedProfiles().value().size(), 1);
    }
};

class TestCatalogOnSqlite final : public TestCatalog
{
    Q_OBJECT
public:
    TestCatalogOnSqlite() : TestCatalog(Backend::Sqlite) { }
};

class TestCatalogOnPostgreSql final : public TestCatalog
{
    Q_OBJECT
public:
    TestCatalogOnPostgreSql() : TestCatalog(Backend::PostgreSql) { }

private slots:
    // Two sessions, as two machines would be: the second sync of the same profile is refused
    // before it walks the vendor, saying who holds it; another profile syncs meanwhile; once the
    // first ends, the second goes through on top of its snapshot.
    void aSecondSyncOfAProfileSaysWhoHoldsIt()
    {
        const StoreLocation where = m_backend.fresh();
        const SourceKey prod {QStringLiteral("prod"), {}};
        SegmentStore first(where);
        SegmentStore second(where);
        QCOMPARE(first.open(), Error());
        QCOMPARE(second.open(), Error());

        std::unique_ptr<SyncWriter> holding = first.beginSync(prod, vendorById(kLd));
        QCOMPARE(holding->error(), Error());
        QCOMPARE(holding->add(segmentsOf(kLd, records(0, 10))), Error());
        {
            std::unique_ptr<SyncWriter> refused = second.beginSync(prod, vendorById(kLd));
            const Error e = refused->error();
            QCOMPARE(e.kind, Error::Kind::Storage);
            QVERIFY2(e.message.contains(QStringLiteral("“prod” is being synced")), qPrintable(e.message));
            QVERIFY2(e.message.contains(SyncRun::thisUser() + QStringLiteral(" on ") + SyncRun::thisMachine()),
                     qPrintable(e.message));
            QCOMPARE(refused->add(segmentsOf(kLd, records(0, 2))).kind, Error::Kind::Storage);
        }
        QVERIFY(syncOnce(second, {QStringLiteral("staging"), {}}, kLd, records(0, 3)).ok());
        const Result<SyncRun> run = holding->commit();
        QVERIFY(run.ok());
        QVERIFY(run.value().baseline);

        const Result<SyncRun> next = syncOnce(second, prod, kLd, records(0, 12));
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().message));
        QVERIFY(!next.value().baseline);
        QCOMPARE(next.value().added, 2);
        QCOMPARE(snapshotKeys(first, prod), keysOf(records(0, 12)));
        // The refused attempt never reached the store: only the two syncs are there.
        QCOMPARE(first.syncRuns(prod).value().size(), 2);
    }

    // A session that ends without a word (a killed process) lets go of its lock with it.
    void aLockDiesWithItsSession()
    {
        const StoreLocation where = m_backend.fresh();
        const SourceKey prod {QStringLiteral("prod"), {}};
        SegmentStore survivor(where);
        QCOMPARE(survivor.open(), Error());
        {
            SegmentStore gone(where);
            QCOMPARE(gone.open(), Error());
            std::unique_ptr<SyncWriter> holding = gone.beginSync(prod, vendorById(kLd));
            QCOMPARE(holding->error(), Error());
            QVERIFY(survivor.beginSync(prod, vendorById(kLd))->error().isError());
            // Its session ends under the writer, as a killed process's would.
            QSqlDatabase admin = m_backend.connect(where, QStringLiteral("admin"));
            QSqlQuery q(admin);
            QVERIFY(q.exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype ="
                                          " 'advisory' AND granted AND database = (SELECT oid FROM pg_database"
                                          " WHERE datname = current_database())")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            q = QSqlQuery();
            admin.close();
            admin = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("admin"));
            holding.reset();
        }
        QTRY_VERIFY(!survivor.beginSync(prod, vendorById(kLd))->error().isError());
        QVERIFY(syncOnce(survivor, prod, kLd, records(0, 4)).ok());
    }

    // The server stops between two pages of a sync: a clear error, and once it is back the
    // snapshot is the one before, and the next sync goes through.
    void theServerGoingAwayMidSyncKeepsTheSnapshot()
    {
        const StoreLocation where = m_backend.fresh();
        const SourceKey prod {QStringLiteral("prod"), {}};
        {
            SegmentStore store(where);
            QCOMPARE(store.open(), Error());
            QVERIFY(syncOnce(store, prod, kLd, records(0, 40)).ok());
            std::unique_ptr<SyncWriter> writer = store.beginSync(prod, vendorById(kLd));
            QCOMPARE(writer->add(segmentsOf(kLd, records(0, 20, true))), Error());
            m_backend.cluster()->stop();
            Error e = writer->add(segmentsOf(kLd, records(20, 20, true)));
            if (!e.isError()) {
                const Result<SyncRun> run = writer->commit();
                QVERIFY(!run.ok());
                e = run.error();
            }
            QCOMPARE(e.kind, Error::Kind::Storage);
            QVERIFY2(e.message.contains(QStringLiteral("server")) || e.message.contains(QStringLiteral("connection")),
                     qPrintable(e.message));
            QVERIFY(snapshotKeys(store, prod).value(0).startsWith(QStringLiteral("error: "))); // not a hang
        }
        QVERIFY2(m_backend.cluster()->start(), qPrintable(m_backend.cluster()->problem()));
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
        QCOMPARE(snapshotKeys(store, prod), keysOf(records(0, 40)));
        QCOMPARE(store.lastChanges(prod).value().size(), 0);
        const Result<SyncRun> next = syncOnce(store, prod, kLd, records(0, 40, true));
        QVERIFY(next.ok());
        QVERIFY(!next.value().baseline);
    }
};

int main(int argc, char **argv)
{
    return runOnBothBackends<TestCatalogOnSqlite, TestCatalogOnPostgreSql>(argc, argv);
}

#include "tst_catalog.moc"
