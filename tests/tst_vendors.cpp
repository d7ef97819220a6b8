#include "vendors/registry.h"

#include <QTest>

using namespace sb;

class TestVendors final : public QObject
{
    Q_OBJECT

private slots:
    void registry() { QCOMPARE(allVendors().size(), 4); }
};

QTEST_GUILESS_MAIN(TestVendors)
#include "tst_vendors.moc"
