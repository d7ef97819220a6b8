#pragma once

#include "secretstore.h"

#include <QHash>

namespace sb {

// Keeps secrets in this process only: for tests, and for a session without a keychain
// ("the key is kept for this session only"). Never writes anything anywhere.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    bool isPersistent() const override { return false; }
    // How many secrets are held, so tests can check that removal really removes.
    qsizetype size() const { return m_secrets.size(); }

protected:
    void startRead(quint64 requestId, const QString &key) override;
    void startWrite(quint64 requestId, const QString &key, const QString &secret) override;
    void startRemove(quint64 requestId, const QString &key) override;
    void startProbe(quint64 requestId) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace sb
