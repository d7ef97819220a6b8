#include "core/http.h"
#include "core/result.h"
#include "core/segment.h"
#include "core/timetext.h"

#include <QJsonDocument>
#include <QLocale>
#include <QScopeGuard>
#include <QTest>

#include <ctime>

using namespace sb;

class TestCore final : public QObject
{
    Q_OBJECT

private slots:
    // One way to show a moment, with its zone: local time, the locale's order, a whole year.
    void momentsShowTheirZoneAndAWholeYear()
    {
        const QByteArray zone = qgetenv("TZ");
        const QLocale locale;
        const auto restore = qScopeGuard([&] {
            QLocale::setDefault(locale);
            if (zone.isNull())
                qunsetenv("TZ");
            else
                qputenv("TZ", zone);
            ::tzset();
        });
        qputenv("TZ", "Europe/Paris");
        ::tzset();
        const QDateTime t = QDateTime::fromString(QStringLiteral("2019-10-28T13:32:05.120Z"), Qt::ISODateWithMs);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(localDateTimeText(t), QStringLiteral("28/10/2019 14:32 CET"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(localDateTimeText(t), QStringLiteral("10/28/2019 2:32 PM CET"));
        QCOMPARE(localDateTimeText(t.addMonths(-6)), QStringLiteral("4/28/2019 3:32 PM CEST"));
        QCOMPARE(utcDateTimeText(t), QStringLiteral("2019-10-28 13:32:05.120 UTC"));
        QCOMPARE(localDateTimeText({}), QString());
    }

    void retryAfterSeconds()
    {
        QCOMPARE(parseRetryAfter("7"), 7000);
        QCOMPARE(parseRetryAfter(" 0 "), 0);
        QCOMPARE(parseRetryAfter(""), -1);
        QCOMPARE(parseRetryAfter("soon"), -1);
        QCOMPARE(parseRetryAfter("-3"), -1);
    }

    void retryAfterHttpDate()
    {
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 27, 50), Qt::UTC);
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), 10000);
        // A date in the past means "now".
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0);
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
        QTest::newRow("127.1.2.3") << "127.1.2.3" << true;
        QTest::newRow("localhost") << "localhost" << true;
        QTest::newRow("LOCALHOST") << "LOCALHOST" << true;
        QTest::newRow("::1") << "::1" << true;
        QTest::newRow("128.0.0.1") << "128.0.0.1" << false;
        QTest::newRow("127.0.0.1.evil.com") << "127.0.0.1.evil.com" << false;
        QTest::newRow("localhost.evil.com") << "localhost.evil.com" << false;
        QTest::newRow("127.0.0.256") << "127.0.0.256" << false;
    }

    void loopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }

    void transport()
    {
        QVERIFY(!checkTransport(QUrl(QStringLiteral("https://app.launchdarkly.com"))).isError());
        QVERIFY(!checkTransport(QUrl(QStringLiteral("http://127.0.0.1:8080/api"))).isError());
        const Error plain = checkTransport(QUrl(QStringLiteral("http://app.launchdarkly.com")));
        QCOMPARE(plain.kind, Error::Kind::Usage);
        QVERIFY(plain.message.contains(QStringLiteral("app.launchdarkly.com")));
        QCOMPARE(checkTransport(QUrl(QStringLiteral("ftp://x.example"))).kind, Error::Kind::Usage);
        QCOMPARE(checkTransport(QUrl(QStringLiteral("not a url"))).kind, Error::Kind::Usage);
    }

    void headerInjection()
    {
        QVERIFY(isSafeHeaderValue("Bearer abc"));
        QVERIFY(!isSafeHeaderValue("abc\r\nX-Evil: 1"));
        QVERIFY(!isSafeHeaderValue("abc\n"));
    }

    void headersAreCaseInsensitive()
    {
        HttpReply r;
        r.headers = {{"X-Total-Count", "12"}};
        QCOMPARE(r.header("x-total-count"), QByteArray("12"));
        HttpRequest q;
        q.setHeader("Authorization", "a");
        q.setHeader("authorization", "b");
        QCOMPARE(q.headers.size(), 1);
        QCOMPARE(q.header("AUTHORIZATION"), QByteArray("b"));
    }

    void extractTypedValues()
    {
        const QJsonObject rec = QJsonDocument::fromJson(R"({"name":"n","active":true,"version":3,
            "creationDate":1717000000000,"tags":["a","b"],"owner":{"name":"Ann"},"description":null})")
                                    .object();
        QCOMPARE(extractValue(rec, {QStringLiteral("name"), ValueType::String}).toString(), QStringLiteral("n"));
        QCOMPARE(extractValue(rec, {QStringLiteral("active"), ValueType::Boolean}).toBool(), true);
        QCOMPARE(extractValue(rec, {QStringLiteral("version"), ValueType::Integer}).toLongLong(), 3);
        QCOMPARE(extractValue(rec, {QStringLiteral("creationDate"), ValueType::UnixMillis}).toLongLong(),
                 1717000000000LL);
        QCOMPARE(extractValue(rec, {QStringLiteral("tags"), ValueType::StringList}).toStringList(),
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(extractValue(rec, {QStringLiteral("owner.name"), ValueType::String}).toString(),
                 QStringLiteral("Ann"));
        QVERIFY(!extractValue(rec, {QStringLiteral("description"), ValueType::String}).isValid());
        QVERIFY(!extractValue(rec, {QStringLiteral("missing"), ValueType::String}).isValid());
        QVERIFY(!extractValue(rec, {QStringLiteral("name.deeper"), ValueType::String}).isValid());
    }

    void segmentKeepsTheWholeRecord()
    {
        const QJsonObject rec {{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("extra"), 1}};
        const Segment s = Segment::fromRecord(rec, {{QStringLiteral("id"), ValueType::String}});
        QCOMPARE(s.object(), rec);
        QCOMPARE(s.values, QVariantList {QStringLiteral("x")});
    }

    void resultHoldsValueOrError()
    {
        Result<int> good(5);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 5);
        Result<int> bad(Error::parse(QStringLiteral("nope")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, Error::Kind::Parse);
    }

    void errorKinds()
    {
        QCOMPARE(Error::fromStatus(401, {}).kind, Error::Kind::Auth);
        QCOMPARE(Error::fromStatus(403, {}).kind, Error::Kind::Auth);
        QCOMPARE(Error::fromStatus(429, {}).kind, Error::Kind::RateLimit);
        QVERIFY(Error::fromStatus(503, {}).isTransient());
        QVERIFY(!Error::fromStatus(400, {}).isTransient());
        QCOMPARE(Error::fromStatus(400, QStringLiteral("bad")).toString(), QStringLiteral("HTTP 400: bad"));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
