#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "vendors/batch/batchapi.h"

#include "export/csvreader.h"
#include "secrets/keychainsecretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sb;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString secretKeyOf(const QString &profileName)
{
    Profile p;
    p.name = profileName;
    return p.secretKey();
}

} // namespace

// The real segment-browser binary, run as a user would, with its own configuration folder.
// The keychain is the session's Secret Service (scripts/test provides a throwaway one).
class TestCliProfiles final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_created; // profile names whose keychain entries cleanup() removes

    QString configHome() const { return m_dir.filePath(QStringLiteral("config")); }

    // Runs the binary to the end while this process's event loop (and so the sandbox) keeps going.
    static Run run(const QStringList &args, const QByteArray &input = {},
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SB_SEGMENT_BROWSER), args);
        Run result;
        if (!process.waitForStarted(30000))
            return result;
        process.write(input);
        process.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000))
            process.kill();
        process.waitForFinished(30000);
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        env.remove(QStringLiteral("SEGMENT_BROWSER_SECRET"));
        return env;
    }

    Run runHere(const QStringList &args, const QByteArray &input = {}) const { return run(args, input, environment()); }

    static SecretResult readKeychain(const QString &profileName)
    {
        KeychainSecretStore keychain;
        return keychain.waitFor(keychain.read(secretKeyOf(profileName)));
    }

    QString uniqueName(const QString &stem)
    {
        const QString name = stem + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        m_created << name;
        return name;
    }

    static QStringList launchDarklyArgs(const QString &name)
    {
        return {QStringLiteral("profiles"),      QStringLiteral("add"),
                QStringLiteral("--name"),        name,
                QStringLiteral("--vendor"),      QStringLiteral("launchdarkly"),
                QStringLiteral("--project"),     QStringLiteral("default"),
                QStringLiteral("--environment"), QStringLiteral("production")};
    }

    // Every file under the configuration folder, with its contents.
    QByteArray allConfigBytes() const
    {
        QByteArray all;
        QDirIterator it(configHome(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

    static void needKeychain()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run under scripts/test.");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(QStringLiteral(SB_SEGMENT_BROWSER)));
    }

    void cleanup()
    {
        KeychainSecretStore keychain;
        for (const QString &name : std::as_const(m_created)) {
            if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
                keychain.waitFor(keychain.remove(secretKeyOf(name)));
        }
        m_created.clear();
        QDir(configHome()).removeRecursively();
    }

    void addReadsTheSecretFromStandardInput()
    {
        needKeychain();
        const QString name = uniqueName(QStringLiteral("Prod"));
        const QByteArray secret = "api-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        const Run added = runHere(launchDarklyArgs(name), secret + '\n');
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(added.err.contains(name.toUtf8()));

        const SecretResult stored = readKeychain(name);
        QVERIFY2(stored.ok(), qPrintable(stored.error.message));
        QCOMPARE(stored.secret, QString::fromLatin1(secret));
        // The profile is in the configuration folder; the secret is not, nor in any output.
        QVERIFY(allConfigBytes().contains(name.toUtf8()));
        QVERIFY(!allConfigBytes().contains(secret));
        QVERIFY(!added.out.contains(secret));
        QVERIFY(!added.err.contains(secret));
    }

    void listNeverPrintsTheSecret()
    {
        needKeychain();
        const QString name = uniqueName(QStringLiteral("Listed"));
        const QByteArray secret = "api-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        QCOMPARE(runHere(launchDarklyArgs(name), secret + '\n').exitCode, 0);

        const Run listed = runHere({QStringLiteral("profiles"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        const QList<QByteArray> lines = listed.out.split('\n');
        const auto line = std::find_if(lines.cbegin(), lines.cend(), [&](const QByteArray &l) {
            return l.startsWith(QByteArray(name.toUtf8() + '\t'));
        });
        QVERIFY2(line != lines.cend(), listed.out.constData());
        QVERIFY(line->contains("\tlaunchdarkly\t"));
        QVERIFY(line->contains("environment=production"));
        QVERIFY(!listed.out.contains(secret));
        QVERIFY(!listed.err.contains(secret));
    }

    void removeDeletesTheKeychainEntry()
    {
        needKeychain();
        const QString name = uniqueName(QStringLiteral("Removed"));
        QCOMPARE(runHere(launchDarklyArgs(name), "api-to-remove\n").exitCode, 0);
        QVERIFY(readKeychain(name).ok());

        const Run removed = runHere({QStringLiteral("profiles"), QStringLiteral("remove"), name});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QCOMPARE(readKeychain(name).status, SecretResult::Status::NotFound);
        const Run listed = runHere({QStringLiteral("profiles"), QStringLiteral("list")});
        QVERIFY(!listed.out.contains(name.toUtf8()));

        // Removing it again is a usage error that says what is wrong.
        const Run again = runHere({QStringLiteral("profiles"), QStringLiteral("remove"), name});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(!again.err.isEmpty());
    }

    void exportUsesTheProfile()
    {
        needKeychain();
        test::SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("batch"), 25);
        const Profile demo = rig.profile(QStringLiteral("batch"));
        const QString name = uniqueName(QStringLiteral("Sandbox"));
        const Run added =
            runHere({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"), name,
                     QStringLiteral("--vendor"), QStringLiteral("batch"), QStringLiteral("--project"),
                     demo.param(BatchApi::projectKey), QStringLiteral("--base-url"), demo.baseUrl.toString()},
                    rig.secret(QStringLiteral("batch")).toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, added.err.constData());

        const QString output = m_dir.filePath(QStringLiteral("segments.csv"));
        const Run exported =
            runHere({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--output"), output});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(!csv.contains(rig.secret(QStringLiteral("batch")).toUtf8()));
        const QStringList keys = rig.expectedKeys(QStringLiteral("batch"), 25);
        // A header and one record per segment, each starting with its key.
        bool ok = false;
        const QList<QStringList> records = parseCsv(csv, &ok);
        QVERIFY(ok);
        QCOMPARE(records.size(), 26);
        for (int i = 0; i < keys.size(); ++i)
            QCOMPARE(records.at(i + 1).value(0), keys.at(i));
    }

    // A LaunchDarkly profile on the sandbox, with `token` as its secret.
    QString addLaunchDarkly(const test::SandboxRig &rig, const QString &token,
                            const QString &environment = QStringLiteral("production"))
    {
        const QString name = uniqueName(QStringLiteral("LD"));
        QStringList args = launchDarklyArgs(name);
        args.replace(args.indexOf(QStringLiteral("production")), environment);
        args << QStringLiteral("--base-url") << rig.profile(QStringLiteral("launchdarkly")).baseUrl.toString();
        const Run added = runHere(args, token.toUtf8() + '\n');
        if (added.exitCode != 0)
            qWarning() << added.err;
        return added.exitCode == 0 ? name : QString();
    }

    void environmentsListsEveryProjectAndEnvironment()
    {
        needKeychain();
        test::SandboxRig rig;
        const QString name = addLaunchDarkly(rig, rig.secret(QStringLiteral("launchdarkly")));
        QVERIFY(!name.isEmpty());
        const Run listed = runHere({QStringLiteral("environments"), QStringLiteral("--profile"), name});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        bool ok = false;
        const QList<QStringList> rows = parseCsv(listed.out, &ok);
        QVERIFY(ok);
        QList<QStringList> expected {{QStringLiteral("project"), QStringLiteral("project_name"),
                                      QStringLiteral("environment"), QStringLiteral("environment_name")}};
        for (const datagen::LdProject &p : datagen::launchDarklyProjects()) {
            for (const datagen::LdEnvironment &e : p.environments)
                expected.append({p.key, p.name, e.key, e.name});
        }
        QCOMPARE(rows, expected);
        QVERIFY(!listed.out.contains(rig.secret(QStringLiteral("launchdarkly")).toUtf8()));

        // To a file, which appears whole.
        const QString output = m_dir.filePath(QStringLiteral("environments.csv"));
        const Run toFile = runHere(
            {QStringLiteral("environments"), QStringLiteral("--profile"), name, QStringLiteral("--output"), output});
        QVERIFY2(toFile.exitCode == 0, toFile.err.constData());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), listed.out);
    }

    void environmentsRefusedSaysWhyAndWritesNothing()
    {
        needKeychain();
        test::SandboxRig rig;
        const QString name = addLaunchDarkly(rig, SandboxCredentials::ldReaderToken());
        QVERIFY(!name.isEmpty());
        const QString output = m_dir.filePath(QStringLiteral("refused.csv"));
        const Run listed = runHere(
            {QStringLiteral("environments"), QStringLiteral("--profile"), name, QStringLiteral("--output"), output});
        QCOMPARE(listed.exitCode, 3);
        QVERIFY2(listed.err.contains("Access to the requested resource was denied"), listed.err.constData());
        QVERIFY(!QFile::exists(output));
        // An unknown profile is a usage error.
        const Run batch =
            runHere({QStringLiteral("environments"), QStringLiteral("--profile"), QStringLiteral("nope")});
        QCOMPARE(batch.exitCode, 2);
    }

    void exportOtherProjectAndEnvironmentWithFlags()
    {
        needKeychain();
        test::SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 120);
        const QString name = addLaunchDarkly(rig, rig.secret(QStringLiteral("launchdarkly")));
        QVERIFY(!name.isEmpty());
        const Run exported =
            runHere({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--project"),
                     QStringLiteral("default"), QStringLiteral("--environment"), QStringLiteral("staging"),
                     QStringLiteral("--columns"), QStringLiteral("key,flags"), QStringLiteral("--output"),
                     QStringLiteral("-")});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        bool ok = false;
        const QList<QStringList> rows = parseCsv(exported.out, &ok);
        QVERIFY(ok);
        const int segments = datagen::launchDarklyScopeCount(QStringLiteral("default"), QStringLiteral("staging"), 120);
        QCOMPARE(
            rows.size(),
            qsizetype(
                datagen::launchDarklyScopeListing(QStringLiteral("default"), QStringLiteral("staging"), 120, 0).size())
                + 1);
        QCOMPARE(rows.constFirst(), (QStringList {QStringLiteral("key"), QStringLiteral("flags")}));
        QHash<QString, QStringList> expected;
        for (int f = 0; f < datagen::launchDarklyFlagCount(120); ++f) {
            const QString flag =
                datagen::launchDarklyFlag(f, QStringLiteral("default"), QStringLiteral("staging"), segments, false)
                    .value(QStringLiteral("key"))
                    .toString();
            for (const QString &segment : datagen::launchDarklyFlagSegments(f, QStringLiteral("staging"), segments))
                expected[segment] << flag;
        }
        int used = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).value(1), expected.value(rows.at(i).value(0)).join(QLatin1Char(';')));
            used += rows.at(i).value(1).isEmpty() ? 0 : 1;
        }
        QVERIFY(used > 3);

        // A key LaunchDarkly profiles do not have is a usage error.
        const Run wrongKey =
            runHere({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--tenant"),
                     QStringLiteral("x"), QStringLiteral("--output"), QStringLiteral("-")});
        QCOMPARE(wrongKey.exitCode, 2);
        QVERIFY2(wrongKey.err.contains("--tenant"), wrongKey.err.constData());
    }

    void exportFailsWholeWhenTheFlagsCannotBeRead()
    {
        needKeychain();
        test::SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 30);
        const QString name = addLaunchDarkly(rig, rig.secret(QStringLiteral("launchdarkly")));
        QVERIFY(!name.isEmpty());
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly-flags:401")));
        const QString output = m_dir.filePath(QStringLiteral("unwritten.csv"));
        const Run exported =
            runHere({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--columns"),
                     QStringLiteral("key,flags"), QStringLiteral("--output"), output});
        QCOMPARE(exported.exitCode, 3);
        QVERIFY2(exported.err.contains("flags column") && exported.err.contains("Invalid access token"),
                 exported.err.constData());
        QVERIFY(!QFile::exists(output));
        // Without the column, the flags are not read at all.
        const Run plain =
            runHere({QStringLiteral("export"), QStringLiteral("--profile"), name, QStringLiteral("--output"), output});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
    }

    void diffOfTwoEnvironmentsIsExactlyTheirDifferences()
    {
        needKeychain();
        test::SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 200);
        const QString production = addLaunchDarkly(rig, rig.secret(QStringLiteral("launchdarkly")));
        const QString staging =
            addLaunchDarkly(rig, rig.secret(QStringLiteral("launchdarkly")), QStringLiteral("staging"));
        QVERIFY(!production.isEmpty() && !staging.isEmpty());
        const Run diff = runHere(
            {QStringLiteral("diff"), QStringLiteral("--profile"), production, QStringLiteral("--profile"), staging});
        QVERIFY2(diff.exitCode == 1, diff.err.constData());
        bool ok = false;
        const QList<QStringList> rows = parseCsv(diff.out, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.constFirst(),
                 (QStringList {QStringLiteral("status"), QStringLiteral("key"), QStringLiteral("name_a"),
                               QStringLiteral("name_b"), QStringLiteral("fields")}));
        QList<datagen::ScopeDifference> expected = datagen::launchDarklyStagingDifferences(200);
        std::sort(expected.begin(), expected.end(),
                  [](const datagen::ScopeDifference &a, const datagen::ScopeDifference &b) { return a.key < b.key; });
        QCOMPARE(rows.size(), expected.size() + 1);
        QVERIFY(expected.size() > 10);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QStringList &row = rows.at(i + 1);
            QCOMPARE(row.value(0), expected.at(i).status);
            QCOMPARE(row.value(1), expected.at(i).key);
            QCOMPARE(row.value(2).isEmpty(), expected.at(i).status == QLatin1String("only-b"));
            QCOMPARE(row.value(3).isEmpty(), expected.at(i).status == QLatin1String("only-a"));
            QCOMPARE(row.value(4), expected.at(i).fields.join(QLatin1Char(';')));
        }

        // A profile against itself: nothing, exit 0.
        const Run same = runHere(
            {QStringLiteral("diff"), QStringLiteral("--profile"), production, QStringLiteral("--profile"), production});
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(parseCsv(same.out, &ok).size(), 1);

        // Stored: the same differences from the snapshots, with no network.
        const Run synced = runHere(
            {QStringLiteral("sync"), QStringLiteral("--profile"), production, QStringLiteral("--profile"), staging});
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        const Run offline = runHere({QStringLiteral("diff"), QStringLiteral("--profile"), production,
                                     QStringLiteral("--profile"), staging, QStringLiteral("--offline")});
        QCOMPARE(offline.exitCode, 1);
        QCOMPARE(offline.out, diff.out);

        // One side failing midway is an error, never a partial comparison; nothing is written.
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly:401@after5")));
        const QString output = m_dir.filePath(QStringLiteral("diff.csv"));
        const Run broken = runHere({QStringLiteral("diff"), QStringLiteral("--profile"), production,
                                    QStringLiteral("--profile"), staging, QStringLiteral("--output"), output});
        QCOMPARE(broken.exitCode, 3);
        QVERIFY2(broken.err.contains("Invalid access token"), broken.err.constData());
        QVERIFY(!QFile::exists(output));
    }

    void diffRefusesProfilesOfTwoVendors()
    {
        needKeychain();
        test::SandboxRig rig;
        const QString ld = addLaunchDarkly(rig, rig.secret(QStringLiteral("launchdarkly")));
        const QString batch = uniqueName(QStringLiteral("Batch"));
        const Profile demo = rig.profile(QStringLiteral("batch"));
        const Run added =
            runHere({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"), batch,
                     QStringLiteral("--vendor"), QStringLiteral("batch"), QStringLiteral("--project"),
                     demo.param(BatchApi::projectKey), QStringLiteral("--base-url"), demo.baseUrl.toString()},
                    rig.secret(QStringLiteral("batch")).toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const Run diff =
            runHere({QStringLiteral("diff"), QStringLiteral("--profile"), ld, QStringLiteral("--profile"), batch});
        QCOMPARE(diff.exitCode, 2);
        QVERIFY2(diff.err.contains("only profiles of one vendor compare"), diff.err.constData());
        QCOMPARE(runHere({QStringLiteral("diff"), QStringLiteral("--profile"), ld}).exitCode, 2);
        QVERIFY(diff.out.isEmpty());
    }

    void exportWithAnUnknownProfile()
    {
        const Run exported = runHere({QStringLiteral("export"), QStringLiteral("--profile"), QStringLiteral("Nobody"),
                                      QStringLiteral("--output"), m_dir.filePath(QStringLiteral("none.csv"))});
        QCOMPARE(exported.exitCode, 2);
        QVERIFY(exported.err.contains("no profile named 'Nobody'"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.csv"))));
    }

    void addWithoutAKeychainFailsAndWritesNothing()
    {
        QProcessEnvironment env = environment();
        // A bus that is not there: QtKeychain cannot reach any Secret Service.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-such-bus")));
        const QString name = QStringLiteral("Nowhere");
        const Run added = run(launchDarklyArgs(name), "api-kept-nowhere\n", env);
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains("no usable keychain"), added.err.constData());
        QVERIFY(!added.err.contains("api-kept-nowhere"));
        // It ends with one clear line (the keychain's log lines may come before it).
        const QList<QByteArray> lines = added.err.trimmed().split('\n');
        QVERIFY2(lines.constLast().startsWith("segment-browser: no usable keychain, so the secret was not stored"),
                 added.err.constData());
        // Nothing anywhere: no profile, no settings file, nothing with the secret.
        QCOMPARE(allConfigBytes(), QByteArray());
        const Run listed = runHere({QStringLiteral("profiles"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(!listed.out.contains(name.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles.moc"
