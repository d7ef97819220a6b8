#pragma once

// A small synchronous HTTP client for the sandbox tests: QNetworkAccessManager against the
// in-process SandboxServer, waiting with QSignalSpy (never sleeping).

#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrlQuery>

#include <memory>

namespace sbtest {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct HttpResult
{
    bool finished = false;
    int status = 0; // 0 when no status line arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    Headers headers;
    int readyReads = 0; // how many times data arrived

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    bool isJson() const
    {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body, &parseError);
        return parseError.error == QJsonParseError::NoError;
    }
};

class SandboxClient final
{
public:
    explicit SandboxClient(const sb::SandboxServer &server) : m_root(server.rootUrl().toString()) { }

    // pathAndQuery is sent as written (already percent-encoded where needed).
    HttpResult get(const QString &pathAndQuery, const Headers &headers = {})
    {
        return run(QByteArrayLiteral("GET"), pathAndQuery, headers, {});
    }
    HttpResult post(const QString &path, const QByteArray &form, const Headers &headers = {})
    {
        Headers all = headers;
        all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        return run(QByteArrayLiteral("POST"), path, all, form);
    }

    // Starts a GET and returns without waiting, for tests that watch several replies at once.
    QNetworkReply *start(const QString &pathAndQuery, const Headers &headers = {})
    {
        QNetworkRequest request(url(pathAndQuery));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return m_manager.get(request);
    }

    static HttpResult finish(QNetworkReply *reply)
    {
        HttpResult result;
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QSignalSpy readyRead(reply, &QNetworkReply::readyRead);
        result.finished = reply->isFinished() || finished.wait(30000);
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        result.readyReads = int(readyRead.count());
        reply->deleteLater();
        return result;
    }

    static Headers batchAuth()
    {
        return {{"Authorization", "Bearer " + sb::SandboxCredentials::batchRestKey().toUtf8()},
                {"X-Batch-Project", sb::SandboxCredentials::batchProjectKey().toUtf8()}};
    }
    static Headers ldAuth()
    {
        return {{"Authorization", sb::SandboxCredentials::ldToken().toUtf8()}, {"LD-API-Version", "20240415"}};
    }
    static Headers amperityAuth()
    {
        return {{"Authorization", "Bearer " + sb::SandboxCredentials::amperityToken().toUtf8()},
                {"amperity-tenant", sb::SandboxCredentials::amperityTenant().toUtf8()},
                {"api-version", "2024-04-01"}};
    }
    static QByteArray tokenForm()
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), sb::SandboxCredentials::sailpointClientId());
        form.addQueryItem(QStringLiteral("client_secret"), sb::SandboxCredentials::sailpointClientSecret());
        return form.toString(QUrl::FullyEncoded).toUtf8();
    }
    // A fresh SailPoint access token, as "Authorization: Bearer ..."; empty when none was issued.
    Headers sailPointAuth()
    {
        const HttpResult reply = post(QStringLiteral("/oauth/token"), tokenForm());
        const QByteArray token = reply.object().value(QStringLiteral("access_token")).toString().toUtf8();
        if (reply.status != 200 || token.isEmpty())
            return {};
        return {{"Authorization", "Bearer " + token}};
    }

    QUrl url(const QString &pathAndQuery) const { return QUrl(m_root + pathAndQuery); }

private:
    HttpResult run(const QByteArray &verb, const QString &pathAndQuery, const Headers &headers, const QByteArray &body)
    {
        QNetworkRequest request(url(pathAndQuery));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return finish(m_manager.sendCustomRequest(request, verb, body));
    }

    QString m_root;
    QNetworkAccessManager m_manager;
};

} // namespace sbtest
