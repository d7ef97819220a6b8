#pragma once

#include "core/error.h"
#include "core/segment.h"
#include "core/segmentusage.h"
#include "core/vendorapi.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>

namespace sb {

class PageFetcher;
class PageStream;

// Walks one of a vendor's listings (Query::listing) to its end, with the same PageFetcher and
// PageStream as the segments: the same credential, page limits, concurrency, retries and
// rate-limit handling. The records come in the listing's order.
class ListingWalk final : public QObject
{
    Q_OBJECT

public:
    ListingWalk(const VendorApi *vendor, const Profile &profile, const QString &secret, const QString &listing,
                QObject *parent = nullptr);
    // With a fetcher that is there already (not owned; a sync's, done with the segments): its query
    // becomes the listing.
    ListingWalk(PageFetcher *fetcher, const QString &listing, QObject *parent = nullptr);
    ~ListingWalk() override;

    void start();
    void cancel();
    bool isRunning() const;

signals:
    void recordsReady(const QList<sb::Segment> &records);
    void finished();
    void failed(const sb::Error &error);
    void retrying(const sb::Error &reason, int delayMs);

private:
    void connectStream(const QString &listing);

    PageFetcher *m_fetcher;
    PageStream *m_stream = nullptr;
};

// Lists the places one secret reaches (VendorApi::scopes(): LaunchDarkly's projects and their
// environments): the groups' listing, then, for a group whose record holds only some of its
// scopes, that group's own listing. Fails as a whole: a partial list is never shown as complete.
class ScopeDiscovery final : public QObject
{
    Q_OBJECT

public:
    ScopeDiscovery(const VendorApi *vendor, const Profile &profile, const QString &secret, QObject *parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_walk != nullptr; }

signals:
    void finished(const QList<sb::ScopeGroup> &groups);
    void failed(const sb::Error &error);

private:
    void walk(const QString &listing, const Profile &profile);
    void onRecords(const QList<Segment> &records);
    void onWalked();
    void onFailed(const Error &error);

    const VendorApi *m_vendor;
    Profile m_profile;
    QString m_secret;
    QList<ScopeGroup> m_groups;
    qsizetype m_completing = -1; // the group whose scopes are being listed; -1 while listing groups
    QPointer<ListingWalk> m_walk;
};

// Who uses each segment of the profile's scope (VendorApi::usage(): LaunchDarkly's flags, with
// their rules in the profile's environment), from one walk of the usage listing.
class UsageWalk final : public QObject
{
    Q_OBJECT

public:
    UsageWalk(const VendorApi *vendor, const Profile &profile, const QString &secret, QObject *parent = nullptr);
    // On a fetcher that is there already (a sync's, done with the segments); not owned.
    UsageWalk(PageFetcher *fetcher, QObject *parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const;

signals:
    void finished(const sb::SegmentUsage &usage);
    void failed(const sb::Error &error);
    void retrying(const sb::Error &reason, int delayMs);

private:
    void connectWalk();

    const VendorApi *m_vendor;
    Profile m_profile;
    SegmentUsage m_usage;
    ListingWalk *m_walk;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SegmentUsage)
Q_DECLARE_METATYPE(sb::ScopeGroup)
