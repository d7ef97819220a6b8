// Every vendor against every fault the sandbox can play: the table model (fetchMore to the end)
// and the export (to a file) end with every row exactly once, or with a clear typed error and
// no file. Nothing may hang: every wait is bounded.

#include "export/csvreader.h"
#include "export/exportjob.h"
#include "model/segmenttablemodel.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sb;
using namespace sb::test;

namespace {

constexpr int kSegments = 95; // five pages of 20, the last one short
constexpr int kPageSize = 20;
constexpr int kWaitMs = 60000; // a bound, not an expectation: a healthy run takes far less

// Short timeouts and backoff so that a dozen retries take well under a second.
PageFetcher::Options fastOptions(int idleTimeoutMs)
{
    PageFetcher::Options o;
    o.maxTries = 8;
    o.baseBackoffMs = 5;
    o.maxBackoffMs = 20;
    o.idleTimeoutMs = idleTimeoutMs;
    o.totalTimeoutMs = 10000;
    o.maxBodyBytes = 8 * 1024 * 1024;
    return o;
}

// What a failure must look like: a sentence for a person, not a page of HTML or a dump.
void verifyReadable(const Error &error)
{
    const QString text = error.toString();
    QVERIFY2(!error.message.trimmed().isEmpty(), "the error says something");
    QVERIFY2(!text.contains(QLatin1Char('<')), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));
    QVERIFY2(text.size() < 400, qPrintable(text));
}

QStringList modelKeys(const SegmentTableModel &model)
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys << model.data(model.index(row, 0), SegmentTableModel::RecordKeyRole).toString();
    return keys;
}

// Scrolls to the bottom until the model is complete or failed.
void loadToEnd(SegmentTableModel &model)
{
    for (int guard = 0; guard < 1000; ++guard) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        if (!model.isLoading())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
    }
}

// The first column of every data row of a CSV file (each vendor's first column is its key).
// The CSV's keys, from the vendor's key column (not always the first: SailPoint's name comes first).
QStringList csvKeys(const QString &path, const QString &keyField)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("<unreadable>")};
    bool ok = false;
    QList<QStringList> rows = parseCsv(file.readAll(), &ok);
    if (!ok || rows.isEmpty())
        return {QStringLiteral("<malformed>")};
    const qsizetype column = rows.takeFirst().indexOf(keyField);
    if (column < 0)
        return {QStringLiteral("<no %1 column>").arg(keyField)};
    QStringList keys;
    for (const QStringList &row : rows)
        keys << row.value(column);
    return keys;
}

// One row of the matrix.
struct Case
{
    QString vendor;
    QString faults; // the plan, "%1" standing for the vendor
    int expectedKind = 0; // Error::Kind; None: every row exactly once
    int idleTimeoutMs = 0;
};

Case currentCase()
{
    QFETCH(QString, vendor);
    QFETCH(QString, faults);
    QFETCH(int, expectedKind);
    QFETCH(int, idleTimeoutMs);
    return {vendor, faults, expectedKind, idleTimeoutMs};
}

// The sandbox lists kSegments segments and plays the row's faults from its next request on.
bool prepare(SandboxRig &rig, const Case &row)
{
    rig.server.setSegmentCount(row.vendor, kSegments);
    QString error;
    const bool ok = rig.server.setFaults(row.faults.arg(row.vendor), &error);
    if (!ok)
        qWarning("bad fault plan: %s", qPrintable(error));
    return ok;
}

} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

private slots:
    void model_data() { matrix(); }
    void model()
    {
        const Case row = currentCase();
        const QString &vendor = row.vendor;
        const int expectedKind = row.expectedKind;
        SandboxRig rig;
        SegmentTableModel model;
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.fetcher()->setOptions(fastOptions(row.idleTimeoutMs));
        model.setPageSize(kPageSize);
        QVERIFY(prepare(rig, row));

        loadToEnd(model);
        const QStringList expected = rig.expectedKeys(vendor, kSegments);
        if (expectedKind == int(Error::Kind::None)) {
            QVERIFY2(!model.error().isError(), qPrintable(model.error().toString()));
            QVERIFY(model.isComplete());
            QCOMPARE(modelKeys(model), expected);
            return;
        }
        QCOMPARE(int(model.error().kind), expectedKind);
        verifyReadable(model.error());
        QVERIFY(!model.canFetchMore({}));
        // What was loaded before the failure is good, in order, each row once.
        QCOMPARE(modelKeys(model), expected.mid(0, model.rowCount()));

        // The fault passes; Retry carries on from where it stopped and loses nothing.
        rig.server.clearFaults();
        model.retry();
        loadToEnd(model);
        QVERIFY2(!model.error().isError(), qPrintable(model.error().toString()));
        QVERIFY(model.isComplete());
        QCOMPARE(modelKeys(model), expected);
    }

    void exportJob_data() { matrix(); }
    void exportJob()
    {
        const Case row = currentCase();
        const QString &vendor = row.vendor;
        const int expectedKind = row.expectedKind;
        SandboxRig rig;
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        fetcher.setOptions(fastOptions(row.idleTimeoutMs));
        QVERIFY(prepare(rig, row));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("segments.csv"));
        ExportOptions options;
        options.pageSize = kPageSize;
        ExportJob job(&fetcher, vendorById(vendor)->columns(), path, options);
        QSignalSpy finished(&job, &ExportJob::finished);
        QSignalSpy failed(&job, &ExportJob::failed);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kWaitMs);
        QCOMPARE(finished.size() + failed.size(), 1);
        QVERIFY(!job.isRunning());

        if (expectedKind == int(Error::Kind::None)) {
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Error>().toString()));
            QCOMPARE(finished.at(0).at(0).toLongLong(), kSegments);
            QCOMPARE(csvKeys(path, vendorById(vendor)->keyField()), rig.expectedKeys(vendor, kSegments));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("segments.csv")});
            return;
        }
        QVERIFY2(!failed.isEmpty(), "the export was expected to fail, and it finished");
        const Error error = failed.at(0).at(0).value<Error>();
        QCOMPARE(int(error.kind), expectedKind);
        verifyReadable(error);
        // No partial file, no temporary left behind.
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

private:
    // Vendor x fault. "%1" in a plan is the vendor; the first request is the first page, so "@2"
    // hits the second page (or, for the concurrent export walk, the second request sent).
    static void matrix()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("faults");
        QTest::addColumn<int>("expectedKind"); // Error::Kind; None: every row exactly once
        QTest::addColumn<int>("idleTimeoutMs");

        const int none = int(Error::Kind::None);
        struct Fault
        {
            const char *name;
            const char *plan;
            int kind;
            bool cursorVendors = true;
            bool offsetVendors = true;
            // Below the drip interval (1000 ms). The huge body gets longer: the sandbox runs in this
            // thread, and building 50 MB before the first byte may take longer on a busy machine.
            int idleTimeoutMs = 400;
        };
        const Fault faults[] = {
            {"429 storm", "%1:429=0@first6", none},
            {"429 without end", "%1:429=0@after1", int(Error::Kind::RateLimit)},
            {"5xx run", "%1:500@first2,%1:503@3,%1:503@4", none},
            {"503 without end", "%1:503@after1", int(Error::Kind::Server)},
            {"html 502", "%1:502@2", none},
            {"html 502 without end", "%1:502@after1", int(Error::Kind::Server)},
            {"dropped mid-body", "%1:drop@2", none},
            {"dropped without end", "%1:drop@after1", int(Error::Kind::Network)},
            {"malformed json", "%1:malformed@2", int(Error::Kind::Parse)},
            {"truncated body", "%1:truncated@2", int(Error::Kind::Parse)},
            {"50 MB body", "%1:huge=50@2", int(Error::Kind::Parse), true, true, 10000},
            {"slow drip past the idle timeout", "%1:drip=1000@2", none},
            {"slow drip without end", "%1:drip=1000@after1", int(Error::Kind::Network)},
            {"repeating cursor", "%1:repeat@2", int(Error::Kind::Parse)},
            {"rows repeated across pages", "%1:shift=5@2", int(Error::Kind::Parse), false, true},
            {"many faults at once", "%1:429=0@2,%1:503@3,%1:502@4,%1:drop@5,%1:drip=1000@6", none},
        };
        for (const QString &vendor : allVendorIds()) {
            const bool offset = vendorById(vendor)->paging() == Paging::Offset;
            for (const Fault &f : faults) {
                if ((offset && !f.offsetVendors) || (!offset && !f.cursorVendors))
                    continue;
                QTest::addRow("%s %s", qPrintable(vendor), f.name)
                    << vendor << QString::fromLatin1(f.plan) << f.kind << f.idleTimeoutMs;
            }
            // An expired token: SailPoint gets a new one and carries on; the others have none to renew.
            const bool renews = vendorById(vendor)->exchangesToken();
            QTest::addRow("%s expired token", qPrintable(vendor))
                << vendor << QStringLiteral("%1:401@2") << (renews ? none : int(Error::Kind::Auth)) << 400;
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
