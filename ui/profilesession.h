#pragma once

#include "core/error.h"
#include "core/profile.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QTemporaryDir;
QT_END_NAMESPACE

namespace sb {

class MemorySecretStore;
class ProfileStore;
class SecretStore;
struct SecretResult;

// A profile and its secret for this session. The secret stays in memory only.
struct SessionProfile
{
    Profile profile;
    QString secret;
};

// The profiles the window can open and the keys to open them with: the profile and secret
// stores, the secrets read this session (memory only), and the asynchronous keychain reads,
// where a newer choice of profile drops the answer to an older one. Without a usable keychain,
// secrets entered now are kept in memory for this session only. This is where several sources
// open at once will be kept.
class ProfileSession final : public QObject
{
    Q_OBJECT

public:
    explicit ProfileSession(QObject *parent = nullptr);
    ~ProfileSession() override;

    // Normal start: profiles and secrets from these stores (not owned; they outlive the session).
    // Probes the keychain first, then emits profilesChanged(the last used profile).
    void setStores(ProfileStore *profiles, SecretStore *secrets);
    // The demo and tests: these profiles with their secrets, held in memory only; `select` is the
    // one to show first (empty: the first of them).
    void setProfiles(const QList<SessionProfile> &profiles, const QString &select = {});

    ProfileStore *profileStore() const { return m_store; }
    SecretStore *secretStore() const { return m_secrets; }
    bool keychainUsable() const { return m_keychainUsable; }
    QList<Profile> profiles() const;

    // Opens the profile `name`: opened() at once when its secret was read before, otherwise after
    // the keychain answers (waiting() meanwhile); failed() for a profile no vendor here can open.
    // False, with nothing emitted, for an empty or unknown name. Either way, the answer to an
    // earlier open() still to come is dropped.
    bool open(const QString &name);
    // Calls `use` with the profile `name` and its secret (from this session's memory, or the
    // keychain, asynchronously), or `failed` with why not; neither opens the profile.
    void withSecret(const QString &name, const std::function<void(const Profile &, const QString &)> &use,
                    const std::function<void(const QString &)> &failed);
    // Saves `profile` in place of the one with its name (another project and environment chosen in
    // the window, remembered for next time) and opens it again; an error when the store refuses.
    Error updateAndOpen(const Profile &profile);
    // The secret of `name` may have changed: read it again when it is next needed.
    void forgetSecret(const QString &name);

signals:
    // The list of profiles changed; `select` is the one to show.
    void profilesChanged(const QString &select);
    void opened(const sb::Profile &profile, const QString &secret);
    // The profile cannot be opened yet: why, and whether editing the profile would help.
    void waiting(const QString &text, bool offerEdit);
    // The keychain holds no key for the profile: its stored snapshot may still be browsed, read
    // only; else `text` says why it cannot open.
    void openedWithoutSecret(const sb::Profile &profile, const QString &text);
    void failed(const sb::Error &error);
    // No usable keychain: keys are now kept in memory for this session.
    void keychainUnavailable(const QString &note);

private:
    void onStoreChanged();
    void onSecretRead(const Profile &profile, quint64 generation, const SecretResult &result);
    void watch(ProfileStore *store);

    ProfileStore *m_store = nullptr;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<QTemporaryDir> m_ownedDir; // where m_ownedStore's file lives
    std::unique_ptr<ProfileStore> m_ownedStore; // setProfiles() keeps its profiles here
    std::unique_ptr<MemorySecretStore> m_sessionSecrets; // when there is no usable keychain
    bool m_keychainUsable = true;
    QList<Profile> m_known; // the list as last announced
    QHash<QString, QString> m_secretCache; // profile name -> secret, this session only
    quint64 m_openGeneration = 0;
};

} // namespace sb
