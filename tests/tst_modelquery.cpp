// A filtered, sorted load through SegmentTableModel against the sandbox: the rows are exactly the
// segments the filter matches, in the sort's order, each once.
#include "ldfilter/evaluator.h"
#include "ldfilter/parser.h"
#include "ldfilter/sort.h"
#include "model/segmenttablemodel.h"
#include "modelload.h"
#include "sandboxrig.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace sb;
using namespace sb::test;

namespace {

const QString kVendor = QStringLiteral("launchdarkly");

} // namespace

class TestModelQuery final : public QObject
{
    Q_OBJECT

private slots:
    void filteredSortedLoad_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("tags, by name") << QStringLiteral("tags anyOf [\"beta\",\"enterprise\"]")
                                       << QStringLiteral("name") << 50;
        QTest::newRow("vendor example") << QStringLiteral("tags anyOf [\"enterprise\", \"beta\"],query equals \"a\"")
                                        << QStringLiteral("-creationDate") << 20;
        QTest::newRow("or of ands, two keys")
            << QStringLiteral("unbounded equals true,tags anyOf [\"eu\"]|external exists true")
            << QStringLiteral("-name,creationDate") << 37;
        QTest::newRow("nested") << QStringLiteral("query equals [\"vip\",\"beta\"],(unbounded equals false|tags anyOf "
                                                  "[\"mobile\"])")
                                << QStringLiteral("lastModified,-name") << 100;
        QTest::newRow("excluded keys") << QStringLiteral("excludedKeys anyOf [\"newsletter-0001\"],unbounded equals "
                                                         "false")
                                       << QStringLiteral("-lastModified") << 250;
        QTest::newRow("no filter, sorted") << QString() << QStringLiteral("name,-lastModified") << 100;
        QTest::newRow("filter, default order") << QStringLiteral("query equals \"cust\"") << QString() << 30;
    }

    void filteredSortedLoad()
    {
        QFETCH(QString, filter);
        QFETCH(QString, sort);
        QFETCH(int, pageSize);
        SandboxRig rig;
        const int count = 1000;
        rig.server.setSegmentCount(kVendor, count);

        // What the rows must be: the evaluator and the sort over every record the sandbox holds.
        const Result<ldfilter::Filter> parsed = ldfilter::parse(filter);
        QVERIFY(parsed);
        const Result<QList<ldfilter::SortKey>> keys = ldfilter::parseSort(sort);
        QVERIFY(keys);
        QList<QJsonObject> expected;
        for (int i = 0; i < count; ++i) {
            const QJsonObject record = rig.server.record(kVendor, i);
            if (ldfilter::matches(parsed.value(), record))
                expected.append(record);
        }
        if (!keys.value().isEmpty()) {
            std::sort(expected.begin(), expected.end(), [&](const QJsonObject &a, const QJsonObject &b) {
                return ldfilter::compareForSort(keys.value(), a, b) < 0;
            });
        }
        // A filter that matches nothing or everything would prove little.
        QVERIFY2(!expected.isEmpty(), "the filter matches no segment");
        if (!filter.isEmpty())
            QVERIFY2(expected.size() < count, "the filter matches every segment");

        SegmentTableModel model;
        model.setSource(vendorById(kVendor), rig.profile(kVendor), rig.secret(kVendor));
        model.setPageSize(pageSize);
        model.setQuery(Query {filter, sort});
        loadAll(model);
        QVERIFY2(!model.error().isError(), qPrintable(model.error().toString()));
        QVERIFY(model.isComplete());
        QCOMPARE(model.total(), qint64(expected.size()));
        QCOMPARE(model.rowCount(), expected.size());

        QStringList loadedKeys;
        for (int row = 0; row < model.rowCount(); ++row)
            loadedKeys.append(model.data(model.index(row, 0), SegmentTableModel::RecordKeyRole).toString());
        QStringList expectedKeys;
        for (const QJsonObject &record : std::as_const(expected))
            expectedKeys.append(record.value(QStringLiteral("key")).toString());
        QCOMPARE(QSet<QString>(loadedKeys.cbegin(), loadedKeys.cend()).size(), loadedKeys.size()); // each once
        QCOMPARE(loadedKeys, expectedKeys);
    }

    // A malformed filter never leaves the client: the model's error says where the mistake is.
    void malformedFilterIsTheUsersToFix()
    {
        SandboxRig rig;
        SegmentTableModel model;
        model.setSource(vendorById(kVendor), rig.profile(kVendor), rig.secret(kVendor));
        model.setQuery(Query {QStringLiteral("tags anyOf beta"), QString()});
        model.fetchMore({});
        QTRY_VERIFY(model.error().isError());
        QCOMPARE(model.error().kind, Error::Kind::Usage);
        QVERIFY2(model.error().message.contains(QStringLiteral("at character 12: expected")),
                 qPrintable(model.error().message));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(rig.server.requestCount(kVendor), 0);
    }

    // A filter the server refuses ends in the error state with LaunchDarkly's own message.
    void refusedFilterShowsLaunchDarklysMessage()
    {
        SandboxRig rig;
        const QString refusal = QStringLiteral("external is not a filterable field for this environment");
        const LdFilterHook language = ldFilterLanguageHook();
        rig.server.setLdFilterHook([&](const QString &text) {
            if (text.contains(QStringLiteral("external")))
                return LdFilter {refusal, {}};
            return language(text);
        });
        SegmentTableModel model;
        model.setSource(vendorById(kVendor), rig.profile(kVendor), rig.secret(kVendor));
        model.setQuery(Query {QStringLiteral("external exists true"), QStringLiteral("name")});
        model.fetchMore({});
        QTRY_VERIFY(model.error().isError());
        QCOMPARE(model.error().httpStatus, 400);
        QCOMPARE(model.error().vendorCode, QStringLiteral("invalid_request"));
        QCOMPARE(model.error().message, refusal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(rig.server.requestCount(kVendor), 1); // a 400 is not retried

        // The next query loads again.
        model.setQuery(Query {QStringLiteral("unbounded equals true"), QStringLiteral("name")});
        loadAll(model);
        QVERIFY(!model.error().isError());
        QVERIFY(model.rowCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestModelQuery)
#include "tst_modelquery.moc"
