#include "profiledialogtest.h"
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include "core/http.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "ui/profiledialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace sb;
using namespace sb::test;

namespace {

// An Amperity-style access token: a JWT whose payload holds `exp`.
QString jwtExpiring(const QDateTime &when)
{
    const auto part = [](const QJsonObject &o) {
        return QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(part({{QStringLiteral("alg"), QStringLiteral("RS256")}}) + '.'
                               + part({{QStringLiteral("exp"), when.toSecsSinceEpoch()}}) + ".c2ln");
}

} // namespace

class TestProfileDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    int m_round = 0;

    SecretResult readSecret(const QString &name)
    {
        Profile p;
        p.name = name;
        return m_secrets->waitFor(m_secrets->read(p.secretKey()));
    }

    void storeProfile(const Profile &profile, const QString &secret)
    {
        QCOMPARE(m_store->add(profile), Error());
        QVERIFY(m_secrets->waitFor(m_secrets->write(profile.secretKey(), secret)).ok());
    }

    static Profile ldProfile(const QString &name)
    {
        Profile p;
        p.name = name;
        p.vendor = QStringLiteral("launchdarkly");
        p.baseUrl = QUrl(QStringLiteral("https://app.launchdarkly.com"));
        p.params = {{LaunchDarklyApi::projectKey, QStringLiteral("default")},
                    {LaunchDarklyApi::environmentKey, QStringLiteral("prod")}};
        return p;
    }

    QByteArray iniBytes() const
    {
        QFile f(m_dir.filePath(QStringLiteral("profiles%1.ini").arg(m_round)));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // A new profile typed into the form, ready to save.
    void fillNewLaunchDarkly(ProfileDialog &dialog, const QString &name, const QString &secret)
    {
        click(&dialog, QStringLiteral("addButton"));
        type(edit(&dialog, QStringLiteral("nameEdit")), name);
        chooseVendor(&dialog, QStringLiteral("launchdarkly"));
        type(edit(&dialog, QStringLiteral("field_project")), QStringLiteral("default"));
        type(edit(&dialog, QStringLiteral("field_environment")), QStringLiteral("production"));
        type(edit(&dialog, QStringLiteral("secretEdit")), secret);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        ++m_round;
        m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles%1.ini").arg(m_round)));
        m_secrets = std::make_unique<MemorySecretStore>();
    }

    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
    }

    void firstRunStartsANewProfile()
    {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QCOMPARE(dialog.currentName(), QString());
        QCOMPARE(edit(&dialog, QStringLiteral("nameEdit"))->text(), QString());
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("deleteButton"))->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("duplicateButton"))->isEnabled());
    }

    void fieldsFollowTheVendor_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("batch") << QStringLiteral("batch") << QStringList {QStringLiteral("field_project")};
        QTest::newRow("launchdarkly") << QStringLiteral(
            "launchdarkly") << QStringList {QStringLiteral("field_project"), QStringLiteral("field_environment")};
        QTest::newRow("amperity") << QStringLiteral("amperity") << QStringList {QStringLiteral("field_tenant")};
        QTest::newRow("sailpoint") << QStringLiteral("sailpoint")
                                   << QStringList {QStringLiteral("field_clientId"), QStringLiteral("field_tenant")};
    }

    void fieldsFollowTheVendor()
    {
        QFETCH(QString, vendor);
        QFETCH(QStringList, fields);
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.startNewProfile();
        // Start from another vendor, so the change really rebuilds the form.
        chooseVendor(&dialog, vendor == QLatin1String("batch") ? QStringLiteral("sailpoint") : QStringLiteral("batch"));
        chooseVendor(&dialog, vendor);
        QStringList shown;
        for (const QLineEdit *e : dialog.findChildren<QLineEdit *>()) {
            if (e->objectName().startsWith(QLatin1String("field_")))
                shown << e->objectName();
        }
        std::sort(shown.begin(), shown.end());
        std::sort(fields.begin(), fields.end());
        QCOMPARE(shown, fields);

        const VendorApi *api = vendorById(vendor);
        QCOMPARE(edit(&dialog, QStringLiteral("secretEdit"))->accessibleName(), api->secretLabel());
        auto *urls = child<QComboBox>(&dialog, QStringLiteral("baseUrlCombo"));
        QCOMPARE(urls->count(), api->baseUrlSuggestions().size());
        QCOMPARE(urls->itemText(0), api->baseUrlSuggestions().constFirst());
        for (const ProfileField &f : api->profileFields()) {
            QLineEdit *e = edit(&dialog, QStringLiteral("field_") + f.key);
            QCOMPARE(e->accessibleName(), f.label);
            QCOMPARE(e->placeholderText().isEmpty(), !f.required);
        }
    }

    void tenantFillsTheUrlAsTyped()
    {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        chooseVendor(&dialog, QStringLiteral("sailpoint"));
        auto *urls = child<QComboBox>(&dialog, QStringLiteral("baseUrlCombo"));
        QCOMPARE(urls->currentText(), QStringLiteral("https://{tenant}.api.identitynow.com"));
        type(edit(&dialog, QStringLiteral("field_tenant")), QStringLiteral("acme"));
        QCOMPARE(urls->currentText(), QStringLiteral("https://acme.api.identitynow.com"));
        QCOMPARE(urls->itemText(0), QStringLiteral("https://acme.api.identitynow.com"));
        // Once the URL is typed by hand, the tenant leaves it alone.
        type(urls->lineEdit(), QStringLiteral("https://custom.example.com"));
        type(edit(&dialog, QStringLiteral("field_tenant")), QStringLiteral("other"));
        QCOMPARE(urls->currentText(), QStringLiteral("https://custom.example.com"));
    }

    void secretIsHiddenUntilShown()
    {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QLineEdit *secret = edit(&dialog, QStringLiteral("secretEdit"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        child<QCheckBox>(&dialog, QStringLiteral("showSecretCheck"))->click();
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        child<QCheckBox>(&dialog, QStringLiteral("showSecretCheck"))->click();
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
    }

    void saveWritesProfileAndSecret()
    {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        fillNewLaunchDarkly(dialog, QStringLiteral("Production"), QStringLiteral("api-0123456789"));
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("Production"));
        QCOMPARE(dialog.currentName(), QStringLiteral("Production"));

        const std::optional<Profile> p = m_store->profile(QStringLiteral("Production"));
        QVERIFY(p);
        QCOMPARE(p->vendor, QStringLiteral("launchdarkly"));
        QCOMPARE(p->baseUrl, QUrl(QStringLiteral("https://app.launchdarkly.com")));
        QCOMPARE(p->param(LaunchDarklyApi::projectKey), QStringLiteral("default"));
        QCOMPARE(p->param(LaunchDarklyApi::environmentKey), QStringLiteral("production"));
        QCOMPARE(readSecret(QStringLiteral("Production")).secret, QStringLiteral("api-0123456789"));
        QVERIFY(!iniBytes().isEmpty());
        QVERIFY(!iniBytes().contains("api-0123456789"));
        // The form now shows the stored profile, its secret field empty and saying why.
        QCOMPARE(edit(&dialog, QStringLiteral("secretEdit"))->text(), QString());
        QVERIFY(!edit(&dialog, QStringLiteral("secretEdit"))->placeholderText().isEmpty());
        QCOMPARE(child<QTreeWidget>(&dialog, QStringLiteral("profileList"))->topLevelItemCount(), 1);
    }

    void editingKeepsTheStoredSecret()
    {
        storeProfile(ldProfile(QStringLiteral("Staging")), QStringLiteral("api-stored"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QCOMPARE(dialog.currentName(), QStringLiteral("Staging"));
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        type(edit(&dialog, QStringLiteral("field_environment")), QStringLiteral("staging"));
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(m_store->profile(QStringLiteral("Staging"))->param(LaunchDarklyApi::environmentKey),
                 QStringLiteral("staging"));
        QCOMPARE(readSecret(QStringLiteral("Staging")).secret, QStringLiteral("api-stored"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("focus");
        const QString ok = QStringLiteral("https://app.launchdarkly.com");
        const QString name = QStringLiteral("Prod");
        const QString key = QStringLiteral("api-1");
        const QString project = QStringLiteral("default");
        QTest::newRow("empty name") << QString() << ok << project << key
                                    << ProfileStore::validateName(QString()).message << QStringLiteral("nameEdit");
        QTest::newRow("name with a tab") << QStringLiteral("a\tb") << ok << project << key
                                         << ProfileStore::validateName(QStringLiteral("a\tb")).message
                                         << QStringLiteral("nameEdit");
        const QString plain = QStringLiteral("http://app.launchdarkly.com");
        QTest::newRow("plain http") << name << plain << project << key << checkTransport(QUrl(plain)).message
                                    << QStringLiteral("baseUrlCombo");
        QTest::newRow("secret with a line break")
            << name << ok << project << QStringLiteral("api-1\r\nX-Evil: 1")
            << SecretStore::validateSecret(QStringLiteral("\n")).message << QStringLiteral("secretEdit");
        QTest::newRow("no secret") << name << ok << project << QString() << QStringLiteral("Access token is required.")
                                   << QStringLiteral("secretEdit");
        QTest::newRow("missing project") << name << ok << QString() << key << QStringLiteral("Project key is required.")
                                         << QStringLiteral("field_project");
        QTest::newRow("no URL") << name << QString() << project << key
                                << QStringLiteral("Enter the API root URL, for example https://app.launchdarkly.com.")
                                << QStringLiteral("baseUrlCombo");
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, project);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        QFETCH(QString, focus);
        QVERIFY(!expected.isEmpty());
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        chooseVendor(&dialog, QStringLiteral("launchdarkly"));
        // The vendor's fields are shown from the event loop, as in use.
        QTRY_VERIFY(edit(&dialog, QStringLiteral("field_project"))->isVisible());
        edit(&dialog, QStringLiteral("nameEdit"))->setText(name);
        child<QComboBox>(&dialog, QStringLiteral("baseUrlCombo"))->setEditText(url);
        edit(&dialog, QStringLiteral("field_project"))->setText(project);
        edit(&dialog, QStringLiteral("field_environment"))->setText(QStringLiteral("production"));
        edit(&dialog, QStringLiteral("secretEdit"))->setText(secret);
        QCOMPARE(edit(&dialog, QStringLiteral("secretEdit"))->text(), secret);
        click(&dialog, QStringLiteral("saveButton"));
        QCOMPARE(dialog.message(), expected);
        QVERIFY(child<QLabel>(&dialog, QStringLiteral("messageLabel"))->isVisible());
        QWidget *focused = QApplication::focusWidget();
        QVERIFY(focused);
        // The field itself, the combo it is the edit of, or the edit of a combo.
        QVERIFY2(focused->objectName() == focus || focused->parentWidget()->objectName() == focus
                     || focused->findChild<QLineEdit *>(focus),
                 qPrintable(focused->objectName()));
        // Nothing was stored, and nothing typed was lost.
        QVERIFY(m_store->profiles().isEmpty());
        QCOMPARE(m_secrets->size(), 0);
        QCOMPARE(edit(&dialog, QStringLiteral("secretEdit"))->text(), secret);
        QCOMPARE(edit(&dialog, QStringLiteral("nameEdit"))->text(), name);
    }

    void takenNameIsRefused()
    {
        storeProfile(ldProfile(QStringLiteral("Prod")), QStringLiteral("api-old"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        fillNewLaunchDarkly(dialog, QStringLiteral("Prod"), QStringLiteral("api-new"));
        click(&dialog, QStringLiteral("saveButton"));
        QCOMPARE(dialog.message(), QStringLiteral("A profile named “Prod” exists already."));
        QCOMPARE(readSecret(QStringLiteral("Prod")).secret, QStringLiteral("api-old"));
    }

    void duplicateCopiesProfileAndSecret()
    {
        storeProfile(ldProfile(QStringLiteral("Prod")), QStringLiteral("api-prod"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        click(&dialog, QStringLiteral("duplicateButton"));
        QCOMPARE(edit(&dialog, QStringLiteral("nameEdit"))->text(), QStringLiteral("Prod (copy)"));
        QCOMPARE(dialog.currentName(), QString());
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(dialog.currentName(), QStringLiteral("Prod (copy)"));
        Profile expected = ldProfile(QStringLiteral("Prod (copy)"));
        QCOMPARE(m_store->profile(QStringLiteral("Prod (copy)")), std::optional<Profile>(expected));
        QCOMPARE(readSecret(QStringLiteral("Prod (copy)")).secret, QStringLiteral("api-prod"));
        QCOMPARE(readSecret(QStringLiteral("Prod")).secret, QStringLiteral("api-prod"));

        // A second copy gets a name of its own.
        dialog.selectProfile(QStringLiteral("Prod"));
        click(&dialog, QStringLiteral("duplicateButton"));
        QCOMPARE(edit(&dialog, QStringLiteral("nameEdit"))->text(), QStringLiteral("Prod (copy 2)"));
    }

    void renameKeepsTheSecret()
    {
        storeProfile(ldProfile(QStringLiteral("Old")), QStringLiteral("api-kept"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        QSignalSpy renamed(&dialog, &ProfileDialog::profileRenamed);
        type(edit(&dialog, QStringLiteral("nameEdit")), QStringLiteral("New"));
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_COMPARE(saved.size(), 1);
        // The window moves the profile's snapshots to the new name on this signal.
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(renamed.at(0).at(0).toString(), QStringLiteral("Old"));
        QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("New"));
        QCOMPARE(m_store->names(), QStringList {QStringLiteral("New")});
        QCOMPARE(dialog.currentName(), QStringLiteral("New"));
        QCOMPARE(readSecret(QStringLiteral("New")).secret, QStringLiteral("api-kept"));
        QCOMPARE(readSecret(QStringLiteral("Old")).status, SecretResult::Status::NotFound);
        QCOMPARE(m_secrets->size(), 1);
    }

    void renameWithANewSecret()
    {
        storeProfile(ldProfile(QStringLiteral("Old")), QStringLiteral("api-old"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        type(edit(&dialog, QStringLiteral("nameEdit")), QStringLiteral("New"));
        type(edit(&dialog, QStringLiteral("secretEdit")), QStringLiteral("api-new"));
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(readSecret(QStringLiteral("New")).secret, QStringLiteral("api-new"));
        QCOMPARE(m_secrets->size(), 1);
    }

    void revertRestoresTheStoredProfile()
    {
        storeProfile(ldProfile(QStringLiteral("Prod")), QStringLiteral("api-prod"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("revertButton"))->isEnabled());
        type(edit(&dialog, QStringLiteral("field_project")), QStringLiteral("other"));
        click(&dialog, QStringLiteral("revertButton"));
        QCOMPARE(edit(&dialog, QStringLiteral("field_project"))->text(), QStringLiteral("default"));
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("revertButton"))->isEnabled());
    }

    void unsavedChangesAreNotDroppedSilently()
    {
        storeProfile(ldProfile(QStringLiteral("First")), QStringLiteral("api-1"));
        storeProfile(ldProfile(QStringLiteral("Second")), QStringLiteral("api-2"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.selectProfile(QStringLiteral("First"));
        auto *list = child<QTreeWidget>(&dialog, QStringLiteral("profileList"));
        type(edit(&dialog, QStringLiteral("field_project")), QStringLiteral("edited"));

        // Picking another profile asks; Cancel keeps the edits and the list on the edited one.
        list->setCurrentItem(list->topLevelItem(1));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmDiscard"))));
        QCOMPARE(list->currentItem(), list->topLevelItem(0));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("confirmDiscard")));
        QCOMPARE(dialog.currentName(), QStringLiteral("First"));
        QCOMPARE(edit(&dialog, QStringLiteral("field_project"))->text(), QStringLiteral("edited"));

        // Add asks too; Discard goes ahead.
        click(&dialog, QStringLiteral("addButton"));
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmDiscard"))));
        box->button(QMessageBox::Discard)->click();
        QCOMPARE(dialog.currentName(), QString());
        QCOMPARE(edit(&dialog, QStringLiteral("nameEdit"))->text(), QString());
        QCOMPARE(m_store->profile(QStringLiteral("First"))->param(LaunchDarklyApi::projectKey),
                 QStringLiteral("default"));
    }

    void closingWithUnsavedChangesAsks()
    {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        type(edit(&dialog, QStringLiteral("nameEdit")), QStringLiteral("Half typed"));
        dialog.reject();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmDiscard"))));
        QVERIFY(dialog.isVisible());
        box->button(QMessageBox::Discard)->click();
        QVERIFY(!dialog.isVisible());

        // With nothing typed, closing just closes.
        ProfileDialog untouched(m_store.get(), m_secrets.get());
        untouched.show();
        untouched.reject();
        QVERIFY(!untouched.isVisible());
    }

    void deleteAsksThenRemovesProfileAndSecret()
    {
        storeProfile(ldProfile(QStringLiteral("Keep")), QStringLiteral("api-keep"));
        storeProfile(ldProfile(QStringLiteral("Gone")), QStringLiteral("api-gone"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.selectProfile(QStringLiteral("Gone"));
        QSignalSpy removed(&dialog, &ProfileDialog::profileRemoved);

        // Cancel first: nothing happens.
        click(&dialog, QStringLiteral("deleteButton"));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmDelete"))));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("confirmDelete")));
        QVERIFY(m_store->contains(QStringLiteral("Gone")));

        click(&dialog, QStringLiteral("deleteButton"));
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmDelete"))));
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                confirm = b;
        }
        QVERIFY(confirm);
        confirm->click();
        QTRY_COMPARE(removed.size(), 1);
        QCOMPARE(m_store->names(), QStringList {QStringLiteral("Keep")});
        QCOMPARE(readSecret(QStringLiteral("Gone")).status, SecretResult::Status::NotFound);
        QCOMPARE(m_secrets->size(), 1);
        QCOMPARE(dialog.currentName(), QStringLiteral("Keep"));
    }

    void testConnection_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("launchdarkly total")
            << QStringLiteral("launchdarkly") << 1234 << QStringLiteral("Connected: 1,234 segments");
        QTest::newRow("amperity total") << QStringLiteral("amperity") << 1 << QStringLiteral("Connected: 1 segment");
        QTest::newRow("sailpoint token exchange")
            << QStringLiteral("sailpoint") << 42 << QStringLiteral("Connected: 42 segments");
        QTest::newRow("batch without total")
            << QStringLiteral("batch") << 7 << QStringLiteral("Connected: 7 segments on the first page");
    }

    void testConnection()
    {
        QFETCH(QString, vendor);
        QFETCH(int, count);
        QFETCH(QString, expected);
        test::SandboxRig rig;
        rig.server.setSegmentCount(vendor, count);
        storeProfile(rig.profile(vendor), rig.secret(vendor));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        click(&dialog, QStringLiteral("testButton"));
        QVERIFY(child<QProgressBar>(&dialog, QStringLiteral("testBusy"))->isVisible());
        QVERIFY(child<QPushButton>(&dialog, QStringLiteral("cancelTestButton"))->isVisible());
        QTRY_COMPARE(dialog.testResult(), expected);
        QVERIFY(!child<QProgressBar>(&dialog, QStringLiteral("testBusy"))->isVisible());
        QVERIFY(!dialog.isBusy());
    }

    void testConnectionWithATypedSecretBeforeSaving()
    {
        test::SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 3);
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        const Profile demo = rig.profile(QStringLiteral("launchdarkly"));
        fillNewLaunchDarkly(dialog, QStringLiteral("New"), rig.secret(QStringLiteral("launchdarkly")));
        type(edit(&dialog, QStringLiteral("field_project")), demo.param(LaunchDarklyApi::projectKey));
        type(edit(&dialog, QStringLiteral("field_environment")), demo.param(LaunchDarklyApi::environmentKey));
        type(child<QComboBox>(&dialog, QStringLiteral("baseUrlCombo"))->lineEdit(), demo.baseUrl.toString());
        click(&dialog, QStringLiteral("testButton"));
        QTRY_COMPARE(dialog.testResult(), QStringLiteral("Connected: 3 segments"));
        QVERIFY(m_store->profiles().isEmpty()); // testing saves nothing
        QCOMPARE(m_secrets->size(), 0);
    }

    void testConnectionShowsTheVendorsMessage()
    {
        test::SandboxRig rig;
        storeProfile(rig.profile(QStringLiteral("batch")), rig.secret(QStringLiteral("batch")));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        type(edit(&dialog, QStringLiteral("secretEdit")), QStringLiteral("not-the-key"));
        click(&dialog, QStringLiteral("testButton"));
        QTRY_VERIFY(dialog.testResult().startsWith(QLatin1String("Connection failed:")));
        QVERIFY2(dialog.testResult().contains(QLatin1String("The REST API Key is not valid for this project")),
                 qPrintable(dialog.testResult()));
        QVERIFY(!dialog.testResult().contains(QLatin1String("not-the-key")));
    }

    void testConnectionSaysWhenItTriesAgain()
    {
        test::SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 3);
        QString error;
        QVERIFY2(rig.server.setFaults(QStringLiteral("launchdarkly:429=1@1"), &error), qPrintable(error));
        storeProfile(rig.profile(QStringLiteral("launchdarkly")), rig.secret(QStringLiteral("launchdarkly")));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        click(&dialog, QStringLiteral("testButton"));
        // The window's one wording of a wait (retryNotice), then the answer of the second try.
        QTRY_COMPARE(dialog.testResult(), QStringLiteral("Rate limited by LaunchDarkly; retrying in 1 s"));
        QVERIFY(dialog.isBusy());
        QTRY_COMPARE(dialog.testResult(), QStringLiteral("Connected: 3 segments"));
    }

    void cancelStopsATest()
    {
        // A server that accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Profile p = ldProfile(QStringLiteral("Silent"));
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        storeProfile(p, QStringLiteral("api-x"));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        click(&dialog, QStringLiteral("testButton"));
        QTRY_VERIFY(silent.hasPendingConnections() || silent.waitForNewConnection(0));
        QVERIFY(dialog.isBusy());
        click(&dialog, QStringLiteral("cancelTestButton"));
        QCOMPARE(dialog.testResult(), QStringLiteral("Cancelled."));
        QVERIFY(!dialog.isBusy());
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("cancelTestButton"))->isVisible());
        QVERIFY(child<QPushButton>(&dialog, QStringLiteral("testButton"))->isEnabled());
    }

    void expiredAmperityTokenIsMarkedInTheList()
    {
        Profile fresh;
        fresh.name = QStringLiteral("Fresh");
        fresh.vendor = QStringLiteral("amperity");
        fresh.baseUrl = QUrl(QStringLiteral("https://app.amperity.com/api"));
        fresh.params = {{ParamKey::tenant, QStringLiteral("acme")}};
        Profile expired = fresh;
        expired.name = QStringLiteral("Expired");
        const QDateTime now = QDateTime::currentDateTime();
        storeProfile(fresh, jwtExpiring(now.addDays(90)));
        storeProfile(expired, jwtExpiring(now.addDays(-2)));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.selectProfile(QStringLiteral("Expired"));
        QTRY_VERIFY(
            dialog.listWarning(QStringLiteral("Expired")).startsWith(QLatin1String("The access token expired on")));
        QCOMPARE(dialog.listWarning(QStringLiteral("Fresh")), QString());

        auto *list = child<QTreeWidget>(&dialog, QStringLiteral("profileList"));
        QCOMPARE(list->topLevelItemCount(), 2);
        const QTreeWidgetItem *freshItem = list->topLevelItem(0);
        const QTreeWidgetItem *expiredItem = list->topLevelItem(1);
        QCOMPARE(expiredItem->text(0), QStringLiteral("Expired"));
        QCOMPARE(expiredItem->text(1), QStringLiteral("Amperity"));
        QVERIFY(!expiredItem->icon(0).isNull());
        QCOMPARE(expiredItem->toolTip(0), dialog.listWarning(QStringLiteral("Expired")));
        QVERIFY(freshItem->icon(0).isNull());
        QCOMPARE(child<QLabel>(&dialog, QStringLiteral("expiryLabel"))->text(),
                 dialog.listWarning(QStringLiteral("Expired")));

        // A new token clears the mark.
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        type(edit(&dialog, QStringLiteral("secretEdit")), jwtExpiring(now.addDays(60)));
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_COMPARE(saved.size(), 1);
        QTRY_COMPARE(dialog.listWarning(QStringLiteral("Expired")), QString());
        QTRY_VERIFY(list->topLevelItem(1)->icon(0).isNull());
    }

    void sayWhenKeysAreKeptInMemoryOnly()
    {
        ProfileDialog memory(m_store.get(), m_secrets.get());
        memory.show();
        auto *note = child<QLabel>(&memory, QStringLiteral("keychainNote"));
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(),
                 QStringLiteral("No keychain is available: keys are kept in memory for this session only "
                                "and forgotten when Segment Browser closes."));

        // Never asked anything here: the store is empty, so no entry is read.
        KeychainSecretStore keychain(QStringLiteral("segment-browser-test-profiledialog"));
        ProfileDialog persistent(m_store.get(), &keychain);
        persistent.show();
        QVERIFY(!child<QLabel>(&persistent, QStringLiteral("keychainNote"))->isVisible());
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
