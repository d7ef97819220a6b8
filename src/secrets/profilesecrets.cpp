#include "profilesecrets.h"

#include "profilestore.h"
#include "secretstore.h"

#include <QPointer>

namespace sb {

namespace {

QString secretKeyFor(const QString &name)
{
    Profile profile;
    profile.name = name;
    return profile.secretKey();
}

// What the steps share: the stores (which may go away) and a guarded `done`.
struct Chain
{
    QPointer<ProfileStore> profiles;
    QPointer<SecretStore> secrets;
    bool guarded = false;
    QPointer<const QObject> context;
    std::function<void(const Error &)> done;

    bool alive() const { return profiles && secrets && (!guarded || context); }
    void finish(const Error &error) const
    {
        if (done && (!guarded || context))
            done(error);
    }
};

Chain makeChain(ProfileStore &profiles, SecretStore &secrets, const QObject *context,
                std::function<void(const Error &)> done)
{
    return Chain {&profiles, &secrets, context != nullptr, context, std::move(done)};
}

} // namespace

void removeProfileAndSecret(ProfileStore &profiles, SecretStore &secrets, const QString &name, const QObject *context,
                            std::function<void(const Error &)> done)
{
    const Chain chain = makeChain(profiles, secrets, context, std::move(done));
    // Removing a missing entry succeeds, so a profile that never had a secret goes through too.
    secrets.remove(secretKeyFor(name), context, [chain, name](const SecretResult &result) {
        if (!chain.alive())
            return;
        chain.finish(result.ok() ? chain.profiles->remove(name) : result.error);
    });
}

void renameProfileAndSecret(ProfileStore &profiles, SecretStore &secrets, const QString &from, const QString &to,
                            const QObject *context, std::function<void(const Error &)> done)
{
    const Chain chain = makeChain(profiles, secrets, context, std::move(done));
    const QString oldKey = secretKeyFor(from);
    const QString newKey = secretKeyFor(to);
    secrets.read(oldKey, context, [chain, from, to, oldKey, newKey](const SecretResult &read) {
        if (!chain.alive())
            return;
        if (read.status == SecretResult::Status::NotFound) {
            chain.finish(chain.profiles->rename(from, to));
            return;
        }
        if (!read.ok()) {
            chain.finish(read.error);
            return;
        }
        // Check the rename first so a refused name does not leave a copied secret behind.
        if (const Error refused = chain.profiles->checkRename(from, to); refused.isError() || from == to) {
            chain.finish(refused);
            return;
        }
        chain.secrets->write(newKey, read.secret, chain.context,
                             [chain, from, to, oldKey, newKey](const SecretResult &written) {
                                 if (!chain.alive())
                                     return;
                                 if (!written.ok()) {
                                     chain.finish(written.error);
                                     return;
                                 }
                                 if (const Error renamed = chain.profiles->rename(from, to); renamed.isError()) {
                                     chain.secrets->remove(newKey); // undo the copy; the old entry is still in place
                                     chain.finish(renamed);
                                     return;
                                 }
                                 chain.secrets->remove(oldKey, chain.context, [chain](const SecretResult &removed) {
                                     chain.finish(removed.ok() ? Error {} : removed.error);
                                 });
                             });
    });
}

} // namespace sb
