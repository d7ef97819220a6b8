#pragma once

#include "segmentstore.h"

#include "core/profile.h"

#include <QList>
#include <QMap>
#include <QObject>

#include <memory>

namespace sb {

class PageFetcher;
class SyncJob;

// Runs the syncs the window asks for: each profile's sync at most once at a time, syncs of
// different hosts side by side, those of one host one after another (so one host never gets more
// than one sync's requests at once), each with its own progress; one that fails does not stop
// the others. Secrets are handed in with each sync and kept only while it runs.
class SyncScheduler final : public QObject
{
    Q_OBJECT

public:
    // The store is not owned and must outlive the scheduler.
    explicit SyncScheduler(SegmentStore *store, QObject *parent = nullptr);
    ~SyncScheduler() override;

    // Queues a sync of `profile`; nothing happens when one is queued or running already.
    void sync(const Profile &profile, const QString &secret);
    void cancel(const QString &profile);
    void cancelAll();
    bool isSyncing(const QString &profile) const; // queued or running
    bool isBusy() const { return !m_jobs.isEmpty(); }
    int syncCount() const { return int(m_jobs.size()); }

signals:
    void started(const QString &profile);
    void progress(const QString &profile, qint64 rows, qint64 total);
    void retrying(const QString &profile, const sb::Error &reason, int delayMs);
    void finished(const QString &profile, const sb::SyncRun &run);
    void failed(const QString &profile, const sb::Error &error); // Kind::Cancelled after cancel()
    // The last queued or running sync has ended.
    void idle();

private:
    struct Job;
    void startNext();
    void end(const QString &profile);

    SegmentStore *m_store;
    QMap<QString, std::shared_ptr<Job>> m_jobs; // by profile name
    QList<QString> m_queue; // profiles in the order they were asked for
};

} // namespace sb
