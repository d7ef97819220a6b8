#include "core/vendorapi.h"
#include "model/segmenttablemodel.h"
#include "modelload.h"
#include "sandboxrig.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sb;
using namespace sb::test;

class TestSegmentTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void tenThousandRowsWithTheTesterAttached()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(vendor, 10000);
        SegmentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.setPageSize(50);
        loadAll(model); // the tester itself also calls fetchMore as it checks the model
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.total(), 10000);
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));
        const QStringList expected = rig.expectedKeys(vendor, 10000);
        for (int row : {0, 1, 499, 500, 9999})
            QCOMPARE(model.data(model.index(row, 0), SegmentTableModel::RecordKeyRole).toString(), expected.at(row));
        QCOMPARE(model.statusText(), QStringLiteral("10,000 segments"));
    }

    void statusSaysWhatIsKnown()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch"); // no total: "more available"
        rig.server.setSegmentCount(vendor, 250);
        SegmentTableModel model;
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.setPageSize(100);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 100);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.statusText(), QStringLiteral("100 loaded, more available"));
        QCOMPARE(model.total(), -1);

        const QString ld = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(ld, 1234);
        model.setSource(vendorById(ld), rig.profile(ld), rig.secret(ld));
        model.setPageSize(50);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 50);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.statusText(), QStringLiteral("Loaded 50 of 1,234"));
    }

    // A total the pages contradict: the pages are followed to their end, and the status says
    // the total is wrong rather than "Loaded 120 of 10".
    void aTotalThePagesContradictIsFollowedAndShown()
    {
        SandboxRig rig;
        const QString ld = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(ld, 120);
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly:total=10")));
        SegmentTableModel model;
        model.setSource(vendorById(ld), rig.profile(ld), rig.secret(ld));
        model.setPageSize(50);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 50);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.statusText(), QStringLiteral("50 loaded, more available (the server's total of 10 is wrong)"));
        loadAll(model);
        QCOMPARE(model.rowCount(), 120);
        QCOMPARE(model.statusText(), QStringLiteral("120 segments (the server said 10)"));
    }

    // While the first page loads there is nothing to count, and after an error nothing that
    // contradicts the banner: never "0 loaded, more available".
    void theStatusNeverContradictsWhatShows()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        rig.server.setSegmentCount(vendor, 250);
        QVERIFY(rig.server.setFaults(QStringLiteral("batch:latency=300@1")));
        SegmentTableModel model;
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.setPageSize(100);
        model.fetchMore({});
        QVERIFY(model.isLoading());
        QCOMPARE(model.statusText(), QString());
        QTRY_COMPARE(model.rowCount(), 100);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.statusText(), QStringLiteral("100 loaded, more available"));
        // The next page refused: what is there, nothing about more.
        QVERIFY(rig.server.setFaults(QStringLiteral("batch:401")));
        model.fetchMore({});
        QTRY_VERIFY(model.error().isError());
        QCOMPARE(model.statusText(), QStringLiteral("100 loaded"));
        // Refused from the start: nothing at all.
        model.reload();
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTRY_VERIFY(model.error().isError() && !model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.statusText(), QString());
    }

    void atMostOneRequestInFlight()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("amperity");
        rig.server.setLatencyMs(100);
        SegmentTableModel model;
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.fetchMore({});
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({}); // ignored
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(rig.server.requestCount(vendor), 1);
    }

    void aStaleReplyIsDropped()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(vendor, 100);
        rig.server.setLatencyMs(200);
        SegmentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.setPageSize(10);
        model.fetchMore({});
        QVERIFY(model.isLoading());
        model.setQuery(Query {{}, QStringLiteral("-name")}); // supersedes the first request
        QCOMPARE(model.rowCount(), 0);
        model.fetchMore({});
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(model.rowCount() >= 10);
        // The rows are those of the new (sorted) query only, in the server's order: the same
        // as a fresh fetch of that query's first page.
        PageFetcher direct(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        direct.setQuery(Query {{}, QStringLiteral("-name")});
        QSignalSpy ready(&direct, &PageFetcher::pageReady);
        direct.fetch({}, 10);
        QVERIFY(ready.wait(10000));
        const Page page = ready.at(0).at(1).value<Page>();
        QCOMPARE(page.segments.size(), 10);
        for (int row = 0; row < 10; ++row)
            QCOMPARE(model.data(model.index(row, 0), SegmentTableModel::RecordKeyRole).toString(),
                     vendorById(vendor)->recordKey(page.segments.at(row).object()));
    }

    void errorStateAndRetry()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        SegmentTableModel model;
        model.setSource(vendorById(vendor), rig.profile(vendor), QStringLiteral("wrong"));
        model.fetchMore({});
        QTRY_VERIFY(model.error().isError());
        QCOMPARE(model.error().kind, Error::Kind::Auth);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void sortGoesToTheServerOnlyWhereTheVendorSorts()
    {
        SandboxRig rig;
        SegmentTableModel model;
        const QString amperity = QStringLiteral("amperity");
        model.setSource(vendorById(amperity), rig.profile(amperity), rig.secret(amperity));
        QVERIFY(!model.isColumnSortable(1));
        model.sort(1, Qt::DescendingOrder);
        QCOMPARE(model.query().sort, QString());

        const QString ld = QStringLiteral("launchdarkly");
        model.setSource(vendorById(ld), rig.profile(ld), rig.secret(ld));
        const int name = 1;
        // Headers in words; the field as the API names it in the tooltip.
        QCOMPARE(model.headerData(name, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(model.headerData(name, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("name — click to sort on the server"));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("Created"));
        QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("key"));
        QVERIFY(model.isColumnSortable(name));
        model.sort(name, Qt::DescendingOrder);
        QCOMPARE(model.query().sort, QStringLiteral("-name"));
        QVERIFY(!model.isColumnSortable(0)); // key: the server does not sort on it
    }
    void columnHeadersAreWords()
    {
        QCOMPARE(humanFieldName(u"owner.name"), QStringLiteral("Owner name"));
        QCOMPARE(humanFieldName(u"lastModifiedDate"), QStringLiteral("Last modified date"));
        QCOMPARE(humanFieldName(u"created_at"), QStringLiteral("Created at"));
        QCOMPARE(humanFieldName(u"id"), QStringLiteral("ID"));
        QCOMPARE(humanFieldName(u"_links.self.href"), QStringLiteral("Links self href"));
        QCOMPARE(humanFieldName(u"externalURLPath"), QStringLiteral("External URL path"));
        const auto labels = [](const char *vendor) {
            const VendorApi *api = vendorById(QLatin1String(vendor));
            QStringList out;
            for (const Column &c : api->columns())
                out << api->fieldLabel(c.field);
            return out;
        };
        QCOMPARE(labels("batch"),
                 (QStringList {QStringLiteral("Code"), QStringLiteral("Name"), QStringLiteral("Created"),
                               QStringLiteral("Modified")}));
        QCOMPARE(labels("launchdarkly"),
                 (QStringList {QStringLiteral("Key"), QStringLiteral("Name"), QStringLiteral("Description"),
                               QStringLiteral("Tags"), QStringLiteral("Created"), QStringLiteral("Modified"),
                               QStringLiteral("Big segment"), QStringLiteral("Version")}));
        QCOMPARE(labels("amperity"), (QStringList {QStringLiteral("ID"), QStringLiteral("Name")}));
        QCOMPARE(labels("sailpoint"),
                 (QStringList {QStringLiteral("Name"), QStringLiteral("ID"), QStringLiteral("Description"),
                               QStringLiteral("Active"), QStringLiteral("Created"), QStringLiteral("Modified"),
                               QStringLiteral("Owner")}));
        // A field the vendor has no word for is spelled out.
        QCOMPARE(vendorById(QStringLiteral("launchdarkly"))->fieldLabel(QStringLiteral("_links.self.href")),
                 QStringLiteral("Links self href"));
    }
};

QTEST_GUILESS_MAIN(TestSegmentTableModel)
#include "tst_segmenttablemodel.moc"
