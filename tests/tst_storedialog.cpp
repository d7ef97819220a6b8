// File > Segment Store…: the fields name a file or a catalog (and refuse an unchecked certificate
// anywhere but this machine), Test Connection and Use This Store open a real PostgreSQL catalog
// in a throwaway cluster, and the window then replaces its store with the one chosen.
#include "demosession.h"
#include "sandboxrig.h"
#include "storebackend.h"
#include "storetest.h"

#include "model/segmenttablemodel.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "ui/estatepage.h"
#include "ui/mainwindow.h"
#include "ui/segmentbrowser.h"
#include "ui/storedialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

// Types the catalog's fields as a person would.
void fillCatalog(StoreDialog &dialog, const QString &host, int port, const QString &database, const QString &user)
{
    child<QRadioButton>(&dialog, "catalogRadio")->click();
    child<QLineEdit>(&dialog, "hostEdit")->setText(host);
    child<QSpinBox>(&dialog, "portSpin")->setValue(port);
    child<QLineEdit>(&dialog, "databaseEdit")->setText(database);
    child<QLineEdit>(&dialog, "userEdit")->setText(user);
}

} // namespace

class TestStoreDialog final : public QObject
{
    Q_OBJECT

private:
    StoreBackend m_catalogs {Backend::PostgreSql};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_storedialog"));
        QSettings().clear();
    }

    void init() { QSettings().clear(); } // a window's state (All segments on show) is not the next one's

    void theFieldsNameTheStore()
    {
        StoreLocation file;
        file.path = QStringLiteral("/tmp/segments.sqlite");
        StoreDialog dialog(file, file.path, {});
        dialog.show();
        QVERIFY(child<QRadioButton>(&dialog, "localRadio")->isChecked());
        QVERIFY(!child<QLineEdit>(&dialog, "hostEdit")->isEnabled());
        QCOMPARE(dialog.location().value().path, file.path);

        fillCatalog(dialog, QStringLiteral("db.example.com"), 5432, QStringLiteral("segments"), QStringLiteral("anna"));
        QCOMPARE(child<QLabel>(&dialog, "urlLabel")->text(),
                 QStringLiteral("postgresql://anna@db.example.com/segments"));
        // Another machine: its certificate is checked, and that cannot be turned off.
        auto *verify = child<QCheckBox>(&dialog, "verifyCheck");
        QVERIFY(verify->isChecked());
        QVERIFY(!verify->isEnabled());
        QCOMPARE(dialog.location().value().sslMode, QStringLiteral("verify-full"));
        // This machine: it may be reached without.
        child<QLineEdit>(&dialog, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
        QVERIFY(verify->isEnabled());
        QVERIFY(!verify->isChecked());
        QCOMPARE(dialog.location().value().sslMode, QStringLiteral("prefer"));
        QCOMPARE(child<QLabel>(&dialog, "urlLabel")->text(), QStringLiteral("postgresql://anna@127.0.0.1/segments"));
        verify->setChecked(true); // a local server with a certificate may be checked too
        QCOMPARE(dialog.location().value().sslMode, QStringLiteral("verify-full"));
        verify->setChecked(false);
        // A field missing: said, and nothing to test or use.
        child<QLineEdit>(&dialog, "databaseEdit")->clear();
        QCOMPARE(child<QLabel>(&dialog, "urlLabel")->text(), QStringLiteral("Name the catalog's database"));
        QVERIFY(!child<QPushButton>(&dialog, "testButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "useButton")->isEnabled());
        // The password never shows.
        QCOMPARE(child<QLineEdit>(&dialog, "passwordEdit")->echoMode(), QLineEdit::Password);
    }

    void testConnectionAndUseThisStoreOpenTheCatalog()
    {
        SB_REQUIRE_BACKEND(m_catalogs);
        const StoreLocation where = m_catalogs.fresh();
        StoreLocation file;
        file.path = QStringLiteral("/tmp/segments.sqlite");
        StoreDialog dialog(file, file.path, QStringLiteral("--store"));
        dialog.show();
        QVERIFY(child<QLabel>(&dialog, "overrideNote")->text().contains(QStringLiteral("--store")));

        // Nothing listens there: the driver's words, and the dialog stays.
        fillCatalog(dialog, where.host, 1, where.database, where.user);
        child<QPushButton>(&dialog, "testButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 20000);
        QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Could not reach the catalog")),
                 qPrintable(dialog.testResult()));

        child<QSpinBox>(&dialog, "portSpin")->setValue(where.port);
        child<QLineEdit>(&dialog, "passwordEdit")->setText(QStringLiteral("not-needed-here"));
        child<QPushButton>(&dialog, "testButton")->click();
        QVERIFY(dialog.isTesting());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 20000);
        QCOMPARE(dialog.testResult(), QStringLiteral("Connected: the catalog is ready."));

        QSignalSpy chosen(&dialog, &StoreDialog::chosen);
        child<QPushButton>(&dialog, "useButton")->click();
        QTRY_COMPARE(chosen.count(), 1);
        const StoreLocation location = chosen.at(0).at(0).value<StoreLocation>();
        QCOMPARE(location.displayUrl(), where.displayUrl());
        QCOMPARE(chosen.at(0).at(1).toString(), QStringLiteral("not-needed-here"));
        QVERIFY(!dialog.isVisible());
        // The catalog was set up: another session opens it as it is.
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
    }

    // The window lets go of its store for another: the profile on show opens on the new store's
    // snapshot, and All segments lists the new store's sources.
    void theWindowReplacesItsStore()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 30);
        QTemporaryDir dir;
        const Profile batch = rig.profile(QStringLiteral("batch"));
        // Without its key here, so that no sync replaces the snapshots while they are compared.
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        QCOMPARE(profiles.add(batch), Error());
        MemorySecretStore secrets;
        const SourceKey source = sourceOf(vendorById(batch.vendor), batch);
        QList<QJsonObject> records;
        for (int i = 0; i < 30; ++i)
            records.append(rig.server.record(QStringLiteral("batch"), i));
        auto first = std::make_unique<SegmentStore>(dir.filePath(QStringLiteral("first.sqlite")));
        QCOMPARE(first->open(), Error());
        QVERIFY(syncOnce(*first, source, batch.vendor, records.mid(0, 12)).ok());
        SegmentStore second(dir.filePath(QStringLiteral("second.sqlite")));
        QCOMPARE(second.open(), Error());
        QVERIFY(syncOnce(second, source, batch.vendor, records.mid(0, 7)).ok());

        MainWindow w;
        w.setSegmentStore(first.get());
        QVERIFY(!w.action(QStringLiteral("actionStore"))->isEnabled()); // nobody would take its choice
        w.setStoreContext(dir.filePath(QStringLiteral("first.sqlite")), {}, {});
        QVERIFY(w.action(QStringLiteral("actionStore"))->isEnabled());
        w.setStores(&profiles, &secrets);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.currentProfileName(), batch.name);
        QTRY_VERIFY(w.browser()->showsSnapshot());
        QTRY_COMPARE(w.model()->rowCount(), 12);

        w.replaceSegmentStore(&second);
        first.reset(); // nothing of the window reads it any more
        QCOMPARE(w.currentProfileName(), batch.name);
        QTRY_VERIFY(w.browser()->showsSnapshot());
        QTRY_COMPARE(w.model()->rowCount(), 7);
        w.showAllSegments();
        QTRY_COMPARE(w.estatePage()->findChild<QTableView *>()->model()->rowCount(), 7);
        QCOMPARE(rig.server.requestCount(QStringLiteral("batch")), 0);
    }

    // A sync under way when the store is replaced: cancelled and gone with the old store, and
    // nothing says it still runs.
    void aSyncUnderWayEndsWithTheStoreItWrote()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 400);
        rig.server.setLatencyMs(200);
        QTemporaryDir dir;
        auto first = std::make_unique<SegmentStore>(dir.filePath(QStringLiteral("first.sqlite")));
        QCOMPARE(first->open(), Error());
        SegmentStore second(dir.filePath(QStringLiteral("second.sqlite")));
        QCOMPARE(second.open(), Error());
        MainWindow w;
        w.setSegmentStore(first.get());
        w.setProfiles(demoProfiles(rig), rig.profile(QStringLiteral("batch")).name);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.action(QStringLiteral("actionSync"))->isEnabled());
        w.action(QStringLiteral("actionSync"))->trigger();
        QVERIFY(w.syncScheduler()->isBusy());

        w.replaceSegmentStore(&second);
        first.reset();
        QVERIFY(!w.syncScheduler()->isBusy());
        QVERIFY(!w.findChild<QLabel *>(QStringLiteral("syncStatus"))->isVisible()
                || w.findChild<QLabel *>(QStringLiteral("syncStatus"))->text().isEmpty());
        QVERIFY(second.sources().value().isEmpty()); // nothing of the cancelled sync came here
        QTRY_VERIFY(w.model()->rowCount() > 0); // the profile, open again on the new store
    }
};

QTEST_MAIN(TestStoreDialog)
#include "tst_storedialog.moc"
