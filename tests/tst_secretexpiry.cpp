#include "ui/secretexpiry.h"
#include "vendors/registry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sb;

namespace {

const VendorApi &amperity()
{
    return *vendorById(QStringLiteral("amperity"));
}

QByteArray part(const QJsonObject &object, bool padded)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return json.toBase64(padded ? QByteArray::Base64UrlEncoding
                                : QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString jwt(const QJsonObject &payload, bool padded = false)
{
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("RS256")},
                              {QStringLiteral("typ"), QStringLiteral("JWT")}};
    return QString::fromLatin1(part(header, padded) + '.' + part(payload, padded) + ".c2lnbmF0dXJl");
}

QString jwtExpiring(qint64 exp, bool padded = false)
{
    return jwt({{QStringLiteral("sub"), QStringLiteral("api-user")}, {QStringLiteral("exp"), exp}}, padded);
}

const QDateTime reference = QDateTime(QDate(2026, 11, 3), QTime(14, 0), Qt::UTC);

} // namespace

class TestSecretExpiry final : public QObject
{
    Q_OBJECT

private slots:
    void readsExp_data()
    {
        QTest::addColumn<bool>("padded");
        QTest::newRow("unpadded") << false;
        QTest::newRow("padded") << true;
    }

    void readsExp()
    {
        QFETCH(bool, padded);
        const QString token = jwtExpiring(reference.toSecsSinceEpoch(), padded);
        // The test means something only if the two encodings really differ.
        QCOMPARE(token.contains(QLatin1Char('=')), padded);
        const std::optional<QDateTime> expiry = amperity().secretExpiry(token);
        QVERIFY(expiry.has_value());
        QCOMPARE(*expiry, reference);
    }

    void fractionalExpIsRoundedDown()
    {
        const QString token = jwt({{QStringLiteral("exp"), double(reference.toSecsSinceEpoch()) + 0.75}});
        QCOMPARE(amperity().secretExpiry(token), std::optional<QDateTime>(reference));
    }

    void surroundingWhiteSpaceIsIgnored()
    {
        const QString token = QStringLiteral(" ") + jwtExpiring(reference.toSecsSinceEpoch()) + QStringLiteral("\n");
        QCOMPARE(amperity().secretExpiry(token), std::optional<QDateTime>(reference));
    }

    void noExpiry_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("no exp") << jwt({{QStringLiteral("sub"), QStringLiteral("api-user")}});
        QTest::newRow("exp is a string") << jwt({{QStringLiteral("exp"), QStringLiteral("1800000000")}});
        QTest::newRow("exp out of range") << jwt({{QStringLiteral("exp"), 1e300}});
        QTest::newRow("negative exp") << jwt({{QStringLiteral("exp"), -5}});
        QTest::newRow("opaque token") << QStringLiteral("ZVEy1iwsKBs9a6H");
        QTest::newRow("empty") << QString();
        QTest::newRow("two parts") << jwtExpiring(1800000000).section(QLatin1Char('.'), 0, 1);
        QTest::newRow("four parts") << jwtExpiring(1800000000) + QStringLiteral(".eyJ9");
        QTest::newRow("garbage payload") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.!!not base64!!.c2ln");
        QTest::newRow("payload not JSON") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln");
        QTest::newRow("payload a JSON array") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.WzFd.c2ln");
        QTest::newRow("header not JSON") << QStringLiteral("bm90IGpzb24.")
                + jwtExpiring(1800000000).section(QLatin1Char('.'), 1);
    }

    void noExpiry()
    {
        QFETCH(QString, secret);
        QCOMPARE(amperity().secretExpiry(secret), std::nullopt);
    }

    void otherVendorsSayNothing()
    {
        const QString token = jwtExpiring(reference.toSecsSinceEpoch());
        for (const VendorApi *vendor : allVendors()) {
            if (vendor->id() != QLatin1String("amperity"))
                QCOMPARE(vendor->secretExpiry(token), std::nullopt);
        }
    }

    void warning_data()
    {
        QTest::addColumn<qint64>("secondsLeft");
        QTest::addColumn<QString>("expected");
        const qint64 day = 24 * 3600;
        QTest::newRow("far off") << qint64(30 * day) << QString();
        QTest::newRow("just over a week") << qint64(7 * day + 1) << QString();
        QTest::newRow("a week") << qint64(7 * day)
                                << QStringLiteral("The access token expires in 7 days, on 3 Nov 2026 14:00.");
        QTest::newRow("two and a half days")
            << qint64(2 * day + 12 * 3600)
            << QStringLiteral("The access token expires in 2 days, on 3 Nov 2026 14:00.");
        QTest::newRow("one day") << qint64(day)
                                 << QStringLiteral("The access token expires in 1 day, on 3 Nov 2026 14:00.");
        QTest::newRow("hours") << qint64(5 * 3600 + 59)
                               << QStringLiteral("The access token expires in 5 hours, on 3 Nov 2026 14:00.");
        QTest::newRow("one hour") << qint64(3600 + 59)
                                  << QStringLiteral("The access token expires in 1 hour, on 3 Nov 2026 14:00.");
        QTest::newRow("minutes") << qint64(
            59 * 60) << QStringLiteral("The access token expires in less than an hour, on 3 Nov 2026 14:00.");
        QTest::newRow("now") << qint64(0) << QStringLiteral("The access token expired on 3 Nov 2026 14:00.");
        QTest::newRow("long ago") << qint64(-400 * day)
                                  << QStringLiteral("The access token expired on 3 Nov 2026 14:00.");
    }

    void warning()
    {
        QFETCH(qint64, secondsLeft);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QDateTime now = reference.addSecs(-secondsLeft);
        QCOMPARE(secretExpiryWarning(amperity(), jwtExpiring(reference.toSecsSinceEpoch()), now), expected);
    }

    void warningUsesTheCallersTimeZone()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QDateTime now = reference.addDays(-1).toOffsetFromUtc(3600);
        QCOMPARE(secretExpiryWarning(amperity(), jwtExpiring(reference.toSecsSinceEpoch()), now),
                 QStringLiteral("The access token expires in 1 day, on 3 Nov 2026 15:00."));
    }

    void noWarningWithoutExpiry()
    {
        QCOMPARE(secretExpiryWarning(amperity(), QStringLiteral("ZVEy1iwsKBs9a6H"), reference), QString());
        QCOMPARE(secretExpiryWarning(*vendorById(QStringLiteral("batch")), jwtExpiring(reference.toSecsSinceEpoch()),
                                     reference),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestSecretExpiry)
#include "tst_secretexpiry.moc"
