// The window on a LaunchDarkly profile against the sandbox: the project and environment switcher
// (discovered from the token, remembered in the profile, typed keys when the token may not list
// projects), the Flags column, "Unused only" and the flags in the details pane.
#include "demosession.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"
#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "secrets/profilestore.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "ui/detailpane.h"
#include "ui/filterbuilder.h"
#include "ui/mainwindow.h"
#include "ui/scopeswitcher.h"
#include "ui/searchbar.h"
#include "ui/segmentbrowser.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

QStringList comboKeys(const QComboBox *combo)
{
    QStringList keys;
    for (int i = 0; i < combo->count(); ++i)
        keys << combo->itemData(i).toString();
    return keys;
}

// Chooses `key` in the combo as a user does (the activated signal).
bool choose(QComboBox *combo, const QString &key)
{
    const int at = combo->findData(key);
    if (at < 0)
        return false;
    combo->setCurrentIndex(at);
    emit combo->activated(at);
    return true;
}

// The flags of default/`environment` that use each segment, by the sandbox's own data.
QHash<QString, QStringList> expectedFlags(const QString &environment, int defaultCount)
{
    const int segments = datagen::launchDarklyScopeCount(QStringLiteral("default"), environment, defaultCount);
    QHash<QString, QStringList> used;
    for (int f = 0; f < datagen::launchDarklyFlagCount(defaultCount); ++f) {
        const QJsonObject flag = datagen::launchDarklyFlag(f, QStringLiteral("default"), environment, segments, false);
        for (const QString &segment : datagen::launchDarklyFlagSegments(f, environment, segments))
            used[segment] << flag.value(QStringLiteral("name")).toString();
    }
    return used;
}

struct Window
{
    SandboxRig rig;
    MainWindow w;

    explicit Window(int count, const QString &secret = {})
    {
        rig.server.setSegmentCount(kLd, count);
        QList<SessionProfile> profiles = demoProfiles(rig);
        for (SessionProfile &p : profiles) {
            if (p.profile.vendor == kLd && !secret.isEmpty())
                p.secret = secret;
        }
        w.setProfiles(profiles, rig.profile(kLd).name);
        w.resize(1400, 800);
        w.show();
    }
};

} // namespace

class TestMainWindowLd final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow_ld"));
    }

    void init() { QSettings().clear(); }

    void switcherListsEveryProjectAndSwitches()
    {
        Window f(48);
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        ScopeSwitcher *switcher = f.w.scopeSwitcher();
        QVERIFY(switcher->isVisible());
        QTRY_VERIFY(!switcher->isDiscovering());
        QVERIFY2(switcher->problem().isEmpty(), qPrintable(switcher->problem()));
        QStringList projects;
        for (const datagen::LdProject &p : datagen::launchDarklyProjects())
            projects << p.key;
        QCOMPARE(comboKeys(switcher->groupCombo()), projects);
        QCOMPARE(switcher->groupCombo()->currentData().toString(), QStringLiteral("default"));
        QCOMPARE(comboKeys(switcher->scopeCombo()),
                 (QStringList {QStringLiteral("production"), QStringLiteral("staging"), QStringLiteral("test")}));
        QTRY_COMPARE(f.w.model()->rowCount(), 48);

        // Another environment: its segments, and the choice kept in the profile.
        QVERIFY(choose(switcher->scopeCombo(), QStringLiteral("test")));
        QTRY_COMPARE(f.w.model()->profile().param(LaunchDarklyApi::environmentKey), QStringLiteral("test"));
        QTRY_COMPARE(f.w.model()->rowCount(),
                     datagen::launchDarklyScopeCount(QStringLiteral("default"), QStringLiteral("test"), 48));
        const std::optional<Profile> saved = f.w.session()->profileStore()->profile(f.rig.profile(kLd).name);
        QVERIFY(saved);
        QCOMPARE(saved->param(LaunchDarklyApi::environmentKey), QStringLiteral("test"));

        // Another project: the environment of the same key when it has one, else its first.
        QVERIFY(choose(switcher->groupCombo(), QStringLiteral("mobile-app")));
        QTRY_COMPARE(f.w.model()->profile().param(LaunchDarklyApi::projectKey), QStringLiteral("mobile-app"));
        QCOMPARE(f.w.model()->profile().param(LaunchDarklyApi::environmentKey), QStringLiteral("production"));
        QCOMPARE(comboKeys(switcher->scopeCombo()),
                 (QStringList {QStringLiteral("production"), QStringLiteral("development")}));
        QTRY_COMPARE(f.w.model()->rowCount(),
                     datagen::launchDarklyScopeCount(QStringLiteral("mobile-app"), QStringLiteral("production"), 48));
        QCOMPARE(f.w.model()
                     ->segment(0)
                     .object()
                     .value(QStringLiteral("_links"))
                     .toObject()
                     .value(QStringLiteral("self"))
                     .toObject()
                     .value(QStringLiteral("href"))
                     .toString()
                     .section(QLatin1Char('/'), 4, 5),
                 QStringLiteral("mobile-app/production"));
        // The projects were listed once, not again at each switch.
        QCOMPARE(f.rig.server.requestCount(QStringLiteral("launchdarkly-projects")), 2);
    }

    void aTokenThatMayNotListProjectsKeepsTheTypedKeys()
    {
        Window f(40, SandboxCredentials::ldReaderToken());
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        ScopeSwitcher *switcher = f.w.scopeSwitcher();
        QTRY_VERIFY(!switcher->problem().isEmpty());
        QVERIFY2(switcher->problem().contains(QStringLiteral("Access to the requested resource was denied")),
                 qPrintable(switcher->problem()));
        QVERIFY2(f.w.statusBar()->currentMessage().contains(QStringLiteral("denied")),
                 qPrintable(f.w.statusBar()->currentMessage()));
        QCOMPARE(comboKeys(switcher->groupCombo()), QStringList {QStringLiteral("default")});
        QCOMPARE(comboKeys(switcher->scopeCombo()), QStringList {QStringLiteral("production")});
        // The segments of the typed project and environment show all the same.
        QTRY_COMPARE(f.w.model()->rowCount(), 40);
    }

    void otherVendorsHaveNoSwitcher()
    {
        Window f(20);
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        QVERIFY(f.w.scopeSwitcher()->isVisible());
        QVERIFY(f.w.selectProfileByName(f.rig.profile(QStringLiteral("batch")).name));
        QTRY_VERIFY(!f.w.scopeSwitcher()->isVisible());
        QCOMPARE(f.w.model()->usageColumn(), -1);
    }

    void flagsColumnDetailsAndUnusedFilter()
    {
        Window f(120);
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        SegmentTableModel *model = f.w.model();
        QTRY_COMPARE(model->rowCount(), 50);
        QTRY_COMPARE(model->usageState(), SegmentTableModel::UsageState::Known);
        const int column = model->usageColumn();
        QVERIFY(column >= 0);
        QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Flags"));
        const QHash<QString, QStringList> expected = expectedFlags(QStringLiteral("production"), 120);
        int used = -1;
        int unused = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString key = model->index(row, 0).data(SegmentTableModel::RecordKeyRole).toString();
            QCOMPARE(model->index(row, column).data().toString(), QString::number(expected.value(key).size()));
            if (expected.contains(key) && used < 0)
                used = row;
            unused += expected.contains(key) ? 0 : 1;
        }
        QVERIFY(used >= 0);

        // The details pane names the flags, each a link to its page.
        f.w.table()->setCurrentIndex(f.w.searchProxy()->mapFromSource(model->index(used, 0)));
        const QString key = model->index(used, 0).data(SegmentTableModel::RecordKeyRole).toString();
        const QString details = f.w.details()->usersText();
        QVERIFY2(details.startsWith(QStringLiteral("Flags (%1)").arg(expected.value(key).size())), qPrintable(details));
        for (const QString &flag : expected.value(key))
            QVERIFY2(details.contains(flag), qPrintable(details));
        QVERIFY(f.w.details()
                    ->findChild<QLabel *>(QStringLiteral("detailUsers"))
                    ->text()
                    .contains(f.rig.server.rootUrl().toString() + QStringLiteral("/default/production/features/")));

        // Unused only: the loaded rows no flag uses, and the status says so.
        auto *check = f.w.findChild<QCheckBox *>(QStringLiteral("unusedCheck"));
        QVERIFY(check && check->isVisible());
        check->click();
        QTRY_VERIFY(f.w.searchProxy()->rowCount() >= unused);
        for (int row = 0; row < f.w.searchProxy()->rowCount(); ++row) {
            const QString k = f.w.searchProxy()->index(row, 0).data(SegmentTableModel::RecordKeyRole).toString();
            QVERIFY2(!expected.contains(k), qPrintable(k));
        }
        QVERIFY2(f.w.searchStatus().contains(QStringLiteral("unused of")), qPrintable(f.w.searchStatus()));
        check->click();
        QTRY_COMPARE(f.w.searchProxy()->rowCount(), model->rowCount());
    }

    void aFailedFlagsWalkShowsTheSegmentsAndTheError()
    {
        Window f(60);
        QVERIFY(f.rig.server.setFaults(QStringLiteral("launchdarkly-flags:401")));
        f.w.model()->reloadUsage();
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        SegmentTableModel *model = f.w.model();
        QTRY_COMPARE(model->usageState(), SegmentTableModel::UsageState::Failed);
        QTRY_COMPARE(model->rowCount(), 50);
        const int column = model->usageColumn();
        QCOMPARE(model->index(0, column).data().toString(), QStringLiteral("Invalid access token"));
        QVERIFY(model->index(0, column).data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 401")));
        QVERIFY(!model->index(0, column).data(SegmentTableModel::RawValueRole).isValid());
        QVERIFY(!model->error().isError()); // the segments themselves are fine
        f.w.table()->setCurrentIndex(f.w.searchProxy()->index(0, 0));
        QVERIFY2(f.w.details()->usersText().contains(QStringLiteral("Could not read the flags")),
                 qPrintable(f.w.details()->usersText()));
        // Unused only says why it has nothing to show.
        f.w.findChild<QCheckBox *>(QStringLiteral("unusedCheck"))->click();
        QTRY_COMPARE(f.w.searchProxy()->rowCount(), 0);
        QVERIFY2(f.w.searchStatus().contains(QStringLiteral("could not be read")), qPrintable(f.w.searchStatus()));
    }

    void eachEnvironmentKeepsItsOwnSnapshot()
    {
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        Window f(30);
        f.w.setSegmentStore(&store);
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        const auto syncNow = [&] {
            QSignalSpy finished(f.w.syncScheduler(), &SyncScheduler::finished);
            if (!f.w.syncScheduler()->isBusy())
                f.w.action(QStringLiteral("actionSync"))->trigger();
            return finished.wait(30000);
        };
        QTRY_VERIFY(f.w.action(QStringLiteral("actionSync"))->isEnabled());
        QVERIFY(syncNow());
        QTRY_VERIFY(!f.w.scopeSwitcher()->isDiscovering());
        QVERIFY(choose(f.w.scopeSwitcher()->scopeCombo(), QStringLiteral("test")));
        QTRY_COMPARE(f.w.model()->profile().param(LaunchDarklyApi::environmentKey), QStringLiteral("test"));
        QTRY_VERIFY(!f.w.syncScheduler()->isBusy());
        QVERIFY(syncNow());
        const QString name = f.rig.profile(kLd).name;
        const Result<qint64> production = store.snapshotSize({name, QStringLiteral("default/production")});
        const Result<qint64> test = store.snapshotSize({name, QStringLiteral("default/test")});
        QVERIFY(production && test);
        QCOMPARE(production.value(), 30);
        QCOMPARE(test.value(), datagen::launchDarklyScopeCount(QStringLiteral("default"), QStringLiteral("test"), 30));
        // Neither sync saw the other environment's segments as removed.
        QCOMPARE(store.lastSync({name, QStringLiteral("default/test")}).value()->removed, 0);
    }

    // The quick search finds nothing among the loaded rows: the table says so and offers to load
    // every page, or to let LaunchDarkly search all of them.
    void aSearchWithNoLoadedMatchOffersTheRestAndTheServer()
    {
        Window f(300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        QTRY_VERIFY(f.w.model()->rowCount() > 0 && !f.w.model()->isLoading());
        QVERIFY(f.w.model()->rowCount() < 300);
        const QString key = datagen::launchDarklyKey(280); // on a page not loaded yet
        f.w.searchEdit()->setText(key);
        SegmentBrowser *browser = f.w.browser();
        QTRY_VERIFY(browser->noMatchText().startsWith(QStringLiteral("No loaded row matches “%1”").arg(key)));
        auto *loadAll = browser->findChild<QPushButton *>(QStringLiteral("loadAllButton"));
        auto *server = browser->findChild<QPushButton *>(QStringLiteral("searchServerButton"));
        QVERIFY(loadAll->isVisible() && server->isVisible());

        server->click();
        QCOMPARE(f.w.searchEdit()->text(), QString());
        QCOMPARE(f.w.model()->query().filter, QStringLiteral("query equals \"%1\"").arg(key));
        QTRY_VERIFY(f.w.model()->isComplete());
        QCOMPARE(f.w.model()->rowCount(), 1);
        QCOMPARE(f.w.model()->index(0, 0).data(SegmentTableModel::RecordKeyRole).toString(), key);
        QVERIFY(browser->noMatchText().isEmpty());
        QVERIFY(f.w.filterBuilder()->isApplied());
    }

    void loadAllPagesUntilTheSearchFindsIt()
    {
        Window f(300);
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        QTRY_VERIFY(f.w.model()->rowCount() > 0 && !f.w.model()->isLoading());
        f.w.table()->selectRow(0);
        QVERIFY(!f.w.details()->json().isEmpty());
        // A search that still shows the segment keeps it, selected and in the details.
        const QString first = f.w.model()->index(0, 0).data(SegmentTableModel::RecordKeyRole).toString();
        f.w.searchEdit()->setText(first);
        QVERIFY(f.w.details()->json().contains(first));
        QCOMPARE(f.w.browser()->selectedRows(), QList<int> {0});
        const QString key = datagen::launchDarklyKey(280);
        f.w.searchEdit()->setText(key);
        // The segment on show is hidden by the search: the details no longer show it.
        QTRY_VERIFY(f.w.details()->json().isEmpty());
        SegmentBrowser *browser = f.w.browser();
        auto *loadAll = browser->findChild<QPushButton *>(QStringLiteral("loadAllButton"));
        QTRY_VERIFY(loadAll->isVisible());
        loadAll->click();
        QTRY_VERIFY_WITH_TIMEOUT(f.w.model()->isComplete(), 20000);
        QCOMPARE(f.w.model()->rowCount(), 300);
        QCOMPARE(f.w.searchProxy()->rowCount(), 1);
        QVERIFY(browser->noMatchText().isEmpty());
        // Nothing anywhere: the table says so, and offers nothing more to load.
        f.w.searchEdit()->setText(QStringLiteral("no such segment anywhere"));
        QTRY_COMPARE(browser->noMatchText(), QStringLiteral("No segment matches “no such segment anywhere”."));
        QVERIFY(!loadAll->isVisible());
    }
};

QTEST_MAIN(TestMainWindowLd)
#include "tst_mainwindow_ld.moc"
