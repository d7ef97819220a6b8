#include "datagen.h"
#include "datagen_p.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <array>

// ---- The same account later ----

namespace sb::datagen {

using namespace detail;

namespace {

// Added segments' indexes: far above any epoch-0 list, a block per step.
constexpr int kAddedBase = 1 << 29;
constexpr int kAddedPerStep = 1 << 24;

// When step `epoch` happened, for one segment: steps are 30 days apart from 2025-01-01 (the demo:
// 2026-12-01, at office hours), after every epoch-0 timestamp, and each spreads its changes over 20 days.
qint64 stepSeconds(int epoch, quint64 seed, int index)
{
    if (demo())
        return demoStepSeconds(epoch, seed, index);
    constexpr qint64 start = 1735689600; // 2025-01-01T00:00:00Z
    return start + qint64(epoch - 1) * 30 * 86400 + qint64(hashOf(seed, index, 20 + quint64(epoch)) % (20 * 86400));
}

qint64 stepMillis(int epoch, quint64 seed, int index)
{
    return stepSeconds(epoch, seed, index) * 1000 + qint64(hashOf(seed, index, 40 + quint64(epoch)) % 1000);
}

// The last step in 1 .. epoch for which `hit` holds, or 0.
template<typename Hit> int lastStep(int epoch, Hit hit)
{
    for (int e = std::min(epoch, kMaxEpoch); e >= 1; --e) {
        if (hit(e))
            return e;
    }
    return 0;
}

bool renames(Fate fate)
{
    return fate == Fate::Renamed || fate == Fate::RenamedAndEdited;
}

// A new segment's name: a template with the step and its number in the step, "VIP customers #1.3"
// (the demo: a name of its own, from pools no first segment draws from).
QString addedName(quint64 seed, int index)
{
    if (demo())
        return demoName(seed, index);
    const int epoch = epochAdded(index);
    const int j = index - addedIndex(epoch, 0);
    return pick(nameTemplates(), hashOf(seed, index, 1)) + QStringLiteral(" #%1.%2").arg(epoch).arg(j + 1);
}

// The name at `epoch`: the first one, with the last rename's mark.
QString nameAt(quint64 seed, int index, int epoch, const QString &first)
{
    const int renamed = lastStep(epoch, [&](int e) { return renames(fateAt(index, e)); });
    const QString base = epochAdded(index) > 0 ? addedName(seed, index) : first;
    if (renamed == 0)
        return base;
    return demo() ? demoRenamed(seed, index, base, renamed)
                  : base + QStringLiteral(" (renamed at epoch %1)").arg(renamed);
}

int lastChange(Vendor vendor, int index, int epoch)
{
    return lastStep(epoch, [&](int e) { return recordChanges(vendor, index, e); });
}

int changeCount(Vendor vendor, int index, int epoch)
{
    int count = 0;
    for (int e = 1; e <= std::min(epoch, kMaxEpoch); ++e)
        count += recordChanges(vendor, index, e) ? 1 : 0;
    return count;
}

// Six in ten LaunchDarkly segments are rule-based (kind < 6), two list-based, two big: the draw
// launchDarklySegment makes.
int launchDarklyKind(int index)
{
    Draws draws(LaunchDarklySeed, index, 13);
    draws.below(40); // the version
    return draws.below(10);
}

// The field besides the name that RenamedAndEdited changes, or empty.
QString secondField(Vendor vendor, int index)
{
    switch (vendor) {
    case Vendor::LaunchDarkly: {
        const int kind = launchDarklyKind(index);
        return kind < 6 ? QStringLiteral("rules")
            : kind < 8  ? QStringLiteral("included")
                        : QStringLiteral("description");
    }
    case Vendor::SailPoint:
        return QStringLiteral("active");
    case Vendor::Batch:
    case Vendor::Amperity:
        break;
    }
    return {};
}

QString editedField(Vendor vendor)
{
    switch (vendor) {
    case Vendor::LaunchDarkly:
        return QStringLiteral("tags");
    case Vendor::SailPoint:
        return QStringLiteral("description");
    case Vendor::Batch:
    case Vendor::Amperity:
        break;
    }
    return {};
}

// The last step in 1 .. epoch that changed `field` of the vendor's segment, or 0.
int lastFieldChange(Vendor vendor, int index, int epoch, const QString &field)
{
    return lastStep(epoch, [&](int e) { return changedFields(vendor, index, e).contains(field); });
}

QString updatedText(quint64 seed, int index, int epoch)
{
    return demo() ? demoEditedDescription(seed, index, epoch) : QStringLiteral("Updated at epoch %1").arg(epoch);
}

} // namespace

Fate fateAt(int index, int epoch)
{
    if (epoch < 1 || epoch > kMaxEpoch || index < 0 || epochAdded(index) >= epoch)
        return Fate::Kept;
    switch ((quint64(index) + 3 * quint64(epoch - 1)) % 10) {
    case 3:
        return Fate::Removed;
    case 5:
        return Fate::Renamed;
    case 7:
        return Fate::Edited;
    case 8:
        return Fate::Touched;
    case 9:
        return Fate::RenamedAndEdited;
    default:
        return Fate::Kept;
    }
}

int addedPerEpoch(int count)
{
    return count <= 0 ? 0 : std::min(kAddedPerStep, std::max(1, count / 20));
}

int addedIndex(int epoch, int j)
{
    return kAddedBase + (epoch - 1) * kAddedPerStep + j;
}

int epochAdded(int index)
{
    return index < kAddedBase ? 0 : 1 + (index - kAddedBase) / kAddedPerStep;
}

std::vector<int> listing(int count, int epoch)
{
    epoch = std::clamp(epoch, 0, kMaxEpoch);
    const auto survives = [epoch](int index) {
        for (int e = 1; e <= epoch; ++e) {
            if (fateAt(index, e) == Fate::Removed)
                return false;
        }
        return true;
    };
    std::vector<int> out;
    out.reserve(size_t(std::max(0, count)) + size_t(epoch) * size_t(addedPerEpoch(count)));
    for (int i = 0; i < count; ++i) {
        if (survives(i))
            out.push_back(i);
    }
    for (int e = 1; e <= epoch; ++e) {
        for (int j = 0; j < addedPerEpoch(count); ++j) {
            if (survives(addedIndex(e, j)))
                out.push_back(addedIndex(e, j));
        }
    }
    return out;
}

QStringList changedFields(Vendor vendor, int index, int epoch)
{
    const Fate fate = fateAt(index, epoch);
    QStringList fields;
    if (renames(fate))
        fields.append(vendor == Vendor::Batch ? QStringLiteral("display_name") : QStringLiteral("name"));
    const QString other = fate == Fate::Edited ? editedField(vendor)
        : fate == Fate::RenamedAndEdited       ? secondField(vendor, index)
                                               : QString();
    if (!other.isEmpty())
        fields.append(other);
    return fields;
}

bool recordChanges(Vendor vendor, int index, int epoch)
{
    return !changedFields(vendor, index, epoch).isEmpty()
        || (fateAt(index, epoch) == Fate::Touched && vendor != Vendor::Amperity);
}

QJsonObject batchSegment(int index, int epoch)
{
    QJsonObject segment = batchSegment(index);
    if (epoch <= 0)
        return segment;
    const int born = epochAdded(index);
    if (born > 0) {
        segment.insert(QStringLiteral("created_at"), rfc3339Utc(stepSeconds(born, BatchSeed, index)));
        segment.insert(QStringLiteral("updated_at"), rfc3339Utc(stepSeconds(born, BatchSeed, index)));
    }
    const QString first = segment.value(QStringLiteral("display_name")).toString();
    segment.insert(QStringLiteral("display_name"), nameAt(BatchSeed, index, epoch, first));
    if (const int last = lastChange(Vendor::Batch, index, epoch))
        segment.insert(QStringLiteral("updated_at"), rfc3339Utc(stepSeconds(last, BatchSeed, index)));
    return segment;
}

QString launchDarklyName(int index, int epoch)
{
    return nameAt(LaunchDarklySeed, index, epoch, epochAdded(index) > 0 ? QString() : launchDarklyName(index));
}

qint64 launchDarklyCreationDate(int index, int epoch)
{
    Q_UNUSED(epoch) // a segment is created once, in the step that added it
    const int born = epochAdded(index);
    return born > 0 ? stepMillis(born, LaunchDarklySeed, index) : launchDarklyCreationDate(index);
}

qint64 launchDarklyLastModified(int index, int epoch)
{
    if (const int last = lastChange(Vendor::LaunchDarkly, index, epoch))
        return stepMillis(last, LaunchDarklySeed, index);
    return epochAdded(index) > 0 ? launchDarklyCreationDate(index, epoch) : launchDarklyLastModified(index);
}

QJsonObject launchDarklySegment(int index, int epoch, const QString &project, const QString &environment)
{
    QJsonObject segment = launchDarklySegment(index, project, environment);
    if (epoch <= 0)
        return segment;
    const int born = epochAdded(index);
    segment.insert(QStringLiteral("name"), launchDarklyName(index, epoch));
    segment.insert(QStringLiteral("creationDate"), launchDarklyCreationDate(index, epoch));
    segment.insert(QStringLiteral("lastModifiedDate"), launchDarklyLastModified(index, epoch));
    const int firstVersion = born > 0 ? 1 : segment.value(QStringLiteral("version")).toInt();
    segment.insert(QStringLiteral("version"), firstVersion + changeCount(Vendor::LaunchDarkly, index, epoch));

    const Vendor v = Vendor::LaunchDarkly;
    if (const int e = lastFieldChange(v, index, epoch, QStringLiteral("tags"))) {
        QJsonArray tags = segment.value(QStringLiteral("tags")).toArray();
        tags.append(demo() ? demoEditedTag(index, e) : QStringLiteral("updated-at-epoch-%1").arg(e));
        segment.insert(QStringLiteral("tags"), tags);
    }
    if (const int e = lastFieldChange(v, index, epoch, QStringLiteral("rules"))) {
        QJsonArray rules = segment.value(QStringLiteral("rules")).toArray();
        QJsonObject clause = demo() ? demoEditedClause(index, e)
                                    : QJsonObject {
                                        {QStringLiteral("attribute"), QStringLiteral("plan")},
                                        {QStringLiteral("op"), QStringLiteral("in")},
                                        {QStringLiteral("values"), QJsonArray {QStringLiteral("epoch-%1").arg(e)}},
                                    };
        clause.insert(QStringLiteral("_id"), hexId(hashOf(LaunchDarklySeed, index, 60 + quint64(e)), 24));
        clause.insert(QStringLiteral("negate"), false);
        clause.insert(QStringLiteral("contextKind"), QStringLiteral("user"));
        rules.append(QJsonObject {{QStringLiteral("_id"), hexId(hashOf(LaunchDarklySeed, index, 70 + quint64(e)), 24)},
                                  {QStringLiteral("clauses"), QJsonArray {clause}}});
        segment.insert(QStringLiteral("rules"), rules);
    }
    if (const int e = lastFieldChange(v, index, epoch, QStringLiteral("included"))) {
        QJsonArray included = segment.value(QStringLiteral("included")).toArray();
        included.append(
            demo() ? QString(QStringLiteral("user-") + hexId(hashOf(LaunchDarklySeed, index, 80 + quint64(e)), 8))
                   : QStringLiteral("user-epoch-%1").arg(e));
        segment.insert(QStringLiteral("included"), included);
    }
    if (const int e = lastFieldChange(v, index, epoch, QStringLiteral("description")))
        segment.insert(QStringLiteral("description"), updatedText(LaunchDarklySeed, index, e));
    return segment;
}

QJsonObject amperitySegment(int index, int epoch)
{
    QJsonObject segment = amperitySegment(index);
    if (epoch <= 0)
        return segment;
    const QString first = segment.value(QStringLiteral("name")).toString();
    segment.insert(QStringLiteral("name"), nameAt(AmperitySeed, index, epoch, first));
    return segment;
}

QJsonObject sailPointSegment(int index, int epoch)
{
    QJsonObject segment = sailPointSegment(index);
    if (epoch <= 0)
        return segment;
    const quint64 h = hashOf(SailPointSeed, index, 15);
    if (const int born = epochAdded(index)) {
        segment.insert(QStringLiteral("created"), sailPointTimestamp(stepSeconds(born, SailPointSeed, index), h));
        segment.insert(QStringLiteral("modified"),
                       sailPointTimestamp(stepSeconds(born, SailPointSeed, index), h >> 20));
    }
    const QString first = segment.value(QStringLiteral("name")).toString();
    segment.insert(QStringLiteral("name"), nameAt(SailPointSeed, index, epoch, first));
    const Vendor v = Vendor::SailPoint;
    if (const int e = lastFieldChange(v, index, epoch, QStringLiteral("description")))
        segment.insert(QStringLiteral("description"), updatedText(SailPointSeed, index, e));
    // Flipped at most once: a segment meets RenamedAndEdited in one step at most.
    if (lastFieldChange(v, index, epoch, QStringLiteral("active")))
        segment.insert(QStringLiteral("active"), !segment.value(QStringLiteral("active")).toBool());
    if (const int last = lastChange(v, index, epoch))
        segment.insert(QStringLiteral("modified"),
                       sailPointTimestamp(stepSeconds(last, SailPointSeed, index), h >> 20));
    return segment;
}

} // namespace sb::datagen
