// VendorApi::details() and webUrl() of each vendor: the facts and readable sections a person
// sees in the detail pane, for the vendors' documented examples, hand-made records with the
// shapes the schemas allow, the sandbox's records, and records with missing or odd fields.
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include "vendors/registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>

#include <ctime>

using namespace sb;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject object(const char *json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (!doc.isObject())
        qFatal("test record is not a JSON object: %s", qPrintable(error.errorString()));
    return doc.object();
}

// The value of the fact labelled `label`; a null string when there is no such fact.
QString fact(const SegmentDetails &details, const QString &label)
{
    for (const DetailFact &f : details.facts) {
        if (f.label == label)
            return f.value;
    }
    return {};
}

QStringList labels(const SegmentDetails &details)
{
    QStringList list;
    for (const DetailFact &f : details.facts)
        list.append(f.label);
    return list;
}

const DetailSection *section(const SegmentDetails &details, const QString &title)
{
    for (const DetailSection &sec : details.sections) {
        if (sec.title == title)
            return &sec;
    }
    return nullptr;
}

// The tree as indented lines, which makes a whole section one readable comparison.
void flatten(const QList<DetailNode> &nodes, int depth, QStringList &out)
{
    for (const DetailNode &node : nodes) {
        out.append(QString(depth * 2, QLatin1Char(' ')) + node.text);
        flatten(node.children, depth + 1, out);
    }
}

QStringList tree(const DetailSection *sec)
{
    QStringList out;
    if (sec)
        flatten(sec->nodes, 0, out);
    return out;
}

const QJsonObject launchDarklyExample = object(R"({
  "name": "Example segment", "key": "segment-key-123abc",
  "description": "Bundle our sample customers together", "tags": ["testing"],
  "creationDate": 1717000000000, "lastModifiedDate": 1717000500000,
  "included": [], "excluded": [],
  "rules": [{"_id": "1234a56b7c89d012345e678f", "clauses": [{"_id": "12ab3c45de678910fab12345",
             "attribute": "email", "op": "endsWith", "values": [".edu"], "negate": false}]}],
  "version": 1, "deleted": false, "generation": 1, "unbounded": false,
  "_links": {"self": {"href": "/api/v2/segments/default/production/segment-key-123abc", "type": "application/json"}}
})");

const QJsonObject sailPointExample = object(R"({
  "id": "0f11f2a4-7c94-4bf3-a2bd-742580fe3bde", "name": "segment-xyz",
  "created": "2020-01-01T00:00:00.000000Z", "modified": "2020-01-01T00:00:00.000000Z",
  "description": "This segment represents xyz",
  "owner": {"type": "IDENTITY", "id": "2c9180a46faadee4016fb4e018c20639", "name": "support"},
  "visibilityCriteria": {"expression": {"operator": "EQUALS", "attribute": "location",
                         "value": {"type": "STRING", "value": "Austin"}, "children": []}},
  "active": true
})");

const QJsonObject batchExample = object(R"({"code": "SEGMENT-CODE", "display_name": "Segment name",
  "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"})");

const QJsonObject amperityExample = object(R"({"id": "ab-1CDEfGHI", "name": "Holiday Segment"})");

// One data row per vendor, for the checks every vendor must pass.
void vendorRows()
{
    QTest::addColumn<QString>("vendor");
    for (const QString &vendor : test::allVendorIds())
        QTest::newRow(qPrintable(vendor)) << vendor;
}

} // namespace

class TestDetails final : public QObject
{
    Q_OBJECT

    const VendorApi &launchDarkly = *vendorById(QStringLiteral("launchdarkly"));
    const VendorApi &sailPoint = *vendorById(QStringLiteral("sailpoint"));
    const VendorApi &batch = *vendorById(QStringLiteral("batch"));
    const VendorApi &amperity = *vendorById(QStringLiteral("amperity"));

private slots:
    void initTestCase()
    {
        // Dates are shown in local time and the locale's words: fix both so the strings are known.
        qputenv("TZ", "UTC");
        ::tzset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // ---- the vendors' documented examples ----

    void launchDarklyDocumentedExample()
    {
        const SegmentDetails d = launchDarkly.details({}, launchDarklyExample);
        QCOMPARE(d.title, s("Example segment"));
        QCOMPARE(labels(d),
                 (QStringList {s("Name"), s("Key"), s("Description"), s("Tags"), s("Created"), s("Modified"), s("Type"),
                               s("Included"), s("Excluded"), s("Rules"), s("Version")}));
        QCOMPARE(fact(d, s("Key")), s("segment-key-123abc"));
        QCOMPARE(fact(d, s("Description")), s("Bundle our sample customers together"));
        QCOMPARE(fact(d, s("Tags")), s("testing"));
        // 1717000000000 ms is 2024-05-29T16:26:40Z; 500 s later for the modification.
        QCOMPARE(fact(d, s("Created")), s("5/29/2024 4:26 PM UTC"));
        QCOMPARE(fact(d, s("Modified")), s("5/29/2024 4:35 PM UTC"));
        QCOMPARE(fact(d, s("Type")), s("Standard segment"));
        QCOMPARE(fact(d, s("Included")), s("0"));
        QCOMPARE(fact(d, s("Excluded")), s("0"));
        QCOMPARE(fact(d, s("Rules")), s("1"));
        QCOMPARE(fact(d, s("Version")), s("1"));
        QCOMPARE(tree(section(d, s("Rules"))), (QStringList {s("Rule 1"), s("  email endsWith .edu")}));
        QVERIFY(!section(d, s("Targets"))); // both lists are empty
    }

    void sailPointDocumentedExample()
    {
        const SegmentDetails d = sailPoint.details({}, sailPointExample);
        QCOMPARE(d.title, s("segment-xyz"));
        QCOMPARE(
            labels(d),
            (QStringList {s("Name"), s("ID"), s("Description"), s("Active"), s("Created"), s("Modified"), s("Owner")}));
        QCOMPARE(fact(d, s("ID")), s("0f11f2a4-7c94-4bf3-a2bd-742580fe3bde"));
        QCOMPARE(fact(d, s("Active")), s("Yes"));
        QCOMPARE(fact(d, s("Created")), s("1/1/2020 12:00 AM UTC"));
        QCOMPARE(fact(d, s("Owner")), s("support"));
        QCOMPARE(tree(section(d, s("Owner"))),
                 (QStringList {s("Name: support"), s("Type: IDENTITY"), s("ID: 2c9180a46faadee4016fb4e018c20639")}));
        QCOMPARE(tree(section(d, s("Visibility criteria"))), QStringList {s("location equals \"Austin\"")});
    }

    void batchDocumentedExample()
    {
        const SegmentDetails d = batch.details({}, batchExample);
        QCOMPARE(d.title, s("Segment name"));
        QCOMPARE(labels(d), (QStringList {s("Name"), s("Code"), s("Created"), s("Modified")}));
        QCOMPARE(fact(d, s("Code")), s("SEGMENT-CODE"));
        QCOMPARE(fact(d, s("Created")), s("1/1/2026 12:00 AM UTC"));
        QCOMPARE(fact(d, s("Modified")), s("1/1/2026 12:00 AM UTC"));
        QVERIFY(d.sections.isEmpty());
    }

    void amperityDocumentedExample()
    {
        const SegmentDetails d = amperity.details({}, amperityExample);
        QCOMPARE(d.title, s("Holiday Segment"));
        QCOMPARE(labels(d), (QStringList {s("Name"), s("ID")})); // the example has no status
        QCOMPARE(fact(d, s("ID")), s("ab-1CDEfGHI"));
        QJsonObject withStatus = amperityExample;
        withStatus.insert(QStringLiteral("status"), QStringLiteral("active"));
        QCOMPARE(fact(amperity.details({}, withStatus), s("Status")), s("active"));
    }

    // ---- LaunchDarkly's rules, targets and big segments ----

    void launchDarklyClauses()
    {
        const SegmentDetails d = launchDarkly.details({}, object(R"({"key": "k", "name": "N", "rules": [
          {"clauses": [{"attribute": "country", "op": "in", "values": ["fr", "de"], "negate": false}]},
          {"description": "Staff, not partners", "clauses": [
             {"attribute": "email", "op": "endsWith", "values": ["@x.com"], "negate": true, "contextKind": "user"},
             {"attribute": "segmentMatch", "op": "segmentMatch", "values": ["beta-testers"], "negate": false},
             {"attribute": "key", "op": "in", "values": ["acme", "Paris, TX", " pad", ""], "negate": false,
              "contextKind": "organization"}],
           "weight": 45123, "bucketBy": "key", "rolloutContextKind": "user"},
          {"clauses": [{"attribute": "age", "op": "greaterThan", "values": [21, 30.5], "negate": false},
                       {"attribute": "signup", "op": "before", "values": [1700000000000], "negate": true}],
           "weight": 50000},
          {"clauses": []}
        ]})"));
        QCOMPARE(fact(d, s("Rules")), s("4"));
        QCOMPARE(tree(section(d, s("Rules"))),
                 (QStringList {
                     s("Rule 1"),
                     s("  country in fr, de"),
                     s("Rule 2: Staff, not partners (all of these)"),
                     s("  not email endsWith @x.com"),
                     s("  segmentMatch beta-testers"),
                     s("  key in acme, \"Paris, TX\", \" pad\", \"\" (organization context)"),
                     s("  Rollout: 45.123% of user contexts, bucketed by key"),
                     s("Rule 3 (all of these)"),
                     s("  age greaterThan 21, 30.5"),
                     s("  not signup before 11/14/2023 10:13 PM UTC"),
                     s("  Rollout: 50% of contexts"),
                     s("Rule 4"),
                     s("  No clauses: every context matches"),
                 }));
    }

    void launchDarklyTargets()
    {
        QJsonArray many;
        for (int i = 1; i <= 25; ++i)
            many.append(QStringLiteral("user-%1").arg(i));
        QJsonObject record = object(R"({"key": "k", "name": "N", "excluded": ["bad-user"],
          "includedContexts": [{"contextKind": "organization", "values": ["org-1", "org-2"]}],
          "excludedContexts": [{"contextKind": "device", "values": []}]})");
        record.insert(QStringLiteral("included"), many);
        const SegmentDetails d = launchDarkly.details({}, record);
        QCOMPARE(fact(d, s("Included")), s("27")); // 25 keys and 2 organization contexts
        QCOMPARE(fact(d, s("Excluded")), s("1"));
        const QStringList lines = tree(section(d, s("Targets")));
        QCOMPARE(lines.first(), s("Included (25)"));
        QCOMPARE(lines.at(1), s("  user-1"));
        QCOMPARE(lines.at(20), s("  user-20"));
        // Twenty are listed; the rest are counted, not dropped silently.
        QCOMPARE(lines.at(21), s("  … and 5 more (all are in the JSON)"));
        QCOMPARE(lines.mid(22),
                 (QStringList {s("Excluded (1)"), s("  bad-user"), s("Included organization contexts (2)"),
                               s("  org-1"), s("  org-2")}));
    }

    void countsSpellOutOneAndMany()
    {
        // No translation is loaded: "1 flag", never "1 flag(s)"; "1 more" and "1,200" as the locale writes them.
        QJsonObject record = object(R"({"key": "k", "name": "N", "_flags": [{"key": "f1", "name": "F1"}]})");
        QCOMPARE(tree(section(launchDarkly.details({}, record), s("Flags using this segment"))),
                 (QStringList {s("1 flag"), s("  F1 (f1)")}));
        QJsonArray flags;
        QJsonArray keys;
        for (int i = 1; i <= 1221; ++i) {
            flags.append(QJsonObject {{QStringLiteral("key"), QStringLiteral("f%1").arg(i)}});
            keys.append(QStringLiteral("user-%1").arg(i));
        }
        record.insert(QStringLiteral("_flags"), flags);
        record.insert(QStringLiteral("included"), QJsonArray(keys));
        const SegmentDetails d = launchDarkly.details({}, record);
        const QStringList flagLines = tree(section(d, s("Flags using this segment")));
        QCOMPARE(flagLines.first(), QStringLiteral("%1 flags").arg(QLocale().toString(1221)));
        QCOMPARE(flagLines.last(),
                 QStringLiteral("  … and %1 more (all are in the JSON)").arg(QLocale().toString(1201)));
        keys = QJsonArray();
        for (int i = 1; i <= 21; ++i)
            keys.append(QStringLiteral("user-%1").arg(i));
        record.insert(QStringLiteral("included"), keys);
        QCOMPARE(tree(section(launchDarkly.details({}, record), s("Targets"))).at(21),
                 s("  … and 1 more (all are in the JSON)"));
    }

    void launchDarklyBigSegment()
    {
        QJsonObject record = object(R"({"key": "big", "name": "Big one",
          "unbounded": true, "unboundedContextKind": "user", "generation": 3, "version": 7, "deleted": true,
          "_importInProgress": true, "rules": [], "tags": [],
          "_unboundedMetadata": {"includedCount": 20000, "excludedCount": 12}, "_external": "amplitude"})");
        // Outside the raw string: moc reads a double slash in one as the start of a comment.
        record.insert(QStringLiteral("_externalLink"),
                      QStringLiteral("https://analytics.amplitude.com/org/1234/cohort/123abc"));
        const SegmentDetails d = launchDarkly.details({}, record);
        QCOMPARE(fact(d, s("Type")), s("Big segment (unbounded)"));
        QCOMPARE(fact(d, s("Context kind")), s("user"));
        QCOMPARE(fact(d, s("Included")), s("20,000"));
        QCOMPARE(fact(d, s("Excluded")), s("12"));
        QCOMPARE(fact(d, s("Generation")), s("3"));
        QCOMPARE(fact(d, s("Deleted")), s("Yes"));
        QCOMPARE(fact(d, s("Import in progress")), s("Yes"));
        QCOMPARE(fact(d, s("Synced from")), s("amplitude"));
        QCOMPARE(fact(d, s("External link")), s("https://analytics.amplitude.com/org/1234/cohort/123abc"));
        QCOMPARE(fact(d, s("Rules")), s("0"));
        QVERIFY(fact(d, s("Tags")).isNull()); // no tags, no empty row
        QVERIFY(d.sections.isEmpty());
    }

    void launchDarklyWebUrl()
    {
        test::SandboxRig rig;
        const Profile profile = rig.profile(QStringLiteral("launchdarkly"));
        const QJsonObject record = rig.server.record(QStringLiteral("launchdarkly"), 0);
        const QString key = record.value(QStringLiteral("key")).toString();
        QVERIFY(!key.isEmpty());
        QUrl expected = rig.server.rootUrl();
        expected.setPath(QStringLiteral("/projects/") + profile.param(LaunchDarklyApi::projectKey)
                         + QStringLiteral("/segments/") + key + QStringLiteral("/targeting"));
        expected.setQuery(QStringLiteral("env=") + profile.param(LaunchDarklyApi::environmentKey));
        QCOMPARE(launchDarkly.webUrl(profile, record), expected);
        // No key, no page.
        QVERIFY(launchDarkly.webUrl(profile, {}).isEmpty());
        // The other vendors document no web app address.
        for (const QString &vendor : {QStringLiteral("batch"), QStringLiteral("amperity"), QStringLiteral("sailpoint")})
            QVERIFY(vendorById(vendor)->webUrl(rig.profile(vendor), rig.server.record(vendor, 0)).isEmpty());
    }

    // ---- SailPoint's owner and criteria ----

    void sailPointCriteriaTree()
    {
        const SegmentDetails d = sailPoint.details({}, object(R"({"id": "x", "name": "N", "owner": null,
          "visibilityCriteria": {"expression": {"operator": "AND", "attribute": null, "value": null, "children": [
            {"operator": "EQUALS", "attribute": "department", "value": {"type": "STRING", "value": "Sales, EMEA"},
             "children": null},
            {"operator": "EQUALS", "attribute": "title", "value": {"type": "STRING", "value": ""}, "children": null},
            {"operator": "EQUALS", "attribute": "level", "value": {"type": "INTEGER", "value": "3"}},
            {"operator": "EQUALS", "attribute": "location", "value": null}
          ]}}})"));
        QCOMPARE(fact(d, s("Active")), s("No")); // the schema's default
        QVERIFY(fact(d, s("Owner")).isNull());
        QCOMPARE(tree(section(d, s("Owner"))), QStringList {s("No owner")});
        QCOMPARE(tree(section(d, s("Visibility criteria"))),
                 (QStringList {s("All of these"), s("  department equals \"Sales, EMEA\""), s("  title equals \"\""),
                               s("  level equals 3 (INTEGER)"), s("  location equals (no value)")}));
    }

    // ---- the sandbox's records ----

    void sandboxRecords_data() { vendorRows(); }

    void sandboxRecords()
    {
        QFETCH(QString, vendor);
        test::SandboxRig rig;
        const VendorApi *api = vendorById(vendor);
        const Profile profile = rig.profile(vendor);
        for (int i = 0; i < 300; ++i) {
            const QJsonObject record = rig.server.record(vendor, i);
            const SegmentDetails d = api->details(profile, record);
            const QString key = api->recordKey(record);
            QVERIFY(!key.isEmpty());
            QVERIFY2(!d.title.trimmed().isEmpty(), qPrintable(key));
            // The key is always among the facts, whatever the vendor calls it.
            bool hasKey = false;
            for (const DetailFact &f : d.facts) {
                QVERIFY2(!f.label.isEmpty() && !f.value.isEmpty(), qPrintable(key + QLatin1Char(' ') + f.label));
                hasKey = hasKey || f.value == key;
            }
            QVERIFY2(hasKey, qPrintable(key));
        }
    }

    void sandboxLaunchDarklyRulesMatchTheRecord()
    {
        test::SandboxRig rig;
        int withRules = 0;
        int big = 0;
        for (int i = 0; i < 200; ++i) {
            const QJsonObject record = rig.server.record(QStringLiteral("launchdarkly"), i);
            const SegmentDetails d = launchDarkly.details({}, record);
            const QJsonArray rules = record.value(QStringLiteral("rules")).toArray();
            QCOMPARE(fact(d, s("Rules")), QString::number(rules.size()));
            if (record.value(QStringLiteral("unbounded")).toBool()) {
                ++big;
                QCOMPARE(fact(d, s("Type")), s("Big segment (unbounded)"));
                QCOMPARE(fact(d, s("Context kind")), s("user"));
            } else {
                QCOMPARE(fact(d, s("Included")),
                         QString::number(record.value(QStringLiteral("included")).toArray().size()));
            }
            if (rules.isEmpty()) {
                QVERIFY(!section(d, s("Rules")));
                continue;
            }
            ++withRules;
            const DetailSection *sec = section(d, s("Rules"));
            QVERIFY(sec);
            QCOMPARE(sec->nodes.size(), rules.size());
            for (qsizetype r = 0; r < rules.size(); ++r) {
                const QJsonObject rule = rules.at(r).toObject();
                const QJsonArray clauses = rule.value(QStringLiteral("clauses")).toArray();
                const DetailNode &node = sec->nodes.at(r);
                QVERIFY(node.text.startsWith(QStringLiteral("Rule %1").arg(r + 1)));
                QCOMPARE(node.children.size(), clauses.size() + (rule.contains(QStringLiteral("weight")) ? 1 : 0));
                for (qsizetype c = 0; c < clauses.size(); ++c) {
                    const QJsonObject clause = clauses.at(c).toObject();
                    const QJsonArray values = clause.value(QStringLiteral("values")).toArray();
                    // A true/false test reads "beta is true"; every other clause "attribute op values".
                    const bool isTest = clause.value(QStringLiteral("op")).toString() == QLatin1String("in")
                        && values.size() == 1 && values.first().isBool();
                    const QString expected = clause.value(QStringLiteral("attribute")).toString() + QLatin1Char(' ')
                        + (isTest ? (values.first().toBool() ? s("is true") : s("is false"))
                                  : clause.value(QStringLiteral("op")).toString() + QLatin1Char(' '));
                    const QString prefix = clause.value(QStringLiteral("negate")).toBool() ? s("not ") : QString();
                    QVERIFY2(node.children.at(c).text.startsWith(prefix + expected),
                             qPrintable(node.children.at(c).text));
                }
            }
        }
        // The sample covers both kinds the pane must read.
        QVERIFY(withRules > 50);
        QVERIFY(big > 5);
    }

    void sandboxSailPointCriteriaMatchTheRecord()
    {
        test::SandboxRig rig;
        int groups = 0;
        for (int i = 0; i < 200; ++i) {
            const QJsonObject record = rig.server.record(QStringLiteral("sailpoint"), i);
            const SegmentDetails d = sailPoint.details({}, record);
            const QStringList lines = tree(section(d, s("Visibility criteria")));
            const QJsonObject expression = record.value(QStringLiteral("visibilityCriteria"))
                                               .toObject()
                                               .value(QStringLiteral("expression"))
                                               .toObject();
            const QJsonArray children = expression.value(QStringLiteral("children")).toArray();
            if (expression.isEmpty()) {
                QCOMPARE(lines, QStringList {s("None")});
            } else if (expression.value(QStringLiteral("operator")).toString() == QLatin1String("AND")) {
                ++groups;
                QCOMPARE(lines.size(), 1 + children.size());
                QCOMPARE(lines.first(), s("All of these"));
                for (qsizetype c = 0; c < children.size(); ++c) {
                    const QJsonObject child = children.at(c).toObject();
                    QCOMPARE(lines.at(c + 1),
                             QStringLiteral("  %1 equals \"%2\"")
                                 .arg(child.value(QStringLiteral("attribute")).toString(),
                                      child.value(QStringLiteral("value"))
                                          .toObject()
                                          .value(QStringLiteral("value"))
                                          .toString()));
                }
            } else {
                QCOMPARE(lines.size(), 1);
                QVERIFY(lines.first().contains(QStringLiteral(" equals \"")));
            }
            const QJsonObject owner = record.value(QStringLiteral("owner")).toObject();
            QCOMPARE(fact(d, s("Owner")), owner.isEmpty() ? QString() : owner.value(QStringLiteral("name")).toString());
            // SailPoint sends microseconds and offsets; every one of them reads as a date.
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+/\\d+/20\\d\\d \\d+:\\d\\d [AP]M UTC$"))
                         .match(fact(d, s("Created")))
                         .hasMatch(),
                     qPrintable(fact(d, s("Created"))));
        }
        QVERIFY(groups > 20);
    }

    // A few sandbox records in full: the generator is a pure function of the index, so these are fixed.
    void knownSandboxRecords()
    {
        test::SandboxRig rig;
        const QString ld = QStringLiteral("launchdarkly");
        const SegmentDetails rollout = launchDarkly.details(rig.profile(ld), rig.server.record(ld, 4));
        QCOMPARE(rollout.title, s("مستخدمون جدد #5"));
        QCOMPARE(fact(rollout, s("Key")), s("newsletter-0004"));
        QCOMPARE(fact(rollout, s("Tags")), s("team.growth, mobile"));
        QCOMPARE(tree(section(rollout, s("Rules"))),
                 (QStringList {s("Rule 1 (all of these)"), s("  beta is true"),
                               s("  signupDate before 11/14/2023 10:13 PM UTC"),
                               s("  Rollout: 25.298% of user contexts, bucketed by key")}));
        QCOMPARE(tree(section(rollout, s("Targets"))), (QStringList {s("Excluded (1)"), s("  user-a732a7ae")}));

        const SegmentDetails synced = launchDarkly.details(rig.profile(ld), rig.server.record(ld, 5));
        QCOMPARE(labels(synced),
                 (QStringList {s("Name"), s("Key"), s("Description"), s("Tags"), s("Created"), s("Modified"), s("Type"),
                               s("Context kind"), s("Synced from"), s("External link"), s("Rules"), s("Version"),
                               s("Generation")}));
        QCOMPARE(fact(synced, s("Description")), s("Multi-line\ndescription with\nthree lines"));
        QCOMPARE(fact(synced, s("Type")), s("Big segment (unbounded)"));
        QCOMPARE(fact(synced, s("Synced from")), s("amplitude"));
        QCOMPARE(fact(synced, s("Generation")), s("4"));

        const QString sp = QStringLiteral("sailpoint");
        const SegmentDetails group = sailPoint.details(rig.profile(sp), rig.server.record(sp, 1));
        QCOMPARE(group.title, s("Enterprise admins #2"));
        QCOMPARE(fact(group, s("Active")), s("Yes"));
        QCOMPARE(fact(group, s("Created")), s("9/28/2020 1:22 PM UTC"));
        QCOMPARE(tree(section(group, s("Owner"))),
                 (QStringList {s("Name: support"), s("Type: IDENTITY"), s("ID: d23af0dbb09e4e4b8a6d5d431f81583b")}));
        QCOMPARE(tree(section(group, s("Visibility criteria"))),
                 (QStringList {s("All of these"), s("  cloudLifecycleState equals \"Tel Aviv / תל אביב\""),
                               s("  location equals \"Austin\""), s("  company equals \"active\"")}));
        const SegmentDetails single = sailPoint.details(rig.profile(sp), rig.server.record(sp, 5));
        QCOMPARE(fact(single, s("Owner")), s("=cmd|' /C calc'!A0"));
        QCOMPARE(tree(section(single, s("Visibility criteria"))), QStringList {s("title equals \"Austin\"")});
        const SegmentDetails ownerless = sailPoint.details(rig.profile(sp), rig.server.record(sp, 3));
        QCOMPARE(tree(section(ownerless, s("Owner"))), QStringList {s("No owner")});
    }

    // ---- missing and odd fields ----

    void emptyRecords_data() { vendorRows(); }

    void emptyRecords()
    {
        QFETCH(QString, vendor);
        const SegmentDetails d = vendorById(vendor)->details({}, {});
        QCOMPARE(d.title, s("Unnamed segment"));
        for (const DetailFact &f : d.facts)
            QVERIFY2(!f.value.isEmpty(), qPrintable(f.label));
    }

    void oddLaunchDarklyFields()
    {
        const SegmentDetails d = launchDarkly.details({}, object(R"({"key": "  ", "name": 5, "tags": "solo",
          "creationDate": "not a date", "lastModifiedDate": null, "rules": {"clauses": []},
          "included": "everyone", "excluded": [1, true, null],
          "includedContexts": [42, {"contextKind": "org"}],
          "futureField": {"nested": [1, 2]}})"));
        QCOMPARE(d.title, s("Unnamed segment")); // neither name nor key has any text
        QCOMPARE(fact(d, s("Tags")), s("solo"));
        QCOMPARE(fact(d, s("Created")), s("not a date")); // the vendor's text, not a blank
        QVERIFY(fact(d, s("Modified")).isNull());
        QVERIFY(fact(d, s("Rules")).isNull());
        QCOMPARE(fact(d, s("Excluded")), s("3"));
        // A field LaunchDarkly adds later still shows, under its own name.
        QCOMPARE(fact(d, s("futureField")), s("{\"nested\":[1,2]}"));
        QCOMPARE(tree(section(d, s("Targets"))),
                 (QStringList {s("Excluded (3)"), s("  1"), s("  true"), s("  (empty)")}));

        const SegmentDetails clauses = launchDarkly.details({}, object(R"({"key": "k", "rules": [
          {"clauses": [{}, {"op": "in"}, {"attribute": "a", "op": "in", "values": "x"}, 7]}, "junk"]})"));
        QCOMPARE(tree(section(clauses, s("Rules"))),
                 (QStringList {s("Rule 1 (all of these)"), s("  (empty clause)"), s("  in"), s("  a in x"),
                               s("  (empty clause)"), s("Rule 2"), s("  No clauses: every context matches")}));
    }

    void oddSailPointFields()
    {
        const SegmentDetails d = sailPoint.details({}, object(R"({"id": "x", "created": "2020-13-45T99:00:00Z",
          "modified": "2021-06-01T12:00:00", "active": "yes", "owner": {"type": "IDENTITY", "id": "o-1"},
          "visibilityCriteria": {"expression": {"operator": "NOT", "attribute": "dept",
                                 "value": {"value": "x"}, "children": ["oops", {"operator": "AND"}]}}})"));
        QCOMPARE(d.title, s("x"));
        QCOMPARE(fact(d, s("Created")), s("2020-13-45T99:00:00Z"));
        // Without a zone the time is not known; the text is shown as sent rather than guessed at.
        QCOMPARE(fact(d, s("Modified")), s("2021-06-01T12:00:00"));
        QCOMPARE(fact(d, s("Active")), s("No"));
        QCOMPARE(fact(d, s("Owner")), s("o-1"));
        QCOMPARE(tree(section(d, s("Owner"))), (QStringList {s("Type: IDENTITY"), s("ID: o-1")}));
        QCOMPARE(tree(section(d, s("Visibility criteria"))),
                 (QStringList {s("dept NOT \"x\""), s("  (no operator)"), s("  All of these")}));

        const SegmentDetails noExpression =
            sailPoint.details({}, object(R"({"id": "y", "visibilityCriteria": {"expression": "EQUALS"}})"));
        QCOMPARE(tree(section(noExpression, s("Visibility criteria"))), QStringList {s("None")});
    }

    void oddBatchAndAmperityFields()
    {
        const SegmentDetails b = batch.details({}, object(R"({"code": "C-1", "display_name": "",
          "created_at": 1767225600, "updated_at": "yesterday", "count": 4})"));
        QCOMPARE(b.title, s("C-1"));
        QVERIFY(!fact(b, s("Created")).isEmpty());
        QVERIFY(fact(b, s("Name")).isNull());
        QCOMPARE(fact(b, s("Modified")), s("yesterday"));
        QCOMPARE(fact(b, s("count")), s("4"));
        const SegmentDetails a = amperity.details({}, object(R"({"id": "", "name": "", "status": null})"));
        QCOMPARE(a.title, s("Unnamed segment"));
        QVERIFY(a.facts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDetails)
#include "tst_details.moc"
