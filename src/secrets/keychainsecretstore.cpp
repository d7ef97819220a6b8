#include "keychainsecretstore.h"

#include "core/logging.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace std::chrono_literals;

namespace sb {

namespace {

// The entry probe() looks for. Profile keys all start with "profile/", so this never collides.
const QString probeKey = QStringLiteral("keychain-probe");

// QtKeychain reports a missing or not yet started Secret Service as NoBackendAvailable, and
// D-Bus failures (no session bus, no X11 for autolaunch) as OtherError.
bool isBackendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}

SecretResult::Status statusFor(QKeychain::Error error, SecretResult::Operation operation)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretResult::Status::Ok;
    case QKeychain::EntryNotFound:
        // For a probe the keychain answered, which is all we asked; removing nothing is done.
        if (operation == SecretResult::Operation::Read)
            return SecretResult::Status::NotFound;
        if (operation == SecretResult::Operation::Write)
            return SecretResult::Status::Failed;
        return SecretResult::Status::Ok;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretResult::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return SecretResult::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return SecretResult::Status::Failed;
    }
    return SecretResult::Status::Failed;
}

} // namespace

QString KeychainSecretStore::defaultService()
{
    return QStringLiteral("segment-browser");
}

KeychainSecretStore::KeychainSecretStore(QObject *parent) : KeychainSecretStore(defaultService(), parent)
{ }

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service), m_retryDelay(3s)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::startRead(quint64 requestId, const QString &key)
{
    startJob(requestId, SecretResult::Operation::Read, key, QString(), false);
}

void KeychainSecretStore::startWrite(quint64 requestId, const QString &key, const QString &secret)
{
    startJob(requestId, SecretResult::Operation::Write, key, secret, false);
}

void KeychainSecretStore::startRemove(quint64 requestId, const QString &key)
{
    startJob(requestId, SecretResult::Operation::Remove, key, QString(), false);
}

void KeychainSecretStore::startProbe(quint64 requestId)
{
    startJob(requestId, SecretResult::Operation::Probe, probeKey, QString(), false);
}

void KeychainSecretStore::startJob(quint64 requestId, SecretResult::Operation operation, const QString &key,
                                   const QString &secret, bool isRetry)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case SecretResult::Operation::Read:
    case SecretResult::Operation::Probe:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case SecretResult::Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(secret);
        job = writeJob;
        break;
    }
    case SecretResult::Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // No parent on purpose: the Secret Service backend keeps a raw pointer to a running job
    // until it answers, so nothing but the job itself may delete it (autoDelete, after
    // finished). If this store goes first, the context below drops the answer.
    job->setAutoDelete(true);
    // Never the plain-text QSettings fallback: a secret is kept in a keychain or not at all.
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, requestId, operation, secret, isRetry](QKeychain::Job *done) {
        jobFinished(done, requestId, operation, secret, isRetry);
    });
    job->start();
}

void KeychainSecretStore::jobFinished(QKeychain::Job *job, quint64 requestId, SecretResult::Operation operation,
                                      const QString &secret, bool isRetry)
{
    const QKeychain::Error error = job->error();
    const QString key = job->key();
    if (isBackendMissing(error) && !isRetry && m_mayRetry) {
        qCInfo(lcSecrets) << "no keychain yet for" << key << "(" << job->errorString() << "); trying once more in"
                          << m_retryDelay.count() << "ms";
        QTimer::singleShot(m_retryDelay, this, [this, requestId, operation, key, secret] {
            startJob(requestId, operation, key, secret, true);
        });
        return;
    }
    // The keychain answered, or it is still missing after a retry: either way, no more waiting.
    m_mayRetry = false;

    const SecretResult::Status status = statusFor(error, operation);
    if (status == SecretResult::Status::Ok) {
        const auto *readJob = qobject_cast<const QKeychain::ReadPasswordJob *>(job);
        succeed(requestId, readJob && operation == SecretResult::Operation::Read ? readJob->textData() : QString());
    } else {
        fail(requestId, status, job->errorString());
    }
}

} // namespace sb
