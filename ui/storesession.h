#pragma once

#include "core/error.h"
#include "core/profile.h"

#include <QHash>
#include <QObject>
#include <QPair>

namespace sb {

class ProfileSession;
class SegmentBrowser;
class SegmentStore;
class SyncScheduler;
struct SourceKey;
struct SyncRun;

// The window's side of the local store: opens a profile on its stored snapshot and syncs it,
// runs Sync and Sync All, and says how the syncs go; shows the Changes view on the browser.
// Without a store (or one that did not open) it opens every profile live, and says why.
class StoreSession final : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; both outlive the session.
    StoreSession(SegmentBrowser *browser, ProfileSession *profiles, QObject *parent = nullptr);

    // The store is not owned and outlives the session. Returns why it cannot be used; empty when it can.
    QString setStore(SegmentStore *store);
    bool isOpen() const { return m_scheduler != nullptr; }
    SyncScheduler *scheduler() const { return m_scheduler; }
    bool isBusy() const;
    bool isSyncing(const QString &profile) const;

    // Opens the browser on `profile`: its snapshot at once and a sync after it, or live without one.
    void open(const Profile &profile, const QString &secret);
    // The profile's snapshot without its key: browsed read only, never synced from here. Returns
    // what the banner says (when it was synced, by whom), or empty when there is no snapshot.
    QString openReadOnly(const Profile &profile);
    void syncCurrent();
    void syncAll();
    void cancelAll();
    // The Changes view of the profile on show; false (and a status message) when it has no sync yet.
    bool showChanges();
    // A removed profile's snapshots go with it.
    void forgetProfile(const QString &profile);
    // A renamed profile keeps its snapshots (a sync of it under the old name is cancelled).
    void renameProfile(const QString &from, const QString &to);

signals:
    void statusMessage(const QString &text, int timeoutMs);
    // "Syncing prod: 1,200 of 5,000"; empty when no sync runs.
    void syncStatusChanged(const QString &text);
    // A sync started or ended: the window's actions may change.
    void syncsChanged();

private:
    bool openSnapshot(const Profile &profile, const QString &secret);
    void showStoredUsage(const SourceKey &source);
    void onFinished(const QString &profile, const SyncRun &run);
    void onFailed(const QString &profile, const Error &error);
    void updateStatus();
    bool isCurrent(const QString &profile) const;

    SegmentBrowser *m_browser;
    ProfileSession *m_profiles;
    SegmentStore *m_store = nullptr;
    SyncScheduler *m_scheduler = nullptr;
    QHash<QString, QPair<qint64, qint64>> m_progress; // profile -> rows, total (-1: unknown)
};

} // namespace sb
