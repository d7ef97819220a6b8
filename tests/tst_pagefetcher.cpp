#include "net/pagefetcher.h"
#include "net/pagestream.h"
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace sb;
using namespace sb::test;

namespace {

struct Walk
{
    QStringList keys;
    QList<Error> errors;
    int retries = 0;
    bool finished = false;
};

// Pages through everything with the shared PageStream and records what arrives.
Walk walkAll(PageFetcher &fetcher, int pageSize, int concurrency = 4)
{
    Walk w;
    PageStream stream(&fetcher, pageSize, concurrency);
    const VendorApi *api = fetcher.vendor();
    QObject::connect(&stream, &PageStream::segmentsReady, [&](const QList<Segment> &segments) {
        for (const Segment &s : segments)
            w.keys << api->recordKey(s.object());
    });
    QObject::connect(&stream, &PageStream::finished, [&] { w.finished = true; });
    QObject::connect(&stream, &PageStream::failed, [&](const Error &e) { w.errors << e; });
    QObject::connect(&stream, &PageStream::retrying, [&](const Error &, int) { ++w.retries; });
    stream.start();
    if (!QTest::qWaitFor([&] { return w.finished || !w.errors.isEmpty(); }, 60000))
        w.errors << Error::network(QStringLiteral("the walk did not end within 60 s"));
    return w;
}

// After a new query superseded `stale`: the page of `fresh` arrives, alone, and nothing fails.
void onlyFreshReported(QSignalSpy &ready, const QSignalSpy &failed, quint64 stale, quint64 fresh)
{
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).toULongLong(), fresh);
    QVERIFY(stale != fresh);
    QCOMPARE(failed.size(), 0);
}

} // namespace

class TestPageFetcher final : public QObject
{
    Q_OBJECT

private slots:
    void everySegmentOnceInOrder_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("onWorker");
        for (const QString &v : allVendorIds()) {
            const int page = vendorById(v)->defaultPageSize();
            for (int n : {0, 1, page, page + 1, 1000})
                QTest::addRow("%s/%d", qPrintable(v), n) << v << n << false;
            // Every page read on a worker thread, as big bodies are.
            QTest::addRow("%s/1000 on a worker", qPrintable(v)) << v << 1000 << true;
        }
    }

    void everySegmentOnceInOrder()
    {
        QFETCH(QString, vendor);
        QFETCH(int, count);
        QFETCH(bool, onWorker);
        SandboxRig rig;
        rig.server.setSegmentCount(vendor, count);
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        PageFetcher::Options options = fetcher.options();
        options.inlineParseBytes = onWorker ? 0 : options.inlineParseBytes;
        fetcher.setOptions(options);
        const Walk w = walkAll(fetcher, 0);
        QVERIFY2(w.errors.isEmpty(), qPrintable(w.errors.value(0).toString()));
        QCOMPARE(w.keys.size(), count);
        QCOMPARE(w.keys, rig.expectedKeys(vendor, count));
    }

    void smallPagesSequentialAndConcurrent_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("concurrency");
        for (const QString &v : allVendorIds()) {
            QTest::addRow("%s/1", qPrintable(v)) << v << 1;
            QTest::addRow("%s/6", qPrintable(v)) << v << 6;
        }
    }

    void smallPagesSequentialAndConcurrent()
    {
        QFETCH(QString, vendor);
        QFETCH(int, concurrency);
        SandboxRig rig;
        rig.server.setSegmentCount(vendor, 333);
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        const Walk w = walkAll(fetcher, 10, concurrency);
        QVERIFY2(w.errors.isEmpty(), qPrintable(w.errors.value(0).toString()));
        QCOMPARE(w.keys, rig.expectedKeys(vendor, 333));
    }

    void launchDarklyCappedPagesLoseNothing_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::newRow("sequential") << 1;
        QTest::newRow("concurrent") << 4;
    }

    void launchDarklyCappedPagesLoseNothing()
    {
        QFETCH(int, concurrency);
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setSegmentCount(vendor, 1000);
        rig.server.setLdMaxPageSize(7); // asked for 50, the server gives 7
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        const Walk w = walkAll(fetcher, 50, concurrency);
        QVERIFY2(w.errors.isEmpty(), qPrintable(w.errors.value(0).toString()));
        QCOMPARE(w.keys, rig.expectedKeys(vendor, 1000));
    }

    void wrongSecretIsAnAuthErrorWithTheVendorsMessage_data()
    {
        QTest::addColumn<QString>("vendor");
        for (const QString &v : allVendorIds())
            QTest::newRow(qPrintable(v)) << v;
    }

    void wrongSecretIsAnAuthErrorWithTheVendorsMessage()
    {
        QFETCH(QString, vendor);
        SandboxRig rig;
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), QStringLiteral("wrong-secret"));
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        fetcher.fetch({});
        QVERIFY(failed.wait(10000));
        const Error e = failed.at(0).at(1).value<Error>();
        QCOMPARE(e.kind, Error::Kind::Auth);
        QVERIFY(e.httpStatus == 401 || e.httpStatus == 403);
        QVERIFY2(!e.message.isEmpty(), "the vendor's own message is kept");
        QVERIFY(!e.toString().contains(QStringLiteral("wrong-secret")));
    }

    void aBadRequestIsTheVendorsMessageAndIsNotRetried()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        QSignalSpy retrying(&fetcher, &PageFetcher::retrying);
        fetcher.fetch(Cursor {0, QStringLiteral("not-a-cursor")});
        QVERIFY(failed.wait(10000));
        const Error e = failed.at(0).at(1).value<Error>();
        QCOMPARE(e.kind, Error::Kind::Server);
        QCOMPARE(e.httpStatus, 400);
        QVERIFY2(!e.message.isEmpty() && !e.message.contains(QStringLiteral("Error transferring")),
                 qPrintable(e.message));
        QCOMPARE(retrying.size(), 0);
        QCOMPARE(rig.server.requestCount(vendor), 1);
    }

    void plainHttpToARemoteHostIsRefused()
    {
        Profile p;
        p.name = QStringLiteral("remote");
        p.vendor = QStringLiteral("launchdarkly");
        p.baseUrl = QUrl(QStringLiteral("http://app.launchdarkly.com"));
        p.params = {{LaunchDarklyApi::projectKey, QStringLiteral("default")},
                    {LaunchDarklyApi::environmentKey, QStringLiteral("production")}};
        PageFetcher fetcher(vendorById(p.vendor), p, QStringLiteral("token"));
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        fetcher.fetch({});
        QVERIFY(failed.wait(5000));
        const Error e = failed.at(0).at(1).value<Error>();
        QCOMPARE(e.kind, Error::Kind::Usage);
        QVERIFY(e.message.contains(QStringLiteral("https")));
    }

    void aSecretWithALineBreakIsNeverSent()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("batch");
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), QStringLiteral("key\r\nX-Injected: 1"));
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        fetcher.fetch({});
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(1).value<Error>().kind, Error::Kind::Usage);
        QCOMPARE(rig.server.requestCount(vendor), 0);
    }

    void aNewQueryDropsTheRequestInFlight()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        rig.server.setLatencyMs(300);
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        const quint64 stale = fetcher.fetch({});
        fetcher.setQuery(Query {{}, QStringLiteral("name")});
        const quint64 fresh = fetcher.fetch({});
        onlyFreshReported(ready, failed, stale, fresh);
    }

    // A page still being read on a worker thread when a new query comes (or the fetcher goes) is
    // dropped: never reported, and nothing touches the fetcher afterwards.
    void aPageBeingReadOnAWorkerIsDropped()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("launchdarkly");
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        PageFetcher::Options options = fetcher.options();
        options.inlineParseBytes = 0;
        fetcher.setOptions(options);
        QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);

        // Every worker busy until released, so the reply waits on the worker side.
        QThreadPool *pool = QThreadPool::globalInstance();
        QSemaphore release;
        const auto blockPool = [&] {
            for (int i = 0; i < pool->maxThreadCount(); ++i)
                pool->start([&release] { release.acquire(); });
        };
        blockPool();
        const quint64 stale = fetcher.fetch({});
        QTRY_COMPARE_WITH_TIMEOUT(fetcher.readingOnWorker(), 1, 10000);
        fetcher.setQuery(Query {{}, QStringLiteral("name")});
        QCOMPARE(fetcher.inFlight(), 0);
        release.release(pool->maxThreadCount());

        const quint64 fresh = fetcher.fetch({});
        onlyFreshReported(ready, failed, stale, fresh);
        if (QTest::currentTestFailed())
            return;

        // The fetcher itself goes while a page waits for a worker.
        auto *doomed = new PageFetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        doomed->setOptions(options);
        blockPool();
        doomed->fetch({});
        QTRY_COMPARE_WITH_TIMEOUT(doomed->readingOnWorker(), 1, 10000);
        delete doomed;
        release.release(pool->maxThreadCount());
        QVERIFY(pool->waitForDone(10000));
        QCoreApplication::processEvents();
    }

    void sailpointTokenIsRefreshedDuringALongWalk()
    {
        SandboxRig rig;
        const QString vendor = QStringLiteral("sailpoint");
        rig.server.setSegmentCount(vendor, 120);
        rig.server.setTokenLifetimeSeconds(2);
        rig.server.setLatencyMs(150); // 12 pages of 10 take longer than two token lifetimes
        PageFetcher fetcher(vendorById(vendor), rig.profile(vendor), rig.secret(vendor));
        const Walk w = walkAll(fetcher, 10, 1);
        QVERIFY2(w.errors.isEmpty(), qPrintable(w.errors.value(0).toString()));
        QCOMPARE(w.keys, rig.expectedKeys(vendor, 120));
        QVERIFY2(rig.server.requestCount(QStringLiteral("sailpoint-token")) >= 2,
                 "the token was exchanged again before it ran out");
    }
};

QTEST_GUILESS_MAIN(TestPageFetcher)
#include "tst_pagefetcher.moc"
