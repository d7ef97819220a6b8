// SegmentStore on both back ends, one suite with two fixtures (storebackend.h): snapshots, changes,
// all-or-nothing syncs and a newer schema refused, on a real SQLite file and on a real PostgreSQL
// catalog; then what only a file can be (damaged, locked, on a full disk). The catalog's own cases
// (a second sync naming who holds the lock, the server going away) are in tst_catalog.
#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "store/segmentstore.h"
#include "store/syncjob.h"
#include "storebackend.h"
#include "storetest.h"
#include "vendors/registry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

QList<QJsonObject> records(const SandboxRig &rig, const QString &vendor, int n)
{
    QList<QJsonObject> list;
    for (int i = 0; i < n; ++i)
        list.append(rig.server.record(vendor, i));
    return list;
}

QStringList snapshotKeys(const SegmentStore &store, const SourceKey &source, const QString &vendor)
{
    const auto rows = store.snapshot(source, vendorById(vendor)->columns());
    QStringList keys;
    if (!rows)
        return {QStringLiteral("error: ") + rows.error().message};
    for (const StoredSegment &s : rows.value())
        keys.append(s.key);
    return keys;
}

QStringList keysOf(const QString &vendor, const QList<QJsonObject> &list)
{
    QStringList keys;
    for (const QJsonObject &r : list)
        keys.append(vendorById(vendor)->recordKey(r));
    return keys;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSegmentStore : public QObject
{
    Q_OBJECT

public:
    explicit TestSegmentStore(Backend backend) : m_backend(backend) { }

protected:
    StoreBackend m_backend;

private slots:
    void initTestCase() { SB_REQUIRE_BACKEND(m_backend); }

    void createsItsSchemaAndOpensItAgain()
    {
        const StoreLocation where = m_backend.fresh();
        SandboxRig rig;
        const SourceKey prod {QStringLiteral("prod"), {}};
        {
            SegmentStore store(where);
            QCOMPARE(store.open(), Error());
            QVERIFY(!store.lastSync(prod).value().has_value());
            QVERIFY(syncOnce(store, prod, kLd, records(rig, kLd, 4)).ok());
        }
        SegmentStore again(where);
        QCOMPARE(again.open(), Error());
        QCOMPARE(snapshotKeys(again, prod, kLd), keysOf(kLd, records(rig, kLd, 4)));
        QCOMPARE(again.isCatalog(), !m_backend.isSqlite());
    }

    // A store that a newer Segment Browser set up is refused, and left as it is.
    void aNewerSchemaIsRefusedAndLeftAlone()
    {
        const StoreLocation where = m_backend.fresh();
        SandboxRig rig;
        const SourceKey prod {QStringLiteral("prod"), {}};
        {
            SegmentStore store(where);
            QCOMPARE(store.open(), Error());
            QVERIFY(syncOnce(store, prod, kLd, records(rig, kLd, 3)).ok());
        }
        const QString set = m_backend.isSqlite() ? QStringLiteral("PRAGMA user_version = %1")
                                                 : QStringLiteral("UPDATE store_schema SET version = %1");
        {
            QSqlDatabase db = m_backend.connect(where, QStringLiteral("newer"));
            QVERIFY(QSqlQuery(db).exec(set.arg(99)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        {
            SegmentStore store(where);
            const Error e = store.open();
            QCOMPARE(e.kind, Error::Kind::Storage);
            QVERIFY2(e.message.contains(QStringLiteral("newer Segment Browser")), qPrintable(e.message));
            QVERIFY(e.message.contains(QStringLiteral("99")));
            QVERIFY(!store.isOpen());
        }
        // Nothing in it was touched: back at this version, it reads as before.
        {
            QSqlDatabase db = m_backend.connect(where, QStringLiteral("back"));
            QVERIFY(QSqlQuery(db).exec(set.arg(SegmentStore::schemaVersion)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("back"));
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, records(rig, kLd, 3)));
    }

    void theFirstSyncIsTheBaselineInTheVendorsOrder()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(25);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};
        const QList<QJsonObject> list = records(rig, kLd, 25);
        const Result<SyncRun> run = syncOnce(store, prod, kLd, list);
        QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().message));
        QVERIFY(run.value().baseline);
        QCOMPARE(run.value().rows, 25);
        QCOMPARE(run.value().added + run.value().removed + run.value().changed, 0);
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, list));
        QCOMPARE(store.snapshotSize(prod).value(), 25);
        QVERIFY(store.lastChanges(prod).value().isEmpty());
        const auto rows = store.snapshot(prod, vendorById(kLd)->columns(), 5, 3);
        QCOMPARE(rows.value().size(), 3);
        QCOMPARE(rows.value().at(0).segment.json, Segment::fromRecord(list.at(5), {}).json);
        QCOMPARE(rows.value().at(0).segment.values, Segment::fromRecord(list.at(5), vendorById(kLd)->columns()).values);
        const auto last = store.lastSync(prod).value();
        QVERIFY(last.has_value());
        QCOMPARE(last->id, run.value().id);
        QCOMPARE(last->outcome, SyncRun::Outcome::Succeeded);
    }

    // Removed, added, renamed, retagged, and a change of bookkeeping alone (not a change).
    void theSecondSyncSaysExactlyWhatChanged()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(12);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};
        QList<QJsonObject> before = records(rig, kLd, 10);
        QVERIFY(syncOnce(store, prod, kLd, before).ok());

        QList<QJsonObject> after = before;
        const QJsonObject removed = after.takeAt(3);
        after[0].insert(QStringLiteral("name"), QStringLiteral("Renamed"));
        after[1].insert(QStringLiteral("tags"), QJsonArray {QStringLiteral("new-tag")});
        after[1].insert(QStringLiteral("description"), QStringLiteral("Described anew"));
        after[2].insert(QStringLiteral("version"), after[2].value(QStringLiteral("version")).toInt() + 1);
        after[2].insert(QStringLiteral("lastModifiedDate"), 1893456000000.0);
        after.append(rig.server.record(kLd, 11));
        const Result<SyncRun> run = syncOnce(store, prod, kLd, after);
        QVERIFY(run.ok());
        QVERIFY(!run.value().baseline);
        QCOMPARE(run.value().added, 1);
        QCOMPARE(run.value().removed, 1);
        QCOMPARE(run.value().changed, 2);

        const QList<SegmentChange> changes = store.lastChanges(prod).value();
        QCOMPARE(changes.size(), 4);
        const VendorApi *ld = vendorById(kLd);
        QCOMPARE(changes.at(0).kind, SegmentChange::Kind::Removed);
        QCOMPARE(changes.at(0).key, ld->recordKey(removed));
        QVERIFY(!changes.at(0).before.isEmpty());
        QCOMPARE(changes.at(1).kind, SegmentChange::Kind::Changed);
        QCOMPARE(changes.at(1).key, ld->recordKey(after[0]));
        QCOMPARE(changes.at(1).fields, QStringList {QStringLiteral("name")});
        QCOMPARE(QJsonDocument::fromJson(changes.at(1).before).object(), before[0]);
        QCOMPARE(QJsonDocument::fromJson(changes.at(1).after).object(), after[0]);
        QCOMPARE(changes.at(2).kind, SegmentChange::Kind::Changed);
        QCOMPARE(changes.at(2).fields, (QStringList {QStringLiteral("description"), QStringLiteral("tags")}));
        QCOMPARE(changes.at(3).kind, SegmentChange::Kind::Added);
        QCOMPARE(changes.at(3).key, ld->recordKey(after.last()));
        // The snapshot is the new listing, bookkeeping included.
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, after));
        const auto stored = store.snapshot(prod, ld->columns(), 2, 1).value();
        QCOMPARE(stored.at(0).segment.object(), after[2]);

        // The same listing again changes nothing.
        const Result<SyncRun> again = syncOnce(store, prod, kLd, after);
        QCOMPARE(again.value().added + again.value().removed + again.value().changed, 0);
        QVERIFY(store.lastChanges(prod).value().isEmpty());
        // A segment that comes back is added again.
        QList<QJsonObject> back = after;
        back.insert(3, removed);
        const Result<SyncRun> returned = syncOnce(store, prod, kLd, back);
        QCOMPARE(returned.value().added, 1);
        // ... and its change says so, with its record.
        const QList<SegmentChange> backChanges = store.lastChanges(prod).value();
        QCOMPARE(backChanges.size(), 1);
        QCOMPARE(backChanges.at(0).kind, SegmentChange::Kind::Added);
        QCOMPARE(backChanges.at(0).key, ld->recordKey(removed));
        QCOMPARE(QJsonDocument::fromJson(backChanges.at(0).after).object(), removed);
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, back));
    }

    // Rows keep their places when others come and go, so the snapshot always has the vendor's
    // order: a new order, many rows put between the same two, a row moved to the front.
    void theSnapshotFollowsTheVendorsOrder()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(80);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};
        QList<QJsonObject> list = records(rig, kLd, 5);
        QVERIFY(syncOnce(store, prod, kLd, list).ok());
        // Thirty syncs, each with one more row between the first and the one after it.
        for (int i = 0; i < 30; ++i) {
            list.insert(1, rig.server.record(kLd, 10 + i));
            QVERIFY(syncOnce(store, prod, kLd, list).ok());
            QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, list));
        }
        std::reverse(list.begin(), list.end());
        QVERIFY(syncOnce(store, prod, kLd, list).ok());
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, list));
        list.move(list.size() - 1, 0);
        list.removeAt(7);
        QVERIFY(syncOnce(store, prod, kLd, list).ok());
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, list));
    }

    void aFailedOrCancelledSyncLeavesTheSnapshotAndIsRecorded()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(10);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};
        const QList<QJsonObject> list = records(rig, kLd, 10);
        QVERIFY(syncOnce(store, prod, kLd, list).ok());
        {
            std::unique_ptr<SyncWriter> writer = store.beginSync(prod, vendorById(kLd));
            QCOMPARE(writer->add(segmentsOf(kLd, list.mid(0, 2))), Error());
            writer->abandon(Error::fromStatus(500, QStringLiteral("Internal error from the vendor")));
        }
        {
            std::unique_ptr<SyncWriter> writer = store.beginSync(prod, vendorById(kLd));
            QCOMPARE(writer->add(segmentsOf(kLd, list.mid(0, 1))), Error());
            // Gone without commit: cancelled.
        }
        QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, list));
        const QList<SyncRun> runs = store.syncRuns(prod).value();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0).outcome, SyncRun::Outcome::Cancelled);
        QCOMPARE(runs.at(1).outcome, SyncRun::Outcome::Failed);
        QCOMPARE(runs.at(1).error, QStringLiteral("HTTP 500: Internal error from the vendor"));
        QCOMPARE(runs.at(1).rows, 2);
        QCOMPARE(runs.at(2).outcome, SyncRun::Outcome::Succeeded);
        QCOMPARE(store.lastSync(prod).value()->id, runs.at(2).id);
    }

    void oneProfilesSyncNeverTouchesAnothers()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(10);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey a {QStringLiteral("a"), {}};
        const SourceKey b {QStringLiteral("b"), {}};
        const SourceKey bStaging {QStringLiteral("b"), QStringLiteral("staging")};
        QVERIFY(syncOnce(store, a, kLd, records(rig, kLd, 10)).ok());
        QVERIFY(syncOnce(store, b, QStringLiteral("batch"), records(rig, QStringLiteral("batch"), 4)).ok());
        QVERIFY(syncOnce(store, bStaging, kLd, records(rig, kLd, 2)).ok());
        QVERIFY(syncOnce(store, b, QStringLiteral("batch"), records(rig, QStringLiteral("batch"), 1)).ok());
        QCOMPARE(snapshotKeys(store, a, kLd), keysOf(kLd, records(rig, kLd, 10)));
        QCOMPARE(store.snapshotSize(bStaging).value(), 2);
        QCOMPARE(store.snapshotSize(b).value(), 1);
        QCOMPARE(store.removeProfile(QStringLiteral("b")), Error());
        QCOMPARE(store.snapshotSize(b).value(), 0);
        QCOMPARE(store.snapshotSize(bStaging).value(), 0);
        QCOMPARE(store.snapshotSize(a).value(), 10);
    }

    // A renamed profile keeps its snapshot, runs and changes; what an old profile of the new name
    // left behind is dropped, and other profiles are untouched.
    void aRenamedProfileKeepsItsSnapshots()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(12);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey oldName {QStringLiteral("old"), {}};
        const SourceKey newName {QStringLiteral("new"), {}};
        const SourceKey other {QStringLiteral("other"), {}};
        QVERIFY(syncOnce(store, oldName, kLd, records(rig, kLd, 10)).ok());
        QVERIFY(syncOnce(store, oldName, kLd, records(rig, kLd, 12)).ok());
        QVERIFY(syncOnce(store, newName, kLd, records(rig, kLd, 3)).ok()); // left by a removed profile
        QVERIFY(syncOnce(store, other, kLd, records(rig, kLd, 4)).ok());

        QCOMPARE(store.renameProfile(QStringLiteral("old"), QStringLiteral("new")), Error());
        QCOMPARE(snapshotKeys(store, newName, kLd), keysOf(kLd, records(rig, kLd, 12)));
        QCOMPARE(store.syncRuns(newName).value().size(), 2);
        QCOMPARE(store.lastChanges(newName).value().size(), 2);
        QVERIFY(!store.lastSync(oldName).value().has_value());
        QCOMPARE(store.snapshotSize(other).value(), 4);
        // The next sync under the new name compares with the kept snapshot.
        const Result<SyncRun> next = syncOnce(store, newName, kLd, records(rig, kLd, 12));
        QVERIFY(next.ok());
        QVERIFY(!next.value().baseline);
        QCOMPARE(next.value().added + next.value().removed + next.value().changed, 0);
    }

    void aSyncKeepsWhoUsesEachSegment()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kLd, 150);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const Profile profile = rig.profile(kLd);
        const SourceKey source = sourceOf(vendorById(kLd), profile);
        QCOMPARE(source.environment, QStringLiteral("default/production"));
        PageFetcher fetcher(vendorById(kLd), profile, rig.secret(kLd));
        const auto sync = [&] {
            SyncJob job(&fetcher, &store, source);
            QSignalSpy finished(&job, &SyncJob::finished);
            job.start();
            return finished.wait(20000);
        };
        QVERIFY(sync());
        // The flags, as the sandbox's data says, each with the segments it uses.
        QHash<QString, int> expected;
        const int flags = datagen::launchDarklyFlagCount(150);
        for (int f = 0; f < flags; ++f) {
            for (const QString &segment : datagen::launchDarklyFlagSegments(f, QStringLiteral("production"), 150))
                ++expected[segment];
        }
        const Result<StoredUsage> usage = store.storedUsage(source);
        QVERIFY(usage);
        QCOMPARE(usage.value().state, StoredUsage::State::Known);
        QCOMPARE(usage.value().usage.users().size(), flags);
        QCOMPARE(usage.value().usage.users().constFirst().url.toString(),
                 rig.server.rootUrl().toString() + QStringLiteral("/default/production/features/new-checkout-flow"));
        // The grid across sources counts them, and finds the unused ones.
        EstateQuery all;
        const QList<EstateRow> rows = store.estateRows(all, 0, -1).value();
        QCOMPARE(rows.size(), 150);
        for (const EstateRow &row : rows)
            QCOMPARE(row.users, qint64(expected.value(row.key)));
        EstateQuery unused;
        unused.unused = true;
        QCOMPARE(store.estateCount(unused).value(), 150 - expected.size());
        const QList<EstateRow> unusedRows = store.estateRows(unused, 0, -1).value();
        for (const EstateRow &row : unusedRows)
            QVERIFY(!expected.contains(row.key));

        // A flags walk that fails keeps the segments, with the error in place of the usage.
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly-flags:401")));
        QVERIFY(sync());
        rig.server.clearFaults();
        const Result<StoredUsage> failed = store.storedUsage(source);
        QCOMPARE(failed.value().state, StoredUsage::State::Failed);
        QVERIFY2(failed.value().error.contains(QStringLiteral("Invalid access token")),
                 qPrintable(failed.value().error));
        QCOMPARE(store.snapshotSize(source).value(), 150);
        QCOMPARE(store.estateRows(all, 0, 1).value().constFirst().users, qint64(-1));
        QCOMPARE(store.estateCount(unused).value(), 0); // unknown is not unused
        // The fetcher lists segments again after its sync walked the flags.
        QCOMPARE(fetcher.query().listing, QString());
    }

    void anUnscopedSnapshotIsTakenOverByItsFirstScopedSync()
    {
        SandboxRig rig;
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey old {QStringLiteral("ld"), {}};
        QVERIFY(syncOnce(store, old, kLd, records(rig, kLd, 10)).ok());
        const SourceKey scoped {QStringLiteral("ld"), QStringLiteral("default/production")};
        const Result<SyncRun> run = syncOnce(store, scoped, kLd, records(rig, kLd, 12));
        QVERIFY(run.ok());
        QVERIFY(!run.value().baseline); // the history went on
        QCOMPARE(run.value().added, 2);
        QCOMPARE(store.syncRuns(scoped).value().size(), 2);
        QVERIFY(!store.lastSync(old).value());
        // A second place of the same profile starts its own history.
        const SourceKey other {QStringLiteral("ld"), QStringLiteral("default/test")};
        QVERIFY(syncOnce(store, other, kLd, records(rig, kLd, 5)).value().baseline);
        QCOMPARE(store.snapshotSize(scoped).value(), 12);
    }

    void aSyncJobWalksEveryPageAndAFaultMidwayKeepsTheOldSnapshot()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(120);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        for (const QString &vendor : allVendorIds()) {
            const Profile profile = rig.profile(vendor);
            const SourceKey source {profile.name, {}};
            const QStringList keys = rig.expectedKeys(vendor, 120);
            PageFetcher fetcher(vendorById(vendor), profile, rig.secret(vendor));
            {
                SyncJob job(&fetcher, &store, source);
                job.setPageSize(20);
                QSignalSpy finished(&job, &SyncJob::finished);
                QSignalSpy failed(&job, &SyncJob::failed);
                job.start();
                QVERIFY2(finished.wait(20000), qPrintable(vendor));
                QCOMPARE(failed.count(), 0);
                QCOMPARE(finished.at(0).at(0).value<SyncRun>().rows, 120);
                QCOMPARE(snapshotKeys(store, source, vendor), keys);
            }
            // Every list request after the second is refused: no retry helps, the sync fails, the snapshot stays.
            rig.server.setSegmentCount(vendor, 60);
            QVERIFY(rig.server.setFaults(vendor + QStringLiteral(":401@after2")));
            {
                SyncJob job(&fetcher, &store, source);
                job.setConcurrency(1);
                job.setPageSize(20);
                QSignalSpy failed(&job, &SyncJob::failed);
                job.start();
                QVERIFY2(failed.wait(20000), qPrintable(vendor));
                QCOMPARE(failed.at(0).at(0).value<Error>().kind, Error::Kind::Auth);
            }
            rig.server.clearFaults();
            QCOMPARE(snapshotKeys(store, source, vendor), keys);
            QCOMPARE(store.syncRuns(source).value().at(0).outcome, SyncRun::Outcome::Failed);
            // Cancelled mid-way: the same.
            {
                SyncJob job(&fetcher, &store, source);
                job.setPageSize(20);
                QSignalSpy progress(&job, &SyncJob::progress);
                QSignalSpy failed(&job, &SyncJob::failed);
                job.start();
                QVERIFY(progress.wait(20000));
                job.cancel();
                QCOMPARE(failed.count(), 1);
                QCOMPARE(failed.at(0).at(0).value<Error>().kind, Error::Kind::Cancelled);
            }
            QCOMPARE(snapshotKeys(store, source, vendor), keys);
            rig.server.setSegmentCount(vendor, 120);
        }
    }
};

// The suite on SQLite files, and what only a file can be.
class TestSegmentStoreOnSqlite final : public TestSegmentStore
{
    Q_OBJECT

public:
    TestSegmentStoreOnSqlite() : TestSegmentStore(Backend::Sqlite) { }

private slots:
    void createsTheFileWithItsSchemaAndOpensItAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("deeper/segments.sqlite"));
        {
            SegmentStore store(path);
            QCOMPARE(store.open(), Error());
            QVERIFY(store.isOpen());
            const auto last = store.lastSync({QStringLiteral("prod"), {}});
            QVERIFY(last.ok());
            QVERIFY(!last.value().has_value());
        }
        QVERIFY(QFile::exists(path));
        SegmentStore again(path);
        QCOMPARE(again.open(), Error());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), SegmentStore::schemaVersion);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray garbage = QByteArray("this is not SQLite at all ").repeated(400);
        f.write(garbage);
        f.close();
        SegmentStore store(path);
        const Error e = store.open();
        QCOMPARE(e.kind, Error::Kind::Storage);
        QVERIFY2(e.message.contains(QDir::toNativeSeparators(path)), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("not a database")), qPrintable(e.message));
        QVERIFY(!store.isOpen());
        QCOMPARE(fileBytes(path), garbage);
        QVERIFY(!store.snapshot({QStringLiteral("a"), {}}, {}).ok());
    }

    // Another process holds the write lock past the busy timeout: the sync fails clearly and the
    // snapshot stays; once the lock is gone the next sync goes through.
    void aLockedStoreFailsTheSyncAndKeepsTheSnapshot()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(6);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        SegmentStore store(path);
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};
        QVERIFY(syncOnce(store, prod, kLd, records(rig, kLd, 6)).ok());

        // Another connection to the file (as another process would have) keeps a write transaction open.
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(path);
        QVERIFY(holder.open());
        QVERIFY(QSqlQuery(holder).exec(QStringLiteral("BEGIN IMMEDIATE")));

        const Result<SyncRun> blocked = syncOnce(store, prod, kLd, records(rig, kLd, 2));
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().kind, Error::Kind::Storage);
        QVERIFY2(blocked.error().message.contains(QStringLiteral("locked")), qPrintable(blocked.error().message));
        QVERIFY(blocked.error().message.contains(QStringLiteral("previous snapshot is kept")));
        QCOMPARE(store.snapshotSize(prod).value(), 6); // a reader still reads

        QVERIFY(QSqlQuery(holder).exec(QStringLiteral("ROLLBACK")));
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QVERIFY(syncOnce(store, prod, kLd, records(rig, kLd, 2)).ok());
        QCOMPARE(store.snapshotSize(prod).value(), 2);
    }

    // A real full disk (a 1 MB tmpfs): the sync that does not fit fails with the disk's words and
    // the snapshot before it is intact.
    void aFullDiskFailsTheSyncAndKeepsTheSnapshot()
    {
        if (geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(QStringLiteral("tiny"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (mount("tmpfs", mountPoint.toLocal8Bit().constData(), "tmpfs", 0, "size=1m") != 0)
            QSKIP("this machine does not allow mounting a tmpfs");
        const auto unmount = qScopeGuard([&] { umount2(mountPoint.toLocal8Bit().constData(), MNT_DETACH); });
        SandboxRig rig;
        rig.server.setSegmentCount(12000);
        const SourceKey prod {QStringLiteral("prod"), {}};
        {
            SegmentStore store(QDir(mountPoint).filePath(QStringLiteral("s.sqlite")));
            QCOMPARE(store.open(), Error());
            QVERIFY(syncOnce(store, prod, kLd, records(rig, kLd, 20)).ok());
            // Many more: several megabytes that cannot fit, even compressed.
            QList<QJsonObject> big = records(rig, kLd, 12000);
            const Result<SyncRun> full = syncOnce(store, prod, kLd, big);
            QVERIFY(!full.ok());
            QCOMPARE(full.error().kind, Error::Kind::Storage);
            QVERIFY2(full.error().message.contains(QStringLiteral("full")), qPrintable(full.error().message));
            QCOMPARE(snapshotKeys(store, prod, kLd), keysOf(kLd, records(rig, kLd, 20)));
        }
        SegmentStore reopened(QDir(mountPoint).filePath(QStringLiteral("s.sqlite")));
        QCOMPARE(reopened.open(), Error());
        QCOMPARE(snapshotKeys(reopened, prod, kLd), keysOf(kLd, records(rig, kLd, 20)));
    }
};

// The suite on a PostgreSQL catalog.
class TestSegmentStoreOnPostgreSql final : public TestSegmentStore
{
    Q_OBJECT

public:
    TestSegmentStoreOnPostgreSql() : TestSegmentStore(Backend::PostgreSql) { }
};

int main(int argc, char **argv)
{
    return runOnBothBackends<TestSegmentStoreOnSqlite, TestSegmentStoreOnPostgreSql>(argc, argv);
}

#include "tst_segmentstore.moc"
