// The sandbox's demo data set (segment-browser --demo, segment-sandbox --data demo): plausible
// names, codes, keys and dates for every vendor, the same records as the faults data set, which
// itself stays exactly what the other tests were written against.

#include "tst_sandbox_http.h"

#include "sandbox/datagen.h"
#include "sandbox/sandboxserver.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace sb;
using namespace sb::datagen;
using namespace sbtest;

namespace {

constexpr int kCount = 2000;

const QString kProject = QStringLiteral("default");
const QString kEnvironment = QStringLiteral("production");

QJsonObject record(Vendor vendor, int index, int epoch)
{
    switch (vendor) {
    case Vendor::Batch:
        return batchSegment(index, epoch);
    case Vendor::LaunchDarkly:
        return launchDarklySegment(index, epoch, kProject, kEnvironment);
    case Vendor::Amperity:
        return amperitySegment(index, epoch);
    case Vendor::SailPoint:
        break;
    }
    return sailPointSegment(index, epoch);
}

QString nameOf(Vendor vendor, const QJsonObject &segment)
{
    return segment.value(vendor == Vendor::Batch ? QStringLiteral("display_name") : QStringLiteral("name")).toString();
}

// A clause as the details pane shows it: "country in FR, DE".
QString clauseText(const QJsonObject &clause)
{
    QStringList values;
    for (const QJsonValue &value : clause.value(QStringLiteral("values")).toArray())
        values.append(value.isString()
                          ? value.toString()
                          : QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)));
    return clause.value(QStringLiteral("attribute")).toString() + QLatin1Char(' ')
        + clause.value(QStringLiteral("op")).toString() + QLatin1Char(' ') + values.join(QStringLiteral(", "));
}

// Every text a user reads in the record besides its name: description, owner, tags, rules and
// their descriptions, visibility criteria, code or key.
QStringList textsOf(Vendor vendor, const QJsonObject &segment)
{
    QStringList texts {nameOf(vendor, segment)};
    for (const char *field : {"description", "code", "key"}) {
        if (segment.contains(QLatin1String(field)))
            texts.append(segment.value(QLatin1String(field)).toString());
    }
    for (const QJsonValue &tag : segment.value(QStringLiteral("tags")).toArray())
        texts.append(tag.toString());
    for (const QJsonValue &rule : segment.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject r = rule.toObject();
        if (r.contains(QStringLiteral("description")))
            texts.append(r.value(QStringLiteral("description")).toString());
        for (const QJsonValue &clause : r.value(QStringLiteral("clauses")).toArray())
            texts.append(clauseText(clause.toObject()));
    }
    const QJsonObject owner = segment.value(QStringLiteral("owner")).toObject();
    if (owner.contains(QStringLiteral("name")))
        texts.append(owner.value(QStringLiteral("name")).toString());
    // SailPoint's criteria: the expression and its children.
    const QJsonObject expression =
        segment.value(QStringLiteral("visibilityCriteria")).toObject().value(QStringLiteral("expression")).toObject();
    QList<QJsonObject> comparisons {expression};
    for (const QJsonValue &child : expression.value(QStringLiteral("children")).toArray())
        comparisons.append(child.toObject());
    for (const QJsonObject &comparison : comparisons) {
        if (comparison.value(QStringLiteral("attribute")).isString())
            texts.append(comparison.value(QStringLiteral("attribute")).toString());
        const QJsonObject value = comparison.value(QStringLiteral("value")).toObject();
        if (value.contains(QStringLiteral("value")))
            texts.append(value.value(QStringLiteral("value")).toString());
    }
    return texts;
}

// Latin-1 without control characters, and the few marks Debian's default fonts draw as well.
bool drawable(const QString &text)
{
    static const QString marks = QString::fromUtf8("—–·’“”€…");
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u <= 0xFF) || marks.contains(c);
    });
}

// A timestamp of any of the vendors' spellings, in seconds since the epoch (UTC).
qint64 secondsOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger() / 1000;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toSecsSinceEpoch() : -1;
}

QPair<QString, QString> dateFields(Vendor vendor)
{
    switch (vendor) {
    case Vendor::Batch:
        return {QStringLiteral("created_at"), QStringLiteral("updated_at")};
    case Vendor::LaunchDarkly:
        return {QStringLiteral("creationDate"), QStringLiteral("lastModifiedDate")};
    case Vendor::SailPoint:
        return {QStringLiteral("created"), QStringLiteral("modified")};
    case Vendor::Amperity:
        break;
    }
    return {};
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setDataSet(DataSet::Demo); }
    void cleanupTestCase() { setDataSet(DataSet::Faults); }

    void dataSetNames()
    {
        QVERIFY(dataSetNamed(u"demo") == DataSet::Demo);
        QVERIFY(dataSetNamed(u"faults") == DataSet::Faults);
        QVERIFY(!dataSetNamed(u"Demo").has_value());
        QVERIFY(!dataSetNamed(u"").has_value());
        QCOMPARE(dataSetName(DataSet::Demo), QStringLiteral("demo"));
        QCOMPARE(dataSetName(DataSet::Faults), QStringLiteral("faults"));
    }

    // The faults data set gives the very values it gave before the demo existed.
    void faultsUnchanged()
    {
        setDataSet(DataSet::Faults);
        const QJsonObject batch = batchSegment(0);
        const QString ldName = launchDarklyName(5);
        const QString ldKey = launchDarklyKey(2);
        const QJsonObject amperity = amperitySegment(0, 0);
        const int back = batchIndexOf(QStringLiteral("EU_USERS-0001"));
        setDataSet(DataSet::Demo);
        QCOMPARE(batch,
                 (QJsonObject {{QStringLiteral("code"), QStringLiteral("HOLIDAY_2024-0000")},
                               {QStringLiteral("created_at"), QStringLiteral("2023-03-07T11:33:45Z")},
                               {QStringLiteral("display_name"), QStringLiteral("The \"power\" users #1")},
                               {QStringLiteral("updated_at"), QStringLiteral("2023-12-21T01:33:25Z")}}));
        QCOMPARE(ldName, QString::fromUtf8("משתמשי בטא #6"));
        QCOMPARE(ldKey, QStringLiteral("vip-customers-0002"));
        QCOMPARE(amperity,
                 (QJsonObject {{QStringLiteral("id"), QStringLiteral("gc-GNBaEs94")},
                               {QStringLiteral("name"), QStringLiteral("First-time visitors #1")},
                               {QStringLiteral("status"), QStringLiteral("inactive")}}));
        QCOMPARE(back, 1);
        // And the demo is another data set.
        QVERIFY(batchSegment(0) != batch);
        QVERIFY(launchDarklyName(5) != ldName);
    }

    void namesUnique_data()
    {
        QTest::addColumn<Vendor>("vendor");
        QTest::newRow("batch") << Vendor::Batch;
        QTest::newRow("launchdarkly") << Vendor::LaunchDarkly;
        QTest::newRow("amperity") << Vendor::Amperity;
        QTest::newRow("sailpoint") << Vendor::SailPoint;
    }
    // Unique for the first 5,000 at epoch 0; the segments added later have names of their own.
    void namesUnique()
    {
        QFETCH(Vendor, vendor);
        QSet<QString> names;
        for (int i = 0; i < 5000; ++i) {
            const QString name = nameOf(vendor, record(vendor, i, 0));
            QVERIFY2(!names.contains(name), qPrintable(QStringLiteral("%1 repeats at %2").arg(name).arg(i)));
            names.insert(name);
        }
        for (int e = 1; e <= kMaxEpoch; ++e) {
            for (int j = 0; j < addedPerEpoch(kCount); ++j) {
                const QString name = nameOf(vendor, record(vendor, addedIndex(e, j), e));
                QVERIFY2(!names.contains(name), qPrintable(name));
                names.insert(name);
            }
        }
        // Past the pools' product a name comes back, discreetly marked.
        QVERIFY(nameOf(vendor, record(vendor, 40000, 0)).contains(QRegularExpression(QStringLiteral(" \\(\\d+\\)"))));
    }

    void texts_data() { namesUnique_data(); }
    // What the window shows: Latin-1 text, nothing a spreadsheet would run, no HTML, no counters.
    void texts()
    {
        QFETCH(Vendor, vendor);
        const QRegularExpression counter(QStringLiteral("#\\d"));
        const QRegularExpression tag(QStringLiteral("<[A-Za-z/!]"));
        const QRegularExpression paddedTail(QStringLiteral("[-_]0[0-9A-Za-z]{3}$"));
        int checked = 0;
        for (int e = 0; e <= kMaxEpoch; ++e) {
            for (const int i : listing(kCount, e)) {
                const QJsonObject segment = record(vendor, i, e);
                const QString name = nameOf(vendor, segment);
                QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
                QVERIFY2(!name.contains(counter), qPrintable(name));
                QVERIFY2(!name.contains(QLatin1String("epoch"), Qt::CaseInsensitive), qPrintable(name));
                for (const char *field : {"code", "key"})
                    QVERIFY2(!segment.value(QLatin1String(field)).toString().contains(paddedTail), qPrintable(name));
                for (const QString &text : textsOf(vendor, segment)) {
                    const QString where = QStringLiteral("%1 (segment %2, epoch %3)").arg(text).arg(i).arg(e);
                    QVERIFY2(drawable(text), qPrintable(where));
                    QVERIFY2(text.isEmpty() || !QStringLiteral("=+-@").contains(text.at(0)), qPrintable(where));
                    QVERIFY2(!text.contains(tag), qPrintable(where));
                    QVERIFY2(text == text.trimmed(), qPrintable(where));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > kCount);
    }

    void dates_data()
    {
        QTest::addColumn<Vendor>("vendor");
        QTest::newRow("batch") << Vendor::Batch;
        QTest::newRow("launchdarkly") << Vendor::LaunchDarkly;
        QTest::newRow("sailpoint") << Vendor::SailPoint;
    }
    // Office hours between 2021 and the end of November 2026, never a midnight; later epochs after.
    void dates()
    {
        QFETCH(Vendor, vendor);
        const auto [createdField, modifiedField] = dateFields(vendor);
        const qint64 first = QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 lastCreated = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 lastModified = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        int recent = 0;
        for (int e = 0; e <= kMaxEpoch; ++e) {
            for (const int i : listing(kCount, e)) {
                const QJsonObject segment = record(vendor, i, e);
                const qint64 created = secondsOf(segment.value(createdField));
                const qint64 modified = secondsOf(segment.value(modifiedField));
                const QString where = QStringLiteral("segment %1, epoch %2").arg(i).arg(e);
                QVERIFY2(created > 0 && modified > 0, qPrintable(where));
                QVERIFY2(created % 86400 != 0 && modified % 86400 != 0, qPrintable(where));
                QVERIFY2(modified >= created, qPrintable(where));
                if (e == 0) {
                    QVERIFY2(created >= first && created < lastCreated, qPrintable(where));
                    QVERIFY2(modified < lastModified, qPrintable(where));
                    recent += modified >= lastModified - 60 * 86400 ? 1 : 0;
                }
            }
        }
        QVERIFY2(recent > kCount / 4, qPrintable(QString::number(recent))); // many modified lately
    }

    // Batch's cursor finds a segment back by its code, the demo's codes too.
    void batchCodes()
    {
        const QRegularExpression shape(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
        QSet<QString> codes;
        for (int e = 0; e <= kMaxEpoch; ++e) {
            for (const int i : listing(kCount, e)) {
                const QString code = batchSegment(i).value(QStringLiteral("code")).toString();
                QVERIFY2(code.contains(shape), qPrintable(code));
                QCOMPARE(batchIndexOf(code), i);
                codes.insert(code);
            }
        }
        QCOMPARE(batchSegment(3).value(QStringLiteral("code")).toString(),
                 batchSegment(3, 5).value(QStringLiteral("code")).toString());
        for (const int i : {4999, 7019, 7020, 7021, 40000, 1999999})
            QCOMPARE(batchIndexOf(batchSegment(i).value(QStringLiteral("code")).toString()), i);
        for (const QString &wrong : {QString(), QStringLiteral("_"), QStringLiteral("NOPE"), QStringLiteral("NOPE_2"),
                                     QStringLiteral("HOLIDAY_2024-0000")})
            QCOMPARE(batchIndexOf(wrong), -1);
        const QString some = *codes.constBegin();
        QCOMPARE(batchIndexOf(some + QStringLiteral("_1")), -1);
        QCOMPARE(batchIndexOf(some + QStringLiteral("_0")), -1);
    }

    // LaunchDarkly keys: unique, valid, made from the name; every scope's, added and staging's own too.
    void launchDarklyKeys()
    {
        const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
        QSet<QString> keys;
        QSet<int> seen;
        const auto take = [&](int index) {
            if (seen.contains(index))
                return;
            seen.insert(index);
            const QString key = launchDarklyKey(index);
            QVERIFY2(key.contains(valid), qPrintable(key));
            QVERIFY2(!keys.contains(key), qPrintable(key));
            keys.insert(key);
        };
        for (int i = 0; i < 5000; ++i)
            take(i);
        for (int e = 0; e <= kMaxEpoch; ++e) {
            for (const LdProject &project : launchDarklyProjects()) {
                for (const LdEnvironment &environment : project.environments) {
                    for (const int i : launchDarklyScopeListing(project.key, environment.key, kCount, e))
                        take(i);
                }
            }
        }
        QCOMPARE(launchDarklyKey(0),
                 launchDarklyScopeSegment(0, 3, kProject, kEnvironment).value(QStringLiteral("key")).toString());
        // The key spells the name: "beta-testers-fr-ios" for "Beta testers (FR, iOS)".
        for (int i = 0; i < 200; ++i) {
            const QString stem =
                launchDarklyName(i).section(QString::fromUtf8(" — "), 0, 0).section(QStringLiteral(" ("), 0, 0);
            const QString slug = stem.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
            QVERIFY2(launchDarklyKey(i).startsWith(slug.left(4)),
                     qPrintable(launchDarklyKey(i) + QLatin1Char(' ') + stem));
        }
        // The flags use segments that exist.
        QSet<QString> listed;
        for (int i = 0; i < kCount; ++i)
            listed.insert(launchDarklyKey(i));
        for (int flag = 0; flag < launchDarklyFlagCount(kCount); ++flag) {
            for (const QString &key : launchDarklyFlagSegments(flag, kEnvironment, kCount))
                QVERIFY2(listed.contains(key), qPrintable(key));
        }
    }

    // The same records as the faults set: the same fates and counts, a real rename is a new name.
    void sameRecords()
    {
        for (int e = 1; e <= kMaxEpoch; ++e) {
            for (int i = 0; i < 300; ++i) {
                if (fateAt(i, e) == Fate::Removed || !std::ranges::binary_search(listing(300, e - 1), i))
                    continue;
                for (const Vendor vendor : {Vendor::Batch, Vendor::LaunchDarkly, Vendor::Amperity, Vendor::SailPoint}) {
                    const QJsonObject before = record(vendor, i, e - 1);
                    const QJsonObject after = record(vendor, i, e);
                    const bool renamed = changedFields(vendor, i, e)
                                             .contains(vendor == Vendor::Batch ? QStringLiteral("display_name")
                                                                               : QStringLiteral("name"));
                    QCOMPARE(nameOf(vendor, before) != nameOf(vendor, after), renamed);
                    if (!recordChanges(vendor, i, e))
                        QCOMPARE(after, before);
                    for (const QString &field : changedFields(vendor, i, e))
                        QVERIFY2(before.value(field) != after.value(field), qPrintable(field));
                }
            }
        }
    }

    // A real server with the demo set, over HTTP from 127.0.0.1: Batch's whole list by its cursor.
    void sandboxServesDemo()
    {
        SandboxServer server;
        server.setDataSet(DataSet::Faults);
        server.setSegmentCount(250);
        server.prepareRecords(); // written out as faults, then dropped by the change of set
        server.setDataSet(DataSet::Demo);
        QCOMPARE(SandboxServer::dataSet(), DataSet::Demo);
        QVERIFY(server.listen());
        SandboxClient client(server);
        QString from;
        QStringList names;
        for (int page = 0; page < 10; ++page) {
            QString path = QStringLiteral("/2.11/segments/list?limit=100");
            if (!from.isEmpty())
                path += QStringLiteral("&from=") + QString::fromLatin1(QUrl::toPercentEncoding(from));
            const HttpResult reply = client.get(path, SandboxClient::batchAuth());
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.object();
            for (const QJsonValue &segment : body.value(QStringLiteral("segments")).toArray())
                names.append(segment.toObject().value(QStringLiteral("display_name")).toString());
            if (!body.value(QStringLiteral("has_more")).toBool())
                break;
            from = body.value(QStringLiteral("next_from")).toString();
        }
        QCOMPARE(names.size(), 250);
        QCOMPARE(names.first(), batchSegment(0).value(QStringLiteral("display_name")).toString());
        QVERIFY(!names.first().contains(QLatin1Char('#')));
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 250);
        QVERIFY(
            std::ranges::any_of(names, [](const QString &name) { return name.contains(QString::fromUtf8(" — ")); }));
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
