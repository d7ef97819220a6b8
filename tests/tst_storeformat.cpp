// How SegmentStore keeps its rows on disk: a large source's records compressed with a dictionary of
// its own and read back byte for byte, changes exact across the sandbox's epochs on compressed
// rows, a damaged compressed record refused, and a store of schema version 1 brought up to date
// with nothing lost. Real SQLite files, a real sandbox over HTTP.
#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"
#include "store/segmentstore.h"
#include "store/syncjob.h"
#include "vendors/registry.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace sb;
using namespace sb::test;

namespace {

// Enough rows for the store to train a dictionary (it needs 1,000).
constexpr int kLarge = 1300;

// A connection of the test's own to the store's file, closed when done.
void withDatabase(const QString &path, const std::function<void(QSqlDatabase &)> &use)
{
    const QString name = QStringLiteral("peek");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Result<SyncRun> syncOverHttp(SandboxRig &rig, SegmentStore &store, const QString &vendor)
{
    const Profile profile = rig.profile(vendor);
    PageFetcher fetcher(vendorById(vendor), profile, rig.secret(vendor));
    SyncJob job(&fetcher, &store, {profile.name, {}});
    QSignalSpy finished(&job, &SyncJob::finished);
    QSignalSpy failed(&job, &SyncJob::failed);
    job.start();
    if (!finished.wait(60000))
        return failed.isEmpty() ? Error::storage(QStringLiteral("no answer")) : failed.at(0).at(0).value<Error>();
    return finished.at(0).at(0).value<SyncRun>();
}

} // namespace

class TestStoreFormat final : public QObject
{
    Q_OBJECT

private slots:
    void largeSourcesAreCompressedAndExactAcrossEpochs_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &vendor : allVendorIds())
            QTest::newRow(qPrintable(vendor)) << vendor;
    }

    void largeSourcesAreCompressedAndExactAcrossEpochs()
    {
        QFETCH(QString, vendor);
        SandboxRig rig;
        rig.server.setSegmentCount(vendor, kLarge);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        SegmentStore store(path);
        QCOMPARE(store.open(), Error());
        const VendorApi *api = vendorById(vendor);
        const SourceKey source {rig.profile(vendor).name, {}};

        for (int epoch = 0; epoch <= 2; ++epoch) {
            rig.server.setEpoch(epoch);
            const Result<SyncRun> run = syncOverHttp(rig, store, vendor);
            QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().message));
            const int count = rig.server.segmentCount(vendor);
            QCOMPARE(run.value().rows, count);

            // Read back exactly as the vendor listed it, in its order.
            const auto rows = store.snapshot(source, api->columns());
            QVERIFY(rows.ok());
            QCOMPARE(rows.value().size(), count);
            for (int i = 0; i < count; ++i)
                QCOMPARE(rows.value().at(i).segment.object(), rig.server.record(vendor, i));

            if (epoch == 0) {
                QVERIFY(run.value().baseline);
                continue;
            }
            // What changed is exactly what the sandbox changed, with before and after intact.
            const QList<SandboxChange> expected = rig.server.expectedChanges(vendor, epoch - 1, epoch);
            const QList<SegmentChange> changes = store.lastChanges(source).value();
            QCOMPARE(changes.size(), expected.size());
            QCOMPARE(run.value().added + run.value().removed + run.value().changed, int(expected.size()));
            for (const SegmentChange &c : changes) {
                const auto match = std::find_if(expected.cbegin(), expected.cend(),
                                                [&](const SandboxChange &e) { return e.key == c.key; });
                QVERIFY2(match != expected.cend(), qPrintable(c.key));
                QCOMPARE(SegmentChange::kindName(c.kind), match->kind);
                if (c.kind == SegmentChange::Kind::Changed) {
                    QCOMPARE(c.fields, match->fields);
                    QVERIFY(QJsonDocument::fromJson(c.before).isObject());
                    QVERIFY(QJsonDocument::fromJson(c.after).isObject());
                    QVERIFY(c.before != c.after);
                }
            }
        }

        // On disk: one dictionary, every row of the source compressed with it, and far smaller
        // than the records themselves.
        qint64 stored = 0;
        withDatabase(path, [&](QSqlDatabase &db) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM dictionary")), 1);
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM segment WHERE dictionary_id = 0")), 0);
            stored = scalar(db, QStringLiteral("SELECT sum(length(record)) FROM segment WHERE removed_at IS NULL"));
        });
        qint64 json = 0;
        const auto rows = store.snapshot(source, api->columns());
        QVERIFY(rows.ok());
        for (const StoredSegment &s : rows.value())
            json += s.segment.json.size();
        QVERIFY2(stored * 10 < json * 7, qPrintable(QStringLiteral("%1 of %2").arg(stored).arg(json)));
    }

    // A profile removed while its sync runs takes its dictionary with it: the sync then fails
    // clearly instead of writing records that could not be read back.
    void aSyncWhoseProfileWasRemovedMeanwhileFails()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kLarge);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("s.sqlite")));
        QCOMPARE(store.open(), Error());
        const QString vendor = QStringLiteral("batch");
        QVERIFY(syncOverHttp(rig, store, vendor).ok()); // the source has its dictionary now
        const SourceKey source {rig.profile(vendor).name, {}};
        std::unique_ptr<SyncWriter> writer = store.beginSync(source, vendorById(vendor));
        QList<Segment> page;
        for (int i = 0; i < 20; ++i)
            page.append(Segment::fromRecord(rig.server.record(vendor, i), vendorById(vendor)->columns()));
        QCOMPARE(writer->add(page), Error());
        QCOMPARE(store.removeProfile(source.profile), Error());
        const Result<SyncRun> run = writer->commit();
        QVERIFY(!run.ok());
        QVERIFY2(run.error().message.contains(QStringLiteral("removed")), qPrintable(run.error().message));
        QVERIFY(!store.lastSync(source).value().has_value());
    }

    // A source too small for a dictionary keeps its records as they came, readable by anyone.
    void aSmallSourceKeepsItsRecordsAsTheyCame()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(50);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        {
            SegmentStore store(path);
            QCOMPARE(store.open(), Error());
            QVERIFY(syncOverHttp(rig, store, QStringLiteral("batch")).ok());
        }
        withDatabase(path, [&](QSqlDatabase &db) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM dictionary")), 0);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT record FROM segment ORDER BY position LIMIT 1")) && q.next());
            QCOMPARE(QJsonDocument::fromJson(q.value(0).toByteArray()).object(),
                     rig.server.record(QStringLiteral("batch"), 0));
        });
    }

    // A compressed record that no longer decompresses is a clear error naming the file, not garbage.
    void aDamagedCompressedRecordIsAClearError()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kLarge);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        const QString vendor = QStringLiteral("amperity");
        {
            SegmentStore store(path);
            QCOMPARE(store.open(), Error());
            QVERIFY(syncOverHttp(rig, store, vendor).ok());
        }
        withDatabase(path, [](QSqlDatabase &db) {
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE segment SET record = x'00ff00ff' WHERE position = 5")));
        });
        SegmentStore store(path);
        QCOMPARE(store.open(), Error());
        const SourceKey source {rig.profile(vendor).name, {}};
        const auto rows = store.snapshot(source, vendorById(vendor)->columns());
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().kind, Error::Kind::Storage);
        QVERIFY2(rows.error().message.contains(QStringLiteral("s.sqlite")), qPrintable(rows.error().message));
        // The rows before it still read.
        QCOMPARE(store.snapshot(source, vendorById(vendor)->columns(), 0, 5).value().size(), 5);
    }

    // A store written by the first release (schema 1) opens with its snapshots, runs and changes.
    void aVersionOneStoreIsBroughtUpToDate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        const QByteArray a = R"({"key":"a","name":"A"})";
        const QByteArray b = R"({"key":"b","name":"B2"})";
        const QByteArray bBefore = R"({"key":"b","name":"B"})";
        const QByteArray gone = R"({"key":"gone","name":"Gone"})";
        const VendorApi *ld = vendorById(QStringLiteral("launchdarkly"));
        withDatabase(path, [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            const char *const v1[] = {
                "CREATE TABLE source (id INTEGER PRIMARY KEY, profile TEXT NOT NULL, environment TEXT NOT NULL"
                " DEFAULT '', vendor TEXT NOT NULL, last_sync_id INTEGER, UNIQUE (profile, environment))",
                "CREATE TABLE sync_run (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES source(id) ON"
                " DELETE CASCADE, started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL, rows INTEGER NOT NULL"
                " DEFAULT 0, outcome TEXT NOT NULL, error TEXT NOT NULL DEFAULT '', added INTEGER NOT NULL DEFAULT 0,"
                " removed INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0, baseline INTEGER NOT NULL"
                " DEFAULT 0)",
                "CREATE INDEX sync_run_by_source ON sync_run (source_id, id)",
                "CREATE TABLE segment (source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE, key TEXT"
                " NOT NULL, position REAL NOT NULL, content_hash INTEGER NOT NULL, record_hash INTEGER NOT NULL,"
                " first_seen INTEGER NOT NULL, last_changed INTEGER NOT NULL, last_seen INTEGER, removed_at INTEGER,"
                " record BLOB NOT NULL, PRIMARY KEY (source_id, key))",
                "CREATE INDEX segment_by_position ON segment (source_id, position)",
                "CREATE TABLE segment_change (run_id INTEGER NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,"
                " key TEXT NOT NULL, kind TEXT NOT NULL, fields TEXT NOT NULL DEFAULT '', before BLOB, PRIMARY KEY"
                " (run_id, key))",
                "INSERT INTO source VALUES (1, 'prod', '', 'launchdarkly', 2)",
                "INSERT INTO sync_run VALUES (1, 1, 1000, 2000, 2, 'succeeded', '', 0, 0, 0, 1)",
                "INSERT INTO sync_run VALUES (2, 1, 3000, 4000, 2, 'succeeded', '', 0, 1, 1, 0)",
                "PRAGMA user_version = 1",
            };
            for (const char *statement : v1)
                QVERIFY2(q.exec(QLatin1String(statement)), statement);
            q.prepare(QStringLiteral("INSERT INTO segment VALUES (1, ?, ?, ?, 0, 2000, ?, ?, ?, ?)"));
            const auto row = [&](const char *key, double position, qint64 changed, const QVariant &seen,
                                 const QVariant &removed, const QByteArray &record) {
                q.bindValue(0, QString::fromLatin1(key));
                q.bindValue(1, position);
                q.bindValue(2, ld->contentHash(QJsonDocument::fromJson(record).object()));
                q.bindValue(3, changed);
                q.bindValue(4, seen);
                q.bindValue(5, removed);
                q.bindValue(6, record);
                QVERIFY(q.exec());
            };
            const QVariant none {QMetaType(QMetaType::LongLong)};
            row("a", 0, 2000, none, none, a);
            row("gone", 1, 2000, 2000, 4000, gone);
            row("b", 2, 4000, none, none, b);
            q.prepare(QStringLiteral("INSERT INTO segment_change VALUES (2, ?, ?, ?, ?)"));
            q.bindValue(0, QStringLiteral("b"));
            q.bindValue(1, QStringLiteral("changed"));
            q.bindValue(2, QStringLiteral("name"));
            q.bindValue(3, bBefore);
            QVERIFY(q.exec());
            q.bindValue(0, QStringLiteral("gone"));
            q.bindValue(1, QStringLiteral("removed"));
            q.bindValue(2, QStringLiteral(""));
            q.bindValue(3, QVariant(QMetaType(QMetaType::QByteArray)));
            QVERIFY(q.exec());
        });

        const SourceKey prod {QStringLiteral("prod"), {}};
        {
            SegmentStore store(path);
            QCOMPARE(store.open(), Error());
            const QList<StoredSegment> rows = store.snapshot(prod, ld->columns()).value();
            QCOMPARE(rows.size(), 2);
            QCOMPARE(rows.at(0).segment.json, a);
            QCOMPARE(rows.at(1).segment.json, b);
            QCOMPARE(rows.at(1).lastChanged.toMSecsSinceEpoch(), 4000);
            const QList<SegmentChange> changes = store.lastChanges(prod).value();
            QCOMPARE(changes.size(), 2);
            QCOMPARE(changes.at(0).kind, SegmentChange::Kind::Removed);
            QCOMPARE(changes.at(0).before, gone);
            QCOMPARE(changes.at(1).kind, SegmentChange::Kind::Changed);
            QCOMPARE(changes.at(1).fields, QStringList {QStringLiteral("name")});
            QCOMPARE(changes.at(1).before, bBefore);
            QCOMPARE(changes.at(1).after, b);
            QCOMPARE(store.syncRuns(prod).value().size(), 2);
            // The rows of schema 1 are summarised and searchable.
            EstateQuery search;
            search.text = QStringLiteral("b2");
            const QList<EstateRow> found = store.estateRows(search, 0, -1).value();
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.at(0).name, QStringLiteral("B2"));
            search.removed = true;
            search.text = QStringLiteral("gone");
            QCOMPARE(store.estateCount(search).value(), 1);

            // And a sync on top of it compares with the migrated rows.
            std::unique_ptr<SyncWriter> writer = store.beginSync(prod, ld);
            QCOMPARE(writer->add({Segment::fromRecord(QJsonDocument::fromJson(a).object(), ld->columns(), a),
                                  Segment::fromRecord(QJsonDocument::fromJson(gone).object(), ld->columns(), gone)}),
                     Error());
            Profile profile;
            profile.name = QStringLiteral("prod");
            profile.vendor = ld->id();
            writer->setProfile(profile);
            const Result<SyncRun> run = writer->commit();
            QVERIFY(run.ok());
            QCOMPARE(store.sharedProfiles().value().value(0).profile, profile); // schema 5's
            QCOMPARE(run.value().added, 1); // "gone" is back
            QCOMPARE(run.value().removed, 1); // "b" went
            QCOMPARE(run.value().changed, 0);
            // Runs from before schema 4 do not say who ran them; a new one does.
            const QList<SyncRun> runs = store.syncRuns(prod).value();
            QCOMPARE(runs.size(), 3);
            QCOMPARE(runs.at(0).machine, SyncRun::thisMachine());
            QCOMPARE(runs.at(0).user, SyncRun::thisUser());
            QCOMPARE(runs.at(1).ranBy(), QString());
            QCOMPARE(runs.at(2).ranBy(), QString());
        }
        withDatabase(path, [](QSqlDatabase &db) {
            QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")), SegmentStore::schemaVersion);
        });
    }
};

QTEST_GUILESS_MAIN(TestStoreFormat)
#include "tst_storeformat.moc"
