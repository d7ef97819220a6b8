#pragma once

// A throwaway PostgreSQL cluster for the team catalog's tests: initdb in a temporary folder, the
// server on a free loopback port (and a socket in that folder), stopped and deleted at the end.
// Debian's `postgresql` package has the binaries (scripts/setup installs it); without them,
// problem() says so and the test skips. initdb refuses to run as root: as root the cluster is
// made and run as the `postgres` user the package creates.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sb::test {

class PgCluster
{
public:
    PgCluster()
    {
        const QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &version : found) {
            if (QFileInfo::exists(versions.filePath(version + QStringLiteral("/bin/initdb")))) {
                m_bin = versions.filePath(version + QStringLiteral("/bin/"));
                break;
            }
        }
        if (m_bin.isEmpty()) {
            m_problem = QStringLiteral("PostgreSQL's initdb is not installed (Debian: postgresql)");
            return;
        }
        if (!m_dir.isValid()) {
            m_problem = QStringLiteral("no temporary folder");
            return;
        }
        if (::geteuid() == 0) {
            const passwd *owner = ::getpwnam("postgres");
            if (!owner || ::chown(qPrintable(m_dir.path()), owner->pw_uid, owner->pw_gid) != 0) {
                m_problem = QStringLiteral("running as root without a postgres user to run the cluster as");
                return;
            }
            m_runAs = QStringLiteral("postgres");
        }
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost)) {
                m_problem = QStringLiteral("no free port on 127.0.0.1");
                return;
            }
            m_port = probe.serverPort();
        }
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), data(), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                  user(), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                  QStringLiteral("--no-sync")}))
            return;
        const QString options =
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir.path());
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), data(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                  QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("start")}))
            return;
        m_running = true;
    }

    ~PgCluster() { stop(); }
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    bool isRunning() const { return m_running; }
    QString problem() const { return m_problem; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString socketFolder() const { return m_dir.path(); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("sb"); }

    // Stops the server at once, as a machine going down would (what a test of "the server went away" needs).
    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), data(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
             QStringLiteral("stop")});
    }

private:
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }

    bool run(const QString &tool, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (m_runAs.isEmpty()) {
            process.start(m_bin + tool, arguments);
        } else {
            process.setWorkingDirectory(m_dir.path());
            process.start(QStringLiteral("runuser"),
                          QStringList {QStringLiteral("-u"), m_runAs, QStringLiteral("--"), m_bin + tool} + arguments);
        }
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            m_problem = QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll()).trimmed());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_runAs;
    QString m_problem;
    int m_port = 0;
    bool m_running = false;
};

} // namespace sb::test
