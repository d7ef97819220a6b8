#include "accountwalk.h"

#include "pagefetcher.h"
#include "pagestream.h"

namespace sb {

ListingWalk::ListingWalk(const VendorApi *vendor, const Profile &profile, const QString &secret, const QString &listing,
                         QObject *parent)
    : QObject(parent), m_fetcher(new PageFetcher(vendor, profile, secret, this))
{
    connectStream(listing);
}

ListingWalk::ListingWalk(PageFetcher *fetcher, const QString &listing, QObject *parent)
    : QObject(parent), m_fetcher(fetcher)
{
    connectStream(listing);
}

void ListingWalk::connectStream(const QString &listing)
{
    Query query;
    query.listing = listing;
    m_fetcher->setQuery(query);
    m_stream = new PageStream(m_fetcher, 0, 4, this);
    connect(m_stream, &PageStream::segmentsReady, this, &ListingWalk::recordsReady);
    connect(m_stream, &PageStream::finished, this, &ListingWalk::finished);
    connect(m_stream, &PageStream::failed, this, &ListingWalk::failed);
    connect(m_stream, &PageStream::retrying, this, &ListingWalk::retrying);
}

ListingWalk::~ListingWalk() = default;

void ListingWalk::start()
{
    // A request that cannot be formed (a missing key, a bad URL) fails before anything is sent.
    const Result<HttpRequest> probe = m_fetcher->describeRequest(Cursor {}, 0, QStringLiteral("-"));
    if (!probe) {
        const Error error = probe.error();
        QMetaObject::invokeMethod(
            this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        return;
    }
    m_stream->start();
}

void ListingWalk::cancel()
{
    m_stream->cancel();
}

bool ListingWalk::isRunning() const
{
    return m_stream->isRunning();
}

ScopeDiscovery::ScopeDiscovery(const VendorApi *vendor, const Profile &profile, const QString &secret, QObject *parent)
    : QObject(parent), m_vendor(vendor), m_profile(profile), m_secret(secret)
{ }

void ScopeDiscovery::start()
{
    cancel();
    m_groups.clear();
    m_completing = -1;
    const ScopeModel model = m_vendor->scopes();
    if (model.listing.isEmpty()) {
        const Error error = Error::usage(
            tr("%1 profiles name their project themselves; there is nothing to discover").arg(m_vendor->displayName()));
        QMetaObject::invokeMethod(
            this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        return;
    }
    walk(model.listing, m_profile);
}

void ScopeDiscovery::cancel()
{
    if (m_walk) {
        m_walk->cancel();
        m_walk->deleteLater();
    }
    m_walk = nullptr;
}

void ScopeDiscovery::walk(const QString &listing, const Profile &profile)
{
    m_walk = new ListingWalk(m_vendor, profile, m_secret, listing, this);
    connect(m_walk, &ListingWalk::recordsReady, this, &ScopeDiscovery::onRecords);
    connect(m_walk, &ListingWalk::finished, this, &ScopeDiscovery::onWalked);
    connect(m_walk, &ListingWalk::failed, this, &ScopeDiscovery::onFailed);
    m_walk->start();
}

void ScopeDiscovery::onRecords(const QList<Segment> &records)
{
    for (const Segment &record : records) {
        if (m_completing < 0) {
            ScopeGroup group = m_vendor->scopeGroup(record.object());
            if (!group.group.key.isEmpty())
                m_groups.append(group);
        } else {
            const NamedKey scope = m_vendor->scope(record.object());
            QList<NamedKey> &scopes = m_groups[m_completing].scopes;
            if (!scope.key.isEmpty() && !scopes.contains(scope))
                scopes.append(scope);
        }
    }
}

void ScopeDiscovery::onWalked()
{
    if (m_walk)
        m_walk->deleteLater();
    m_walk = nullptr;
    if (m_completing >= 0)
        m_groups[m_completing].complete = true;
    // The next group whose record did not hold all its scopes: list them from its own listing.
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        if (!m_groups.at(i).complete) {
            m_completing = i;
            m_groups[i].scopes.clear();
            Profile inGroup = m_profile;
            const ScopeModel model = m_vendor->scopes();
            inGroup.params.insert(model.groupParam, m_groups.at(i).group.key);
            walk(model.childListing, inGroup);
            return;
        }
    }
    emit finished(m_groups);
}

void ScopeDiscovery::onFailed(const Error &error)
{
    cancel();
    emit failed(error);
}

UsageWalk::UsageWalk(const VendorApi *vendor, const Profile &profile, const QString &secret, QObject *parent)
    : QObject(parent),
      m_vendor(vendor),
      m_profile(profile),
      m_walk(new ListingWalk(vendor, profile, secret, vendor->usage().listing, this))
{
    connectWalk();
}

UsageWalk::UsageWalk(PageFetcher *fetcher, QObject *parent)
    : QObject(parent),
      m_vendor(fetcher->vendor()),
      m_profile(fetcher->profile()),
      m_walk(new ListingWalk(fetcher, fetcher->vendor()->usage().listing, this))
{
    connectWalk();
}

void UsageWalk::connectWalk()
{
    connect(m_walk, &ListingWalk::recordsReady, this, [this](const QList<Segment> &records) {
        for (const Segment &record : records)
            m_usage.add(m_vendor->segmentUser(m_profile, record.object()));
    });
    connect(m_walk, &ListingWalk::finished, this, [this] { emit finished(m_usage); });
    connect(m_walk, &ListingWalk::failed, this, &UsageWalk::failed);
    connect(m_walk, &ListingWalk::retrying, this, &UsageWalk::retrying);
}

void UsageWalk::start()
{
    m_usage = SegmentUsage();
    if (!m_vendor->tracksUsage()) {
        const Error error = Error::usage(tr("%1 cannot say which segments are used").arg(m_vendor->displayName()));
        QMetaObject::invokeMethod(
            this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        return;
    }
    m_walk->start();
}

void UsageWalk::cancel()
{
    m_walk->cancel();
}

bool UsageWalk::isRunning() const
{
    return m_walk->isRunning();
}

} // namespace sb
