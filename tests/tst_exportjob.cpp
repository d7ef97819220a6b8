#include "export/csvwriter.h"
#include "export/exportjob.h"
#include "export/outputfile.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

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

    // A disk that fills up: an error in the system's words, the old file as it was, no temporary
    // file left (Qt 6.4's QSaveFile::commit() would rename a truncated file into place).
    void aFullDiskIsAnErrorAndKeepsTheOldFile()
    {
        if (geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(QStringLiteral("tiny"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (mount("tmpfs", mountPoint.toLocal8Bit().constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("this machine does not allow mounting a tmpfs");
        const auto unmount = qScopeGuard([&] { umount2(mountPoint.toLocal8Bit().constData(), MNT_DETACH); });
        const QString path = QDir(mountPoint).filePath(QStringLiteral("out.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous export\r\n");
        }
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(vendor, 780);
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        ExportJob job(&fetcher, vendorById(vendor)->columns(), path, {});
        QSignalSpy failed(&job, &ExportJob::failed);
        QSignalSpy finished(&job, &ExportJob::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() + finished.size() > 0, 30000);
        QCOMPARE(finished.size(), 0);
        const Error e = failed.at(0).at(0).value<Error>();
        QCOMPARE(e.kind, Error::Kind::Storage);
        QVERIFY2(e.message.contains(QStringLiteral("No space left on device")), qPrintable(e.message));
        QCOMPARE(readFile(path), QByteArray("previous export\r\n"));
        QCOMPARE(QDir(mountPoint).entryList(QDir::Files), QStringList {QStringLiteral("out.csv")});

        // The last bytes, still in the file's buffer when the writing ends, do not fit either: the
        // flush before the rename says so (the case Qt's commit() lets through).
        {
            QFile filler(QDir(mountPoint).filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(1024, 'x');
            while (filler.write(block) == block.size()) { }
        }
        QVERIFY(QFile::remove(QDir(mountPoint).filePath(QStringLiteral("out.csv"))));
        const QString last = QDir(mountPoint).filePath(QStringLiteral("last.csv"));
        Result<std::unique_ptr<QFileDevice>> out = openOutput(last);
        QVERIFY(out.ok());
        QCOMPARE(out.value()->write(QByteArray(8000, 'y')), qint64(8000)); // buffered: no error yet
        const Error flushed = finishOutput(out.value().get(), last);
        QVERIFY2(flushed.message.contains(QStringLiteral("No space left on device")), qPrintable(flushed.message));
        QVERIFY(!QFile::exists(last));
        QCOMPARE(QDir(mountPoint).entryList(QDir::Files), QStringList {QStringLiteral("filler")});
    }

    // A FIFO (or a device) is written into, as a shell's > would: never replaced by a file.
    void aFifoIsWrittenIntoNotReplaced()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        rig.server.setSegmentCount(vendor, 40);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        // The reader: a child that copies the FIFO to a file.
        const QString copy = dir.filePath(QStringLiteral("copy.csv"));
        QProcess cat;
        cat.setStandardOutputFile(copy);
        cat.start(QStringLiteral("cat"), {path});
        QVERIFY(cat.waitForStarted());
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        ExportJob job(&fetcher, vendorById(vendor)->columns(), path, {});
        QSignalSpy finished(&job, &ExportJob::finished);
        QSignalSpy failed(&job, &ExportJob::failed);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() + finished.size() > 0, 30000);
        QCOMPARE(failed.size(), 0);
        // The export closes what it wrote into when it ends: the reader sees the end.
        QTRY_VERIFY_WITH_TIMEOUT(cat.state() == QProcess::NotRunning, 10000);
        QFileInfo fifo(path);
        QVERIFY(!fifo.isFile()); // still the FIFO
        QCOMPARE(readFile(copy), expectedCsv(rig, vendor, 40));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::System),
                 (QStringList {QStringLiteral("copy.csv"), QStringLiteral("pipe")}));

        // /dev/null stays a device; a folder is refused.
        if (QFileInfo(QStringLiteral("/dev/null")).exists()) {
            PageFetcher again(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
            ExportJob toNull(&again, vendorById(vendor)->columns(), QStringLiteral("/dev/null"), {});
            QSignalSpy done(&toNull, &ExportJob::finished);
            toNull.start();
            QVERIFY(done.wait(30000));
            QVERIFY(!QFileInfo(QStringLiteral("/dev/null")).isFile());
        }
        ExportJob toFolder(QList<Segment> {}, vendorById(vendor)->columns(), dir.path(), {});
        QSignalSpy refused(&toFolder, &ExportJob::failed);
        toFolder.start();
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY2(refused.at(0).at(0).value<Error>().message.contains(QStringLiteral("folder")),
                 qPrintable(refused.at(0).at(0).value<Error>().message));
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
