#include "connectiontest.h"

#include "core/error.h"
#include "core/vendorapi.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"

#include <QLocale>

namespace sb {

ConnectionTest::ConnectionTest(SecretStore *secrets, QObject *parent) : QObject(parent), m_secrets(secrets)
{ }

PageFetcher::Options ConnectionTest::options()
{
    PageFetcher::Options options;
    options.maxTries = 2;
    options.idleTimeoutMs = 15000;
    options.totalTimeoutMs = 30000;
    options.maxRetryAfterMs = 10000;
    return options;
}

void ConnectionTest::start(const Profile &profile, const QString &secret, const QString &storedName)
{
    if (m_running)
        cancel();
    const quint64 generation = ++m_generation;
    m_running = true;
    emit progress(tr("Connecting…"));
    const VendorApi *vendor = vendorById(profile.vendor);
    if (!vendor)
        return end(tr("Choose a vendor."));
    if (!secret.isEmpty())
        return fetch(profile, secret);
    if (storedName.isEmpty())
        return end(tr("Enter the %1 first.").arg(vendor->secretLabel()));
    Profile stored;
    stored.name = storedName;
    m_secrets->read(stored.secretKey(), this, [this, generation, profile](const SecretResult &r) {
        if (generation != m_generation)
            return;
        if (r.ok())
            return fetch(profile, r.secret);
        end(r.status == SecretResult::Status::NotFound ? tr("No secret is stored for this profile; enter one.")
                                                       : r.error.message);
    });
}

void ConnectionTest::fetch(const Profile &profile, const QString &secret)
{
    const VendorApi *vendor = vendorById(profile.vendor);
    m_fetcher = new PageFetcher(vendor, profile, secret, this);
    m_fetcher->setOptions(options());
    connect(m_fetcher, &PageFetcher::pageReady, this, [this](quint64, const Page &page) { onPage(page); });
    connect(m_fetcher, &PageFetcher::failed, this, [this](quint64, const Error &error) { onFailed(error); });
    connect(m_fetcher, &PageFetcher::retrying, this, [this, vendor](quint64, const Error &reason, int delayMs) {
        emit progress(retryNotice(reason, vendor->displayName(), delayMs));
    });
    m_fetcher->fetch(Cursor {}, 0, true);
}

void ConnectionTest::onPage(const Page &page)
{
    // No translation catalogue ships yet, so "%n segment(s)" would show as such: spell out both forms.
    const QLocale locale;
    if (page.total == 1)
        end(tr("Connected: 1 segment"));
    else if (page.total >= 0)
        end(tr("Connected: %1 segments").arg(locale.toString(page.total)));
    else if (page.segments.size() == 1)
        end(tr("Connected: 1 segment on the first page"));
    else
        end(tr("Connected: %1 segments on the first page").arg(locale.toString(page.segments.size())));
}

void ConnectionTest::onFailed(const Error &error)
{
    end(error.kind == Error::Kind::Cancelled ? tr("Cancelled.") : tr("Connection failed: %1").arg(error.toString()));
}

void ConnectionTest::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    end(tr("Cancelled."));
}

void ConnectionTest::end(const QString &result)
{
    if (m_fetcher) {
        m_fetcher->disconnect(this);
        m_fetcher->cancelAll();
        m_fetcher->deleteLater();
        m_fetcher = nullptr;
    }
    m_running = false;
    emit finished(result);
}

} // namespace sb
