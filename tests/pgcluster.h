#pragma once

// A throwaway PostgreSQL cluster for the team catalog's tests: initdb in a temporary folder, the
// server on a free loopback port (TCP only), stopped and deleted at the end. Debian's
// `postgresql` package has the binaries (scripts/setup installs it); without them isMissing()
// holds and the test skips, while any other trouble is a failure with the server's log.
// initdb refuses to run as root: as root the cluster is made and run as the `postgres` user the
// package creates.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>

#include <algorithm>

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
        QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        // The newest first, by number: 16 before 9.6.
        std::sort(found.begin(), found.end(),
                  [](const QString &a, const QString &b) { return a.toDouble() > b.toDouble(); });
        for (const QString &version : std::as_const(found)) {
            if (QFileInfo::exists(versions.filePath(version + QStringLiteral("/bin/initdb")))) {
                m_bin = versions.filePath(version + QStringLiteral("/bin/"));
                break;
            }
        }
        if (m_bin.isEmpty()) {
            m_problem = QStringLiteral("PostgreSQL's initdb is not installed (Debian: postgresql)");
            m_missing = true;
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
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), data(), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                  user(), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                  QStringLiteral("--no-sync")}))
            return;
        // One role must give its password (SCRAM), as a real catalog's users do; the rest are trusted.
        {
            QFile hba(QDir(data()).filePath(QStringLiteral("pg_hba.conf")));
            if (!hba.open(QIODevice::ReadOnly)) {
                m_problem = QStringLiteral("pg_hba.conf cannot be read");
                return;
            }
            const QByteArray rules = hba.readAll();
            hba.close();
            if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                m_problem = QStringLiteral("pg_hba.conf cannot be written");
                return;
            }
            hba.write("host all " + passwordUser().toUtf8() + " 127.0.0.1/32 scram-sha-256\n" + rules);
        }
        // TCP only (no socket file, whose path has a length limit); a port that another process
        // takes between the probe and the start is tried again with another.
        for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
            {
                QTcpServer probe;
                if (!probe.listen(QHostAddress::LocalHost)) {
                    m_problem = QStringLiteral("no free port on 127.0.0.1");
                    return;
                }
                m_port = probe.serverPort();
            }
            start();
        }
    }

    // Starts the stopped server again on its port, with its data: a machine back up.
    bool start()
    {
        const QString options =
            QStringLiteral("-p %1 -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c fsync=off")
                .arg(m_port);
        m_running = run(QStringLiteral("pg_ctl"),
                        {QStringLiteral("-D"), data(), QStringLiteral("-l"), log(), QStringLiteral("-o"), options,
                         QStringLiteral("-w"), QStringLiteral("start")});
        if (!m_running)
            stop(); // a server that started but did not answer in time
        return m_running;
    }

    ~PgCluster() { stop(); }
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    bool isRunning() const { return m_running; }
    // Why it is not running, with the server's log; isMissing(): only because PostgreSQL is not installed.
    QString problem() const { return m_problem; }
    bool isMissing() const { return m_missing; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("sb"); } // trusted, a superuser
    // The role that must give a password; the test creates it (CREATE ROLE ... PASSWORD ...).
    static QString passwordUser() { return QStringLiteral("sb_password"); }

    // Stops the server at once, as a machine going down would (what a test of "the server went
    // away" needs). Whatever this object thinks: a server whose pid file is there is stopped.
    void stop()
    {
        m_running = false;
        if (m_bin.isEmpty() || !QFileInfo::exists(QDir(data()).filePath(QStringLiteral("postmaster.pid"))))
            return;
        const QString problem = m_problem;
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), data(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
             QStringLiteral("stop")});
        m_problem = problem; // why it did not start stays the problem
    }

private:
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    QString log() const { return m_dir.filePath(QStringLiteral("server.log")); }

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
        if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            return true;
        QFile serverLog(log());
        const QString logText = serverLog.open(QIODevice::ReadOnly)
            ? QString::fromLocal8Bit(serverLog.readAll().right(2000)).trimmed()
            : QString();
        m_problem = QStringLiteral("%1 failed: %2%3")
                        .arg(tool, QString::fromLocal8Bit(process.readAll()).trimmed(),
                             logText.isEmpty() ? QString() : QStringLiteral("\nserver log:\n") + logText);
        return false;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_runAs;
    QString m_problem;
    int m_port = 0;
    bool m_running = false;
    bool m_missing = false;
};

} // namespace sb::test
