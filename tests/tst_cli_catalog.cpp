// The command line on a team's catalog, as a cron job or a systemd timer runs it: the real
// segment-browser binary, the sandbox as the vendors, and a throwaway PostgreSQL cluster
// (storebackend.h) as the catalog. Skips, with the reason, where PostgreSQL is not installed.
#include "cliharness.h"
#include "storebackend.h"

#include "core/vendorapi.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace sb;
using namespace sb::test;

class TestCliCatalog final : public CliHarness
{
    Q_OBJECT

private:
    StoreBackend m_backend {Backend::PostgreSql};

    // The snapshot of Batch profile `name` in the catalog at `where`: its keys, in order.
    static QStringList catalogKeys(const StoreLocation &where, const QString &name)
    {
        SegmentStore store(where);
        if (store.open().isError())
            return {QStringLiteral("<unreadable>")};
        const Result<QList<StoredSegment>> rows = store.snapshot({name, {}}, {});
        QStringList keys;
        for (const StoredSegment &row : rows ? rows.value() : QList<StoredSegment>())
            keys << row.key;
        return keys;
    }

    // How many sync locks the catalog's sessions hold.
    int heldSyncLocks(const StoreLocation &where) const
    {
        QSqlDatabase db = m_backend.connect(where, QStringLiteral("locks"));
        int held = -1;
        {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"))
                && q.next())
                held = q.value(0).toInt();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locks"));
        return held;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SB_REQUIRE_BACKEND(m_backend);
    }

    void cleanup() { cleanUp(); }

    // sync --all --store URL: one line per profile and exit 0; then syncs, changes and an offline
    // export read the catalog, named by --store or SEGMENT_BROWSER_STORE, and nothing went into
    // the local file.
    void theScheduledJobFillsTheCatalogAndEveryCommandReadsIt()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(40);
        const QString batch = addProfile(rig, QStringLiteral("batch"), QStringLiteral("batch"));
        const QString amperity = addProfile(rig, QStringLiteral("amperity"), QStringLiteral("amperity"));
        const StoreLocation where = m_backend.fresh();
        const QString url = where.displayUrl();

        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--all"), QStringLiteral("--store"), url});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QVERIFY2(sync.err.contains(QByteArray(batch.toUtf8() + ": 40 segments")), sync.err.constData());
        QVERIFY2(sync.err.contains(QByteArray(amperity.toUtf8() + ": 40 segments")), sync.err.constData());
        QVERIFY(!QFile::exists(storePath()));
        QCOMPARE(catalogKeys(where, batch), rig.expectedKeys(QStringLiteral("batch"), 40));

        const Run syncs =
            run({QStringLiteral("syncs"), QStringLiteral("--store=") + url, QStringLiteral("--profile"), batch});
        QVERIFY2(syncs.exitCode == 0, syncs.err.constData());
        const QList<QStringList> runs = csvOf(syncs.out);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).mid(runs.at(0).size() - 2),
                 (QStringList {QStringLiteral("machine"), QStringLiteral("user")}));
        QCOMPARE(runs.at(1).value(runs.at(1).size() - 2), SyncRun::thisMachine());
        QCOMPARE(runs.at(1).value(runs.at(1).size() - 1), SyncRun::thisUser());

        m_extraEnvironment.insert(QStringLiteral("SEGMENT_BROWSER_STORE"), url);
        const auto unset = qScopeGuard([this] { m_extraEnvironment.clear(); });
        rig.server.setSegmentCount(QStringLiteral("batch"), 42);
        const Run again = run({QStringLiteral("sync"), QStringLiteral("--profile"), batch});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const Run changes = run({QStringLiteral("changes"), QStringLiteral("--profile"), batch});
        QVERIFY2(changes.exitCode == 0, changes.err.constData());
        QCOMPARE(csvOf(changes.out).size(), 3); // the header and the two added
        QVERIFY2(changes.err.contains(SyncRun::thisUser().toUtf8()), changes.err.constData());
        const QString out = file(QStringLiteral("offline.csv"));
        const Run exported = run({QStringLiteral("export"), QStringLiteral("--profile"), amperity,
                                  QStringLiteral("--offline"), QStringLiteral("--output"), out});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csvOf(csv.readAll()).size(), 41);
        QVERIFY(!QFile::exists(storePath()));
    }

    // A colleague without the keys: takes the team's profiles from the catalog, and reads their
    // snapshots offline; syncing one needs its key.
    void aColleagueImportsTheProfilesAndReadsWithoutKeys()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(25);
        const QString batch = addProfile(rig, QStringLiteral("batch"), QStringLiteral("team-batch"));
        const QString ld = addProfile(rig, QStringLiteral("launchdarkly"), QStringLiteral("team-ld"));
        const StoreLocation where = m_backend.fresh();
        const QString url = where.displayUrl();
        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--all"), QStringLiteral("--store"), url});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());

        cleanUp(); // another machine: no profiles, no keys
        const Run none = run({QStringLiteral("profiles"), QStringLiteral("list")});
        QCOMPARE(none.out, QByteArray());
        const Run imported = run({QStringLiteral("profiles"), QStringLiteral("import"), QStringLiteral("--from-store"),
                                  QStringLiteral("--store"), url});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.err.contains(QString(batch + QStringLiteral(": imported (Batch at ")
                                               + rig.profile(QStringLiteral("batch")).baseUrl.toDisplayString())
                                           .toUtf8()),
                 imported.err.constData());
        // The sandbox on 127.0.0.1 is not an address Batch documents: said, before a key goes there.
        QVERIFY2(
            imported.err.contains(QString(batch + QStringLiteral(": its address is not one Batch documents")).toUtf8()),
            imported.err.constData());
        QVERIFY2(imported.err.contains(QString(ld + QStringLiteral(": imported (LaunchDarkly")).toUtf8()),
                 imported.err.constData());
        const Run list = run({QStringLiteral("profiles"), QStringLiteral("list")});
        QVERIFY(list.out.contains(batch.toUtf8()));
        QVERIFY(list.out.contains(ld.toUtf8()));
        QVERIFY(list.out.contains(rig.profile(QStringLiteral("batch")).baseUrl.toDisplayString().toUtf8()));

        const QString out = file(QStringLiteral("colleague.csv"));
        const Run exported =
            run({QStringLiteral("export"), QStringLiteral("--profile"), batch, QStringLiteral("--offline"),
                 QStringLiteral("--output"), out, QStringLiteral("--store"), url});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QCOMPARE(csvOf(readAll(out)).size(), 26);
        const Run refused =
            run({QStringLiteral("sync"), QStringLiteral("--profile"), batch, QStringLiteral("--store"), url});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("no secret"), refused.err.constData());

        const Run again = run({QStringLiteral("profiles"), QStringLiteral("import"), QStringLiteral("--from-store"),
                               QStringLiteral("--store"), url});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.err.contains("left as it is"), again.err.constData());
    }

    // Two syncs of one profile at once against the catalog: the second is refused before it walks
    // the vendor and says who holds the profile; the first commits whole.
    void aSecondSyncOfAProfileSaysWhoIsSyncingIt()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 300);
        // The first walk is held (every page two seconds) until the second has run; then it goes on.
        rig.server.setLatencyMs(2000);
        const QString name = addProfile(rig, QStringLiteral("batch"), QStringLiteral("twice"));
        const StoreLocation where = m_backend.fresh();
        const QStringList args {QStringLiteral("sync"), QStringLiteral("--profile"), name, QStringLiteral("--store"),
                                where.displayUrl()};
        std::unique_ptr<QProcess> first = start(args);
        QTRY_COMPARE_WITH_TIMEOUT(heldSyncLocks(where), 1, 60000);
        const Run second = run(args);
        rig.server.setLatencyMs(0);
        QCOMPARE(second.exitCode, 4);
        QVERIFY2(second.err.contains(QString(QStringLiteral("“") + name
                                             + QStringLiteral("” is being synced into the "
                                                              "catalog by ")
                                             + SyncRun::thisUser() + QStringLiteral(" on ") + SyncRun::thisMachine())
                                         .toUtf8()),
                 second.err.constData());
        QVERIFY(QTest::qWaitFor([&] { return first->state() == QProcess::NotRunning; }, 120000));
        QCOMPARE(first->exitCode(), 0);
        QCOMPARE(catalogKeys(where, name), rig.expectedKeys(QStringLiteral("batch"), 300));
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
        QCOMPARE(store.syncRuns({name, {}}).value().size(), 1);
    }

    // A sync killed mid-walk (SIGKILL) keeps the catalog's snapshot, and its lock goes with it.
    void aSyncKilledMidWayKeepsTheCatalogsSnapshot()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 300);
        const QString name = addProfile(rig, QStringLiteral("batch"), QStringLiteral("killed"));
        const StoreLocation where = m_backend.fresh();
        const QStringList args {QStringLiteral("sync"), QStringLiteral("--profile"), name, QStringLiteral("--store"),
                                where.displayUrl()};
        QCOMPARE(run(args).exitCode, 0);
        const QStringList before = catalogKeys(where, name);
        QCOMPARE(before.size(), 300);

        rig.server.setEpoch(1);
        rig.server.setLatencyMs(1000); // killed long before its twelve pages are in
        const int requests = rig.server.requestCount(QStringLiteral("batch"));
        std::unique_ptr<QProcess> sync = start(args);
        QVERIFY(
            QTest::qWaitFor([&] { return rig.server.requestCount(QStringLiteral("batch")) >= requests + 2; }, 60000));
        QCOMPARE(heldSyncLocks(where), 1);
        sync->kill();
        QVERIFY(sync->waitForFinished(30000));
        QCOMPARE(catalogKeys(where, name), before);
        QTRY_COMPARE(heldSyncLocks(where), 0);

        rig.server.setLatencyMs(0);
        const Run again = run(args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(catalogKeys(where, name),
                 rig.expectedKeys(QStringLiteral("batch"), rig.server.segmentCount(QStringLiteral("batch"))));
    }

    // A catalog whose user must give a password: without one the error says how to keep it; a
    // wrong one is never kept; the right one goes to the keychain, and the scheduled job uses it.
    void aCatalogThatAsksForAPassword()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(8);
        const QString name = addProfile(rig, QStringLiteral("batch"), QStringLiteral("guarded"));
        const QString role = PgCluster::passwordUser();
        QVERIFY(m_backend.runAsAdmin(
            QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN CREATE ROLE %1"
                           " LOGIN PASSWORD 'Tr0ub4dor&3'; END IF; END$$")
                .arg(role)));
        QVERIFY(m_backend.runAsAdmin(QStringLiteral("CREATE DATABASE guarded OWNER ") + role));
        StoreLocation where = m_backend.location(QStringLiteral("guarded"));
        where.user = role;
        const QString url = where.displayUrl();
        KeychainSecretStore keychain;
        const auto forget = qScopeGuard([&] { keychain.waitFor(keychain.remove(where.secretKey())); });

        const Run without = run({QStringLiteral("sync"), QStringLiteral("--all"), QStringLiteral("--store"), url});
        QCOMPARE(without.exitCode, 4);
        QVERIFY2(without.err.contains("password"), without.err.constData());
        QVERIFY2(without.err.contains(QString(QStringLiteral("segment-browser store password ") + url).toUtf8()),
                 without.err.constData());

        const Run wrong = run({QStringLiteral("store"), QStringLiteral("password"), url}, "Tr0ub4dor&4\n");
        QCOMPARE(wrong.exitCode, 4);
        QVERIFY2(wrong.err.contains("password authentication failed"), wrong.err.constData());
        QVERIFY(!wrong.err.contains("Tr0ub4dor"));
        QCOMPARE(keychain.waitFor(keychain.read(where.secretKey())).status, SecretResult::Status::NotFound);

        const Run right = run({QStringLiteral("store"), QStringLiteral("password"), url}, "Tr0ub4dor&3\n");
        QVERIFY2(right.exitCode == 0, right.err.constData());
        QCOMPARE(keychain.waitFor(keychain.read(where.secretKey())).secret, QStringLiteral("Tr0ub4dor&3"));
        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--all"), QStringLiteral("--store"), url});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QVERIFY(!sync.err.contains("Tr0ub4dor"));
        // Without the password the catalog is not read at all.
        QCOMPARE(catalogKeys(where, name), QStringList {QStringLiteral("<unreadable>")});
        SegmentStore store(where, QStringLiteral("Tr0ub4dor&3"));
        QCOMPARE(store.open(), Error());
        QCOMPARE(store.snapshotSize({name, {}}).value(), 8);
    }

    // Typed at a terminal (a real pseudo-terminal, through script(1)), the password is asked for
    // and never echoed.
    void aPasswordTypedAtATerminalIsNotShown()
    {
        needKeychain();
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script(1) is missing (Debian: bsdutils)");
        const StoreLocation where = m_backend.fresh();
        KeychainSecretStore keychain;
        const auto forget = qScopeGuard([&] { keychain.waitFor(keychain.remove(where.secretKey())); });
        const QString command =
            QStringLiteral("%1 store password %2").arg(QStringLiteral(SB_SEGMENT_BROWSER), where.displayUrl());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
        QProcess terminal;
        terminal.setProcessEnvironment(env);
        terminal.start(QStringLiteral("script"), {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY(terminal.waitForStarted());
        QByteArray shown;
        QVERIFY(QTest::qWaitFor(
            [&] {
                shown += terminal.readAllStandardOutput();
                return shown.contains("Password of");
            },
            30000));
        terminal.write("Typed-Secret-42\r");
        QVERIFY(QTest::qWaitFor([&] { return terminal.state() == QProcess::NotRunning; }, 30000));
        shown += terminal.readAllStandardOutput();
        QCOMPARE(terminal.exitCode(), 0);
        QVERIFY2(!shown.contains("Typed-Secret-42"), shown.constData());
        QVERIFY2(shown.contains("is in the keychain"), shown.constData());
        QCOMPARE(keychain.waitFor(keychain.read(where.secretKey())).secret, QStringLiteral("Typed-Secret-42"));
    }

    // store use / show / password: the choice is kept in the settings, a password goes to the
    // keychain only once the catalog takes it, and never through a URL.
    void theStoreCommandKeepsTheChoiceAndThePassword()
    {
        needKeychain();
        SandboxRig rig;
        rig.server.setSegmentCount(10);
        const QString name = addProfile(rig, QStringLiteral("batch"), QStringLiteral("chosen"));
        const StoreLocation where = m_backend.fresh();
        const QString url = where.displayUrl();

        const Run shown = run({QStringLiteral("store")});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.out.trimmed(), storePath().toUtf8());
        QVERIFY(shown.err.contains("the local file"));

        const Run used = run({QStringLiteral("store"), QStringLiteral("use"), url});
        QVERIFY2(used.exitCode == 0, used.err.constData());
        const Run nowShown = run({QStringLiteral("store"), QStringLiteral("show")});
        QCOMPARE(nowShown.out.trimmed(), url.toUtf8());
        QVERIFY(nowShown.err.contains("from the settings"));
        QVERIFY(nowShown.err.contains("No password"));
        QVERIFY(run({QStringLiteral("sync"), QStringLiteral("--profile"), name}).exitCode == 0);
        QCOMPARE(catalogKeys(where, name).size(), 10);
        QVERIFY(!QFile::exists(storePath()));

        // A catalog that cannot be reached is not kept as the choice.
        StoreLocation nowhere = where;
        nowhere.port = 1;
        const Run unreachable = run({QStringLiteral("store"), QStringLiteral("use"), nowhere.displayUrl()});
        QCOMPARE(unreachable.exitCode, 4);
        QVERIFY2(unreachable.err.contains("Could not reach the catalog"), unreachable.err.constData());
        QCOMPARE(run({QStringLiteral("store")}).out.trimmed(), url.toUtf8());

        // The password: from standard input into the keychain, never in a URL or the settings.
        const Run password = run({QStringLiteral("store"), QStringLiteral("password")}, "s3cret-Catalog\n");
        QVERIFY2(password.exitCode == 0, password.err.constData());
        QVERIFY(run({QStringLiteral("store")}).err.contains("Its password is in the keychain"));
        KeychainSecretStore keychain;
        const auto forget = qScopeGuard([&] { keychain.waitFor(keychain.remove(where.secretKey())); });
        QCOMPARE(keychain.waitFor(keychain.read(where.secretKey())).secret, QStringLiteral("s3cret-Catalog"));
        QFile settings(configHome() + QStringLiteral("/segment-browser/segment-browser.conf"));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray settingsBytes = settings.readAll();
        QVERIFY(settingsBytes.contains(url.toUtf8()));
        QVERIFY(!settingsBytes.contains("s3cret"));
        const Run inUrl = run({QStringLiteral("syncs"), QStringLiteral("--profile"), name, QStringLiteral("--store"),
                               QStringLiteral("postgresql://sb:s3cret@127.0.0.1/x")});
        QCOMPARE(inUrl.exitCode, 2);
        QVERIFY(inUrl.err.contains("password"));
        QVERIFY(!inUrl.err.contains("s3cret"));

        const Run back = run({QStringLiteral("store"), QStringLiteral("use"), QStringLiteral("default")});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(run({QStringLiteral("store")}).out.trimmed(), storePath().toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestCliCatalog)
#include "tst_cli_catalog.moc"
