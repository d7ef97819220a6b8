#include "gui.h"
#include "cli/storeaccess.h"

#include "demoscene.h"

#include "sandbox/datagen.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxsetup.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilestore.h"
#include "store/segmentstore.h"
#include "ui/appearance.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <optional>

namespace sb {

namespace {

// For scripts/bench only (SB_BENCH_EXIT_AFTER_PAINT=1): prints how long the first paint of the
// window took from the start of runGui, then quits. Not documented to users.
class FirstPaintProbe final : public QObject
{
public:
    FirstPaintProbe(const QElapsedTimer &started, QObject *parent) : QObject(parent), m_clock(started) { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            const double ms = double(m_clock.nsecsElapsed()) / 1e6;
            // After this paint has finished, not in the middle of it.
            QTimer::singleShot(0, this, [ms] {
                QTextStream(stdout) << "first paint after " << ms << " ms" << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_done = false;
};

} // namespace

int runGui(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QApplication app(argc, argv);
    FirstPaintProbe *paintProbe = nullptr;
    if (qEnvironmentVariableIntValue("SB_BENCH_EXIT_AFTER_PAINT") == 1)
        paintProbe = new FirstPaintProbe(started, &app);
    QApplication::setApplicationName(QStringLiteral("segment-browser"));
    QApplication::setApplicationDisplayName(QApplication::translate("sb::App", "Segment Browser"));
    QApplication::setOrganizationName(QStringLiteral("segment-browser"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setDesktopFileName(QStringLiteral("segment-browser"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/segment-browser.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("sb::App", "Browse and export audience segments."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("sb::App", "Open on the built-in sandbox, one profile per vendor."));
    const QCommandLineOption segments(QStringLiteral("demo-segments"),
                                      QApplication::translate("sb::App", "Segments per vendor in the demo sandbox."),
                                      QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption demoDataSet(
        QStringLiteral("demo-data"),
        QApplication::translate("sb::App",
                                "The demo sandbox's segments: demo (a plausible company's accounts, the default) or "
                                "faults (the awkward test corpus: scripts, quotes, formulas, HTML)."),
        QStringLiteral("SET"), QStringLiteral("demo"));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QApplication::translate("sb::App",
                                "Keep the snapshots in URL: a file, or a team's catalog (postgresql://host/db). "
                                "Otherwise SEGMENT_BROWSER_STORE, the settings (segment-browser store use), or "
                                "the local file."),
        QStringLiteral("URL"));
    // For scripts/screenshots and the benchmark; not for users, so hidden from --help.
    QCommandLineOption demoProfile(QStringLiteral("demo-profile"), QStringLiteral("Open the demo profile of VENDOR."),
                                   QStringLiteral("VENDOR"));
    QCommandLineOption demoScene(QStringLiteral("demo-scene"), QStringLiteral("Arrange the window for a screenshot."),
                                 QStringLiteral("SCENE"));
    QCommandLineOption demoLatency(QStringLiteral("demo-latency-ms"),
                                   QStringLiteral("Delay every sandbox answer by MS milliseconds."),
                                   QStringLiteral("MS"));
    // For scripts/bench: the demo keeps its snapshots in this file instead of a temporary one.
    QCommandLineOption demoStore(QStringLiteral("demo-store"), QStringLiteral("The demo's segment store file."),
                                 QStringLiteral("FILE"));
    for (QCommandLineOption *hidden : {&demoProfile, &demoScene, &demoLatency, &demoStore})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(demo);
    parser.addOption(segments);
    parser.addOption(demoDataSet);
    parser.addOption(storeOption);
    parser.addOptions({demoProfile, demoScene, demoLatency, demoStore});
    parser.process(app);
    const std::optional<datagen::DataSet> dataSet = datagen::dataSetNamed(parser.value(demoDataSet));
    if (!dataSet) {
        QTextStream(stderr) << QApplication::translate("sb::App", "--demo-data is demo or faults, not \"%1\"")
                                   .arg(parser.value(demoDataSet))
                            << Qt::endl;
        return 2;
    }

    UiSettings::migrate();
    applyAppearance(UiSettings::appearance());

    // Declared before the window, so they outlive it.
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<KeychainSecretStore> secrets;
    // The demo keeps its snapshots in a folder of its own, gone when it closes.
    std::unique_ptr<QTemporaryDir> demoData;
    std::unique_ptr<SegmentStore> store;
    MainWindow window;
    SandboxServer *sandbox = nullptr;
    if (parser.isSet(demo)) {
        sandbox = new SandboxServer(&app);
        sandbox->setDataSet(*dataSet); // before any record is written out
        sandbox->setLdFilterHook(ldFilterLanguageHook());
        sandbox->setLdSortHook(ldSortLanguageHook());
        sandbox->setSegmentCount(qMax(0, parser.value(segments).toInt()));
        sandbox->setLatencyMs(qMax(0, parser.value(demoLatency).toInt()));
        if (!sandbox->listen()) {
            QMessageBox::critical(nullptr, QApplication::translate("sb::App", "Segment Browser"),
                                  QApplication::translate("sb::App", "Could not start the demo sandbox on 127.0.0.1."));
            return 1;
        }
        demoData = std::make_unique<QTemporaryDir>();
        store = std::make_unique<SegmentStore>(
            parser.isSet(demoStore) ? parser.value(demoStore) : demoData->filePath(QStringLiteral("segments.sqlite")));
        store->open();
        window.setSegmentStore(store.get());
        QList<SessionProfile> profiles;
        QString first; // --demo-profile's, opened first so that no other is opened (and synced) on the way
        for (const auto &[profile, secret] : sandboxDemoProfiles(sandbox->rootUrl())) {
            profiles.append({profile, secret});
            if (profile.vendor == parser.value(demoProfile))
                first = profile.name;
        }
        window.setProfiles(profiles, first);
        window.setDemoNote(QApplication::translate("sb::App",
                                                   "Demo: these profiles read made-up segments from the built-in "
                                                   "sandbox on %1. Nothing leaves this computer.")
                               .arg(sandbox->rootUrl().toDisplayString()));
    } else {
        // --store, SEGMENT_BROWSER_STORE, the settings, or the local file; a catalog's password from
        // the keychain. A store that does not open is said in the window, which then browses live.
        cli::setStoreOption(parser.value(storeOption));
        Result<cli::ChosenStore> chosen = cli::chosenStore();
        // A store URL that cannot be used (mistyped, or weaker TLS to another machine) is said in the
        // window, which keeps to the local file meanwhile: File > Segment Store… puts it right.
        const Error unusable = chosen ? Error() : chosen.error();
        if (!chosen)
            chosen = cli::ChosenStore {StoreLocation::parse({}, SegmentStore::defaultPath()).value(),
                                       cli::StoreSource::Default};
        store = std::make_unique<SegmentStore>(chosen.value().location, cli::catalogPassword(chosen.value().location));
        store->open();
        window.setSegmentStore(store.get());
        if (unusable.isError())
            window.setStoreNote(QApplication::translate("sb::App",
                                                        "The store chosen for Segment Browser cannot be used: %1. "
                                                        "Snapshots are kept in this computer's file meanwhile; "
                                                        "File > Segment Store… chooses another.")
                                    .arg(unusable.message));
        const cli::StoreSource source = chosen.value().source;
        window.setStoreContext(SegmentStore::defaultPath(),
                               source == cli::StoreSource::Option            ? QStringLiteral("--store")
                                   : source == cli::StoreSource::Environment ? QStringLiteral("SEGMENT_BROWSER_STORE")
                                                                             : QString(),
                               &cli::catalogPassword);
        profiles = std::make_unique<ProfileStore>(ProfileStore::defaultPath());
        secrets = std::make_unique<KeychainSecretStore>();
        window.setStores(profiles.get(), secrets.get());
        // File > Segment Store…: the store it chose (it opened there) replaces this one and is kept
        // in the settings; a catalog's password goes to the keychain.
        QObject::connect(
            &window, &MainWindow::storeChosen, &window,
            [&window, &store, &secrets](const StoreLocation &location, const QString &password) {
                if (location.kind == StoreLocation::Kind::PostgreSql && !password.isEmpty()
                    && !secrets->waitFor(secrets->write(location.secretKey(), password)).ok())
                    QMessageBox::warning(&window, QApplication::translate("sb::App", "Segment Store"),
                                         QApplication::translate("sb::App",
                                                                 "The catalog's password could not be kept in the "
                                                                 "keychain; it is used until Segment Browser closes."));
                const bool local =
                    location.kind == StoreLocation::Kind::SqliteFile && location.path == SegmentStore::defaultPath();
                cli::setStoreSetting(local ? QString() : location.displayUrl());
                auto next = std::make_unique<SegmentStore>(
                    location, password.isEmpty() ? cli::catalogPassword(location) : password);
                next->open();
                window.replaceSegmentStore(next.get());
                store = std::move(next); // the old one goes once the window let go of it
            });
    }
    if (paintProbe)
        window.installEventFilter(paintProbe);
    window.show();
    arrangeDemoScene(&window, parser.value(demoScene), sandbox);
    return app.exec();
}

} // namespace sb
