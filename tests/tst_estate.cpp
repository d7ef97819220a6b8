// The store's grid across every source: the sources with their last sync, and one query over all
// of their segments (search, filters, sort, paging), checked against a brute-force scan of the
// same generated data (unicode, case, punctuation). On both back ends (storebackend.h): a SQLite
// file's FTS5 and a PostgreSQL catalog's tsvector must find the same rows.
#include "core/vendorapi.h"
#include "store/segmentstore.h"
#include "storebackend.h"
#include "storetest.h"
#include "vendors/registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");
const QString kBatch = QStringLiteral("batch");
const QString kSailPoint = QStringLiteral("sailpoint");

// Words as people write them in segment names: case, accents, scripts, punctuation inside words.
const QStringList kWords = {
    QStringLiteral("Cart"),       QStringLiteral("abandoners"),   QStringLiteral("CAFÉ"),
    QStringLiteral("café"),       QStringLiteral("naïve"),        QStringLiteral("Zoë"),
    QStringLiteral("Москва"),     QStringLiteral("пользователи"), QStringLiteral("東京都"),
    QStringLiteral("Αθηνα"),      QStringLiteral("beta-testers"), QStringLiteral("o'neil"),
    QStringLiteral("v2.1"),       QStringLiteral("EU_users"),     QStringLiteral("🚀launch"),
    QStringLiteral("high-value"), QStringLiteral("(CLV>$1,000)"), QStringLiteral("last"),
    QStringLiteral("7"),          QStringLiteral("days"),         QStringLiteral("Finance"),
    QStringLiteral("approvers"),  QStringLiteral("churn—risk"),   QStringLiteral("ñandú"),
};

struct Generated
{
    QString vendor;
    SourceKey source;
    QJsonObject record;
};

QString phrase(QRandomGenerator &random, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out.append(kWords.at(random.bounded(int(kWords.size()))));
    return out.join(QLatin1Char(' '));
}

QJsonObject recordFor(const QString &vendor, int i, QRandomGenerator &random)
{
    const qint64 created = 1700000000000LL + qint64(random.bounded(100000)) * 60000;
    const QString iso = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC).toString(Qt::ISODate);
    if (vendor == kLd) {
        QJsonArray tags;
        for (int t = random.bounded(3); t > 0; --t)
            tags.append(QStringList {QStringLiteral("beta"), QStringLiteral("EU"), QStringLiteral("mobile app")}.at(
                random.bounded(3)));
        return {{QStringLiteral("key"), QStringLiteral("seg-%1").arg(i)},
                {QStringLiteral("name"), phrase(random, 1 + random.bounded(3))},
                {QStringLiteral("description"), phrase(random, random.bounded(4))},
                {QStringLiteral("tags"), tags},
                {QStringLiteral("creationDate"), double(created)},
                {QStringLiteral("lastModifiedDate"), double(created + 3600000)}};
    }
    if (vendor == kSailPoint)
        return {{QStringLiteral("id"), QStringLiteral("2c91808%1").arg(i, 6, 10, QLatin1Char('0'))},
                {QStringLiteral("name"), phrase(random, 1 + random.bounded(3))},
                {QStringLiteral("description"), phrase(random, random.bounded(3))},
                {QStringLiteral("created"), iso},
                {QStringLiteral("modified"), iso}};
    QJsonObject batch {{QStringLiteral("code"), QStringLiteral("CODE_%1").arg(i)},
                       {QStringLiteral("display_name"), phrase(random, 1 + random.bounded(3))},
                       {QStringLiteral("updated_at"), iso}};
    // Some say nothing of when they were made: NULL, which sorts first ascending on both back ends.
    if (i % 7 != 0)
        batch.insert(QStringLiteral("created_at"), iso);
    return batch;
}

// The words a row is found by, as the brute-force scan sees them.
QStringList wordsOf(const Generated &g)
{
    const SegmentSummary s = vendorById(g.vendor)->summary(g.record);
    return estateWords(s.key + QLatin1Char(' ') + s.name + QLatin1Char(' ') + s.description + QLatin1Char(' ')
                       + s.tags.join(QLatin1Char(' ')));
}

bool matches(const QStringList &rowWords, const QStringList &queryWords)
{
    return std::all_of(queryWords.cbegin(), queryWords.cend(), [&](const QString &q) {
        return std::any_of(rowWords.cbegin(), rowWords.cend(), [&](const QString &w) { return w.startsWith(q); });
    });
}

QStringList keysOf(const QList<EstateRow> &rows)
{
    QStringList keys;
    for (const EstateRow &r : rows)
        keys.append(r.source.profile + QLatin1Char('/') + r.key);
    return keys;
}

// SQLite's NOCASE: ASCII letters folded, the rest compared as UTF-8 bytes.
QByteArray nocase(const QString &s)
{
    QByteArray bytes = s.toUtf8();
    for (char &c : bytes)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return bytes;
}

} // namespace

class TestEstate : public QObject
{
    Q_OBJECT

public:
    explicit TestEstate(Backend backend) : m_backend(backend), m_store(m_backend.fresh()) { }

private slots:
    void initTestCase()
    {
        SB_REQUIRE_BACKEND(m_backend);
        QCOMPARE(m_store.open(), Error());
        QRandomGenerator random(20261203);
        const QList<QPair<SourceKey, QString>> sources = {
            {{QStringLiteral("LD prod"), QStringLiteral("production")}, kLd},
            {{QStringLiteral("LD prod"), QStringLiteral("staging")}, kLd},
            {{QStringLiteral("Batch EU"), {}}, kBatch},
            {{QStringLiteral("Identity"), {}}, kSailPoint},
        };
        int next = 0;
        for (const auto &[source, vendor] : sources) {
            QList<QJsonObject> records;
            for (int i = 0; i < 150; ++i, ++next) {
                records.append(recordFor(vendor, next, random));
                m_rows.append({vendor, source, records.last()});
            }
            QVERIFY(syncOnce(m_store, source, vendor, records).ok());
        }
        // A source whose only sync failed has no rows, but is listed with its failure.
        std::unique_ptr<SyncWriter> refused = m_store.beginSync({QStringLiteral("Broken"), {}}, vendorById(kBatch));
        refused->abandon(Error::fromStatus(401, QStringLiteral("Invalid API key")));
    }

    void sourcesAreListedWithTheirLastSync()
    {
        const QList<SourceInfo> sources = m_store.sources().value();
        QCOMPARE(sources.size(), 5);
        QCOMPARE(sources.at(0).vendor, kBatch);
        QCOMPARE(sources.at(0).key.profile, QStringLiteral("Batch EU"));
        QCOMPARE(sources.at(0).segments, 150);
        QVERIFY(sources.at(0).lastSync.isValid());
        QCOMPARE(sources.at(1).key.profile, QStringLiteral("Broken"));
        QVERIFY(!sources.at(1).lastSync.isValid());
        QCOMPARE(sources.at(1).lastRun->outcome, SyncRun::Outcome::Failed);
        QVERIFY(sources.at(1).lastRun->error.contains(QStringLiteral("Invalid API key")));
        QCOMPARE(sources.at(2).key, (SourceKey {QStringLiteral("LD prod"), QStringLiteral("production")}));
        QCOMPARE(sources.at(3).key.environment, QStringLiteral("staging"));
        QCOMPARE(sources.at(4).vendor, kSailPoint);
    }

    void everyRowWithItsSourceAndCommonFields()
    {
        EstateQuery all;
        QCOMPARE(m_store.estateCount(all).value(), m_rows.size());
        const QList<EstateRow> rows = m_store.estateRows(all, 0, -1).value();
        QCOMPARE(rows.size(), m_rows.size());
        // Source by source as first synced, each in the vendor's order.
        QCOMPARE(rows.at(300).vendor, kBatch);
        QCOMPARE(rows.at(300).key, QStringLiteral("CODE_300"));
        const EstateRow &ld = rows.first();
        QCOMPARE(ld.vendor, kLd);
        QCOMPARE(ld.source.environment, QStringLiteral("production"));
        QCOMPARE(rows.at(150).source.environment, QStringLiteral("staging"));
        const QJsonObject record = m_rows.at(0).record;
        QCOMPARE(ld.key, record.value(QStringLiteral("key")).toString());
        QCOMPARE(ld.name, record.value(QStringLiteral("name")).toString());
        QCOMPARE(ld.description, record.value(QStringLiteral("description")).toString());
        QCOMPARE(ld.created.toMSecsSinceEpoch(), qint64(record.value(QStringLiteral("creationDate")).toDouble()));
        QCOMPARE(QJsonDocument::fromJson(m_store.storedRecord(ld.id).value()).object(), record);
        // Paging gives the same rows as one read.
        QCOMPARE(keysOf(m_store.estateRows(all, 150, 10).value()), keysOf(rows.mid(150, 10)));
        // By vendor: then account, environment, and the vendor's order.
        EstateQuery byVendor;
        byVendor.sort = EstateQuery::Sort::Vendor;
        const QList<EstateRow> sorted = m_store.estateRows(byVendor, 0, -1).value();
        QCOMPARE(sorted.first().key, QStringLiteral("CODE_300"));
        QCOMPARE(sorted.at(150).source.environment, QStringLiteral("production"));
        QCOMPARE(sorted.at(300).source.environment, QStringLiteral("staging"));
        // Descending: vendor, account and environment all the other way.
        byVendor.order = Qt::DescendingOrder;
        const QList<EstateRow> reversed = m_store.estateRows(byVendor, 0, -1).value();
        QCOMPARE(reversed.first().vendor, kSailPoint);
        QCOMPARE(reversed.at(150).source.environment, QStringLiteral("staging"));
        QCOMPARE(reversed.at(300).source.environment, QStringLiteral("production"));
    }

    void searchMatchesABruteForceScan_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &q :
             {QStringLiteral("cart"),       QStringLiteral("CART ab"),     QStringLiteral("cafe"),
              QStringLiteral("Café"),       QStringLiteral("naive"),       QStringLiteral("zoe"),
              QStringLiteral("моск"),       QStringLiteral("МОСКВА"),      QStringLiteral("東京"),
              QStringLiteral("αθ"),         QStringLiteral("beta-test"),   QStringLiteral("beta test"),
              QStringLiteral("o'neil"),     QStringLiteral("neil"),        QStringLiteral("v2"),
              QStringLiteral("2.1"),        QStringLiteral("eu_users"),    QStringLiteral("users"),
              QStringLiteral("🚀"),          QStringLiteral("launch"),      QStringLiteral("clv 1,000"),
              QStringLiteral("$1"),         QStringLiteral("7 days"),      QStringLiteral("churn"),
              QStringLiteral("risk"),       QStringLiteral("nandu"),       QStringLiteral("seg-12"),
              QStringLiteral("code_3"),     QStringLiteral("2c918"),       QStringLiteral("mobile"),
              QStringLiteral("\"quoted\""), QStringLiteral("a*"),          QStringLiteral("NEAR(x y)"),
              QStringLiteral("-"),          QStringLiteral("finance OR x")})
            QTest::newRow(qPrintable(q)) << q;
    }

    void searchMatchesABruteForceScan()
    {
        QFETCH(QString, text);
        EstateQuery query;
        query.text = text;
        const QStringList words = estateWords(text);
        QStringList expected;
        for (const Generated &g : std::as_const(m_rows))
            if (matches(wordsOf(g), words))
                expected.append(g.source.profile + QLatin1Char('/') + vendorById(g.vendor)->recordKey(g.record));
        const Result<QList<EstateRow>> rows = m_store.estateRows(query, 0, -1);
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
        QStringList found = keysOf(rows.value());
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
        QCOMPARE(m_store.estateCount(query).value(), expected.size());
    }

    void filtersNarrowTheRows()
    {
        EstateQuery query;
        query.vendors = {kLd};
        QCOMPARE(m_store.estateCount(query).value(), 300);
        query.sources = {{QStringLiteral("LD prod"), QStringLiteral("staging")}};
        QCOMPARE(m_store.estateCount(query).value(), 150);
        query.tag = QStringLiteral("mobile app");
        qint64 tagged = 0;
        for (const Generated &g : std::as_const(m_rows))
            if (g.source == query.sources.first()
                && g.record.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("mobile app")))
                ++tagged;
        QVERIFY(tagged > 0);
        QCOMPARE(m_store.estateCount(query).value(), tagged);
        query.tag = QStringLiteral("mobile"); // a tag is matched whole
        QCOMPARE(m_store.estateCount(query).value(), 0);

        EstateQuery recent;
        recent.changedSince = QDateTime::currentDateTimeUtc().addDays(-1);
        QCOMPARE(m_store.estateCount(recent).value(), m_rows.size());
        recent.changedSince = QDateTime::currentDateTimeUtc().addDays(1);
        QCOMPARE(m_store.estateCount(recent).value(), 0);
        EstateQuery removed;
        removed.removed = true;
        QCOMPARE(m_store.estateCount(removed).value(), 0);
    }

    void removedSegmentsAreFoundUnderRemoved()
    {
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        QRandomGenerator random(7);
        QList<QJsonObject> records;
        for (int i = 0; i < 20; ++i)
            records.append(recordFor(kLd, i, random));
        const SourceKey prod {QStringLiteral("prod"), {}};
        QVERIFY(syncOnce(store, prod, kLd, records).ok());
        const QJsonObject gone = records.takeAt(4);
        QVERIFY(syncOnce(store, prod, kLd, records).ok());
        EstateQuery query;
        query.removed = true;
        const QList<EstateRow> rows = store.estateRows(query, 0, -1).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).key, gone.value(QStringLiteral("key")).toString());
        QVERIFY(rows.at(0).removedAt.isValid());
        // Search still finds it there, and not among the present ones.
        query.text = gone.value(QStringLiteral("key")).toString();
        QCOMPARE(store.estateCount(query).value(), 1);
        query.removed = false;
        QCOMPARE(store.estateCount(query).value(), 0);
        // Removing the profile takes its rows out of the search index too.
        QCOMPARE(store.removeProfile(QStringLiteral("prod")), Error());
        query.text = QStringLiteral("seg");
        QCOMPARE(store.estateCount(query).value(), 0);
    }

    void sortsByAnyColumnBothWays_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        for (const auto sort :
             {EstateQuery::Sort::Name, EstateQuery::Sort::Key, EstateQuery::Sort::Created, EstateQuery::Sort::Account})
            for (const auto order : {Qt::AscendingOrder, Qt::DescendingOrder})
                QTest::addRow("%d/%d", int(sort), int(order)) << int(sort) << int(order);
    }

    void sortsByAnyColumnBothWays()
    {
        QFETCH(int, sort);
        QFETCH(int, order);
        EstateQuery query;
        query.sort = EstateQuery::Sort(sort);
        query.order = Qt::SortOrder(order);
        const QList<EstateRow> rows = m_store.estateRows(query, 0, -1).value();
        QCOMPARE(rows.size(), m_rows.size());
        const auto valueOf = [&](const EstateRow &r) -> QByteArray {
            switch (query.sort) {
            case EstateQuery::Sort::Name:
                return nocase(r.name);
            case EstateQuery::Sort::Key:
                return nocase(r.key);
            case EstateQuery::Sort::Account:
                return nocase(r.source.profile);
            default:
                return QByteArray::number(r.created.toMSecsSinceEpoch()).rightJustified(20, '0');
            }
        };
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QByteArray a = valueOf(rows.at(i - 1));
            const QByteArray b = valueOf(rows.at(i));
            QVERIFY2(query.order == Qt::AscendingOrder ? a <= b : a >= b, QByteArray(a + " / " + b).constData());
        }
    }

private:
    StoreBackend m_backend;
    SegmentStore m_store;
    QList<Generated> m_rows;
};

class TestEstateOnSqlite final : public TestEstate
{
    Q_OBJECT
public:
    TestEstateOnSqlite() : TestEstate(Backend::Sqlite) { }
};

class TestEstateOnPostgreSql final : public TestEstate
{
    Q_OBJECT
public:
    TestEstateOnPostgreSql() : TestEstate(Backend::PostgreSql) { }
};

int main(int argc, char **argv)
{
    return runOnBothBackends<TestEstateOnSqlite, TestEstateOnPostgreSql>(argc, argv);
}
#include "tst_estate.moc"
