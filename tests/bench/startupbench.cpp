// sb_bench startup: segment-browser --demo from its start to its first painted window, offscreen,
// the median of K runs; with --snapshot-segments N, opening a LaunchDarkly profile on a stored
// snapshot of N segments.
#include "benchsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

namespace sb::bench {

int runStartup(const QString &app, int runs, int snapshotSegments)
{
    // With a snapshot: the demo's store in a file, filled by one run that syncs every demo profile
    // (scene "sync"), then the start-ups open the LaunchDarkly profile on its stored snapshot.
    QTemporaryDir storeDir;
    // The test corpus, as every other measure, not the demo data set.
    QStringList args {QStringLiteral("--demo"), QStringLiteral("--demo-data"), QStringLiteral("faults")};
    if (snapshotSegments > 0) {
        args << QStringLiteral("--demo-segments") << QString::number(snapshotSegments) << QStringLiteral("--demo-store")
             << storeDir.filePath(QStringLiteral("segments.sqlite"));
        QProcess fill;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        fill.setProcessEnvironment(env);
        fill.start(app, args + QStringList {QStringLiteral("--demo-scene"), QStringLiteral("sync")});
        if (!fill.waitForFinished(600000) || fill.exitCode() != 0) {
            note(QStringLiteral("filling the demo store failed: %1")
                     .arg(QString::fromLocal8Bit(fill.readAllStandardError())));
            return 1;
        }
        args << QStringLiteral("--demo-profile") << QStringLiteral("launchdarkly");
    }
    QList<double> paint;
    QList<double> wall;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SB_BENCH_EXIT_AFTER_PAINT"), QStringLiteral("1"));
        process.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        process.start(app, args);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            note(QStringLiteral("startup run failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError())));
            return 1;
        }
        wall << double(clock.nsecsElapsed()) / 1e6;
        // The hook prints "first paint after N ms".
        const QByteArray out = process.readAllStandardOutput();
        const qsizetype at = out.lastIndexOf("after ");
        paint << (at >= 0 ? out.mid(at + 6).split(' ').value(0).toDouble() : -1);
    }
    std::sort(paint.begin(), paint.end());
    std::sort(wall.begin(), wall.end());
    emitRecord({{QStringLiteral("kind"), QStringLiteral("startup")},
                {QStringLiteral("runs"), runs},
                {QStringLiteral("snapshotSegments"), snapshotSegments},
                {QStringLiteral("firstPaintMedianMs"), paint.at(paint.size() / 2)},
                {QStringLiteral("processMedianMs"), wall.at(wall.size() / 2)}});
    return 0;
}

} // namespace sb::bench
