#include "export/csvwriter.h"
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/sailpoint/sailpointapi.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

struct Run
{
    int exitCode = -1; // -1: did not finish, or crashed
    QByteArray out;
    QByteArray err;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What the export must write: the vendor's records through CsvWriter, with `extra` fields added
// as columns after the vendor's own, and `order` picking the output columns (empty: the vendor's).
QByteArray expectedCsv(const SandboxRig &rig, const QString &vendor, int n, const QStringList &extra = {},
                       QList<int> order = {}, const CsvOptions &options = {})
{
    QList<Column> columns = vendorById(vendor)->columns();
    const qsizetype own = columns.size();
    for (const QString &field : extra)
        columns.append({field, ValueType::Json});
    if (order.isEmpty()) {
        for (int i = 0; i < own; ++i)
            order << i;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    writer.writeHeader(order, columns);
    for (int i = 0; i < n; ++i)
        writer.writeSegment(Segment::fromRecord(rig.server.record(vendor, i), columns.mid(0, own)), order, columns);
    return buffer.data();
}

} // namespace

// The real segment-browser binary against a sandbox in this process. The sandbox answers from
// this process's event loop, so the child is awaited with a QSignalSpy, never blocking.
class TestCliExport final : public QObject
{
    Q_OBJECT

private:
    SandboxRig *m_rig = nullptr;
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QStringList m_leaks; // runs whose output showed the secret they were given

    // --vendor, --base-url and the profile keys of the sandbox's demo profile for `vendor`.
    QStringList connection(const QString &vendor) const
    {
        const Profile p = m_rig->profile(vendor);
        QStringList args = {QStringLiteral("--vendor"), vendor, QStringLiteral("--base-url"), p.baseUrl.toString()};
        const QList<std::pair<QString, QString>> keys = {
            {LaunchDarklyApi::projectKey, QStringLiteral("--project")},
            {LaunchDarklyApi::environmentKey, QStringLiteral("--environment")},
            {ParamKey::tenant, QStringLiteral("--tenant")},
            {SailPointApi::clientIdKey, QStringLiteral("--client-id")}};
        for (const auto &[key, option] : keys) {
            if (!p.param(key).isEmpty())
                args << option << p.param(key);
        }
        return args;
    }

    Run run(const QStringList &args, const QString &secret)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SEGMENT_BROWSER_SECRET"), secret);
        // No saved profiles, keychain or settings of the user's: a home of its own.
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the command line needs no display at all
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SEGMENT_BROWSER_PATH), QStringList {QStringLiteral("export")} + args);
        Run r;
        if (!process.waitForStarted() || !finished.wait(120000) || process.exitStatus() != QProcess::NormalExit)
            return r;
        r.exitCode = process.exitCode();
        r.out = process.readAllStandardOutput();
        r.err = process.readAllStandardError();
        if (!secret.isEmpty() && (r.out.contains(secret.toUtf8()) || r.err.contains(secret.toUtf8())))
            m_leaks << args.join(QLatin1Char(' '));
        return r;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void init()
    {
        m_rig = new SandboxRig;
        m_leaks.clear();
    }

    void cleanup()
    {
        // The secret never reaches standard output or standard error, whatever happened.
        QVERIFY2(m_leaks.isEmpty(), qPrintable(m_leaks.join(QLatin1Char('\n'))));
        delete m_rig;
        m_rig = nullptr;
        for (const QString &f : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(m_dir.filePath(f));
    }

    void eachVendorToAFile_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &v : allVendorIds())
            QTest::newRow(qPrintable(v)) << v;
    }

    void eachVendorToAFile()
    {
        QFETCH(QString, vendor);
        const int n = 157;
        m_rig->server.setSegmentCount(vendor, n);
        const QString secret = m_rig->secret(vendor);
        const QString out = path(QStringLiteral("%1.csv").arg(vendor));
        const Run r = run(connection(vendor) << QStringLiteral("--output") << out, secret);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readFile(out), expectedCsv(*m_rig, vendor, n));
        // Not a terminal: no progress, nothing to say.
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.out, QByteArray());
    }

    void standardOutput()
    {
        m_rig->server.setSegmentCount(kLd, 45);
        const Run r = run(connection(kLd) << QStringLiteral("--output") << QStringLiteral("-")
                                          << QStringLiteral("--bom") << QStringLiteral("--no-formula-guard"),
                          m_rig->secret(kLd));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        CsvOptions options;
        options.bom = true;
        options.formulaGuard = false;
        QCOMPARE(r.out, expectedCsv(*m_rig, kLd, 45, {}, {}, options));
        QVERIFY(r.out.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(r.err, QByteArray());
        QVERIFY(QDir(m_dir.path()).isEmpty());
    }

    void extraColumns()
    {
        const int n = 60;
        m_rig->server.setSegmentCount(kLd, n);
        const QList<Column> own = vendorById(kLd)->columns();
        // Fields the vendor's default columns leave out, a nested one and one no record has.
        const QStringList extra = {QStringLiteral("rules"), QStringLiteral("_links.self.href"),
                                   QStringLiteral("noSuchField")};
        QVERIFY(m_rig->server.record(kLd, 0).contains(QStringLiteral("rules")));
        for (const QString &field : extra)
            QVERIFY(std::none_of(own.cbegin(), own.cend(), [&](const Column &c) { return c.field == field; }));
        const QString out = path(QStringLiteral("extra.csv"));
        const QString columns = QStringLiteral("rules, %1,_links.self.href,noSuchField").arg(own.at(0).field);
        const Run r =
            run(connection(kLd) << QStringLiteral("--columns=") + columns << QStringLiteral("--output") << out,
                m_rig->secret(kLd));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const int first = int(own.size());
        const QByteArray expected = expectedCsv(*m_rig, kLd, n, extra, {first, 0, first + 1, first + 2});
        QCOMPARE(readFile(out), expected);
        QVERIFY(expected.startsWith(
            QStringLiteral("rules,%1,_links.self.href,noSuchField\r\n").arg(own.at(0).field).toUtf8()));
    }

    void malformedColumnIsAUsageError_data()
    {
        QTest::addColumn<QString>("columns");
        QTest::newRow("empty name") << QStringLiteral("key,,name");
        QTest::newRow("space inside") << QStringLiteral("owner id");
        QTest::newRow("empty path part") << QStringLiteral("owner..id");
        QTest::newRow("nothing") << QString();
    }

    void malformedColumnIsAUsageError()
    {
        QFETCH(QString, columns);
        const QString out = path(QStringLiteral("never.csv"));
        const Run r =
            run(connection(kLd) << QStringLiteral("--columns=") + columns << QStringLiteral("--output") << out,
                m_rig->secret(kLd));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("malformed column name"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(out));
        QCOMPARE(m_rig->server.requestCount(kLd), 0);
    }

    void malformedFilterSaysWhere()
    {
        const QString out = path(QStringLiteral("never.csv"));
        const Run r =
            run(connection(kLd) << QStringLiteral("--filter=tags anyOf [\"beta\"") << QStringLiteral("--output") << out,
                m_rig->secret(kLd));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("segment-browser: "), r.err.constData());
        // Where the parser stopped, and where the '[' it wanted closed is.
        QVERIFY2(r.err.contains("at character 19:"), r.err.constData());
        QVERIFY2(r.err.contains("'[' at character 12"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(out));
        QCOMPARE(m_rig->server.requestCount(kLd), 0);
    }

    void unknownOptionIsAUsageError()
    {
        const Run r = run(connection(kLd) << QStringLiteral("--colums=key") << QStringLiteral("--output")
                                          << path(QStringLiteral("never.csv")),
                          m_rig->secret(kLd));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("colums"), r.err.constData());
        QVERIFY(QDir(m_dir.path()).isEmpty());
    }

    void wrongKeyIsRefused_data() { eachVendorToAFile_data(); }

    void wrongKeyIsRefused()
    {
        QFETCH(QString, vendor);
        const QString wrong = QStringLiteral("not-the-key-4f1d2c");
        const QString out = path(QStringLiteral("refused.csv"));
        const Run r = run(connection(vendor) << QStringLiteral("--output") << out, wrong);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.startsWith("segment-browser: HTTP 40"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(out));
        if (vendor == kLd) // the vendor's own words, as the sandbox plays them
            QVERIFY2(r.err.contains("Invalid access token"), r.err.constData());
    }

    void aServerThatKeepsFailing()
    {
        m_rig->server.setSegmentCount(kLd, 30);
        QVERIFY(m_rig->server.setFaults(QStringLiteral("all:500")));
        const QString out = path(QStringLiteral("failed.csv"));
        const Run r = run(connection(kLd) << QStringLiteral("--output") << out, m_rig->secret(kLd));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("HTTP 500"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(QDir(m_dir.path()).isEmpty());
    }

    // A total the pages contradict: every row written, exit 0, and a warning a log keeps.
    void aLyingTotalWritesEveryRowAndWarns()
    {
        m_rig->server.setSegmentCount(kLd, 120);
        QVERIFY(m_rig->server.setFaults(QStringLiteral("launchdarkly:total=10")));
        const QString out = path(QStringLiteral("all.csv"));
        const Run r = run(connection(kLd) << QStringLiteral("--output") << out, m_rig->secret(kLd));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readFile(out), expectedCsv(*m_rig, kLd, 120));
        QCOMPARE(r.err.trimmed(),
                 QByteArray("segment-browser: warning: The server said 10 segments in all, but its "
                            "pages held 120; all 120 were written."));
    }

    // A FIFO or a device is written into as a shell's > would: never replaced by a regular file.
    void aDeviceIsWrittenIntoNotReplaced()
    {
        m_rig->server.setSegmentCount(kLd, 20);
        const Run r =
            run(connection(kLd) << QStringLiteral("--output") << QStringLiteral("/dev/null"), m_rig->secret(kLd));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!QFileInfo(QStringLiteral("/dev/null")).isFile());
        QVERIFY(QFileInfo(QStringLiteral("/dev/null")).exists());
    }

    // The secret given in the environment is taken out of it at start (its bytes too, where
    // /proc/<pid>/environ shows them), and the process writes no core file that could hold it.
    void theSecretLeavesTheEnvironmentAndNoCoreIsWritten()
    {
        m_rig->server.setSegmentCount(kLd, 10);
        QVERIFY(m_rig->server.setFaults(QStringLiteral("launchdarkly:latency=1500")));
        const QString secret = m_rig->secret(kLd);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SEGMENT_BROWSER_SECRET"), secret);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SEGMENT_BROWSER_PATH),
                      QStringList {QStringLiteral("export")} + connection(kLd)
                          << QStringLiteral("--output") << QStringLiteral("-"));
        QVERIFY(process.waitForStarted());
        // Running, and past its start: its first request waits in the sandbox.
        QTRY_VERIFY_WITH_TIMEOUT(m_rig->server.requestCount(kLd) >= 1, 30000);
        const QString proc = QStringLiteral("/proc/%1/").arg(process.processId());
        QFile environ(proc + QStringLiteral("environ"));
        if (environ.open(QIODevice::ReadOnly)) {
            const QByteArray all = environ.readAll();
            QVERIFY(!all.isEmpty());
            QVERIFY2(!all.contains(secret.toUtf8()), "the secret is still in /proc/<pid>/environ");
        } // else: not dumpable, so not readable by this user either: the point
        QFile limits(proc + QStringLiteral("limits"));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = limits.readAll().split('\n');
        const auto core = std::find_if(lines.cbegin(), lines.cend(),
                                       [](const QByteArray &l) { return l.startsWith("Max core file size"); });
        QVERIFY(core != lines.cend());
        QCOMPARE(core->mid(qstrlen("Max core file size")).simplified(), QByteArray("0 0 bytes"));
        QVERIFY(finished.wait(60000));
        QCOMPARE(process.exitCode(), 0); // the secret, taken out of the environment, still did its work
        QCOMPARE(process.readAllStandardOutput(), expectedCsv(*m_rig, kLd, 10));
    }

    // SIGINT, SIGTERM or SIGHUP midway: the export is cancelled, the old file stays as it was,
    // nothing else is left in the folder, and the exit code is 128 + the signal.
    void aSignalCancelsCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGHUP") << SIGHUP;
    }
    void aSignalCancelsCleanly()
    {
        QFETCH(int, signal);
        m_rig->server.setSegmentCount(QStringLiteral("batch"), 2000);
        QVERIFY(m_rig->server.setFaults(QStringLiteral("batch:latency=300")));
        const QString out = path(QStringLiteral("out.csv"));
        {
            QFile old(out);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the previous export\r\n");
        }
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SEGMENT_BROWSER_SECRET"), m_rig->secret(QStringLiteral("batch")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SEGMENT_BROWSER_PATH),
                      QStringList {QStringLiteral("export")} + connection(QStringLiteral("batch")) << QStringLiteral(
                          "--page-size") << QStringLiteral("100") << QStringLiteral("--output") << out);
        QVERIFY(process.waitForStarted());
        // Some pages written already.
        QTRY_VERIFY_WITH_TIMEOUT(m_rig->server.requestCount(QStringLiteral("batch")) >= 3, 30000);
        QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 128 + signal);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("nothing was written"), err.constData());
        QCOMPARE(readFile(out), QByteArray("the previous export\r\n"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("out.csv")});
    }

    void anUnwritableOutput()
    {
        m_rig->server.setSegmentCount(kLd, 10);
        const QString out = path(QStringLiteral("no-such-folder/x.csv"));
        const Run r = run(connection(kLd) << QStringLiteral("--output") << out, m_rig->secret(kLd));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("no-such-folder"), r.err.constData());
        QVERIFY(QDir(m_dir.path()).isEmpty());
    }

    void helpNamesEachKeyAndTheVendorsThatUseIt()
    {
        const Run r = run({QStringLiteral("--help")}, QString());
        QCOMPARE(r.exitCode, 0);
        const QString help = QString::fromUtf8(r.out).simplified();
        for (const char *line :
             {"--project <K> Project key (Batch, LaunchDarkly).", "--environment <K> Environment key (LaunchDarkly).",
              "--tenant <T> Tenant ID (Amperity, SailPoint Identity Security Cloud).",
              "--client-id <ID> Client ID (SailPoint Identity Security Cloud).",
              "--filter <EXPR> Server-side filter, in the vendor's filter language (LaunchDarkly).",
              "SEGMENT_BROWSER_SECRET (Batch: REST API key; LaunchDarkly: Access token; Amperity: "
              "Access token; SailPoint Identity Security Cloud: Client secret)."})
            QVERIFY2(help.contains(QLatin1String(line)), line);
    }

    void aMissingKeyIsNamedByItsOption()
    {
        const Run r = run({QStringLiteral("--vendor"), QStringLiteral("sailpoint"), QStringLiteral("--tenant"),
                           QStringLiteral("acme"), QStringLiteral("--output"), path(QStringLiteral("x.csv"))},
                          QStringLiteral("s3cret-value-9"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("SailPoint Identity Security Cloud needs --client-id (Client ID)"), r.err.constData());
    }

    void noSecretIsAUsageError()
    {
        const Run r = run(connection(kLd) << QStringLiteral("--output") << path(QStringLiteral("x.csv")), QString());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("SEGMENT_BROWSER_SECRET"), r.err.constData());
        QCOMPARE(m_rig->server.requestCount(kLd), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
