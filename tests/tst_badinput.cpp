// Bad input from a person or a server: invalid URLs, unknown vendors, odd profile names, huge
// filters, JSON of the wrong shape. Each gets a clear error, and nothing already there is lost.

#include "ldfilter/parser.h"
#include "model/segmenttablemodel.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

constexpr int kWaitMs = 30000;

// What a person can act on: a sentence, not a dump of what they typed or what the server sent.
void verifyClear(const Error &error)
{
    QVERIFY(error.isError());
    QVERIFY2(!error.message.trimmed().isEmpty(), "the error says something");
    QVERIFY2(error.message.size() < 400, qPrintable(error.message.left(400)));
    QVERIFY2(!error.message.contains(QLatin1Char('\n')), qPrintable(error.message));
}

Error firstPageError(const QString &vendor, const Profile &profile, const QString &secret, const Query &query = {})
{
    PageFetcher fetcher(vendorById(vendor), profile, secret);
    fetcher.setQuery(query);
    QSignalSpy failed(&fetcher, &PageFetcher::failed);
    QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
    fetcher.fetch({});
    if (!QTest::qWaitFor([&] { return !failed.isEmpty() || !ready.isEmpty(); }, kWaitMs))
        return Error::parse(QStringLiteral("test: no answer"));
    return failed.isEmpty() ? Error() : failed.at(0).at(1).value<Error>();
}

Profile sample(const QString &name, const QString &vendor = QStringLiteral("launchdarkly"))
{
    Profile p;
    p.name = name;
    p.vendor = vendor;
    p.baseUrl = QUrl(QStringLiteral("https://app.launchdarkly.com"));
    p.params = {{LaunchDarklyApi::projectKey, QStringLiteral("default")},
                {LaunchDarklyApi::environmentKey, QStringLiteral("production")}};
    return p;
}

HttpReply reply(int status, const QByteArray &body, const QByteArray &contentType = "application/json")
{
    HttpReply r;
    r.status = status;
    r.headers = {{"Content-Type", contentType}};
    r.body = body;
    return r;
}

// The field each vendor lists its records under; SailPoint sends a bare array.
QString listField(const QString &vendor)
{
    if (vendor == QLatin1String("batch"))
        return QStringLiteral("segments");
    if (vendor == QLatin1String("launchdarkly"))
        return QStringLiteral("items");
    if (vendor == QLatin1String("amperity"))
        return QStringLiteral("data");
    return {};
}

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void invalidUrls_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("url");
        // (An empty URL is not here: it stands for the vendor's documented root.)
        const QStringList urls {QStringLiteral("not a url"),
                                QStringLiteral("https://"),
                                QStringLiteral("https://exa mple.com/api"),
                                QStringLiteral("https://[::1/api"),
                                QStringLiteral("https://example.com:99999/api"),
                                QStringLiteral("javascript:alert(1)"),
                                QStringLiteral("file:///etc/passwd"),
                                QStringLiteral("ftp://127.0.0.1/api"),
                                QStringLiteral("//example.com/api")};
        for (const QString &vendor : allVendorIds()) {
            for (int i = 0; i < urls.size(); ++i)
                QTest::addRow("%s %d", qPrintable(vendor), i) << vendor << urls.at(i);
        }
    }

    void invalidUrls()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, url);
        SandboxRig rig;
        Profile profile = rig.profile(vendor);
        profile.baseUrl = QUrl(url);
        const Error error = firstPageError(vendor, profile, rig.secret(vendor));
        QVERIFY2(error.kind == Error::Kind::Usage, qPrintable(error.toString()));
        verifyClear(error);
        QCOMPARE(rig.server.requestCount(vendor), 0);
    }

    void unknownVendors()
    {
        for (const QString &id : {QString(), QStringLiteral("hubspot"), QStringLiteral("batch "),
                                  QStringLiteral("../batch"), QString(5000, QLatin1Char('x'))})
            QVERIFY(!vendorById(id));

        // A profile of a vendor this version does not know (written by a newer one, or by hand)
        // stays in the file when other profiles change.
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("profiles.ini"));
        {
            ProfileStore store(ini);
            QVERIFY(!store.add(sample(QStringLiteral("known"))).isError());
            QVERIFY(!store.add(sample(QStringLiteral("future"), QStringLiteral("hubspot"))).isError());
        }
        ProfileStore store(ini);
        QVERIFY(!store.loadError().isError());
        QCOMPARE(store.names(), QStringList({QStringLiteral("known"), QStringLiteral("future")}));
        QVERIFY(!store.add(sample(QStringLiteral("another"))).isError());
        QVERIFY(!store.remove(QStringLiteral("known")).isError());
        ProfileStore reread(ini);
        QCOMPARE(reread.profile(QStringLiteral("future")), sample(QStringLiteral("future"), QStringLiteral("hubspot")));
    }

    void oddProfileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("slash") << QStringLiteral("team/prod") << true;
        QTest::newRow("slashes") << QStringLiteral("/a//b/") << true;
        QTest::newRow("backslash") << QStringLiteral("team\\prod") << true;
        QTest::newRow("ini syntax") << QStringLiteral("[general] a=b; c#d") << true;
        QTest::newRow("percent") << QStringLiteral("a%2Fb %") << true;
        QTest::newRow("non-ascii") << QStringLiteral("Prodüction – 日本語 🚀") << true;
        QTest::newRow("right-to-left") << QStringLiteral("עברית") << true;
        QTest::newRow("longest") << QString(ProfileStore::maxNameLength, QChar(0x00E9)) << true;
        QTest::newRow("too long") << QString(ProfileStore::maxNameLength + 1, QLatin1Char('a')) << false;
        QTest::newRow("very long") << QString(100000, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("spaces around") << QStringLiteral(" prod ") << false;
        QTest::newRow("line break") << QStringLiteral("prod\nX-Injected: 1") << false;
        QTest::newRow("tab") << QStringLiteral("a\tb") << false;
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << false;
    }

    void oddProfileNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("profiles.ini"));
        const Profile existing = sample(QStringLiteral("existing"));
        {
            ProfileStore store(ini);
            QVERIFY(!store.add(existing).isError());
            const Error error = store.add(sample(name));
            QCOMPARE(!error.isError(), valid);
            if (!valid) {
                QCOMPARE(error.kind, Error::Kind::Usage);
                verifyClear(error);
            }
        }
        ProfileStore reread(ini);
        QVERIFY(!reread.loadError().isError());
        QCOMPARE(reread.profile(QStringLiteral("existing")), existing);
        if (!valid) {
            QCOMPARE(reread.names(), QStringList {QStringLiteral("existing")});
            return;
        }
        // The name round-trips unchanged, and its secret has a place of its own.
        QCOMPARE(reread.profile(name), sample(name));
        QVERIFY(sample(name).secretKey() != existing.secretKey());
        MemorySecretStore secrets;
        QVERIFY(secrets.waitFor(secrets.write(existing.secretKey(), QStringLiteral("one"))).ok());
        QVERIFY(secrets.waitFor(secrets.write(sample(name).secretKey(), QStringLiteral("two"))).ok());
        QCOMPARE(secrets.waitFor(secrets.read(existing.secretKey())).secret, QStringLiteral("one"));
        QCOMPARE(secrets.waitFor(secrets.read(sample(name).secretKey())).secret, QStringLiteral("two"));
    }

    // A megabyte of filter or sort: refused at once with a short message, nothing sent.
    void hugeFilters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("sort");
        const qsizetype mb = 1024 * 1024;
        QTest::newRow("one long string") << QStringLiteral("query equals \"%1\"").arg(QString(mb, QLatin1Char('a')))
                                         << QString();
        QString terms;
        while (terms.size() < mb)
            terms += QStringLiteral("tags anyOf [\"a\",\"b\"],");
        terms.chop(1);
        QTest::newRow("many terms") << terms << QString();
        QTest::newRow("deep parentheses") << QString(mb, QLatin1Char('(')) << QString();
        QTest::newRow("garbage") << QString(mb, QChar(0x2603)) << QString();
        QTest::newRow("long sort") << QString() << QString(mb, QLatin1Char('n'));
    }

    void hugeFilters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, sort);
        const QString vendor = QStringLiteral("launchdarkly");
        SandboxRig rig;
        const Error error = firstPageError(vendor, rig.profile(vendor), rig.secret(vendor), Query {filter, sort});
        QCOMPARE(error.kind, Error::Kind::Usage);
        verifyClear(error);
        QCOMPARE(rig.server.requestCount(vendor), 0);

        // In the table: an error state, and the rows of the previous query are not harmed by it.
        SegmentTableModel model;
        rig.server.setSegmentCount(vendor, 30);
        model.setSource(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 30, kWaitMs);
        model.setQuery(Query {filter, sort});
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.error().isError(), kWaitMs);
        QCOMPARE(model.error().kind, Error::Kind::Usage);
        model.setQuery({});
        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 30, kWaitMs);
    }

    void hugeFilterTextParses()
    {
        // The parser itself: linear, bounded depth, a short message pointing at the column.
        QString terms;
        while (terms.size() < 1024 * 1024)
            terms += QStringLiteral("query equals \"x\",");
        terms.chop(1);
        QVERIFY(ldfilter::parse(terms));
        int column = 0;
        const Result<ldfilter::Filter> deep = ldfilter::parse(QString(1024 * 1024, QLatin1Char('(')), &column);
        QVERIFY(!deep);
        QVERIFY(column > 0);
        verifyClear(deep.error());
        const Result<ldfilter::Filter> junk =
            ldfilter::parse(QStringLiteral("query equals \"") + QString(1024 * 1024, QLatin1Char('z')));
        QVERIFY(!junk);
        verifyClear(junk.error());
    }

    // Bodies a vendor never documents: a Parse error with a readable message, never a crash,
    // never a page that quietly drops what it could not read.
    void wrongShape_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        const int parse = int(Error::Kind::Parse);
        for (const QString &vendor : allVendorIds()) {
            const QByteArray field = listField(vendor).toLatin1();
            const auto list = [&](const QByteArray &items) {
                return field.isEmpty() ? items : "{\"" + field + "\":" + items + "}";
            };
            const QList<std::pair<const char *, QByteArray>> bodies {
                {"empty", ""},
                {"null", "null"},
                {"number", "42"},
                {"string", "\"segments\""},
                {"html", "<html><body>Welcome</body></html>"},
                {"list is an object", list("{}")},
                {"list is a string", list("\"x\"")},
                {"records are numbers", list("[1,2,3]")},
                {"a record is null", list("[null]")},
                {"nested wrongly", list("[[{}]]")},
                {"wrong container", field.isEmpty() ? QByteArray("{\"items\":[]}") : QByteArray("[]")},
                {"deep nesting", QByteArray(100000, '[') + QByteArray(100000, ']')},
            };
            for (const auto &[name, body] : bodies)
                QTest::addRow("%s %s", qPrintable(vendor), name) << vendor << 200 << body << parse;
            // Errors whose body is not the vendor's: the status still speaks.
            QTest::addRow("%s 401 html", qPrintable(vendor))
                << vendor << 401 << QByteArray("<html>no</html>") << int(Error::Kind::Auth);
            QTest::addRow("%s 500 array", qPrintable(vendor))
                << vendor << 500 << QByteArray("[1]") << int(Error::Kind::Server);
            QTest::addRow("%s 404 empty", qPrintable(vendor))
                << vendor << 404 << QByteArray() << int(Error::Kind::Server);
        }
    }

    void wrongShape()
    {
        QFETCH(QString, vendor);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        PageQuery query;
        query.pageSize = 20;
        const Result<Page> page = vendorById(vendor)->parsePage(reply(status, body), query);
        QVERIFY2(!page, "a wrong body is not a page");
        QCOMPARE(int(page.error().kind), kind);
        verifyClear(page.error());
        QVERIFY2(!page.error().toString().contains(QLatin1Char('<')), qPrintable(page.error().toString()));
        if (status != 200)
            QCOMPARE(page.error().httpStatus, status);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
