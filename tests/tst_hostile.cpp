// The client against a server that lies or stalls (issue: hostile servers and bad disks), on the
// project's sandbox over HTTP: a total its pages contradict never cuts the list.
#include "hostileserver.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"
#include "sandboxrig.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

namespace {

struct Walk
{
    QStringList keys;
    QList<QPair<qint64, qint64>> disagreements; // (claimed, listed)
    Error error;
    bool finished = false;
};

Walk walk(SandboxRig &rig, const QString &vendor, int concurrency = 4)
{
    Walk out;
    PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
    PageStream stream(&fetcher, 0, concurrency);
    QObject::connect(&stream, &PageStream::segmentsReady, [&](const QList<Segment> &page) {
        for (const Segment &s : page)
            out.keys.append(vendorById(vendor)->recordKey(s.object()));
    });
    QObject::connect(&stream, &PageStream::totalDisagrees, [&](qint64 claimed, qint64 listed) {
        out.disagreements.append({claimed, listed});
    });
    QObject::connect(&stream, &PageStream::finished, [&] { out.finished = true; });
    QObject::connect(&stream, &PageStream::failed, [&](const Error &e) { out.error = e; });
    stream.start();
    if (!QTest::qWaitFor([&] { return out.finished || out.error.isError(); }, 60000))
        out.error = Error::network(QStringLiteral("the walk did not end within a minute"));
    return out;
}

// A Batch fetcher pointed at `server`, with the sandbox's demo profile and key.
std::unique_ptr<PageFetcher> batchOn(const HostileServer &server)
{
    SandboxRig rig;
    const QString vendor = QStringLiteral("batch");
    Profile profile = rig.profile(vendor);
    profile.baseUrl = server.root();
    return std::make_unique<PageFetcher>(vendorById(vendor), profile, rig.secret(vendor));
}

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT

private slots:
    // LaunchDarkly's totalCount and SailPoint's X-Total-Count smaller or larger than the list:
    // every row, in order, and the disagreement reported; never a silent cut.
    void aLyingTotalNeverCutsTheList_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("claimed");
        QTest::newRow("launchdarkly, too few") << QStringLiteral("launchdarkly") << 10;
        QTest::newRow("launchdarkly, too many") << QStringLiteral("launchdarkly") << 1000;
        QTest::newRow("sailpoint, too few") << QStringLiteral("sailpoint") << 10;
        QTest::newRow("sailpoint, too many") << QStringLiteral("sailpoint") << 1000;
        QTest::newRow("amperity, too few") << QStringLiteral("amperity") << 10;
    }
    void aLyingTotalNeverCutsTheList()
    {
        QFETCH(QString, vendor);
        QFETCH(int, claimed);
        SandboxRig rig;
        rig.server.setSegmentCount(vendor, 600);
        QVERIFY(rig.server.setFaults(vendor + QStringLiteral(":total=") + QString::number(claimed)));
        const Walk w = walk(rig, vendor);
        QVERIFY2(!w.error.isError(), qPrintable(w.error.toString()));
        QVERIFY(w.finished);
        QCOMPARE(w.keys, rig.expectedKeys(vendor, 600));
        QCOMPARE(w.disagreements, (QList<QPair<qint64, qint64>> {{claimed, 600}}));

        // The truth: no warning.
        QVERIFY(rig.server.setFaults(QString()));
        const Walk honest = walk(rig, vendor);
        QCOMPARE(honest.keys.size(), 600);
        QVERIFY(honest.disagreements.isEmpty());
    }

    // The SailPoint token request has the limits of a page request: a silent token endpoint and
    // an oversized token reply are errors that say so, not a hang or an exhausted memory.
    void theTokenRequestHasAPagesLimits_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<QString>("expected");
        QTest::newRow("silent") << QStringLiteral("sailpoint-token:latency=60000")
                                << QStringLiteral("did not answer the access token request in time");
        QTest::newRow("oversized") << QStringLiteral("sailpoint-token:huge=3")
                                   << QStringLiteral("access token reply from 127.0.0.1 is larger than 1 MB");
    }
    void theTokenRequestHasAPagesLimits()
    {
        QFETCH(QString, faults);
        QFETCH(QString, expected);
        SandboxRig rig;
        const QString vendor = QStringLiteral("sailpoint");
        QVERIFY(rig.server.setFaults(faults));
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        PageFetcher::Options o = fetcher.options();
        o.idleTimeoutMs = 400;
        o.maxTries = 2;
        o.baseBackoffMs = 10;
        o.maxBodyBytes = 1024 * 1024;
        fetcher.setOptions(o);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
        fetcher.fetch(Cursor {});
        QVERIFY(failed.wait(20000));
        QCOMPARE(ready.size(), 0);
        const Error e = failed.at(0).at(1).value<Error>();
        QVERIFY2(e.message.contains(expected), qPrintable(e.toString()));
        QCOMPARE(rig.server.requestCount(vendor), 0); // no page was asked for without a token
    }

    // A Batch server that says has_more with a fresh cursor and no rows, for ever: the walk stops
    // after a bounded run of empty pages, with an error that says why.
    void endlessEmptyPagesStop()
    {
        HostileServer server([](int n, const QByteArray &) {
            return HostileServer::json(QByteArray(R"({"segments":[],"has_more":true,"next_from":"c)")
                                       + QByteArray::number(n) + "\"}");
        });
        const std::unique_ptr<PageFetcher> batch = batchOn(server);
        PageFetcher &fetcher = *batch;
        PageStream stream(&fetcher, 0, 4);
        QSignalSpy failed(&stream, &PageStream::failed);
        QSignalSpy finished(&stream, &PageStream::finished);
        stream.start();
        QVERIFY(failed.wait(30000));
        QCOMPARE(finished.size(), 0);
        const Error e = failed.at(0).at(0).value<Error>();
        QVERIFY2(e.message.contains(QStringLiteral("empty pages in a row")), qPrintable(e.toString()));
        QCOMPARE(server.requests(), fetcher.options().maxEmptyPages + 1);
    }

    // Slow deaths: a silent server, a body at a byte a second, an endless gzip body. Each ends by
    // the page's deadline or the size cap, says so, and is reported as stalled while quiet.
    void slowDeathsEndByTheDeadline_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("silent") << QByteArray() << QStringLiteral("did not answer in time");
        QTest::newRow("a byte a second") << HostileServer::drip(
            HostileServer::json(QByteArray(R"({"segments":[],"has_more":false})")))
                                         << QStringLiteral("did not answer in time");
    }
    void slowDeathsEndByTheDeadline()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, expected);
        HostileServer server([answer](int, const QByteArray &) { return answer; });
        const std::unique_ptr<PageFetcher> batch = batchOn(server);
        PageFetcher &fetcher = *batch;
        PageFetcher::Options o = fetcher.options();
        o.idleTimeoutMs = 1500;
        o.pageDeadlineMs = 2500;
        o.stallNoticeMs = 300;
        o.baseBackoffMs = 10;
        fetcher.setOptions(o);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        QSignalSpy stalled(&fetcher, &PageFetcher::stalled);
        const quint64 id = fetcher.fetch(Cursor {});
        QVERIFY(failed.wait(30000));
        const Error e = failed.at(0).at(1).value<Error>();
        QVERIFY2(e.message.contains(expected), qPrintable(e.toString()));
        // Fewer tries than maxTries: the deadline, not the count, ended it.
        QVERIFY2(server.requests() < o.maxTries, qPrintable(QString::number(server.requests())));
        if (answer.isEmpty()) {
            QVERIFY(!stalled.isEmpty());
            QCOMPARE(stalled.first().at(0).toULongLong(), id);
            QVERIFY(stalled.first().at(2).toLongLong() > stalled.last().at(2).toLongLong() || stalled.size() == 1
                    || server.requests() > 1);
        }
    }

    // The walk passes a silent page on as stalled, counting down, then fails: what the export
    // dialog and the command line show.
    void aWalkReportsASilentPageAsStalled()
    {
        HostileServer server([](int, const QByteArray &) { return QByteArray(); });
        const std::unique_ptr<PageFetcher> batch = batchOn(server);
        PageFetcher &fetcher = *batch;
        PageFetcher::Options o = fetcher.options();
        o.idleTimeoutMs = 1200;
        o.pageDeadlineMs = 1200;
        o.stallNoticeMs = 200;
        fetcher.setOptions(o);
        PageStream stream(&fetcher);
        QSignalSpy stalled(&stream, &PageStream::stalled);
        QSignalSpy failed(&stream, &PageStream::failed);
        stream.start();
        QVERIFY(failed.wait(30000));
        QVERIFY(!stalled.isEmpty());
        QVERIFY(stalled.first().at(0).toLongLong() >= o.stallNoticeMs);
        QVERIFY(stalled.last().at(1).toLongLong() <= stalled.first().at(1).toLongLong());
    }

    void anEndlessGzipBodyStopsAtTheCap()
    {
        QProcess gzip;
        gzip.start(QStringLiteral("sh"),
                   {QStringLiteral("-c"), QStringLiteral("head -c 200000000 /dev/zero | gzip -1 -c")});
        if (!gzip.waitForFinished(60000) || gzip.exitCode() != 0)
            QSKIP("gzip is not available");
        const QByteArray body = gzip.readAllStandardOutput();
        HostileServer server([body](int, const QByteArray &) -> QByteArray {
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        });
        const std::unique_ptr<PageFetcher> batch = batchOn(server);
        PageFetcher &fetcher = *batch;
        PageFetcher::Options o = fetcher.options();
        o.maxBodyBytes = 4 * 1024 * 1024;
        fetcher.setOptions(o);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        fetcher.fetch(Cursor {});
        QVERIFY(failed.wait(60000));
        const Error e = failed.at(0).at(1).value<Error>();
        // Decompressed, it stops at the cap; taken as it came (the client did not ask for gzip),
        // it is not JSON. Either way it ends at once, and is not asked for again.
        QVERIFY2(e.message.contains(QStringLiteral("larger than 4 MB"))
                     || e.message.contains(QStringLiteral("ecompress"))
                     || e.message.contains(QStringLiteral("not valid JSON")),
                 qPrintable(e.toString()));
        QCOMPARE(server.requests(), 1);
    }

    // A redirect to another origin is refused, and not asked again: the same one would come back.
    void aRefusedRedirectIsNotRetried()
    {
        HostileServer server([](int, const QByteArray &) {
            return QByteArray("HTTP/1.1 302 Found\r\nLocation: http://192.0.2.1/steal\r\nContent-Length: 0\r\n\r\n");
        });
        const std::unique_ptr<PageFetcher> batch = batchOn(server);
        PageFetcher &fetcher = *batch;
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        QSignalSpy retrying(&fetcher, &PageFetcher::retrying);
        fetcher.fetch(Cursor {});
        QVERIFY(failed.wait(30000));
        const Error e = failed.at(0).at(1).value<Error>();
        QVERIFY2(e.message.contains(QStringLiteral("redirected the request and it was not followed")),
                 qPrintable(e.toString()));
        QCOMPARE(server.requests(), 1);
        QCOMPARE(retrying.size(), 0);
    }

    // A vendor message with ANSI escapes and a carriage return (it would clear a terminal and
    // print a fake "Wrote 100 segments"): the error keeps the words, with the controls visible.
    void aVendorMessageCannotSteerATerminal()
    {
        HostileServer server([](int, const QByteArray &) -> QByteArray {
            const QByteArray body = "{\"error_code\":\"\\u001b[31mBAD\",\"error_message\":"
                                    "\"\\u001b[2J\\u001b[HWrote 100 segments\\r\\u202eevil\"}";
            return "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        });
        const std::unique_ptr<PageFetcher> batch = batchOn(server);
        PageFetcher &fetcher = *batch;
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        fetcher.fetch(Cursor {});
        QVERIFY(failed.wait(30000));
        const Error e = failed.at(0).at(1).value<Error>();
        for (const QString &text : {e.toString(), e.vendorCode}) {
            QVERIFY2(std::none_of(text.cbegin(), text.cend(),
                                  [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x202e; }),
                     qPrintable(text));
        }
        QCOMPARE(e.message, QStringLiteral("\\x1b[2J\\x1b[HWrote 100 segments\\x0d\\u202Eevil"));
        QCOMPARE(e.vendorCode, QStringLiteral("\\x1b[31mBAD"));
    }

    // Big pages: the walk holds at most its byte budget in pages asked for and waiting, so fewer
    // are in flight when pages are big; every row still comes, in order.
    void bigPagesAreFewerInFlight()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(vendor, 400);
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly:huge=2")));
        const auto walkWith = [&](qint64 budget) {
            PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
            PageStream stream(&fetcher, 20, 12);
            if (budget > 0)
                stream.setByteBudget(budget);
            QStringList keys;
            QObject::connect(&stream, &PageStream::segmentsReady, [&](const QList<Segment> &page) {
                for (const Segment &s : page)
                    keys.append(vendorById(vendor)->recordKey(s.object()));
            });
            QSignalSpy finished(&stream, &PageStream::finished);
            stream.start();
            const bool done = finished.wait(60000);
            return std::make_tuple(done, keys, stream.peakInFlight());
        };
        const auto [done, keys, peak] = walkWith(5 * 1024 * 1024);
        QVERIFY(done);
        QCOMPARE(keys, rig.expectedKeys(vendor, 400));
        QVERIFY2(peak <= 2, qPrintable(QString::number(peak)));
        // The same walk with room for all twelve: many more at once.
        const auto [doneWide, keysWide, peakWide] = walkWith(0);
        QVERIFY(doneWide);
        QCOMPARE(keysWide.size(), 400);
        QVERIFY2(peakWide > 2, qPrintable(QString::number(peakWide)));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
