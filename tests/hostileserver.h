#pragma once

// A small HTTP server on 127.0.0.1 that answers as the test says, for what the sandbox cannot do:
// endless lists, silence, a byte a second, headers without end. One answer per request, from
// `answer` (the request's number from 1, and its first line); an empty answer is silence.

#include <QByteArray>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace sb::test {

class HostileServer final : public QObject
{
public:
    using Answer = std::function<QByteArray(int number, const QByteArray &requestLine)>;

    explicit HostileServer(Answer answer) : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
            }
        });
    }

    QUrl root() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }
    // An answer sent a byte a second.
    static QByteArray drip(const QByteArray &bytes) { return QByteArray("\x01DRIP") + bytes; }

    static QByteArray json(const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n" + extraHeaders + "\r\n" + body;
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        // One request at a time per connection; a body (POST) is read by its Content-Length.
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            const QByteArray requestLine = buffer.left(buffer.indexOf("\r\n"));
            buffer.remove(0, end + 4 + length);
            const QByteArray answer = m_answer(++m_requests, requestLine);
            if (answer.startsWith("\x01DRIP")) {
                auto *timer = new QTimer(socket);
                auto rest = std::make_shared<QByteArray>(answer.mid(5));
                connect(timer, &QTimer::timeout, socket, [socket, timer, rest] {
                    if (rest->isEmpty()) {
                        timer->stop();
                        return;
                    }
                    socket->write(rest->left(1));
                    rest->remove(0, 1);
                });
                timer->start(1000);
            } else if (!answer.isEmpty()) {
                socket->write(answer);
            }
        }
    }

    Answer m_answer;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

} // namespace sb::test
