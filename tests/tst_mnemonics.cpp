// No two Alt+letter mnemonics in one window: the main window on each vendor with its filter, find
// bar and details shown, on an error, on the estate and on the changes of a sync; the profile
// editor on each vendor; the export and compare dialogs. Each window is walked as shown, every
// visible button, check box, tab, buddied label and menu.
#include "demosession.h"
#include "mnemonics.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "ui/comparedialog.h"
#include "ui/errorbanner.h"
#include "ui/estatepage.h"
#include "ui/mainwindow.h"
#include "ui/profiledialog.h"
#include "ui/segmentbrowser.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

// Fails the test with every clash of `window`, named by `where`.
#define EXPECT_NO_CLASHES(window, where)                                                                               \
    do {                                                                                                               \
        const QStringList clashes = mnemonicClashes(window);                                                           \
        QVERIFY2(clashes.isEmpty(), qPrintable(QString(where) + QStringLiteral(": ") + clashes.join(u"; ")));          \
    } while (false)

QDialog *openDialog(const char *className)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && w->inherits(className))
            return qobject_cast<QDialog *>(w);
    }
    return nullptr;
}

} // namespace

class TestMnemonics final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mnemonics"));
    }

    void init() { QSettings().clear(); }

    void theWalkerFindsAClash()
    {
        QWidget window;
        auto *label = new QLabel(QStringLiteral("&Profile:"), &window);
        label->setBuddy(new QComboBox(&window));
        new QPushButton(QStringLiteral("A&pply"), &window);
        new QPushButton(QStringLiteral("Fish && &chips"), &window);
        auto *hidden = new QPushButton(QStringLiteral("&Chips"), &window);
        hidden->hide();
        window.show();
        QCOMPARE(mnemonicOf(QStringLiteral("Fish && &chips")), QLatin1Char('C'));
        QCOMPARE(mnemonicClashes(&window),
                 QStringList {QStringLiteral("Alt+P: “A&pply” (QPushButton) and “&Profile:” (QLabel)")});
        hidden->show();
        QCOMPARE(mnemonicClashes(&window).size(), 2);
    }

    void theMainWindowOnEveryVendor_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &vendor : allVendorIds())
            QTest::newRow(qPrintable(vendor)) << vendor;
    }

    void theMainWindowOnEveryVendor()
    {
        QFETCH(QString, vendor);
        SandboxRig rig;
        rig.server.setSegmentCount(40);
        MainWindow w;
        w.setProfiles(demoProfiles(rig), rig.profile(vendor).name);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.model()->rowCount(), 40);
        EXPECT_NO_CLASHES(&w, vendor + QStringLiteral(", as opened"));
        w.action(QStringLiteral("actionFilter"))->trigger();
        w.action(QStringLiteral("actionFind"))->trigger();
        w.table()->selectRow(0);
        EXPECT_NO_CLASHES(&w, vendor + QStringLiteral(", with the filter, find bar and details"));

        w.action(QStringLiteral("actionProfiles"))->trigger();
        auto *editor = w.findChild<ProfileDialog *>(QStringLiteral("profileDialog"));
        QVERIFY(editor && editor->isVisible());
        EXPECT_NO_CLASHES(editor, vendor + QStringLiteral(", the profile editor"));
        editor->reject();

        w.action(QStringLiteral("actionExport"))->trigger();
        QDialog *exporter = nullptr;
        QTRY_VERIFY((exporter = openDialog("sb::ExportOptionsDialog")) != nullptr);
        EXPECT_NO_CLASHES(exporter, vendor + QStringLiteral(", the export dialog"));
        exporter->reject();
    }

    void theErrorBanner()
    {
        SandboxRig rig;
        QList<SessionProfile> profiles = demoProfiles(rig);
        for (SessionProfile &p : profiles)
            p.secret = QStringLiteral("not-the-key");
        MainWindow w;
        w.setProfiles(profiles, rig.profile(QStringLiteral("batch")).name);
        w.resize(1400, 900);
        w.show();
        QTRY_VERIFY(w.banner()->isVisible());
        EXPECT_NO_CLASHES(&w, QStringLiteral("the error banner"));
    }

    void theEstateTheChangesAndCompare()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(30);
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(demoProfiles(rig), rig.profile(QStringLiteral("launchdarkly")).name);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy finished(w.syncScheduler(), &SyncScheduler::finished);
        w.action(QStringLiteral("actionSyncAll"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!w.syncScheduler()->isBusy() && finished.count() >= 4, 30000);

        QTRY_VERIFY_WITH_TIMEOUT(!w.syncScheduler()->isBusy(), 30000);
        rig.server.setEpoch(1); // so that the last sync changed something
        const qsizetype synced = finished.count();
        w.action(QStringLiteral("actionSync"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > synced && !w.syncScheduler()->isBusy(), 30000);
        QTRY_VERIFY(w.action(QStringLiteral("actionChanges"))->isEnabled());
        w.action(QStringLiteral("actionChanges"))->trigger();
        QTRY_VERIFY(w.browser()->showsChanges());
        EXPECT_NO_CLASHES(&w, QStringLiteral("the changes of a sync"));

        w.showAllSegments();
        QTRY_VERIFY(w.estatePage()->isVisible());
        EXPECT_NO_CLASHES(&w, QStringLiteral("the estate"));

        w.action(QStringLiteral("actionCompare"))->trigger();
        QTRY_VERIFY(w.compareDialog() && w.compareDialog()->isVisible());
        EXPECT_NO_CLASHES(w.compareDialog(), QStringLiteral("the compare dialog"));
        w.compareDialog()->reject();

        // File > Segment Store…, with the catalog's fields enabled.
        w.setStoreContext(dir.filePath(QStringLiteral("segments.sqlite")), {}, {});
        w.action(QStringLiteral("actionStore"))->trigger();
        QDialog *storeDialog = nullptr;
        QTRY_VERIFY((storeDialog = openDialog("sb::StoreDialog")) != nullptr);
        storeDialog->findChild<QRadioButton *>(QStringLiteral("catalogRadio"))->click();
        EXPECT_NO_CLASHES(storeDialog, QStringLiteral("the segment store dialog"));
        storeDialog->reject();
    }
};

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
