#pragma once

// What sb_bench's modes share (benchsupport.cpp), and the modes that live in files of their own.

#include "core/profile.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

namespace sb {
class VendorApi;
}

namespace sb::bench {

// One result: a JSON object on a line of standard output.
void emitRecord(QJsonObject record);
// A remark on standard error, prefixed "sb_bench: ".
void note(const QString &text);
// The sandbox's demo profile of `vendor` at `root`, with its secret.
std::pair<Profile, QString> demoProfile(const QUrl &root, const QString &vendor);
// The vendor with that id; nullptr, after saying so, when there is none.
const VendorApi *knownVendor(const QString &vendor);
// This process's CPU time so far.
double processCpuNowMs();
// Starts the process's peak RSS afresh from what it holds now; peakRssMb() reads it.
void resetPeakRss();
double peakRssMb();
// The resident set now (Linux /proc), in MB; 0 when unknown.
double rssNowMb();

// sb_bench store (storebench.cpp) and sb_bench estate (estatebench.cpp).
int runStore(const QUrl &root, int segments, int latency, const QStringList &vendors);
int runEstate(int total, int sources);
// `count` searches as people type them, from words of `names`: a word's start, a whole word, two
// words; the same every run.
QStringList searchTexts(const QStringList &names, int count);
// Start-up to the first painted window (startupbench.cpp).
int runStartup(const QString &app, int runs, int snapshotSegments);
// The team catalog on PostgreSQL beside SQLite: a sync of `segments`, search over `searchSegments`,
// `readers` readers during a sync (catalogbench.cpp).
int runCatalog(int segments, int searchSegments, int readers);
// sb_bench compare (comparebench.cpp): two sources of `segments` compared, per vendor.
int runCompare(int segments, const QStringList &vendors);
// Two sides fetched from the sandbox, alone and compared as they come: the cost beyond the fetching.
int runCompareLive(const QUrl &root, int segments, const QStringList &vendors);
// A walk of big pages, with the byte budget and without it: the peak memory (memorybench.cpp).
int runMemory(const QUrl &root, int segments);

} // namespace sb::bench
