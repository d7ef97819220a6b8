// A whole session with a known secret, debug logging on everywhere, and then a search of every
// place the secret could leak to: the settings files, log output, stdout, stderr, the CSV and the
// segment store's database (with its write-ahead log and shared-memory index).
// Also: a secret or key with a line break never reaches an HTTP header.

#include "export/exportjob.h"
#include "model/segmenttablemodel.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"
#include "secrets/memorysecretstore.h"
#include "store/segmentstore.h"
#include "store/syncjob.h"
#include "vendors/batch/batchapi.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/sailpoint/sailpointapi.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

constexpr int kWaitMs = 60000;

// Every form a secret could take on its way out: as is, percent-encoded (a URL or a form) and
// base64 (HTTP Basic, alone or after "client id:").
QList<QByteArray> leakForms(const QString &secret, const QString &clientId)
{
    const QByteArray raw = secret.toUtf8();
    QList<QByteArray> forms {raw, QUrl::toPercentEncoding(secret), raw.toBase64()};
    if (!clientId.isEmpty())
        forms << QByteArray(clientId.toUtf8() + ':' + raw).toBase64();
    return forms;
}

// The forms of `secrets` found in `text`, named by `where`; empty when clean.
QStringList leaks(const QByteArray &text, const QList<QByteArray> &forms, const QString &where)
{
    QStringList found;
    for (const QByteArray &form : forms) {
        const qsizetype at = text.indexOf(form);
        if (at < 0)
            continue;
        // Where it was, with the secret itself masked.
        QByteArray context = text.mid(std::max<qsizetype>(0, at - 80), 160 + form.size());
        context.replace(form, "<SECRET>");
        found << where + QStringLiteral(": ") + QString::fromUtf8(context);
    }
    return found;
}

QStringList leaksInFiles(const QString &dir, const QList<QByteArray> &forms)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            found << leaks(file.readAll(), forms, path);
    }
    return found;
}

// Keeps every message logged while it lives, with debug output of every category on.
class LogCapture final
{
public:
    LogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        s_lines.clear();
        s_previous = qInstallMessageHandler(&LogCapture::capture);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(s_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    Q_DISABLE_COPY_MOVE(LogCapture)

    static QByteArray text() { return s_lines.join(QLatin1Char('\n')).toUtf8(); }
    static int count() { return int(s_lines.size()); }

private:
    static void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        // Qt HttpServer's own log is the sandbox's, that is the vendor's side of the wire (it prints
        // the headers it received); it runs in this process only because the test puts it here.
        if (QByteArrayView(context.category).startsWith("qt.httpserver"))
            return;
        s_lines.append(QString::fromLatin1(context.category) + QStringLiteral(": ") + message);
        if (type != QtDebugMsg)
            s_previous(type, context, message);
    }

    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

// One vendor's session: the sandbox's secret for it, a wrong one, its profile, the CSV to write.
struct Session
{
    QString secret;
    QString wrong;
    Profile profile;
    QString csv;
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSecretHygiene final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_scratch = std::make_unique<QTemporaryDir>();
        QVERIFY(m_scratch->isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        // Settings, caches and data of the child go to the scratch folder, searched afterwards.
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
            const QString dir = m_scratch->filePath(QString::fromLatin1(name));
            QDir().mkpath(dir);
            m_env.insert(QString::fromLatin1(name), dir);
        }
        m_env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_env.remove(QStringLiteral("SEGMENT_BROWSER_SECRET"));
        m_output.clear();
    }

    void cleanup()
    {
        m_rig.reset();
        m_scratch.reset();
    }

    // profiles add (secret on stdin), export --profile, and a profile with a wrong secret (401).
    void commandLineSession_data() { vendors(); }
    void commandLineSession()
    {
        const Session session = begin();
        const QString &secret = session.secret;
        const QString &wrong = session.wrong;
        const Profile &profile = session.profile;
        const QString &csv = session.csv;

        Run add = run(QStringList {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                   QStringLiteral("good")}
                          + connectionArgs(profile),
                      secret.toUtf8() + '\n');
        if (add.exitCode != 0 && add.err.contains("keychain")) {
            check(secret, wrong, profile);
            QSKIP("No usable keychain here; run under scripts/test (the CLI export without a profile is "
                  "covered by commandLineWithoutKeychain).");
        }
        QCOMPARE(add.exitCode, 0);
        Run exported = run(
            {QStringLiteral("export"), QStringLiteral("--profile"), QStringLiteral("good"), QStringLiteral("-o"), csv});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY(QFile::exists(csv));

        Run addWrong = run(QStringList {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                        QStringLiteral("wrong")}
                               + connectionArgs(profile),
                           wrong.toUtf8() + '\n');
        QCOMPARE(addWrong.exitCode, 0);
        Run refused = run({QStringLiteral("export"), QStringLiteral("--profile"), QStringLiteral("wrong"),
                           QStringLiteral("-o"), m_scratch->filePath(QStringLiteral("refused.csv"))});
        QCOMPARE(refused.exitCode, 3); // the vendor refused the credentials
        QVERIFY(!refused.err.trimmed().isEmpty());
        QVERIFY(!QFile::exists(m_scratch->filePath(QStringLiteral("refused.csv"))));
        QVERIFY(run({QStringLiteral("profiles"), QStringLiteral("list")}).out.contains("good"));
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("good")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("wrong")}).exitCode, 0);
        check(secret, wrong, profile);
    }

    // sync (twice, the account changing in between), changes, export --offline, and a sync the
    // vendor refuses: the store's database, its write-ahead log and its shared-memory index hold
    // the segments, never the secret.
    void storeSession_data() { vendors(); }
    void storeSession()
    {
        const Session session = begin();
        const QString &secret = session.secret;
        const QString &wrong = session.wrong;
        const Profile &profile = session.profile;
        const QString &csv = session.csv;
        const QString &vendor = profile.vendor;
        m_rig->server.setSegmentCount(vendor, 60);

        Run add = run(QStringList {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                   QStringLiteral("good")}
                          + connectionArgs(profile),
                      secret.toUtf8() + '\n');
        if (add.exitCode != 0 && add.err.contains("keychain")) {
            check(secret, wrong, profile);
            QSKIP("No usable keychain here; run under scripts/test (the store in this process is covered by "
                  "inProcessSession).");
        }
        QCOMPARE(add.exitCode, 0);
        QCOMPARE(run(QStringList {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QStringLiteral("wrong")}
                         + connectionArgs(profile),
                     wrong.toUtf8() + '\n')
                     .exitCode,
                 0);

        // A connection of this process keeps the store open meanwhile, so the program's last close
        // cannot checkpoint the log away: what each command wrote is still in the -wal file.
        std::optional<SegmentStore> holder;
        holder.emplace(storePath());
        QVERIFY2(!holder->open().isError(), qPrintable(storePath()));

        const Run first = run({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("good")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        m_rig->server.setSegmentCount(vendor, 50); // the account later: ten segments gone
        const Run second = run({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("good")});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY2(second.err.contains("10 removed"), second.err.constData());
        const Run changes = run({QStringLiteral("changes"), QStringLiteral("--profile"), QStringLiteral("good")});
        QVERIFY2(changes.exitCode == 0, changes.err.constData());
        QVERIFY(changes.out.contains("removed"));
        const Run offline = run({QStringLiteral("export"), QStringLiteral("--profile"), QStringLiteral("good"),
                                 QStringLiteral("--offline"), QStringLiteral("--output"), csv});
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        QVERIFY(QFile(csv).size() > 0);
        const Run refused = run({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("wrong")});
        QCOMPARE(refused.exitCode, 3); // the vendor refused the credentials; the failed run is recorded
        QVERIFY(!refused.err.trimmed().isEmpty());

        // The files are searched as they are: the segments are there in plain text.
        const QByteArray key = vendorById(vendor)->recordKey(m_rig->server.record(vendor, 0)).toUtf8();
        QByteArray stored;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(storePath() + suffix);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            stored += file.readAll();
        }
        QVERIFY(stored.contains(key));
        QVERIFY(QFile(storePath() + QStringLiteral("-wal")).size() > 0);
        QVERIFY(stored.contains("HTTP 401")); // the refused sync's run, with the vendor's answer
        check(secret, wrong, profile);

        // Closed, the log checkpointed into the file: searched again.
        holder.reset();
        QVERIFY(QFile(storePath()).size() > 0);
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("good")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("wrong")}).exitCode, 0);
        check(secret, wrong, profile);
    }

    // Without a keychain the secret comes from the environment; the same places stay clean.
    void commandLineWithoutKeychain_data() { vendors(); }
    void commandLineWithoutKeychain()
    {
        const Session session = begin();
        const QString &secret = session.secret;
        const QString &wrong = session.wrong;
        const Profile &profile = session.profile;
        const QString &csv = session.csv;
        const QStringList exportArgs =
            QStringList {QStringLiteral("export"), QStringLiteral("-o"), csv} + connectionArgs(profile);

        m_env.insert(QStringLiteral("SEGMENT_BROWSER_SECRET"), secret);
        const Run exported = run(exportArgs);
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY(QFile(csv).size() > 0);
        m_env.insert(QStringLiteral("SEGMENT_BROWSER_SECRET"), wrong);
        const Run refused = run(QStringList {QStringLiteral("export"), QStringLiteral("-o"),
                                             m_scratch->filePath(QStringLiteral("refused.csv"))}
                                + connectionArgs(profile));
        QCOMPARE(refused.exitCode, 3);
        m_env.remove(QStringLiteral("SEGMENT_BROWSER_SECRET"));
        check(secret, wrong, profile);
    }

    // The model and the export in this process, every log category at debug, a 401 on the way.
    void inProcessSession_data() { vendors(); }
    void inProcessSession()
    {
        const Session session = begin();
        const QString &vendor = session.profile.vendor;
        const QString &secret = session.secret;
        const Profile &profile = session.profile;
        const QString &csv = session.csv;
        const QList<QByteArray> forms = leakForms(secret, profile.param(SailPointApi::clientIdKey));
        QStringList found;
        QByteArray logs;
        {
            LogCapture capture;
            SegmentTableModel model;
            model.setSource(vendorById(vendor), profile, secret);
            model.setPageSize(50);
            while (model.canFetchMore({})) {
                model.fetchMore({});
                QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
            }
            QVERIFY(model.isComplete());

            PageFetcher fetcher(vendorById(vendor), profile, secret);
            ExportJob job(&fetcher, vendorById(vendor)->columns(), csv, {});
            QSignalSpy finished(&job, &ExportJob::finished);
            job.start();
            QVERIFY(finished.wait(kWaitMs));

            PageFetcher refused(vendorById(vendor), profile, QStringLiteral("wrong-") + secret);
            QSignalSpy failed(&refused, &PageFetcher::failed);
            refused.fetch({});
            QVERIFY(failed.wait(kWaitMs));
            QCOMPARE(failed.at(0).at(1).value<Error>().kind, Error::Kind::Auth);

            // A sync into a store in the scratch folder, and one the vendor refuses (a failed run,
            // with its error, is recorded in the store).
            SegmentStore store(storePath());
            QVERIFY2(!store.open().isError(), qPrintable(storePath()));
            PageFetcher syncFetcher(vendorById(vendor), profile, secret);
            SyncJob sync(&syncFetcher, &store, {QStringLiteral("good"), {}});
            QSignalSpy synced(&sync, &SyncJob::finished);
            sync.start();
            QVERIFY(synced.wait(kWaitMs));
            PageFetcher refusedSync(vendorById(vendor), profile, QStringLiteral("wrong-") + secret);
            SyncJob refusedJob(&refusedSync, &store, {QStringLiteral("wrong"), {}});
            QSignalSpy syncFailed(&refusedJob, &SyncJob::failed);
            refusedJob.start();
            QVERIFY(syncFailed.wait(kWaitMs));
            QCOMPARE(syncFailed.at(0).at(0).value<Error>().kind, Error::Kind::Auth);
            QVERIFY(QFile::exists(storePath() + QStringLiteral("-wal")));
            found << leaksInFiles(m_scratch->path(), forms); // the store open, its log not yet checkpointed
            QVERIFY2(LogCapture::count() > 0, "debug logging was on and said something");
            logs = LogCapture::text();
        }
        QVERIFY(QFile(storePath()).size() > 0);
        found << leaks(logs, forms, QStringLiteral("log"));
        found << leaksInFiles(m_scratch->path(), forms);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral(", "))));
    }

    // A value with a line break would end one header and start another.
    void lineBreaksAreRefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("CR LF") << QStringLiteral("abc\r\nX-Injected: 1");
        QTest::newRow("LF") << QStringLiteral("abc\ndef");
        QTest::newRow("CR") << QStringLiteral("abc\rdef");
    }

    void lineBreaksAreRefused()
    {
        QFETCH(QString, value);
        // SecretStore: refused before anything is stored.
        MemorySecretStore store;
        const SecretResult written = store.waitFor(store.write(QStringLiteral("profile/x"), value));
        QCOMPARE(written.status, SecretResult::Status::Invalid);
        QCOMPARE(written.error.kind, Error::Kind::Usage);
        QCOMPARE(store.size(), 0);
        QVERIFY(!written.error.message.contains(value));

        // PageFetcher: a secret, or a key that goes into a header, with a line break sends nothing.
        m_rig = std::make_unique<SandboxRig>();
        for (const QString &vendor : allVendorIds()) {
            const Error error = fetchError(vendor, m_rig->profile(vendor), value);
            QCOMPARE(error.kind, Error::Kind::Usage);
            QVERIFY2(!error.message.contains(value), qPrintable(error.message));
        }
        const QList<std::pair<QString, QString>> headerKeys {{QStringLiteral("batch"), BatchApi::projectKey},
                                                             {QStringLiteral("amperity"), ParamKey::tenant}};
        for (const auto &[vendor, key] : headerKeys) {
            Profile profile = m_rig->profile(vendor);
            profile.params.insert(key, value);
            const Error error = fetchError(vendor, profile, m_rig->secret(vendor));
            QVERIFY2(error.kind == Error::Kind::Usage, qPrintable(error.toString()));
            QVERIFY2(!error.message.contains(value), qPrintable(error.message));
        }
        for (const QString &vendor : allVendorIds())
            QCOMPARE(m_rig->server.requestCount(vendor), 0);
        QCOMPARE(m_rig->server.requestCount(QStringLiteral("sailpoint-token")), 0);

        // profiles add: any key with a line break is refused before the keychain is touched.
        for (const QString &vendor : allVendorIds()) {
            QStringList args = QStringList {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                            QStringLiteral("p")}
                + connectionArgs(m_rig->profile(vendor));
            args.last() = value; // the value of the last key option
            const Run added = run(args, m_rig->secret(vendor).toUtf8() + '\n');
            QCOMPARE(added.exitCode, 2);
            QVERIFY2(added.err.contains("line break"), added.err.constData());
        }
        QVERIFY(run({QStringLiteral("profiles"), QStringLiteral("list")}).out.trimmed().isEmpty());
    }

    // The secret is one line of standard input; a carriage return inside it is refused.
    void profilesAddRefusesABrokenSecret()
    {
        m_rig = std::make_unique<SandboxRig>();
        const Profile profile = m_rig->profile(QStringLiteral("launchdarkly"));
        const Run added = run(QStringList {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                           QStringLiteral("p")}
                                  + connectionArgs(profile),
                              "api-abc\rX-Injected: 1\n");
        QCOMPARE(added.exitCode, 2);
        QVERIFY(!added.err.trimmed().isEmpty());
        QVERIFY(!added.err.contains("X-Injected"));
        QVERIFY(run({QStringLiteral("profiles"), QStringLiteral("list")}).out.trimmed().isEmpty());
    }

private:
    // The child's store (QStandardPaths::AppDataLocation under the scratch XDG_DATA_HOME).
    QString storePath() const
    {
        return m_scratch->filePath(QStringLiteral("XDG_DATA_HOME"))
            + QStringLiteral("/segment-browser/segment-browser/segments.sqlite");
    }

    // A sandbox for the row's vendor.
    Session begin()
    {
        QFETCH(QString, vendor);
        m_rig = std::make_unique<SandboxRig>();
        const QString secret = m_rig->secret(vendor);
        return {secret, QStringLiteral("wrong-") + secret, m_rig->profile(vendor),
                m_scratch->filePath(QStringLiteral("segments.csv"))};
    }

    static void vendors()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &v : allVendorIds())
            QTest::newRow(qPrintable(v)) << v;
    }

    static QStringList connectionArgs(const Profile &profile)
    {
        QStringList args {QStringLiteral("--vendor"), profile.vendor, QStringLiteral("--base-url"),
                          profile.baseUrl.toString()};
        const QList<std::pair<QString, QString>> options {
            {LaunchDarklyApi::projectKey, QStringLiteral("--project")},
            {LaunchDarklyApi::environmentKey, QStringLiteral("--environment")},
            {ParamKey::tenant, QStringLiteral("--tenant")},
            {SailPointApi::clientIdKey, QStringLiteral("--client-id")}};
        for (const auto &[key, option] : options) {
            if (profile.params.contains(key))
                args << option << profile.param(key);
        }
        return args;
    }

    Error fetchError(const QString &vendor, const Profile &profile, const QString &secret)
    {
        PageFetcher fetcher(vendorById(vendor), profile, secret);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
        fetcher.fetch({});
        if (!failed.wait(kWaitMs))
            return {};
        return failed.at(0).at(1).value<Error>();
    }

    // Runs the real program. The sandbox answers in this process, so the wait spins the event loop.
    Run run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessEnvironment(m_env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SB_BROWSER_BINARY), args);
        if (!process.waitForStarted(kWaitMs))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(kWaitMs)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        Run r {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
        m_output += r.out + '\n' + r.err + '\n';
        return r;
    }

    // Nothing the program printed, and no file it left, holds either secret in any form.
    void check(const QString &secret, const QString &wrong, const Profile &profile)
    {
        QList<QByteArray> forms = leakForms(secret, profile.param(SailPointApi::clientIdKey));
        forms << leakForms(wrong, profile.param(SailPointApi::clientIdKey));
        QVERIFY2(m_output.contains("sb."), "debug logging reached the output");
        QStringList found = leaks(m_output, forms, QStringLiteral("stdout/stderr"));
        found << leaksInFiles(m_scratch->path(), forms);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral(", "))));
    }

    std::unique_ptr<QTemporaryDir> m_scratch;
    QProcessEnvironment m_env;
    QByteArray m_output;
    std::unique_ptr<SandboxRig> m_rig;
};

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
