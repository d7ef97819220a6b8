// Its own process: D-Bus points at nothing before the first keychain job, so the real
// KeychainSecretStore finds no Secret Service, as on a desktop without a keychain.
#include "model/segmenttablemodel.h"
#include "nokeychain.h"
#include "sandboxrig.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilestore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

class TestMainWindowNoKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + QFile::encodeName(m_home.filePath(QStringLiteral("no-bus"))));
        qunsetenv("XDG_CURRENT_DESKTOP");
        qunsetenv("DESKTOP_SESSION");
        qunsetenv("KDE_FULL_SESSION");
        QStandardPaths::setTestModeEnabled(true);
    }

    void saysPlainlyThatKeysAreKeptForThisSessionOnly()
    {
        SandboxRig rig;
        ProfileStore store(m_home.filePath(QStringLiteral("profiles.ini")));
        QCOMPARE(store.add(rig.profile(QStringLiteral("batch"))), Error());
        KeychainSecretStore keychain(QStringLiteral("segment-browser-test-nokeychain"));
        MainWindow w;
        w.setStores(&store, &keychain);
        w.show();
        auto *note = w.findChild<QLabel *>(QStringLiteral("sessionNote"));
        QVERIFY(note);
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 30000);
        QVERIFY(note->text().contains(QStringLiteral("No keychain")));
        QVERIFY(note->text().contains(QStringLiteral("this session only")));
        QVERIFY(!w.keychainUsable());
        // The profile is listed; its key must be entered for this session.
        QTRY_VERIFY(w.placeholderText().contains(QStringLiteral("is stored for")));
        QVERIFY(w.findChild<QPushButton *>(QStringLiteral("placeholderButton"))->isVisible());
        QVERIFY(!w.model()->vendor());
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowNoKeychain)
#include "tst_mainwindow_nokeychain.moc"
