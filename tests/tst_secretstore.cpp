#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "tst_secretstore_logcapture.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace sb;
using Status = SecretResult::Status;

class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretLogCapture> m_log;
    // Runs one request to completion through the callback path; `out` is Failed unless it completed.
    template<class Start> void runInto(SecretStore &store, Start start, SecretResult &out)
    {
        std::optional<SecretResult> result;
        QSignalSpy finished(&store, &SecretStore::finished);
        const quint64 id = start([&result](const SecretResult &r) { result = r; });
        // Never before the call returned: that is what makes a local event loop safe.
        QVERIFY2(!result, "completed before the call returned");
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QCOMPARE(result->requestId, id);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<SecretResult>().requestId, id);
        checkResultIsClean(*result);
        out = *result;
    }

    template<class Start> SecretResult run(SecretStore &store, Start start)
    {
        SecretResult out;
        out.status = Status::Failed;
        runInto(store, start, out);
        return out;
    }

    SecretResult read(SecretStore &store, const QString &key)
    {
        return run(store, [&](SecretStore::Callback cb) { return store.read(key, this, cb); });
    }
    SecretResult write(SecretStore &store, const QString &key, const QString &secret)
    {
        m_secrets.append(secret);
        return run(store, [&](SecretStore::Callback cb) { return store.write(key, secret, this, cb); });
    }
    SecretResult remove(SecretStore &store, const QString &key)
    {
        return run(store, [&](SecretStore::Callback cb) { return store.remove(key, this, cb); });
    }
    SecretResult probe(SecretStore &store)
    {
        return run(store, [&](SecretStore::Callback cb) { return store.probe(this, cb); });
    }

    void checkResultIsClean(const SecretResult &result)
    {
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(secret.isEmpty() || !result.error.message.contains(secret),
                     "an error message contains the secret");
        if (result.ok()) {
            QCOMPARE(result.error.kind, Error::Kind::None);
        } else {
            QVERIFY(!result.error.message.isEmpty());
            QCOMPARE(result.error.kind, result.status == Status::Invalid ? Error::Kind::Usage : Error::Kind::Storage);
        }
    }

    // The whole behaviour every store shares: stores, reads, overwrites and deletes.
    void checkLifecycle(SecretStore &store, const QString &key)
    {
        const SecretResult missing = read(store, key);
        QCOMPARE(missing.status, Status::NotFound);
        QVERIFY(!missing.keychainUnusable());
        QCOMPARE(missing.operation, SecretResult::Operation::Read);
        QCOMPARE(missing.key, key);

        QCOMPARE(write(store, key, QStringLiteral("first-secret-ÄÖ-🔑")).status, Status::Ok);
        SecretResult got = read(store, key);
        QCOMPARE(got.status, Status::Ok);
        QCOMPARE(got.secret, QStringLiteral("first-secret-ÄÖ-🔑"));

        QCOMPARE(write(store, key, QStringLiteral("second secret")).status, Status::Ok);
        got = read(store, key);
        QCOMPARE(got.status, Status::Ok);
        QCOMPARE(got.secret, QStringLiteral("second secret"));

        const SecretResult removed = remove(store, key);
        QCOMPARE(removed.status, Status::Ok);
        QCOMPARE(removed.operation, SecretResult::Operation::Remove);
        QCOMPARE(read(store, key).status, Status::NotFound);
        // Removing what is not there is not an error: removal can always pair with a profile's.
        QCOMPARE(remove(store, key).status, Status::Ok);
    }

    void checkRefusals(SecretStore &store, const QString &key)
    {
        QCOMPARE(write(store, key, QStringLiteral("kept")).status, Status::Ok);
        const QString refused[] = {
            QStringLiteral("abc\r\nX-Injected: 1"),
            QStringLiteral("abc\n"),
            QStringLiteral("\rabc"),
            QString(QStringLiteral("ab") + QChar(u'\0') + QStringLiteral("c")),
            QString(),
        };
        for (const QString &secret : refused) {
            const SecretResult result = write(store, key, secret);
            QCOMPARE(result.status, Status::Invalid);
            QCOMPARE(result.error.kind, Error::Kind::Usage);
            QCOMPARE(SecretStore::validateSecret(secret).kind, Error::Kind::Usage);
        }
        // A refused write changes nothing.
        QCOMPARE(read(store, key).secret, QStringLiteral("kept"));
        QCOMPARE(write(store, QString(), QStringLiteral("no key")).status, Status::Invalid);
        QCOMPARE(read(store, QString()).status, Status::Invalid);
        QCOMPARE(remove(store, QString()).status, Status::Invalid);
        QCOMPARE(remove(store, key).status, Status::Ok);
    }

    static QString uniqueKey()
    {
        return QStringLiteral("profile/tst-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    QStringList m_secrets;

private slots:
    void initTestCase() { m_log = std::make_unique<SecretLogCapture>(); }
    void cleanupTestCase() { m_log.reset(); }

    void init()
    {
        SecretLogCapture::lines().clear();
        m_secrets.clear();
    }

    void cleanup()
    {
        for (const QString &line : std::as_const(SecretLogCapture::lines())) {
            for (const QString &secret : std::as_const(m_secrets))
                QVERIFY2(secret.isEmpty() || !line.contains(secret), "a secret was logged");
        }
    }

    void memoryLifecycle()
    {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        QCOMPARE(probe(store).status, Status::Ok);
        checkLifecycle(store, uniqueKey());
        QCOMPARE(store.size(), 0);
    }

    void memoryRefusesHeaderInjection()
    {
        MemorySecretStore store;
        checkRefusals(store, uniqueKey());
        QCOMPARE(store.size(), 0);
    }

    void memoryKeysAreSeparate()
    {
        MemorySecretStore store;
        QCOMPARE(write(store, QStringLiteral("profile/a"), QStringLiteral("secret-a")).status, Status::Ok);
        QCOMPARE(write(store, QStringLiteral("profile/b"), QStringLiteral("secret-b")).status, Status::Ok);
        QCOMPARE(read(store, QStringLiteral("profile/a")).secret, QStringLiteral("secret-a"));
        QCOMPARE(remove(store, QStringLiteral("profile/a")).status, Status::Ok);
        QCOMPARE(read(store, QStringLiteral("profile/b")).secret, QStringLiteral("secret-b"));
        QCOMPARE(store.size(), 1);
    }

    void waitForSuitsCommandLineCode()
    {
        MemorySecretStore store;
        QVERIFY(store.waitFor(store.write(QStringLiteral("profile/cli"), QStringLiteral("cli-secret"))).ok());
        const SecretResult result = store.waitFor(store.read(QStringLiteral("profile/cli")));
        QCOMPARE(result.status, Status::Ok);
        QCOMPARE(result.secret, QStringLiteral("cli-secret"));
        // An id that is not pending returns at once instead of waiting forever.
        QCOMPARE(store.waitFor(result.requestId).status, Status::Failed);
    }

    void requestsCompleteInOrderWithTheirIds()
    {
        MemorySecretStore store;
        QSignalSpy finished(&store, &SecretStore::finished);
        const quint64 write = store.write(QStringLiteral("profile/x"), QStringLiteral("secret-x"));
        const quint64 read = store.read(QStringLiteral("profile/x"));
        const quint64 missing = store.read(QStringLiteral("profile/y"));
        QVERIFY(write != read && read != missing);
        QTRY_COMPARE(finished.size(), 3);
        const auto result = [&finished](int i) {
            return finished.at(i).first().value<SecretResult>();
        };
        QCOMPARE(result(0).requestId, write);
        QCOMPARE(result(1).requestId, read);
        QCOMPARE(result(1).secret, QStringLiteral("secret-x"));
        QCOMPARE(result(2).requestId, missing);
        QCOMPARE(result(2).status, Status::NotFound);
    }

    void deadContextSkipsCallback()
    {
        MemorySecretStore store;
        QSignalSpy finished(&store, &SecretStore::finished);
        bool called = false;
        auto context = std::make_unique<QObject>();
        store.read(QStringLiteral("profile/x"), context.get(), [&called](const SecretResult &) { called = true; });
        context.reset();
        QVERIFY(finished.wait());
        QVERIFY(!called);
    }

    void callbackMayDeleteTheStore()
    {
        auto *store = new MemorySecretStore;
        QSignalSpy destroyed(store, &QObject::destroyed);
        store->probe(this, [store](const SecretResult &) { delete store; });
        QVERIFY(destroyed.wait());
    }

    // Against the session's real Secret Service: under scripts/test that is a throwaway
    // gnome-keyring in a private D-Bus session. Skipped only without any D-Bus session, so
    // running the binary by hand outside one does not fail; scripts/test always has one.
    void keychainLifecycle()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run under scripts/test.");
        // Its own service name, so a run by hand never touches the program's real entries.
        KeychainSecretStore store(QStringLiteral("segment-browser-tests"));
        QVERIFY(store.isPersistent());
        const SecretResult probed = probe(store);
        QVERIFY2(probed.ok(), qPrintable(probed.error.message));
        checkLifecycle(store, uniqueKey());
    }

    void keychainRefusesHeaderInjection()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run under scripts/test.");
        KeychainSecretStore store(QStringLiteral("segment-browser-tests"));
        checkRefusals(store, uniqueKey());
    }

    void keychainStoreMayGoFirst()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run under scripts/test.");
        bool called = false;
        auto first = std::make_unique<KeychainSecretStore>(QStringLiteral("segment-browser-tests"));
        first->read(uniqueKey(), this, [&called](const SecretResult &) { called = true; });
        first.reset();
        // QtKeychain runs jobs one after another, so once a later one is done, the orphaned
        // job has finished too: without a crash and without calling back into a dead store.
        KeychainSecretStore second(QStringLiteral("segment-browser-tests"));
        QCOMPARE(read(second, uniqueKey()).status, Status::NotFound);
        QVERIFY(!called);
    }

    void keychainKeepsServicesApart()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run under scripts/test.");
        KeychainSecretStore mine(QStringLiteral("segment-browser-tests"));
        KeychainSecretStore other(QStringLiteral("segment-browser-tests-other"));
        const QString key = uniqueKey();
        QCOMPARE(write(mine, key, QStringLiteral("mine-only")).status, Status::Ok);
        QCOMPARE(read(other, key).status, Status::NotFound);
        QCOMPARE(remove(mine, key).status, Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
