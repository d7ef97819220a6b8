#include "benchsupport.h"

#include "core/vendorapi.h"
#include "sandbox/sandboxsetup.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTextStream>

#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

namespace sb::bench {

void emitRecord(QJsonObject record)
{
    QTextStream out(stdout);
    out << QJsonDocument(record).toJson(QJsonDocument::Compact) << Qt::endl;
}

void note(const QString &text)
{
    QTextStream(stderr) << "sb_bench: " << text << Qt::endl;
}

std::pair<Profile, QString> demoProfile(const QUrl &root, const QString &vendor)
{
    for (const auto &entry : sandboxDemoProfiles(root)) {
        if (entry.first.vendor == vendor)
            return entry;
    }
    return {};
}

const VendorApi *knownVendor(const QString &vendor)
{
    const VendorApi *api = vendorById(vendor);
    if (!api)
        note(QStringLiteral("unknown vendor %1").arg(vendor));
    return api;
}

double processCpuNowMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

// Starts the process's peak RSS afresh from what it holds now (Linux: /proc/self/clear_refs 5
// resets the high-water mark that getrusage reports), after handing freed heap back to the system.
void resetPeakRss()
{
    malloc_trim(0);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// The resident set now (Linux /proc), in MB; 0 when unknown.
double rssNowMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

QStringList searchTexts(const QStringList &names, int count)
{
    QRandomGenerator random(42);
    QStringList texts;
    for (int q = 0; q < count && !names.isEmpty(); ++q) {
        const QStringList words = estateWords(names.at(random.bounded(int(names.size()))));
        if (words.isEmpty())
            continue;
        QString text = words.at(random.bounded(int(words.size())));
        if (q % 3 == 0)
            text = text.left(qMax(2, int(text.size()) / 2));
        else if (q % 3 == 1 && words.size() > 1)
            text += QLatin1Char(' ') + words.last();
        texts.append(text);
    }
    return texts;
}

} // namespace sb::bench
