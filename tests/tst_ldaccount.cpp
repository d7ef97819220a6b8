// LaunchDarkly beyond one project and environment, against the sandbox over HTTP: discovering
// the projects and environments one token reaches, and which flags use each segment.

#include "net/accountwalk.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"
#include "sandbox/datagen.h"
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace sb;
using namespace sb::test;

namespace {

struct Discovered
{
    QList<ScopeGroup> groups;
    std::optional<Error> error;
};

Discovered discover(const Profile &profile, const QString &secret)
{
    ScopeDiscovery discovery(vendorById(profile.vendor), profile, secret);
    Discovered d;
    bool done = false;
    QObject::connect(&discovery, &ScopeDiscovery::finished, [&](const QList<ScopeGroup> &groups) {
        d.groups = groups;
        done = true;
    });
    QObject::connect(&discovery, &ScopeDiscovery::failed, [&](const Error &e) {
        d.error = e;
        done = true;
    });
    discovery.start();
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        d.error = Error::network(QStringLiteral("discovery did not end within 60 s"));
    return d;
}

struct Usage
{
    SegmentUsage usage;
    std::optional<Error> error;
};

Usage usageOf(const Profile &profile, const QString &secret)
{
    UsageWalk walk(vendorById(profile.vendor), profile, secret);
    Usage u;
    bool done = false;
    QObject::connect(&walk, &UsageWalk::finished, [&](const SegmentUsage &usage) {
        u.usage = usage;
        done = true;
    });
    QObject::connect(&walk, &UsageWalk::failed, [&](const Error &e) {
        u.error = e;
        done = true;
    });
    walk.start();
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        u.error = Error::network(QStringLiteral("the flags walk did not end within 60 s"));
    return u;
}

Profile inScope(Profile profile, const QString &project, const QString &environment)
{
    profile.params.insert(LaunchDarklyApi::projectKey, project);
    profile.params.insert(LaunchDarklyApi::environmentKey, environment);
    return profile;
}

} // namespace

class TestLdAccount final : public QObject
{
    Q_OBJECT

private slots:
    void discoversEveryProjectAndEnvironment_data()
    {
        QTest::addColumn<int>("pageCap");
        QTest::newRow("whole pages") << 0;
        QTest::newRow("one project a page") << 1;
    }

    void discoversEveryProjectAndEnvironment()
    {
        QFETCH(int, pageCap);
        SandboxRig rig;
        rig.server.setLdMaxPageSize(pageCap);
        const Discovered d =
            discover(rig.profile(QStringLiteral("launchdarkly")), rig.secret(QStringLiteral("launchdarkly")));
        QVERIFY2(!d.error, qPrintable(d.error ? d.error->toString() : QString()));

        const QList<datagen::LdProject> &expected = datagen::launchDarklyProjects();
        QCOMPARE(d.groups.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const ScopeGroup &group = d.groups.at(i);
            QCOMPARE(group.group.key, expected.at(i).key);
            QCOMPARE(group.group.name, expected.at(i).name);
            QVERIFY(group.complete);
            QCOMPARE(group.scopes.size(), expected.at(i).environments.size());
            for (qsizetype e = 0; e < group.scopes.size(); ++e) {
                QCOMPARE(group.scopes.at(e).key, expected.at(i).environments.at(e).key);
                QCOMPARE(group.scopes.at(e).name, expected.at(i).environments.at(e).name);
            }
        }
        // "preview" has more environments than a project embeds: they came from its own listing.
        QVERIFY(expected.constLast().environments.size() > 20);
        QVERIFY(rig.server.requestCount(QStringLiteral("launchdarkly-projects")) >= 2);
        QCOMPARE(rig.server.requestCount(QStringLiteral("launchdarkly")), 0);
    }

    void forbiddenProjectsListingSaysSo()
    {
        SandboxRig rig;
        const Discovered d = discover(rig.profile(QStringLiteral("launchdarkly")), SandboxCredentials::ldReaderToken());
        QVERIFY(d.error);
        QCOMPARE(d.error->httpStatus, 403);
        QVERIFY2(d.error->message.contains(QLatin1String("Access to the requested resource was denied")),
                 qPrintable(d.error->message));
        // The same token still lists the segments of a typed project and environment.
        PageFetcher fetcher(vendorById(QStringLiteral("launchdarkly")), rig.profile(QStringLiteral("launchdarkly")),
                            SandboxCredentials::ldReaderToken());
        QSignalSpy ready(&fetcher, &PageFetcher::pageReady);
        fetcher.fetch(Cursor {});
        QVERIFY(ready.wait(10000));
    }

    void discoveryFaultIsAnErrorNeverAPartialList()
    {
        SandboxRig rig;
        rig.server.setLdMaxPageSize(1);
        // The third projects page fails every time (500 is retried, then given up).
        QVERIFY(rig.server.setFaults(QStringLiteral("launchdarkly-projects:401@3")));
        const Discovered d =
            discover(rig.profile(QStringLiteral("launchdarkly")), rig.secret(QStringLiteral("launchdarkly")));
        QVERIFY(d.error);
        QVERIFY(d.groups.isEmpty());
    }

    void segmentsOfAnotherScope()
    {
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 200);
        const Profile profile = inScope(rig.profile(QStringLiteral("launchdarkly")), QStringLiteral("mobile-app"),
                                        QStringLiteral("development"));
        PageFetcher fetcher(vendorById(QStringLiteral("launchdarkly")), profile,
                            rig.secret(QStringLiteral("launchdarkly")));
        PageStream stream(&fetcher);
        QStringList keys;
        QStringList links;
        connect(&stream, &PageStream::segmentsReady, this, [&](const QList<Segment> &segments) {
            for (const Segment &s : segments) {
                keys << s.object().value(QStringLiteral("key")).toString();
                links << s.object()
                             .value(QStringLiteral("_links"))
                             .toObject()
                             .value(QStringLiteral("self"))
                             .toObject()
                             .value(QStringLiteral("href"))
                             .toString();
            }
        });
        QSignalSpy finished(&stream, &PageStream::finished);
        stream.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(keys.size(),
                 datagen::launchDarklyScopeCount(QStringLiteral("mobile-app"), QStringLiteral("development"), 200));
        QCOMPARE(keys.constFirst(), datagen::launchDarklyKey(0));
        QVERIFY(links.constFirst().startsWith(QLatin1String("/api/v2/segments/mobile-app/development/")));
    }

    void flagsUsingEachSegment_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<int>("pageCap");
        QTest::newRow("production") << QStringLiteral("production") << 0;
        QTest::newRow("staging, small pages") << QStringLiteral("staging") << 7;
    }

    void flagsUsingEachSegment()
    {
        QFETCH(QString, environment);
        QFETCH(int, pageCap);
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 300);
        rig.server.setLdMaxPageSize(pageCap);
        const Profile profile =
            inScope(rig.profile(QStringLiteral("launchdarkly")), QStringLiteral("default"), environment);
        const Usage u = usageOf(profile, rig.secret(QStringLiteral("launchdarkly")));
        QVERIFY2(!u.error, qPrintable(u.error ? u.error->toString() : QString()));

        const int segments = datagen::launchDarklyScopeCount(QStringLiteral("default"), environment, 300);
        const int flags = datagen::launchDarklyFlagCount(300);
        QCOMPARE(u.usage.users().size(), flags);
        QHash<QString, QStringList> expected; // segment -> flags, in flag order
        for (int f = 0; f < flags; ++f) {
            const QJsonObject flag =
                datagen::launchDarklyFlag(f, QStringLiteral("default"), environment, segments, false);
            const QString key = flag.value(QStringLiteral("key")).toString();
            QCOMPARE(u.usage.users().at(f).key, key);
            QCOMPARE(u.usage.users().at(f).name, flag.value(QStringLiteral("name")).toString());
            QCOMPARE(u.usage.users().at(f).url.toString(),
                     rig.server.rootUrl().toString() + QStringLiteral("/default/") + environment
                         + QStringLiteral("/features/") + key);
            for (const QString &segment : datagen::launchDarklyFlagSegments(f, environment, segments))
                expected[segment] << key;
        }
        QVERIFY(expected.size() > 5);
        for (int i = 0; i < segments; ++i) {
            const QString segment = datagen::launchDarklyKey(i);
            QCOMPARE(u.usage.keysOf(segment), expected.value(segment).join(QLatin1Char(';')));
            QCOMPARE(u.usage.isUsed(segment), expected.contains(segment));
        }
        // Negated clauses count: flag 4 uses its first segment through "not in segment".
        QVERIFY(!datagen::launchDarklyFlagSegments(4, environment, segments).isEmpty());
        QVERIFY(u.usage.isUsed(datagen::launchDarklyFlagSegments(4, environment, segments).constFirst()));
    }

    void flagsFaultsAreTheVendorsErrors_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<bool>("recovers");
        QTest::newRow("429 then fine") << QStringLiteral("launchdarkly-flags:429=1@1") << true;
        QTest::newRow("dropped page retried") << QStringLiteral("launchdarkly-flags:drop@1") << true;
        QTest::newRow("401") << QStringLiteral("launchdarkly-flags:401") << false;
        QTest::newRow("malformed") << QStringLiteral("launchdarkly-flags:malformed") << false;
    }

    void flagsFaultsAreTheVendorsErrors()
    {
        QFETCH(QString, faults);
        QFETCH(bool, recovers);
        SandboxRig rig;
        rig.server.setSegmentCount(QStringLiteral("launchdarkly"), 100);
        QVERIFY(rig.server.setFaults(faults));
        const Usage u =
            usageOf(rig.profile(QStringLiteral("launchdarkly")), rig.secret(QStringLiteral("launchdarkly")));
        QCOMPARE(!u.error, recovers);
        if (recovers)
            QCOMPARE(u.usage.users().size(), datagen::launchDarklyFlagCount(100));
        // The flags' faults never touch the segments' channel.
        QCOMPARE(rig.server.requestCount(QStringLiteral("launchdarkly")), 0);
    }

    void flagsRequestIsTheDocumentedOne()
    {
        const LaunchDarklyApi api;
        Profile profile =
            inScope(Profile {QStringLiteral("p"), api.id(), QUrl(QStringLiteral("https://app.launchdarkly.com")), {}},
                    QStringLiteral("web app"), QStringLiteral("prod"));
        PageQuery query;
        query.query.listing = LaunchDarklyApi::flagsListing;
        const Result<HttpRequest> flags = api.pageRequest(profile, query);
        QVERIFY(flags);
        QCOMPARE(
            flags.value().url.toString(QUrl::FullyEncoded),
            QStringLiteral("https://app.launchdarkly.com/api/v2/flags/web%20app?limit=50&offset=0&env=prod&summary=0"));
        query.query.listing = LaunchDarklyApi::projectsListing;
        QCOMPARE(api.pageRequest(profile, query).value().url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://app.launchdarkly.com/api/v2/projects?limit=50&offset=0&expand=environments"));
        query.query.listing = LaunchDarklyApi::environmentsListing;
        QCOMPARE(
            api.pageRequest(profile, query).value().url.toString(QUrl::FullyEncoded),
            QStringLiteral("https://app.launchdarkly.com/api/v2/projects/web%20app/environments?limit=50&offset=0"));
        // No filter on the account's other listings, and no listing the vendor does not have.
        query.query.filter = QStringLiteral("query equals \"x\"");
        QCOMPARE(api.pageRequest(profile, query).error().kind, Error::Kind::Usage);
        query.query.filter.clear();
        query.query.listing = QStringLiteral("teams");
        QCOMPARE(api.pageRequest(profile, query).error().kind, Error::Kind::Usage);
        // The flags need the environment; the projects do not need the project.
        profile.params.remove(LaunchDarklyApi::environmentKey);
        query.query.listing = LaunchDarklyApi::flagsListing;
        QVERIFY(!api.pageRequest(profile, query));
        profile.params.clear();
        query.query.listing = LaunchDarklyApi::projectsListing;
        QVERIFY(api.pageRequest(profile, query));
    }

    void flagLinksStayOnTheAccountsHost()
    {
        const LaunchDarklyApi api;
        const Profile profile = inScope(
            Profile {QStringLiteral("p"), api.id(), QUrl(QStringLiteral("https://app.eu.launchdarkly.com")), {}},
            QStringLiteral("default"), QStringLiteral("production"));
        const auto flag = [](const QString &site) {
            QJsonObject settings {{QStringLiteral("rules"), QJsonArray()}};
            if (!site.isNull())
                settings.insert(QStringLiteral("_site"), QJsonObject {{QStringLiteral("href"), site}});
            return QJsonObject {
                {QStringLiteral("key"), QStringLiteral("f")},
                {QStringLiteral("environments"), QJsonObject {{QStringLiteral("production"), settings}}}};
        };
        QCOMPARE(api.segmentUser(profile, flag(QStringLiteral("/default/production/features/f"))).url.toString(),
                 QStringLiteral("https://app.eu.launchdarkly.com/default/production/features/f"));
        QCOMPARE(api.segmentUser(profile, flag(QString())).url.toString(),
                 QStringLiteral("https://app.eu.launchdarkly.com/default/production/features/f"));
        QVERIFY(api.segmentUser(profile, flag(QStringLiteral("//evil.example/x"))).url.isEmpty());
        QVERIFY(api.segmentUser(profile, flag(QStringLiteral("https://evil.example/x"))).url.isEmpty());
        // A flag without a name is named by its key.
        QCOMPARE(api.segmentUser(profile, flag(QString())).name, QStringLiteral("f"));
    }
};

QTEST_GUILESS_MAIN(TestLdAccount)
#include "tst_ldaccount.moc"
