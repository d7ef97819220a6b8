#pragma once

// What the command line's tests share: the real segment-browser binary run with configuration and
// data folders of its own, profiles of the sandbox with their secrets in the session's Secret
// Service (scripts/test provides a throwaway one), and its CSV read back.
#include "sandboxrig.h"

#include "export/csvreader.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilestore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace sb::test {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class CliHarness : public QObject
{
protected:
    QTemporaryDir m_dir;
    QStringList m_created;
    QProcessEnvironment m_extraEnvironment; // for every process this harness starts

    QString configHome() const { return m_dir.filePath(QStringLiteral("config")); }
    QString dataHome() const { return m_dir.filePath(QStringLiteral("data")); }
    // QStandardPaths::AppDataLocation: the organization, then the application.
    QString storePath() const
    {
        return dataHome() + QStringLiteral("/segment-browser/segment-browser/segments.sqlite");
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }

    // A `segment-browser` process on its way, for tests that run two at once or stop one mid-way;
    // `input` is its standard input.
    std::unique_ptr<QProcess> start(const QStringList &args, const QByteArray &input = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
        env.remove(QStringLiteral("SEGMENT_BROWSER_SECRET"));
        env.remove(QStringLiteral("SEGMENT_BROWSER_STORE"));
        env.insert(m_extraEnvironment);
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(SB_SEGMENT_BROWSER), args);
        if (!input.isEmpty())
            process->write(input);
        process->closeWriteChannel();
        return process;
    }

    Run run(const QStringList &args, const QByteArray &input = {}) const
    {
        const std::unique_ptr<QProcess> process = start(args, input);
        Run result;
        if (!process->waitForStarted(30000))
            return result;
        // This process's event loop keeps the sandbox answering meanwhile.
        if (!QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 120000))
            process->kill();
        process->waitForFinished(30000);
        result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        result.out = process->readAllStandardOutput();
        result.err = process->readAllStandardError();
        return result;
    }

    // A saved profile for the sandbox's `vendor`, with its secret in the keychain.
    QString addProfile(const SandboxRig &rig, const QString &vendor, const QString &stem)
    {
        const QString name = stem + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces).left(6);
        Profile p = rig.profile(vendor);
        p.name = name;
        ProfileStore store(configHome() + QStringLiteral("/segment-browser/profiles.ini"));
        if (store.add(p).isError())
            return {};
        KeychainSecretStore keychain;
        if (!keychain.waitFor(keychain.write(p.secretKey(), rig.secret(vendor))).ok())
            return {};
        m_created << name;
        return name;
    }

    // In cleanup(): the profiles' keychain entries and the folders go.
    void cleanUp()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            KeychainSecretStore keychain;
            for (const QString &name : std::as_const(m_created)) {
                Profile p;
                p.name = name;
                keychain.waitFor(keychain.remove(p.secretKey()));
            }
        }
        m_created.clear();
        QDir(configHome()).removeRecursively();
        QDir(dataHome()).removeRecursively();
    }

    static void needKeychain()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run under scripts/test.");
    }

    static QList<QStringList> csvOf(const QByteArray &bytes)
    {
        bool ok = false;
        const QList<QStringList> rows = parseCsv(bytes, &ok);
        return ok ? rows : QList<QStringList> {{QStringLiteral("not CSV")}};
    }
};

} // namespace sb::test
