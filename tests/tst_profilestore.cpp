#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilesecrets.h"
#include "secrets/profilestore.h"
#include "vendors/batch/batchapi.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/sailpoint/sailpointapi.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sb;

class TestProfileStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static Profile makeProfile(const QString &name, const QString &vendor = QStringLiteral("launchdarkly"))
    {
        Profile profile;
        profile.name = name;
        profile.vendor = vendor;
        profile.baseUrl = QUrl(QStringLiteral("https://app.launchdarkly.com/api/v2"));
        profile.params.insert(LaunchDarklyApi::projectKey, QStringLiteral("default"));
        profile.params.insert(LaunchDarklyApi::environmentKey, QStringLiteral("production"));
        return profile;
    }

    QByteArray fileBytes() const
    {
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static Error waitForHelper(const std::function<void(std::function<void(const Error &)>)> &start)
    {
        std::optional<Error> outcome;
        start([&outcome](const Error &error) { outcome = error; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 30000))
            return Error::storage(QStringLiteral("timed out"));
        return *outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Anything that writes settings without being told where goes here, where the
        // no-secret test can look at it.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
    }

    void init()
    {
        m_path = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".ini"));
    }

    void emptyFileHasNoProfiles()
    {
        ProfileStore store(m_path);
        QCOMPARE(store.loadError().kind, Error::Kind::None);
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(store.lastUsed().isEmpty());
        QVERIFY(!store.isReadOnly());
    }

    void keysWithLineBreaksAreRefused()
    {
        ProfileStore store(m_path);
        Profile p = makeProfile(QStringLiteral("inject"), QStringLiteral("batch"));
        p.params = {{BatchApi::projectKey, QStringLiteral("PROJ\r\nX-Evil: 1")}};
        const Error added = store.add(p);
        QCOMPARE(added.kind, Error::Kind::Usage);
        QVERIFY(added.message.contains(QStringLiteral("line break")));
        QVERIFY(store.profiles().isEmpty());
        p.params = {{BatchApi::projectKey, QStringLiteral("PROJ")}};
        QCOMPARE(store.add(p).kind, Error::Kind::None);
        p.params = {{BatchApi::projectKey, QStringLiteral("PROJ\n")}};
        QCOMPARE(store.update(p).kind, Error::Kind::Usage);
        QCOMPARE(store.profile(QStringLiteral("inject"))->param(BatchApi::projectKey), QStringLiteral("PROJ"));
    }

    void roundTrip()
    {
        Profile batch = makeProfile(QStringLiteral("batch prod"), QStringLiteral("batch"));
        batch.baseUrl = QUrl(QStringLiteral("https://api.batch.com/2.6"));
        batch.params = {{BatchApi::projectKey, QStringLiteral("PROJ1")}};
        Profile sailpoint = makeProfile(QStringLiteral("iam"), QStringLiteral("sailpoint"));
        sailpoint.baseUrl = QUrl(QStringLiteral("https://acme.api.identitynow.com/v3"));
        sailpoint.params = {{ParamKey::tenant, QStringLiteral("acme")},
                            {SailPointApi::clientIdKey, QStringLiteral("c-1")}};
        const Profile ld = makeProfile(QStringLiteral("flags"));
        {
            ProfileStore store(m_path);
            QSignalSpy changed(&store, &ProfileStore::changed);
            QCOMPARE(store.add(batch).kind, Error::Kind::None);
            QCOMPARE(store.add(sailpoint).kind, Error::Kind::None);
            QCOMPARE(store.add(ld).kind, Error::Kind::None);
            QCOMPARE(store.setLastUsed(QStringLiteral("iam")).kind, Error::Kind::None);
            QCOMPARE(changed.size(), 4);
        }
        ProfileStore reopened(m_path);
        QCOMPARE(reopened.loadError().kind, Error::Kind::None);
        QCOMPARE(reopened.profiles(), (QList<Profile> {batch, sailpoint, ld}));
        QCOMPARE(reopened.lastUsed(), QStringLiteral("iam"));
        QCOMPARE(reopened.profile(QStringLiteral("iam")), sailpoint);
        QVERIFY(!reopened.profile(QStringLiteral("nope")));
        QSettings raw(m_path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("formatVersion")).toInt(), ProfileStore::currentFormatVersion);
    }

    void updateRenameRemoveKeepOrder()
    {
        ProfileStore store(m_path);
        for (const char *name : {"one", "two", "three"})
            QCOMPARE(store.add(makeProfile(QString::fromLatin1(name))).kind, Error::Kind::None);
        QCOMPARE(store.setLastUsed(QStringLiteral("two")).kind, Error::Kind::None);

        Profile changed = makeProfile(QStringLiteral("two"));
        changed.params[LaunchDarklyApi::environmentKey] = QStringLiteral("staging");
        QCOMPARE(store.update(changed).kind, Error::Kind::None);
        QCOMPARE(store.rename(QStringLiteral("two"), QStringLiteral("deux")).kind, Error::Kind::None);
        QCOMPARE(store.names(), (QStringList {QStringLiteral("one"), QStringLiteral("deux"), QStringLiteral("three")}));
        QCOMPARE(store.lastUsed(), QStringLiteral("deux"));
        QCOMPARE(store.profile(QStringLiteral("deux"))->param(LaunchDarklyApi::environmentKey),
                 QStringLiteral("staging"));

        QCOMPARE(store.remove(QStringLiteral("deux")).kind, Error::Kind::None);
        QVERIFY(store.lastUsed().isEmpty());
        ProfileStore reopened(m_path);
        QCOMPARE(reopened.names(), (QStringList {QStringLiteral("one"), QStringLiteral("three")}));
        QVERIFY(reopened.lastUsed().isEmpty());
    }

    void refusalsChangeNothing()
    {
        ProfileStore store(m_path);
        QCOMPARE(store.add(makeProfile(QStringLiteral("a"))).kind, Error::Kind::None);
        QCOMPARE(store.add(makeProfile(QStringLiteral("b"))).kind, Error::Kind::None);
        const QByteArray before = fileBytes();
        QSignalSpy changed(&store, &ProfileStore::changed);

        QCOMPARE(store.add(makeProfile(QStringLiteral("a"))).kind, Error::Kind::Usage);
        QCOMPARE(store.add(makeProfile(QStringLiteral("c"), QString())).kind, Error::Kind::Usage);
        QCOMPARE(store.update(makeProfile(QStringLiteral("zzz"))).kind, Error::Kind::Usage);
        QCOMPARE(store.rename(QStringLiteral("a"), QStringLiteral("b")).kind, Error::Kind::Usage);
        QCOMPARE(store.rename(QStringLiteral("a"), QStringLiteral(" a")).kind, Error::Kind::Usage);
        QCOMPARE(store.rename(QStringLiteral("zzz"), QStringLiteral("y")).kind, Error::Kind::Usage);
        QCOMPARE(store.remove(QStringLiteral("zzz")).kind, Error::Kind::Usage);
        QCOMPARE(store.setLastUsed(QStringLiteral("zzz")).kind, Error::Kind::Usage);
        QVERIFY(!store.remove(QStringLiteral("zzz")).message.isEmpty());

        QCOMPARE(changed.size(), 0);
        QCOMPARE(store.names(), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(fileBytes(), before);
    }

    void badNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   ");
        QTest::newRow("leading space") << QStringLiteral(" prod");
        QTest::newRow("trailing tab") << QStringLiteral("prod\t");
        QTest::newRow("newline") << QStringLiteral("a\nb");
        QTest::newRow("carriage return") << QStringLiteral("a\rb");
        QTest::newRow("tab inside") << QStringLiteral("a\tb");
        QTest::newRow("nul") << (QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b"));
        QTest::newRow("escape") << QStringLiteral("a\x1b[31mb");
        QTest::newRow("line separator") << (QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b"));
        QTest::newRow("lone surrogate") << (QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"));
        QTest::newRow("101 characters") << QString(101, QLatin1Char('x'));
        QTest::newRow("101 emoji") << QString::fromUcs4(std::u32string(101, U'🔑').c_str());
    }

    void badNames()
    {
        QFETCH(QString, name);
        const Error error = ProfileStore::validateName(name);
        QCOMPARE(error.kind, Error::Kind::Usage);
        QVERIFY(!error.message.isEmpty());
        ProfileStore store(m_path);
        QCOMPARE(store.add(makeProfile(name)).kind, Error::Kind::Usage);
        QVERIFY(store.profiles().isEmpty());
    }

    void oddNamesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("leading slash") << QStringLiteral("/a//b/");
        QTest::newRow("backslash") << QStringLiteral("a\\b");
        QTest::newRow("non-ASCII") << QStringLiteral("ü名");
        QTest::newRow("emoji") << QStringLiteral("prod 🔑");
        QTest::newRow("INI syntax") << QStringLiteral("[x] a=b; #c \"d\" %e");
        QTest::newRow("array key") << QStringLiteral("size");
        QTest::newRow("100 characters") << QString(100, QLatin1Char('x'));
        QTest::newRow("100 CJK") << QString(100, QChar(0x540D));
        QTest::newRow("100 emoji") << QString::fromUcs4(std::u32string(100, U'🔑').c_str());
    }

    void oddNamesRoundTrip()
    {
        QFETCH(QString, name);
        QCOMPARE(ProfileStore::validateName(name).kind, Error::Kind::None);
        {
            ProfileStore store(m_path);
            QCOMPARE(store.add(makeProfile(QStringLiteral("before"))).kind, Error::Kind::None);
            QCOMPARE(store.add(makeProfile(name)).kind, Error::Kind::None);
            QCOMPARE(store.add(makeProfile(QStringLiteral("after"))).kind, Error::Kind::None);
            QCOMPARE(store.setLastUsed(name).kind, Error::Kind::None);
        }
        ProfileStore reopened(m_path);
        QCOMPARE(reopened.names(), (QStringList {QStringLiteral("before"), name, QStringLiteral("after")}));
        QCOMPARE(reopened.profile(name), makeProfile(name));
        QCOMPARE(reopened.lastUsed(), name);
        QCOMPARE(reopened.rename(name, name + QStringLiteral("/2")).kind,
                 name.size() < 100 ? Error::Kind::None : Error::Kind::Usage);
    }

    void migratesFromVersion0()
    {
        {
            // What a version-0 program wrote: one group per profile, one project for all.
            QSettings v0(m_path, QSettings::IniFormat);
            v0.setValue(QStringLiteral("project"), QStringLiteral("shared-project"));
            v0.setValue(QStringLiteral("currentProfile"), QStringLiteral("ü名"));
            v0.setValue(QStringLiteral("profiles/alpha/vendor"), QStringLiteral("batch"));
            v0.setValue(QStringLiteral("profiles/alpha/url"), QStringLiteral("https://api.batch.com/2.6"));
            v0.setValue(QStringLiteral("profiles/beta/vendor"), QStringLiteral("launchdarkly"));
            v0.setValue(QStringLiteral("profiles/beta/url"), QStringLiteral("https://app.launchdarkly.com/api/v2"));
            v0.setValue(QStringLiteral("profiles/beta/project"), QStringLiteral("own-project"));
            v0.setValue(QStringLiteral("profiles/beta/environment"), QStringLiteral("production"));
            v0.setValue(QStringLiteral("profiles/ü名/vendor"), QStringLiteral("launchdarkly"));
            v0.setValue(QStringLiteral("profiles/ü名/url"), QStringLiteral("http://127.0.0.1:4011/api/v2"));
            v0.setValue(QStringLiteral("profiles/ü名/environment"), QStringLiteral("test"));
            // Not ours: must survive the migration untouched.
            v0.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\x02"));
        }
        Profile alpha;
        alpha.name = QStringLiteral("alpha");
        alpha.vendor = QStringLiteral("batch");
        alpha.baseUrl = QUrl(QStringLiteral("https://api.batch.com/2.6"));
        alpha.params = {{BatchApi::projectKey, QStringLiteral("shared-project")}};
        Profile beta;
        beta.name = QStringLiteral("beta");
        beta.vendor = QStringLiteral("launchdarkly");
        beta.baseUrl = QUrl(QStringLiteral("https://app.launchdarkly.com/api/v2"));
        beta.params = {{LaunchDarklyApi::projectKey, QStringLiteral("own-project")},
                       {LaunchDarklyApi::environmentKey, QStringLiteral("production")}};
        Profile unicode;
        unicode.name = QStringLiteral("ü名");
        unicode.vendor = QStringLiteral("launchdarkly");
        unicode.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4011/api/v2"));
        unicode.params = {{LaunchDarklyApi::projectKey, QStringLiteral("shared-project")},
                          {LaunchDarklyApi::environmentKey, QStringLiteral("test")}};
        const QList<Profile> expected {alpha, beta, unicode};

        {
            ProfileStore store(m_path);
            QCOMPARE(store.loadError().kind, Error::Kind::None);
            QCOMPARE(store.profiles(), expected);
            QCOMPARE(store.lastUsed(), QStringLiteral("ü名"));
        }
        QSettings raw(m_path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("formatVersion")).toInt(), 1);
        QVERIFY(!raw.contains(QStringLiteral("project")));
        QVERIFY(!raw.contains(QStringLiteral("currentProfile")));
        QVERIFY(!raw.contains(QStringLiteral("profiles/alpha/vendor")));
        QCOMPARE(raw.value(QStringLiteral("window/geometry")).toByteArray(), QByteArray("\x01\x02"));

        // Migrated once: opening again reads version 1 and finds the same.
        ProfileStore reopened(m_path);
        QCOMPARE(reopened.loadError().kind, Error::Kind::None);
        QCOMPARE(reopened.profiles(), expected);
        QCOMPARE(reopened.lastUsed(), QStringLiteral("ü名"));
    }

    void newerFormatIsReadOnly()
    {
        {
            ProfileStore store(m_path);
            QCOMPARE(store.add(makeProfile(QStringLiteral("kept"))).kind, Error::Kind::None);
            QSettings raw(m_path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("formatVersion"), 2);
            raw.setValue(QStringLiteral("profiles/1/futureField"), QStringLiteral("x"));
        }
        const QByteArray before = fileBytes();
        ProfileStore store(m_path);
        QCOMPARE(store.loadError().kind, Error::Kind::Storage);
        QVERIFY(store.isReadOnly());
        QCOMPARE(store.names(), QStringList {QStringLiteral("kept")});
        QCOMPARE(store.add(makeProfile(QStringLiteral("new"))).kind, Error::Kind::Storage);
        QCOMPARE(store.remove(QStringLiteral("kept")).kind, Error::Kind::Storage);
        QCOMPARE(store.rename(QStringLiteral("kept"), QStringLiteral("k")).kind, Error::Kind::Storage);
        QCOMPARE(fileBytes(), before);
    }

    void unknownFormatIsReadOnly()
    {
        {
            QSettings raw(m_path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("formatVersion"), QStringLiteral("banana"));
        }
        const QByteArray before = fileBytes();
        ProfileStore store(m_path);
        QCOMPARE(store.loadError().kind, Error::Kind::Storage);
        QVERIFY(store.loadError().message.contains(QStringLiteral("banana")));
        QCOMPARE(store.add(makeProfile(QStringLiteral("new"))).kind, Error::Kind::Storage);
        QCOMPARE(fileBytes(), before);
    }

    void sharedSettingsObject()
    {
        QSettings settings(m_path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("ui/theme"), QStringLiteral("dark"));
        {
            ProfileStore store(&settings);
            QCOMPARE(store.add(makeProfile(QStringLiteral("p"))).kind, Error::Kind::None);
        }
        QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(ProfileStore(&settings).names(), QStringList {QStringLiteral("p")});
    }

    void removeAndRenameTakeTheSecretAlong()
    {
        ProfileStore profiles(m_path);
        MemorySecretStore secrets;
        const Profile a = makeProfile(QStringLiteral("a/b"));
        QCOMPARE(profiles.add(a).kind, Error::Kind::None);
        QCOMPARE(profiles.add(makeProfile(QStringLiteral("no secret"))).kind, Error::Kind::None);
        QCOMPARE(profiles.setLastUsed(a.name).kind, Error::Kind::None);
        QVERIFY(secrets.waitFor(secrets.write(a.secretKey(), QStringLiteral("s3cret-value"))).ok());

        Error error = waitForHelper(
            [&](auto done) { renameProfileAndSecret(profiles, secrets, a.name, QStringLiteral("ü名"), this, done); });
        QCOMPARE(error.kind, Error::Kind::None);
        QCOMPARE(profiles.names(), (QStringList {QStringLiteral("ü名"), QStringLiteral("no secret")}));
        QCOMPARE(profiles.lastUsed(), QStringLiteral("ü名"));
        Profile renamed = *profiles.profile(QStringLiteral("ü名"));
        QCOMPARE(secrets.waitFor(secrets.read(renamed.secretKey())).secret, QStringLiteral("s3cret-value"));
        QCOMPARE(secrets.waitFor(secrets.read(a.secretKey())).status, SecretResult::Status::NotFound);

        // A refused rename copies nothing.
        error = waitForHelper([&](auto done) {
            renameProfileAndSecret(profiles, secrets, renamed.name, QStringLiteral("no secret"), this, done);
        });
        QCOMPARE(error.kind, Error::Kind::Usage);
        QCOMPARE(secrets.size(), 1);

        // A profile without a secret is renamed all the same.
        error = waitForHelper([&](auto done) {
            renameProfileAndSecret(profiles, secrets, QStringLiteral("no secret"), QStringLiteral("plain"), this, done);
        });
        QCOMPARE(error.kind, Error::Kind::None);
        QVERIFY(profiles.contains(QStringLiteral("plain")));

        error = waitForHelper([&](auto done) { removeProfileAndSecret(profiles, secrets, renamed.name, this, done); });
        QCOMPARE(error.kind, Error::Kind::None);
        QCOMPARE(profiles.names(), QStringList {QStringLiteral("plain")});
        QCOMPARE(secrets.size(), 0);
        QVERIFY(profiles.lastUsed().isEmpty());

        error = waitForHelper(
            [&](auto done) { removeProfileAndSecret(profiles, secrets, QStringLiteral("nope"), this, done); });
        QCOMPARE(error.kind, Error::Kind::Usage);
    }

    // Profiles and secrets stored side by side: the secret's bytes appear in no settings file,
    // neither ours nor any QtKeychain could have written as a fallback (XDG_CONFIG_HOME).
    void settingsNeverContainTheSecret()
    {
        const QString secret = QStringLiteral("tok-9e1f-ÄÖ-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QList<SecretStore *> stores;
        MemorySecretStore memory;
        stores.append(&memory);
        std::unique_ptr<KeychainSecretStore> keychain;
        // Under scripts/test there is always a Secret Service; by hand, maybe not.
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            keychain = std::make_unique<KeychainSecretStore>(QStringLiteral("segment-browser-tests"));
            stores.append(keychain.get());
        }
        ProfileStore profiles(m_path);
        int n = 0;
        for (SecretStore *store : std::as_const(stores)) {
            const Profile profile = makeProfile(QStringLiteral("with secret %1").arg(++n));
            QCOMPARE(profiles.add(profile).kind, Error::Kind::None);
            const SecretResult written = store->waitFor(store->write(profile.secretKey(), secret));
            QVERIFY2(written.ok(), qPrintable(written.error.message));
            QCOMPARE(profiles.setLastUsed(profile.name).kind, Error::Kind::None);
            QCOMPARE(store->waitFor(store->read(profile.secretKey())).secret, secret);
        }

        const QByteArray utf8 = secret.toUtf8();
        const QList<QByteArray> forms {utf8, utf8.toBase64(), utf8.toPercentEncoding(),
                                       QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2),
                                       QByteArray("tok-9e1f")};
        QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QByteArray &form : forms)
                QVERIFY2(!bytes.contains(form), qPrintable(file.fileName()));
            ++scanned;
        }
        QVERIFY(scanned >= 1); // at least our own profiles file was looked at
        QVERIFY(fileBytes().contains("with secret 1"));

        for (SecretStore *store : std::as_const(stores)) {
            const QString key = profiles.profiles().first().secretKey();
            QVERIFY(store->waitFor(store->remove(key)).ok());
            QCOMPARE(profiles.remove(profiles.profiles().first().name).kind, Error::Kind::None);
        }
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
