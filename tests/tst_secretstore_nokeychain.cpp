#include "nokeychain.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilesecrets.h"
#include "secrets/profilestore.h"
#include "tst_secretstore_logcapture.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb;
using namespace std::chrono_literals;
using Status = SecretResult::Status;

// The keychain cannot be reached: D-Bus points at a socket that does not exist. This runs in
// its own process because the keychain backend and the session bus are chosen once per process.
class TestSecretStoreNoKeychain final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretLogCapture> m_log;
    QTemporaryDir m_home;
    const QString m_secret = QStringLiteral("never-stored-anywhere-7f3a");

    SecretResult wait(KeychainSecretStore &store, quint64 id)
    {
        const SecretResult result = store.waitFor(id);
        [&] {
            QVERIFY(!result.ok());
            QCOMPARE(result.error.kind, Error::Kind::Storage);
            QVERIFY(!result.error.message.contains(m_secret));
        }();
        return result;
    }

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<SecretLogCapture>();
        QVERIFY(m_home.isValid());
        sb::test::pointDBusAtNothing(m_home.path());
        // Where a plain-text fallback would write, were there one.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        qputenv("HOME", QFile::encodeName(m_home.path()));
    }

    void cleanupTestCase()
    {
        // No fallback storage: nothing at all was written under the home folder.
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        QStringList written;
        while (files.hasNext())
            written.append(files.next());
        written.removeAll(m_home.filePath(QStringLiteral("profiles.ini")));
        m_log.reset();
        QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char(' '))));
        for (const QString &line : std::as_const(SecretLogCapture::lines()))
            QVERIFY2(!line.contains(m_secret), "the secret was logged");
    }

    void everyOperationReportsUnusableKeychain()
    {
        KeychainSecretStore store(QStringLiteral("segment-browser-tests"));
        store.setRetryDelay(10ms);
        SecretLogCapture::lines().clear();

        const SecretResult probed = wait(store, store.probe());
        QCOMPARE(probed.status, Status::Unavailable);
        QVERIFY(probed.keychainUnusable());
        // The first request tried once more, as for a Secret Service that is still starting.
        QCOMPARE(SecretLogCapture::lines().filter(QStringLiteral("trying once more")).size(), 1);

        // "No keychain" is not "no such entry".
        const SecretResult read = wait(store, store.read(QStringLiteral("profile/x")));
        QCOMPARE(read.status, Status::Unavailable);
        QVERIFY(read.secret.isEmpty());
        QCOMPARE(wait(store, store.write(QStringLiteral("profile/x"), m_secret)).status, Status::Unavailable);
        QCOMPARE(wait(store, store.remove(QStringLiteral("profile/x"))).status, Status::Unavailable);
        // Having failed after a retry, later requests fail at once instead of waiting again.
        QCOMPARE(SecretLogCapture::lines().filter(QStringLiteral("trying once more")).size(), 1);
    }

    void profileKeepsItsSecretWhenTheKeychainIsGone()
    {
        KeychainSecretStore secrets(QStringLiteral("segment-browser-tests"));
        secrets.setRetryDelay(10ms);
        ProfileStore profiles(m_home.filePath(QStringLiteral("profiles.ini")));
        Profile profile;
        profile.name = QStringLiteral("prod");
        profile.vendor = QStringLiteral("batch");
        QCOMPARE(profiles.add(profile).kind, Error::Kind::None);

        std::optional<Error> outcome;
        removeProfileAndSecret(profiles, secrets, profile.name, this, [&outcome](const Error &e) { outcome = e; });
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->kind, Error::Kind::Storage);
        // Not removed: otherwise its secret could stay in a keychain with nothing pointing at it.
        QVERIFY(profiles.contains(profile.name));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreNoKeychain)
#include "tst_secretstore_nokeychain.moc"
