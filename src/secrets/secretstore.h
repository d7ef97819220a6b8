#pragma once

#include "core/error.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace sb {

// How one SecretStore request ended.
struct SecretResult
{
    Q_GADGET

public:
    enum class Operation { Read, Write, Remove, Probe };
    Q_ENUM(Operation)
    enum class Status {
        Ok,
        NotFound, // read: nothing is stored under the key (the keychain itself works)
        Unavailable, // no keychain could be reached: no Secret Service, no D-Bus session
        Denied, // the keychain is there but refused: locked, or the user said no
        Invalid, // refused before asking anyone: empty key, empty secret, CR/LF/NUL in the secret
        Failed, // the keychain answered with another failure
    };
    Q_ENUM(Status)

    quint64 requestId = 0;
    Operation operation = Operation::Read;
    QString key;
    Status status = Status::Ok;
    QString secret; // only for a successful read
    // Kind::None when ok(); Kind::Usage for Invalid; Kind::Storage otherwise.
    // Never contains the secret.
    Error error;

    bool ok() const { return status == Status::Ok; }
    // The store as a whole cannot keep secrets: the caller should keep them for the session only.
    bool keychainUnusable() const { return status == Status::Unavailable || status == Status::Denied; }
};

// Where API keys live. Every call returns a request id at once and completes later, never
// before the call returns: the callback runs (only while `context` lives; a null context
// means no guard) and finished() is emitted, in that order. Keys are Profile::secretKey().
//
// From a model or a dialog: pass `this` as context and a lambda.
// From command-line code:   const SecretResult r = store.waitFor(store.read(key));
//
// Nothing here logs or reports a secret; logs (category lcSecrets) name keys and outcomes only.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretResult &)>;

    ~SecretStore() override;

    quint64 read(const QString &key, const QObject *context = nullptr, Callback callback = {});
    // Creates or overwrites. Refuses an empty secret and one with CR, LF or NUL (Status::Invalid):
    // such a value would end up in an HTTP header.
    quint64 write(const QString &key, const QString &secret, const QObject *context = nullptr, Callback callback = {});
    // Succeeds when there was nothing to remove, so it can always pair with ProfileStore::remove.
    quint64 remove(const QString &key, const QObject *context = nullptr, Callback callback = {});
    // Ok when secrets can be stored at all; Unavailable or Denied otherwise, so the UI can say
    // "no keychain: the key is kept for this session only".
    quint64 probe(const QObject *context = nullptr, Callback callback = {});

    // Runs a local event loop until request `requestId` completes and returns its result. Safe
    // right after read()/write()/remove()/probe(), since results wait for an event loop.
    // For command-line code only: a GUI must not spin nested event loops.
    SecretResult waitFor(quint64 requestId);

    // Whether secrets outlive the process (a keychain) or not (memory).
    virtual bool isPersistent() const = 0;

    // Usage error when `secret` cannot be stored; Kind::None when it can. Lets a dialog check early.
    static Error validateSecret(const QString &secret);

signals:
    void finished(const sb::SecretResult &result);

protected:
    explicit SecretStore(QObject *parent = nullptr);

    // Implementations start the work and report with succeed() or fail(), exactly once per id.
    virtual void startRead(quint64 requestId, const QString &key) = 0;
    virtual void startWrite(quint64 requestId, const QString &key, const QString &secret) = 0;
    virtual void startRemove(quint64 requestId, const QString &key) = 0;
    virtual void startProbe(quint64 requestId) = 0;

    void succeed(quint64 requestId, const QString &secret = {});
    // `detail` is the backend's own words (never a secret); the message around it is ours.
    void fail(quint64 requestId, SecretResult::Status status, const QString &detail = {});

private:
    struct Pending
    {
        SecretResult::Operation operation;
        QString key;
        bool guarded = false;
        QPointer<const QObject> context;
        Callback callback;
    };

    quint64 enqueue(SecretResult::Operation operation, const QString &key, const QObject *context, Callback callback);
    QString failureMessage(const SecretResult &result, const QString &detail) const;
    void deliver(const SecretResult &result);

    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SecretResult)
