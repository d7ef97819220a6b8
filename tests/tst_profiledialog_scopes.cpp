// The profile editor's List projects, against the sandbox: a LaunchDarkly token's projects and
// environments offered in the fields, and a token refused the listing.
#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "ui/profiledialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class TestProfileDialogScopes final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    int m_round = 0;

    template<class T> static T *child(QWidget *dialog, const QString &name)
    {
        T *widget = dialog->findChild<T *>(name);
        if (!widget)
            qWarning("no child named %s", qPrintable(name));
        return widget;
    }

    static QLineEdit *edit(QWidget *dialog, const QString &name) { return child<QLineEdit>(dialog, name); }

    static void click(QWidget *dialog, const QString &button)
    {
        QPushButton *b = child<QPushButton>(dialog, button);
        QVERIFY(b);
        QVERIFY2(b->isEnabled(), qPrintable(button + QStringLiteral(" is disabled")));
        b->click();
    }

    // As the user types it: replaces the text and emits textEdited.
    static void type(QLineEdit *lineEdit, const QString &text)
    {
        QVERIFY(lineEdit);
        lineEdit->selectAll();
        QTest::keyClicks(lineEdit, text);
        QCOMPARE(lineEdit->text(), text);
    }

    static void chooseVendor(QWidget *dialog, const QString &vendor)
    {
        auto *combo = child<QComboBox>(dialog, QStringLiteral("vendorCombo"));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(vendor));
        QCOMPARE(combo->currentData().toString(), vendor);
    }

    void storeProfile(const Profile &profile, const QString &secret)
    {
        QCOMPARE(m_store->add(profile), Error());
        QVERIFY(m_secrets->waitFor(m_secrets->write(profile.secretKey(), secret)).ok());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

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

    void listProjectsOffersTheAccountsProjectsAndEnvironments()
    {
        test::SandboxRig rig;
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        click(&dialog, QStringLiteral("addButton"));
        type(edit(&dialog, QStringLiteral("nameEdit")), QStringLiteral("Whole account"));
        chooseVendor(&dialog, QStringLiteral("launchdarkly"));
        type(child<QComboBox>(&dialog, QStringLiteral("baseUrlCombo"))->lineEdit(),
             rig.profile(QStringLiteral("launchdarkly")).baseUrl.toString());
        type(edit(&dialog, QStringLiteral("secretEdit")), rig.secret(QStringLiteral("launchdarkly")));
        // Only the token and the API root: the projects come from the account.
        click(&dialog, QStringLiteral("discoverButton"));
        auto *projects = child<QComboBox>(&dialog, QStringLiteral("fieldCombo_project"));
        auto *environments = child<QComboBox>(&dialog, QStringLiteral("fieldCombo_environment"));
        QVERIFY(projects && environments);
        QTRY_COMPARE(projects->count(), int(datagen::launchDarklyProjects().size()));
        QCOMPARE(projects->itemText(1), QStringLiteral("mobile-app"));
        QCOMPARE(projects->itemData(1, Qt::ToolTipRole).toString(), QStringLiteral("Mobile app"));
        // An empty form takes the first project and its first environment.
        QCOMPARE(edit(&dialog, QStringLiteral("field_project"))->text(), QStringLiteral("default"));
        QCOMPARE(edit(&dialog, QStringLiteral("field_environment"))->text(), QStringLiteral("production"));
        QCOMPARE(environments->count(), 3);
        QVERIFY2(child<QLabel>(&dialog, QStringLiteral("scopeNote"))
                     ->text()
                     .startsWith(QStringLiteral("4 projects, 30 environments")),
                 qPrintable(child<QLabel>(&dialog, QStringLiteral("scopeNote"))->text()));
        // Another project: its environments.
        projects->setCurrentIndex(3);
        emit projects->activated(3);
        QCOMPARE(environments->count(), 23);
        QCOMPARE(edit(&dialog, QStringLiteral("field_environment"))->text(), QStringLiteral("pr-1101"));
        // Typing stays possible.
        type(edit(&dialog, QStringLiteral("field_environment")), QStringLiteral("pr-1105"));
        click(&dialog, QStringLiteral("saveButton"));
        QTRY_VERIFY(m_store->profile(QStringLiteral("Whole account")).has_value());
        const Profile saved = *m_store->profile(QStringLiteral("Whole account"));
        QCOMPARE(saved.param(LaunchDarklyApi::projectKey), QStringLiteral("preview"));
        QCOMPARE(saved.param(LaunchDarklyApi::environmentKey), QStringLiteral("pr-1105"));
    }

    void listProjectsRefusedSaysWhyAndKeepsTheTypedKeys()
    {
        test::SandboxRig rig;
        Profile profile = rig.profile(QStringLiteral("launchdarkly"));
        storeProfile(profile, SandboxCredentials::ldReaderToken());
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        // The stored token is used when none is typed.
        click(&dialog, QStringLiteral("discoverButton"));
        auto *note = child<QLabel>(&dialog, QStringLiteral("scopeNote"));
        QTRY_VERIFY(note->text().startsWith(QStringLiteral("Could not list the projects")));
        QVERIFY2(note->text().contains(QStringLiteral("Access to the requested resource was denied")),
                 qPrintable(note->text()));
        QCOMPARE(edit(&dialog, QStringLiteral("field_project"))->text(), profile.param(LaunchDarklyApi::projectKey));
        QCOMPARE(edit(&dialog, QStringLiteral("field_environment"))->text(),
                 profile.param(LaunchDarklyApi::environmentKey));
        // The other vendors have no such button.
        chooseVendor(&dialog, QStringLiteral("batch"));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("discoverButton")));
    }
};

QTEST_MAIN(TestProfileDialogScopes)
#include "tst_profiledialog_scopes.moc"
