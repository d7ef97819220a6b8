#pragma once

#include "secretstore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

namespace sb {

// Secrets in the operating system's keychain through QtKeychain (the Secret Service on
// Linux). Never falls back to plain-text storage: without a keychain every call fails with
// Status::Unavailable and the caller decides (a MemorySecretStore for the session).
//
// Like Nextcloud's client, a request that finds no Secret Service is tried once more after
// retryDelay(): at login the service may simply not be up yet. Once the keychain has
// answered, or a retry has failed too, later requests fail at once.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    // The keychain's service attribute: the namespace of all our entries.
    static QString defaultService();

    // `service` other than defaultService() is for tests, so they never touch real entries.
    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }
    bool isPersistent() const override { return true; }

    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }

protected:
    void startRead(quint64 requestId, const QString &key) override;
    void startWrite(quint64 requestId, const QString &key, const QString &secret) override;
    void startRemove(quint64 requestId, const QString &key) override;
    void startProbe(quint64 requestId) override;

private:
    void startJob(quint64 requestId, SecretResult::Operation operation, const QString &key, const QString &secret,
                  bool isRetry);
    void jobFinished(QKeychain::Job *job, quint64 requestId, SecretResult::Operation operation, const QString &secret,
                     bool isRetry);

    QString m_service;
    std::chrono::milliseconds m_retryDelay;
    bool m_mayRetry = true; // until the keychain has answered once, or a retry failed
};

} // namespace sb
