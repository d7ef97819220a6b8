#include "demoscene.h"

#include "model/changesmodel.h"
#include "model/comparisonmodel.h"
#include "model/segmenttablemodel.h"
#include "sandbox/sandboxserver.h"
#include "store/syncscheduler.h"
#include "ui/appearance.h"
#include "ui/changesview.h"
#include "ui/comparedialog.h"
#include "ui/estatepage.h"
#include "ui/mainwindow.h"
#include "ui/segmentbrowser.h"
#include "ui/sourcespane.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QTableView>
#include <QTimer>

namespace sb {

namespace {

// Calls `then` once the table has rows (polls: this is a screenshot helper, not a test).
void whenLoaded(MainWindow *window, std::function<void()> then)
{
    auto *timer = new QTimer(window);
    timer->setInterval(100);
    QObject::connect(timer, &QTimer::timeout, window, [window, timer, then] {
        if (window->model()->rowCount() == 0 || window->model()->isLoading())
            return;
        timer->deleteLater();
        timer->stop();
        then();
    });
    timer->start();
}

void selectRow(MainWindow *window, int row)
{
    window->table()->selectRow(row);
    window->table()->setFocus();
}

} // namespace

void arrangeDemoScene(MainWindow *window, const QString &scene, SandboxServer *sandbox)
{
    if (scene.isEmpty())
        return;
    if (QScreen *screen = window->screen())
        window->setGeometry(screen->availableGeometry());
    if (scene == QLatin1String("dark"))
        applyAppearance(Appearance::Dark);
    if (scene == QLatin1String("details") || scene == QLatin1String("dark")) {
        whenLoaded(window, [window] { selectRow(window, 3); });
    } else if (scene == QLatin1String("filter")) {
        whenLoaded(window, [window] {
            Query query;
            query.filter = QStringLiteral("tags anyOf [\"beta\", \"mobile\"], unbounded equals false");
            query.sort = QStringLiteral("-creationDate,name");
            window->browser()->setQuery(query);
            whenLoaded(window, [window] { selectRow(window, 0); });
        });
    } else if (scene == QLatin1String("changes") && sandbox && window->syncScheduler()) {
        SyncScheduler *syncs = window->syncScheduler();
        auto *step = new int(0);
        QObject::connect(syncs, &SyncScheduler::finished, window, [window, sandbox, step] {
            if ((*step)++ == 0) {
                sandbox->setEpoch(1); // the same account a month later
                window->action(QStringLiteral("actionSync"))->trigger();
                return;
            }
            window->action(QStringLiteral("actionChanges"))->trigger();
            ChangesView *view = window->browser()->changesView();
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                if (view->model()->change(row).fields.size() > 1) {
                    view->table()->selectRow(row);
                    break;
                }
            }
        });
        whenLoaded(window, [window] { window->action(QStringLiteral("actionSync"))->trigger(); });
    } else if (scene == QLatin1String("sync") && window->syncScheduler()) {
        QObject::connect(window->syncScheduler(), &SyncScheduler::idle, qApp, &QCoreApplication::quit);
        QTimer::singleShot(0, window, [window] { window->action(QStringLiteral("actionSyncAll"))->trigger(); });
    } else if (scene == QLatin1String("estate") && window->syncScheduler()) {
        // Every demo profile synced, then All segments with a search across them.
        QObject::connect(window->syncScheduler(), &SyncScheduler::idle, window, [window] {
            window->sourcesPane()->selectEntry(SourcesPane::allEntry());
            window->showAllSegments();
            window->estatePage()->searchEdit()->setText(QStringLiteral("beta"));
            window->estatePage()->refreshQuery();
            window->estatePage()->table()->selectRow(1);
            window->estatePage()->table()->setFocus();
        });
        QTimer::singleShot(0, window, [window] { window->action(QStringLiteral("actionSyncAll"))->trigger(); });
    } else if (scene == QLatin1String("compare")) {
        // The demo account's production against its staging, once the token's places are listed.
        whenLoaded(window, [window] {
            window->action(QStringLiteral("actionCompare"))->trigger();
            CompareDialog *dialog = window->compareDialog();
            auto *b = dialog ? dialog->findChild<QComboBox *>(QStringLiteral("compareB")) : nullptr;
            if (!b)
                return;
            if (QScreen *screen = dialog->screen())
                dialog->setGeometry(screen->availableGeometry().adjusted(60, 40, -60, -40));
            auto *timer = new QTimer(dialog);
            timer->setInterval(100);
            QObject::connect(timer, &QTimer::timeout, dialog, [window, dialog, b, timer] {
                const QString profile = window->currentProfileName();
                if (b->findData(QString(profile + QStringLiteral("\ndefault/staging"))) < 0)
                    return;
                timer->stop();
                timer->deleteLater();
                dialog->setSides(profile, profile, false, false, {}, QStringLiteral("default/staging"));
                QObject::connect(dialog, &CompareDialog::finished, dialog, [dialog] {
                    for (int row = 0; row < dialog->model()->rowCount(); ++row) {
                        if (dialog->model()->difference(row).status == SegmentDifference::Status::Different) {
                            dialog->table()->selectRow(row);
                            break;
                        }
                    }
                });
                dialog->compare();
            });
            timer->start();
        });
    } else if (scene == QLatin1String("profiles")) {
        whenLoaded(window, [window] { window->action(QStringLiteral("actionProfiles"))->trigger(); });
    } else if (scene == QLatin1String("store")) {
        // File > Segment Store…, filled in for a team's catalog.
        whenLoaded(window, [window] {
            window->setStoreContext(
                QDir::home().filePath(QStringLiteral(".local/share/segment-browser/segment-browser/segments.sqlite")),
                {}, {});
            window->action(QStringLiteral("actionStore"))->trigger();
            auto *dialog = window->findChild<QDialog *>(QStringLiteral("storeDialog"));
            if (!dialog)
                return;
            if (auto *catalog = dialog->findChild<QRadioButton *>(QStringLiteral("catalogRadio")))
                catalog->click();
            for (const auto &[name, text] :
                 {std::pair {"hostEdit", "catalog.acme.example"}, std::pair {"databaseEdit", "segments"},
                  std::pair {"userEdit", "anna"}, std::pair {"passwordEdit", "correct horse"}}) {
                if (auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name)))
                    edit->setText(QLatin1String(text));
            }
        });
    } else if (scene == QLatin1String("search")) {
        // A quick search that no loaded row matches: the table's notice.
        whenLoaded(window, [window] { window->searchEdit()->setText(QStringLiteral("passkeys")); });
    } else if (scene == QLatin1String("export")) {
        whenLoaded(window, [window] {
            window->action(QStringLiteral("actionExport"))->trigger();
            auto *options = window->findChild<QDialog *>(QStringLiteral("exportOptionsDialog"));
            if (!options)
                return;
            if (auto *file = options->findChild<QLineEdit *>(QStringLiteral("fileEdit")))
                file->setText(QDir::temp().filePath(QStringLiteral("segment-browser-demo-export.csv")));
            if (auto *start = options->findChild<QPushButton *>(QStringLiteral("exportButton")))
                start->click();
        });
    }
}

} // namespace sb
