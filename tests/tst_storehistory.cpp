// An earlier sync's snapshot read back from the store (SegmentStore::forEachSnapshotEntryAt), as
// the Compare dialog reads two syncs of one source: every run gives exactly the listing it synced.
// On both back ends (storebackend.h).
#include "core/vendorapi.h"
#include "sandboxrig.h"
#include "store/segmentstore.h"
#include "storebackend.h"
#include "storetest.h"
#include "vendors/registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kLd = QStringLiteral("launchdarkly");

// What a run's snapshot reads back as: each key's content (a sync keeps the record a change of
// content replaced; bookkeeping such as versions is kept as the last sync saw it), checking that
// each entry's name and hash are those of its record.
QMap<QString, QJsonObject> readAt(const SegmentStore &store, const SourceKey &source, qint64 run,
                                  Error *error = nullptr)
{
    const VendorApi *ld = vendorById(kLd);
    QMap<QString, QJsonObject> out;
    const Error e = store.forEachSnapshotEntryAt(source, run, ld, 7, [&](const QList<ComparedRecord> &records) {
        for (const ComparedRecord &r : records) {
            const QJsonObject object = QJsonDocument::fromJson(r.json).object();
            if (out.contains(r.key) || r.contentHash != ld->contentHash(object) || r.name != ld->recordName(object))
                return Error::parse(QStringLiteral("entry %1 does not match its record").arg(r.key));
            out.insert(r.key, ld->content(object));
        }
        return Error();
    });
    if (error)
        *error = e;
    return e.isError() ? QMap<QString, QJsonObject>() : out;
}

QMap<QString, QJsonObject> byKey(const QList<QJsonObject> &list)
{
    QMap<QString, QJsonObject> out;
    for (const QJsonObject &r : list)
        out.insert(vendorById(kLd)->recordKey(r), vendorById(kLd)->content(r));
    return out;
}

} // namespace

class TestStoreHistory : public QObject
{
    Q_OBJECT

public:
    explicit TestStoreHistory(Backend backend) : m_backend(backend) { }

private:
    StoreBackend m_backend;

private slots:
    void initTestCase() { SB_REQUIRE_BACKEND(m_backend); }

    // Renames, removals, a segment back with other content, a change of bookkeeping only,
    // additions, and a failed sync between: every successful run reads back as it was listed.
    void everySyncReadsBackAsItWasListed()
    {
        QFETCH(int, count);
        SandboxRig rig;
        rig.server.setSegmentCount(count + 5);
        const StoreLocation where = m_backend.fresh();
        SegmentStore store(where);
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};

        QList<QList<QJsonObject>> listings;
        QList<QJsonObject> list;
        for (int i = 0; i < count; ++i)
            list.append(rig.server.record(kLd, i));
        listings.append(list);
        // 1: one renamed, one removed, one added.
        list[0].insert(QStringLiteral("name"), QStringLiteral("Renamed once"));
        const QJsonObject removed = list.takeAt(3);
        list.append(rig.server.record(kLd, count));
        listings.append(list);
        // 2: renamed again, its tags changed, a version bumped (not content), another removed.
        list[0].insert(QStringLiteral("name"), QStringLiteral("Renamed twice"));
        list[1].insert(QStringLiteral("tags"), QJsonArray {QStringLiteral("vip")});
        list[2].insert(QStringLiteral("version"), list[2].value(QStringLiteral("version")).toInt() + 1);
        list.removeAt(4);
        listings.append(list);
        // 3: the first removed one back, with another description; two added.
        QJsonObject back = removed;
        back.insert(QStringLiteral("description"), QStringLiteral("Back with a new description"));
        list.insert(2, back);
        list.append(rig.server.record(kLd, count + 1));
        list.append(rig.server.record(kLd, count + 2));
        listings.append(list);
        // 4: the one that came back renamed; the first renamed a third time.
        list[2].insert(QStringLiteral("name"), QStringLiteral("Back and renamed"));
        list[0].insert(QStringLiteral("name"), QStringLiteral("Renamed thrice"));
        listings.append(list);

        QList<qint64> runs;
        for (int i = 0; i < listings.size(); ++i) {
            const Result<SyncRun> run = syncOnce(store, prod, kLd, listings.at(i));
            QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().toString()));
            runs.append(run.value().id);
            if (i == 1) {
                std::unique_ptr<SyncWriter> failed = store.beginSync(prod, vendorById(kLd));
                QCOMPARE(failed->add(segmentsOf(kLd, listings.at(0))), Error());
                failed->abandon(Error::network(QStringLiteral("the line went dead")));
            }
        }
        for (int i = 0; i < runs.size(); ++i) {
            Error error;
            const QMap<QString, QJsonObject> read = readAt(store, prod, runs.at(i), &error);
            QVERIFY2(!error.isError(), qPrintable(QStringLiteral("run %1: %2").arg(i).arg(error.toString())));
            QCOMPARE(read.keys(), byKey(listings.at(i)).keys());
            QVERIFY2(read == byKey(listings.at(i)), qPrintable(QStringLiteral("run %1 differs").arg(i)));
        }

        // A store from before returns kept their record: the syncs before the return cannot be
        // read back exactly, and say so rather than guess; the later ones still read.
        {
            QSqlDatabase db = m_backend.connect(where, QStringLiteral("older"));
            QVERIFY(db.isOpen());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE segment_change SET before = NULL, before_dictionary_id = 0"
                                          " WHERE kind = 'added'")));
            QVERIFY(q.numRowsAffected() > 0);
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("older"));
        Error error;
        QVERIFY(readAt(store, prod, runs.at(0), &error).isEmpty());
        QCOMPARE(error.kind, Error::Kind::Storage);
        QVERIFY2(error.message.contains(QStringLiteral("cannot be read back exactly")), qPrintable(error.message));
        QVERIFY(readAt(store, prod, runs.at(1), &error) == byKey(listings.at(1)));
        QVERIFY(!error.isError());
    }
    void everySyncReadsBackAsItWasListed_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("records as they came") << 12;
        QTest::newRow("compressed with a dictionary") << 1200;
    }

    void onlyTheSourcesSuccessfulSyncsCanBeRead()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(5);
        SegmentStore store(m_backend.fresh());
        QCOMPARE(store.open(), Error());
        const SourceKey prod {QStringLiteral("prod"), {}};
        const SourceKey staging {QStringLiteral("staging"), {}};
        QList<QJsonObject> list;
        for (int i = 0; i < 5; ++i)
            list.append(rig.server.record(kLd, i));
        const qint64 prodRun = syncOnce(store, prod, kLd, list).value().id;
        const qint64 stagingRun = syncOnce(store, staging, kLd, list).value().id;
        std::unique_ptr<SyncWriter> failed = store.beginSync(prod, vendorById(kLd));
        failed->abandon(Error::network(QStringLiteral("the line went dead")));
        const qint64 failedRun = store.syncRuns(prod).value().first().id;
        QVERIFY(failedRun != prodRun);

        Error error;
        QVERIFY(readAt(store, prod, stagingRun, &error).isEmpty());
        QCOMPARE(error.kind, Error::Kind::Storage);
        QVERIFY(readAt(store, prod, failedRun, &error).isEmpty());
        QCOMPARE(error.kind, Error::Kind::Storage);
        QVERIFY(readAt(store, {QStringLiteral("nobody"), {}}, prodRun, &error).isEmpty());
        QCOMPARE(error.kind, Error::Kind::Storage);
        QCOMPARE(readAt(store, prod, prodRun, &error), byKey(list));
        QVERIFY(!error.isError());
    }
};

class TestStoreHistoryOnSqlite final : public TestStoreHistory
{
    Q_OBJECT
public:
    TestStoreHistoryOnSqlite() : TestStoreHistory(Backend::Sqlite) { }
};

class TestStoreHistoryOnPostgreSql final : public TestStoreHistory
{
    Q_OBJECT
public:
    TestStoreHistoryOnPostgreSql() : TestStoreHistory(Backend::PostgreSql) { }
};

int main(int argc, char **argv)
{
    return runOnBothBackends<TestStoreHistoryOnSqlite, TestStoreHistoryOnPostgreSql>(argc, argv);
}
#include "tst_storehistory.moc"
