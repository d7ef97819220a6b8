#include "secretstore.h"

#include "core/http.h"
#include "core/logging.h"

#include <QEventLoop>
#include <QMetaEnum>

namespace sb {

namespace {

// For logs: "Read", "NotFound".
template<class Enum> const char *nameOf(Enum value)
{
    return QMetaEnum::fromType<Enum>().valueToKey(int(value));
}

} // namespace

SecretStore::SecretStore(QObject *parent) : QObject(parent)
{ }

SecretStore::~SecretStore() = default;

Error SecretStore::validateSecret(const QString &secret)
{
    if (secret.isEmpty())
        return Error::usage(tr("The key is empty."));
    // The secret goes into an HTTP header: a line break would let it add headers of its own.
    if (!isSafeHeaderValue(secret.toUtf8()))
        return Error::usage(tr("The key contains a line break or a NUL character; paste it again without them."));
    return {};
}

quint64 SecretStore::read(const QString &key, const QObject *context, Callback callback)
{
    const quint64 id = enqueue(SecretResult::Operation::Read, key, context, std::move(callback));
    if (!key.isEmpty())
        startRead(id, key);
    return id;
}

quint64 SecretStore::write(const QString &key, const QString &secret, const QObject *context, Callback callback)
{
    const quint64 id = enqueue(SecretResult::Operation::Write, key, context, std::move(callback));
    if (key.isEmpty())
        return id;
    if (const Error invalid = validateSecret(secret); invalid.isError()) {
        fail(id, SecretResult::Status::Invalid, invalid.message);
        return id;
    }
    startWrite(id, key, secret);
    return id;
}

quint64 SecretStore::remove(const QString &key, const QObject *context, Callback callback)
{
    const quint64 id = enqueue(SecretResult::Operation::Remove, key, context, std::move(callback));
    if (!key.isEmpty())
        startRemove(id, key);
    return id;
}

quint64 SecretStore::probe(const QObject *context, Callback callback)
{
    const quint64 id = enqueue(SecretResult::Operation::Probe, QString(), context, std::move(callback));
    startProbe(id);
    return id;
}

quint64 SecretStore::enqueue(SecretResult::Operation operation, const QString &key, const QObject *context,
                             Callback callback)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending {operation, key, context != nullptr, context, std::move(callback)});
    qCDebug(lcSecrets) << "request" << id << nameOf(operation) << key;
    // Every operation but probe names an entry; an empty key would address the whole service.
    if (key.isEmpty() && operation != SecretResult::Operation::Probe)
        fail(id, SecretResult::Status::Invalid, tr("No key was given for the secret."));
    return id;
}

void SecretStore::succeed(quint64 requestId, const QString &secret)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    SecretResult result;
    result.requestId = requestId;
    result.operation = it->operation;
    result.key = it->key;
    result.secret = secret;
    // Queued even when the backend answered at once, so callers never see a result before
    // the call that started it has returned.
    QMetaObject::invokeMethod(
        this, [this, result] { deliver(result); }, Qt::QueuedConnection);
}

void SecretStore::fail(quint64 requestId, SecretResult::Status status, const QString &detail)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    SecretResult result;
    result.requestId = requestId;
    result.operation = it->operation;
    result.key = it->key;
    result.status = status;
    result.error =
        status == SecretResult::Status::Invalid ? Error::usage(detail) : Error::storage(failureMessage(result, detail));
    QMetaObject::invokeMethod(
        this, [this, result] { deliver(result); }, Qt::QueuedConnection);
}

QString SecretStore::failureMessage(const SecretResult &result, const QString &detail) const
{
    // The detail is the backend's explanation; leave it out rather than print an empty colon.
    const auto withDetail = [&detail](const QString &sentence) -> QString {
        if (detail.isEmpty())
            return sentence + QLatin1Char('.');
        return sentence + QStringLiteral(": ") + detail;
    };
    switch (result.status) {
    case SecretResult::Status::NotFound:
        return tr("No key is stored under \"%1\".").arg(result.key);
    case SecretResult::Status::Unavailable:
        return withDetail(tr("No keychain is available"));
    case SecretResult::Status::Denied:
        return withDetail(tr("Access to the keychain was denied"));
    case SecretResult::Status::Ok:
    case SecretResult::Status::Invalid:
    case SecretResult::Status::Failed:
        break;
    }
    switch (result.operation) {
    case SecretResult::Operation::Read:
        return withDetail(tr("Could not read \"%1\" from the keychain").arg(result.key));
    case SecretResult::Operation::Write:
        return withDetail(tr("Could not store \"%1\" in the keychain").arg(result.key));
    case SecretResult::Operation::Remove:
        return withDetail(tr("Could not remove \"%1\" from the keychain").arg(result.key));
    case SecretResult::Operation::Probe:
        break;
    }
    return withDetail(tr("Could not use the keychain"));
}

void SecretStore::deliver(const SecretResult &result)
{
    const Pending pending = m_pending.take(result.requestId);
    if (result.ok())
        qCDebug(lcSecrets) << "request" << result.requestId << nameOf(result.operation) << result.key << "ok";
    else
        qCInfo(lcSecrets) << "request" << result.requestId << nameOf(result.operation) << result.key
                          << nameOf(result.status) << result.error.message;
    // A callback may well delete this store (a dialog closing): check before emitting.
    const QPointer<SecretStore> self(this);
    if (pending.callback && (!pending.guarded || pending.context))
        pending.callback(result);
    if (self)
        emit finished(result);
}

SecretResult SecretStore::waitFor(quint64 requestId)
{
    SecretResult out;
    out.requestId = requestId;
    out.status = SecretResult::Status::Failed;
    if (!m_pending.contains(requestId)) {
        out.error = Error::usage(tr("There is no pending secret request %1.").arg(requestId));
        return out;
    }
    out.operation = m_pending.value(requestId).operation;
    out.key = m_pending.value(requestId).key;
    // Destroyed while waiting: the request will never complete.
    out.error = Error::cancelled();
    QEventLoop loop;
    connect(this, &QObject::destroyed, &loop, &QEventLoop::quit);
    connect(this, &SecretStore::finished, &loop, [&out, &loop, requestId](const SecretResult &result) {
        if (result.requestId != requestId)
            return;
        out = result;
        loop.quit();
    });
    loop.exec();
    return out;
}

} // namespace sb
