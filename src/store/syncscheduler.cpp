#include "syncscheduler.h"

#include "syncjob.h"

#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "vendors/registry.h"

namespace sb {

struct SyncScheduler::Job
{
    Profile profile;
    QString secret;
    QString host;
    std::unique_ptr<PageFetcher> fetcher;
    std::unique_ptr<SyncJob> job;
    bool running() const { return job != nullptr; }
};

SyncScheduler::SyncScheduler(SegmentStore *store, QObject *parent) : QObject(parent), m_store(store)
{ }

SyncScheduler::~SyncScheduler()
{
    // The jobs' own destructors abandon their writers as cancelled; no signals go out any more.
    for (const std::shared_ptr<Job> &j : std::as_const(m_jobs)) {
        if (j->job)
            j->job->disconnect(this);
    }
}

void SyncScheduler::sync(const Profile &profile, const QString &secret)
{
    if (m_jobs.contains(profile.name))
        return;
    const VendorApi *vendor = vendorById(profile.vendor);
    if (!vendor)
        return;
    auto job = std::make_shared<Job>();
    job->profile = profile;
    job->secret = secret;
    job->host = profile.baseUrl.host() + QLatin1Char(':') + QString::number(profile.baseUrl.port());
    m_jobs.insert(profile.name, job);
    m_queue.append(profile.name);
    startNext();
}

void SyncScheduler::startNext()
{
    QSet<QString> busyHosts;
    for (const std::shared_ptr<Job> &j : std::as_const(m_jobs)) {
        if (j->running())
            busyHosts.insert(j->host);
    }
    for (const QString &name : std::as_const(m_queue)) {
        const std::shared_ptr<Job> j = m_jobs.value(name);
        if (!j || j->running() || busyHosts.contains(j->host))
            continue;
        busyHosts.insert(j->host);
        j->fetcher = std::make_unique<PageFetcher>(vendorById(j->profile.vendor), j->profile, j->secret);
        j->job =
            std::make_unique<SyncJob>(j->fetcher.get(), m_store, sourceOf(vendorById(j->profile.vendor), j->profile));
        connect(j->job.get(), &SyncJob::progress, this,
                [this, name](qint64 rows, qint64 total) { emit progress(name, rows, total); });
        connect(j->job.get(), &SyncJob::retrying, this,
                [this, name](const Error &reason, int delayMs) { emit retrying(name, reason, delayMs); });
        connect(j->job.get(), &SyncJob::finished, this, [this, name](const SyncRun &run) {
            end(name);
            emit finished(name, run);
            startNext();
        });
        connect(j->job.get(), &SyncJob::failed, this, [this, name](const Error &error) {
            end(name);
            emit failed(name, error);
            startNext();
        });
        emit started(name);
        j->job->start();
    }
    if (m_jobs.isEmpty())
        emit idle();
}

void SyncScheduler::end(const QString &profile)
{
    const std::shared_ptr<Job> j = m_jobs.take(profile);
    m_queue.removeAll(profile);
    if (j && j->job) {
        j->job->disconnect(this);
        // Not from inside the job's own signal: it is deleted once the event loop is back.
        j->job.release()->deleteLater();
        j->fetcher.release()->deleteLater();
    }
}

void SyncScheduler::cancel(const QString &profile)
{
    const std::shared_ptr<Job> j = m_jobs.value(profile);
    if (!j)
        return;
    if (j->running()) {
        j->job->cancel(); // emits failed(Cancelled): end() and startNext() follow
        return;
    }
    end(profile);
    emit failed(profile, Error::cancelled());
    startNext();
}

void SyncScheduler::cancelAll()
{
    const QList<QString> names = m_queue;
    for (const QString &name : names)
        cancel(name);
}

bool SyncScheduler::isSyncing(const QString &profile) const
{
    return m_jobs.contains(profile);
}

} // namespace sb
