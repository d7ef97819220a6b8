#include "pagefetcher.h"

#include "core/logging.h"
#include "version.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslError>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <new>

#include <memory>

namespace sb {

namespace {

// Errors below 200 (network and proxy layers) mean the transfer itself broke, even when a
// status line had already arrived (a connection dropped mid-body). Above 200 Qt names HTTP
// statuses (400 is ProtocolInvalidOperationError): those replies go to the vendor's parser,
// unless no status arrived at all.
bool isTransportError(QNetworkReply::NetworkError e, int httpStatus)
{
    const int code = int(e);
    return (code > 0 && code < 200) || (code >= 200 && httpStatus == 0);
}

// The vendor's reading of a reply, with the rows' hashes. Safe on any thread: vendors are stateless.
Result<Page> parseReply(const VendorApi *vendor, const HttpReply &reply, const PageQuery &query)
{
    // A body too big for the memory left is an error that says so, not the end of the program.
    try {
        Result<Page> page = vendor->parsePage(reply, query);
        if (page) {
            page.value().hashRows();
            page.value().bodyBytes = reply.body.size();
        }
        return page;
    } catch (const std::bad_alloc &) {
        return Error::parse(
            QCoreApplication::translate("sb::PageFetcher", "Not enough memory to read a reply of %1 MB from %2")
                .arg(reply.body.size() / (1024 * 1024))
                .arg(vendor->displayName()));
    }
}

HttpReply toHttpReply(QNetworkReply *reply)
{
    HttpReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = reply->rawHeaderPairs();
    r.body = reply->readAll();
    return r;
}

} // namespace

PageFetcher::PageFetcher(const VendorApi *vendor, const Profile &profile, const QString &secret, QObject *parent)
    : QObject(parent), m_vendor(vendor), m_profile(profile), m_secret(secret), m_nam(new QNetworkAccessManager(this))
{
    Q_ASSERT(vendor);
    // Never follow a redirect to another origin: the credential would follow it.
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

PageFetcher::~PageFetcher()
{
    // Replies we own are aborted, not left to finish into a dead object.
    cancelAll();
}

void PageFetcher::setQuery(const Query &query)
{
    cancelAll();
    m_query = query;
    resetWalk();
}

void PageFetcher::resetWalk()
{
    m_seenTokens.clear();
    m_emptyRun = 0;
}

quint64 PageFetcher::fetch(const Cursor &cursor, int pageSize, bool wantTotal)
{
    const quint64 id = m_nextId++;
    Request &r = m_requests[id];
    r.query.query = m_query;
    r.query.cursor = cursor;
    r.query.pageSize = pageSize > 0 ? qMin(pageSize, m_vendor->maxPageSize()) : m_vendor->defaultPageSize();
    r.query.wantTotal = wantTotal;
    // Report asynchronously even when the request fails at once, so callers see one
    // consistent order: fetch() returns the id, then a signal carries it.
    QTimer::singleShot(0, this, [this, id] {
        if (m_requests.contains(id))
            start(id);
    });
    return id;
}

int PageFetcher::readingOnWorker() const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [](const Request &r) { return r.parsing; }));
}

void PageFetcher::cancel(quint64 id)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    Request r = *it;
    m_requests.erase(it);
    m_waitingForToken.removeAll(id);
    if (r.timer)
        r.timer->deleteLater();
    if (r.reply) {
        r.reply->disconnect(this);
        r.reply->abort();
        r.reply->deleteLater();
    }
}

void PageFetcher::cancelAll()
{
    const QList<quint64> ids = m_requests.keys();
    for (quint64 id : ids)
        cancel(id);
    if (m_tokenReply) {
        m_tokenReply->disconnect(this);
        m_tokenReply->abort();
        m_tokenReply->deleteLater();
        m_tokenReply = nullptr;
    }
}

Result<HttpRequest> PageFetcher::describeRequest(const Cursor &cursor, int pageSize,
                                                 const QString &credentialPlaceholder) const
{
    PageQuery q;
    q.query = m_query;
    q.cursor = cursor;
    q.pageSize = pageSize > 0 ? qMin(pageSize, m_vendor->maxPageSize()) : m_vendor->defaultPageSize();
    q.wantTotal = cursor.isStart();
    Result<HttpRequest> request = m_vendor->pageRequest(m_profile, q);
    if (request)
        m_vendor->authorize(request.value(), credentialPlaceholder);
    return request;
}

bool PageFetcher::tokenUsable() const
{
    return !m_token.isEmpty() && !m_tokenRefreshAt.hasExpired();
}

void PageFetcher::start(quint64 id)
{
    // authorize() quietly sends no credential it cannot send safely; say why instead.
    if (m_secret.trimmed().isEmpty()) {
        finish(id, Error::usage(tr("The %1 is empty").arg(m_vendor->secretLabel())));
        return;
    }
    if (!isSafeHeaderValue(m_secret.toUtf8())) {
        finish(id,
               Error::usage(tr("The %1 holds a line break; paste it again as one line").arg(m_vendor->secretLabel())));
        return;
    }
    if (m_vendor->exchangesToken() && !tokenUsable()) {
        if (!m_waitingForToken.contains(id))
            m_waitingForToken.append(id);
        if (!m_tokenReply)
            requestToken();
        return;
    }
    send(id);
}

QNetworkReply *PageFetcher::sendRaw(const HttpRequest &request, Error *error)
{
    const Error transport = checkTransport(request.url);
    if (transport.isError()) {
        *error = transport;
        return nullptr;
    }
    QNetworkRequest nr(request.url);
    for (const auto &h : request.headers) {
        if (!isSafeHeaderValue(h.second) || !isSafeHeaderValue(h.first)) {
            // Never echo the value: it may be the secret.
            *error = Error::usage(tr("A key or header value contains a line break; it was not sent"));
            return nullptr;
        }
        nr.setRawHeader(h.first, h.second);
    }
    nr.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(kUserAgent));
    if (!request.contentType.isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    // Qt's transfer timeout is off. Every request gets our own watchdog instead (watch(): idle,
    // total and size), so that a slow drip cannot hang it.
    nr.setTransferTimeout(0);
    QNetworkReply *reply = request.method == "POST" ? m_nam->post(nr, request.body)
                                                    : m_nam->sendCustomRequest(nr, request.method, request.body);
    return reply;
}

void PageFetcher::send(quint64 id)
{
    Request &r = m_requests[id];
    Result<HttpRequest> request = m_vendor->pageRequest(m_profile, r.query);
    if (!request) {
        finish(id, request.error());
        return;
    }
    // The page's deadline runs from its first try, not from a wait for the access token.
    if (!r.deadlineStarted) {
        r.deadline = m_options.pageDeadlineMs > 0 ? QDeadlineTimer(m_options.pageDeadlineMs)
                                                  : QDeadlineTimer(QDeadlineTimer::Forever);
        r.deadlineStarted = true;
    }
    r.credentialUsed = m_vendor->exchangesToken() ? m_token : m_secret;
    m_vendor->authorize(request.value(), r.credentialUsed);
    Error error;
    QNetworkReply *reply = sendRaw(request.value(), &error);
    if (!reply) {
        finish(id, error);
        return;
    }
    qCDebug(lcNet) << "GET" << request.value().url.toDisplayString() << "attempt" << r.attempt + 1;
    r.reply = reply;
    watch(reply,
          qMin<qint64>(m_options.totalTimeoutMs,
                       r.deadline.remainingTime() < 0 ? m_options.totalTimeoutMs : r.deadline.remainingTime()),
          id);
    connect(reply, &QNetworkReply::finished, this, [this, id] { onReply(id); });
}

void PageFetcher::watch(QNetworkReply *reply, qint64 totalMs, quint64 page)
{
    // The watchdog lives on the reply and goes with it. It aborts a reply that goes quiet for
    // idleTimeoutMs, takes longer than `totalMs` in all, or grows past maxBodyBytes, and says
    // which on the reply (sb_timedOut, sb_tooLarge) for whoever reads it. A quiet reply is
    // reported every second (stalled()), so that a window can count down.
    const Options o = m_options;
    struct Clock
    {
        QElapsedTimer started;
        QElapsedTimer lastByte;
    };
    auto clock = std::make_shared<Clock>();
    clock->started.start();
    clock->lastByte.start();
    auto *ticker = new QTimer(reply);
    ticker->setInterval(qMin(1000, qMax(10, o.idleTimeoutMs / 4)));
    connect(ticker, &QTimer::timeout, this, [this, reply, clock, o, totalMs, page] {
        const qint64 quiet = clock->lastByte.elapsed();
        const qint64 left = qMin<qint64>(o.idleTimeoutMs - quiet, totalMs - clock->started.elapsed());
        if (left <= 0) {
            reply->setProperty("sb_timedOut", true);
            reply->abort();
            return;
        }
        if (quiet >= o.stallNoticeMs)
            emit stalled(page, quiet, left);
    });
    ticker->start();
    connect(reply, &QNetworkReply::downloadProgress, ticker, [reply, clock, o](qint64 received, qint64 total) {
        if (received > o.maxBodyBytes || total > o.maxBodyBytes) {
            reply->setProperty("sb_tooLarge", true);
            reply->abort();
            return;
        }
        clock->lastByte.restart();
    });
    // A compressed body is counted as it comes out of decompression too: an endless gzip body
    // stops at the cap, not when the compressed bytes reach it.
    connect(reply, &QNetworkReply::readyRead, ticker, [reply, o] {
        if (reply->bytesAvailable() > o.maxBodyBytes) {
            reply->setProperty("sb_tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, ticker, &QTimer::stop);
    connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError> &errors) {
        // Not ignored: the request fails. Keep the reasons for the error message.
        QStringList reasons;
        for (const QSslError &e : errors)
            reasons << e.errorString();
        reply->setProperty("sb_sslErrors", reasons.join(QStringLiteral("; ")));
    });
}

void PageFetcher::onReply(quint64 id)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    QNetworkReply *reply = it->reply;
    it->reply = nullptr;
    if (it->timer)
        it->timer->stop();
    if (!reply)
        return;
    reply->deleteLater();

    const QNetworkReply::NetworkError netError = reply->error();
    const QString host = reply->url().host();
    if (reply->property("sb_tooLarge").toBool()) {
        finish(id,
               Error::parse(tr("The reply from %1 is larger than %2 MB; stopped reading it")
                                .arg(host)
                                .arg(m_options.maxBodyBytes / (1024 * 1024))));
        return;
    }
    if (reply->property("sb_timedOut").toBool()) {
        handleError(id, Error::network(tr("%1 did not answer in time").arg(host)));
        return;
    }
    const QString ssl = reply->property("sb_sslErrors").toString();
    if (!ssl.isEmpty()) {
        finish(id, Error::network(tr("Secure connection to %1 failed: %2").arg(host, ssl)));
        return;
    }
    if (netError == QNetworkReply::InsecureRedirectError || netError == QNetworkReply::TooManyRedirectsError) {
        // Asking again cannot help: the same redirect would come back.
        finish(id,
               Error::network(
                   tr("%1 redirected the request and it was not followed: %2").arg(host, reply->errorString())));
        return;
    }
    if (isTransportError(netError, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())) {
        handleError(id, Error::network(tr("Network error talking to %1: %2").arg(host, reply->errorString())));
        return;
    }
    const HttpReply httpReply = toHttpReply(reply);
    if (httpReply.status == 0) {
        handleError(id, Error::network(tr("No HTTP reply from %1: %2").arg(host, reply->errorString())));
        return;
    }
    it->parsing = true;
    // An ordinary page is read here: that takes well under a millisecond, less than handing it to
    // another thread and back (measured: a cursor-paged export was 10% slower with every page on a
    // worker). A big body is read on a worker thread, so that the window never stalls on it.
    if (httpReply.body.size() <= m_options.inlineParseBytes) {
        onParsed(id, parseReply(m_vendor, httpReply, it->query));
        return;
    }
    auto *watcher = new QFutureWatcher<Result<Page>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, id, watcher] {
        watcher->deleteLater();
        onParsed(id, watcher->result());
    });
    // Vendors are stateless and live for the whole program; the reply and query go by value.
    watcher->setFuture(QtConcurrent::run(
        [vendor = m_vendor, reply = httpReply, query = it->query] { return parseReply(vendor, reply, query); }));
}

void PageFetcher::onParsed(quint64 id, Result<Page> page)
{
    // Cancelled (or superseded by a new query) while it was being read: nobody waits for it.
    auto it = m_requests.find(id);
    if (it == m_requests.end() || !it->parsing)
        return;
    it->parsing = false;
    if (!page) {
        handleError(id, page.error());
        return;
    }
    const Error progress = checkProgress(it->query, page.value());
    if (progress.isError()) {
        finish(id, progress);
        return;
    }
    Request done = *it;
    m_requests.erase(it);
    if (done.timer)
        done.timer->deleteLater();
    emit pageReady(id, page.value());
}

Error PageFetcher::checkProgress(const PageQuery &query, const Page &page)
{
    if (!page.next)
        return {};
    m_emptyRun = page.segments.isEmpty() ? m_emptyRun + 1 : 0;
    if (m_emptyRun > m_options.maxEmptyPages)
        return Error::parse(tr("The server sent %1 empty pages in a row, each saying there were more; stopped "
                               "rather than ask for ever")
                                .arg(m_emptyRun));
    const Cursor &next = *page.next;
    if (m_vendor->paging() == Paging::Offset) {
        if (next.offset <= query.cursor.offset)
            return Error::parse(tr("The server's next page does not move forward (offset %1); stopped to avoid a loop")
                                    .arg(next.offset));
        return {};
    }
    if (next.token.isEmpty())
        return Error::parse(tr("The server said there are more segments but gave no cursor for them"));
    if (next.token == query.cursor.token || m_seenTokens.contains(next.token))
        return Error::parse(tr("The server returned a page cursor it had returned before; stopped to avoid a loop"));
    m_seenTokens.insert(next.token);
    return {};
}

void PageFetcher::handleError(quint64 id, Error error)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    // An expired or revoked access token: get a new one, once per page.
    if (m_vendor->exchangesToken() && error.httpStatus == 401 && !it->authRetried) {
        it->authRetried = true;
        if (m_token == it->credentialUsed)
            m_token.clear();
        qCDebug(lcNet) << "access token refused; refreshing it";
        start(id);
        return;
    }
    if (error.isTransient() && it->attempt + 1 < m_options.maxTries) {
        int delay = 0;
        if (error.retryAfterMs >= 0) {
            if (error.retryAfterMs > m_options.maxRetryAfterMs) {
                error.message =
                    tr("%1 (the server asks to wait %2 s)").arg(error.message).arg(error.retryAfterMs / 1000);
                finish(id, error);
                return;
            }
            delay = int(error.retryAfterMs);
            // A wait the server asks for is not the server failing: the page's deadline moves with it.
            if (!it->deadline.isForever())
                it->deadline = QDeadlineTimer(it->deadline.remainingTime() + delay);
        } else {
            delay = backoffMs(it->attempt);
            // No time left for another try before the page's deadline: give up now.
            if (!it->deadline.isForever() && it->deadline.remainingTime() < delay + 1000) {
                error.message = tr("%1 (gave up after %2 tries in %3 s)")
                                    .arg(error.message)
                                    .arg(it->attempt + 1)
                                    .arg(m_options.pageDeadlineMs / 1000);
                finish(id, error);
                return;
            }
        }
        ++it->attempt;
        qCDebug(lcNet) << "retrying page after" << delay << "ms:" << error.toString();
        if (!it->timer) {
            it->timer = new QTimer(this);
            it->timer->setSingleShot(true);
        }
        it->timer->disconnect();
        connect(it->timer, &QTimer::timeout, this, [this, id] {
            if (m_requests.contains(id))
                start(id);
        });
        it->timer->start(delay);
        emit retrying(id, error, delay, it->attempt);
        return;
    }
    if (error.isTransient() && it->attempt > 0)
        error.message = tr("%1 (gave up after %2 tries)").arg(error.message).arg(it->attempt + 1);
    finish(id, error);
}

void PageFetcher::finish(quint64 id, const Error &error)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    Request done = *it;
    m_requests.erase(it);
    m_waitingForToken.removeAll(id);
    if (done.timer)
        done.timer->deleteLater();
    if (done.reply) {
        done.reply->disconnect(this);
        done.reply->abort();
        done.reply->deleteLater();
    }
    qCDebug(lcNet) << "page failed:" << Error::kindName(error.kind) << error.toString();
    emit failed(id, error);
}

int PageFetcher::backoffMs(int attempt) const
{
    const qint64 base = qMin<qint64>(qint64(m_options.baseBackoffMs) << qMin(attempt, 16), m_options.maxBackoffMs);
    // Full jitter in the upper half: spreads clients out, never waits less than half the step.
    return int(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
}

void PageFetcher::requestToken()
{
    Result<HttpRequest> request = m_vendor->tokenRequest(m_profile, m_secret);
    Error error;
    QNetworkReply *reply = request ? sendRaw(request.value(), &error) : nullptr;
    if (!request)
        error = request.error();
    if (!reply) {
        const QList<quint64> waiting = m_waitingForToken;
        m_waitingForToken.clear();
        for (quint64 id : waiting)
            finish(id, error);
        return;
    }
    qCDebug(lcNet) << "requesting an access token from" << request.value().url.host();
    m_tokenReply = reply;
    // The same limits as a page: a silent or endless token endpoint fails, and is retried.
    watch(reply, m_options.totalTimeoutMs);
    connect(reply, &QNetworkReply::finished, this, &PageFetcher::onTokenReply);
}

void PageFetcher::onTokenReply()
{
    QNetworkReply *reply = m_tokenReply;
    m_tokenReply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    Error error;
    const QString host = reply->url().host();
    if (reply->property("sb_tooLarge").toBool()) {
        error = Error::parse(tr("The access token reply from %1 is larger than %2 MB; stopped reading it")
                                 .arg(host)
                                 .arg(m_options.maxBodyBytes / (1024 * 1024)));
    } else if (reply->property("sb_timedOut").toBool()) {
        error = Error::network(tr("%1 did not answer the access token request in time").arg(host));
    } else if (isTransportError(reply->error(), reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())) {
        error = Error::network(
            tr("Network error getting an access token from %1: %2").arg(reply->url().host(), reply->errorString()));
    } else {
        Result<AccessToken> token = m_vendor->parseToken(toHttpReply(reply));
        if (token) {
            m_token = token.value().token;
            const qint64 lifetimeMs = qMax<qint64>(token.value().expiresInSeconds, 1) * 1000;
            // Refresh before it runs out: a minute early, or a fifth of its life when it is short.
            m_tokenRefreshAt = QDeadlineTimer(lifetimeMs - qMin<qint64>(60000, lifetimeMs / 5));
            m_tokenAttempt = 0;
            const QList<quint64> waiting = m_waitingForToken;
            m_waitingForToken.clear();
            for (quint64 id : waiting)
                send(id);
            return;
        }
        error = token.error();
    }
    if (error.isTransient() && ++m_tokenAttempt < m_options.maxTries) {
        const int delay = error.retryAfterMs >= 0 && error.retryAfterMs <= m_options.maxRetryAfterMs
            ? int(error.retryAfterMs)
            : backoffMs(m_tokenAttempt - 1);
        QTimer::singleShot(delay, this, [this] {
            if (!m_waitingForToken.isEmpty() && !m_tokenReply)
                requestToken();
        });
        return;
    }
    m_tokenAttempt = 0;
    const QList<quint64> waiting = m_waitingForToken;
    m_waitingForToken.clear();
    for (quint64 id : waiting)
        finish(id, error);
}

} // namespace sb
