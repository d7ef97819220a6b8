// Where the store lives (StoreLocation, issue 22's first part): the URL that settings, --store
// and SEGMENT_BROWSER_STORE hold, read and refused as the rules say; and a throwaway PostgreSQL
// cluster (tests/pgcluster.h) that Qt's QPSQL driver reaches, for the catalog's tests to build on.
#include "pgcluster.h"
#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

const QString kDefault = QStringLiteral("/home/me/.local/share/segment-browser/segments.sqlite");

StoreLocation parsed(const QString &text)
{
    const Result<StoreLocation> r = StoreLocation::parse(text, kDefault);
    return r ? r.value() : StoreLocation {};
}

QString refusal(const QString &text)
{
    const Result<StoreLocation> r = StoreLocation::parse(text, kDefault);
    return r ? QString() : r.error().message;
}

} // namespace

class TestStoreLocation final : public QObject
{
    Q_OBJECT

private slots:
    void filesAndTheDefault()
    {
        QCOMPARE(parsed({}).kind, StoreLocation::Kind::SqliteFile);
        QCOMPARE(parsed({}).path, kDefault);
        QCOMPARE(parsed(QStringLiteral("/srv/team.sqlite")).path, QStringLiteral("/srv/team.sqlite"));
        QCOMPARE(parsed(QStringLiteral("file:///srv/team.sqlite")).path, QStringLiteral("/srv/team.sqlite"));
        QCOMPARE(parsed(QStringLiteral("/srv/team.sqlite")).displayUrl(), QStringLiteral("/srv/team.sqlite"));
    }

    void aCatalogElsewhereIsReachedOverCheckedTls()
    {
        const StoreLocation l = parsed(QStringLiteral("postgresql://sync@catalog.example.com/segments"));
        QCOMPARE(l.kind, StoreLocation::Kind::PostgreSql);
        QCOMPARE(l.host, QStringLiteral("catalog.example.com"));
        QCOMPARE(l.port, 5432);
        QCOMPARE(l.database, QStringLiteral("segments"));
        QCOMPARE(l.user, QStringLiteral("sync"));
        QCOMPARE(l.sslMode, QStringLiteral("verify-full"));
        QVERIFY(!l.isLoopback());
        QCOMPARE(l.displayUrl(), QStringLiteral("postgresql://sync@catalog.example.com/segments"));
        QCOMPARE(l.secretKey(), QStringLiteral("postgresql://sync@catalog.example.com:5432/segments"));
        QCOMPARE(parsed(QStringLiteral("postgres://db.internal:6543/seg?sslmode=verify-full")).port, 6543);
        // Anything weaker than verify-full to another machine is refused, not quietly used.
        for (const char *mode : {"disable", "prefer", "require", "verify-ca"}) {
            const QString message = refusal(
                QStringLiteral("postgresql://catalog.example.com/segments?sslmode=%1").arg(QLatin1String(mode)));
            QVERIFY2(message.contains(QStringLiteral("verify-full")), qPrintable(message));
        }
    }

    void thisMachineMayGoWithoutTls()
    {
        for (const char *url : {"postgresql://127.0.0.1:55432/segments", "postgresql://localhost/segments",
                                "postgresql://[::1]/segments", "postgresql:///segments?host=/run/postgresql"}) {
            const StoreLocation l = parsed(QLatin1String(url));
            QVERIFY2(l.kind == StoreLocation::Kind::PostgreSql && l.isLoopback(), url);
            QCOMPARE(l.sslMode, QStringLiteral("prefer"));
        }
        QCOMPARE(parsed(QStringLiteral("postgresql:///segments?host=/run/postgresql")).host,
                 QStringLiteral("/run/postgresql"));
        QCOMPARE(parsed(QStringLiteral("postgresql:///segments?host=/run/postgresql")).displayUrl(),
                 QStringLiteral("postgresql:///segments?host=/run/postgresql"));
        // A socket's port names its file: it stays in the URL.
        QCOMPARE(parsed(QStringLiteral("postgresql://:5433/segments?host=/run/postgresql")).displayUrl(),
                 QStringLiteral("postgresql://:5433/segments?host=/run/postgresql"));
        QCOMPARE(parsed(QStringLiteral("postgresql://:5433/segments?host=/run/postgresql")).port, 5433);
        QCOMPARE(parsed(QStringLiteral("postgresql://127.0.0.1:55432/segments?sslmode=disable")).displayUrl(),
                 QStringLiteral("postgresql://127.0.0.1:55432/segments?sslmode=disable"));
    }

    void aPasswordInTheUrlIsRefusedAndNeverRepeated()
    {
        const QString message =
            refusal(QStringLiteral("postgresql://sync:hunter2-secret@catalog.example.com/segments"));
        QVERIFY(message.contains(QStringLiteral("keychain")));
        QVERIFY(!message.contains(QStringLiteral("hunter2")));
        QVERIFY(!refusal(QStringLiteral("mysql://db/segments")).isEmpty());
        QVERIFY(refusal(QStringLiteral("postgresql://catalog.example.com/")).contains(QStringLiteral("database")));
        QVERIFY(refusal(QStringLiteral("postgresql://catalog.example.com/seg?password=x"))
                    .contains(QStringLiteral("“password”")));
        QVERIFY(!refusal(QStringLiteral("postgresql://localhost/seg?sslmode=sometimes")).isEmpty());
        // A mistyped URL is an error, not a file of that name.
        const QString typo = refusal(QStringLiteral("postgresql:/sync:hunter2@catalog.example.com/segments"));
        QVERIFY(!typo.isEmpty());
        QVERIFY(!typo.contains(QStringLiteral("hunter2")));
        QVERIFY(!refusal(QStringLiteral("file://")).isEmpty());
        QVERIFY(!refusal(QStringLiteral("file://fileserver/share/segments.sqlite")).isEmpty());
    }

    void theOptionThenTheEnvironmentThenTheSettings()
    {
        const QString option = QStringLiteral("postgresql://localhost/from-option");
        const QString environment = QStringLiteral("postgresql://localhost/from-environment");
        const QString setting = QStringLiteral("postgresql://localhost/from-settings");
        QCOMPARE(StoreLocation::resolve(option, environment, setting, kDefault).value().database,
                 QStringLiteral("from-option"));
        QCOMPARE(StoreLocation::resolve({}, environment, setting, kDefault).value().database,
                 QStringLiteral("from-environment"));
        QCOMPARE(StoreLocation::resolve({}, {}, setting, kDefault).value().database, QStringLiteral("from-settings"));
        QCOMPARE(StoreLocation::resolve({}, QStringLiteral("  "), {}, kDefault).value().path, kDefault);
    }

    // The cluster the catalog's tests will run on: started here, reached through QPSQL, with a
    // transaction that a reader outside it does not see half of.
    void aThrowawayClusterAnswersThroughQtSql()
    {
        PgCluster cluster;
        if (cluster.isMissing())
            QSKIP(qPrintable(cluster.problem()));
        QVERIFY2(cluster.isRunning(), qPrintable(cluster.problem())); // installed but broken: a failure
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's PostgreSQL driver is not installed (Debian: libqt6sql6-psql)");
        const StoreLocation location = parsed(
            QStringLiteral("postgresql://%1@%2:%3/postgres").arg(cluster.user(), cluster.host()).arg(cluster.port()));
        QVERIFY(location.isLoopback());
        {
            QSqlDatabase writer = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("writer"));
            QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("reader"));
            for (QSqlDatabase *db : {&writer, &reader}) {
                db->setHostName(location.host);
                db->setPort(location.port);
                db->setUserName(location.user);
                db->setDatabaseName(location.database);
                db->setConnectOptions(QStringLiteral("sslmode=%1").arg(location.sslMode));
                QVERIFY2(db->open(), qPrintable(db->lastError().text()));
            }
            QSqlQuery w(writer);
            QVERIFY2(w.exec(QStringLiteral("CREATE TABLE segment (key text PRIMARY KEY, name text)")),
                     qPrintable(w.lastError().text()));
            QVERIFY(writer.transaction());
            QVERIFY(w.exec(QStringLiteral("INSERT INTO segment VALUES ('beta-testers', 'Beta testers')")));
            QSqlQuery r(reader);
            QVERIFY(r.exec(QStringLiteral("SELECT count(*) FROM segment")) && r.next());
            QCOMPARE(r.value(0).toInt(), 0); // not yet committed: not seen
            QVERIFY(writer.commit());
            QVERIFY(r.exec(QStringLiteral("SELECT name FROM segment")) && r.next());
            QCOMPARE(r.value(0).toString(), QStringLiteral("Beta testers"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
        // The server going away is an error a connection reports, never a hang.
        cluster.stop();
        {
            QSqlDatabase late = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("late"));
            late.setHostName(location.host);
            late.setPort(location.port);
            late.setUserName(location.user);
            late.setDatabaseName(location.database);
            QVERIFY(!late.open());
            QVERIFY(!late.lastError().text().isEmpty());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("late"));
    }
};

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "tst_storelocation.moc"
