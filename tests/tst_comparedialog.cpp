// View > Compare… against the sandbox: two LaunchDarkly environments that differ in known ways,
// live and stored, a profile against itself, two vendors, a side that fails, the export.
#include "demosession.h"
#include "model/comparisonmodel.h"
#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "ui/comparedialog.h"
#include "ui/detailpane.h"
#include "ui/mainwindow.h"
#include "ui/sourcespane.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/registry.h"

#include "export/csvreader.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");
const QString kStaging = QStringLiteral("Demo LaunchDarkly staging");

struct Window
{
    SandboxRig rig;
    MainWindow w;

    explicit Window(int count)
    {
        rig.server.setSegmentCount(kLd, count);
        QList<SessionProfile> profiles = demoProfiles(rig);
        SessionProfile staging = profiles.at(1);
        QVERIFY(staging.profile.vendor == kLd);
        staging.profile.name = kStaging;
        staging.profile.params.insert(LaunchDarklyApi::environmentKey, QStringLiteral("staging"));
        profiles.append(staging);
        w.setProfiles(profiles, rig.profile(kLd).name);
    }

    CompareDialog *open()
    {
        w.action(QStringLiteral("actionCompare"))->trigger();
        return w.compareDialog();
    }

    // Syncs the profile on show (unless a sync of it runs already) and waits for the end.
    bool sync()
    {
        QSignalSpy synced(w.syncScheduler(), &SyncScheduler::finished);
        QAction *action = w.action(QStringLiteral("actionSync"));
        if (!QTest::qWaitFor([&] { return action->isEnabled() || w.syncScheduler()->isBusy(); }, 30000))
            return false;
        if (!w.syncScheduler()->isBusy())
            action->trigger();
        return synced.wait(30000);
    }

    // Compares and waits for the end; true when it finished.
    bool run(CompareDialog *dialog)
    {
        QSignalSpy finished(dialog, &CompareDialog::finished);
        QSignalSpy failed(dialog, &CompareDialog::failed);
        dialog->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 30000))
            return false;
        return finished.count() > 0;
    }
};

QList<datagen::ScopeDifference> expectedDifferences(int count)
{
    QList<datagen::ScopeDifference> expected = datagen::launchDarklyStagingDifferences(count);
    std::sort(expected.begin(), expected.end(),
              [](const datagen::ScopeDifference &a, const datagen::ScopeDifference &b) { return a.key < b.key; });
    return expected;
}

} // namespace

class TestCompareDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_comparedialog"));
    }

    void init() { QSettings().clear(); }

    void twoEnvironmentsGiveExactlyTheirDifferences()
    {
        Window f(150);
        CompareDialog *dialog = f.open();
        QVERIFY(dialog && dialog->isVisible());
        // A is the profile on show; one dialog per window.
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("compareA"))->currentData().toString(),
                 f.rig.profile(kLd).name + QLatin1Char('\n'));
        QCOMPARE(f.open(), dialog);
        dialog->setSides(f.rig.profile(kLd).name, kStaging);
        QVERIFY(f.run(dialog));

        const QList<datagen::ScopeDifference> expected = expectedDifferences(150);
        ComparisonModel *model = dialog->model();
        QCOMPARE(model->rowCount(), expected.size());
        int onlyA = 0, onlyB = 0, different = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const SegmentDifference &d = model->difference(row);
            QCOMPARE(SegmentDifference::statusName(d.status), expected.at(row).status);
            QCOMPARE(d.key, expected.at(row).key);
            QCOMPARE(d.fields, expected.at(row).fields);
            onlyA += d.status == SegmentDifference::Status::OnlyA;
            onlyB += d.status == SegmentDifference::Status::OnlyB;
            different += d.status == SegmentDifference::Status::Different;
        }
        const int identical = 150 - onlyA - different;
        QCOMPARE(dialog->summary(),
                 QStringLiteral("%1 only in A · %2 only in B · %3 different · %4 identical")
                     .arg(onlyA)
                     .arg(onlyB)
                     .arg(different)
                     .arg(identical));
        // Identical ones on request.
        dialog->findChild<QCheckBox *>(QStringLiteral("compareShowIdentical"))->click();
        QCOMPARE(model->rowCount(), expected.size() + identical);
        dialog->findChild<QCheckBox *>(QStringLiteral("compareShowIdentical"))->click();

        // A different segment: its two records, line by line, in the details pane.
        int row = 0;
        while (model->difference(row).status != SegmentDifference::Status::Different)
            ++row;
        dialog->table()->setCurrentIndex(model->index(row, 0));
        QVERIFY2(dialog->details()->json().contains(QStringLiteral("(staging)"))
                     || dialog->details()->json().contains(QStringLiteral("staging-only")),
                 qPrintable(dialog->details()->json()));

        // Export: the command line's CSV.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("comparison.csv"));
        QCOMPARE(dialog->exportTo(path), Error());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bool ok = false;
        const QList<QStringList> rows = parseCsv(file.readAll(), &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), expected.size() + 1);
        QCOMPARE(rows.constFirst(),
                 (QStringList {QStringLiteral("status"), QStringLiteral("key"), QStringLiteral("name_a"),
                               QStringLiteral("name_b"), QStringLiteral("fields")}));
        QCOMPARE(rows.at(1).value(1), expected.constFirst().key);
    }

    void twoEnvironmentsOfOneToken()
    {
        Window f(100);
        CompareDialog *dialog = f.open();
        auto *b = dialog->findChild<QComboBox *>(QStringLiteral("compareB"));
        const QString name = f.rig.profile(kLd).name;
        // The token's other places join the lists as they are discovered.
        QTRY_VERIFY(b->findData(QString(name + QStringLiteral("\ndefault/staging"))) >= 0);
        QVERIFY(b->findData(QString(name + QStringLiteral("\npreview/pr-1123"))) >= 0);
        dialog->setSides(name, name, false, false, {}, QStringLiteral("default/staging"));
        QVERIFY(f.run(dialog));
        QVERIFY2(dialog->status().contains(QStringLiteral("default/staging")), qPrintable(dialog->status()));
        QCOMPARE(dialog->model()->rowCount(), expectedDifferences(100).size());
        QVERIFY2(dialog->status().contains(QStringLiteral("default/staging")), qPrintable(dialog->status()));
    }

    void theSideBarsCompareChoosesTheSides()
    {
        Window f(40);
        const QString name = f.rig.profile(kLd).name;
        // As the side bar's menu asks: two sources, the second an environment of the first's token.
        emit f.w.sourcesPane()->compareRequested(name, QString(), kStaging, QString());
        CompareDialog *dialog = f.w.compareDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("compareB"))->currentData().toString(),
                 QString(kStaging + QLatin1Char('\n')));
        QVERIFY(f.run(dialog));
        QCOMPARE(dialog->model()->rowCount(), expectedDifferences(40).size());
        // One source: A is it, B stays.
        emit f.w.sourcesPane()->compareRequested(kStaging, QString(), QString(), QString());
        QCOMPARE(f.w.compareDialog(), dialog);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("compareA"))->currentData().toString(),
                 QString(kStaging + QLatin1Char('\n')));
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("compareB"))->currentData().toString(),
                 QString(kStaging + QLatin1Char('\n')));
    }

    void aSourceAgainstItselfAndStoredAgainstLive()
    {
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        Window f(60);
        f.w.setSegmentStore(&store);
        QVERIFY(f.sync());
        CompareDialog *dialog = f.open();
        // Live against itself: nothing.
        dialog->setSides(f.rig.profile(kLd).name, f.rig.profile(kLd).name);
        QVERIFY(f.run(dialog));
        QCOMPARE(dialog->model()->rowCount(), 0);
        QCOMPARE(dialog->summary(), QStringLiteral("No differences: 60 identical segments"));
        // The stored snapshot against the account a sync later: what that sync would find.
        f.rig.server.setEpoch(1);
        dialog->setSides(f.rig.profile(kLd).name, f.rig.profile(kLd).name, true, false);
        QVERIFY(f.run(dialog));
        const QList<SandboxChange> changes = f.rig.server.expectedChanges(kLd, 0, 1);
        QCOMPARE(dialog->model()->rowCount(), changes.size());
        // A side never synced offers only Live.
        dialog->setSides(kStaging, f.rig.profile(kLd).name, true, false);
        QCOMPARE(dialog->versionCombo(0)->count(), 1);
        QCOMPARE(dialog->versionCombo(0)->currentData().toLongLong(), qint64(-1));
        QCOMPARE(dialog->versionCombo(1)->count(), 2);
    }

    // Two syncs of one source, from the side bar and by choosing them: exactly what the account
    // changed between them, whichever two are chosen.
    void twoSyncsOfOneSourceGiveWhatChangedBetween()
    {
        QTemporaryDir dir;
        SegmentStore store(dir.filePath(QStringLiteral("segments.sqlite")));
        QCOMPARE(store.open(), Error());
        Window f(60);
        f.w.setSegmentStore(&store);
        QVERIFY(f.sync());
        for (int epoch = 1; epoch <= 2; ++epoch) {
            f.rig.server.setEpoch(epoch);
            QVERIFY(f.sync());
        }
        const QString name = f.rig.profile(kLd).name;
        const auto expect = [&](CompareDialog *dialog, int from, int to) {
            QList<SandboxChange> changes = f.rig.server.expectedChanges(kLd, from, to);
            QVERIFY(!changes.isEmpty());
            std::sort(changes.begin(), changes.end(),
                      [](const SandboxChange &a, const SandboxChange &b) { return a.key < b.key; });
            QCOMPARE(dialog->model()->rowCount(), changes.size());
            for (int i = 0; i < changes.size(); ++i) {
                const SegmentDifference &d = dialog->model()->difference(i);
                QCOMPARE(d.key, changes.at(i).key);
                const QString status = changes.at(i).kind == QLatin1String("added") ? QStringLiteral("only-b")
                    : changes.at(i).kind == QLatin1String("removed")                ? QStringLiteral("only-a")
                                                                                    : QStringLiteral("different");
                QCOMPARE(SegmentDifference::statusName(d.status), status);
                if (d.status == SegmentDifference::Status::Different)
                    QCOMPARE(d.fields, changes.at(i).fields);
            }
        };

        // The side bar's Compare Last Two Syncs: the second sync against the third.
        auto *sources = f.w.findChild<SourcesPane *>();
        QVERIFY(sources);
        emit sources->compareSyncsRequested(name, {});
        CompareDialog *dialog = f.w.compareDialog();
        QVERIFY(dialog && dialog->isVisible());
        QTRY_VERIFY(!dialog->isRunning() && !dialog->summary().isEmpty());
        expect(dialog, 1, 2);
        QVERIFY2(dialog->status().contains(QStringLiteral("Last sync")), qPrintable(dialog->status()));

        // Live, then the three syncs, newest first; the first against the last.
        const QList<SyncRun> runs = store.syncRuns(sourceOf(vendorById(kLd), f.rig.profile(kLd))).value();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(dialog->versionCombo(0)->count(), 4);
        QVERIFY(dialog->selectVersion(0, runs.at(2).id));
        QVERIFY(dialog->selectVersion(1, runs.at(0).id));
        QVERIFY(f.run(dialog));
        expect(dialog, 0, 2);
        // And the other way round: what was added is only in A.
        QVERIFY(dialog->selectVersion(0, runs.at(0).id));
        QVERIFY(dialog->selectVersion(1, runs.at(2).id));
        QVERIFY(f.run(dialog));
        const QList<SandboxChange> all = f.rig.server.expectedChanges(kLd, 0, 2);
        QCOMPARE(dialog->counts().onlyA, qint64(std::count_if(all.cbegin(), all.cend(), [](const SandboxChange &c) {
                     return c.kind == QLatin1String("added");
                 })));
        // A sync against itself: nothing.
        QVERIFY(dialog->selectVersion(0, runs.at(1).id));
        QVERIFY(dialog->selectVersion(1, runs.at(1).id));
        QVERIFY(f.run(dialog));
        QCOMPARE(dialog->model()->rowCount(), 0);
        QCOMPARE(dialog->summary(), QStringLiteral("No differences: %1 identical segments").arg(runs.at(1).rows));
    }

    // A place asked for before discovery has listed it is added and chosen, and a refresh of the
    // lists (a sync ended) keeps it: never another source in its stead.
    void aPlaceNotListedYetIsChosenAndKept()
    {
        Window f(30);
        CompareDialog *dialog = f.open();
        const QString name = f.rig.profile(kLd).name;
        dialog->setSides(name, name, false, false, {}, QStringLiteral("mobile-app/production"));
        const QString wanted = name + QLatin1Char('\n') + QStringLiteral("mobile-app/production");
        auto *b = dialog->findChild<QComboBox *>(QStringLiteral("compareB"));
        QCOMPARE(b->currentData().toString(), wanted);
        dialog->refreshProfiles();
        QCOMPARE(b->currentData().toString(), wanted);
        // Once discovery has listed every place, still that one, listed once.
        QTRY_VERIFY(b->count() > 4);
        dialog->refreshProfiles();
        QCOMPARE(b->currentData().toString(), wanted);
        int times = 0;
        for (int i = 0; i < b->count(); ++i)
            times += b->itemData(i).toString() == wanted ? 1 : 0;
        QCOMPARE(times, 1);
    }

    void twoVendorsOrAFailingSideShowNoComparison()
    {
        Window f(80);
        CompareDialog *dialog = f.open();
        dialog->setSides(f.rig.profile(kLd).name, f.rig.profile(QStringLiteral("batch")).name);
        QVERIFY(!f.run(dialog));
        QVERIFY2(dialog->status().contains(QStringLiteral("only profiles of one vendor compare")),
                 qPrintable(dialog->status()));
        QCOMPARE(dialog->model()->rowCount(), 0);

        // B fails midway: an error in the vendor's words, and no rows shown as if complete.
        dialog->setSides(f.rig.profile(kLd).name, kStaging);
        QVERIFY(f.rig.server.setFaults(QStringLiteral("launchdarkly:401@after2")));
        QVERIFY(!f.run(dialog));
        QVERIFY2(dialog->status().contains(QStringLiteral("Invalid access token")), qPrintable(dialog->status()));
        QVERIFY(dialog->summary().isEmpty());
        QCOMPARE(dialog->model()->rowCount(), 0);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("compareExport"))->isEnabled());
    }
};

QTEST_MAIN(TestCompareDialog)
#include "tst_comparedialog.moc"
