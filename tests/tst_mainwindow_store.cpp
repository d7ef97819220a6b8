// The window over the local store: a stored snapshot shows at once and a sync brings it up to
// date, Sync and the Changes view, and a failed sync that keeps the snapshot on show.
#include "demosession.h"
#include "model/changesmodel.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "storetest.h"
#include "ui/changesview.h"
#include "ui/detailpane.h"
#include "ui/errorbanner.h"
#include "ui/filterbuilder.h"
#include "ui/mainwindow.h"
#include "ui/segmentbrowser.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kBatch = QStringLiteral("batch");
const QString kLd = QStringLiteral("launchdarkly");

QString profileOf(const SandboxRig &rig, const QString &vendor)
{
    return rig.profile(vendor).name;
}

QStringList loadedKeys(const SegmentTableModel *model)
{
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row)
        keys.append(model->index(row, 0).data(SegmentTableModel::RecordKeyRole).toString());
    return keys;
}

// Runs a sync from the window's Sync action and waits for it to end.
bool syncFromTheWindow(MainWindow &w, bool *succeeded = nullptr)
{
    QSignalSpy finished(w.syncScheduler(), &SyncScheduler::finished);
    QSignalSpy failed(w.syncScheduler(), &SyncScheduler::failed);
    QAction *sync = w.action(QStringLiteral("actionSync"));
    if (!sync->isEnabled() && !w.syncScheduler()->isBusy())
        return false;
    if (!w.syncScheduler()->isBusy())
        sync->trigger();
    if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 30000))
        return false;
    if (succeeded)
        *succeeded = finished.count() > 0;
    return true;
}

} // namespace

class TestMainWindowStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow_store"));
    }

    void init() { QSettings().clear(); }

    void aSyncedProfileOpensOnItsSnapshotAtOnceThenSyncs()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kBatch, 130);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        const QStringList keys = rig.expectedKeys(kBatch, 130);
        {
            MainWindow w;
            w.setSegmentStore(&store);
            w.setProfiles(demoProfiles(rig));
            QVERIFY(w.selectProfileByName(profileOf(rig, kBatch)));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            // Never synced: live, page by page, as ever.
            QVERIFY(!w.browser()->showsSnapshot());
            QTRY_VERIFY(w.model()->rowCount() > 0);
            bool ok = false;
            QVERIFY(syncFromTheWindow(w, &ok));
            QVERIFY(ok);
            // The table now shows the snapshot.
            QTRY_VERIFY(w.browser()->showsSnapshot());
            QVERIFY2(w.statusText().contains(QStringLiteral("as of")), qPrintable(w.statusText()));
        }
        MainWindow w;
        w.setSegmentStore(&store);
        const int requests = rig.server.requestCount(kBatch);
        w.setProfiles(demoProfiles(rig));
        QVERIFY(w.selectProfileByName(profileOf(rig, kBatch)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // At once, before any answer of the vendor: the stored rows, in the vendor's order.
        QVERIFY(w.browser()->showsSnapshot());
        QTRY_COMPARE(w.model()->rowCount(), 130);
        QCOMPARE(loadedKeys(w.model()), keys);
        QVERIFY(w.statusText().contains(QStringLiteral("130 segments, as of")));
        // And a sync started to bring it up to date.
        QVERIFY(w.syncScheduler()->isSyncing(profileOf(rig, kBatch)));
        QVERIFY(syncFromTheWindow(w));
        QVERIFY(rig.server.requestCount(kBatch) > requests);
        QVERIFY(w.browser()->showsSnapshot());
    }

    // A colleague's catalog holds a snapshot of a profile whose key this computer does not have:
    // the window shows the snapshot, read only, says when and by whom it was synced, and asks
    // the vendor nothing (no sync, no filter, no sort, no flags).
    void aProfileWithoutItsKeyBrowsesItsSnapshotReadOnly()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kLd, 40);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        const Profile profile = rig.profile(kLd);
        QList<QJsonObject> records;
        for (int i = 0; i < 40; ++i)
            records.append(rig.server.record(kLd, i));
        const Result<SyncRun> run = syncOnce(store, sourceOf(vendorById(kLd), profile), kLd, records);
        QVERIFY(run.ok());
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        QCOMPARE(profiles.add(profile), Error());
        MemorySecretStore secrets; // without the profile's key

        MainWindow w;
        w.setSegmentStore(&store);
        w.setStores(&profiles, &secrets);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.currentProfileName(), profile.name);
        QTRY_VERIFY(w.browser()->showsSnapshot());
        QTRY_COMPARE(w.model()->rowCount(), 40);
        QVERIFY(w.browser()->isReadOnly());
        QTRY_VERIFY(!w.model()->isLoading());
        QVERIFY(w.browser()->banner()->isVisibleTo(&w)); // it stays while the rows load
        const QString banner = w.browser()->banner()->text();
        QVERIFY2(banner.startsWith(QStringLiteral("Read only: this is the snapshot synced ")), qPrintable(banner));
        QVERIFY2(banner.contains(run.value().ranBy()), qPrintable(banner));
        QVERIFY(w.windowTitle().contains(QStringLiteral("read only")));
        QVERIFY(!w.action(QStringLiteral("actionSync"))->isEnabled());
        QVERIFY(!w.action(QStringLiteral("actionReload"))->isEnabled());
        QVERIFY(w.action(QStringLiteral("actionExport"))->isEnabled());
        QVERIFY(!w.browser()->filterBuilder()->isVisibleTo(&w));
        QVERIFY(!w.syncScheduler()->isBusy());
        // A click on a header does not sort (the vendor sorts); the rows stay as stored.
        QTest::mouseClick(w.browser()->findChild<QTableView *>()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(20, 5));
        w.browser()->reload();
        QCOMPARE(w.model()->rowCount(), 40);
        QVERIFY(w.browser()->showsSnapshot());
        QCOMPARE(w.model()->usageState(), SegmentTableModel::UsageState::Failed);
        QCOMPARE(rig.server.requestCount(kLd), 0);

        // With the key in the keychain, the same profile syncs live again.
        QVERIFY(secrets.waitFor(secrets.write(profile.secretKey(), rig.secret(kLd))).ok());
        QVERIFY(w.selectProfileByName(profile.name));
        QTRY_VERIFY(!w.browser()->isReadOnly());
        QVERIFY(w.browser()->banner()->text().isEmpty());
        QTRY_VERIFY(rig.server.requestCount(kLd) > 0); // its snapshot is synced at once
        QTRY_VERIFY(w.action(QStringLiteral("actionSync"))->isEnabled());
    }

    // File > Import Profiles from the Store…: a colleague's profiles, as their syncs left them,
    // without keys; one of the same name here is kept; the imported one opens read only.
    void theStoresProfilesAreImportedWithoutKeys()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 20);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        const Profile batch = rig.profile(QStringLiteral("batch"));
        Profile mine = rig.profile(QStringLiteral("amperity"));
        for (const Profile &p : {batch, mine}) {
            QList<QJsonObject> records;
            for (int i = 0; i < 20; ++i)
                records.append(rig.server.record(p.vendor, i));
            std::unique_ptr<SyncWriter> writer =
                store.beginSync(sourceOf(vendorById(p.vendor), p), vendorById(p.vendor));
            writer->setProfile(p);
            QCOMPARE(writer->add(segmentsOf(p.vendor, records)), Error());
            QVERIFY(writer->commit().ok());
        }
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        mine.baseUrl = QUrl(QStringLiteral("https://app.amperity.com/api")); // this computer's own
        QCOMPARE(profiles.add(mine), Error());
        MemorySecretStore secrets;

        MainWindow w;
        w.setSegmentStore(&store);
        w.setStores(&profiles, &secrets);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.action(QStringLiteral("actionImportProfiles"))->isEnabled());
        w.action(QStringLiteral("actionImportProfiles"))->trigger();
        QMessageBox *result = nullptr;
        QTRY_VERIFY((result = w.findChild<QMessageBox *>(QStringLiteral("importProfilesResult"))) != nullptr);
        QVERIFY2(result->text().contains(QStringLiteral("Imported “%1”.").arg(batch.name)), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("Here already, and left as they are: “%1”.").arg(mine.name)),
                 qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("Not at an address its vendor documents, so check it before "
                                                        "you add a key: “%1” (%2).")
                                             .arg(batch.name, batch.baseUrl.toDisplayString())),
                 qPrintable(result->text()));
        result->accept();
        QCOMPARE(profiles.profile(batch.name), std::optional<Profile>(batch));
        QCOMPARE(profiles.profile(mine.name)->baseUrl, mine.baseUrl);
        QVERIFY(w.selectProfileByName(batch.name));
        QTRY_VERIFY(w.browser()->isReadOnly());
        QTRY_COMPARE(w.model()->rowCount(), 20);
        QCOMPARE(rig.server.requestCount(QStringLiteral("batch")), 0);
    }

    void theChangesViewShowsWhatTheLastSyncChanged()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kLd, 60);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(demoProfiles(rig));
        QVERIFY(w.selectProfileByName(profileOf(rig, kLd)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(syncFromTheWindow(w));
        QTRY_VERIFY(w.browser()->showsSnapshot());

        rig.server.setEpoch(1); // the same account later
        const QList<SandboxChange> expected = rig.server.expectedChanges(kLd, 0, 1);
        QVERIFY(expected.size() > 5);
        bool ok = false;
        QVERIFY(syncFromTheWindow(w, &ok));
        QVERIFY(ok);
        QTRY_COMPARE(w.model()->rowCount(), rig.server.segmentCount(kLd));

        w.action(QStringLiteral("actionChanges"))->trigger();
        QVERIFY(w.browser()->showsChanges());
        ChangesView *view = w.browser()->changesView();
        ChangesModel *changes = view->model();
        QCOMPARE(changes->rowCount(), expected.size());
        // Who ran the sync, as a shared catalog needs to say.
        SyncRun here;
        here.machine = SyncRun::thisMachine();
        here.user = SyncRun::thisUser();
        QVERIFY(!here.ranBy().isEmpty());
        QVERIFY2(view->summary().contains(QStringLiteral(" by %1:").arg(here.ranBy())), qPrintable(view->summary()));
        QList<SandboxChange> shown;
        for (int row = 0; row < changes->rowCount(); ++row) {
            const SegmentChange &c = changes->change(row);
            shown.append({SegmentChange::kindName(c.kind), c.key, c.fields});
        }
        const auto byKey = [](const SandboxChange &a, const SandboxChange &b) {
            return a.key < b.key;
        };
        QList<SandboxChange> want = expected;
        std::sort(shown.begin(), shown.end(), byKey);
        std::sort(want.begin(), want.end(), byKey);
        QCOMPARE(shown, want);
        QVERIFY(
            view->summary().contains(QStringLiteral("%1 removed").arg(changes->count(SegmentChange::Kind::Removed))));

        // A changed segment: its details show the record before and after, changed lines marked.
        int changedRow = -1;
        for (int row = 0; row < changes->rowCount() && changedRow < 0; ++row) {
            if (changes->change(row).kind == SegmentChange::Kind::Changed
                && changes->change(row).fields.contains(QStringLiteral("name")))
                changedRow = row;
        }
        QVERIFY(changedRow >= 0);
        view->table()->selectRow(changedRow);
        const QString json = w.details()->json();
        QVERIFY2(json.contains(QStringLiteral("+     \"name\": ")), qPrintable(json.left(400)));
        QVERIFY(json.contains(QChar(0x2212) + QStringLiteral("     \"name\": ")));
        QVERIFY(json.contains(QStringLiteral("renamed at epoch 1")));

        // Escape goes back to the segments.
        QTest::keyClick(view->table(), Qt::Key_Escape);
        QVERIFY(!w.browser()->showsChanges());
        QVERIFY(!w.action(QStringLiteral("actionChanges"))->isChecked());
        QVERIFY(w.table()->isVisible());
    }

    // The vendor refuses the next sync: the snapshot stays on show, the banner says why, and Retry
    // syncs again.
    void aFailedSyncKeepsTheSnapshotOnShow()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kBatch, 40);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(demoProfiles(rig));
        QVERIFY(w.selectProfileByName(profileOf(rig, kBatch)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(syncFromTheWindow(w));
        QTRY_VERIFY(w.browser()->showsSnapshot());
        const QStringList keys = loadedKeys(w.model());

        QVERIFY(rig.server.setFaults(QStringLiteral("batch:401")));
        bool ok = true;
        QVERIFY(syncFromTheWindow(w, &ok));
        QVERIFY(!ok);
        QVERIFY(w.browser()->showsSnapshot());
        QCOMPARE(loadedKeys(w.model()), keys);
        QVERIFY2(w.banner()->text().contains(QStringLiteral("showing the snapshot of")),
                 qPrintable(w.banner()->text()));
        QVERIFY(w.banner()->text().contains(QStringLiteral("401")));

        rig.server.clearFaults();
        QSignalSpy finished(w.syncScheduler(), &SyncScheduler::finished);
        emit w.banner()->retryRequested();
        QVERIFY(finished.wait(30000));
        QTRY_VERIFY(w.banner()->text().isEmpty() || !w.banner()->isVisible());
    }

    // With the vendor out of reach the window still opens on the snapshot, and says it is offline.
    void offlineTheSnapshotStaysWithABanner()
    {
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        QList<SessionProfile> profiles;
        {
            SandboxRig rig;
            rig.server.setSegmentCount(kBatch, 25);
            profiles = demoProfiles(rig);
            MainWindow w;
            w.setSegmentStore(&store);
            w.setProfiles(profiles);
            QVERIFY(w.selectProfileByName(profileOf(rig, kBatch)));
            QVERIFY(syncFromTheWindow(w));
        } // the sandbox is gone: connections are refused
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(profiles);
        for (const SessionProfile &p : std::as_const(profiles)) {
            if (p.profile.vendor == kBatch)
                QVERIFY(w.selectProfileByName(p.profile.name));
        }
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.model()->rowCount(), 25);
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->text().contains(QStringLiteral("Offline — showing the snapshot of")),
                                 30000);
        QCOMPARE(w.model()->rowCount(), 25);
    }

    // A store that is not a database: the window says so, naming the file, leaves it alone, and
    // browses live.
    void aDamagedStoreIsSaidAndTheWindowBrowsesLive()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kBatch, 30);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("segments.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '#'));
        file.close();
        SegmentStore store(path);
        QVERIFY(store.open().isError());
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(demoProfiles(rig));
        QVERIFY(w.selectProfileByName(profileOf(rig, kBatch)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *note = w.findChild<QLabel *>(QStringLiteral("storeNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().contains(path), qPrintable(note->text()));
        QVERIFY(note->text().contains(QStringLiteral("read live")));
        QTRY_COMPARE(w.model()->rowCount(), 30);
        QVERIFY(!w.browser()->showsSnapshot());
        QVERIFY(!w.action(QStringLiteral("actionSync"))->isEnabled());
        QVERIFY(!w.syncScheduler());
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray(4096, '#'));
    }

    void theNewModelsPassTheModelTester()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(kLd, 4500);
        QList<Segment> rows;
        for (int i = 0; i < 4500; ++i)
            rows.append(Segment::fromRecord(rig.server.record(kLd, i), vendorById(kLd)->columns()));
        SegmentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(vendorById(kLd), rig.profile(kLd), rig.secret(kLd));
        int reads = 0;
        model.showSnapshot(rows.size(), QDateTime::currentDateTimeUtc(), [&](qint64 offset, int limit) {
            ++reads;
            return Result<QList<Segment>>(rows.mid(offset, limit));
        });
        QVERIFY(model.isSnapshot());
        QCOMPARE(model.rowCount(), 250); // a screenful at once
        while (model.rowCount() < 4500) {
            QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
            model.fetchMore({}); // nothing when a read is due already (the tester asks too)
            QVERIFY(!model.canFetchMore({})); // one read at a time
            QVERIFY(inserted.wait());
        }
        QCOMPARE(model.rowCount(), 4500);
        QCOMPARE(reads, 4); // 250 at once, then chunks of 2,000 as a view scrolls
        QVERIFY(model.isComplete());
        QVERIFY(model.statusText().contains(QStringLiteral("as of")));
        // A query goes back to the vendor.
        Query q;
        q.filter = QStringLiteral("tags anyOf [\"beta\"]");
        model.setQuery(q);
        QVERIFY(!model.isSnapshot());
        QCOMPARE(model.rowCount(), 0);

        ChangesModel changes;
        QAbstractItemModelTester changesTester(&changes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SegmentChange renamed;
        renamed.kind = SegmentChange::Kind::Changed;
        renamed.key = QStringLiteral("a");
        renamed.fields = {QStringLiteral("name"), QStringLiteral("tags")};
        renamed.after = R"({"key":"a","name":"After"})";
        SegmentChange removed;
        removed.kind = SegmentChange::Kind::Removed;
        removed.key = QStringLiteral("b");
        removed.before = R"({"key":"b","name":"Gone"})";
        changes.setChanges(vendorById(kLd), {removed, renamed});
        QCOMPARE(changes.rowCount(), 2);
        QCOMPARE(changes.index(0, ChangesModel::ChangeColumn).data().toString(), QStringLiteral("Removed"));
        QCOMPARE(changes.index(0, ChangesModel::NameColumn).data().toString(), QStringLiteral("Gone"));
        QCOMPARE(changes.index(1, ChangesModel::NameColumn).data().toString(), QStringLiteral("After"));
        QCOMPARE(changes.index(1, ChangesModel::FieldsColumn).data().toString(), QStringLiteral("Name, Tags"));
        QCOMPARE(changes.index(1, ChangesModel::FieldsColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("name, tags"));
        QCOMPARE(changes.count(SegmentChange::Kind::Added), 0);
        QCOMPARE(changes.headerData(ChangesModel::FieldsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Changed fields"));
    }
};

QTEST_MAIN(TestMainWindowStore)
#include "tst_mainwindow_store.moc"
