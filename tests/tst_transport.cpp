// Transport rules: plain http:// only to this computer, and TLS errors are errors. Both are
// checked on the wire: a proxy counts what would have left the machine, and a TLS server with a
// self-signed certificate on 127.0.0.1 counts the bytes of any request that got through.

#include "core/http.h"
#include "net/pagefetcher.h"
#include "sandboxrig.h"

#include <QFile>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

constexpr int kWaitMs = 30000;

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(SB_TEST_DATA_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The same profile on another root URL (scheme, host and port), keeping the vendor's path.
Profile withRoot(Profile profile, const QString &scheme, const QString &host, int port = -1)
{
    QUrl url = profile.baseUrl;
    url.setScheme(scheme);
    url.setHost(host);
    url.setPort(port);
    profile.baseUrl = url;
    return profile;
}

struct Outcome
{
    Error error;
    int retries = 0;
    bool ready = false;
};

Outcome fetchFirstPage(const QString &vendor, const Profile &profile, const QString &secret)
{
    PageFetcher fetcher(vendorById(vendor), profile, secret);
    PageFetcher::Options o = fetcher.options();
    o.baseBackoffMs = 5;
    o.maxBackoffMs = 10;
    fetcher.setOptions(o);
    QSignalSpy failed(&fetcher, &PageFetcher::failed);
    QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
    QSignalSpy retrying(&fetcher, &PageFetcher::retrying);
    fetcher.fetch({});
    Outcome outcome;
    if (!QTest::qWaitFor([&] { return !failed.isEmpty() || !ready.isEmpty(); }, kWaitMs)) {
        outcome.error = Error::parse(QStringLiteral("test: no answer"));
        return outcome;
    }
    outcome.ready = !ready.isEmpty();
    if (!failed.isEmpty())
        outcome.error = failed.at(0).at(1).value<Error>();
    outcome.retries = int(retrying.size());
    return outcome;
}

} // namespace

class TestTransport final : public QObject
{
    Q_OBJECT

private slots:
    void loopbackRule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("127.0.0.1") << "http://127.0.0.1:8080/api" << true;
        QTest::newRow("127.x.y.z") << "http://127.1.2.3/api" << true;
        QTest::newRow("localhost") << "http://localhost:1/api" << true;
        QTest::newRow("LOCALHOST") << "http://LOCALHOST/api" << true;
        QTest::newRow("::1") << "http://[::1]:8080/api" << true;
        QTest::newRow("https anywhere") << "https://api.example.com/v3" << true;
        QTest::newRow("name") << "http://api.example.com/v3" << false;
        QTest::newRow("private address") << "http://10.0.0.1/v3" << false;
        QTest::newRow("lan address") << "http://192.168.1.20/v3" << false;
        QTest::newRow("any address") << "http://0.0.0.0/v3" << false;
        QTest::newRow("v4-mapped loopback") << "http://[::ffff:127.0.0.1]/v3" << false;
        QTest::newRow("loopback-looking name") << "http://127.0.0.1.example.com/v3" << false;
        QTest::newRow("localhost subdomain") << "http://localhost.example.com/v3" << false;
        QTest::newRow("short form") << "http://127.1/v3" << true; // QUrl reads it as 127.0.0.1
        QTest::newRow("ftp") << "ftp://127.0.0.1/v3" << false;
        QTest::newRow("no host") << "http:///v3" << false;
    }

    void loopbackRule()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const Error error = checkTransport(QUrl(url));
        QCOMPARE(!error.isError(), allowed);
        if (!allowed) {
            QCOMPARE(error.kind, Error::Kind::Usage);
            QVERIFY(!error.message.isEmpty());
        }
    }

    // The fetcher refuses plain HTTP to another host before anything leaves: a proxy that every
    // request of this process would go through sees no connection at all.
    void plainHttpElsewhereSendsNothing_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &v : allVendorIds())
            QTest::newRow(qPrintable(v)) << v;
    }

    void plainHttpElsewhereSendsNothing()
    {
        QFETCH(QString, vendor);
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&proxy, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = proxy.nextPendingConnection()) {
                ++connections;
                socket->close(); // not a real proxy: the request fails, but it was sent
                socket->deleteLater();
            }
        });
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.serverPort()));
        const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); });

        SandboxRig rig;
        const Profile elsewhere =
            withRoot(rig.profile(vendor), QStringLiteral("http"), QStringLiteral("segments.example.com"));
        const Outcome refused = fetchFirstPage(vendor, elsewhere, rig.secret(vendor));
        QCOMPARE(refused.error.kind, Error::Kind::Usage);
        QVERIFY2(refused.error.message.contains(QStringLiteral("segments.example.com"))
                     && refused.error.message.contains(QStringLiteral("https://")),
                 qPrintable(refused.error.message));
        QCOMPARE(refused.retries, 0);
        QCOMPARE(connections, 0);

        // The same over https:// does go out (through the proxy), so the count above means something.
        const Profile secure =
            withRoot(rig.profile(vendor), QStringLiteral("https"), QStringLiteral("segments.example.com"));
        const Outcome sent = fetchFirstPage(vendor, secure, rig.secret(vendor));
        QVERIFY(sent.error.isError());
        QVERIFY(connections > 0);
    }

    // A TLS server on 127.0.0.1 with a self-signed certificate: the handshake fails, the error says
    // why, it is not retried, and not one byte of the request (with its credential) is sent.
    void selfSignedCertificateIsRefused_data() { plainHttpElsewhereSendsNothing_data(); }
    void selfSignedCertificateIsRefused()
    {
        QFETCH(QString, vendor);
        const QSslCertificate certificate(readData(QStringLiteral("selfsigned-127.0.0.1.crt")), QSsl::Pem);
        const QSslKey key(readData(QStringLiteral("selfsigned-127.0.0.1.key")), QSsl::Rsa, QSsl::Pem);
        QVERIFY(!certificate.isNull());
        QVERIFY(!key.isNull());
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        QSslServer server;
        server.setSslConfiguration(config);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int handshakesStarted = 0;
        qint64 bytesReceived = 0;
        // Counted from the first moment: a client that ignored the errors would send its request
        // (with the credential) through this socket as soon as the handshake is done.
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&](QSslSocket *socket) {
            ++handshakesStarted;
            connect(socket, &QSslSocket::readyRead, this, [&, socket] { bytesReceived += socket->readAll().size(); });
        });

        SandboxRig rig; // for the demo profile's path and keys only
        const Profile tls =
            withRoot(rig.profile(vendor), QStringLiteral("https"), QStringLiteral("127.0.0.1"), server.serverPort());
        const Outcome outcome = fetchFirstPage(vendor, tls, rig.secret(vendor));
        QVERIFY(!outcome.ready);
        QCOMPARE(outcome.error.kind, Error::Kind::Network);
        QVERIFY2(outcome.error.message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(outcome.error.message));
        QVERIFY2(outcome.error.message.contains(QStringLiteral("127.0.0.1")), qPrintable(outcome.error.message));
        QCOMPARE(outcome.retries, 0);
        QVERIFY(handshakesStarted > 0);
        QCOMPARE(bytesReceived, 0);
        QCOMPARE(rig.server.requestCount(vendor), 0);
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
