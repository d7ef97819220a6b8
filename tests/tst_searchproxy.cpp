#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"
#include "sandboxrig.h"

#include <QAbstractItemModelTester>
#include <QAbstractTableModel>
#include <QSignalSpy>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

// A fixed two-column table, to pin down what matches.
class FixedTable final : public QAbstractTableModel
{
public:
    explicit FixedTable(QList<QStringList> rows) : m_rows(std::move(rows)) { }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !index.isValid())
            return {};
        return m_rows.at(index.row()).at(index.column());
    }

private:
    QList<QStringList> m_rows;
};

QStringList firstColumn(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data().toString();
    return out;
}

// The rows of `model` whose displayed text, in any column, contains `needle` ignoring case.
QStringList expectedKeys(const SegmentTableModel &model, const QString &needle)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            if (model.index(row, column).data().toString().contains(needle, Qt::CaseInsensitive)) {
                out << model.index(row, 0).data().toString();
                break;
            }
        }
    }
    return out;
}

// A sandbox vendor behind a model and the proxy, pages of 100, nothing loaded yet. No model
// tester: it would fetch every page itself.
struct Paged
{
    SandboxRig rig;
    QString vendor;
    SegmentTableModel model;
    SegmentSearchProxy proxy;

    Paged(const QString &vendorId, int segments) : vendor(vendorId)
    {
        rig.server.setSegmentCount(vendor, segments);
        proxy.setSourceModel(&model);
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.setPageSize(100);
    }
};

void waitForPage(SegmentTableModel &model)
{
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000);
}

} // namespace

class TestSearchProxy final : public QObject
{
    Q_OBJECT

private slots:
    void matchesAnyColumnIgnoringCase()
    {
        FixedTable table({{QStringLiteral("Alpha"), QStringLiteral("one")},
                          {QStringLiteral("beta"), QStringLiteral("ÄPFEL")},
                          {QStringLiteral("gamma"), QStringLiteral("Straße")},
                          {QStringLiteral("delta"), QString()}});
        SegmentSearchProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&table);
        QCOMPARE(proxy.matchCount(), 4);
        QVERIFY(!proxy.isSearching());

        proxy.setSearchText(QStringLiteral("ALP"));
        QVERIFY(proxy.isSearching());
        QCOMPARE(firstColumn(proxy), QStringList {QStringLiteral("Alpha")});
        proxy.setSearchText(QStringLiteral("äpf")); // second column, non-ASCII case
        QCOMPARE(firstColumn(proxy), QStringList {QStringLiteral("beta")});
        proxy.setSearchText(QStringLiteral("straße"));
        QCOMPARE(firstColumn(proxy), QStringList {QStringLiteral("gamma")});
        proxy.setSearchText(QStringLiteral("a"));
        QCOMPARE(proxy.matchCount(), 4);
        proxy.setSearchText(QStringLiteral("ae"));
        QCOMPARE(proxy.matchCount(), 0);
        // Never across two cells, whatever lies between them.
        for (const QString &across : {QStringLiteral("haone"), QStringLiteral("ha one"), QStringLiteral("ha\none")}) {
            proxy.setSearchText(across);
            QCOMPARE(proxy.matchCount(), 0);
        }
        proxy.setSearchText(QString());
        QVERIFY(!proxy.isSearching());
        QCOMPARE(proxy.matchCount(), 4);
    }

    void aNewSourceIsSearchedInstead()
    {
        FixedTable first({{QStringLiteral("Alpha"), QStringLiteral("one")}});
        auto second = std::make_unique<FixedTable>(QList<QStringList> {{QStringLiteral("beta"), QStringLiteral("x")},
                                                                       {QStringLiteral("alpine"), QStringLiteral("y")},
                                                                       {QStringLiteral("ALPS"), QStringLiteral("z")}});
        SegmentSearchProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&first);
        proxy.setSearchText(QStringLiteral("alp"));
        QCOMPARE(firstColumn(proxy), QStringList {QStringLiteral("Alpha")});
        proxy.setSourceModel(second.get());
        QCOMPARE(firstColumn(proxy), (QStringList {QStringLiteral("alpine"), QStringLiteral("ALPS")}));
        second.reset(); // the proxy lets go of a source that goes away
        QCOMPARE(proxy.matchCount(), 0);
        proxy.setSourceModel(&first);
        QCOMPARE(firstColumn(proxy), QStringList {QStringLiteral("Alpha")});
    }

    void searchesTheLoadedSegments()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(vendor, 1000);
        SegmentTableModel model;
        SegmentSearchProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.setPageSize(50);
        // The tester asks for more as it checks, like a view: this loads every page.
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 30000);
        QCOMPARE(model.rowCount(), 1000);
        // Part of a real row's key, in the wrong case.
        const QString key = model.index(123, 0).data().toString();
        QVERIFY(key.size() > 4);
        const QString needle = key.mid(1, 4).toUpper();
        proxy.setSearchText(needle);
        const QStringList expected = expectedKeys(model, needle);
        QVERIFY(expected.contains(key));
        QCOMPARE(firstColumn(proxy), expected);
        QCOMPARE(proxy.matchCount(), expected.size());
    }

    void doesNotFetchWhileSearching()
    {
        Paged paged(QStringLiteral("sailpoint"), 600);
        auto &[rig, vendor, model, proxy] = paged;
        QVERIFY(proxy.canFetchMore({}));
        proxy.fetchMore({});
        waitForPage(model);
        const int loaded = model.rowCount();
        QCOMPARE(loaded, 100);
        const int requests = rig.server.requestCount(vendor);

        proxy.setSearchText(QStringLiteral("e"));
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!proxy.canFetchMore({}));
        proxy.fetchMore({});
        QVERIFY(!model.isLoading());
        QCOMPARE(rig.server.requestCount(vendor), requests);
        QCOMPARE(model.rowCount(), loaded);

        proxy.setSearchText(QString());
        QVERIFY(proxy.canFetchMore({}));
        proxy.fetchMore({});
        QVERIFY(model.isLoading());
        waitForPage(model);
        QVERIFY(model.rowCount() > loaded);
    }

    void rowsArrivingDuringASearchAreFiltered()
    {
        Paged paged(QStringLiteral("batch"), 300);
        auto &[rig, vendor, model, proxy] = paged;
        model.fetchMore({});
        waitForPage(model);
        const QString needle = model.index(7, 0).data().toString();
        proxy.setSearchText(needle);
        const int before = proxy.matchCount();
        QVERIFY(before >= 1);
        // A page the source asked for itself (the search only stops the proxy asking).
        model.fetchMore({});
        waitForPage(model);
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(firstColumn(proxy), expectedKeys(model, needle));

        // A new query empties the source, and the search with it.
        model.reload();
        QCOMPARE(proxy.matchCount(), 0);
        model.fetchMore({});
        waitForPage(model);
        QCOMPARE(firstColumn(proxy), expectedKeys(model, needle));
    }

    void sortGoesToTheServer()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        SegmentTableModel model;
        SegmentSearchProxy proxy;
        proxy.setSourceModel(&model);
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        const int nameColumn = model.columns().indexOf(Column {QStringLiteral("name"), ValueType::String});
        QVERIFY(nameColumn >= 0);
        proxy.sort(nameColumn, Qt::DescendingOrder);
        QCOMPARE(model.query().sort, QStringLiteral("-name"));
        QCOMPARE(model.sortColumn(), nameColumn);
    }
};

QTEST_GUILESS_MAIN(TestSearchProxy)
#include "tst_searchproxy.moc"
