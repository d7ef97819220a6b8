#include "storesession.h"

#include "profilesession.h"
#include "segmentbrowser.h"

#include "core/timetext.h"
#include "core/vendorapi.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "vendors/registry.h"

#include <QLocale>

namespace sb {

namespace {

// The snapshot's rows for the model, read from the store as the table scrolls.
SegmentTableModel::SnapshotReader readerOf(SegmentStore *store, const SourceKey &source, const QString &vendor)
{
    const QList<Column> columns = vendorById(vendor)->columns();
    return [store, source, columns](qint64 offset, int limit) -> Result<QList<Segment>> {
        const auto rows = store->snapshot(source, columns, offset, limit);
        if (!rows)
            return rows.error();
        QList<Segment> segments;
        segments.reserve(rows.value().size());
        for (const StoredSegment &s : rows.value())
            segments.append(s.segment);
        return segments;
    };
}

} // namespace

StoreSession::StoreSession(SegmentBrowser *browser, ProfileSession *profiles, QObject *parent)
    : QObject(parent), m_browser(browser), m_profiles(profiles)
{
    connect(m_browser, &SegmentBrowser::syncRequested, this, &StoreSession::syncCurrent);
}

QString StoreSession::setStore(SegmentStore *store)
{
    delete m_scheduler;
    m_scheduler = nullptr;
    m_store = store;
    if (!m_store)
        return {};
    if (!m_store->isOpen())
        return tr("The segment store could not be opened, so nothing is remembered between sessions; segments are "
                  "read live. %1")
            .arg((m_store->openError().isError() ? m_store->openError() : m_store->open()).message);
    m_scheduler = new SyncScheduler(m_store, this);
    connect(m_scheduler, &SyncScheduler::started, this, &StoreSession::updateStatus);
    connect(m_scheduler, &SyncScheduler::progress, this, [this](const QString &profile, qint64 rows, qint64 total) {
        m_progress.insert(profile, {rows, total});
        updateStatus();
    });
    connect(m_scheduler, &SyncScheduler::finished, this, &StoreSession::onFinished);
    connect(m_scheduler, &SyncScheduler::failed, this, &StoreSession::onFailed);
    connect(m_scheduler, &SyncScheduler::idle, this, &StoreSession::updateStatus);
    return {};
}

bool StoreSession::isBusy() const
{
    return m_scheduler && m_scheduler->isBusy();
}

bool StoreSession::isSyncing(const QString &profile) const
{
    return m_scheduler && m_scheduler->isSyncing(profile);
}

bool StoreSession::isCurrent(const QString &profile) const
{
    return m_browser->hasSource() && m_browser->model()->profile().name == profile;
}

void StoreSession::open(const Profile &profile, const QString &secret)
{
    if (openSnapshot(profile, secret))
        m_scheduler->sync(profile, secret);
    else
        m_browser->open(profile, secret);
}

void StoreSession::showStoredUsage(const SourceKey &source)
{
    // The usage the snapshot's sync read, when it could: no walk of the vendor's listing for it.
    const Result<StoredUsage> usage = m_store->storedUsage(source);
    if (usage && usage.value().state == StoredUsage::State::Known)
        m_browser->model()->setKnownUsage(usage.value().usage);
}

bool StoreSession::openSnapshot(const Profile &profile, const QString &secret)
{
    if (!m_scheduler)
        return false;
    const SourceKey source = sourceOf(vendorById(profile.vendor), profile);
    const Result<std::optional<SyncRun>> last = m_store->lastSync(source);
    if (!last || !last.value())
        return false;
    // The run counted the snapshot's rows: no count over the table on the way to the first paint.
    m_browser->openSnapshot(profile, secret, last.value()->ended, last.value()->rows,
                            readerOf(m_store, source, profile.vendor));
    showStoredUsage(source);
    return true;
}

QString StoreSession::openReadOnly(const Profile &profile)
{
    if (!m_scheduler)
        return {};
    const VendorApi *vendor = vendorById(profile.vendor);
    const Result<std::optional<SyncRun>> last = m_store->lastSync(sourceOf(vendor, profile));
    if (!last || !last.value() || !openSnapshot(profile, QString()))
        return {};
    const SyncRun &run = *last.value();
    const QString synced = run.ranBy().isEmpty() ? tr("synced %1").arg(localDateTimeText(run.ended))
                                                 : tr("synced %1 by %2").arg(localDateTimeText(run.ended), run.ranBy());
    return tr("Read only: this is the snapshot %1. This computer's keychain has no %2 for “%3”, so nothing is "
              "asked of %4; add it to the profile to filter, sort and sync live.")
        .arg(synced, vendor->secretLabel(), profile.name, vendor->displayName());
}

void StoreSession::syncCurrent()
{
    if (!m_scheduler || !m_browser->hasSource() || m_browser->isReadOnly())
        return;
    m_scheduler->sync(m_browser->model()->profile(), m_browser->model()->secret());
    emit syncsChanged();
}

void StoreSession::syncAll()
{
    if (!m_scheduler)
        return;
    for (const Profile &p : m_profiles->profiles()) {
        m_profiles->withSecret(
            p.name,
            [this](const Profile &profile, const QString &secret) {
                if (m_scheduler)
                    m_scheduler->sync(profile, secret);
                emit syncsChanged();
            },
            [this, name = p.name](const QString &why) {
                emit statusMessage(tr("%1 was not synced: %2").arg(name, why), 8000);
            });
    }
}

void StoreSession::cancelAll()
{
    if (m_scheduler)
        m_scheduler->cancelAll();
}

void StoreSession::onFinished(const QString &profile, const SyncRun &run)
{
    m_progress.remove(profile);
    const QLocale locale;
    emit statusMessage(
        run.baseline
            ? tr("Synced %1: %2 segments, the first snapshot").arg(profile, locale.toString(run.rows))
            : tr("Synced %1: %2 added, %3 removed, %4 changed")
                  .arg(profile, locale.toString(run.added), locale.toString(run.removed), locale.toString(run.changed)),
        8000);
    // The table follows the new snapshot unless it shows a query of the user's own.
    if (isCurrent(profile) && (m_browser->showsSnapshot() || m_browser->model()->query() == Query {})) {
        const Profile p = m_browser->model()->profile();
        const SourceKey source = sourceOf(vendorById(p.vendor), p);
        if (m_browser->showsSnapshot()) {
            m_browser->refreshSnapshot(run.ended, run.rows, readerOf(m_store, source, p.vendor));
            showStoredUsage(source);
        } else
            openSnapshot(p, m_browser->model()->secret());
        if (m_browser->showsChanges())
            showChanges();
    }
    updateStatus();
}

void StoreSession::onFailed(const QString &profile, const Error &error)
{
    m_progress.remove(profile);
    if (error.kind != Error::Kind::Cancelled) {
        if (isCurrent(profile) && m_browser->showsSnapshot())
            m_browser->showSyncFailure(error);
        else
            emit statusMessage(tr("The sync of %1 failed: %2").arg(profile, error.toString()), 8000);
    }
    updateStatus();
}

void StoreSession::updateStatus()
{
    const int count = m_scheduler ? m_scheduler->syncCount() : 0;
    QString text;
    if (count == 0) {
        m_progress.clear();
    } else if (count == 1 && m_progress.size() == 1) {
        const QLocale locale;
        const auto it = m_progress.cbegin();
        text = it.value().second >= 0
            ? tr("Syncing %1: %2 of %3")
                  .arg(it.key(), locale.toString(it.value().first), locale.toString(it.value().second))
            : tr("Syncing %1: %2").arg(it.key(), locale.toString(it.value().first));
    } else {
        text = count == 1 ? tr("Syncing 1 profile…") : tr("Syncing %1 profiles…").arg(count);
    }
    emit syncStatusChanged(text);
    emit syncsChanged();
}

void StoreSession::forgetProfile(const QString &profile)
{
    if (!m_scheduler)
        return;
    m_scheduler->cancel(profile);
    // A team's catalog is everyone's: a profile removed from this machine keeps its history there.
    if (m_store->isCatalog())
        return;
    if (const Error e = m_store->removeProfile(profile); e.isError())
        emit statusMessage(tr("The snapshots of %1 could not be removed: %2").arg(profile, e.message), 8000);
}

void StoreSession::renameProfile(const QString &from, const QString &to)
{
    if (!m_scheduler)
        return;
    m_scheduler->cancel(from);
    // Colleagues find the catalog's snapshots under the profile's old name: those stay as they are.
    if (m_store->isCatalog())
        return;
    if (const Error e = m_store->renameProfile(from, to); e.isError())
        emit statusMessage(tr("The snapshots of %1 could not be kept for %2: %3").arg(from, to, e.message), 8000);
}

bool StoreSession::showChanges()
{
    if (!m_scheduler || !m_browser->hasSource())
        return false;
    const SourceKey source = sourceOf(m_browser->model()->vendor(), m_browser->model()->profile());
    const Result<std::optional<SyncRun>> last = m_store->lastSync(source);
    const Result<QList<SegmentChange>> changes = m_store->lastChanges(source);
    if (!last || !changes) {
        emit statusMessage((!last ? last.error() : changes.error()).toString(), 8000);
        return false;
    }
    if (!last.value()) {
        emit statusMessage(
            tr("%1 has not been synced yet: Sync (Ctrl+R) keeps its first snapshot.").arg(source.profile), 6000);
        return false;
    }
    m_browser->showChanges(changes.value(), last.value()->ended, last.value()->ranBy());
    return true;
}

} // namespace sb
