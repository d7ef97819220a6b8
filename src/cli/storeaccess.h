#pragma once

// Which store a run uses, and opening it: the local SQLite file, or a team's catalog on
// PostgreSQL whose password the keychain holds. The command line and the window both open the
// store through here.

#include "core/result.h"
#include "store/segmentstore.h"
#include "store/storelocation.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace sb::cli {

// Where the choice came from, for "segment-browser store".
enum class StoreSource { Option, Environment, Settings, Default };

struct ChosenStore
{
    StoreLocation location;
    StoreSource source = StoreSource::Default;
};

// Takes "--store URL" and "--store=URL" out of `args`: it applies to every command that reads or
// writes the store. A --store without a URL is a usage error.
Result<QStringList> takeStoreOption(const QStringList &args);
void setStoreOption(const QString &url);

// The store this run uses: --store, else SEGMENT_BROWSER_STORE, else the settings' (store/url,
// which "segment-browser store use" and the window's settings write), else the local file.
Result<ChosenStore> chosenStore();
// The settings' store URL (empty: the local file), and changing it.
QString storeSetting();
void setStoreSetting(const QString &url);

// The catalog's password from the keychain: empty when none is kept there (a catalog that needs
// none, or a machine without a keychain).
QString catalogPassword(const StoreLocation &location);
// Opens the store at `location`; a catalog with its password from the keychain. A catalog that asks
// for a password it was not given says how to give one.
Result<std::unique_ptr<SegmentStore>> openStoreAt(const StoreLocation &location);
Result<std::unique_ptr<SegmentStore>> openChosenStore();

// segment-browser store [show|use URL|password]
int runStore(const QStringList &args);

} // namespace sb::cli
