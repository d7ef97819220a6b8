// The window's rooms on their own: SegmentBrowser's panes, SearchBar's count, ProfileSession's
// keychain reads, UiSettings' migration.
#include "demosession.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "ui/columnstate.h"
#include "ui/detailpane.h"
#include "ui/mainwindow.h"
#include "ui/profilesession.h"
#include "ui/recorddiff.h"
#include "ui/searchbar.h"
#include "ui/segmentbrowser.h"
#include "ui/settings.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sb;
using namespace sb::test;

namespace {

// The window on the sandbox's LaunchDarkly profile, 40 segments, at `size`.
void showLaunchDarkly(MainWindow &w, SandboxRig &rig, const QSize &size)
{
    rig.server.setSegmentCount(40);
    w.setProfiles(demoProfiles(rig), rig.profile(QStringLiteral("launchdarkly")).name);
    w.resize(size);
    w.show();
}

} // namespace

class TestSegmentBrowser final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_segmentbrowser"));
    }

    void init() { QSettings().clear(); }

    // A second pane beside the details: F9 still toggles the details, the other pane keeps its
    // place, and a restored layout gives each pane its own size.
    void aSecondPaneLeavesTheDetailsToggleAndTheLayoutAlone()
    {
        QList<int> saved;
        QByteArray state;
        {
            MainWindow w;
            SegmentBrowser *b = w.browser();
            auto *other = new QWidget;
            other->setObjectName(QStringLiteral("otherPane"));
            b->addPane(other, 1);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto *splitter = b->findChild<QSplitter *>(QStringLiteral("splitter"));
            QCOMPARE(splitter->count(), 3);
            splitter->setSizes({500, 300, 200});
            saved = splitter->sizes();

            QAction *toggle = w.action(QStringLiteral("actionToggleDetails"));
            toggle->trigger(); // F9: the details go, the other pane stays
            QVERIFY(!b->details()->isVisible());
            QVERIFY(other->isVisible());
            QVERIFY(!b->isPaneShown(b->details()));
            toggle->trigger();
            QVERIFY(b->details()->isVisible());
            QVERIFY(b->isPaneShown(b->details()));
            QCOMPARE(splitter->sizes(), saved);
            state = b->saveSplitterState();
        }
        MainWindow w;
        auto *other = new QWidget;
        w.browser()->addPane(other, 1);
        w.browser()->restoreSplitterState(state);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.browser()->findChild<QSplitter *>(QStringLiteral("splitter"))->sizes(), saved);
    }

    // Enter on a row opens the details even when the pane was dragged shut, and the View menu's
    // toggle follows.
    void openingTheDetailsGivesACollapsedPaneRoomAgain()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(30);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SegmentBrowser *b = w.browser();
        b->open(rig.profile(QStringLiteral("batch")), rig.secret(QStringLiteral("batch")));
        QTRY_COMPARE(b->model()->rowCount(), 30);
        w.action(QStringLiteral("actionToggleDetails"))->setChecked(false);
        auto *splitter = b->findChild<QSplitter *>(QStringLiteral("splitter"));
        splitter->setSizes({splitter->width(), 0});
        b->table()->selectRow(2);
        b->openDetails();
        QVERIFY(b->isPaneShown(b->details()));
        QVERIFY(splitter->sizes().value(1) > 0);
        QVERIFY(w.action(QStringLiteral("actionToggleDetails"))->isChecked());
        QVERIFY(!b->details()->json().isEmpty());
    }

    void theSearchBarCountsInWords()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(1);
        SegmentTableModel model;
        SegmentSearchProxy proxy;
        proxy.setSourceModel(&model);
        SearchBar bar;
        bar.setProxy(&proxy);
        model.setSource(vendorById(QStringLiteral("batch")), rig.profile(QStringLiteral("batch")),
                        rig.secret(QStringLiteral("batch")));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 1);
        QVERIFY(bar.statusText().isEmpty());
        const QString key = model.index(0, 0).data().toString();
        bar.edit()->setText(key);
        QCOMPARE(bar.statusText(), QStringLiteral("1 of 1 loaded row matches"));
        bar.edit()->setText(QStringLiteral("no such segment anywhere"));
        QCOMPARE(bar.statusText(), QStringLiteral("No loaded row matches (of 1)"));
        QSignalSpy enter(&bar, &SearchBar::enterPressed);
        QTest::keyClick(bar.edit(), Qt::Key_Return);
        QCOMPARE(enter.count(), 0); // nothing to go to
        bar.clear();
        QVERIFY(bar.statusText().isEmpty());
    }

    // The keychain answers late: a profile chosen meanwhile wins, and the late answer is dropped.
    void aLaterChoiceDropsAnEarlierKeychainAnswer()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        MemorySecretStore secrets;
        SandboxRig rig;
        Profile a = rig.profile(QStringLiteral("batch"));
        a.name = QStringLiteral("a");
        Profile b = rig.profile(QStringLiteral("amperity"));
        b.name = QStringLiteral("b");
        QCOMPARE(store.add(a), Error());
        QCOMPARE(store.add(b), Error());
        secrets.write(a.secretKey(), QStringLiteral("secret-a"));
        secrets.write(b.secretKey(), QStringLiteral("secret-b"));

        ProfileSession session;
        QSignalSpy changed(&session, &ProfileSession::profilesChanged);
        session.setStores(&store, &secrets);
        QVERIFY(changed.wait());
        QSignalSpy opened(&session, &ProfileSession::opened);
        QSignalSpy waiting(&session, &ProfileSession::waiting);
        QVERIFY(session.open(QStringLiteral("a")));
        QVERIFY(session.open(QStringLiteral("b")));
        QCOMPARE(waiting.count(), 2); // both read from the keychain
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).value<Profile>().name, QStringLiteral("b"));
        QCOMPARE(opened.at(0).at(1).toString(), QStringLiteral("secret-b"));
        QCOMPARE(store.lastUsed(), QStringLiteral("b"));

        // Read once: the second open answers at once, without the keychain.
        opened.clear();
        QVERIFY(session.open(QStringLiteral("b")));
        QCOMPARE(opened.count(), 1);
        QVERIFY(!session.open(QStringLiteral("no such profile")));
    }

    void aLineDiffMarksOnlyWhatChanged()
    {
        const QStringList before {QStringLiteral("{"), QStringLiteral("a: 1"), QStringLiteral("b: 2"),
                                  QStringLiteral("c: 3"), QStringLiteral("}")};
        const QStringList after {QStringLiteral("{"),    QStringLiteral("a: 1"), QStringLiteral("b: 20"),
                                 QStringLiteral("c: 3"), QStringLiteral("d: 4"), QStringLiteral("}")};
        const QList<DiffLine> diff = lineDiff(before, after);
        QStringList marked;
        for (const DiffLine &l : diff)
            marked.append((l.kind == DiffLine::Kind::Same        ? QStringLiteral(" ")
                               : l.kind == DiffLine::Kind::Added ? QStringLiteral("+")
                                                                 : QStringLiteral("-"))
                          + l.text);
        QCOMPARE(marked,
                 (QStringList {QStringLiteral(" {"), QStringLiteral(" a: 1"), QStringLiteral("-b: 2"),
                               QStringLiteral("+b: 20"), QStringLiteral(" c: 3"), QStringLiteral("+d: 4"),
                               QStringLiteral(" }")}));
        // Identical: nothing marked; an added record: every line added.
        for (const DiffLine &l : lineDiff(before, before))
            QCOMPARE(l.kind, DiffLine::Kind::Same);
        for (const DiffLine &l : lineDiff({}, after))
            QCOMPARE(l.kind, DiffLine::Kind::Added);
        // Past the limit it does not match lines at all, but loses none.
        QCOMPARE(lineDiff(before, after, 3).size(), before.size() + after.size());
    }

    // Rows are the things: Home and End (with Ctrl too) go to the first and last row, in the
    // column the cursor is in, not to the first or last column.
    void homeAndEndGoToTheFirstAndLastRowInTheSameColumn()
    {
        SandboxRig rig;
        MainWindow w;
        showLaunchDarkly(w, rig, QSize(1200, 800));
        QTRY_COMPARE(w.model()->rowCount(), 40);
        QTableView *table = w.table();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(3, 1));
        QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(table->currentIndex().row(), 39);
        QCOMPARE(table->currentIndex().column(), 1);
        QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(table->currentIndex(), table->model()->index(0, 1));
        QTest::keyClick(table, Qt::Key_End);
        QCOMPARE(table->currentIndex(), table->model()->index(39, 1));
        QCOMPARE(w.selectedRows(), QList<int> {39});
    }

    // Add Field: the new column is shown, scrolled to and holds the cursor; the selection stays.
    void anAddedFieldIsScrolledIntoView()
    {
        SandboxRig rig;
        MainWindow w;
        showLaunchDarkly(w, rig, QSize(900, 700));
        QTRY_COMPARE(w.model()->rowCount(), 40);
        QTableView *table = w.table();
        table->selectRow(5);
        QTimer::singleShot(0, &w, [] {
            auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(ask);
            ask->setTextValue(QStringLiteral("_links.self.href"));
            ask->accept();
        });
        w.browser()->columnState()->addField();
        const int column = w.model()->columnCount() - 1;
        QCOMPARE(w.model()->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Links self href"));
        QCOMPARE(w.model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("_links.self.href"));
        QCOMPARE(table->currentIndex(), table->model()->index(5, column));
        QCOMPARE(w.selectedRows(), QList<int> {5});
        const QRect cell = table->visualRect(table->currentIndex());
        QVERIFY2(table->viewport()->rect().contains(cell.topLeft()) && cell.width() > 0,
                 qPrintable(QStringLiteral("%1,%2").arg(cell.x()).arg(cell.width())));
    }

    void settingsAreMigratedOnceAndKeepTheirValues()
    {
        QSettings().setValue(QStringLiteral("export/lastDir"), QStringLiteral("/tmp/exports"));
        QSettings().setValue(QStringLiteral("appearance"), QStringLiteral("dark"));
        UiSettings::migrate();
        QCOMPARE(QSettings().value(QStringLiteral("settingsVersion")).toInt(), UiSettings::version);
        QCOMPARE(UiSettings::exportDirectory(), QStringLiteral("/tmp/exports"));
        QCOMPARE(UiSettings::appearance(), Appearance::Dark);
        UiSettings::setColumns(QStringLiteral("batch"), {QStringLiteral("rules")}, QByteArray("state"),
                               {QStringLiteral("code"), QStringLiteral("rules")});
        QCOMPARE(UiSettings::extraFields(QStringLiteral("batch")), QStringList {QStringLiteral("rules")});
        QCOMPARE(UiSettings::headerFields(QStringLiteral("batch")),
                 (QStringList {QStringLiteral("code"), QStringLiteral("rules")}));
        UiSettings::resetColumns(QStringLiteral("batch"));
        QVERIFY(UiSettings::extraFields(QStringLiteral("batch")).isEmpty());
        QVERIFY(UiSettings::headerState(QStringLiteral("batch")).isEmpty());
        QVERIFY(UiSettings::headerFields(QStringLiteral("batch")).isEmpty());
        // A newer version's number is left as it is.
        QSettings().setValue(QStringLiteral("settingsVersion"), UiSettings::version + 5);
        UiSettings::migrate();
        QCOMPARE(QSettings().value(QStringLiteral("settingsVersion")).toInt(), UiSettings::version + 5);
    }
};

QTEST_MAIN(TestSegmentBrowser)
#include "tst_segmentbrowser.moc"
