#include "model/segmenttablemodel.h"
#include "sandboxrig.h"
#include "ui/errorbanner.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace sb;
using namespace sb::test;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void opensEmptyWithoutProfiles()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.model()->rowCount(), 0);
        auto *placeholder = w.findChild<QLabel *>(QStringLiteral("placeholder"));
        QVERIFY(placeholder && placeholder->isVisible());
        QVERIFY(placeholder->text().contains(QStringLiteral("No profile")));
    }

    void showsTheSelectedProfilesSegments()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(300);
        QList<SessionProfile> profiles;
        for (const auto &[p, secret] : sandboxDemoProfiles(rig.server.rootUrl()))
            profiles.append({p, secret});
        MainWindow w;
        w.setProfiles(profiles);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The view asks for rows until its viewport is full.
        QTRY_VERIFY(w.model()->rowCount() > 0);
        QTRY_VERIFY(!w.model()->isLoading());
        QVERIFY(w.statusText().contains(QStringLiteral("loaded")) || w.statusText().contains(QStringLiteral("Loaded"))
                || w.statusText().contains(QStringLiteral("segments")));
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), profiles.size());
        for (int i = 0; i < combo->count(); ++i) {
            combo->setCurrentIndex(i);
            QCOMPARE(w.model()->vendor()->id(), profiles.at(i).profile.vendor);
            QTRY_VERIFY(w.model()->rowCount() > 0);
        }
    }

    void anErrorShowsTheBannerWithTheVendorsMessage()
    {
        SandboxRig rig;
        QList<SessionProfile> profiles;
        for (const auto &[p, secret] : sandboxDemoProfiles(rig.server.rootUrl()))
            profiles.append({p, QStringLiteral("wrong-key")});
        MainWindow w;
        w.setProfiles(profiles);
        w.show();
        QTRY_VERIFY(w.model()->error().isError());
        QTRY_VERIFY(w.banner()->isVisible());
        QVERIFY(w.banner()->text().contains(QStringLiteral("401"))
                || w.banner()->text().contains(QStringLiteral("403")));
        QVERIFY(!w.banner()->text().contains(QStringLiteral("wrong-key")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
