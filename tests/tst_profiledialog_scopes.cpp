// The profile editor's vendor fields: List projects against the sandbox (a LaunchDarkly token's
// projects and environments offered in the fields, a token refused the listing), and Tab through
// every vendor's rows.
#include "profiledialogtest.h"
#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "ui/profiledialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

class TestProfileDialogScopes final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    int m_round = 0;

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

    // Tab goes down the rows as shown, whichever vendor: the vendor's fields come between the API
    // root and the secret (typing "default⇥production⇥secret" must not put "default" in the secret).
    void tabFollowsTheRowsOfEveryVendor_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const char *vendor : {"batch", "launchdarkly", "amperity", "sailpoint"})
            QTest::newRow(vendor) << QString::fromLatin1(vendor);
    }
    void tabFollowsTheRowsOfEveryVendor()
    {
        QFETCH(QString, vendor);
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.startNewProfile();
        chooseVendor(&dialog, vendor == QLatin1String("batch") ? QStringLiteral("sailpoint") : QStringLiteral("batch"));
        chooseVendor(&dialog, vendor);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        // The rows' order as the form shows them, from the API root to the secret.
        auto *urls = child<QComboBox>(&dialog, QStringLiteral("baseUrlCombo"));
        QLineEdit *secret = edit(&dialog, QStringLiteral("secretEdit"));
        QList<QWidget *> rows;
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            const bool field =
                w->objectName().startsWith(QLatin1String("field_")) && !qobject_cast<QComboBox *>(w->parentWidget());
            const bool combo = w->objectName().startsWith(QLatin1String("fieldCombo_"));
            if (field || combo || w->objectName() == QLatin1String("discoverButton"))
                rows.append(w);
        }
        std::sort(rows.begin(), rows.end(), [&](QWidget *a, QWidget *b) {
            return a->mapTo(&dialog, QPoint()).y() < b->mapTo(&dialog, QPoint()).y();
        });
        rows.prepend(urls);
        rows.append(secret);
        urls->setFocus();
        QTRY_VERIFY(urls->hasFocus());
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus == rows.at(i) || rows.at(i)->isAncestorOf(focus),
                     qPrintable(QStringLiteral("after %1: %2, not %3")
                                    .arg(rows.at(i - 1)->objectName(), focus ? focus->objectName() : QString(),
                                         rows.at(i)->objectName())));
        }
    }
};

QTEST_MAIN(TestProfileDialogScopes)
#include "tst_profiledialog_scopes.moc"
