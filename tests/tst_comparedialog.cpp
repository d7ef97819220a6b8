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
        QSignalSpy synced(f.w.syncScheduler(), &SyncScheduler::finished);
        QTRY_VERIFY(f.w.action(QStringLiteral("actionSync"))->isEnabled());
        if (!f.w.syncScheduler()->isBusy())
            f.w.action(QStringLiteral("actionSync"))->trigger();
        QVERIFY(synced.wait(30000));
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
        // A side never synced is an error that says so.
        dialog->setSides(kStaging, f.rig.profile(kLd).name, true, false);
        QVERIFY(!f.run(dialog));
        QVERIFY2(dialog->status().contains(QStringLiteral("no synced snapshot")), qPrintable(dialog->status()));
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
