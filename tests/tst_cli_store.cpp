// The store's commands as a user runs them: the real segment-browser binary with its own
// configuration and data folders, the sandbox as the vendors, the session's Secret Service
// (scripts/test provides a throwaway one).
#include "cliharness.h"
#include "sandboxrig.h"

#include "core/vendorapi.h"
#include "export/csvreader.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilestore.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace sb;
using namespace sb::test;

class TestCliStore final : public CliHarness
{
    Q_OBJECT

private:
    // The stored snapshot of `name` (a Batch profile): its keys, in order.
    QStringList storedKeys(const QString &name) const
    {
        SegmentStore store(storePath());
        if (store.open().isError())
            return {QStringLiteral("<unreadable>")};
        Profile profile;
        profile.name = name;
        profile.vendor = QStringLiteral("batch");
        const VendorApi *batch = vendorById(profile.vendor);
        const Result<QList<StoredSegment>> rows = store.snapshot(sourceOf(batch, profile), batch->columns());
        QStringList keys;
        for (const StoredSegment &row : rows ? rows.value() : QList<StoredSegment>())
            keys << row.key;
        return keys;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(QStringLiteral(SB_SEGMENT_BROWSER)));
    }

    void cleanup() { cleanUp(); }

    // sync, then export --offline with the vendor gone: the same bytes a live export wrote.
    void anOfflineExportIsTheLiveExportWithoutTheNetwork()
    {
        needKeychain();
        QString name;
        QByteArray live;
        QByteArray liveColumns;
        {
            SandboxRig rig;
            rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 140);
            name = addProfile(rig, QStringLiteral("launchdarkly"), QStringLiteral("prod"));
            QVERIFY(!name.isEmpty());
            const Run synced = run({QStringLiteral("sync"), QStringLiteral("--profile"), name});
            QVERIFY2(synced.exitCode == 0, synced.err.constData());
            QCOMPARE(
                synced.err.trimmed(),
                (name + QStringLiteral(": 140 segments; 0 added, 0 removed, 0 changed (the first sync)")).toUtf8());
            QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--bom"),
                          QStringLiteral("--output"), file(QStringLiteral("live.csv"))})
                         .exitCode,
                     0);
            QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--profile"), name,
                          QStringLiteral("--columns=key,rules,name,flags"), QStringLiteral("--output"),
                          file(QStringLiteral("live-columns.csv"))})
                         .exitCode,
                     0);
            live = readAll(file(QStringLiteral("live.csv")));
            liveColumns = readAll(file(QStringLiteral("live-columns.csv")));
        } // the sandbox is gone: nothing answers any more
        const Run offline =
            run({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--offline"),
                 QStringLiteral("--bom"), QStringLiteral("--output"), file(QStringLiteral("offline.csv"))});
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        QCOMPARE(readAll(file(QStringLiteral("offline.csv"))), live);
        QCOMPARE(csvOf(live).size(), 141);
        const Run columns =
            run({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--offline"),
                 QStringLiteral("--columns=key,rules,name,flags"), QStringLiteral("--output"), QStringLiteral("-")});
        QCOMPARE(columns.exitCode, 0);
        // The flags too, as the sync read them: the same cells the live walk of the flags gave.
        QCOMPARE(columns.out, liveColumns);
        QVERIFY(csvOf(liveColumns).constFirst().endsWith(QStringLiteral("flags")));
        int used = 0;
        for (const QStringList &row : csvOf(liveColumns))
            used += row.value(3).isEmpty() ? 0 : 1;
        QVERIFY(used > 5);
        // The live export, with the vendor gone, fails as before.
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--output"),
                      file(QStringLiteral("gone.csv"))})
                     .exitCode,
                 4);
    }

    void changesSaysWhatTheLastSyncChanged()
    {
        needKeychain();
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        rig.server.setSegmentCount(vendor, 30);
        const QString name = addProfile(rig, vendor, QStringLiteral("batch"));
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--profile"), name}).exitCode, 0);
        // After the first sync there is nothing before it to compare with: the header alone.
        const Run none = run({QStringLiteral("changes"), QStringLiteral("--profile"), name});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out, QByteArray("change,key,name,fields\r\n"));

        // The account later: its last five segments are gone.
        const QStringList keys = rig.expectedKeys(vendor, 30);
        QList<QJsonObject> records;
        for (int i = 25; i < 30; ++i)
            records.append(rig.server.record(vendor, i));
        rig.server.setSegmentCount(vendor, 25);
        const Run synced = run({QStringLiteral("sync"), QStringLiteral("--profile"), name});
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QCOMPARE(synced.err.trimmed(),
                 (name + QStringLiteral(": 25 segments; 0 added, 5 removed, 0 changed")).toUtf8());
        const Run changes =
            run({QStringLiteral("changes"), QStringLiteral("--profile"), name, QStringLiteral("--columns=updated_at"),
                 QStringLiteral("--output"), file(QStringLiteral("changes.csv"))});
        QVERIFY2(changes.exitCode == 0, changes.err.constData());
        // Which sync, and who ran it, on standard error; the CSV stays one row per change.
        SyncRun here;
        here.machine = SyncRun::thisMachine();
        here.user = SyncRun::thisUser();
        const QString ranBy = here.ranBy();
        QVERIFY(!ranBy.isEmpty());
        QVERIFY2(QString::fromUtf8(changes.err).contains(QStringLiteral(" by ") + ranBy), changes.err.constData());
        const QList<QStringList> rows = csvOf(readAll(file(QStringLiteral("changes.csv"))));
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.at(0),
                 (QStringList {QStringLiteral("change"), QStringLiteral("key"), QStringLiteral("name"),
                               QStringLiteral("fields"), QStringLiteral("updated_at")}));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(rows.at(i + 1).at(0), QStringLiteral("removed"));
            QCOMPARE(rows.at(i + 1).at(1), keys.at(25 + i));
            QCOMPARE(rows.at(i + 1).at(2), records.at(i).value(QStringLiteral("display_name")).toString());
            QCOMPARE(rows.at(i + 1).at(4), records.at(i).value(QStringLiteral("updated_at")).toString());
        }
    }

    // syncs lists every run, newest first; diff --sync-a/--sync-b compares two of them, offline.
    void syncsListsTheRunsAndDiffComparesTwo()
    {
        needKeychain();
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        rig.server.setSegmentCount(vendor, 40);
        const QString name = addProfile(rig, vendor, QStringLiteral("batch"));
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--profile"), name}).exitCode, 0);
        rig.server.setEpoch(1);
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--profile"), name}).exitCode, 0);
        QVERIFY(rig.server.setFaults(QStringLiteral("batch:500")));
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--profile"), name}).exitCode, 4);
        QVERIFY(rig.server.setFaults(QString()));

        const Run syncs = run({QStringLiteral("syncs"), QStringLiteral("--profile"), name});
        QVERIFY2(syncs.exitCode == 0, syncs.err.constData());
        const QList<QStringList> runs = csvOf(syncs.out);
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs.at(0).join(QLatin1Char(',')),
                 QStringLiteral("id,started,ended,outcome,segments,added,removed,changed,error,machine,user"));
        // Every run, failed ones too, says which machine and user ran it.
        for (qsizetype i = 1; i < runs.size(); ++i) {
            QCOMPARE(runs.at(i).at(9), SyncRun::thisMachine());
            QCOMPARE(runs.at(i).at(10), SyncRun::thisUser());
        }
        QCOMPARE(runs.at(1).at(3), QStringLiteral("failed"));
        QVERIFY2(!runs.at(1).at(8).isEmpty(), qPrintable(runs.at(1).join(QLatin1Char(','))));
        QCOMPARE(runs.at(2).at(3), QStringLiteral("succeeded"));
        QCOMPARE(runs.at(3).at(3), QStringLiteral("succeeded"));
        QCOMPARE(runs.at(3).at(4), QStringLiteral("40"));
        QVERIFY(QDateTime::fromString(runs.at(3).at(2), Qt::ISODate).isValid());

        // The first sync against the second: exactly what the account changed between them.
        const Run diff =
            run({QStringLiteral("diff"), QStringLiteral("--profile"), name, QStringLiteral("--profile"), name,
                 QStringLiteral("--sync-a"), runs.at(3).at(0), QStringLiteral("--sync-b"), runs.at(2).at(0)});
        QVERIFY2(diff.exitCode == 1, diff.err.constData());
        QList<SandboxChange> expected = rig.server.expectedChanges(vendor, 0, 1);
        std::sort(expected.begin(), expected.end(),
                  [](const SandboxChange &a, const SandboxChange &b) { return a.key < b.key; });
        const QList<QStringList> rows = csvOf(diff.out);
        QCOMPARE(rows.size(), expected.size() + 1);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QString status = expected.at(i).kind == QLatin1String("added") ? QStringLiteral("only-b")
                : expected.at(i).kind == QLatin1String("removed")                ? QStringLiteral("only-a")
                                                                                 : QStringLiteral("different");
            QCOMPARE(rows.at(i + 1).at(0), status);
            QCOMPARE(rows.at(i + 1).at(1), expected.at(i).key);
            QCOMPARE(rows.at(i + 1).at(4), expected.at(i).fields.join(QLatin1Char(';')));
        }
        // --sync-b alone: A is live (the account now, as the second sync saw it): no difference.
        const Run same = run({QStringLiteral("diff"), QStringLiteral("--profile"), name, QStringLiteral("--profile"),
                              name, QStringLiteral("--sync-b"), runs.at(2).at(0)});
        QVERIFY2(same.exitCode == 0, same.err.constData());
        // The failed run, or no number: clear errors, nothing written.
        const Run failed = run({QStringLiteral("diff"), QStringLiteral("--profile"), name, QStringLiteral("--profile"),
                                name, QStringLiteral("--sync-a"), runs.at(1).at(0), QStringLiteral("--offline")});
        QCOMPARE(failed.exitCode, 4);
        QVERIFY2(failed.err.contains("not one of the profile's successful syncs"), failed.err.constData());
        QVERIFY(failed.out.isEmpty());
        const Run word = run({QStringLiteral("diff"), QStringLiteral("--profile"), name, QStringLiteral("--profile"),
                              name, QStringLiteral("--sync-a"), QStringLiteral("last")});
        QCOMPARE(word.exitCode, 2);
        QVERIFY2(word.err.contains("--sync-a takes a sync's ID"), word.err.constData());
    }

    // A refused key fails that profile's sync (exit 3), keeps its snapshot, and does not stop the others.
    void aFailingProfileKeepsItsSnapshotAndTheOthersSync()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(20);
        const QString ld = addProfile(rig, QStringLiteral("launchdarkly"), QStringLiteral("ld"));
        const QString amperity = addProfile(rig, QStringLiteral("amperity"), QStringLiteral("amperity"));
        const Run first = run({QStringLiteral("sync"), QStringLiteral("--all")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY(first.err.contains(
            (ld + QStringLiteral(": 20 segments; 0 added, 0 removed, 0 changed (the first sync)")).toUtf8()));
        QVERIFY(first.err.contains(
            (amperity + QStringLiteral(": 20 segments; 0 added, 0 removed, 0 changed (the first sync)")).toUtf8()));

        rig.server.setSegmentCount(QStringLiteral("amperity"), 10);
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 10);
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly:401")));
        const Run second =
            run({QStringLiteral("sync"), QStringLiteral("--profile"), ld, QStringLiteral("--profile"), amperity});
        QCOMPARE(second.exitCode, 3);
        QVERIFY2(second.err.contains((ld + QStringLiteral(": HTTP 401")).toUtf8()), second.err.constData());
        QVERIFY(second.err.contains("the previous snapshot is kept"));
        QVERIFY(second.err.contains((amperity + QStringLiteral(": 10 segments; 0 added, 10 removed")).toUtf8()));
        rig.server.clearFaults();
        const Run kept = run({QStringLiteral("export"), QStringLiteral("--profile"), ld, QStringLiteral("--offline"),
                              QStringLiteral("--output"), QStringLiteral("-")});
        QCOMPARE(kept.exitCode, 0);
        QCOMPARE(csvOf(kept.out).size(), 21);
    }

    // export --all-profiles --offline: every synced profile in one file, with vendor and account
    // columns, any record field added by --columns, and clear usage errors.
    void allProfilesExportOfflineInOneFile()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(12);
        const QString ld = addProfile(rig, QStringLiteral("launchdarkly"), QStringLiteral("ld"));
        const QString batch = addProfile(rig, QStringLiteral("batch"), QStringLiteral("batch"));
        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--all")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());

        const QString out = file(QStringLiteral("all.csv"));
        const Run all = run({QStringLiteral("export"), QStringLiteral("--all-profiles"), QStringLiteral("--offline"),
                             QStringLiteral("--output"), out});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QList<QStringList> rows = csvOf(readAll(out));
        QCOMPARE(rows.size(), 25);
        QCOMPARE(rows.at(0),
                 QStringList({QStringLiteral("vendor"), QStringLiteral("account"), QStringLiteral("environment"),
                              QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("description"),
                              QStringLiteral("tags"), QStringLiteral("created"), QStringLiteral("modified"),
                              QStringLiteral("last_changed")}));
        // Batch first (vendors in order), each profile in the vendor's order.
        const QJsonObject firstBatch = rig.server.record(QStringLiteral("batch"), 0);
        QCOMPARE(rows.at(1).at(0), QStringLiteral("batch"));
        QCOMPARE(rows.at(1).at(1), batch);
        QCOMPARE(rows.at(1).at(3), firstBatch.value(QStringLiteral("code")).toString());
        QCOMPARE(rows.at(1).at(4), firstBatch.value(QStringLiteral("display_name")).toString());
        QVERIFY(!rows.at(1).at(7).isEmpty()); // created
        const QJsonObject firstLd = rig.server.record(QStringLiteral("launchdarkly"), 0);
        QCOMPARE(rows.at(13).at(0), QStringLiteral("launchdarkly"));
        QCOMPARE(rows.at(13).at(1), ld);
        QCOMPARE(rows.at(13).at(3), firstLd.value(QStringLiteral("key")).toString());
        QStringList tags;
        for (const QJsonValue &t : firstLd.value(QStringLiteral("tags")).toArray())
            tags.append(t.toString());
        QCOMPARE(rows.at(13).at(6), tags.join(QLatin1Char(';')));

        // A vendor's own field beside the common ones; empty where the vendor has no such field.
        const Run fields =
            run({QStringLiteral("export"), QStringLiteral("--all-profiles"), QStringLiteral("--offline"),
                 QStringLiteral("--columns=account,key,version"), QStringLiteral("--output"), QStringLiteral("-")});
        QVERIFY2(fields.exitCode == 0, fields.err.constData());
        const QList<QStringList> picked = csvOf(fields.out);
        QCOMPARE(picked.at(0),
                 QStringList({QStringLiteral("account"), QStringLiteral("key"), QStringLiteral("version")}));
        QCOMPARE(picked.at(1).at(2), QString());
        QCOMPARE(picked.at(13).at(2), QString::number(firstLd.value(QStringLiteral("version")).toInt()));

        const Run live =
            run({QStringLiteral("export"), QStringLiteral("--all-profiles"), QStringLiteral("--output"), out});
        QCOMPARE(live.exitCode, 2);
        QVERIFY(live.err.contains("--offline"));
        const Run both = run({QStringLiteral("export"), QStringLiteral("--all-profiles"), QStringLiteral("--offline"),
                              QStringLiteral("--profile"), ld, QStringLiteral("--output"), out});
        QCOMPARE(both.exitCode, 2);
        const Run badColumn =
            run({QStringLiteral("export"), QStringLiteral("--all-profiles"), QStringLiteral("--offline"),
                 QStringLiteral("--columns=key,bad column"), QStringLiteral("--output"), out});
        QCOMPARE(badColumn.exitCode, 2);
        QVERIFY(badColumn.err.contains("bad column"));
        QCOMPARE(csvOf(readAll(out)).size(), 25); // the file from before is untouched
    }

    // Two syncs of one profile at once (two timers, or a timer and a person): each commits whole,
    // one after the other, or the second says the store is locked; never a doubled or half snapshot.
    void twoSyncsOfOneProfileAtOnce()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 300);
        rig.server.setLatencyMs(20); // the two walks overlap
        const QString name = addProfile(rig, QStringLiteral("batch"), QStringLiteral("twice"));
        const QStringList args {QStringLiteral("sync"), QStringLiteral("--profile"), name};
        std::unique_ptr<QProcess> first = start(args);
        std::unique_ptr<QProcess> second = start(args);
        QVERIFY(QTest::qWaitFor(
            [&] { return first->state() == QProcess::NotRunning && second->state() == QProcess::NotRunning; }, 120000));
        int succeeded = 0;
        for (QProcess *p : {first.get(), second.get()}) {
            const QByteArray err = p->readAllStandardError();
            QVERIFY2(p->exitStatus() == QProcess::NormalExit, err.constData());
            if (p->exitCode() == 0)
                ++succeeded;
            else
                QVERIFY2(p->exitCode() == 4 && err.contains("locked"), err.constData());
        }
        QVERIFY(succeeded >= 1);
        const QStringList keys = storedKeys(name);
        QCOMPARE(keys, rig.expectedKeys(QStringLiteral("batch"), 300));
        const Run syncs = run({QStringLiteral("syncs"), QStringLiteral("--profile"), name});
        const QList<QStringList> runs = csvOf(syncs.out);
        // One succeeded run per process that succeeded; a process the lock stopped may not even have
        // been able to record its failure (that needs the lock too).
        qsizetype succeededRuns = 0;
        for (qsizetype i = 1; i < runs.size(); ++i)
            succeededRuns += runs.at(i).at(3) == QLatin1String("succeeded") ? 1 : 0;
        QCOMPARE(succeededRuns, qsizetype(succeeded));
        QVERIFY(runs.size() >= 2 && runs.size() <= 3);
        // The later of two successful runs found nothing to change.
        if (succeeded == 2) {
            QCOMPARE(runs.at(1).at(3), QStringLiteral("succeeded"));
            QCOMPARE(runs.at(1).mid(5, 3),
                     (QStringList {QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0")}));
        }
    }

    // A sync killed mid-walk (SIGKILL: no chance to clean up) leaves the snapshot as it was; the
    // next sync goes through.
    void aSyncKilledMidWayKeepsTheSnapshot()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 300);
        const QString name = addProfile(rig, QStringLiteral("batch"), QStringLiteral("killed"));
        const QStringList args {QStringLiteral("sync"), QStringLiteral("--profile"), name};
        QCOMPARE(run(args).exitCode, 0);
        const QStringList before = storedKeys(name);
        QCOMPARE(before.size(), 300);

        rig.server.setEpoch(1);
        rig.server.setLatencyMs(300);
        const int requests = rig.server.requestCount(QStringLiteral("batch"));
        std::unique_ptr<QProcess> sync = start(args);
        QVERIFY(
            QTest::qWaitFor([&] { return rig.server.requestCount(QStringLiteral("batch")) >= requests + 2; }, 60000));
        sync->kill();
        QVERIFY(sync->waitForFinished(30000));
        QCOMPARE(storedKeys(name), before);

        rig.server.setLatencyMs(0);
        const Run again = run(args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(storedKeys(name),
                 rig.expectedKeys(QStringLiteral("batch"), rig.server.segmentCount(QStringLiteral("batch"))));
    }

    void removingAProfileRemovesItsSnapshotsOnly()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(12);
        const QString gone = addProfile(rig, QStringLiteral("batch"), QStringLiteral("gone"));
        const QString kept = addProfile(rig, QStringLiteral("amperity"), QStringLiteral("kept"));
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--all")}).exitCode, 0);
        const Run removed = run({QStringLiteral("profiles"), QStringLiteral("remove"), gone});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        SegmentStore store(storePath());
        QCOMPARE(store.open(), Error());
        QCOMPARE(store.snapshotSize({gone, {}}).value(), 0);
        QVERIFY(!store.lastSync({gone, {}}).value().has_value());
        QCOMPARE(store.snapshotSize({kept, {}}).value(), 12);
    }

    void usageAndStoreErrorsAreClear()
    {
        needKeychain();
        SandboxRig rig;
        const QString name = addProfile(rig, QStringLiteral("sailpoint"), QStringLiteral("sp"));
        const Run neither = run({QStringLiteral("sync")});
        QCOMPARE(neither.exitCode, 2);
        QVERIFY(neither.err.contains("--all"));
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("nobody")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("changes")}).exitCode, 2);
        const Run noProfile = run({QStringLiteral("export"), QStringLiteral("--offline"), QStringLiteral("--vendor"),
                                   QStringLiteral("batch"), QStringLiteral("--output"), QStringLiteral("-")});
        QCOMPARE(noProfile.exitCode, 2);
        const Run filtered =
            run({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--offline"),
                 QStringLiteral("--filter=x"), QStringLiteral("--output"), QStringLiteral("-")});
        QCOMPARE(filtered.exitCode, 2);
        QVERIFY(filtered.err.contains("--filter"));
        const Run never = run({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--offline"),
                               QStringLiteral("--output"), file(QStringLiteral("n.csv"))});
        QCOMPARE(never.exitCode, 4);
        QVERIFY2(never.err.contains("no snapshot yet"), never.err.constData());
        QVERIFY(!QFile::exists(file(QStringLiteral("n.csv"))));

        // A damaged store: a clear error naming it, and the file left as it was.
        QVERIFY(QDir().mkpath(QFileInfo(storePath()).absolutePath()));
        QFile damaged(storePath());
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(8192, 'x'));
        damaged.close();
        const Run broken = run({QStringLiteral("sync"), QStringLiteral("--profile"), name});
        QCOMPARE(broken.exitCode, 4);
        QVERIFY2(broken.err.contains(storePath().toUtf8()), broken.err.constData());
        QCOMPARE(readAll(storePath()), QByteArray(8192, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
