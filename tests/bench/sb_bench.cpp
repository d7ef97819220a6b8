// sb_bench: measures Segment Browser against a running segment-sandbox (see scripts/bench, which
// starts it with --data faults: the test corpus the numbers were always measured on).
// Not a test: it prints numbers, one JSON object a line, and judges nothing.
//
//   sb_bench export  --root URL --segments N --latency MS --cli PATH --reference PATH [--vendors a,b]
//   sb_bench model   --root URL --segments N --latency MS [--vendors a,b]
//   sb_bench startup --app PATH [--runs K]
//   sb_bench floor   --root URL --segments N --latency MS [--vendors a,b]
//   sb_bench store   --root URL --segments N --latency MS [--vendors a,b]
//   sb_bench estate  --segments N [--sources K]   (no sandbox: a store of N segments in K sources)

#include "benchsupport.h"

#include "core/vendorapi.h"
#include "export/csvreader.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"
#include "net/pagefetcher.h"
#include "sandbox/sandboxsetup.h"
#include "store/segmentstore.h"
#include "store/syncjob.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/registry.h"
#include "vendors/sailpoint/sailpointapi.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

namespace sb::bench {

namespace {

// The options `segment-browser export` and reference.py take for a profile's parameters.
QStringList connectionArgs(const Profile &profile)
{
    const QList<std::pair<QString, QString>> names = {
        {LaunchDarklyApi::projectKey, QStringLiteral("--project")},
        {LaunchDarklyApi::environmentKey, QStringLiteral("--environment")},
        {ParamKey::tenant, QStringLiteral("--tenant")},
        {SailPointApi::clientIdKey, QStringLiteral("--client-id")}};
    QStringList args;
    for (const auto &[key, option] : names) {
        if (!profile.param(key).isEmpty())
            args << option << profile.param(key);
    }
    return args;
}

struct ChildRun
{
    int exitCode = -1;
    double wallMs = 0;
    double cpuMs = 0; // user + system
    double maxRssMb = 0;
    double sandboxCpuMs = 0; // what serving this run cost the sandbox
    QByteArray errorText;
};

// CPU time a process has used so far (Linux /proc), in ms; 0 when unknown.
double processCpuMs(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14, 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// Runs a program to its end under GNU time, which reports the program's own peak RSS and CPU. (The
// rusage of a child spawned from here would not do: Linux carries the spawning process's peak RSS
// over exec into the child's.)
ChildRun runChild(const QStringList &command, const QByteArray &secret, const QString &scratchDir, qint64 sandboxPid)
{
    const QString errPath = scratchDir + QStringLiteral("/stderr.txt");
    const QString usagePath = scratchDir + QStringLiteral("/usage.txt");
    const QStringList argv = QStringList {QStringLiteral("/usr/bin/time"), QStringLiteral("-f"),
                                          QStringLiteral("%M %U %S"), QStringLiteral("-o"), usagePath}
        + command;
    std::vector<QByteArray> argStore;
    for (const QString &a : argv)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> args;
    for (QByteArray &a : argStore)
        args.push_back(a.data());
    args.push_back(nullptr);

    // The secret goes to the child through its environment only, as users are told to pass it.
    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e) {
        if (!QByteArray(*e).startsWith("SEGMENT_BROWSER_SECRET="))
            envStore.emplace_back(*e);
    }
    envStore.push_back("SEGMENT_BROWSER_SECRET=" + secret);
    std::vector<char *> env;
    for (QByteArray &e : envStore)
        env.push_back(e.data());
    env.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray errPath8 = errPath.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 2, errPath8.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);

    ChildRun run;
    const double sandboxBefore = processCpuMs(sandboxPid);
    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, args.front(), &actions, nullptr, args.data(), env.data()) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        run.errorText = "cannot start " + argStore.front();
        return run;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    waitpid(pid, &status, 0);
    run.wallMs = double(clock.nsecsElapsed()) / 1e6;
    run.sandboxCpuMs = processCpuMs(sandboxPid) - sandboxBefore;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    QFile usage(usagePath);
    if (usage.open(QIODevice::ReadOnly)) {
        // The last line: "maxRssKb userSeconds systemSeconds" (a line before it may say the status).
        const QList<QByteArray> fields = usage.readAll().trimmed().split('\n').constLast().split(' ');
        run.maxRssMb = fields.value(0).toDouble() / 1024.0;
        run.cpuMs = (fields.value(1).toDouble() + fields.value(2).toDouble()) * 1000.0;
    }
    QFile err(errPath);
    if (err.open(QIODevice::ReadOnly))
        run.errorText = err.readAll().right(400);
    return run;
}

// Data rows in a CSV file (the header excluded), or -1 when it does not parse.
qint64 csvRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const QList<QStringList> rows = parseCsv(file.readAll(), &ok);
    return ok ? qMax<qint64>(0, rows.size() - 1) : -1;
}

int runExports(const QUrl &root, int segments, int latency, const QStringList &vendors, const QString &cli,
               const QString &reference, const QString &python, int repeats, qint64 sandboxPid)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    for (const QString &vendor : vendors) {
        const auto [profile, secret] = demoProfile(root, vendor);
        const VendorApi *api = knownVendor(vendor);
        if (!api)
            return 2;
        const QString ours = dir.filePath(vendor + QStringLiteral("-ours.csv"));
        const QString theirs = dir.filePath(vendor + QStringLiteral("-reference.csv"));
        const QStringList oursArgs = QStringList {cli,    QStringLiteral("export"),     QStringLiteral("--vendor"),
                                                  vendor, QStringLiteral("--base-url"), profile.baseUrl.toString()}
            + connectionArgs(profile) + QStringList {QStringLiteral("--output"), ours};
        const QStringList refArgs = QStringList {python,
                                                 reference,
                                                 QStringLiteral("--vendor"),
                                                 vendor,
                                                 QStringLiteral("--root"),
                                                 root.toString(QUrl::StripTrailingSlash),
                                                 QStringLiteral("--page-size"),
                                                 QString::number(api->defaultPageSize())}
            + connectionArgs(profile) + QStringList {QStringLiteral("--output"), theirs};

        // The best of `repeats` runs each, alternating, so a busy moment hits both alike.
        ChildRun bestOurs;
        ChildRun bestRef;
        const auto runOnce = [&](const QStringList &args, const QString &what, ChildRun *best, int i) {
            const ChildRun run = runChild(args, secret.toUtf8(), dir.path(), sandboxPid);
            if (run.exitCode != 0) {
                note(QStringLiteral("%1: %2 failed (%3): %4")
                         .arg(vendor, what)
                         .arg(run.exitCode)
                         .arg(QString::fromLocal8Bit(run.errorText)));
                return false;
            }
            if (i == 0 || run.wallMs < best->wallMs)
                *best = run;
            return true;
        };
        for (int i = 0; i < repeats; ++i) {
            if (!runOnce(oursArgs, QStringLiteral("export"), &bestOurs, i)
                || !runOnce(refArgs, QStringLiteral("reference"), &bestRef, i))
                return 1;
        }
        const qint64 oursRows = csvRows(ours);
        const qint64 refRows = csvRows(theirs);
        const int pages = (segments + api->defaultPageSize() - 1) / api->defaultPageSize();
        emitRecord({{QStringLiteral("kind"), QStringLiteral("export")},
                    {QStringLiteral("vendor"), vendor},
                    {QStringLiteral("segments"), segments},
                    {QStringLiteral("latencyMs"), latency},
                    {QStringLiteral("pageSize"), api->defaultPageSize()},
                    {QStringLiteral("pages"), pages},
                    {QStringLiteral("oursMs"), bestOurs.wallMs},
                    {QStringLiteral("oursPeakRssMb"), bestOurs.maxRssMb},
                    {QStringLiteral("oursCpuMs"), bestOurs.cpuMs},
                    {QStringLiteral("oursSandboxCpuMs"), bestOurs.sandboxCpuMs},
                    {QStringLiteral("oursRows"), oursRows},
                    {QStringLiteral("oursBytes"), QFileInfo(ours).size()},
                    {QStringLiteral("referenceMs"), bestRef.wallMs},
                    {QStringLiteral("referencePeakRssMb"), bestRef.maxRssMb},
                    {QStringLiteral("referenceCpuMs"), bestRef.cpuMs},
                    {QStringLiteral("referenceSandboxCpuMs"), bestRef.sandboxCpuMs},
                    {QStringLiteral("referenceRows"), refRows}});
        QFile::remove(ours);
        QFile::remove(theirs);
    }
    return 0;
}

// CPU time of the calling thread, in ms.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// Heap bytes in use (glibc): small and mmapped blocks alike.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

qint64 arrayBytes(qsizetype capacity, qsizetype elementSize)
{
    // QArrayData header; capacity 0 means the shared empty one.
    return capacity > 0 ? 16 + capacity * elementSize : 0;
}

// What the model's rows hold, counted from the containers' capacities.
qint64 bytesHeld(const SegmentTableModel &model)
{
    qint64 bytes = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Segment &s = model.segment(row);
        bytes += sizeof(Segment); // the QList<Segment> slot
        bytes += arrayBytes(s.json.capacity(), 1);
        bytes += arrayBytes(s.values.capacity(), sizeof(QVariant));
        for (const QVariant &v : s.values) {
            if (v.typeId() == QMetaType::QString) {
                bytes += arrayBytes(static_cast<const QString *>(v.constData())->capacity(), 2);
            } else if (v.typeId() == QMetaType::QStringList) {
                const auto &list = *static_cast<const QStringList *>(v.constData());
                bytes += arrayBytes(list.capacity(), sizeof(QString));
                for (const QString &item : list)
                    bytes += arrayBytes(item.capacity(), 2);
            }
        }
    }
    return bytes;
}

// Times each event the main loop delivers (outermost only), to name the longest when the view
// froze: its type and receiver say whether parsing, painting or layout was to blame.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || !m_recording)
            return QApplication::notify(receiver, event);
        ++m_depth;
        const double start = threadCpuMs();
        const QEvent::Type type = event->type(); // the event may be gone after delivery
        const QByteArray receiverClass = receiver->metaObject()->className();
        const bool result = QApplication::notify(receiver, event);
        const double spent = threadCpuMs() - start;
        --m_depth;
        if (spent > m_longestMs) {
            m_longestMs = spent;
            m_longest = QStringLiteral("%1 to %2").arg(int(type)).arg(QString::fromLatin1(receiverClass));
        }
        return result;
    }

    void startRecording()
    {
        m_recording = true;
        m_longestMs = 0;
        m_longest.clear();
    }
    void stopRecording() { m_recording = false; }
    double longestMs() const { return m_longestMs; }
    QString longest() const { return m_longest; }

private:
    int m_depth = 0;
    bool m_recording = false;
    double m_longestMs = 0;
    QString m_longest;
};

int runModel(const QUrl &root, int segments, int latency, const QStringList &vendors)
{
    for (const QString &vendor : vendors) {
        const auto [profile, secret] = demoProfile(root, vendor);
        const VendorApi *api = vendorById(vendor);
        const qint64 heapBefore = heapInUse();
        auto model = std::make_unique<SegmentTableModel>();
        auto proxy = std::make_unique<SegmentSearchProxy>();
        proxy->setSourceModel(model.get());
        // The window's arrangement: a real view on the search proxy, painting offscreen.
        auto view = std::make_unique<QTableView>();
        view->setModel(proxy.get());
        view->resize(1200, 800);
        view->show();

        // The longest gap between two ticks of a 10 ms timer is the longest the window froze. The
        // main thread's CPU time over the same gap tells our own work from the machine being busy
        // elsewhere (a gap with little CPU in it was the scheduler, not us).
        QElapsedTimer clock;
        qint64 lastTick = 0;
        double lastCpu = threadCpuMs();
        qint64 maxGap = 0;
        double maxBusy = 0;
        int stalls = 0;
        QTimer ticker;
        ticker.setInterval(10);
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            const double cpu = threadCpuMs();
            const qint64 gap = now - lastTick;
            maxGap = qMax(maxGap, gap);
            maxBusy = qMax(maxBusy, cpu - lastCpu);
            if (gap > 50)
                ++stalls;
            lastTick = now;
            lastCpu = cpu;
        });

        double firstRowsMs = -1;
        QEventLoop loop;
        QObject::connect(model.get(), &QAbstractItemModel::rowsInserted, [&] {
            if (firstRowsMs < 0)
                firstRowsMs = double(clock.nsecsElapsed()) / 1e6;
            view->scrollToBottom(); // a user holding End: the newest rows are painted
        });
        QString failure;
        QObject::connect(model.get(), &SegmentTableModel::stateChanged, [&] {
            if (model->error().isError()) {
                failure = model->error().toString();
                loop.quit();
            } else if (model->isComplete()) {
                loop.quit();
            } else if (model->canFetchMore({})) {
                // What the view does when it reaches the end; queued, as the view's own request is.
                QTimer::singleShot(0, model.get(), [&] { proxy->fetchMore({}); });
            }
        });
        auto *timedApp = static_cast<TimedApplication *>(QCoreApplication::instance());
        timedApp->startRecording();
        clock.start();
        ticker.start();
        model->setSource(api, profile, secret);
        QTimer::singleShot(0, model.get(), [&] { proxy->fetchMore({}); });
        loop.exec();
        const double allRowsMs = double(clock.nsecsElapsed()) / 1e6;
        ticker.stop();
        timedApp->stopRecording();
        if (!failure.isEmpty()) {
            note(QStringLiteral("%1: model failed: %2").arg(vendor, failure));
            return 1;
        }
        QCoreApplication::processEvents();

        qint64 jsonBytes = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            jsonBytes += model->segment(row).json.size();
        const qint64 held = bytesHeld(*model);
        const qint64 heapDelta = heapInUse() - heapBefore;

        // Quick search: a rare match, a common one, none; the view repaints the result.
        const QString rare = model->index(model->rowCount() / 2, 0).data().toString().mid(1, 6).toUpper();
        double searchMs = 0;
        QJsonObject searches;
        for (const QString &needle : {rare, QStringLiteral("e"), QStringLiteral("zzqqzzqq"), QStringLiteral("2026")}) {
            QElapsedTimer t;
            t.start();
            proxy->setSearchText(needle);
            const int matches = proxy->matchCount();
            view->viewport()->repaint();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            searchMs = qMax(searchMs, ms);
            searches.insert(needle, QJsonObject {{QStringLiteral("ms"), ms}, {QStringLiteral("matches"), matches}});
            proxy->setSearchText(QString());
        }

        emitRecord({{QStringLiteral("kind"), QStringLiteral("model")},
                    {QStringLiteral("vendor"), vendor},
                    {QStringLiteral("segments"), segments},
                    {QStringLiteral("latencyMs"), latency},
                    {QStringLiteral("rows"), model->rowCount()},
                    {QStringLiteral("firstRowsMs"), firstRowsMs},
                    {QStringLiteral("allRowsMs"), allRowsMs},
                    {QStringLiteral("maxGapMs"), maxGap},
                    {QStringLiteral("stallsOver50Ms"), stalls},
                    {QStringLiteral("maxBusyMs"), maxBusy},
                    {QStringLiteral("longestEventMs"), timedApp->longestMs()},
                    {QStringLiteral("longestEvent"), timedApp->longest()},
                    {QStringLiteral("jsonBytes"), jsonBytes},
                    {QStringLiteral("bytesHeld"), held},
                    {QStringLiteral("heapDeltaBytes"), heapDelta},
                    {QStringLiteral("searchCacheBytes"), proxy->cacheBytes()},
                    {QStringLiteral("searchMaxMs"), searchMs},
                    {QStringLiteral("searches"), searches}});
    }
    return 0;
}

// One request through a bare QNetworkAccessManager, waited for: the body's size.
qint64 fetchBare(QNetworkAccessManager &nam, const HttpRequest &request)
{
    QNetworkRequest nr(request.url);
    for (const auto &[name, value] : request.headers)
        nr.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(nr, request.method, request.body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 bytes = reply->readAll().size();
    reply->deleteLater();
    return bytes;
}

// What Qt's HTTP stack alone costs a cursor-paged export, which must ask for one page after the
// other: the export's own requests, sent again through a bare QNetworkAccessManager that reads each
// reply and does nothing with it (no parsing, no CSV). An export of that vendor cannot be faster.
int runFloor(const QUrl &root, int segments, int latency, const QStringList &vendors)
{
    for (const QString &vendor : vendors) {
        const auto [profile, secret] = demoProfile(root, vendor);
        const VendorApi *api = knownVendor(vendor);
        if (!api)
            return 2;
        if (api->paging() != Paging::Cursor || api->exchangesToken())
            continue;
        // The requests, found by walking the list once with the shared PageFetcher.
        QList<HttpRequest> requests;
        PageFetcher fetcher(api, profile, secret);
        std::optional<Cursor> cursor = Cursor {};
        while (cursor) {
            const Result<HttpRequest> request = fetcher.describeRequest(*cursor, api->defaultPageSize(), secret);
            if (!request) {
                note(request.error().toString());
                return 1;
            }
            requests.append(request.value());
            QEventLoop loop;
            std::optional<Error> error;
            QObject::connect(&fetcher, &PageFetcher::pageReady, &loop, [&](quint64, const Page &page) {
                cursor = page.next;
                loop.quit();
            });
            QObject::connect(&fetcher, &PageFetcher::failed, &loop, [&](quint64, const Error &e) {
                error = e;
                loop.quit();
            });
            fetcher.fetch(*cursor, api->defaultPageSize(), cursor->isStart());
            loop.exec();
            if (error) {
                note(QStringLiteral("%1: %2").arg(vendor, error->toString()));
                return 1;
            }
        }
        // The same requests again, timed, on a fresh manager (connections opened as the export's are).
        QNetworkAccessManager timed;
        qint64 bytes = 0;
        const double cpuBefore = processCpuNowMs();
        QElapsedTimer clock;
        clock.start();
        for (const HttpRequest &request : std::as_const(requests))
            bytes += fetchBare(timed, request);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        emitRecord({{QStringLiteral("kind"), QStringLiteral("floor")},
                    {QStringLiteral("vendor"), vendor},
                    {QStringLiteral("segments"), segments},
                    {QStringLiteral("latencyMs"), latency},
                    {QStringLiteral("pages"), requests.size()},
                    {QStringLiteral("bytes"), bytes},
                    {QStringLiteral("ms"), ms},
                    {QStringLiteral("cpuMs"), processCpuNowMs() - cpuBefore}});
    }
    return 0;
}

} // namespace

} // namespace sb::bench

int main(int argc, char *argv[])
{
    using namespace sb::bench;
    TimedApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"),
                                 QStringLiteral("export, model, floor, store, estate, catalog, compare, memory, "
                                                "compare-live or startup"));
    const QCommandLineOption root(QStringLiteral("root"), QStringLiteral("The sandbox's root URL."),
                                  QStringLiteral("URL"));
    const QCommandLineOption segments(QStringLiteral("segments"), QStringLiteral("Segments per vendor (a label)."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption latency(QStringLiteral("latency"), QStringLiteral("The sandbox's latency (a label)."),
                                     QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption vendors(QStringLiteral("vendors"), QStringLiteral("Vendors, comma separated."),
                                     QStringLiteral("LIST"), QStringLiteral("batch,launchdarkly,amperity,sailpoint"));
    const QCommandLineOption cli(QStringLiteral("cli"), QStringLiteral("segment-browser"), QStringLiteral("PATH"));
    const QCommandLineOption reference(QStringLiteral("reference"), QStringLiteral("reference.py"),
                                       QStringLiteral("PATH"));
    const QCommandLineOption python(QStringLiteral("python"), QStringLiteral("Python 3"), QStringLiteral("PATH"),
                                    QStringLiteral("python3"));
    const QCommandLineOption repeats(QStringLiteral("repeats"), QStringLiteral("Runs per export; the best counts."),
                                     QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption appOpt(QStringLiteral("app"), QStringLiteral("segment-browser"), QStringLiteral("PATH"));
    const QCommandLineOption snapshotOpt(QStringLiteral("snapshot-segments"),
                                         QStringLiteral("Start on a stored snapshot of N segments per vendor."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Start-ups to take the median of."),
                                  QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption sandboxPid(QStringLiteral("sandbox-pid"),
                                        QStringLiteral("The sandbox's process, to count its CPU time."),
                                        QStringLiteral("PID"), QStringLiteral("0"));
    const QCommandLineOption sourcesOpt(QStringLiteral("sources"), QStringLiteral("estate: sources to spread N over."),
                                        QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption searchOpt(QStringLiteral("search-segments"),
                                       QStringLiteral("catalog: segments to search over."), QStringLiteral("M"),
                                       QStringLiteral("1000000"));
    const QCommandLineOption readersOpt(QStringLiteral("readers"), QStringLiteral("catalog: readers during a sync."),
                                        QStringLiteral("K"), QStringLiteral("5"));
    parser.addOptions({root, segments, latency, vendors, cli, reference, python, repeats, appOpt, runs, snapshotOpt,
                       sandboxPid, sourcesOpt, searchOpt, readersOpt});
    parser.process(app);

    const QString mode = parser.positionalArguments().value(0);
    const QUrl rootUrl(parser.value(root));
    const QStringList vendorList = parser.value(vendors).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (mode == QLatin1String("export"))
        return runExports(rootUrl, parser.value(segments).toInt(), parser.value(latency).toInt(), vendorList,
                          parser.value(cli), parser.value(reference), parser.value(python),
                          qMax(1, parser.value(repeats).toInt()), parser.value(sandboxPid).toLongLong());
    if (mode == QLatin1String("model"))
        return runModel(rootUrl, parser.value(segments).toInt(), parser.value(latency).toInt(), vendorList);
    if (mode == QLatin1String("floor"))
        return runFloor(rootUrl, parser.value(segments).toInt(), parser.value(latency).toInt(), vendorList);
    if (mode == QLatin1String("store"))
        return runStore(rootUrl, parser.value(segments).toInt(), parser.value(latency).toInt(), vendorList);
    if (mode == QLatin1String("estate"))
        return runEstate(parser.value(segments).toInt(), qMax(1, parser.value(sourcesOpt).toInt()));
    if (mode == QLatin1String("catalog"))
        return runCatalog(parser.value(segments).toInt(), parser.value(searchOpt).toInt(),
                          qMax(1, parser.value(readersOpt).toInt()));
    if (mode == QLatin1String("compare"))
        return runCompare(parser.value(segments).toInt(), vendorList);
    if (mode == QLatin1String("memory"))
        return runMemory(rootUrl, parser.value(segments).toInt());
    if (mode == QLatin1String("compare-live"))
        return runCompareLive(rootUrl, parser.value(segments).toInt(), vendorList);
    if (mode == QLatin1String("startup"))
        return runStartup(parser.value(appOpt), qMax(1, parser.value(runs).toInt()), parser.value(snapshotOpt).toInt());
    parser.showHelp(2);
}
