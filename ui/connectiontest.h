#pragma once

#include "core/profile.h"
#include "net/pagefetcher.h"

#include <QObject>
#include <QPointer>

namespace sb {

class SecretStore;
struct Error;
struct Page;

// "Test connection" in the profile editor, without its widgets: asks the vendor for one page of
// a profile's segments and says how that went, in a sentence for the user.
class ConnectionTest final : public QObject
{
    Q_OBJECT

public:
    // `secrets` (not owned) gives a stored profile's secret when none is typed.
    explicit ConnectionTest(SecretStore *secrets, QObject *parent = nullptr);

    // A test should answer soon: one retry, shorter waits than a long export tolerates.
    static PageFetcher::Options options();

    // Tests `profile` with `secret`; when `secret` is empty, with the one stored for the profile
    // named `storedName` (the name it has in the store, not the one being typed). Ends a test
    // still running first. progress() and finished() may come before this returns.
    void start(const Profile &profile, const QString &secret, const QString &storedName);
    // Ends a running test with "Cancelled."; a secret read still under way is ignored when it comes.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString &text); // "Connecting…", a retry's countdown
    void finished(const QString &result); // "Connected: ...", the vendor's message, "Cancelled."

private:
    void fetch(const Profile &profile, const QString &secret);
    void onPage(const Page &page);
    void onFailed(const Error &error);
    void end(const QString &result);

    SecretStore *m_secrets;
    QPointer<PageFetcher> m_fetcher;
    bool m_running = false;
    quint64 m_generation = 0; // a cancelled test's late secret read is ignored
};

} // namespace sb
