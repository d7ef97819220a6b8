// sb_bench memory: the peak memory of a walk of big pages (run against a segment-sandbox that pads
// LaunchDarkly's answers, scripts/bench: --data faults --faults launchdarkly:huge=60), with the walk's byte
// budget and without it.

#include "benchsupport.h"

#include "net/pagefetcher.h"
#include "net/pagestream.h"

#include <QElapsedTimer>
#include <QEventLoop>

#include <limits>

namespace sb::bench {

int runMemory(const QUrl &root, int segments)
{
    const QString vendor = QStringLiteral("launchdarkly");
    const auto [profile, secret] = demoProfile(root, vendor);
    const VendorApi *api = knownVendor(vendor);
    if (!api)
        return 2;
    for (const bool budget : {true, false}) {
        PageFetcher fetcher(api, profile, secret);
        PageStream stream(&fetcher, 50, 12);
        if (!budget)
            stream.setByteBudget(std::numeric_limits<qint64>::max());
        QEventLoop loop;
        qint64 rows = 0;
        QString failure;
        QObject::connect(&stream, &PageStream::segmentsReady, &loop,
                         [&](const QList<Segment> &page) { rows += page.size(); });
        QObject::connect(&stream, &PageStream::finished, &loop, &QEventLoop::quit);
        QObject::connect(&stream, &PageStream::failed, &loop, [&](const Error &e) {
            failure = e.toString();
            loop.quit();
        });
        const double before = rssNowMb();
        resetPeakRss();
        QElapsedTimer clock;
        clock.start();
        stream.start();
        loop.exec();
        if (!failure.isEmpty()) {
            note(QStringLiteral("memory: %1").arg(failure));
            return 1;
        }
        emitRecord({{QStringLiteral("kind"), QStringLiteral("memory")},
                    {QStringLiteral("segments"), segments},
                    {QStringLiteral("budget"), budget},
                    {QStringLiteral("rows"), rows},
                    {QStringLiteral("ms"), clock.elapsed()},
                    {QStringLiteral("peakInFlight"), stream.peakInFlight()},
                    {QStringLiteral("rssBeforeMb"), before},
                    {QStringLiteral("peakRssMb"), peakRssMb()}});
    }
    return 0;
}

} // namespace sb::bench
