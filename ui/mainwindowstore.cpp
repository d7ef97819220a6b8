// The window's store: setting it and replacing it (File > Segment Store…), its syncs' Changes
// view, and a profile opened without its key (read only, on its snapshot).
#include "comparedialog.h"
#include "errorbanner.h"
#include "estatepage.h"
#include "mainwindow.h"
#include "profilesession.h"
#include "scopeswitcher.h"
#include "searchbar.h"
#include "segmentbrowser.h"
#include "storedialog.h"
#include "storesession.h"

#include "store/segmentstore.h"

#include <QAction>
#include <QLabel>

namespace sb {

void MainWindow::setSegmentStore(SegmentStore *store)
{
    const QString problem = m_storeSession->setStore(store);
    m_storeNote->setText(problem);
    m_storeNote->setVisible(!problem.isEmpty());
    if (store)
        m_storeLocation = store->location();
    m_store = m_storeSession->isOpen() ? store : nullptr;
    m_estate->setStore(m_store, problem.isEmpty() ? QString() : tr("The segment store is not available"));
    watchSyncs();
    refreshSources();
    updateActions();
}

void MainWindow::replaceSegmentStore(SegmentStore *store)
{
    // Nothing may read the old store past this point: Compare's sides, the snapshot on show.
    if (m_compare)
        delete m_compare;
    const QString current = currentProfileName();
    m_browser->close();
    setSegmentStore(store);
    if (!current.isEmpty())
        selectProfileByName(current);
}

void MainWindow::setStoreContext(const QString &localPath, const QString &overriddenBy,
                                 std::function<QString(const StoreLocation &)> storedPassword)
{
    m_localStorePath = localPath;
    m_storeOverride = overriddenBy;
    m_storedPassword = std::move(storedPassword);
    action(QStringLiteral("actionStore"))->setEnabled(true);
}

void MainWindow::openStoreDialog()
{
    auto *dialog =
        new StoreDialog(m_storeLocation, m_localStorePath.isEmpty() ? SegmentStore::defaultPath() : m_localStorePath,
                        m_storeOverride, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStoredPassword(m_storedPassword);
    connect(dialog, &StoreDialog::chosen, this, &MainWindow::storeChosen);
    dialog->open();
}

SyncScheduler *MainWindow::syncScheduler() const
{
    return m_storeSession->scheduler();
}

void MainWindow::toggleChanges(bool show)
{
    if (!show) {
        m_browser->hideChanges();
    } else if (!m_storeSession->showChanges()) {
        QSignalBlocker block(action(QStringLiteral("actionChanges")));
        action(QStringLiteral("actionChanges"))->setChecked(false);
    }
}

void MainWindow::onOpenedWithoutSecret(const Profile &profile, const QString &whyNot)
{
    m_searchBar->clear();
    action(QStringLiteral("actionChanges"))->setChecked(false);
    const QString readOnly = m_storeSession->openReadOnly(profile);
    if (readOnly.isEmpty())
        return onWaiting(whyNot, true);
    m_browser->showReadOnly(readOnly);
    m_scopeSwitcher->setVisible(false);
    setWindowTitle(tr("%1 (read only) — Segment Browser").arg(profile.name));
    updateActions();
}

} // namespace sb
