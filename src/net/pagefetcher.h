#pragma once

#include "core/page.h"
#include "core/profile.h"
#include "core/vendorapi.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
QT_END_NAMESPACE

namespace sb {

// The one place that talks HTTP. Fetches single pages for the model, the GUI export and
// the CLI export alike: builds the request with the vendor's pure functions, adds the
// credential (exchanging a client secret for an access token where the vendor needs it),
// retries transient failures with Retry-After or backoff, enforces timeouts on page requests
// (not yet on the token request: issue 18) and the HTTPS-except-loopback rule, and turns every
// reply into a Page or a typed Error.
class PageFetcher final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int maxTries = 5; // attempts per page, the first included
        int baseBackoffMs = 400; // first backoff; doubles each try, with jitter
        int maxBackoffMs = 20000;
        qint64 maxRetryAfterMs = 120000; // a server asking for longer than this ends the tries
        int idleTimeoutMs = 30000; // no byte received for this long (every request: pages and token)
        int totalTimeoutMs = 120000; // one attempt, start to end
        // One page, all its tries together, ends by then (waits the server asks for aside): a
        // silent or dripping server costs a user about a minute, not several.
        int pageDeadlineMs = 60000;
        // Silent this long, an attempt is reported as stalled() every second until it ends.
        int stallNoticeMs = 5000;
        qint64 maxBodyBytes = 64 * 1024 * 1024;
        // Bodies up to this size are read on the calling thread; bigger ones on a worker thread.
        qint64 inlineParseBytes = 512 * 1024;
        // Pages in a row that hold no rows yet say there are more: a server that never ends.
        int maxEmptyPages = 20;
    };

    PageFetcher(const VendorApi *vendor, const Profile &profile, const QString &secret, QObject *parent = nullptr);
    ~PageFetcher() override;

    const VendorApi *vendor() const { return m_vendor; }
    const Profile &profile() const { return m_profile; }
    const Query &query() const { return m_query; }
    Options options() const { return m_options; }
    void setOptions(const Options &options) { m_options = options; }

    // A new query supersedes every request in flight: they are cancelled and never reported.
    void setQuery(const Query &query);

    // Starts fetching one page; completes with exactly one pageReady or failed carrying the id.
    quint64 fetch(const Cursor &cursor, int pageSize = 0, bool wantTotal = false);
    void cancel(quint64 id);
    void cancelAll();
    // Forget the cursors seen so far (a new walk over the same query begins).
    void resetWalk();
    int inFlight() const { return int(m_requests.size()); }
    // Of those, the replies being read on a worker thread (bodies over Options::inlineParseBytes).
    int readingOnWorker() const;

    // The request the fetcher would send for a cursor, with `credentialPlaceholder` where the
    // credential goes (for "Copy as curl"). Never contains the secret.
    Result<HttpRequest> describeRequest(const Cursor &cursor, int pageSize, const QString &credentialPlaceholder) const;

signals:
    void pageReady(quint64 id, const sb::Page &page);
    void failed(quint64 id, const sb::Error &error);
    // A request of page `id` (0: the access token) has had no byte for `quietMs`; it is given up
    // in `giveUpInMs` unless bytes come. Every second while it lasts, from Options::stallNoticeMs.
    void stalled(quint64 id, qint64 quietMs, qint64 giveUpInMs);
    // A transient failure; the same page is asked again in delayMs.
    void retrying(quint64 id, const sb::Error &reason, int delayMs, int attempt);

private:
    struct Request
    {
        PageQuery query;
        int attempt = 0;
        bool authRetried = false;
        QString credentialUsed;
        QPointer<QNetworkReply> reply;
        QTimer *timer = nullptr; // backoff wait
        QDeadlineTimer deadline; // the page's, all tries together (Options::pageDeadlineMs)
        bool deadlineStarted = false; // set by its first try
        bool parsing = false; // the reply is being read on a worker thread
    };

    void start(quint64 id);
    void send(quint64 id);
    void onReply(quint64 id);
    void onParsed(quint64 id, Result<Page> page);
    void handleError(quint64 id, Error error);
    void finish(quint64 id, const Error &error);
    void requestToken();
    void onTokenReply();
    Error checkProgress(const PageQuery &query, const Page &page);
    QNetworkReply *sendRaw(const HttpRequest &request, Error *error);
    // The watchdog of one request (idle and total timeouts, size cap); see Options. `totalMs`: the
    // attempt's limit; `page`: the page it fetches (0: the token), for stalled().
    void watch(QNetworkReply *reply, qint64 totalMs, quint64 page = 0);
    int backoffMs(int attempt) const;
    bool tokenUsable() const;

    const VendorApi *m_vendor;
    Profile m_profile;
    QString m_secret;
    Query m_query;
    Options m_options;
    QNetworkAccessManager *m_nam;
    quint64 m_nextId = 1;
    QHash<quint64, Request> m_requests;

    // Token exchange (vendors whose secret buys a short-lived access token).
    QString m_token;
    QDeadlineTimer m_tokenRefreshAt;
    QPointer<QNetworkReply> m_tokenReply;
    int m_tokenAttempt = 0;
    QList<quint64> m_waitingForToken;

    QSet<QString> m_seenTokens; // cursors the server returned in this walk
    int m_emptyRun = 0; // pages in a row with no rows that said there were more
};

} // namespace sb
