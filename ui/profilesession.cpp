#include "profilesession.h"

#include "core/vendorapi.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"

#include <QTemporaryDir>

namespace sb {

ProfileSession::ProfileSession(QObject *parent) : QObject(parent)
{ }

ProfileSession::~ProfileSession() = default;

void ProfileSession::watch(ProfileStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    connect(m_store, &ProfileStore::changed, this, &ProfileSession::onStoreChanged);
}

void ProfileSession::setStores(ProfileStore *profiles, SecretStore *secrets)
{
    watch(profiles);
    m_secrets = secrets;
    if (m_store->loadError().isError())
        emit failed(m_store->loadError());
    // Ask once whether secrets can be kept at all; without a keychain they stay in memory.
    m_secrets->probe(this, [this](const SecretResult &result) {
        if (result.keychainUnusable()) {
            m_keychainUsable = false;
            m_sessionSecrets = std::make_unique<MemorySecretStore>();
            m_secrets = m_sessionSecrets.get();
            emit keychainUnavailable(tr("%1. Keys you enter are kept in memory for this session only and "
                                        "forgotten when Segment Browser closes.")
                                         .arg(result.error.message));
        }
        m_known = m_store->profiles();
        emit profilesChanged(m_store->lastUsed());
    });
}

void ProfileSession::setProfiles(const QList<SessionProfile> &profiles, const QString &select)
{
    m_ownedDir = std::make_unique<QTemporaryDir>();
    m_ownedStore = std::make_unique<ProfileStore>(m_ownedDir->filePath(QStringLiteral("profiles.ini")));
    m_sessionSecrets = std::make_unique<MemorySecretStore>();
    m_secrets = m_sessionSecrets.get();
    m_secretCache.clear();
    for (const SessionProfile &p : profiles) {
        m_ownedStore->add(p.profile);
        m_secrets->write(p.profile.secretKey(), p.secret);
        m_secretCache.insert(p.profile.name, p.secret);
    }
    watch(m_ownedStore.get());
    m_known = m_store->profiles();
    emit profilesChanged(!select.isEmpty() || profiles.isEmpty() ? select : profiles.first().profile.name);
}

QList<Profile> ProfileSession::profiles() const
{
    return m_store ? m_store->profiles() : QList<Profile> {};
}

void ProfileSession::onStoreChanged()
{
    // Remembering the last profile changes the store too; only a changed list matters here.
    if (m_store->profiles() == m_known)
        return;
    m_known = m_store->profiles();
    emit profilesChanged({});
}

Error ProfileSession::updateAndOpen(const Profile &profile)
{
    if (!m_store)
        return Error::usage(tr("There is no profile “%1”.").arg(profile.name));
    if (const Error e = m_store->update(profile); e.isError())
        return e;
    // The list is the same profiles: nothing for the window to rebuild, only this one to open again.
    m_known = m_store->profiles();
    open(profile.name);
    return {};
}

void ProfileSession::forgetSecret(const QString &name)
{
    m_secretCache.remove(name);
}

bool ProfileSession::open(const QString &name)
{
    const quint64 generation = ++m_openGeneration;
    const std::optional<Profile> profile = m_store && !name.isEmpty() ? m_store->profile(name) : std::nullopt;
    if (!profile)
        return false;
    if (!m_store->isReadOnly())
        m_store->setLastUsed(profile->name);
    const VendorApi *vendor = vendorById(profile->vendor);
    if (!vendor) {
        emit failed(Error::usage(tr("Unknown vendor '%1' in profile '%2'").arg(profile->vendor, profile->name)));
        return true;
    }
    const auto cached = m_secretCache.constFind(profile->name);
    if (cached != m_secretCache.constEnd()) {
        emit opened(*profile, *cached);
        return true;
    }
    emit waiting(tr("Reading the key for “%1” from the keychain…").arg(profile->name), false);
    const Profile p = *profile;
    m_secrets->read(p.secretKey(), this,
                    [this, p, generation](const SecretResult &result) { onSecretRead(p, generation, result); });
    return true;
}

void ProfileSession::withSecret(const QString &name, const std::function<void(const Profile &, const QString &)> &use,
                                const std::function<void(const QString &)> &failed)
{
    const std::optional<Profile> profile = m_store ? m_store->profile(name) : std::nullopt;
    if (!profile || !vendorById(profile->vendor))
        return failed(tr("There is no profile “%1” to sync.").arg(name));
    const auto cached = m_secretCache.constFind(name);
    if (cached != m_secretCache.constEnd())
        return use(*profile, *cached);
    const Profile p = *profile;
    m_secrets->read(p.secretKey(), this, [this, p, use, failed](const SecretResult &result) {
        if (!result.ok())
            return failed(result.status == SecretResult::Status::NotFound
                              ? tr("No %1 is stored for “%2”.").arg(vendorById(p.vendor)->secretLabel(), p.name)
                              : result.error.toString());
        m_secretCache.insert(p.name, result.secret);
        use(p, result.secret);
    });
}

void ProfileSession::onSecretRead(const Profile &profile, quint64 generation, const SecretResult &result)
{
    if (generation != m_openGeneration)
        return; // another profile was chosen since
    switch (result.status) {
    case SecretResult::Status::Ok:
        m_secretCache.insert(profile.name, result.secret);
        emit opened(profile, result.secret);
        return;
    case SecretResult::Status::NotFound:
        emit openedWithoutSecret(profile,
                                 tr("No %1 is stored for “%2”.\nEnter it in the profile to browse its segments.")
                                     .arg(vendorById(profile.vendor)->secretLabel(), profile.name));
        return;
    default:
        emit waiting(
            tr("The key for “%1” could not be read from the keychain.\n%2").arg(profile.name, result.error.toString()),
            true);
        return;
    }
}

} // namespace sb
