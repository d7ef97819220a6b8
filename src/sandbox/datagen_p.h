#pragma once

// What datagen.cpp (epoch 0), datagen_later.cpp (the same account later), datagen_ldaccount.cpp and
// datagen_demo.cpp (the demo data set's texts) share: the seeds, the hash and draw streams records
// are made from, and a few pools and formats. Not for other files.

#include "datagen.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb::datagen::detail {

// Each vendor draws from the same pools with its own seed, so the four lists differ.
enum Seed : quint64 { BatchSeed = 1, LaunchDarklySeed = 2, AmperitySeed = 3, SailPointSeed = 4 };

// Different salts give independent-looking choices for the same record.
inline quint64 hashOf(quint64 seed, int index, quint64 salt)
{
    return mix(mix(seed * 0x100000001b3ULL + salt) ^ quint64(index));
}

// A SplitMix64 stream for the several draws one record needs; each draw is independent of the
// others (hashing a draw again would repeat the next one).
class Draws
{
public:
    Draws(quint64 seed, int index, quint64 salt) : m_state(hashOf(seed, index, salt)) { }
    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return mix(m_state);
    }
    int below(int n) { return int(next() % quint64(n)); }
    bool oneIn(int n) { return below(n) == 0; }

private:
    quint64 m_state;
};

template<typename T> const T &pick(const QList<T> &pool, quint64 hash)
{
    return pool.at(qsizetype(hash % quint64(pool.size())));
}

const QStringList &nameTemplates();
std::optional<QString> description(quint64 seed, int index);
QString rfc3339Utc(qint64 seconds);
QString sailPointTimestamp(qint64 seconds, quint64 h);

// LaunchDarkly's default/staging lists segments of its own, numbered from here.
inline constexpr int kStagingOwnBase = 2000000;

// ---- The demo data set (datagen_demo.cpp) ----
//
// The functions above branch on demo() where they choose a text or a date. In the demo a record's
// name is made of an audience, a qualifier, a region and a platform from the vendor's pools, taken
// through a fixed shuffle of all their combinations, so that names are unique (and codes and keys,
// made from the same parts, too) for the first thousands of indexes; only past the product of the
// pools does a name repeat, with " (2)". Segments added at later epochs and staging's own take their
// audiences from pools of their own, so they never collide with the first ones.

inline bool demo()
{
    return dataSet() == DataSet::Demo;
}
QString demoName(quint64 seed, int index); // the first name, added segments' too
QString demoRenamed(quint64 seed, int index, const QString &name, int epoch); // after a rename at `epoch`
QString demoBatchCode(int index);
int demoBatchIndexOf(const QString &code); // the index whose code `code` may be, or -1
QString demoLaunchDarklyKey(int index);
QJsonArray demoLaunchDarklyTags(int index);
// Clause `clause` of rule `rule`: its attribute, op and values. `draw` picks the shape, unless the
// segment's audience or region names one (then *hinted is set: such a clause is never negated);
// `attributes` lists those the rule already tests, which are not tested twice.
QJsonObject demoLaunchDarklyClause(int index, int rule, int clause, quint64 draw, QStringList *attributes,
                                   bool *hinted);
QString demoRuleDescription(const QJsonArray &clauses); // plain English
QString demoEditedTag(int index, int epoch);
QJsonObject demoEditedClause(int index, int epoch); // attribute, op, values
std::optional<QString> demoDescription(quint64 seed, int index); // LaunchDarkly, SailPoint
QString demoEditedDescription(quint64 seed, int index, int epoch);
const QStringList &demoOwners(); // SailPoint
// A SailPoint EQUALS comparison at `position` in the criteria: attribute and value.
QPair<QString, QString> demoSailPointComparison(int index, int position, Draws &draws, QStringList *attributes);
qint64 demoCreatedSeconds(quint64 seed, int index);
qint64 demoModifiedSeconds(quint64 seed, int index);
qint64 demoStepSeconds(int epoch, quint64 seed, int index);

} // namespace sb::datagen::detail
