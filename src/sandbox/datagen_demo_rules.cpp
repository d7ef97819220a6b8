// The demo data set's LaunchDarkly tags and rules: clauses that match the segment's name where it
// names an audience, a region or a platform, and rule descriptions in plain English.

#include "datagen.h"
#include "datagen_demo_p.h"
#include "datagen_p.h"

#include <QDateTime>
#include <QLocale>

namespace sb::datagen::detail {

// ---- LaunchDarkly: tags and rules ----

namespace {

QJsonArray js(std::initializer_list<const char *> texts)
{
    QJsonArray array;
    for (const char *text : texts)
        array.append(QLatin1String(text));
    return array;
}

struct Shape
{
    const char *name;
    const char *attribute;
    const char *op;
    QJsonArray values;
};

const QList<Shape> &shapes()
{
    static const QList<Shape> list {
        // Drawn at random (the first ones)...
        {"eu5", "country", "in", js({"FR", "DE", "ES", "IT", "NL"})},
        {"us-ca", "country", "in", js({"US", "CA"})},
        {"uk-ie", "country", "in", js({"GB", "IE"})},
        {"plan-paid", "plan", "in", js({"enterprise", "pro"})},
        {"plan-free", "plan", "in", js({"free"})},
        {"beta", "beta", "in", {true}},
        {"staff", "email", "endsWith", js({"@acme-corp.com"})},
        {"new-app", "appVersion", "semVerGreaterThan", js({"4.2.0"})},
        {"old-app", "appVersion", "semVerLessThan", js({"4.0.0"})},
        {"mobile", "platform", "in", js({"ios", "android"})},
        {"web", "platform", "in", js({"web"})},
        {"tenure", "accountAgeDays", "greaterThan", {90}},
        {"seats", "seats", "greaterThan", {50}},
        {"recent", "signupDate", "after", {1767225600000LL}}, // 2026-01-01
        // ... and only where an audience names them.
        {"plan-enterprise", "plan", "in", js({"enterprise"})},
        {"plan-pro", "plan", "in", js({"pro"})},
        {"plan-legacy", "plan", "in", js({"starter-2022", "team-2022"})},
        {"trial", "trial", "in", {true}},
        {"employee", "employee", "in", {true}},
        {"new-user", "accountAgeDays", "lessThan", {30}},
        {"qa-keys", "key", "startsWith", js({"qa-"})},
        {"api", "apiCallsPerMonth", "greaterThan", {1000000}},
        {"usage-drop", "usageTrend", "in", js({"declining"})},
        {"partner", "integrationPartner", "in", js({"salesforce", "hubspot", "shopify"})},
        {"demo", "accountType", "in", js({"demo"})},
        {"lapsed", "lastSeenDays", "greaterThan", {60}},
    };
    return list;
}
constexpr int kRandomShapes = 14;

QJsonObject clauseOf(const QString &attribute, const QString &op, const QJsonArray &values)
{
    return {{QStringLiteral("attribute"), attribute}, {QStringLiteral("op"), op}, {QStringLiteral("values"), values}};
}

QJsonObject clauseOf(const Shape &shape)
{
    return clauseOf(QLatin1String(shape.attribute), QLatin1String(shape.op), shape.values);
}

// "tag" or "tag|shape"
QStringList hintOf(const Audience *audience)
{
    return audience->hint ? QString::fromUtf8(audience->hint).split(QLatin1Char('|')) : QStringList();
}

const Shape *shapeNamed(const QString &name)
{
    for (const Shape &shape : shapes()) {
        if (name == QLatin1String(shape.name))
            return &shape;
    }
    return nullptr;
}

QJsonArray countriesOf(const Part *region)
{
    static const std::pair<const char *, const char *> groups[] = {
        {"uk", "GB"},
        {"eu", "FR DE ES IT NL"},
        {"na", "US CA"},
        {"apac", "JP AU SG IN"},
        {"latam", "BR MX AR CO"},
        {"dach", "DE AT CH"},
        {"nordics", "SE NO DK FI"},
    };
    QString countries = QString::fromLatin1(region->key).toUpper();
    for (const auto &[key, list] : groups) {
        if (qstrcmp(key, region->key) == 0)
            countries = QString::fromLatin1(list);
    }
    return QJsonArray::fromStringList(countries.split(QLatin1Char(' ')));
}

bool isEu(const Part *region)
{
    static const QStringList eu {QStringLiteral("fr"),   QStringLiteral("de"),     QStringLiteral("es"),
                                 QStringLiteral("it"),   QStringLiteral("nl"),     QStringLiteral("eu"),
                                 QStringLiteral("dach"), QStringLiteral("nordics")};
    return region && eu.contains(QLatin1String(region->key));
}

QString orList(const QStringList &items, const QString &conjunction = QStringLiteral("or"))
{
    if (items.size() < 2)
        return items.join(QString());
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QLatin1Char(' ') + conjunction
        + QLatin1Char(' ') + items.constLast();
}

QString platformName(const QString &value)
{
    return value == QLatin1String("ios")    ? QStringLiteral("iOS")
        : value == QLatin1String("android") ? QStringLiteral("Android")
                                            : QStringLiteral("the web app");
}

// How a clause reads in a rule's description: "in FR, DE or ES", "not on the free plan".
QString phraseOf(const QJsonObject &clause)
{
    const QString attribute = clause.value(QStringLiteral("attribute")).toString();
    const QString op = clause.value(QStringLiteral("op")).toString();
    const bool no = clause.value(QStringLiteral("negate")).toBool();
    const QJsonArray array = clause.value(QStringLiteral("values")).toArray();
    QStringList values;
    for (const QJsonValue &value : array)
        values.append(value.isString() ? value.toString() : QString::number(value.toInteger()));
    const QString first = values.value(0);
    const QString number = array.isEmpty() ? QString() : QLocale(QLocale::English).toString(array.at(0).toInteger());
    if (attribute == QLatin1String("country"))
        return (no ? QStringLiteral("outside ") : QStringLiteral("in "))
            + orList(values, no ? QStringLiteral("and") : QStringLiteral("or"));
    if (attribute == QLatin1String("plan"))
        return (no ? QStringLiteral("not on the ") : QStringLiteral("on the ")) + orList(values)
            + (values.size() > 1 ? QStringLiteral(" plans") : QStringLiteral(" plan"));
    if (attribute == QLatin1String("platform")) {
        QStringList names;
        for (const QString &value : values)
            names.append(platformName(value));
        return (no ? QStringLiteral("not on ") : QStringLiteral("on ")) + orList(names);
    }
    if (attribute == QLatin1String("beta"))
        return no ? QStringLiteral("not in the beta program") : QStringLiteral("in the beta program");
    if (attribute == QLatin1String("trial"))
        return no ? QStringLiteral("not on a trial") : QStringLiteral("on a trial");
    if (attribute == QLatin1String("employee"))
        return no ? QStringLiteral("who are not employees") : QStringLiteral("who are employees");
    if (attribute == QLatin1String("email"))
        return (no ? QStringLiteral("without an ") : QStringLiteral("with an ")) + first
            + QStringLiteral(" email address");
    if (attribute == QLatin1String("key"))
        return (no ? QStringLiteral("whose key does not start with ") : QStringLiteral("whose key starts with "))
            + first;
    if (op == QLatin1String("semVerGreaterThan") && no)
        return QStringLiteral("on app ") + first + QStringLiteral(" or earlier");
    if (op == QLatin1String("semVerGreaterThan"))
        return QStringLiteral("on app versions after ") + first;
    if (op == QLatin1String("semVerLessThan") && no)
        return QStringLiteral("on app ") + first + QStringLiteral(" or later");
    if (op == QLatin1String("semVerLessThan"))
        return QStringLiteral("on app versions before ") + first;
    if (attribute == QLatin1String("signupDate")) {
        const QString date = QLocale(QLocale::English)
                                 .toString(QDateTime::fromMSecsSinceEpoch(array.at(0).toInteger(), Qt::UTC).date(),
                                           QStringLiteral("MMMM d, yyyy"));
        return (no ? QStringLiteral("who signed up before ") : QStringLiteral("who signed up after ")) + date;
    }
    if (attribute == QLatin1String("accountAgeDays") && op == QLatin1String("greaterThan") && !no)
        return QStringLiteral("with accounts older than ") + number + QStringLiteral(" days");
    if (attribute == QLatin1String("accountAgeDays"))
        return QStringLiteral("with accounts less than ") + number + QStringLiteral(" days old");
    if (attribute == QLatin1String("seats"))
        return (no ? QStringLiteral("in workspaces with at most ") : QStringLiteral("in workspaces with more than "))
            + number + QStringLiteral(" seats");
    if (attribute == QLatin1String("apiCallsPerMonth"))
        return QStringLiteral("making more than ") + number + QStringLiteral(" API calls a month");
    if (attribute == QLatin1String("lastSeenDays"))
        return QStringLiteral("not seen for more than ") + number + QStringLiteral(" days");
    if (attribute == QLatin1String("usageTrend"))
        return no ? QStringLiteral("whose usage is steady") : QStringLiteral("whose usage is declining");
    if (attribute == QLatin1String("integrationPartner"))
        return QStringLiteral("connected through ") + orList(values);
    if (attribute == QLatin1String("accountType"))
        return no ? QStringLiteral("outside demo workspaces") : QStringLiteral("in demo workspaces");
    return attribute + QLatin1Char(' ') + op + QLatin1Char(' ') + values.join(QStringLiteral(", "));
}

} // namespace

QJsonArray demoLaunchDarklyTags(int index)
{
    static const QStringList pool {
        QStringLiteral("beta"),       QStringLiteral("mobile"),     QStringLiteral("growth"),
        QStringLiteral("enterprise"), QStringLiteral("eu"),         QStringLiteral("qa"),
        QStringLiteral("internal"),   QStringLiteral("pricing"),    QStringLiteral("retention"),
        QStringLiteral("onboarding"), QStringLiteral("experiment"), QStringLiteral("checkout"),
    };
    const Combo c = demoCombo(LaunchDarklySeed, index);
    QStringList preferred = hintOf(c.audience).mid(0, 1);
    if (isEu(c.region))
        preferred.append(QStringLiteral("eu"));
    if (c.platform && QLatin1String(c.platform->key) != QLatin1String("web"))
        preferred.append(QStringLiteral("mobile"));
    Draws draws(LaunchDarklySeed, index, 6);
    const int count = draws.below(4);
    QStringList tags;
    for (int i = 0; i < count; ++i) {
        const QString tag = i < preferred.size() ? preferred.at(i) : pick(pool, draws.next());
        if (!tags.contains(tag))
            tags.append(tag);
    }
    return QJsonArray::fromStringList(tags);
}

QJsonObject demoLaunchDarklyClause(int index, int rule, int clause, quint64 draw, QStringList *attributes, bool *hinted)
{
    const Combo c = demoCombo(LaunchDarklySeed, index);
    *hinted = true;
    QJsonObject out;
    if (rule == 0 && clause == 0 && hintOf(c.audience).size() > 1 && shapeNamed(hintOf(c.audience).at(1)))
        out = clauseOf(*shapeNamed(hintOf(c.audience).at(1)));
    else if (rule == 0 && clause == 1 && c.region)
        out = clauseOf(QStringLiteral("country"), QStringLiteral("in"), countriesOf(c.region));
    else if (rule == 0 && clause == 2 && c.platform)
        out = clauseOf(QStringLiteral("platform"), QStringLiteral("in"), {QLatin1String(c.platform->key)});
    if (out.isEmpty()) {
        // A name with a region or a platform keeps every rule to it.
        *hinted = false;
        QStringList taken = *attributes;
        if (c.region)
            taken.append(QStringLiteral("country"));
        if (c.platform)
            taken.append(QStringLiteral("platform"));
        for (int i = 0; i < kRandomShapes && out.isEmpty(); ++i) {
            const Shape &shape = shapes().at(int((draw + quint64(i)) % kRandomShapes));
            if (!taken.contains(QLatin1String(shape.attribute)))
                out = clauseOf(shape);
        }
        if (out.isEmpty())
            out = clauseOf(shapes().at(int(draw % kRandomShapes)));
    }
    attributes->append(out.value(QStringLiteral("attribute")).toString());
    return out;
}

QString demoRuleDescription(const QJsonArray &clauses)
{
    QStringList phrases;
    for (const QJsonValue &clause : clauses)
        phrases.append(phraseOf(clause.toObject()));
    return QStringLiteral("Users ") + orList(phrases, QStringLiteral("and"));
}

QString demoEditedTag(int index, int epoch)
{
    // None of them is in the first tags' pool, so that the edit always shows.
    static const QStringList pool {
        QStringLiteral("reviewed"),      QStringLiteral("cleanup"), QStringLiteral("needs-owner"),
        QStringLiteral("gdpr-reviewed"), QStringLiteral("launch"),  QStringLiteral("sunset"),
        QStringLiteral("holdout"),       QStringLiteral("q1-2027"), QStringLiteral("tier-1"),
        QStringLiteral("migrated"),
    };
    return pool.at(qsizetype((hashOf(LaunchDarklySeed, index, 31) + quint64(epoch)) % quint64(pool.size())));
}

QJsonObject demoEditedClause(int index, int epoch)
{
    static const QList<QJsonObject> pool {
        clauseOf(QStringLiteral("plan"), QStringLiteral("in"), {QStringLiteral("business")}),
        clauseOf(QStringLiteral("country"), QStringLiteral("in"), {QStringLiteral("IT"), QStringLiteral("PT")}),
        clauseOf(QStringLiteral("appVersion"), QStringLiteral("semVerGreaterThan"), {QStringLiteral("5.0.0")}),
        clauseOf(QStringLiteral("seats"), QStringLiteral("greaterThan"), {100}),
        clauseOf(QStringLiteral("accountAgeDays"), QStringLiteral("greaterThan"), {365}),
    };
    return pool.at(qsizetype((hashOf(LaunchDarklySeed, index, 32) + quint64(epoch)) % quint64(pool.size())));
}

} // namespace sb::datagen::detail
