// The demo data set: what a real company's four accounts look like. Same records as the faults data
// set (datagen.cpp, datagen_later.cpp), other texts and dates: see datagen.h and datagen_p.h.

#include "datagen.h"
#include "datagen_demo_p.h"
#include "datagen_p.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <vector>

namespace sb::datagen {

namespace {

std::atomic<DataSet> g_dataSet {DataSet::Faults};

} // namespace

void setDataSet(DataSet set)
{
    g_dataSet.store(set, std::memory_order_relaxed);
}

DataSet dataSet()
{
    return g_dataSet.load(std::memory_order_relaxed);
}

std::optional<DataSet> dataSetNamed(QStringView name)
{
    if (name == QLatin1String("demo"))
        return DataSet::Demo;
    if (name == QLatin1String("faults"))
        return DataSet::Faults;
    return std::nullopt;
}

QString dataSetName(DataSet set)
{
    return set == DataSet::Demo ? QStringLiteral("demo") : QStringLiteral("faults");
}

namespace detail {

namespace {

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

// ---- Names, codes and keys ----

template<typename T> const T *at(const std::vector<T> &list, int i)
{
    return i < 0 ? nullptr : &list.at(size_t(i));
}

// Whether the name makes sense: not "EU users (EU)", "EU users (US)" or "Mobile beta (web)".
bool fits(const Audience &a, const Part *region, const Part *platform)
{
    const QString tag = a.hint ? QString::fromUtf8(a.hint).section(QLatin1Char('|'), 0, 0) : QString();
    static const QStringList eu {QStringLiteral("fr"),     QStringLiteral("de"), QStringLiteral("es"),
                                 QStringLiteral("it"),     QStringLiteral("nl"), QStringLiteral("dach"),
                                 QStringLiteral("nordics")};
    if (region && QString::fromLatin1(a.key).split(QLatin1Char('-')).contains(QLatin1String(region->key)))
        return false;
    if (region && tag == QLatin1String("eu") && !eu.contains(QLatin1String(region->key)))
        return false;
    return !(platform && tag == QLatin1String("mobile") && qstrcmp(platform->key, "web") == 0);
}

// Every combination of the audiences with their qualifiers, the regions and the platforms (each
// also left out) that fits, in a fixed shuffled order: neighbours in the numbering share nothing
// visible.
std::vector<Combo> shuffledCombos(const Vocabulary &v, const std::vector<Audience> &audiences, quint64 seed,
                                  quint64 salt)
{
    std::vector<Combo> combos;
    for (const Audience &a : audiences) {
        const Parts &qualifiers = v.groups.at(size_t(a.group));
        for (int q = -1; q < int(qualifiers.size()); ++q) {
            for (int r = -1; r < int(v.regions.size()); ++r) {
                for (int p = -1; p < int(v.platforms.size()); ++p) {
                    if (fits(a, at(v.regions, r), at(v.platforms, p)))
                        combos.push_back({&a, at(qualifiers, q), at(v.regions, r), at(v.platforms, p)});
                }
            }
        }
    }
    Draws draws(seed, 0, salt); // Fisher-Yates
    for (size_t i = combos.size() - 1; i > 0; --i)
        std::swap(combos[i], combos[size_t(draws.below(int(i + 1)))]);
    // Shorter names mostly first, as in an account that grew: the first hundreds are "Cart
    // abandoners — last 7 days" or "Push opt-ins (FR)" more often than all four parts at once.
    std::vector<std::pair<int, Combo>> ranked;
    ranked.reserve(combos.size());
    for (const Combo &c : combos) {
        const int parts = (c.qualifier ? 1 : 0) + (c.region ? 1 : 0) + (c.platform ? 1 : 0);
        ranked.push_back({parts * 3 + draws.below(10), c});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (size_t i = 0; i < ranked.size(); ++i)
        combos[i] = ranked[i].second;
    return combos;
}

struct Catalog
{
    std::vector<Combo> first; // indexes below kStagingOwnBase, in turn
    std::vector<Combo> later; // added segments and staging's own, by laterOrdinal
};

const Catalog &catalog(quint64 seed)
{
    static const std::array<Catalog, 4> catalogs = [] {
        std::array<Catalog, 4> out;
        for (quint64 s = BatchSeed; s <= SailPointSeed; ++s) {
            const Vocabulary &v = demoVocabulary(s);
            out.at(s - 1) = {shuffledCombos(v, v.first, s, 90), shuffledCombos(v, v.later, s, 91)};
        }
        return out;
    }();
    return catalogs.at(std::clamp<quint64>(seed, BatchSeed, SailPointSeed) - 1);
}

// The segments of the later pool, numbered: added ones even (step by step, so that every step's
// first ones come first), staging's own odd.
qint64 laterOrdinal(int index)
{
    if (const int epoch = epochAdded(index))
        return 2 * (qint64(epoch - 1) + qint64(kMaxEpoch) * (index - addedIndex(epoch, 0)));
    return 2 * qint64(index - kStagingOwnBase) + 1;
}

int indexOfLaterOrdinal(qint64 ordinal)
{
    if (ordinal % 2 == 1) {
        const qint64 index = kStagingOwnBase + (ordinal - 1) / 2;
        return index < addedIndex(1, 0) ? int(index) : -1;
    }
    const qint64 k = ordinal / 2;
    const qint64 j = k / kMaxEpoch;
    return j < addedIndex(2, 0) - addedIndex(1, 0) ? addedIndex(int(k % kMaxEpoch) + 1, int(j)) : -1;
}

// Segment `index`'s combination, and how many times the pool went round before it (0 for the
// first thousands).
struct Piece
{
    Combo combo;
    int round;
};

Piece piece(quint64 seed, int index)
{
    const Catalog &c = catalog(seed);
    if (index < kStagingOwnBase) {
        const int i = std::max(index, 0);
        return {c.first.at(size_t(i) % c.first.size()), i / int(c.first.size())};
    }
    const qint64 ordinal = laterOrdinal(index);
    return {c.later.at(size_t(ordinal % qint64(c.later.size()))), int(ordinal / qint64(c.later.size()))};
}

QString joined(const QStringList &parts, const QString &separator)
{
    QStringList present = parts;
    present.removeAll(QString());
    return present.join(separator);
}

QString nameOf(quint64 seed, const Piece &p)
{
    const Combo &c = p.combo;
    const QString dash = utf8(" — ");
    const QString dot = utf8(" · ");
    QString name = utf8(c.audience->name);
    switch (demoVocabulary(seed).style) {
    case Style::Parenthesised:
        if (c.qualifier)
            name += dash + demoText(c.qualifier);
        if (c.region || c.platform)
            name += QStringLiteral(" (") + joined({demoText(c.region), demoText(c.platform)}, QStringLiteral(", "))
                + QLatin1Char(')');
        break;
    case Style::Dotted:
        if (c.qualifier)
            name += dash + demoText(c.qualifier);
        for (const Part *part : {c.region, c.platform}) {
            if (part)
                name += dot + demoText(part);
        }
        break;
    case Style::Governance:
        if (c.region)
            name += dash + demoText(c.region);
        if (c.qualifier)
            name += dot + demoText(c.qualifier);
        if (c.platform)
            name += QStringLiteral(" (") + demoText(c.platform) + QLatin1Char(')');
        break;
    }
    return p.round == 0 ? name : name + QStringLiteral(" (%1)").arg(p.round + 1);
}

// The parts' keys joined with '-', lowercase: "beta-testers-app-4.2-plus-fr-ios".
QString keyOf(const Piece &p)
{
    const Combo &c = p.combo;
    QStringList parts {QLatin1String(c.audience->key)};
    for (const Part *part : {c.qualifier, c.region, c.platform}) {
        if (part)
            parts.append(QLatin1String(part->key));
    }
    if (p.round > 0)
        parts.append(QString::number(p.round + 1));
    return parts.join(QLatin1Char('-'));
}

QString batchCodeOf(const QString &key)
{
    QString code = key.toUpper();
    code.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char('.'), QLatin1Char('_'));
    return code;
}

// Batch codes without their round, to the combination's place in its pool.
const QHash<QString, int> &batchCodePlaces(bool later)
{
    static const std::array<QHash<QString, int>, 2> places = [] {
        std::array<QHash<QString, int>, 2> out;
        const Catalog &c = catalog(BatchSeed);
        for (int pool = 0; pool < 2; ++pool) {
            const std::vector<Combo> &combos = pool == 0 ? c.first : c.later;
            for (size_t i = 0; i < combos.size(); ++i)
                out.at(size_t(pool)).insert(batchCodeOf(keyOf({combos[i], 0})), int(i));
        }
        return out;
    }();
    return places.at(later ? 1 : 0);
}

// The index whose code is `base` in round `round`, or -1.
int batchIndexAt(const QString &base, qint64 round)
{
    const Catalog &c = catalog(BatchSeed);
    if (const auto it = batchCodePlaces(false).constFind(base); it != batchCodePlaces(false).constEnd()) {
        const qint64 index = round * qint64(c.first.size()) + *it;
        return index < kStagingOwnBase ? int(index) : -1;
    }
    if (const auto it = batchCodePlaces(true).constFind(base); it != batchCodePlaces(true).constEnd())
        return indexOfLaterOrdinal(round * qint64(c.later.size()) + *it);
    return -1;
}

} // namespace

Combo demoCombo(quint64 seed, int index)
{
    return piece(seed, index).combo;
}

QString demoText(const Part *part)
{
    return part ? QString::fromUtf8(part->text) : QString();
}

QString demoName(quint64 seed, int index)
{
    return nameOf(seed, piece(seed, index));
}

QString demoRenamed(quint64 seed, int index, const QString &name, int epoch)
{
    // Ten marks, each step another: a second rename never gives back the first name.
    static const QStringList marks {
        QStringLiteral(" (legacy)"),
        QStringLiteral(" v2"),
        utf8(" — Q3 cohort"),
        utf8(" — archived"),
        QStringLiteral(" (old)"),
        utf8(" — 2027 refresh"),
        QStringLiteral(" (do not use)"),
        utf8(" — under review"),
        QStringLiteral(" v3"),
        utf8(" — deprecated"),
    };
    QString mark = marks.at(qsizetype((hashOf(seed, index, 30) + quint64(epoch)) % quint64(marks.size())));
    // "Sales demo (EU) — old" rather than "Sales demo (EU) (old)".
    if (name.endsWith(QLatin1Char(')')) && mark.startsWith(QStringLiteral(" (")))
        mark = utf8(" — ") + mark.mid(2).chopped(1);
    return name + mark;
}

QString demoBatchCode(int index)
{
    return batchCodeOf(keyOf(piece(BatchSeed, index)));
}

int demoBatchIndexOf(const QString &code)
{
    if (const int index = batchIndexAt(code, 0); index >= 0)
        return index;
    // A later round: "_2", "_3", ...
    const qsizetype cut = code.lastIndexOf(QLatin1Char('_'));
    const QStringView round = QStringView(code).mid(cut + 1);
    const auto digit = [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    };
    if (cut <= 0 || round.isEmpty() || round.size() > 6 || !std::all_of(round.begin(), round.end(), digit))
        return -1;
    const int n = round.toInt();
    return n >= 2 ? batchIndexAt(code.left(cut), n - 1) : -1;
}

QString demoLaunchDarklyKey(int index)
{
    return keyOf(piece(LaunchDarklySeed, index));
}

// ---- Descriptions ----

std::optional<QString> demoDescription(quint64 seed, int index)
{
    static const QStringList launchDarklyMore {
        QStringLiteral("Reviewed every quarter by the growth team."),
        QStringLiteral("Do not add users by hand: the nightly sync from the data warehouse overwrites the list."),
        QStringLiteral("Used by several production flags, so check the flag list before changing the rules."),
        QStringLiteral("Owned by the platform team; ask in the feature-flags channel before editing."),
        QStringLiteral("Kept small on purpose, to limit the blast radius of a bad release."),
    };
    static const QStringList sailPointMore {
        QStringLiteral("Reviewed every quarter as part of the access certification campaign."),
        QStringLiteral("Membership comes from Workday; changes there show up here within an hour."),
        QStringLiteral("Requests from this segment still need the manager's approval."),
        QStringLiteral("Created for the 2025 SOX audit and kept since."),
        QStringLiteral("Access granted through this segment expires after 90 days unless renewed."),
    };
    const quint64 h = hashOf(seed, index, 2);
    const Combo c = piece(seed, index).combo;
    if (!c.audience->about || h % 10 == 0)
        return std::nullopt;
    if (h % 10 == 1)
        return QString();
    QString out = utf8(c.audience->about);
    if (seed == SailPointSeed) {
        if (c.region)
            out += QStringLiteral(" Scoped to ") + demoText(c.region) + QLatin1Char('.');
        if (c.platform)
            out += QStringLiteral(" Grants ") + demoText(c.platform) + QStringLiteral(" access.");
    } else if (c.region || c.platform) {
        out += QStringLiteral(" Scoped to ") + joined({demoText(c.region), demoText(c.platform)}, QStringLiteral(", "))
            + QLatin1Char('.');
    }
    // A few say more.
    const QStringList &more = seed == SailPointSeed ? sailPointMore : launchDarklyMore;
    if ((h >> 8) % 5 == 0) {
        const qsizetype first = qsizetype((h >> 16) % quint64(more.size()));
        out += QLatin1Char(' ') + more.at(first);
        if ((h >> 24) % 2 == 0)
            out += QLatin1Char(' ') + more.at((first + 1) % more.size());
    }
    return out;
}

QString demoEditedDescription(quint64 seed, int index, int epoch)
{
    static const QStringList launchDarkly {
        QStringLiteral("Now synced every hour instead of nightly."),
        QStringLiteral("Cohort definition updated after the pricing change."),
        QStringLiteral("Source cohort moved to the new analytics workspace."),
        QStringLiteral("Imported again after the schema change; membership unchanged."),
    };
    static const QStringList sailPoint {
        QStringLiteral("Criteria narrowed after the last access review."),
        QStringLiteral("Owner changed after the team reorganisation."),
        QStringLiteral("Now also covers contractors, as the access policy requires."),
        QStringLiteral("Updated for the new fiscal year."),
        QStringLiteral("Scope reduced to production systems after the audit."),
    };
    const QStringList &pool = seed == SailPointSeed ? sailPoint : launchDarkly;
    return pool.at(qsizetype((hashOf(seed, index, 33) + quint64(epoch)) % quint64(pool.size())));
}

// ---- SailPoint ----

const QStringList &demoOwners()
{
    static const QStringList names {
        QStringLiteral("Emily Carter"),
        QStringLiteral("James Whitfield"),
        QStringLiteral("Sophie Martin"),
        QStringLiteral("Lukas Becker"),
        utf8("Chloé Dubois"),
        utf8("Marta Núñez"),
        QStringLiteral("Oliver Bennett"),
        QStringLiteral("Hannah Schmidt"),
        QStringLiteral("Daniel O'Connor"),
        QStringLiteral("Laura Rossi"),
        utf8("Thomas Müller"),
        QStringLiteral("Isabel Ferreira"),
        QStringLiteral("Michael Turner"),
        QStringLiteral("Anna Lindqvist"),
        utf8("Pierre Lefèvre"),
        QStringLiteral("Grace Howard"),
    };
    return names;
}

QPair<QString, QString> demoSailPointComparison(int index, int position, Draws &draws, QStringList *attributes)
{
    // Criteria that go with any audience (department and title come from the audience alone).
    static const std::pair<const char *, const char *> values[] = {
        {"cloudLifecycleState", "active|active|active|prehire"},
        {"company", "Acme Corp|Acme Corp|Acme GmbH|Acme SAS|Acme UK Ltd"},
        {"employeeType", "Employee|Employee|Contractor"},
        {"location", "London|Paris|Berlin|Austin|New York|Toronto|Dublin|Singapore|Sydney"},
    };
    const quint64 attributeDraw = draws.next();
    const quint64 valueDraw = draws.next();
    const Combo c = piece(SailPointSeed, index).combo;
    QPair<QString, QString> out;
    if (position == 0 && c.audience->hint) {
        const QStringList hint = utf8(c.audience->hint).split(QLatin1Char('='));
        out = {hint.value(0), hint.value(1)};
    } else if (position == 1 && c.region) {
        out = {QStringLiteral("region"), demoText(c.region)};
    } else {
        // A region in the name leaves out the office's location.
        const int n = int(std::size(values)) - (c.region ? 1 : 0);
        for (int i = 0; i < n; ++i) {
            const auto &[attribute, list] = values[(attributeDraw + quint64(i)) % quint64(n)];
            if (!attributes->contains(QLatin1String(attribute))) {
                out = {QLatin1String(attribute), pick(QString::fromLatin1(list).split(QLatin1Char('|')), valueDraw)};
                break;
            }
        }
    }
    attributes->append(out.first);
    return out;
}

// ---- Dates: office hours, 2021 to 2026 ----

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kFirstDay = 1609459200 / kDay; // 2021-01-01
constexpr qint64 kLastCreatedDay = 1793404800 / kDay; // 2026-10-31
constexpr qint64 kLastModifiedDay = 1795996800 / kDay; // 2026-11-30
constexpr qint64 kFirstStepDay = 1796083200 / kDay; // 2026-12-01, after every epoch-0 date

// A moment between 08:00 and 18:59:59 UTC on `day` (days since 1970), a weekend moved to the
// nearest weekday.
qint64 officeHours(qint64 day, quint64 h)
{
    const qint64 weekday = (day + 3) % 7; // 1970-01-01 was a Thursday; 0 is Monday
    day += weekday == 5 ? -1 : (weekday == 6 ? 1 : 0);
    return day * kDay + 8 * 3600 + qint64(h % (11 * 3600));
}

double unit(quint64 h)
{
    return double(h >> 11) / double(quint64(1) << 53);
}

} // namespace

qint64 demoCreatedSeconds(quint64 seed, int index)
{
    // An account that grows: more segments each year than the year before.
    const quint64 h = hashOf(seed, index, 3);
    const qint64 day = kFirstDay + qint64(double(kLastCreatedDay - kFirstDay) * std::sqrt(unit(h)));
    return officeHours(day, mix(h));
}

qint64 demoModifiedSeconds(quint64 seed, int index)
{
    // One in eight never modified; of the others half in the last two months.
    const quint64 h = hashOf(seed, index, 4);
    const qint64 created = demoCreatedSeconds(seed, index);
    if (h % 8 == 0)
        return created;
    const qint64 createdDay = created / kDay;
    const qint64 day = (h >> 3) % 2 == 0 ? std::max(createdDay, kLastModifiedDay - qint64((h >> 8) % 60))
                                         : createdDay + qint64((h >> 8) % quint64(kLastModifiedDay - createdDay + 1));
    const qint64 modified = officeHours(day, mix(h));
    return modified > created ? modified : created + 60 + qint64((h >> 40) % 3000);
}

qint64 demoStepSeconds(int epoch, quint64 seed, int index)
{
    const quint64 h = hashOf(seed, index, 20 + quint64(epoch));
    return officeHours(kFirstStepDay + qint64(epoch - 1) * 30 + qint64(h % 20), h >> 8);
}

} // namespace detail

} // namespace sb::datagen
