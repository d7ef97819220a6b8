// LaunchDarkly's sort language (parse, keys, order) and the filter's encoding in a query string.
#include "ldfiltertest.h"

using namespace sb;
using namespace sb::ldfilter;
using namespace sb::test;

class TestLdSort final : public QObject
{
    Q_OBJECT

private slots:
    void sortParse_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("count");
        QTest::newRow("name") << s("name") << s("name") << 1;
        QTest::newRow("vendor example") << s("-name,creationDate") << s("-name,creationDate") << 2;
        QTest::newRow("spaces") << s(" lastModified , -creationDate ") << s("lastModified,-creationDate") << 2;
        QTest::newRow("all three") << s("creationDate,-lastModified,name") << s("creationDate,-lastModified,name") << 3;
        QTest::newRow("empty") << QString() << QString() << 0;
        QTest::newRow("blank") << s("  ") << QString() << 0;
    }

    void sortParse()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(int, count);
        const Result<QList<SortKey>> keys = parseSort(input);
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        QCOMPARE(keys.value().size(), count);
        QCOMPARE(printSort(keys.value()), canonical);
        QCOMPARE(parseSort(canonical).value(), keys.value());
    }

    void sortKeys()
    {
        const auto keys = parseSort(s("-name,creationDate"));
        QVERIFY(keys.ok());
        QCOMPARE(keys.value(), (QList<SortKey> {{SortField::Name, true}, {SortField::CreationDate, false}}));
        QCOMPARE(sortFieldName(SortField::LastModified), s("lastModified"));
    }

    void sortErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        const QString expectedField = s("expected a sort field (name, creationDate, lastModified)");
        QTest::newRow("unknown") << s("nam") << 1 << expectedField + s(", found 'nam'");
        QTest::newRow("case") << s("Name") << 1 << expectedField + s(", found 'Name'");
        QTest::newRow("plus") << s("+name") << 1 << expectedField + s(", found '+'");
        QTest::newRow("lastModifiedDate is the record's name, not the sort's")
            << s("name,lastModifiedDate") << 6 << expectedField + s(", found 'lastModifiedDate'");
        QTest::newRow("empty key") << s("name,,creationDate") << 6 << expectedField + s(", found ','");
        QTest::newRow("trailing comma") << s("name, ") << 7 << expectedField;
        QTest::newRow("dash alone") << s("-") << 2 << expectedField;
        QTest::newRow("repeated") << s("name,-name") << 6 << s("'name' is already in the sort");
        QTest::newRow("missing comma") << s("name creationDate") << 6
                                       << s("expected ',' or the end of the sort, found 'creationDate'");
    }

    void sortErrors()
    {
        QFETCH(QString, input);
        QFETCH(int, column);
        QFETCH(QString, message);
        int errorColumn = 0;
        const Result<QList<SortKey>> r = parseSort(input, &errorColumn);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QCOMPARE(r.error().message, s("at character %1: %2").arg(column).arg(message));
        QCOMPARE(errorColumn, column);
    }

    void sortCompare_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QStringList>("keys"); // the records' keys in sorted order
        // creationDate 1000, 3000, 2000; lastModifiedDate 5000, 4000, 6000; names Beta Users, Big Segment, Toggle.
        QTest::newRow("none: by key") << QString() << QStringList {s("beta-users"), s("big-one"), s("toggle-team")};
        QTest::newRow("name") << s("name") << QStringList {s("beta-users"), s("big-one"), s("toggle-team")};
        QTest::newRow("-name") << s("-name") << QStringList {s("toggle-team"), s("big-one"), s("beta-users")};
        QTest::newRow("creationDate") << s("creationDate")
                                      << QStringList {s("beta-users"), s("toggle-team"), s("big-one")};
        QTest::newRow("-creationDate") << s("-creationDate")
                                       << QStringList {s("big-one"), s("toggle-team"), s("beta-users")};
        QTest::newRow("lastModified uses lastModifiedDate")
            << s("lastModified") << QStringList {s("big-one"), s("beta-users"), s("toggle-team")};
        QTest::newRow("-lastModified") << s("-lastModified")
                                       << QStringList {s("toggle-team"), s("beta-users"), s("big-one")};
    }

    void sortCompare()
    {
        QFETCH(QString, sort);
        QFETCH(QStringList, keys);
        const QList<SortKey> spec = parseSort(sort).value();
        QList<QJsonObject> list = records();
        std::reverse(list.begin(), list.end());
        std::sort(list.begin(), list.end(),
                  [&](const QJsonObject &a, const QJsonObject &b) { return compareForSort(spec, a, b) < 0; });
        QStringList sorted;
        for (const QJsonObject &r : list)
            sorted.append(r.value(QLatin1String("key")).toString());
        QCOMPARE(sorted, keys);
    }

    void sortTiesAndTotality()
    {
        QList<QJsonObject> list {
            record(R"({"key":"c","name":"same","creationDate":1})"),
            record(R"({"key":"a","name":"Same","creationDate":1})"),
            record(R"({"key":"b","name":"same","creationDate":1})"),
            record(R"({"key":"d","name":"SAME","creationDate":2})"),
            record(R"({"key":"e"})"),
        };
        const QList<SortKey> byName = parseSort(s("name")).value();
        // Names tie case-insensitively, then compare exactly; equal names fall back to the key.
        std::sort(list.begin(), list.end(),
                  [&](const QJsonObject &a, const QJsonObject &b) { return compareForSort(byName, a, b) < 0; });
        QStringList order;
        for (const QJsonObject &r : list)
            order.append(r.value(QLatin1String("key")).toString());
        QCOMPARE(order, (QStringList {s("e"), s("d"), s("a"), s("b"), s("c")}));
        // Antisymmetric and zero only for the same record, whatever the spec.
        for (const QString &spec : {s("name"), s("-creationDate"), s("lastModified,-name"), QString()}) {
            const QList<SortKey> keys = parseSort(spec).value();
            for (const QJsonObject &a : list) {
                for (const QJsonObject &b : list) {
                    const int ab = compareForSort(keys, a, b);
                    const int ba = compareForSort(keys, b, a);
                    QCOMPARE(ab<0, ba> 0);
                    QCOMPARE(ab == 0, a == b);
                }
            }
        }
    }

    void encodeForQuery_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("vendor example") << s(R"(tags anyOf ["enterprise", "beta"],query equals "toggle")")
                                        << QByteArray("tags%20anyOf%20%5B%22enterprise%22%2C%20%22beta%22%5D%2C"
                                                      "query%20equals%20%22toggle%22");
        QTest::newRow("bar and parentheses")
            << s(R"((external exists true|unbounded equals false))")
            << QByteArray("%28external%20exists%20true%7Cunbounded%20equals%20false%29");
        QTest::newRow("query delimiters") << s("query equals \"a&b=c+d#e?f/g%h\"")
                                          << QByteArray("query%20equals%20%22a%26b%3Dc%2Bd%23e%3Ff%2Fg%25h%22");
        QTest::newRow("escapes and non-ASCII")
            << s("query equals \"\\\"\\\\é\"") << QByteArray("query%20equals%20%22%5C%22%5C%5C%C3%A9%22");
        QTest::newRow("unreserved stay") << s("Az09-._~") << QByteArray("Az09-._~");
        QTest::newRow("sort") << s("-name,creationDate") << QByteArray("-name%2CcreationDate");
    }

    void encodeForQuery()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(sb::ldfilter::encodeForQuery(text), encoded);
        QVERIFY(urlRoundTrips(text));
    }

    void encodeForQueryRandom()
    {
        QRandomGenerator rng(5);
        for (int i = 0; i < 500; ++i) {
            const QString text = print(randomCanonical(rng, 3, std::nullopt));
            QVERIFY2(urlRoundTrips(text), qPrintable(text));
        }
    }

private:
    // The client puts the encoded text in a URL (StrictMode); the server reads the request
    // target back into a QUrl, as Qt HttpServer does, and asks QUrlQuery for the value.
    static bool urlRoundTrips(const QString &text)
    {
        const QByteArray encoded = sb::ldfilter::encodeForQuery(text);
        for (const char c : encoded) {
            const bool unreserved =
                std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%';
            if (!unreserved)
                return false;
        }
        QUrl url(s("http://127.0.0.1:8080/api/v2/segments/default/production"));
        url.setQuery(s("limit=20&filter=") + QString::fromLatin1(encoded), QUrl::StrictMode);
        if (!url.isValid())
            return false;
        const QByteArray wire = url.toEncoded();
        if (!wire.endsWith(QByteArray(QByteArray("?limit=20&filter=") + encoded)))
            return false;
        const QUrl server = QUrl::fromEncoded(wire, QUrl::StrictMode);
        return server.isValid() && QUrlQuery(server).queryItemValue(s("filter"), QUrl::FullyDecoded) == text;
    }
};

QTEST_GUILESS_MAIN(TestLdSort)
#include "tst_ldsort.moc"
