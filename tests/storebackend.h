#pragma once

// One store suite, two fixtures: each case of a store test asks its back end for a new, empty
// store, a file in a temporary folder on SQLite, or a database of its own in a throwaway cluster
// on PostgreSQL (tests/pgcluster.h). runOnBothBackends() runs a test class once per back end;
// where PostgreSQL is not installed its run skips, with the reason.
#include "pgcluster.h"
#include "store/storelocation.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sb::test {

enum class Backend { Sqlite, PostgreSql };

class StoreBackend
{
public:
    explicit StoreBackend(Backend kind) : m_kind(kind)
    {
        if (kind == Backend::PostgreSql)
            m_cluster = std::make_unique<PgCluster>();
    }
    ~StoreBackend()
    {
        if (QSqlDatabase::contains(adminConnection())) {
            QSqlDatabase::database(adminConnection(), false).close();
            QSqlDatabase::removeDatabase(adminConnection());
        }
    }
    StoreBackend(const StoreBackend &) = delete;
    StoreBackend &operator=(const StoreBackend &) = delete;

    Backend kind() const { return m_kind; }
    bool isSqlite() const { return m_kind == Backend::Sqlite; }
    QString name() const { return isSqlite() ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"); }

    // Why its cases skip: PostgreSQL is not installed here. Empty: they run.
    QString skipReason() const
    {
        return !isSqlite() && m_cluster->isMissing()
            ? QStringLiteral("the PostgreSQL back end: ") + m_cluster->problem()
            : QString();
    }
    // Why its cases fail: the cluster would not start, or Qt's driver is missing. Empty: none.
    QString failure() const
    {
        if (isSqlite() || m_cluster->isMissing())
            return {};
        if (!m_cluster->isRunning())
            return QStringLiteral("the test cluster did not start: ") + m_cluster->problem();
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("Qt's QPSQL driver is missing (Debian: libqt6sql6-psql; scripts/setup installs it)");
        return {};
    }

    // A new, empty store.
    StoreLocation fresh()
    {
        const QString name = QStringLiteral("store_%1").arg(++m_next);
        if (isSqlite()) {
            StoreLocation location;
            location.path = m_dir.filePath(name + QStringLiteral(".sqlite"));
            return location;
        }
        QSqlQuery q(admin());
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qFatal("CREATE DATABASE failed: %s", qPrintable(q.lastError().text()));
        return location(name);
    }

    // PostgreSQL: the catalog named `database` in the cluster, as a URL names it.
    StoreLocation location(const QString &database) const
    {
        return StoreLocation::parse(QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
                                        .arg(m_cluster->user())
                                        .arg(m_cluster->port())
                                        .arg(database),
                                    {})
            .value();
    }

    // A connection of its own to the store (another process's, to hold locks or change the schema).
    QSqlDatabase connect(const StoreLocation &where, const QString &connection) const
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(isSqlite() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), connection);
        if (isSqlite()) {
            db.setDatabaseName(where.path);
        } else {
            db.setHostName(where.host);
            db.setPort(where.port);
            db.setDatabaseName(where.database);
            db.setUserName(where.user);
        }
        if (!db.open())
            qWarning("could not connect to the test store: %s", qPrintable(db.lastError().text()));
        return db;
    }

    PgCluster *cluster() const { return m_cluster.get(); }

    // PostgreSQL: `sql` run by the cluster's superuser (roles, databases); false with a warning.
    bool runAsAdmin(const QString &sql)
    {
        QSqlQuery q(admin());
        if (q.exec(sql))
            return true;
        qWarning("%s failed: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }

private:
    static QString adminConnection() { return QStringLiteral("sb-test-admin"); }
    QSqlDatabase admin()
    {
        if (QSqlDatabase::contains(adminConnection()))
            return QSqlDatabase::database(adminConnection());
        return connect(location(QStringLiteral("postgres")), adminConnection());
    }

    Backend m_kind;
    QTemporaryDir m_dir;
    std::unique_ptr<PgCluster> m_cluster;
    int m_next = 0;
};

// Runs the test class `Suite` (constructed with a Backend) on SQLite, then on PostgreSQL; the
// exit code counts the failures of both runs.
template<typename OnSqlite, typename OnPostgreSql> int runOnBothBackends(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        OnSqlite suite;
        failures += QTest::qExec(&suite, argc, argv);
    }
    {
        OnPostgreSql suite;
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}

} // namespace sb::test

// In a store suite's initTestCase(): its cases skip where the back end is not installed, and fail
// where it is but does not run.
#define SB_REQUIRE_BACKEND(backend)                                                                                    \
    do {                                                                                                               \
        if (!(backend).skipReason().isEmpty())                                                                         \
            QSKIP(qPrintable((backend).skipReason()));                                                                 \
        if (!(backend).failure().isEmpty())                                                                            \
            QFAIL(qPrintable((backend).failure()));                                                                    \
    } while (false)
