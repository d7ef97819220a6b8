#pragma once

#include "core/error.h"
#include "core/profile.h"
#include "export/csvwriter.h"

#include <QStringList>

// The commands over the local segment store: sync, changes, and export --offline.
namespace sb::cli {

int runSync(const QStringList &args);
int runChanges(const QStringList &args);
int runSyncs(const QStringList &args);
// Removes a profile's snapshots from the store (nothing when there is no store file).
Error forgetSnapshots(const QString &profile);
// profiles import --from-store: the store's shared profiles, without their keys.
int importProfiles(const QStringList &args);
// The profile's last synced snapshot as CSV, exactly as a live export writes it; no network.
int exportOffline(const Profile &profile, const QString &columnSpec, const CsvOptions &csv, const QString &output);
// export --all-profiles --offline: every stored segment of every profile, from the local store.
int exportAllProfiles(const QString &columnSpec, const CsvOptions &csv, const QString &output);

} // namespace sb::cli
