// The comparison of two listings by key with the vendor's content rule, on records in hand.
#include "compare/comparison.h"
#include "sandboxrig.h"

#include <QJsonArray>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

QList<Segment> segmentsOf(const QList<QJsonObject> &records)
{
    QList<Segment> out;
    for (const QJsonObject &r : records)
        out.append(Segment::fromRecord(r, vendorById(kLd)->columns()));
    return out;
}

} // namespace

class TestComparison final : public QObject
{
    Q_OBJECT

private slots:
    void findsWhatIsOnlyOnOneSideAndWhatDiffers()
    {
        SandboxRig rig;
        QList<QJsonObject> a;
        for (int i = 0; i < 30; ++i)
            a.append(rig.server.record(kLd, i));
        QList<QJsonObject> b = a;
        b.removeAt(7); // only in A
        QJsonObject renamed = b.at(3);
        renamed.insert(QStringLiteral("name"), QStringLiteral("Renamed"));
        renamed.insert(QStringLiteral("tags"), QJsonArray {QStringLiteral("x")});
        b[3] = renamed; // different: name and tags
        QJsonObject bumped = b.at(5);
        bumped.insert(QStringLiteral("version"), 999); // bookkeeping only: identical
        bumped.insert(QStringLiteral("_links"), QJsonObject());
        b[5] = bumped;
        QJsonObject extra = rig.server.record(kLd, 40);
        b.append(extra); // only in B

        Comparison comparison(vendorById(kLd));
        // In pages, as a walk gives them.
        QCOMPARE(comparison.addA(segmentsOf(a.mid(0, 10))), Error());
        QCOMPARE(comparison.addA(segmentsOf(a.mid(10))), Error());
        QCOMPARE(comparison.addB(segmentsOf(b)), Error());
        const Result<QList<SegmentDifference>> found = comparison.finish();
        QVERIFY(found);
        QCOMPARE(found.value().size(), 3);
        QMap<QString, SegmentDifference> byKey;
        for (const SegmentDifference &d : found.value())
            byKey.insert(d.key, d);
        const QString gone = a.at(7).value(QStringLiteral("key")).toString();
        QCOMPARE(byKey.value(gone).status, SegmentDifference::Status::OnlyA);
        QCOMPARE(byKey.value(gone).nameA, a.at(7).value(QStringLiteral("name")).toString());
        QVERIFY(byKey.value(gone).nameB.isEmpty());
        const QString changed = renamed.value(QStringLiteral("key")).toString();
        QCOMPARE(byKey.value(changed).status, SegmentDifference::Status::Different);
        QCOMPARE(byKey.value(changed).fields, (QStringList {QStringLiteral("name"), QStringLiteral("tags")}));
        QCOMPARE(byKey.value(changed).nameB, QStringLiteral("Renamed"));
        QVERIFY(!byKey.value(changed).recordA.isEmpty() && !byKey.value(changed).recordB.isEmpty());
        QCOMPARE(byKey.value(extra.value(QStringLiteral("key")).toString()).status, SegmentDifference::Status::OnlyB);
        // Sorted by key, as diff(1) would list them.
        QVERIFY(std::is_sorted(found.value().cbegin(), found.value().cend(),
                               [](const SegmentDifference &x, const SegmentDifference &y) { return x.key < y.key; }));
        const ComparisonCounts counts = comparison.counts();
        QCOMPARE(counts.onlyA, 1);
        QCOMPARE(counts.onlyB, 1);
        QCOMPARE(counts.different, 1);
        QCOMPARE(counts.identical, 28);
    }

    void aSourceAgainstItselfHasNoDifference()
    {
        SandboxRig rig;
        QList<QJsonObject> a;
        for (int i = 0; i < 50; ++i)
            a.append(rig.server.record(kLd, i));
        Comparison comparison(vendorById(kLd), true);
        QCOMPARE(comparison.addA(segmentsOf(a)), Error());
        QCOMPARE(comparison.addB(segmentsOf(a)), Error());
        const Result<QList<SegmentDifference>> found = comparison.finish();
        QCOMPARE(found.value().size(), 50); // kept, as asked
        for (const SegmentDifference &d : found.value())
            QCOMPARE(d.status, SegmentDifference::Status::Identical);
        QVERIFY(!comparison.counts().hasDifferences());
    }

    void aKeyListedTwiceIsAnError()
    {
        SandboxRig rig;
        const QList<QJsonObject> twice {rig.server.record(kLd, 1), rig.server.record(kLd, 1)};
        // Pages are read in batches: the error comes by the first of B at the latest, or finish().
        Comparison a(vendorById(kLd));
        QCOMPARE(a.addA(segmentsOf(twice)), Error());
        QCOMPARE(a.addB(segmentsOf({rig.server.record(kLd, 2)})).kind, Error::Kind::Parse);
        QCOMPARE(a.finish().error().kind, Error::Kind::Parse);
        Comparison b(vendorById(kLd));
        QCOMPARE(b.addB(segmentsOf(twice)), Error());
        const Result<QList<SegmentDifference>> found = b.finish();
        QVERIFY(!found);
        QVERIFY2(found.error().message.contains(vendorById(kLd)->recordKey(twice.first())),
                 qPrintable(found.error().message));
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
