// MainWindow's side of the estate: the side bar's entries, what each shows (All segments, one
// vendor's, or one profile's browser), and keeping the side bar and the grid up to date as syncs
// run. The side bar and the grid are SourcesPane and EstatePage; this only wires them.
#include "mainwindow.h"

#include "comparedialog.h"
#include "estatepage.h"
#include "segmentbrowser.h"
#include "settings.h"
#include "sourcespane.h"
#include "storesession.h"

#include "store/segmentstore.h"
#include "store/syncscheduler.h"

#include <QStackedWidget>

namespace sb {

bool MainWindow::showsEstate() const
{
    return m_stack->currentWidget() == m_estate;
}

void MainWindow::showEntry(const QString &entry)
{
    if (entry.startsWith(QLatin1String("profile:"))) {
        m_stack->setCurrentWidget(m_browser);
        const QString name = entry.mid(8);
        if (name != currentProfileName())
            selectProfileByName(name);
    } else {
        m_stack->setCurrentWidget(m_estate);
        m_estate->setVendor(entry.startsWith(QLatin1String("vendor:")) ? entry.mid(7) : QString());
    }
    UiSettings::setSourceEntry(entry);
    updateActions();
}

void MainWindow::refreshSources()
{
    QList<SourceInfo> sources;
    if (m_store) {
        const Result<QList<SourceInfo>> read = m_store->sources();
        if (read)
            sources = read.value();
    }
    m_sources->setSources(m_shownProfiles, sources);
    m_estate->setSources(sources);
    // The entry of the last session, once there is something to choose from; otherwise the profile.
    if (!m_entryRestored && !m_shownProfiles.isEmpty()) {
        m_entryRestored = true;
        const QString saved = UiSettings::sourceEntry();
        if (!saved.isEmpty() && !saved.startsWith(QLatin1String("profile:")) && m_sources->selectEntry(saved))
            showEntry(saved);
    }
    if (!showsEstate())
        m_sources->selectEntry(QStringLiteral("profile:") + currentProfileName());
}

void MainWindow::watchSyncs()
{
    SyncScheduler *scheduler = m_storeSession->scheduler();
    if (!scheduler)
        return;
    connect(scheduler, &SyncScheduler::progress, m_sources, &SourcesPane::setSyncProgress);
    connect(scheduler, &SyncScheduler::started, m_sources,
            [this](const QString &profile) { m_sources->setSyncProgress(profile, 0, -1); });
    const auto ended = [this](const QString &profile) {
        m_sources->clearSyncProgress(profile);
        refreshSources();
        if (showsEstate())
            m_estate->refresh();
        if (m_compare && !m_compare->isRunning())
            m_compare->refreshProfiles(); // the new sync is one more to compare
    };
    connect(scheduler, &SyncScheduler::finished, this, ended);
    connect(scheduler, &SyncScheduler::failed, this, ended);
}

} // namespace sb
