#include "demosession.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "ui/detailpane.h"
#include "ui/errorbanner.h"
#include "ui/filterbuilder.h"
#include "ui/mainwindow.h"
#include "ui/profiledialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

int profileIndex(const QList<SessionProfile> &profiles, const QString &vendor)
{
    for (int i = 0; i < profiles.size(); ++i) {
        if (profiles.at(i).profile.vendor == vendor)
            return i;
    }
    return -1;
}

// Opens `w` on the demo profile of `vendor` and waits until it is on screen.
void openOn(MainWindow &w, const QList<SessionProfile> &profiles, const QString &vendor)
{
    w.setProfiles(profiles);
    w.selectProfile(profileIndex(profiles, vendor));
    w.resize(1200, 800); // the offscreen screen is smaller than a desktop's
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init() { QSettings().clear(); }

    void opensTheLastUsedProfileFromTheStores()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(40);
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        MemorySecretStore secrets;
        for (const auto &[p, secret] : sandboxDemoProfiles(rig.server.rootUrl())) {
            QCOMPARE(store.add(p), Error());
            QVERIFY(secrets.waitFor(secrets.write(p.secretKey(), secret)).ok());
        }
        const Profile ld = rig.profile(QStringLiteral("launchdarkly"));
        QCOMPARE(store.setLastUsed(ld.name), Error());

        MainWindow w;
        w.setStores(&store, &secrets);
        w.show();
        QTRY_COMPARE(w.currentProfileName(), ld.name);
        QTRY_COMPARE(w.model()->rowCount(), 40);
        QCOMPARE(w.model()->vendor()->id(), QStringLiteral("launchdarkly"));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("sessionNote"))->isHidden());

        // Choosing another profile remembers it and opens it.
        const Profile batch = rig.profile(QStringLiteral("batch"));
        QVERIFY(w.selectProfileByName(batch.name));
        QTRY_VERIFY(w.model()->vendor() && w.model()->vendor()->id() == QStringLiteral("batch"));
        QCOMPARE(store.lastUsed(), batch.name);
    }

    void aProfileWithoutAStoredKeySaysSoAndOffersTheEditor()
    {
        SandboxRig rig;
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        MemorySecretStore secrets; // holds nothing
        QCOMPARE(store.add(rig.profile(QStringLiteral("amperity"))), Error());
        MainWindow w;
        w.setStores(&store, &secrets);
        w.show();
        QTRY_VERIFY(w.placeholderText().contains(QStringLiteral("No Access token is stored"))
                    || w.placeholderText().contains(QStringLiteral("is stored for")));
        QVERIFY(w.findChild<QPushButton *>(QStringLiteral("placeholderButton"))->isVisible());
        QCOMPARE(w.model()->rowCount(), 0);
        QVERIFY(!w.model()->vendor());
    }

    void theDemosProfileEditorSaysItsKeysAreForThisSession()
    {
        SandboxRig rig;
        MainWindow w;
        w.setProfiles(demoProfiles(rig));
        w.show();
        w.action(QStringLiteral("actionProfiles"))->trigger();
        auto *dialog = w.findChild<ProfileDialog *>(QStringLiteral("profileDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("keychainNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("for this session only")));
        QVERIFY(!note->text().contains(QStringLiteral("No keychain")));
        QCOMPARE(dialog->currentName(), w.currentProfileName());
        dialog->reject();
    }

    void closingTheEditorKeepsTheProfileTheWindowShowed()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(12);
        MainWindow w;
        w.setProfiles(demoProfiles(rig), rig.profile(QStringLiteral("batch")).name);
        w.show();
        QTRY_COMPARE(w.model()->rowCount(), 12);
        w.action(QStringLiteral("actionProfiles"))->trigger();
        auto *dialog = w.findChild<ProfileDialog *>(QStringLiteral("profileDialog"));
        QVERIFY(dialog && dialog->isVisible());
        dialog->selectProfile(rig.profile(QStringLiteral("sailpoint")).name);
        QCOMPARE(dialog->currentName(), rig.profile(QStringLiteral("sailpoint")).name);
        dialog->reject();
        QCOMPARE(w.currentProfileName(), rig.profile(QStringLiteral("batch")).name);
        QCOMPARE(w.model()->profile().vendor, QStringLiteral("batch"));
    }

    void aFirstRunAddsAProfileInTheEditorAndBrowsesIt()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(12);
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        MemorySecretStore secrets;
        MainWindow w;
        w.setStores(&store, &secrets);
        w.show();
        auto *button = w.findChild<QPushButton *>(QStringLiteral("placeholderButton"));
        QTRY_VERIFY(button->isVisible());
        button->click();
        auto *dialog = w.findChild<ProfileDialog *>(QStringLiteral("profileDialog"));
        QVERIFY(dialog && dialog->isVisible());
        const Profile amperity = rig.profile(QStringLiteral("amperity"));
        const auto type = [dialog](const QString &name, const QString &text) {
            auto *edit = dialog->findChild<QLineEdit *>(name);
            QVERIFY2(edit, qPrintable(name));
            edit->selectAll();
            QTest::keyClicks(edit, text);
        };
        type(QStringLiteral("nameEdit"), QStringLiteral("Mine"));
        auto *vendor = dialog->findChild<QComboBox *>(QStringLiteral("vendorCombo"));
        vendor->setCurrentIndex(vendor->findData(QStringLiteral("amperity")));
        type(QStringLiteral("field_tenant"), amperity.param(ParamKey::tenant));
        dialog->findChild<QComboBox *>(QStringLiteral("baseUrlCombo"))->setEditText(amperity.baseUrl.toString());
        type(QStringLiteral("secretEdit"), rig.secret(QStringLiteral("amperity")));
        QSignalSpy saved(dialog, &ProfileDialog::profileSaved);
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QTRY_COMPARE(saved.size(), 1);
        dialog->reject();
        QTRY_COMPARE(w.currentProfileName(), QStringLiteral("Mine"));
        QTRY_VERIFY2(w.model()->rowCount() == 12,
                     qPrintable(w.placeholderText() + w.model()->error().toString() + w.statusText()));
        QCOMPARE(w.model()->vendor()->id(), QStringLiteral("amperity"));
        QVERIFY(w.placeholderText().isEmpty());
    }

    void copiesSelectedRowsAsTabSeparatedTextWithAHeader()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(30);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        openOn(w, profiles, QStringLiteral("launchdarkly"));
        QTRY_COMPARE(w.model()->rowCount(), 30);
        QAction *copy = w.action(QStringLiteral("actionCopy"));
        QVERIFY(copy && !copy->isEnabled());
        w.table()->selectRow(2);
        QVERIFY(copy->isEnabled());
        QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
        w.table()->setFocus();
        QTest::keySequence(&w, QKeySequence::Copy);
        const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QStringList header = lines.at(0).split(QLatin1Char('\t'));
        QCOMPARE(header.size(), w.model()->columnCount());
        QCOMPARE(header.first(), w.model()->headerData(0, Qt::Horizontal).toString());
        const QStringList row = lines.at(1).split(QLatin1Char('\t'));
        QCOMPARE(row.size(), header.size());
        QCOMPARE(row.first(), w.model()->index(2, 0).data().toString());

        // Hidden columns are not copied; moved ones come in the order shown.
        QHeaderView *h = w.table()->horizontalHeader();
        h->setSectionHidden(1, true);
        h->moveSection(h->visualIndex(2), 0);
        const QStringList moved = w.selectionAsText().split(QLatin1Char('\n')).first().split(QLatin1Char('\t'));
        QCOMPARE(moved.size(), w.model()->columnCount() - 1);
        QCOMPARE(moved.first(), w.model()->headerData(2, Qt::Horizontal).toString());
        QVERIFY(!moved.contains(w.model()->headerData(1, Qt::Horizontal).toString()));
    }

    void copyAsCurlGivesARunnableCommandWithoutTheSecret_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &v : allVendorIds())
            QTest::newRow(qPrintable(v)) << v;
    }

    void copyAsCurlGivesARunnableCommandWithoutTheSecret()
    {
        QFETCH(QString, vendor);
        SandboxRig rig;
        rig.server.setSegmentCount(7);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        w.setProfiles(profiles);
        w.selectProfile(profileIndex(profiles, vendor));
        QTRY_COMPARE(w.model()->rowCount(), 7);
        QAction *curl = w.action(QStringLiteral("actionCopyCurl"));
        QVERIFY(curl && curl->isEnabled());
        curl->trigger();
        const QString command = QGuiApplication::clipboard()->text();
        const QString secret = rig.secret(vendor);
        QVERIFY(command.contains(QStringLiteral("$SEGMENT_BROWSER_SECRET")));
        QVERIFY2(!command.contains(secret), qPrintable(command));
        QVERIFY(command.startsWith(QStringLiteral("curl ")) || command.startsWith(QStringLiteral("TOKEN=")));

        // Run it: the copied command fetches the first page from the sandbox.
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SEGMENT_BROWSER_SECRET"), secret);
        sh.setProcessEnvironment(env);
        // The sandbox answers from this thread's event loop: wait with the loop running.
        QSignalSpy done(&sh, &QProcess::finished);
        sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
        QVERIFY(done.wait(60000));
        QCOMPARE(sh.exitCode(), 0);
        const QByteArray out = sh.readAllStandardOutput();
        const VendorApi *api = vendorById(vendor);
        QVERIFY2(out.contains(api->recordKey(rig.server.record(vendor, 0)).toUtf8()), out.left(400).constData());
    }

    void columnsAndWindowStateAreRestoredAfterARestart()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(20);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        const int ld = profileIndex(profiles, QStringLiteral("launchdarkly"));
        const int batch = profileIndex(profiles, QStringLiteral("batch"));
        int hidden = -1;
        QList<int> splitterSizes;
        {
            MainWindow w;
            w.setProfiles(profiles);
            w.selectProfile(ld);
            w.resize(900, 600);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTRY_COMPARE(w.model()->rowCount(), 20);
            const int defaults = w.model()->columnCount();
            w.model()->setExtraFields({QStringLiteral("rules")});
            QCOMPARE(w.model()->columnCount(), defaults + 1);
            QHeaderView *h = w.table()->horizontalHeader();
            hidden = 1;
            h->setSectionHidden(hidden, true);
            h->moveSection(h->visualIndex(defaults), 0); // the extra column first
            auto *splitter = w.findChild<QSplitter *>(QStringLiteral("splitter"));
            splitter->setSizes({600, 300});
            splitterSizes = splitter->sizes();
            // Another vendor has its own columns.
            w.selectProfile(batch);
            QTRY_VERIFY(w.model()->vendor() && w.model()->vendor()->id() == QStringLiteral("batch"));
            QCOMPARE(w.model()->extraFields(), QStringList());
            QVERIFY(!w.table()->horizontalHeader()->isSectionHidden(hidden));
            w.selectProfile(ld);
            QCOMPARE(w.model()->extraFields(), QStringList {QStringLiteral("rules")});
            QVERIFY(w.close());
        }
        MainWindow w;
        w.setProfiles(profiles);
        w.selectProfile(ld);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(900, 600));
        QCOMPARE(w.findChild<QSplitter *>(QStringLiteral("splitter"))->sizes(), splitterSizes);
        QCOMPARE(w.model()->extraFields(), QStringList {QStringLiteral("rules")});
        QHeaderView *h = w.table()->horizontalHeader();
        QVERIFY(h->isSectionHidden(hidden));
        QCOMPARE(h->logicalIndex(0), w.model()->columnCount() - 1);
        QTRY_COMPARE(w.model()->rowCount(), 20);
        // The extra column shows the record's field.
        QVERIFY(w.model()->index(0, w.model()->columnCount() - 1).data().toString().startsWith(QLatin1Char('[')));
    }

    void shortcutsTriggerTheirActions()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(10);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        w.setProfiles(profiles);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.model()->rowCount(), 10);
        const QList<QPair<QString, QKeySequence>> expected {
            {QStringLiteral("actionReload"), QKeySequence(Qt::Key_F5)},
            {QStringLiteral("actionExport"), QKeySequence(Qt::CTRL | Qt::Key_E)},
            {QStringLiteral("actionCopy"), QKeySequence(QKeySequence::Copy)},
            {QStringLiteral("actionSelectAll"), QKeySequence(QKeySequence::SelectAll)},
            {QStringLiteral("actionProfiles"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
            {QStringLiteral("actionCopyCurl"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
            {QStringLiteral("actionFind"), QKeySequence(QKeySequence::Find)},
            {QStringLiteral("actionFilter"), QKeySequence(Qt::CTRL | Qt::Key_L)},
            {QStringLiteral("actionToggleDetails"), QKeySequence(Qt::Key_F9)},
        };
        for (const auto &[name, key] : expected) {
            QAction *a = w.action(name);
            QVERIFY2(a, qPrintable(name));
            QCOMPARE(a->shortcut(), key);
        }
        // F5 reloads: the model starts over and loads again.
        const int before = rig.server.requestCount(w.model()->vendor()->id());
        QTest::keyClick(&w, Qt::Key_F5);
        QTRY_VERIFY(rig.server.requestCount(w.model()->vendor()->id()) > before);
        QTRY_COMPARE(w.model()->rowCount(), 10);
        // Ctrl+A selects every loaded row.
        w.table()->setFocus();
        QTest::keySequence(&w, QKeySequence::SelectAll);
        QCOMPARE(w.selectedRows().size(), 10);
    }
    void quickSearchFiltersLoadedRowsWithoutLoadingMore()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(2000);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        openOn(w, profiles, QStringLiteral("batch"));
        QTRY_VERIFY(w.model()->rowCount() > 0 && !w.model()->isLoading());
        const int loaded = w.model()->rowCount();
        QVERIFY(loaded < 2000);
        const int requests = rig.server.requestCount(QStringLiteral("batch"));

        // Ctrl+F focuses the search field.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keySequence(&w, QKeySequence::Find);
        QTRY_VERIFY(w.searchEdit()->hasFocus());
        // What the rows should give: every loaded row whose shown text has the word, any case.
        const QString needle = QStringLiteral("käufer");
        int expected = 0;
        for (int r = 0; r < loaded; ++r) {
            for (int c = 0; c < w.model()->columnCount(); ++c) {
                if (w.model()->index(r, c).data().toString().contains(needle, Qt::CaseInsensitive)) {
                    ++expected;
                    break;
                }
            }
        }
        QVERIFY(expected > 0 && expected < loaded);
        QTest::keyClicks(w.searchEdit(), QStringLiteral("KÄUFER"));
        QCOMPARE(w.table()->model()->rowCount(), expected);
        QCOMPARE(w.searchStatus(), QStringLiteral("%1 of %2 loaded rows match").arg(expected).arg(loaded));
        // The view is short of rows now, but searching does not page through the account.
        QTest::qWait(0);
        QCOMPARE(w.model()->rowCount(), loaded);
        QCOMPARE(rig.server.requestCount(QStringLiteral("batch")), requests);
        // A row found opens its details.
        QTest::keyClick(w.searchEdit(), Qt::Key_Return);
        QVERIFY(w.selectedRows().size() == 1);
        QVERIFY(w.model()->index(w.selectedRows().first(), 1).data().toString().contains(needle, Qt::CaseInsensitive)
                || w.selectionAsText().contains(needle, Qt::CaseInsensitive));

        QTest::keyClicks(w.searchEdit(), QStringLiteral("no such text anywhere"));
        w.searchEdit()->setText(QStringLiteral("no such text anywhere"));
        QCOMPARE(w.table()->model()->rowCount(), 0);
        QVERIFY(w.searchStatus().startsWith(QStringLiteral("No loaded row matches")));
        // Escape ends the search: every loaded row is back.
        w.searchEdit()->setFocus();
        QTest::keyClick(w.searchEdit(), Qt::Key_Escape);
        QCOMPARE(w.searchEdit()->text(), QString());
        QTRY_VERIFY(w.table()->model()->rowCount() >= loaded);
        QVERIFY(w.searchStatus().isEmpty());
    }

    void selectingARowFillsTheDetailsAndEnterOpensThem()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(30);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        openOn(w, profiles, QStringLiteral("launchdarkly"));
        QTRY_COMPARE(w.model()->rowCount(), 30);
        QVERIFY(w.details()->json().isEmpty());
        const QString key =
            vendorById(QStringLiteral("launchdarkly"))->recordKey(rig.server.record(QStringLiteral("launchdarkly"), 3));
        w.table()->selectRow(3);
        QVERIFY(w.details()->json().contains(QStringLiteral("\"key\": \"") + key + QLatin1Char('"')));
        QVERIFY(w.details()->webUrl().toString().contains(key));
        // With the pane hidden, Enter on a row brings it back with that row's details.
        QAction *toggle = w.action(QStringLiteral("actionToggleDetails"));
        toggle->setChecked(false);
        QVERIFY(!w.details()->isVisible());
        w.table()->setFocus();
        w.table()->selectRow(5);
        QTest::keyClick(w.table(), Qt::Key_Return);
        QTRY_VERIFY(w.details()->isVisible());
        QVERIFY(toggle->isChecked());
        QVERIFY(w.details()->json().contains(vendorById(QStringLiteral("launchdarkly"))
                                                 ->recordKey(rig.server.record(QStringLiteral("launchdarkly"), 5))));
        // A new query empties the pane rather than showing a row that is gone.
        w.model()->reload();
        QVERIFY(w.details()->json().isEmpty());
    }

    // Tab and Shift+Tab move between the window's parts, never cell by cell through the table;
    // the arrows move in it.
    void tabLeavesTheTableAndArrowsMoveInIt()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(30);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        openOn(w, profiles, QStringLiteral("launchdarkly"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTRY_COMPARE(w.model()->rowCount(), 30);
        w.table()->setFocus();
        w.table()->setCurrentIndex(w.table()->model()->index(0, 0));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w.table()));
        QTest::keyClick(w.table(), Qt::Key_Down);
        QCOMPARE(w.table()->currentIndex().row(), 1);
        QTest::keyClick(w.table(), Qt::Key_Right);
        QCOMPARE(w.table()->currentIndex().row(), 1);
        QTest::keyClick(w.table(), Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        QVERIFY(next);
        QVERIFY2(next != w.table() && !w.table()->isAncestorOf(next), qPrintable(next->objectName()));
        QCOMPARE(w.table()->currentIndex().row(), 1); // the table's place is kept
        QTest::keyClick(next, Qt::Key_Tab, Qt::ShiftModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w.table()));
    }

    void ctrlLFocusesTheFilterAndCtrlEOpensTheExport()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(30);
        const QList<SessionProfile> profiles = demoProfiles(rig);
        MainWindow w;
        w.setProfiles(profiles);
        w.selectProfile(profileIndex(profiles, QStringLiteral("launchdarkly")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTRY_COMPARE(w.model()->rowCount(), 30);
        QVERIFY(w.filterBuilder()->isVisible());
        QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
        auto *filterText = w.filterBuilder()->findChild<QLineEdit *>(QStringLiteral("filterText"));
        QVERIFY(filterText);
        QTRY_VERIFY(filterText->hasFocus());
        // Typing a filter and Enter starts the query on the server.
        QTest::keyClicks(filterText, QStringLiteral("tags anyOf [\"beta\"]"));
        QTest::keyClick(filterText, Qt::Key_Return);
        QCOMPARE(w.model()->query().filter, QStringLiteral("tags anyOf [\"beta\"]"));
        QTRY_VERIFY(!w.model()->isLoading() && w.model()->rowCount() > 0 && w.model()->rowCount() < 30);

        // Ctrl+E from inside the filter text (a text field takes it for the end of its line).
        QTRY_VERIFY(filterText->hasFocus());
        QTest::keyClick(filterText, Qt::Key_E, Qt::ControlModifier);
        QDialog *options = nullptr;
        QTRY_VERIFY((options = w.findChild<QDialog *>(QStringLiteral("exportOptionsDialog"))) && options->isVisible());
        // A second Ctrl+E: still one export dialog.
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QCoreApplication::processEvents();
        int open = 0;
        for (QDialog *d : w.findChildren<QDialog *>(QStringLiteral("exportOptionsDialog")))
            open += d->isVisible() ? 1 : 0;
        QCOMPARE(open, 1);
        options->reject();

        // Batch does not filter on the server: no builder, and Ctrl+L says where to look instead.
        w.selectProfile(profileIndex(profiles, QStringLiteral("batch")));
        QVERIFY(!w.filterBuilder()->isVisible());
    }

    void theAppearanceMenuSwitchesToDarkAndBackAndIsRemembered()
    {
        MainWindow w;
        w.show();
        QAction *dark = w.action(QStringLiteral("actionAppearance_dark"));
        QAction *light = w.action(QStringLiteral("actionAppearance_light"));
        QVERIFY(dark && light);
        dark->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 150);
        QCOMPARE(QSettings().value(QStringLiteral("appearance")).toString(), QStringLiteral("dark"));
        light->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
        QCOMPARE(QSettings().value(QStringLiteral("appearance")).toString(), QStringLiteral("light"));
        w.action(QStringLiteral("actionAppearance_system"))->trigger();
    }

    void opensEmptyWithoutProfiles()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.model()->rowCount(), 0);
        auto *placeholder = w.findChild<QLabel *>(QStringLiteral("placeholder"));
        QVERIFY(placeholder && placeholder->isVisible());
        QVERIFY(placeholder->text().contains(QStringLiteral("No profile")));
        QVERIFY(w.findChild<QPushButton *>(QStringLiteral("placeholderButton"))->isVisible());
    }

    void showsTheSelectedProfilesSegments()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(300);
        QList<SessionProfile> profiles;
        for (const auto &[p, secret] : sandboxDemoProfiles(rig.server.rootUrl()))
            profiles.append({p, secret});
        MainWindow w;
        w.setProfiles(profiles);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The view asks for rows until its viewport is full.
        QTRY_VERIFY(w.model()->rowCount() > 0);
        QTRY_VERIFY(!w.model()->isLoading());
        QVERIFY(w.statusText().contains(QStringLiteral("loaded")) || w.statusText().contains(QStringLiteral("Loaded"))
                || w.statusText().contains(QStringLiteral("segments")));
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), profiles.size());
        for (int i = 0; i < combo->count(); ++i) {
            combo->setCurrentIndex(i);
            QCOMPARE(w.model()->vendor()->id(), profiles.at(i).profile.vendor);
            QTRY_VERIFY(w.model()->rowCount() > 0);
        }
    }

    void anErrorShowsTheBannerWithTheVendorsMessage()
    {
        SandboxRig rig;
        QList<SessionProfile> profiles;
        for (const auto &[p, secret] : sandboxDemoProfiles(rig.server.rootUrl()))
            profiles.append({p, QStringLiteral("wrong-key")});
        MainWindow w;
        w.setProfiles(profiles);
        w.show();
        QTRY_VERIFY(w.model()->error().isError());
        QTRY_VERIFY(w.banner()->isVisible());
        QVERIFY(w.banner()->text().contains(QStringLiteral("401"))
                || w.banner()->text().contains(QStringLiteral("403")));
        QVERIFY(!w.banner()->text().contains(QStringLiteral("wrong-key")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
