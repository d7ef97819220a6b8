// comparedRecord(): the key, name and content hash read with simdjson must be exactly what Qt's
// reading gives (the store keeps those hashes), for every record the sandbox serves and for
// records built to trip a JSON writer; and ordinary records must take the fast path.
#include "core/segment.h"
#include "sandbox/datagen.h"
#include "vendors/comparedrecord.h"
#include "vendors/registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sb;

namespace {

QList<QJsonObject> corpus(const QString &vendor, int epoch)
{
    QList<QJsonObject> out;
    for (int i = 0; i < 300; ++i) {
        if (vendor == QLatin1String("batch"))
            out.append(datagen::batchSegment(i, epoch));
        else if (vendor == QLatin1String("launchdarkly"))
            out.append(datagen::launchDarklySegment(i, epoch, QStringLiteral("default"), QStringLiteral("staging")));
        else if (vendor == QLatin1String("amperity"))
            out.append(datagen::amperitySegment(i, epoch));
        else
            out.append(datagen::sailPointSegment(i, epoch));
    }
    return out;
}

// JSON written with ' for " (a literal without a sea of backslashes).
QByteArray j(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestComparedRecord final : public QObject
{
    Q_OBJECT

private slots:
    void theSandboxsRecordsReadAsQtReadsThem_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const char *v : {"batch", "launchdarkly", "amperity", "sailpoint"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }
    void theSandboxsRecordsReadAsQtReadsThem()
    {
        QFETCH(QString, vendor);
        const VendorApi *api = vendorById(vendor);
        QVERIFY(api);
        int fastOnes = 0;
        int all = 0;
        for (int epoch = 0; epoch < 3; ++epoch) {
            for (const QJsonObject &r : corpus(vendor, epoch)) {
                // Compact, as a page holds it, and indented: the bytes differ, the reading not.
                for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
                    const QByteArray json = QJsonDocument(r).toJson(format);
                    bool fast = false;
                    const ComparedRecord got = comparedRecord(*api, json, &fast);
                    const ComparedRecord want = comparedRecordQt(*api, json);
                    QCOMPARE(got.key, want.key);
                    QCOMPARE(got.name, want.name);
                    QCOMPARE(got.contentHash, want.contentHash);
                    QCOMPARE(got.json, json);
                    fastOnes += fast ? 1 : 0;
                    ++all;
                }
            }
        }
        // The corpus has its share of escapes and odd numbers; the rest must not fall back.
        QVERIFY2(fastOnes * 2 > all, qPrintable(QStringLiteral("%1 of %2 read fast").arg(fastOnes).arg(all)));
    }

    void recordsBuiltToTripAWriterReadAsQtReadsThem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("plain") << j("{'key':'a','name':'A','description':'d','tags':['x','y']}");
        QTest::newRow("keys out of order") << j("{'tags':['b'],'name':'N','key':'k','description':'z'}");
        QTest::newRow("nested objects out of order")
            << j("{'key':'k','rules':[{'z':1,'a':{'y':true,'b':null}}],'name':'n'}");
        QTest::newRow("null content dropped") << j("{'key':'k','name':null,'description':null}");
        QTest::newRow("non-ASCII text") << QByteArray("{\"key\":\"k\",\"name\":\"Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac "
                                                      "\xf0\x9f\x98\x80\",\"description\":\"\x7f\"}");
        QTest::newRow("quotes and backslashes") << j("{'key':'k','name':'a \\'b\\' \\\\ c'}");
        QTest::newRow("escapes") << j("{'key':'k','name':'\\u00e9\\n\\t\\u0001\\ud83d\\ude00 \\u2028'}");
        QTest::newRow("lone surrogate") << j("{'key':'k','name':'\\ud800'}");
        QTest::newRow("numbers") << QByteArray(
            j("{'key':'k','name':'n','rules':[0,-0,1,-1,1.0,1.5,1e2,1E-7,9223372036854775807,9223372036854775808,-"
              "9223372036854775808,12345678901234567890,0.1,3.141592653589793]}"));
        QTest::newRow("booleans") << j("{'key':'k','name':'n','unbounded':true,'included':[false,null]}");
        QTest::newRow("a key twice") << j("{'key':'k','name':'first','name':'second'}");
        QTest::newRow("a key twice, the last null") << j("{'key':'k','name':'a','name':null}");
        QTest::newRow("a key twice, the first null") << j("{'key':'k','description':null,'description':'d'}");
        QTest::newRow("non-ASCII key") << QByteArray(
            "{\"key\":\"k\",\"name\":\"n\",\"rules\":{\"\xc3\xa9\":1,\"z\":2}}");
        QTest::newRow("key not a string") << j("{'key':42,'name':['n']}");
        QTest::newRow("empty containers") << j("{'key':'k','name':'','rules':[],'tags':[],'x':{}}");
        QTest::newRow("not an object") << j("[1,2,3]");
        QTest::newRow("not JSON") << QByteArray("{\"key\":");
    }
    void recordsBuiltToTripAWriterReadAsQtReadsThem()
    {
        QFETCH(QByteArray, json);
        for (const char *v : {"batch", "launchdarkly", "amperity", "sailpoint"}) {
            const VendorApi *api = vendorById(QString::fromLatin1(v));
            const ComparedRecord got = comparedRecord(*api, json);
            const ComparedRecord want = comparedRecordQt(*api, json);
            QCOMPARE(got.key, want.key);
            QCOMPARE(got.name, want.name);
            QCOMPARE(got.contentHash, want.contentHash);
        }
    }

    void anOrdinaryRecordTakesTheFastPath()
    {
        bool fast = false;
        comparedRecord(*vendorById(QStringLiteral("launchdarkly")),
                       j("{'key':'beta','name':'Beta "
                         "testers','tags':['qa'],'rules':[{'clauses':[{'attribute':'country','op':'in','values':['FR']}"
                         "]}],'version':3}"),
                       &fast);
        QVERIFY(fast);
    }
};

QTEST_GUILESS_MAIN(TestComparedRecord)
#include "tst_comparedrecord.moc"
