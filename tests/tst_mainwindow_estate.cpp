// The window's estate: the side bar of every source and the grid across all of them (All
// segments), over a real store holding several profiles; the model under QAbstractItemModelTester.
#include "demosession.h"
#include "export/csvreader.h"
#include "model/estatemodel.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "storetest.h"
#include "ui/detailpane.h"
#include "ui/estatepage.h"
#include "ui/mainwindow.h"
#include "ui/segmentbrowser.h"
#include "ui/sourcespane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace sb;
using namespace sb::test;

namespace {

QList<QJsonObject> records(const SandboxRig &rig, const QString &vendor, int n)
{
    QList<QJsonObject> list;
    for (int i = 0; i < n; ++i)
        list.append(rig.server.record(vendor, i));
    return list;
}

QStringList treeTexts(const QTreeWidget *tree)
{
    QStringList texts;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it)
        texts.append((*it)->text(0) + QLatin1Char('|') + (*it)->text(1));
    return texts;
}

} // namespace

class TestMainWindowEstate final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow_estate"));
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_store.open(), Error());
        m_rig.server.setSegmentCount(1200);
        // Two vendors synced, the others never: 1,200 LaunchDarkly and 700 Batch segments.
        for (const SessionProfile &p : demoProfiles(m_rig)) {
            const int n = p.profile.vendor == QLatin1String("launchdarkly") ? 1200
                : p.profile.vendor == QLatin1String("batch")                ? 700
                                                                            : 0;
            if (n > 0)
                QVERIFY(syncOnce(m_store, {p.profile.name, {}}, p.profile.vendor, records(m_rig, p.profile.vendor, n))
                            .ok());
        }
    }

    void init() { QSettings().clear(); }

    void theModelPassesTheModelTester()
    {
        EstateModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &EstateModel::totalChanged);
        model.setStore(&m_store);
        QCOMPARE(model.total(), -1); // the first page at once, the count on the next turn
        QVERIFY(counted.wait());
        QCOMPARE(model.total(), 1900);
        QVERIFY(model.rowCount() >= EstateModel::pageSize);
        const auto fetched = [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.rowCount();
        };
        QTRY_COMPARE(fetched(), 1900);
        model.sort(EstateModel::Name, Qt::DescendingOrder);
        QCOMPARE(model.query().sort, EstateQuery::Sort::Name);
        QVERIFY(model.index(0, EstateModel::Name)
                    .data()
                    .toString()
                    .compare(model.index(1, EstateModel::Name).data().toString(), Qt::CaseInsensitive)
                >= 0);
        EstateQuery query;
        query.vendors = {QStringLiteral("batch")};
        model.setQuery(query);
        QTRY_COMPARE(model.total(), 700);
        QCOMPARE(model.index(0, EstateModel::Vendor).data().toString(), QStringLiteral("Batch"));
        QCOMPARE(model.headerData(EstateModel::LastChanged, Qt::Horizontal).toString(), QStringLiteral("Last changed"));
    }

    void theSideBarListsEverySourceAndAllSegments()
    {
        MainWindow w;
        w.setSegmentStore(&m_store);
        w.setProfiles(demoProfiles(m_rig));
        w.resize(1200, 800); // a desktop window: the offscreen screen is smaller
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QStringList texts = treeTexts(w.sourcesPane()->tree());
        QCOMPARE(texts.first(), QStringLiteral("All segments|1,900"));
        QVERIFY2(texts.contains(QStringLiteral("Batch|700")), qPrintable(texts.join(u',')));
        QVERIFY(texts.contains(QStringLiteral("LaunchDarkly|1,200")));
        const QString ldProfile = m_rig.profile(QStringLiteral("launchdarkly")).name;
        QVERIFY(texts.contains(ldProfile + QStringLiteral("|1,200")));
        // A profile never synced says so.
        const QString amperity = m_rig.profile(QStringLiteral("amperity")).name;
        const auto found = w.sourcesPane()->tree()->findItems(amperity, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()->text(2), QStringLiteral("never synced"));
        // At first the profile on show is chosen in the side bar, its browser in front.
        QVERIFY(!w.showsEstate());
        QCOMPARE(w.sourcesPane()->currentEntry(), QStringLiteral("profile:") + w.currentProfileName());
    }

    // A profile whose snapshots are per environment lists them beneath it, each with its count.
    void environmentsAreListedBeneathTheirProfile()
    {
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        const QString ld = m_rig.profile(QStringLiteral("launchdarkly")).name;
        QVERIFY(syncOnce(store, {ld, QStringLiteral("production")}, QStringLiteral("launchdarkly"),
                         records(m_rig, QStringLiteral("launchdarkly"), 30))
                    .ok());
        QVERIFY(syncOnce(store, {ld, QStringLiteral("staging")}, QStringLiteral("launchdarkly"),
                         records(m_rig, QStringLiteral("launchdarkly"), 12))
                    .ok());
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(demoProfiles(m_rig));
        const auto items = w.sourcesPane()->tree()->findItems(ld, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()->text(1), QStringLiteral("42"));
        QCOMPARE(items.first()->childCount(), 2);
        QVERIFY(items.first()->text(2) != QStringLiteral("never synced"));
        QCOMPARE(items.first()->child(0)->text(0) + QLatin1Char('|') + items.first()->child(0)->text(1),
                 QStringLiteral("production|30"));
        QCOMPARE(items.first()->child(1)->text(0) + QLatin1Char('|') + items.first()->child(1)->text(1),
                 QStringLiteral("staging|12"));
        // The grid's Environment column and Account filter name them.
        auto *account = w.estatePage()->findChild<QComboBox *>(QStringLiteral("estateAccount"));
        QVERIFY(account->findText(ld + QStringLiteral(" — staging")) > 0);
    }

    void allSegmentsSearchesEveryAccountByKeyboard()
    {
        const QString ldProfile = m_rig.profile(QStringLiteral("launchdarkly")).name;
        {
            MainWindow w;
            w.setSegmentStore(&m_store);
            w.setProfiles(demoProfiles(m_rig));
            w.resize(1200, 800); // a desktop window: the offscreen screen is smaller
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            // Keyboard: to the side bar, Home is All segments.
            QTreeWidget *tree = w.sourcesPane()->tree();
            tree->setFocus();
            QTest::keyClick(tree, Qt::Key_Home);
            QVERIFY(w.showsEstate());
            EstatePage *page = w.estatePage();
            QTRY_COMPARE(page->model()->total(), 1900);
            QCOMPARE(page->countText(), QStringLiteral("1,900 segments"));

            // What acts on one profile's browser waits meanwhile; the tool bar's search is its own.
            QVERIFY(!w.action(QStringLiteral("actionReload"))->isEnabled());
            QVERIFY(!w.action(QStringLiteral("actionFilter"))->isEnabled());
            QVERIFY(w.action(QStringLiteral("actionExport"))->isEnabled());
            QTRY_VERIFY(!w.searchEdit()->isVisible());
            // Ctrl+F searches every account, not the loaded rows of one.
            QTest::keySequence(&w, QKeySequence::Find);
            QCOMPARE(QApplication::focusWidget(), page->searchEdit());
            const QJsonObject target = m_rig.server.record(QStringLiteral("launchdarkly"), 42);
            const QString key = target.value(QStringLiteral("key")).toString();
            QTest::keyClicks(page->searchEdit(), key);
            QTest::keyClick(page->searchEdit(), Qt::Key_Return);
            QVERIFY(page->model()->rowCount() >= 1);
            QCOMPARE(QApplication::focusWidget(), page->table());
            const EstateRow *first = page->model()->row(0);
            QVERIFY(first);
            QVERIFY(first->key.startsWith(key));
            QCOMPARE(first->source.profile, ldProfile);
            // The chosen segment in full beside the grid.
            QTRY_VERIFY(page->details()->json().contains(key));

            // Choosing a profile brings its browser to the front.
            QVERIFY(w.sourcesPane()->selectEntry(QStringLiteral("profile:") + ldProfile));
            emit w.sourcesPane()->entryChosen(QStringLiteral("profile:") + ldProfile);
            QVERIFY(!w.showsEstate());
            QCOMPARE(w.currentProfileName(), ldProfile);
            QVERIFY(w.action(QStringLiteral("actionFilter"))->isEnabled());
            QTRY_VERIFY(w.searchEdit()->isVisible());
            // And back, narrowed to one vendor.
            QVERIFY(w.sourcesPane()->selectEntry(QStringLiteral("vendor:batch")));
            emit w.sourcesPane()->entryChosen(QStringLiteral("vendor:batch"));
            QVERIFY(w.showsEstate());
            page->searchEdit()->clear();
            page->refreshQuery();
            QTRY_COMPARE(page->model()->total(), 700);
            // One account, from the filter bar.
            auto *account = page->findChild<QComboBox *>(QStringLiteral("estateAccount"));
            QVERIFY(account);
            page->setVendor({});
            account->setCurrentIndex(account->findText(ldProfile));
            QTRY_COMPARE(page->model()->total(), 1200);
            QCOMPARE(page->model()->row(0)->source.profile, ldProfile);
            account->setCurrentIndex(0);
            QVERIFY(w.sourcesPane()->selectEntry(QStringLiteral("vendor:batch")));
            emit w.sourcesPane()->entryChosen(QStringLiteral("vendor:batch"));
            QTRY_COMPARE(page->model()->total(), 700);
            // File > Export writes what the grid shows: every match (not only the rows read so
            // far), with the columns on show in their order; or only the selected rows.
            const QString csvPath = m_dir.filePath(QStringLiteral("grid.csv"));
            page->table()->setColumnHidden(EstateModel::Description, true);
            page->table()->horizontalHeader()->moveSection(EstateModel::Name, 0);
            const Result<qint64> all = page->writeCsv(csvPath, false);
            QVERIFY(all.ok());
            QCOMPARE(all.value(), 700);
            QFile csv(csvPath);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            bool parsed = false;
            const QList<QStringList> lines = parseCsv(csv.readAll(), &parsed);
            csv.close();
            QVERIFY(parsed);
            QCOMPARE(lines.first().join(u','),
                     QStringLiteral("name,vendor,account,environment,key,tags,created,modified,last_changed"));
            QCOMPARE(lines.size(), 701); // the header and 700 rows
            QCOMPARE(lines.at(1).at(1), QStringLiteral("batch"));
            page->table()->selectRow(2);
            page->table()->selectionModel()->select(page->model()->index(4, 0),
                                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
            const Result<qint64> some = page->writeCsv(csvPath, true);
            QVERIFY(some.ok());
            QCOMPARE(some.value(), 2);
            page->table()->setColumnHidden(EstateModel::Description, false);
            page->table()->horizontalHeader()->moveSection(0, EstateModel::Name);
            // A vendor's own field as a column: shown, exported, remembered.
            QVERIFY(page->addField(QStringLiteral("display_name")));
            QVERIFY(!page->addField(QStringLiteral("not a path")));
            QCOMPARE(page->model()->columnCount(), EstateModel::Count + 1);
            QCOMPARE(page->model()->index(0, EstateModel::Count).data().toString(),
                     page->model()->index(0, EstateModel::Name).data().toString()); // Batch's name field
            QCOMPARE(page->writeCsv(csvPath, false).value(), 700);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QList<QStringList> withField = parseCsv(csv.readAll(), &parsed);
            csv.close();
            QCOMPARE(withField.size(), 701);
            QCOMPARE(withField.at(0).last(), QStringLiteral("display_name"));
            QCOMPARE(withField.at(1).last(), withField.at(1).at(withField.at(0).indexOf(QStringLiteral("name"))));
            // Sorted by a header click, in the store.
            page->table()->horizontalHeader()->setSortIndicator(EstateModel::Key, Qt::DescendingOrder);
            QCOMPARE(page->model()->query().sort, EstateQuery::Sort::Key);
            QCOMPARE(page->model()->query().order, Qt::DescendingOrder);
            w.close();
        }
        // The next start comes back to the same entry, with the same sort.
        MainWindow again;
        again.setSegmentStore(&m_store);
        again.setProfiles(demoProfiles(m_rig));
        QVERIFY(again.showsEstate());
        QCOMPARE(again.sourcesPane()->currentEntry(), QStringLiteral("vendor:batch"));
        QTRY_COMPARE(again.estatePage()->model()->total(), 700);
        QCOMPARE(again.estatePage()->table()->horizontalHeader()->sortIndicatorSection(), int(EstateModel::Key));
        QCOMPARE(again.estatePage()->model()->extraFields(), QStringList {QStringLiteral("display_name")});
    }

    // Sync All over two vendors' hosts (two sandboxes): the hosts sync side by side, one host's
    // profiles one after another, each with its own progress in the side bar; the host that refuses
    // fails alone, with the vendor's words, and the others land in All segments.
    void syncAllRunsHostsSideBySideAndOneFailureStopsNoOther()
    {
        SandboxRig first;
        SandboxRig second;
        first.server.setSegmentCount(300);
        second.server.setSegmentCount(200);
        QVERIFY(second.server.setFaults(QStringLiteral("amperity:401")));
        QList<SessionProfile> profiles;
        for (const SessionProfile &p : demoProfiles(first))
            if (p.profile.vendor == QLatin1String("launchdarkly") || p.profile.vendor == QLatin1String("batch"))
                profiles.append(p);
        for (const SessionProfile &p : demoProfiles(second))
            if (p.profile.vendor == QLatin1String("amperity"))
                profiles.append(p);
        QCOMPARE(profiles.size(), 3);
        const QString refused = second.profile(QStringLiteral("amperity")).name;

        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        MainWindow w;
        w.setSegmentStore(&store);
        w.setProfiles(profiles);
        w.resize(1200, 800); // a desktop window: the offscreen screen is smaller
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy started(w.syncScheduler(), &SyncScheduler::started);
        QSignalSpy finished(w.syncScheduler(), &SyncScheduler::finished);
        QSignalSpy failed(w.syncScheduler(), &SyncScheduler::failed);
        QSignalSpy idle(w.syncScheduler(), &SyncScheduler::idle);
        w.action(QStringLiteral("actionSyncAll"))->trigger();
        // At once: one sync per host; the first host's second profile waits for its first.
        QCOMPARE(started.count(), 2);
        QStringList running {started.at(0).at(0).toString(), started.at(1).at(0).toString()};
        QVERIFY2(running.contains(refused), qPrintable(running.join(u',')));
        // Each running sync shows in the side bar.
        for (const QString &name : running) {
            const auto items = w.sourcesPane()->tree()->findItems(name, Qt::MatchExactly | Qt::MatchRecursive);
            QCOMPARE(items.size(), 1);
            QVERIFY2(items.first()->text(2).startsWith(QStringLiteral("syncing")), qPrintable(items.first()->text(2)));
        }
        QVERIFY(idle.wait(30000));
        QCOMPARE(started.count(), 3);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), refused);
        const auto item = w.sourcesPane()->tree()->findItems(refused, Qt::MatchExactly | Qt::MatchRecursive).first();
        QCOMPARE(item->text(2), QStringLiteral("sync failed"));
        QVERIFY2(item->toolTip(2).contains(QStringLiteral("401")), qPrintable(item->toolTip(2)));
        w.sourcesPane()->selectEntry(SourcesPane::allEntry());
        w.showAllSegments();
        QTRY_COMPARE(w.estatePage()->model()->total(), 600);
    }

private:
    SandboxRig m_rig;
    QTemporaryDir m_dir;
    SegmentStore m_store {m_dir.filePath(QStringLiteral("segments.sqlite"))};
};

QTEST_MAIN(TestMainWindowEstate)
#include "tst_mainwindow_estate.moc"
