#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The sandbox's segments. Every record is a pure function of (data set, vendor, index), so any page
// of 100,000 segments is made on demand in microseconds, the same in every run, and segment i is the
// same whatever the segment count (a smaller sandbox lists a prefix of a bigger one).
//
// Two data sets share everything but the texts and the spread of the dates: the same records, keys,
// epochs, fates, counts and LaunchDarkly account.
//
// Faults (the default; every test and benchmark runs on it): deliberately awkward values. Arabic and
// Hebrew names, emoji, quotes, commas, line breaks, values beginning with = + - @ (CSV formula
// injection), HTML, counters in names ("VIP customers #12") and codes ("EU_USERS-000A"), empty and
// missing descriptions, duplicate names, equal timestamps at midnight from bulk imports (so that
// multi-key sorts have ties to break), renames such as "X (renamed at epoch 2)".
//
// Demo (segment-browser --demo, segment-sandbox --data demo): what a real company's accounts look
// like. Batch a retail app's push and CRM audiences ("Cart abandoners — last 7 days (FR, iOS)",
// code CART_ABANDONERS_7D_FR_IOS), LaunchDarkly product targeting (beta-testers-fr-ios, with rules on
// country and plan), Amperity a retailer's customer data ("High-value customers (CLV > $1,000)"),
// SailPoint identity governance ("Finance approvers — EMEA · SAP"). Names are unique for the first
// thousands of each list and carry no counters; texts are Latin-1 and common punctuation only; dates
// are office hours between 2021 and late 2026.
//
// One process serves one data set: setDataSet() is process-wide, and is meant to be called once,
// before any record is made (SandboxServer::setDataSet).
namespace sb::datagen {

enum class DataSet { Demo, Faults };
// Process-wide (an atomic): every thread and every SandboxServer of the process sees the same set.
void setDataSet(DataSet set);
DataSet dataSet(); // Faults unless set
// "demo" or "faults", as the command lines spell them; empty optional for another word.
std::optional<DataSet> dataSetNamed(QStringView name);
QString dataSetName(DataSet set);

// Batch: {code, display_name, created_at, updated_at} (RFC 3339 UTC).
QJsonObject batchSegment(int index);
// Batch's cursor names a segment by "code@created_at"; this finds the index back, or -1.
int batchIndexOf(const QString &code);

// LaunchDarkly UserSegment; `_links.self` points into the given project and environment.
QJsonObject launchDarklySegment(int index, const QString &project, const QString &environment);
// The sort keys alone, cheap enough to sort 100,000 segments.
QString launchDarklyKey(int index);
QString launchDarklyName(int index);
qint64 launchDarklyCreationDate(int index);
qint64 launchDarklyLastModified(int index);

// ---- LaunchDarkly's account: projects, environments and flags ----

struct LdEnvironment
{
    QString key;
    QString name;
    QString color;
    bool critical = false;
};
struct LdProject
{
    QString key;
    QString name;
    QStringList tags;
    QList<LdEnvironment> environments;
};
// The account's projects, in the order the projects listing gives them. The first is "default",
// whose first environment is "production": the scope SandboxCredentials names. One project has
// more environments than a projects page embeds (20).
const QList<LdProject> &launchDarklyProjects();
// The project and environment, when the account has them.
const LdProject *launchDarklyProject(const QString &project);
const LdEnvironment *launchDarklyEnvironment(const QString &project, const QString &environment);
// How many segments a scope lists at epoch 0 when "default"/"production" lists `defaultCount`:
// staging all of them, other environments fewer (each a prefix of the same numbering).
int launchDarklyScopeCount(const QString &project, const QString &environment, int defaultCount);
// The segments a scope lists at `epoch`, by number, in the default order: the first
// launchDarklyScopeCount() of the numbering, and for default/staging less some and with a few of its
// own (launchDarklyStagingDifferences).
std::vector<int> launchDarklyScopeListing(const QString &project, const QString &environment, int defaultCount,
                                          int epoch);
// Segment `index` as a scope lists it: default/staging changes a few in content.
QJsonObject launchDarklyScopeSegment(int index, int epoch, const QString &project, const QString &environment);
// How default/production (A) and default/staging (B) differ at epoch 0, by key: "only-a", "only-b"
// or "different" with the content fields that differ, in the order of the segments' numbers.
struct ScopeDifference
{
    QString status;
    QString key;
    QStringList fields;
};
QList<ScopeDifference> launchDarklyStagingDifferences(int defaultCount);
// How many flags a project has when its scopes list segments out of `segmentCount` (default/production's).
int launchDarklyFlagCount(int segmentCount);
// Flag `index` of `project` as the flags listing sends it for `environment` (with its rules when
// `withRules`, LaunchDarkly's summary=0). Some of its rules match segments of that environment
// (op segmentMatch, some negated), by the keys of segments below `segmentCount`.
QJsonObject launchDarklyFlag(int index, const QString &project, const QString &environment, int segmentCount,
                             bool withRules);
// The keys of the segments flag `index` uses in `environment`, each once, in rule order.
QStringList launchDarklyFlagSegments(int index, const QString &environment, int segmentCount);

// Amperity: {id, name, status?}; ids look like "ab-1CDEfGHI".
QJsonObject amperitySegment(int index);

// SailPoint Segment: id (UUID), name, created, modified, description?, owner (or null),
// visibilityCriteria (or null), active.
QJsonObject sailPointSegment(int index);

// ---- The same account later ----
//
// Epoch 0 is the data above. Epoch e (1 .. kMaxEpoch) is the account after step e, which acts on
// the segments listed at epoch e - 1 by their fate, r = (index + 3 * (e - 1)) % 10 (step 1: index % 10):
//   3 Removed; 5 Renamed (the name); 7 Edited (LaunchDarkly tags, SailPoint description; nothing
//   for Batch and Amperity); 9 RenamedAndEdited (the name and LaunchDarkly rules, else included,
//   else description; SailPoint active; Batch and Amperity the name alone); 8 Touched (bookkeeping
//   only: LaunchDarkly version + 1 and lastModifiedDate, SailPoint modified, Batch updated_at;
//   nothing for Amperity, which has none). A content change moves the bookkeeping too.
// Step e then adds addedPerEpoch(count) segments, indexes addedIndex(e, 0 ..), which no epoch-0
// list of any count has; they sort after every older segment. A segment meets each fate at most once
// in steps 1 .. kMaxEpoch, and a changed field never changes back. Everything else stays byte-identical.
inline constexpr int kMaxEpoch = 9;
enum class Vendor { Batch, LaunchDarkly, Amperity, SailPoint };
enum class Fate { Kept, Removed, Renamed, Edited, RenamedAndEdited, Touched };
Fate fateAt(int index, int epoch); // what step `epoch` (>= 1) does to segment `index`
int addedPerEpoch(int count); // count / 20, at least 1 when count >= 1
int addedIndex(int epoch, int j);
int epochAdded(int index); // the step that added the segment; 0 for the first ones
// The indexes listed at `epoch` when epoch 0 lists `count`, in the default order (ascending).
std::vector<int> listing(int count, int epoch);
// The content fields of `vendor` that step `epoch` changes in segment `index` (none for
// Kept, Removed and Touched, or when the vendor has no such field).
QStringList changedFields(Vendor vendor, int index, int epoch);
// Whether step `epoch` changes anything at all in the record (content or bookkeeping).
bool recordChanges(Vendor vendor, int index, int epoch);
// The record at `epoch` (epoch 0: the functions above). Only meaningful while listed.
QJsonObject batchSegment(int index, int epoch);
QJsonObject launchDarklySegment(int index, int epoch, const QString &project, const QString &environment);
QString launchDarklyName(int index, int epoch);
qint64 launchDarklyCreationDate(int index, int epoch);
qint64 launchDarklyLastModified(int index, int epoch);
QJsonObject amperitySegment(int index, int epoch);
QJsonObject sailPointSegment(int index, int epoch);

// Helpers the endpoints share for opaque cursors and ids.
quint64 mix(quint64 value); // SplitMix64 finaliser: a fixed, well-spread hash
QString toBase(quint64 value, int base, int width); // digits 0-9 A-Z a-z, zero-padded to width
std::optional<quint64> fromBase(QStringView text, int base);
QString hexId(quint64 seed, int digits); // lowercase hex, for tracking and error ids

} // namespace sb::datagen
