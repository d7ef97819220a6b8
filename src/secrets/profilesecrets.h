#pragma once

#include "core/error.h"

#include <QString>

#include <functional>

class QObject;

namespace sb {

class ProfileStore;
class SecretStore;

// A profile's secret is keyed by its name (Profile::secretKey()), so removing or renaming a
// profile has a keychain side. These pair the two stores; `done` gets Kind::None on success
// and is called later, never before the call returns, and only while `context` lives (a null
// context means no guard). Both stores must outlive the operation; if one goes away, it stops.

// Removes the secret first, then the profile. When the secret cannot be removed the profile
// stays, so no secret is left in the keychain without a profile to find it by.
void removeProfileAndSecret(ProfileStore &profiles, SecretStore &secrets, const QString &name, const QObject *context,
                            std::function<void(const Error &)> done);

// Copies the secret to the new name's key, renames the profile, then removes the old entry.
// A profile without a secret is just renamed. On failure before the rename, nothing changes.
void renameProfileAndSecret(ProfileStore &profiles, SecretStore &secrets, const QString &from, const QString &to,
                            const QObject *context, std::function<void(const Error &)> done);

} // namespace sb
