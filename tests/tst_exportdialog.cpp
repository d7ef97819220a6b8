#include "export/csvreader.h"
#include "export/csvwriter.h"
#include "export/exportjob.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "ui/appearance.h"
#include "ui/exportdialog.h"

#include <QBuffer>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<int> allColumns(const SegmentTableModel &model)
{
    QList<int> all;
    for (int i = 0; i < model.columnCount(); ++i)
        all << i;
    return all;
}

// The file CsvWriter makes of these records; the dialog must choose rows and columns to match.
// Who uses which segment, as the fixture's model read it from the sandbox's flags.
SegmentUsage g_usage;

QByteArray expectedCsv(const QList<QJsonObject> &records, const QList<int> &columns, const CsvOptions &options = {})
{
    const VendorApi *vendor = vendorById(kLd);
    QList<Column> all = vendor->columns();
    all.append({vendor->usage().field, ValueType::String}); // the model's flags column, after the vendor's
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    writer.setDerived({{int(all.size()) - 1, [vendor](const QJsonObject &record) {
                            return QVariant(g_usage.keysOf(vendor->recordKey(record)));
                        }}});
    writer.writeHeader(columns, all);
    for (const QJsonObject &record : records)
        writer.writeSegment(Segment::fromRecord(record, all), columns, all);
    return buffer.data();
}

// One export window and its table, on a sandbox of `count` LaunchDarkly segments.
struct Fixture
{
    SandboxRig rig;
    QTemporaryDir dir;
    QMainWindow window; // its status bar says when an export was cancelled
    SegmentTableModel model;

    explicit Fixture(int count, const QString &secret = {})
    {
        rig.server.setSegmentCount(kLd, count);
        model.setSource(vendorById(kLd), rig.profile(kLd), secret.isEmpty() ? rig.secret(kLd) : secret);
        // The flags column is written from the model's walk of the flags: wait for it.
        if (!QTest::qWaitFor([this] { return model.usageState() != SegmentTableModel::UsageState::Loading; }, 30000))
            qWarning("the flags were not read within 30 s");
        g_usage = model.usage();
    }

    QString path(const QString &name) const { return dir.filePath(name); }

    // Loads `pageSize` rows the way a view's first fetchMore does.
    void loadFirstPage(int pageSize)
    {
        model.setPageSize(pageSize);
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && !model.isLoading(), 30000);
    }

    QDialog *options(const QList<int> &selected = {}, const QList<int> &visible = {}, const QString &warning = {})
    {
        // One flow at a time, so that findChild finds this one's dialogs and no closed one's.
        for (QDialog *d : window.findChildren<QDialog *>())
            d->close();
        if (!QTest::qWaitFor([this] { return window.findChildren<QDialog *>().isEmpty(); }))
            return nullptr;
        startExport(&window, &model, selected, visible.isEmpty() ? allColumns(model) : visible, warning);
        return window.findChild<QDialog *>(QStringLiteral("exportOptionsDialog"));
    }

    QDialog *progress() const { return window.findChild<QDialog *>(QStringLiteral("exportProgressDialog")); }
};

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent ? parent->findChild<T *>(QString::fromLatin1(name)) : nullptr;
}

// Fills in the file, presses Export and waits for the summary (or the failure) of the export.
bool exportTo(Fixture &f, QDialog *options, const QString &path)
{
    auto *file = child<QLineEdit>(options, "fileEdit");
    auto *button = child<QPushButton>(options, "exportButton");
    if (!file || !button || !button->isEnabled())
        return false;
    file->setText(path);
    button->click();
    return QTest::qWaitFor([&f] { return child<QPushButton>(f.progress(), "closeButton") != nullptr; }, 60000);
}

QStringList columnOrder(QListWidget *list)
{
    QStringList fields;
    for (int i = 0; i < list->count(); ++i)
        fields << list->item(i)->data(Qt::UserRole + 1).toString() // the CSV header's name
                + (list->item(i)->checkState() == Qt::Checked ? QString() : QStringLiteral("-"));
    return fields;
}

} // namespace

class TestExportDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Keeps export/lastDir out of the user's own settings.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("segment-browser-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_exportdialog"));
        QSettings().clear();
    }

    void allSegmentsOfTheQuery()
    {
        Fixture f(300);
        Query query;
        query.filter = QStringLiteral("tags anyOf [\"beta\"]");
        f.model.setQuery(query);
        f.loadFirstPage(20);
        const QString warning = QStringLiteral("The access token expires in 3 minutes.");
        QDialog *options = f.options({}, {}, warning);
        QVERIFY(options);
        QVERIFY(options->isVisible());
        QCOMPARE(child<QLabel>(options, "exportWarning")->text(), warning);
        QVERIFY(child<QRadioButton>(options, "scopeAll")->isChecked());
        QVERIFY(!child<QRadioButton>(options, "scopeSelected")->isEnabled());
        // The table goes on loading while the export walks the same query on its own.
        f.model.fetchMore({});

        const QString path = f.path(QStringLiteral("all.csv"));
        QVERIFY(exportTo(f, options, path));
        QList<QJsonObject> matching;
        for (int i = 0; i < 300; ++i) {
            const QJsonObject record = f.rig.server.record(kLd, i);
            if (record.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("beta")))
                matching << record;
        }
        QVERIFY(matching.size() > 20 && matching.size() < 300); // the filter mattered, beyond one page
        const QByteArray expected = expectedCsv(matching, allColumns(f.model));
        bool ok = false;
        QCOMPARE(parseCsv(readFile(path), &ok), parseCsv(expected));
        QVERIFY(ok);
        QCOMPARE(readFile(path), expected);
        QVERIFY(child<QLabel>(f.progress(), "exportStatus")
                    ->text()
                    .startsWith(QStringLiteral("Exported %1 segments in ").arg(matching.size())));
        QVERIFY(child<QPushButton>(f.progress(), "openFolderButton"));
        QTRY_VERIFY(!child<QPushButton>(f.progress(), "cancelButton")); // nothing left to cancel
        QTRY_VERIFY_WITH_TIMEOUT(!f.model.isLoading(), 30000);
        QCOMPARE(f.model.rowCount(), 40);
        QVERIFY(!f.model.error().isError());

        // The folder is remembered, never the secret.
        QCOMPARE(QSettings().value(QStringLiteral("export/lastDir")).toString(), f.dir.path());
        for (const QString &key : QSettings().allKeys())
            QVERIFY(!QSettings().value(key).toString().contains(f.rig.secret(kLd)));
        QTest::mouseClick(child<QPushButton>(f.progress(), "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(!f.progress());
        QDialog *again = f.options();
        QVERIFY(again);
        QCOMPARE(QFileInfo(child<QLineEdit>(again, "fileEdit")->text()).absolutePath(), f.dir.path());
        QVERIFY(
            child<QLineEdit>(again, "fileEdit")
                ->text()
                .endsWith(
                    QStringLiteral("-segments-%1.csv").arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")))));
    }

    // A stored snapshot, browsed without the profile's key: "All" is the snapshot, read from the
    // store, not the vendor's listing (which the missing key could not ask for).
    void allSegmentsOfASnapshotWithoutTheKey()
    {
        Fixture f(10);
        QList<QJsonObject> stored;
        for (int i = 0; i < 90; ++i)
            stored.append(f.rig.server.record(kLd, i % 10)); // not what the vendor lists now
        const int requests = f.rig.server.requestCount(kLd);
        f.model.setSource(vendorById(kLd), f.rig.profile(kLd), QString());
        f.model.showSnapshot(stored.size(), QDateTime::currentDateTimeUtc(),
                             [&stored](qint64 offset, int limit) -> Result<QList<Segment>> {
                                 QList<Segment> rows;
                                 for (qint64 i = offset; i < qMin<qint64>(stored.size(), offset + qint64(limit)); ++i)
                                     rows.append(Segment::fromRecord(stored.at(i), vendorById(kLd)->columns()));
                                 return rows;
                             });
        f.loadFirstPage(20);
        QVERIFY(f.model.isSnapshot());
        QList<int> columns = allColumns(f.model);
        columns.removeAll(f.model.usageColumn()); // who uses them is not known without the key
        QDialog *options = f.options({}, columns);
        QVERIFY(options);
        QVERIFY2(child<QRadioButton>(options, "scopeAll")->text().contains(QStringLiteral("snapshot (90)")),
                 qPrintable(child<QRadioButton>(options, "scopeAll")->text()));
        const QString path = f.path(QStringLiteral("snapshot.csv"));
        QVERIFY(exportTo(f, options, path));
        QCOMPARE(readFile(path), expectedCsv(stored, columns));
        QCOMPARE(f.rig.server.requestCount(kLd), requests);
    }

    void loadedRowsOnly()
    {
        Fixture f(100);
        f.loadFirstPage(20);
        QDialog *options = f.options();
        QVERIFY(options);
        auto *loaded = child<QRadioButton>(options, "scopeLoaded");
        QCOMPARE(loaded->text(), QStringLiteral("The 20 loaded segments"));
        loaded->click();
        const QString path = f.path(QStringLiteral("loaded.csv"));
        QVERIFY(exportTo(f, options, path));
        QList<QJsonObject> first;
        for (int i = 0; i < 20; ++i)
            first << f.rig.server.record(kLd, i);
        QCOMPARE(readFile(path), expectedCsv(first, allColumns(f.model)));
        QCOMPARE(child<QLabel>(f.progress(), "exportFile")->text(),
                 QStringLiteral("File: %1").arg(QDir::toNativeSeparators(path)));
    }

    void selectedRowsOnly()
    {
        Fixture f(100);
        f.loadFirstPage(20);
        QDialog *options = f.options({7, 2, 5, 2});
        QVERIFY(options);
        auto *selected = child<QRadioButton>(options, "scopeSelected");
        QVERIFY(selected->isEnabled());
        QCOMPARE(selected->text(), QStringLiteral("The 3 selected segments"));
        selected->click();
        const QString path = f.path(QStringLiteral("selected.csv"));
        QVERIFY(exportTo(f, options, path));
        // In table order, each once.
        const QList<QJsonObject> rows = {f.rig.server.record(kLd, 2), f.rig.server.record(kLd, 5),
                                         f.rig.server.record(kLd, 7)};
        QCOMPARE(readFile(path), expectedCsv(rows, allColumns(f.model)));
    }

    void columnOrderAndUncheckedColumns()
    {
        Fixture f(30);
        f.loadFirstPage(10);
        const QList<Column> columns = f.model.columns();
        QVERIFY(columns.size() >= 4);
        const auto name = [&](int i) {
            return columns.at(i).field;
        };
        QDialog *options = f.options({}, {2, 0, 1});
        QVERIFY(options);
        auto *list = child<QListWidget>(options, "columnList");
        auto *up = child<QPushButton>(options, "columnUp");
        auto *exportButton = child<QPushButton>(options, "exportButton");
        auto *problem = child<QLabel>(options, "optionsProblem");
        QStringList expected = {name(2), name(0), name(1)};
        for (int i = 3; i < columns.size(); ++i)
            expected << name(i) + QStringLiteral("-"); // not visible: offered, unchecked
        QCOMPARE(columnOrder(list), expected);

        // No column at all: nothing to export, and the dialog says why.
        for (int i = 0; i < 3; ++i)
            list->item(i)->setCheckState(Qt::Unchecked);
        QVERIFY(!exportButton->isEnabled());
        QVERIFY(problem->isVisible());
        list->item(0)->setCheckState(Qt::Checked);
        list->item(1)->setCheckState(Qt::Checked);
        QVERIFY(exportButton->isEnabled());
        QVERIFY(!problem->isVisible());

        list->setCurrentRow(1);
        QVERIFY(up->isEnabled());
        up->click(); // name(0) first
        QCOMPARE(list->currentRow(), 0);
        QVERIFY(!up->isEnabled());
        list->item(3)->setCheckState(Qt::Checked); // name(3) in
        list->setCurrentRow(3);
        up->click(); // before the unchecked name(1)
        QCOMPARE(columnOrder(list).mid(0, 4), (QStringList {name(0), name(2), name(3), name(1) + QStringLiteral("-")}));

        child<QRadioButton>(options, "scopeLoaded")->click();
        const QString path = f.path(QStringLiteral("columns.csv"));
        QVERIFY(exportTo(f, options, path));
        QList<QJsonObject> records;
        for (int i = 0; i < 10; ++i)
            records << f.rig.server.record(kLd, i);
        QCOMPARE(readFile(path), expectedCsv(records, {0, 2, 3}));
        QCOMPARE(parseCsv(readFile(path)).value(0), (QStringList {name(0), name(2), name(3)}));
    }

    void byteOrderMarkAndFormulaGuard()
    {
        Fixture f(100);
        f.loadFirstPage(50); // LaunchDarkly's largest page
        QCOMPARE(f.model.rowCount(), 50);
        QList<QJsonObject> records;
        int formulaRow = -1;
        for (int i = 0; i < 50; ++i) {
            records << f.rig.server.record(kLd, i);
            if (formulaRow < 0 && records.last().value(QStringLiteral("name")).toString().startsWith(QLatin1Char('=')))
                formulaRow = i;
        }
        QVERIFY2(formulaRow >= 0, "the sandbox data has no formula-like name in its first 50 segments");
        const int nameColumn = int(std::find_if(f.model.columns().cbegin(), f.model.columns().cend(),
                                                [](const Column &c) { return c.field == QLatin1String("name"); })
                                   - f.model.columns().cbegin());
        const QString name = records.at(formulaRow).value(QStringLiteral("name")).toString();

        // Defaults: guarded, no BOM.
        QDialog *options = f.options();
        QVERIFY(child<QCheckBox>(options, "formulaGuardCheck")->isChecked());
        QVERIFY(!child<QCheckBox>(options, "bomCheck")->isChecked());
        child<QRadioButton>(options, "scopeLoaded")->click();
        const QString guardedPath = f.path(QStringLiteral("guarded.csv"));
        QVERIFY(exportTo(f, options, guardedPath));
        const QByteArray guarded = readFile(guardedPath);
        QVERIFY(!guarded.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(parseCsv(guarded).at(formulaRow + 1).at(nameColumn), QLatin1Char('\'') + name);
        QCOMPARE(guarded, expectedCsv(records, allColumns(f.model)));

        // BOM on, guard off.
        QDialog *second = f.options();
        QVERIFY(second);
        child<QCheckBox>(second, "bomCheck")->click();
        child<QCheckBox>(second, "formulaGuardCheck")->click();
        child<QRadioButton>(second, "scopeLoaded")->click();
        const QString plainPath = f.path(QStringLiteral("plain.csv"));
        QVERIFY(exportTo(f, second, plainPath));
        const QByteArray plain = readFile(plainPath);
        QVERIFY(plain.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(parseCsv(plain).at(formulaRow + 1).at(nameColumn), name);
        CsvOptions csv;
        csv.bom = true;
        csv.formulaGuard = false;
        QCOMPARE(plain, expectedCsv(records, allColumns(f.model), csv));
    }

    void cancelLeavesTheExistingFileUntouched()
    {
        Fixture f(2000);
        // Two pages arrive, then the server stalls: the export is surely running when cancelled.
        QString error;
        QVERIFY2(f.rig.server.setFaults(QStringLiteral("launchdarkly:latency=60000@after2"), &error),
                 qPrintable(error));
        const QString path = f.path(QStringLiteral("existing.csv"));
        {
            QFile existing(path);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("the user's own data\r\n");
        }
        QDialog *options = f.options();
        QVERIFY(options);
        child<QLineEdit>(options, "fileEdit")->setText(path);
        child<QPushButton>(options, "exportButton")->click();
        // An existing file: asked first; No keeps the dialog and everything in it.
        auto *question = child<QMessageBox>(options, "replaceQuestion");
        QVERIFY(question);
        question->button(QMessageBox::No)->click();
        QTRY_VERIFY(!child<QMessageBox>(options, "replaceQuestion"));
        QVERIFY(options->isVisible());
        QVERIFY(!f.progress());
        QCOMPARE(child<QLineEdit>(options, "fileEdit")->text(), path);
        child<QPushButton>(options, "exportButton")->click();
        QTRY_VERIFY(child<QMessageBox>(options, "replaceQuestion"));
        child<QMessageBox>(options, "replaceQuestion")->button(QMessageBox::Yes)->click();

        QTRY_VERIFY(f.progress());
        auto *job = f.progress()->findChild<ExportJob *>();
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->rowsWritten() > 0, 30000);
        QTRY_VERIFY(child<QLabel>(f.progress(), "exportStatus")->text().endsWith(QStringLiteral(" of 2,000 segments")));
        QPointer<QDialog> progress = f.progress();
        QTest::mouseClick(child<QPushButton>(progress, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!progress);
        QCOMPARE(f.window.statusBar()->currentMessage(), QStringLiteral("Export cancelled — nothing was written"));
        QCOMPARE(readFile(path), QByteArray("the user's own data\r\n"));
        QCOMPARE(QDir(f.dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList {QStringLiteral("existing.csv")});
    }

    void vendorErrorShowsItsMessage()
    {
        Fixture f(50, QStringLiteral("api-not-the-right-token"));
        // With the flags column, the export does not start: the flags could not be read, and it says why.
        QCOMPARE(f.model.usageState(), SegmentTableModel::UsageState::Failed);
        const QString path = f.path(QStringLiteral("refused.csv"));
        QDialog *withFlags = f.options();
        QVERIFY(withFlags);
        child<QLineEdit>(withFlags, "fileEdit")->setText(path);
        child<QPushButton>(withFlags, "exportButton")->click();
        QTRY_VERIFY(f.window.findChild<QMessageBox *>(QStringLiteral("usageNotReady")));
        auto *refused = f.window.findChild<QMessageBox *>(QStringLiteral("usageNotReady"));
        QVERIFY2(refused->text().contains(QStringLiteral("Invalid access token")), qPrintable(refused->text()));
        refused->close();
        QVERIFY(!f.progress());
        // Without it, the segments' own request fails with the vendor's message.
        QList<int> vendorColumns = allColumns(f.model);
        vendorColumns.removeAll(f.model.usageColumn());
        QDialog *options = f.options({}, vendorColumns);
        QVERIFY(exportTo(f, options, path));
        auto *message = child<QLabel>(f.progress(), "exportError");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("HTTP 401")), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("Invalid access token")), qPrintable(message->text()));
        QVERIFY(!message->text().contains(QStringLiteral("api-not-the-right-token")));
        QVERIFY(!child<QPushButton>(f.progress(), "openFolderButton"));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(f.dir.path()).isEmpty());
    }

    void rateLimitIsShownAndWaitedOut()
    {
        Fixture f(120);
        QString error;
        QVERIFY2(f.rig.server.setFaults(QStringLiteral("launchdarkly:429=1@2"), &error), qPrintable(error));
        QDialog *options = f.options();
        child<QLineEdit>(options, "fileEdit")->setText(f.path(QStringLiteral("limited.csv")));
        child<QPushButton>(options, "exportButton")->click();
        QTRY_VERIFY(f.progress());
        auto *retry = child<QLabel>(f.progress(), "exportRetry");
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 30000);
        QVERIFY2(retry->text().startsWith(QStringLiteral("Rate limited by LaunchDarkly; retrying in ")),
                 qPrintable(retry->text()));
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(f.progress(), "closeButton"), 60000);
        QVERIFY(!retry->isVisible());
        QList<QJsonObject> records;
        for (int i = 0; i < 120; ++i)
            records << f.rig.server.record(kLd, i);
        QCOMPARE(readFile(f.path(QStringLiteral("limited.csv"))), expectedCsv(records, allColumns(f.model)));
    }

    void missingFolderIsRefusedInTheDialog()
    {
        Fixture f(10);
        QDialog *options = f.options();
        child<QLineEdit>(options, "fileEdit")->setText(f.path(QStringLiteral("no/such/folder/x.csv")));
        child<QPushButton>(options, "exportButton")->click();
        QVERIFY(options->isVisible());
        QVERIFY(!f.progress());
        auto *problem = child<QLabel>(options, "optionsProblem");
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("does not exist")));
    }

    // The token warning is the window's one warning panel: dark in dark mode, light in light mode.
    void warningPanelFollowsTheAppearance()
    {
        Fixture f(10);
        applyAppearance(Appearance::Dark);
        QDialog *options = f.options({}, {}, QStringLiteral("The access token expires in 3 minutes."));
        QVERIFY(options);
        auto *note = child<QLabel>(options, "exportWarning");
        QVERIFY(note);
        const auto panel = [note] {
            const QImage image = note->grab().toImage();
            return image.pixelColor(3, image.height() / 2);
        };
        QVERIFY2(panel().lightness() < 100, qPrintable(panel().name()));
        applyAppearance(Appearance::Light);
        QCoreApplication::processEvents();
        QVERIFY2(panel().lightness() > 160, qPrintable(panel().name()));
        applyAppearance(Appearance::System);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
