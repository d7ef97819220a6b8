#include "export/csvwriter.h"
#include "export/exportjob.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

QByteArray expectedCsv(const SandboxRig &rig, const QString &vendor, int n)
{
    const VendorApi *api = vendorById(vendor);
    const QList<Column> columns = api->columns();
    QList<int> all;
    for (int i = 0; i < columns.size(); ++i)
        all << i;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    writer.writeHeader(all, columns);
    for (int i = 0; i < n; ++i)
        writer.writeSegment(Segment::fromRecord(rig.server.record(vendor, i), columns), all, columns);
    return buffer.data();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportJob final : public QObject
{
    Q_OBJECT

private slots:
    void everyVendorWithFaultsEqualsTheExpectedFile_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &v : allVendorIds())
            QTest::newRow(qPrintable(v)) << v;
    }

    void everyVendorWithFaultsEqualsTheExpectedFile()
    {
        QFETCH(QString, vendor);
        SandboxRig rig;
        const int n = 437;
        rig.server.setSegmentCount(vendor, n);
        QString error;
        QVERIFY2(rig.server.setFaults(QStringLiteral("%1:429=1@2,%1:503@4,%1:502@6,%1:drop@8,%1:500@10").arg(vendor),
                                      &error),
                 qPrintable(error));
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        PageFetcher::Options o = fetcher.options();
        o.baseBackoffMs = 10;
        o.maxBackoffMs = 40;
        fetcher.setOptions(o);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        ExportOptions options;
        options.pageSize = 20;
        ExportJob job(&fetcher, vendorById(vendor)->columns(), path, options);
        QSignalSpy finished(&job, &ExportJob::finished);
        QSignalSpy failed(&job, &ExportJob::failed);
        QSignalSpy retrying(&job, &ExportJob::retrying);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Error>().toString()));
        QCOMPARE(finished.at(0).at(0).toLongLong(), n);
        QVERIFY2(retrying.size() >= 5, "every fault was met and retried");
        QCOMPARE(readFile(path), expectedCsv(rig, vendor, n));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("out.csv")});
    }

    void aFailedExportLeavesTheExistingFileUntouched()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous export\r\n");
        }
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), QStringLiteral("wrong-token"));
        ExportJob job(&fetcher, vendorById(vendor)->columns(), path, {});
        QSignalSpy failed(&job, &ExportJob::failed);
        job.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).value<Error>().kind, Error::Kind::Auth);
        QCOMPARE(readFile(path), QByteArray("previous export\r\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("out.csv")});
    }

    void aCancelledExportLeavesNoFile()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        rig.server.setSegmentCount(vendor, 5000);
        rig.server.setLatencyMs(50);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        ExportJob job(&fetcher, vendorById(vendor)->columns(), path, {});
        QSignalSpy progress(&job, &ExportJob::progress);
        QSignalSpy failed(&job, &ExportJob::failed);
        job.start();
        QVERIFY(progress.wait(10000));
        job.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().kind, Error::Kind::Cancelled);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void anUnwritableTargetIsAClearError()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("amperity");
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        ExportJob job(&fetcher, vendorById(vendor)->columns(), QStringLiteral("/nonexistent-dir/out.csv"), {});
        QSignalSpy failed(&job, &ExportJob::failed);
        job.start();
        QCOMPARE(failed.size(), 1);
        const Error e = failed.at(0).at(0).value<Error>();
        QCOMPARE(e.kind, Error::Kind::Storage);
        QVERIFY(e.message.contains(QStringLiteral("/nonexistent-dir/out.csv")));
        QCOMPARE(rig.server.requestCount(vendor), 0);
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
