#include "memorysecretstore.h"

namespace sb {

MemorySecretStore::MemorySecretStore(QObject *parent) : SecretStore(parent)
{ }

MemorySecretStore::~MemorySecretStore() = default;

void MemorySecretStore::startRead(quint64 requestId, const QString &key)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        fail(requestId, SecretResult::Status::NotFound);
    else
        succeed(requestId, *it);
}

void MemorySecretStore::startWrite(quint64 requestId, const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
    succeed(requestId);
}

void MemorySecretStore::startRemove(quint64 requestId, const QString &key)
{
    m_secrets.remove(key);
    succeed(requestId);
}

void MemorySecretStore::startProbe(quint64 requestId)
{
    succeed(requestId);
}

} // namespace sb
